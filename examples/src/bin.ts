/**
 * Runs one example by name: `npm run example` (the June series), `npm run example -- eops`, …
 * Every example is a `main(print)` function, so the tests in `test/` run the very same code.
 */
import { examples } from './registry.js';

const name = process.argv[2] ?? 'june-series';
const example = examples[name];
if (!example) {
  process.stderr.write(`Unknown example "${name}". Known: ${Object.keys(examples).join(', ')}\n`);
  process.exit(2);
}
await example.main((line) => process.stdout.write(`${line}\n`));
