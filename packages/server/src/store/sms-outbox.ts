import type { Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** A text message kept by the development outbox instead of being sent. */
export interface OutboxMessage {
  /** E.164 phone. */
  readonly to: string;
  readonly text: string;
  readonly createdAt: Date;
}

/** The development SMS outbox table. */
export interface SmsOutboxRepository {
  /** Keeps a message the development outbox "sent", for the outbox page to show. */
  add(message: OutboxMessage): Promise<void>;
  /** Messages newest first, to one phone when given. */
  list(options?: { readonly to?: string; readonly limit?: number }): Promise<OutboxMessage[]>;
}

/** The outbox repository over a SQL connection or transaction. */
export function smsOutboxRepository(sql: Sql): SmsOutboxRepository {
  return {
    async add(message) {
      await sql.query('INSERT INTO sms_outbox (to_phone, text, created_at) VALUES ($1, $2, $3::timestamptz)', [message.to, message.text, iso(message.createdAt)]);
    },
    async list(options = {}) {
      const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
      const rows = options.to
        ? await sql.query('SELECT to_phone, text, created_at FROM sms_outbox WHERE to_phone = $1 ORDER BY id DESC LIMIT $2::int', [options.to, limit])
        : await sql.query('SELECT to_phone, text, created_at FROM sms_outbox ORDER BY id DESC LIMIT $1::int', [limit]);
      return rows.map((row) => ({ to: String(row.to_phone), text: String(row.text), createdAt: toDate(row.created_at) }));
    },
  };
}
