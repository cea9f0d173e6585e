// A back-office integrator signs a citizen in from Node with @dvc-kit/sdk and verifies the ID token
// it receives against the identity service's JWKS before trusting a single claim.
import { DvcClient, solveHumanCheck } from '@dvc-kit/sdk';
import { createTokenVerifier } from '@dvc-kit/sdk/tokens';

/**
 * @param {{ service: string, clientId: string, idNumber: string, password: string,
 *   readCode: (maskedPhone: string) => Promise<string> }} options
 * @returns {Promise<{ name: string, sub: string, ial: number, aal: number, amr: string[] }>}
 */
export async function signInAndVerify({ service, clientId, idNumber, password, readCode }) {
  const client = new DvcClient({ baseUrl: service, clientId });
  const config = await client.getConfig();
  const humanCheck = config.humanCheck.required
    ? await solveHumanCheck(await client.getHumanCheckChallenge())
    : undefined;

  const { signInId, otp } = await client.startSignIn({ idNumber, password, ...(humanCheck ? { humanCheck } : {}) });
  const code = await readCode(otp.maskedPhone);
  const { tokens } = await client.verifySignInCode(signInId, { code });

  const verifier = createTokenVerifier({ issuer: service, audience: clientId });
  const { claims, assurance } = await verifier.verifyIdToken(tokens.idToken);
  return { name: claims.name, sub: claims.sub, ial: assurance.ial, aal: assurance.aal, amr: claims.amr };
}

/**
 * Reads the newest code sent to a phone from the development SMS outbox. Only the sandbox has an
 * outbox; against a real SMS gateway the citizen reads the code from their phone.
 */
export async function readCodeFromOutbox(service, phoneE164) {
  const response = await fetch(`${service}/dev/outbox.json?phone=${encodeURIComponent(phoneE164)}`);
  const { messages } = await response.json();
  const code = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1];
  if (!code) throw new Error('No code in the outbox for this phone yet');
  return code;
}
