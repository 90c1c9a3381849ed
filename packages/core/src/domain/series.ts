/**
 * Exam series: the June (summer), November, January and March sittings. A series belongs to the
 * academic year it is sat in; the November series of 2026 is in 2026/27, June 2026 in 2025/26.
 */
import { z } from 'zod';
import { academicYearOf, type AcademicYear, type CalendarDate } from '../time/clock.js';
import { academicYearSchema } from './identifierSchemas.js';

/**
 * The months a JCQ series can be in.
 *
 * @example
 * ```ts
 * seriesMonthSchema.options; // ['january', 'march', 'june', 'november']
 * ```
 */
export const seriesMonthSchema = z.enum(['january', 'march', 'june', 'november']);
/**
 * A series month.
 *
 * @example
 * ```ts
 * const month: SeriesMonth = 'november';
 * ```
 */
export type SeriesMonth = z.infer<typeof seriesMonthSchema>;

const MONTH_NUMBER: Record<SeriesMonth, number> = { january: 1, march: 3, june: 6, november: 11 };

/**
 * An exam series.
 *
 * @example
 * ```ts
 * const checked = examSeriesSchema.safeParse({ id: 'june-2026', month: 'june', year: 2026, academicYear: '2026/27' });
 * checked.success; // false: June 2026 is sat in the academic year 2025/26
 * ```
 */
export const examSeriesSchema = z
  .object({
    /** `june-2026`, `november-2026`, … */
    id: z.string().regex(/^(january|march|june|november)-\d{4}$/),
    month: seriesMonthSchema,
    year: z.number().int().min(2000).max(2100),
    academicYear: academicYearSchema,
  })
  .refine((s) => s.id === `${s.month}-${s.year}`, { error: 'id must be <month>-<year>', path: ['id'] })
  .refine((s) => s.academicYear === seriesAcademicYear(s.month, s.year), {
    error: 'academicYear does not match the series month and year',
    path: ['academicYear'],
  });
/**
 * An exam series.
 *
 * @example
 * ```ts
 * const june: ExamSeries = examSeries('june', 2026);
 * june.academicYear; // '2025/26'
 * ```
 */
export type ExamSeries = z.infer<typeof examSeriesSchema>;

function seriesAcademicYear(month: SeriesMonth, year: number): AcademicYear {
  return academicYearOf(`${year}-${String(MONTH_NUMBER[month]).padStart(2, '0')}-15` as CalendarDate);
}

/**
 * Builds a series from its month and year, with its academic year.
 *
 * @param month - `'june'`, `'november'`, `'january'` or `'march'`
 * @param year - the calendar year the series is sat in
 * @example
 * ```ts
 * examSeries('june', 2026); // { id: 'june-2026', month: 'june', year: 2026, academicYear: '2025/26' }
 * ```
 */
export function examSeries(month: SeriesMonth, year: number): ExamSeries {
  return examSeriesSchema.parse({ id: `${month}-${year}`, month, year, academicYear: seriesAcademicYear(month, year) });
}
