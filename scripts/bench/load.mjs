// Drives full sign-ins against a running service: a closed loop of N citizens, or open-loop arrivals.
import { addressFor, signIn } from './journey.mjs';
import { round, stepPercentiles } from './stats.mjs';

let arrivals = 0;

async function oneSignIn(service, pool, samples, errors) {
  const account = await pool.take();
  try {
    samples.push(await signIn(service.url, account, addressFor(++arrivals)));
  } catch (error) {
    errors.push(error instanceof Error ? `${error.code ?? error.name}: ${error.message}` : String(error));
  } finally {
    pool.give(account);
  }
}

/** CPU seconds and peak RSS of the service while `work` runs. */
async function measured(service, work) {
  const before = service.cpu();
  let peakRss = service.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, service.rss());
  }, 200);
  const started = performance.now();
  const out = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = service.cpu();
  const cpu = { service: after.service - before.service, database: after.database - before.database };
  return { out, seconds, cpu, peakRss: Math.max(peakRss, service.rss()) };
}

function summary(samples, errors, { seconds, cpu, peakRss }) {
  const count = samples.length;
  const cpuTotal = cpu.service + cpu.database;
  return {
    signIns: count,
    errors: errors.length,
    firstErrors: [...new Set(errors)].slice(0, 3),
    seconds: round(seconds, 2),
    perSecond: round(count / seconds),
    cpuSeconds: { service: round(cpu.service, 2), database: round(cpu.database, 2) },
    perCpuSecond: cpuTotal > 0 ? round(count / cpuTotal) : null,
    cpuMsPerSignIn: count ? { service: round((cpu.service * 1000) / count), database: round((cpu.database * 1000) / count) } : null,
    peakRssMB: round(peakRss / 2 ** 20),
    steps: stepPercentiles(samples),
    samples,
  };
}

/** `concurrency` citizens signing in one after another for `seconds`. */
export async function closedLoop(service, pool, { concurrency, seconds }) {
  const samples = [];
  const errors = [];
  const deadline = performance.now() + seconds * 1000;
  const run = await measured(service, () =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) await oneSignIn(service, pool, samples, errors);
      }),
    ),
  );
  return { concurrency, ...summary(samples, errors, run) };
}

/**
 * Sign-ins arriving at `rate` a second (Poisson: exponential gaps), whether or not earlier ones have
 * finished, for `seconds`; at most `maxInFlight` at once so an overloaded service cannot run away.
 */
export async function openLoop(service, pool, { rate, seconds, maxInFlight = 64 }) {
  const samples = [];
  const errors = [];
  let dropped = 0;
  const run = await measured(service, async () => {
    const pending = new Set();
    const end = performance.now() + seconds * 1000;
    let next = performance.now();
    while (next < end) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (pending.size >= maxInFlight) dropped++;
      else {
        const job = oneSignIn(service, pool, samples, errors).finally(() => pending.delete(job));
        pending.add(job);
      }
      next += -Math.log(1 - Math.random()) * (1000 / rate);
    }
    await Promise.all(pending);
  });
  return { rate: round(rate, 2), dropped, ...summary(samples, errors, run) };
}
