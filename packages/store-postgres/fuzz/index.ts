/**
 * The store-postgres long fuzz run: the store-operations surface (random operation sequences checked against
 * core's memory store) on embedded PGlite, and on the server when EXAMCYCLE_PG_URL is set, each for
 * FUZZ_INPUTS inputs (default 100,000). Writes `fuzz-report.json` in the package folder and prints it as a table.
 *
 * Run: `FUZZ_INPUTS=2000 npm run fuzz -w @examcycle/store-postgres`.
 */
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createMemoryStore, type ExamcycleStore } from '@examcycle/core';
import { createPostgresStore } from '@examcycle/store-postgres';
import pg from 'pg';
import { fuzzRandom, generateInput, runInput } from './storeOperations.js';

const INPUTS = Number(process.env['FUZZ_INPUTS'] ?? 100_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260601);
const URL_ = process.env['EXAMCYCLE_PG_URL'] || undefined;

interface Row {
  package: string;
  surface: string;
  inputs: number;
  untypedThrows: number;
  rowsLost: number;
  unauthorisedReads: number;
  over1s: number;
  peakRssMb: number;
  seconds: number;
}

async function surface(name: string, store: ExamcycleStore): Promise<Row> {
  const reference = createMemoryStore();
  const started = performance.now();
  let peak = 0;
  const row: Row = { package: '@examcycle/store-postgres', surface: name, inputs: 0, untypedThrows: 0, rowsLost: 0, unauthorisedReads: 0, over1s: 0, peakRssMb: 0, seconds: 0 };
  const firstFailures: string[] = [];
  for (let i = 0; i < INPUTS; i += 1) {
    const tenant = `fuzz-${SEED}-${i}`;
    const t = performance.now();
    const outcome = await runInput(generateInput(fuzzRandom(SEED + i), tenant), store, reference, tenant);
    if (performance.now() - t > 1000) row.over1s += 1;
    row.inputs += 1;
    row.untypedThrows += outcome.untypedThrows;
    row.unauthorisedReads += outcome.unauthorisedReads;
    // A result that differs from the reference store is a row lost (or invented) by the store under test.
    row.rowsLost += outcome.mismatches.length;
    if (outcome.mismatches.length > 0 && firstFailures.length < 5) firstFailures.push(`seed ${SEED + i}: ${outcome.mismatches[0]}`);
    if (i % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  row.peakRssMb = Math.round(peak / 2 ** 20);
  row.seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  for (const failure of firstFailures) process.stderr.write(`${name}: ${failure}\n`);
  await reference.close();
  return row;
}

const rows: Row[] = [];
const pglite = await PGlite.create();
const embedded = await createPostgresStore({ pglite, schema: 'fuzz' });
rows.push(await surface('store-ops vs memory (PGlite)', embedded));
await embedded.close();
await pglite.close();
if (URL_) {
  const schema = `examcycle_fuzz_${process.pid}`;
  const server = await createPostgresStore({ connectionString: URL_, schema });
  rows.push(await surface('store-ops vs memory (server)', server));
  await server.close();
  const admin = new pg.Client({ connectionString: URL_ });
  await admin.connect();
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  await admin.end();
}
writeFileSync(new URL('../fuzz-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
console.table(rows);
