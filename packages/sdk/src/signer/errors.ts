import type { Language } from '../messages/codes.js';

/**
 * Why a signer did not sign, each a stable code a page branches on and words in the citizen's language
 * ({@link signerMessage}):
 *
 * - `cancelled` — the holder said no: closed the plugin's dialog, declined, or the page's confirmation.
 * - `signer_unavailable` — no signing plugin answers (not installed, not running, blocked), or no token
 *   is plugged in.
 * - `no_certificate` — the token holds no certificate that can sign.
 * - `certificate_not_found` — the chosen certificate is not (any longer) on the token: it was removed.
 * - `choice_needed` — several certificates and no way to choose: give `signChallenge` a `choose`.
 * - `pin_incorrect` — a wrong PIN; the holder may try again.
 * - `pin_locked` — too many wrong PINs: the token is locked until its PUK (or the CA) unlocks it.
 * - `timeout` — neither the holder nor the plugin answered in time.
 * - `unsupported` — the plugin cannot sign what was asked (an algorithm, raw bytes).
 * - `failed` — anything else the plugin reported; its own error is the `cause`.
 */
export type SignerErrorCode =
  | 'cancelled'
  | 'signer_unavailable'
  | 'no_certificate'
  | 'certificate_not_found'
  | 'choice_needed'
  | 'pin_incorrect'
  | 'pin_locked'
  | 'timeout'
  | 'unsupported'
  | 'failed';

/** Every {@link SignerErrorCode}. */
export const SIGNER_ERROR_CODES = [
  'cancelled',
  'signer_unavailable',
  'no_certificate',
  'certificate_not_found',
  'choice_needed',
  'pin_incorrect',
  'pin_locked',
  'timeout',
  'unsupported',
  'failed',
] as const satisfies readonly SignerErrorCode[];

/**
 * A signer's refusal or failure. Branch on `code`, never on the message; a vendor plugin's own error,
 * when there is one, is the `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await signChallenge(client, signer, { operation: 'upgrade', subjectType: 'citizen' });
 * } catch (error) {
 *   if (error instanceof SignerError && error.code === 'signer_unavailable') showInstallPluginHelp();
 *   else throw error;
 * }
 * ```
 */
export class SignerError extends Error {
  override readonly name = 'SignerError';
  /** Stable code to branch on. */
  readonly code: SignerErrorCode;

  constructor(code: SignerErrorCode, options: { message?: string; cause?: unknown } = {}) {
    super(options.message ?? signerMessage(code, 'en'), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

const MESSAGES: Readonly<Record<Language, Readonly<Record<SignerErrorCode, string>>>> = {
  vi: {
    cancelled: 'Bạn đã hủy ký số.',
    signer_unavailable:
      'Không tìm thấy phần mềm ký số hoặc thiết bị USB ký số. Hãy cắm USB ký số, bật phần mềm ký số của nhà cung cấp rồi thử lại.',
    no_certificate: 'Thiết bị ký số không có chứng thư số dùng để ký được.',
    certificate_not_found: 'Không còn thấy chứng thư số đã chọn. Hãy kiểm tra USB ký số rồi chọn lại.',
    choice_needed: 'Hãy chọn một chứng thư số để ký.',
    pin_incorrect: 'Mã PIN không đúng. Hãy nhập lại.',
    pin_locked:
      'Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần. Hãy liên hệ nhà cung cấp chứng thư số để mở khóa.',
    timeout: 'Hết thời gian chờ ký số. Hãy thử lại.',
    unsupported: 'Phần mềm ký số không hỗ trợ kiểu ký này.',
    failed: 'Không ký số được. Hãy thử lại hoặc liên hệ nhà cung cấp chứng thư số.',
  },
  en: {
    cancelled: 'You cancelled the signature.',
    signer_unavailable: 'No signing plugin or USB token was found. Plug in the USB token, start the signing software from your CA, and try again.',
    no_certificate: 'The token holds no certificate that can sign.',
    certificate_not_found: 'The chosen certificate is no longer there. Check the USB token and choose again.',
    choice_needed: 'Choose a certificate to sign with.',
    pin_incorrect: 'The PIN is wrong. Enter it again.',
    pin_locked: 'The token is locked after too many wrong PINs. Contact your certificate provider to unlock it.',
    timeout: 'Signing took too long. Try again.',
    unsupported: 'The signing software does not support this kind of signature.',
    failed: 'The signature could not be made. Try again, or contact your certificate provider.',
  },
};

/**
 * The text of a signer error in the citizen's language.
 *
 * @example
 * ```ts
 * status.textContent = signerMessage(error.code, 'vi'); // "Bạn đã hủy ký số."
 * ```
 */
export function signerMessage(code: SignerErrorCode, lang: Language): string {
  return MESSAGES[lang][code];
}
