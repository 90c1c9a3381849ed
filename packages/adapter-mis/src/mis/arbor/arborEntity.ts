/**
 * How Arbor's REST API (`/rest-v2`) represents data, as its official PHP SDK reads and writes it: every
 * object carries `entityType` and `href` (related objects may be only those two plus `displayName`), dates
 * are `{ "entityType": "date", "date": "Y-m-d H:i:s" }` or plain strings, and a listing is an object whose
 * one key is the lower-camel plural of the resource (`candidates`, `ukJcq_UciAssignments`).
 */
import { DateTime } from 'luxon';
import { LONDON, type CalendarDate, type Instant, type IssueLocation } from '@examcycle/core';

/**
 * An Arbor object: `entityType`, `href` and its properties.
 *
 * @example
 * ```ts
 * const room: ArborEntity = { entityType: 'Room', href: '/rest-v2/rooms/41', roomName: 'Main hall' };
 * arborId(room.href ?? ''); // '41'
 * ```
 */
export type ArborEntity = Readonly<Record<string, unknown>> & { readonly entityType?: string; readonly href?: string };

/**
 * Where an Arbor object is, for an issue: `arbor:` and its href (`arbor:/rest-v2/rooms/44`), or, without one,
 * the listing and the object's index in it.
 *
 * @param href - the object's href, if it has one
 * @param listing - the listing it came in, e.g. `rooms`
 * @param index - its index in the listing
 * @internal
 */
export function arborAt(href: unknown, listing: string, index: number): IssueLocation {
  return typeof href === 'string' ? { file: `arbor:${href}` } : { file: `arbor:${listing}`, path: [index] };
}

/**
 * Whether a value is an Arbor object reference (has a string `href`).
 *
 * @param value - any JSON value
 * @example
 * ```ts
 * isArborRef({ entityType: 'Student', href: '/rest-v2/students/12' }); // true
 * ```
 */
export function isArborRef(value: unknown): value is ArborEntity & { readonly href: string } {
  return typeof value === 'object' && value !== null && typeof (value as { href?: unknown }).href === 'string';
}

/**
 * The id at the end of an Arbor `href` (`/rest-v2/students/12` → `12`).
 *
 * @param href - an Arbor href
 * @example
 * ```ts
 * arborId('/rest-v2/students/12'); // '12'
 * ```
 */
export function arborId(href: string): string {
  return href.replace(/\/+$/, '').split('/').pop() ?? href;
}

function dateText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { date?: unknown }).date === 'string') return (value as { date: string }).date;
  return undefined;
}

/**
 * The calendar date of an Arbor date (string or date object), or `undefined`.
 *
 * @param value - `'2009-03-14'`, `'2009-03-14 00:00:00'` or `{ entityType: 'date', date: '2009-03-14 00:00:00' }`
 * @example
 * ```ts
 * arborCalendarDate({ entityType: 'date', date: '2009-03-14 00:00:00' }); // '2009-03-14'
 * ```
 */
export function arborCalendarDate(value: unknown): CalendarDate | undefined {
  const text = dateText(value);
  const m = text === undefined ? null : /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (!m) return undefined;
  return DateTime.fromISO(m[1]!, { zone: LONDON }).isValid ? (m[1] as CalendarDate) : undefined; // matched \d{4}-\d{2}-\d{2}
}

/**
 * The instant of an Arbor datetime, read as Europe/London wall-clock time (Arbor gives no zone), or `undefined`.
 *
 * @param value - `'2026-08-20 08:00:00'` or a date object
 * @example
 * ```ts
 * arborInstant('2026-08-20 08:00:00'); // '2026-08-20T08:00:00.000+01:00'
 * ```
 */
export function arborInstant(value: unknown): Instant | undefined {
  const text = dateText(value);
  if (text === undefined) return undefined;
  const dt = DateTime.fromFormat(text.slice(0, 19), 'yyyy-MM-dd HH:mm:ss', { zone: LONDON });
  return dt.isValid ? ((dt.toISO() ?? undefined) as Instant | undefined) : undefined; // luxon's ISO form, with its offset
}

/**
 * A string from a string or a finite number (Arbor writes some codes as numbers), else `undefined`.
 *
 * @param value - any JSON value
 * @internal
 */
export function arborText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A boolean from Arbor's JSON or XML forms: `true`/`false`, or the strings `"true"`/`"false"` (and `"1"`/`"0"`)
 * that its XML form and string-typed properties carry; anything else is `undefined`.
 *
 * @param value - any JSON value
 * @internal
 */
export function arborBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : undefined;
}
