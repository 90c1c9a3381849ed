import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench/measure.js';

/** Allocates about 40 MB in large arrays and lets go of them; returns the heap in use while they were alive. */
function leaveGarbage(): number {
  const held: number[][] = [];
  for (let i = 0; i < 20; i += 1) held.push(new Array<number>(250_000).fill(i + 0.5));
  return process.memoryUsage().heapUsed;
}

describe('the bench harness', () => {
  it('starts every run from a settled heap: no contender pays for the garbage the one before it left', async () => {
    const whileHeld: number[] = [];
    const atStart: number[] = [];
    await measure(
      [
        { name: 'leaves garbage', run: () => void whileHeld.push(leaveGarbage()) },
        { name: 'measures the heap it starts with', run: () => void atStart.push(process.memoryUsage().heapUsed) },
      ],
      { warmup: 1, rounds: 4 },
    );
    // The order turns each round (A B, B A, A B …), so three of the five runs come straight after the garbage was left.
    expect(atStart).toHaveLength(5);
    for (const heap of atStart) expect(heap).toBeLessThan(Math.min(...whileHeld) - 30 * 1024 ** 2);
  });
});
