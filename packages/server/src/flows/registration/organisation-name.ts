/**
 * An organisation's name as a certificate's O (or CN) gives it, made fit to store and show: NFC,
 * spaces collapsed and trimmed, 1–255 characters, no control or formatting characters. Unlike a
 * person's name it may hold digits and punctuation ("Công ty TNHH Ví Dụ 2", "UBND tỉnh Bắc Ninh").
 *
 * @returns the name, or `undefined` when nothing usable is left.
 * @example
 * ```ts
 * organisationName('  Công ty  TNHH Ví Dụ '); // 'Công ty TNHH Ví Dụ'
 * ```
 */
export function organisationName(text: string | undefined): string | undefined {
  if (text === undefined || /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u.test(text)) return undefined;
  const name = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return name.length >= 1 && name.length <= 255 ? name : undefined;
}
