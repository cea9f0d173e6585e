import pg from 'pg';
import { isUniqueViolation, type Database, type Row, type Sql } from './sql.js';

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** Keep the tables in this schema (created when missing) instead of `public`. */
  readonly schema?: string;
  /** Most connections in the pool. Default 10. */
  readonly maxConnections?: number;
}

/** Most distinct statements prepared per connection. */
const MAX_PREPARED = 256;

/**
 * The query config of a statement: with parameters it is a named prepared statement, so each
 * connection parses and plans it once instead of at every call (the same few dozen statements run
 * for every sign-in). Statements without parameters (migrations, several commands) stay unnamed, and
 * so do any past the first {@link MAX_PREPARED} texts, so SQL built at run time cannot grow the
 * database's memory without bound.
 */
function statement(names: Map<string, string>, text: string, params: readonly unknown[]): pg.QueryConfig {
  if (params.length === 0) return { text };
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_PREPARED) return { text, values: [...params] };
    name = `dvc_${names.size + 1}`;
    names.set(text, name);
  }
  return { name, text, values: [...params] };
}

function clientSql(client: pg.PoolClient, names: Map<string, string>): Sql {
  const sql: Sql = {
    async query<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await client.query<R>(statement(names, text, params))).rows;
    },
    transaction: (fn) => fn(sql),
  };
  return sql;
}

/**
 * Opens a pool of connections to PostgreSQL (or a PostgreSQL-compatible engine such as Citus or
 * YugabyteDB): the way to run several service instances over one account store.
 *
 * @example
 * ```ts
 * const db = await openPostgres('postgres://dvc:secret@db.internal:5432/dvc');
 * ```
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (error) {
    // IF NOT EXISTS is not atomic: of instances starting together, the others may see the first's schema late.
    if (!isUniqueViolation(error) && (error as { code?: unknown }).code !== '42P06') {
      await pool.end();
      throw error;
    }
  }
  const names = new Map<string, string>();
  return {
    kind: 'postgres',
    async query<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await pool.query<R>(statement(names, text, params))).rows;
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientSql(client, names));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
