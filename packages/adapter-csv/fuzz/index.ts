/**
 * The long CSV fuzz run (`npm run fuzz -w @examcycle/adapter-csv`): every record kind, and the streamed
 * import against the whole one, each for `FUZZ_INPUTS` seeded inputs (100,000 by default; `FUZZ_SEED`
 * sets the seed, 12 by default). It writes `fuzz-report.json` in the package folder (one row per surface:
 * inputs, untyped throws, valid rows lost without an issue, unauthorised reads (none apply here), inputs
 * under 1 MB that took over 1 s, peak RSS, seconds), prints the same as a table, lists the first failing
 * inputs (made again from the seed, the surface and the index), and exits non-zero if any input failed.
 * Peak RSS is the whole process's (Node, tsx and the row pools included), sampled every 256 inputs.
 */
import { writeFileSync } from 'node:fs';
import { setImmediate as turn } from 'node:timers/promises';
import { RECORD_KINDS } from '@examcycle/core';
import { caseSeed, fuzzCase, rowPool, runCase, seededRandom, streamDifference } from './csvFuzzCase.js';

interface FuzzRow {
  readonly package: string;
  readonly surface: string;
  readonly inputs: number;
  readonly untypedThrows: number;
  readonly rowsLost: number;
  readonly unauthorisedReads: number;
  readonly over1s: number;
  readonly peakRssMb: number;
  readonly seconds: number;
}

const inputs = Number(process.env['FUZZ_INPUTS'] ?? 100_000);
const seed = Number(process.env['FUZZ_SEED'] ?? 12);
const MB = 1024 * 1024;
const rows: FuzzRow[] = [];
const failures: string[] = [];
const pools = RECORD_KINDS.map((kind) => rowPool(kind, seed));

function rssMb(): number {
  return Math.round(process.memoryUsage().rss / MB);
}

for (const [surface, pool] of pools.entries()) {
  let untypedThrows = 0;
  let rowsLost = 0;
  let over1s = 0;
  let peak = rssMb();
  const started = performance.now();
  for (let index = 0; index < inputs; index += 1) {
    const c = fuzzCase(pool, seededRandom(caseSeed(seed, surface, index)));
    const v = runCase(c);
    if (v.untypedThrow || v.typedThrow) untypedThrows += 1;
    rowsLost += v.rowsLost;
    if (v.ms > 1000 && v.size < MB) over1s += 1;
    if (v.problem !== undefined && failures.length < 20) failures.push(`csv-${pool.kind} #${index} (${c.mutations.join(', ')}): ${v.problem}`);
    if (v.ms > 1000 && v.size < MB && failures.length < 20) failures.push(`csv-${pool.kind} #${index}: ${Math.round(v.ms)} ms for ${v.size} bytes`);
    if ((index & 255) === 0) peak = Math.max(peak, rssMb());
    // let the event loop turn now and then, as a real caller's does: csv-parse frees each parser on a later tick
    if ((index & 63) === 63) await turn();
  }
  peak = Math.max(peak, rssMb());
  rows.push({
    package: '@examcycle/adapter-csv', surface: `csv-${pool.kind}`, inputs, untypedThrows, rowsLost, unauthorisedReads: 0, over1s, peakRssMb: peak,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  });
}

{
  // the streamed import, cut into random chunks, owes the whole import's result: a difference counts as a lost row
  let untypedThrows = 0;
  let rowsLost = 0;
  let over1s = 0;
  let peak = rssMb();
  const started = performance.now();
  const surface = pools.length;
  for (let index = 0; index < inputs; index += 1) {
    const rand = seededRandom(caseSeed(seed, surface, index));
    const c = fuzzCase(pools[index % pools.length]!, rand);
    const t0 = performance.now();
    try {
      const difference = await streamDifference(c, rand);
      if (difference !== undefined) {
        rowsLost += 1;
        if (failures.length < 20) failures.push(`csv-stream #${index} (${c.kind}; ${c.mutations.join(', ')}): ${difference}`);
      }
    } catch (error) {
      untypedThrows += 1;
      if (failures.length < 20) failures.push(`csv-stream #${index}: threw ${String(error)}`);
    }
    if (performance.now() - t0 > 2000 && c.size < MB) over1s += 1; // two imports: the whole one and the streamed one
    if ((index & 255) === 0) peak = Math.max(peak, rssMb());
    if ((index & 63) === 63) await turn();
  }
  rows.push({
    package: '@examcycle/adapter-csv', surface: 'csv-stream', inputs, untypedThrows, rowsLost, unauthorisedReads: 0, over1s, peakRssMb: Math.max(peak, rssMb()),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  });
}

writeFileSync(new URL('../fuzz-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
console.table(rows);
if (failures.length > 0) {
  console.error(`First failing inputs (seed ${seed}):\n${failures.join('\n')}`);
  process.exitCode = 1;
}
