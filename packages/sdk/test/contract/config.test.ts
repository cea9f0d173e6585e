import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HumanCheckChallengeSchema, ServiceConfigSchema } from '../../src/contract/config.js';
import { DEFAULT_PASSWORD_POLICY } from '../../src/password/policy.js';

const config = {
  clientId: 'provincial-portal',
  clientName: 'Cổng dịch vụ công tỉnh',
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  otp: { length: 6, ttlSeconds: 180, resendAfterSeconds: 60, maxAttempts: 5 },
  registrationMethods: ['mobile', 'bhxh'],
  subjectTypes: [
    { subjectType: 'citizen', methods: [{ method: 'mobile', ial: 2, available: true }, { method: 'usb_token', ial: 3, available: false }] },
    { subjectType: 'agency', methods: [{ method: 'usb_token', ial: 3, available: false }] },
  ],
  signInMethods: ['password', 'vneid'],
  passkeys: { offered: true, rpId: 'dichvucong.gov.vn' },
  languages: ['vi', 'en'],
  humanCheck: { required: true, challengePath: '/v1/human-check/challenge' },
  consentVersion: '2025-01',
  lostPhoneRecovery: true,
};

describe('ServiceConfigSchema (GET /v1/config)', () => {
  test('accepts a configuration carrying the SDK’s own password policy', () => {
    assert.deepEqual(ServiceConfigSchema.parse(config), config);
  });

  test('says whether passkeys are offered: without one the answer is not a configuration, and an RP ID is optional', () => {
    const { passkeys: _passkeys, ...withoutPasskeys } = config;
    assert.equal(ServiceConfigSchema.safeParse(withoutPasskeys).success, false);
    assert.ok(ServiceConfigSchema.safeParse({ ...config, passkeys: { offered: false } }).success);
    assert.equal(ServiceConfigSchema.safeParse({ ...config, passkeys: { rpId: 'dichvucong.gov.vn' } }).success, false);
  });

  test('refuses a subject type it does not know', () => {
    assert.equal(ServiceConfigSchema.safeParse({ ...config, subjectTypes: [{ subjectType: 'household', methods: [] }] }).success, false);
  });

  test('refuses a configuration without a password policy or OTP timings', () => {
    const { passwordPolicy: _policy, ...withoutPolicy } = config;
    const { otp: _otp, ...withoutOtp } = config;
    assert.equal(ServiceConfigSchema.safeParse(withoutPolicy).success, false);
    assert.equal(ServiceConfigSchema.safeParse(withoutOtp).success, false);
  });
});

describe('HumanCheckChallengeSchema', () => {
  const challenge = { algorithm: 'SHA-256', challenge: 'ab'.repeat(32), salt: 'salt?expires=1', signature: 'cd'.repeat(32) };

  test('accepts an ALTCHA SHA-256 challenge, with or without maxnumber', () => {
    assert.ok(HumanCheckChallengeSchema.safeParse(challenge).success);
    assert.ok(HumanCheckChallengeSchema.safeParse({ ...challenge, maxnumber: 100_000 }).success);
  });

  test('refuses any other algorithm', () => {
    assert.equal(HumanCheckChallengeSchema.safeParse({ ...challenge, algorithm: 'SHA-1' }).success, false);
  });
});
