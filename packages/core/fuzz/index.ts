/**
 * Core's long fuzz run (`npm run fuzz -w @examcycle/core`, or `npm run fuzz` at the root for every package):
 * mutated snapshots of every shipped machine through restore, hostile numbers through the exam-time
 * operations, random readers through the results store, and hostile EOPS events. `FUZZ_INPUTS` inputs per surface (default
 * 100,000); the figures go to `fuzz-report.json` and the terminal.
 */
import { writeFileSync } from 'node:fs';
import { fuzzEops } from './eopsEvents.js';
import { fuzzExamTime } from './examTime.js';
import type { FuzzRow } from './fuzzRow.js';
import { fuzzResultsReads } from './resultsReads.js';
import { fuzzSnapshots } from './snapshots.js';

const inputs = Number(process.env['FUZZ_INPUTS'] ?? 100_000);
const rows: FuzzRow[] = [];
for (const run of [fuzzSnapshots, fuzzExamTime, fuzzResultsReads, fuzzEops]) {
  const row = await run(inputs);
  rows.push(row);
  process.stdout.write(`${row.surface}: ${row.inputs} inputs, ${row.untypedThrows} untyped, ${row.unauthorisedReads} unauthorised, ${row.over1s} over 1 s, ${row.peakRssMb} MB, ${row.seconds} s\n`);
}
writeFileSync(new URL('../fuzz-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
