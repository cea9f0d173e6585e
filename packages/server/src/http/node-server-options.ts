import type { ServerOptions } from 'node:http';
import type { HttpEdgeConfig } from './edge-config.js';

/**
 * Node's HTTP server options for the `http` configuration. Node checks the header and request
 * timeouts on a timer (`connectionsCheckingInterval`, 30 s by default); it is shortened to a quarter
 * of the shorter timeout, at most a second, so a timeout is enforced close to when it falls due.
 */
export function nodeServerOptions(edge: HttpEdgeConfig): ServerOptions {
  const shortest = Math.min(edge.headersTimeoutMs, edge.requestTimeoutMs);
  return {
    headersTimeout: edge.headersTimeoutMs,
    requestTimeout: edge.requestTimeoutMs,
    keepAliveTimeout: edge.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(shortest / 4))),
  };
}
