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
    // Expired signatures are refused before they get here (see HumanCheck.verify) and removed by the
    // housekeeping sweep; deleting them here scanned every unexpired one on each request.
    async markUsed(signature, expiresAt, _now) {
      const rows = await sql.query(
        'INSERT INTO human_checks_used (signature, expires_at) VALUES ($1, $2::timestamptz) ON CONFLICT (signature) DO NOTHING RETURNING signature',
        [signature, iso(expiresAt)],
      );
      return rows.length === 1;
    },
  };
}
