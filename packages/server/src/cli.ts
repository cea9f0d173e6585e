#!/usr/bin/env node
/**
 * `dvc-server`: runs the identity service on Node.
 *
 * Environment: `PORT` (4000), `HOST` (127.0.0.1), `DATA_DIR` (.data, the PGlite folder),
 * `DATABASE_URL` (PostgreSQL instead of PGlite), `DVC_ISSUER` (default `http://HOST:PORT`),
 * `DVC_CLIENTS` (JSON array of `{ id, name, origins }`), `DVC_OPERATORS` (JSON array of
 * `{ id, name, tokenSha256 }`: operator API credentials), `DVC_MODE` (`production`, the default, or
 * `development`), `DVC_KEY_ENCRYPTION_KEY` (the key-encryption key, required in production) or
 * `DVC_CONFIG` (path of a JSON configuration file; the variables above override its values). Stops
 * cleanly on SIGINT/SIGTERM. Development mode prints a warning at start-up. Run it with
 * `NODE_OPTIONS='--max-semi-space-size=2 --max-old-space-size=256'` (see "Memory" in the operators
 * guide): Node reads those flags only at start-up, so this file cannot set them with
 * `v8.setFlagsFromString`.
 *
 * @example
 * ```sh
 * DVC_MODE=development \
 * DVC_CLIENTS='[{"id":"ministry-portal","name":"Bộ Công an","origins":["http://127.0.0.1:4100"]},
 *               {"id":"provincial-portal","name":"Cổng DVC tỉnh Bắc Ninh","origins":["http://127.0.0.1:4200"]}]' \
 *   npx dvc-server
 * ```
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { startService } from './serve.js';

async function readConfigInput(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  let base: Record<string, unknown> = {};
  if (env.DVC_CONFIG) {
    try {
      base = JSON.parse(await readFile(env.DVC_CONFIG, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`Cannot read DVC_CONFIG ${env.DVC_CONFIG}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const port = Number(env.PORT ?? 4000);
  const host = env.HOST ?? '127.0.0.1';
  const input: Record<string, unknown> = { ...base };
  if (env.DVC_MODE) {
    if (env.DVC_MODE !== 'production' && env.DVC_MODE !== 'development') {
      throw new ConfigError([`mode: DVC_MODE must be "production" or "development", not ${JSON.stringify(env.DVC_MODE)}`]);
    }
    input.mode = env.DVC_MODE;
  }
  if (env.DVC_KEY_ENCRYPTION_KEY) {
    input.secrets = { ...((base.secrets as Record<string, unknown> | undefined) ?? {}), keyEncryptionKey: env.DVC_KEY_ENCRYPTION_KEY };
  }
  if (env.DVC_ISSUER) input.issuer = env.DVC_ISSUER;
  else if (input.issuer === undefined) input.issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (env.DVC_CLIENTS) {
    try {
      input.clients = JSON.parse(env.DVC_CLIENTS);
    } catch {
      throw new Error('DVC_CLIENTS is not valid JSON (expected an array of { "id", "name", "origins" })');
    }
  }
  if (env.DVC_OPERATORS) {
    try {
      input.operators = JSON.parse(env.DVC_OPERATORS);
    } catch {
      throw new Error('DVC_OPERATORS is not valid JSON (expected an array of { "id", "name", "tokenSha256" })');
    }
  }
  if (input.clients === undefined) {
    throw new Error('No clients: set DVC_CLIENTS to a JSON array of { "id", "name", "origins" }, or DVC_CONFIG to a configuration file with "clients"');
  }
  const database = { ...((base.database as Record<string, unknown> | undefined) ?? {}) };
  if (env.DATABASE_URL) {
    database.url = env.DATABASE_URL;
    delete database.dataDir;
  } else if (env.DATA_DIR || (!database.url && !database.dataDir)) {
    database.dataDir = resolve(env.DATA_DIR ?? '.data');
    delete database.url;
  }
  input.database = database;
  return input;
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 4000);
  const host = env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const config = loadConfig(await readConfigInput(env));
  if (config.mode === 'development') {
    console.warn('WARNING: DEVELOPMENT MODE — sandbox register, SMS outbox and /dev routes are on, codes are not texted to phones. Never run this for citizens; unset DVC_MODE for production.');
  }
  const { service, server, close } = await startService(config, { port, host });
  const where = config.database.url ? 'PostgreSQL' : `PGlite in ${config.database.dataDir ?? 'memory'}`;
  console.log(`DVC Kit identity service listening on ${server.url} (issuer ${config.issuer}, ${where})`);
  if (service.outbox) console.log(`Development SMS outbox: ${server.url}/dev/outbox`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    try {
      await close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
