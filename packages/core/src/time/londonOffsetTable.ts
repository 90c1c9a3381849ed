/**
 * Europe/London's UTC offset as a table, so examcycle's hot paths turn instants into London time without luxon.
 * From 1996 the UK follows the EU rule: British Summer Time from the last Sunday of March to the last Sunday of
 * October, both at 01:00 UTC. From 1990 to 1995 summer time began the same way but ended on the first Sunday on or
 * after 22 October (01:00 UTC; tzdata's GB-Eire rule). The table covers 1990 to 2100 (what examcycle's data spans); outside it
 * every function falls back to luxon and the host's IANA data. The tests check the table against luxon at every
 * transition and on every day of the range.
 */
import { DateTime } from 'luxon';
import { daysFromCivil } from './civilCalendar.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { LONDON } from './clock.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The first epoch millisecond the table covers: 1990-01-01T00:00:00Z. */
export const LONDON_TABLE_START = 631_152_000_000;
/** The first epoch millisecond after the table: 2101-01-01T00:00:00Z. */
export const LONDON_TABLE_END = 4_133_980_800_000;
/** The year whose summer time sits at index 0 of the table (one year of margin before 1990). */
const FIRST_YEAR = 1989;
const LAST_YEAR = 2101;
/** The mean Gregorian year in ms; a year estimate from it is off by at most two days, far from March and October. */
const MEAN_YEAR = 31_556_952_000;

/** 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

function lastSunday(year: number, month: number, lastDay: number): number {
  const d = daysFromCivil(year, month, lastDay);
  return d - weekday(d);
}

/** Summer time's start and end (epoch ms, UTC) for every year of the table, built once by pure arithmetic. */
function buildTable(): { readonly starts: Float64Array; readonly ends: Float64Array } {
  const starts = new Float64Array(LAST_YEAR - FIRST_YEAR + 1);
  const ends = new Float64Array(LAST_YEAR - FIRST_YEAR + 1);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const start = lastSunday(year, 3, 31);
    let end: number;
    if (year >= 1996) {
      end = lastSunday(year, 10, 31);
    } else {
      // tzdata's GB-Eire rules: the first Sunday on or after 23 October (to 1989), 22 October (1990–1995).
      const earliest = daysFromCivil(year, 10, year < 1990 ? 23 : 22);
      end = earliest + ((7 - weekday(earliest)) % 7);
    }
    starts[year - FIRST_YEAR] = start * DAY + HOUR;
    ends[year - FIRST_YEAR] = end * DAY + HOUR;
  }
  return { starts, ends };
}

const { starts: STARTS, ends: ENDS } = /* @__PURE__ */ buildTable();

/**
 * The table index of the year an epoch ms (or a wall-clock ms read as UTC) falls in, approximately: near New
 * Year it may name the neighbouring year, which gives the same answer (GMT) there.
 */
function yearIndex(ms: number): number {
  return Math.floor((ms - LONDON_TABLE_START) / MEAN_YEAR) + (1990 - FIRST_YEAR);
}

/**
 * When British Summer Time starts and ends (epoch ms, both at 01:00 UTC) in the year around a moment inside the
 * table. Callers check the range first.
 *
 * @param ms - epoch ms, or London wall-clock ms read as if UTC, within the table
 * @internal
 * @example
 * ```ts
 * summerTimeAround(Date.UTC(2026, 5, 1)).start; // Date.UTC(2026, 2, 29, 1)
 * ```
 */
export function summerTimeAround(ms: number): { readonly start: number; readonly end: number } {
  const i = yearIndex(ms);
  return { start: STARTS[i]!, end: ENDS[i]! };
}

/**
 * Whether an epoch ms inside the table is in British Summer Time. No allocation: the hot path's check.
 *
 * @param ms - epoch ms within the table
 * @internal
 * @example
 * ```ts
 * isSummerTime(Date.UTC(2026, 7, 11, 23, 1)); // true
 * ```
 */
export function isSummerTime(ms: number): boolean {
  const i = yearIndex(ms);
  return ms >= STARTS[i]! && ms < ENDS[i]!;
}

/**
 * Europe/London's offset from UTC in minutes at an instant: 60 in British Summer Time, 0 in GMT. From 1990 to
 * 2100 it comes from the table; outside it, from luxon (so Local Mean Time before 1847 gives `-1.25`).
 *
 * @param ms - epoch milliseconds
 * @throws ExamcycleError `invalid_value` when `ms` is not a representable instant
 * @example
 * ```ts
 * londonOffsetMinutes(Date.UTC(2026, 7, 12)); // 60
 * londonOffsetMinutes(Date.UTC(2026, 11, 25)); // 0
 * ```
 */
export function londonOffsetMinutes(ms: number): number {
  if (ms >= LONDON_TABLE_START && ms < LONDON_TABLE_END) return isSummerTime(ms) ? 60 : 0;
  const dt = DateTime.fromMillis(ms, { zone: LONDON });
  if (!dt.isValid) throw invalidInstant(ms);
  return dt.offset;
}

function invalidInstant(ms: number): ExamcycleError {
  return new ExamcycleError('invalid_value', `Not a valid instant: ${String(ms)}`);
}
