/**
 * The long fuzz run of `@examcycle/adapter-mis` (`npm run fuzz`): every surface for `FUZZ_INPUTS` inputs
 * (default 100,000) from `FUZZ_SEED` (default 12), written to `fuzz-report.json` in the package folder as
 * rows of `{ package, surface, inputs, untypedThrows, rowsLost, unauthorisedReads, over1s, peakRssMb,
 * seconds }` and printed as a table, with the first failing inputs (seed and index) to make regressions of.
 * `FUZZ_SURFACES` (comma-separated names) runs some surfaces only.
 */
import { writeFileSync } from 'node:fs';
import { basedataZipSurface } from './basedataZipSurface.js';
import { ctfSurface } from './ctfSurface.js';
import { ediBasedataSurface, ediEntriesSurface, ediResultsSurface } from './ediSurfaces.js';
import { arborSurface, wondeSurface } from './misPayloadSurfaces.js';
import { runSurface, type FuzzFailure, type FuzzRow, type FuzzSurface } from './runSurface.js';

const SURFACES: readonly FuzzSurface[] = [ediEntriesSurface, ediResultsSurface, ediBasedataSurface, basedataZipSurface, ctfSurface, wondeSurface, arborSurface];

const inputs = Number(process.env['FUZZ_INPUTS'] ?? '100000');
const seed = Number(process.env['FUZZ_SEED'] ?? '12');
const only = process.env['FUZZ_SURFACES']?.split(',').map((s) => s.trim());

const rows: FuzzRow[] = [];
const failures: FuzzFailure[] = [];
for (const surface of SURFACES) {
  if (only !== undefined && !only.includes(surface.name)) continue;
  const result = await runSurface(surface, { inputs, seed });
  rows.push(result.row);
  failures.push(...result.failures);
  process.stdout.write(`${surface.name}: ${result.row.inputs} inputs in ${result.row.seconds} s\n`);
}
writeFileSync(new URL('../fuzz-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
const columns = ['package', 'surface', 'inputs', 'untypedThrows', 'rowsLost', 'unauthorisedReads', 'over1s', 'peakRssMb', 'seconds'] as const;
const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(`${[line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(r[c]))))].join('\n')}\n`);
for (const f of failures) process.stdout.write(`FAIL ${f.surface} seed=${f.seed} index=${f.index}: ${f.problem}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
