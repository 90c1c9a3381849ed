import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { flatString } from '../../src/text/flatString.js';

// A real collector, to weigh what a kept string costs (the flag must be set before the context is made).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A clash explanation as findClashes builds one: a template literal of twenty-odd pieces. */
function explanation(i: number): string {
  return `Candidate ${1000 + i} has ${2 + (i % 3)} papers in the ${i % 2 ? 'AM' : 'PM'} session of 2026-06-${10 + (i % 18)}: GCSE ${i} paper 1 (1h ${i % 60}m), GCSE ${i + 1} paper 2 (2h ${i % 59}m); together ${3 + (i % 2)}h ${i % 57}m including extra time and rest breaks`;
}

/** Heap bytes each of `n` kept strings costs, built by `make` and passed through `keep`. */
function bytesPerKeptString(n: number, keep: (s: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) kept[i] = keep(explanation(i));
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept[n - 1]).toBe(explanation(n - 1));
  return (after - before) / n;
}

describe('flatString: a built string kept for long is one flat string, not a rope of its pieces', () => {
  it('gives back the same text', () => {
    for (const s of ['', 'x', explanation(7), `${'a'.repeat(20)}${'b'.repeat(20)}`]) expect(flatString(s)).toBe(s);
  });

  it('keeps a twenty-piece explanation in well under half the bytes the rope took (measured with a real collector)', () => {
    // Warm both paths so the optimising compiler has run them (a read it could drop would not flatten).
    for (let r = 0; r < 5; r++) {
      bytesPerKeptString(2_000, (s) => s);
      bytesPerKeptString(2_000, flatString);
    }
    const rope = bytesPerKeptString(20_000, (s) => s);
    const flat = bytesPerKeptString(20_000, flatString);
    // The flat text is ~190 bytes (one byte a character plus a header); the rope keeps every piece and node.
    expect(flat).toBeLessThan(rope * 0.5);
    expect(flat).toBeLessThan(300);
  });
});
