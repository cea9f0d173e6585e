import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acrFor, acrValueFor, parseAcr, parseAcrRequirement } from '../../src/assurance/acr.js';
import { AUTHENTICATION_METHODS, readAmr } from '../../src/assurance/amr.js';
import { identityAssuranceOf } from '../../src/assurance/identity.js';
import type { AssuranceRequirement } from '../../src/assurance/levels.js';
import { authenticationOf, SIGN_IN_METHODS, type SignInMethod } from '../../src/assurance/sign-in-methods.js';

const requirement = fc.record(
  { ial: fc.constantFrom(1 as const, 2 as const, 3 as const), aal: fc.constantFrom(1 as const, 2 as const, 3 as const), vneidLevel: fc.constantFrom(1 as const, 2 as const) },
  { requiredKeys: [] },
).map((asked): AssuranceRequirement => ({ ...asked }));

describe('acr values of a requirement', () => {
  test('name the levels asked for as one URN, in the order ial, aal, vneid', () => {
    assert.equal(acrValueFor({ ial: 3, aal: 2 }), 'urn:dvc-kit:acr:ial3-aal2');
    assert.equal(acrValueFor({ aal: 2 }), 'urn:dvc-kit:acr:aal2');
    assert.equal(acrValueFor({ vneidLevel: 2, ial: 2 }), 'urn:dvc-kit:acr:ial2-vneid2');
    assert.equal(acrValueFor({ maxAge: 60 }), undefined, 'max_age travels apart');
  });

  test('round-trip every requirement of levels', () => {
    fc.assert(
      fc.property(requirement, (asked: AssuranceRequirement) => {
        const value = acrValueFor(asked);
        if (value === undefined) assert.deepEqual(asked, {});
        else assert.deepEqual(parseAcrRequirement(value), asked);
      }),
    );
  });

  test('read today\'s session acr as the requirement of its own levels', () => {
    assert.deepEqual(parseAcrRequirement('urn:dvc-kit:acr:ial2-aal2'), { ial: 2, aal: 2 });
    assert.deepEqual(parseAcrRequirement(acrFor({ ial: 3, aal: 3, vneidLevel: 2 })), { ial: 3, aal: 3, vneidLevel: 2 });
    assert.deepEqual(parseAcr('urn:dvc-kit:acr:ial2-aal2'), { ial: 2, aal: 2 }, 'and parseAcr still reads it as a session');
  });

  test('refuse what is not written the one way', () => {
    for (const value of ['urn:dvc-kit:acr:', 'urn:dvc-kit:acr:ial3aal2', 'urn:dvc-kit:acr:-ial3', 'urn:dvc-kit:acr:ial3-', 'urn:dvc-kit:acr:aal2-ial3', 'urn:dvc-kit:acr:ial3--aal2', 'urn:dvc-kit:acr:ial4', 'urn:dvc-kit:acr:vneid3', 'URN:DVC-KIT:ACR:IAL3', 'urn:dvc-kit:acr:ial3 ', 'http://eidas.europa.eu/LoA/high']) {
      assert.equal(parseAcrRequirement(value), undefined, value);
    }
  });
});

describe('amr values (RFC 8176)', () => {
  test('every sign-in method writes registered values that read back unchanged through JSON', () => {
    for (const method of Object.keys(SIGN_IN_METHODS) as SignInMethod[]) {
      const { amr } = authenticationOf(method, method === 'vneid' ? 1 : undefined);
      assert.ok(amr.length > 0 && amr.every((value) => (AUTHENTICATION_METHODS as readonly string[]).includes(value)), method);
      assert.deepEqual(readAmr(JSON.parse(JSON.stringify(amr))), [...amr], method);
    }
  });

  test('readAmr keeps registered values once each, in order, and drops the rest', () => {
    assert.deepEqual(readAmr(['pwd', 'x-custom', 7, 'otp', 'pwd', null]), ['pwd', 'otp']);
    for (const claim of [undefined, null, 'pwd', { 0: 'pwd' }, 42]) assert.deepEqual(readAmr(claim), []);
  });

  test('the levels of each way of signing in: password alone AAL1; code or passkey AAL2; a hardware-held signature key AAL3', () => {
    const aal = Object.fromEntries(Object.entries(SIGN_IN_METHODS).map(([method, { aal }]) => [method, aal]));
    assert.deepEqual(aal, { password: 1, password_sms: 2, passkey: 2, usb_token: 3, sim_signature: 3, remote_signing: 2, vneid: 2 });
    assert.deepEqual(authenticationOf('password_sms'), { method: 'password_sms', aal: 2, amr: ['pwd', 'otp', 'sms', 'mfa'] });
    assert.deepEqual(authenticationOf('vneid', 2).vneidLevel, 2);
    assert.equal(authenticationOf('passkey', 2).vneidLevel, undefined, 'a VNeID level only comes with a VNeID sign-in');
  });
});

describe('identity assurance', () => {
  test('each verification method gives its level and the evidence it rests on; VNeID by its level', () => {
    assert.deepEqual(identityAssuranceOf('mobile'), { ial: 2, method: 'mobile', evidence: 'carrier_record' });
    assert.deepEqual(identityAssuranceOf('bhxh'), { ial: 2, method: 'bhxh', evidence: 'social_insurance_record' });
    assert.deepEqual(identityAssuranceOf('vnpost'), { ial: 2, method: 'vnpost', evidence: 'vnpost_account' });
    for (const method of ['usb_token', 'sim_signature', 'remote_signing'] as const) {
      assert.deepEqual(identityAssuranceOf(method), { ial: 3, method, evidence: 'signature_certificate' });
    }
    assert.deepEqual(identityAssuranceOf('vneid', 1), { ial: 2, method: 'vneid', evidence: 'vneid_chip_and_face' });
    assert.deepEqual(identityAssuranceOf('vneid', 2), { ial: 3, method: 'vneid', evidence: 'vneid_in_person' });
  });
});
