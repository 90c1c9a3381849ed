/**
 * The exams officer's task catalogue for a series under the JCQ pack: the edition's catalogue
 * ({@link jcqCycleTaskCatalogue}) and, with a centre overlay, one task for each of the centre's internal
 * deadlines (in the `centre` workstream, open from the start of the cycle, not blocking: the centre's own
 * dates never hold the cycle's phases).
 */
import type { CycleTaskInput, ExamSeries, KeyDate } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';
import { jcqCycleTaskCatalogue } from './jcqCycleTaskCatalogue.js';

/**
 * The cycle tasks of a series.
 *
 * @internal
 * @param edition - the series' edition
 * @param series - the series
 * @param keyDates - the series' key dates (with the overlay's internal deadlines, when there is one)
 */
export function jcqCycleTasks(edition: Edition, series: ExamSeries, keyDates: readonly KeyDate[]): readonly CycleTaskInput[] {
  const data = edition.series.find((s) => s.month === series.month && s.year === series.year);
  const catalogue = data ? jcqCycleTaskCatalogue(edition.academicYear, series.id, data).map((e) => e.task) : [];
  const internal: CycleTaskInput[] = keyDates
    .filter((k) => k.kind === 'internal_deadline')
    .map((k) => ({
      id: `centre.${k.id.slice(`${series.id}/internal_deadline/`.length).replace(/\//g, '.')}`,
      phase: 'planning',
      workstream: 'centre',
      title: k.title,
      blocking: false,
      dueKeyDateId: k.id,
      opens: { phase: 'planning' },
      source: k.source,
      confidence: k.confidence,
      ...(k.note ? { dueRule: k.note } : {}),
    }));
  return [...catalogue, ...internal];
}
