/** Values filled into `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A message template with its `{name}` placeholders filled from `params` (placeholders without a value
 * stay as they are). For texts picked from one language's catalogue ({@link problemsVi}, {@link rulesEn}…)
 * without loading the other language, as the widgets do.
 *
 * @example
 * ```ts
 * fillMessage(problemsVi.too_many_attempts, { seconds: 60 }); // 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 60 giây.'
 * ```
 */
export function fillMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
