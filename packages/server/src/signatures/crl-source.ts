import 'reflect-metadata';
import { CRLDistributionPointsExtension, KeyUsageFlags, type X509Certificate, type X509Crl } from '@peculiar/x509';
import { keyUsages, readCrl } from './certificates.js';
import { SignatureError } from './errors.js';

/** What a {@link CrlSource} needs. */
export interface CrlSourceOptions {
  /** CRLs the operator gave in configuration (read at start), used before any fetch. */
  readonly given: readonly X509Crl[];
  /** Whether CRLs may be fetched from a certificate's CRL distribution points (`http:` / `https:` only). */
  readonly fetch: boolean;
  /** Milliseconds one fetch may take, body included. */
  readonly timeoutMs: number;
  /** Most bytes of one CRL; a larger answer counts as unavailable. */
  readonly maxBytes: number;
  /** Most CRLs kept in the cache (the oldest fetched goes first). */
  readonly cacheSize?: number;
  /** The `fetch` to use (tests); the global one by default. */
  readonly fetchImpl?: typeof fetch;
}

/** Why the last distribution point did not give a usable CRL, for the log (never personal data). */
export type CrlMiss = 'no_distribution_point' | 'fetch_disabled' | 'fetch_failed' | 'stale' | 'wrong_issuer' | 'bad_signature' | 'unreadable' | 'too_large';

const sameName = (a: ArrayBuffer, b: ArrayBuffer) => Buffer.from(a).equals(Buffer.from(b));

/**
 * Where revocation lists come from: the CRLs an operator configured, else the certificate's CRL
 * distribution points fetched over HTTP with a time limit, each cached until its `nextUpdate`. A CRL is
 * used only when its issuer is the certificate's issuer, its signature verifies with the issuer's key,
 * that key may sign CRLs, and it is current (`thisUpdate` ≤ now < `nextUpdate`; a CRL without
 * `nextUpdate` is never current). When no such CRL can be had the answer is `revocation_unavailable` —
 * never "not revoked".
 *
 * Fetch only for a certificate whose path to a trust anchor was already validated: its distribution
 * points were then signed by a trusted CA, so the service never fetches an address an attacker wrote.
 */
export class CrlSource {
  readonly #options: CrlSourceOptions;
  readonly #cache = new Map<string, X509Crl>();
  readonly #inFlight = new Map<string, Promise<X509Crl | CrlMiss>>();
  /** Why the last lookup found nothing (for logs and tests). */
  lastMiss: CrlMiss | undefined;

  constructor(options: CrlSourceOptions) {
    this.#options = options;
  }

  /**
   * A current CRL of `issuer` that covers `certificate`.
   *
   * @throws {SignatureError} `revocation_unavailable` when none can be had.
   */
  async crlFor(certificate: X509Certificate, issuer: X509Certificate, now: Date): Promise<X509Crl> {
    for (const crl of this.#options.given) {
      if ((await this.#usable(crl, issuer, now)) === true) return crl;
    }
    const urls = distributionPoints(certificate);
    let miss: CrlMiss = urls.length === 0 ? 'no_distribution_point' : this.#options.fetch ? 'fetch_failed' : 'fetch_disabled';
    if (this.#options.fetch) {
      for (const url of urls) {
        const cached = this.#cache.get(url);
        if (cached && (await this.#usable(cached, issuer, now)) === true) return cached;
        const fetched = await this.#fetchOnce(url);
        if (typeof fetched === 'string') {
          miss = fetched;
          continue;
        }
        const verdict = await this.#usable(fetched, issuer, now);
        if (verdict !== true) {
          miss = verdict;
          continue;
        }
        this.#remember(url, fetched);
        return fetched;
      }
    }
    this.lastMiss = miss;
    throw new SignatureError('revocation_unavailable');
  }

  async #usable(crl: X509Crl, issuer: X509Certificate, now: Date): Promise<true | CrlMiss> {
    if (!sameName(crl.issuerName.toArrayBuffer(), issuer.subjectName.toArrayBuffer())) return 'wrong_issuer';
    const usages = keyUsages(issuer);
    if (usages !== undefined && (usages & KeyUsageFlags.cRLSign) === 0) return 'wrong_issuer';
    if (!crl.nextUpdate || crl.nextUpdate.getTime() <= now.getTime() || crl.thisUpdate.getTime() > now.getTime() + 300_000) return 'stale';
    try {
      return (await crl.verify({ publicKey: issuer })) ? true : 'bad_signature';
    } catch {
      return 'bad_signature';
    }
  }

  /** One fetch per URL at a time: parallel verifications of certificates of one CA share it. */
  #fetchOnce(url: string): Promise<X509Crl | CrlMiss> {
    let running = this.#inFlight.get(url);
    if (!running) {
      running = this.#fetch(url).finally(() => this.#inFlight.delete(url));
      this.#inFlight.set(url, running);
    }
    return running;
  }

  async #fetch(url: string): Promise<X509Crl | CrlMiss> {
    const { timeoutMs, maxBytes } = this.#options;
    const fetchImpl = this.#options.fetchImpl ?? fetch;
    const signal = AbortSignal.timeout(timeoutMs);
    let body: Uint8Array;
    try {
      const response = await fetchImpl(url, { signal, redirect: 'error', headers: { Accept: 'application/pkix-crl, application/x-pkcs7-crl, */*' } });
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return 'fetch_failed';
      }
      const declared = Number(response.headers.get('Content-Length') ?? '0');
      if (declared > maxBytes) {
        await response.body.cancel();
        return 'too_large';
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) return 'too_large';
        chunks.push(chunk);
      }
      body = Buffer.concat(chunks);
    } catch {
      return 'fetch_failed';
    }
    try {
      return readCrl(body);
    } catch {
      return 'unreadable';
    }
  }

  #remember(url: string, crl: X509Crl): void {
    this.#cache.delete(url);
    this.#cache.set(url, crl);
    const limit = this.#options.cacheSize ?? 64;
    while (this.#cache.size > limit) this.#cache.delete(this.#cache.keys().next().value as string);
  }
}

/** The `http:` / `https:` addresses of a certificate's CRL distribution points, in order. */
export function distributionPoints(certificate: X509Certificate): string[] {
  const urls: string[] = [];
  for (const extension of certificate.getExtensions(CRLDistributionPointsExtension)) {
    for (const point of extension.distributionPoints) {
      for (const name of point.distributionPoint?.fullName ?? []) {
        const uri = name.uniformResourceIdentifier;
        if (uri && /^https?:\/\//i.test(uri)) urls.push(uri);
      }
    }
  }
  return urls;
}
