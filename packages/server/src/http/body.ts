import { fieldErrorsFromIssues, type SchemaIssue } from '@dvc-kit/sdk/contract';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/** A parsed body and the text it came from (for idempotency fingerprints). */
export interface JsonBody<T> {
  readonly data: T;
  readonly raw: string;
}

/** A schema with zod's `safeParse` (the SDK's contract schemas). */
export interface ContractSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

/**
 * Reads a JSON body and validates it with a contract schema. Malformed JSON or a broken rule is a 400
 * `validation_failed` naming each field and rule in the caller's language — never a 500. The body's
 * size and media type were checked as it arrived (`bodyLimitMiddleware`, `jsonContentTypeMiddleware`
 * on `/v1/*`), so what is read here is already bounded.
 */
export async function readBody<T>(c: Context<AppEnv>, schema: ContractSchema<T>): Promise<JsonBody<T>> {
  let raw: string;
  try {
    raw = await c.req.text();
  } catch {
    throw new ProblemError('validation_failed', { errors: [{ field: 'body', code: 'invalid_type' }] });
  }
  let json: unknown;
  try {
    json = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    throw new ProblemError('validation_failed', { errors: [{ field: 'body', code: 'invalid_type' }] });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ProblemError('validation_failed', { errors: [{ field: 'body', code: 'invalid_type' }] });
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ProblemError('validation_failed', { errors: fieldErrorsFromIssues(result.error.issues, c.var.lang) });
  return { data: result.data, raw };
}
