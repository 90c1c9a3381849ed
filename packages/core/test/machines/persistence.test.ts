import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createExamCycle, examCycleMachine, isExamcycleError, persistSnapshot, restoreSnapshot, type PersistedSnapshot } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer, phaseOf } from './cycleFixture.js';
import { goldenRun } from './goldenRun.js';

const goldenPath = fileURLToPath(new URL('./fixtures/examCycle.v3.json', import.meta.url));
const goldenV2Path = fileURLToPath(new URL('./fixtures/examCycle.v2.json', import.meta.url));

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
    expect(saved).toMatchObject({ format: 'examcycle.snapshot', machine: 'examCycle', version: 3 });
  });

  it('keeps no copy of the key dates: the snapshot bytes do not change with a key date no task falls due on (issue 16)', () => {
    const moved = { ...fixturePack, keyDates: (s: typeof june2026) => fixturePack.keyDates(s).map((k) => (k.kind === 'contingency_day' ? { ...k, date: '2026-06-25' as const, at: '2026-06-25T23:59:59.999+01:00' as const } : k)) };
    expect(JSON.stringify(persistSnapshot(goldenRun(moved)))).toBe(JSON.stringify(persistSnapshot(goldenRun())));
    expect(goldenRun().getSnapshot().context).not.toHaveProperty('keyDates');
  });

  it('matches the golden v3 fixture, so an accidental format change fails here', () => {
    const saved = JSON.parse(JSON.stringify(persistSnapshot(goldenRun()))) as PersistedSnapshot;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, `${JSON.stringify(saved, null, 2)}\n`);
    expect(saved).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
  });

  it('restores the golden fixture into a new actor that carries on where it stopped (as after a restart)', () => {
    const restored = restoreSnapshot(examCycleMachine, JSON.parse(readFileSync(goldenPath, 'utf8'))).start();
    const snap = restored.getSnapshot();
    expect(phaseOf(restored)).toBe('entries');
    expect(snap.context.signals.map((s) => [s.taskId, s.status])).toContainEqual(['entries.submitted', 'due_soon']);
    restored.send({ type: 'task.complete', taskId: 'entries.submitted', at: '2026-02-11T10:00:00.000Z', by: officer });
    expect(restored.getSnapshot().context.tasks.find((t) => t.id === 'entries.submitted')!.status).toBe('done');
    expect(restored.getSnapshot().context).not.toHaveProperty('audit');
  });

  it.each([
    ['v1 (audit trail in the context)', 'examCycle.v1.json'],
    ['v2 (one phase state, key dates in the context)', 'examCycle.v2.json'],
  ])('still restores the golden %s fixture through the shipped migrations', (_what, file) => {
    const old = JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)), 'utf8')) as PersistedSnapshot;
    const restored = restoreSnapshot(examCycleMachine, old).start();
    const ctx = restored.getSnapshot().context;
    expect(phaseOf(restored)).toBe('entries');
    expect(ctx).not.toHaveProperty('audit');
    expect(ctx).not.toHaveProperty('keyDates');
    expect(ctx.tasks.find((t) => t.id === 'entries.submitted')).toMatchObject({ workstream: 'entries', keyDateId: 'june-2026/entry_deadline', dueAt: '2026-02-21T23:59:59.999+00:00', opensAt: START });
    // A version-2 cycle had no roles: its tasks are the exams officer's (the task owner rule).
    expect(ctx.grants['cycle.task.entries.submitted']).toMatchObject({ roles: ['exams_officer'], rule: 'examcycle.cycle.task-owner' });
    restored.send({ type: 'task.complete', taskId: 'entries.submitted', at: '2026-02-11T10:00:00.000Z', by: officer });
    expect(restored.getSnapshot().context.tasks.find((t) => t.id === 'entries.submitted')!.status).toBe('done');
    expect(goldenV2Path).toContain('v2');
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
    const newer = errorOf(() => restoreSnapshot(examCycleMachine, { ...saved, version: 4 }));
    expect(isExamcycleError(newer) && newer.code).toBe('snapshot_version_unsupported');
    const older = errorOf(() => restoreSnapshot(examCycleMachine, { ...saved, version: 0 }));
    expect(isExamcycleError(older) && older.code).toBe('snapshot_invalid');
  });

  it('applies the migration hook to bring an older snapshot forward', () => {
    const machineV3 = examCycleMachine.provide({});
    Object.assign(machineV3, { version: '4' });
    const saved = persistSnapshot(goldenRun());
    const restored = restoreSnapshot(machineV3, saved, {
      migrations: { 3: (s) => ({ ...s, context: { ...(s.context as object), dueSoonDays: 7 } }) },
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
