/**
 * Rewrites the "unconfirmed values" section of the package README (and of the repository README, when
 * it has the markers) from the edition data: `npm run docs:unconfirmed -w @examcycle/rules-jcq`.
 * With `--check`, writes nothing and exits 1 when a README has drifted from the data.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replaceUnconfirmedSection, unconfirmedValuesMarkdown } from './unconfirmedValuesMarkdown.js';

const check = process.argv.includes('--check');
const section = unconfirmedValuesMarkdown();
const targets = [
  { path: fileURLToPath(new URL('../README.md', import.meta.url)), required: true },
  { path: fileURLToPath(new URL('../../../README.md', import.meta.url)), required: false },
];

let drifted = false;
for (const { path, required } of targets) {
  if (!existsSync(path)) {
    if (required) throw new Error(`${path} is missing`);
    continue;
  }
  const before = readFileSync(path, 'utf8');
  const after = replaceUnconfirmedSection(before, section);
  if (after === undefined) {
    if (required) throw new Error(`${path} has no unconfirmed-values markers`);
    process.stdout.write(`${path}: no unconfirmed-values markers, left alone\n`);
    continue;
  }
  if (after === before) {
    process.stdout.write(`${path}: up to date\n`);
  } else if (check) {
    drifted = true;
    process.stdout.write(`${path}: out of date; run npm run docs:unconfirmed -w @examcycle/rules-jcq\n`);
  } else {
    writeFileSync(path, after);
    process.stdout.write(`${path}: rewritten\n`);
  }
}
if (drifted) process.exitCode = 1;
