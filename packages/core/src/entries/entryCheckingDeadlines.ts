/**
 * When a department's entry checking falls due. The series' entry deadline (the rules pack's
 * `entry_deadline` key date; the earliest that applies to the list's awarding bodies) is the last moment
 * entries can be submitted without a late fee; a centre sets its own earlier deadlines for the checking
 * (the job descriptions: "gather correct entry information to internal deadlines"). Each milestone of the
 * checking (signed by the head of department, authorised by a senior leader, submitted by the exams
 * office) is due at a centre internal deadline (a key date of kind `internal_deadline` from the centre's
 * overlay), at a number of days before the entry deadline, or at an instant given outright. The milestones
 * become due-soon and overdue signals as time passes, like the exam cycle's tasks.
 */
import type { KeyDate } from '../rules/RulesPack.js';
import type { Confidence } from '../rules/sources.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { isoInstant, toLondon, type Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';

/**
 * The milestones of a department's entry checking, in order.
 *
 * @example
 * ```ts
 * ENTRY_CHECKING_MILESTONES; // ['signed', 'authorised', 'submitted']
 * ```
 */
export const ENTRY_CHECKING_MILESTONES = ['signed', 'authorised', 'submitted'] as const;
/**
 * A milestone: the head of department's signature, the senior leader's authorisation, the submission.
 *
 * @example
 * ```ts
 * const milestone: EntryCheckingMilestone = 'authorised';
 * ```
 */
export type EntryCheckingMilestone = (typeof ENTRY_CHECKING_MILESTONES)[number];

/**
 * Where a milestone's due instant comes from: a key date (normally the centre's `internal_deadline`, by
 * id), a number of calendar days before the series' entry deadline, or an instant given outright.
 *
 * @example
 * ```ts
 * const signedBy: EntryCheckingDeadlineRule = { daysBeforeEntryDeadline: 14 };
 * resolveEntryCheckingDeadlines(jcq.keyDates(examSeries('june', 2026)), 'june-2026', ['AQA'], { signed: signedBy, submitted: { at: '2026-02-20T16:00:00Z' } });
 * ```
 */
export type EntryCheckingDeadlineRule =
  | { readonly keyDateId: string }
  | { readonly daysBeforeEntryDeadline: number }
  | { readonly at: Instant };

/**
 * A milestone's resolved deadline, kept in the machine's context.
 *
 * @example
 * ```ts
 * const deadlines: EntryCheckingDeadline[] = resolveEntryCheckingDeadlines(jcq.keyDates(examSeries('june', 2026)), 'june-2026', ['AQA']);
 * deadlines.map((d) => `${d.milestone} by ${d.dueAt} (${d.basis})`);
 * ```
 */
export interface EntryCheckingDeadline {
  readonly milestone: EntryCheckingMilestone;
  readonly title: string;
  readonly dueAt: Instant;
  /** What it was derived from, in words (`june-2026/internal_deadline/entries-checked`, `14 days before june-2026/entry_deadline`). */
  readonly basis: string;
  /** How firm the date it rests on is (the key date's confidence; `primary` for an instant the centre gave). */
  readonly confidence: Confidence;
}

/**
 * A deadline signal of an entry list: a milestone falling due soon, or overdue.
 *
 * @example
 * ```ts
 * declare const context: EntryCheckingContext;
 * const signals: EntryCheckingSignal[] = entryCheckingSignals(context.deadlines, new Set(), '2026-02-01T09:00:00Z', 14);
 * signals.filter((s) => s.status === 'overdue').map((s) => s.title);
 * ```
 */
export interface EntryCheckingSignal {
  /** The milestone (named `taskId` like the exam cycle's signals, so the runtime's outbox carries both alike). */
  readonly taskId: EntryCheckingMilestone;
  readonly title: string;
  readonly dueAt: Instant;
  readonly status: 'due_soon' | 'overdue';
}

const TITLES: Readonly<Record<EntryCheckingMilestone, string>> = {
  signed: 'Entries checked and signed by the head of department',
  authorised: 'Entries authorised by a senior leader',
  submitted: 'Entries submitted to the awarding bodies',
};

const DAY_MS = 86_400_000;

/**
 * The series' entry deadline for a list: the earliest `entry_deadline` key date of the series that applies
 * to every awarding body (no `awardingBodyId`) or to one on the list.
 *
 * @param keyDates - the series' key dates (`pack.keyDates(series)`, with the centre's overlay)
 * @param seriesId - the series
 * @param awardingBodyIds - the awarding bodies of the list's entries
 * @example
 * ```ts
 * entryDeadlineFor(jcq.keyDates(examSeries('june', 2026)), 'june-2026', ['AQA'])?.date; // '2026-02-21'
 * ```
 */
export function entryDeadlineFor(keyDates: readonly KeyDate[], seriesId: string, awardingBodyIds: readonly string[]): KeyDate | undefined {
  let best: KeyDate | undefined;
  for (const k of keyDates) {
    if (k.kind !== 'entry_deadline' || k.seriesId !== seriesId) continue;
    if (k.awardingBodyId !== undefined && !awardingBodyIds.includes(k.awardingBodyId)) continue;
    if (!best || instantToMillis(k.at) < instantToMillis(best.at)) best = k;
  }
  return best;
}

/**
 * Resolves each milestone's rule into a deadline. The submission defaults to the entry deadline itself;
 * the head of department's and the senior leader's milestones have a deadline only when the centre sets
 * one (an internal deadline or an offset): examcycle invents none.
 *
 * @param keyDates - the series' key dates, with the centre's internal deadlines
 * @param seriesId - the series
 * @param awardingBodyIds - the awarding bodies of the list's entries
 * @param rules - the centre's rule per milestone
 * @throws ExamcycleError `invalid_value` for a key date id the key dates do not hold, an offset that is not a whole number of days from 0 to 365, or an offset without an entry deadline
 * @example
 * ```ts
 * const keyDates = jcq.keyDates(examSeries('june', 2026));
 * resolveEntryCheckingDeadlines(keyDates, 'june-2026', ['AQA'], { signed: { daysBeforeEntryDeadline: 14 } })[0]?.dueAt;
 * ```
 */
export function resolveEntryCheckingDeadlines(
  keyDates: readonly KeyDate[],
  seriesId: string,
  awardingBodyIds: readonly string[],
  rules: Partial<Readonly<Record<EntryCheckingMilestone, EntryCheckingDeadlineRule>>> = {},
): EntryCheckingDeadline[] {
  const entryDeadline = entryDeadlineFor(keyDates, seriesId, awardingBodyIds);
  const out: EntryCheckingDeadline[] = [];
  for (const milestone of ENTRY_CHECKING_MILESTONES) {
    const rule = rules[milestone] ?? (milestone === 'submitted' && entryDeadline ? { daysBeforeEntryDeadline: 0 } : undefined);
    if (!rule) continue;
    const title = TITLES[milestone];
    if ('keyDateId' in rule) {
      const k = keyDates.find((d) => d.id === rule.keyDateId);
      if (!k) throw new ExamcycleError('invalid_value', `No key date "${rule.keyDateId}" for the ${milestone} deadline`, { location: { field: `deadlines.${milestone}.keyDateId`, value: rule.keyDateId } });
      out.push({ milestone, title, dueAt: londonIso(instantToMillis(k.at)), basis: k.id, confidence: k.confidence });
    } else if ('daysBeforeEntryDeadline' in rule) {
      const days = rule.daysBeforeEntryDeadline;
      if (!Number.isInteger(days) || days < 0 || days > 365) {
        throw new ExamcycleError('invalid_value', `The ${milestone} deadline's offset must be a whole number of days from 0 to 365, not ${String(days)}`, { location: { field: `deadlines.${milestone}.daysBeforeEntryDeadline` } });
      }
      if (!entryDeadline) throw new ExamcycleError('invalid_value', `The ${milestone} deadline is counted from the entry deadline, but the key dates have none for ${seriesId}`, { location: { field: `deadlines.${milestone}` } });
      const dueAt = isoInstant(toLondon(entryDeadline.at).minus({ days }));
      out.push({ milestone, title, dueAt, basis: days === 0 ? entryDeadline.id : `${String(days)} days before ${entryDeadline.id}`, confidence: entryDeadline.confidence });
    } else {
      const ms = instantToMillis(rule.at);
      out.push({ milestone, title, dueAt: londonIso(ms), basis: 'a date the centre set', confidence: 'primary' });
    }
  }
  return out;
}

/**
 * The signals of a list's deadlines at an instant: every milestone not yet reached is `overdue` once its
 * due instant has passed and `due_soon` within `dueSoonDays` before it.
 *
 * @param deadlines - the list's deadlines
 * @param reached - the milestones reached
 * @param at - the instant to judge at
 * @param dueSoonDays - the due-soon window in days
 * @example
 * ```ts
 * declare const context: EntryCheckingContext;
 * entryCheckingSignals(context.deadlines, new Set(), '2026-02-01T09:00:00Z', 14);
 * ```
 */
export function entryCheckingSignals(deadlines: readonly EntryCheckingDeadline[], reached: ReadonlySet<EntryCheckingMilestone>, at: Instant, dueSoonDays: number): EntryCheckingSignal[] {
  const now = instantToMillis(at);
  const out: EntryCheckingSignal[] = [];
  for (const d of deadlines) {
    if (reached.has(d.milestone)) continue;
    const due = instantToMillis(d.dueAt);
    if (now > due) out.push({ taskId: d.milestone, title: d.title, dueAt: d.dueAt, status: 'overdue' });
    else if (due - now <= dueSoonDays * DAY_MS) out.push({ taskId: d.milestone, title: d.title, dueAt: d.dueAt, status: 'due_soon' });
  }
  return out;
}

/**
 * The next instant one of the open milestones' signals changes (enters its due-soon window, or falls
 * overdue) after `after`, or `null`.
 *
 * @param deadlines - the list's deadlines
 * @param reached - the milestones reached
 * @param after - the latest instant recorded
 * @param dueSoonDays - the due-soon window in days
 * @example
 * ```ts
 * declare const context: EntryCheckingContext;
 * nextEntryCheckingWake(context.deadlines, new Set(['signed']), context.lastEventAt, 14);
 * ```
 */
export function nextEntryCheckingWake(deadlines: readonly EntryCheckingDeadline[], reached: ReadonlySet<EntryCheckingMilestone>, after: Instant, dueSoonDays: number): Instant | null {
  const now = instantToMillis(after);
  let next = Infinity;
  for (const d of deadlines) {
    if (reached.has(d.milestone)) continue;
    const due = instantToMillis(d.dueAt);
    for (const edge of [due - dueSoonDays * DAY_MS, due + 1]) if (edge > now && edge < next) next = edge;
  }
  return next === Infinity ? null : londonIso(next);
}
