/**
 * Records carry a series id (`june-2026`); the engine needs the series itself (with its academic year)
 * to find the edition. This reads one from the other, with a typed error for a malformed id.
 */
import { ExamcycleError, examSeries, type ExamSeries, type SeriesMonth } from '@examcycle/core';

/**
 * The exam series an id like `june-2026` names.
 *
 * @param seriesId - `<month>-<year>`
 * @throws ExamcycleError `invalid_value` for a malformed id
 * @example
 * ```ts
 * seriesFromId('november-2025').academicYear; // '2025/26'
 * ```
 */
export function seriesFromId(seriesId: string): ExamSeries {
  const m = /^(january|march|june|november)-(\d{4})$/.exec(seriesId);
  if (m === null) {
    throw new ExamcycleError('invalid_value', `Not a series id like june-2026: ${seriesId}`, { location: { field: 'seriesId', value: seriesId } });
  }
  return examSeries(m[1] as SeriesMonth, Number(m[2]));
}
