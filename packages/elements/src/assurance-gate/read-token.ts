import { parseAcr, type Assurance } from '@dvc-kit/sdk';

/**
 * The assurance an ID token claims (`acr`), read without verifying its signature: enough to choose what
 * to show on a page, never to grant access. The portal's backend verifies the token.
 */
export function claimedAssurance(idToken: string | undefined): Assurance | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { acr?: unknown };
    return typeof claims.acr === 'string' ? parseAcr(claims.acr) : undefined;
  } catch {
    return undefined;
  }
}
