#!/usr/bin/env node
// `npm run bench`: the repository measures its own speed against the budgets of the design.
//
// Starts the identity service (development mode, human check on) on PGlite and on PostgreSQL,
// registers a pool of fictional citizens, drives full sign-ins at concurrency 1, 4 and 16 and with
// open-loop arrivals at half the measured capacity, sweeps 10,000 expired flows under load, then
// measures SDK token verification, the widget bundle and the human-check solver (Node, Chromium).
// Prints a table and writes bench/results.json. Everything stays on 127.0.0.1.
//
//   BENCH_SECONDS   seconds per load run (default 12; --quick: 3)
//   BENCH_ACCOUNTS  accounts registered per database (default 1500; --quick: 150)
//   BENCH_DATABASES pglite,postgres (default both)
//   BENCH_SOLVER_RUNS solver runs per runtime (default 40)
//   BENCH_OUT       where the JSON goes (default bench/results.json)
//   BENCH_PROFILE   a folder: the service writes a V8 CPU profile there (node --cpu-prof)
//   BENCH_SWEEP_CONFIG JSON merged into the service's configuration for the sweep run
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startPostgres } from '../postgres.mjs';
import { bundleSizes } from './bundle.mjs';
import { checkBudgets, report } from './budgets.mjs';
import { AccountPool, benchCitizens, writeFixture } from './citizens.mjs';
import { addressFor, register } from './journey.mjs';
import { closedLoop, openLoop } from './load.mjs';
import { startService } from './service.mjs';
import { solverBench } from './solver.mjs';
import { round } from './stats.mjs';
import { insertExpiredFlows, remainingExpiredFlows, sweepConfig, watchHousekeeping } from './sweep.mjs';
import { tokenVerifications } from './tokens.mjs';

const quick = process.argv.includes('--quick');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 3 : 12));
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? (quick ? 150 : 1500));
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').map((name) => name.trim());
const SOLVER_RUNS = Number(process.env.BENCH_SOLVER_RUNS ?? (quick ? 10 : 40));
const OUT = resolve(process.env.BENCH_OUT ?? 'bench/results.json');
const EXPIRED_FLOWS = 10_000;
const MAX_NUMBER = 20_000; // the service's default human-check difficulty
const MB = 2 ** 20;

const say = (text) => process.stderr.write(`${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const withoutSamples = ({ samples, ...rest }) => rest;

async function registerPool(service, citizens) {
  const pool = new AccountPool(citizens);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < citizens.length) {
        const citizen = citizens[next++];
        await register(service.url, citizen, addressFor(100_000 + next));
        pool.sent(citizen);
      }
    }),
  );
  return { pool, seconds: round((performance.now() - started) / 1000, 1) };
}

async function benchDatabase(name, folder, state) {
  const citizens = benchCitizens(ACCOUNTS);
  const fixture = join(folder, 'citizens.json');
  writeFixture(fixture, citizens);
  const config = { trustProxy: true, registries: { carrier: { driver: 'sandbox', fixture } } };
  const configFile = join(folder, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const postgres = name === 'postgres' ? await startPostgres() : undefined;
  const target = postgres ? { databaseUrl: postgres.url } : { dataDir: join(folder, 'pglite') };
  const nodeArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFILE)}`] : [];
  let service;
  try {
    service = await startService({ ...target, configFile, nodeArgs });
    await fetch(`${service.url}/v1/config`, { headers: { 'DVC-Client': 'bench-portal' } });
    await sleep(1000);
    const idleRss = service.rss();
    say(`${name}: registering ${citizens.length} accounts…`);
    const { pool, seconds: registrationSeconds } = await registerPool(service, citizens);
    say(`${name}: warming up…`);
    await closedLoop(service, pool, { concurrency: 2, seconds: Math.min(3, SECONDS) });
    const closed = [];
    for (const concurrency of [1, 4, 16]) {
      say(`${name}: ${concurrency} at a time for ${SECONDS} s…`);
      closed.push(await closedLoop(service, pool, { concurrency, seconds: SECONDS }));
    }
    const capacity = closed.reduce((best, run) => (run.perSecond > best.perSecond ? run : best));
    say(`${name}: open loop at ${round(capacity.perSecond / 2)}/s for ${SECONDS} s…`);
    const open = await openLoop(service, pool, { rate: capacity.perSecond / 2, seconds: SECONDS });
    if (!state.tokens) {
      const idToken = [...capacity.samples, ...open.samples].at(-1)?.tokens.idToken;
      if (idToken) {
        say('tokens: verifying ID tokens…');
        state.tokens = await tokenVerifications(service.url, idToken, { seconds: Math.min(5, SECONDS) });
      }
    }
    const loadedRss = Math.max(...closed.map((run) => run.peakRss ?? 0), ...[...closed, open].map((run) => run.peakRssMB * MB));

    say(`${name}: ${EXPIRED_FLOWS} expired flows, restart, ${SECONDS} s of sign-ins while they are swept…`);
    await service.stop();
    await insertExpiredFlows(target, EXPIRED_FLOWS);
    const sweepFile = join(folder, 'config-sweep.json');
    writeFileSync(sweepFile, JSON.stringify({ ...config, ...sweepConfig() }));
    service = await startService({ ...target, configFile: sweepFile, nodeArgs });
    const housekeeping = watchHousekeeping(service);
    const loadStarted = performance.now();
    const sweepRun = await closedLoop(service, pool, { concurrency: 4, seconds: SECONDS });
    await service.stop();
    service = undefined;
    const remaining = await remainingExpiredFlows(target);

    return {
      accounts: citizens.length,
      registrationSeconds,
      idleRssMB: round(idleRss / MB),
      loadedRssMB: round(loadedRss / MB),
      closedLoop: closed.map(withoutSamples),
      best: { concurrency: capacity.concurrency, perSecond: capacity.perSecond, perCpuSecond: capacity.perCpuSecond, cpuMsPerSignIn: capacity.cpuMsPerSignIn },
      openLoop: withoutSamples(open),
      sweep: {
        inserted: EXPIRED_FLOWS,
        housekeeping: housekeeping.map((h) => ({ event: h.event, afterMs: Math.round(h.at - loadStarted), flows: h.flows })),
        remaining,
        longestSignInMs: Math.round(Math.max(0, ...sweepRun.samples.map((sample) => sample.steps.service))),
        run: withoutSamples(sweepRun),
      },
      poolWaitedMs: pool.waitedMs,
    };
  } finally {
    await service?.stop();
    await postgres?.stop();
  }
}

const folder = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
const state = {};
const results = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length, platform: process.platform },
  settings: { seconds: SECONDS, accounts: ACCOUNTS, humanCheckMaxNumber: MAX_NUMBER, expiredFlows: EXPIRED_FLOWS },
  databases: {},
};
try {
  for (const name of DATABASES) {
    const dbFolder = join(folder, name);
    mkdirSync(dbFolder);
    results.databases[name] = await benchDatabase(name, dbFolder, state);
  }
  results.tokens = state.tokens;
  results.bundle = bundleSizes();
  say(`solver: ${SOLVER_RUNS} runs in Node and in Chromium…`);
  results.solver = await solverBench({ runs: SOLVER_RUNS, maxNumber: MAX_NUMBER });
  results.budgets = checkBudgets(results);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
  console.log(`\nWritten to ${OUT}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
