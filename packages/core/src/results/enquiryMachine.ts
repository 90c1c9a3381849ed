/**
 * An enquiry about results (a post-results service request) as an xstate v5 machine, one per request:
 * requested → consented (the candidate's written consent, collected only after their results are
 * published: JCQ General Regulations 5.13) → submitted (checked against the series' priority or final
 * deadline) → outcome (the grade goes up, down or stays: there is no grade protection) → closed. Review of
 * moderation needs no candidate consent. Requests go "only through the centre" (SecEd, seed 003): only the
 * exams office or the head of centre sends `enquiry.submit`; a candidate or a parent is refused
 * `not_authorised` (audited), and a candidate's part is their written consent. Fees are recorded as given, never invented. A request without
 * consent, or after its deadline, is refused with the reason. Every accepted and every refused event is
 * emitted as one audit line (`{ type: 'audit', line }`) that the runtime appends to the store's log: the
 * context holds the request's state, never its history. A changed grade is emitted (`enquiry.gradeChanged`)
 * for the results store to apply.
 */
import { emit, enqueueActions, setup } from 'xstate';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { instantMillis, isActor, rejectionLine, stampRejection } from '../audit/eventStamp.js';
import { qualificationLevelSchema, type QualificationLevel } from '../domain/qualification.js';
import type { ExamSeries } from '../domain/series.js';
import { staffRoleSchema } from '../domain/staff.js';
import { ExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import type { KeyDate, KeyDateKind, RulesPack } from '../rules/RulesPack.js';
import type { Confidence, SourceRef } from '../rules/sources.js';
import { toLondon, type Instant } from '../time/clock.js';
import { compareGrades } from './compareGrades.js';
import type { EnquiryGradeChange } from './createResultsStore.js';
import { keyDateFor } from './keyDateFor.js';

/** The post-results services. */
export type EnquiryService =
  | 'clerical_recheck'
  | 'review_of_marking'
  | 'priority_review_of_marking'
  | 'review_of_moderation'
  | 'access_to_scripts_priority'
  | 'access_to_scripts';

/** What a service needs and gives. */
export interface EnquiryServiceRule {
  readonly title: string;
  /** The JCQ service number. */
  readonly jcqService: '1' | '2' | '2P' | '3' | 'ATS';
  /** Whether the candidate's written consent is needed before the request goes in. */
  readonly consentRequired: boolean;
  /** The key date the request must be in by. */
  readonly deadline: Extract<KeyDateKind, 'post_results_priority_deadline' | 'post_results_final_deadline'>;
  /** A review gives a grade; access to scripts gives scripts. */
  readonly outcome: 'grade' | 'scripts';
  /** Where the rule comes from (examcycle fact sheet, JCQ post-results services). */
  readonly source: string;
}

/**
 * The post-results services and their rules (JCQ post-results services, as summarised in examcycle's
 * fact sheet §5 and §1h).
 *
 * @example
 * ```ts
 * ENQUIRY_SERVICES.review_of_moderation.consentRequired; // false
 * ```
 */
export const ENQUIRY_SERVICES: Readonly<Record<EnquiryService, EnquiryServiceRule>> = {
  clerical_recheck: { title: 'Clerical re-check (service 1)', jcqService: '1', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'grade', source: 'JCQ post-results services: service 1; consent GR 5.13' },
  review_of_marking: { title: 'Review of marking (service 2)', jcqService: '2', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'grade', source: 'JCQ post-results services: service 2; consent GR 5.13' },
  priority_review_of_marking: { title: 'Priority review of marking (service 2P)', jcqService: '2P', consentRequired: true, deadline: 'post_results_priority_deadline', outcome: 'grade', source: 'JCQ post-results services: priority service 2P; consent GR 5.13' },
  review_of_moderation: { title: 'Review of moderation (service 3)', jcqService: '3', consentRequired: false, deadline: 'post_results_final_deadline', outcome: 'grade', source: 'JCQ post-results services: service 3, candidate consent not required' },
  access_to_scripts_priority: { title: 'Priority copy of a script (to support a review of marking)', jcqService: 'ATS', consentRequired: true, deadline: 'post_results_priority_deadline', outcome: 'scripts', source: 'JCQ access to scripts: priority copies; consent GR 5.13' },
  access_to_scripts: { title: 'Access to scripts (non-priority)', jcqService: 'ATS', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'scripts', source: 'JCQ access to scripts: non-priority; consent GR 5.13' },
};

/** The request an enquiry machine is about. */
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

/** The deadline a request is checked against. */
export interface EnquiryDeadline {
  readonly kind: EnquiryServiceRule['deadline'];
  readonly at: Instant;
  readonly keyDateId: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/** The candidate's consent, as captured. */
export interface EnquiryConsent {
  readonly written: true;
  readonly signedBy: string;
  readonly signedAt: Instant;
  readonly reference?: string;
  readonly capturedAt: Instant;
  readonly capturedBy: Actor;
}

/** The fee of a request, as recorded (never invented). */
export interface EnquiryFee {
  /** The fee in pence as the awarding body charges it, when given. */
  readonly pence: number | null;
  readonly recordedAt: Instant;
  /** Whether the fee was refunded, once known (`null` until the outcome says). */
  readonly refunded: boolean | null;
}

/** The outcome of a request. */
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

/** The enquiry machine's context: plain JSON, persisted with the snapshot (its audit lines go to the store's log). */
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
}

/** What starts an enquiry. */
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
  /** The rules pack whose key dates give publication and deadlines (or pass `keyDates`). */
  readonly rulesPack?: Pick<RulesPack, 'keyDates'> & Partial<Pick<RulesPack, 'resultsAccess'>>;
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

/** The events an enquiry takes. */
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

/** Events the enquiry machine emits (`actor.on(...)`). */
export type EnquiryEmitted =
  | { readonly type: 'enquiry.gradeChanged'; readonly change: EnquiryGradeChange }
  | { readonly type: 'event.rejected'; readonly entry: AuditLine }
  | AuditEmitted;

/** The states of an enquiry. */
export type EnquiryState = 'requested' | 'consented' | 'submitted' | 'outcome' | 'closed' | 'withdrawn';

/** Why an event was refused: the error code, the reason in words, and the rule when one decided. */
export interface EnquiryRefusal {
  readonly code: ExamcycleErrorCode;
  readonly reason: string;
  readonly rule?: string;
}

const millis = instantMillis;

function iso(at: Instant): Instant {
  return toLondon(at).toISO()!;
}

/** Who sent an event, as kept: the id and the role, nothing else the host attached. */
function actorOf(by: Actor): Actor {
  return { id: by.id, ...(by.role !== undefined ? { role: by.role } : {}) };
}

const ROLES: readonly unknown[] = [...staffRoleSchema.options, 'candidate', 'system'];

/** Why a sender is refused beyond the shared stamp rule: an id over 200 characters, or a role examcycle does not know. */
function senderRejection(by: Actor): EnquiryRefusal | undefined {
  if (by.id.length > 200) return { code: 'not_authorised', reason: 'The sender\'s id is over 200 characters' };
  if (by.role !== undefined && !ROLES.includes(by.role)) return { code: 'not_authorised', reason: `"${String(by.role).slice(0, 60)}" is not a role examcycle knows` };
  return undefined;
}

/**
 * The roles that send a post-results request to the awarding body: the exams office and the head of centre.
 * SecEd (seed 003): "all post-results service requests can only be made through the centre"; a candidate
 * or a parent gives consent, never the request itself.
 */
const SUBMITTING_ROLES: readonly unknown[] = ['exams_officer', 'exams_office_staff', 'head_of_centre', 'system'];

/**
 * The rule that refuses a request sent by anyone but the centre's exams office.
 *
 * @example
 * ```ts
 * refusal.rule === ENQUIRY_THROUGH_CENTRE_RULE; // a candidate sent enquiry.submit
 * ```
 */
export const ENQUIRY_THROUGH_CENTRE_RULE = 'examcycle.results.requests-through-centre';

/** Why a sender may not submit the request (`undefined` when they may). */
function submitterRejection(by: Actor): EnquiryRefusal | undefined {
  if (SUBMITTING_ROLES.includes(by.role)) return undefined;
  const who = by.role === undefined ? `"${by.id}" (no role)` : `a ${String(by.role).replaceAll('_', ' ')}`;
  return {
    code: 'not_authorised',
    reason: `Post-results requests are made only through the centre, by exams office staff or the head of centre; ${who} may not submit one (candidates give written consent instead)`,
    rule: ENQUIRY_THROUGH_CENTRE_RULE,
  };
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
  return undefined;
}

/** Why an optional free-text or number field is refused (`undefined` when absent or well-typed). */
function fieldRejection(value: unknown, name: string, kind: 'text' | 'mark' | 'boolean'): EnquiryRefusal | undefined {
  if (value === undefined) return undefined;
  if (kind === 'text' && typeof value === 'string') return undefined;
  if (kind === 'mark' && typeof value === 'number' && Number.isFinite(value) && value >= 0) return undefined;
  if (kind === 'boolean' && typeof value === 'boolean') return undefined;
  const what = kind === 'text' ? 'text' : kind === 'mark' ? 'a mark (a number, 0 or more)' : 'true or false';
  return { code: 'invalid_value', reason: `${name} is ${what}, not ${JSON.stringify(value) ?? typeof value}` };
}

function submitRejection(context: EnquiryContext, at: number): EnquiryRefusal | undefined {
  const service = ENQUIRY_SERVICES[context.request.service];
  if (service.consentRequired && !context.consent) {
    return { code: 'consent_missing', reason: `${service.title} needs the candidate's written consent first`, rule: 'jcq.gr.5.13' };
  }
  if (context.resultsPublishedAt === null) return { code: 'rule_unsupported', reason: `No results publication date for ${context.request.level} in ${context.request.seriesId}` };
  if (at < millis(context.resultsPublishedAt)!) return { code: 'event_rejected', reason: `Results are published to candidates at ${context.resultsPublishedAt}; no request before then` };
  if (context.deadline === null) return { code: 'rule_unsupported', reason: `No ${service.deadline.replace(/_/g, ' ')} for ${context.request.seriesId}: the request cannot be checked` };
  if (at > millis(context.deadline.at)!) {
    return { code: 'deadline_passed', reason: `The ${service.deadline.replace(/_/g, ' ')} was ${context.deadline.at}`, rule: context.deadline.keyDateId };
  }
  return undefined;
}

/**
 * Why an event is refused in a state (`undefined` when it is accepted). Exported for hosts that want to
 * explain a refusal before sending.
 *
 * @param context - the enquiry's context
 * @param state - the state the enquiry is in
 * @param event - the event to judge
 * @example
 * ```ts
 * enquiryRejection(actor.getSnapshot().context, 'consented', { type: 'enquiry.submit', at, by })?.code; // 'deadline_passed'
 * ```
 */
export function enquiryRejection(context: EnquiryContext, state: EnquiryState, event: EnquiryEvent): EnquiryRefusal | undefined {
  const stamp = stampRejection(event, context.lastEventAt) ?? senderRejection(event.by);
  if (stamp) return stamp;
  const at = millis(event.at)!;
  const service = ENQUIRY_SERVICES[context.request.service];
  switch (event.type) {
    case 'consent.capture': {
      if (state !== 'requested') return { code: 'event_rejected', reason: `Consent is captured before the request is submitted, not in ${state}` };
      if (!service.consentRequired) return { code: 'event_rejected', reason: `${service.title} needs no candidate consent` };
      const c = event.consent as Partial<Record<'written' | 'signedBy' | 'signedAt', unknown>> | null | undefined;
      if (typeof c !== 'object' || c === null || c.written !== true) return { code: 'consent_missing', reason: 'Candidate consent must be written (JCQ GR 5.13)', rule: 'jcq.gr.5.13' };
      const badReference = fieldRejection((c as { reference?: unknown }).reference, 'The consent reference', 'text');
      if (badReference) return badReference;
      if (c.signedBy !== context.request.candidateId) return { code: 'consent_missing', reason: `Consent must be the candidate's own; signed by "${String(c.signedBy)}", not "${context.request.candidateId}"`, rule: 'jcq.gr.5.13' };
      const signed = millis(c.signedAt);
      if (signed === null) return { code: 'invalid_value', reason: `"${String(c.signedAt)}" is not an instant` };
      if (context.resultsPublishedAt === null) return { code: 'rule_unsupported', reason: `No results publication date for ${context.request.level} in ${context.request.seriesId}` };
      if (signed < millis(context.resultsPublishedAt)!) {
        return { code: 'consent_missing', reason: `Consent signed ${c.signedAt}, before results were published (${context.resultsPublishedAt}); it cannot be collected in advance (JCQ GR 5.13)`, rule: 'jcq.gr.5.13' };
      }
      if (signed > at) return { code: 'invalid_value', reason: 'Consent cannot be signed after it is captured' };
      return undefined;
    }
    case 'enquiry.submit': {
      if (state !== 'requested' && state !== 'consented') return { code: 'event_rejected', reason: `The request was already submitted (${state})` };
      const sender = submitterRejection(event.by);
      if (sender) return sender;
      if (event.feePence !== undefined && (!Number.isInteger(event.feePence) || event.feePence < 0)) return { code: 'invalid_value', reason: `A fee is whole pence, not ${String(event.feePence)}` };
      return fieldRejection(event.reference, 'The awarding body\'s reference', 'text') ?? submitRejection(context, at);
    }
    case 'enquiry.outcome': {
      if (state !== 'submitted') return { code: 'event_rejected', reason: `An outcome comes after submission, not in ${state}` };
      if (service.outcome !== 'grade') return { code: 'event_rejected', reason: `${service.title} returns scripts, not a grade` };
      if (typeof event.grade !== 'string' || event.grade.trim() === '') return { code: 'invalid_value', reason: 'The outcome needs the grade awarded' };
      const badField = fieldRejection(event.mark, 'The mark', 'mark') ?? fieldRejection(event.feeRefunded, 'Whether the fee was refunded', 'boolean') ?? fieldRejection(event.note, 'The note', 'text');
      if (badField) return badField;
      if (compareGrades(event.grade, context.request.originalGrade, context.gradeOrder ?? undefined) === null) {
        return { code: 'invalid_value', reason: `Cannot rank "${event.grade}" against "${context.request.originalGrade}": give the awarding body's gradeOrder` };
      }
      return undefined;
    }
    case 'enquiry.scriptsReceived':
      if (state !== 'submitted') return { code: 'event_rejected', reason: `Scripts come after submission, not in ${state}` };
      if (service.outcome !== 'scripts') return { code: 'event_rejected', reason: `${service.title} gives a grade outcome, not scripts` };
      return fieldRejection(event.note, 'The note', 'text');
    case 'enquiry.close':
      return state === 'outcome' ? undefined : { code: 'event_rejected', reason: `A request is closed after its outcome, not in ${state}` };
    case 'enquiry.withdraw':
      if (state !== 'requested' && state !== 'consented') return { code: 'event_rejected', reason: `A submitted request cannot be withdrawn here (${state}); ask the awarding body` };
      return typeof event.reason === 'string' && event.reason.trim() ? undefined : { code: 'invalid_value', reason: 'A withdrawal needs a reason' };
    default:
      return { code: 'event_rejected', reason: `"${String((event as { type: unknown }).type)}" is not an enquiry event` };
  }
}

const NEXT: Readonly<Record<EnquiryEvent['type'], EnquiryState>> = {
  'consent.capture': 'consented',
  'enquiry.submit': 'submitted',
  'enquiry.outcome': 'outcome',
  'enquiry.scriptsReceived': 'outcome',
  'enquiry.close': 'closed',
  'enquiry.withdraw': 'withdrawn',
};

/**
 * The grade change an enquiry's outcome makes, to apply to the results store; `null` while there is no
 * outcome or when the grade did not change.
 *
 * @param context - the enquiry's context
 * @example
 * ```ts
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

function resolveDates(input: EnquiryInput): Pick<EnquiryContext, 'resultsPublishedAt' | 'deadline'> {
  const keyDates = input.keyDates ?? input.rulesPack?.keyDates(input.series) ?? [];
  const scope = { level: input.level, awardingBodyId: input.awardingBodyId };
  const published =
    keyDateFor(keyDates, 'release_to_candidates', scope)?.at ??
    input.rulesPack?.resultsAccess?.({ audience: 'candidate', at: input.createdAt, series: input.series, level: input.level }).allowedFrom ??
    null;
  const kind = ENQUIRY_SERVICES[input.service].deadline;
  const k = keyDateFor(keyDates, kind, scope);
  return {
    resultsPublishedAt: published === null ? null : iso(published),
    deadline: k ? { kind, at: iso(k.at), keyDateId: k.id, source: k.source, confidence: k.confidence } : null,
  };
}

/**
 * The enquiry machine (id `enquiry`, version `2`): one actor per post-results request. Every accepted and
 * every refused event is emitted as one `{ type: 'audit', line }` (collect them with {@link collectAudit},
 * or let the runtime append them to the store's log); the first line (`enquiry.request`) is emitted when a
 * new actor starts, not when a snapshot is restored. Its persistence spec is {@link enquiryPersisted}.
 *
 * @example
 * ```ts
 * const actor = createActor(enquiryMachine, {
 *   input: { id: 'EAR-1', candidateId: 'C-1', series: examSeries('june', 2026), level: 'GCE', awardingBodyId: 'AQA',
 *            awardCode: '7402', service: 'review_of_marking', originalGrade: 'B', rulesPack: jcq,
 *            createdAt: '2026-08-13T10:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } },
 * }).start();
 * actor.send({ type: 'consent.capture', at: '2026-08-13T11:00:00+01:00', by, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T10:55:00+01:00' } });
 * actor.send({ type: 'enquiry.submit', at: '2026-08-14T09:00:00+01:00', by, feePence: 4850 });
 * ```
 */
export const enquiryMachine = setup({
  types: {
    context: {} as EnquiryContext,
    events: {} as EnquiryEvent,
    input: {} as EnquiryInput,
    emitted: {} as EnquiryEmitted,
  },
  guards: {
    /** The event is acceptable in the state (see {@link enquiryRejection}). */
    acceptable: ({ context, event }, params: { state: EnquiryState }) => enquiryRejection(context, params.state, event) === undefined,
  },
  actions: {
    /** Applies an accepted event and emits its audit line; emits a grade change. */
    accept: enqueueActions(({ context, event, enqueue }, params: { state: EnquiryState }) => {
      const at = iso(event.at);
      const to = NEXT[event.type];
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
      enqueue.emit({ type: 'audit', line: { at, by, event: event.type, from: params.state, to, outcome: 'accepted', details } });
      const change = event.type === 'enquiry.outcome' ? enquiryGradeChange(next) : null;
      if (change) enqueue.emit({ type: 'enquiry.gradeChanged', change });
    }),
    /** Emits the audit line of a refused event (its reason and code) and `event.rejected`. */
    reject: enqueueActions(({ context, event, enqueue }, params: { state: EnquiryState }) => {
      const why = enquiryRejection(context, params.state, event) ?? { code: 'event_rejected' as const, reason: `"${event.type}" is not accepted in ${params.state}` };
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
  version: '2',
  context: ({ input }) => {
    if (!Object.hasOwn(ENQUIRY_SERVICES, input.service)) {
      throw new ExamcycleError('invalid_value', `Unknown post-results service "${String(input.service)}"; one of ${Object.keys(ENQUIRY_SERVICES).join(', ')}`, { details: { service: String(input.service) } });
    }
    const badInput = inputProblem(input);
    if (badInput) throw new ExamcycleError('invalid_value', `The enquiry cannot start: ${badInput}`, { details: { enquiryId: String(input.id) } });
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
    const dates = resolveDates(input);
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
    };
  },
  entry: 'requested',
  initial: 'requested',
  states: {
    requested: {
      on: {
        'consent.capture': step('requested', 'consented'),
        'enquiry.submit': step('requested', 'submitted'),
        'enquiry.withdraw': step('requested', 'withdrawn'),
        '*': { actions: { type: 'reject', params: { state: 'requested' } } },
      },
    },
    consented: {
      on: {
        'enquiry.submit': step('consented', 'submitted'),
        'enquiry.withdraw': step('consented', 'withdrawn'),
        '*': { actions: { type: 'reject', params: { state: 'consented' } } },
      },
    },
    submitted: {
      on: {
        'enquiry.outcome': step('submitted', 'outcome'),
        'enquiry.scriptsReceived': step('submitted', 'outcome'),
        '*': { actions: { type: 'reject', params: { state: 'submitted' } } },
      },
    },
    outcome: {
      on: {
        'enquiry.close': step('outcome', 'closed'),
        '*': { actions: { type: 'reject', params: { state: 'outcome' } } },
      },
    },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

/** A guarded step from one state to the next; a refused event falls through to the state's `*` rejection. */
function step(state: EnquiryState, target: EnquiryState) {
  const params = { state } as const;
  return { guard: { type: 'acceptable' as const, params }, target, actions: { type: 'accept' as const, params } };
}
