// The one line a run without a PostgreSQL server prints: which suites it left out, and how to run them.
if (!process.env.EXAMCYCLE_PG_URL) {
  console.warn(
    '[store-postgres] EXAMCYCLE_PG_URL is not set: SKIPPED the PostgreSQL server suites (contract, processes, faults, migrations on a server). ' +
      'Set EXAMCYCLE_PG_URL=postgres://postgres@127.0.0.1:5432/test to run them. The PGlite suites ran.',
  );
}
