// How many ID tokens a portal backend verifies per second with @dvc-kit/sdk/tokens against the
// service's JWKS (fetched once, then cached by jose), on this process's one JavaScript thread.
import { createTokenVerifier } from '@dvc-kit/sdk/tokens';
import { BENCH_CLIENT } from './service.mjs';
import { round } from './stats.mjs';

export async function tokenVerifications(issuer, idToken, { seconds }) {
  const verifier = createTokenVerifier({ issuer, audience: BENCH_CLIENT.id });
  await verifier.verifyIdToken(idToken); // fetches the JWKS
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    // Batches of 32 awaited together, as a backend serving many requests would.
    await Promise.all(Array.from({ length: 32 }, () => verifier.verifyIdToken(idToken)));
    count += 32;
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { verifications: count, perSecond: round(count / wall, 0), perCpuSecond: round(count / cpuSeconds, 0) };
}
