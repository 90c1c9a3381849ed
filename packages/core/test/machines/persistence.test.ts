import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createExamCycle, examCycleMachine, isExamcycleError, persistSnapshot, restoreSnapshot, type PersistedSnapshot } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer } from './cycleFixture.js';
import { goldenRun } from './goldenRun.js';

const goldenPath = fileURLToPath(new URL('./fixtures/examCycle.v2.json', import.meta.url));
const goldenV1Path = fileURLToPath(new URL('./fixtures/examCycle.v1.json', import.meta.url));

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('persistSnapshot / restoreSnapshot', () => {
  it('carries the machine id and the snapshot format version', () => {
    const saved = persistSnapshot(goldenRun());
    expect(saved).toMatchObject({ format: 'examcycle.snapshot', machine: 'examCycle', version: 2 });
  });

  it('matches the golden v2 fixture, so an accidental format change fails here', () => {
    const saved = JSON.parse(JSON.stringify(persistSnapshot(goldenRun()))) as PersistedSnapshot;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, `${JSON.stringify(saved, null, 2)}\n`);
    expect(saved).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
  });

  it('restores the golden fixture into a new actor that carries on where it stopped (as after a restart)', () => {
    const restored = restoreSnapshot(examCycleMachine, JSON.parse(readFileSync(goldenPath, 'utf8'))).start();
    const snap = restored.getSnapshot();
    expect(snap.value).toBe('entries');
    expect(snap.context.signals.map((s) => [s.taskId, s.status])).toContainEqual(['entries.submitted', 'due_soon']);
    restored.send({ type: 'task.complete', taskId: 'entries.gathered', at: '2026-02-11T10:00:00.000Z', by: officer });
    expect(restored.getSnapshot().context.tasks.find((t) => t.id === 'entries.gathered')!.status).toBe('done');
    expect(restored.getSnapshot().context).not.toHaveProperty('audit');
  });

  it('still restores the golden v1 fixture (audit trail in the context) through the shipped migration', () => {
    const v1 = JSON.parse(readFileSync(goldenV1Path, 'utf8')) as PersistedSnapshot;
    expect(v1.version).toBe(1);
    const restored = restoreSnapshot(examCycleMachine, v1).start();
    expect(restored.getSnapshot().value).toBe('entries');
    expect(restored.getSnapshot().context).not.toHaveProperty('audit');
    // Everything but the key dates' confidence, which the v1 fixture states on the old two-value scale.
    // and but the tasks the catalogue gained since (results-day logistics, issue 18), which a v1 cycle never had.
    const { keyDates: oldDates, tasks: oldTasks, signals: oldSignals, ...restoredRest } = restored.getSnapshot().context;
    const { keyDates: newDates, tasks: newTasks, signals: newSignals, ...goldenRest } = goldenRun().getSnapshot().context;
    expect(restoredRest).toEqual(goldenRest);
    expect(oldTasks).toEqual(newTasks.filter((t) => oldTasks.some((o) => o.id === t.id)));
    expect(oldSignals).toEqual(newSignals.filter((t) => oldSignals.some((o) => o.taskId === t.taskId)));
    expect(oldDates.map(({ confidence: _c, ...k }) => k)).toEqual(newDates.map(({ confidence: _c, ...k }) => k));
  });

  it('round-trips through a JSON string', () => {
    const actor = goldenRun();
    const restored = restoreSnapshot(examCycleMachine, JSON.parse(JSON.stringify(persistSnapshot(actor)))).start();
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
    expect(restored.getSnapshot().value).toEqual(actor.getSnapshot().value);
  });

  it('refuses a snapshot of another machine', () => {
    const saved = { ...persistSnapshot(goldenRun()), machine: 'eops' };
    const e = errorOf(() => restoreSnapshot(examCycleMachine, saved));
    expect(isExamcycleError(e) && e.code).toBe('snapshot_machine_mismatch');
  });

  it('refuses a version newer than this library, and a version that is not a positive whole number', () => {
    const saved = persistSnapshot(goldenRun());
    const newer = errorOf(() => restoreSnapshot(examCycleMachine, { ...saved, version: 3 }));
    expect(isExamcycleError(newer) && newer.code).toBe('snapshot_version_unsupported');
    const older = errorOf(() => restoreSnapshot(examCycleMachine, { ...saved, version: 0 }));
    expect(isExamcycleError(older) && older.code).toBe('snapshot_invalid');
  });

  it('applies the migration hook to bring an older snapshot forward', () => {
    const machineV3 = examCycleMachine.provide({});
    Object.assign(machineV3, { version: '3' });
    const saved = persistSnapshot(goldenRun());
    const restored = restoreSnapshot(machineV3, saved, {
      migrations: { 2: (s) => ({ ...s, context: { ...(s.context as object), dueSoonDays: 7 } }) },
    }).start();
    expect(restored.getSnapshot().context.dueSoonDays).toBe(7);
    const e = errorOf(() => restoreSnapshot(machineV3, saved));
    expect(isExamcycleError(e) && e.code).toBe('snapshot_version_unsupported');
  });

  it('refuses data that is not a snapshot, or whose state the machine does not have', () => {
    for (const bad of [null, 42, {}, { format: 'examcycle.snapshot', machine: 'examCycle', version: 1, snapshot: 'x' }]) {
      const e = errorOf(() => restoreSnapshot(examCycleMachine, bad));
      expect(isExamcycleError(e) && e.code).toBe('snapshot_invalid');
    }
    const saved = persistSnapshot(goldenRun());
    const e = errorOf(() => restoreSnapshot(examCycleMachine, { ...saved, snapshot: { ...(saved.snapshot as object), value: 'holiday' } }));
    expect(isExamcycleError(e) && e.code).toBe('snapshot_invalid');
  });

  it('restores a createExamCycle handle on a new clock, which goes on ticking', () => {
    const clock = new SimulatedClock();
    clock.set(Date.parse('2026-02-01T09:00:00Z'));
    const first = createExamCycle({ clock, input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START }, tickEveryMs: 0 });
    first.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer });
    const saved = JSON.stringify(first.persist());
    first.stop();
    const clock2 = new SimulatedClock();
    clock2.set(Date.parse('2026-02-23T09:00:00Z'));
    const second = createExamCycle({ clock: clock2, snapshot: JSON.parse(saved), tickEveryMs: 60_000 });
    clock2.increment(60_000);
    const ctx = second.actor.getSnapshot().context;
    expect(ctx.tasks.find((t) => t.id === 'planning.annual-plan')!.status).toBe('done');
    expect(ctx.signals.find((s) => s.taskId === 'entries.submitted')!.status).toBe('overdue');
    second.stop();
  });

  it('keeps a restored actor independent of the original', () => {
    const actor = createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START } }).start();
    const copy = restoreSnapshot(examCycleMachine, persistSnapshot(actor)).start();
    copy.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: START, by: officer });
    expect(actor.getSnapshot().context.tasks[0]!.status).toBe('open');
  });
});
