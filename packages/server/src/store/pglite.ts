import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import type { Database, Row, Sql } from './sql.js';

function transactionSql(tx: Transaction): Sql {
  const sql: Sql = {
    async query<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await tx.query<R>(text, [...params])).rows;
    },
    transaction: (fn) => fn(sql),
  };
  return sql;
}

/**
 * Opens the embedded PGlite database (PostgreSQL compiled to WebAssembly): in a folder on disk
 * (created when missing), or in memory when no folder is given. One connection; transactions run
 * one at a time. A folder is locked while open (`dvc-server.lock`): a second service on the same folder
 * is refused with a `DataDirInUseError`; the lock of a process that died is taken over.
 *
 * @example
 * ```ts
 * const db = await openPglite('.data');
 * ```
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  // The folder holds the signing keys and server secrets: readable by the service's user only.
  if (dataDir) await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const lock = dataDir ? await lockDataDir(dataDir) : undefined;
  let db: PGlite;
  try {
    db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    kind: 'pglite',
    async query<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<R>(text, [...params])).rows;
    },
    transaction: (fn) => db.transaction((tx) => fn(transactionSql(tx))),
    async close() {
      if (!db.closed) await db.close();
      await lock?.release();
    },
  };
}
