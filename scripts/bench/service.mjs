// Starts the identity service (packages/server/dist/cli.js) as a child process on 127.0.0.1, in
// development mode with the human check on, and reads its CPU time and memory from /proc.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from '../free-port.mjs';
import { cpuSeconds, postgresCpuSeconds, postmasterOnPort, rssBytes } from './proc.mjs';

const CLI = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

/**
 * The Node flags the operators guide gives `dvc-server` (see "Memory" there): a young generation of
 * 2 × 2 MB instead of V8's 2 × 16 MB, which the service never needs, and a 256 MB old-generation limit,
 * under which V8 grows the heap by 1.3× its live size between collections instead of up to 4× (its
 * factor for machines with gigabytes to spare). Node reads these flags only at start-up;
 * `v8.setFlagsFromString` in the CLI does not resize the heap.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=2', '--max-old-space-size=256'];

/** The portal the bench signs in through. */
export const BENCH_CLIENT = { id: 'bench-portal', name: 'Cổng đo hiệu năng', origins: [] };

/**
 * @param {{ databaseUrl?: string, dataDir?: string, configFile: string, nodeArgs?: string[], port?: number }} options
 * @returns the service's `url`, `pid`, `events` (each JSON log line as an `event` named by its `event`
 *   field), `cpu()` (service + PostgreSQL CPU seconds), `rss()` and `stop()`.
 */
export async function startService(options) {
  const port = options.port ?? (await freePort());
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DVC_MODE: 'development',
    DVC_CONFIG: options.configFile,
    DVC_CLIENTS: JSON.stringify([BENCH_CLIENT]),
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else env.DATA_DIR = options.dataDir;
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...(options.nodeArgs ?? []), CLI], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const events = new EventEmitter();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line);
      if (typeof entry.event === 'string') events.emit('event', entry);
    } catch {
      /* not a log line */
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`The identity service exited while starting:\n${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (tries > 300) throw new Error(`The identity service did not answer /healthz in 60 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const postmaster = options.databaseUrl ? postmasterOnPort(new URL(options.databaseUrl).port) : undefined;
  if (options.databaseUrl && !postmaster) throw new Error('Cannot find the PostgreSQL server process to measure its CPU time');
  return {
    url,
    pid: child.pid,
    events,
    /** CPU seconds used so far by the service and, on PostgreSQL, the database server. */
    cpu: () => ({ service: cpuSeconds(child.pid), database: postmaster ? postgresCpuSeconds(postmaster) : 0 }),
    rss: () => rssBytes(child.pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
