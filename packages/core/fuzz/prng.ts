/** A seeded PRNG (mulberry32): the only source of randomness in core's fuzz runs, so a run is repeatable. */

/**
 * A generator of numbers in [0, 1) from a 32-bit seed.
 *
 * @param seed - the seed
 * @example
 * ```ts
 * const random = prng(20261203);
 * random(); // the same first number for the same seed, every run
 * ```
 */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
