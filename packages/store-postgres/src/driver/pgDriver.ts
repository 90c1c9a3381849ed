/**
 * The {@link Driver} over a node-postgres `pg` pool: each transaction takes a client of its own, so
 * several transactions (and several processes) run at once and row locks decide who waits.
 */
import type { Driver, Queryable, QueryResult } from './Queryable.js';

/** Options for {@link openPgDriver}. */
export interface PgDriverOptions {
  readonly connectionString: string;
  /** Most connections the pool opens. */
  readonly max: number;
}

/**
 * Opens a pool on a PostgreSQL server (connections are made on first use).
 *
 * @internal
 * @param options - the connection string and pool size
 * @example
 * ```ts
 * const driver = await openPgDriver({ connectionString: 'postgres://postgres@127.0.0.1:5432/test', max: 10 });
 * ```
 */
export async function openPgDriver({ connectionString, max }: PgDriverOptions): Promise<Driver> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that would end the process.
  pool.on('error', () => undefined);

  const over = (client: { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }> }): Queryable => ({
    async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await client.query(text, [...params]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await client.query(script);
    },
  });

  return {
    kind: 'pg',
    singleConnection: false,
    ...over(pool),
    async transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      } finally {
        // A client whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it.
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
