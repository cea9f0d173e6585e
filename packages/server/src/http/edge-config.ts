import * as z from 'zod';

/**
 * The `http` key of the service configuration: what one connection and one request may cost the
 * service before it is refused. The defaults suit a service behind a reverse proxy; an operator may
 * tighten them. {@link serve} applies the timeouts and the connection cap to the Node server, the app
 * applies `maxBodyBytes` while the body arrives.
 */
export const HttpEdgeSchema = z
  .strictObject({
    /** Largest request body accepted, in bytes, counted as it arrives (chunked bodies too): above it, `413 body_too_large`. */
    maxBodyBytes: z.int().min(1024).max(10 * 1024 * 1024).default(64 * 1024).describe('Largest request body in bytes, counted as it arrives (chunked too); above it 413 `body_too_large`.'),
    /** Time a client has to send the request headers, from the first byte. */
    headersTimeoutMs: z.int().min(100).max(120_000).default(10_000).describe('Time a client has to send the request headers.'),
    /** Time a client has to send the whole request, headers and body (a trickling body is cut off). */
    requestTimeoutMs: z.int().min(100).max(600_000).default(30_000).describe('Time a client has to send the whole request; a trickling body gets 408 and its connection closed.'),
    /** How long an idle keep-alive connection stays open for the next request. */
    keepAliveTimeoutMs: z.int().min(100).max(120_000).default(5_000).describe('How long an idle keep-alive connection stays open (Node waits about a second more).'),
    /** Open connections accepted at once; above it a new connection is closed at once. */
    maxConnections: z.int().min(1).max(1_000_000).default(1024).describe('Open connections accepted at once; a new one above it is closed as it arrives.'),
  })
  .refine((http) => http.headersTimeoutMs <= http.requestTimeoutMs, { message: 'must not be longer than http.requestTimeoutMs', path: ['headersTimeoutMs'] });

/** The validated `http` configuration: every default filled in. */
export type HttpEdgeConfig = z.output<typeof HttpEdgeSchema>;
