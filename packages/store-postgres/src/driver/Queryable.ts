/**
 * The one small interface the store's SQL runs over, so the same statements run on a node-postgres pool
 * and on embedded PGlite. Values go in as text (JSON as JSON text, cast in SQL) so both drivers bind them alike.
 */

/** The rows of a statement and how many rows it changed. */
export interface QueryResult<R> {
  readonly rows: readonly R[];
  readonly rowCount: number;
}

/**
 * Something that runs one SQL statement with parameters, or a script of several without.
 *
 * @internal
 * @example
 * ```ts
 * declare const q: Queryable;
 * const { rows } = await q.query<{ revision: number }>('SELECT revision FROM s.snapshots WHERE id = $1', ['june']);
 * ```
 */
export interface Queryable {
  query<R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  exec(script: string): Promise<void>;
}

/**
 * A database the store opens: a {@link Queryable} that can also run a transaction on one connection.
 *
 * @internal
 * @example
 * ```ts
 * declare const driver: Driver;
 * await driver.transaction(async (q) => { await q.query('SELECT 1'); });
 * ```
 */
export interface Driver extends Queryable {
  /** `pg` for a server pool, `pglite` for the embedded database. */
  readonly kind: 'pg' | 'pglite';
  /**
   * Whether there is one connection only, so an open transaction blocks every other query (PGlite).
   * A store must then never call out to user code while a transaction is open.
   */
  readonly singleConnection: boolean;
  /** Runs `fn` between BEGIN and COMMIT on one connection; ROLLBACK when it throws. */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
