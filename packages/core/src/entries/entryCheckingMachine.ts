/**
 * Entry checking and sign-off for one department's entry list in a series, as an xstate v5 statechart:
 * the exams office sends the list for checking → the department marks each entry correct, queried or
 * incorrect (a query or an incorrect entry with a comment) → the exams office answers each query or amends
 * the entry, which goes back to be checked → the head of department signs (only their own department,
 * only when every entry is marked correct) → a senior leader authorises or declines → the list is released
 * for submission → the exams office submits it. An amendment after sign-off reopens only the entries it
 * touches; the rest keep their signature. The job descriptions ask exams officers to "gather correct entry
 * information to internal deadlines" and "check entries before submitting them … by involving relevant
 * members of staff"; the flow (mark, query, sign, authorise or decline) follows the one Exams Assist
 * publishes, which is a product's flow, not a regulation.
 *
 * Who may do what comes from the rules pack's `entryChecking.*` authorities, resolved at start into the
 * context (`grants`), so a restored list decides the same way without the pack. Every rule is one named
 * guard; an event's transition lists its guards with `and`, and the refusals that follow name each guard
 * with `not`, so the refusal's reason is the failed guard's own (see {@link ENTRY_CHECKING_REFUSALS}).
 * Every accepted and refused event is one audit line (`{ type: 'audit', line }`); a clock tick is audited
 * only when it changes a deadline signal.
 */
import { and, enqueueActions, not, setup } from 'xstate';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { isActor, rejectionLine, stampRejection, type Refusal } from '../audit/eventStamp.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { authorise, grantsFor, type Authority, type Delegation, type RoleGrants } from '../rules/authority.js';
import type { KeyDate } from '../rules/RulesPack.js';
import type { Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import {
  entryCheckingSignals,
  resolveEntryCheckingDeadlines,
  type EntryCheckingDeadline,
  type EntryCheckingDeadlineRule,
  type EntryCheckingMilestone,
  type EntryCheckingSignal,
} from './entryCheckingDeadlines.js';

/**
 * An entry as the department checks it: who, which awarding body and entry (option) code, which components.
 *
 * @example
 * ```ts
 * const entry: EntryForChecking = { entryId: 'e-0001-8461H', candidateId: 'c-0001', candidateNumber: '0001', candidateName: 'Ada Okafor', awardingBodyId: 'AQA', entryCode: '8461H', title: 'GCSE Biology', tier: 'H' };
 * ```
 */
export interface EntryForChecking {
  readonly entryId: string;
  readonly candidateId: string;
  readonly candidateNumber?: string;
  /** The candidate's name as entered (it goes on the certificate). */
  readonly candidateName?: string;
  readonly awardingBodyId: string;
  readonly entryCode: string;
  /** The qualification's title, for people to read. */
  readonly title?: string;
  readonly componentCodes?: readonly string[];
  /** The tier, where the qualification has tiers (`F`, `H`). */
  readonly tier?: string;
  /** The entry is to be withdrawn (an amendment); it is checked like any other change. */
  readonly withdrawn?: boolean;
}

/**
 * An entry's checking status: not yet checked, or the checker's verdict.
 *
 * @example
 * ```ts
 * const status: EntryCheckStatus = 'unchecked';
 * ```
 */
export type EntryCheckStatus = 'unchecked' | 'correct' | 'queried' | 'incorrect';

/**
 * An entry on a list, with its checking state.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * const queried: CheckedEntry[] = actor.getSnapshot().context.entries.filter((e) => e.status === 'queried');
 * queried.map((e) => `${e.candidateNumber ?? e.candidateId} ${e.entryCode}: ${e.comment ?? ''}`);
 * ```
 */
export interface CheckedEntry extends EntryForChecking {
  readonly status: EntryCheckStatus;
  /** The checker's comment with a query or an incorrect entry (or a senior leader's, when they declined it). */
  readonly comment?: string;
  /** The exams office's answer to the latest query. */
  readonly answer?: string;
  readonly checkedBy?: Actor;
  readonly checkedAt?: Instant;
  /** The head of department's signature covering this entry (kept through amendments of other entries). */
  readonly signedBy?: Actor;
  readonly signedAt?: Instant;
  /** When the entry was last amended. */
  readonly amendedAt?: Instant;
}

/**
 * What starts an entry list's checking.
 *
 * @example
 * ```ts
 * declare const entries: EntryForChecking[];
 * const input: EntryCheckingInput = { listId: 'june-2026/science', centreNumber: '99999', seriesId: 'june-2026', department: { id: 'sci', name: 'Science' }, headOfDepartmentIds: ['hod-sci'], entries, startedAt: '2026-01-05T09:00:00Z', authorities: jcq.authorities('2025/26') };
 * const actor = createActor(entryCheckingMachine, { input }).start();
 * ```
 */
export interface EntryCheckingInput {
  /** The list's id, e.g. `june-2026/science`. */
  readonly listId: string;
  readonly centreNumber: string;
  readonly seriesId: string;
  readonly department: { readonly id: string; readonly name: string };
  /** Staff ids of the heads of this department: the only ones who sign it. */
  readonly headOfDepartmentIds: readonly string[];
  /** Other staff of the department who may mark entries (subject teachers); heads always may. */
  readonly checkerIds?: readonly string[];
  readonly entries: readonly EntryForChecking[];
  /** When the list is made (the actor starts then). */
  readonly startedAt: Instant;
  /** The pack's authorities for the academic year (`pack.authorities(year)`); resolved into `grants` at start. */
  readonly authorities?: readonly Authority[];
  /** The centre's delegations (`pack.delegations()`). */
  readonly delegations?: readonly Delegation[];
  /** Grants already resolved (instead of `authorities` and `delegations`). */
  readonly grants?: RoleGrants;
  /** The series' key dates, with the centre's internal deadlines (`pack.keyDates(series)`). */
  readonly keyDates?: readonly KeyDate[];
  /** Each milestone's deadline rule; the submission defaults to the entry deadline. */
  readonly deadlines?: Partial<Readonly<Record<EntryCheckingMilestone, EntryCheckingDeadlineRule>>>;
  /** Days before a due instant that a milestone counts as due soon. @default 7 */
  readonly dueSoonDays?: number;
  /** Who made the list. */
  readonly by?: Actor;
}

/**
 * The list's context: plain JSON, persisted with the snapshot (its audit lines go to the store).
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * const context: EntryCheckingContext = actor.getSnapshot().context;
 * `${context.department.name}: ${context.entries.filter((e) => e.status === 'correct').length}/${context.entries.length} checked`;
 * ```
 */
export interface EntryCheckingContext {
  readonly listId: string;
  readonly centreNumber: string;
  readonly seriesId: string;
  readonly department: { readonly id: string; readonly name: string };
  readonly headOfDepartmentIds: readonly string[];
  readonly checkerIds: readonly string[];
  /** The `entryChecking.*` grants, resolved at start. */
  readonly grants: RoleGrants;
  readonly entries: readonly CheckedEntry[];
  readonly signedBy?: Actor | undefined;
  readonly signedAt?: Instant | undefined;
  readonly authorisedBy?: Actor | undefined;
  readonly authorisedAt?: Instant | undefined;
  readonly submittedBy?: Actor | undefined;
  readonly submittedAt?: Instant | undefined;
  /** Why a senior leader last declined the list (cleared when it is signed again). */
  readonly declinedReason?: string | undefined;
  readonly deadlines: readonly EntryCheckingDeadline[];
  readonly dueSoonDays: number;
  readonly signals: readonly EntryCheckingSignal[];
  /** The instant of the latest accepted or refused event. */
  readonly lastEventAt: Instant;
}

interface Stamped {
  /** When it happened (ISO instant with offset). */
  readonly at: Instant;
  /** Who sent it. */
  readonly by: Actor;
}

/**
 * A checker's verdict on an entry.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * const verdict: EntryVerdict = 'correct';
 * actor.send({ type: 'entry.mark', entryId: 'e-0001-8461H', verdict, at: '2026-01-12T15:30:00Z', by: { id: 't-sci-2', role: 'teacher' } });
 * ```
 */
export type EntryVerdict = 'correct' | 'queried' | 'incorrect';

/**
 * The events an entry list takes. Each maps to the action `entryChecking.<type>` of the authority table.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * const mark: EntryCheckingEvent = { type: 'entry.mark', entryId: 'e-0001-8461H', verdict: 'queried', comment: 'Should be foundation tier', at: '2026-01-12T15:30:00Z', by: { id: 't-sci-2', role: 'teacher' } };
 * actor.send(mark);
 * ```
 */
export type EntryCheckingEvent =
  | (Stamped & { readonly type: 'send' })
  | (Stamped & { readonly type: 'entry.mark'; readonly entryId: string; readonly verdict: EntryVerdict; readonly comment?: string })
  | (Stamped & { readonly type: 'query.answer'; readonly entryId: string; readonly answer: string })
  | (Stamped & { readonly type: 'entries.amend'; readonly entries: readonly EntryForChecking[]; readonly reason: string })
  | (Stamped & { readonly type: 'sign' })
  | (Stamped & { readonly type: 'authorise' })
  | (Stamped & { readonly type: 'decline'; readonly reason: string; readonly entryIds: readonly string[] })
  | (Stamped & { readonly type: 'submit' })
  | { readonly type: 'clock.tick'; readonly at: Instant; readonly by?: Actor };

/**
 * Events an entry list emits: its audit lines, each refusal, and deadline signals as they change.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * actor.on('deadline.overdue', (e: Extract<EntryCheckingEmitted, { type: 'deadline.overdue' }>) => console.log(`${e.signal.title} is overdue`));
 * ```
 */
export type EntryCheckingEmitted =
  | AuditEmitted
  | { readonly type: 'event.rejected'; readonly entry: AuditLine }
  | { readonly type: 'deadline.dueSoon'; readonly signal: EntryCheckingSignal }
  | { readonly type: 'deadline.overdue'; readonly signal: EntryCheckingSignal };

/**
 * The states of an entry list.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * const state: EntryCheckingState = 'authorising';
 * actor.getSnapshot().matches(state); // waiting for the senior leader's authorisation
 * ```
 */
export type EntryCheckingState = 'preparing' | 'checking' | 'authorising' | 'released' | 'submitted';

type Event = EntryCheckingEvent;
type Ctx = EntryCheckingContext;

function text(u: unknown): string {
  return typeof u === 'string' ? u.trim() : '';
}

function entryOf(context: Ctx, event: Event): CheckedEntry | undefined {
  const id = (event as { entryId?: unknown }).entryId;
  return typeof id === 'string' ? context.entries.find((e) => e.entryId === id) : undefined;
}

function wellFormedEntry(e: unknown): e is EntryForChecking {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  const short = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= 200;
  return (
    short(x['entryId']) &&
    short(x['candidateId']) &&
    short(x['awardingBodyId']) &&
    short(x['entryCode']) &&
    (x['componentCodes'] === undefined || (Array.isArray(x['componentCodes']) && x['componentCodes'].every(short))) &&
    (x['withdrawn'] === undefined || typeof x['withdrawn'] === 'boolean')
  );
}

function reached(context: Pick<Ctx, 'signedAt' | 'authorisedAt' | 'submittedAt'>): Set<EntryCheckingMilestone> {
  const out = new Set<EntryCheckingMilestone>();
  if (context.signedAt) out.add('signed');
  if (context.authorisedAt) out.add('authorised');
  if (context.submittedAt) out.add('submitted');
  return out;
}

/**
 * The rules of entry checking, one guard each, in words. Each is a predicate on the list and the event;
 * {@link ENTRY_CHECKING_REFUSALS} says, for each, why an event that fails it is refused.
 */
const RULES = {
  /** The event says when it happened and who sent it, and is not dated before the latest recorded event. */
  eventIsStampedInOrder: (context: Ctx, event: Event) => stampRejection(event, context.lastEventAt) === undefined,
  /** The sender's role (or a delegation naming them) is granted the action by the pack. */
  senderMayTakeTheAction: (context: Ctx, event: Event, action: string) => authorise(context.grants, isActor(event.by) ? event.by : undefined, action).allowed,
  /** The head of department signs only their own department's entries. */
  senderHeadsThisDepartment: (context: Ctx, event: Event) => isActor(event.by) && context.headOfDepartmentIds.includes(event.by.id),
  /** Entries are marked by the department's own staff: its heads and the checkers it names. */
  senderChecksForThisDepartment: (context: Ctx, event: Event) =>
    isActor(event.by) && (context.headOfDepartmentIds.includes(event.by.id) || context.checkerIds.includes(event.by.id)),
  /** A list is sent for checking with at least one entry on it. */
  listHasEntries: (context: Ctx) => context.entries.length > 0,
  /** The entry named is on this list. */
  entryIsOnTheList: (context: Ctx, event: Event) => entryOf(context, event) !== undefined,
  /** A verdict is correct, queried or incorrect. */
  verdictIsKnown: (_context: Ctx, event: Event) => event.type === 'entry.mark' && ['correct', 'queried', 'incorrect'].includes(event.verdict),
  /** A query, or an entry marked incorrect, says what is wrong in a comment. */
  queryOrIncorrectHasComment: (_context: Ctx, event: Event) => event.type !== 'entry.mark' || event.verdict === 'correct' || text(event.comment).length > 0,
  /** A queried entry waits for the exams office's answer before it is marked again. */
  entryIsNotAwaitingAnAnswer: (context: Ctx, event: Event) => entryOf(context, event)?.status !== 'queried',
  /** Only a queried entry has a query to answer. */
  entryIsQueried: (context: Ctx, event: Event) => entryOf(context, event)?.status === 'queried',
  /** An answer says something. */
  answerIsGiven: (_context: Ctx, event: Event) => event.type === 'query.answer' && text(event.answer).length > 0,
  /** An amendment names at least one entry, each well formed (an id, a candidate, an awarding body, an entry code). */
  amendmentNamesEntries: (_context: Ctx, event: Event) =>
    event.type === 'entries.amend' && Array.isArray(event.entries) && event.entries.length > 0 && event.entries.every(wellFormedEntry) && new Set(event.entries.map((e) => e.entryId)).size === event.entries.length,
  /** An amendment or a decline gives its reason. */
  reasonIsGiven: (_context: Ctx, event: Event) => text((event as { reason?: unknown }).reason).length > 0,
  /** A decline names the entries the senior leader wants looked at again, each on the list. */
  declineNamesEntriesOnTheList: (context: Ctx, event: Event) =>
    event.type === 'decline' && Array.isArray(event.entryIds) && event.entryIds.length > 0 && event.entryIds.every((id) => context.entries.some((e) => e.entryId === id)),
  /** Every entry has been checked. */
  everyEntryIsChecked: (context: Ctx) => context.entries.every((e) => e.status !== 'unchecked'),
  /** No query is waiting for an answer. */
  noQueryIsOpen: (context: Ctx) => context.entries.every((e) => e.status !== 'queried'),
  /** No entry is marked incorrect. */
  noEntryIsIncorrect: (context: Ctx) => context.entries.every((e) => e.status !== 'incorrect'),
  /** A clock tick is a valid instant not before the latest recorded event (it may omit who sent it). */
  tickIsStampedInOrder: (context: Ctx, event: Event) => event.type === 'clock.tick' && stampRejection(event, context.lastEventAt, { requireBy: false }) === undefined,
} as const;

/**
 * The name of an entry-checking rule (a guard of {@link entryCheckingMachine}).
 *
 * @example
 * ```ts
 * declare const context: EntryCheckingContext;
 * declare const event: EntryCheckingEvent;
 * const rule: EntryCheckingRule = 'senderHeadsThisDepartment';
 * ENTRY_CHECKING_REFUSALS[rule](context, event, 'entryChecking.sign').reason;
 * ```
 */
export type EntryCheckingRule = keyof typeof RULES;

function namesOf(context: Ctx, pick: (e: CheckedEntry) => boolean): string {
  const hit = context.entries.filter(pick);
  const shown = hit.slice(0, 5).map((e) => `${e.entryId} (${e.candidateNumber ?? e.candidateId} ${e.awardingBodyId} ${e.entryCode})`);
  return shown.join('; ') + (hit.length > 5 ? ` and ${String(hit.length - 5)} more` : '');
}

/**
 * Why an event that fails each rule is refused: its code, its reason in words, and the rule id. The refusal
 * of `senderMayTakeTheAction` is the authority decision's own (the pack's rule and the regulation's words).
 *
 * @example
 * ```ts
 * declare const context: EntryCheckingContext;
 * declare const event: EntryCheckingEvent;
 * ENTRY_CHECKING_REFUSALS.senderHeadsThisDepartment(context, event, 'entryChecking.sign').code; // 'not_authorised'
 * ```
 */
export const ENTRY_CHECKING_REFUSALS: Readonly<Record<EntryCheckingRule, (context: Ctx, event: Event, action: string) => Refusal>> = {
  eventIsStampedInOrder: (context, event) => stampRejection(event, context.lastEventAt) ?? { code: 'invalid_value', reason: 'The event is not stamped' },
  tickIsStampedInOrder: (context, event) => stampRejection(event, context.lastEventAt, { requireBy: false }) ?? { code: 'invalid_value', reason: 'The tick is not stamped' },
  senderMayTakeTheAction: (context, event, action) => {
    const d = authorise(context.grants, isActor(event.by) ? event.by : undefined, action);
    return d.allowed ? { code: 'event_rejected', reason: `${action} was refused although the sender may take it` } : { code: d.code, reason: d.reason, rule: d.rule };
  },
  senderHeadsThisDepartment: (context, event, action) => ({
    code: 'not_authorised',
    reason: `A head of department signs only their own department's entries: "${isActor(event.by) ? event.by.id : '?'}" does not head ${context.department.name}`,
    rule: action,
  }),
  senderChecksForThisDepartment: (context, event, action) => ({
    code: 'not_authorised',
    reason: `Entries are checked by their own department: "${isActor(event.by) ? event.by.id : '?'}" is not a head or named checker of ${context.department.name}`,
    rule: action,
  }),
  listHasEntries: () => ({ code: 'guard_failed', reason: 'The list has no entries to check' }),
  entryIsOnTheList: (context, event) => ({ code: 'invalid_value', reason: `No entry "${String((event as { entryId?: unknown }).entryId)}" on ${context.listId}` }),
  verdictIsKnown: (_context, event) => ({ code: 'invalid_value', reason: `An entry is marked correct, queried or incorrect, not ${JSON.stringify((event as { verdict?: unknown }).verdict) ?? 'nothing'}` }),
  queryOrIncorrectHasComment: () => ({ code: 'invalid_value', reason: 'A query or an incorrect entry needs a comment saying what is wrong' }),
  entryIsNotAwaitingAnAnswer: (context, event) => ({ code: 'guard_failed', reason: `Entry ${entryOf(context, event)?.entryId ?? '?'} is queried: the exams office answers the query before it is marked again` }),
  entryIsQueried: (context, event) => ({ code: 'guard_failed', reason: `Entry ${entryOf(context, event)?.entryId ?? '?'} has no open query (it is ${entryOf(context, event)?.status ?? 'unknown'})` }),
  answerIsGiven: () => ({ code: 'invalid_value', reason: 'An answer to a query needs some words' }),
  amendmentNamesEntries: () => ({ code: 'invalid_value', reason: 'An amendment names one or more entries, each once, with an id, a candidate, an awarding body and an entry code' }),
  reasonIsGiven: (_context, event) => ({ code: 'invalid_value', reason: `${event.type === 'decline' ? 'Declining' : 'Amending'} needs a reason` }),
  declineNamesEntriesOnTheList: () => ({ code: 'invalid_value', reason: 'A decline names the entries to be looked at again, each on the list' }),
  everyEntryIsChecked: (context) => ({ code: 'guard_failed', reason: `Not every entry is checked: ${namesOf(context, (e) => e.status === 'unchecked')}` }),
  noQueryIsOpen: (context) => ({ code: 'guard_failed', reason: `Queries are waiting for an answer: ${namesOf(context, (e) => e.status === 'queried')}` }),
  noEntryIsIncorrect: (context) => ({ code: 'guard_failed', reason: `Entries are marked incorrect and must be amended first: ${namesOf(context, (e) => e.status === 'incorrect')}` }),
};

const SYSTEM: Actor = { id: 'system', role: 'system' };

/** Signals recomputed at an instant, and the audit detail and emitted events of the ones that changed. */
function signalUpdate(context: Ctx, next: Pick<Ctx, 'signedAt' | 'authorisedAt' | 'submittedAt'>, at: Instant) {
  const signals = entryCheckingSignals(context.deadlines, reached(next), at, context.dueSoonDays);
  const before = new Map(context.signals.map((s) => [s.taskId, s.status]));
  const changed = signals.filter((s) => before.get(s.taskId) !== s.status);
  const cleared = context.signals.some((s) => !signals.some((n) => n.taskId === s.taskId));
  return { signals, changed, moved: changed.length > 0 || cleared };
}

type Params = { readonly state: EntryCheckingState; readonly to?: EntryCheckingState; readonly action?: string; readonly rule?: EntryCheckingRule };

function at(event: { readonly at: Instant }): Instant {
  return londonIso(instantToMillis(event.at));
}

type Milestones = { signedAt?: Instant; authorisedAt?: Instant; submittedAt?: Instant };

/** What an accepted step changes. `milestones`, when given, is every milestone reached after the step (`{}` clears them all); when absent they are kept. */
interface Change {
  readonly entries?: readonly CheckedEntry[];
  readonly milestones?: Milestones;
  readonly signedBy?: Actor;
  readonly authorisedBy?: Actor;
  readonly submittedBy?: Actor;
  readonly declinedReason?: string | undefined;
  readonly details?: Readonly<Record<string, string | number>>;
}

function reachedAt(context: Ctx): Milestones {
  return { ...(context.signedAt ? { signedAt: context.signedAt } : {}), ...(context.authorisedAt ? { authorisedAt: context.authorisedAt } : {}), ...(context.submittedAt ? { submittedAt: context.submittedAt } : {}) };
}

/**
 * An accepted step as the context it assigns and the events it emits: its audit line, and a signal for each
 * deadline whose status changed. xstate's assign merges, so a milestone no longer reached is cleared with an
 * explicit `undefined` (which a persisted snapshot drops).
 */
function commit(context: Ctx, event: Extract<Event, Stamped>, params: Params, change: Change): { assign: Partial<Ctx>; emit: EntryCheckingEmitted[] } {
  const when = at(event);
  const milestones = change.milestones ?? reachedAt(context);
  const { signals, changed } = signalUpdate(context, milestones, when);
  const who = (k: 'signedBy' | 'authorisedBy' | 'submittedBy', m: keyof Milestones) => (milestones[m] ? (change[k] ?? context[k]) : undefined);
  const assign: Partial<Ctx> = {
    entries: change.entries ?? context.entries,
    signedAt: milestones.signedAt,
    signedBy: who('signedBy', 'signedAt'),
    authorisedAt: milestones.authorisedAt,
    authorisedBy: who('authorisedBy', 'authorisedAt'),
    submittedAt: milestones.submittedAt,
    submittedBy: who('submittedBy', 'submittedAt'),
    declinedReason: 'declinedReason' in change ? change.declinedReason : context.declinedReason,
    signals,
    lastEventAt: when,
  };
  const rule = params.action ? (context.grants[params.action]?.rule ?? params.action) : undefined;
  const line: AuditLine = { at: when, by: event.by, event: event.type, from: params.state, to: params.to ?? params.state, outcome: 'accepted', ...(rule ? { rule } : {}), details: { listId: context.listId, ...(change.details ?? {}) } };
  return { assign, emit: [{ type: 'audit', line }, ...changed.map((s): EntryCheckingEmitted => (s.status === 'overdue' ? { type: 'deadline.overdue', signal: s } : { type: 'deadline.dueSoon', signal: s }))] };
}

/** Queues a step's assignment and emitted events. */
function run(enqueue: { assign(p: Partial<Ctx>): void; emit(e: EntryCheckingEmitted): void }, step: { assign: Partial<Ctx>; emit: readonly EntryCheckingEmitted[] }): void {
  enqueue.assign(step.assign);
  for (const e of step.emit) enqueue.emit(e);
}

/**
 * The entry-checking machine: `preparing → checking → authorising → released → submitted`, with
 * amendments back to `checking` from any later state. Create one actor per department per series (or per
 * entry list); host it on the durable runtime with {@link entryCheckingPersisted}.
 *
 * @example
 * ```ts
 * declare const entries: EntryForChecking[];
 * const actor = createActor(entryCheckingMachine, {
 *   input: { listId: 'june-2026/science', centreNumber: '99999', seriesId: 'june-2026', department: { id: 'sci', name: 'Science' },
 *     headOfDepartmentIds: ['hod-sci'], entries, startedAt: '2026-01-05T09:00:00Z', authorities: jcq.authorities('2025/26'), keyDates: jcq.keyDates(examSeries('june', 2026)) },
 * }).start();
 * actor.send({ type: 'send', at: '2026-01-05T09:05:00Z', by: { id: 'eo-1', role: 'exams_officer' } });
 * actor.getSnapshot().value; // 'checking'
 * ```
 */
export const entryCheckingMachine = setup({
  types: {
    context: {} as EntryCheckingContext,
    events: {} as EntryCheckingEvent,
    input: {} as EntryCheckingInput,
    emitted: {} as EntryCheckingEmitted,
  },
  guards: {
    eventIsStampedInOrder: ({ context, event }) => RULES.eventIsStampedInOrder(context, event),
    senderMayTakeTheAction: ({ context, event }, params: { action: string }) => RULES.senderMayTakeTheAction(context, event, params.action),
    senderHeadsThisDepartment: ({ context, event }) => RULES.senderHeadsThisDepartment(context, event),
    senderChecksForThisDepartment: ({ context, event }) => RULES.senderChecksForThisDepartment(context, event),
    listHasEntries: ({ context }) => RULES.listHasEntries(context),
    entryIsOnTheList: ({ context, event }) => RULES.entryIsOnTheList(context, event),
    verdictIsKnown: ({ context, event }) => RULES.verdictIsKnown(context, event),
    queryOrIncorrectHasComment: ({ context, event }) => RULES.queryOrIncorrectHasComment(context, event),
    entryIsNotAwaitingAnAnswer: ({ context, event }) => RULES.entryIsNotAwaitingAnAnswer(context, event),
    entryIsQueried: ({ context, event }) => RULES.entryIsQueried(context, event),
    answerIsGiven: ({ context, event }) => RULES.answerIsGiven(context, event),
    amendmentNamesEntries: ({ context, event }) => RULES.amendmentNamesEntries(context, event),
    reasonIsGiven: ({ context, event }) => RULES.reasonIsGiven(context, event),
    declineNamesEntriesOnTheList: ({ context, event }) => RULES.declineNamesEntriesOnTheList(context, event),
    everyEntryIsChecked: ({ context }) => RULES.everyEntryIsChecked(context),
    noQueryIsOpen: ({ context }) => RULES.noQueryIsOpen(context),
    noEntryIsIncorrect: ({ context }) => RULES.noEntryIsIncorrect(context),
    tickIsStampedInOrder: ({ context, event }) => RULES.tickIsStampedInOrder(context, event),
  },
  actions: {
    /** The first line of a new list's log (a root entry action: not emitted again on restore). */
    started: enqueueActions(({ context, event, enqueue }) => {
      const by = (event as { readonly input?: Partial<EntryCheckingInput> }).input?.by;
      enqueue.emit({
        type: 'audit',
        line: { at: context.lastEventAt, ...(by ? { by } : {}), event: 'list.start', from: 'preparing', to: 'preparing', outcome: 'accepted', details: { listId: context.listId, department: context.department.id, entries: context.entries.length } },
      });
    }),
    /** The exams office sends the list to the department for checking. */
    sendForChecking: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'send') return;
      run(enqueue, commit(context, event, params, { details: { entries: context.entries.length } }));
    }),
    /** The department's verdict on an entry (with its comment for a query or an incorrect entry). */
    markEntry: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'entry.mark') return;
      const comment = text(event.comment);
      const entries = context.entries.map((e): CheckedEntry => {
        if (e.entryId !== event.entryId) return e;
        const { comment: _c, ...rest } = e;
        return { ...rest, status: event.verdict, checkedBy: event.by, checkedAt: at(event), ...(comment ? { comment } : {}) };
      });
      run(enqueue, commit(context, event, params, { entries, details: { entryId: event.entryId, verdict: event.verdict } }));
    }),
    /** The exams office's answer to a query: the entry goes back to be checked. */
    answerQuery: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'query.answer') return;
      const entries = context.entries.map((e): CheckedEntry => (e.entryId === event.entryId ? { ...e, status: 'unchecked', answer: text(event.answer) } : e));
      run(enqueue, commit(context, event, params, { entries, details: { entryId: event.entryId } }));
    }),
    /** An amendment: only the entries it touches (changed or new) are reopened; the others keep their marks and signatures. */
    amendEntries: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'entries.amend') return;
      const when = at(event);
      const touched = new Map(event.entries.map((e) => [e.entryId, e]));
      const reopen = (e: EntryForChecking): CheckedEntry => ({ ...cleanEntry(e), status: 'unchecked', amendedAt: when });
      const entries = [
        ...context.entries.map((e) => (touched.has(e.entryId) ? reopen(touched.get(e.entryId)!) : e)),
        ...event.entries.filter((e) => !context.entries.some((x) => x.entryId === e.entryId)).map(reopen),
      ];
      run(enqueue, commit(context, event, params, { entries, milestones: {}, details: { entries: touched.size } }));
    }),
    /** The head of department's signature: the list, and every entry not already signed. */
    sign: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'sign') return;
      const when = at(event);
      const entries = context.entries.map((e) => (e.signedAt ? e : { ...e, signedBy: event.by, signedAt: when }));
      run(enqueue, commit(context, event, params, { entries, milestones: { signedAt: when }, signedBy: event.by, declinedReason: undefined }));
    }),
    /** A senior leader's authorisation: the list is released for submission. */
    authorise: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'authorise') return;
      run(enqueue, commit(context, event, params, { milestones: { ...reachedAt(context), authorisedAt: at(event) }, authorisedBy: event.by }));
    }),
    /** A senior leader's decline: the named entries are queried again with the reason, and lose their signature. */
    decline: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'decline') return;
      const named = new Set(event.entryIds);
      const reason = text(event.reason);
      const entries = context.entries.map((e): CheckedEntry => {
        if (!named.has(e.entryId)) return e;
        const { signedAt: _s, signedBy: _b, answer: _a, ...rest } = e;
        return { ...rest, status: 'queried', comment: reason, checkedBy: event.by, checkedAt: at(event) };
      });
      run(enqueue, commit(context, event, params, { entries, milestones: {}, declinedReason: reason, details: { entries: named.size } }));
    }),
    /** The exams office's submission of the released list. */
    submit: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'submit') return;
      run(enqueue, commit(context, event, params, { milestones: { ...reachedAt(context), submittedAt: at(event) }, submittedBy: event.by }));
    }),
    /** Recomputes the deadline signals on a clock tick; a tick that changes none leaves no line. */
    tick: enqueueActions(({ context, event, enqueue }, params: Params) => {
      if (event.type !== 'clock.tick') return;
      const when = at(event);
      const { signals, changed, moved } = signalUpdate(context, context, when);
      enqueue.assign({ signals, lastEventAt: when });
      if (!moved) return;
      enqueue.emit({
        type: 'audit',
        line: { at: when, by: event.by ?? SYSTEM, event: 'clock.tick', from: params.state, to: params.state, outcome: 'accepted', details: { listId: context.listId, overdue: signals.filter((s) => s.status === 'overdue').length, dueSoon: signals.filter((s) => s.status === 'due_soon').length } },
      });
      for (const s of changed) enqueue.emit(s.status === 'overdue' ? { type: 'deadline.overdue', signal: s } : { type: 'deadline.dueSoon', signal: s });
    }),
    /** Records a refused event with the failed rule's reason and emits `event.rejected`; the list does not change. */
    refuse: enqueueActions(({ context, event, enqueue }, params: Params) => {
      const why: Refusal = params.rule
        ? ENTRY_CHECKING_REFUSALS[params.rule](context, event, params.action ?? `entryChecking.${event.type}`)
        : { code: 'event_rejected', reason: `"${String(event.type)}" is not accepted while the list is ${params.state}` };
      const entryId = (event as { entryId?: unknown }).entryId;
      const { lastEventAt, line } = rejectionLine(context, event, params.state, why, { listId: context.listId, ...(typeof entryId === 'string' ? { entryId } : {}) });
      enqueue.assign({ lastEventAt });
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
    }),
  },
}).createMachine({
  id: 'entryChecking',
  version: '1',
  context: ({ input }) => startContext(input),
  entry: 'started',
  initial: 'preparing',
  states: {
    preparing: {
      on: {
        send: step('preparing', 'send', 'sendForChecking', ['listHasEntries'], 'checking'),
        'entries.amend': step('preparing', 'entries.amend', 'amendEntries', ['amendmentNamesEntries', 'reasonIsGiven']),
        'clock.tick': ticking('preparing'),
        '*': { actions: { type: 'refuse', params: { state: 'preparing' } } },
      },
    },
    checking: {
      on: {
        'entry.mark': step('checking', 'entry.mark', 'markEntry', ['senderChecksForThisDepartment', 'entryIsOnTheList', 'verdictIsKnown', 'queryOrIncorrectHasComment', 'entryIsNotAwaitingAnAnswer']),
        'query.answer': step('checking', 'query.answer', 'answerQuery', ['entryIsOnTheList', 'entryIsQueried', 'answerIsGiven']),
        'entries.amend': step('checking', 'entries.amend', 'amendEntries', ['amendmentNamesEntries', 'reasonIsGiven']),
        sign: step('checking', 'sign', 'sign', ['senderHeadsThisDepartment', 'everyEntryIsChecked', 'noQueryIsOpen', 'noEntryIsIncorrect'], 'authorising'),
        'clock.tick': ticking('checking'),
        '*': { actions: { type: 'refuse', params: { state: 'checking' } } },
      },
    },
    authorising: {
      on: {
        authorise: step('authorising', 'authorise', 'authorise', [], 'released'),
        decline: step('authorising', 'decline', 'decline', ['reasonIsGiven', 'declineNamesEntriesOnTheList'], 'checking'),
        'entries.amend': step('authorising', 'entries.amend', 'amendEntries', ['amendmentNamesEntries', 'reasonIsGiven'], 'checking'),
        'clock.tick': ticking('authorising'),
        '*': { actions: { type: 'refuse', params: { state: 'authorising' } } },
      },
    },
    released: {
      on: {
        submit: step('released', 'submit', 'submit', [], 'submitted'),
        'entries.amend': step('released', 'entries.amend', 'amendEntries', ['amendmentNamesEntries', 'reasonIsGiven'], 'checking'),
        'clock.tick': ticking('released'),
        '*': { actions: { type: 'refuse', params: { state: 'released' } } },
      },
    },
    submitted: {
      tags: ['submitted'],
      on: {
        'entries.amend': step('submitted', 'entries.amend', 'amendEntries', ['amendmentNamesEntries', 'reasonIsGiven'], 'checking'),
        'clock.tick': ticking('submitted'),
        '*': { actions: { type: 'refuse', params: { state: 'submitted' } } },
      },
    },
  },
});

type Effect = 'sendForChecking' | 'markEntry' | 'answerQuery' | 'amendEntries' | 'sign' | 'authorise' | 'decline' | 'submit';

type StepRule = Exclude<EntryCheckingRule, 'eventIsStampedInOrder' | 'senderMayTakeTheAction' | 'tickIsStampedInOrder'>;

/**
 * An event's transitions in a state: first the step itself, guarded by every rule it must meet (`and`);
 * then, in the same order, one refusal per rule (`not`), so the first rule that fails gives the reason.
 */
function step(state: EntryCheckingState, type: Exclude<EntryCheckingEvent['type'], 'clock.tick'>, effect: Effect, rules: readonly StepRule[], target?: EntryCheckingState) {
  const action = `entryChecking.${type}`;
  const may = { type: 'senderMayTakeTheAction' as const, params: { action } };
  const params = { state, action, ...(target ? { to: target } : {}) };
  return [
    { guard: and(['eventIsStampedInOrder', may, ...rules]), ...(target ? { target } : {}), actions: { type: effect, params } },
    { guard: not('eventIsStampedInOrder'), actions: { type: 'refuse' as const, params: { state, action, rule: 'eventIsStampedInOrder' as const } } },
    { guard: not(may), actions: { type: 'refuse' as const, params: { state, action, rule: 'senderMayTakeTheAction' as const } } },
    ...rules.map((rule) => ({ guard: not(rule), actions: { type: 'refuse' as const, params: { state, action, rule } } })),
  ];
}

/** A state's clock tick: recompute the signals, or refuse a tick that is not stamped in order. */
function ticking(state: EntryCheckingState) {
  return [
    { guard: 'tickIsStampedInOrder' as const, actions: { type: 'tick' as const, params: { state } } },
    { actions: { type: 'refuse' as const, params: { state, rule: 'tickIsStampedInOrder' as const } } },
  ];
}

function cleanEntry(e: EntryForChecking): EntryForChecking {
  return {
    entryId: e.entryId,
    candidateId: e.candidateId,
    ...(e.candidateNumber !== undefined ? { candidateNumber: e.candidateNumber } : {}),
    ...(e.candidateName !== undefined ? { candidateName: e.candidateName } : {}),
    awardingBodyId: e.awardingBodyId,
    entryCode: e.entryCode,
    ...(e.title !== undefined ? { title: e.title } : {}),
    componentCodes: [...(e.componentCodes ?? [])],
    ...(e.tier !== undefined ? { tier: e.tier } : {}),
    ...(e.withdrawn ? { withdrawn: true } : {}),
  };
}

function startContext(input: EntryCheckingInput): EntryCheckingContext {
  if (!input || typeof input.listId !== 'string' || !input.listId) throw new ExamcycleError('invalid_value', 'An entry list needs a listId');
  const bad = input.entries.findIndex((e) => !wellFormedEntry(e));
  if (bad >= 0) throw new ExamcycleError('invalid_value', `Entry ${String(bad)} of ${input.listId} needs an id, a candidate, an awarding body and an entry code`, { location: { field: `entries.${String(bad)}` } });
  if (new Set(input.entries.map((e) => e.entryId)).size !== input.entries.length) throw new ExamcycleError('invalid_value', `An entry id appears twice on ${input.listId}`);
  if (typeof input.centreNumber !== 'string' || !/^\d{5}$/.test(input.centreNumber)) throw new ExamcycleError('invalid_value', 'A centre number is five digits', { location: { field: 'centreNumber' } });
  const dueSoon = input.dueSoonDays ?? 7;
  if (!Number.isInteger(dueSoon) || dueSoon < 0 || dueSoon > 366) throw new ExamcycleError('invalid_value', 'dueSoonDays is a whole number of days from 0 to 366', { location: { field: 'dueSoonDays' } });
  if (!Array.isArray(input.headOfDepartmentIds) || input.headOfDepartmentIds.length === 0) throw new ExamcycleError('invalid_value', `${input.listId} needs the head (or heads) of its department, who sign it`, { location: { field: 'headOfDepartmentIds' } });
  const startedAt = londonIso(instantToMillis(input.startedAt));
  const entries: CheckedEntry[] = input.entries.map((e) => ({ ...cleanEntry(e), status: 'unchecked' }));
  const keyDates = input.keyDates ?? [];
  const deadlines = resolveEntryCheckingDeadlines(keyDates, input.seriesId, [...new Set(entries.map((e) => e.awardingBodyId))].sort(), input.deadlines);
  const dueSoonDays = dueSoon;
  return {
    listId: input.listId,
    centreNumber: input.centreNumber,
    seriesId: input.seriesId,
    department: { id: input.department.id, name: input.department.name },
    headOfDepartmentIds: [...input.headOfDepartmentIds],
    checkerIds: [...(input.checkerIds ?? [])],
    grants: input.grants ?? grantsFor(input.authorities ?? [], input.delegations ?? [], ['entryChecking.']),
    entries,
    deadlines,
    dueSoonDays,
    signals: entryCheckingSignals(deadlines, new Set(), startedAt, dueSoonDays),
    lastEventAt: startedAt,
  };
}
