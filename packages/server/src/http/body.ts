import { fieldErrorsFromIssues, type SchemaIssue } from '@dvc-kit/sdk/contract';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

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
 * Reads a JSON body and validates it with a contract schema. Malformed JSON, a body too large, or a
 * broken rule is a 400 `validation_failed` naming each field and rule in the caller's language —
 * never a 500.
 */
export async function readBody<T>(c: Context<AppEnv>, schema: ContractSchema<T>): Promise<JsonBody<T>> {
  const declared = Number(c.req.header('Content-Length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ProblemError('validation_failed', { errors: [{ field: 'body', code: 'too_long' }] });
  let raw: string;
  try {
    raw = await c.req.text();
  } catch {
    throw new ProblemError('validation_failed', { errors: [{ field: 'body', code: 'invalid_type' }] });
  }
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new ProblemError('validation_failed', { errors: [{ field: 'body', code: 'too_long' }] });
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
