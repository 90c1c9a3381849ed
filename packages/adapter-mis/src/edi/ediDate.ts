/**
 * EDI dates are six digits, `ddmmyy`, with no century. Dates of birth take the century that puts them at
 * most 99 years before the series year; every other date (file produced, timetable, due date) is in the
 * 2000s. `000000` means "unknown" (an unknown date of birth). Both rules are inferred, not stated.
 */
import type { CalendarDate } from '@examcycle/core';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether six characters are a real `ddmmyy` date (29 February only in years divisible by 4), or `000000`.
 *
 * @param raw - six characters
 * @example
 * ```ts
 * isEdiDate('290224'); // true
 * isEdiDate('310425'); // false
 * ```
 */
export function isEdiDate(raw: string): boolean {
  if (raw.length !== 6) return false;
  for (let i = 0; i < 6; i += 1) {
    const c = raw.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  if (raw === '000000') return true;
  const digit = (i: number): number => raw.charCodeAt(i) - 0x30;
  const d = digit(0) * 10 + digit(1);
  const m = digit(2) * 10 + digit(3);
  const y = digit(4) * 10 + digit(5);
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return y % 4 === 0;
  return d <= DAYS_IN_MONTH[m - 1]!;
}

/**
 * Reads a `ddmmyy` date as `YYYY-MM-DD`, or `undefined` for `000000`.
 *
 * @param raw - six digits, already checked with {@link isEdiDate}
 * @param centuryFor - the four-digit year for a two-digit one; 20yy when omitted
 * @example
 * ```ts
 * fromEdiDate('140309'); // '2009-03-14'
 * fromEdiDate('140399', (yy) => 1900 + yy); // '1999-03-14'
 * ```
 */
export function fromEdiDate(raw: string, centuryFor: (yy: number) => number = (yy) => 2000 + yy): CalendarDate | undefined {
  if (raw === '000000') return undefined;
  const year = centuryFor(Number(raw.slice(4, 6)));
  // six digits, checked by isEdiDate: the text is a calendar date
  return `${String(year).padStart(4, '0')}-${raw.slice(2, 4)}-${raw.slice(0, 2)}` as CalendarDate;
}

/**
 * Writes a `YYYY-MM-DD` date as `ddmmyy`.
 *
 * @param date - a calendar date
 * @example
 * ```ts
 * toEdiDate('2009-03-14'); // '140309'
 * ```
 */
export function toEdiDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
}

/**
 * The century rule for dates of birth: the latest year ending in `yy` that is not after the series year.
 *
 * @param seriesYear - the four-digit year of the series
 * @example
 * ```ts
 * birthCentury(2025)(9); // 2009
 * birthCentury(2025)(70); // 1970
 * ```
 */
export function birthCentury(seriesYear: number): (yy: number) => number {
  return (yy) => {
    const candidate = seriesYear - (((seriesYear % 100) - yy + 100) % 100);
    return candidate;
  };
}
