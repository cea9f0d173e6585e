/**
 * A portal's password rules as data, so the widget can list them as the citizen types and the
 * service applies exactly the same ones. `GET /v1/config` sends the policy in force.
 *
 * The composition rules (`requireLower` … `requireSpecial`) are the national portal's requirement.
 * ASVS 5.0 (6.2.5) and NIST SP 800-63B rev 4 advise against composition rules; an operator may drop
 * them by configuration and rely on length and the common-password check.
 */
export interface PasswordPolicy {
  /** Fewest characters (Unicode code points after NFC). */
  readonly minLength: number;
  /** Most characters; longer passwords are refused, never truncated. */
  readonly maxLength: number;
  readonly requireLower: boolean;
  readonly requireUpper: boolean;
  readonly requireDigit: boolean;
  readonly requireSpecial: boolean;
  /** Refuse passwords found in the common-password list. */
  readonly rejectCommon: boolean;
  /** Refuse passwords containing the ID number, phone, birth date or name. */
  readonly rejectPersonalData: boolean;
}

/** A new password may not be any of the account's last this many passwords (the current one included). */
export const PASSWORD_HISTORY_SIZE = 5;

/**
 * The national portal's rule: 8 to 128 characters with a lower-case letter, an upper-case letter, a
 * digit and a special character; common passwords and personal data refused.
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  minLength: 8,
  maxLength: 128,
  requireLower: true,
  requireUpper: true,
  requireDigit: true,
  requireSpecial: true,
  rejectCommon: true,
  rejectPersonalData: true,
});
