/**
 * Working days in England & Wales: Monday to Friday, except bank holidays. JCQ counts report windows
 * (a very late arrival within seven working days) in working days, and a centre sets its internal
 * deadlines as working-day offsets from the JCQ ones. Dates are London calendar dates; the arithmetic is
 * on dates, so it never depends on the host's time zone or on the clock changes.
 */
import { ExamcycleError, type CalendarDate } from '@examcycle/core';
import { DateTime } from 'luxon';
import { bankHolidays } from './bankHolidays.js';

let holidaySets: Map<number, ReadonlySet<CalendarDate>> | undefined;

function holidaysOf(year: number): ReadonlySet<CalendarDate> {
  holidaySets ??= new Map();
  let set = holidaySets.get(year);
  if (set === undefined) {
    set = new Set(bankHolidays(year).map((h) => h.date));
    holidaySets.set(year, set);
  }
  return set;
}

function parseDate(date: CalendarDate): DateTime {
  const dt = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: 'UTC' }) : DateTime.invalid('not YYYY-MM-DD');
  if (!dt.isValid) {
    throw new ExamcycleError('invalid_value', `Not a valid YYYY-MM-DD date: ${date}`, { location: { value: date } });
  }
  return dt;
}

function isWorking(dt: DateTime): boolean {
  return dt.weekday <= 5 && !holidaysOf(dt.year).has((dt.toISODate() as CalendarDate));
}

/**
 * Whether a date is a working day in England & Wales (a weekday that is not a bank holiday).
 *
 * @param date - `YYYY-MM-DD`
 * @throws ExamcycleError `invalid_value` for a malformed date or a year outside the calendar
 * @example
 * ```ts
 * isWorkingDay('2026-12-28'); // false: the Boxing Day substitute
 * ```
 */
export function isWorkingDay(date: CalendarDate): boolean {
  return isWorking(parseDate(date));
}

/**
 * Adds working days to a date. `0` returns the date itself; a positive count moves forward and a
 * negative one back, counting only working days, so the result of a non-zero count is always a working day.
 * Users call it as the pack's method, `jcq.addWorkingDays`.
 *
 * @internal
 * @param date - `YYYY-MM-DD`
 * @param days - whole working days, negative to go back
 * @throws ExamcycleError `invalid_value` for a malformed date, a non-integer count or a year outside the calendar
 * @example
 * ```ts
 * jcq.addWorkingDays('2026-06-24', 7); // '2026-07-03'
 * jcq.addWorkingDays('2026-04-07', -1); // '2026-04-02': Good Friday and Easter Monday are skipped
 * ```
 */
export function addWorkingDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) {
    throw new ExamcycleError('invalid_value', `A working-day offset must be a whole number, not ${String(days)}`);
  }
  let dt = parseDate(date);
  const step = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  while (remaining > 0) {
    dt = dt.plus({ days: step });
    if (isWorking(dt)) remaining -= 1;
  }
  return (dt.toISODate() as CalendarDate);
}

/**
 * The number of working days after `from` up to and including `to` (negative when `to` is earlier).
 *
 * @param from - `YYYY-MM-DD`
 * @param to - `YYYY-MM-DD`
 * @example
 * ```ts
 * workingDaysBetween('2026-06-24', '2026-07-03'); // 7
 * ```
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  const start = parseDate(from);
  const end = parseDate(to);
  const sign = end < start ? -1 : 1;
  let count = 0;
  let dt = start;
  while (dt.toISODate() !== end.toISODate()) {
    dt = dt.plus({ days: sign });
    if (isWorking(dt)) count += 1;
  }
  return sign * count;
}
