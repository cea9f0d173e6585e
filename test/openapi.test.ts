import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OPERATOR_PATHS, PATHS } from '@dvc-kit/sdk';
import { buildOpenApi } from '../scripts/openapi.mjs';

const openapi = buildOpenApi() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> };

test('the committed OpenAPI document is the one generated from the contract', () => {
  const committed = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(openapi)), 'docs/openapi.json is stale: run `node scripts/openapi.mjs`');
});

test('every path of the client is in the OpenAPI document', () => {
  const documented = Object.keys(openapi.paths).map((path) => path.replace(/\{[^}]+\}/g, 'ID'));
  for (const path of [PATHS.config, PATHS.registrations, PATHS.registrationVerify('ID'), PATHS.registrationResend('ID'), PATHS.registrationPassword('ID'), PATHS.signIns, PATHS.signInVerify('ID'), PATHS.signInResend('ID'), PATHS.refresh, PATHS.signOut, PATHS.userinfo, PATHS.jwks, PATHS.passwordChanges, PATHS.emailChanges, PATHS.phoneChanges, PATHS.accountChangeVerify('ID'), PATHS.accountChangeResend('ID'), PATHS.accountChangePassword('ID'), PATHS.signOutEverywhere, PATHS.phoneRecoveries, PATHS.phoneRecoveryVerify('ID'), PATHS.phoneRecoveryResend('ID'), OPERATOR_PATHS.phoneReplacements, OPERATOR_PATHS.audit, PATHS.signatureChallenges, PATHS.signatureCertificatePreview('ID'), PATHS.signatureRequests, PATHS.signatureRequest('ID')]) {
    assert.ok(documented.includes(path), `${path} is missing from the OpenAPI document`);
  }
});

test('request bodies in the OpenAPI document carry the contract fields, one object per registration method', () => {
  const body = openapi.paths[PATHS.registrations]!.post!.requestBody!.content['application/json']!.schema as { oneOf?: { properties?: Record<string, { const?: string }> }[] };
  const byMethod = Object.fromEntries((body.oneOf ?? []).map((option) => [option.properties!.method!.const, Object.keys(option.properties ?? {}).sort()]));
  const common = ['birthDate', 'consentVersion', 'email', 'fullName', 'humanCheck', 'idNumber', 'method', 'phone', 'subjectType'];
  assert.deepEqual(byMethod, { mobile: common, bhxh: ['bhxhCode', ...common] });
});

test('request bodies leave unknown properties open (the service ignores them); responses list exactly theirs', () => {
  const operations = Object.values(openapi.paths).flatMap((path) => Object.values(path));
  const requests = operations.flatMap((operation) => (operation.requestBody ? [operation.requestBody.content['application/json']!.schema as Record<string, unknown>] : []));
  assert.ok(requests.length >= 6);
  for (const schema of requests) assert.notEqual(schema.additionalProperties, false, JSON.stringify(schema).slice(0, 200));
  const response = openapi.paths[PATHS.signIns]!.post as unknown as { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> };
  assert.equal(response.responses['200']!.content['application/json']!.schema.additionalProperties, false);
});
