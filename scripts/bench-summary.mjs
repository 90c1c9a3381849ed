#!/usr/bin/env node
/**
 * `npm run bench`'s closing table: reads the summary rows every package's bench leaves in
 * `packages/<p>/.bench-out/*.summary.json` (and `examples/.bench-out`) and prints one table of every hot path (examcycle's median, the
 * baseline's median, their ratio, the goal and whether it is met), then writes the same rows as
 * `bench-results.json` at the root (git-ignored) so a regression is visible by diffing two runs.
 * `--clean` deletes the previous run's rows first (the root `bench` script does, so a bench that failed to
 * run shows as missing rather than as an old figure). Exits 1 when no bench left a row.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Every workspace's bench output: packages/<p>/.bench-out and examples/.bench-out (the whole-centre bench).
const benchDirs = [...readdirSync(join(root, 'packages')).map((p) => join('packages', p)), 'examples'];

if (process.argv.includes('--clean')) {
  for (const dir of benchDirs) {
    const out = join(root, dir, '.bench-out');
    if (!existsSync(out)) continue;
    for (const file of readdirSync(out)) if (file.endsWith('.summary.json')) rmSync(join(out, file));
  }
  process.exit(0);
}

const rows = [];
const runs = [];
for (const dir of benchDirs) {
  const out = join(root, dir, '.bench-out');
  if (!existsSync(out)) continue;
  for (const file of readdirSync(out).sort()) {
    if (!file.endsWith('.summary.json')) continue;
    const report = JSON.parse(readFileSync(join(out, file), 'utf8'));
    runs.push({ package: dir.replace(/^packages\//, ''), bench: report.bench, writtenAt: report.writtenAt });
    rows.push(...report.rows);
  }
}

const fmtMs = (n) =>
  n === undefined ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 0.1 ? n.toFixed(2) : n >= 1e-4 ? `${(n * 1e3).toFixed(2)} µs` : `${(n * 1e6).toFixed(0)} ns`;
const cols = [
  ['path', (r) => `${r.package}: ${r.path}`],
  ['examcycle ms', (r) => fmtMs(r.examcycle.medianMs)],
  ['baseline ms', (r) => fmtMs(r.baseline?.medianMs)],
  ['ratio', (r) => (r.ratio === undefined ? '—' : `${r.ratio >= 0.01 ? r.ratio.toFixed(2) : r.ratio.toPrecision(2)}×`)],
  ['goal', (r) => r.goal ?? '—'],
  ['met', (r) => (r.met === undefined ? '—' : r.met ? 'met' : 'NOT MET')],
];
const cells = rows.map((r) => cols.map(([, f]) => String(f(r))));
const widths = cols.map(([h], i) => Math.min(i === 0 ? 96 : 60, Math.max(h.length, ...cells.map((c) => c[i].length))));
const line = (cs) => cs.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
const print = (s = '') => process.stdout.write(`${s}\n`);
print('\nbench summary: medians of equal, interleaved rounds; ratio = examcycle / baseline (lower is better)');
print(line(cols.map(([h]) => h)));
print(line(widths.map((w) => '-'.repeat(w))));
for (const c of cells) print(line(c));
const notes = rows.filter((r) => r.note);
if (notes.length > 0) {
  print('\nnotes');
  for (const r of notes) print(`  ${r.package}: ${r.path}: ${r.note}`);
}
const calibrations = rows.map((r) => r.calibrationMs).filter((n) => typeof n === 'number');
if (calibrations.length > 0) {
  print(`\nmachine load: the calibration loop took ${Math.min(...calibrations).toFixed(0)}–${Math.max(...calibrations).toFixed(0)} ms (≈200 ms on an idle core); ratios are the figures to trust`);
}
const withGoal = rows.filter((r) => r.met !== undefined);
print(`\n${rows.length} paths from ${runs.length} benches; goals met: ${withGoal.filter((r) => r.met).length} of ${withGoal.length}`);
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify({ runs, rows }, null, 2)}\n`);
print('written: bench-results.json');
process.exit(rows.length === 0 ? 1 : 0);
