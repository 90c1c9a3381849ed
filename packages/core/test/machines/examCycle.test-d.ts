import { createActor } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';
import { examCycleMachine, type CyclePhase, type CycleWorkstream, type ExamCycleContext, type RoleGrants, type UnstampedExamCycleEvent } from '@examcycle/core';

describe('examCycleMachine types', () => {
  it('infers the context and the events', () => {
    const actor = createActor(examCycleMachine, {
      input: { centre: { centreNumber: '68199', name: 'X' }, series: { id: 'june-2026', month: 'june', year: 2026, academicYear: '2025/26' }, startedAt: '2025-09-01T09:00:00Z' },
    });
    expectTypeOf(actor.getSnapshot().context).toEqualTypeOf<ExamCycleContext>();
    expectTypeOf(actor.getSnapshot().context.tasks[0]!.phase).toEqualTypeOf<Exclude<CyclePhase, 'closed'>>();
    expectTypeOf(actor.getSnapshot().context.tasks[0]!.workstream).toEqualTypeOf<CycleWorkstream>();
    expectTypeOf(actor.getSnapshot().context.grants).toEqualTypeOf<RoleGrants>();
    // @ts-expect-error every event needs its instant
    actor.send({ type: 'phase.advance' });
    // @ts-expect-error task.complete needs a task id
    actor.send({ type: 'task.complete', at: '2025-09-01T09:00:00Z' });
    actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: '2025-09-01T09:00:00Z' });
  });

  it('lets the handle stamp the instant itself', () => {
    expectTypeOf<{ type: 'phase.advance' }>().toMatchTypeOf<UnstampedExamCycleEvent>();
  });
});
