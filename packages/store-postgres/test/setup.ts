/**
 * Vitest global setup (runs once per test run): the one line a run without a PostgreSQL server prints,
 * saying which suites it left out and how to run them.
 */
export default function setup(): void {
  if (!process.env.EXAMCYCLE_PG_URL) {
    console.warn(
      '[store-postgres] EXAMCYCLE_PG_URL is not set: SKIPPED the PostgreSQL server suites (server contract, worker processes, killed worker, results store on a server, migrations/corruption/fuzz on a server). ' +
        'Set EXAMCYCLE_PG_URL=postgres://postgres@127.0.0.1:5432/test to run them; the PGlite suites ran.',
    );
  }
}
