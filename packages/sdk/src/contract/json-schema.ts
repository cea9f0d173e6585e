import * as z from 'zod/mini';

/**
 * The JSON Schema (draft 2020-12, without `$schema`) of a contract schema, for the generated
 * OpenAPI document and for integrators who validate in other languages.
 *
 * `io` says which side of the wire it describes: `'output'` (the default) is what the service sends,
 * exactly those properties; `'input'` is what it accepts, where properties it does not know are
 * ignored rather than refused (`additionalProperties` is left open), as the service does.
 *
 * @example
 * ```ts
 * import { StartSignInSchema, toJsonSchema } from '@dvc-kit/sdk/contract';
 * toJsonSchema(StartSignInSchema, 'input').required; // ['idNumber', 'password']
 * ```
 */
export function toJsonSchema(schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
