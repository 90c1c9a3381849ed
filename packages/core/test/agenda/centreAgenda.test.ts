import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { centreAgenda, eopsAgendaDeadlines, examCycleMachine, persistSnapshot, type CycleTaskInput } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer } from '../machines/cycleFixture.js';

const november = { id: 'november-2025', month: 'november', year: 2025, academicYear: '2025/26' } as const;
const SRC = { document: 'examcycle core test fixture', year: '2025/26' };

function cycle(series: typeof june2026 | typeof november, tasks?: readonly CycleTaskInput[]) {
  return createActor(examCycleMachine, { input: { centre, series, rulesPack: fixturePack, keyDates: series.id === 'june-2026' ? fixturePack.keyDates(june2026) : [], startedAt: START, ...(tasks ? { tasks } : {}) } }).start();
}

describe('centreAgenda', () => {
  const juneCycle = cycle(june2026);
  const novCycle = cycle(november, [
    { id: 'entries.submitted', phase: 'entries', title: 'November resit entries submitted', dueAt: '2025-10-04T23:59:59.999+01:00', opens: { phase: 'planning' }, source: SRC, confidence: 'pattern' },
    { id: 'results.statements-issued', phase: 'results', title: 'November statements issued', dueAt: '2026-01-08T08:00:00.000+00:00' },
  ]);
  const deadlines = eopsAgendaDeadlines({
    registrationDue: [{ officerId: 'eo-1', officerName: 'A. Officer', academicYear: '2025/26', registrationBy: '2025-10-31', source: SRC, confidence: 'primary' }],
    overdueMeetings: [{ officerId: 'eo-1', officerName: 'A. Officer', meetings: [{ date: '2025-10-01', kind: 'half_termly_review' }] }],
  });

  it('lists overdue work, work due this week and the next deadlines across every open series and EOPS, in deadline order', () => {
    const agenda = centreAgenda({ asOf: '2025-10-27T09:00:00Z', cycles: [juneCycle.getSnapshot().context, novCycle.getSnapshot().context], deadlines, nextLimit: 3 });
    expect(agenda.overdue.map((i) => i.id)).toEqual(['eops/eo-1/meeting/2025-10-01', 'november-2025/entries.submitted']);
    expect(agenda.dueThisWeek.map((i) => i.id)).toEqual(['eops/2025-26/eo-1/registration', 'june-2026/planning.ncn-register']);
    expect(agenda.next.map((i) => i.id)).toEqual(['november-2025/results.statements-issued', 'june-2026/entries.submitted', 'june-2026/planning.conflicts-of-interest']);
  });

  it('gives each item its source, confidence and who may close it', () => {
    const agenda = centreAgenda({ asOf: '2025-10-27T09:00:00Z', cycles: [juneCycle.getSnapshot().context, novCycle.getSnapshot().context], deadlines });
    expect(agenda.overdue[1]).toMatchObject({ seriesId: 'november-2025', source: SRC, confidence: 'pattern', roles: ['exams_officer'], workstream: 'entries' });
    expect(agenda.dueThisWeek[0]).toMatchObject({ kind: 'eops.registration', source: SRC, dueAt: '2025-10-31T23:59:59.999+00:00' });
    expect(agenda.dueThisWeek[1]).toMatchObject({ roles: ['exams_officer', 'head_of_centre'] });
  });

  it('reads persisted snapshots, leaves out closed work and closed cycles', () => {
    const actor = cycle(june2026);
    actor.send({ type: 'task.complete', taskId: 'planning.ncn-register', at: '2025-10-20T09:00:00Z', by: officer });
    const agenda = centreAgenda({ asOf: '2025-10-27T09:00:00Z', cycles: [persistSnapshot(actor)] });
    expect(agenda.dueThisWeek).toEqual([]);
    const closed = cycle(june2026, [{ id: 'only', phase: 'planning', title: 'Only', dueAt: '2025-10-01T09:00:00Z' }]);
    closed.send({ type: 'task.notApplicable', taskId: 'only', reason: 'n/a', at: START, by: officer });
    for (let i = 0; i < 7; i += 1) closed.send({ type: 'phase.advance', at: START, by: officer });
    closed.send({ type: 'task.add', task: { id: 'x', phase: 'certificates', title: 'X', dueAt: '2025-10-01T09:00:00Z' }, at: START, by: officer });
    expect(centreAgenda({ asOf: '2025-10-27T09:00:00Z', cycles: [closed.getSnapshot().context] }).overdue).toEqual([]);
  });

  it('says when work on the agenda has not opened yet', () => {
    const agenda = centreAgenda({ asOf: '2026-08-01T09:00:00+01:00', cycles: [juneCycle.getSnapshot().context] });
    expect(agenda.dueThisWeek.concat(agenda.next).find((i) => i.taskId === 'results.statements-issued')).toMatchObject({ opensAt: '2026-08-12T00:01:00.000+01:00' });
  });
});
