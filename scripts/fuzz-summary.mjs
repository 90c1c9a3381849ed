#!/usr/bin/env node
/**
 * `npm run fuzz`'s closing table: reads every package's `fuzz-report.json` (written by its `fuzz` script) and
 * prints one table of inputs tried, untyped throws, valid rows lost, unauthorised reads, inputs over 1 s and
 * peak RSS per surface. Exits 1 when a run found an untyped throw, a lost row, an unauthorised read or a
 * slow input, so a regression is visible. Also writes the table as `fuzz-report.json` at the root.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rows = [];
for (const dir of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', dir, 'fuzz-report.json');
  if (existsSync(file)) rows.push(...JSON.parse(readFileSync(file, 'utf8')));
}
const cols = ['package', 'surface', 'inputs', 'untypedThrows', 'rowsLost', 'unauthorisedReads', 'over1s', 'peakRssMb', 'seconds'];
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
process.stdout.write(`\n${line(cols)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
for (const r of rows) process.stdout.write(`${line(cols.map((c) => r[c]))}\n`);
writeFileSync(join(root, 'fuzz-report.json'), `${JSON.stringify(rows, null, 2)}\n`);
const bad = rows.filter((r) => r.untypedThrows || r.rowsLost || r.unauthorisedReads || r.over1s);
process.stdout.write(`\nfuzz: ${rows.reduce((n, r) => n + r.inputs, 0)} inputs over ${rows.length} surfaces; ${bad.length} surface(s) with findings\n`);
process.exit(rows.length === 0 || bad.length ? 1 : 0);
