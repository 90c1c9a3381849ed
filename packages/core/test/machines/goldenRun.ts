/** The deterministic run behind the golden snapshot fixture: a cycle part-way through entries. */
import { createActor } from 'xstate';
import { examCycleMachine } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer, roleFor } from './cycleFixture.js';

export function goldenRun(pack = fixturePack) {
  const actor = createActor(examCycleMachine, { input: { centre, series: june2026, rulesPack: pack, startedAt: START } }).start();
  const at = '2025-10-01T10:00:00.000+01:00';
  for (const t of actor.getSnapshot().context.tasks.filter((x) => x.phase === 'planning' && x.workstream === 'planning')) {
    actor.send({ type: 'task.complete', taskId: t.id, at, by: roleFor(actor.getSnapshot().context, t.id) });
  }
  actor.send({ type: 'phase.advance', at, by: officer });
  actor.send({ type: 'task.complete', taskId: 'entries.identities-verified', at: '2026-01-10T10:00:00.000Z', by: officer });
  actor.send({ type: 'phase.advance', at: '2026-01-11T10:00:00.000Z', by: officer });
  actor.send({ type: 'clock.tick', at: '2026-02-10T10:00:00.000Z' });
  return actor;
}
