/// <reference types="node" />
/**
 * The durable runtime's benchmark (issue 11), in one run on the memory store:
 * 1. Snapshot bytes and audit lines after a simulated year of hourly clock ticks on a June series, against the
 *    same year with the trail kept in the snapshot and every tick audited (version 1's shape, rebuilt from the
 *    same run: the context plus one line per event and per tick).
 * 2. A persisted cycle event through `runtime.send` (validated event, audit line, signals, revision check)
 *    against what a competent engineer writes first: the raw xstate actor of the same machine, sent the same
 *    event and saved through the same store's `saveSnapshot`. Equal warm-up and rounds; min / median / max.
 * Run: `npm run bench -w @examcycle/core` (BENCH_ROUNDS, default 5; BENCH_EVENTS per round, default 300).
 */
import { createActor, SimulatedClock } from 'xstate';
import { createExamcycleRuntime, createMemoryStore, examCycleMachine, examCyclePersisted, examSeries, persistSnapshot, type AuditLine } from '@examcycle/core';
import { fixturePack } from '../test/fixtures/fixturePack.js';
import { calibrate, writeSummary, type SummaryRow } from '../../../scripts/bench/measure.js';
import type { Instant } from '@examcycle/core';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 300);
const print = (line = ''): void => void process.stdout.write(`${line}\n`);
const summary: SummaryRow[] = [];
const calibrationMs = calibrate();
const series = examSeries('june', 2026);
const centre = { centreNumber: '68199', name: 'Synthetic Academy' };
const input = { centre, series, rulesPack: fixturePack, startedAt: '2025-09-01T09:00:00.000+01:00' as Instant };
const officer = { id: 'eo-1', role: 'exams_officer' } as const;

async function yearOfTicks(): Promise<void> {
  const clock = new SimulatedClock();
  clock.set(Date.parse('2025-09-01T08:00:00Z'));
  const store = createMemoryStore();
  const cycle = await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, { centreNumber: centre.centreNumber, id: series.id }, { input });
  const lines: AuditLine[] = [];
  const t0 = performance.now();
  for (let h = 0; h < 365 * 24; h += 1) {
    clock.increment(3_600_000);
    await cycle.tick();
  }
  const ms = performance.now() - t0;
  const saved = await store.loadSnapshot(cycle.key);
  const bytes = Buffer.byteLength(JSON.stringify(saved!.saved));
  const log = await cycle.audit();
  lines.push(...log);
  const tickLine = JSON.stringify({ seq: 9999, at: '2026-02-10T10:00:00.000+00:00', by: { id: 'examcycle', role: 'system' }, event: 'clock.tick', from: 'planning', to: 'planning', outcome: 'accepted', details: { overdue: 1, dueSoon: 2 } });
  const v1Bytes = bytes + Buffer.byteLength(JSON.stringify(log)) + (365 * 24 - log.filter((l) => l.event === 'clock.tick').length) * (tickLine.length + 1);
  print('Durable runtime: a June series ticked hourly for a year (8,760 ticks), memory store');
  print(`  snapshot now        ${bytes.toLocaleString('en-GB')} bytes, ${log.length} audit lines in the store's log (target < 100 kB)`);
  print(`  version-1 shape     ${v1Bytes.toLocaleString('en-GB')} bytes in the snapshot (trail inside, every tick a line: ${(365 * 24 + 1).toLocaleString('en-GB')} lines), rebuilt from this run`);
  print(`  ratio               ${(v1Bytes / bytes).toFixed(1)}× smaller; ${(ms / (365 * 24)).toFixed(3)} ms per tick through the runtime`);
  summary.push({
    package: 'core',
    path: 'cycle snapshot bytes after a year of hourly ticks (June series)',
    examcycle: { name: 'snapshot bytes', minMs: bytes, medianMs: bytes, maxMs: bytes },
    goal: '< 100 kB, independent of key dates and events seen',
    met: bytes < 100_000,
    calibrationMs,
    note: `figures are bytes, not ms; version-1 shape ${v1Bytes.toLocaleString('en-GB')} bytes`,
  });
}

function stats(xs: readonly number[]): { min: number; median: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
}

async function persistedEvents(): Promise<void> {
  const events = (i: number) => ({ type: i % 2 === 0 ? 'task.complete' : 'task.reopen', taskId: 'planning.annual-plan', reason: 'redo', by: officer }) as const;
  const runtimeRound = async (): Promise<number> => {
    const clock = new SimulatedClock();
    clock.set(Date.parse('2025-09-02T08:00:00Z'));
    const cycle = await createExamcycleRuntime({ store: createMemoryStore(), clock }).open(examCyclePersisted, { centreNumber: centre.centreNumber, id: series.id }, { input });
    const t0 = performance.now();
    for (let i = 0; i < EVENTS; i += 1) {
      clock.increment(60_000);
      await cycle.send(events(i));
    }
    return ((performance.now() - t0) * 1000) / EVENTS;
  };
  const rawRound = async (): Promise<number> => {
    const store = createMemoryStore();
    const key = { centreNumber: centre.centreNumber, machine: 'examCycle', id: series.id };
    const actor = createActor(examCycleMachine, { input }).start();
    let revision = (await store.saveSnapshot(key, persistSnapshot(actor), { expectedRevision: null })).revision;
    let at = Date.parse('2025-09-02T08:00:00Z');
    const t0 = performance.now();
    for (let i = 0; i < EVENTS; i += 1) {
      at += 60_000;
      actor.send({ ...events(i), at: (new Date(at).toISOString() as Instant) });
      revision = (await store.saveSnapshot(key, persistSnapshot(actor), { expectedRevision: revision })).revision;
    }
    return ((performance.now() - t0) * 1000) / EVENTS;
  };
  await runtimeRound();
  await rawRound();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    if (r % 2 === 0) {
      a.push(await runtimeRound());
      b.push(await rawRound());
    } else {
      b.push(await rawRound());
      a.push(await runtimeRound());
    }
  }
  const sa = stats(a);
  const sb = stats(b);
  print('');
  print(`Persisted cycle event (${EVENTS} events × ${ROUNDS} rounds, 1 warm-up round each, interleaved), µs per event: min / median / max`);
  print(`  runtime.send                                  ${sa.min.toFixed(0)} / ${sa.median.toFixed(0)} / ${sa.max.toFixed(0)}`);
  print(`  raw xstate actor + store.saveSnapshot          ${sb.min.toFixed(0)} / ${sb.median.toFixed(0)} / ${sb.max.toFixed(0)}`);
  print(`  ratio (medians)                               ${(sa.median / sb.median).toFixed(2)}×`);
  summary.push({
    package: 'core',
    path: 'persisted cycle event: runtime.send vs raw xstate + store.saveSnapshot (µs per event)',
    examcycle: { name: 'runtime.send', minMs: sa.min / 1000, medianMs: sa.median / 1000, maxMs: sa.max / 1000 },
    baseline: { name: 'raw xstate actor + store.saveSnapshot', minMs: sb.min / 1000, medianMs: sb.median / 1000, maxMs: sb.max / 1000 },
    ratio: sa.median / sb.median,
    goal: '≤ 3× baseline',
    met: sa.median / sb.median <= 3,
    calibrationMs,
  });
}

await yearOfTicks();
await persistedEvents();
writeSummary(new URL('..', import.meta.url), 'runtime', summary);
