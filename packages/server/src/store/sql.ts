/** A row as the database returns it: column name to value. */
export type Row = Record<string, unknown>;

/**
 * The little of a SQL client the store needs, so the same repositories run on PGlite and on
 * PostgreSQL. Parameters are `$1`, `$2`, …; timestamps travel as ISO strings with an explicit cast.
 */
export interface Sql {
  /** Runs one statement and returns its rows. */
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside,
   * use only the `Sql` it is given. A transaction within a transaction joins the outer one.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/** A database connection the service owns and closes. */
export interface Database extends Sql {
  /** `'pglite'` or `'postgres'`. */
  readonly kind: 'pglite' | 'postgres';
  /** Closes the connection(s). */
  close(): Promise<void>;
}

/** Whether an error is PostgreSQL's unique-constraint violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
