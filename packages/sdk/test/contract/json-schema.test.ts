import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { toJsonSchema } from '../../src/contract/json-schema.js';
import { AccountSchema, ProblemSchema } from '../../src/contract/common.js';
import { HumanCheckChallengeSchema, ServiceConfigSchema } from '../../src/contract/config.js';
import {
  CodeResentSchema,
  CompleteRegistrationSchema,
  RegistrationCodeVerifiedSchema,
  RegistrationCompletedSchema,
  RegistrationStartedSchema,
  StartBhxhRegistrationSchema,
  StartMobileRegistrationSchema,
  StartRegistrationSchema,
  VerifyCodeSchema,
} from '../../src/contract/registration.js';
import { RefreshSchema, SignedInSchema, SignInStartedSchema, StartSignInSchema, TokenSetSchema } from '../../src/contract/sign-in.js';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; [key: string]: unknown };

const requests: Record<string, [z.ZodMiniType, string[], string[]]> = {
  StartMobileRegistrationSchema: [
    StartMobileRegistrationSchema,
    ['birthDate', 'consentVersion', 'email', 'fullName', 'humanCheck', 'idNumber', 'method', 'phone', 'subjectType'],
    ['birthDate', 'consentVersion', 'fullName', 'idNumber', 'method', 'phone', 'subjectType'],
  ],
  StartBhxhRegistrationSchema: [
    StartBhxhRegistrationSchema,
    ['bhxhCode', 'birthDate', 'consentVersion', 'email', 'fullName', 'humanCheck', 'idNumber', 'method', 'phone', 'subjectType'],
    ['bhxhCode', 'birthDate', 'consentVersion', 'fullName', 'idNumber', 'method', 'phone', 'subjectType'],
  ],
  VerifyCodeSchema: [VerifyCodeSchema, ['code'], ['code']],
  CompleteRegistrationSchema: [CompleteRegistrationSchema, ['password', 'passwordConfirmation'], ['password', 'passwordConfirmation']],
  StartSignInSchema: [StartSignInSchema, ['humanCheck', 'idNumber', 'password'], ['idNumber', 'password']],
  RefreshSchema: [RefreshSchema, ['refreshToken'], ['refreshToken']],
};

const responses: Record<string, z.ZodMiniType> = {
  ProblemSchema,
  AccountSchema,
  ServiceConfigSchema,
  HumanCheckChallengeSchema,
  RegistrationStartedSchema,
  RegistrationCodeVerifiedSchema,
  CodeResentSchema,
  RegistrationCompletedSchema,
  SignInStartedSchema,
  TokenSetSchema,
  SignedInSchema,
};

describe('JSON Schema of every request body, for the generated OpenAPI document', () => {
  for (const [name, [schema, properties, required]] of Object.entries(requests)) {
    test(`${name}: z.toJSONSchema works for input and output, and toJsonSchema lists its fields and required ones`, () => {
      assert.equal(z.toJSONSchema(schema, { io: 'input' }).type, 'object');
      assert.equal(z.toJSONSchema(schema, { io: 'output' }).type, 'object');
      const json = toJsonSchema(schema) as JsonSchema;
      assert.equal(json.type, 'object');
      assert.deepEqual(Object.keys(json.properties ?? {}).sort(), properties);
      assert.deepEqual([...(json.required ?? [])].sort(), required);
      for (const property of properties) assert.equal(json.properties![property]!.type, 'string', `${name}.${property}`);
    });
  }
});

describe('JSON Schema of every response body', () => {
  for (const [name, schema] of Object.entries(responses)) {
    test(`${name}: toJsonSchema gives an object schema`, () => {
      assert.equal((toJsonSchema(schema) as JsonSchema).type, 'object');
    });
  }
});

describe('toJsonSchema', () => {
  test('leaves out $schema, since the OpenAPI document declares its own dialect', () => {
    assert.equal('$schema' in toJsonSchema(VerifyCodeSchema), false);
    assert.ok('$schema' in z.toJSONSchema(VerifyCodeSchema));
  });

  test('gives the start of registration as one object per method, told apart by method', () => {
    const json = toJsonSchema(StartRegistrationSchema, 'input') as { oneOf?: JsonSchema[] };
    assert.deepEqual(json.oneOf?.map((option) => option.properties!.method!.const), ['mobile', 'bhxh']);
    assert.equal(json.oneOf?.[1]!.properties!.bhxhCode!.maxLength, 32);
  });

  test('carries the length limits a validator in another language needs', () => {
    const json = toJsonSchema(StartMobileRegistrationSchema) as JsonSchema;
    assert.equal(json.properties!.idNumber!.maxLength, 32);
    assert.equal(json.properties!.consentVersion!.minLength, 1);
    assert.deepEqual(json.properties!.subjectType!.const, 'citizen');
  });

  test('lists the problem codes a caller can branch on', () => {
    const json = toJsonSchema(ProblemSchema) as JsonSchema;
    assert.ok((json.properties!.code!.enum as string[]).includes('too_many_attempts'));
  });
});
