// The SDK's human-check solver on challenges the service's own library (altcha-lib) makes, at the
// service's default difficulty: in this Node process, and in headless Chromium (playwright-core).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { solveHumanCheck } from '@dvc-kit/sdk';
import { percentile, round } from './stats.mjs';

const KEY = 'bench-human-check-key-0123456789abcdef';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `count` signed challenges with secret numbers spread over 0…maxNumber, as the service makes them. */
async function challenges(count, maxNumber) {
  const expires = new Date(Date.now() + 3_600_000);
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const made = await createChallenge({ hmacKey: KEY, maxnumber: maxNumber, number: Math.floor(((i + 0.5) / count) * maxNumber), expires });
      return { algorithm: 'SHA-256', challenge: made.challenge, maxnumber: maxNumber, salt: made.salt, signature: made.signature };
    }),
  );
}

function figures(times) {
  return { runs: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)) };
}

/** A plain node:crypto loop over the same search: what "native" costs. */
function nativeLoop(challenge) {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (createHash('sha256').update(challenge.salt + n).digest('hex') === challenge.challenge) return n;
  }
  return -1;
}

async function inNode(list) {
  const sdk = [];
  const native = [];
  for (const challenge of list) {
    let started = performance.now();
    const payload = await solveHumanCheck(challenge);
    sdk.push(performance.now() - started);
    if (!(await verifySolution(payload, KEY, true))) throw new Error('The SDK solver gave a solution altcha-lib refuses');
    started = performance.now();
    nativeLoop(challenge);
    native.push(performance.now() - started);
  }
  return { sdk: figures(sdk), nodeCryptoLoop: figures(native) };
}

async function inChromium(list) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed' };
  }
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('../../packages/sdk/src/human-check/solve.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'dvcSolver',
    write: false,
    target: 'es2022',
  });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  } catch (error) {
    return { skipped: `Chromium did not start: ${error instanceof Error ? error.message.split('\n')[0] : error}` };
  }
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundled.outputFiles[0].text });
    const results = await page.evaluate(async (challengeList) => {
      const out = [];
      for (const challenge of challengeList) {
        const started = performance.now();
        const payload = await globalThis.dvcSolver.solveHumanCheck(challenge);
        out.push({ ms: performance.now() - started, payload });
      }
      return out;
    }, list);
    for (const { payload } of results) {
      if (!(await verifySolution(payload, KEY, true))) throw new Error('The SDK solver in Chromium gave a solution altcha-lib refuses');
    }
    return { sdk: figures(results.map((result) => result.ms)), version: browser.version() };
  } finally {
    await browser.close();
  }
}

/** Solve times (ms) of the SDK's solver in Node and Chromium, with the node:crypto loop for reference. */
export async function solverBench({ runs, maxNumber }) {
  const list = await challenges(runs, maxNumber);
  return { maxNumber, node: await inNode(list), chromium: await inChromium(list) };
}
