import { FIELD_RULES, PROBLEM_CODES } from '../../src/messages/codes.js';

/** Every key of both catalogues: each problem code and each field rule, labelled for assertion messages. */
export const everyKey = [
  ...PROBLEM_CODES.map((code) => ({ kind: 'problem' as const, key: code })),
  ...FIELD_RULES.map((rule) => ({ kind: 'rule' as const, key: rule })),
];

/** The `{name}` placeholders of a message, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}
