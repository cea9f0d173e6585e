import type { FieldRule } from '../messages/codes.js';

/**
 * The zod `error` option that names the rule a value of the wrong shape breaks: `required` when it is
 * missing or `null`, `otherwise` when it is there but of another type or value. zod leaves the input
 * out of the issues it reports (so passwords never travel in them), so the choice is made here, where
 * the input is still known.
 */
export function typeRule(otherwise: FieldRule = 'invalid_type'): { error: (issue: { readonly input?: unknown }) => FieldRule } {
  return { error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : otherwise) };
}
