import * as z from 'zod/mini';

/**
 * The JSON Schema (draft 2020-12, without `$schema`) of a contract schema, for the generated
 * OpenAPI document and for integrators who validate in other languages.
 *
 * @example
 * ```ts
 * import { StartSignInSchema, toJsonSchema } from '@dvc-kit/sdk/contract';
 * toJsonSchema(StartSignInSchema).required; // ['idNumber', 'password']
 * ```
 */
export function toJsonSchema(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
