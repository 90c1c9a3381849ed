/**
 * Test helpers for the PostgreSQL server suites: the server's URL (from EXAMCYCLE_PG_URL, or undefined and the
 * suite is skipped), schemas named for this run and dropped after it, and a plain `pg` client for raw SQL.
 */
import pg from 'pg';

/** The server the server suites use, or undefined to skip them. */
export const PG_URL = process.env.EXAMCYCLE_PG_URL || undefined;

let counter = 0;

/**
 * A schema name unique to this test run (process id, a run stamp and a counter), for a test's own tables.
 *
 * @example
 * ```ts
 * const schema = runSchema('contract');
 * ```
 */
export function runSchema(label: string): string {
  counter += 1;
  return `examcycle_test_${label}_${process.pid}_${RUN}_${counter}`;
}

const RUN = Math.floor(performance.timeOrigin % 1e6).toString(36);

/**
 * Runs raw SQL on the server (a client per call).
 *
 * @example
 * ```ts
 * await sql('DROP SCHEMA x CASCADE');
 * ```
 */
export async function sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

/**
 * Drops every schema this run created whose name starts with the prefix.
 *
 * @example
 * ```ts
 * afterAll(() => dropRunSchemas());
 * ```
 */
export async function dropRunSchemas(): Promise<void> {
  const rows = await sql<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`examcycle_test_%_${process.pid}_${RUN}_%`]);
  for (const { nspname } of rows) await sql(`DROP SCHEMA "${nspname}" CASCADE`);
}
