/**
 * The bank holidays of England & Wales for a year: New Year's Day, Good Friday, Easter Monday, the
 * Early May, Spring and Summer bank holidays, Christmas Day and Boxing Day, computed with their
 * substitute days, then adjusted by the one-off holidays in {@link ONE_OFF_BANK_HOLIDAYS}.
 * JCQ's "working days" skip these and weekends.
 */
import { ExamcycleError, type CalendarDate } from '@examcycle/core';
import { DateTime } from 'luxon';
import { easterSunday } from './easterSunday.js';
import { ONE_OFF_BANK_HOLIDAYS } from './oneOffBankHolidays.js';

/**
 * A bank holiday of England & Wales.
 *
 * @example
 * ```ts
 * const first: BankHoliday | undefined = bankHolidays(2026)[0];
 * first; // { date: '2026-01-01', name: "New Year's Day" }
 * ```
 */
export interface BankHoliday {
  readonly date: CalendarDate;
  readonly name: string;
}

/**
 * The first year the calendar covers (its one-off data starts there).
 *
 * @example
 * ```ts
 * bankHolidays(FIRST_CALENDAR_YEAR).length; // 8
 * ```
 */
export const FIRST_CALENDAR_YEAR = 2018;
/**
 * The last year the calendar covers.
 *
 * @example
 * ```ts
 * isWorkingDay(`${LAST_CALENDAR_YEAR}-12-31`); // true or false; a year later throws
 * ```
 */
export const LAST_CALENDAR_YEAR = 2099;

const SATURDAY = 6;
const SUNDAY = 7;

function day(year: number, month: number, dayOfMonth: number): DateTime {
  return DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: 'UTC' });
}

function iso(dt: DateTime): CalendarDate {
  return (dt.toISODate() as CalendarDate);
}

/** The first Monday of a month. */
function firstMonday(year: number, month: number): DateTime {
  const first = day(year, month, 1);
  return first.plus({ days: (8 - first.weekday) % 7 });
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): DateTime {
  const last = day(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday + 6) % 7 });
}

/** A fixed-date holiday moved to the next Monday when it falls at a weekend. */
function nextWeekday(dt: DateTime): DateTime {
  if (dt.weekday === SATURDAY) return dt.plus({ days: 2 });
  if (dt.weekday === SUNDAY) return dt.plus({ days: 1 });
  return dt;
}

/**
 * The England & Wales bank holidays of a calendar year, in date order.
 *
 * @param year - a year from 2018 to 2099
 * @throws ExamcycleError `invalid_value` for a year outside the calendar
 * @example
 * ```ts
 * bankHolidays(2026).map((h) => h.date);
 * // ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']
 * ```
 */
export function bankHolidays(year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
    throw new ExamcycleError(
      'invalid_value',
      `The working-day calendar covers ${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}; ${String(year)} is outside it`,
      { details: { year } },
    );
  }
  const easter = DateTime.fromISO(easterSunday(year), { zone: 'UTC' });
  const christmas = day(year, 12, 25);
  const boxing = day(year, 12, 26);
  // Christmas on Saturday: substitute Monday 27, Boxing Day (Sunday) Tuesday 28.
  // Christmas on Sunday: Boxing Day is Monday 26, Christmas substitute Tuesday 27.
  // Christmas on Friday: Boxing Day (Saturday) substitute Monday 28.
  let christmasObserved = christmas;
  let boxingObserved = boxing;
  if (christmas.weekday === SATURDAY) {
    christmasObserved = day(year, 12, 27);
    boxingObserved = day(year, 12, 28);
  } else if (christmas.weekday === SUNDAY) {
    christmasObserved = day(year, 12, 27);
  } else if (boxing.weekday === SATURDAY) {
    boxingObserved = day(year, 12, 28);
  }
  const regular: BankHoliday[] = [
    { date: iso(nextWeekday(day(year, 1, 1))), name: "New Year's Day" },
    { date: iso(easter.minus({ days: 2 })), name: 'Good Friday' },
    { date: iso(easter.plus({ days: 1 })), name: 'Easter Monday' },
    { date: iso(firstMonday(year, 5)), name: 'Early May bank holiday' },
    { date: iso(lastMonday(year, 5)), name: 'Spring bank holiday' },
    { date: iso(lastMonday(year, 8)), name: 'Summer bank holiday' },
    { date: iso(christmasObserved), name: 'Christmas Day' },
    { date: iso(boxingObserved), name: 'Boxing Day' },
  ];
  const prefix = `${year}-`;
  const oneOffs = ONE_OFF_BANK_HOLIDAYS.filter((h) => h.date.startsWith(prefix));
  const moved = new Set(oneOffs.flatMap((h) => (h.replaces === undefined ? [] : [h.replaces])));
  return [...regular.filter((h) => !moved.has(h.date)), ...oneOffs.map(({ date, name }) => ({ date, name }))].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}
