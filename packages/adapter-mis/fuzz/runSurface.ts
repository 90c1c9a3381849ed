/**
 * Runs a fuzz surface for a number of seeded inputs and measures what issue 12 asks of every reader:
 * untyped throws (anything thrown that is not an `ExamcycleError`), rows lost without an issue, inputs over
 * one second, peak RSS and the time taken. Input `i` uses the random source seeded `seed + i`, so any
 * failure is reproduced from its index.
 */
import { isExamcycleError } from '@examcycle/core';
import { fuzzRandom, type FuzzRandom } from './fuzzRandom.js';

/** What one input found. */
export interface FuzzOutcome {
  /** Rows (lines, records, pupils, members) that ended as neither a record nor an issue. */
  readonly rowsLost: number;
}

/** One input surface of the package. */
export interface FuzzSurface {
  /** e.g. `edi-results`. */
  readonly name: string;
  /** Builds what every input shares (untimed), before the first input. */
  prepare?(): void;
  /** Builds one input from the random source and reads it. */
  run(rng: FuzzRandom): FuzzOutcome | Promise<FuzzOutcome>;
}

/** One row of the figures table (the shape the root `npm run fuzz` gathers). */
export interface FuzzRow {
  readonly package: string;
  readonly surface: string;
  readonly inputs: number;
  readonly untypedThrows: number;
  readonly rowsLost: number;
  readonly unauthorisedReads: number;
  readonly over1s: number;
  readonly peakRssMb: number;
  readonly seconds: number;
}

/** A failing input, to be turned into a regression test. */
export interface FuzzFailure {
  readonly surface: string;
  readonly seed: number;
  readonly index: number;
  readonly problem: string;
}

/**
 * Runs a surface.
 *
 * @param surface - the surface
 * @param options - number of inputs and the base seed
 * @example
 * ```ts
 * const { row, failures } = await runSurface(ediResultsSurface, { inputs: 2000, seed: 12 });
 * ```
 */
export async function runSurface(surface: FuzzSurface, options: { readonly inputs: number; readonly seed: number }): Promise<{ row: FuzzRow; failures: FuzzFailure[] }> {
  const { inputs, seed } = options;
  const failures: FuzzFailure[] = [];
  let untypedThrows = 0;
  let rowsLost = 0;
  let over1s = 0;
  surface.prepare?.();
  let peak = process.memoryUsage().rss;
  const started = performance.now();
  for (let index = 0; index < inputs; index += 1) {
    const t0 = performance.now();
    try {
      const outcome = await surface.run(fuzzRandom(seed + index));
      if (outcome.rowsLost > 0) {
        rowsLost += outcome.rowsLost;
        if (failures.length < 10) failures.push({ surface: surface.name, seed, index, problem: `${outcome.rowsLost} rows lost without an issue` });
      }
    } catch (error) {
      if (!isExamcycleError(error)) {
        untypedThrows += 1;
        if (failures.length < 10) failures.push({ surface: surface.name, seed, index, problem: `untyped throw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 300) });
      }
    }
    const took = performance.now() - t0;
    if (took > 1000) {
      over1s += 1;
      if (failures.length < 10) failures.push({ surface: surface.name, seed, index, problem: `took ${Math.round(took)} ms` });
    }
    if (index % 16 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const row: FuzzRow = {
    package: '@examcycle/adapter-mis',
    surface: surface.name,
    inputs,
    untypedThrows,
    rowsLost,
    unauthorisedReads: 0,
    over1s,
    peakRssMb: Math.round(peak / 1024 / 1024),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  return { row, failures };
}
