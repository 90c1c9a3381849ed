/**
 * The bench harness every package's bench/ imports (one copy, at the root beside bench-summary.mjs): every contender gets
 * the same warm-up and the same rounds, interleaved (round 1 of each, then round 2 of each…) so a load spike
 * on a shared machine hits them all alike, each run from a settled heap ({@link measure}). Times are wall
 * milliseconds per round; tables give min, median and max, ratios are taken on medians. {@link writeSummary}
 * leaves the rows `npm run bench`'s closing table (scripts/bench-summary.mjs) reads: one per hot path, examcycle
 * against its baseline, with the goal.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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
  /** The median CPU time of a round (this process, user + system): what "on one core" means on a loaded machine. */
  readonly cpuMedian: number;
}

/** A number knob from the environment (`BENCH_*`), or its default. */
export function knob(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not ${String(raw)}`);
  return value;
}

/** mulberry32: a small seeded generator, so every run sees the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How much of a core this machine gives now: a fixed 200M-step integer loop (about 200 ms on an idle modern
 * core). A figure "scaled to an idle core" is the measured one × 200 / this. The loop runs in a child `node`
 * with `--no-concurrent-osr`: with V8's default concurrent on-stack replacement it sometimes stays unoptimised
 * (about 10× slower, one process in four on the 2-core CI machine), which would flatter every scaled figure up
 * to 10×. The fastest of three runs is taken, so a scaled figure errs on the unflattering side.
 *
 * @example
 * ```ts
 * const scaled = medianMs * 200 / calibrate();
 * ```
 */
export function calibrate(): number {
  const loop = 'const s=performance.now();let x=0;for(let i=0;i<2e8;i+=1)x=(x+i*7)|0;process.stdout.write(String(x===0.5?0:performance.now()-s))';
  const runs: number[] = [];
  for (let k = 0; k < 3; k += 1) {
    const child = spawnSync(process.execPath, ['--no-concurrent-osr', '-e', loop], { encoding: 'utf8' });
    const ms = Number(child.stdout);
    if (child.status === 0 && Number.isFinite(ms) && ms > 0) runs.push(ms);
  }
  if (runs.length === 0) throw new Error('calibrate: the calibration child did not run');
  return Math.min(...runs);
}

/**
 * The median of some times (the lower middle of an even count), as every table and share here takes it.
 *
 * @param xs - the times, in any order (not changed)
 */
export function medianOf(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
}

function stats(name: string, rounds: number[], cpu: number[]): Timing {
  const sorted = [...rounds].sort((a, b) => a - b);
  return { name, rounds, min: sorted[0]!, median: medianOf(rounds), max: sorted[sorted.length - 1]!, cpuMedian: medianOf(cpu) };
}

/**
 * A full garbage collection, when the bench can ask for one (`--expose-gc`, or V8's flag set at run time), else
 * `undefined`.
 *
 * @example
 * ```ts
 * fullGc()?.();
 * ```
 */
export function fullGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/**
 * Runs every contender `warmup` times, then `rounds` interleaved rounds, and returns their timings.
 *
 * A full garbage collection runs before every run of every contender (warm-up included, outside the timing): each
 * run then pays for its own allocations and the collections they cause, and never for the garbage the contender
 * before it left (which otherwise falls on whichever runs next, so the lighter contender pays for the heavier one's
 * garbage at random). `settle: false` leaves the heap as the last run left it: for an absolute figure of a job in a
 * long-running process, which also pays its share of collecting what earlier jobs left.
 *
 * @example
 * ```ts
 * const [a, b] = await measure([{ name: 'a', run: () => f() }, { name: 'b', run: () => g() }], { warmup: 1, rounds: 5 });
 * ```
 */
export async function measure(contenders: readonly Contender[], { warmup, rounds, settle = true }: { warmup: number; rounds: number; settle?: boolean }): Promise<Timing[]> {
  const gc = settle ? fullGc() : undefined;
  if (settle && gc === undefined) throw new Error('measure: settle asks for a full GC, and this node gives none');
  for (let w = 0; w < warmup; w += 1)
    for (const c of contenders) {
      gc?.();
      await c.run();
    }
  const times = contenders.map(() => [] as number[]);
  const cpu = contenders.map(() => [] as number[]);
  for (let r = 0; r < Math.max(1, rounds); r += 1) {
    // The order turns each round, so no contender always runs first (after a GC) or last.
    for (let k = 0; k < contenders.length; k += 1) {
      const i = (k + r) % contenders.length;
      gc?.();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await contenders[i]!.run();
      times[i]!.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[i]!.push((used.user + used.system) / 1000);
    }
  }
  return contenders.map((c, i) => stats(c.name, times[i]!, cpu[i]!));
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
  out(`  ${'contender'.padEnd(56)} ${'min ms'.padStart(9)} ${'median ms'.padStart(10)} ${'max ms'.padStart(9)} ${`${unitName}/s`.padStart(14)} ${'ratio (median)'.padStart(15)} ${'ratio (min)'.padStart(12)}`);
  for (const t of timings) {
    const rate = Math.round((units / t.median) * 1000).toLocaleString('en-GB');
    out(
      `  ${t.name.padEnd(56)} ${ms(t.min).padStart(9)} ${ms(t.median).padStart(10)} ${ms(t.max).padStart(9)} ${rate.padStart(14)} ${(t.median / ref.median).toFixed(2).padStart(15)} ${(t.min / ref.min).toFixed(2).padStart(12)}`,
    );
  }
}

/** A contender's figures in the summary. */
export interface SummaryStat {
  readonly name: string;
  readonly minMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

/** One row of `npm run bench`'s closing table: a hot path, examcycle against a baseline, and the goal. */
export interface SummaryRow {
  readonly package: string;
  readonly path: string;
  readonly examcycle: SummaryStat;
  readonly baseline?: SummaryStat;
  /** examcycle median / baseline median. */
  readonly ratio?: number;
  /** The goal in words, e.g. `≤ 3× baseline`. */
  readonly goal?: string;
  /** Whether the goal is met (absent: no goal, the row is for information). */
  readonly met?: boolean;
  /** How long the calibration loop took in this process (≈200 ms on an idle core). */
  readonly calibrationMs?: number;
  readonly note?: string;
}

const stat = (t: Timing): SummaryStat => ({ name: t.name, minMs: t.min, medianMs: t.median, maxMs: t.max });

/**
 * A summary row from a table's timings: examcycle's contender against a baseline, with an optional goal
 * on the ratio of medians (`maxRatio`) or on examcycle's median time (`maxMs`, with `scale` turning the
 * median into the goal's unit, e.g. per 1 M entries; `onCpu` judges the median CPU time of a round instead of
 * its wall time: on a loaded machine the process's own CPU time is what "on one core" measures).
 *
 * @example
 * ```ts
 * row('rules-jcq', 'toICalendar', timings, 'toICalendar (UTC)', 'template join', { maxRatio: 3 });
 * ```
 */
export function row(
  pkg: string,
  path: string,
  timings: readonly Timing[],
  examcycle: string,
  baseline: string | undefined,
  goal: { readonly maxRatio?: number; readonly maxMs?: number; readonly scale?: number; readonly onCpu?: boolean; readonly text?: string; readonly calibrationMs?: number; readonly note?: string } = {},
): SummaryRow {
  const e = timings.find((t) => t.name === examcycle);
  if (e === undefined) throw new Error(`no contender named ${examcycle}`);
  const b = baseline === undefined ? undefined : timings.find((t) => t.name === baseline);
  if (baseline !== undefined && b === undefined) throw new Error(`no contender named ${baseline}`);
  const ratio = b === undefined ? undefined : e.median / b.median;
  let met: boolean | undefined;
  let text = goal.text;
  if (goal.maxRatio !== undefined && ratio !== undefined) {
    met = ratio <= goal.maxRatio;
    text ??= `≤ ${goal.maxRatio}× baseline`;
  }
  if (goal.maxMs !== undefined) {
    const scaled = (goal.onCpu === true ? e.cpuMedian : e.median) * (goal.scale ?? 1);
    met = (met ?? true) && scaled <= goal.maxMs;
    text ??= `< ${goal.maxMs} ms`;
  }
  return {
    package: pkg,
    path,
    examcycle: stat(e),
    ...(b === undefined || ratio === undefined ? {} : { baseline: stat(b), ratio }),
    ...(text === undefined ? {} : { goal: text }),
    ...(met === undefined ? {} : { met }),
    ...(goal.calibrationMs === undefined ? {} : { calibrationMs: goal.calibrationMs }),
    ...(goal.note === undefined ? {} : { note: goal.note }),
  };
}

/**
 * Writes a bench's summary rows to `.bench-out/<bench>.summary.json` in the package folder (git-ignored),
 * where `npm run bench`'s closing table finds them.
 *
 * @example
 * ```ts
 * writeSummary(new URL('..', import.meta.url), 'checks', rows);
 * ```
 */
export function writeSummary(packageFolder: URL, bench: string, rows: readonly SummaryRow[]): void {
  const dir = new URL('.bench-out/', packageFolder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${bench}.summary.json`, dir), `${JSON.stringify({ bench, writtenAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
}
