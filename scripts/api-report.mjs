#!/usr/bin/env node
/**
 * The API surface, measured (issue 17): per package, the names its entry points export, how many have TSDoc and
 * an `@example`, the issue shapes (exported types named `…Issue`), exports marked `@internal`, and the names
 * exported by more than one package. Reads the sources through the TypeScript checker, so re-exports and
 * `export *` count as users see them. `--json` prints JSON instead of the table.
 *
 *   node scripts/api-report.mjs [--json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');

/** The entry files of a package: its `@examcycle/source` conditions, or src/index.ts. */
function entriesOf(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.private) return { name: manifest.name, files: [] };
  const files = new Set();
  for (const [sub, target] of Object.entries(manifest.exports ?? {})) {
    if (sub === './package.json' || target === null || typeof target !== 'object') continue;
    const source = target['@examcycle/source'];
    if (typeof source === 'string') files.add(join(dir, source));
  }
  if (files.size === 0 && existsSync(join(dir, 'src/index.ts'))) files.add(join(dir, 'src/index.ts'));
  return { name: manifest.name, files: [...files] };
}

const packages = readdirSync(packagesDir)
  .map((d) => ({ dir: join(packagesDir, d), ...entriesOf(join(packagesDir, d)) }))
  .filter((p) => p.files.length > 0);

const program = ts.createProgram(
  packages.flatMap((p) => p.files),
  {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@examcycle/source'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
);
const checker = program.getTypeChecker();

function describeSymbol(symbol) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
  const tags = target.getJsDocTags(checker).map((t) => t.name);
  const isType = (target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) !== 0 && (target.flags & ts.SymbolFlags.Value) === 0;
  return { name: symbol.getName(), documented: doc.length > 0, example: tags.includes('example'), internal: tags.includes('internal'), isType };
}

const report = [];
for (const p of packages) {
  const names = new Map();
  for (const file of p.files) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    for (const s of checker.getExportsOfModule(moduleSymbol)) names.set(s.getName(), describeSymbol(s));
  }
  const all = [...names.values()];
  report.push({
    package: p.name,
    exports: all.length,
    documented: all.filter((e) => e.documented).length,
    withExample: all.filter((e) => e.example).length,
    valuesWithoutExample: all.filter((e) => !e.isType && !e.example).map((e) => e.name),
    internal: all.filter((e) => e.internal).map((e) => e.name),
    issueShapes: all.filter((e) => /Issue$/.test(e.name)).map((e) => e.name),
    names: all.map((e) => e.name),
  });
}

const owners = new Map();
for (const r of report) for (const n of r.names) owners.set(n, [...(owners.get(n) ?? []), r.package]);
const duplicates = [...owners].filter(([, pkgs]) => pkgs.length > 1).map(([name, pkgs]) => ({ name, packages: pkgs }));

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ packages: report.map(({ names: _n, ...r }) => r), duplicates }, null, 2)}\n`);
} else {
  const rows = [['package', 'exports', 'TSDoc', '@example', 'issue shapes', '@internal exported']];
  for (const r of report) rows.push([r.package, String(r.exports), String(r.documented), String(r.withExample), String(r.issueShapes.length), String(r.internal.length)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i])).join('  ')}\n`);
  process.stdout.write(`\nissue shapes: ${report.flatMap((r) => r.issueShapes.map((n) => `${r.package.replace('@examcycle/', '')}:${n}`)).join(', ') || 'none'}\n`);
  process.stdout.write(`duplicate names across packages (${duplicates.length}): ${duplicates.map((d) => `${d.name} (${d.packages.map((x) => x.replace('@examcycle/', '')).join(', ')})`).join(', ') || 'none'}\n`);
  process.stdout.write(`exported but marked @internal: ${report.flatMap((r) => r.internal.map((n) => `${r.package.replace('@examcycle/', '')}:${n}`)).join(', ') || 'none'}\n`);
}
