import { randomBytes } from 'node:crypto';
import { migrate, openPglite, openPostgres, type Database, type Sql } from '../../src/index.js';

/** A database for one test file, emptied before each test so tests stay independent. */
export interface TestDatabase {
  readonly name: 'PGlite' | 'PostgreSQL';
  readonly db: Database;
  /** Empties every table (the schema stays). */
  reset(): Promise<void>;
  /** Drops what the file created and closes the connection. */
  close(): Promise<void>;
}

/** The PostgreSQL URL the tests may use, from `DVC_TEST_DATABASE_URL`. */
export const POSTGRES_URL = process.env.DVC_TEST_DATABASE_URL;

/** What to say, and whether to fail, when PostgreSQL is not available. */
export const POSTGRES_MISSING = 'PostgreSQL not available: set DVC_TEST_DATABASE_URL';

async function truncateAll(db: Database): Promise<void> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
  );
  if (rows.length) await db.query(`TRUNCATE ${rows.map((row) => `"${row.table_name}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

/** One in-memory PGlite for a whole file (its first start costs seconds), migrated. */
export async function openTestPglite(): Promise<TestDatabase> {
  const db = await openPglite();
  await migrate(db);
  return { name: 'PGlite', db, reset: () => truncateAll(db), close: () => db.close() };
}

/** A fresh schema in the test PostgreSQL for a whole file, dropped at the end. */
export async function openTestPostgres(url: string): Promise<TestDatabase> {
  const schema = `dvc_test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(url, { schema, maxConnections: 20 });
  await migrate(db);
  return {
    name: 'PostgreSQL',
    db,
    reset: () => truncateAll(db),
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

/** Runs a `SELECT count(*)::int AS count …` and returns the number. */
export async function countRows(db: Sql, text: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(text);
  return Number(row?.count);
}
