// A small web server for an example portal: serves its page with a strict Content-Security-Policy,
// the DVC Kit widget bundle (bundle.js as /vendor/dvc-elements.js and the chunks it fetches from beside
// it, /vendor/bundle-*.js; the SDK's modules as /vendor/sdk/*, for the development signer and the step-up challenge reader), and two backend routes: one verifies the citizen's ID token with the SDK, the
// other guards a high-assurance service and answers a session below it with an RFC 9470 step-up challenge.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DvcClient, DvcError, stepUpChallenge } from '@dvc-kit/sdk';
import { createTokenVerifier } from '@dvc-kit/sdk/tokens';

const here = fileURLToPath(new URL('.', import.meta.url));
const bundlePath = fileURLToPath(import.meta.resolve('@dvc-kit/elements/bundle.js'));
const bundleDir = dirname(bundlePath);
/** The chunks bundle.js fetches with import(), relative to its own URL: `bundle-<name>-<hash>.js`. */
const CHUNK = /^\/vendor\/(bundle-[\w-]+\.js)$/;
const SHARED_FILES = new Set(['shared.css', 'lang-switch.js', 'dev-signer.js']);
/**
 * The SDK's browser modules (`/vendor/sdk/signer/index.js`, `/vendor/sdk/assurance/step-up.js` …), for the development
 * signer the example pages use (shared/dev-signer.js) and the step-up challenge reader: the examples have no bundler,
 * and the SDK's dist has no bare imports, so a browser loads it as it is. A portal that bundles imports `@dvc-kit/sdk`.
 */
const SDK_MODULE = /^\/vendor\/sdk\/((?:[\w-]+\/)?[\w-]+\.js)$/;
const sdkDir = dirname(fileURLToPath(import.meta.resolve('@dvc-kit/sdk')));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/** What the example's high-assurance service asks by default: a certificate-proven identity, a second factor. */
const HIGH_ASSURANCE = Object.freeze({ ial: 3, aal: 2 });

/**
 * Starts an example portal.
 * @param {{ folder: string, clientId: string, title: string, port?: number, host?: string, publicHost?: string,
 *   service: () => string, links?: () => Record<string, string>,
 *   highAssurance?: import('@dvc-kit/sdk').AssuranceRequirement }} options
 *   `host` is the address it listens on (default 127.0.0.1); `publicHost` the name its URL (its origin)
 *   uses, `host` when absent — `localhost` for a loopback address, so that passkeys work there;
 *   `service` returns the identity service's base URL (also the token issuer); `links` fills
 *   `{{name}}` placeholders in the page with other addresses (the other portal, the outbox);
 *   `highAssurance` is what `GET /api/high-assurance` asks of a session (default IAL3, AAL2).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startPortal(options) {
  const root = join(here, options.folder);
  let verifier;
  let service;
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://portal');
      const security = {
        'Content-Security-Policy': [
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          `connect-src 'self' ${options.service()}`,
          "img-src 'self' data:",
          "form-action 'self'",
          "base-uri 'none'",
          "frame-ancestors 'none'",
        ].join('; '),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      };
      if (req.method === 'POST' && url.pathname === '/api/session') {
        verifier ??= createTokenVerifier({ issuer: options.service(), audience: options.clientId });
        const body = JSON.parse((await readBody(req)) || '{}');
        try {
          const { claims, assurance } = await verifier.verifyIdToken(String(body.idToken ?? ''));
          return send(res, 200, { 'Content-Type': 'application/json', ...security }, JSON.stringify({
            verified: true, sub: claims.sub, name: claims.name, ial: assurance.ial, aal: assurance.aal, amr: claims.amr,
          }));
        } catch (error) {
          return send(res, 401, { 'Content-Type': 'application/json', ...security }, JSON.stringify({ verified: false, code: error.code ?? 'token_invalid' }));
        }
      }
      if (req.method === 'GET' && url.pathname === '/api/high-assurance') {
        service ??= new DvcClient({ baseUrl: options.service(), clientId: options.clientId, lang: 'en' });
        return highAssurance(req, res, { service, requirement: options.highAssurance ?? HIGH_ASSURANCE, headers: security });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, security, 'Method not allowed');
      if (url.pathname === '/vendor/dvc-elements.js') return sendBundleFile(req, res, bundlePath, security);
      const sdkModule = SDK_MODULE.exec(url.pathname);
      if (sdkModule) {
        const content = await readFile(join(sdkDir, sdkModule[1])).catch(() => undefined);
        return content ? send(res, 200, { 'Content-Type': types['.js'], ...security }, content) : send(res, 404, security, 'Not found');
      }
      const chunk = CHUNK.exec(url.pathname);
      if (chunk) {
        // A chunk's name carries a hash of its content: it never changes, so it may be kept.
        return sendBundleFile(req, res, join(bundleDir, chunk[1]), { 'Cache-Control': 'public, max-age=31536000, immutable', ...security });
      }
      const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
      if (!/^[\w-]+\.(html|js|css|svg)$/.test(name)) return send(res, 404, security, 'Not found');
      const file = SHARED_FILES.has(name) ? join(here, 'shared', name) : join(root, name);
      let content = await readFile(file).catch(() => undefined);
      if (!content) return send(res, 404, security, 'Not found');
      if (name.endsWith('.html')) {
        const values = { service: options.service(), clientId: options.clientId, title: options.title, ...(options.links?.() ?? {}) };
        content = content.toString('utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => escapeHtml(values[key] ?? ''));
      }
      return send(res, 200, { 'Content-Type': types[extname(name)], ...security }, content);
    } catch (error) {
      console.error(`${options.title}: ${error.message}`);
      return send(res, 500, {}, 'Internal error');
    }
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://${options.publicHost ?? options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * `GET /api/high-assurance` with the citizen's access token (`Authorization: Bearer`): a service only a
 * session meeting `requirement` may use. The portal asks the identity service (not the token, which may
 * be stale: an upgrade, a sign-out made elsewhere) whether the session meets it; below it, the answer is
 * 401 with an RFC 9470 step-up challenge in `WWW-Authenticate`, which the page reads with
 * `readStepUpChallenge` to take the citizen up; a session that ended, 401 `invalid_token`.
 */
async function highAssurance(req, res, { service, requirement, headers }) {
  const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  const refuse = (challenge, code, extra = {}) => {
    const body = { type: `https://dvc-kit.dev/problems/${code}`, title: 'Unauthorized', status: 401, code, ...extra };
    return send(res, 401, { ...headers, 'WWW-Authenticate': challenge, 'Content-Type': 'application/problem+json' }, JSON.stringify(body));
  };
  if (!token) return refuse('Bearer', 'unauthorized');
  try {
    const { meets, missing, assurance } = await service.checkSessionAssurance(token, requirement);
    if (!meets) return refuse(stepUpChallenge(requirement), 'insufficient_user_authentication', { requirement, missing });
    return send(res, 200, { ...headers, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, JSON.stringify({ allowed: true, assurance }));
  } catch (error) {
    if (!(error instanceof DvcError) || error.code !== 'unauthorized') throw error;
    return refuse('Bearer error="invalid_token"', 'unauthorized');
  }
}

/**
 * A file of the widget bundle, as a portal's server should send it: the `.gz` beside it (compressed at build
 * time, smaller than gzip on the fly) to a browser that accepts gzip, the file itself to one that does not.
 */
async function sendBundleFile(req, res, path, headers) {
  const gzip = /\bgzip\b(?!\s*;\s*q=0(\.0+)?\b)/.test(String(req.headers['accept-encoding'] ?? ''));
  const content = await readFile(gzip ? `${path}.gz` : path).catch(() => undefined);
  if (!content) return send(res, 404, headers, 'Not found');
  const encoding = gzip ? { 'Content-Encoding': 'gzip' } : {};
  return send(res, 200, { 'Content-Type': types['.js'], Vary: 'Accept-Encoding', ...encoding, ...headers }, content);
}

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 16_384) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
