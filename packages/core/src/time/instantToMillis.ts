/**
 * An ISO 8601 instant to epoch milliseconds, exactly as `toLondon(iso).toMillis()` reads it, without luxon for
 * the forms examcycle writes: `YYYY-MM-DDTHH:mm[:ss[.S{1,3}]]` followed by `Z` or `±HH:mm` (plain arithmetic:
 * the offset says everything), or by nothing (London wall-clock time, resolved with the offset table from 1990 to
 * 2100), and `YYYY-MM-DD` (midnight in London). Every other form, every invalid value, and the autumn overlap
 * hour without an offset go to luxon, so the answer (or the `invalid_value` error) is always luxon's.
 *
 * Why the overlap goes to luxon: for a wall-clock time without an offset, luxon's first guess at the offset is
 * the offset of the host's current date, so 01:30 on the last Sunday of October is read as BST in summer and as
 * GMT in winter. Deferring keeps that behaviour identical rather than silently choosing one.
 */
import { daysFromCivil, daysInMonth } from './civilCalendar.js';
import { toLondon, type Instant } from './clock.js';
import { LONDON_TABLE_END, LONDON_TABLE_START, summerTimeAround } from './londonOffsetTable.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Two decimal digits at `i`, or NaN. Callers check the length first. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** The epoch ms of a London wall-clock time read as luxon's `fromISO` reads it, or NaN to defer to luxon. */
function londonWall(wall: number): number {
  if (!(wall >= LONDON_TABLE_START + DAY && wall < LONDON_TABLE_END - DAY)) return NaN;
  const { start, end } = summerTimeAround(wall);
  if (wall < start || wall >= end + HOUR) return wall;
  if (wall >= end) return NaN; // the autumn overlap: luxon's answer depends on the host's current date
  return wall >= start + HOUR ? wall - HOUR : wall; // in the spring gap luxon moves the time an hour later
}

/** The fast reading, or NaN when the string is not one of the fast forms (luxon decides those). */
function fastMillis(s: string): number {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  const date = daysFromCivil(year, month, day) * DAY;
  if (n === 10) return londonWall(date);
  if (n < 16 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return NaN;
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (!(hour <= 23 && minute <= 59)) return NaN;
  let wall = date + hour * HOUR + minute * 60_000;
  let i = 16;
  if (s.charCodeAt(i) === 58) {
    const second = two(s, 17);
    if (!(second <= 59)) return NaN;
    wall += second * 1000;
    i = 19;
    if (s.charCodeAt(i) === 46) {
      let scale = 100;
      i += 1;
      const first = i;
      for (let c = s.charCodeAt(i) - 48; c >= 0 && c <= 9 && i - first < 3; c = s.charCodeAt(i) - 48) {
        wall += c * scale;
        scale /= 10;
        i += 1;
      }
      if (i === first) return NaN;
      const next = s.charCodeAt(i) - 48;
      if (next >= 0 && next <= 9) return NaN; // more than three digits: luxon's own rounding decides
    }
  }
  if (i === n) return londonWall(wall);
  const sign = s.charCodeAt(i);
  if (sign === 90) return i + 1 === n ? wall : NaN;
  if ((sign !== 43 && sign !== 45) || n !== i + 6 || s.charCodeAt(i + 3) !== 58) return NaN;
  const offsetHours = two(s, i + 1);
  const offsetMinutes = two(s, i + 4);
  if (!(offsetHours <= 23 && offsetMinutes <= 59)) return NaN;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return sign === 43 ? wall - offset : wall + offset;
}

/**
 * The epoch milliseconds of an ISO 8601 instant: the same number as `toLondon(iso).toMillis()`. An instant with
 * `Z` or an offset is exact at any date; one without is London wall-clock time.
 *
 * @param iso - an ISO 8601 instant, e.g. `2026-08-12T00:01:00.000+01:00`
 * @throws ExamcycleError `invalid_value` when it is not a valid instant
 * @example
 * ```ts
 * instantToMillis('2026-08-12T00:01:00.000+01:00'); // 1786489260000
 * instantToMillis('2026-08-12T00:01'); // 1786489260000 (London wall-clock time, BST)
 * ```
 */
export function instantToMillis(iso: Instant): number {
  const ms = typeof iso === 'string' ? fastMillis(iso) : NaN;
  return ms === ms ? ms : toLondon(iso).toMillis();
}
