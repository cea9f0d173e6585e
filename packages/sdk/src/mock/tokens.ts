import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Account } from '../contract/common.js';
import type { TokenSet } from '../contract/sign-in.js';
import { acrFor } from '../assurance/levels.js';

const KID = 'dvc-mock-1';

/**
 * Signs ES256 ID and access tokens shaped like the service's (`acr`, `amr`, `sid`, `kid`) with a key
 * made for this mock, and publishes the public half as a JWKS, so a portal backend under test can
 * verify them with `@dvc-kit/sdk/tokens`.
 */
export class MockTokens {
  readonly #issuer: string;
  readonly #now: () => number;
  #keys: Promise<{ privateKey: CryptoKey; publicJwk: JWK }> | undefined;
  #serial = 0;

  /** The `iss` of the tokens: the mock service's issuer URL. */
  get issuer(): string {
    return this.#issuer;
  }

  constructor(issuer: string, now: () => number) {
    this.#issuer = issuer;
    this.#now = now;
  }

  #keyPair(): Promise<{ privateKey: CryptoKey; publicJwk: JWK }> {
    this.#keys ??= generateKeyPair('ES256', { extractable: true }).then(async ({ privateKey, publicKey }) => ({
      privateKey,
      publicJwk: { ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256', use: 'sig' },
    }));
    return this.#keys;
  }

  /** The public keys, as `/.well-known/jwks.json` serves them. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.#keyPair()).publicJwk] };
  }

  /** A fresh token set for an account signed in on a portal: with password and SMS code unless `amr` says otherwise. */
  async issue(account: Account, clientId: string, sessionId: string, amr: readonly string[] = ['pwd', 'otp', 'sms', 'mfa']): Promise<TokenSet> {
    const { privateKey } = await this.#keyPair();
    const now = Math.floor(this.#now() / 1000);
    const expiresIn = 300;
    const sign = (claims: Record<string, unknown>, typ: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: KID, typ })
        .setIssuer(this.#issuer)
        .setAudience(clientId)
        .setSubject(account.sub)
        .setIssuedAt(now)
        .setExpirationTime(now + expiresIn)
        .sign(privateKey);
    const acr = acrFor({ ial: account.ial as 1 | 2 | 3, aal: 2 });
    const [idToken, accessToken] = await Promise.all([
      sign({ name: account.fullName, acr, amr, auth_time: now, sid: sessionId }, 'JWT'),
      sign({ acr, amr, sid: sessionId, client_id: clientId }, 'at+jwt'),
    ]);
    return { tokenType: 'Bearer', idToken, accessToken, refreshToken: `mock-refresh-${sessionId}-${++this.#serial}`, expiresIn };
  }
}
