import { FIELD_RULES, type FieldRule, type Language } from '../messages/codes.js';
import { ruleMessage } from '../messages/format.js';
import type { FieldError } from './common.js';

/** The part of a zod issue this module reads. */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  /** Values a custom rule gives its message, e.g. `{ suggestion: '0321234567' }`. */
  readonly params?: Readonly<Record<string, unknown>>;
}

const knownRules = new Set<string>(FIELD_RULES);

/**
 * Turns schema issues into field errors with a stable rule code and its text, so the service can
 * answer "which field, which rule" in the citizen's language.
 *
 * @example
 * ```ts
 * const result = StartSignInSchema.safeParse(body);
 * if (!result.success) fieldErrorsFromIssues(result.error.issues, 'vi');
 * ```
 */
export function fieldErrorsFromIssues(issues: readonly SchemaIssue[], lang: Language): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'body';
    if (seen.has(field)) continue;
    seen.add(field);
    const code: FieldRule = knownRules.has(issue.message)
      ? (issue.message as FieldRule)
      : issue.code === 'invalid_type' && issue.input === undefined
        ? 'required'
        : 'invalid_type';
    const params: Record<string, string | number> = {};
    if (issue.minimum !== undefined) params.min = Number(issue.minimum);
    if (issue.maximum !== undefined) params.max = Number(issue.maximum);
    for (const [name, value] of Object.entries(issue.params ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    const error: FieldError = { field, code, message: ruleMessage(code, lang, params) };
    // Only a rule's own values travel; a size limit's min/max already sits in the message.
    if (issue.params && Object.keys(issue.params).length) error.params = params;
    errors.push(error);
  }
  return errors;
}
