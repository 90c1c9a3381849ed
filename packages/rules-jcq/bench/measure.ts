/**
 * The bench harness: every contender gets the same warm-up and the same rounds, interleaved (round 1 of
 * each, then round 2 of each…) so a load spike on a shared machine hits them all alike. Times are wall
 * milliseconds per round; the summary gives min, median and max, and ratios are taken on medians.
 */
import { performance } from 'node:perf_hooks';

/** One contender: a name and the work of one round. */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown | Promise<unknown>;
}

/** A contender's round times. */
export interface Timing {
  readonly name: string;
  readonly rounds: readonly number[];
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** A number knob from the environment (`BENCH_*`), or its default. */
export function knob(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${String(raw)}`);
  return value;
}

/**
 * Runs every contender `warmup` times, then `rounds` interleaved rounds, and returns their timings.
 *
 * @example
 * ```ts
 * const [a, b] = await measure([{ name: 'a', run: () => f() }, { name: 'b', run: () => g() }], { warmup: 1, rounds: 5 });
 * ```
 */
export async function measure(contenders: readonly Contender[], { warmup, rounds }: { warmup: number; rounds: number }): Promise<Timing[]> {
  for (let w = 0; w < warmup; w += 1) for (const c of contenders) await c.run();
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r += 1) {
    for (let i = 0; i < contenders.length; i += 1) {
      const start = performance.now();
      await contenders[i]!.run();
      times[i]!.push(performance.now() - start);
    }
  }
  return contenders.map((c, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return { name: c.name, rounds: times[i]!, min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted[sorted.length - 1]! };
  });
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/**
 * Prints timings as a table, each with its ratio to the reference contender, by median and by min (on a
 * loaded machine the min is the least disturbed round).
 *
 * @example
 * ```ts
 * printTable('checks', timings, 'hand-written', 1_000_000, 'entries');
 * ```
 */
export function printTable(title: string, timings: readonly Timing[], reference: string, units: number, unitName: string): void {
  const ref = timings.find((t) => t.name === reference)!;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(title);
  out(`  (ratios to: ${reference})`);
  out(`  ${'contender'.padEnd(52)} ${'min ms'.padStart(9)} ${'median ms'.padStart(10)} ${'max ms'.padStart(9)} ${`${unitName}/s`.padStart(14)} ${'ratio (median)'.padStart(15)} ${'ratio (min)'.padStart(12)}`);
  for (const t of timings) {
    const rate = Math.round((units / t.median) * 1000).toLocaleString('en-GB');
    out(
      `  ${t.name.padEnd(52)} ${ms(t.min).padStart(9)} ${ms(t.median).padStart(10)} ${ms(t.max).padStart(9)} ${rate.padStart(14)} ${(t.median / ref.median).toFixed(2).padStart(15)} ${(t.min / ref.min).toFixed(2).padStart(12)}`,
    );
  }
}
