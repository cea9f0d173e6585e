import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT_HEADER, PATHS } from '../../src/contract/paths.js';

test('every service path is under /v1, except the JWKS at its well-known place', () => {
  const fixed = Object.values(PATHS).map((path) => (typeof path === 'function' ? path('ID') : path));
  for (const path of fixed) assert.match(path, path === PATHS.jwks ? /^\/\.well-known\/jwks\.json$/ : /^\/v1\//);
});

test('flow ids are escaped into the path so an id cannot change the route', () => {
  assert.equal(PATHS.registrationVerify('reg 1/../x'), '/v1/registrations/reg%201%2F..%2Fx/otp/verify');
  assert.equal(PATHS.signInResend('sgn?x=1'), '/v1/sign-ins/sgn%3Fx%3D1/otp/resend');
});

test('the portal names itself in the DVC-Client header', () => {
  assert.equal(CLIENT_HEADER, 'DVC-Client');
});
