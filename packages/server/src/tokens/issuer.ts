import { randomUUID } from 'node:crypto';
import { acrFor, type TokenSet } from '@dvc-kit/sdk';
import type { AccessTokenClaims } from '@dvc-kit/sdk/tokens';
import { SignJWT, jwtVerify, decodeProtectedHeader } from 'jose';
import type { Clock, ServerConfig } from '../config.js';
import type { AccountRecord } from '../store/accounts.js';
import type { SessionRecord } from '../store/sessions.js';
import type { KeyRing } from './key-ring.js';

/** The claims of an access token this service issued and verified: the SDK's, which portals verify too. */
export type { AccessTokenClaims } from '@dvc-kit/sdk/tokens';

/**
 * Issues the tokens of a session: an ID token (`typ: JWT`) telling the portal who signed in, and an
 * access token (`typ: at+jwt`, RFC 9068) for calling the service; both ES256 with the key ring's
 * `kid`, `iss` the service, `aud` the portal's client id, `sid`, and the truth of the session: `acr`
 * (the account's IAL now, the AAL and VNeID level its sign-in recorded), `amr` and `auth_time` as the
 * session recorded them, `ial_method`, how the account's identity was verified, and who the account
 * is (`subject_type`; `org_name` and `tax_code` for an enterprise or an agency officer: `SubjectClaims`).
 */
export class TokenIssuer {
  readonly #keys: KeyRing;
  readonly #clock: Clock;
  readonly #issuer: string;
  readonly #tokens: ServerConfig['tokens'];

  constructor(options: { keys: KeyRing; clock: Clock; issuer: string; tokens: ServerConfig['tokens'] }) {
    this.#keys = options.keys;
    this.#clock = options.clock;
    this.#issuer = options.issuer;
    this.#tokens = options.tokens;
  }

  /**
   * Signs an access and an ID token for a session; the caller adds the refresh token. How the citizen
   * signed in (`acr`'s AAL, `amr`) is what the session recorded.
   */
  async issue(account: AccountRecord, session: SessionRecord, refreshToken: string): Promise<TokenSet> {
    const { kid, key } = await this.#keys.active();
    const now = Math.floor(this.#clock().getTime() / 1000);
    const { aal, amr, vneidLevel } = session.authentication;
    const common = {
      sid: session.id,
      acr: acrFor({ ial: account.ial, aal, ...(vneidLevel ? { vneidLevel } : {}) }),
      amr: [...amr],
      auth_time: Math.floor(session.authTime.getTime() / 1000),
      ial_method: account.verificationMethod,
      subject_type: account.subjectType,
      ...(account.organisationName ? { org_name: account.organisationName } : {}),
      ...(account.taxCode ? { tax_code: account.taxCode } : {}),
    };
    const accessToken = await new SignJWT({ ...common, client_id: session.clientId })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
      .setIssuer(this.#issuer)
      .setAudience(session.clientId)
      .setSubject(account.sub)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + this.#tokens.accessTtlSeconds)
      .sign(key);
    const idToken = await new SignJWT({ ...common, name: account.fullName })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
      .setIssuer(this.#issuer)
      .setAudience(session.clientId)
      .setSubject(account.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + this.#tokens.idTtlSeconds)
      .sign(key);
    return { tokenType: 'Bearer', accessToken, idToken, refreshToken, expiresIn: this.#tokens.accessTtlSeconds };
  }

  /**
   * Verifies an access token issued by this service to `clientId`; `undefined` when it is not valid
   * (bad signature, unknown key, expired, wrong audience or type).
   */
  async verifyAccessToken(token: string, clientId: string): Promise<AccessTokenClaims | undefined> {
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = kid ? await this.#keys.publicKey(kid) : undefined;
      if (!key) return undefined;
      const { payload } = await jwtVerify(token, key, {
        issuer: this.#issuer,
        audience: clientId,
        algorithms: ['ES256'],
        typ: 'at+jwt',
        currentDate: this.#clock(),
        requiredClaims: ['sub', 'exp', 'iat', 'sid', 'client_id'],
      });
      if (payload.client_id !== clientId) return undefined;
      return payload as AccessTokenClaims;
    } catch {
      return undefined;
    }
  }
}
