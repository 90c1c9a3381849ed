/**
 * Time in examcycle is explicit: every instant is in Europe/London, and "now" comes from an injected
 * {@link ExamClock}, never from the host. xstate's `SimulatedClock` is an `ExamClock`, so tests drive time
 * with `clock.increment(ms)`.
 */
import { DateTime } from 'luxon';
import { ExamcycleError } from '../errors/ExamcycleError.js';

/**
 * The zone every JCQ date is in.
 *
 * @example
 * ```ts
 * new Date('2026-06-08T08:00:00Z').toLocaleTimeString('en-GB', { timeZone: LONDON }); // '09:00:00'
 * ```
 */
export const LONDON = 'Europe/London';

/**
 * A clock examcycle can read and schedule on. `now()` is milliseconds since the epoch.
 * Production hosts pass one over the host's own time and timers (`now` in epoch ms, `setTimeout`, `clearTimeout`);
 * tests pass xstate's `SimulatedClock`.
 *
 * @example
 * ```ts
 * const clock: ExamClock = new SimulatedClock(); // or a wall clock in production
 * const runtime = createExamcycleRuntime({ store: createMemoryStore(), clock });
 * ```
 */
export interface ExamClock {
  now(): number;
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

/**
 * An ISO 8601 instant with its offset, e.g. `2026-08-12T00:01:00.000+01:00`. A template literal type: a literal
 * instant type-checks as one, a {@link CalendarDate} does not, and a plain `string` goes through
 * {@link parseInstant} (or the {@link isInstant} guard) first.
 *
 * @example
 * ```ts
 * const release: Instant = '2026-08-13T08:00:00+01:00';
 * // const wrong: Instant = '2026-08-13'; // a date is not an instant: a type error
 * ```
 */
export type Instant = `${number}-${number}-${number}T${string}`;

/**
 * A calendar date, `YYYY-MM-DD`, meaning that day in Europe/London. A template literal type, distinct from
 * {@link Instant}; a plain `string` goes through {@link parseCalendarDate} (or {@link isCalendarDate}) first.
 *
 * @example
 * ```ts
 * const resultsDay: CalendarDate = '2026-08-20';
 * ```
 */
export type CalendarDate = `${number}-${number}-${number}`;

/**
 * Parses an ISO instant, a `YYYY-MM-DD` date (its start in London) or epoch milliseconds into a Europe/London
 * `DateTime` (luxon's; `@types/luxon` is one of core's dependencies for this type).
 *
 * @param value - an ISO 8601 instant, a calendar date or epoch milliseconds
 * @throws ExamcycleError `invalid_value` when it is not a valid instant
 * @example
 * ```ts
 * toLondon('2026-08-20T08:00:00+01:00').hour; // 8
 * ```
 */
export function toLondon(value: Instant | CalendarDate | number): DateTime {
  const dt =
    typeof value === 'number'
      ? DateTime.fromMillis(value, { zone: LONDON })
      : DateTime.fromISO(value, { zone: LONDON, setZone: false });
  if (!dt.isValid) {
    throw new ExamcycleError('invalid_value', `Not a valid instant: ${String(value)}`, {
      details: { reason: dt.invalidExplanation ?? dt.invalidReason },
    });
  }
  return dt.setZone(LONDON);
}

/**
 * A luxon `DateTime` as an {@link Instant} (its ISO form with the offset).
 *
 * @internal
 * @param dt - a valid `DateTime`
 */
export function isoInstant(dt: DateTime): Instant {
  return dt.toISO() as Instant;
}

/**
 * A luxon `DateTime`'s day as a {@link CalendarDate} (`YYYY-MM-DD` in the `DateTime`'s zone).
 *
 * @internal
 * @param dt - a valid `DateTime`
 */
export function isoDate(dt: DateTime): CalendarDate {
  return dt.toISODate() as CalendarDate;
}

/**
 * The instant a London calendar date ends under examcycle's "by the end of the day" rule:
 * 23:59:59.999 Europe/London on that date (BST or GMT as the date falls).
 *
 * @param date - `YYYY-MM-DD`
 * @example
 * ```ts
 * endOfLondonDay('2026-02-21'); // '2026-02-21T23:59:59.999+00:00'
 * ```
 */
export function endOfLondonDay(date: CalendarDate): Instant {
  return londonDate(date).endOf('day').toISO() as Instant;
}

/**
 * A London wall-clock time on a date as an instant, e.g. 00:01 on restricted release day.
 *
 * @param date - `YYYY-MM-DD`
 * @param time - `HH:mm`
 * @example
 * ```ts
 * londonTime('2026-08-12', '00:01'); // '2026-08-12T00:01:00.000+01:00'
 * ```
 */
export function londonTime(date: CalendarDate, time: string): Instant {
  const [h, m] = time.split(':').map(Number);
  if (h === undefined || m === undefined || !Number.isInteger(h) || !Number.isInteger(m) || h > 23 || m > 59) {
    throw new ExamcycleError('invalid_value', `Not a valid HH:mm time: ${time}`);
  }
  return londonDate(date).set({ hour: h, minute: m }).toISO() as Instant;
}

/**
 * A `YYYY-MM-DD` date as the start of that day in London.
 *
 * @param date - `YYYY-MM-DD`
 * @example
 * ```ts
 * londonDate('2026-06-10').weekdayLong; // 'Wednesday'
 * ```
 */
export function londonDate(date: CalendarDate): DateTime {
  const dt = DateTime.fromISO(date, { zone: LONDON });
  if (!dt.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new ExamcycleError('invalid_value', `Not a valid YYYY-MM-DD date: ${date}`);
  }
  return dt.startOf('day');
}

/**
 * The academic year (1 September to 31 August) an instant or date falls in, as `'2025/26'`.
 *
 * @param value - an instant, a `YYYY-MM-DD` date, or epoch milliseconds
 * @example
 * ```ts
 * academicYearOf('2026-08-31'); // '2025/26'
 * academicYearOf('2026-09-01'); // '2026/27'
 * ```
 */
export function academicYearOf(value: Instant | CalendarDate | number): AcademicYear {
  const dt = toLondon(value);
  const start = dt.month >= 9 ? dt.year : dt.year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}` as AcademicYear;
}

/**
 * An academic year label, e.g. `'2025/26'` (1 September 2025 to 31 August 2026). {@link ExamSeries}'s
 * `academicYear` has this type, so it goes straight into a pack's `examRoomRules`.
 *
 * @example
 * ```ts
 * const year: AcademicYear = examSeries('june', 2026).academicYear; // '2025/26'
 * ```
 */
export type AcademicYear = `${number}/${number}`;

/**
 * The first and last day of an academic year (1 September to 31 August).
 *
 * @param year - e.g. `'2025/26'`
 * @example
 * ```ts
 * academicYearBounds('2025/26'); // { start: '2025-09-01', end: '2026-08-31' }
 * ```
 */
export function academicYearBounds(year: AcademicYear): { start: CalendarDate; end: CalendarDate } {
  const m = /^(\d{4})\/(\d{2})$/.exec(year);
  const startYear = m ? Number(m[1]) : NaN;
  if (!m || (startYear + 1) % 100 !== Number(m[2])) {
    throw new ExamcycleError('invalid_value', `Not an academic year like 2025/26: ${year}`);
  }
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}
