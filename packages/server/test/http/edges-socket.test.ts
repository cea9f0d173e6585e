import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { CLIENT_HEADER, PATHS } from '@dvc-kit/sdk';
import { openTestPglite, type TestDatabase } from '../support/database.js';
import { MINISTRY, startTestService, type TestService } from '../support/service.js';

// The edge as a client on a real socket meets it: Node's own timeouts and connection cap, and the
// body limit while a chunked body is still arriving. Timeouts are small here so the file stays fast.

const MB = 1024 * 1024;

/** What a raw connection received before the server closed it, and when it closed. */
interface Closed {
  readonly text: string;
  readonly afterMs: number;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Collects what arrives on a socket until the server closes it (or `limitMs` passes). */
function untilClosed(socket: Socket, started: number, limitMs = 10_000): Promise<Closed> {
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, afterMs: Number.POSITIVE_INFINITY });
    }, limitMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, afterMs: performance.now() - started });
    });
  });
}

function head(path: string, extra: string[] = []): string {
  return [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...extra, '', ''].join('\r\n');
}

describe('the HTTP edge on a real socket', () => {
  let database: TestDatabase;
  let t: TestService;

  before(async () => {
    database = await openTestPglite();
    t = await startTestService(database, {
      listen: true,
      config: { http: { maxBodyBytes: 64 * 1024, headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, maxConnections: 3 } },
    });
  });
  after(async () => {
    await t.server?.close();
    await t.service.close();
    await database.close();
  });

  test('a 100 MB chunked body is refused with 413 while it is still being sent, and the service does not read it', async () => {
    const total = 100 * MB;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const { status, code, sentWhenAnswered, sentInAll } = await new Promise<{ status: number; code: string; sentWhenAnswered: number; sentInAll: number }>((resolve, reject) => {
      let sent = 0;
      let answer: { status: number; code: string; sentWhenAnswered: number } | undefined;
      const req = request({
        host: '127.0.0.1',
        port: t.server!.port,
        method: 'POST',
        path: PATHS.registrations,
        headers: { 'Content-Type': 'application/json', [CLIENT_HEADER]: MINISTRY.id, 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (response) => {
        const sentWhenAnswered = sent;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => (body += text));
        response.on('end', () => {
          answer = { status: response.statusCode ?? 0, code: (JSON.parse(body) as { code: string }).code, sentWhenAnswered };
        });
      });
      const finish = () => (answer ? resolve({ ...answer, sentInAll: sent }) : reject(new Error(`no answer after ${sent} bytes`)));
      req.on('error', () => setTimeout(finish, 50));
      req.on('close', () => setTimeout(finish, 50));
      const pump = () => {
        while (sent < total && !req.destroyed) {
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (sent >= total) req.end();
      };
      pump();
    });
    assert.equal(status, 413);
    assert.equal(code, 'body_too_large');
    assert.ok(sentWhenAnswered < total / 2, `answered after ${sentWhenAnswered} of ${total} bytes`);
    assert.ok(sentInAll < total, `the connection was closed: ${sentInAll} of ${total} bytes went out`);
    assert.ok(peakRss - rssBefore < 40 * MB, `memory grew by ${Math.round((peakRss - rssBefore) / MB)} MB`);
  });

  test('a declared Content-Length above the limit is refused before the body is read, and the connection closed', async () => {
    const socket = await open(t.server!.port);
    const closed = untilClosed(socket, performance.now());
    socket.write([`POST ${PATHS.signIns} HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json', `${CLIENT_HEADER}: ${MINISTRY.id}`, `Content-Length: ${100 * MB}`, '', '{"idNumber":'].join('\r\n'));
    const { text } = await closed;
    assert.match(text, /^HTTP\/1\.1 413 /);
    assert.match(text, /\r\nconnection: close\r\n/i);
    assert.match(text, /"code":"body_too_large"/);
  });

  test('a body that trickles in is cut off after http.requestTimeoutMs, not kept for minutes', async () => {
    const socket = await open(t.server!.port);
    const started = performance.now();
    const closed = untilClosed(socket, started);
    socket.write([`POST ${PATHS.signIns} HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json', `${CLIENT_HEADER}: ${MINISTRY.id}`, 'Content-Length: 1000', '', '{'].join('\r\n'));
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(' ');
    }, 50);
    const { text, afterMs } = await closed;
    clearInterval(drip);
    assert.ok(afterMs >= 550 && afterMs < 5000, `closed after ${Math.round(afterMs)} ms`);
    assert.match(text, /^(HTTP\/1\.1 408 |$)/, 'a 408 answer, or none');
  });

  test('headers that never finish are cut off after http.headersTimeoutMs', async () => {
    const socket = await open(t.server!.port);
    const started = performance.now();
    const closed = untilClosed(socket, started);
    socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    const { afterMs } = await closed;
    assert.ok(afterMs >= 250 && afterMs < 5000, `closed after ${Math.round(afterMs)} ms`);
  });

  test('an idle keep-alive connection is closed after http.keepAliveTimeoutMs', async () => {
    const socket = await open(t.server!.port);
    const started = performance.now();
    const closed = untilClosed(socket, started);
    socket.write(head('/healthz', ['Connection: keep-alive']));
    const { text, afterMs } = await closed;
    assert.match(text, /^HTTP\/1\.1 200 /);
    assert.ok(afterMs >= 250 && afterMs < 4000, `closed after ${Math.round(afterMs)} ms (Node's default would be 5 s)`);
  });

  test('connections above http.maxConnections are closed as they arrive; one is accepted again once another ends', async () => {
    const held = await Promise.all([open(t.server!.port), open(t.server!.port), open(t.server!.port)]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const extra = await open(t.server!.port);
    const started = performance.now();
    const refused = untilClosed(extra, started, 2000);
    extra.write(head('/healthz', ['Connection: close']));
    const { text, afterMs } = await refused;
    assert.equal(text, '', 'no answer for the connection above the cap');
    assert.ok(afterMs < 1500, `closed after ${Math.round(afterMs)} ms`);

    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await open(t.server!.port);
    const answered = untilClosed(again, performance.now());
    again.write(head('/healthz', ['Connection: close']));
    assert.match((await answered).text, /^HTTP\/1\.1 200 /);
  });
});
