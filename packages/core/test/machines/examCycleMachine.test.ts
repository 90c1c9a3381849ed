import { DateTime } from 'luxon';
import { SimulatedClock, createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  CYCLE_PHASES,
  currentPhase,
  auditToJsonLines,
  collectAudit,
  createExamCycle,
  examCycleMachine,
  isExamcycleError,
  openBlockingTasks,
  type CycleTaskInput,
} from '@examcycle/core';
import { FIXTURE_CYCLE_TASKS } from '../fixtures/fixtureCycleTasks.js';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, head, june2026, officer, phaseOf, roleFor } from './cycleFixture.js';
import type { Instant } from '@examcycle/core';

function start(tasks?: readonly CycleTaskInput[]) {
  const actor = createActor(examCycleMachine, {
    input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START, ...(tasks ? { tasks } : {}) },
  });
  const audit = collectAudit(actor);
  return Object.assign(actor.start(), { audit });
}

function closeAll(actor: ReturnType<typeof start>, phase: string, at: Instant) {
  for (const t of actor.getSnapshot().context.tasks.filter((x) => x.phase === phase && x.status === 'open')) {
    actor.send({ type: 'task.complete', taskId: t.id, at, by: roleFor(actor.getSnapshot().context, t.id) });
  }
}

describe('examCycleMachine: phases', () => {
  it('starts in planning with the pack\'s task catalogue and a timeline entry', () => {
    const actor = start();
    const snap = actor.getSnapshot();
    expect(phaseOf(actor)).toBe('planning');
    expect(snap.context.tasks).toHaveLength(FIXTURE_CYCLE_TASKS.length);
    expect(snap.context.timeline).toEqual([{ phase: 'planning', enteredAt: START }]);
  });

  it('holds tasks for every phase from the pack\'s catalogue', () => {
    const phases = new Set(FIXTURE_CYCLE_TASKS.map((t) => t.phase));
    expect([...phases]).toEqual(CYCLE_PHASES.filter((p) => p !== 'closed'));
  });

  it('will not leave a phase while a blocking task is open, and says which', () => {
    const actor = start();
    actor.send({ type: 'phase.advance', at: START, by: officer });
    const snap = actor.getSnapshot();
    expect(currentPhase(snap.context)).toBe('planning');
    const last = actor.audit.at(-1)!;
    expect(last).toMatchObject({ event: 'phase.advance', outcome: 'rejected', code: 'guard_failed', from: 'planning', to: 'planning' });
    expect(last.reason).toContain('Annual exam plan and internal deadlines published');
    expect(last.reason).toContain('Secure storage checked');
    expect(last.reason).not.toContain('Access arrangements applied for'); // due after the entries deadline: carried
  });

  it('leaves a phase once every blocking task is done or not applicable', () => {
    const actor = start();
    const at = '2025-10-01T10:00:00.000+01:00';
    for (const t of openBlockingTasks(actor.getSnapshot().context, 'planning')) {
      if (t.id === 'planning.secure-storage') actor.send({ type: 'task.notApplicable', taskId: t.id, reason: 'checked by the trust this year', at, by: officer });
      else actor.send({ type: 'task.complete', taskId: t.id, at, by: roleFor(actor.getSnapshot().context, t.id) });
    }
    actor.send({ type: 'phase.advance', at, by: officer });
    expect(actor.getSnapshot().value).toMatchObject({ phase: 'entries' });
    expect(actor.getSnapshot().context.timeline.at(-1)).toEqual({ phase: 'entries', enteredAt: at, by: officer });
  });

  it('runs planning → entries → preExams → examTime → results → postResults → certificates → closed in order', () => {
    const actor = start();
    const seen: string[] = [phaseOf(actor)];
    let day = DateTime.fromISO('2026-08-12T09:00:00.000+01:00');
    for (const phase of CYCLE_PHASES.slice(0, -1)) {
      day = day.plus({ days: 1 });
      for (const p of CYCLE_PHASES.slice(0, CYCLE_PHASES.indexOf(phase) + 1)) closeAll(actor, p, (day.toISO() as Instant));
      actor.send({ type: 'phase.advance', at: (day.toISO() as Instant), by: officer });
      seen.push(phaseOf(actor));
    }
    expect(seen).toEqual([...CYCLE_PHASES]);
    expect(actor.getSnapshot().hasTag('closed')).toBe(true);
  });

  it('will not leave results while any result is outstanding', () => {
    const actor = start();
    const at = '2026-08-20T10:00:00.000+01:00';
    for (let i = 0; i < 4; i += 1) {
      for (const p of ['planning', 'entries', 'preExams', 'examTime']) closeAll(actor, p, at);
      actor.send({ type: 'phase.advance', at, by: officer });
    }
    actor.send({ type: 'results.outstanding', count: 2, at, by: officer });
    closeAll(actor, 'results', at);
    actor.send({ type: 'phase.advance', at, by: officer });
    expect(phaseOf(actor)).toBe('results');
    expect(actor.audit.at(-1)!.reason).toBe('Cannot leave results: 2 result(s) outstanding');
    actor.send({ type: 'results.outstanding', count: 0, at, by: officer });
    actor.send({ type: 'phase.advance', at, by: officer });
    expect(phaseOf(actor)).toBe('postResults');
  });

  it('rejects everything but ticks once the cycle is closed', () => {
    const actor = start([{ id: 'only', phase: 'planning', title: 'Only task' }]);
    const at = '2025-09-02T09:00:00.000+01:00';
    actor.send({ type: 'task.complete', taskId: 'only', at, by: officer });
    for (let i = 0; i < 7; i += 1) actor.send({ type: 'phase.advance', at, by: officer });
    expect(phaseOf(actor)).toBe('closed');
    actor.send({ type: 'task.add', task: { id: 'late', phase: 'certificates', title: 'Late' }, at, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', reason: 'The cycle is closed' });
    const lines = actor.audit.length;
    actor.send({ type: 'clock.tick', at });
    // Accepted, and with no signal to change it leaves no line: the log records what happened, not that time passed.
    expect(actor.audit.length).toBe(lines);
    expect(phaseOf(actor)).toBe('closed');
  });
});

describe('examCycleMachine: tasks', () => {
  it('records who completed a task and when', () => {
    const actor = start();
    const at = '2025-09-15T11:30:00.000+01:00';
    actor.send({ type: 'task.complete', taskId: 'planning.policies-reviewed', note: 'SLT meeting', at, by: head });
    expect(actor.getSnapshot().context.tasks.find((t) => t.id === 'planning.policies-reviewed')).toMatchObject({
      status: 'done',
      closedAt: at,
      closedBy: head,
      note: 'SLT meeting',
    });
  });

  it('needs a reason to mark a task not applicable', () => {
    const actor = start();
    actor.send({ type: 'task.notApplicable', taskId: 'entries.amendments', reason: '  ', at: START, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'invalid_value' });
    expect(actor.getSnapshot().context.tasks.find((t) => t.id === 'entries.amendments')!.status).toBe('open');
  });

  it('rejects an unknown task and a task already done', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'nope', at: START, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'invalid_value', reason: 'No task "nope" in this cycle' });
    actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: START, by: officer });
    actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: START, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'guard_failed' });
  });

  it('reopens a task of the current phase with a reason, but never one of a phase already left', () => {
    const actor = start([
      { id: 'p', phase: 'planning', title: 'P' },
      { id: 'e', phase: 'entries', title: 'E' },
    ]);
    actor.send({ type: 'task.complete', taskId: 'p', at: START, by: officer });
    actor.send({ type: 'task.reopen', taskId: 'p', reason: 'plan changed', at: START, by: officer });
    expect(actor.getSnapshot().context.tasks[0]).toEqual({ id: 'p', phase: 'planning', workstream: 'planning', title: 'P', blocking: true, status: 'open', opensAt: START, opensWith: 'planning' });
    actor.send({ type: 'task.complete', taskId: 'p', at: START, by: officer });
    actor.send({ type: 'phase.advance', at: START, by: officer });
    actor.send({ type: 'task.reopen', taskId: 'p', reason: 'again', at: START, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'guard_failed' });
  });

  it('carries a task raised for a phase already left into the current phase', () => {
    const actor = start([{ id: 'p', phase: 'planning', title: 'P' }]);
    actor.send({ type: 'task.complete', taskId: 'p', at: START, by: officer });
    actor.send({ type: 'phase.advance', at: START, by: officer });
    actor.send({ type: 'task.add', task: { id: 'x', phase: 'planning', title: 'Late policy fix', dueAt: '2025-09-30T17:00:00+01:00' }, at: START, by: officer });
    const task = actor.getSnapshot().context.tasks.find((t) => t.id === 'x')!;
    expect(task.phase).toBe('entries');
    expect(task.dueAt).toBe('2025-09-30T17:00:00.000+01:00');
    actor.send({ type: 'phase.advance', at: START, by: officer });
    expect(phaseOf(actor)).toBe('entries');
  });

  it('rejects a duplicate task id', () => {
    const actor = start();
    actor.send({ type: 'task.add', task: { id: 'planning.annual-plan', phase: 'planning', title: 'dup' }, at: START, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', reason: 'A task "planning.annual-plan" already exists' });
  });

  it('takes due instants from the rules pack key dates', () => {
    const actor = start();
    const submitted = actor.getSnapshot().context.tasks.find((t) => t.id === 'entries.submitted')!;
    expect(submitted.dueAt).toBe('2026-02-21T23:59:59.999+00:00');
  });
});

describe('examCycleMachine: audit trail', () => {
  it('records every accepted and every rejected event, in order', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: '2025-09-02T09:00:00+01:00', by: officer });
    actor.send({ type: 'phase.advance', at: '2025-09-03T09:00:00+01:00', by: officer });
    const audit = actor.audit.map((line, i) => ({ seq: i + 1, ...line }));
    expect(audit.map((a) => [a.seq, a.event, a.outcome])).toEqual([
      [1, 'cycle.start', 'accepted'],
      [2, 'task.complete', 'accepted'],
      [3, 'phase.advance', 'rejected'],
    ]);
    const lines = auditToJsonLines(audit).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1]!)).toMatchObject({ seq: 2, by: officer, details: { taskId: 'planning.annual-plan' } });
  });

  it('rejects an event dated before the latest one: the trail is chronological', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: '2025-08-01T09:00:00+01:00', by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'invalid_value', at: START });
    expect(actor.getSnapshot().context.tasks[0]!.status).toBe('open');
  });

  it('rejects an event with no valid instant without corrupting the trail', () => {
    const actor = start();
    actor.send({ type: 'clock.tick', at: 'yesterday' as Instant });
    const last = actor.audit.at(-1)!;
    expect(last).toMatchObject({ outcome: 'rejected', code: 'invalid_value', at: START });
  });

  it('records every instant as London time with its offset, whatever notation the host sent', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: '2025-09-02T08:00:00Z', by: officer });
    actor.send({ type: 'phase.advance', at: '2025-09-02T08:30:00Z', by: officer });
    const [done, refused] = actor.audit.slice(-2);
    expect([done!.at, refused!.at]).toEqual(['2025-09-02T09:00:00.000+01:00', '2025-09-02T09:30:00.000+01:00']);
    expect(actor.getSnapshot().context.tasks[0]!.closedAt).toBe('2025-09-02T09:00:00.000+01:00');
  });

  it('records an unknown event type as rejected rather than dropping it', () => {
    const actor = start();
    actor.send({ type: 'entries.teleport', at: START } as never);
    expect(actor.audit.at(-1)).toMatchObject({ event: 'entries.teleport', outcome: 'rejected', code: 'event_rejected' });
  });
});

describe('createExamCycle: deadlines on an injected clock', () => {
  function simulated(iso: string) {
    const clock = new SimulatedClock();
    clock.set(DateTime.fromISO(iso).toMillis());
    return clock;
  }

  it('turns key dates into due-soon and overdue signals as the clock moves, and emits them', () => {
    const clock = simulated('2026-01-20T09:00:00Z');
    const cycle = createExamCycle({ clock, input: { centre, series: june2026, rulesPack: fixturePack, tasks: [{ id: 'entries.submitted', phase: 'entries', title: 'Entries submitted', dueKeyDate: 'entry_deadline' }] }, tickEveryMs: 86_400_000 });
    const emitted: string[] = [];
    cycle.actor.on('deadline.dueSoon', (e) => emitted.push(`soon:${e.signal.taskId}`));
    cycle.actor.on('deadline.overdue', (e) => emitted.push(`overdue:${e.signal.taskId}`));
    expect(cycle.actor.getSnapshot().context.signals).toEqual([]);
    clock.increment(86_400_000 * 19); // 8 Feb: 13 days before 21 Feb
    expect(cycle.actor.getSnapshot().context.signals.map((s) => s.status)).toEqual(['due_soon']);
    clock.increment(86_400_000 * 14); // 22 Feb 09:00: past 23:59:59.999 on 21 Feb
    expect(cycle.actor.getSnapshot().context.signals.map((s) => s.status)).toEqual(['overdue']);
    expect(emitted).toEqual(['soon:entries.submitted', 'overdue:entries.submitted']);
    cycle.stop();
  });

  it('counts "by the end of the day" as 23:59:59.999 London time', () => {
    const clock = simulated('2026-02-21T23:59:59.000Z'); // GMT: London is UTC
    const cycle = createExamCycle({ clock, input: { centre, series: june2026, rulesPack: fixturePack, tasks: [{ id: 't', phase: 'planning', title: 'T', dueKeyDate: 'entry_deadline' }] }, tickEveryMs: 0 });
    expect(cycle.tick().ok).toBe(true);
    expect(cycle.actor.getSnapshot().context.signals[0]!.status).toBe('due_soon');
    clock.increment(1000);
    cycle.tick();
    expect(cycle.actor.getSnapshot().context.signals[0]!.status).toBe('overdue');
    cycle.stop();
  });

  it('returns a typed error naming the reason when an event is rejected', () => {
    const clock = simulated('2025-09-01T08:00:00Z');
    const cycle = createExamCycle({ clock, input: { centre, series: june2026, rulesPack: fixturePack }, tickEveryMs: 0 });
    const outcome = cycle.send({ type: 'phase.advance', by: officer });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(isExamcycleError(outcome.error)).toBe(true);
    expect(outcome.error.code).toBe('guard_failed');
    expect(outcome.error.message).toMatch(/^Cannot leave planning: blocking tasks open: /);
    expect(outcome.entry?.at).toBe('2025-09-01T09:00:00.000+01:00');
    cycle.stop();
  });

  it('says so when an event is sent to a stopped cycle', () => {
    const clock = simulated('2025-09-01T08:00:00Z');
    const cycle = createExamCycle({ clock, input: { centre, series: june2026, rulesPack: fixturePack }, tickEveryMs: 0 });
    cycle.stop();
    const outcome = cycle.send({ type: 'clock.tick' });
    expect(outcome.ok).toBe(false);
  });

  it('needs either input or a snapshot', () => {
    expect(() => createExamCycle({ clock: new SimulatedClock() })).toThrowError(/needs either input/);
  });
});

describe('examCycleMachine: workstreams and gates that wait only for work that is due', () => {
  const senco = { id: 'senco-1', role: 'senco' } as const;

  it('leaves planning for entries while access arrangements (due 21 March) are still open: they are carried, not forced early', () => {
    const actor = start();
    const at = '2026-02-10T10:00:00.000+00:00';
    for (const t of openBlockingTasks(actor.getSnapshot().context, 'planning')) actor.send({ type: 'task.complete', taskId: t.id, at, by: roleFor(actor.getSnapshot().context, t.id) });
    actor.send({ type: 'phase.advance', at, by: officer });
    expect(phaseOf(actor)).toBe('entries');
    expect(actor.getSnapshot().context.tasks.find((t) => t.id === 'planning.access-arrangements')?.status).toBe('open');
    // The SENCo applies on 20 March, the day before the deadline, while the cycle reports entries or later.
    actor.send({ type: 'task.complete', taskId: 'planning.access-arrangements', at: '2026-03-20T10:00:00.000+00:00', by: senco });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'accepted', event: 'task.complete' });
  });

  it('lets centre-assessed marks (15 May) be submitted during exam time, and open from the start of the cycle', () => {
    const actor = start();
    const task = actor.getSnapshot().context.tasks.find((t) => t.id === 'coursework.centre-assessed-marks')!;
    expect(task).toMatchObject({ phase: 'examTime', workstream: 'coursework', opensAt: START });
    expect(openBlockingTasks(actor.getSnapshot().context, 'preExams').map((t) => t.id)).not.toContain('coursework.centre-assessed-marks');
    expect(openBlockingTasks(actor.getSnapshot().context, 'examTime').map((t) => t.id)).toContain('coursework.centre-assessed-marks');
  });

  it('reports each workstream as notOpen, open or done, in parallel with the phase', () => {
    const actor = start();
    const value = actor.getSnapshot().value as { phase: string; workstreams: Record<string, string> };
    expect(value.phase).toBe('planning');
    expect(value.workstreams).toMatchObject({ planning: 'open', accessArrangements: 'open', entries: 'open', coursework: 'open', examRooms: 'notOpen', results: 'notOpen' });
    actor.send({ type: 'task.complete', taskId: 'planning.access-arrangements', at: '2025-10-01T10:00:00.000+01:00', by: senco });
    expect((actor.getSnapshot().value as { workstreams: Record<string, string> }).workstreams.accessArrangements).toBe('done');
  });

  it('refuses to complete a task before its work has opened, and says when it opens', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'results.downloaded-checked', at: '2025-10-01T10:00:00.000+01:00', by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'guard_failed', rule: 'examcycle.cycle.task-opens' });
    expect(actor.audit.at(-1)!.reason).toContain('opens on 12 August 2026 00:01');
  });

  it('opens the work of a phase when the cycle enters it', () => {
    const actor = start();
    const at = '2026-02-10T10:00:00.000+00:00';
    for (const t of openBlockingTasks(actor.getSnapshot().context, 'planning')) actor.send({ type: 'task.complete', taskId: t.id, at, by: roleFor(actor.getSnapshot().context, t.id) });
    actor.send({ type: 'phase.advance', at, by: officer });
    expect(actor.getSnapshot().context.tasks.find((t) => t.id === 'preExams.rooming-seating')?.opensAt).toBe(at);
  });
});

describe('examCycleMachine: roles on every task', () => {
  it('refuses a teacher completing "Entries submitted" with not_authorised, and audits the refusal', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'entries.submitted', at: START, by: { id: 't-1', role: 'teacher' } });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised', rule: 'cycle.task.entries.submitted', details: { taskId: 'entries.submitted' } });
    expect(actor.getSnapshot().context.tasks.find((t) => t.id === 'entries.submitted')?.status).toBe('open');
  });

  it('lets only the head of centre sign off conflicts of interest, and the SENCo apply for access arrangements', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'planning.conflicts-of-interest', at: START, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised' });
    actor.send({ type: 'task.complete', taskId: 'planning.conflicts-of-interest', at: START, by: head });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'accepted' });
    actor.send({ type: 'task.notApplicable', taskId: 'planning.access-arrangements', reason: 'none', at: START, by: officer });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised' });
  });

  it('refuses a task event that does not say who sent it', () => {
    const actor = start();
    actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: START });
    expect(actor.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised' });
  });

  it('gives a raised task to its own roles, by default the exams officer', () => {
    const actor = start();
    actor.send({ type: 'task.add', task: { id: 'x.hod', phase: 'entries', title: 'Mock entries checked', roles: ['head_of_department'] }, at: START, by: officer });
    actor.send({ type: 'task.add', task: { id: 'x.eo', phase: 'entries', title: 'Seating plan printed' }, at: START, by: officer });
    expect(actor.getSnapshot().context.grants['cycle.task.x.hod']?.roles).toEqual(['head_of_department']);
    expect(actor.getSnapshot().context.grants['cycle.task.x.eo']?.roles).toEqual(['exams_officer']);
  });

  it('adds the centre\'s delegations to the pack\'s roles', () => {
    const pack = { ...fixturePack, delegations: () => [{ action: 'cycle.task.entries.submitted', roles: ['exams_office_staff' as const] }] };
    const actor = createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: pack, startedAt: START } }).start();
    expect(actor.getSnapshot().context.grants['cycle.task.entries.submitted']?.roles).toEqual(['exams_officer', 'exams_office_staff']);
  });

  it('createExamCycle: a teacher completing entries.submitted is refused with code not_authorised', () => {
    const clock = new SimulatedClock();
    clock.set(Date.parse(START));
    const cycle = createExamCycle({ clock, input: { centre, series: june2026, rulesPack: fixturePack }, tickEveryMs: 0 });
    const outcome = cycle.send({ type: 'task.complete', taskId: 'entries.submitted', by: { id: 't-1', role: 'teacher' } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('not_authorised');
    cycle.stop();
  });
});
