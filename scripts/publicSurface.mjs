/**
 * The public surface of the published packages, read through the TypeScript checker: for each package, its entry
 * points (`.` and any subpath in its `exports` map, through the `@examcycle/source` condition) and the names each
 * exports, with their TSDoc. Shared by `api-report.mjs` (the measure) and `check-examples.mjs` (compiles every
 * example against these names).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

export const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');

/** A published package's entries: `[{ specifier, file }]`, `.` first. */
function entriesOf(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.private) return { name: manifest.name, entries: [] };
  const entries = [];
  for (const [sub, target] of Object.entries(manifest.exports ?? {})) {
    if (sub === './package.json' || target === null || typeof target !== 'object') continue;
    const source = target['@examcycle/source'];
    if (typeof source === 'string') entries.push({ specifier: sub === '.' ? manifest.name : `${manifest.name}/${sub.replace(/^\.\//, '')}`, file: join(dir, source) });
  }
  if (entries.length === 0 && existsSync(join(dir, 'src/index.ts'))) entries.push({ specifier: manifest.name, file: join(dir, 'src/index.ts') });
  return { name: manifest.name, entries };
}

/**
 * Every published package with its entries and exported names.
 * @returns `{ packages: [{ name, dir, entries: [{ specifier, names: [{ name, documented, example, internal, isType }] }] }] }`
 */
export function publicSurface() {
  const packages = readdirSync(packagesDir)
    .sort()
    .map((d) => ({ dir: join(packagesDir, d), ...entriesOf(join(packagesDir, d)) }))
    .filter((p) => p.entries.length > 0);
  const program = ts.createProgram(
    packages.flatMap((p) => p.entries.map((e) => e.file)),
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
  const describe = (symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    const tags = target.getJsDocTags(checker).map((t) => t.name);
    const isType = (target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) !== 0 && (target.flags & ts.SymbolFlags.Value) === 0;
    return { name: symbol.getName(), documented: doc.length > 0, example: tags.includes('example'), internal: tags.includes('internal'), isType };
  };
  return {
    packages: packages.map((p) => ({
      name: p.name,
      dir: p.dir,
      entries: p.entries.map((e) => {
        const source = program.getSourceFile(e.file);
        const moduleSymbol = source && checker.getSymbolAtLocation(source);
        return { specifier: e.specifier, file: e.file, names: moduleSymbol ? checker.getExportsOfModule(moduleSymbol).map(describe) : [] };
      }),
    })),
  };
}
