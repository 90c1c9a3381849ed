#!/usr/bin/env node
/**
 * The API reference (issue 17): TypeDoc with the Markdown plugin, from every published package's entry
 * (typedoc.json), into docs/api/. Every exported function, class, interface, type and constant must carry TSDoc:
 * TypeDoc's `notDocumented` validation is treated as an error, as are broken `{@link}`s.
 *
 *   node scripts/docs-api.mjs            regenerate docs/api/
 *   node scripts/docs-api.mjs --check    generate into a temporary folder and fail if docs/api/ differs (CI)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { root } from './publicSurface.mjs';

const check = process.argv.includes('--check');
const committed = join(root, 'docs', 'api');
const out = check ? mkdtempSync(join(tmpdir(), 'examcycle-api-')) : committed;
if (!check) rmSync(committed, { recursive: true, force: true });

execFileSync(process.execPath, [join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', out, '--treatValidationWarningsAsErrors'], { cwd: root, stdio: 'inherit' });

if (check) {
  const files = (dir) => (existsSync(dir) ? walk(dir).map((f) => relative(dir, f)).sort() : []);
  const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  const want = files(out);
  const have = files(committed);
  const drift = [
    ...want.filter((f) => !have.includes(f)).map((f) => `missing: docs/api/${f}`),
    ...have.filter((f) => !want.includes(f)).map((f) => `stale: docs/api/${f}`),
    ...want.filter((f) => have.includes(f) && readFileSync(join(out, f), 'utf8') !== readFileSync(join(committed, f), 'utf8')).map((f) => `changed: docs/api/${f}`),
  ];
  rmSync(out, { recursive: true, force: true });
  if (drift.length > 0) {
    process.stderr.write(`${drift.slice(0, 20).join('\n')}${drift.length > 20 ? `\n… and ${drift.length - 20} more` : ''}\n\nThe API reference is out of date: run \`npm run docs:api\` and commit docs/api/.\n`);
    process.exit(1);
  }
  process.stdout.write(`docs/api/ is current (${want.length} files)\n`);
}
