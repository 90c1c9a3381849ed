/**
 * Epoch milliseconds to the ISO instant examcycle writes everywhere: London wall-clock time with its offset,
 * `2026-08-12T00:01:00.000+01:00`, exactly what `toLondon(ms).toISO()` gives, without luxon on the hot path
 * (runtime stamps, audit lines, deadline signals). Outside the offset table (before 1990, from 2101) and for
 * fractional milliseconds it defers to luxon, so the output is always luxon's.
 */
import { civilFromDays } from './civilCalendar.js';
import { toLondon, type Instant } from './clock.js';
import { isSummerTime, LONDON_TABLE_END, LONDON_TABLE_START } from './londonOffsetTable.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * An instant as London ISO 8601 with its offset (`+01:00` in British Summer Time, `+00:00` in GMT), to the
 * millisecond: the same string as `toLondon(ms).toISO()`.
 *
 * @param ms - epoch milliseconds
 * @throws ExamcycleError `invalid_value` when `ms` is not a representable instant (NaN, ±Infinity, beyond ±8.64e15)
 * @example
 * ```ts
 * londonIso(Date.UTC(2026, 7, 11, 23, 1)); // '2026-08-12T00:01:00.000+01:00'
 * londonIso(Date.UTC(2026, 11, 25, 9)); // '2026-12-25T09:00:00.000+00:00'
 * ```
 */
export function londonIso(ms: number): Instant {
  if (!(ms >= LONDON_TABLE_START && ms < LONDON_TABLE_END) || Math.floor(ms) !== ms) return toLondon(ms).toISO() as Instant;
  const summer = isSummerTime(ms);
  const local = summer ? ms + HOUR : ms;
  const days = Math.floor(local / DAY);
  let rest = local - days * DAY;
  const hour = Math.floor(rest / HOUR);
  rest -= hour * HOUR;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  const ymd = civilFromDays(days);
  const year = Math.floor(ymd / 10_000);
  const month = Math.floor(ymd / 100) % 100;
  const day = ymd % 100;
  const fraction = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${fraction}${summer ? '+01:00' : '+00:00'}` as Instant;
}
