// The whole development stack: the identity service with its database, the ministry portal and the
// provincial portal on two origins, each a registered client of the service. Used by `npm start`
// and by the cross-origin journey test, so what the test proves is what a developer runs.
import { loadConfig, startService } from '@dvc-kit/server';
import { freePort } from '../scripts/free-port.mjs';
import { startPortal } from './portal-server.mjs';

/**
 * @param {{ host?: string, servicePort?: number, ministryPort?: number, provincialPort?: number,
 *   dataDir?: string, databaseUrl?: string, humanCheck?: { required: boolean, maxNumber?: number },
 *   extraOrigins?: string[], log?: (line: string) => void }} options
 *   Port 0 picks a free port (tests); no `dataDir` and no `databaseUrl` keeps the database in memory;
 *   `extraOrigins` are allowed for both example portals' client ids (a portal team's own page);
 *   `log` takes the service's JSON log lines (default: standard output).
 */
export async function startStack(options = {}) {
  const host = options.host ?? '127.0.0.1';
  // A browser takes `localhost` as a WebAuthn RP ID but never an IP address: on a loopback address the
  // portals are named `localhost` (still listening on `host`), so passkeys work on both of them.
  const portalHost = LOOPBACK.has(host) ? 'localhost' : host;
  let serviceUrl = '';
  const addresses = {};
  const outbox = () => `${serviceUrl}/dev/outbox`;
  const startExamplePortal = (folder, clientId, title, port, otherPortal) =>
    startPortal({ folder, clientId, title, port: port ?? 0, host, publicHost: portalHost, service: () => serviceUrl, links: () => ({ otherPortal: addresses[otherPortal], outbox: outbox() }) });

  const ministry = await startExamplePortal('ministry-portal', 'ministry-portal', 'Bộ Công an', options.ministryPort, 'provincial');
  const provincial = await startExamplePortal('provincial-portal', 'provincial-portal', 'Cổng Dịch vụ công tỉnh Bắc Ninh', options.provincialPort, 'ministry');
  addresses.ministry = `${ministry.url}/`;
  addresses.provincial = `${provincial.url}/`;

  let service;
  try {
    service = await startIdentityService({
      host,
      port: options.servicePort,
      clients: [
        { id: 'ministry-portal', name: 'Bộ Công an', origins: [ministry.url, ...(options.extraOrigins ?? [])] },
        // The provincial portal also offers registration by social insurance (its register page's chooser).
        { id: 'provincial-portal', name: 'Cổng Dịch vụ công tỉnh Bắc Ninh', origins: [provincial.url, ...(options.extraOrigins ?? [])], registrationMethods: ['mobile', 'bhxh'] },
      ],
      database: { ...(options.databaseUrl ? { url: options.databaseUrl } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) },
      humanCheck: options.humanCheck,
      passkeys: portalHost === 'localhost' ? localPasskeys(options.extraOrigins ?? []) : undefined,
      log: options.log,
    });
  } catch (error) {
    await Promise.all([ministry.close(), provincial.close()]);
    throw error;
  }
  serviceUrl = service.url;

  return {
    service: serviceUrl,
    outbox: outbox(),
    ministry: addresses.ministry,
    provincial: addresses.provincial,
    async close() {
      await Promise.all([ministry.close(), provincial.close()]);
      await service.close();
    },
  };
}

/** Addresses the portals listen on that browsers also reach as `localhost`. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Passkeys on the example portals: bound to the RP ID `localhost`, which every `http://localhost:<port>`
 * page may use. A portal team's own page elsewhere (`DVC_EXTRA_ORIGINS`, e.g. `https://portal.example`)
 * cannot use a passkey made for `localhost`; `relatedOrigins` lets the service start with it, and the
 * citizen there types the SMS code instead (docs/guides/passkeys.md, "In development").
 *
 * @param {string[]} extraOrigins
 */
function localPasskeys(extraOrigins) {
  const elsewhere = extraOrigins.some((origin) => new URL(origin).hostname !== 'localhost');
  return { rpId: 'localhost', rpName: 'DVC Kit (phát triển)', ...(elsewhere ? { relatedOrigins: true } : {}) };
}

/**
 * The identity service alone, as the examples and the browser tests run it, in development mode:
 * sandbox carrier and social-insurance register, SMS outbox, every signature method (the development CA,
 * which the SDK's `DevelopmentSigner` gets its certificates from, for a USB token; the sandbox signing
 * provider for SIM signatures and remote signing), the given portals as clients (a client's
 * `registrationMethods` may add `bhxh`), served on `host:port` with that address as its issuer.
 *
 * @param {{ host?: string, port?: number, clients: { id: string, name: string, origins: string[], registrationMethods?: ('mobile' | 'bhxh')[] }[],
 *   database?: { url?: string, dataDir?: string }, humanCheck?: { required: boolean, maxNumber?: number },
 *   passkeys?: { rpId: string, rpName?: string, relatedOrigins?: boolean }, log?: (line: string) => void,
 *   signing?: { delaySeconds?: number, fixture?: string } }} options
 *   No port (or 0) takes a free one; no database keeps it in memory; no `passkeys`, none offered; `signing`
 *   tunes the sandbox signing provider (how long its holders take to answer, 5 s by default; its fixture of holders).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startIdentityService(options) {
  const host = options.host ?? '127.0.0.1';
  // The issuer must name the real port: reserve one first, then build the service with it.
  const port = options.port || (await freePort(host));
  const config = loadConfig({
    // Development, asked for explicitly: the sandbox carrier, the SMS outbox and /dev routes.
    mode: 'development',
    issuer: `http://${host}:${port}`,
    database: options.database ?? {},
    clients: options.clients,
    sms: { driver: 'outbox' },
    // Both sandbox registers, named: a portal may then offer registration by social insurance, and lost-phone recovery asks it.
    registries: { carrier: { driver: 'sandbox' }, socialInsurance: { driver: 'sandbox' } },
    ...(options.humanCheck ? { humanCheck: options.humanCheck } : {}),
    ...(options.passkeys ? { passkeys: options.passkeys } : {}),
    ...(options.log ? { log: options.log } : {}),
    signatures: developmentSigning(options.signing),
  });
  const { close } = await startService(config, { port, host });
  return { url: config.issuer, close };
}

/**
 * Signatures in development: every method offered, a USB token through the development CA (never in
 * production: the service refuses to start with it outside development mode), SIM signature and remote
 * signing through the sandbox provider's fictional holders.
 *
 * @param {{ delaySeconds?: number, fixture?: string }} [signing]
 */
function developmentSigning(signing = {}) {
  const sandbox = { driver: 'sandbox', ...(signing.delaySeconds !== undefined ? { delaySeconds: signing.delaySeconds } : {}), ...(signing.fixture ? { fixture: signing.fixture } : {}) };
  return { methods: ['usb_token', 'sim_signature', 'remote_signing'], developmentCa: true, providers: { sim_signature: sandbox, remote_signing: sandbox } };
}
