/**
 * `npm run bench -w @examcycle/rules-jcq`: the checks on raw facts and the iCalendar writer, each against
 * the first implementation a competent engineer writes and the library a user would pick, then one summary
 * table, also written as `bench-report.json` in the package folder. `BENCH_ONLY=checks|icalendar` runs one.
 */
import { writeFileSync } from 'node:fs';
import { benchChecks } from './checks.js';
import { benchICalendar } from './icalendar.js';
import type { Timing } from './measure.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
out(`rules-jcq bench, node ${process.version}, synthetic data (seeded); wall ms per round, ratios on medians`);
const only = process.env['BENCH_ONLY'];
const tables: { table: string; timings: Timing[]; reference: string; units: number }[] = [];
if (only === undefined || only === 'checks') tables.push(...(await benchChecks()));
out('');
if (only === undefined || only === 'icalendar') tables.push(...(await benchICalendar()));

const rows = tables.flatMap(({ table, timings, reference }) => {
  const ref = timings.find((t) => t.name === reference)!;
  return timings.map((t) => ({ table, contender: t.name, minMs: t.min, medianMs: t.median, maxMs: t.max, ratio: t.median / ref.median, reference }));
});
out('\nsummary (ratio = median / the reference contender of its table)');
for (const r of rows) out(`  ${r.contender.padEnd(52)} ${r.medianMs.toFixed(1).padStart(10)} ms  ${r.ratio.toFixed(2).padStart(7)}x  [${r.table.split(':')[0]}]`);
writeFileSync(new URL('../bench-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
