/**
 * The CI part of the seeded fuzz suites (issue 12): every input surface of the package, a bounded number
 * of inputs from a fixed seed. `npm run fuzz` runs the same surfaces for 100,000 inputs each.
 */
import { describe, expect, it } from 'vitest';
import { basedataZipSurface } from '../fuzz/basedataZipSurface.js';
import { ctfSurface } from '../fuzz/ctfSurface.js';
import { ediBasedataSurface, ediEntriesSurface, ediResultsSurface } from '../fuzz/ediSurfaces.js';
import { arborSurface, wondeSurface } from '../fuzz/misPayloadSurfaces.js';
import { runSurface, type FuzzSurface } from '../fuzz/runSurface.js';

const SEED = 20_261_203;
const cases: ReadonlyArray<readonly [FuzzSurface, number]> = [
  [ediEntriesSurface, 250],
  [ediResultsSurface, 300],
  [ediBasedataSurface, 300],
  [basedataZipSurface, 250],
  [ctfSurface, 300],
  [wondeSurface, 250],
  [arborSurface, 200],
];

describe('seeded fuzz: nothing lost, nothing hangs, nothing untyped', () => {
  for (const [surface, inputs] of cases) {
    it(`${surface.name}: ${inputs} inputs, no untyped throw, no row lost without an issue, none over 1 s`, async () => {
      const { row, failures } = await runSurface(surface, { inputs, seed: SEED });
      expect(failures).toEqual([]);
      expect([row.untypedThrows, row.rowsLost, row.over1s]).toEqual([0, 0, 0]);
    });
  }
});

describe('seeded fuzz: regressions from the long run', () => {
  it('accounts for two Wonde employees that share a mangled id as two rows, each with an issue at its own place (seed 12, input 35402)', async () => {
    const { row, failures } = await runSurface(wondeSurface, { inputs: 1, seed: 12 + 35402 });
    expect(failures).toEqual([]);
    expect(row.rowsLost).toBe(0);
  });
});
