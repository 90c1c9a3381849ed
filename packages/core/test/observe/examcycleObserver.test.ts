import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  countIssuesByCode,
  createExamcycleRuntime,
  createMemoryStore,
  examCyclePersisted,
  isExamcycleError,
  notifyObserver,
  observerStopwatch,
  createDurableResultsStore,
  toLondon,
  type ExamcycleObserver,
  type ObservedEvent,
  type ObservedReadDenial,
  type ObservedStoreConflict,
  type ResultsReader,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer } from '../machines/cycleFixture.js';
import { candidates, centreResults, entries, june2026 as resultsSeries, qualifications, staff } from '../results/syntheticCentre.js';
import type { Instant } from '@examcycle/core';
import { ok } from '../results/resultsOutcome.js';

const KEY = { centreNumber: centre.centreNumber, id: june2026.id };
const INPUT = { centre, series: june2026, rulesPack: fixturePack, startedAt: START };

function clockAt(iso: string) {
  const clock = new SimulatedClock();
  clock.set(Date.parse(iso));
  return clock;
}

/** A host clock that moves 5 ms each time it is read. */
function tickingNow(): () => number {
  let t = 1000;
  return () => (t += 5);
}

function recorder(extra: Partial<ExamcycleObserver> = {}) {
  const events: ObservedEvent[] = [];
  const conflicts: ObservedStoreConflict[] = [];
  const denials: ObservedReadDenial[] = [];
  const observer: ExamcycleObserver = {
    onEvent: (e) => events.push(e),
    onStoreConflict: (c) => conflicts.push(c),
    onReadDenied: (d) => denials.push(d),
    ...extra,
  };
  return { observer, events, conflicts, denials };
}

const throwing: ExamcycleObserver = {
  now: () => {
    throw new Error('clock down');
  },
  onEvent: () => {
    throw new Error('logger down');
  },
  onStoreConflict: () => {
    throw new Error('metrics down');
  },
  onReadDenied: () => Promise.reject(new Error('async exporter down')) as unknown as void,
};

describe('ExamcycleObserver: the runtime', () => {
  it('tells the host of every event accepted and refused, with its code, revision and duration by the host clock', async () => {
    const { observer, events } = recorder({ now: tickingNow() });
    const runtime = createExamcycleRuntime({ store: createMemoryStore(), clock: clockAt('2025-09-02T08:00:00Z'), observer });
    const cycle = await runtime.open(examCyclePersisted, KEY, { input: INPUT });
    await cycle.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer });
    await cycle.send({ type: 'phase.advance', by: officer });
    expect(events).toEqual([
      { machine: 'examCycle', key: { ...KEY, machine: 'examCycle' }, type: 'task.complete', outcome: 'accepted', revision: 2, durationMs: 5 },
      { machine: 'examCycle', key: { ...KEY, machine: 'examCycle' }, type: 'phase.advance', outcome: 'rejected', code: 'guard_failed', revision: 3, durationMs: 5 },
    ]);
  });

  it('measures nothing without a host clock (core reads no real clock)', async () => {
    const { observer, events } = recorder();
    const cycle = await createExamcycleRuntime({ store: createMemoryStore(), clock: clockAt('2025-09-02T08:00:00Z'), observer }).open(examCyclePersisted, KEY, { input: INPUT });
    await cycle.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer });
    expect(events).toHaveLength(1);
    expect(events[0]).not.toHaveProperty('durationMs');
  });

  it('tells the host of a stale write, whether it is retried, and of the conflict outcome', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2025-09-02T08:00:00Z');
    const a = await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, KEY, { input: INPUT });
    const watched = recorder();
    const b = await createExamcycleRuntime({ store, clock, observer: watched.observer }).open(examCyclePersisted, KEY);
    await a.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer });
    await b.send({ type: 'task.complete', taskId: 'planning.secure-storage', by: officer });
    expect(watched.conflicts).toEqual([{ machine: 'examCycle', key: { ...KEY, machine: 'examCycle' }, type: 'task.complete', attempt: 1, willRetry: false }]);
    expect(watched.events.map((e) => [e.outcome, e.code])).toEqual([['rejected', 'conflict']]);

    const retrying = recorder();
    const c = await createExamcycleRuntime({ store, clock, conflictRetries: 1, observer: retrying.observer }).open(examCyclePersisted, KEY);
    await a.refresh();
    await a.send({ type: 'results.outstanding', count: 1, by: officer });
    expect((await c.send({ type: 'results.outstanding', count: 2, by: officer })).ok).toBe(true);
    expect(retrying.conflicts.map((x) => [x.attempt, x.willRetry])).toEqual([[1, true]]);
    expect(retrying.events.map((e) => e.outcome)).toEqual(['accepted']);
  });

  it('is never harmed by an observer that throws: outcomes and the stored log are the same as unwatched', async () => {
    const run = async (observer?: ExamcycleObserver) => {
      const store = createMemoryStore();
      const clock = clockAt('2025-09-02T08:00:00Z');
      const cycle = await createExamcycleRuntime({ store, clock, ...(observer ? { observer } : {}) }).open(examCyclePersisted, KEY, { input: INPUT });
      const other = await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, KEY);
      const outcomes = [
        await cycle.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer }),
        await cycle.send({ type: 'phase.advance', by: officer }),
        await other.send({ type: 'results.outstanding', count: 1, by: officer }),
      ].map((o) => [o.ok, o.ok ? null : o.error.code, o.revision]);
      return { outcomes, log: (await cycle.audit()).map((l) => [l.event, l.outcome]) };
    };
    expect(await run(throwing)).toEqual(await run());
  });
});

describe('ExamcycleObserver: the results store', () => {
  function manualClock(at: Instant) {
    const t = toLondon(at).toMillis();
    return { now: () => t };
  }
  const EO = { id: 'EO', role: 'exams_officer' } as const;
  const staffReader = (id: string): ResultsReader => ({ audience: 'centre_staff', id });
  const open = (observer: ExamcycleObserver) =>
    createDurableResultsStore({ store: createMemoryStore(), centreNumber: '12345', rulesPack: fixturePack, series: resultsSeries, clock: manualClock('2026-08-12T09:00:00+01:00'), entries, candidates, qualifications, staff, observer });

  it('tells the host of every read denied, with who asked and why, and nothing of reads allowed', async () => {
    const { observer, denials } = recorder();
    const s = await open(observer);
    await ok(s.addResults(centreResults(), EO));
    await ok(s.statementOfResults(staffReader('EO'), 'C-1'));
    await ok(s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' })).catch((e: unknown) => e);
    await ok(s.statementOfResults(null as unknown as ResultsReader, 'C-1')).catch((e: unknown) => e);
    expect(denials.map((d) => [d.store, d.read, d.code, d.readerId ?? null])).toEqual([
      ['results', 'statement', 'access_denied', 'T-BIO'],
      ['results', 'statement', 'access_denied', null],
    ]);
    expect(denials[0]!.reason.length).toBeGreaterThan(0);
  });

  it('still refuses and audits a denied read when the observer throws or rejects', async () => {
    const s = await open(throwing);
    await ok(s.addResults(centreResults(), EO));
    const error = await ok(s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' })).catch((e: unknown) => e);
    expect(isExamcycleError(error) && error.code).toBe('access_denied');
    expect((await s.audit()).filter((a) => a.outcome === 'rejected').map((a) => a.event)).toEqual(['results.read.statement']);
  });
});

describe('notifyObserver / observerStopwatch / countIssuesByCode', () => {
  it('calls nothing for a missing observer or callback, and swallows what a callback throws', () => {
    expect(() => notifyObserver(undefined, 'onImport', { source: 'csv', rows: 0, records: 0, issues: {} })).not.toThrow();
    expect(() => notifyObserver({}, 'onImport', { source: 'csv', rows: 0, records: 0, issues: {} })).not.toThrow();
    expect(() => notifyObserver({ onImport: () => { throw new Error('x'); } }, 'onImport', { source: 'csv', rows: 0, records: 0, issues: {} })).not.toThrow();
  });
  it('measures by the host clock only, and nothing when it fails or runs backwards', () => {
    expect(observerStopwatch(undefined)()).toBeUndefined();
    expect(observerStopwatch({ now: tickingNow() })()).toBe(5);
    let t = 10;
    expect(observerStopwatch({ now: () => (t -= 1) })()).toBeUndefined();
    expect(observerStopwatch({ now: () => Number.NaN })()).toBeUndefined();
  });
  it('counts issues by code', () => {
    expect(countIssuesByCode([{ code: 'invalid_value' }, { code: 'malformed_row' }, { code: 'invalid_value' }])).toEqual({ invalid_value: 2, malformed_row: 1 });
  });
});
