/**
 * The CSV fuzz suite, bounded for CI: seeded hostile and careless files of every record kind (random
 * characters among quotes, commas, line breaks, NULs and control characters; files cut short; huge cells;
 * quote bombs; `__proto__` and `constructor` as headers, cells and option keys; byte-order marks; mixed
 * line endings; bytes that are not UTF-8), each judged by its oracle (see `fuzz/csvFuzzCase.ts`). The
 * long run is `npm run fuzz`.
 */
import { setImmediate as turn } from 'node:timers/promises';
import { RECORD_KINDS } from '@examcycle/core';
import { describe, expect, it } from 'vitest';
import { caseSeed, fuzzCase, rowPool, runCase, seededRandom, streamDifference } from '../fuzz/csvFuzzCase.js';

const SEED = 12;
const INPUTS = 250;
const MB = 1024 * 1024;

describe('importCsv under seeded fuzzing (issue 12)', () => {
  it.each(RECORD_KINDS.map((kind, surface) => [kind, surface] as const))(
    'never throws, loses no valid %s row without an issue at its line, and never hangs on an input under 1 MB (5 s: a hang guard for a loaded machine; timings live in bench/)',
    async (kind, surface) => {
      const pool = rowPool(kind, SEED);
      const problems: string[] = [];
      for (let index = 0; index < INPUTS; index += 1) {
        const c = fuzzCase(pool, seededRandom(caseSeed(SEED, surface, index)));
        const v = runCase(c);
        if (v.untypedThrow || v.typedThrow || v.rowsLost > 0) problems.push(`#${index} (${c.mutations.join(', ')}): ${v.problem}`);
        if (v.size < MB && v.ms > 5000) problems.push(`#${index} (${c.mutations.join(', ')}): ${Math.round(v.ms)} ms for ${v.size} bytes`);
        if ((index & 63) === 63) await turn();
      }
      expect(problems).toEqual([]);
    },
  );

  it('gives the same result streamed in random chunks as whole, on fuzzed files of every kind', async () => {
    const pools = RECORD_KINDS.map((kind) => rowPool(kind, SEED));
    const problems: string[] = [];
    for (let index = 0; index < 120; index += 1) {
      const rand = seededRandom(caseSeed(SEED, pools.length, index));
      const c = fuzzCase(pools[index % pools.length]!, rand);
      const difference = await streamDifference(c, rand);
      if (difference !== undefined) problems.push(`#${index} ${c.kind} (${c.mutations.join(', ')}): ${difference}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps memory bounded: the heap after a thousand fuzzed imports (huge cells among them) is within 64 MB of the heap after the first hundred', async () => {
    const pool = rowPool('entries', SEED);
    let settled = 0;
    let peak = 0;
    for (let index = 0; index < 1000; index += 1) {
      runCase(fuzzCase(pool, seededRandom(caseSeed(SEED, 99, index))));
      if ((index & 63) === 63) await turn();
      if (index === 99) settled = process.memoryUsage().heapUsed;
      if (index > 99 && (index & 63) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect((peak - settled) / MB).toBeLessThan(64);
  });
});
