/**
 * Wonde serialises dates as PHP DateTime objects: `{ "date": "2009-03-14 00:00:00.000000", "timezone_type":
 * 3, "timezone": "UTC" }`. Type 3 names a zone, type 1 gives an offset (`+01:00`), type 2 an abbreviation
 * (`BST`). A date of birth is a calendar date, so only its date part is read; timestamps become instants in
 * Europe/London.
 */
import { DateTime } from 'luxon';
import { LONDON, type CalendarDate, type Instant } from '@examcycle/core';

/**
 * A Wonde date object.
 *
 * @example
 * ```ts
 * const updated: WondeDate = { date: '2025-11-03 10:15:42.000000', timezone_type: 3, timezone: 'UTC' };
 * wondeInstant(updated); // '2025-11-03T10:15:42.000+00:00'
 * ```
 */
export interface WondeDate {
  readonly date: string;
  readonly timezone_type: number;
  readonly timezone: string;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = { UTC: 'UTC', GMT: 'UTC', Z: 'UTC', BST: 'UTC+1' };

/**
 * The calendar date of a Wonde date object (its date part, as written), or `undefined` when unreadable.
 *
 * @param value - a Wonde date object
 * @example
 * ```ts
 * wondeCalendarDate({ date: '2009-03-14 00:00:00.000000', timezone_type: 3, timezone: 'Europe/London' }); // '2009-03-14'
 * ```
 */
export function wondeCalendarDate(value: WondeDate): CalendarDate | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.date);
  if (!m) return undefined;
  return DateTime.fromISO(m[1]!, { zone: 'UTC' }).isValid ? (m[1] as CalendarDate) : undefined; // matched \d{4}-\d{2}-\d{2}
}

/**
 * The instant a Wonde date object names, in Europe/London, or `undefined` when its zone or date is unreadable.
 *
 * @param value - a Wonde date object
 * @example
 * ```ts
 * wondeInstant({ date: '2026-03-01 09:30:00.000000', timezone_type: 3, timezone: 'UTC' }); // '2026-03-01T09:30:00.000+00:00'
 * ```
 */
export function wondeInstant(value: WondeDate): Instant | undefined {
  let zone: string | undefined;
  if (value.timezone_type === 3) zone = value.timezone;
  else if (value.timezone_type === 1 && /^[+-]\d{2}:\d{2}$/.test(value.timezone)) zone = `UTC${value.timezone}`;
  else if (value.timezone_type === 2) zone = ABBREVIATIONS[value.timezone.toUpperCase()];
  if (zone === undefined) return undefined;
  const dt = DateTime.fromFormat(value.date.slice(0, 19), 'yyyy-MM-dd HH:mm:ss', { zone });
  if (!dt.isValid) return undefined;
  return (dt.setZone(LONDON).toISO() ?? undefined) as Instant | undefined; // luxon's ISO form, with its offset
}
