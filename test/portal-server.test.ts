import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startPortal } from '../examples/portal-server.mjs';
import { englishChunk, readBundleGraph } from './support/bundle-chunks.js';

// The example portals send the widget bundle as a portal's server should: the `.gz` file written at build
// time to a browser that accepts gzip (the bytes the size budgets count), the file itself to one that does not.

const dist = new URL('../packages/elements/dist/', import.meta.url);

function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    request(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('the example portal sends the widget bundle precompressed', () => {
  test('bundle.js and a chunk come as their .gz file to a browser that accepts gzip, as the file to one that does not', async () => {
    const portal = await startPortal({ folder: 'ministry-portal', clientId: 'ministry-portal', title: 'Bộ Công an', service: () => 'http://127.0.0.1:9' });
    try {
      const chunk = englishChunk(readBundleGraph());
      for (const [path, file] of [['/vendor/dvc-elements.js', 'bundle.js'], [`/vendor/${chunk}`, chunk]] as const) {
        const original = readFileSync(fileURLToPath(new URL(file, dist)));
        const shipped = readFileSync(fileURLToPath(new URL(`${file}.gz`, dist)));

        const gzipped = await get(`${portal.url}${path}`, 'gzip, deflate, br');
        assert.equal(gzipped.status, 200);
        assert.equal(gzipped.headers['content-encoding'], 'gzip');
        assert.equal(gzipped.headers.vary, 'Accept-Encoding');
        assert.ok(gzipped.body.equals(shipped), `${path} was not sent as ${file}.gz`);
        assert.ok(gunzipSync(gzipped.body).equals(original));

        for (const acceptEncoding of [undefined, 'identity', 'gzip;q=0, br']) {
          const plain = await get(`${portal.url}${path}`, acceptEncoding);
          assert.equal(plain.status, 200);
          assert.equal(plain.headers['content-encoding'], undefined, `${path} with Accept-Encoding ${acceptEncoding}`);
          assert.ok(plain.body.equals(original));
        }
      }
      assert.equal((await get(`${portal.url}/vendor/bundle-none-00000000.js`, 'gzip')).status, 404);
    } finally {
      await portal.close();
    }
  });
});
