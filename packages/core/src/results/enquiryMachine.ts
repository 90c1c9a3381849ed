/**
 * An enquiry about results (a post-results service request) as an xstate v5 statechart, one per request:
 * requested → consented (the candidate's written consent, collected only after their results are
 * published) → submitted (before the series' priority or final deadline) → outcome (the grade goes up, down
 * or stays: there is no grade protection) → closed. What a service needs and gives, and the rules' sources,
 * come from the rules pack (`postResultsServices`), and who may send each event from its authorities
 * (`enquiry.<event>`); both are resolved when the request starts and kept in its context, so a restored
 * request decides without the pack. Each rule is one named guard (`hasWrittenConsent`,
 * `beforeEnquiryDeadline`, `consentSignedAfterPublication`, `sentByAnAuthorisedRole`, …); a refused
 * event's code, reason and rule come from the guard that failed ({@link ENQUIRY_GUARD_REFUSALS}), and
 * `.provide({ guards })` replaces one rule. Every accepted and every refused event is emitted as one audit
 * line (`{ type: 'audit', line }`) that the runtime appends to the store's log: the context holds the
 * request's state, never its history. A changed grade is emitted (`enquiry.gradeChanged`) for the results
 * store to apply.
 */
import { and, emit, enqueueActions, not, or, setup } from 'xstate';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { instantMillis, isActor, rejectionLine, stampRejection, type Refusal } from '../audit/eventStamp.js';
import { qualificationLevelSchema, type QualificationLevel } from '../domain/qualification.js';
import type { ExamSeries } from '../domain/series.js';
import { staffRoleSchema } from '../domain/staff.js';
import { ExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { authorise, grantsFor, type RoleGrants } from '../rules/authority.js';
import type { KeyDate, RulesPack } from '../rules/RulesPack.js';
import type { Confidence, SourceRef } from '../rules/sources.js';
import type { AcademicYear, Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { compareGrades } from './compareGrades.js';
import type { EnquiryGradeChange } from './createResultsStore.js';
import type { EnquiryService, EnquiryServiceRule } from './enquiryServiceRule.js';
import { enquiryServiceRuleSchema } from './enquiryServiceRule.js';
import { refusalFromGuards, senderRefusals, type GuardCheck, type GuardRefusals } from './refusalFromGuards.js';
import { keyDateFor } from './keyDateFor.js';

/**
 * The request an enquiry machine is about.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const request: EnquiryRequest = actor.getSnapshot().context.request;
 * `${request.candidateId} ${request.awardingBodyId} ${request.awardCode} (${request.originalGrade})`;
 * ```
 */
export interface EnquiryRequest {
  readonly id: string;
  readonly candidateId: string;
  readonly seriesId: string;
  readonly level: QualificationLevel;
  readonly awardingBodyId: string;
  /** The award (option) code whose grade is enquired about. */
  readonly awardCode: string;
  /** The components the request covers (fees are per component). */
  readonly componentCodes: readonly string[];
  readonly resultId?: string;
  readonly service: EnquiryService;
  readonly originalGrade: string;
  readonly originalMark?: number;
}

/**
 * The deadline a request is checked against.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const deadline: EnquiryDeadline | null = actor.getSnapshot().context.deadline;
 * deadline?.at; // '2026-09-24T23:59:59.999+01:00'
 * ```
 */
export interface EnquiryDeadline {
  readonly kind: EnquiryServiceRule['deadline'];
  readonly at: Instant;
  readonly keyDateId: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * The candidate's consent, as captured.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const consent: EnquiryConsent | null = actor.getSnapshot().context.consent;
 * consent ? `signed by ${consent.signedBy} on ${consent.signedAt.slice(0, 10)}` : 'no written consent yet';
 * ```
 */
export interface EnquiryConsent {
  readonly written: true;
  readonly signedBy: string;
  readonly signedAt: Instant;
  readonly reference?: string;
  readonly capturedAt: Instant;
  readonly capturedBy: Actor;
}

/**
 * The fee of a request, as recorded (never invented).
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const fee: EnquiryFee | null = actor.getSnapshot().context.fee;
 * fee?.refunded ? 'refund the candidate' : 'fee stands';
 * ```
 */
export interface EnquiryFee {
  /** The fee in pence as the awarding body charges it, when given. */
  readonly pence: number | null;
  readonly recordedAt: Instant;
  /** Whether the fee was refunded, once known (`null` until the outcome says). */
  readonly refunded: boolean | null;
}

/**
 * The outcome of a request.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const outcome: EnquiryOutcome | null = actor.getSnapshot().context.outcome;
 * if (outcome?.kind === 'grade' && outcome.change !== 'unchanged') console.log(`${outcome.from} → ${outcome.grade}`);
 * ```
 */
export type EnquiryOutcome =
  | {
      readonly kind: 'grade';
      readonly from: string;
      readonly grade: string;
      readonly change: 'up' | 'down' | 'unchanged';
      readonly mark?: number;
      readonly at: Instant;
      readonly by: Actor;
      readonly note?: string;
    }
  | { readonly kind: 'scripts'; readonly at: Instant; readonly by: Actor; readonly note?: string };

/**
 * The enquiry machine's context: plain JSON, persisted with the snapshot (its audit lines go to the store's log).
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const context: EnquiryContext = actor.getSnapshot().context;
 * `${context.request.id}: ${context.request.service}, deadline ${context.deadline?.at ?? 'unknown'}`;
 * ```
 */
export interface EnquiryContext {
  readonly request: EnquiryRequest;
  /** When results were published to the candidate (release to candidates for their level). */
  readonly resultsPublishedAt: Instant | null;
  readonly deadline: EnquiryDeadline | null;
  /** The awarding body's grade order (best first), for grades on no known scale. */
  readonly gradeOrder: readonly string[] | null;
  readonly consent: EnquiryConsent | null;
  readonly submittedAt: Instant | null;
  readonly submittedBy: Actor | null;
  /** The awarding body's reference for the request, when given. */
  readonly reference: string | null;
  readonly fee: EnquiryFee | null;
  readonly outcome: EnquiryOutcome | null;
  readonly closedAt: Instant | null;
  readonly withdrawal: { readonly at: Instant; readonly by: Actor; readonly reason: string } | null;
  /** The instant of the latest accepted or refused event (the log is chronological). */
  readonly lastEventAt: Instant;
  /** The pack's rule for the request's service, resolved at start (version 3). */
  readonly serviceRule: EnquiryServiceRule;
  /** Who may send each event (`enquiry.<event>`), resolved at start from the pack and the centre's delegations (version 3). */
  readonly grants: RoleGrants;
}

/**
 * What starts an enquiry.
 *
 * @example
 * ```ts
 * const input: EnquiryInput = { id: 'EAR-1', candidateId: 'c-0001', series: examSeries('june', 2026), level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service: 'review_of_marking', originalGrade: 'B', rulesPack: jcq, createdAt: '2026-08-13T10:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } };
 * const actor = createActor(enquiryMachine, { input }).start();
 * ```
 */
export interface EnquiryInput {
  readonly id: string;
  readonly candidateId: string;
  readonly series: ExamSeries;
  readonly level: QualificationLevel;
  readonly awardingBodyId: string;
  readonly awardCode: string;
  readonly componentCodes?: readonly string[];
  readonly resultId?: string;
  readonly service: EnquiryService;
  readonly originalGrade: string;
  readonly originalMark?: number;
  /**
   * The rules pack: its post-results services (the request's service rule), its authorities and the
   * centre's delegations (who may send each event), and its key dates (publication and deadlines, unless
   * `keyDates` is given). Read once, at start; the actor keeps what it needs in its context.
   */
  readonly rulesPack: Pick<RulesPack, 'keyDates' | 'postResultsServices' | 'authorities' | 'delegations'> & Partial<Pick<RulesPack, 'resultsAccess'>>;
  readonly keyDates?: readonly KeyDate[];
  /** The awarding body's grade order, best first, for grades on no known scale. */
  readonly gradeOrder?: readonly string[];
  /** When the request was opened. */
  readonly createdAt: Instant;
  readonly by: Actor;
}

interface Stamped {
  /** When it happened (ISO instant with offset). */
  readonly at: Instant;
  /** Who did it. */
  readonly by: Actor;
}

/**
 * The events an enquiry takes.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const outcome: EnquiryEvent = { type: 'enquiry.outcome', grade: 'A', mark: 187, feeRefunded: true, at: '2026-09-10T11:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } };
 * actor.send(outcome);
 * ```
 */
export type EnquiryEvent =
  | (Stamped & {
      readonly type: 'consent.capture';
      readonly consent: { readonly written: boolean; readonly signedBy: string; readonly signedAt: Instant; readonly reference?: string };
    })
  | (Stamped & { readonly type: 'enquiry.submit'; readonly feePence?: number; readonly reference?: string })
  | (Stamped & { readonly type: 'enquiry.outcome'; readonly grade: string; readonly mark?: number; readonly feeRefunded?: boolean; readonly note?: string })
  | (Stamped & { readonly type: 'enquiry.scriptsReceived'; readonly note?: string })
  | (Stamped & { readonly type: 'enquiry.close' })
  | (Stamped & { readonly type: 'enquiry.withdraw'; readonly reason: string });

/**
 * Events the enquiry machine emits (`actor.on(...)`).
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * declare const store: ResultsStore;
 * actor.on('enquiry.gradeChanged', (e: Extract<EnquiryEmitted, { type: 'enquiry.gradeChanged' }>) => store.applyEnquiryOutcome(e.change, { id: 'eo-1', role: 'exams_officer' }));
 * ```
 */
export type EnquiryEmitted =
  | { readonly type: 'enquiry.gradeChanged'; readonly change: EnquiryGradeChange }
  | { readonly type: 'event.rejected'; readonly entry: AuditLine }
  | AuditEmitted;

/**
 * The states of an enquiry.
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * const state: EnquiryState = 'submitted';
 * actor.getSnapshot().matches(state); // sent to the awarding body, awaiting the outcome
 * ```
 */
export type EnquiryState = 'requested' | 'consented' | 'submitted' | 'outcome' | 'closed' | 'withdrawn';

/**
 * Why an event was refused: the error code, the reason in words, and the rule when one decided.
 *
 * @example
 * ```ts
 * declare const context: EnquiryContext;
 * declare const event: EnquiryEvent;
 * const why: EnquiryRefusal = ENQUIRY_GUARD_REFUSALS.beforeEnquiryDeadline(context, event);
 * `${why.code}: ${why.reason}`;
 * ```
 */
export interface EnquiryRefusal extends Refusal {
  readonly code: ExamcycleErrorCode;
}

const millis = instantMillis;

function iso(at: Instant): Instant {
  return londonIso(instantToMillis(at));
}

/** Who sent an event, as kept: the id and the role, nothing else the host attached. */
function actorOf(by: Actor): Actor {
  return { id: by.id, ...(by.role !== undefined ? { role: by.role } : {}) };
}

const ROLES: readonly unknown[] = [...staffRoleSchema.options, 'candidate', 'system'];

/**
 * The authority action of an enquiry event: `enquiry.submit` for `enquiry.submit`, `enquiry.consent.capture`
 * for `consent.capture`.
 *
 * @param type - the event type
 * @example
 * ```ts
 * enquiryAction('consent.capture'); // 'enquiry.consent.capture'
 * ```
 */
export function enquiryAction(type: string): string {
  return type.startsWith('enquiry.') ? type : `enquiry.${type}`;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** What is wrong with an enquiry's input (so every context it starts with restores), or `undefined`. */
function inputProblem(input: EnquiryInput): string | undefined {
  for (const k of ['id', 'candidateId', 'awardingBodyId', 'awardCode'] as const) if (!isText(input[k])) return `${k} must be non-empty text`;
  if (!isText(input.series?.id)) return 'series must be an exam series';
  if (!qualificationLevelSchema.safeParse(input.level).success) return `"${String(input.level)}" is not a qualification level`;
  if (typeof input.originalGrade !== 'string') return 'originalGrade must be text';
  if (input.originalMark !== undefined && !(typeof input.originalMark === 'number' && Number.isFinite(input.originalMark))) return 'originalMark must be a number';
  if (input.resultId !== undefined && typeof input.resultId !== 'string') return 'resultId must be text';
  if (input.componentCodes !== undefined && !(Array.isArray(input.componentCodes) && input.componentCodes.every((c) => typeof c === 'string'))) return 'componentCodes must be a list of text';
  if (input.gradeOrder !== undefined && !(Array.isArray(input.gradeOrder) && input.gradeOrder.every((g) => typeof g === 'string'))) return 'gradeOrder must be a list of text';
  const pack = input.rulesPack as Partial<Record<string, unknown>> | undefined;
  if (typeof pack !== 'object' || pack === null || !['postResultsServices', 'authorities', 'delegations'].every((k) => typeof pack[k] === 'function')) {
    return 'rulesPack must give postResultsServices, authorities and delegations';
  }
  return undefined;
}

function optional(value: unknown, kind: 'text' | 'mark' | 'boolean'): boolean {
  if (value === undefined) return true;
  if (kind === 'text') return typeof value === 'string';
  if (kind === 'mark') return typeof value === 'number' && Number.isFinite(value) && value >= 0;
  return typeof value === 'boolean';
}

function badField(value: unknown, name: string, kind: 'text' | 'mark' | 'boolean'): EnquiryRefusal {
  const what = kind === 'text' ? 'text' : kind === 'mark' ? 'a mark (a number, 0 or more)' : 'true or false';
  return { code: 'invalid_value', reason: `${name} is ${what}, not ${JSON.stringify(value) ?? typeof value}` };
}

type ConsentFields = Partial<Record<'written' | 'signedBy' | 'signedAt' | 'reference', unknown>>;

function consentOf(event: EnquiryEvent): ConsentFields {
  const c = event.type === 'consent.capture' ? (event.consent as unknown) : undefined;
  return typeof c === 'object' && c !== null ? (c as ConsentFields) : {};
}

const field = (event: EnquiryEvent, key: string): unknown => (event as unknown as Record<string, unknown>)[key];

const atOf = (event: EnquiryEvent): number => millis(event.at) ?? Number.NaN;
const words = (kind: string): string => kind.replace(/_/g, ' ');

/**
 * The rules of an enquiry, one guard each, in the regulation's words. Each is a predicate over the
 * request's context and the event; the machine combines them with `and` / `or` / `not` per transition.
 */
const guards = {
  /** The event has an instant, names who sent it, and is not earlier than the latest recorded event. */
  eventIsStamped: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) => stampRejection(event, context.lastEventAt) === undefined,
  /** The sender's id is at most 200 characters and their role is one examcycle knows. */
  senderIsKnown: ({ event }: { event: EnquiryEvent }) => event.by.id.length <= 200 && (event.by.role === undefined || ROLES.includes(event.by.role)),
  /** The sender acts in a role the pack (or a centre's delegation) lets take this step: requests go only through the centre. */
  sentByAnAuthorisedRole: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) => authorise(context.grants, event.by, enquiryAction(event.type)).allowed,
  /** A candidate acts only on their own request (their own consent), never on another candidate's. */
  candidateActsForThemselves: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) => event.by.role !== 'candidate' || event.by.id === context.request.candidateId,
  /** The service needs the candidate's written consent. */
  serviceNeedsConsent: ({ context }: { context: EnquiryContext }) => context.serviceRule.consentRequired,
  /** The consent is written. */
  consentIsWritten: ({ event }: { event: EnquiryEvent }) => consentOf(event).written === true,
  /** The consent's reference, when given, is text. */
  consentReferenceIsText: ({ event }: { event: EnquiryEvent }) => optional(consentOf(event).reference, 'text'),
  /** The consent is signed by the candidate the request is about. */
  consentSignedByTheCandidate: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) => consentOf(event).signedBy === context.request.candidateId,
  /** The consent says when it was signed. */
  consentSignedAtAnInstant: ({ event }: { event: EnquiryEvent }) => millis(consentOf(event).signedAt) !== null,
  /** The pack gives when results are published to the candidate. */
  resultsPublicationKnown: ({ context }: { context: EnquiryContext }) => context.resultsPublishedAt !== null,
  /** Consent is collected after results are published, never in advance. */
  consentSignedAfterPublication: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) =>
    context.resultsPublishedAt !== null && (millis(consentOf(event).signedAt) ?? -Infinity) >= millis(context.resultsPublishedAt)!,
  /** Consent is signed no later than it is captured. */
  consentSignedBeforeCapture: ({ event }: { event: EnquiryEvent }) => (millis(consentOf(event).signedAt) ?? Infinity) <= atOf(event),
  /** A fee, when given, is whole pence. */
  feeInWholePence: ({ event }: { event: EnquiryEvent }) => {
    const fee = field(event, 'feePence');
    return fee === undefined || (typeof fee === 'number' && Number.isInteger(fee) && fee >= 0);
  },
  /** The awarding body's reference, when given, is text. */
  referenceIsText: ({ event }: { event: EnquiryEvent }) => optional(field(event, 'reference'), 'text'),
  /** The candidate's written consent is in. */
  hasWrittenConsent: ({ context }: { context: EnquiryContext }) => context.consent !== null,
  /** Results are published to the candidate: no request before then. */
  afterResultsPublished: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) => context.resultsPublishedAt !== null && atOf(event) >= millis(context.resultsPublishedAt)!,
  /** The pack gives the service's deadline for the series. */
  enquiryDeadlineKnown: ({ context }: { context: EnquiryContext }) => context.deadline !== null,
  /** The request goes in by the service's deadline. */
  beforeEnquiryDeadline: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) => context.deadline !== null && atOf(event) <= millis(context.deadline.at)!,
  /** The service gives a grade (a review), not scripts. */
  serviceGivesAGrade: ({ context }: { context: EnquiryContext }) => context.serviceRule.outcome === 'grade',
  /** The service gives scripts (access to scripts), not a grade. */
  serviceGivesScripts: ({ context }: { context: EnquiryContext }) => context.serviceRule.outcome === 'scripts',
  /** The outcome names the grade awarded. */
  outcomeNamesAGrade: ({ event }: { event: EnquiryEvent }) => {
    const grade = field(event, 'grade');
    return typeof grade === 'string' && grade.trim() !== '';
  },
  /** The mark, when given, is a number, 0 or more. */
  markIsANumber: ({ event }: { event: EnquiryEvent }) => optional(field(event, 'mark'), 'mark'),
  /** Whether the fee was refunded, when given, is true or false. */
  refundIsTrueOrFalse: ({ event }: { event: EnquiryEvent }) => optional(field(event, 'feeRefunded'), 'boolean'),
  /** The note, when given, is text. */
  noteIsText: ({ event }: { event: EnquiryEvent }) => optional(field(event, 'note'), 'text'),
  /** The new grade can be ranked against the original (a known scale, or the awarding body's order). */
  gradeCanBeRanked: ({ context, event }: { context: EnquiryContext; event: EnquiryEvent }) =>
    compareGrades(String(field(event, 'grade')), context.request.originalGrade, context.gradeOrder ?? undefined) !== null,
  /** A withdrawal gives its reason. */
  withdrawalHasAReason: ({ event }: { event: EnquiryEvent }) => {
    const reason = field(event, 'reason');
    return typeof reason === 'string' && reason.trim() !== '';
  },
};

/**
 * The name of a rule of the enquiry machine (a guard, replaceable with `.provide({ guards })`).
 *
 * @example
 * ```ts
 * const rule: EnquiryGuard = 'consentSignedAfterPublication';
 * ```
 */
export type EnquiryGuard = keyof typeof guards;

const noPublication = (c: EnquiryContext): EnquiryRefusal => ({ code: 'rule_unsupported', reason: `No results publication date for ${c.request.level} in ${c.request.seriesId}` });

/**
 * The refusal of each rule of the enquiry machine: when the guard of that name fails, the event is refused
 * with this code, reason and rule (and audited). A host may read it to explain a refusal.
 *
 * @example
 * ```ts
 * declare const context: EnquiryContext;
 * declare const event: EnquiryEvent;
 * ENQUIRY_GUARD_REFUSALS.beforeEnquiryDeadline(context, event).code; // 'deadline_passed'
 * ```
 */
export const ENQUIRY_GUARD_REFUSALS: GuardRefusals<EnquiryContext, EnquiryEvent> & Readonly<Record<EnquiryGuard, (context: EnquiryContext, event: EnquiryEvent) => EnquiryRefusal>> = {
  ...senderRefusals<EnquiryContext, EnquiryEvent>(enquiryAction, 'The event is not stamped'),
  candidateActsForThemselves: (c, e) => ({ code: 'not_authorised', reason: `A candidate acts only on their own request; "${e.by.id}" is not candidate "${c.request.candidateId}"`, rule: enquiryAction(e.type) }),
  serviceNeedsConsent: (c) => ({ code: 'event_rejected', reason: `${c.serviceRule.title} needs no candidate consent`, rule: c.serviceRule.rule }),
  consentIsWritten: (c) => ({ code: 'consent_missing', reason: 'Candidate consent must be written', ...consentRule(c) }),
  consentReferenceIsText: (_c, e) => badField(consentOf(e).reference, 'The consent reference', 'text'),
  consentSignedByTheCandidate: (c, e) => ({ code: 'consent_missing', reason: `Consent must be the candidate's own; signed by "${String(consentOf(e).signedBy)}", not "${c.request.candidateId}"`, ...consentRule(c) }),
  consentSignedAtAnInstant: (_c, e) => ({ code: 'invalid_value', reason: `"${String(consentOf(e).signedAt)}" is not an instant` }),
  resultsPublicationKnown: noPublication,
  consentSignedAfterPublication: (c, e) =>
    c.resultsPublishedAt === null
      ? noPublication(c)
      : { code: 'consent_missing', reason: `Consent signed ${String(consentOf(e).signedAt)}, before results were published (${c.resultsPublishedAt}); it cannot be collected in advance`, ...consentRule(c) },
  consentSignedBeforeCapture: () => ({ code: 'invalid_value', reason: 'Consent cannot be signed after it is captured' }),
  feeInWholePence: (_c, e) => ({ code: 'invalid_value', reason: `A fee is whole pence, not ${String(field(e, 'feePence'))}` }),
  referenceIsText: (_c, e) => badField(field(e, 'reference'), 'The awarding body\'s reference', 'text'),
  hasWrittenConsent: (c) => ({ code: 'consent_missing', reason: `${c.serviceRule.title} needs the candidate's written consent first`, ...consentRule(c) }),
  afterResultsPublished: (c) => (c.resultsPublishedAt === null ? noPublication(c) : { code: 'event_rejected', reason: `Results are published to candidates at ${c.resultsPublishedAt}; no request before then` }),
  enquiryDeadlineKnown: (c) => ({ code: 'rule_unsupported', reason: `No ${words(c.serviceRule.deadline)} for ${c.request.seriesId}: the request cannot be checked` }),
  beforeEnquiryDeadline: (c) =>
    c.deadline === null
      ? { code: 'rule_unsupported', reason: `No ${words(c.serviceRule.deadline)} for ${c.request.seriesId}: the request cannot be checked` }
      : { code: 'deadline_passed', reason: `The ${words(c.serviceRule.deadline)} was ${c.deadline.at}`, rule: c.deadline.keyDateId },
  serviceGivesAGrade: (c) => ({ code: 'event_rejected', reason: `${c.serviceRule.title} returns scripts, not a grade`, rule: c.serviceRule.rule }),
  serviceGivesScripts: (c) => ({ code: 'event_rejected', reason: `${c.serviceRule.title} gives a grade outcome, not scripts`, rule: c.serviceRule.rule }),
  outcomeNamesAGrade: () => ({ code: 'invalid_value', reason: 'The outcome needs the grade awarded' }),
  markIsANumber: (_c, e) => badField(field(e, 'mark'), 'The mark', 'mark'),
  refundIsTrueOrFalse: (_c, e) => badField(field(e, 'feeRefunded'), 'Whether the fee was refunded', 'boolean'),
  noteIsText: (_c, e) => badField(field(e, 'note'), 'The note', 'text'),
  gradeCanBeRanked: (c, e) => ({ code: 'invalid_value', reason: `Cannot rank "${String(field(e, 'grade'))}" against "${c.request.originalGrade}": give the awarding body's gradeOrder` }),
  withdrawalHasAReason: () => ({ code: 'invalid_value', reason: 'A withdrawal needs a reason' }),
};

function consentRule(c: EnquiryContext): { rule?: string } {
  return c.serviceRule.consentRule ? { rule: c.serviceRule.consentRule } : {};
}

/** Why an event that the state takes no step for is refused. */
function notNow(_context: EnquiryContext, event: EnquiryEvent, state: string): EnquiryRefusal {
  switch (event.type) {
    case 'consent.capture':
      return { code: 'event_rejected', reason: `Consent is captured before the request is submitted, not in ${state}` };
    case 'enquiry.submit':
      return { code: 'event_rejected', reason: `The request was already submitted (${state})` };
    case 'enquiry.outcome':
      return { code: 'event_rejected', reason: `An outcome comes after submission, not in ${state}` };
    case 'enquiry.scriptsReceived':
      return { code: 'event_rejected', reason: `Scripts come after submission, not in ${state}` };
    case 'enquiry.close':
      return { code: 'event_rejected', reason: `A request is closed after its outcome, not in ${state}` };
    case 'enquiry.withdraw':
      return { code: 'event_rejected', reason: `A submitted request cannot be withdrawn here (${state}); ask the awarding body` };
    default:
      return { code: 'event_rejected', reason: `"${String((event as { type: unknown }).type)}" is not an enquiry event` };
  }
}

/** The guards every event must pass first, in every state (an enquiry event, also its sender's authority). */
const SENT = ['eventIsStamped', 'senderIsKnown'] as const;
const AUTHORISED = [...SENT, 'sentByAnAuthorisedRole', 'candidateActsForThemselves'] as const;
const EVENTS: ReadonlySet<string> = new Set<EnquiryEvent['type']>(['consent.capture', 'enquiry.submit', 'enquiry.outcome', 'enquiry.scriptsReceived', 'enquiry.close', 'enquiry.withdraw']);

/**
 * The grade change an enquiry's outcome makes, to apply to the results store; `null` while there is no
 * outcome or when the grade did not change.
 *
 * @param context - the enquiry's context
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
 * declare const store: ResultsStore;
 * const change = enquiryGradeChange(actor.getSnapshot().context);
 * if (change) store.applyEnquiryOutcome(change, { id: 'EO', role: 'exams_officer' });
 * ```
 */
export function enquiryGradeChange(context: EnquiryContext): EnquiryGradeChange | null {
  const o = context.outcome;
  if (!o || o.kind !== 'grade' || o.change === 'unchanged') return null;
  const r = context.request;
  return {
    enquiryId: r.id,
    candidateId: r.candidateId,
    seriesId: r.seriesId,
    awardingBodyId: r.awardingBodyId,
    awardCode: r.awardCode,
    level: r.level,
    ...(r.resultId ? { resultId: r.resultId } : {}),
    from: o.from,
    to: o.grade,
    direction: o.change,
    ...(o.mark !== undefined ? { mark: o.mark } : {}),
    at: o.at,
  };
}

/** The pack's rule for the input's service, checked; a typed error when the pack has none or gives a malformed one. */
function resolveService(input: EnquiryInput): EnquiryServiceRule {
  let services: Readonly<Record<string, EnquiryServiceRule>>;
  try {
    services = input.rulesPack.postResultsServices(input.series.academicYear as AcademicYear);
  } catch (cause) {
    throw new ExamcycleError('rule_unsupported', `The rules pack gives no post-results services for ${input.series.academicYear}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const found = typeof input.service === 'string' && Object.hasOwn(services, input.service) ? services[input.service] : undefined;
  if (!found) {
    throw new ExamcycleError('invalid_value', `Unknown post-results service "${String(input.service)}"; one of ${Object.keys(services).join(', ')}`, { details: { service: String(input.service) } });
  }
  const parsed = enquiryServiceRuleSchema.safeParse(found);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ExamcycleError('rule_unsupported', `The rules pack's rule for ${input.service} is not usable (${issue.path.join('.') || 'rule'}: ${issue.message})`, { details: { service: input.service } });
  }
  return parsed.data as EnquiryServiceRule;
}

function resolveDates(input: EnquiryInput, service: EnquiryServiceRule): Pick<EnquiryContext, 'resultsPublishedAt' | 'deadline'> {
  const keyDates = input.keyDates ?? input.rulesPack.keyDates(input.series);
  const scope = { level: input.level, awardingBodyId: input.awardingBodyId };
  const published =
    keyDateFor(keyDates, 'release_to_candidates', scope)?.at ??
    input.rulesPack.resultsAccess?.({ audience: 'candidate', at: input.createdAt, series: input.series, level: input.level }).allowedFrom ??
    null;
  const kind = service.deadline;
  const k = keyDateFor(keyDates, kind, scope);
  return {
    resultsPublishedAt: published === null ? null : iso(published),
    deadline: k ? { kind, at: iso(k.at), keyDateId: k.id, source: k.source, confidence: k.confidence } : null,
  };
}

/** A step from one state to the next under the named rules; a refused event falls through to the state's `*`. */
function step(from: EnquiryState, to: EnquiryState, rules: readonly (EnquiryGuard | ReturnType<typeof not> | ReturnType<typeof or>)[]) {
  return { guard: and([...rules] as never), target: to, actions: { type: 'accept' as const, params: { from, to } } };
}

function refuse(state: EnquiryState) {
  return { actions: { type: 'reject' as const, params: { state } } };
}

const consentRules = [
  ...AUTHORISED,
  'serviceNeedsConsent',
  'consentIsWritten',
  'consentReferenceIsText',
  'consentSignedByTheCandidate',
  'consentSignedAtAnInstant',
  'resultsPublicationKnown',
  'consentSignedAfterPublication',
  'consentSignedBeforeCapture',
] as const;
const submitRules = [
  ...AUTHORISED,
  'feeInWholePence',
  'referenceIsText',
  or([not('serviceNeedsConsent'), 'hasWrittenConsent']),
  'resultsPublicationKnown',
  'afterResultsPublished',
  'enquiryDeadlineKnown',
  'beforeEnquiryDeadline',
] as const;
const withdrawRules = [...AUTHORISED, 'withdrawalHasAReason'] as const;

/**
 * The enquiry machine (id `enquiry`, version `3`): one actor per post-results request. Every accepted and
 * every refused event is emitted as one `{ type: 'audit', line }` (collect them with {@link collectAudit},
 * or let the runtime append them to the store's log); the first line (`enquiry.request`) is emitted when a
 * new actor starts, not when a snapshot is restored. Its persistence spec is {@link enquiryPersisted}.
 *
 * @example
 * ```ts
 * const by: Actor = { id: 'EO', role: 'exams_officer' };
 * const actor = createActor(enquiryMachine, {
 *   input: { id: 'EAR-1', candidateId: 'C-1', series: examSeries('june', 2026), level: 'GCE', awardingBodyId: 'AQA',
 *            awardCode: '7402', service: 'review_of_marking', originalGrade: 'B', rulesPack: jcq,
 *            createdAt: '2026-08-13T10:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } },
 * }).start();
 * actor.send({ type: 'consent.capture', at: '2026-08-13T11:00:00+01:00', by, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T10:55:00+01:00' } });
 * actor.send({ type: 'enquiry.submit', at: '2026-08-14T09:00:00+01:00', by, feePence: 4850 });
 * // One rule replaced: a centre testing its forms without a deadline.
 * const lenient = enquiryMachine.provide({ guards: { beforeEnquiryDeadline: () => true } });
 * ```
 */
export const enquiryMachine = setup({
  types: {
    context: {} as EnquiryContext,
    events: {} as EnquiryEvent,
    input: {} as EnquiryInput,
    emitted: {} as EnquiryEmitted,
  },
  guards,
  actions: {
    /** Applies an accepted event and emits its audit line; emits a grade change. */
    accept: enqueueActions(({ context, event, enqueue }, params: { from: EnquiryState; to: EnquiryState }) => {
      const at = iso(event.at);
      const base = { lastEventAt: at };
      const by = actorOf(event.by);
      const details: Record<string, string | number | boolean | null> = { enquiryId: context.request.id, service: context.request.service };
      let patch: Partial<EnquiryContext> = {};
      switch (event.type) {
        case 'consent.capture':
          patch = {
            consent: { written: true, signedBy: event.consent.signedBy, signedAt: iso(event.consent.signedAt), ...(event.consent.reference ? { reference: event.consent.reference } : {}), capturedAt: at, capturedBy: by },
          };
          details.signedAt = iso(event.consent.signedAt);
          break;
        case 'enquiry.submit':
          patch = { submittedAt: at, submittedBy: by, reference: event.reference ?? null, fee: { pence: event.feePence ?? null, recordedAt: at, refunded: null } };
          details.deadline = context.deadline?.at ?? null;
          details.feePence = event.feePence ?? null;
          break;
        case 'enquiry.outcome': {
          const cmp = compareGrades(event.grade, context.request.originalGrade, context.gradeOrder ?? undefined) ?? 0;
          const change = cmp > 0 ? 'up' : cmp < 0 ? 'down' : 'unchanged';
          const outcome: EnquiryOutcome = {
            kind: 'grade',
            from: context.request.originalGrade,
            grade: event.grade.trim(),
            change,
            ...(event.mark !== undefined ? { mark: event.mark } : {}),
            at,
            by,
            ...(event.note ? { note: event.note } : {}),
          };
          patch = { outcome, ...(context.fee ? { fee: { ...context.fee, refunded: event.feeRefunded ?? null } } : {}) };
          details.from = outcome.from;
          details.to = outcome.grade;
          details.change = change;
          details.feeRefunded = event.feeRefunded ?? null;
          break;
        }
        case 'enquiry.scriptsReceived':
          patch = { outcome: { kind: 'scripts', at, by, ...(event.note ? { note: event.note } : {}) } };
          break;
        case 'enquiry.close':
          patch = { closedAt: at };
          break;
        case 'enquiry.withdraw':
          patch = { withdrawal: { at, by, reason: event.reason } };
          details.reason = event.reason;
          break;
      }
      const next = { ...context, ...patch, ...base };
      enqueue.assign({ ...patch, ...base });
      enqueue.emit({ type: 'audit', line: { at, by, event: event.type, from: params.from, to: params.to, outcome: 'accepted', details } });
      const change = event.type === 'enquiry.outcome' ? enquiryGradeChange(next) : null;
      if (change) enqueue.emit({ type: 'enquiry.gradeChanged', change });
    }),
    /** Emits the audit line of a refused event (the refusal of the guard that failed) and `event.rejected`. */
    reject: enqueueActions(({ context, event, enqueue, check }, params: { state: EnquiryState }) => {
      const why = refusalFromGuards(enquiryMachine, params.state, event, context, check as GuardCheck, ENQUIRY_GUARD_REFUSALS, notNow, EVENTS.has(event.type) ? AUTHORISED : SENT);
      const { lastEventAt, line } = rejectionLine(context, event, params.state, why, { enquiryId: context.request.id, service: context.request.service });
      enqueue.assign({ lastEventAt });
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
    }),
    /** The first line of a new request's log (a root entry action: not emitted again when a snapshot is restored). */
    requested: emit(({ context, event }): AuditEmitted => {
      // The root's entry runs on xstate's init event, which carries the input (and so who opened the request).
      const by = (event as unknown as { readonly input?: { readonly by?: unknown } }).input?.by;
      const r = context.request;
      return {
        type: 'audit',
        line: {
          at: context.lastEventAt,
          ...(isActor(by) ? { by: actorOf(by) } : {}),
          event: 'enquiry.request',
          from: 'requested',
          to: 'requested',
          outcome: 'accepted',
          details: { enquiryId: r.id, service: r.service, candidateId: r.candidateId, awardCode: r.awardCode, deadline: context.deadline?.at ?? null },
        },
      };
    }),
  },
}).createMachine({
  id: 'enquiry',
  version: '3',
  context: ({ input }) => {
    const badInput = inputProblem(input);
    if (badInput) throw new ExamcycleError('invalid_value', `The enquiry cannot start: ${badInput}`, { details: { enquiryId: String(input.id) } });
    const serviceRule = resolveService(input);
    const createdAt = iso(input.createdAt);
    const request: EnquiryRequest = {
      id: input.id,
      candidateId: input.candidateId,
      seriesId: input.series.id,
      level: input.level,
      awardingBodyId: input.awardingBodyId,
      awardCode: input.awardCode,
      componentCodes: [...(input.componentCodes ?? [])],
      ...(input.resultId ? { resultId: input.resultId } : {}),
      service: input.service,
      originalGrade: input.originalGrade.trim(),
      ...(input.originalMark !== undefined ? { originalMark: input.originalMark } : {}),
    };
    const dates = resolveDates(input, serviceRule);
    const grants = grantsFor(input.rulesPack.authorities(input.series.academicYear as AcademicYear), input.rulesPack.delegations(), ['enquiry.']);
    return {
      request,
      ...dates,
      gradeOrder: input.gradeOrder ? [...input.gradeOrder] : null,
      consent: null,
      submittedAt: null,
      submittedBy: null,
      reference: null,
      fee: null,
      outcome: null,
      closedAt: null,
      withdrawal: null,
      lastEventAt: createdAt,
      serviceRule,
      grants,
    };
  },
  entry: 'requested',
  initial: 'requested',
  states: {
    requested: {
      on: {
        'consent.capture': step('requested', 'consented', consentRules),
        'enquiry.submit': step('requested', 'submitted', submitRules),
        'enquiry.withdraw': step('requested', 'withdrawn', withdrawRules),
        '*': refuse('requested'),
      },
    },
    consented: {
      on: {
        'enquiry.submit': step('consented', 'submitted', submitRules),
        'enquiry.withdraw': step('consented', 'withdrawn', withdrawRules),
        '*': refuse('consented'),
      },
    },
    submitted: {
      on: {
        'enquiry.outcome': step('submitted', 'outcome', [...AUTHORISED, 'serviceGivesAGrade', 'outcomeNamesAGrade', 'markIsANumber', 'refundIsTrueOrFalse', 'noteIsText', 'gradeCanBeRanked']),
        'enquiry.scriptsReceived': step('submitted', 'outcome', [...AUTHORISED, 'serviceGivesScripts', 'noteIsText']),
        '*': refuse('submitted'),
      },
    },
    outcome: {
      on: {
        'enquiry.close': step('outcome', 'closed', AUTHORISED),
        '*': refuse('outcome'),
      },
    },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
