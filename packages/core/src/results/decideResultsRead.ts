/**
 * Deciding a read of results, once, for both results stores: who the reader is (a typed refusal for a
 * missing or malformed reader), what kind of data they may have at all (a candidate their own results; the
 * press and local authorities aggregates only; a parent or another institution with the candidate's written
 * authority; the matching report for centre staff), then — per level — whether the rules pack's
 * `resultsAccess` releases it to them now. A level the pack cannot decide (no release time for functional
 * skills, a project, entry level) is withheld on its own; it never denies the levels the pack released.
 *
 * A read denied outright names no level the reader did not ask for: the refusal is worked out over the
 * series' release levels, which are the same for every candidate, so it cannot tell which levels a
 * candidate has results in.
 */
import type { Actor, AuditLine } from '../audit/auditTrail.js';
import { qualificationLevelSchema, type QualificationLevel } from '../domain/qualification.js';
import type { Result } from '../domain/result.js';
import { staffRoleSchema, type StaffRole } from '../domain/staff.js';
import { ExamcycleError, isExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import type { ResultsAccessDecision, ResultsAudience } from '../rules/RulesPack.js';
import type { Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import type { ResultsReader, WithheldLevel } from './ResultsStore.js';
import type { LevelOutcome, ResultsContext } from './resultsContext.js';

/**
 * The four reads of a results store.
 *
 * @internal
 * @example
 * ```ts
 * const kind: ResultsReadKind = 'statement';
 * ```
 */
export type ResultsReadKind = 'statement' | 'reconcile' | 'analysis' | 'pressRelease' | 'pressReleaseDraft';

/** Audit details: JSON scalars only. */
type Details = Record<string, string | number | boolean | null>;

/**
 * Store-level rules (who may see which kind of data), before the pack's timing.
 *
 * @internal
 * @example
 * ```ts
 * declare const error: ExamcycleError;
 * error.rule === RESULTS_RULE.readerIdentified; // a read by no identifiable reader
 * ```
 */
export const RESULTS_RULE = {
  readerIdentified: 'examcycle.results.reader-identified',
  ownResultsOnly: 'examcycle.results.candidate-own-results-only',
  aggregateOnly: 'examcycle.results.press-aggregate-only',
  noAggregateForIndividuals: 'examcycle.results.aggregate-for-centre-and-press',
  thirdPartyAuthority: 'examcycle.results.third-party-written-authority',
  unknownStaff: 'examcycle.results.staff-directory',
  centreStaffOnly: 'examcycle.results.reconcile-centre-staff-only',
  nomination: 'examcycle.results.nomination-by-head-of-centre',
  nominateTeachingStaff: 'examcycle.results.nominate-teaching-staff-with-reason',
  nominatedSubjectsOnly: 'examcycle.results.nominated-own-subjects-only',
  pressReleaseDraft: 'examcycle.results.press-release-drafted-by-exams-office',
  examsOfficeWrites: 'examcycle.results.exams-office-writes',
  packUndecided: 'examcycle.results.pack-undecided',
  notReleased: 'examcycle.results.not-released',
} as const;

const EVENT: Record<ResultsReadKind, string> = {
  statement: 'results.read.statement',
  reconcile: 'results.read.reconcile',
  analysis: 'results.read.analysis',
  pressRelease: 'results.read.pressRelease',
  pressReleaseDraft: 'results.read.pressReleaseDraft',
};

const EXAMS_OFFICE_ROLES: ReadonlySet<StaffRole> = new Set(['head_of_centre', 'exams_officer', 'exams_office_staff']);

const AUDIENCES: ReadonlySet<string> = new Set<ResultsAudience>(['centre_staff', 'candidate', 'parent', 'press', 'local_authority', 'other_institution']);

const STAFF_ROLES: ReadonlySet<string> = new Set<string>(staffRoleSchema.options);

const LEVELS: ReadonlySet<string> = new Set<string>(qualificationLevelSchema.options);

/** The subjects of a reader no nomination names. */
const NO_SUBJECTS: readonly string[] = Object.freeze([]);

/**
 * A refused operation: the typed error to throw and the audit line that records it.
 *
 * @internal
 * @example
 * ```ts
 * declare const out: ResultsRefusal | { ok: true };
 * declare function record(line: ResultsRefusal['line']): void;
 * if (!out.ok) { record(out.line); throw out.error; }
 * ```
 */
export interface ResultsRefusal {
  readonly ok: false;
  readonly error: ExamcycleError;
  readonly line: AuditLine;
  /**
   * A call a type would have refused (no identifiable reader, a candidate id or level of the wrong type): the
   * store records the line and throws. Any other refusal (a read the rules deny, a write by the wrong role) is
   * returned as `{ ok: false, error }`.
   */
  readonly programmerError?: true;
}

/**
 * A well-formed read: the reader, the role they act in (checked against the directory when there is one) and
 * what they asked for.
 *
 * @internal
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof decideResultsRead>[0];
 * declare const at: Instant;
 * const req = resultsReadRequest(ctx, 'statement', { audience: 'candidate', id: 'C-1' }, 'C-1', {}, at);
 * if (req.ok) req.reader.id; // 'C-1'
 * ```
 */
export interface ResultsReadRequest {
  readonly ok: true;
  readonly kind: ResultsReadKind;
  readonly event: string;
  readonly reader: ResultsReader;
  /** The staff role the reader acts in (centre staff only): the one they gave, or their only one in the directory. */
  readonly role: StaffRole | undefined;
  readonly by: Actor;
  readonly candidateId?: string;
  /** The level the reader asked for, if any. */
  readonly level?: QualificationLevel;
  readonly details: Details;
}

/**
 * What the store loaded for a read.
 *
 * @internal
 * @example
 * ```ts
 * const facts: ResultsReadFacts = { nominated: false, authorised: false, levels: ['GCE'] };
 * ```
 */
export interface ResultsReadFacts {
  /** Whether the head of centre nominated the reader (centre staff only). */
  readonly nominated: boolean;
  /** The subjects the nomination names (qualification ids or codes); absent when not nominated. */
  readonly nominatedSubjects?: readonly string[];
  /** The candidate's own results of the series (statements), to scope a nominated teacher's read. */
  readonly own?: readonly Result[];
  /** Whether the candidate gave the reader written authority (parents and other institutions). */
  readonly authorised: boolean;
  /** The levels to decide: the candidate's own (a statement) or every level present and released (aggregates). */
  readonly levels: readonly QualificationLevel[];
}

/**
 * A read the store may answer: the levels released and those withheld.
 *
 * @internal
 * @example
 * ```ts
 * declare const grant: ResultsReadGrant | ResultsRefusal;
 * if (grant.ok) grant.allowed; // ['GCE']
 * ```
 */
export interface ResultsReadGrant {
  readonly ok: true;
  readonly at: Instant;
  /** The same instant in epoch milliseconds. */
  readonly t: number;
  readonly allowed: readonly QualificationLevel[];
  readonly withheld: readonly WithheldLevel[];
  /**
   * Levels released to the reader only by the head of centre's nomination, and the subjects it names: the
   * statement shows lines of those subjects only in those levels.
   */
  readonly nominationScope?: { readonly levels: readonly QualificationLevel[]; readonly subjects: readonly string[] };
}

/**
 * Whether a result is of a nominated teacher's subjects: its subject (qualification id) or its own code is named.
 *
 * @internal
 * @param ctx - the store's context
 * @param subjects - the subjects the nomination names
 * @param r - the result
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof decideResultsRead>[0];
 * declare const biologyResult: Result;
 * inNominatedSubjects(ctx, ['AQA-7402'], biologyResult); // true
 * ```
 */
export function inNominatedSubjects(ctx: ResultsContext, subjects: readonly string[], r: Pick<Result, 'awardingBodyId' | 'awardCode'>): boolean {
  return subjects.includes(ctx.subjectOf(r)) || subjects.includes(r.awardCode);
}

function refusal(ctx: ResultsContext, code: ExamcycleErrorCode, reason: string, o: { event: string; at: Instant; by?: Actor; rule?: string; details: Details; level?: QualificationLevel; audit?: Details; auditReason?: string; programmerError?: true }): ResultsRefusal {
  const phase = ctx.phaseAt(o.level, o.at);
  return {
    ok: false,
    ...(o.programmerError ? { programmerError: true as const } : {}),
    error: new ExamcycleError(code, reason, { ...(o.rule ? { rule: o.rule } : {}), details: { ...o.details, at: o.at } }),
    line: {
      at: o.at,
      ...(o.by ? { by: o.by } : {}),
      event: o.event,
      from: phase,
      to: phase,
      outcome: 'rejected',
      reason: o.auditReason ?? reason,
      code,
      ...(o.rule ? { rule: o.rule } : {}),
      details: { ...o.details, ...o.audit },
    },
  };
}

/** Who read, as the trail keeps them: one frozen actor per reader and role, shared by their reads ({@link ResultsContext.readerActor}). */
function actorOf(ctx: ResultsContext, reader: ResultsReader, role: StaffRole | undefined): Actor {
  return ctx.readerActor(reader.id, reader.audience === 'candidate' ? 'candidate' : role);
}

/** Whether a reader's `role` fits their audience: a staff role for centre staff, `candidate` for a candidate, none for anyone else. */
function roleFits(audience: string, role: unknown): boolean {
  if (role === undefined) return true;
  if (audience === 'centre_staff') return typeof role === 'string' && STAFF_ROLES.has(role);
  return audience === 'candidate' && role === 'candidate';
}

function describe(u: unknown): string {
  return u === null ? 'null' : Array.isArray(u) ? 'array' : typeof u;
}

/**
 * Checks a read's inputs: a reader that is not an object with a known audience, a non-empty id and a role
 * that fits the audience, a candidate id that is not a non-empty string, or a level the domain does not know
 * is a typed refusal (`access_denied` for the reader, `invalid_value` for the rest) marked as a programmer
 * error (the store audits it, then throws it), never a `TypeError`; an
 * unknown or inactive member of staff, or one acting in a role the directory does not give them, is refused
 * by the directory. A member of staff who names no role acts in their only directory role, or (holding
 * several) in none: the least a pack opens to centre staff.
 *
 * @internal
 * @param ctx - the store's context
 * @param kind - which read
 * @param rawReader - the reader as the caller passed it
 * @param rawCandidateId - the candidate (statements only)
 * @param rawOptions - `{ level? }` as the caller passed it
 * @param at - the instant of the read
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof decideResultsRead>[0];
 * declare const at: Instant;
 * resultsReadRequest(ctx, 'analysis', null, undefined, {}, at); // { ok: false, error: access_denied … }
 * ```
 */
export function resultsReadRequest(ctx: ResultsContext, kind: ResultsReadKind, rawReader: unknown, rawCandidateId: unknown, rawOptions: unknown, at: Instant): ResultsReadRequest | ResultsRefusal {
  const event = EVENT[kind];
  const candidateDetails: Details = kind === 'statement' && typeof rawCandidateId === 'string' ? { candidateId: rawCandidateId } : {};
  let reader: ResultsReader;
  try {
    const r = rawReader as Partial<Record<keyof ResultsReader, unknown>> | null | undefined;
    const ok = typeof r === 'object' && r !== null && typeof r.audience === 'string' && AUDIENCES.has(r.audience) && typeof r.id === 'string' && r.id.trim() !== '' && roleFits(r.audience, r.role);
    if (!ok) {
      return refusal(ctx, 'access_denied', 'Results are read only by an identified reader: an audience and an id are required', {
        event,
        at,
        rule: RESULTS_RULE.readerIdentified,
        details: candidateDetails,
        audit: { reader: describe(rawReader) },
        programmerError: true,
      });
    }
    // A copy: the decision and the audit read these values, not a caller's object that may change (or throw) later.
    reader = r.role === undefined ? { audience: r.audience as ResultsAudience, id: r.id as string } : { audience: r.audience as ResultsAudience, id: r.id as string, role: r.role as StaffRole | 'candidate' };
  } catch (cause) {
    return refusal(ctx, 'access_denied', 'Results are read only by an identified reader: the reader could not be read', { event, at, rule: RESULTS_RULE.readerIdentified, details: candidateDetails, audit: { reader: describe(rawReader), cause: String(cause) }, programmerError: true });
  }
  let role: StaffRole | undefined;
  if (reader.audience === 'centre_staff') {
    role = reader.role as StaffRole | undefined;
    if (ctx.staffById) {
      const member = ctx.staffById.get(reader.id);
      if (!member || !member.active) {
        return refusal(ctx, 'access_denied', `"${reader.id}" is not an active member of staff in the directory`, { event, at, by: { id: reader.id }, rule: RESULTS_RULE.unknownStaff, details: { ...candidateDetails, audience: reader.audience } });
      }
      if (role !== undefined && !member.roles.includes(role)) {
        return refusal(ctx, 'access_denied', `"${reader.id}" is not a ${role.replaceAll('_', ' ')} in the staff directory`, { event, at, by: { id: reader.id, role }, rule: RESULTS_RULE.unknownStaff, details: { ...candidateDetails, audience: reader.audience } });
      }
      if (role === undefined && member.roles.length === 1) role = member.roles[0];
    }
  }
  const by = actorOf(ctx, reader, role);
  if (kind === 'statement' && (typeof rawCandidateId !== 'string' || rawCandidateId === '')) {
    return refusal(ctx, 'invalid_value', 'A statement of results is for one candidate: a candidate id is required', { event, at, by, details: { audience: reader.audience }, audit: { candidateId: describe(rawCandidateId) }, programmerError: true });
  }
  const opts = rawOptions as { level?: unknown } | null | undefined;
  if (opts !== undefined && (typeof opts !== 'object' || opts === null)) {
    return refusal(ctx, 'invalid_value', 'Read options must be an object such as { level: "GCSE" }', { event, at, by, details: { ...candidateDetails, audience: reader.audience }, programmerError: true });
  }
  const rawLevel = opts?.level;
  if (rawLevel !== undefined && !(typeof rawLevel === 'string' && LEVELS.has(rawLevel))) {
    return refusal(ctx, 'invalid_value', 'The level asked for is not a qualification level', { event, at, by, details: { ...candidateDetails, audience: reader.audience }, audit: { level: String(rawLevel) }, programmerError: true });
  }
  // One literal per shape (no spread of the optional fields, no field added after: this runs for every read), keys in the order they have always had.
  if (rawLevel === undefined) {
    return kind === 'statement'
      ? { ok: true, kind, event, reader, role, by, candidateId: rawCandidateId as string, details: candidateDetails }
      : { ok: true, kind, event, reader, role, by, details: candidateDetails };
  }
  const level = rawLevel as QualificationLevel;
  return kind === 'statement'
    ? { ok: true, kind, event, reader, role, by, candidateId: rawCandidateId as string, level, details: candidateDetails }
    : { ok: true, kind, event, reader, role, by, level, details: candidateDetails };
}

function kindDenial(ctx: ResultsContext, req: ResultsReadRequest, at: Instant, rule: string, reason: string): ResultsRefusal {
  return refusal(ctx, 'access_denied', reason, { event: req.event, at, by: req.by, rule, details: { ...req.details, audience: req.reader.audience }, ...(req.level ? { level: req.level } : {}) });
}

/** Which kind of data an audience may have, before the pack's timing; a refusal names the store's rule. */
function kindRefusal(ctx: ResultsContext, req: ResultsReadRequest, facts: ResultsReadFacts, at: Instant): ResultsRefusal | undefined {
  const { reader, kind } = req;
  if (kind === 'statement') {
    if (reader.audience === 'candidate' && reader.id !== req.candidateId) return kindDenial(ctx, req, at, RESULTS_RULE.ownResultsOnly, `A candidate reads only their own results; "${reader.id}" asked for "${req.candidateId}"`);
    if (reader.audience === 'press' || reader.audience === 'local_authority') {
      return kindDenial(ctx, req, at, RESULTS_RULE.aggregateOnly, `The ${reader.audience === 'press' ? 'press' : 'local authority'} receives aggregate data only, never a candidate's results`);
    }
    if ((reader.audience === 'parent' || reader.audience === 'other_institution') && !facts.authorised) {
      return kindDenial(ctx, req, at, RESULTS_RULE.thirdPartyAuthority, `"${reader.id}" has no written authority from candidate "${req.candidateId}" to see their results`);
    }
  }
  if (kind === 'reconcile' && reader.audience !== 'centre_staff') return kindDenial(ctx, req, at, RESULTS_RULE.centreStaffOnly, 'Only centre staff match results to entries');
  if (kind === 'pressReleaseDraft' && !(reader.audience === 'centre_staff' && req.role !== undefined && EXAMS_OFFICE_ROLES.has(req.role))) {
    return kindDenial(ctx, req, at, RESULTS_RULE.pressReleaseDraft, `The press release is drafted by the exams office (or the head of centre); "${reader.id}" may not draft it`);
  }
  if (kind === 'analysis' && reader.audience !== 'centre_staff' && reader.audience !== 'press' && reader.audience !== 'local_authority') {
    return kindDenial(ctx, req, at, RESULTS_RULE.noAggregateForIndividuals, `Results analysis is for centre staff, the press and local authorities, not a ${reader.audience}`);
  }
  return undefined;
}

/** The pack's decision on one level for this reader, through the context's per-window cache. */
function askPack(ctx: ResultsContext, req: ResultsReadRequest, nominated: boolean, level: QualificationLevel, t: number, at: Instant): LevelOutcome {
  return ctx.packDecision(req.reader.audience, req.role, nominated, level, t, at);
}

function isAllowed(o: LevelOutcome): boolean {
  return 'decision' in o && o.decision.allowed;
}

function failureMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

function withheldOf(o: LevelOutcome): WithheldLevel {
  if ('failure' in o) {
    const rule = isExamcycleError(o.failure) && o.failure.rule ? o.failure.rule : RESULTS_RULE.packUndecided;
    return { level: o.level, rule, reason: `The rules pack could not decide this read: ${failureMessage(o.failure)}` };
  }
  const d = o.decision;
  return { level: o.level, rule: d.rule, reason: d.reason, ...(d.allowedFrom ? { allowedFrom: d.allowedFrom } : {}) };
}

function millis(at: Instant | undefined): number {
  if (at === undefined) return Number.POSITIVE_INFINITY;
  const t = Date.parse(at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * Decides a read: the kind of data first (a refusal naming the store's rule), then each level through the
 * rules pack. Levels released are returned; levels denied or undecidable are withheld one by one. When no
 * level is released the read is refused: for a named level with that level's rule and opening instant; for
 * a read of "everything" with a refusal worked out over the series' release levels (the same for every
 * candidate, so it reveals no level), unless the reader may already read some level of the series, when
 * the grant is returned with nothing allowed and the store answers with an empty report.
 *
 * @internal
 * @param ctx - the store's context
 * @param req - a checked request ({@link resultsReadRequest})
 * @param facts - what the store loaded: nomination, authority, the levels to decide
 * @param at - the instant of the read
 * @param t - the same instant in epoch milliseconds (read from `at` when not given)
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof decideResultsRead>[0];
 * declare const req: ResultsReadRequest, at: Instant;
 * const out = decideResultsRead(ctx, req, { nominated: false, authorised: false, levels: ['GCE', 'GCSE'] }, at);
 * if (out.ok) out.allowed; // ['GCE']
 * ```
 */
export function decideResultsRead(ctx: ResultsContext, req: ResultsReadRequest, facts: ResultsReadFacts, at: Instant, t: number = instantToMillis(at)): ResultsReadGrant | ResultsRefusal {
  const refused = kindRefusal(ctx, req, facts, at);
  if (refused) return refused;
  const levels = req.level ? [req.level] : facts.levels;
  // A nomination counts for teaching staff only (SecEd: "those teaching staff who … need to be aware").
  const nominatedTeacher = req.reader.audience === 'centre_staff' && facts.nominated && req.role === 'teacher';
  // The context keeps each decision for its instant window: asking twice costs a lookup, not a pack call.
  const subjects = facts.nominatedSubjects ?? NO_SUBJECTS;
  const allowed: QualificationLevel[] = [];
  const withheld: WithheldLevel[] = [];
  // Made only for a nominated teacher's scoped read.
  let scoped: QualificationLevel[] | undefined;
  for (const level of levels) {
    const o = askPack(ctx, req, nominatedTeacher, level, t, at);
    if ('decision' in o && o.decision.allowed) {
      // Whether the level is open to the reader only because of the nomination (the pack would not open it otherwise).
      if (!nominatedTeacher || isAllowed(askPack(ctx, req, false, level, t, at))) allowed.push(level);
      else if (req.kind === 'statement' && (facts.own ?? []).some((r) => r.level === level && inNominatedSubjects(ctx, subjects, r))) {
        allowed.push(level);
        (scoped ??= []).push(level);
      } else {
        withheld.push({
          level,
          rule: RESULTS_RULE.nominatedSubjectsOnly,
          reason: req.kind === 'statement' ? `A nominated teacher reads only their own subjects (${subjects.join(', ')}) before results day` : 'A nominated teacher reads their own subjects\' statements only before results day, never the whole-centre reports',
          ...(() => {
            const plain = askPack(ctx, req, false, level, t, at);
            return 'decision' in plain && plain.decision.allowedFrom ? { allowedFrom: plain.decision.allowedFrom } : {};
          })(),
        });
      }
    } else withheld.push(withheldOf(o));
  }
  if (allowed.length > 0) return scoped !== undefined ? { ok: true, at, t, allowed, withheld, nominationScope: { levels: scoped, subjects } } : { ok: true, at, t, allowed, withheld };
  const { reader, event, by } = req;
  const common = { ...req.details, audience: reader.audience };
  const outOfScope = withheld.find((w) => w.rule === RESULTS_RULE.nominatedSubjectsOnly);
  if (outOfScope) {
    return refusal(ctx, 'access_denied', `Results not released to ${reader.audience} "${reader.id}": ${outOfScope.reason}`, {
      event,
      at,
      by,
      rule: RESULTS_RULE.nominatedSubjectsOnly,
      level: outOfScope.level,
      details: { ...common, ...(req.level ? { level: req.level } : {}), malpracticeRisk: true },
      audit: { nominatedSubjects: subjects.join(',') },
    });
  }

  const decided = levels.map((l) => `${l}:${withheld.find((w) => w.level === l)?.rule ?? 'denied'}`).join(',');
  if (req.level) {
    // The reader named the level: the refusal may say when it opens.
    const o = askPack(ctx, req, nominatedTeacher, req.level, t, at);
    if ('failure' in o) {
      const code = isExamcycleError(o.failure) ? o.failure.code : 'rule_unsupported';
      const rule = isExamcycleError(o.failure) && o.failure.rule ? o.failure.rule : RESULTS_RULE.packUndecided;
      return refusal(ctx, code, `The rules pack could not decide this read: ${failureMessage(o.failure)}`, { event, at, by, rule, level: req.level, details: { ...common, level: req.level }, audit: { malpracticeRisk: false } });
    }
    const d = o.decision;
    return refusal(ctx, 'access_denied', `Results not released to ${reader.audience} "${reader.id}": ${d.reason}`, {
      event,
      at,
      by,
      rule: d.rule,
      level: req.level,
      details: { ...common, level: req.level, malpracticeRisk: d.malpracticeRisk, ...(d.allowedFrom ? { allowedFrom: d.allowedFrom } : {}) },
    });
  }
  // Nothing named: decide the refusal over the series' release levels, the same for every candidate.
  const gate = ctx.releaseLevels().map((level) => askPack(ctx, req, nominatedTeacher, level, t, at));
  if (gate.some((o) => 'decision' in o && o.decision.allowed) && req.kind === 'statement') {
    // The reader may read this series now; this candidate's levels are all withheld: an empty statement.
    return { ok: true, at, t, allowed, withheld };
  }
  const denials = gate.flatMap((o) => ('decision' in o && !o.decision.allowed ? [o.decision] : []));
  const first = denials.reduce<ResultsAccessDecision | undefined>((best, d) => (best === undefined || millis(d.allowedFrom) < millis(best.allowedFrom) ? d : best), undefined);
  if (first) {
    return refusal(ctx, 'access_denied', `Results are not yet released to ${reader.audience} "${reader.id}"${first.allowedFrom ? `: they open from ${first.allowedFrom}` : ''}`, {
      event,
      at,
      by,
      rule: first.rule,
      details: { ...common, malpracticeRisk: first.malpracticeRisk, ...(first.allowedFrom ? { allowedFrom: first.allowedFrom } : {}) },
      audit: { decided },
      auditReason: `${first.reason} (levels decided: ${decided || 'none'})`,
    });
  }
  const failed = gate.find((o): o is Extract<LevelOutcome, { failure: unknown }> => 'failure' in o);
  const code = failed && isExamcycleError(failed.failure) ? failed.failure.code : failed ? 'rule_unsupported' : 'access_denied';
  return refusal(ctx, code, `The rules pack could not decide whether results are released to ${reader.audience} "${reader.id}"`, {
    event,
    at,
    by,
    rule: failed ? RESULTS_RULE.packUndecided : RESULTS_RULE.notReleased,
    details: { ...common, malpracticeRisk: false },
    audit: { decided },
    auditReason: failed ? `The rules pack could not decide: ${failureMessage(failed.failure)} (levels decided: ${decided || 'none'})` : `No level released (levels decided: ${decided || 'none'})`,
  });
}

/**
 * The audit line of an answered read: exactly what was returned (the levels, the withheld levels, how many
 * results and which, for a statement).
 *
 * @internal
 * @param ctx - the store's context
 * @param req - the request
 * @param grant - the decision
 * @param returned - what the report carried (result ids as a list, or already joined with commas)
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof decideResultsRead>[0];
 * declare const req: ResultsReadRequest, grant: ResultsReadGrant;
 * readAuditLine(ctx, req, grant, { results: 4, resultIds: ['R-1', 'R-2', 'R-3', 'R-4'] });
 * ```
 */
export function readAuditLine(ctx: ResultsContext, req: ResultsReadRequest, grant: ResultsReadGrant, returned: { readonly results: number; readonly resultIds?: readonly string[] | string; readonly extra?: Details }): AuditLine {
  const phase = ctx.phaseAt(req.level ?? grant.allowed[0], grant.t);
  // One object literal per line (the hot path of every results read), keys in the order the trail has always had.
  const allowed = grant.allowed;
  const levels = allowed.length === 1 ? allowed[0]! : allowed.join(',');
  let withheld = '';
  for (let i = 0; i < grant.withheld.length; i += 1) withheld += (i === 0 ? '' : ',') + grant.withheld[i]!.level;
  const level = req.level ?? null;
  const ids = returned.resultIds;
  const candidateId = req.details['candidateId'];
  // A statement's line (a candidate and its result ids) as one literal: no field added after, so no out-of-object store per line.
  const details: Details =
    candidateId !== undefined
      ? ids !== undefined
        ? { candidateId, audience: req.reader.audience, level, levels, withheld, results: returned.results, resultIds: typeof ids === 'string' ? ids : ids.join(',') }
        : { candidateId, audience: req.reader.audience, level, levels, withheld, results: returned.results }
      : { audience: req.reader.audience, level, levels, withheld, results: returned.results };
  if (ids !== undefined && candidateId === undefined) details['resultIds'] = typeof ids === 'string' ? ids : ids.join(',');
  if (grant.nominationScope) {
    details['nominatedSubjects'] = grant.nominationScope.subjects.join(',');
    details['nominatedLevels'] = grant.nominationScope.levels.join(',');
  }
  if (returned.extra) Object.assign(details, returned.extra);
  return { at: grant.at, by: req.by, event: req.event, from: phase, to: phase, outcome: 'accepted', details };
}
