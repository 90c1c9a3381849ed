/**
 * The schedule of review meetings between an exams officer and their senior leader / line manager,
 * generated with rrule from the centre's term dates (its half terms) and the rules pack's EOPS cadence:
 * a new exams officer meets weekly or fortnightly early on, monthly after that and weekly during exam
 * time; an officer new to the centre meets at the early cadence until the centre induction is done, then
 * like an experienced one; an experienced officer meets monthly or half-termly. Every schedule opens with a
 * start meeting (targets agreed, Values & Attributes signed). A new exams officer also has the toolkit's
 * case-study reviews: at the end of the first week, of the first month and of the first three months (the
 * first term); the end-of-first-week review may share the first week with the start meeting. An annual
 * appraisal can be added on a date. A meeting is only ever on a school day: a
 * weekday inside one of the centre's half terms; one that would fall in a holiday moves to the next school
 * day before the following occurrence, or is dropped.
 *
 * Dates are calendar dates. rrule computes in UTC "floating" time: every date goes in as UTC midnight and
 * comes out read in UTC, so the host's time zone never shifts a meeting by a day.
 */
import { DateTime } from 'luxon';
import * as rruleModule from 'rrule';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { Outcome } from '../errors/Outcome.js';
import type { EopsRules } from '../rules/RulesPack.js';
import { isoDate, academicYearBounds, academicYearOf, toLondon, type AcademicYear, type CalendarDate, type Instant } from '../time/clock.js';
import type { EopsOfficerExperience, ScheduledMeeting, ScheduledMeetingKind } from './eopsContext.js';

/**
 * A half term as the centre publishes it: its first and last day (dates, or instants read in London).
 *
 * @example
 * ```ts
 * const autumn1: TermPeriod = { name: 'Autumn 1', start: '2025-09-03', end: '2025-10-24' };
 * ```
 */
export interface TermPeriod {
  readonly start: CalendarDate | Instant;
  readonly end: CalendarDate | Instant;
  /** e.g. `Autumn 1`; `half term N` when omitted. */
  readonly name?: string;
}

/**
 * A window of exam time (a series' exam period in the centre).
 *
 * @example
 * ```ts
 * const summerExams: ExamTimeWindow = { start: '2026-05-11', end: '2026-06-24' };
 * meetingSchedule({ termDates: [{ start: '2025-09-03', end: '2026-07-22' }], officerExperience: 'new', examTime: [summerExams], rules: jcq.eopsRules('2025/26') });
 * ```
 */
export interface ExamTimeWindow {
  readonly start: CalendarDate | Instant;
  readonly end: CalendarDate | Instant;
}

/**
 * Options for {@link meetingSchedule}.
 *
 * @example
 * ```ts
 * const options: MeetingScheduleOptions = {
 *   termDates: [{ name: 'Autumn 1', start: '2025-09-03', end: '2025-10-24' }],
 *   officerExperience: 'experienced',
 *   rules: jcq.eopsRules('2025/26'),
 * };
 * const schedule = meetingSchedule(options);
 * if (schedule.ok) schedule.value.map((m) => m.date);
 * ```
 */
export interface MeetingScheduleOptions {
  /** The centre's half terms for the year. */
  readonly termDates: readonly TermPeriod[];
  readonly officerExperience: EopsOfficerExperience;
  /**
   * Exam time: a new exams officer meets weekly during it.
   * @default []
   */
  readonly examTime?: readonly ExamTimeWindow[];
  /** The rules pack's EOPS rules for the academic year (`rulesPack.eopsRules(year)`). */
  readonly rules: EopsRules;
  /**
   * The day the schedule starts (the officer's first day, or registration).
   * @default the first day of the first half term in the academic year
   */
  readonly from?: CalendarDate | Instant;
  /**
   * The academic year.
   * @default the year of `from`, or else `rules.academicYear`
   */
  readonly academicYear?: AcademicYear;
  /**
   * A new exams officer's cadence after the early weeks (outside exam time). The EOPS toolkit suggests
   * "monthly for new exams officer"; its case study moves to every half term after the first term.
   * @default 'monthly'
   */
  readonly newOfficerLaterCadence?: 'monthly' | 'half_termly';
  /**
   * The annual appraisal ("include an annual appraisal"), on this day or the next school day within a week.
   * @default none
   */
  readonly appraisal?: CalendarDate | Instant;
}

type RRuleModule = typeof rruleModule;

/** rrule 2.x ships CommonJS marked `__esModule`: Node's ESM loader exposes it as `default`, bundlers and CJS by name. */
function rrule(): RRuleModule {
  return (rruleModule as unknown as { default?: RRuleModule }).default ?? rruleModule;
}

function utc(date: CalendarDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

function asJs(date: CalendarDate): Date {
  return utc(date).toJSDate();
}

function fromJs(date: Date): CalendarDate {
  return isoDate(DateTime.fromJSDate(date, { zone: 'utc' }));
}

function plusDays(date: CalendarDate, days: number): CalendarDate {
  return isoDate(utc(date).plus({ days }));
}

function isoWeek(date: CalendarDate): string {
  const d = utc(date);
  return `${d.weekYear}-${d.weekNumber}`;
}

/** The centre's date read in London, or the refusal of a value that is not a date. */
function dateOf(value: CalendarDate | Instant, field: string): Outcome<CalendarDate> {
  try {
    return { ok: true, value: isoDate(toLondon(value)) };
  } catch (cause) {
    return refused(new ExamcycleError('invalid_value', `meetingSchedule: ${field} is not a date: ${String(value)}`, { cause, location: { field, value: String(value) } }));
  }
}

function refused(error: ExamcycleError): { readonly ok: false; readonly error: ExamcycleError } {
  return { ok: false, error };
}

interface Term {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly name: string;
}

/** The centre's half terms in date order, or the refusal of missing, unreadable, reversed or overlapping ones. */
function termsOf(termDates: readonly TermPeriod[]): Outcome<Term[]> {
  if (termDates.length === 0) {
    return refused(new ExamcycleError('invalid_value', "meetingSchedule needs the centre's term dates (its half terms)", { location: { field: 'termDates' } }));
  }
  const terms: Term[] = [];
  for (const [i, t] of termDates.entries()) {
    const start = dateOf(t.start, `termDates[${i}].start`);
    if (!start.ok) return start;
    const end = dateOf(t.end, `termDates[${i}].end`);
    if (!end.ok) return end;
    terms.push({ start: start.value, end: end.value, name: t.name ?? `half term ${i + 1}` });
  }
  terms.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const [i, t] of terms.entries()) {
    if (t.end < t.start) {
      return refused(new ExamcycleError('invalid_value', `meetingSchedule: ${t.name} ends (${t.end}) before it starts (${t.start})`, { location: { field: 'termDates', value: t.name } }));
    }
    const next = terms[i + 1];
    if (next && next.start <= t.end) {
      return refused(new ExamcycleError('invalid_value', `meetingSchedule: ${t.name} and ${next.name} overlap`, { location: { field: 'termDates', value: `${t.name}, ${next.name}` } }));
    }
  }
  return { ok: true, value: terms };
}

/** The school days (weekdays in a half term) between two dates, with the half term of each. */
function schoolDays(terms: readonly Term[], first: CalendarDate, last: CalendarDate): Map<CalendarDate, string> {
  const { RRule } = rrule();
  const days = new Map<CalendarDate, string>();
  for (const t of terms) {
    const start = t.start > first ? t.start : first;
    const end = t.end < last ? t.end : last;
    if (end < start) continue;
    const rule = new RRule({
      freq: RRule.DAILY,
      byweekday: [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR],
      dtstart: asJs(start),
      until: asJs(end),
    });
    for (const d of rule.all()) days.set(fromJs(d), t.name);
  }
  return days;
}

/** Occurrences of a weekly or monthly rule from `start` to `until` (inclusive), as dates; monthly on `anchor`'s day of the month (28th at most). */
function occurrences(kind: 'weekly' | 'fortnightly' | 'monthly', start: CalendarDate, until: CalendarDate, anchor: CalendarDate = start): CalendarDate[] {
  if (until < start) return [];
  const { RRule } = rrule();
  const rule =
    kind === 'monthly'
      ? new RRule({ freq: RRule.MONTHLY, bymonthday: [Math.min(utc(anchor).day, 28)], dtstart: asJs(start), until: asJs(until) })
      : new RRule({ freq: RRule.WEEKLY, interval: kind === 'weekly' ? 1 : 2, dtstart: asJs(start), until: asJs(until) });
  return rule.all().map(fromJs);
}

/**
 * The schedule of review meetings for one exams officer for one academic year.
 *
 * @param options - term dates, the officer's experience, exam time, the rules pack's EOPS rules, the start
 * @returns the meetings in date order, at most one a week, each on a school day; or `{ ok: false }` with
 *   `invalid_value` (and the field in `location`) for the centre's dates when they cannot make a schedule:
 *   missing, unreadable, reversed or overlapping term dates or exam time, a start or an appraisal outside the
 *   academic year
 * @throws ExamcycleError `invalid_value` for rules of another academic year (the host passed the wrong rules)
 * @example
 * ```ts
 * const schedule = meetingSchedule({
 *   termDates: [{ name: 'Autumn 1', start: '2025-09-03', end: '2025-10-24' }, { name: 'Autumn 2', start: '2025-11-03', end: '2025-12-19' }],
 *   officerExperience: 'experienced',
 *   rules: jcq.eopsRules('2025/26'),
 * });
 * if (schedule.ok) schedule.value.map((m) => `${m.date} ${m.kind}`); // ['2025-09-03 start', '2025-10-24 half_termly', '2025-12-19 half_termly']
 * else console.warn(schedule.error.location?.field, schedule.error.message); // e.g. 'termDates', 'Autumn 1 and Autumn 2 overlap'
 * ```
 */
export function meetingSchedule({
  termDates,
  officerExperience,
  examTime = [],
  rules,
  from,
  academicYear,
  newOfficerLaterCadence = 'monthly',
  appraisal,
}: MeetingScheduleOptions): Outcome<ScheduledMeeting[]> {
  const termsRead = termsOf(termDates);
  if (!termsRead.ok) return termsRead;
  const terms = termsRead.value;
  const fromRead = from === undefined ? undefined : dateOf(from, 'from');
  if (fromRead !== undefined && !fromRead.ok) return fromRead;
  const fromDate = fromRead?.value;
  const year = academicYear ?? (fromDate ? academicYearOf(fromDate) : rules.academicYear);
  if (rules.academicYear !== year) {
    throw new ExamcycleError('invalid_value', `meetingSchedule: the EOPS rules are for ${rules.academicYear}, the schedule for ${year}`, { location: { field: 'rules' } });
  }
  const bounds = academicYearBounds(year);
  if (fromDate !== undefined && (fromDate < bounds.start || fromDate > bounds.end)) {
    return refused(new ExamcycleError('invalid_value', `meetingSchedule: ${fromDate} is outside the ${year} academic year`, { location: { field: 'from', value: fromDate } }));
  }
  const days = schoolDays(terms, fromDate ?? bounds.start, bounds.end);
  const sorted = [...days.keys()].sort();
  const first = sorted[0];
  if (first === undefined) return { ok: true, value: [] };

  /** The first school day on or after `d` and before `before`. */
  const snap = (d: CalendarDate, before: CalendarDate): CalendarDate | undefined => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    const hit = sorted[lo];
    return hit !== undefined && hit < before ? hit : undefined;
  };

  const candidates: { date: CalendarDate; kind: ScheduledMeetingKind }[] = [{ date: first, kind: 'start' }];
  /** Adds a rule's occurrences, each moved to the first school day before the next occurrence. */
  const addSeries = (kind: ScheduledMeetingKind, cadence: 'weekly' | 'fortnightly' | 'monthly', start: CalendarDate, until: CalendarDate) => {
    const occ = occurrences(cadence, start, until, first);
    occ.forEach((o, i) => {
      const next = occ[i + 1] ?? (cadence === 'monthly' ? isoDate(utc(o).plus({ months: 1 })) : plusDays(o, cadence === 'weekly' ? 7 : 14));
      const limit = next < plusDays(until, 1) ? next : plusDays(until, 1);
      const date = snap(o, limit);
      if (date) candidates.push({ date, kind });
    });
  };
  /** Adds the last school day of every half term that ends on or after `start`. */
  const addHalfTermly = (start: CalendarDate) => {
    for (const t of terms) {
      if (t.end < start) continue;
      const last = sorted.filter((d) => d >= start && d >= t.start && d <= t.end).pop();
      if (last) candidates.push({ date: last, kind: 'half_termly' });
    }
  };
  const addCadence = (cadence: 'monthly' | 'half_termly', start: CalendarDate) => {
    if (cadence === 'monthly') addSeries('monthly', 'monthly', start, bounds.end);
    else addHalfTermly(start);
  };

  const newCadence = rules.newOfficerCadence.value;
  if (officerExperience === 'experienced') {
    addCadence(rules.experiencedOfficerCadence.value, first);
  } else {
    const earlyEnd = plusDays(isoDate(utc(first).plus({ weeks: newCadence.earlyWeeks })), -1);
    const earlyUntil = earlyEnd < bounds.end ? earlyEnd : bounds.end;
    addSeries('early', newCadence.early, first, earlyUntil);
    const after = plusDays(earlyUntil, 1);
    if (after <= bounds.end) addCadence(officerExperience === 'new' ? newOfficerLaterCadence : rules.experiencedOfficerCadence.value, after);
    if (officerExperience === 'new') {
      for (const [i, w] of examTime.entries()) {
        const startRead = dateOf(w.start, `examTime[${i}].start`);
        if (!startRead.ok) return startRead;
        const endRead = dateOf(w.end, `examTime[${i}].end`);
        if (!endRead.ok) return endRead;
        const start = startRead.value;
        const end = endRead.value;
        if (end < start) {
          return refused(new ExamcycleError('invalid_value', `meetingSchedule: exam time ${start} to ${end} ends before it starts`, { location: { field: `examTime[${i}]` } }));
        }
        // Weekly in exam time means a meeting in every (Monday to Sunday) week of it that has a school day.
        const from = start > first ? start : first;
        for (const monday of occurrences('weekly', isoDate(utc(from).startOf('week')), end)) {
          const date = snap(monday > from ? monday : from, plusDays(monday, 7) < plusDays(end, 1) ? plusDays(monday, 7) : plusDays(end, 1));
          if (date) candidates.push({ date, kind: 'exam_time' });
        }
      }
    }
  }

  if (officerExperience === 'new') {
    /** The last school day from `first` up to the day before `end` (the end of a period in post). */
    const lastBefore = (end: CalendarDate): CalendarDate | undefined => sorted.filter((d) => d >= first && d < end).pop();
    const start = utc(first);
    const reviews: [ScheduledMeetingKind, CalendarDate | undefined][] = [
      ['first_week', lastBefore(isoDate(start.plus({ weeks: 1 })))],
      ['first_month', lastBefore(isoDate(start.plus({ months: 1 })))],
      ['first_term', lastBefore(isoDate(start.plus({ months: 3 })))],
    ];
    for (const [kind, date] of reviews) if (date && date !== first) candidates.push({ date, kind });
  }
  if (appraisal !== undefined) {
    const dayRead = dateOf(appraisal, 'appraisal');
    if (!dayRead.ok) return dayRead;
    const day = dayRead.value;
    if (day < bounds.start || day > bounds.end) {
      return refused(new ExamcycleError('invalid_value', `meetingSchedule: the appraisal on ${day} is outside the ${year} academic year`, { location: { field: 'appraisal', value: day } }));
    }
    const date = snap(day, plusDays(day, 7));
    if (date) candidates.push({ date, kind: 'appraisal' });
  }

  // One meeting a week at most; when two fall in a week the more specific wins. The end-of-first-week review
  // is the one exception: it keeps its own slot beside the first day's start meeting, as in the case study.
  const priority: Record<ScheduledMeetingKind, number> = {
    start: 0,
    first_week: 1,
    first_month: 1,
    first_term: 1,
    appraisal: 1,
    exam_time: 2,
    early: 3,
    half_termly: 4,
    monthly: 5,
  };
  const byWeek = new Map<string, { date: CalendarDate; kind: ScheduledMeetingKind }>();
  for (const c of candidates) {
    const key = c.kind === 'first_week' ? `${isoWeek(c.date)} first week` : isoWeek(c.date);
    const held = byWeek.get(key);
    if (!held || priority[c.kind] < priority[held.kind] || (priority[c.kind] === priority[held.kind] && c.date < held.date)) byWeek.set(key, c);
  }
  const meetings = [...byWeek.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((c) => ({ date: c.date, kind: c.kind, halfTerm: days.get(c.date)! }));
  return { ok: true, value: meetings };
}
