import type { AddressInfo } from 'node:net';
import { serve as honoServe, type ServerType } from '@hono/node-server';
import type { ServerConfig } from './config.js';
import { nodeServerOptions } from './http/node-server-options.js';
import { createService, type DvcService } from './service.js';

/** Where to listen. */
export interface ServeOptions {
  /** TCP port; `0` picks a free one (see {@link RunningServer.port}). Default 4000. */
  readonly port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string;
}

/** A service listening on a port. */
export interface RunningServer {
  /** The port actually bound (the real one when `0` was asked for). */
  readonly port: number;
  readonly host: string;
  /** `http://host:port`. */
  readonly url: string;
  /** The Node HTTP server. */
  readonly server: ServerType;
  /** Stops accepting connections and closes open ones. Does not close the service's database. */
  close(): Promise<void>;
}

/**
 * Serves a service over HTTP on Node with `@hono/node-server`, with the timeouts and connection cap
 * of the service's `http` configuration: headers must arrive within `headersTimeoutMs` and the whole
 * request within `requestTimeoutMs` (a slow body is answered 408 and its connection closed), an idle
 * keep-alive connection is closed after `keepAliveTimeoutMs`, and connections above `maxConnections`
 * are closed as they arrive.
 *
 * @example
 * ```ts
 * const server = await serve(service, { port: 0 });
 * console.log(`Listening on ${server.url}`);
 * await server.close();
 * await service.close();
 * ```
 */
export function serve(service: DvcService, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const edge = service.config.http;
    const server = honoServe({ fetch: service.app.fetch, port: options.port ?? 4000, hostname: host, serverOptions: nodeServerOptions(edge) }, (info: AddressInfo) => {
      server.off('error', reject);
      const urlHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        port: info.port,
        host,
        url: `http://${urlHost}:${info.port}`,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.maxConnections = edge.maxConnections;
    server.once('error', reject);
  });
}

/** A service built from a configuration and listening: what {@link startService} gives. */
export interface StartedService {
  /** The service (its store, outbox, `fetch` handler). */
  readonly service: DvcService;
  /** Where it listens. */
  readonly server: RunningServer;
  /** Stops listening, then closes the service and its database. */
  close(): Promise<void>;
}

/**
 * Builds the service from `config` and serves it; if the port cannot be bound the service (and the
 * database it opened) is closed again before the error is thrown. The CLI and the examples start
 * the service this way.
 *
 * @example
 * ```ts
 * const { server, close } = await startService(loadConfig({ mode: 'development', issuer: 'http://127.0.0.1:4000', clients }), { port: 4000 });
 * console.log(`Listening on ${server.url}`);
 * await close();
 * ```
 */
export async function startService(config: ServerConfig, options: ServeOptions = {}): Promise<StartedService> {
  const service = await createService(config);
  let server: RunningServer;
  try {
    server = await serve(service, options);
  } catch (error) {
    await service.close();
    throw error;
  }
  return {
    service,
    server,
    async close() {
      await server.close();
      await service.close();
    },
  };
}
