/**
 * Easter Sunday by the Gregorian computus, so Good Friday and Easter Monday (England & Wales bank
 * holidays) are computed, not listed. The algorithm is the anonymous Gregorian one (Meeus/Jones/Butcher).
 */
import type { CalendarDate } from '@examcycle/core';

/**
 * The date of Easter Sunday in a Gregorian year.
 *
 * @param year - a Gregorian year, e.g. `2026`
 * @returns the date as `YYYY-MM-DD`
 * @example
 * ```ts
 * easterSunday(2026); // '2026-04-05'
 * ```
 */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}
