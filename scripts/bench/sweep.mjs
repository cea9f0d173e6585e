// Sign-ins while the service sweeps 10,000 expired flows (each with its code, the cascade that used to
// stall requests). The rows go straight into the database while the service is stopped; the service
// is then started again with a housekeeping timer of 2 s, so the sweep runs while sign-ins go on.
// `BENCH_SWEEP_CONFIG` (JSON) replaces that configuration for the restart.
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

const PREFIX = 'bench-expired-';

const INSERT_FLOWS = `INSERT INTO flows (id, kind, client_id, state, id_number, phone, details, account_sub, created_at, expires_at)
  SELECT '${PREFIX}' || g, 'sign_in', 'bench-portal', 'code_sent', '001090000000', '+84970000000', NULL, NULL,
         now() - interval '2 hours', now() - interval '1 hour'
  FROM generate_series(1, $1::int) AS g`;
const INSERT_CODES = `INSERT INTO otp_challenges (id, flow_id, purpose, phone, code_hmac, attempts, max_attempts, status, created_at, expires_at, resend_at)
  SELECT '${PREFIX}' || g, '${PREFIX}' || g, 'sign_in', '+84970000000', 'bench', 0, 5, 'active',
         now() - interval '2 hours', now() - interval '1 hour', now() - interval '2 hours'
  FROM generate_series(1, $1::int) AS g`;
const COUNT = `SELECT count(*)::int AS n FROM flows WHERE id LIKE '${PREFIX}%'`;

async function withDatabase(target, fn) {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      return await fn((text, params) => client.query(text, params).then((result) => result.rows));
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(target.dataDir);
  try {
    return await fn((text, params) => db.query(text, params).then((result) => result.rows));
  } finally {
    await db.close();
  }
}

/** Inserts `count` expired flows with one code each. The service must be stopped when on PGlite. */
export function insertExpiredFlows(target, count) {
  return withDatabase(target, async (query) => {
    await query(INSERT_FLOWS, [count]);
    await query(INSERT_CODES, [count]);
  });
}

/** How many of the bench's expired flows are still there. */
export function remainingExpiredFlows(target) {
  return withDatabase(target, async (query) => (await query(COUNT, []))[0].n);
}

/** Extra configuration for the restart that sweeps, from `BENCH_SWEEP_CONFIG`. */
export function sweepConfig() {
  return process.env.BENCH_SWEEP_CONFIG ? JSON.parse(process.env.BENCH_SWEEP_CONFIG) : { housekeeping: { intervalSeconds: 2 } };
}

/** Collects the service's housekeeping log lines with the time each arrived. */
export function watchHousekeeping(service) {
  const seen = [];
  service.events.on('event', (entry) => {
    if (String(entry.event).startsWith('housekeeping')) seen.push({ at: performance.now(), event: entry.event, flows: entry.flows });
  });
  return seen;
}
