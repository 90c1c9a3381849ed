/**
 * A London wall-clock time on a date to epoch milliseconds, as `londonTime(date, time)` resolves it, without
 * luxon from 1990 to 2100. On the days the clocks change it follows luxon's reading (offset of that day's
 * midnight first): a time in the spring gap (01:00–01:59 on the last Sunday of March) moves an hour later
 * (01:30 is 02:30 BST), and a time in the autumn overlap (01:00–01:59 on the last Sunday of October) is the
 * first of the two, still in British Summer Time.
 */
import { daysFromCivil, daysInMonth } from './civilCalendar.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { londonDate, type CalendarDate } from './clock.js';
import { LONDON_TABLE_END, LONDON_TABLE_START, summerTimeAround } from './londonOffsetTable.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;

/**
 * The epoch milliseconds of a London wall-clock time on a London date (BST or GMT as the date falls). Gap and
 * overlap times resolve as luxon's `londonDate(date).set({ hour, minute })` does: the spring gap moves an hour
 * later, the autumn overlap takes the earlier (BST) instant.
 *
 * @param date - `YYYY-MM-DD`
 * @param time - `HH:mm`, `HH:mm:ss` or `HH:mm:ss.SSS` (24-hour, 00:00 to 23:59:59.999)
 * @throws ExamcycleError `invalid_value` when the date or the time is not valid
 * @example
 * ```ts
 * londonWallToMillis('2026-08-12', '00:01'); // Date.UTC(2026, 7, 11, 23, 1)
 * londonWallToMillis('2026-03-29', '01:30'); // Date.UTC(2026, 2, 29, 1, 30): 02:30 BST
 * ```
 */
export function londonWallToMillis(date: CalendarDate, time: string): number {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  const year = Number(d?.[1]);
  const month = Number(d?.[2]);
  const day = Number(d?.[3]);
  if (!d || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ExamcycleError('invalid_value', `Not a valid YYYY-MM-DD date: ${date}`);
  }
  const hour = Number(t?.[1]);
  const minute = Number(t?.[2]);
  const second = Number(t?.[3] ?? 0);
  const milli = Number(t?.[4] ?? 0);
  if (!t || hour > 23 || minute > 59 || second > 59) {
    throw new ExamcycleError('invalid_value', `Not a valid HH:mm time: ${time}`);
  }
  const wall = daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * 60_000 + second * 1000 + milli;
  if (!(wall >= LONDON_TABLE_START + DAY && wall < LONDON_TABLE_END - DAY)) {
    return londonDate(date).set({ hour, minute, second, millisecond: milli }).toMillis();
  }
  const { start, end } = summerTimeAround(wall);
  // Summer time in wall-clock terms: from 02:00 BST after the spring gap to 01:59:59.999 BST, the overlap's first pass.
  return wall >= start + HOUR && wall < end + HOUR ? wall - HOUR : wall;
}
