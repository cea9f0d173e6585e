// The budgets of the design (../shared/design.md, "Budgets") and the table the bench prints.

/** Each budget: where its figure sits in the results, and whether it is a floor or a ceiling. */
export const BUDGETS = [
  { name: 'sign-ins per server CPU-second, PostgreSQL', path: ['databases', 'postgres', 'best', 'perCpuSecond'], atLeast: 50 },
  { name: 'sign-in p95 (ms), open loop at half capacity, PostgreSQL', path: ['databases', 'postgres', 'openLoop', 'steps', 'service', 'p95'], atMost: 150 },
  { name: 'sign-in p95 (ms), open loop at half capacity, PGlite', path: ['databases', 'pglite', 'openLoop', 'steps', 'service', 'p95'], atMost: 150 },
  { name: 'service RSS idle (MB), PostgreSQL', path: ['databases', 'postgres', 'idleRssMB'], atMost: 150 },
  { name: 'service RSS loaded (MB), PostgreSQL', path: ['databases', 'postgres', 'loadedRssMB'], atMost: 150 },
  { name: 'SDK token verifications per second, one core', path: ['tokens', 'perCpuSecond'], atLeast: 5000 },
  { name: 'page with only <dvc-login> before the citizen acts, gzip (kB)', path: ['bundle', 'loginPage', 'gzipKB'], atMost: 15 },
  { name: 'the same page with lang="en", gzip (kB)', path: ['bundle', 'loginPageEn', 'gzipKB'], atMost: 15 },
  { name: 'all widgets together, gzip (kB)', path: ['bundle', 'gzipKB'], atMost: 30 },
  { name: 'human-check solve p95 (ms), Chromium', path: ['solver', 'chromium', 'sdk', 'p95'], atMost: 150 },
  { name: 'human-check solve p95 (ms), Node', path: ['solver', 'node', 'sdk', 'p95'], atMost: 50 },
];

function at(results, path) {
  return path.reduce((value, key) => (value == null ? undefined : value[key]), results);
}

/** Each budget with its measured figure and a verdict (`ok`, `over`, or `not measured`). */
export function checkBudgets(results) {
  return BUDGETS.map(({ name, path, atLeast, atMost }) => {
    const value = at(results, path);
    const budget = atLeast !== undefined ? `≥ ${atLeast}` : `≤ ${atMost}`;
    const verdict = typeof value !== 'number' ? 'not measured' : (atLeast !== undefined ? value >= atLeast : value <= atMost) ? 'ok' : 'over';
    return { name, budget, value: value ?? null, verdict };
  });
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ')).join('\n');
}

const STEPS = ['challenge', 'solve', 'password', 'outbox', 'code', 'service', 'total'];

/** The human-readable report of a results object. */
export function report(results) {
  const lines = [];
  for (const [name, db] of Object.entries(results.databases)) {
    lines.push(`\n${name}: ${db.accounts} accounts registered in ${db.registrationSeconds} s; RSS idle ${db.idleRssMB} MB, loaded ${db.loadedRssMB} MB`);
    const rows = [['load', 'sign-ins/s', 'per CPU-s', 'CPU ms/sign-in (svc+db)', 'errors', ...STEPS.map((step) => `${step} p50/p95`)]];
    const runs = [...db.closedLoop.map((run) => [`closed ${run.concurrency}`, run]), [`open ${db.openLoop.rate}/s`, db.openLoop]];
    if (db.sweep) runs.push([`sweep, closed ${db.sweep.run.concurrency}`, db.sweep.run]);
    for (const [label, run] of runs) {
      const cpu = run.cpuMsPerSignIn ? `${run.cpuMsPerSignIn.service}+${run.cpuMsPerSignIn.database}` : '–';
      rows.push([label, run.perSecond, run.perCpuSecond ?? '–', cpu, run.errors, ...STEPS.map((step) => (run.steps[step] ? `${run.steps[step].p50}/${run.steps[step].p95}` : '–'))]);
    }
    lines.push(table(rows));
    if (db.sweep) lines.push(`sweep: ${db.sweep.inserted} expired flows inserted; housekeeping seen ${db.sweep.housekeeping.length ? db.sweep.housekeeping.map((h) => `${h.event} at +${h.afterMs} ms`).join(', ') : 'never'}; longest sign-in ${db.sweep.longestSignInMs} ms; ${db.sweep.remaining} left after the run`);
    if (db.poolWaitedMs > 0) lines.push(`warning: sign-ins waited ${db.poolWaitedMs} ms for an account under its code limits; raise BENCH_ACCOUNTS`);
  }
  if (results.tokens) lines.push(`\ntoken verifications: ${results.tokens.perSecond}/s wall, ${results.tokens.perCpuSecond} per CPU-second`);
  if (results.bundle) {
    const { loginPage, loginPageEn } = results.bundle;
    lines.push(`widget bundle, all widgets on a Vietnamese page (${results.bundle.files ?? 1} files): ${results.bundle.rawKB} kB raw, ${results.bundle.gzipKB} kB gzip as served precompressed (${results.bundle.gzipOnTheFlyKB ?? '?'} kB gzipped on the fly), ${results.bundle.brotliKB} kB brotli`);
    if (results.bundle.english) lines.push(`English later strings, in addition for lang="en" once the citizen starts: ${results.bundle.english.gzipKB} kB gzip`);
    for (const [label, page] of [['', loginPage], [', lang="en"', loginPageEn]]) {
      if (page) lines.push(`page with only <dvc-login>${label}, before the citizen acts (${page.files} files): ${page.rawKB} kB raw, ${page.gzipKB} kB gzip as served precompressed (${page.gzipOnTheFlyKB ?? '?'} kB on the fly), ${page.brotliKB} kB brotli`);
    }
  }
  if (results.solver) {
    const { node, chromium } = results.solver;
    lines.push(`human-check solve (maxnumber ${results.solver.maxNumber}), ms p50/p95: Node SDK ${node.sdk.p50}/${node.sdk.p95}, node:crypto loop ${node.nodeCryptoLoop.p50}/${node.nodeCryptoLoop.p95}; Chromium ${chromium.sdk ? `${chromium.sdk.p50}/${chromium.sdk.p95}` : chromium.skipped}`);
  }
  lines.push('\nbudgets:');
  lines.push(table([['figure', 'budget', 'measured', ''], ...results.budgets.map((b) => [b.name, b.budget, b.value ?? '–', b.verdict])]));
  return lines.join('\n');
}
