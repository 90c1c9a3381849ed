/**
 * The exams officer's task catalogue for a series under the JCQ pack.
 * (Interim: core's standard catalogue; issue 14 moves the catalogue and its sources here.)
 */
import { STANDARD_CYCLE_TASKS, type CycleTaskInput, type ExamSeries } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The cycle tasks of a series.
 *
 * @internal
 * @param _edition - the series' edition
 * @param _series - the series
 * @example
 * ```ts
 * jcqCycleTasks(edition2025_26, examSeries('june', 2026)).length > 0; // true
 * ```
 */
export function jcqCycleTasks(_edition: Edition, _series: ExamSeries): readonly CycleTaskInput[] {
  return STANDARD_CYCLE_TASKS;
}
