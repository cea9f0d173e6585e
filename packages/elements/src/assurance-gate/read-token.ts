import { parseAcr, type Assurance } from '@dvc-kit/sdk';

/**
 * The assurance an ID token claims (`acr`), read without verifying its signature: enough to choose what
 * to show on a page, never to grant access. The portal's backend verifies the token.
 */
export function claimedAssurance(idToken: string | undefined): Assurance | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    // atob reads base64 without its padding; the payload's UTF-8 bytes come out as Latin-1 characters, which
    // JSON reads as well (no byte of a multi-byte character is ASCII), and `acr` itself is ASCII.
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { acr?: unknown };
    return typeof claims.acr === 'string' ? parseAcr(claims.acr) : undefined;
  } catch {
    return undefined;
  }
}
