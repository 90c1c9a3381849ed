/**
 * Exports key dates as an RFC 5545 iCalendar, so a centre's calendar opens in Outlook and Google
 * Calendar: UIDs from the centre number and the key-date id (stable from one export to the next, and
 * never the same for two centres), DTSTAMP from an injected instant (never the host clock),
 * date deadlines as all-day events on their day (a window's opening is in the description), timed ones (restricted release at 00:01) with TZID=Europe/London and
 * a VTIMEZONE, or in UTC, and annual obligations (the 31 October NCN update) as one event with an
 * RRULE built with `rrule`. Every event whose confidence is below `primary` says so: its SUMMARY ends
 * with the confidence (`(pattern)`) and its DESCRIPTION opens with what that confidence means.
 */
import { ExamcycleError, isValidCentreNumber, londonDate, londonIso, toLondon, type Centre, type Instant, type KeyDate, type KeyDateKind } from '@examcycle/core';
import * as rruleModule from 'rrule';
import { epochMsOf } from '../engine/epochMsOf.js';
import { confidenceLabel, isBelowPrimary, weakestConfidence } from '../engine/weakestConfidence.js';
import { escapeText, foldContentLine } from './foldContentLine.js';
import type { CalendarDate } from '@examcycle/core';

/**
 * Options for {@link toICalendar}: when the calendar was made and for which centre, and how it is written.
 *
 * @example
 * ```ts
 * const options: ICalendarOptions = { generatedAt: '2026-01-05T09:00:00Z', centre: { centreNumber: '68199' }, timeZone: 'UTC' };
 * toICalendar(jcq.keyDates(examSeries('june', 2026)), options);
 * ```
 */
export interface ICalendarOptions {
  /** The DTSTAMP of every event: when the calendar was generated, from the caller's clock. */
  readonly generatedAt: Instant;
  /**
   * The centre the calendar is for. Its number is in every UID (`68199/june-2026/entry_deadline@rules-jcq.examcycle`),
   * so two centres' calendars subscribed in one calendar app never collide, and a re-export updates the
   * same events instead of adding copies.
   */
  readonly centre: Pick<Centre, 'centreNumber'>;
  /**
   * The calendar's name.
   * @default 'JCQ key dates'
   */
  readonly calendarName?: string;
  /**
   * How timed events are written: with `TZID=Europe/London` and a VTIMEZONE, or in UTC.
   * @default 'Europe/London'
   */
  readonly timeZone?: 'Europe/London' | 'UTC';
  /**
   * The domain after `@` in every UID.
   * @default 'rules-jcq.examcycle'
   */
  readonly uidDomain?: string;
  /**
   * Kinds that recur on the same day every year and are written once with a yearly RRULE.
   * @default ['ncn_register_update', 'head_of_centre_declaration']
   */
  readonly recurringKinds?: readonly KeyDateKind[];
}

type RRuleClass = typeof rruleModule.RRule;

/** `rrule` ships CommonJS to Node's ESM loader and ESM to bundlers; find its RRule either way. */
function rruleClass(): RRuleClass {
  const ns = rruleModule as unknown as { RRule?: RRuleClass; default?: { RRule?: RRuleClass } };
  const found = ns.RRule ?? ns.default?.RRule;
  if (found === undefined) throw new ExamcycleError('invalid_value', 'The rrule package did not load');
  return found;
}

/** The lines of the London VTIMEZONE, built once (they never change). */
let londonTimezoneLines: readonly string[] | undefined;

/** A `YYYY-MM-DD` date: the day after it is plain calendar arithmetic (no zone is involved). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcStamp(at: Instant): string {
  const iso = (new Date(epochMsOf(at)).toISOString() as Instant);
  // `2026-01-05T09:00:00.000Z` → `20260105T090000Z`; luxon for years toISOString writes another way.
  if (iso.length === 24) return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return toLondon(at).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
}

/** An instant's London wall clock: its date (`YYYY-MM-DD`), `HH:mm`, and `yyyyLLddTHHmmss` for DTSTART. */
interface LondonWall {
  readonly date: string;
  readonly time: string;
  readonly stamp: string;
}

/** `2026-08-12T00:01:00.000+01:00`: the shape `londonIso` writes for years 0000–9999. */
const LONDON_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

/** The London wall clock of an instant from core's offset table (luxon, as before, for any other shape). */
function londonWall(at: Instant): LondonWall {
  const iso = londonIso(epochMsOf(at));
  if (LONDON_ISO.test(iso)) {
    return { date: iso.slice(0, 10), time: iso.slice(11, 16), stamp: `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}` };
  }
  const london = toLondon(at);
  return { date: (london.toISODate() as CalendarDate), time: london.toFormat('HH:mm'), stamp: london.toFormat("yyyyLLdd'T'HHmmss") };
}

function dateValue(date: string): string {
  return date.replaceAll('-', '');
}

function nextDate(date: string): string {
  const m = ISO_DATE.exec(date);
  if (m !== null) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const t = new Date(Date.UTC(2000, month - 1, day));
    t.setUTCFullYear(year);
    // A real date (not 2026-02-30) whose next day is in the 4-digit years luxon writes plainly.
    if (t.getUTCMonth() === month - 1 && t.getUTCDate() === day && year < 9999) {
      t.setUTCDate(day + 1);
      return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
    }
  }
  return (londonDate(date as CalendarDate).plus({ days: 1 }).toISODate() as CalendarDate);
}

function londonTimezone(RRule: RRuleClass): readonly string[] {
  return (londonTimezoneLines ??= londonTimezoneOf(RRule));
}

function londonTimezoneOf(RRule: RRuleClass): string[] {
  const daylight = new RRule({ freq: RRule.YEARLY, bymonth: 3, byweekday: RRule.SU.nth(-1) }).toString();
  const standard = new RRule({ freq: RRule.YEARLY, bymonth: 10, byweekday: RRule.SU.nth(-1) }).toString();
  return [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/London',
    'X-LIC-LOCATION:Europe/London',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0000',
    'TZOFFSETTO:+0100',
    'TZNAME:BST',
    'DTSTART:19700329T010000',
    daylight,
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0000',
    'TZNAME:GMT',
    'DTSTART:19701025T020000',
    standard,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

function describe(k: KeyDate, london: LondonWall | undefined): string {
  const due =
    k.dueRule === 'end_of_day'
      ? 'Due by the end of the day (23:59:59 Europe/London).'
      : london !== undefined
        ? `At ${london.time} Europe/London.`
        : 'All day.';
  const source = `Source: ${k.source.document}${k.source.section === undefined ? '' : `, section ${k.source.section}`} (${k.source.year}).`;
  const confidence = isBelowPrimary(k.confidence)
    ? `Confidence: ${confidenceLabel(k.confidence)}. Check it against the current JCQ or awarding body document.`
    : `Confidence: ${confidenceLabel(k.confidence)}.`;
  const opens = k.from === undefined ? [] : [`Opens ${londonWall(k.from).date}.`];
  return [confidence, due, ...opens, source, ...(k.note === undefined ? [] : [k.note])].join('\n');
}

function timing(k: KeyDate, london: LondonWall | undefined, timeZone: 'Europe/London' | 'UTC'): string[] {
  if (london !== undefined) {
    if (timeZone === 'UTC') return [`DTSTART:${utcStamp(k.at)}`];
    return [`DTSTART;TZID=Europe/London:${london.stamp}`];
  }
  return [`DTSTART;VALUE=DATE:${dateValue(k.date)}`, `DTEND;VALUE=DATE:${dateValue(nextDate(k.date))}`];
}

function event(k: KeyDate, uid: string, stamp: string, timeZone: 'Europe/London' | 'UTC', rrule?: string): string[] {
  const summary = isBelowPrimary(k.confidence) ? `${k.title} (${k.confidence})` : k.title;
  // A timed event's instant in London, read once for its DTSTART and its description.
  const london = k.dueRule === 'at_time' ? londonWall(k.at) : undefined;
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    ...timing(k, london, timeZone),
    ...(rrule === undefined ? [] : [rrule]),
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(describe(k, london))}`,
    `CATEGORIES:${escapeText(k.kind)}`,
    ...(k.source.url === undefined ? [] : [`URL:${k.source.url}`]),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * Writes key dates as an iCalendar (RFC 5545) string with CRLF line endings.
 *
 * @param keyDates - the key dates (duplicates by id are written once)
 * @param options - DTSTAMP, the centre, name, time zone, UID domain and recurring kinds
 * @throws ExamcycleError `invalid_value` when the centre number is not five digits (a programmer error: it
 *   comes from the centre's own record)
 * @example
 * ```ts
 * const ics = toICalendar(jcq.keyDates(examSeries('june', 2026)), { generatedAt: '2026-01-05T09:00:00Z', centre: { centreNumber: '68199' } });
 * ics.includes('UID:68199/june-2026/entry_deadline@rules-jcq.examcycle'); // true
 * ```
 */
export function toICalendar(keyDates: readonly KeyDate[], options: ICalendarOptions): string {
  const {
    generatedAt,
    centre,
    calendarName = 'JCQ key dates',
    timeZone = 'Europe/London',
    uidDomain = 'rules-jcq.examcycle',
    recurringKinds = ['ncn_register_update', 'head_of_centre_declaration'],
  } = options;
  if (!isValidCentreNumber(centre.centreNumber)) {
    throw new ExamcycleError('invalid_value', `Not a centre number: "${centre.centreNumber}" (five digits)`, { location: { field: 'centre.centreNumber', value: centre.centreNumber } });
  }
  const uid = (id: string) => `${centre.centreNumber}/${id}@${uidDomain}`;
  const RRule = rruleClass();
  const stamp = utcStamp(generatedAt);
  // Sort keys worked out once per key date, not once per comparison.
  const keyed = [...new Map(keyDates.map((k) => [k.id, k])).values()].map((k) => ({ k, ms: epochMsOf(k.at) }));
  keyed.sort((a, b) => a.ms - b.ms || (a.k.id < b.k.id ? -1 : a.k.id > b.k.id ? 1 : 0));
  const unique = keyed.map((x) => x.k);

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//examcycle//rules-jcq//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    ...(timeZone === 'Europe/London' ? ['X-WR-TIMEZONE:Europe/London', ...londonTimezone(RRule)] : []),
  ];

  const recurring = new Map<KeyDateKind, KeyDate[]>();
  for (const k of unique) {
    if (recurringKinds.includes(k.kind) && k.dueRule !== 'at_time' && k.from === undefined) {
      recurring.set(k.kind, [...(recurring.get(k.kind) ?? []), k]);
      continue;
    }
    lines.push(...event(k, uid(k.id), stamp, timeZone));
  }
  for (const [kind, group] of recurring) {
    const monthDays = new Set(group.map((k) => k.date.slice(5)));
    const first = group[0]!;
    if (monthDays.size !== 1) {
      for (const k of group) lines.push(...event(k, uid(k.id), stamp, timeZone));
      continue;
    }
    const [month, day] = first.date.slice(5).split('-').map(Number) as [number, number];
    const rrule = new RRule({ freq: RRule.YEARLY, bymonth: month, bymonthday: day }).toString();
    const title = first.title.replace(/^\d{4}\/\d{2}: /, '');
    // One event stands for every year: it is only as strong as its weakest year, and says which.
    const confidence = weakestConfidence(...group.map((k) => k.confidence));
    const weaker = group.filter((k) => k.confidence !== first.confidence).map((k) => `${k.date}: ${k.confidence}`);
    const note = [first.note, ...(weaker.length === 0 ? [] : [`Years with another confidence: ${weaker.join('; ')}.`])].filter((n) => n !== undefined).join(' ');
    lines.push(...event({ ...first, confidence, ...(note === '' ? {} : { note }), title: `${title} (every year)` }, uid(`annual/${kind}`), stamp, timeZone, rrule));
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldContentLine).join('\r\n')}\r\n`;
}
