/**
 * Long fuzz run over restore: every shipped machine's golden snapshot, mutated (values set to junk, keys
 * deleted, keys renamed to `__proto__`, truncated JSON), must be refused with an ExamcycleError or restore
 * into an active actor whose context passes the machine's schema and that then takes events without error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isExamcycleError, restoreSnapshot, shippedMachineSpecs, type PersistedSnapshot } from '@examcycle/core';
import type { FuzzRow } from './fuzzRow.js';
import { prng as rng } from './prng.js';

function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return fixtures(p);
    // Every version's golden fixture: the current format, and the older ones through their migrations.
    return /\.(v\d+\.)?snapshot\.json$|\.v\d+\.json$/.test(name) ? [p] : [];
  });
}


/** A finding, printed with the input (first ones only) so it can become a regression test. */
let reported = 0;
function report(machine: string, what: string, input: unknown): void {
  if (reported++ < 5) process.stderr.write(`fuzz snapshots: ${machine}: ${what}: ${JSON.stringify(input).slice(0, 2000)}\n`);
}

const JUNK: readonly unknown[] = [null, '', 'dpen', 'toString', '__proto__', 'error', 'done', -1, 0, 1e308, true, [], {}, 'x'.repeat(5000)];

function paths(u: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (u === null || typeof u !== 'object') return [prefix];
  const entries = Array.isArray(u) ? u.map((v, i) => [i, v] as const) : Object.entries(u);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function mutate(base: PersistedSnapshot, random: () => number, all: (string | number)[][]): unknown {
  const text = JSON.stringify(base);
  const kind = random();
  if (kind < 0.1) {
    // A torn write: the text cut anywhere; whatever still parses is tried.
    try {
      return JSON.parse(text.slice(0, Math.floor(random() * text.length)));
    } catch {
      return text.slice(0, 10);
    }
  }
  const copy = JSON.parse(text) as Record<string | number, unknown>;
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i += 1) {
    const path = all[Math.floor(random() * all.length)]!;
    if (path.length === 0) continue;
    let node: Record<string | number, unknown> = copy;
    for (const k of path.slice(0, -1)) {
      const next = node[k];
      if (next === null || typeof next !== 'object') break;
      node = next as Record<string | number, unknown>;
    }
    const last = path[path.length - 1]!;
    const r = random();
    if (r < 0.4) node[last] = structuredClone(JUNK[Math.floor(random() * JUNK.length)]);
    else if (r < 0.7) delete node[last];
    else return JSON.parse(JSON.stringify(copy).replace(`"${String(last)}":`, '"__proto__":'));
  }
  return copy;
}

/**
 * Runs `inputs` mutated snapshots through restore, spread over every golden fixture of every shipped machine
 * (each version: the current format, and older ones through their migrations).
 *
 * @param inputs - how many mutated snapshots to try
 * @example
 * ```ts
 * const row = await fuzzSnapshots(10_000);
 * ```
 */
export async function fuzzSnapshots(inputs: number): Promise<FuzzRow> {
  const root = fileURLToPath(new URL('../test', import.meta.url));
  const bases = fixtures(root).map((p) => JSON.parse(readFileSync(p, 'utf8')) as PersistedSnapshot);
  const specs = new Map(shippedMachineSpecs().map((s) => [s.machine.id, s]));
  const usable = bases.filter((b) => specs.has(b.machine));
  const random = rng(20261203);
  const started = performance.now();
  let untyped = 0;
  let over = 0;
  let peak = 0;
  const allPaths = usable.map((b) => paths(b));
  for (let i = 0; i < inputs; i += 1) {
    const which = i % usable.length;
    const base = usable[which]!;
    const spec = specs.get(base.machine)!;
    const input = mutate(base, random, allPaths[which]!);
    const t0 = performance.now();
    try {
      const actor = restoreSnapshot(spec.machine, input);
      let failed = false;
      actor.subscribe({ error: () => (failed = true) });
      actor.start();
      const snap = actor.getSnapshot() as { context: unknown; status: string };
      if (snap.status !== 'active' || !spec.context.safeParse(snap.context).success || failed) {
        untyped += 1;
        report(base.machine, 'restored into an invalid actor', input);
      }
      actor.send({ type: spec.tickEvent ?? 'clock.tick', at: '2030-01-01T00:00:00Z', by: { id: 'fuzz', role: 'system' } } as never);
      if (failed) {
        untyped += 1;
        report(base.machine, 'errored on an event after restore', input);
      }
      actor.stop();
    } catch (e) {
      if (!isExamcycleError(e)) {
        untyped += 1;
        report(base.machine, `untyped throw: ${String(e)}`, input);
      }
    }
    if (performance.now() - t0 > 1000) over += 1;
    if (i % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  return {
    package: 'core',
    surface: `snapshots (${usable.map((b) => b.machine).join(', ')})`,
    inputs,
    untypedThrows: untyped,
    rowsLost: 0,
    unauthorisedReads: 0,
    over1s: over,
    peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
