// A small web server for an example portal: serves its page with a strict Content-Security-Policy,
// the DVC Kit widget bundle (bundle.js as /vendor/dvc-elements.js and the chunks it fetches from beside
// it, /vendor/bundle-*.js), and one backend route that verifies the citizen's ID token with the SDK.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@dvc-kit/sdk/tokens';

const here = fileURLToPath(new URL('.', import.meta.url));
const bundlePath = fileURLToPath(import.meta.resolve('@dvc-kit/elements/bundle.js'));
const bundleDir = dirname(bundlePath);
/** The chunks bundle.js fetches with import(), relative to its own URL: `bundle-<name>-<hash>.js`. */
const CHUNK = /^\/vendor\/(bundle-[\w-]+\.js)$/;
const SHARED_FILES = new Set(['shared.css', 'lang-switch.js']);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/**
 * Starts an example portal.
 * @param {{ folder: string, clientId: string, title: string, port?: number, host?: string,
 *   service: () => string, links?: () => Record<string, string> }} options
 *   `service` returns the identity service's base URL (also the token issuer); `links` fills
 *   `{{name}}` placeholders in the page with other addresses (the other portal, the outbox).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startPortal(options) {
  const root = join(here, options.folder);
  let verifier;
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
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, security, 'Method not allowed');
      if (url.pathname === '/vendor/dvc-elements.js') return sendBundleFile(req, res, bundlePath, security);
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
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
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
