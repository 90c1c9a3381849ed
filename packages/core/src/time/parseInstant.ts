/**
 * From a plain `string` to examcycle's time types. {@link Instant}, {@link CalendarDate} and {@link AcademicYear}
 * are template literal types, so a literal type-checks as itself, but a `string` read from a database, a form or
 * a file must be checked first: the guards (`isInstant`, …) for data that may be wrong (branch on them), the
 * parsers (`parseInstant`, …) for values the host already trusts (they throw, as zod's `parse` does).
 */
import { academicYearSchema, calendarDateSchema, instantSchema } from '../domain/identifierSchemas.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { AcademicYear, CalendarDate, Instant } from './clock.js';

/**
 * Whether a value is an ISO 8601 instant with its offset (what {@link instantSchema} accepts).
 *
 * @param value - any value
 * @example
 * ```ts
 * declare const row: { sat_at: string };
 * if (isInstant(row.sat_at)) console.log(toLondon(row.sat_at).hour);
 * ```
 */
export function isInstant(value: unknown): value is Instant {
  return instantSchema.safeParse(value).success;
}

/**
 * Whether a value is a `YYYY-MM-DD` calendar date (what {@link calendarDateSchema} accepts).
 *
 * @param value - any value
 * @example
 * ```ts
 * isCalendarDate('2026-08-20'); // true
 * isCalendarDate('2026-08-20T08:00:00+01:00'); // false: an instant is not a date
 * ```
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return calendarDateSchema.safeParse(value).success;
}

/**
 * Whether a value is an academic year label like `2025/26` (what {@link academicYearSchema} accepts).
 *
 * @param value - any value
 * @example
 * ```ts
 * isAcademicYear('2025/26'); // true
 * isAcademicYear('2025/27'); // false
 * ```
 */
export function isAcademicYear(value: unknown): value is AcademicYear {
  return academicYearSchema.safeParse(value).success;
}

/**
 * A trusted string as an {@link Instant}.
 *
 * @param text - an ISO 8601 instant with its offset, e.g. `2026-08-13T08:00:00+01:00`
 * @throws ExamcycleError `invalid_value` when it is not one (use {@link isInstant} on data that may be wrong)
 * @example
 * ```ts
 * const opensAt = parseInstant(process.env['RESULTS_OPEN_AT'] ?? '2026-08-13T08:00:00+01:00');
 * ```
 */
export function parseInstant(text: string): Instant {
  if (isInstant(text)) return text;
  throw new ExamcycleError('invalid_value', `Not an ISO 8601 instant with its offset: ${String(text)}`, { location: { value: String(text).slice(0, 40) } });
}

/**
 * A trusted string as a {@link CalendarDate}.
 *
 * @param text - `YYYY-MM-DD`
 * @throws ExamcycleError `invalid_value` when it is not one (use {@link isCalendarDate} on data that may be wrong)
 * @example
 * ```ts
 * const resultsDay = parseCalendarDate('2026-08-20');
 * ```
 */
export function parseCalendarDate(text: string): CalendarDate {
  if (isCalendarDate(text)) return text;
  throw new ExamcycleError('invalid_value', `Not a YYYY-MM-DD date: ${String(text)}`, { location: { value: String(text).slice(0, 40) } });
}

/**
 * A trusted string as an {@link AcademicYear}.
 *
 * @param text - e.g. `2025/26`
 * @throws ExamcycleError `invalid_value` when it is not one (use {@link isAcademicYear} on data that may be wrong)
 * @example
 * ```ts
 * const rules = parseAcademicYear('2025/26');
 * ```
 */
export function parseAcademicYear(text: string): AcademicYear {
  if (isAcademicYear(text)) return text;
  throw new ExamcycleError('invalid_value', `Not an academic year like 2025/26: ${String(text)}`, { location: { value: String(text).slice(0, 40) } });
}
