import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createTokenVerifier, TokenVerificationError, type TokenErrorCode } from '../../src/tokens/verify.js';

const audience = 'provincial-portal';
let server: Server;
let issuer: string;
let jwks: { keys: JWK[] };
let jwksRequests = 0;
let signingKey: CryptoKey;
let secondKey: CryptoKey;
let strangerKey: CryptoKey;

async function publicJwk(key: CryptoKey, kid: string): Promise<JWK> {
  return { ...(await exportJWK(key)), kid, alg: 'ES256', use: 'sig' };
}

before(async () => {
  const [first, second, stranger] = await Promise.all([generateKeyPair('ES256'), generateKeyPair('ES256'), generateKeyPair('ES256')]);
  signingKey = first.privateKey;
  secondKey = second.privateKey;
  strangerKey = stranger.privateKey;
  jwks = { keys: [await publicJwk(first.publicKey, 'key-2026-01'), await publicJwk(second.publicKey, 'key-2026-04')] };

  server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    jwksRequests++;
    response.writeHead(200, { 'Content-Type': 'application/jwk-set+json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const now = () => Math.floor(Date.now() / 1000);

function idTokenClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    sub: 'acc_7f3a',
    name: 'Nguyễn Văn An',
    acr: 'urn:dvc-kit:acr:ial2-aal2',
    amr: ['pwd', 'otp', 'sms', 'mfa'],
    auth_time: now() - 5,
    sid: 'ses_1',
    ...overrides,
  };
}

interface SignOptions {
  readonly claims?: JWTPayload;
  readonly key?: CryptoKey | Uint8Array;
  readonly alg?: string;
  readonly kid?: string;
  readonly typ?: string;
  readonly iss?: string;
  readonly aud?: string;
  readonly iat?: number;
  readonly exp?: number;
}

async function sign(options: SignOptions = {}): Promise<string> {
  const iat = options.iat ?? now();
  return new SignJWT(options.claims ?? idTokenClaims())
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? 'key-2026-01', typ: options.typ ?? 'JWT' })
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.aud ?? audience)
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 300)
    .sign(options.key ?? signingKey);
}

async function refusal(promise: Promise<unknown>): Promise<TokenErrorCode> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TokenVerificationError, `expected a TokenVerificationError, got ${String(error)}`);
    return error.code;
  }
  assert.fail('expected the token to be refused');
}

describe('createTokenVerifier: verifyIdToken accepts', () => {
  test('a good ID token, giving its claims and the assurance read from acr', async () => {
    const verifier = createTokenVerifier({ issuer, audience });
    const { claims, assurance } = await verifier.verifyIdToken(await sign());
    assert.equal(claims.sub, 'acc_7f3a');
    assert.equal(claims.name, 'Nguyễn Văn An');
    assert.deepEqual(claims.amr, ['pwd', 'otp', 'sms', 'mfa']);
    assert.equal(claims.aud, audience);
    assert.deepEqual(assurance, { ial: 2, aal: 2, amr: ['pwd', 'otp', 'sms', 'mfa'], authTime: Number(claims.auth_time) });
  });

  test('a token carrying the whole assurance: the levels, how the identity was proven, amr and auth_time', async () => {
    const verifier = createTokenVerifier({ issuer, audience });
    const authTime = now() - 60;
    const claims = idTokenClaims({ acr: 'urn:dvc-kit:acr:ial3-aal3', amr: ['hwk', 'sc', 'pin', 'mfa'], auth_time: authTime, ial_method: 'usb_token' });
    const { assurance } = await verifier.verifyIdToken(await sign({ claims }));
    assert.deepEqual(assurance, { ial: 3, aal: 3, ialMethod: 'usb_token', amr: ['hwk', 'sc', 'pin', 'mfa'], authTime });
  });

  test('an access token, with the same assurance', async () => {
    const verifier = createTokenVerifier({ issuer, audience });
    const claims = { ...idTokenClaims({ ial_method: 'mobile' }), client_id: audience };
    const { assurance } = await verifier.verifyAccessToken(await sign({ claims, typ: 'at+jwt' }));
    assert.equal(assurance.ialMethod, 'mobile');
    assert.equal(assurance.aal, 2);
  });

  test('a token whose ial_method, amr or auth_time are not what DVC Kit writes, leaving those parts out', async () => {
    const verifier = createTokenVerifier({ issuer, audience });
    const claims = idTokenClaims({ ial_method: 'passport', amr: ['pwd', 'x-face'], auth_time: '1700000000' });
    const { assurance } = await verifier.verifyIdToken(await sign({ claims }));
    assert.deepEqual(assurance, { ial: 2, aal: 2, amr: ['pwd'] });
  });

  test('a token signed with any key of the JWKS, chosen by kid, fetching the JWKS once', async () => {
    const before = jwksRequests;
    const verifier = createTokenVerifier({ issuer, audience });
    await verifier.verifyIdToken(await sign());
    const { assurance } = await verifier.verifyIdToken(await sign({ key: secondKey, kid: 'key-2026-04', claims: idTokenClaims({ acr: 'urn:dvc-kit:acr:ial3-aal2-vneid2' }) }));
    assert.deepEqual({ ial: assurance.ial, aal: assurance.aal, vneidLevel: assurance.vneidLevel }, { ial: 3, aal: 2, vneidLevel: 2 });
    assert.equal(jwksRequests - before, 1);
  });

  test('a token expired less than the 30 s clock tolerance ago', async () => {
    const verifier = createTokenVerifier({ issuer, audience });
    await assert.doesNotReject(verifier.verifyIdToken(await sign({ iat: now() - 310, exp: now() - 10 })));
  });

  test('an issuer configured with a trailing slash', async () => {
    const verifier = createTokenVerifier({ issuer: `${issuer}/`, audience });
    assert.equal((await verifier.verifyIdToken(await sign())).claims.iss, issuer);
  });
});

describe('createTokenVerifier: verifyIdToken refuses', () => {
  const cases: [string, () => Promise<string>, TokenErrorCode][] = [
    ['an expired token with token_expired', () => sign({ iat: now() - 600, exp: now() - 120 }), 'token_expired'],
    ['a token for another portal with token_claims', () => sign({ aud: 'ministry-portal' }), 'token_claims'],
    ['a token from another issuer with token_claims', () => sign({ iss: 'https://id.attacker.example' }), 'token_claims'],
    ['an access token (typ at+jwt) offered as an ID token with token_claims', () => sign({ typ: 'at+jwt' }), 'token_claims'],
    ['a token without acr with token_claims', () => sign({ claims: { ...idTokenClaims(), acr: undefined } }), 'token_claims'],
    ['a token whose acr is not a DVC Kit assurance with token_claims', () => sign({ claims: idTokenClaims({ acr: 'urn:mace:incommon:iap:silver' }) }), 'token_claims'],
    ['a token naming a key the JWKS does not have with token_key_unknown', () => sign({ key: strangerKey, kid: 'key-unknown' }), 'token_key_unknown'],
    ['a token signed by another key under a known kid with token_invalid', () => sign({ key: strangerKey }), 'token_invalid'],
    ['a token signed with HS256 instead of ES256 with token_invalid', () => sign({ alg: 'HS256', key: new TextEncoder().encode('a-shared-secret-of-32-bytes-long!') }), 'token_invalid'],
    ['a token with alg none with token_invalid', async () => `${unsigned({ alg: 'none', typ: 'JWT' })}.${unsigned({ ...idTokenClaims(), iss: issuer, aud: audience, iat: now(), exp: now() + 300 })}.`, 'token_invalid'],
    ['something that is not a JWT with token_invalid', async () => 'not-a-token', 'token_invalid'],
  ];

  for (const [name, token, code] of cases) {
    test(name, async () => {
      const verifier = createTokenVerifier({ issuer, audience });
      assert.equal(await refusal(verifier.verifyIdToken(await token())), code);
    });
  }
});

describe('createTokenVerifier: verifyAccessToken', () => {
  test('accepts an access token (typ at+jwt) issued to this portal', async () => {
    const verifier = createTokenVerifier({ issuer, audience });
    const token = await sign({ typ: 'at+jwt', claims: { sub: 'acc_7f3a', client_id: audience, sid: 'ses_1', acr: 'urn:dvc-kit:acr:ial2-aal2' } });
    const { claims, assurance } = await verifier.verifyAccessToken(token);
    assert.equal(claims.client_id, audience);
    assert.deepEqual(assurance, { ial: 2, aal: 2 });
  });

  test('refuses an ID token offered as an access token with token_claims', async () => {
    const verifier = createTokenVerifier({ issuer, audience });
    assert.equal(await refusal(verifier.verifyAccessToken(await sign())), 'token_claims');
  });
});

test('a verifier pointed at an explicit JWKS URL fetches the keys from there', async () => {
  const verifier = createTokenVerifier({ issuer: 'https://id.example.gov.vn', audience, jwksUrl: `${issuer}/.well-known/jwks.json` });
  const token = await sign({ iss: 'https://id.example.gov.vn' });
  assert.equal((await verifier.verifyIdToken(token)).claims.sub, 'acc_7f3a');
});

test('a refusal is an Error with a stable code, and keeps the underlying cause', async () => {
  const verifier = createTokenVerifier({ issuer, audience });
  const error = await verifier.verifyIdToken(await sign({ aud: 'ministry-portal' })).catch((caught: unknown) => caught);
  assert.ok(error instanceof TokenVerificationError);
  assert.equal(error.name, 'TokenVerificationError');
  assert.equal(error.message, 'Token refused: token_claims');
  assert.ok(error.cause instanceof Error);
});

function unsigned(part: object): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}
