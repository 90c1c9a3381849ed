/**
 * Evaluates an edition into the key dates of a series: every dated value becomes an instant in
 * Europe/London with its due rule ("by the end of the day" is 23:59:59.999 London), and the dates JCQ
 * defines from others (restricted release, release to candidates and press, the conflicts-of-interest
 * declaration, the seven-working-day report windows) are derived here, as weak as their weakest input.
 */
import {
  ExamcycleError,
  endOfLondonDay,
  examSeriesSchema,
  londonDate,
  londonTime,
  toLondon,
  type CalendarDate,
  type Confidence,
  type DueRule,
  type ExamSeries,
  type Instant,
  type KeyDate,
  type KeyDateKind,
  type QualificationLevel,
  type SourceRef,
  type Sourced,
} from '@examcycle/core';
import { addWorkingDays } from '../calendar/addWorkingDays.js';
import type { Edition, ResultsDay, SeriesEdition, SourcedDate } from '../editions/Edition.js';
import { seriesEditionFor } from '../editions/editions.js';
import { weakestConfidence } from './weakestConfidence.js';

const MONTH_LABEL = { january: 'January', march: 'March', june: 'June', november: 'November' } as const;

/** Everything needed to make one key date. */
interface KeyDateSpec {
  readonly kind: KeyDateKind;
  /** Appended to the id after the kind: `OCR/art-and-design`, `GCE`, `2026-06-10`. */
  readonly qualifier?: string;
  readonly title: string;
  readonly date: CalendarDate;
  readonly dueRule: DueRule;
  readonly time?: string;
  readonly from?: Instant;
  readonly awardingBodyId?: string;
  readonly level?: QualificationLevel;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  readonly note?: string;
  /** Overrides the `<seriesId>/` id prefix (annual obligations). */
  readonly idPrefix?: string;
}

function instantOf(date: CalendarDate, dueRule: DueRule, time: string | undefined): Instant {
  if (dueRule === 'end_of_day') return endOfLondonDay(date);
  if (dueRule === 'start_of_day') return (londonDate(date).toISO() as Instant);
  return londonTime(date, time ?? '00:00');
}

function make(series: ExamSeries, spec: KeyDateSpec): KeyDate {
  const prefix = spec.idPrefix ?? series.id;
  return {
    id: `${prefix}/${spec.kind}${spec.qualifier === undefined ? '' : `/${spec.qualifier}`}`,
    kind: spec.kind,
    title: spec.title,
    seriesId: series.id,
    at: instantOf(spec.date, spec.dueRule, spec.time),
    date: spec.date,
    dueRule: spec.dueRule,
    ...(spec.awardingBodyId === undefined ? {} : { awardingBodyId: spec.awardingBodyId }),
    ...(spec.level === undefined ? {} : { level: spec.level }),
    ...(spec.from === undefined ? {} : { from: spec.from }),
    source: spec.source,
    confidence: spec.confidence,
    ...(spec.note === undefined ? {} : { note: spec.note }),
  };
}

/** A key date read straight from a sourced date. */
function direct(
  series: ExamSeries,
  kind: KeyDateKind,
  title: string,
  value: SourcedDate,
  dueRule: DueRule,
  extra: Partial<KeyDateSpec> = {},
): KeyDate {
  return make(series, {
    kind,
    title,
    date: value.value,
    dueRule,
    source: value.source,
    confidence: value.confidence,
    ...(value.note === undefined ? {} : { note: value.note }),
    ...extra,
  });
}

function describe(value: Sourced<unknown>): string {
  return `${value.source.document}${value.source.section === undefined ? '' : ` ${value.source.section}`} (${value.source.year}), ${value.confidence}`;
}

/** A key date derived from an anchor date by a rule: cites the rule, notes the anchor. */
function derived(
  series: ExamSeries,
  spec: Omit<KeyDateSpec, 'source' | 'confidence' | 'note'>,
  anchorTitle: string,
  anchor: SourcedDate,
  rule: Sourced<unknown>,
): KeyDate {
  const notes = [`Derived from ${anchorTitle}, ${anchor.value} (${describe(anchor)})${anchor.note === undefined ? '' : `: ${anchor.note}`}`];
  notes.push(`Rule: ${describe(rule)}${rule.note === undefined ? '' : `: ${rule.note}`}`);
  return make(series, {
    ...spec,
    source: rule.source,
    confidence: weakestConfidence(anchor.confidence, rule.confidence),
    note: notes.join(' '),
  });
}

function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return (londonDate(date).plus({ days }).toISODate() as CalendarDate);
}

function resultsKeyDates(series: ExamSeries, edition: Edition, label: string, day: ResultsDay): KeyDate[] {
  const rules = edition.rules.results;
  const qualifier = day.key === 'all' ? undefined : day.key;
  const level = day.key === 'all' ? undefined : day.key;
  const what = day.key === 'GCE' ? 'A level' : day.key === 'GCSE' ? 'GCSE' : 'Results';
  const common = { ...(qualifier === undefined ? {} : { qualifier }), ...(level === undefined ? {} : { level }) };
  const out: KeyDate[] = [direct(series, 'results_day', `${label}: ${day.title}`, day.date, 'start_of_day', common)];
  if (!day.jcqRelease) return out;
  const restricted = rules.restrictedRelease;
  out.push(
    derived(
      series,
      {
        kind: 'restricted_release',
        ...common,
        title: `${label}: restricted release of ${what} results to centres (${restricted.value.time})`,
        date: addCalendarDays(day.date.value, -restricted.value.daysBeforeResultsDay),
        dueRule: 'at_time',
        time: restricted.value.time,
      },
      day.title,
      day.date,
      restricted,
    ),
    derived(
      series,
      {
        kind: 'release_to_candidates',
        ...common,
        title: `${label}: ${what} results to candidates (${rules.candidates.value})`,
        date: day.date.value,
        dueRule: 'at_time',
        time: rules.candidates.value,
      },
      day.title,
      day.date,
      rules.candidates,
    ),
    derived(
      series,
      {
        kind: 'release_to_press',
        ...common,
        title: `${label}: ${what} results data to the press and local authorities (${rules.pressAndLocalAuthorities.value})`,
        date: day.date.value,
        dueRule: 'at_time',
        time: rules.pressAndLocalAuthorities.value,
      },
      day.title,
      day.date,
      rules.pressAndLocalAuthorities,
    ),
  );
  return out;
}

function windowKeyDates(series: ExamSeries, edition: Edition, label: string, s: SeriesEdition): KeyDate[] {
  const last = s.contingencyDays.reduce<SourcedDate | undefined>(
    (acc, d) => (acc === undefined || d.date.value > acc.value ? d.date : acc),
    undefined,
  );
  if (last === undefined) return [];
  const from = (londonDate(last.value).toISO() as Instant);
  const special = edition.rules.derived.specialConsiderationDays;
  const lateArrival = edition.rules.derived.veryLateArrivalReportWorkingDays;
  return [
    derived(
      series,
      {
        kind: 'special_consideration_window',
        title: `${label}: last day for special consideration applications, ${String(special.value)} days after the last timetabled day`,
        date: addCalendarDays(last.value, special.value),
        dueRule: 'end_of_day',
        from,
      },
      'the last contingency day (the latest a subject\'s last exam can fall); each subject\'s own window runs from its last exam',
      last,
      special,
    ),
    derived(
      series,
      {
        kind: 'very_late_arrival_report_window',
        title: `${label}: last day for very late arrival reports (JCQ/VLA), ${String(lateArrival.value)} working days after the last timetabled day`,
        date: addWorkingDays(last.value, lateArrival.value),
        dueRule: 'end_of_day',
        from,
      },
      'the last contingency day (the end of the timetable); each exam\'s own window runs from that exam',
      last,
      lateArrival,
    ),
  ];
}

/**
 * The key dates of a series, in time order (then by id), without any centre overlay.
 *
 * @param editions - the editions to read
 * @param series - the series
 * @throws ExamcycleError `invalid_value` for a malformed series, `unknown_series` for one without an edition
 * @example
 * ```ts
 * buildKeyDates(JCQ_EDITIONS, examSeries('june', 2026)).find((k) => k.kind === 'entry_deadline')?.at;
 * // '2026-02-21T23:59:59.999+00:00'
 * ```
 */
export function buildKeyDates(editions: readonly Edition[], series: ExamSeries): KeyDate[] {
  const parsed = examSeriesSchema.safeParse(series);
  if (!parsed.success) {
    throw new ExamcycleError('invalid_value', `Not a valid exam series: ${JSON.stringify(series)}`, {
      cause: parsed.error,
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  const { edition, series: s } = seriesEditionFor(editions, series);
  const label = `${MONTH_LABEL[s.month]} ${String(s.year)}`;
  const out: KeyDate[] = [];
  if (s.basedataPublished) out.push(direct(series, 'basedata_published', `${label}: basedata published`, s.basedataPublished, 'start_of_day'));
  out.push(direct(series, 'entry_deadline', `${label}: entry deadline`, s.entryDeadline, 'end_of_day'));
  out.push(
    derived(
      series,
      {
        kind: 'late_fee_period_ends',
        title: `${label}: late-fee period ends (later entries pay the very late fee)`,
        date: s.veryLateDeadline.value,
        dueRule: 'end_of_day',
        from: (londonDate(addCalendarDays(s.entryDeadline.value, 1)).toISO() as Instant),
      },
      'the very late entry deadline',
      s.veryLateDeadline,
      edition.rules.derived.feeBands,
    ),
  );
  out.push(
    direct(series, 'very_late_deadline', `${label}: very late entries, amendment fees and withdrawal refunds deadline`, s.veryLateDeadline, 'end_of_day'),
  );
  out.push(
    derived(
      series,
      {
        kind: 'conflicts_of_interest_declaration',
        title: `${label}: conflicts of interest declared to awarding bodies (by the entry deadline)`,
        date: s.entryDeadline.value,
        dueRule: 'end_of_day',
      },
      'the entry deadline',
      s.entryDeadline,
      edition.rules.derived.conflictsOfInterestByEntryDeadline,
    ),
  );
  if (s.accessArrangementsDeadline) {
    const body = s.accessArrangementsDeadlineAwardingBodyId;
    out.push(
      direct(
        series,
        'access_arrangements_deadline',
        `${label}: access arrangements online applications deadline${body === undefined ? '' : ` (${body})`}`,
        s.accessArrangementsDeadline,
        'end_of_day',
        body === undefined ? {} : { awardingBodyId: body, qualifier: body },
      ),
    );
  }
  if (s.modifiedPapersDeadline) {
    out.push(direct(series, 'modified_papers_deadline', `${label}: modified papers order deadline`, s.modifiedPapersDeadline, 'end_of_day'));
  }
  for (const nea of s.neaMarksDeadlines) {
    out.push(
      direct(series, 'nea_marks_deadline', `${label}: ${nea.awardingBodyId} NEA marks deadline (${nea.covers})`, nea.date, 'end_of_day', {
        qualifier: nea.scope === undefined ? nea.awardingBodyId : `${nea.awardingBodyId}/${nea.scope}`,
        awardingBodyId: nea.awardingBodyId,
      }),
    );
  }
  for (const day of s.contingencyDays) {
    const session = day.session === 'PM' ? ' (afternoon)' : day.session === 'all_day' ? ' (all day)' : '';
    out.push(direct(series, 'contingency_day', `${label}: contingency day${session}`, day.date, 'start_of_day', { qualifier: day.date.value }));
  }
  for (const day of s.resultsDays) out.push(...resultsKeyDates(series, edition, label, day));
  if (s.postResultsPriorityDeadline) {
    out.push(direct(series, 'post_results_priority_deadline', `${label}: priority review of marking deadline`, s.postResultsPriorityDeadline, 'end_of_day'));
  }
  if (s.postResultsFinalDeadline) {
    out.push(
      direct(
        series,
        'post_results_final_deadline',
        `${label}: post-results final deadline (clerical re-checks, reviews of marking and moderation, access to scripts)`,
        s.postResultsFinalDeadline,
        'end_of_day',
      ),
    );
  }
  if (s.certificatesExpected) out.push(direct(series, 'certificates_expected', `${label}: certificates expected`, s.certificatesExpected, 'end_of_day'));
  out.push(...windowKeyDates(series, edition, label, s));
  const yearPrefix = edition.academicYear.replace('/', '-');
  out.push(
    direct(series, 'ncn_register_update', `${edition.academicYear}: NCN Register annual update`, edition.annual.ncnRegisterUpdate, 'end_of_day', {
      idPrefix: yearPrefix,
    }),
    direct(
      series,
      'head_of_centre_declaration',
      `${edition.academicYear}: Head of centre annual declaration`,
      edition.annual.headOfCentreDeclaration,
      'end_of_day',
      { idPrefix: yearPrefix },
    ),
  );
  return sortKeyDates(out);
}

/**
 * Sorts key dates by instant, then by id, so the order never depends on how they were built.
 *
 * @param keyDates - the key dates
 * @example
 * ```ts
 * declare const earlier: KeyDate;
 * declare const later: KeyDate;
 * sortKeyDates([later, earlier]); // [earlier, later]
 * ```
 */
export function sortKeyDates(keyDates: readonly KeyDate[]): KeyDate[] {
  return keyDates
    .map((k) => ({ k, ms: toLondon(k.at).toMillis() }))
    .sort((a, b) => a.ms - b.ms || (a.k.id < b.k.id ? -1 : a.k.id > b.k.id ? 1 : 0))
    .map(({ k }) => k);
}
