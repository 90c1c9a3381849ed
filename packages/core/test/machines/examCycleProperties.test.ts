import { fc, test as fcTest } from '@fast-check/vitest';
import { DateTime } from 'luxon';
import { createActor } from 'xstate';
import { describe, expect } from 'vitest';
import { CYCLE_PHASES, authorise, collectAudit, examCycleMachine, openBlockingTasks, persistSnapshot, restoreSnapshot, type ActorRole, type ExamCycleEvent } from '@examcycle/core';
import { fixturePack as pack } from '../fixtures/fixturePack.js';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer, phaseOf } from './cycleFixture.js';
import type { Instant } from '@examcycle/core';

const TASKS = [
  { id: 'p1', phase: 'planning', title: 'P1' },
  { id: 'p2', phase: 'planning', title: 'P2', blocking: false },
  { id: 'e1', phase: 'entries', title: 'E1', dueKeyDate: 'entry_deadline' },
  { id: 'x1', phase: 'preExams', title: 'X1' },
  { id: 't1', phase: 'examTime', title: 'T1' },
  { id: 'r1', phase: 'results', title: 'R1' },
  { id: 'q1', phase: 'postResults', title: 'Q1' },
  { id: 'c1', phase: 'certificates', title: 'C1' },
] as const;
const IDS = [...TASKS.map((t) => t.id), 'unknown'];

/** Random events, in time order, some of them nonsense on purpose. */
const eventsArb = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 5 * 24 * 60 }),
      fc.oneof(
        fc.record({ type: fc.constant('task.complete' as const), taskId: fc.constantFrom(...IDS) }),
        fc.record({ type: fc.constant('task.notApplicable' as const), taskId: fc.constantFrom(...IDS), reason: fc.constantFrom('', 'not needed') }),
        fc.record({ type: fc.constant('task.reopen' as const), taskId: fc.constantFrom(...IDS), reason: fc.constant('redo') }),
        fc.record({ type: fc.constant('phase.advance' as const) }),
        fc.record({ type: fc.constant('phase.advance' as const) }),
        fc.record({ type: fc.constant('results.outstanding' as const), count: fc.integer({ min: -1, max: 3 }) }),
        fc.record({ type: fc.constant('clock.tick' as const) }),
        fc.record({ type: fc.constant('task.add' as const), task: fc.record({ id: fc.constantFrom('n1', 'n2', 'p1'), phase: fc.constantFrom(...CYCLE_PHASES.slice(0, -1)), title: fc.constant('New') }) }),
      ),
    ),
    { maxLength: 60 },
  )
  .map((steps) => {
    let t = DateTime.fromISO(START);
    return steps.map(([minutes, e]) => {
      t = t.plus({ minutes });
      return { ...e, at: (t.toISO() as Instant), by: officer } as ExamCycleEvent;
    });
  });

function run(events: readonly ExamCycleEvent[]) {
  const created = createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START, tasks: TASKS } });
  const audit = collectAudit(created);
  const actor = created.start();
  const phases: string[] = [phaseOf(actor)];
  const outstandingOnEntry: Record<string, number> = {};
  const linesPerEvent: number[] = [];
  for (const e of events) {
    const before = audit.length;
    actor.send(e);
    linesPerEvent.push(audit.length - before);
    const snap = actor.getSnapshot();
    if (phaseOf(actor) !== phases.at(-1)) {
      phases.push(phaseOf(actor));
      outstandingOnEntry[phaseOf(actor)] = snap.context.outstandingResults;
    }
  }
  return { actor, audit, linesPerEvent, phases, outstandingOnEntry };
}

describe('examCycleMachine properties', () => {
  fcTest.prop([eventsArb], { numRuns: 200, seed: 20261214 })('random event sequences never skip a phase', (events) => {
    const { phases } = run(events);
    phases.forEach((p, i) => expect(CYCLE_PHASES.indexOf(p as never)).toBe(i));
  });

  fcTest.prop([eventsArb], { numRuns: 200, seed: 20261214 })('never reach postResults or certificates while results are outstanding', (events) => {
    const { outstandingOnEntry } = run(events);
    expect(outstandingOnEntry.postResults ?? 0).toBe(0);
    expect(outstandingOnEntry.certificates ?? 0).toBe(0);
  });

  fcTest.prop([eventsArb], { numRuns: 200, seed: 20261214 })('every event but a tick that changes nothing writes one audit line, accepted or rejected, in order', (events) => {
    const { audit, linesPerEvent } = run(events);
    expect(audit[0]!.event).toBe('cycle.start');
    let at = 1;
    events.forEach((e, i) => {
      const n = linesPerEvent[i]!;
      expect(n).toBe(e.type === 'clock.tick' ? Math.min(n, 1) : 1);
      if (n === 1) expect(audit[at]!.event).toBe(e.type);
      at += n;
    });
    for (let i = 1; i < audit.length; i += 1) {
      expect(DateTime.fromISO(audit[i]!.at) >= DateTime.fromISO(audit[i - 1]!.at)).toBe(true);
    }
  });

  fcTest.prop([eventsArb], { numRuns: 100, seed: 20261214 })('a clock tick writes a line only when a deadline signal changes', (events) => {
    const { audit } = run(events);
    for (const line of audit.filter((a) => a.event === 'clock.tick' && a.outcome === 'accepted')) {
      expect((line.details?.overdue as number) + (line.details?.dueSoon as number)).toBeGreaterThan(0);
    }
  });

  fcTest.prop([eventsArb], { numRuns: 200, seed: 20261214 })('no phase is left while blocking work its gate waits for is open', (events) => {
    const { actor } = run(events);
    const ctx = actor.getSnapshot().context;
    const current = CYCLE_PHASES.indexOf(phaseOf(actor) as never);
    for (const p of CYCLE_PHASES.slice(0, current)) expect(openBlockingTasks(ctx, p)).toEqual([]);
  });

  fcTest.prop([eventsArb, eventsArb], { numRuns: 100, seed: 20261214 })('restore(persist(actor)) behaves like the original', (before, after) => {
    const { actor } = run(before);
    const restored = restoreSnapshot(examCycleMachine, JSON.parse(JSON.stringify(persistSnapshot(actor)))).start();
    const last = DateTime.fromISO(actor.getSnapshot().context.lastEventAt);
    const shifted = after.map((e) => ({ ...e, at: (last.plus(DateTime.fromISO(e.at).diff(DateTime.fromISO(START))).toISO() as Instant) }));
    for (const e of shifted) {
      actor.send(e);
      restored.send(e);
    }
    expect(restored.getSnapshot().value).toEqual(actor.getSnapshot().value);
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
  });

  const ROLES: readonly ActorRole[] = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate', 'system'];
  fcTest.prop(
    [fc.array(fc.record({ taskId: fc.constantFrom(...pack.cycleTasks(june2026).map((t) => t.id)), role: fc.constantFrom(...ROLES), type: fc.constantFrom('task.complete' as const, 'task.notApplicable' as const) }), { minLength: 1, maxLength: 40 })],
    { numRuns: 100, seed: 20261214 },
  )('random actors with random roles never close a task their role may not, and every refusal is audited', (sends) => {
    const created = createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: pack, startedAt: START } });
    const audit = collectAudit(created);
    const actor = created.start();
    const at = '2026-09-01T09:00:00.000+01:00';
    for (const { taskId, role, type } of sends) {
      const by = { id: `${role}-1`, role };
      const allowed = authorise(actor.getSnapshot().context.grants, by, `cycle.task.${taskId}`).allowed;
      actor.send(type === 'task.complete' ? { type, taskId, at, by } : { type, taskId, reason: 'not this series', at, by });
      const line = audit.at(-1)!;
      if (!allowed) expect(line).toMatchObject({ outcome: 'rejected', code: 'not_authorised', details: { taskId } });
      if (line.outcome === 'accepted') expect(actor.getSnapshot().context.grants[`cycle.task.${taskId}`]?.roles).toContain(role);
    }
  });
});
