import { parseIdNumber } from '@dvc-kit/sdk';
import type { AccountChangeStarted, StartCccdAdditionRequest } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { RegistryUnavailableError } from '../registries/carrier.js';
import type { AccountRecord } from '../store/accounts.js';
import { requireCitizen, type CitizenAccount } from './account-holder.js';
import { beginChange, requireCurrentPassword, type AccountHolder } from './account-changes.js';
import type { Caller } from './caller.js';
import { takeRegisterLookup, type RegisterName } from './register-lookup-limit.js';

/**
 * Whether an account may still add a CCCD: it registered with a 9-digit CMND and has none added.
 *
 * An old 12-digit CMND (issued 2012–2016) cannot be told from a CCCD by its digits: it carries the
 * same personal identification number the CCCD that replaced it does, in the same layout. An account
 * registered with any 12-digit number therefore already signs in with its CCCD number.
 */
export function mayAddCccd(account: Pick<AccountRecord, 'idNumber' | 'idNumberAliases'>): boolean {
  return account.idNumber !== null && /^\d{9}$/.test(account.idNumber) && (account.idNumberAliases ?? []).length === 0;
}

/**
 * Asks the register that verified the account whether it knows the CCCD as the holder's: the
 * social-insurance register (CCCD, BHXH code, name, birth date) for an account made by social
 * insurance when the service has that register, the carrier (CCCD, name, birth date and the
 * registered phone) otherwise — the same match registration makes. Counted against the register
 * look-up limits of the address and of the CCCD before the register is asked, mismatches included.
 * @throws {ProblemError} `too_many_attempts`, `carrier_mismatch`, `bhxh_mismatch` or `registry_unavailable`.
 */
async function requireRegisterMatch(deps: AppDeps, caller: Caller, account: CitizenAccount, cccd: string): Promise<void> {
  const { log } = deps;
  const socialInsurance = account.bhxhCode && deps.socialInsurance ? { register: deps.socialInsurance, bhxhCode: account.bhxhCode } : undefined;
  const register: RegisterName = socialInsurance ? 'social_insurance' : 'carrier';
  await takeRegisterLookup(deps, caller.address, register, cccd);
  let match: 'match' | 'mismatch';
  try {
    match = socialInsurance
      ? await socialInsurance.register.verifyInsuredPerson({ idNumber: cccd, bhxhCode: socialInsurance.bhxhCode, fullName: account.fullName, birthDate: account.birthDate })
      : await deps.carrier.verifySubscriber({ idNumber: cccd, fullName: account.fullName, birthDate: account.birthDate, phone: account.phone });
  } catch (error) {
    log.error('registry.unavailable', { registry: register, error: error instanceof RegistryUnavailableError ? error.message : 'unexpected' });
    throw new ProblemError('registry_unavailable', { retryAfter: 60 });
  }
  if (match === 'mismatch') {
    log.info('account_change.cccd_mismatch', { sub: account.sub, register, id: log.hash('id', cccd) });
    throw new ProblemError(socialInsurance ? 'bhxh_mismatch' : 'carrier_mismatch');
  }
}

/**
 * Adding the 12-digit CCCD to an account registered with a 9-digit CMND (no longer an ID document
 * since 1/1/2025, kept as a sign-in alias): an account change of its own kind (`cccd`), carried on by
 * the account changes' code steps (`accountChanges.verifyCode`, `.resend`):
 *
 * current password and the CCCD → its province and century digits read, its birth year the account's
 * → the register match (as at registration) → code to the registered phone (`code_sent`) → code
 * verified: the CCCD added (`completed`), after which the CMND and the CCCD both sign in to the one
 * account, or — when another account signs in with that CCCD — the change ends (`closed`) with
 * `cccd_in_use`, told only after the code, as registration tells `account_exists`.
 */
export const cccdAddition = {
  /**
   * Starts adding a CCCD. The account's eligibility first (its own detail, no oracle), then the
   * current password (counted as at sign-in), the birth year, the register, the code.
   * @throws {ProblemError} `cccd_already_added`, `too_many_attempts`, `invalid_credentials`, `validation_failed`
   * (`cccd`: `id_number_cccd`, `id_number_province`, `id_number_century`, `id_number_birth_year`),
   * `carrier_mismatch`, `bhxh_mismatch`, `registry_unavailable`, `otp_rate_limited`, `sms_unavailable`.
   */
  async start(deps: AppDeps, caller: Caller, holder: AccountHolder, data: StartCccdAdditionRequest): Promise<AccountChangeStarted> {
    const { account } = holder;
    requireCitizen(account);
    if (!mayAddCccd(account)) throw new ProblemError('cccd_already_added');
    await requireCurrentPassword(deps, caller, account, data.currentPassword);
    const parsed = parseIdNumber(data.cccd, deps.clock());
    // The contract's CccdField already refused anything but a well-formed CCCD.
    if (!parsed.ok || parsed.kind !== 'cccd') throw new ProblemError('validation_failed', { errors: [{ field: 'cccd', code: 'id_number_cccd' }] });
    if (parsed.info.birthYear !== Number(account.birthDate.slice(0, 4))) {
      throw new ProblemError('validation_failed', { errors: [{ field: 'cccd', code: 'id_number_birth_year' }] });
    }
    await requireRegisterMatch(deps, caller, account, parsed.value);
    return beginChange(deps, caller, holder, account.phone, { change: 'cccd', sessionId: holder.session.id, endOtherSessions: false, cccd: parsed.value });
  },
};
