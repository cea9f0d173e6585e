import type { Sql } from './sql.js';

/** Server keys generated once and kept in the database, so a restart keeps codes and limits working. */
export interface SecretRepository {
  /** The stored value of `name`, storing `generate()` first when there is none (first writer wins). */
  getOrCreate(name: string, generate: () => string): Promise<string>;
  /** Every stored secret (as stored: sealed, or plaintext from an older deployment). */
  all(): Promise<{ name: string; value: string }[]>;
  /** Replaces `name`'s value with `to` if it is still `from`; whether it did. */
  replace(name: string, from: string, to: string): Promise<boolean>;
}

/** The secret repository over a SQL connection or transaction. */
export function secretRepository(sql: Sql): SecretRepository {
  return {
    async getOrCreate(name, generate) {
      await sql.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, generate()]);
      const [row] = await sql.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
      return String(row!.value);
    },
    async all() {
      const rows = await sql.query('SELECT name, value FROM server_secrets ORDER BY name');
      return rows.map((row) => ({ name: String(row.name), value: String(row.value) }));
    },
    async replace(name, from, to) {
      const rows = await sql.query('UPDATE server_secrets SET value = $3 WHERE name = $1 AND value = $2 RETURNING name', [name, from, to]);
      return rows.length > 0;
    },
  };
}
