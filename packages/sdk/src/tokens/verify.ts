import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { parseAcr } from '../assurance/acr.js';
import { readAmr, type AuthenticationMethod } from '../assurance/amr.js';
import { VERIFICATION_METHODS, type SessionAssurance, type VerificationMethod } from '../assurance/levels.js';
import type { SubjectType } from '../contract/common.js';
import { PATHS } from '../contract/paths.js';

/**
 * Who an account is, in every ID and access token the service issues (a portal authorises an enterprise's
 * or an agency officer's request by them): `subject_type` always; `org_name` for an enterprise (its name)
 * or an officer (the agency), as the newest certificate named it; `tax_code` for an enterprise (MST).
 *
 * @example
 * ```ts
 * const { claims } = await verifier.verifyIdToken(idToken);
 * if (claims.subject_type === 'enterprise') console.log(claims.org_name, claims.tax_code);
 * ```
 */
export interface SubjectClaims {
  /** `citizen`, `enterprise` or `agency` (an officer's work account). Absent from tokens issued before it was added: read as `citizen`. */
  readonly subject_type?: SubjectType;
  /** The organisation: an enterprise's name, an agency officer's agency. */
  readonly org_name?: string;
  /** An enterprise's tax code (MST): 10 digits, or 10-3 for a branch. */
  readonly tax_code?: string;
}

/** The claims of a DVC Kit ID token, once verified. */
export interface IdTokenClaims extends JWTPayload, SubjectClaims {
  /** Opaque subject id, the same on every portal. */
  readonly sub: string;
  /** The portal (client id) the token was issued to. */
  readonly aud: string | string[];
  /** Full name with diacritics. */
  readonly name: string;
  /** Assurance class, e.g. `urn:dvc-kit:acr:ial2-aal2`. */
  readonly acr: string;
  /** How the citizen signed in (RFC 8176), e.g. `['pwd', 'otp', 'sms', 'mfa']`. */
  readonly amr: AuthenticationMethod[];
  /** Seconds since the epoch when the citizen signed in. */
  readonly auth_time: number;
  /** Session id, the same across refreshes. */
  readonly sid: string;
  /** How the account's identity was verified (the method of its IAL), e.g. `mobile`. */
  readonly ial_method?: VerificationMethod;
}

/** The claims of a DVC Kit access token (RFC 9068), once verified. */
export interface AccessTokenClaims extends JWTPayload, SubjectClaims {
  readonly sub: string;
  /** The portal the token was issued to. */
  readonly client_id: string;
  /** Session id: `GET /v1/session/assurance` reads this session's assurance from the service. */
  readonly sid: string;
  readonly acr: string;
  readonly amr?: AuthenticationMethod[];
  readonly auth_time?: number;
  readonly ial_method?: VerificationMethod;
}

/**
 * A verified token's claims plus the whole assurance they tell: the levels from `acr`, `amr`,
 * `auth_time` as `authTime`, and `ial_method` as `ialMethod` (absent in tokens issued before it was added).
 */
export interface VerifiedToken<C> {
  readonly claims: C;
  readonly assurance: SessionAssurance;
}

/** The assurance a token's claims tell; `undefined` when its `acr` is not DVC Kit's. */
function assuranceOf(payload: JWTPayload): SessionAssurance | undefined {
  const levels = parseAcr(String(payload.acr));
  if (!levels) return undefined;
  const { auth_time: authTime, ial_method: ialMethod } = payload;
  return {
    ...levels,
    ...(typeof ialMethod === 'string' && (VERIFICATION_METHODS as readonly string[]).includes(ialMethod) ? { ialMethod: ialMethod as VerificationMethod } : {}),
    ...(Array.isArray(payload.amr) ? { amr: readAmr(payload.amr) } : {}),
    ...(typeof authTime === 'number' && Number.isSafeInteger(authTime) ? { authTime } : {}),
  };
}

/** Options of {@link createTokenVerifier}. */
export interface TokenVerifierOptions {
  /** Base URL of the identity service; also the expected `iss`. */
  readonly issuer: string;
  /** This portal's client id: the expected `aud`. */
  readonly audience: string;
  /** Seconds of clock skew tolerated. Default 30. */
  readonly clockToleranceSeconds?: number;
  /** Where the JWKS lives; default `${issuer}/.well-known/jwks.json`. */
  readonly jwksUrl?: string;
}

/** Why a token was refused, as a stable code. */
export type TokenErrorCode = 'token_expired' | 'token_invalid' | 'token_claims' | 'token_key_unknown';

/** A token that did not verify. Branch on `code`. */
export class TokenVerificationError extends Error {
  override readonly name = 'TokenVerificationError';
  readonly code: TokenErrorCode;
  constructor(code: TokenErrorCode, options: { cause?: unknown } = {}) {
    super(`Token refused: ${code}`, options);
    this.code = code;
  }
}

/**
 * Creates a verifier of ID and access tokens signed by the identity service (ES256, keys fetched from
 * its JWKS and cached, rotation followed by `kid`). Works in Node ≥ 20 and in browsers.
 *
 * @example
 * ```ts
 * import { createTokenVerifier } from '@dvc-kit/sdk/tokens';
 * const verifier = createTokenVerifier({ issuer: 'http://127.0.0.1:4000', audience: 'provincial-portal' });
 * const { claims, assurance } = await verifier.verifyIdToken(idToken);
 * console.log(claims.name, assurance.ial, assurance.ialMethod, assurance.aal, assurance.amr, assurance.authTime);
 * if (!meets(assurance, { ial: 3, aal: 2, maxAge: 900 })) answerStepUp();
 * ```
 */
export function createTokenVerifier(options: TokenVerifierOptions) {
  const issuer = options.issuer.replace(/\/+$/, '');
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}${PATHS.jwks}`));
  const clockTolerance = options.clockToleranceSeconds ?? 30;

  async function verify<C extends JWTPayload>(token: string, typ: string): Promise<VerifiedToken<C>> {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience: options.audience,
        algorithms: ['ES256'],
        typ,
        clockTolerance,
        requiredClaims: ['sub', 'exp', 'iat', 'acr'],
      });
      const assurance = assuranceOf(payload);
      if (!assurance) throw new TokenVerificationError('token_claims');
      return { claims: payload as C, assurance };
    } catch (error) {
      if (error instanceof TokenVerificationError) throw error;
      if (error instanceof errors.JWTExpired) throw new TokenVerificationError('token_expired', { cause: error });
      if (error instanceof errors.JWTClaimValidationFailed) throw new TokenVerificationError('token_claims', { cause: error });
      if (error instanceof errors.JWKSNoMatchingKey) throw new TokenVerificationError('token_key_unknown', { cause: error });
      throw new TokenVerificationError('token_invalid', { cause: error });
    }
  }

  return {
    /** Verifies an ID token (`typ: JWT`) issued to this portal. */
    verifyIdToken: (token: string) => verify<IdTokenClaims>(token, 'JWT'),
    /** Verifies an access token (`typ: at+jwt`, RFC 9068) issued to this portal. */
    verifyAccessToken: (token: string) => verify<AccessTokenClaims>(token, 'at+jwt'),
  };
}

/** A verifier made by {@link createTokenVerifier}. */
export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
