#!/usr/bin/env node
/**
 * Sums the vitest JSON reports every package's test run leaves (`.vitest-report.json`) and prints one plain
 * line, `tests: N passed, N failed`, so CI's closing line counts every test in the repository. Exits 1 when a
 * package has no report or any test failed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = [...readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)), join(root, 'examples')];
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const dir of dirs) {
  const file = join(dir, '.vitest-report.json');
  if (!existsSync(file)) {
    missing.push(dir.slice(root.length));
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  process.stdout.write(`  ${dir.slice(root.length).padEnd(22)} ${report.numPassedTests} passed, ${report.numFailedTests} failed\n`);
}
if (missing.length) process.stdout.write(`no test report from: ${missing.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
