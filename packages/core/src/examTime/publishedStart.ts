/**
 * The instant a paper starts: its London date and published `HH:mm` start time as epoch milliseconds, worked out
 * with core's offset table (no luxon) for the times examcycle writes, and exactly as `londonTime(date, time)`
 * reads anything else (luxon decides those, and their errors).
 */
import { londonTime, type CalendarDate } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { londonWallToMillis } from '../time/londonWallToMillis.js';

const HH_MM = /^\d{2}:\d{2}$/;

/**
 * A published start (London date and `HH:mm`) as epoch milliseconds: the same number as
 * `instantToMillis(londonTime(date, time))`.
 *
 * @param date - `YYYY-MM-DD`
 * @param time - `HH:mm`
 * @throws ExamcycleError `invalid_value` when the date or the time is not valid
 * @example
 * ```ts
 * publishedStartMillis('2026-06-10', '09:00'); // Date.UTC(2026, 5, 10, 8, 0)
 * ```
 */
export function publishedStartMillis(date: CalendarDate, time: string): number {
  return HH_MM.test(time) ? londonWallToMillis(date, time) : instantToMillis(londonTime(date, time));
}
