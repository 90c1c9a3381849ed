import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test as fcTest } from '@fast-check/vitest';
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  createExamCycle,
  createExamcycleRuntime,
  createMemoryStore,
  enquiryPersisted,
  eopsPersisted,
  eopsRecords,
  examCyclePersisted,
  examSeries,
  invigilatorBookingPersisted,
  isExamcycleError,
  persistSnapshot,
  type ClaimedSignal,
  type PersistedSnapshot,
  VERSION_2_BOOKING_GRANTS,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer } from '../machines/cycleFixture.js';
import { goldenRun } from '../machines/goldenRun.js';
import { EOPS_GRANTS, CENTRE as EOPS_CENTRE, as, users } from '../eops/eopsFixture.js';
import eopsGoldenV2 from '../eops/fixtures/eops.v2.json' with { type: 'json' };

const KEY = { centreNumber: centre.centreNumber, id: june2026.id };
const INPUT = { centre, series: june2026, rulesPack: fixturePack, startedAt: START };

function clockAt(iso: string) {
  const clock = new SimulatedClock();
  clock.set(Date.parse(iso));
  return clock;
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('createExamcycleRuntime: one durable host for the exam cycle', () => {
  it('starts a new cycle at revision 1 with its start line in the store log', async () => {
    const store = createMemoryStore();
    const runtime = createExamcycleRuntime({ store, clock: clockAt('2025-09-01T08:00:00Z') });
    const cycle = await runtime.open(examCyclePersisted, KEY, { input: INPUT });
    expect(cycle.revision).toBe(1);
    expect((await cycle.audit()).map((a) => [a.seq, a.event])).toEqual([[1, 'cycle.start']]);
    expect((await store.loadSnapshot({ ...KEY, machine: 'examCycle' }))?.revision).toBe(1);
  });

  it('saves each accepted and each rejected event with its audit line, at the next revision', async () => {
    const store = createMemoryStore();
    const runtime = createExamcycleRuntime({ store, clock: clockAt('2025-09-02T08:00:00Z') });
    const cycle = await runtime.open(examCyclePersisted, KEY, { input: INPUT });
    const done = await cycle.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer });
    expect(done).toMatchObject({ ok: true, revision: 2, entry: { seq: 2, event: 'task.complete', outcome: 'accepted' } });
    const refused = await cycle.send({ type: 'phase.advance', by: officer });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('guard_failed');
    expect(refused).toMatchObject({ revision: 3, entry: { seq: 3, outcome: 'rejected' } });
    expect(persistSnapshot).toBeTypeOf('function');
    const reopened = await createExamcycleRuntime({ store, clock: clockAt('2025-09-03T08:00:00Z') }).open(examCyclePersisted, KEY);
    expect(reopened.snapshot().context.tasks.find((t) => t.id === 'planning.annual-plan')!.status).toBe('done');
    expect(reopened.revision).toBe(3);
  });

  it('reports a stale write as a typed conflict and writes nothing; a retry applies it to the fresh state', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2025-09-02T08:00:00Z');
    const a = await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, KEY, { input: INPUT });
    const b = await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, KEY);
    expect((await a.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer })).ok).toBe(true);
    const stale = await b.send({ type: 'task.complete', taskId: 'planning.secure-storage', by: officer });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect((await store.readAudit({ ...KEY, machine: 'examCycle' })).map((l) => l.event)).toEqual(['cycle.start', 'task.complete']);
    // b reloaded after the conflict: sending again applies to a's state.
    expect(b.snapshot().context.tasks.find((t) => t.id === 'planning.annual-plan')!.status).toBe('done');
    expect((await b.send({ type: 'task.complete', taskId: 'planning.secure-storage', by: officer })).ok).toBe(true);
    const c = await createExamcycleRuntime({ store, clock, conflictRetries: 2 }).open(examCyclePersisted, KEY);
    await a.refresh();
    await a.send({ type: 'results.outstanding', count: 1, by: officer });
    const retried = await c.send({ type: 'results.outstanding', count: 2, by: officer });
    expect(retried).toMatchObject({ ok: true, revision: 5 });
  });

  it('refuses to open a missing key without input, and a corrupt stored snapshot, typed', async () => {
    const store = createMemoryStore();
    const runtime = createExamcycleRuntime({ store, clock: clockAt('2025-09-02T08:00:00Z') });
    await expect(runtime.open(examCyclePersisted, KEY)).rejects.toMatchObject({ code: 'invalid_value' });
    const bad = JSON.parse(JSON.stringify(persistSnapshot(goldenRun()))) as PersistedSnapshot;
    (bad.snapshot as { context: { tasks: unknown } }).context.tasks = 'gone';
    await store.saveSnapshot({ ...KEY, machine: 'examCycle' }, bad, { expectedRevision: null });
    await expect(runtime.open(examCyclePersisted, KEY)).rejects.toMatchObject({ code: 'snapshot_invalid' });
  });

  it('moves a version-1 snapshot\'s audit trail into the store log once, then stores the current version', async () => {
    const store = createMemoryStore();
    const v1 = JSON.parse(readFileSync(fileURLToPath(new URL('../machines/fixtures/examCycle.v1.json', import.meta.url)), 'utf8')) as PersistedSnapshot;
    const oldLines = (v1.snapshot as { context: { audit: unknown[] } }).context.audit.length;
    await store.saveSnapshot({ ...KEY, machine: 'examCycle' }, v1, { expectedRevision: null });
    const cycle = await createExamcycleRuntime({ store, clock: clockAt('2026-02-11T08:00:00Z') }).open(examCyclePersisted, KEY);
    expect((await cycle.audit()).length).toBe(oldLines);
    expect((await store.loadSnapshot({ ...KEY, machine: 'examCycle' }))!.saved.version).toBe(3);
    await createExamcycleRuntime({ store, clock: clockAt('2026-02-11T08:00:00Z') }).open(examCyclePersisted, KEY);
    expect((await cycle.audit()).length).toBe(oldLines);
  });

  it('keeps a snapshot under 100 kB and the log to signal changes after a simulated year of hourly ticks', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2025-09-01T08:00:00Z');
    const cycle = await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, KEY, { input: INPUT });
    let lines = 1;
    for (let h = 0; h < 365 * 24; h += 1) {
      clock.increment(3_600_000);
      const outcome = await cycle.tick();
      if (outcome.entry) lines += 1;
    }
    const saved = await store.loadSnapshot({ ...KEY, machine: 'examCycle' });
    const bytes = Buffer.byteLength(JSON.stringify(saved!.saved));
    expect(bytes).toBeLessThan(100_000);
    const log = await cycle.audit();
    expect(log.length).toBe(lines);
    // One line per change of signal (due soon, then overdue, per dated task), not 8,760.
    expect(log.length).toBeLessThan(200);
  });

  it('delivers each deadline signal once, across workers and restarts', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2025-09-01T08:00:00Z');
    await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, KEY, { input: INPUT });
    await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, { ...KEY, centreNumber: '10001' }, { input: { ...INPUT, centre: { centreNumber: '10001', name: 'Other' } } });
    const delivered: ClaimedSignal[] = [];
    const seen = new Set<string>();
    for (let day = 0; day < 200; day += 1) {
      clock.increment(86_400_000);
      // Two workers (fresh runtimes, as after restarts) wake due cycles and deliver, interleaved.
      for (const worker of [createExamcycleRuntime({ store, clock }), createExamcycleRuntime({ store, clock })]) {
        await worker.wakeDue();
        await worker.deliverSignals((s) => {
          delivered.push(s);
        });
      }
    }
    const ids = delivered.map((s) => `${s.key.centreNumber}|${s.id}`);
    for (const id of ids) {
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
    expect(delivered.some((s) => s.type === 'deadline.overdue' && s.payload['taskId'] === 'entries.submitted')).toBe(true);
    expect(delivered.filter((s) => s.key.centreNumber === '10001').length).toBe(delivered.filter((s) => s.key.centreNumber === centre.centreNumber).length);
  });

  const eventArb = fc.oneof(
    fc.record({ type: fc.constant('task.complete'), taskId: fc.constantFrom('planning.annual-plan', 'planning.secure-storage', 'entries.gathered', 'nope') }),
    fc.record({ type: fc.constant('task.reopen'), taskId: fc.constantFrom('planning.annual-plan', 'entries.gathered'), reason: fc.constant('redo') }),
    fc.record({ type: fc.constant('phase.advance') }),
    fc.record({ type: fc.constant('results.outstanding'), count: fc.integer({ min: -1, max: 3 }) }),
    fc.record({ type: fc.constant('clock.tick') }),
  );

  fcTest.prop([fc.array(fc.tuple(eventArb, fc.boolean(), fc.integer({ min: 0, max: 96 })), { maxLength: 25 })], { numRuns: 40, seed: 11 })(
    'random events through open/send/close/reopen behave like one long-lived actor',
    async (steps) => {
      const clock = clockAt('2025-09-01T08:00:00Z');
      const store = createMemoryStore();
      const runtime = createExamcycleRuntime({ store, clock });
      let hosted = await runtime.open(examCyclePersisted, KEY, { input: INPUT });
      const single = createExamCycle({ clock, input: INPUT, tickEveryMs: 0 });
      for (const [event, reopen, hours] of steps) {
        clock.increment(hours * 3_600_000);
        const e = { ...event, by: officer };
        const a = await hosted.send(e);
        const b = single.send(e as never);
        expect(a.ok).toBe(b.ok);
        if (reopen) {
          hosted.close();
          hosted = await runtime.open(examCyclePersisted, KEY);
        }
      }
      const { lastEventAt: _a, ...hostedContext } = hosted.snapshot().context;
      const { lastEventAt: _b, ...singleContext } = single.actor.getSnapshot().context;
      expect(hosted.snapshot().value).toEqual(single.actor.getSnapshot().value);
      expect(hostedContext).toEqual(singleContext);
    },
  );
});

describe('createExamCycle: what starts a cycle is checked at once', () => {
  it('refuses a series the rules pack does not know with unknown_series, before any actor exists', () => {
    const e = errorOf(() => createExamCycle({ clock: clockAt('2025-09-01T08:00:00Z'), input: { centre, series: examSeries('november', 2031), rulesPack: fixturePack } }));
    expect(isExamcycleError(e) && e.code).toBe('unknown_series');
  });

  it('refuses a centre number that is not five digits', () => {
    const e = errorOf(() => createExamCycle({ clock: clockAt('2025-09-01T08:00:00Z'), input: { centre: { centreNumber: '12', name: 'X' }, series: june2026, rulesPack: fixturePack } }));
    expect(isExamcycleError(e) && e.code).toBe('invalid_value');
  });
});

describe('createExamcycleRuntime: every machine hosted the same way', () => {
  const eo = { id: 'eo-1', role: 'exams_officer' } as const;

  it('hosts an invigilator booking: typed outcomes, its audit in the store, and expiry by the deadline worker', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2026-05-01T08:00:00Z');
    const runtime = createExamcycleRuntime({ store, clock });
    const input = { bookingId: 'b-1', invigilatorId: 'inv-1', date: '2026-06-01' as const, session: 'AM' as const, offeredAt: '2026-05-01T09:00:00+01:00' as const, respondBy: '2026-05-08T17:00:00+01:00' as const, by: eo, grants: VERSION_2_BOOKING_GRANTS };
    const booking = await runtime.open(invigilatorBookingPersisted, { centreNumber: '68199', id: 'b-1' }, { input });
    const refused = await booking.send({ type: 'accept', by: { id: 'someone-else', role: 'teacher' } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && isExamcycleError(refused.error)).toBe(true);
    const other = await runtime.open(invigilatorBookingPersisted, { centreNumber: '68199', id: 'b-2' }, { input: { ...input, bookingId: 'b-2' } });
    clock.set(Date.parse('2026-05-09T08:00:00Z'));
    const woken = await runtime.wakeDue();
    expect(woken.woken).toBeGreaterThanOrEqual(1);
    await other.refresh();
    expect(other.snapshot().value).toBe('expired');
    expect((await other.audit()).map((l) => l.event)).toEqual(['offer', 'expire']);
  });

  it('hosts EOPS (no input) and an enquiry, and refuses their bad events typed', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2026-08-13T09:00:00Z');
    const runtime = createExamcycleRuntime({ store, clock });
    const eops = await runtime.open(eopsPersisted, { centreNumber: '68199', id: 'centre' }, { input: undefined });
    const bad = await eops.send({ type: 'centre.register', centre: { centreNumber: '12' }, by: eo });
    expect(bad.ok).toBe(false);
    expect(bad.revision).toBe(2);
    expect((await eops.audit()).at(-1)).toMatchObject({ seq: 1, outcome: 'rejected' });
    const enquiry = await runtime.open(enquiryPersisted, { centreNumber: '68199', id: 'EAR-1' }, {
      input: {
        id: 'EAR-1', candidateId: 'C-1', series: june2026, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', componentCodes: ['74021'],
        resultId: 'R-C-1-7402', service: 'review_of_marking', originalGrade: 'B', rulesPack: fixturePack, createdAt: '2026-08-13T10:00:00+01:00', by: eo,
      },
    });
    const nonsense = await enquiry.send({ type: 'enquiry.teleport', by: eo });
    expect(!nonsense.ok && nonsense.error.code).toBe('event_rejected');
    expect((await enquiry.audit()).map((l) => [l.seq, l.outcome])).toEqual([[1, 'accepted'], [2, 'rejected']]);
    const reopened = await createExamcycleRuntime({ store, clock }).open(enquiryPersisted, { centreNumber: '68199', id: 'EAR-1' });
    expect(reopened.snapshot().value).toEqual(enquiry.snapshot().value);
  });
});

describe('createExamcycleRuntime: a failed save', () => {
  it('reports the store error and goes back to the stored state, so nothing unsaved is shown', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2025-09-02T08:00:00Z');
    const cycle = await createExamcycleRuntime({ store, clock }).open(examCyclePersisted, KEY, { input: INPUT });
    const failing = { ...store, saveSnapshot: () => Promise.reject(new Error('connection reset')) } as typeof store;
    const broken = await createExamcycleRuntime({ store: failing, clock }).open(examCyclePersisted, KEY);
    await expect(broken.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer })).rejects.toThrow('connection reset');
    expect(broken.snapshot().context.tasks.find((t) => t.id === 'planning.annual-plan')!.status).toBe('open');
    expect(broken.revision).toBe(cycle.revision);
  });
});

describe('createExamcycleRuntime: EOPS officer-years', () => {
  it('hosts an EOPS centre with one officer-year actor per officer per year: saved with the centre, seen by another worker, lapsed by the rollover tick', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2025-09-02T08:00:00Z');
    const runtime = createExamcycleRuntime({ store, clock });
    const key = { centreNumber: '12345', id: 'eops' };
    const eops = await runtime.open(eopsPersisted, key, { input: { grants: EOPS_GRANTS } });
    const send = (e: Record<string, unknown>) => eops.send(e as never);
    expect((await send({ type: 'centre.register', centre: EOPS_CENTRE, user: users.slt, by: as.slt })).ok).toBe(true);
    await send({ type: 'account.register', user: users.amber, by: as.amber });
    await send({ type: 'account.approve', accountId: 'eo-1', by: as.slt });
    await send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', by: as.slt });
    const declared = await send({ type: 'standards.declare', officerId: 'eo-1', by: as.amber });
    expect(declared).toMatchObject({ ok: false, error: { code: 'not_authorised', rule: 'eops.standards.declare' } });
    const signed = await send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', by: as.amber });
    expect(signed).toMatchObject({ ok: true, entry: { event: 'valuesAndAttributes.sign', from: 'inProgress', to: 'inProgress', seq: 6 } });
    const other = await createExamcycleRuntime({ store, clock }).open(eopsPersisted, key);
    expect(eopsRecords(other.snapshot())[0]?.valuesAndAttributes.statement?.by).toEqual(as.amber);
    clock.set(Date.parse('2026-09-01T00:00:00+01:00'));
    expect((await runtime.wakeDue()).woken).toBe(1);
    await other.refresh();
    expect(eopsRecords(other.snapshot())[0]?.lapsedAt).not.toBeNull();
    expect((await other.audit()).at(-1)).toMatchObject({ event: 'year.rollover', outcome: 'accepted' });
  });

  it('opens a centre stored at snapshot version 2 as one officer-year actor per record', async () => {
    const store = createMemoryStore();
    const clock = clockAt('2025-10-01T08:00:00Z');
    const key = { centreNumber: '12345', id: 'eops' };
    await store.saveSnapshot({ ...key, machine: 'eops' }, eopsGoldenV2 as PersistedSnapshot, { expectedRevision: null });
    const eops = await createExamcycleRuntime({ store, clock }).open(eopsPersisted, key);
    expect(Object.keys((eops.snapshot() as { children: object }).children)).toEqual(['officerYear:eo-1:2025/26', 'officerYear:eo-2:2025/26']);
    const outcome = await eops.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', by: as.lm } as never);
    expect(outcome).toMatchObject({ ok: true, revision: 2 });
    const stored = await store.loadSnapshot({ ...key, machine: 'eops' });
    expect(stored?.saved).toMatchObject({ machine: 'eops', version: 3 });
  });
});
