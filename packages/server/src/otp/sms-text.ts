/**
 * The text message carrying a code: Vietnamese without diacritics (ASCII travels on every handset and
 * gateway), naming the validity and warning not to share it.
 *
 * @example
 * ```ts
 * codeMessage('123456', 180); // 'DVC: Ma xac thuc cua ban la 123456, hieu luc 3 phut. Khong chia se ma nay cho bat ky ai.'
 * ```
 */
export function codeMessage(code: string, ttlSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(ttlSeconds / 60));
  return `DVC: Ma xac thuc cua ban la ${code}, hieu luc ${minutes} phut. Khong chia se ma nay cho bat ky ai.`;
}
