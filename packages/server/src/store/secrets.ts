import type { Sql } from './sql.js';

/** Server keys generated once and kept in the database, so a restart keeps codes and limits working. */
export interface SecretRepository {
  /** The stored value of `name`, storing `generate()` first when there is none (first writer wins). */
  getOrCreate(name: string, generate: () => string): Promise<string>;
}

/** The secret repository over a SQL connection or transaction. */
export function secretRepository(sql: Sql): SecretRepository {
  return {
    async getOrCreate(name, generate) {
      await sql.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, generate()]);
      const [row] = await sql.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
      return String(row!.value);
    },
  };
}
