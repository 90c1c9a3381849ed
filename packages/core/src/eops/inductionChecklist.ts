/**
 * The new exams officer's induction checklist: what to do in the first week, the first month and the first
 * three months in post, each item due on the last day of its period. The standard items follow the EOPS
 * toolkit's case study of a new exams officer (day-one targets and registration, the end-of-week, end-of-month
 * and end-of-term reviews, the centre induction, the MIS, training and the local network); a centre passes
 * its own items (for example from The Exams Office's task completion checklist) to use instead.
 */
import { DateTime } from 'luxon';
import type { Actor } from '../audit/auditTrail.js';
import { isoDate, londonDate, toLondon, type CalendarDate, type Instant } from '../time/clock.js';
import type { InductionItem, InductionPeriod, InductionTrigger } from './eopsContext.js';

/**
 * An induction item before it is dated (a centre's own checklist is a list of these).
 *
 * @example
 * ```ts
 * const item: InductionItemTemplate = { id: 'fw-1', period: 'first_week', title: 'Meet the line manager and agree the induction plan', source: 'EOPS toolkit, induction checklist', fulfilledBy: 'meeting:start' };
 * ```
 */
export interface InductionItemTemplate {
  readonly id: string;
  readonly period: InductionPeriod;
  readonly title: string;
  readonly source: string;
  /** The event that ticks it on its own (registration, the Values & Attributes agreement, a meeting of a kind); omitted: ticked by hand. */
  readonly fulfilledBy?: InductionTrigger;
}

const CASE_STUDY = 'EOPS toolkit, case study 2: a new exams officer';

/**
 * The standard induction items, from the EOPS toolkit's case study of a new exams officer. Registration,
 * the Values & Attributes agreement and the start, first-week, first-month and first-term meetings tick
 * their items when the machine records them.
 *
 * @example
 * ```ts
 * NEW_EXAMS_OFFICER_INDUCTION.filter((i) => i.period === 'first_week').map((i) => i.title);
 * ```
 */
export const NEW_EXAMS_OFFICER_INDUCTION: readonly InductionItemTemplate[] = [
  { id: 'first-day-targets', period: 'first_week', title: 'First day: meet the line manager and set short-term targets for the first week', source: CASE_STUDY, fulfilledBy: 'meeting:start' },
  { id: 'eops-registration', period: 'first_week', title: 'Registered for the Exams Officer Professional Standards', source: CASE_STUDY, fulfilledBy: 'registration' },
  { id: 'first-week-review', period: 'first_week', title: 'End of the first week: review it and set targets to the end of the first month', source: CASE_STUDY, fulfilledBy: 'meeting:first_week' },
  { id: 'values-and-attributes', period: 'first_month', title: 'Values & Attributes statement discussed and signed', source: CASE_STUDY, fulfilledBy: 'values_and_attributes' },
  { id: 'centre-induction', period: 'first_month', title: 'Internal centre-based induction completed (key staff, processes)', source: CASE_STUDY },
  { id: 'first-month-review', period: 'first_month', title: 'End of the first month: review it and set targets for the first three months', source: CASE_STUDY, fulfilledBy: 'meeting:first_month' },
  { id: 'mis', period: 'first_three_months', title: "Working knowledge of the centre's Management Information System (MIS)", source: CASE_STUDY },
  { id: 'new-officer-training', period: 'first_three_months', title: 'New exams officer training attended and invigilator training arranged', source: CASE_STUDY },
  { id: 'local-network', period: 'first_three_months', title: 'Local exams officer network meeting attended', source: CASE_STUDY },
  { id: 'first-term-review', period: 'first_three_months', title: 'End of the first three months: review them and set targets for the rest of the year', source: CASE_STUDY, fulfilledBy: 'meeting:first_term' },
];

/**
 * The last day of an induction period for an officer who started on `startedOn`: the 7th day for the first
 * week, the day before the same date a month on for the first month, and three months on for the first three.
 *
 * @param startedOn - the first day in post
 * @param period - the period
 * @throws ExamcycleError `invalid_value` when `startedOn` is not a `YYYY-MM-DD` date
 * @example
 * ```ts
 * inductionDueOn('2025-09-01', 'first_week'); // '2025-09-07'
 * inductionDueOn('2025-09-01', 'first_month'); // '2025-09-30'
 * inductionDueOn('2025-09-01', 'first_three_months'); // '2025-11-30'
 * ```
 */
export function inductionDueOn(startedOn: CalendarDate, period: InductionPeriod): CalendarDate {
  londonDate(startedOn);
  const start = DateTime.fromISO(startedOn, { zone: 'utc' });
  const end = period === 'first_week' ? start.plus({ weeks: 1 }) : start.plus({ months: period === 'first_month' ? 1 : 3 });
  return isoDate(end.minus({ days: 1 }));
}

/**
 * The induction checklist of an officer who started on `startedOn`, every item open and dated.
 *
 * @param startedOn - the first day in post
 * @param items - the items; {@link NEW_EXAMS_OFFICER_INDUCTION} by default
 * @throws ExamcycleError `invalid_value` when `startedOn` is not a `YYYY-MM-DD` date
 * @example
 * ```ts
 * inductionChecklist('2025-09-01')[0]; // { id: 'first-day-targets', period: 'first_week', dueOn: '2025-09-07', … }
 * ```
 */
export function inductionChecklist(startedOn: CalendarDate, items: readonly InductionItemTemplate[] = NEW_EXAMS_OFFICER_INDUCTION): InductionItem[] {
  return items.map((item) => ({
    id: item.id,
    period: item.period,
    title: item.title,
    dueOn: inductionDueOn(startedOn, item.period),
    source: item.source,
    fulfilledBy: item.fulfilledBy ?? null,
    completedBy: null,
    completedAt: null,
  }));
}

/**
 * The induction items still open after their due day has ended, as of an instant.
 *
 * @param items - an officer's checklist (a record's `induction`)
 * @param asOf - the instant to judge at
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * overdueInductionItems(record.induction, '2025-09-08T09:00:00+01:00').map((i) => i.id); // the open first-week items
 * ```
 */
export function overdueInductionItems(items: readonly InductionItem[], asOf: Instant): InductionItem[] {
  const today = isoDate(toLondon(asOf));
  return items.filter((i) => i.completedAt === null && i.dueOn < today);
}

/**
 * Ticks the open items a trigger fulfils (registration, the Values & Attributes agreement, a meeting of a
 * kind), by whom and when; items already complete keep their tick.
 *
 * @param items - an officer's checklist
 * @param trigger - what happened
 * @param by - who did it
 * @param at - when
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const at = '2025-09-05T15:00:00+01:00';
 * tickInduction(record.induction, 'values_and_attributes', { id: 'lm-1', role: 'line_manager' }, at);
 * ```
 */
export function tickInduction(items: readonly InductionItem[], trigger: InductionTrigger, by: Actor, at: Instant): InductionItem[] {
  return items.map((i) => (i.fulfilledBy === trigger && i.completedAt === null ? { ...i, completedBy: by, completedAt: at } : i));
}
