/** Shared set-up for the exam-cycle tests: a synthetic centre, the June 2026 series, people. */
import { examSeries, type Actor, type ExamCycleContext } from '@examcycle/core';
import type { Instant } from '@examcycle/core';

export const centre = { centreNumber: '68199', name: 'Synthetic Academy' };
export const june2026 = examSeries('june', 2026);
export const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
export const head: Actor = { id: 'hoc-1', role: 'head_of_centre' };
export const START: Instant = '2025-09-01T09:00:00.000+01:00';

/** The phase a cycle reports (its `phase` region). */
export function phaseOf(actor: { getSnapshot(): { value: unknown } }): string {
  return (actor.getSnapshot().value as { phase: string }).phase;
}

/** Someone in the first role the cycle grants for a task. */
export function roleFor(context: Pick<ExamCycleContext, 'grants'>, taskId: string): Actor {
  const role = context.grants[`cycle.task.${taskId}`]?.roles[0] ?? 'exams_officer';
  return { id: `${role}-1`, role };
}
