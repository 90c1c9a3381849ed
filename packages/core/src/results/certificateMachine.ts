/**
 * A certificate's life at the centre as an xstate v5 machine, one per certificate: expected (by the
 * series' expected date) → received → checked (a wrong one is returned to the awarding body or destroyed
 * in the centre, as that awarding body requires, and a replacement awaited) → issued (collected by the
 * candidate, posted, or collected by a third party only with the candidate's written authority) or
 * unclaimed → retained at least 12 months from issue → destroyed securely (how, by whom) → the destruction
 * record kept 4 years → purged (JCQ "Notice to centres: Unclaimed certificates"). Nothing is destroyed or
 * purged early: the guards ask the rules pack's `retention` with the event's instant. Every step, accepted
 * or refused, is emitted as one audit line (`{ type: 'audit', line }`) that the runtime appends to the
 * store's log: the context holds the certificate's state, never its history.
 *
 * The rules pack is the host's, never the snapshot's (a snapshot holds only the pack's id). A new actor
 * takes it from its input; a restored one from the machine the host restores it with:
 * {@link certificateMachineFor} (`certificateMachine` bound to the host's pack), which is what
 * {@link restoreCertificate} and {@link certificatePersistedFor} use.
 */
import { and, assign, emit, enqueueActions, not, setup, type AnyStateMachine } from 'xstate';
import { z } from 'zod';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { instantMillis, isActor, rejectionLine, stampRejection, type Refusal } from '../audit/eventStamp.js';
import type { ExamSeries } from '../domain/series.js';
import { staffRoleSchema } from '../domain/staff.js';
import { ExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { authorise, grantsFor, type Authority, type Delegation, type RoleGrants } from '../rules/authority.js';
import type { KeyDate, RetainedRecord, RetainedRecordKind, RetentionDecision, RulesPack } from '../rules/RulesPack.js';
import { sourceRefSchema } from '../rules/sources.js';
import { academicYearOf, type AcademicYear, type Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { refusalFromGuards, senderRefusals, type GuardCheck, type GuardRefusals } from './refusalFromGuards.js';
import { keyDateFor } from './keyDateFor.js';

/**
 * What an awarding body wants done with a wrong certificate.
 *
 * @example
 * ```ts
 * declare const actor: ActorRefFrom<typeof certificateMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * const disposal: IncorrectCertificateDisposal = 'return_to_awarding_body';
 * actor.send({ type: 'certificate.disposed', at: '2026-11-10T10:00:00+00:00', by: { id: 'eo-1', role: 'exams_officer' }, disposal, reference: 'AQA-RET-0042' });
 * ```
 */
export type IncorrectCertificateDisposal = 'return_to_awarding_body' | 'destroy_in_centre';

/**
 * How a certificate left the centre: collected by the candidate, posted, or collected by a third party.
 *
 * @example
 * ```ts
 * const method: CertificateHandoverMethod = 'third_party'; // collected by someone with the candidate's written authority
 * ```
 */
export type CertificateHandoverMethod = 'collected' | 'posted' | 'third_party';

/**
 * How a certificate was destroyed.
 *
 * @example
 * ```ts
 * const method: DestructionMethod = 'confidential_waste';
 * ```
 */
export type DestructionMethod = 'shredded' | 'incinerated' | 'confidential_waste';

/**
 * Which rules pack decides a certificate's retention; only `packId` is in a snapshot, the pack is the host's.
 *
 * @example
 * ```ts
 * declare const context: CertificateContext;
 * const rules: CertificateRules = context.rules;
 * rules.packId; // 'jcq': the pack whose retention the certificate was decided under
 * ```
 */
export interface CertificateRules {
  readonly packId: string;
}

/**
 * What a certificate machine needs of a rules pack: its id and its retention decisions.
 *
 * @example
 * ```ts
 * const pack: CertificateRulesPack = jcq; // the JCQ pack's id and retention answer every certificate question
 * ```
 */
export type CertificateRulesPack = Pick<RulesPack, 'id' | 'retention'>;

/**
 * The certificate a machine follows.
 *
 * @example
 * ```ts
 * const ref: CertificateRef = { id: 'CERT-0001', candidateId: 'c-0001', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300H', '8700'] };
 * ```
 */
export interface CertificateRef {
  readonly id: string;
  readonly candidateId: string;
  readonly seriesId: string;
  readonly awardingBodyId: string;
  readonly awardCodes: readonly string[];
}

/**
 * A check of a received certificate.
 *
 * @example
 * ```ts
 * declare const context: CertificateContext;
 * const last: CertificateCheck | undefined = context.checks.at(-1);
 * if (last && !last.correct) console.log(last.problems); // e.g. ['surname misspelt']
 * ```
 */
export interface CertificateCheck {
  readonly at: Instant;
  readonly by: Actor;
  readonly correct: boolean;
  readonly problems: readonly string[];
}

/**
 * The candidate's written authority for a third party to collect.
 *
 * @example
 * ```ts
 * const authority: CollectionAuthority = { written: true, signedBy: 'c-0001', signedAt: '2026-11-20T09:00:00+00:00', reference: 'AUTH-17' };
 * ```
 */
export interface CollectionAuthority {
  readonly written: true;
  readonly signedBy: string;
  readonly signedAt: Instant;
  readonly reference?: string;
}

/**
 * How and to whom a certificate was handed over (issued): the record of `certificate.issued`.
 *
 * @example
 * ```ts
 * const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const handover: CertificateHandover = { at: '2026-11-26T15:30:00+00:00', by: officer, method: 'collected', to: 'c-0001' };
 * ```
 */
export interface CertificateHandover {
  readonly at: Instant;
  readonly by: Actor;
  readonly method: CertificateHandoverMethod;
  /** Who collected it, or to whom (and where) it was posted. */
  readonly to: string;
  readonly authority?: CollectionAuthority;
}

/**
 * A secure destruction.
 *
 * @example
 * ```ts
 * const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const destruction: CertificateDestruction = { at: '2027-12-01T10:00:00+00:00', by: officer, method: 'shredded', witnessedBy: 'staff-7' };
 * ```
 */
export interface CertificateDestruction {
  readonly at: Instant;
  readonly by: Actor;
  readonly method: DestructionMethod;
  readonly witnessedBy?: string;
}

/**
 * The certificate machine's context: plain JSON (its audit lines go to the store's log). A new actor's
 * `rules` also carries its input's pack, out of JSON's sight (see {@link CertificateRules}).
 *
 * @example
 * ```ts
 * declare const actor: ActorRefFrom<typeof certificateMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * const context: CertificateContext = actor.getSnapshot().context;
 * console.log(context.certificate.candidateId, context.receivedAt, context.handover?.to);
 * ```
 */
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
  /** The latest checks (at most {@link CERTIFICATE_HISTORY_KEPT}; every one is in the audit log). */
  readonly checks: readonly CertificateCheck[];
  /** Wrong certificates sent back or destroyed, awaiting replacement (the latest {@link CERTIFICATE_HISTORY_KEPT}). */
  readonly disposals: readonly { readonly at: Instant; readonly by: Actor; readonly disposal: IncorrectCertificateDisposal; readonly reference?: string }[];
  /** How and to whom it was issued, once it was. */
  readonly handover: CertificateHandover | null;
  readonly unclaimedAt: Instant | null;
  /** The pack's decision on keeping the unclaimed certificate (made when it was declared unclaimed). */
  readonly retention: RetentionDecision | null;
  readonly destruction: CertificateDestruction | null;
  /** The pack's decision on keeping the destruction record (made at destruction). */
  readonly recordRetention: RetentionDecision | null;
  readonly purged: { readonly at: Instant; readonly by: Actor } | null;
  /** The instant of the latest accepted or refused event (the log is chronological). */
  readonly lastEventAt: Instant;
  /** Who may take each step (`certificate.<event>`), resolved at start from the pack and the centre's delegations (since version 3). */
  readonly grants: RoleGrants;
}

/**
 * What starts a certificate machine.
 *
 * @example
 * ```ts
 * const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const input: CertificateInput = {
 *   certificate: { id: 'CERT-0001', candidateId: 'c-0001', seriesId: 'june-2026', awardingBodyId: 'AQA' },
 *   rulesPack: jcq, series: examSeries('june', 2026), createdAt: '2026-09-01T09:00:00+01:00', by: officer,
 * };
 * const actor = createActor(certificateMachine, { input }).start();
 * ```
 */
export interface CertificateInput {
  readonly certificate: Omit<CertificateRef, 'awardCodes'> & { readonly awardCodes?: readonly string[] };
  /**
   * Decides retention (`retention`), who may take each step (`authorities`, `delegations`, read once at
   * start into the context) and, with `series`, the expected date (`keyDates`). It stays with the actor, not
   * its snapshot; a restored actor takes the pack of the machine it is restored with.
   */
  readonly rulesPack: Pick<RulesPack, 'id' | 'retention' | 'authorities' | 'delegations'> & Partial<Pick<RulesPack, 'keyDates'>>;
  readonly series?: ExamSeries;
  /**
   * The academic year whose authorities apply.
   * @default the series' academic year, else the one `createdAt` falls in
   */
  readonly academicYear?: AcademicYear;
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

/**
 * The events a certificate machine takes.
 *
 * @example
 * ```ts
 * const received: CertificateEvent = { type: 'certificate.received', at: '2026-11-04T10:00:00+00:00', by: { id: 'eo-1', role: 'exams_officer' } };
 * const issued: CertificateEvent = { type: 'certificate.issued', at: '2026-11-26T15:30:00+00:00', by: { id: 'eo-1', role: 'exams_officer' }, method: 'collected', to: 'c-0001' };
 * ```
 */
export type CertificateEvent =
  | (Stamped & { readonly type: 'certificate.received'; readonly dateOfIssue?: Instant })
  | (Stamped & { readonly type: 'certificate.checked'; readonly correct: boolean; readonly problems?: readonly string[] })
  | (Stamped & { readonly type: 'certificate.disposed'; readonly disposal: IncorrectCertificateDisposal; readonly reference?: string })
  | (Stamped & {
      readonly type: 'certificate.issued';
      readonly method: CertificateHandoverMethod;
      readonly to: string;
      readonly authority?: { readonly written: boolean; readonly signedBy: string; readonly signedAt: Instant; readonly reference?: string };
    })
  | (Stamped & { readonly type: 'certificate.unclaimed' })
  | (Stamped & { readonly type: 'certificate.destroyed'; readonly method: DestructionMethod; readonly witnessedBy?: string })
  | (Stamped & { readonly type: 'certificate.recordPurged' });

/**
 * Events the certificate machine emits (`actor.on(...)`): an audit line per event, and each refusal.
 *
 * @example
 * ```ts
 * declare const actor: ActorRefFrom<typeof certificateMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * actor.on('event.rejected', (emitted: Extract<CertificateEmitted, { type: 'event.rejected' }>) => console.log(emitted.entry.code, emitted.entry.reason));
 * ```
 */
export type CertificateEmitted = { readonly type: 'event.rejected'; readonly entry: AuditLine } | AuditEmitted;

/**
 * The states of a certificate.
 *
 * @example
 * ```ts
 * declare const actor: ActorRefFrom<typeof certificateMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * const state = actor.getSnapshot().value as CertificateState;
 * if (state === 'unclaimed') console.log('keep it securely for at least 12 months');
 * ```
 */
export type CertificateState = 'expected' | 'received' | 'incorrect' | 'awaitingReplacement' | 'checked' | 'issued' | 'unclaimed' | 'destroyed' | 'purged';

/**
 * Why an event was refused: the error code, the reason in words, and the rule when one decided.
 *
 * @example
 * ```ts
 * const refusal: CertificateRefusal = { code: 'retention_not_expired', reason: 'The certificate must be kept until 2027-11-26', rule: 'JCQ ICE 2025/26' };
 * ```
 */
export interface CertificateRefusal extends Refusal {
  readonly code: ExamcycleErrorCode;
}

/**
 * How many checks and disposals a context keeps (the latest ones): the context must not grow with the
 * events it sees; the audit log keeps every one.
 *
 * @example
 * ```ts
 * declare const context: CertificateContext;
 * context.checks.length <= CERTIFICATE_HISTORY_KEPT; // true
 * ```
 */
export const CERTIFICATE_HISTORY_KEPT = 10;

const PACKS = Symbol.for('examcycle.certificateRules.pack');
const DESTRUCTION_METHODS: readonly DestructionMethod[] = ['shredded', 'incinerated', 'confidential_waste'];
const HANDOVER_METHODS: readonly CertificateHandoverMethod[] = ['collected', 'posted', 'third_party'];
const RECORD_KINDS = [
  'unclaimed_certificate',
  'certificate_destruction_record',
  'ats_consent',
  'enquiry_consent',
  'nea_work',
  'script_despatch_proof',
  'access_arrangements_evidence',
  'access_arrangements_approval',
  'seating_plan',
  'attendance_register',
  'incident_log',
  'special_consideration',
  'very_late_arrival_report',
  'malpractice_report',
  'conflict_of_interest',
  'invigilator_training',
  'eops_certificate',
  'other',
] as const satisfies readonly RetainedRecordKind[];

/**
 * Every confidence a kept decision may carry: the five-value scale, and the two values of snapshots kept
 * before it (`confirmed`, `unconfirmed`), which are data recorded at the time and restore as they are.
 */
const CONFIDENCES = ['primary', 'primary-earlier-year', 'secondary', 'pattern', 'reading', 'confirmed', 'unconfirmed'] as const;

const decisionInstant = z.string().max(64).refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });

/**
 * The shape of a rules pack's retention decision as a certificate keeps it. A decision that does not fit
 * is refused (`rule_unsupported`) before it reaches the context, and the context keeps the parsed copy
 * (these fields only, whatever else the pack attached), so every kept context restores.
 * @internal
 *
 * @example
 * ```ts
 * declare const record: RetainedRecord;
 * retentionDecisionSchema.safeParse(jcq.retention(record)).success; // true
 * ```
 */
export const retentionDecisionSchema = z.object({
  recordId: z.string().min(1),
  kind: z.enum(RECORD_KINDS),
  keepUntil: decisionInstant.nullable(),
  mayDestroyFrom: decisionInstant.nullable(),
  mustPurgeBy: decisionInstant.nullable(),
  reason: z.string(),
  source: sourceRefSchema,
  confidence: z.enum(CONFIDENCES),
});

/** One bound rules object per pack (and pack id), shared by its certificates: it is frozen, and a context only refers to it. */
const rulesOfPack = new WeakMap<CertificateRulesPack, CertificateRules>();

function bindRules(pack: CertificateRulesPack): CertificateRules {
  let rules = rulesOfPack.get(pack);
  if (rules === undefined || rules.packId !== pack.id) {
    rules = { packId: pack.id };
    // Not enumerable: JSON (and so a persisted snapshot) carries only the pack's id.
    Object.defineProperty(rules, PACKS, { value: pack, enumerable: false });
    Object.freeze(rules);
    rulesOfPack.set(pack, rules);
  }
  return rules;
}

function boundPack(rules: CertificateRules): CertificateRulesPack | undefined {
  return (rules as unknown as Record<symbol, CertificateRulesPack | undefined>)[PACKS];
}

const millis = instantMillis;

/**
 * The instants a certificate keeps, as written (London ISO), by the instant sent: a centre's certificates are
 * received, checked and issued in batches at a handful of instants, so each is parsed and written once.
 */
const isoOf = new Map<string, Instant>();

function iso(at: Instant): Instant {
  if (typeof at !== 'string') return londonIso(instantToMillis(at));
  let written = isoOf.get(at);
  if (written === undefined) {
    written = londonIso(instantToMillis(at));
    // Bounded: a long-running host forgets the old instants rather than keeping every one it saw.
    if (isoOf.size >= 1024) isoOf.clear();
    isoOf.set(at, written);
  }
  return written;
}

/**
 * The kept copy of each sender object a host passed: a centre's batch sends every step by the same officer
 * object, so the certificates' lines and records share one frozen copy rather than keep one each.
 */
const keptActors = new WeakMap<object, Actor>();

/**
 * Who sent an event, as kept: the id and the role, nothing else the host attached. Frozen, and one copy per
 * sender object while its id and role stay as they were: a sender changed since is copied again, so a kept
 * copy never sees a later change to the host's object.
 */
function actorOf(by: Actor): Actor {
  const id = by.id;
  const role = by.role;
  if (typeof by !== 'object' || by === null) return Object.freeze(role !== undefined ? { id, role } : { id });
  let kept = keptActors.get(by);
  if (kept === undefined || kept.id !== id || kept.role !== role) {
    kept = Object.freeze(role !== undefined ? { id, role } : { id });
    keptActors.set(by, kept);
  }
  return kept;
}

/** The empty lists a context starts with (no checks, no disposals, no award codes, no problems), shared and frozen: a step makes a new list, never changes one. */
const NONE: readonly never[] = Object.freeze([]);

/** A list as the context keeps it: a copy, or the shared empty list. */
function keptList<T>(list: readonly T[] | undefined): readonly T[] {
  return list === undefined || list.length === 0 ? NONE : [...list];
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

const CERTIFICATE_TEXT_FIELDS = ['id', 'candidateId', 'seriesId', 'awardingBodyId'] as const;

/** What is wrong with a certificate's input (so every context it starts with restores), or `undefined`. */
function inputProblem(input: CertificateInput): string | undefined {
  const c = input.certificate as Partial<Record<string, unknown>> | undefined;
  if (typeof c !== 'object' || c === null) return 'certificate must say which certificate';
  for (const k of CERTIFICATE_TEXT_FIELDS) if (!isText(c[k])) return `certificate.${k} must be non-empty text`;
  if (c['awardCodes'] !== undefined && !(Array.isArray(c['awardCodes']) && c['awardCodes'].every((a) => typeof a === 'string'))) return 'certificate.awardCodes must be a list of text';
  if (typeof input.rulesPack !== 'object' || input.rulesPack === null || !isText(input.rulesPack.id) || typeof input.rulesPack.retention !== 'function') return 'rulesPack must have an id and a retention function';
  if (typeof input.rulesPack.authorities !== 'function' || typeof input.rulesPack.delegations !== 'function') return 'rulesPack must give authorities and delegations';
  return undefined;
}

/** The certificate grants of a pack's authority table, resolved once per table (a pack keeps one table per year). */
const grantsOfTable = new WeakMap<readonly Authority[], RoleGrants>();

/**
 * Who may take each certificate step: `grantsFor(authorities, delegations, ['certificate.'])`, shared (frozen)
 * between the certificates of one table when the centre delegates nothing, so a centre's 2,000 certificates
 * do not resolve the same table 2,000 times.
 */
function certificateGrants(authorities: readonly Authority[], delegations: readonly Delegation[]): RoleGrants {
  if (delegations.length > 0) return grantsFor(authorities, delegations, ['certificate.']);
  let grants = grantsOfTable.get(authorities);
  if (grants === undefined) {
    const resolved = grantsFor(authorities, [], ['certificate.']);
    for (const grant of Object.values(resolved)) {
      Object.freeze(grant.roles);
      if (grant.staffIds) Object.freeze(grant.staffIds);
      Object.freeze(grant);
    }
    grants = Object.freeze(resolved);
    grantsOfTable.set(authorities, grants);
  }
  return grants;
}

/**
 * The `certificates_expected` date per awarding body, as the context keeps it (London ISO), looked up once per
 * key-date list (a pack keeps one per series).
 */
const expectedOfKeyDates = new WeakMap<readonly KeyDate[], Map<string, Instant | undefined>>();

function certificatesExpected(keyDates: readonly KeyDate[], awardingBodyId: string): Instant | undefined {
  let byBody = expectedOfKeyDates.get(keyDates);
  if (byBody === undefined) {
    byBody = new Map();
    expectedOfKeyDates.set(keyDates, byBody);
  }
  if (!byBody.has(awardingBodyId)) {
    const at = keyDateFor(keyDates, 'certificates_expected', { awardingBodyId })?.at;
    byBody.set(awardingBodyId, at === undefined ? undefined : iso(at));
  }
  return byBody.get(awardingBodyId);
}

function latest<T>(list: readonly T[], next: T): T[] {
  return [...list, next].slice(-CERTIFICATE_HISTORY_KEPT);
}


/**
 * The records a certificate in a context is retained as: the unclaimed certificate while it is kept, and
 * the destruction record once it is destroyed (none once issued or purged).
 *
 * @param context - a certificate machine's context
 * @example
 * ```ts
 * declare const context: CertificateContext;
 * certificateRetainedRecords(context); // [{ kind: 'unclaimed_certificate', issuedAt: … }]
 * ```
 */
export function certificateRetainedRecords(context: CertificateContext): RetainedRecord[] {
  const c = context.certificate;
  if (context.purged || context.handover) return [];
  if (context.destruction) {
    return [{ id: `${c.id}/destruction-record`, kind: 'certificate_destruction_record', subject: c.candidateId, seriesId: c.seriesId, createdAt: context.destruction.at, destroyedAt: context.destruction.at }];
  }
  if (context.unclaimedAt && context.dateOfIssue && context.receivedAt) {
    return [{ id: c.id, kind: 'unclaimed_certificate', subject: c.candidateId, seriesId: c.seriesId, createdAt: context.receivedAt, issuedAt: context.dateOfIssue }];
  }
  return [];
}

/** The pack that decides: the one the actor was started with, else the host's when it is the same pack. */
function packOf(context: CertificateContext, hostPack: CertificateRulesPack | undefined): CertificateRulesPack | CertificateRefusal {
  const pack = boundPack(context.rules) ?? hostPack;
  if (!pack) {
    return {
      code: 'rule_unsupported',
      reason: `The rules pack "${context.rules.packId}" is not bound to this certificate; restore it with restoreCertificate(saved, { rulesPack }) or certificateMachineFor(rulesPack)`,
    };
  }
  if (pack.id !== context.rules.packId) {
    return { code: 'rule_unsupported', reason: `The certificate is kept under rules pack "${context.rules.packId}", not "${String(pack.id)}"` };
  }
  return pack;
}

function decide(
  context: CertificateContext,
  kind: 'unclaimed_certificate' | 'certificate_destruction_record',
  at: Instant,
  hostPack: CertificateRulesPack | undefined,
): RetentionDecision | CertificateRefusal {
  const pack = packOf(context, hostPack);
  if ('code' in pack) return pack;
  const destroyedAt = kind === 'certificate_destruction_record' ? at : undefined;
  const record: RetainedRecord =
    kind === 'unclaimed_certificate'
      ? { id: context.certificate.id, kind, subject: context.certificate.candidateId, seriesId: context.certificate.seriesId, createdAt: context.receivedAt ?? at, issuedAt: context.dateOfIssue ?? at }
      : { id: `${context.certificate.id}/destruction-record`, kind, subject: context.certificate.candidateId, seriesId: context.certificate.seriesId, createdAt: destroyedAt!, destroyedAt: destroyedAt! };
  let decision: unknown;
  try {
    decision = pack.retention(record);
  } catch (cause) {
    return { code: 'rule_unsupported', reason: `The rules pack "${context.rules.packId}" could not decide the retention of ${record.id}: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
  const parsed = retentionDecisionSchema.safeParse(decision);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { code: 'rule_unsupported', reason: `The rules pack "${context.rules.packId}" gave no usable retention decision for ${record.id} (${issue.path.join('.') || 'decision'}: ${issue.message})` };
  }
  // A pack built on the two-value confidence scale may still answer `confirmed`/`unconfirmed`: kept as given.
  return parsed.data as RetentionDecision;
}

function isDecision(d: RetentionDecision | CertificateRefusal): d is RetentionDecision {
  return 'recordId' in d;
}

const ROLES: readonly unknown[] = [...staffRoleSchema.options, 'candidate', 'system'];

type Args = { context: CertificateContext; event: CertificateEvent };

const field = (event: CertificateEvent, key: string): unknown => (event as unknown as Record<string, unknown>)[key];
const atOf = (event: CertificateEvent): number => millis(event.at) ?? Number.NaN;
const optionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';
const notText = (value: unknown, name: string): CertificateRefusal => ({ code: 'invalid_value', reason: `${name} is text, not ${JSON.stringify(value) ?? typeof value}` });

/** The candidate's written authority on an issue event, as sent. */
function authorityOf(event: CertificateEvent): Partial<Record<'written' | 'signedBy' | 'signedAt' | 'reference', unknown>> | undefined {
  const a = field(event, 'authority');
  return typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : undefined;
}

/**
 * The authority action of a certificate event: its type (`certificate.destroyed`).
 *
 * @param type - the event type
 * @example
 * ```ts
 * certificateAction('certificate.destroyed'); // 'certificate.destroyed'
 * ```
 */
export function certificateAction(type: string): string {
  return type.startsWith('certificate.') ? type : `certificate.${type}`;
}

function retentionExpired(decision: RetentionDecision | CertificateRefusal, at: number): boolean {
  if (!isDecision(decision)) return false;
  const from = decision.mayDestroyFrom === null ? null : millis(decision.mayDestroyFrom);
  return from !== null && at >= from;
}

/** The rules of a certificate, one guard each; the retention rules ask the pack (the actor's own, else the host's). */
function certificateGuards(hostPack: CertificateRulesPack | undefined) {
  return {
    /** The step has an instant, names who took it, and is not earlier than the latest recorded step. */
    eventIsStamped: ({ context, event }: Args) => stampRejection(event, context.lastEventAt) === undefined,
    /** The sender's id is at most 200 characters and their role is one examcycle knows. */
    senderIsKnown: ({ event }: Args) => event.by.id.length <= 200 && (event.by.role === undefined || ROLES.includes(event.by.role)),
    /** The sender acts in a role the pack (or a centre's delegation) lets take this step. */
    sentByAnAuthorisedRole: ({ context, event }: Args) => authorise(context.grants, event.by, certificateAction(event.type)).allowed,
    /** The date of issue, when given, is an instant. */
    dateOfIssueIsAnInstant: ({ event }: Args) => field(event, 'dateOfIssue') === undefined || millis(field(event, 'dateOfIssue')) !== null,
    /** A certificate is issued no later than it is received. */
    issuedBeforeReceived: ({ event }: Args) => field(event, 'dateOfIssue') === undefined || (millis(field(event, 'dateOfIssue')) ?? Infinity) <= atOf(event),
    /** A check says whether the certificate is correct. */
    checkSaysCorrectOrNot: ({ event }: Args) => typeof field(event, 'correct') === 'boolean',
    /** What is wrong with a certificate is a list of text. */
    problemsAreText: ({ event }: Args) => {
      const p = field(event, 'problems');
      return p === undefined || (Array.isArray(p) && p.every((x) => typeof x === 'string'));
    },
    /** A wrong certificate comes with what is wrong with it. */
    wrongCertificateSaysWhatIsWrong: ({ event }: Args) => field(event, 'correct') !== false || ((field(event, 'problems') as readonly string[] | undefined) ?? []).some((p) => p.trim()),
    /** The check found the certificate correct (a branch, not a refusal). */
    foundCorrect: ({ event }: Args) => field(event, 'correct') === true,
    /** A wrong certificate is returned or destroyed as its awarding body requires. */
    disposedAsTheAwardingBodyRequires: ({ context, event }: Args) => field(event, 'disposal') === context.incorrectDisposal,
    /** The reference, when given, is text. */
    referenceIsText: ({ event }: Args) => optionalText(field(event, 'reference')),
    /** An issue says to whom. */
    issuedToSomeone: ({ event }: Args) => {
      const to = field(event, 'to');
      return typeof to === 'string' && to.trim() !== '';
    },
    /** The certificate is collected, posted or collected by a third party. */
    knownHandoverMethod: ({ event }: Args) => HANDOVER_METHODS.includes(field(event, 'method') as CertificateHandoverMethod),
    /** A certificate "collected" is collected by the candidate themselves. */
    collectedByTheCandidate: ({ context, event }: Args) => field(event, 'method') !== 'collected' || field(event, 'to') === context.certificate.candidateId,
    /** A third party collects only with the candidate's written authority. */
    thirdPartyHasWrittenAuthority: ({ context, event }: Args) => {
      if (field(event, 'method') !== 'third_party') return true;
      const a = authorityOf(event);
      return !!a && a.written === true && a.signedBy === context.certificate.candidateId;
    },
    /** The written authority is signed before collection. */
    authoritySignedBeforeCollection: ({ event }: Args) => {
      if (field(event, 'method') !== 'third_party') return true;
      const signed = millis(authorityOf(event)?.signedAt);
      return signed !== null && signed <= atOf(event);
    },
    /** The authority's reference, when given, is text. */
    authorityReferenceIsText: ({ event }: Args) => field(event, 'method') !== 'third_party' || optionalText(authorityOf(event)?.reference),
    /** The rules pack decides how long an unclaimed certificate is kept. */
    packDecidesRetention: ({ context, event }: Args) => isDecision(decide(context, 'unclaimed_certificate', iso(event.at), hostPack)),
    /** Destruction is secure: shredded, incinerated or confidential waste. */
    destroyedSecurely: ({ event }: Args) => DESTRUCTION_METHODS.includes(field(event, 'method') as DestructionMethod),
    /** Who witnessed it, when given, is text. */
    witnessIsText: ({ event }: Args) => optionalText(field(event, 'witnessedBy')),
    /** The unclaimed certificate's retention has expired (12 months from issue under JCQ). */
    retentionExpired: ({ context, event }: Args) => retentionExpired(decide(context, 'unclaimed_certificate', iso(event.at), hostPack), atOf(event)),
    /** The rules pack decides how long the destruction record is kept. */
    packDecidesRecordRetention: ({ context, event }: Args) => isDecision(decide(context, 'certificate_destruction_record', iso(event.at), hostPack)),
    /** The destruction record's retention has expired (4 years from destruction under JCQ). */
    destructionRecordRetentionExpired: ({ context, event }: Args) =>
      context.destruction !== null && retentionExpired(decide(context, 'certificate_destruction_record', context.destruction.at, hostPack), atOf(event)),
  };
}

/**
 * The name of a rule of the certificate machine (a guard, replaceable with `.provide({ guards })`).
 *
 * @example
 * ```ts
 * const rule: CertificateGuard = 'retentionExpired';
 * ```
 */
export type CertificateGuard = keyof ReturnType<typeof certificateGuards>;

function retentionRefusal(decision: RetentionDecision | CertificateRefusal, what: string): CertificateRefusal {
  if (!isDecision(decision)) return decision;
  const rule = decision.source.section ? `${decision.source.document} ${decision.source.section}` : decision.source.document;
  if (decision.mayDestroyFrom === null) return { code: 'retention_not_expired', reason: `${what} has no end to its retention yet: ${decision.reason}`, rule };
  return { code: 'retention_not_expired', reason: `${what} must be kept until ${decision.mayDestroyFrom} (${decision.reason})`, rule };
}

function decisionRefusal(decision: RetentionDecision | CertificateRefusal): CertificateRefusal {
  return isDecision(decision) ? { code: 'rule_unsupported', reason: 'The rules pack gave no retention decision' } : decision;
}

/**
 * The refusal of each rule of the certificate machine: when the guard of that name fails, the step is
 * refused with this code, reason and rule (and audited).
 *
 * @param rulesPack - the host's rules pack, for the retention refusals of a restored certificate
 * @example
 * ```ts
 * declare const context: CertificateContext, event: CertificateEvent;
 * certificateGuardRefusals(jcq).retentionExpired(context, event).code; // 'retention_not_expired'
 * ```
 */
export function certificateGuardRefusals(rulesPack?: CertificateRulesPack): GuardRefusals<CertificateContext, CertificateEvent> & Readonly<Record<CertificateGuard, (context: CertificateContext, event: CertificateEvent) => CertificateRefusal>> {
  const disposalWords = (d: IncorrectCertificateDisposal) => (d === 'return_to_awarding_body' ? 'returned to it' : 'destroyed in the centre');
  const thirdParty = 'third-party-collection';
  return {
    ...senderRefusals<CertificateContext, CertificateEvent>(certificateAction, 'The step is not stamped'),
    dateOfIssueIsAnInstant: (_c, e) => ({ code: 'invalid_value', reason: `"${String(field(e, 'dateOfIssue'))}" is not a date of issue` }),
    issuedBeforeReceived: () => ({ code: 'invalid_value', reason: 'A certificate cannot be issued after it is received' }),
    checkSaysCorrectOrNot: () => ({ code: 'invalid_value', reason: 'A check says whether the certificate is correct' }),
    problemsAreText: () => ({ code: 'invalid_value', reason: 'What is wrong with a certificate is a list of text' }),
    wrongCertificateSaysWhatIsWrong: () => ({ code: 'invalid_value', reason: 'A wrong certificate needs what is wrong with it' }),
    foundCorrect: () => ({ code: 'event_rejected', reason: 'The certificate was not found correct' }),
    disposedAsTheAwardingBodyRequires: (c) => ({
      code: 'event_rejected',
      reason: `${c.certificate.awardingBodyId} wants wrong certificates ${disposalWords(c.incorrectDisposal)}`,
      rule: `incorrect-certificates/${c.certificate.awardingBodyId}`,
    }),
    referenceIsText: (_c, e) => notText(field(e, 'reference'), 'The disposal reference'),
    issuedToSomeone: () => ({ code: 'invalid_value', reason: 'An issue says to whom' }),
    knownHandoverMethod: (_c, e) => ({ code: 'invalid_value', reason: `Unknown issue method "${String(field(e, 'method'))}"` }),
    collectedByTheCandidate: (_c, e) => ({ code: 'consent_missing', reason: `Collected by "${String(field(e, 'to'))}", not the candidate: that is third-party collection and needs the candidate's written authority`, rule: thirdParty }),
    thirdPartyHasWrittenAuthority: (c) => ({ code: 'consent_missing', reason: `Third-party collection needs the written authority of candidate "${c.certificate.candidateId}"`, rule: thirdParty }),
    authoritySignedBeforeCollection: () => ({ code: 'consent_missing', reason: 'The written authority must be signed before collection', rule: thirdParty }),
    authorityReferenceIsText: (_c, e) => notText(authorityOf(e)?.reference, 'The authority\'s reference'),
    packDecidesRetention: (c, e) => decisionRefusal(decide(c, 'unclaimed_certificate', iso(e.at), rulesPack)),
    destroyedSecurely: (_c, e) => ({ code: 'invalid_value', reason: `Destruction must be secure (${DESTRUCTION_METHODS.join(', ')}), not "${String(field(e, 'method'))}"` }),
    witnessIsText: (_c, e) => notText(field(e, 'witnessedBy'), 'Who witnessed it'),
    retentionExpired: (c, e) => retentionRefusal(decide(c, 'unclaimed_certificate', iso(e.at), rulesPack), 'The unclaimed certificate'),
    packDecidesRecordRetention: (c, e) => decisionRefusal(decide(c, 'certificate_destruction_record', iso(e.at), rulesPack)),
    destructionRecordRetentionExpired: (c) =>
      c.destruction === null ? { code: 'event_rejected', reason: 'The certificate was not destroyed' } : retentionRefusal(decide(c, 'certificate_destruction_record', c.destruction.at, rulesPack), 'The destruction record'),
  };
}

/** Why a step the state takes no transition for is refused. */
function notNow(_context: CertificateContext, event: CertificateEvent, state: string): CertificateRefusal {
  switch (event.type) {
    case 'certificate.received':
      return { code: 'event_rejected', reason: `The certificate is already in (${state})` };
    case 'certificate.checked':
      return { code: 'event_rejected', reason: `Only a received certificate is checked, not one ${state}` };
    case 'certificate.disposed':
      return { code: 'event_rejected', reason: `Only a wrong certificate is returned or destroyed for replacement, not one ${state}` };
    case 'certificate.issued':
      return { code: 'event_rejected', reason: `A certificate is issued once checked (or while retained unclaimed), not ${state}` };
    case 'certificate.unclaimed':
      return { code: 'event_rejected', reason: `Only a checked certificate not yet issued becomes unclaimed, not one ${state}` };
    case 'certificate.destroyed':
      return { code: 'event_rejected', reason: `Only an unclaimed, retained certificate is destroyed, not one ${state}` };
    case 'certificate.recordPurged':
      return { code: 'event_rejected', reason: `Only the record of a destroyed certificate is purged, not one ${state}` };
    default:
      return { code: 'event_rejected', reason: `"${String((event as { type: unknown }).type)}" is not a certificate event` };
  }
}

/** The guards every step must pass first, in every state (a certificate step, also its sender's authority). */
const SENT = ['eventIsStamped', 'senderIsKnown'] as const;
const AUTHORISED = [...SENT, 'sentByAnAuthorisedRole'] as const;
const EVENTS: ReadonlySet<string> = new Set<CertificateEvent['type']>([
  'certificate.received',
  'certificate.checked',
  'certificate.disposed',
  'certificate.issued',
  'certificate.unclaimed',
  'certificate.destroyed',
  'certificate.recordPurged',
]);
const RECEIVED = [...AUTHORISED, 'dateOfIssueIsAnInstant', 'issuedBeforeReceived'] as const;
const CHECKED = [...AUTHORISED, 'checkSaysCorrectOrNot', 'problemsAreText', 'wrongCertificateSaysWhatIsWrong'] as const;
const ISSUED = [
  ...AUTHORISED,
  'issuedToSomeone',
  'knownHandoverMethod',
  'collectedByTheCandidate',
  'thirdPartyHasWrittenAuthority',
  'authoritySignedBeforeCollection',
  'authorityReferenceIsText',
] as const;
const DESTROYED = [...AUTHORISED, 'destroyedSecurely', 'witnessIsText', 'retentionExpired', 'packDecidesRecordRetention'] as const;

type Rule = CertificateGuard | ReturnType<typeof not>;

/** A step from one state to the next under the named rules; a refused step falls through to the state's `*`. */
function step(from: CertificateState, to: CertificateState, rules: readonly Rule[]) {
  return { guard: and([...rules] as never), target: to, actions: [{ type: 'accept' as const }, { type: 'accepted' as const, params: { from, to } }] };
}

function reject(state: CertificateState) {
  return { actions: { type: 'reject' as const, params: { state } } };
}

/**
 * A new certificate's context from its input (the machine's `context`).
 * @throws ExamcycleError `invalid_value` when the input cannot start a certificate that restores
 * @internal
 */
export function startingContext(input: CertificateInput): CertificateContext {
  const c = input.certificate;
  const badInput = inputProblem(input);
  if (badInput) throw new ExamcycleError('invalid_value', `The certificate record cannot start: ${badInput}`, { details: { certificateId: String(c?.id) } });
  const createdAt = iso(input.createdAt);
  const fromKeyDates = input.series && input.rulesPack.keyDates ? certificatesExpected(input.rulesPack.keyDates(input.series), c.awardingBodyId) : undefined;
  const expected = input.expectedBy === undefined ? fromKeyDates : input.expectedBy ? iso(input.expectedBy) : undefined;
  const disposal = input.incorrectCertificates && Object.hasOwn(input.incorrectCertificates, c.awardingBodyId) ? input.incorrectCertificates[c.awardingBodyId] : undefined;
  if (disposal !== undefined && disposal !== 'return_to_awarding_body' && disposal !== 'destroy_in_centre') {
    throw new ExamcycleError('invalid_value', `${c.awardingBodyId} wants wrong certificates returned ("return_to_awarding_body") or destroyed in the centre ("destroy_in_centre"), not "${String(disposal)}"`, {
      details: { awardingBodyId: c.awardingBodyId },
    });
  }
  return {
    certificate: { id: c.id, candidateId: c.candidateId, seriesId: c.seriesId, awardingBodyId: c.awardingBodyId, awardCodes: keptList(c.awardCodes) },
    rules: bindRules(input.rulesPack),
    expectedBy: expected ?? null,
    incorrectDisposal: disposal ?? 'return_to_awarding_body',
    receivedAt: null,
    dateOfIssue: null,
    checks: NONE,
    disposals: NONE,
    handover: null,
    unclaimedAt: null,
    retention: null,
    destruction: null,
    recordRetention: null,
    purged: null,
    lastEventAt: createdAt,
    grants: certificateGrants(input.rulesPack.authorities(input.academicYear ?? ((input.series?.academicYear as AcademicYear | undefined) ?? academicYearOf(createdAt))), input.rulesPack.delegations()),
  };
}

/**
 * What an accepted step changes in a certificate's context (the `accept` action's assignment).
 * @internal
 */
export function acceptedChange(context: CertificateContext, event: CertificateEvent, hostPack: CertificateRulesPack | undefined): Partial<CertificateContext> {
  const at = iso(event.at);
  switch (event.type) {
    case 'certificate.received':
      return { receivedAt: at, dateOfIssue: event.dateOfIssue ? iso(event.dateOfIssue) : at, lastEventAt: at };
    case 'certificate.checked':
      return { checks: latest(context.checks, { at, by: actorOf(event.by), correct: event.correct, problems: keptList(event.problems) }), lastEventAt: at };
    case 'certificate.disposed':
      return { disposals: latest(context.disposals, { at, by: actorOf(event.by), disposal: event.disposal, ...(event.reference ? { reference: event.reference } : {}) }), lastEventAt: at };
    case 'certificate.issued': {
      const a = event.authority;
      const handover: CertificateHandover = {
        at,
        by: actorOf(event.by),
        method: event.method,
        to: event.to,
        ...(event.method === 'third_party' && a ? { authority: { written: true, signedBy: a.signedBy, signedAt: iso(a.signedAt), ...(a.reference ? { reference: a.reference } : {}) } } : {}),
      };
      return { handover, lastEventAt: at };
    }
    case 'certificate.unclaimed':
      return { unclaimedAt: at, retention: decide(context, 'unclaimed_certificate', at, hostPack) as RetentionDecision, lastEventAt: at };
    case 'certificate.destroyed': {
      const destruction: CertificateDestruction = { at, by: actorOf(event.by), method: event.method, ...(event.witnessedBy ? { witnessedBy: event.witnessedBy } : {}) };
      return { destruction, recordRetention: decide(context, 'certificate_destruction_record', at, hostPack) as RetentionDecision, lastEventAt: at };
    }
    case 'certificate.recordPurged':
      return { purged: { at, by: actorOf(event.by) }, lastEventAt: at };
  }
}

/**
 * The audit line of a step `accept` has just applied, from the context it left (its instant, dates and
 * retention decisions) and the event (the `accepted` action's emitted event).
 * @internal
 */
export function acceptedLine(context: CertificateContext, event: CertificateEvent, from: CertificateState, to: CertificateState): AuditEmitted {
  const at = context.lastEventAt;
  const certificateId = context.certificate.id;
  const candidateId = context.certificate.candidateId;
  // One literal per step (no field added after: a line is kept, and an added field would cost it a second block), keys in the order they have always had.
  let details: Record<string, string | number | boolean | null>;
  switch (event.type) {
    case 'certificate.received':
      details = { certificateId, candidateId, dateOfIssue: context.dateOfIssue, late: context.expectedBy !== null && millis(at)! > millis(context.expectedBy)! };
      break;
    case 'certificate.checked':
      details = event.correct ? { certificateId, candidateId, correct: event.correct } : { certificateId, candidateId, correct: event.correct, problems: (event.problems ?? []).join('; ') };
      break;
    case 'certificate.disposed':
      details = { certificateId, candidateId, disposal: event.disposal };
      break;
    case 'certificate.issued':
      details = { certificateId, candidateId, method: event.method, to: event.to };
      break;
    case 'certificate.unclaimed':
      details = { certificateId, candidateId, keepUntil: context.retention!.keepUntil, mayDestroyFrom: context.retention!.mayDestroyFrom };
      break;
    case 'certificate.destroyed':
      details = { certificateId, candidateId, method: event.method, witnessedBy: event.witnessedBy ?? null, recordKeptUntil: context.recordRetention!.keepUntil };
      break;
    default:
      details = { certificateId, candidateId };
  }
  return { type: 'audit', line: { at, by: actorOf(event.by), event: event.type, from, to, outcome: 'accepted', details } };
}

/**
 * The first line of a new certificate's log (`certificate.expected`), opened by `by` when it names someone.
 * @internal
 */
export function expectedLine(context: CertificateContext, by: unknown): AuditEmitted {
  const c = context.certificate;
  const at = context.lastEventAt;
  const details = { certificateId: c.id, candidateId: c.candidateId, expectedBy: context.expectedBy };
  // One literal per case (no spread of an optional `by`), keys in the order the line has always had.
  return {
    type: 'audit',
    line: isActor(by)
      ? { at, by: actorOf(by), event: 'certificate.expected', from: 'expected', to: 'expected', outcome: 'accepted', details }
      : { at, event: 'certificate.expected', from: 'expected', to: 'expected', outcome: 'accepted', details },
  };
}

/**
 * The audit line of a refused step (its reason and code, from the first rule that failed) and the instant it
 * leaves as the latest (the `reject` action's work).
 * @internal
 */
export function refusedLine(
  machine: AnyStateMachine,
  refusals: ReturnType<typeof certificateGuardRefusals>,
  state: CertificateState,
  context: CertificateContext,
  event: CertificateEvent,
  check: GuardCheck,
): { lastEventAt: Instant; line: AuditLine } {
  const why = refusalFromGuards(machine, state, event, context, check, refusals, notNow, EVENTS.has(event.type) ? AUTHORISED : SENT);
  return rejectionLine(context, event, state, why, { certificateId: context.certificate.id });
}

/** Builds the certificate machine; the host's pack (if any) decides retention for actors whose input gave none. */
function createCertificateMachine(hostPack: CertificateRulesPack | undefined) {
  const refusals = certificateGuardRefusals(hostPack);
  const machine = setup({
    types: {
      context: {} as CertificateContext,
      events: {} as CertificateEvent,
      input: {} as CertificateInput,
      emitted: {} as CertificateEmitted,
    },
    guards: certificateGuards(hostPack),
    actions: {
      /** Applies an accepted step to the context (its audit line is `accepted`'s, next). */
      accept: assign(({ context, event }) => acceptedChange(context, event, hostPack)),
      /**
       * Emits the audit line of the step `accept` has just applied, from the context it left (its instant,
       * dates and retention decisions) and the event. Two plain actions, not one `enqueueActions`: the same
       * context and line, without building an action queue per step.
       */
      accepted: emit(({ context, event }, params: { from: CertificateState; to: CertificateState }) => acceptedLine(context, event, params.from, params.to)),
      /** Emits the audit line of a refused step (its reason and code) and `event.rejected`. */
      reject: enqueueActions(({ context, event, enqueue, check }, params: { state: CertificateState }) => {
        const { lastEventAt, line } = refusedLine(machine, refusals, params.state, context, event, check as GuardCheck);
        enqueue.assign({ lastEventAt });
        enqueue.emit({ type: 'audit', line });
        enqueue.emit({ type: 'event.rejected', entry: line });
      }),
      /** The first line of a new certificate's log (a root entry action: not emitted again when a snapshot is restored). */
      expected: emit(({ context, event }) =>
        // The root's entry runs on xstate's init event, which carries the input (and so who opened the record).
        expectedLine(context, (event as unknown as { readonly input?: { readonly by?: unknown } }).input?.by),
      ),
    },
  }).createMachine({
    id: 'certificate',
    version: '4',
    context: ({ input }) => startingContext(input),
    entry: 'expected',
    initial: 'expected',
    states: {
      expected: { on: { 'certificate.received': step('expected', 'received', RECEIVED), '*': reject('expected') } },
      received: {
        on: {
          'certificate.checked': [step('received', 'checked', [...CHECKED, 'foundCorrect']), step('received', 'incorrect', [...CHECKED, not('foundCorrect')])],
          '*': reject('received'),
        },
      },
      incorrect: { on: { 'certificate.disposed': step('incorrect', 'awaitingReplacement', [...AUTHORISED, 'disposedAsTheAwardingBodyRequires', 'referenceIsText']), '*': reject('incorrect') } },
      awaitingReplacement: { on: { 'certificate.received': step('awaitingReplacement', 'received', RECEIVED), '*': reject('awaitingReplacement') } },
      checked: {
        on: {
          'certificate.issued': step('checked', 'issued', ISSUED),
          'certificate.unclaimed': step('checked', 'unclaimed', [...AUTHORISED, 'packDecidesRetention']),
          '*': reject('checked'),
        },
      },
      unclaimed: {
        tags: ['retained'],
        on: { 'certificate.issued': step('unclaimed', 'issued', ISSUED), 'certificate.destroyed': step('unclaimed', 'destroyed', DESTROYED), '*': reject('unclaimed') },
      },
      destroyed: { tags: ['destructionRecordKept'], on: { 'certificate.recordPurged': step('destroyed', 'purged', [...AUTHORISED, 'destructionRecordRetentionExpired']), '*': reject('destroyed') } },
      issued: { type: 'final' },
      purged: { type: 'final' },
    },
  });
  return machine;
}

/**
 * The certificate machine (id `certificate`, version `4`): one actor per certificate. Every accepted and
 * every refused step is emitted as one `{ type: 'audit', line }` (collect them with {@link collectAudit},
 * or let the runtime append them to the store's log); the first line (`certificate.expected`) is emitted
 * when a new actor starts, not when a snapshot is restored. A new actor takes its rules pack from its
 * input; to restore one, use the machine bound to the host's pack ({@link certificateMachineFor}). Its
 * persistence spec is {@link certificatePersisted}.
 *
 * @example
 * ```ts
 * declare const by: Actor;
 * const actor = createActor(certificateMachine, {
 *   input: { certificate: { id: 'CERT-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA' },
 *            rulesPack: jcq, series: examSeries('june', 2026), createdAt: '2026-09-01T09:00:00+01:00', by },
 * }).start();
 * actor.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by });
 * actor.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by, correct: true });
 * ```
 */
export const certificateMachine = createCertificateMachine(undefined);

const forPack = new WeakMap<CertificateRulesPack, typeof certificateMachine>();

/**
 * The certificate machine bound to the host's rules pack: the same machine (id, version, states, snapshot
 * format), whose retention steps ask `rulesPack` when the actor's own context carries no pack, as a
 * restored one never does. This is how a restored certificate gets its pack back through the plain
 * restore path: `restoreSnapshot(certificateMachineFor(jcq), saved)`, or the runtime with
 * {@link certificatePersistedFor}. A snapshot kept under another pack is refused its retention steps
 * (`rule_unsupported`). The same pack always gives the same machine.
 *
 * @param rulesPack - the host's rules pack (its `id` and `retention`)
 * @throws ExamcycleError `invalid_value` when `rulesPack` has no string `id` or no `retention` function
 * @example
 * ```ts
 * declare const saved: string;
 * const actor = restoreSnapshot(certificateMachineFor(jcq), JSON.parse(saved)).start();
 * ```
 */
export function certificateMachineFor(rulesPack: CertificateRulesPack): typeof certificateMachine {
  if (typeof rulesPack !== 'object' || rulesPack === null || typeof rulesPack.id !== 'string' || typeof rulesPack.retention !== 'function') {
    throw new ExamcycleError('invalid_value', 'A certificate machine needs a rules pack with an id and a retention function');
  }
  let machine = forPack.get(rulesPack);
  if (!machine) {
    machine = createCertificateMachine(rulesPack);
    forPack.set(rulesPack, machine);
  }
  return machine;
}

/**
 * Whether a certificate is overdue: not yet received after its expected date.
 *
 * @param context - the certificate's context
 * @param at - the instant to judge at
 * @example
 * ```ts
 * declare const context: CertificateContext;
 * certificateOverdue(context, '2026-11-09T09:00:00Z'); // true if not in by 6 November
 * ```
 */
export function certificateOverdue(context: CertificateContext, at: Instant): boolean {
  return context.receivedAt === null && context.expectedBy !== null && instantToMillis(at) > instantToMillis(context.expectedBy);
}
