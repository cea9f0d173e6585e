import type { FieldRule, Language, ProblemCode } from './codes.js';
import { problemsEn, rulesEn } from './en.js';
import { problemsVi, rulesVi } from './vi.js';
import { fillMessage as fill, type MessageParams } from './fill.js';

const problems = { vi: problemsVi, en: problemsEn } as const;
const rules = { vi: rulesVi, en: rulesEn } as const;

export type { MessageParams } from './fill.js';

/**
 * The citizen-facing text of a problem code in a language.
 *
 * @example
 * ```ts
 * problemMessage('too_many_attempts', 'en', { seconds: 60 }); // 'Too many attempts. Please try again in 60 seconds.'
 * ```
 */
export function problemMessage(code: ProblemCode, lang: Language, params: MessageParams = {}): string {
  return fill(problems[lang][code] ?? problems[lang].internal, params);
}

/**
 * The citizen-facing text of a field rule in a language.
 *
 * @example
 * ```ts
 * ruleMessage('password_min_length', 'vi', { min: 8 }); // 'Ít nhất 8 ký tự'
 * ```
 */
export function ruleMessage(rule: FieldRule, lang: Language, params: MessageParams = {}): string {
  return fill(rules[lang][rule] ?? rules[lang].invalid_type, params);
}
