import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CYCLE_PHASES, STANDARD_CYCLE_TASKS, examCycleMachine, collectAudit } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer } from './cycleFixture.js';

/** A cycle standing in `phase`, with every task of that phase done except `keepOpen`. */
function standingIn(phase: string, keepOpen: string) {
  const created = createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START } });
  const actor = Object.assign(created, { audit: collectAudit(created) }).start();
  for (const p of CYCLE_PHASES) {
    for (const t of actor.getSnapshot().context.tasks.filter((x) => x.phase === p && x.id !== keepOpen)) {
      actor.send({ type: 'task.complete', taskId: t.id, at: START, by: officer });
    }
    if (p === phase) break;
    actor.send({ type: 'phase.advance', at: START, by: officer });
  }
  expect(actor.getSnapshot().value).toBe(phase);
  return actor;
}

describe('the standard task catalogue', () => {
  it('has unique ids, each prefixed with its phase, and a source for every task', () => {
    const ids = STANDARD_CYCLE_TASKS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of STANDARD_CYCLE_TASKS) {
      expect(t.id.startsWith(`${t.phase}.`)).toBe(true);
      expect(t.source).toBeTruthy();
    }
  });

  it.each(STANDARD_CYCLE_TASKS.filter((t) => t.blocking !== false).map((t) => [t.id, t] as const))(
    'blocking task %s holds its phase until it is done or not applicable',
    (_id, task) => {
      const actor = standingIn(task.phase, task.id);
      actor.send({ type: 'phase.advance', at: START, by: officer });
      expect(actor.getSnapshot().value).toBe(task.phase);
      expect(actor.audit.at(-1)!.reason).toContain(task.title);
      actor.send({ type: 'task.notApplicable', taskId: task.id, reason: 'not needed this series', at: START, by: officer });
      actor.send({ type: 'phase.advance', at: START, by: officer });
      expect(actor.getSnapshot().value).toBe(CYCLE_PHASES[CYCLE_PHASES.indexOf(task.phase) + 1]);
    },
  );

  it.each(STANDARD_CYCLE_TASKS.filter((t) => t.blocking === false).map((t) => [t.id, t] as const))(
    'non-blocking task %s never holds its phase',
    (_id, task) => {
      const actor = standingIn(task.phase, task.id);
      actor.send({ type: 'phase.advance', at: START, by: officer });
      expect(actor.getSnapshot().value).toBe(CYCLE_PHASES[CYCLE_PHASES.indexOf(task.phase) + 1]);
      expect(actor.getSnapshot().context.tasks.find((t) => t.id === task.id)!.status).toBe('open');
    },
  );

  it.each(STANDARD_CYCLE_TASKS.filter((t) => t.dueKeyDate).map((t) => [t.id, t] as const))('task %s falls due on its key date when the pack has it', (_id, task) => {
    const actor = createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START } }).start();
    const kd = fixturePack.keyDates(june2026).find((k) => k.kind === task.dueKeyDate);
    expect(actor.getSnapshot().context.tasks.find((t) => t.id === task.id)!.dueAt).toBe(kd?.at);
  });
});
