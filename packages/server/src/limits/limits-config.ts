import * as z from 'zod';

/** Longest window a limit may have: counted events are kept that long, and no longer. */
export const LONGEST_LIMIT_WINDOW_SECONDS = 86_400;

const WindowSchema = z.object({
  /** Events allowed in any window of `windowSeconds`. */
  max: z.int().min(1).max(100_000).describe('Events allowed in any window of `windowSeconds`.'),
  /** Length of the sliding window, at most a day. */
  windowSeconds: z.int().min(10).max(LONGEST_LIMIT_WINDOW_SECONDS).describe('Length of the sliding window in seconds, at most a day.'),
});

const windows = (defaults: { max: number; windowSeconds: number }[]) => z.array(WindowSchema).min(1).max(4).default(defaults);

/**
 * Per-address and per-ID-number limits the service applies before expensive or revealing work.
 * Defaults, and why:
 *
 * - `registerLookups` — each question to a register (carrier now, social insurance next) is counted
 *   before it is asked, matches and mismatches alike, so no one can test (ID number, name, birth date,
 *   phone) combinations against a register's records. Per client address 20 per 10 minutes and 100 a
 *   day: a one-stop counter or an office behind one NAT registers a few citizens an hour, far below
 *   that; a script testing combinations is stopped after 100 a day. Per ID number 5 an hour and 10 a
 *   day: a citizen mistyping a name or date gets several tries, while no one can probe one person's
 *   record from many addresses.
 * - `signInAttempts` — password tries per client address across all ID numbers (password spraying),
 *   counted before the password is checked; a correct password gives its slot back, so the limit bites
 *   on failures. Per address 30 per 10 minutes and 200 a day: generous for citizens behind one carrier
 *   NAT who mistype now and then, while one address can try a password on at most 200 ID numbers a
 *   day. The wrong-password slow-down per ID number (`signInThrottle`) applies as well.
 * - `signatureChallenges` — signature challenges issued and certificates previewed per client
 *   address, 30 per 10 minutes and 300 a day: a citizen signs once or twice, a one-stop counter a few
 *   dozen times a day; each preview may make the service fetch a CRL, so no one may drive it at will.
 * - `signatureRequests` — SIM-signature and remote-signing requests: each sends a prompt to someone's
 *   phone and asks the provider whether it knows the holder, so both are counted before the provider
 *   is asked. Per client address 10 per 10 minutes and 50 a day (a citizen signs once or twice; a
 *   counter a few dozen times a day); per holder 3 per 10 minutes and 10 a day, so no one can flood a
 *   phone with prompts or probe which numbers have a SIM signature.
 * - `operatorCalls` — calls of one operator credential (a one-stop counter's back office) per hour,
 *   100 by default: a busy counter replaces a few phones an hour, while a leaked token can change only
 *   that many accounts before the audit log and the notices to the new phones show it.
 */
export const LimitsSchema = z.object({
  registerLookups: z
    .object({
      perAddress: windows([{ max: 20, windowSeconds: 600 }, { max: 100, windowSeconds: 86_400 }]).describe(
        'Register look-ups from one client address: counted before the register is asked, mismatches included (a NAT of a one-stop counter stays far below).',
      ),
      perIdNumber: windows([{ max: 5, windowSeconds: 3600 }, { max: 10, windowSeconds: 86_400 }]).describe(
        'Register look-ups about one ID number, from any address: a citizen who mistypes gets several tries, no one can probe a record.',
      ),
    })
    .prefault({})
    .describe('Questions to the registers (carrier, social insurance), so no one uses the service as an oracle of their records.'),
  signInAttempts: z
    .object({
      perAddress: windows([{ max: 30, windowSeconds: 600 }, { max: 200, windowSeconds: 86_400 }]).describe(
        'Password attempts from one client address across ID numbers (spraying), counted before the hash; a correct password gives its slot back.',
      ),
    })
    .prefault({})
    .describe('Sign-in attempts across ID numbers.'),
  signatureChallenges: z
    .object({
      perAddress: windows([{ max: 30, windowSeconds: 600 }, { max: 300, windowSeconds: 86_400 }]).describe(
        'Signature challenges issued and certificates previewed from one client address (each preview may fetch a CRL).',
      ),
    })
    .prefault({})
    .describe('Signature challenges and certificate previews per client address.'),
  signatureRequests: z
    .object({
      perAddress: windows([{ max: 10, windowSeconds: 600 }, { max: 50, windowSeconds: 86_400 }]).describe(
        'SIM-signature and remote-signing requests started from one client address (each sends a prompt to a phone and asks the provider).',
      ),
      perHolder: windows([{ max: 3, windowSeconds: 600 }, { max: 10, windowSeconds: 86_400 }]).describe(
        'Signing requests sent to one holder (phone, ID number or provider account), whatever the address: no one floods a phone with prompts.',
      ),
    })
    .prefault({})
    .describe('SIM-signature and remote-signing requests per client address and per holder.'),
  operatorCalls: z
    .object({
      perOperator: windows([{ max: 100, windowSeconds: 3600 }]).describe(
        'Calls of one operator credential to the operator API: a counter serves a few citizens an hour; a leaked token replaces few phones before someone notices.',
      ),
    })
    .prefault({})
    .describe('Calls to the operator API (`/operator/v1`) per operator credential.'),
}).prefault({});

/** The validated `limits` configuration. */
export type LimitsConfig = z.output<typeof LimitsSchema>;
