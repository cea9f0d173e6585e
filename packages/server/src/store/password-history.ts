import type { Sql } from './sql.js';
import { iso } from './values.js';

/**
 * The argon2id hashes of an account's earlier passwords, newest first, so a new password can be
 * refused when it is one of the last few. Only hashes are kept, never a password; rows go with the account.
 */
export interface PasswordHistoryRepository {
  /** The newest `limit` earlier hashes of the account, newest first. */
  recent(accountSub: string, limit: number): Promise<readonly string[]>;
  /** Records a hash the account used until `replacedAt`, keeping only the newest `keep` of them. */
  add(accountSub: string, passwordHash: string, replacedAt: Date, keep: number): Promise<void>;
}

/** The password-history repository over a SQL connection or transaction. */
export function passwordHistoryRepository(sql: Sql): PasswordHistoryRepository {
  return {
    async recent(accountSub, limit) {
      const rows = await sql.query(
        'SELECT password_hash FROM password_history WHERE account_sub = $1::uuid ORDER BY replaced_at DESC, id DESC LIMIT $2',
        [accountSub, limit],
      );
      return rows.map((row) => String(row.password_hash));
    },
    async add(accountSub, passwordHash, replacedAt, keep) {
      await sql.transaction(async (tx) => {
        await tx.query('INSERT INTO password_history (account_sub, password_hash, replaced_at) VALUES ($1::uuid, $2, $3::timestamptz)', [
          accountSub,
          passwordHash,
          iso(replacedAt),
        ]);
        await tx.query(
          `DELETE FROM password_history WHERE account_sub = $1::uuid AND id NOT IN (
             SELECT id FROM password_history WHERE account_sub = $1::uuid ORDER BY replaced_at DESC, id DESC LIMIT $2)`,
          [accountSub, keep],
        );
      });
    },
  };
}
