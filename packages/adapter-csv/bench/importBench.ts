/**
 * The adapter-csv benchmark, all in one run:
 *
 * 1. The validated import against the parsers a user would pick, on the same entries file in memory:
 *    `importCsv` (whole) and `importCsvStream` (64 KiB chunks) against csv-parse driven exactly as the adapter
 *    drives it (its baseline since issue #4: target ratio ≤ 2×), papaparse and udsv (the fastest CSV parsers on
 *    npm, rows as string arrays, no validation). Every contender gets the same warm-up and the same interleaved
 *    rounds, each from a settled heap (a full GC before each run, outside its timing); min / median / max and the
 *    ratio of medians, and summary rows for `npm run bench`'s closing table. csv-parse's sync API is left out of
 *    this process so it does not share csv-parse's code and type feedback with the baseline.
 * 2. The candidate parsers on the awkward inputs an import must survive, for correctness: the measurements
 *    behind the choice of csv-parse (README, "Choosing the parser").
 * 3. With BENCH_GB > 0: a BENCH_GB-gigabyte entries file written to a temporary file as a stream, imported through
 *    importCsvStream from a file stream in a child process, with its peak RSS (target < 256 MB); deleted after.
 *
 * Run: `npm run bench -w @examcycle/adapter-csv`. Knobs: BENCH_ROWS (100,000 rows; 500,000 for the README's
 * figures), BENCH_ROUNDS (5), BENCH_WARMUP (1), BENCH_GB (0: skipped; 1 for the 1 GB run).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import type { Entry } from '@examcycle/core';
import { exportCsv, importCsv, importCsvStream } from '@examcycle/adapter-csv';
import { csvParseOptions } from '../src/internal/RowReader.js';
import { calibrate, knob, measure, printTable, row, writeSummary } from '../../../scripts/bench/measure.js';

const ROWS = knob('BENCH_ROWS', 100_000);
/** The importer's own csv-parse options (the default `maxRowChars`), so the baseline parses exactly as the importer does. */
const CSV_PARSE_OPTIONS = csvParseOptions(1_000_000);

/** Deterministic entries: candidate, series, board, option, components (quoted list), status, instant, a name-like id. */
function entries(from: number, count: number): Entry[] {
  const boards = ['AQA', 'OCR', 'PEARSON', 'WJEC'];
  const statuses = ['draft', 'submitted', 'accepted', 'amended', 'withdrawn'] as const;
  const out: Entry[] = [];
  for (let i = from; i < from + count; i += 1) {
    out.push({
      id: `E${i}`,
      candidateId: `ADM${String(i % 1800).padStart(5, '0')}`,
      seriesId: 'june-2026',
      awardingBodyId: boards[i % 4]!,
      entryCode: `8${String(i % 1000).padStart(3, '0')}H`,
      componentCodes: [`8${i % 1000}/1H`, `8${i % 1000}/2H`],
      status: statuses[i % 5]!,
      ...(i % 3 === 0 ? { submittedAt: '2026-02-20T10:00:00+00:00' } : {}),
      identityVerified: i % 2 === 0,
    });
  }
  return out;
}

function rate(rows: number, ms: number): string {
  return `${Math.round(rows / (ms / 1000)).toLocaleString('en-GB')} rows/s`;
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

/** csv-parse exactly as the adapter drives it: the Node Parser fed 64 KiB at a time, rows read synchronously. */
function csvParseAsAdapter(bytes: Buffer): number {
  const parser = new Parser(CSV_PARSE_OPTIONS);
  let n = 0;
  for (let at = 0; at < bytes.length; at += 65536) {
    parser.write(bytes.subarray(at, at + 65536));
    while (parser.read() !== null) n += 1;
  }
  parser.end();
  while (parser.read() !== null) n += 1;
  return n;
}

function papaparse(text: string): number {
  return Papa.parse<string[]>(text, { delimiter: ',' }).data.length;
}

function udsv(text: string): number {
  return initParser(inferSchema(text.slice(0, 65536), { col: ',' })).stringArrs(text).length;
}

/** A parser's reading of a small input: its rows, or that it reported an error. */
type Reading = { readonly rows: string[][]; readonly error: boolean };

/** What each candidate parser makes of the inputs an import must survive. */
function correctness(): void {
  const cases: Record<string, { text: string; want: string; ok: (r: Reading) => boolean }> = {
    'unclosed quote reported': { text: 'a,b\n1,"x\n2,z\n', want: 'an error', ok: (r) => r.error },
    'text after a closing quote kept': { text: 'a,b\n1,"x"y\n2,z\n', want: '1 | "x"y', ok: (r) => !r.error && r.rows[1]?.[1] === '"x"y' && r.rows.length === 3 },
    'mixed CRLF / LF rows split': { text: 'a,b\r\n1,x\n2,z\r\n', want: '3 rows', ok: (r) => !r.error && r.rows.length === 3 },
    'LF inside a quoted cell of a CRLF file': { text: 'a,b\r\n1,"x\ny"\r\n2,z\r\n', want: '1 | x⏎y', ok: (r) => r.rows[1]?.[1] === 'x\ny' && r.rows.length === 3 },
    'ragged row kept apart': { text: 'a,b\n1\n2,z\n', want: '3 rows', ok: (r) => !r.error && r.rows.length === 3 },
    'blank line kept (line numbers)': { text: 'a,b\n\n1,2\n', want: '3 rows', ok: (r) => !r.error && r.rows.length === 3 },
  };
  const parsers: Record<string, (text: string) => Reading> = {
    'csv-parse': (text) => ({ rows: parseSync(text, CSV_PARSE_OPTIONS) as string[][], error: false }),
    papaparse: (text) => {
      const r = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
      const rows = r.data.filter((row, i) => !(i === r.data.length - 1 && row.length === 1 && row[0] === ''));
      return { rows, error: r.errors.length > 0 };
    },
    udsv: (text) => {
      const p = initParser(inferSchema(text, { col: ',' }));
      return { rows: [['header'], ...p.stringArrs(text)], error: false };
    },
  };
  console.log('\nCorrectness on awkward input (ok / WRONG for csv-parse | papaparse | udsv):');
  const score: Record<string, number> = {};
  for (const [name, { text, want, ok }] of Object.entries(cases)) {
    const got = Object.entries(parsers).map(([p, fn]) => {
      let reading: Reading;
      try {
        reading = fn(text);
      } catch {
        reading = { rows: [], error: true };
      }
      const good = ok(reading);
      score[p] = (score[p] ?? 0) + (good ? 1 : 0);
      return `${good ? 'ok' : 'WRONG'} ${reading.error ? '(error)' : JSON.stringify(reading.rows.slice(1))}`.slice(0, 34).padEnd(34);
    });
    console.log(`  ${name.padEnd(38)} want ${want.padEnd(9)} ${got.join(' | ')}`);
  }
  console.log(`  score: ${Object.entries(score).map(([p, s]) => `${p} ${s}/${Object.keys(cases).length}`).join(', ')}`);
}

async function bigFile(gigabytes: number): Promise<void> {
  const path = join(tmpdir(), `examcycle-bench-${process.pid}.csv`);
  try {
    const target = gigabytes * 1024 ** 3;
    const out = createWriteStream(path);
    let written = 0;
    let rows = 0;
    let first = true;
    const t0 = performance.now();
    while (written < target) {
      const chunk = exportCsv('entries', entries(rows, 10_000), { header: first });
      first = false;
      rows += 10_000;
      written += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const size = statSync(path).size;
    console.log(`\n1 GB stream: wrote ${(size / 1024 ** 3).toFixed(2)} GiB, ${rows.toLocaleString('en-GB')} entries, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    inChild('--import-big', path);
  } finally {
    rmSync(path, { force: true });
    console.log('  temporary file deleted');
  }
}

/** Child process: import the big file through the stream API, watching RSS. */
async function importBig(path: string): Promise<void> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const t = performance.now();
  let records = 0;
  let issues = 0;
  let rows = 0;
  let batches = 0;
  for await (const batch of importCsvStream('entries', createReadStream(path, { highWaterMark: 1024 * 1024 }), { batchSize: 5000 })) {
    records += batch.records.length;
    issues += batch.issues.length;
    rows += batch.rowsRead;
    batches += 1;
    if (batch.fatal) console.log(`  fatal: ${batch.fatal.message}`);
    if (batches % 20 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - t;
  peak = Math.max(peak, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(`  imported ${rows.toLocaleString('en-GB')} rows (${records.toLocaleString('en-GB')} records, ${issues} issues) in ${(ms / 1000).toFixed(1)} s: ${rate(rows, ms)}`);
  console.log(`  RSS at start ${(baseline / 1024 ** 2).toFixed(0)} MB; sampled peak ${(peak / 1024 ** 2).toFixed(0)} MB; process peak (maxRSS) ${(maxRss / 1024 ** 2).toFixed(0)} MB; target < 256 MB: ${maxRss < 256 * 1024 ** 2 ? 'met' : 'MISSED'}`);
}

/** The validated import against csv-parse, papaparse and udsv: equal warm-up and interleaved rounds. */
async function compare(): Promise<void> {
  const calibrationMs = calibrate();
  const text = exportCsv('entries', entries(0, ROWS));
  const bytes = Buffer.from(text);
  const rounds = knob('BENCH_ROUNDS', 5);
  const warmup = knob('BENCH_WARMUP', 1);
  console.log(`\nfile: ${(bytes.length / 1024 ** 2).toFixed(1)} MiB, ${ROWS.toLocaleString('en-GB')} rows; ${rounds} interleaved rounds after ${warmup} warm-up, a full GC before each run (outside its timing); load average ${load()}; machine load check ${calibrationMs.toFixed(0)} ms (~200 ms on an idle core)`);
  const expect = (n: number, what: string): number => {
    if (n !== ROWS) throw new Error(`${what}: expected ${ROWS} rows, got ${n}`);
    return n;
  };
  const t = await measure(
    [
      { name: 'importCsv (validated, whole)', run: () => expect(importCsv('entries', bytes).records.length, 'importCsv') },
      {
        name: 'importCsvStream (validated, 64 KiB chunks)',
        run: async () => {
          let records = 0;
          const chunks = (function* () {
            for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
          })();
          for await (const batch of importCsvStream('entries', chunks, { batchSize: 5000 })) records += batch.records.length;
          return expect(records, 'importCsvStream');
        },
      },
      { name: 'csv-parse alone, as the adapter drives it', run: () => expect(csvParseAsAdapter(bytes) - 1, 'csv-parse') },
      { name: 'papaparse alone (string arrays)', run: () => expect(papaparse(text) - 2, 'papaparse') },
      { name: 'udsv alone (string arrays)', run: () => expect(udsv(text), 'udsv') },
    ],
    { warmup, rounds },
  );
  printTable(`CSV import, ${ROWS.toLocaleString('en-GB')} entries rows`, t, t[2]!.name, ROWS, 'rows');
  console.log(`  load average after: ${load()}`);
  writeSummary(new URL('..', import.meta.url), 'csv-import', [
    row('adapter-csv', `importCsv, ${ROWS.toLocaleString('en-GB')} rows vs csv-parse alone`, t, t[0]!.name, t[2]!.name, { maxRatio: 2, text: '≤ 2× csv-parse (issue #4)', calibrationMs }),
    row('adapter-csv', `importCsvStream, ${ROWS.toLocaleString('en-GB')} rows vs csv-parse alone`, t, t[1]!.name, t[2]!.name, { maxRatio: 2, text: '≤ 2× csv-parse (issue #4)', calibrationMs }),
    row('adapter-csv', `importCsv, ${ROWS.toLocaleString('en-GB')} rows vs papaparse (parse only)`, t, t[0]!.name, t[3]!.name, { calibrationMs }),
    row('adapter-csv', `importCsv, ${ROWS.toLocaleString('en-GB')} rows vs udsv (parse only)`, t, t[0]!.name, t[4]!.name, { calibrationMs }),
  ]);
}

function inChild(...args: string[]): void {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(child.stdout);
  if (child.status !== 0) throw new Error(`bench child ${args.join(' ')} failed with status ${child.status}`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--import-big') {
    await importBig(process.argv[3]!);
    return;
  }
  if (process.argv[2] === '--compare') {
    await compare();
    return;
  }
  console.log(`adapter-csv bench: node ${process.version}; load average ${load()} (${availableParallelism()} CPUs)`);
  // In a child process, so csv-parse's sync API (used below for correctness) never shares the baseline's type feedback.
  inChild('--compare');
  correctness();
  const gigabytes = knob('BENCH_GB', 0);
  if (gigabytes > 0) await bigFile(gigabytes);
  else console.log('\n1 GB stream: skipped (BENCH_GB=1 runs it)');
}

await main();
