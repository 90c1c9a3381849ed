/**
 * Every fast-check property of the test suites runs from a known seed, so CI is the same run each time and a red
 * run can be replayed: a property that names its own seed keeps it; the others take this one (vitest `setupFiles`
 * of every package). `FC_SEED=<integer>` runs them all from another seed; `FC_SEED=random` lets fast-check draw a
 * seed per property, to explore (a failing seed found that way becomes a regression test with that seed).
 */
import fc from 'fast-check';

/** The seed properties take when they name none. */
export const DEFAULT_PROPERTY_SEED = 20261204;

const chosen = process.env['FC_SEED'];
if (chosen !== 'random') {
  const seed = chosen === undefined || chosen === '' ? DEFAULT_PROPERTY_SEED : Number(chosen);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random" (got ${JSON.stringify(chosen)})`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
