import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The values one run of a property draws, from whatever seed fast-check is configured with. */
function drawn(): number[] {
  const seen: number[] = [];
  fc.assert(
    fc.property(fc.integer(), (n) => {
      seen.push(n);
    }),
    { numRuns: 8 },
  );
  return seen;
}

describe('CI is the same run each time: a property that names no seed runs from the suite-wide seed', () => {
  it.skipIf(process.env['FC_SEED'] === 'random')('draws the same values on every run (scripts/vitest/seededProperties.ts)', () => {
    expect(fc.readConfigureGlobal().seed).toBe(process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 20261204);
    expect(drawn()).toEqual(drawn());
  });
});
