/**
 * The {@link Driver} over embedded PGlite (PostgreSQL in WASM): one connection in this process, in memory
 * or in a data folder. A transaction holds it whole, so other queries wait for the transaction to end.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Driver, Queryable, QueryResult } from './Queryable.js';

/** Where PGlite keeps its data: a folder, memory, or an instance the caller opened (and closes). */
export type PgliteSource = { readonly dataDir?: string } | { readonly pglite: PGlite };

/**
 * Opens PGlite (or wraps an instance the caller owns, which closing the driver leaves open).
 *
 * @internal
 * @param source - a data folder (omitted: in memory) or an open instance
 * @example
 * ```ts
 * const driver = await openPgliteDriver({ dataDir: './examcycle-data' });
 * ```
 */
export async function openPgliteDriver(source: PgliteSource): Promise<Driver> {
  let db: PGlite;
  let owned: boolean;
  if ('pglite' in source) {
    db = source.pglite;
    owned = false;
  } else {
    const { PGlite: Open } = await import('@electric-sql/pglite');
    db = source.dataDir === undefined ? await Open.create() : await Open.create(source.dataDir);
    owned = true;
  }

  const over = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await target.query<R>(text, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await target.exec(script);
    },
  });

  return {
    kind: 'pglite',
    singleConnection: true,
    ...over(db),
    transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(over(tx)));
    },
    async close(): Promise<void> {
      if (owned) await db.close();
    },
  };
}
