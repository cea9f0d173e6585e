import type { Sql } from './sql.js';
import { iso } from './values.js';

/** Solved human checks already spent, so a payload counts once. */
export interface HumanCheckRepository {
  /** Records a solved challenge by its signature; `false` when it was used before. */
  markUsed(signature: string, expiresAt: Date, now: Date): Promise<boolean>;
}

/** The human-check repository over a SQL connection or transaction. */
export function humanCheckRepository(sql: Sql): HumanCheckRepository {
  return {
    async markUsed(signature, expiresAt, now) {
      await sql.query('DELETE FROM human_checks_used WHERE expires_at <= $1::timestamptz', [iso(now)]);
      const rows = await sql.query(
        'INSERT INTO human_checks_used (signature, expires_at) VALUES ($1, $2::timestamptz) ON CONFLICT (signature) DO NOTHING RETURNING signature',
        [signature, iso(expiresAt)],
      );
      return rows.length === 1;
    },
  };
}
