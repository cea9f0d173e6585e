// A free TCP port on a host: for a server whose own URL must be known before it starts (the identity
// service's issuer names its port), where listening on port 0 would be too late.
import { createServer } from 'node:net';

/** @param {string} [host] @returns {Promise<number>} */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
