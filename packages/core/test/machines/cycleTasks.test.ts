import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CYCLE_WORKSTREAMS, defaultWorkstream, examCycleMachine, sourceText, type CycleTaskInput } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026 } from './cycleFixture.js';

function tasksOf(tasks: readonly CycleTaskInput[]) {
  return createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START, tasks } }).start().getSnapshot().context.tasks;
}

describe('cycle tasks', () => {
  it('fall due on the earliest key date of their kind, or on the key date they name by id, keeping only its id', () => {
    const [kind, id] = tasksOf([
      { id: 'a', phase: 'results', title: 'A', dueKeyDate: 'release_to_candidates' },
      { id: 'b', phase: 'results', title: 'B', dueKeyDateId: 'june-2026/release_to_candidates/GCSE' },
    ]);
    expect(kind).toMatchObject({ dueAt: '2026-08-13T08:00:00.000+01:00', keyDateId: 'june-2026/release_to_candidates/GCE' });
    expect(id).toMatchObject({ dueAt: '2026-08-20T08:00:00.000+01:00', keyDateId: 'june-2026/release_to_candidates/GCSE' });
  });

  it('open on a key date offset by whole days, at an instant, or when the cycle reaches their phase', () => {
    const [offset, at, phase, start] = tasksOf([
      { id: 'a', phase: 'results', title: 'A', opens: { keyDate: 'restricted_release', offsetDays: -7 } },
      { id: 'b', phase: 'results', title: 'B', opens: { at: '2026-06-01T09:00:00+01:00' } },
      { id: 'c', phase: 'examTime', title: 'C' },
      { id: 'd', phase: 'examTime', title: 'D', opens: { phase: 'planning' } },
    ]);
    expect(offset?.opensAt).toBe('2026-08-05T00:01:00.000+01:00');
    expect(at?.opensAt).toBe('2026-06-01T09:00:00.000+01:00');
    expect(phase).toMatchObject({ opensWith: 'examTime' });
    expect(phase?.opensAt).toBeUndefined();
    expect(start?.opensAt).toBe(START);
  });

  it('open with their phase when the key date they open on is not in the series (never an invented date)', () => {
    const [t] = tasksOf([{ id: 'a', phase: 'entries', title: 'A', opens: { keyDate: 'basedata_published' } }]);
    expect(t).toMatchObject({ opensWith: 'entries' });
    expect(t?.opensAt).toBeUndefined();
  });

  it('belong to their phase\'s workstream unless they name one', () => {
    expect(CYCLE_WORKSTREAMS).toContain(defaultWorkstream('preExams'));
    expect(defaultWorkstream('preExams')).toBe('examRooms');
    expect(tasksOf([{ id: 'a', phase: 'entries', title: 'A' }])[0]?.workstream).toBe('entries');
  });

  it('keep their source as given, and render it in words', () => {
    expect(sourceText({ document: 'JCQ General Regulations for Approved Centres', section: '5.3', year: '2025/26' })).toBe('JCQ General Regulations for Approved Centres 5.3 (2025/26)');
    expect(sourceText('seed 003')).toBe('seed 003');
  });
});
