#!/usr/bin/env node
/**
 * examcycle's house lint, run per package (`node ../../scripts/lint.mjs .`). It enforces the rules of
 * shared/STYLE.md that no off-the-shelf tool here checks: no real clock or Math.random in src, no vague
 * module names, core imports no pack or adapter, no deep relative imports across packages, no circular
 * imports, and TSDoc on every export. It prints every problem with file:line and exits 1 if any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const pkgDir = resolve(process.argv[2] ?? '.');
const srcDir = join(pkgDir, 'src');
const problems = [];

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (/\.(ts|mts|cts)$/.test(name) && !/\.test(-d)?\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const files = walk(srcDir);
const isCore = basename(pkgDir) === 'core';
const imports = new Map();

for (const file of files) {
  const rel = relative(pkgDir, file);
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (/^(utils?|helpers?|common|misc)\.[cm]?ts$/.test(basename(file)) || /\/(utils?|helpers?|common|misc)\//.test(rel)) {
    problems.push(`${rel}: vague module name; name the file after the concept it serves`);
  }
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*(\/\*\*|\*)/.test(line)) return; // TSDoc examples may show host code
    if (/\bDate\.now\(\)|new Date\(\s*\)|DateTime\.(now|local)\(\)|Math\.random\(\)/.test(code)) {
      problems.push(`${rel}:${i + 1}: reads the real clock or Math.random; take an injected clock or seed`);
    }
    if (isCore && /from ['"]@examcycle\/(rules-|adapter-)/.test(code)) problems.push(`${rel}:${i + 1}: core must not import a rules pack or an adapter`);
    if (/from ['"](\.\.\/){2,}(\.\.\/)*(packages|core|rules-jcq|adapter-csv|adapter-mis)\//.test(code)) {
      problems.push(`${rel}:${i + 1}: deep relative import across packages; import the package by name`);
    }
    if (/^\s*console\.(log|debug|info)\(/.test(code)) problems.push(`${rel}:${i + 1}: console output in library code`);
  });
  // TSDoc on every export
  lines.forEach((line, i) => {
    if (!/^export (declare )?(async )?(function|const|class|interface|type|enum|abstract class) [A-Za-z_$]/.test(line)) return;
    let j = i - 1;
    while (j >= 0 && /^\s*(@|\/\/)/.test(lines[j])) j -= 1;
    if (j < 0 || !/\*\/\s*$/.test(lines[j])) problems.push(`${rel}:${i + 1}: export without TSDoc: ${line.slice(0, 80)}`);
  });
  const deps = [];
  // comments (a TSDoc example may show an import) are not imports
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/(?:import|export)[^'"]*from ['"](\.[^'"]+)['"]/g)) {
    deps.push(resolve(dirname(file), m[1].replace(/\.js$/, '.ts')));
  }
  imports.set(file, deps);
}

// circular imports (value and type imports alike: a cycle is a design smell either way)
const state = new Map();
const stack = [];
function visit(f) {
  state.set(f, 'visiting');
  stack.push(f);
  for (const d of imports.get(f) ?? []) {
    if (!imports.has(d)) continue;
    if (state.get(d) === 'visiting') {
      const cycle = stack.slice(stack.indexOf(d)).concat(d).map((x) => relative(pkgDir, x));
      problems.push(`circular import: ${cycle.join(' -> ')}`);
    } else if (!state.has(d)) visit(d);
  }
  stack.pop();
  state.set(f, 'done');
}
for (const f of files) if (!state.has(f)) visit(f);

if (problems.length) {
  for (const p of problems) process.stderr.write(`lint: ${p}\n`);
  process.stderr.write(`lint: ${problems.length} problem(s) in ${relative(process.cwd(), pkgDir) || '.'}\n`);
  process.exit(1);
}
process.stdout.write(`lint: ${files.length} files clean in ${basename(pkgDir)}\n`);
