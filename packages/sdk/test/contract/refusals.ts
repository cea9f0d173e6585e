import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { fieldErrorsFromIssues } from '../../src/contract/issues.js';
import type { FieldError } from '../../src/contract/common.js';
import type { Language } from '../../src/messages/codes.js';

/** Parses `body` as the service would, expects it refused, and gives the field errors a caller sees. */
export function refusals(schema: z.ZodMiniType, body: unknown, lang: Language = 'en'): FieldError[] {
  const result = schema.safeParse(body);
  assert.equal(result.success, false, `expected ${JSON.stringify(body)} to be refused`);
  return fieldErrorsFromIssues(result.error!.issues, lang);
}

/** The same, reduced to `field → rule` pairs. */
export function brokenRules(schema: z.ZodMiniType, body: unknown): Record<string, string> {
  return Object.fromEntries(refusals(schema, body).map((error) => [error.field, error.code]));
}
