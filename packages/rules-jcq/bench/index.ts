/**
 * `npm run bench -w @examcycle/rules-jcq`: the checks on raw facts, the iCalendar writer and results reads
 * through a results store deciding with this pack, each against
 * the first implementation a competent engineer writes and the library a user would pick, then one summary
 * table, also written as `bench-report.json` in the package folder and as summary rows for `npm run bench`'s
 * closing table (`.bench-out/rules-jcq.summary.json`). `BENCH_ONLY=checks|icalendar|results` runs one.
 */
import { writeFileSync } from 'node:fs';
import { benchChecks } from './checks.js';
import { benchICalendar } from './icalendar.js';
import { benchResultsReads } from './resultsReads.js';
import { calibrate, row, writeSummary, type SummaryRow, type Timing } from '../../../scripts/bench/measure.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
out(`rules-jcq bench, node ${process.version}, synthetic data (seeded); wall ms per round, ratios on medians`);
const calibrationMs = calibrate();
out(`machine load check: a 200M-step integer loop took ${calibrationMs.toFixed(0)} ms (~200 ms on an idle core)`);
const only = process.env['BENCH_ONLY'];
const tables: { table: string; timings: Timing[]; reference: string; units: number }[] = [];
const summary: SummaryRow[] = [];
if (only === undefined || only === 'checks') {
  const [raw, jre, compiled] = await benchChecks();
  tables.push(raw!, jre!, compiled!);
  const perMillion = 1_000_000 / raw!.units;
  const check = raw!.timings[0]!;
  const cpuPerMillion = check.cpuMedian * perMillion;
  out(
    `jcq.check on raw facts: ${cpuPerMillion.toFixed(0)} ms of CPU per 1 M entries (median round; goal < 2,000 ms), so ≈ ${((cpuPerMillion * 6) / 1000).toFixed(1)} s for the national summer series (6 M; goal < 12 s); ${(check.median * perMillion).toFixed(0)} ms wall per 1 M on this machine (load check ${calibrationMs.toFixed(0)} ms)`,
  );
  summary.push(
    row('rules-jcq', `jcq.check on raw facts (${raw!.units.toLocaleString('en-GB')} entries) vs hand-written if-chain`, raw!.timings, 'jcq.check (raw facts)', 'hand-written if-chain (raw facts)', {
      maxMs: 2000,
      scale: perMillion,
      onCpu: true,
      text: '1 M entries < 2 s on one core (median CPU time per 1 M)',
      calibrationMs,
      note: `per 1 M entries: ${cpuPerMillion.toFixed(0)} ms of CPU (median round), ${(check.median * perMillion).toFixed(0)} ms wall on this loaded machine`,
    }),
    row('rules-jcq', `jcq.check on raw facts (${jre!.units.toLocaleString('en-GB')} entries) vs json-rules-engine (same checks, same raw facts)`, jre!.timings, 'jcq.check (raw facts)', jre!.timings[2]!.name, { calibrationMs }),
    row('rules-jcq', 'compiled checks (prepared facts) vs a hand-written function', compiled!.timings, 'compiled rules (prepared facts)', 'hand-written function (prepared facts)', { maxRatio: 3, calibrationMs }),
  );
}
out('');
if (only === undefined || only === 'icalendar') {
  const [ical] = await benchICalendar();
  tables.push(ical!);
  summary.push(
    row('rules-jcq', 'toICalendar (Europe/London, VTIMEZONE) vs a template join', ical!.timings, ical!.timings[0]!.name, ical!.reference, { maxRatio: 3, calibrationMs }),
    row('rules-jcq', 'toICalendar (UTC) vs a template join', ical!.timings, 'toICalendar (UTC)', ical!.reference, { maxRatio: 3, calibrationMs }),
  );
}
out('');
if (only === undefined || only === 'results') summary.push(...(await benchResultsReads(calibrationMs)));

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
  out(`  ${r.contender.padEnd(56)} ${r.medianMs.toFixed(1).padStart(10)} ms  ${r.ratio.toFixed(2).padStart(7)}x (min ${r.ratioOfMins.toFixed(2)}x)  [${r.table}]`);
}
writeFileSync(new URL('../bench-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
writeSummary(new URL('..', import.meta.url), 'rules-jcq', summary);
