/**
 * `npm run bench -w @examcycle/rules-jcq`: the checks on raw facts and the iCalendar writer, each against
 * the first implementation a competent engineer writes and the library a user would pick, then one summary
 * table, also written as `bench-report.json` in the package folder. `BENCH_ONLY=checks|icalendar` runs one.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { benchChecks } from './checks.js';
import { benchICalendar } from './icalendar.js';
import type { Timing } from './measure.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
out(`rules-jcq bench, node ${process.version}, synthetic data (seeded); wall ms per round, ratios on medians`);
// How much of a core this process gets: a fixed integer loop, about 0.2 s on an idle modern core.
const calibrationStart = performance.now();
let x = 0;
for (let i = 0; i < 200_000_000; i += 1) x = (x + i * 7) | 0;
const calibrationMs = performance.now() - calibrationStart;
out(`machine load check: a 200M-step integer loop took ${calibrationMs.toFixed(0)} ms (x=${String(x)}; ~200 ms on an idle core)`);
const only = process.env['BENCH_ONLY'];
const tables: { table: string; timings: Timing[]; reference: string; units: number }[] = [];
if (only === undefined || only === 'checks') tables.push(...(await benchChecks()));
out('');
if (only === undefined || only === 'icalendar') tables.push(...(await benchICalendar()));

const rows = tables.flatMap(({ table, timings, reference }) => {
  const ref = timings.find((t) => t.name === reference)!;
  return timings.map((t) => ({
    table,
    contender: t.name,
    minMs: t.min,
    medianMs: t.median,
    maxMs: t.max,
    ratio: t.median / ref.median,
    ratioOfMins: t.min / ref.min,
    reference,
    calibrationMs,
  }));
});
out('\nsummary (ratio = median / the reference contender of its table)');
for (const r of rows) {
  out(`  ${r.contender.padEnd(52)} ${r.medianMs.toFixed(1).padStart(10)} ms  ${r.ratio.toFixed(2).padStart(7)}x (min ${r.ratioOfMins.toFixed(2)}x)  [${r.table}]`);
}
writeFileSync(new URL('../bench-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
