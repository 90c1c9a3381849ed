/**
 * A certificate's life at the centre as an xstate v5 machine, one per certificate: expected (by the
 * series' expected date) → received → checked (a wrong one is returned to the awarding body or destroyed
 * in the centre, as that awarding body requires, and a replacement awaited) → issued (collected by the
 * candidate, posted, or collected by a third party only with the candidate's written authority) or
 * unclaimed → retained at least 12 months from issue → destroyed securely (how, by whom) → the destruction
 * record kept 4 years → purged (JCQ "Notice to centres: Unclaimed certificates"). Nothing is destroyed or
 * purged early: the guards ask the rules pack's `retention` with the event's instant. Every step, accepted
 * or refused, is in the audit list in the context.
 *
 * The rules pack travels with the actor but not with its snapshot (the snapshot holds only the pack's id):
 * restore with {@link restoreCertificate} to bind it again.
 */
import { and, enqueueActions, setup, type Actor as XActor } from 'xstate';
import { appendAudit, type Actor, type AuditEntry } from '../audit/auditTrail.js';
import { instantMillis, rejectionAudit, stampRejection } from '../audit/eventStamp.js';
import type { ExamSeries } from '../domain/series.js';
import { ExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { restoreSnapshot, type RestoreOptions } from '../persistence/persistSnapshot.js';
import type { RetainedRecord, RetentionDecision, RulesPack } from '../rules/RulesPack.js';
import { toLondon, type Instant } from '../time/clock.js';
import { keyDateFor } from './keyDateFor.js';

/** What an awarding body wants done with a wrong certificate. */
export type IncorrectCertificateDisposal = 'return_to_awarding_body' | 'destroy_in_centre';

/** How a certificate left the centre. */
export type CertificateIssueMethod = 'collected' | 'posted' | 'third_party';

/** How a certificate was destroyed. */
export type DestructionMethod = 'shredded' | 'incinerated' | 'confidential_waste';

/** The rules pack bound to a certificate actor; only `packId` is in a snapshot. */
export interface CertificateRules {
  readonly packId: string;
}

/** The certificate a machine follows. */
export interface CertificateRef {
  readonly id: string;
  readonly candidateId: string;
  readonly seriesId: string;
  readonly awardingBodyId: string;
  readonly awardCodes: readonly string[];
}

/** A check of a received certificate. */
export interface CertificateCheck {
  readonly at: Instant;
  readonly by: Actor;
  readonly correct: boolean;
  readonly problems: readonly string[];
}

/** The candidate's written authority for a third party to collect. */
export interface CollectionAuthority {
  readonly written: true;
  readonly signedBy: string;
  readonly signedAt: Instant;
  readonly reference?: string;
}

/** How and to whom a certificate was issued. */
export interface CertificateIssue {
  readonly at: Instant;
  readonly by: Actor;
  readonly method: CertificateIssueMethod;
  /** Who collected it, or to whom (and where) it was posted. */
  readonly to: string;
  readonly authority?: CollectionAuthority;
}

/** A secure destruction. */
export interface CertificateDestruction {
  readonly at: Instant;
  readonly by: Actor;
  readonly method: DestructionMethod;
  readonly witnessedBy?: string;
}

/** The certificate machine's context: plain JSON, except the bound pack (see {@link CertificateRules}). */
export interface CertificateContext {
  readonly certificate: CertificateRef;
  readonly rules: CertificateRules;
  /** When the certificate is expected by (the series' `certificates_expected` date). */
  readonly expectedBy: Instant | null;
  /** The awarding body's rule for wrong certificates. */
  readonly incorrectDisposal: IncorrectCertificateDisposal;
  readonly receivedAt: Instant | null;
  /** The date of issue the 12 months run from (the certificate's own, or when it was received). */
  readonly dateOfIssue: Instant | null;
  readonly checks: readonly CertificateCheck[];
  /** Wrong certificates sent back or destroyed, awaiting replacement. */
  readonly disposals: readonly { readonly at: Instant; readonly by: Actor; readonly disposal: IncorrectCertificateDisposal; readonly reference?: string }[];
  readonly issue: CertificateIssue | null;
  readonly unclaimedAt: Instant | null;
  /** The pack's decision on keeping the unclaimed certificate (made when it was declared unclaimed). */
  readonly retention: RetentionDecision | null;
  readonly destruction: CertificateDestruction | null;
  /** The pack's decision on keeping the destruction record (made at destruction). */
  readonly recordRetention: RetentionDecision | null;
  readonly purged: { readonly at: Instant; readonly by: Actor } | null;
  readonly audit: readonly AuditEntry[];
  readonly lastEventAt: Instant;
}

/** What starts a certificate machine. */
export interface CertificateInput {
  readonly certificate: Omit<CertificateRef, 'awardCodes'> & { readonly awardCodes?: readonly string[] };
  /** Decides retention (`retention`) and, with `series`, the expected date (`keyDates`). */
  readonly rulesPack: Pick<RulesPack, 'id' | 'retention'> & Partial<Pick<RulesPack, 'keyDates'>>;
  readonly series?: ExamSeries;
  /** The expected date, instead of the series' `certificates_expected` key date. */
  readonly expectedBy?: Instant;
  /**
   * What each awarding body wants done with a wrong certificate, by awarding body id.
   * @default 'return_to_awarding_body' for any awarding body not listed
   */
  readonly incorrectCertificates?: Readonly<Record<string, IncorrectCertificateDisposal>>;
  readonly createdAt: Instant;
  readonly by: Actor;
}

interface Stamped {
  /** When it happened (ISO instant with offset). */
  readonly at: Instant;
  /** Who did it. */
  readonly by: Actor;
}

/** The events a certificate machine takes. */
export type CertificateEvent =
  | (Stamped & { readonly type: 'certificate.received'; readonly dateOfIssue?: Instant })
  | (Stamped & { readonly type: 'certificate.checked'; readonly correct: boolean; readonly problems?: readonly string[] })
  | (Stamped & { readonly type: 'certificate.disposed'; readonly disposal: IncorrectCertificateDisposal; readonly reference?: string })
  | (Stamped & {
      readonly type: 'certificate.issued';
      readonly method: CertificateIssueMethod;
      readonly to: string;
      readonly authority?: { readonly written: boolean; readonly signedBy: string; readonly signedAt: Instant; readonly reference?: string };
    })
  | (Stamped & { readonly type: 'certificate.unclaimed' })
  | (Stamped & { readonly type: 'certificate.destroyed'; readonly method: DestructionMethod; readonly witnessedBy?: string })
  | (Stamped & { readonly type: 'certificate.recordPurged' });

/** Events the certificate machine emits. */
export type CertificateEmitted = { readonly type: 'event.rejected'; readonly entry: AuditEntry };

/** The states of a certificate. */
export type CertificateState = 'expected' | 'received' | 'incorrect' | 'awaitingReplacement' | 'checked' | 'issued' | 'unclaimed' | 'destroyed' | 'purged';

/** Why an event was refused: the error code, the reason in words, and the rule when one decided. */
export interface CertificateRefusal {
  readonly code: ExamcycleErrorCode;
  readonly reason: string;
  readonly rule?: string;
}

const PACKS = Symbol.for('examcycle.certificateRules.pack');
const DESTRUCTION_METHODS: readonly DestructionMethod[] = ['shredded', 'incinerated', 'confidential_waste'];

function bindRules(pack: Pick<RulesPack, 'id' | 'retention'>): CertificateRules {
  const rules = { packId: pack.id };
  // Not enumerable: JSON (and so a persisted snapshot) carries only the pack's id.
  Object.defineProperty(rules, PACKS, { value: pack, enumerable: false });
  return rules;
}

function boundPack(rules: CertificateRules): Pick<RulesPack, 'retention'> | undefined {
  return (rules as unknown as Record<symbol, Pick<RulesPack, 'retention'> | undefined>)[PACKS];
}

const millis = instantMillis;

function iso(at: Instant): Instant {
  return toLondon(at).toISO()!;
}


/**
 * The records a certificate in a context is retained as: the unclaimed certificate while it is kept, and
 * the destruction record once it is destroyed (none once issued or purged).
 *
 * @param context - a certificate machine's context
 * @example
 * ```ts
 * certificateRetainedRecords(actor.getSnapshot().context); // [{ kind: 'unclaimed_certificate', issuedAt: … }]
 * ```
 */
export function certificateRetainedRecords(context: CertificateContext): RetainedRecord[] {
  const c = context.certificate;
  if (context.purged || context.issue) return [];
  if (context.destruction) {
    return [{ id: `${c.id}/destruction-record`, kind: 'certificate_destruction_record', subject: c.candidateId, seriesId: c.seriesId, createdAt: context.destruction.at, destroyedAt: context.destruction.at }];
  }
  if (context.unclaimedAt && context.dateOfIssue && context.receivedAt) {
    return [{ id: c.id, kind: 'unclaimed_certificate', subject: c.candidateId, seriesId: c.seriesId, createdAt: context.receivedAt, issuedAt: context.dateOfIssue }];
  }
  return [];
}

function decide(context: CertificateContext, kind: 'unclaimed_certificate' | 'certificate_destruction_record', at: Instant): RetentionDecision | CertificateRefusal {
  const pack = boundPack(context.rules);
  if (!pack) {
    return { code: 'rule_unsupported', reason: `The rules pack "${context.rules.packId}" is not bound to this certificate; restore it with restoreCertificate(saved, { rulesPack })` };
  }
  const destroyedAt = kind === 'certificate_destruction_record' ? at : undefined;
  const record: RetainedRecord =
    kind === 'unclaimed_certificate'
      ? { id: context.certificate.id, kind, subject: context.certificate.candidateId, seriesId: context.certificate.seriesId, createdAt: context.receivedAt ?? at, issuedAt: context.dateOfIssue ?? at }
      : { id: `${context.certificate.id}/destruction-record`, kind, subject: context.certificate.candidateId, seriesId: context.certificate.seriesId, createdAt: destroyedAt!, destroyedAt: destroyedAt! };
  try {
    return pack.retention(record);
  } catch (cause) {
    return { code: 'rule_unsupported', reason: `The rules pack "${context.rules.packId}" could not decide the retention of ${record.id}: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}

function isDecision(d: RetentionDecision | CertificateRefusal): d is RetentionDecision {
  return 'recordId' in d;
}

function decisionRejection(decision: RetentionDecision | CertificateRefusal): CertificateRefusal | undefined {
  return isDecision(decision) ? undefined : decision;
}

function retentionRejection(decision: RetentionDecision | CertificateRefusal, at: number, what: string): CertificateRefusal | undefined {
  if (!isDecision(decision)) return decision;
  const from = decision.mayDestroyFrom === null ? null : millis(decision.mayDestroyFrom);
  if (from === null) return { code: 'retention_not_expired', reason: `${what} has no end to its retention yet: ${decision.reason}`, rule: decision.source.section ? `${decision.source.document} ${decision.source.section}` : decision.source.document };
  if (at < from) {
    return { code: 'retention_not_expired', reason: `${what} must be kept until ${decision.mayDestroyFrom} (${decision.reason})`, rule: decision.source.section ? `${decision.source.document} ${decision.source.section}` : decision.source.document };
  }
  return undefined;
}

/**
 * Why an event is refused in a state (`undefined` when it is accepted).
 *
 * @param context - the certificate's context
 * @param state - the state it is in
 * @param event - the event to judge
 * @example
 * ```ts
 * certificateRejection(snapshot.context, 'unclaimed', { type: 'certificate.destroyed', at, by, method: 'shredded' })?.code; // 'retention_not_expired'
 * ```
 */
export function certificateRejection(context: CertificateContext, state: CertificateState, event: CertificateEvent): CertificateRefusal | undefined {
  const stamp = stampRejection(event, context.lastEventAt);
  if (stamp) return stamp;
  const at = millis(event.at)!;
  const candidateId = context.certificate.candidateId;
  switch (event.type) {
    case 'certificate.received':
      if (state !== 'expected' && state !== 'awaitingReplacement') return { code: 'event_rejected', reason: `The certificate is already in (${state})` };
      if (event.dateOfIssue !== undefined) {
        const d = millis(event.dateOfIssue);
        if (d === null) return { code: 'invalid_value', reason: `"${String(event.dateOfIssue)}" is not a date of issue` };
        if (d > at) return { code: 'invalid_value', reason: 'A certificate cannot be issued after it is received' };
      }
      return undefined;
    case 'certificate.checked':
      if (state !== 'received') return { code: 'event_rejected', reason: `Only a received certificate is checked, not one ${state}` };
      if (typeof event.correct !== 'boolean') return { code: 'invalid_value', reason: 'A check says whether the certificate is correct' };
      if (!event.correct && !(event.problems ?? []).some((p) => typeof p === 'string' && p.trim())) return { code: 'invalid_value', reason: 'A wrong certificate needs what is wrong with it' };
      return undefined;
    case 'certificate.disposed':
      if (state !== 'incorrect') return { code: 'event_rejected', reason: `Only a wrong certificate is returned or destroyed for replacement, not one ${state}` };
      if (event.disposal !== context.incorrectDisposal) {
        return { code: 'event_rejected', reason: `${context.certificate.awardingBodyId} wants wrong certificates ${context.incorrectDisposal === 'return_to_awarding_body' ? 'returned to it' : 'destroyed in the centre'}`, rule: `incorrect-certificates/${context.certificate.awardingBodyId}` };
      }
      return undefined;
    case 'certificate.issued': {
      if (state !== 'checked' && state !== 'unclaimed') return { code: 'event_rejected', reason: `A certificate is issued once checked (or while retained unclaimed), not ${state}` };
      if (typeof event.to !== 'string' || !event.to.trim()) return { code: 'invalid_value', reason: 'An issue says to whom' };
      if (event.method === 'collected') {
        return event.to === candidateId ? undefined : { code: 'consent_missing', reason: `Collected by "${event.to}", not the candidate: that is third-party collection and needs the candidate's written authority`, rule: 'third-party-collection' };
      }
      if (event.method === 'posted') return undefined;
      if (event.method !== 'third_party') return { code: 'invalid_value', reason: `Unknown issue method "${String(event.method)}"` };
      const a = event.authority;
      if (!a || a.written !== true || a.signedBy !== candidateId) {
        return { code: 'consent_missing', reason: `Third-party collection needs the written authority of candidate "${candidateId}"`, rule: 'third-party-collection' };
      }
      const signed = millis(a.signedAt);
      if (signed === null || signed > at) return { code: 'consent_missing', reason: 'The written authority must be signed before collection', rule: 'third-party-collection' };
      return undefined;
    }
    case 'certificate.unclaimed':
      if (state !== 'checked') return { code: 'event_rejected', reason: `Only a checked certificate not yet issued becomes unclaimed, not one ${state}` };
      return decisionRejection(decide(context, 'unclaimed_certificate', iso(event.at)));
    case 'certificate.destroyed':
      if (state !== 'unclaimed') return { code: 'event_rejected', reason: `Only an unclaimed, retained certificate is destroyed, not one ${state}` };
      if (!DESTRUCTION_METHODS.includes(event.method)) return { code: 'invalid_value', reason: `Destruction must be secure (${DESTRUCTION_METHODS.join(', ')}), not "${String(event.method)}"` };
      return (
        retentionRejection(decide(context, 'unclaimed_certificate', iso(event.at)), at, 'The unclaimed certificate') ??
        decisionRejection(decide(context, 'certificate_destruction_record', iso(event.at)))
      );
    case 'certificate.recordPurged':
      if (state !== 'destroyed') return { code: 'event_rejected', reason: `Only the record of a destroyed certificate is purged, not one ${state}` };
      return retentionRejection(decide(context, 'certificate_destruction_record', context.destruction!.at), at, 'The destruction record');
    default:
      return { code: 'event_rejected', reason: `"${String((event as { type: unknown }).type)}" is not a certificate event` };
  }
}

const NEXT: Readonly<Record<CertificateEvent['type'], CertificateState | ((event: CertificateEvent) => CertificateState)>> = {
  'certificate.received': 'received',
  'certificate.checked': (e) => (e.type === 'certificate.checked' && e.correct ? 'checked' : 'incorrect'),
  'certificate.disposed': 'awaitingReplacement',
  'certificate.issued': 'issued',
  'certificate.unclaimed': 'unclaimed',
  'certificate.destroyed': 'destroyed',
  'certificate.recordPurged': 'purged',
};

function targetOf(event: CertificateEvent): CertificateState {
  const n = NEXT[event.type];
  return typeof n === 'function' ? n(event) : n;
}

/**
 * The certificate machine (id `certificate`, version `1`): one actor per certificate.
 *
 * @example
 * ```ts
 * const actor = createActor(certificateMachine, {
 *   input: { certificate: { id: 'CERT-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA' },
 *            rulesPack: jcq, series: examSeries('june', 2026), createdAt: '2026-09-01T09:00:00+01:00', by },
 * }).start();
 * actor.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by });
 * actor.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by, correct: true });
 * ```
 */
export const certificateMachine = setup({
  types: {
    context: {} as CertificateContext,
    events: {} as CertificateEvent,
    input: {} as CertificateInput,
    emitted: {} as CertificateEmitted,
  },
  guards: {
    /** The event is acceptable in the state (see {@link certificateRejection}). */
    acceptable: ({ context, event }, params: { state: CertificateState }) => certificateRejection(context, params.state, event) === undefined,
    /** A check found the certificate correct. */
    correct: ({ event }) => event.type === 'certificate.checked' && event.correct === true,
  },
  actions: {
    /** Applies an accepted step and writes its audit line. */
    accept: enqueueActions(({ context, event, enqueue }, params: { state: CertificateState }) => {
      const at = iso(event.at);
      const to = targetOf(event);
      const details: Record<string, string | number | boolean | null> = { certificateId: context.certificate.id, candidateId: context.certificate.candidateId };
      let patch: Partial<CertificateContext> = {};
      switch (event.type) {
        case 'certificate.received': {
          const dateOfIssue = event.dateOfIssue ? iso(event.dateOfIssue) : at;
          patch = { receivedAt: at, dateOfIssue };
          details.dateOfIssue = dateOfIssue;
          details.late = context.expectedBy !== null && millis(at)! > millis(context.expectedBy)!;
          break;
        }
        case 'certificate.checked':
          patch = { checks: [...context.checks, { at, by: event.by, correct: event.correct, problems: [...(event.problems ?? [])] }] };
          details.correct = event.correct;
          if (!event.correct) details.problems = (event.problems ?? []).join('; ');
          break;
        case 'certificate.disposed':
          patch = { disposals: [...context.disposals, { at, by: event.by, disposal: event.disposal, ...(event.reference ? { reference: event.reference } : {}) }] };
          details.disposal = event.disposal;
          break;
        case 'certificate.issued': {
          const a = event.authority;
          const issue: CertificateIssue = {
            at,
            by: event.by,
            method: event.method,
            to: event.to,
            ...(event.method === 'third_party' && a ? { authority: { written: true, signedBy: a.signedBy, signedAt: iso(a.signedAt), ...(a.reference ? { reference: a.reference } : {}) } } : {}),
          };
          patch = { issue };
          details.method = event.method;
          details.to = event.to;
          break;
        }
        case 'certificate.unclaimed': {
          const d = decide(context, 'unclaimed_certificate', at) as RetentionDecision;
          patch = { unclaimedAt: at, retention: d };
          details.keepUntil = d.keepUntil;
          details.mayDestroyFrom = d.mayDestroyFrom;
          break;
        }
        case 'certificate.destroyed': {
          const destruction: CertificateDestruction = { at, by: event.by, method: event.method, ...(event.witnessedBy ? { witnessedBy: event.witnessedBy } : {}) };
          const d = decide(context, 'certificate_destruction_record', at) as RetentionDecision;
          patch = { destruction, recordRetention: d };
          details.method = event.method;
          details.witnessedBy = event.witnessedBy ?? null;
          details.recordKeptUntil = d.keepUntil;
          break;
        }
        case 'certificate.recordPurged':
          patch = { purged: { at, by: event.by } };
          break;
      }
      const audit = appendAudit(context.audit, { at, by: event.by, event: event.type, from: params.state, to, outcome: 'accepted', details });
      enqueue.assign({ ...patch, lastEventAt: at, audit });
    }),
    /** Records a refused step with its reason and code, and emits `event.rejected`. */
    reject: enqueueActions(({ context, event, enqueue }, params: { state: CertificateState }) => {
      const why = certificateRejection(context, params.state, event) ?? { code: 'event_rejected' as const, reason: `"${event.type}" is not accepted in ${params.state}` };
      const patch = rejectionAudit(context, event, params.state, why, { certificateId: context.certificate.id });
      const audit = patch.audit;
      enqueue.assign(patch);
      enqueue.emit({ type: 'event.rejected', entry: audit[audit.length - 1]! });
    }),
  },
}).createMachine({
  id: 'certificate',
  version: '1',
  context: ({ input }) => {
    const createdAt = iso(input.createdAt);
    const c = input.certificate;
    const fromKeyDates = input.series && input.rulesPack.keyDates ? keyDateFor(input.rulesPack.keyDates(input.series), 'certificates_expected', { awardingBodyId: c.awardingBodyId })?.at : undefined;
    const expected = input.expectedBy ?? fromKeyDates;
    return {
      certificate: { id: c.id, candidateId: c.candidateId, seriesId: c.seriesId, awardingBodyId: c.awardingBodyId, awardCodes: [...(c.awardCodes ?? [])] },
      rules: bindRules(input.rulesPack),
      expectedBy: expected ? iso(expected) : null,
      incorrectDisposal: input.incorrectCertificates?.[c.awardingBodyId] ?? 'return_to_awarding_body',
      receivedAt: null,
      dateOfIssue: null,
      checks: [],
      disposals: [],
      issue: null,
      unclaimedAt: null,
      retention: null,
      destruction: null,
      recordRetention: null,
      purged: null,
      audit: appendAudit([], {
        at: createdAt,
        by: input.by,
        event: 'certificate.expected',
        from: 'expected',
        to: 'expected',
        outcome: 'accepted',
        details: { certificateId: c.id, candidateId: c.candidateId, expectedBy: expected ? iso(expected) : null },
      }),
      lastEventAt: createdAt,
    };
  },
  initial: 'expected',
  states: {
    expected: { on: { 'certificate.received': step('expected', 'received'), '*': reject('expected') } },
    received: {
      on: {
        'certificate.checked': [
          { guard: and([{ type: 'acceptable', params: { state: 'received' as const } }, 'correct']), target: 'checked', actions: { type: 'accept', params: { state: 'received' } } },
          { guard: { type: 'acceptable', params: { state: 'received' } }, target: 'incorrect', actions: { type: 'accept', params: { state: 'received' } } },
        ],
        '*': reject('received'),
      },
    },
    incorrect: { on: { 'certificate.disposed': step('incorrect', 'awaitingReplacement'), '*': reject('incorrect') } },
    awaitingReplacement: { on: { 'certificate.received': step('awaitingReplacement', 'received'), '*': reject('awaitingReplacement') } },
    checked: {
      on: { 'certificate.issued': step('checked', 'issued'), 'certificate.unclaimed': step('checked', 'unclaimed'), '*': reject('checked') },
    },
    unclaimed: {
      tags: ['retained'],
      on: { 'certificate.issued': step('unclaimed', 'issued'), 'certificate.destroyed': step('unclaimed', 'destroyed'), '*': reject('unclaimed') },
    },
    destroyed: { tags: ['destructionRecordKept'], on: { 'certificate.recordPurged': step('destroyed', 'purged'), '*': reject('destroyed') } },
    issued: { type: 'final' },
    purged: { type: 'final' },
  },
});

/** A guarded step; a refused event falls through to the state's `*` rejection. */
function step(state: CertificateState, target: CertificateState) {
  const params = { state } as const;
  return { guard: { type: 'acceptable' as const, params }, target, actions: { type: 'accept' as const, params } };
}

function reject(state: CertificateState) {
  return { actions: { type: 'reject' as const, params: { state } } };
}

/**
 * Whether a certificate is overdue: not yet received after its expected date.
 *
 * @param context - the certificate's context
 * @param at - the instant to judge at
 * @example
 * ```ts
 * certificateOverdue(actor.getSnapshot().context, '2026-11-09T09:00:00Z'); // true if not in by 6 November
 * ```
 */
export function certificateOverdue(context: CertificateContext, at: Instant): boolean {
  return context.receivedAt === null && context.expectedBy !== null && toLondon(at).toMillis() > toLondon(context.expectedBy).toMillis();
}

/**
 * Restores a persisted certificate and binds the rules pack to it again (a snapshot holds only the pack's id).
 *
 * @param persisted - the parsed JSON from `persistSnapshot(actor)`
 * @param options - the rules pack (its id must match), and restore options (clock, migrations)
 * @throws ExamcycleError `snapshot_invalid` for a snapshot of another pack, and the errors of `restoreSnapshot`
 * @example
 * ```ts
 * const actor = restoreCertificate(JSON.parse(saved), { rulesPack: jcq }).start();
 * ```
 */
export function restoreCertificate(
  persisted: unknown,
  options: Omit<RestoreOptions<never>, 'input'> & { readonly rulesPack: Pick<RulesPack, 'id' | 'retention'> },
): XActor<typeof certificateMachine> {
  const { rulesPack, ...rest } = options;
  const p = persisted as { snapshot?: { context?: { rules?: { packId?: unknown } } } } | null;
  const context = p && typeof p === 'object' && p.snapshot && typeof p.snapshot === 'object' ? p.snapshot.context : undefined;
  if (context && typeof context === 'object') {
    const packId = context.rules?.packId;
    if (packId !== rulesPack.id) {
      throw new ExamcycleError('snapshot_invalid', `The certificate was kept under rules pack "${String(packId)}", not "${rulesPack.id}"`, { details: { expected: String(packId), found: rulesPack.id } });
    }
    const bound = { ...(persisted as object), snapshot: { ...p!.snapshot, context: { ...context, rules: bindRules(rulesPack) } } };
    return restoreSnapshot(certificateMachine, bound, rest);
  }
  return restoreSnapshot(certificateMachine, persisted, rest);
}
