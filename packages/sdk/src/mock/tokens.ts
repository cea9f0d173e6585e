import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Account } from '../contract/common.js';
import type { SubjectClaims } from '../tokens/verify.js';
import type { TokenSet } from '../contract/sign-in.js';
import { acrFor } from '../assurance/acr.js';
import { authenticationOf, type SignInAuthentication } from '../assurance/sign-in-methods.js';
import type { IdentityAssuranceLevel } from '../assurance/levels.js';

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

  /**
   * A fresh token set for an account signed in on a portal: by default with password and SMS code,
   * just now; a refresh passes the session's own authentication and `authTime` (epoch seconds).
   */
  async issue(account: Account, clientId: string, sessionId: string, authentication: SignInAuthentication = authenticationOf('password_sms'), authTime?: number): Promise<TokenSet> {
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
    const { aal, amr, vneidLevel } = authentication;
    const acr = acrFor({ ial: account.ial as IdentityAssuranceLevel, aal, ...(vneidLevel ? { vneidLevel } : {}) });
    const common = { acr, amr: [...amr], auth_time: authTime ?? now, ial_method: account.verificationMethod, sid: sessionId, ...subjectClaims(account) };
    const [idToken, accessToken] = await Promise.all([
      sign({ ...common, name: account.fullName }, 'JWT'),
      sign({ ...common, client_id: clientId }, 'at+jwt'),
    ]);
    return { tokenType: 'Bearer', idToken, accessToken, refreshToken: `mock-refresh-${sessionId}-${++this.#serial}`, expiresIn };
  }
}

/**
 * @internal The claims that say who an account is, as the service's tokens carry them: `subject_type`,
 * and `org_name` / `tax_code` for an enterprise or an agency officer.
 */
export function subjectClaims(account: Pick<Account, 'subjectType' | 'organisationName' | 'taxCode'>): SubjectClaims {
  return {
    subject_type: account.subjectType,
    ...(account.organisationName ? { org_name: account.organisationName } : {}),
    ...(account.taxCode ? { tax_code: account.taxCode } : {}),
  };
}
