/**
 * The editions the pack ships, by academic year, and the lookup the engine uses to find the edition
 * (and series) in force for a question.
 */
import { ExamcycleError, type AcademicYear, type ExamSeries } from '@examcycle/core';
import { edition2024_25 } from './2024-25.js';
import { edition2025_26 } from './2025-26.js';
import { edition2026_27 } from './2026-27.js';
import type { Edition, SeriesEdition } from './Edition.js';

/**
 * Every edition the pack ships, oldest first.
 *
 * @example
 * ```ts
 * JCQ_EDITIONS.map((e) => e.academicYear); // ['2024/25', '2025/26', '2026/27']
 * ```
 */
export const JCQ_EDITIONS: readonly Edition[] = [edition2024_25, edition2025_26, edition2026_27];

/**
 * The edition for an academic year.
 *
 * @param editions - the editions to search
 * @param academicYear - e.g. `'2025/26'`
 * @throws ExamcycleError `unknown_series` when the pack has no edition for that year
 * @example
 * ```ts
 * editionFor(JCQ_EDITIONS, '2025/26').academicYear; // '2025/26'
 * ```
 */
export function editionFor(editions: readonly Edition[], academicYear: AcademicYear | string): Edition {
  const edition = editions.find((e) => e.academicYear === academicYear);
  if (edition === undefined) {
    throw new ExamcycleError(
      'unknown_series',
      `The JCQ pack has no edition for ${academicYear}; it has ${editions.map((e) => e.academicYear).join(', ')}`,
      { details: { academicYear } },
    );
  }
  return edition;
}

/**
 * The edition and series data for an exam series.
 *
 * @internal
 * @param editions - the editions to search
 * @param series - the series
 * @throws ExamcycleError `unknown_series` when no edition has that series
 */
export function seriesEditionFor(editions: readonly Edition[], series: ExamSeries): { edition: Edition; series: SeriesEdition } {
  const edition = editionFor(editions, series.academicYear);
  const found = edition.series.find((s) => s.month === series.month && s.year === series.year);
  if (found === undefined) {
    throw new ExamcycleError('unknown_series', `The ${edition.academicYear} edition has no ${series.id} series`, {
      details: { seriesId: series.id },
    });
  }
  return { edition, series: found };
}
