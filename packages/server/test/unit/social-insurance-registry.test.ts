import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpSocialInsuranceRegistry, loadConfig, RegistryUnavailableError, SandboxSocialInsuranceRegistry } from '../../src/index.js';

const an = { idNumber: '001090001234', bhxhCode: '0101234567', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05' };

describe('social-insurance register', () => {
  test('the sandbox matches a fixture citizen by BHXH code, ID number, name and birth date', async () => {
    const register = await SandboxSocialInsuranceRegistry.fromFile();
    assert.equal(await register.verifyInsuredPerson(an), 'match');
    assert.equal(await register.verifyInsuredPerson({ ...an, fullName: 'NGUYỄN  VĂN AN' }), 'match', 'case and spacing do not matter');
    assert.equal(await register.verifyInsuredPerson({ ...an, fullName: 'Nguyen Van An' }), 'mismatch', 'diacritics do');
    assert.equal(await register.verifyInsuredPerson({ ...an, birthDate: '1990-09-06' }), 'mismatch');
    assert.equal(await register.verifyInsuredPerson({ ...an, bhxhCode: '7901234567' }), 'mismatch', "another insured person's code");
    assert.equal(await register.verifyInsuredPerson({ ...an, bhxhCode: '0000000000' }), 'mismatch', 'an unknown code');
    assert.equal(await register.verifyInsuredPerson({ ...an, idNumber: '079195004321' }), 'mismatch');
  });

  test('the sandbox knows only citizens that have a BHXH code', async () => {
    const register = new SandboxSocialInsuranceRegistry([{ idNumber: an.idNumber, fullName: an.fullName, birthDate: an.birthDate, phone: '+84971234398' }]);
    assert.equal(await register.verifyInsuredPerson(an), 'mismatch');
  });

  test('the HTTP register posts the normalised details with the bearer token and reads the result', async () => {
    const seen: Request[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return Response.json({ result: seen.length === 1 ? 'match' : 'mismatch' });
    }) as typeof globalThis.fetch;
    const register = new HttpSocialInsuranceRegistry({ url: 'https://bhxh.internal/verify', token: 's3cret', fetch });
    assert.equal(await register.verifyInsuredPerson(an), 'match');
    assert.equal(await register.verifyInsuredPerson(an), 'mismatch');
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(seen[0]!.url, 'https://bhxh.internal/verify');
    assert.equal(seen[0]!.headers.get('Authorization'), 'Bearer s3cret');
    assert.deepEqual(await seen[0]!.json(), an);
  });

  test('an error status, a nonsense answer or a network failure of the HTTP register is RegistryUnavailableError', async () => {
    const answers: Array<() => Response> = [
      () => new Response('busy', { status: 503 }),
      () => Response.json({ verdict: 'yes' }),
      () => {
        throw new TypeError('fetch failed');
      },
    ];
    for (const answer of answers) {
      const register = new HttpSocialInsuranceRegistry({ url: 'https://bhxh.internal/verify', token: 't', fetch: (async () => answer()) as typeof globalThis.fetch });
      await assert.rejects(register.verifyInsuredPerson(an), RegistryUnavailableError);
    }
  });

  test('development gets the sandbox when the register is not configured; production offers the method only with an http register', () => {
    const clients = [{ id: 'p', name: 'P' }];
    assert.deepEqual(loadConfig({ mode: 'development', clients, issuer: 'http://127.0.0.1:4000' }).registries.socialInsurance, { driver: 'sandbox' });
    const production = {
      mode: 'production',
      clients,
      issuer: 'https://id.example.vn',
      sms: { driver: 'http', url: 'https://sms.internal', token: 't' },
      secrets: { keyEncryptionKey: 'Wm9ya1N0YWdlS2V5Rm9yVGVzdHNPbmx5XzAxMjM0NTY3' },
      registries: { carrier: { driver: 'http', url: 'https://carrier.internal', token: 't' } },
    } as const;
    assert.equal(loadConfig(production).registries.socialInsurance, undefined, 'absent: not offered');
    assert.throws(
      () => loadConfig({ ...production, registries: { ...production.registries, socialInsurance: { driver: 'sandbox' } } }),
      (error: Error) => /registries\.socialInsurance\.driver/.test(error.message),
    );
    const http = loadConfig({ ...production, registries: { ...production.registries, socialInsurance: { driver: 'http', url: 'https://bhxh.internal', token: 't' } } });
    assert.equal(http.registries.socialInsurance?.driver, 'http');
  });
});
