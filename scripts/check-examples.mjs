#!/usr/bin/env node
/**
 * Compiles every example users read, so none can drift from the API (issue 17): each fenced `ts` block in an
 * `@example` of the published packages' sources, and each `ts` block in README.md, packages/* /README.md and
 * docs/*.md. Each block becomes a module in examples/.doc-examples/ and one TypeScript program checks them all,
 * strict, as a user's project would (exactOptionalPropertyTypes included).
 *
 * A block may import what it uses; any name a published entry exports that the block uses without importing or
 * declaring it is imported for it from that entry (so a TSDoc example need not repeat its own package's import);
 * so are the names the example's own source file exports (an internal helper's example), `readFileSync`/`writeFileSync`
 * and friends from `node:fs`, and `createActor`/`SimulatedClock` from xstate.
 * Values the example takes as given are declared (`declare const store: ExamcycleStore;`). A Markdown block that
 * is not meant to compile is marked by the line `<!-- example:not-compiled (reason) -->` just above it; a Markdown
 * block's givens (declarations compiled with it, not shown) go in a `<!-- example:given … -->` comment above it.
 *
 *   node scripts/check-examples.mjs [--list] [--keep]   exit 1 and a list of errors, each at its source line
 *                                                        (--keep leaves the generated modules in examples/.doc-examples/)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { publicSurface, root } from './publicSurface.mjs';

// one folder per run (several runs at once must not clobber each other), removed when the run ends
const outDir = join(root, 'examples', '.doc-examples', `run-${process.pid}`);
const surface = publicSurface();

/** name → the entry to import it from (the package's main entry wins over a subpath). */
const homes = new Map();
for (const p of surface.packages) for (const e of p.entries) for (const n of e.names) if (!homes.has(n.name) || !e.specifier.includes('/', e.specifier.indexOf('/') + 1)) if (!homes.has(n.name)) homes.set(n.name, e.specifier);

function walk(dir, pick, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, pick, out);
    else if (pick(path)) out.push(path);
  }
  return out;
}

/** `{ origin, line, code }` for each example. */
function collect() {
  const blocks = [];
  for (const p of surface.packages) {
    for (const file of walk(join(p.dir, 'src'), (f) => f.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
        const startLine = text.slice(0, comment.index).split('\n').length;
        const lines = comment[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''));
        let inExample = false;
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i];
          if (/^@example\b/.test(line)) inExample = true;
          else if (/^@\w/.test(line)) inExample = false;
          if (inExample && /^```(ts|typescript)\s*$/.test(line.trim())) {
            const body = [];
            let j = i + 1;
            while (j < lines.length && !/^```\s*$/.test(lines[j].trim())) body.push(lines[j++]);
            blocks.push({ origin: relative(root, file), line: startLine + i + 1, code: body.join('\n'), source: file, own: ownExports(text) });
            i = j;
          }
        }
      }
    }
  }
  const markdown = [join(root, 'README.md'), ...surface.packages.map((p) => join(p.dir, 'README.md')), ...walk(join(root, 'docs'), (f) => f.endsWith('.md') && !f.startsWith(join(root, 'docs', 'api')))] // docs/api is generated from the sources checked above;
  for (const file of markdown) {
    let text;
    try { text = readFileSync(file, 'utf8'); } catch { continue; }
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^```(ts|typescript)\s*$/.test(lines[i].trim())) continue;
      const skipped = i > 0 && /<!--\s*example:not-compiled\b/.test(lines[i - 1]);
      const given = givenAbove(lines, i);
      const body = [];
      let j = i + 1;
      while (j < lines.length && !/^```\s*$/.test(lines[j].trim())) body.push(lines[j++]);
      if (!skipped) blocks.push({ origin: relative(root, file), line: i + 2, code: body.join('\n'), given });
      i = j;
    }
  }
  return blocks;
}

/**
 * The `<!-- example:given … -->` comment just above a Markdown block (blank lines between allowed): declarations the
 * block takes as given, compiled with it but not shown, e.g. `<!-- example:given declare const store: ExamcycleStore; -->`.
 */
function givenAbove(lines, fence) {
  let end = fence - 1;
  while (end >= 0 && lines[end].trim() === '') end--;
  if (end < 0 || !lines[end].trim().endsWith('-->')) return '';
  let start = end;
  while (start >= 0 && !lines[start].includes('<!--')) start--;
  if (start < 0) return '';
  const text = lines.slice(start, end + 1).join('\n');
  const m = /<!--\s*example:given\b([\s\S]*?)-->/.exec(text);
  return m ? m[1].trim() : '';
}

/** Names a source file exports itself (an example on an internal helper may use them: imported from the file). */
function ownExports(text) {
  return new Set([...text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]));
}

/** Well-known names an example may use without importing them (Node's file functions, xstate's actor and clock). */
const WELL_KNOWN = new Map([
  ...['readFileSync', 'writeFileSync', 'createReadStream', 'createWriteStream', 'mkdirSync'].map((n) => [n, 'node:fs']),
  ...['createActor', 'SimulatedClock'].map((n) => [n, 'xstate']),
]);

const DECLARED = /\b(?:const|let|var|function|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/g;
const IMPORTED = /^\s*import\s[\s\S]*?from\s+['"][^'"]+['"];?/gm;

/** The module for one block and how many lines were put above it. */
function moduleFor(shown, given = '', block = {}) {
  let code = given ? `${given}\n${shown}` : shown;
  // a relative import in a TSDoc example is relative to its source file
  if (block.source) code = code.replace(/(from\s+|import\s*\(\s*)(['"])(\.\.?\/[^'"]+)\2/g, (_m, pre, q, spec) => `${pre}${q}${relative(outDir, resolve(dirname(block.source), spec)).replace(/\\/g, '/')}${q}`);
  const imported = new Set();
  for (const m of code.matchAll(IMPORTED)) {
    const clause = m[0].replace(/from\s+['"][^'"]+['"];?/, '');
    for (const id of clause.matchAll(/[A-Za-z_$][\w$]*/g)) imported.add(id[0]);
  }
  const declared = new Set([...code.matchAll(DECLARED)].map((m) => m[1]));
  const withoutStrings = code.replace(/\/\/.*$/gm, '').replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''");
  const used = new Set([...withoutStrings.matchAll(/(?<![.\w$])[A-Za-z_$][\w$]*/g)].map((m) => m[0]));
  const bySpecifier = new Map();
  for (const name of used) {
    if (imported.has(name) || declared.has(name)) continue;
    let home = homes.get(name);
    if (!home && block.own?.has(name)) home = relative(outDir, block.source).replace(/\\/g, '/').replace(/\.ts$/, '.js');
    home ??= WELL_KNOWN.get(name);
    if (!home) continue;
    bySpecifier.set(home, [...(bySpecifier.get(home) ?? []), name]);
  }
  const header = [...bySpecifier].map(([spec, names]) => `import { ${names.sort().join(', ')} } from '${spec}';`);
  header.push('export {};');
  const givenLines = given ? given.split('\n').length : 0;
  return { text: `${header.join('\n')}\n${code}\n`, offset: header.length + givenLines };
}

const blocks = collect();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const files = new Map();
blocks.forEach((b, i) => {
  const name = join(outDir, `${String(i).padStart(4, '0')}-${b.origin.replace(/[^\w]+/g, '_').slice(-60)}-${b.line}.ts`);
  const { text, offset } = moduleFor(b.code, b.given, b);
  writeFileSync(name, text);
  files.set(name, { ...b, offset });
});
if (process.argv.includes('--list')) for (const [, b] of files) process.stdout.write(`${b.origin}:${b.line}\n`);

const program = ts.createProgram([...files.keys()], {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  customConditions: ['@examcycle/source'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  typeRoots: [join(root, 'node_modules', '@types')],
});
const errors = [];
for (const d of ts.getPreEmitDiagnostics(program)) {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const origin = d.file && files.get(d.file.fileName);
  if (!origin) { errors.push(`(program) TS${d.code}: ${message}`); continue; }
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  errors.push(`${origin.origin}:${origin.line + line - origin.offset}: TS${d.code}: ${message}`);
}
const sources = new Set([...files.values()].map((b) => b.origin));
if (!process.argv.includes('--keep')) rmSync(outDir, { recursive: true, force: true });
if (errors.length > 0) {
  process.stderr.write(`${errors.join('\n')}\n\n${errors.length} error(s) in ${blocks.length} examples from ${sources.size} files\n`);
  process.exit(1);
}
process.stdout.write(`${blocks.length} examples from ${sources.size} files compile\n`);
