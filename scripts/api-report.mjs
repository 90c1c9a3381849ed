#!/usr/bin/env node
/**
 * The API surface, measured (issue 17): per package, the names its entry points export, how many have TSDoc and
 * an `@example`, the issue shapes (exported types named `…Issue`), exports marked `@internal`, and the names
 * exported by more than one package. Reads the sources through the TypeScript checker, so re-exports and
 * `export *` count as users see them. `--json` prints JSON instead of the table.
 *
 *   node scripts/api-report.mjs [--json]
 */
import { publicSurface } from './publicSurface.mjs';

const report = [];
for (const p of publicSurface().packages) {
  const names = new Map();
  for (const entry of p.entries) for (const n of entry.names) if (!names.has(n.name)) names.set(n.name, n);
  const all = [...names.values()];
  report.push({
    package: p.name,
    entries: p.entries.map((e) => e.specifier),
    exports: all.length,
    documented: all.filter((e) => e.documented).length,
    withExample: all.filter((e) => e.example).length,
    withoutExample: all.filter((e) => !e.example).map((e) => e.name),
    internal: all.filter((e) => e.internal).map((e) => e.name),
    // the one issue type is ExamcycleIssue; any other exported type named …Issue is a second shape
    issueShapes: all.filter((e) => /Issue$/.test(e.name) && e.name !== 'ExamcycleIssue').map((e) => e.name),
    names: all.map((e) => e.name),
  });
}

const owners = new Map();
for (const r of report) for (const n of r.names) owners.set(n, [...(owners.get(n) ?? []), r.package]);
const duplicates = [...owners].filter(([, pkgs]) => pkgs.length > 1).map(([name, pkgs]) => ({ name, packages: pkgs }));

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ packages: report.map(({ names: _n, ...r }) => r), duplicates }, null, 2)}\n`);
} else {
  const rows = [['package', 'exports', 'TSDoc', '@example', 'other issue shapes', '@internal exported']];
  for (const r of report) rows.push([r.package, String(r.exports), String(r.documented), String(r.withExample), String(r.issueShapes.length), String(r.internal.length)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i])).join('  ')}\n`);
  process.stdout.write(`\nissue shapes besides ExamcycleIssue: ${report.flatMap((r) => r.issueShapes.map((n) => `${r.package.replace('@examcycle/', '')}:${n}`)).join(', ') || 'none'}\n`);
  process.stdout.write(`duplicate names across packages (${duplicates.length}): ${duplicates.map((d) => `${d.name} (${d.packages.map((x) => x.replace('@examcycle/', '')).join(', ')})`).join(', ') || 'none'}\n`);
  process.stdout.write(`exported but marked @internal: ${report.flatMap((r) => r.internal.map((n) => `${r.package.replace('@examcycle/', '')}:${n}`)).join(', ') || 'none'}\n`);
}

// `--require-complete` (CI): the goal of issue 17 as a gate. Every export documented with an @example (the examples
// compile: scripts/check-examples.mjs), one issue shape, no name exported by two packages, nothing @internal exported.
if (process.argv.includes('--require-complete')) {
  const failures = [
    ...report.flatMap((r) => r.withoutExample.map((n) => `${r.package}: ${n} has no @example`)),
    ...report.flatMap((r) => r.issueShapes.map((n) => `${r.package}: ${n} is a second issue shape (use ExamcycleIssue)`)),
    ...duplicates.map((d) => `${d.name} is exported by ${d.packages.join(' and ')}`),
    ...report.flatMap((r) => r.internal.map((n) => `${r.package}: ${n} is exported but marked @internal`)),
  ];
  if (failures.length > 0) {
    process.stderr.write(`\n${failures.join('\n')}\n\n${failures.length} problem(s) with the published API\n`);
    process.exit(1);
  }
  process.stdout.write('\nthe published API is complete: every export documented with an example, one issue shape, no duplicates\n');
}
