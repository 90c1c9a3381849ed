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
import type { ResultsReader, WithheldLevel } from './ResultsStore.js';
import type { ResultsContext } from './resultsContext.js';

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

/**
 * A refused operation: the typed error to throw and the audit line that records it.
 *
 * @internal
 * @example
 * ```ts
 * if (!out.ok) { record(out.line); throw out.error; }
 * ```
 */
export interface ResultsRefusal {
  readonly ok: false;
  readonly error: ExamcycleError;
  readonly line: AuditLine;
}

/**
 * A well-formed read: the reader, their roles (from the directory when there is one) and what they asked for.
 *
 * @internal
 * @example
 * ```ts
 * const req = resultsReadRequest(ctx, 'statement', { audience: 'candidate', id: 'C-1' }, 'C-1', {}, at);
 * if (req.ok) req.reader.id; // 'C-1'
 * ```
 */
export interface ResultsReadRequest {
  readonly ok: true;
  readonly kind: ResultsReadKind;
  readonly event: string;
  readonly reader: ResultsReader;
  readonly roles: readonly StaffRole[];
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
 * if (grant.ok) statementFrom(ctx, 'C-1', own, changes, grant);
 * ```
 */
export interface ResultsReadGrant {
  readonly ok: true;
  readonly at: Instant;
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
 * inNominatedSubjects(ctx, ['AQA-7402'], biologyResult); // true
 * ```
 */
export function inNominatedSubjects(ctx: ResultsContext, subjects: readonly string[], r: Pick<Result, 'awardingBodyId' | 'awardCode'>): boolean {
  return subjects.includes(ctx.subjectOf(r)) || subjects.includes(r.awardCode);
}

function refusal(ctx: ResultsContext, code: ExamcycleErrorCode, reason: string, o: { event: string; at: Instant; by?: Actor; rule?: string; details: Details; level?: QualificationLevel; audit?: Details; auditReason?: string }): ResultsRefusal {
  const phase = ctx.phaseAt(o.level, o.at);
  return {
    ok: false,
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

function actorOf(reader: ResultsReader, roles: readonly StaffRole[]): Actor {
  if (reader.audience === 'candidate') return { id: reader.id, role: 'candidate' };
  if (reader.audience === 'centre_staff' && roles[0]) return { id: reader.id, role: roles[0] };
  return { id: reader.id };
}

function describe(u: unknown): string {
  return u === null ? 'null' : Array.isArray(u) ? 'array' : typeof u;
}

/**
 * Checks a read's inputs: a reader that is not an object with a known audience and a non-empty id, a
 * candidate id that is not a non-empty string, or a level the domain does not know is a typed refusal
 * (`access_denied` for the reader, `invalid_value` for the rest), never a `TypeError`; an unknown or
 * inactive member of staff is refused by the directory.
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
 * resultsReadRequest(ctx, 'analysis', null, undefined, {}, at); // { ok: false, error: access_denied … }
 * ```
 */
export function resultsReadRequest(ctx: ResultsContext, kind: ResultsReadKind, rawReader: unknown, rawCandidateId: unknown, rawOptions: unknown, at: Instant): ResultsReadRequest | ResultsRefusal {
  const event = EVENT[kind];
  const candidateDetails: Details = kind === 'statement' && typeof rawCandidateId === 'string' ? { candidateId: rawCandidateId } : {};
  let reader: ResultsReader;
  try {
    const r = rawReader as Partial<Record<keyof ResultsReader, unknown>> | null | undefined;
    const ok =
      typeof r === 'object' &&
      r !== null &&
      typeof r.audience === 'string' &&
      AUDIENCES.has(r.audience) &&
      typeof r.id === 'string' &&
      r.id.trim() !== '' &&
      (r.roles === undefined || (Array.isArray(r.roles) && r.roles.every((x) => staffRoleSchema.safeParse(x).success)));
    if (!ok) {
      return refusal(ctx, 'access_denied', 'Results are read only by an identified reader: an audience and an id are required', {
        event,
        at,
        rule: RESULTS_RULE.readerIdentified,
        details: candidateDetails,
        audit: { reader: describe(rawReader) },
      });
    }
    reader = { audience: r.audience as ResultsAudience, id: r.id as string, ...(r.roles ? { roles: [...(r.roles as StaffRole[])] } : {}) };
  } catch (cause) {
    return refusal(ctx, 'access_denied', 'Results are read only by an identified reader: the reader could not be read', { event, at, rule: RESULTS_RULE.readerIdentified, details: candidateDetails, audit: { reader: describe(rawReader), cause: String(cause) } });
  }
  let roles: readonly StaffRole[] = [];
  if (reader.audience === 'centre_staff') {
    if (ctx.staffById) {
      const member = ctx.staffById.get(reader.id);
      if (!member || !member.active) {
        return refusal(ctx, 'access_denied', `"${reader.id}" is not an active member of staff in the directory`, { event, at, by: { id: reader.id }, rule: RESULTS_RULE.unknownStaff, details: { ...candidateDetails, audience: reader.audience } });
      }
      roles = member.roles;
    } else roles = reader.roles ?? [];
  }
  const by = actorOf(reader, roles);
  if (kind === 'statement' && (typeof rawCandidateId !== 'string' || rawCandidateId === '')) {
    return refusal(ctx, 'invalid_value', 'A statement of results is for one candidate: a candidate id is required', { event, at, by, details: { audience: reader.audience }, audit: { candidateId: describe(rawCandidateId) } });
  }
  const opts = rawOptions as { level?: unknown } | null | undefined;
  if (opts !== undefined && (typeof opts !== 'object' || opts === null)) {
    return refusal(ctx, 'invalid_value', 'Read options must be an object such as { level: "GCSE" }', { event, at, by, details: { ...candidateDetails, audience: reader.audience } });
  }
  const rawLevel = opts?.level;
  if (rawLevel !== undefined && !qualificationLevelSchema.safeParse(rawLevel).success) {
    return refusal(ctx, 'invalid_value', 'The level asked for is not a qualification level', { event, at, by, details: { ...candidateDetails, audience: reader.audience }, audit: { level: String(rawLevel) } });
  }
  return {
    ok: true,
    kind,
    event,
    reader,
    roles,
    by,
    ...(kind === 'statement' ? { candidateId: rawCandidateId as string } : {}),
    ...(rawLevel !== undefined ? { level: rawLevel as QualificationLevel } : {}),
    details: candidateDetails,
  };
}

/** Which kind of data an audience may have, before the pack's timing; a refusal names the store's rule. */
function kindRefusal(ctx: ResultsContext, req: ResultsReadRequest, facts: ResultsReadFacts, at: Instant): ResultsRefusal | undefined {
  const { reader, kind, event, by } = req;
  const details = { ...req.details, audience: reader.audience };
  const deny = (rule: string, reason: string) => refusal(ctx, 'access_denied', reason, { event, at, by, rule, details, ...(req.level ? { level: req.level } : {}) });
  if (kind === 'statement') {
    if (reader.audience === 'candidate' && reader.id !== req.candidateId) return deny(RESULTS_RULE.ownResultsOnly, `A candidate reads only their own results; "${reader.id}" asked for "${req.candidateId}"`);
    if (reader.audience === 'press' || reader.audience === 'local_authority') {
      return deny(RESULTS_RULE.aggregateOnly, `The ${reader.audience === 'press' ? 'press' : 'local authority'} receives aggregate data only, never a candidate's results`);
    }
    if ((reader.audience === 'parent' || reader.audience === 'other_institution') && !facts.authorised) {
      return deny(RESULTS_RULE.thirdPartyAuthority, `"${reader.id}" has no written authority from candidate "${req.candidateId}" to see their results`);
    }
  }
  if (kind === 'reconcile' && reader.audience !== 'centre_staff') return deny(RESULTS_RULE.centreStaffOnly, 'Only centre staff match results to entries');
  if (kind === 'pressReleaseDraft' && !(reader.audience === 'centre_staff' && req.roles.some((r) => EXAMS_OFFICE_ROLES.has(r)))) {
    return deny(RESULTS_RULE.pressReleaseDraft, `The press release is drafted by the exams office (or the head of centre); "${reader.id}" may not draft it`);
  }
  if (kind === 'analysis' && reader.audience !== 'centre_staff' && reader.audience !== 'press' && reader.audience !== 'local_authority') {
    return deny(RESULTS_RULE.noAggregateForIndividuals, `Results analysis is for centre staff, the press and local authorities, not a ${reader.audience}`);
  }
  return undefined;
}

type LevelOutcome = { readonly level: QualificationLevel; readonly decision: ResultsAccessDecision } | { readonly level: QualificationLevel; readonly failure: unknown };

function askPack(ctx: ResultsContext, req: ResultsReadRequest, nominated: boolean, level: QualificationLevel, at: Instant): LevelOutcome {
  try {
    const decision = ctx.rulesPack.resultsAccess({
      audience: req.reader.audience,
      ...(req.reader.audience === 'centre_staff' ? { role: req.roles, nominatedByHeadOfCentre: nominated } : {}),
      at,
      series: ctx.series,
      level,
    });
    if (typeof decision !== 'object' || decision === null || typeof decision.allowed !== 'boolean') return { level, failure: new Error('the pack returned no decision') };
    return { level, decision };
  } catch (failure) {
    return { level, failure };
  }
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
 * @example
 * ```ts
 * const out = decideResultsRead(ctx, req, { nominated: false, authorised: false, levels: ['GCE', 'GCSE'] }, at);
 * if (out.ok) out.allowed; // ['GCE']
 * ```
 */
export function decideResultsRead(ctx: ResultsContext, req: ResultsReadRequest, facts: ResultsReadFacts, at: Instant): ResultsReadGrant | ResultsRefusal {
  const refused = kindRefusal(ctx, req, facts, at);
  if (refused) return refused;
  const levels = req.level ? [req.level] : facts.levels;
  // A nomination counts for teaching staff only (SecEd: "those teaching staff who … need to be aware").
  const nominatedTeacher = req.reader.audience === 'centre_staff' && facts.nominated && req.roles.includes('teacher');
  const outcomes = new Map<QualificationLevel, LevelOutcome>();
  const ask = (level: QualificationLevel) => {
    let o = outcomes.get(level);
    if (!o) outcomes.set(level, (o = askPack(ctx, req, nominatedTeacher, level, at)));
    return o;
  };
  // Whether a level is open to the reader only because of the nomination (the pack would not open it otherwise).
  const plainOutcomes = new Map<QualificationLevel, LevelOutcome>();
  const plainAsk = (level: QualificationLevel) => {
    let o = plainOutcomes.get(level);
    if (!o) plainOutcomes.set(level, (o = askPack(ctx, req, false, level, at)));
    return o;
  };
  const byNominationOnly = (level: QualificationLevel) => {
    if (!nominatedTeacher) return false;
    const plain = plainAsk(level);
    return !('decision' in plain && plain.decision.allowed);
  };
  const subjects = facts.nominatedSubjects ?? [];
  const allowed: QualificationLevel[] = [];
  const withheld: WithheldLevel[] = [];
  const scoped: QualificationLevel[] = [];
  for (const level of levels) {
    const o = ask(level);
    if ('decision' in o && o.decision.allowed) {
      if (!byNominationOnly(level)) allowed.push(level);
      else if (req.kind === 'statement' && (facts.own ?? []).some((r) => r.level === level && inNominatedSubjects(ctx, subjects, r))) {
        allowed.push(level);
        scoped.push(level);
      } else {
        withheld.push({
          level,
          rule: RESULTS_RULE.nominatedSubjectsOnly,
          reason: req.kind === 'statement' ? `A nominated teacher reads only their own subjects (${subjects.join(', ')}) before results day` : 'A nominated teacher reads their own subjects\' statements only before results day, never the whole-centre reports',
          ...(() => {
            const plain = plainAsk(level);
            return 'decision' in plain && plain.decision.allowedFrom ? { allowedFrom: plain.decision.allowedFrom } : {};
          })(),
        });
      }
    } else withheld.push(withheldOf(o));
  }
  const { reader, event, by } = req;
  const common = { ...req.details, audience: reader.audience };
  if (allowed.length > 0) return { ok: true, at, allowed, withheld, ...(scoped.length > 0 ? { nominationScope: { levels: scoped, subjects } } : {}) };
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
    const o = ask(req.level);
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
  const gate = ctx.releaseLevels().map(ask);
  if (gate.some((o) => 'decision' in o && o.decision.allowed) && req.kind === 'statement') {
    // The reader may read this series now; this candidate's levels are all withheld: an empty statement.
    return { ok: true, at, allowed, withheld };
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
 * @param returned - what the report carried
 * @example
 * ```ts
 * readAuditLine(ctx, req, grant, { results: 4, resultIds: ['R-1', 'R-2', 'R-3', 'R-4'] });
 * ```
 */
export function readAuditLine(ctx: ResultsContext, req: ResultsReadRequest, grant: ResultsReadGrant, returned: { readonly results: number; readonly resultIds?: readonly string[]; readonly extra?: Details }): AuditLine {
  const phase = ctx.phaseAt(req.level ?? grant.allowed[0], grant.at);
  // Assigned in the order the spread form had (one line per read: the hot path of every results read).
  const details: Details = { ...req.details };
  details['audience'] = req.reader.audience;
  details['level'] = req.level ?? null;
  details['levels'] = grant.allowed.length === 1 ? grant.allowed[0]! : grant.allowed.join(',');
  let withheld = '';
  for (let i = 0; i < grant.withheld.length; i += 1) withheld += (i === 0 ? '' : ',') + grant.withheld[i]!.level;
  details['withheld'] = withheld;
  details['results'] = returned.results;
  if (returned.resultIds) details['resultIds'] = returned.resultIds.join(',');
  if (grant.nominationScope) {
    details['nominatedSubjects'] = grant.nominationScope.subjects.join(',');
    details['nominatedLevels'] = grant.nominationScope.levels.join(',');
  }
  if (returned.extra) Object.assign(details, returned.extra);
  return { at: grant.at, by: req.by, event: req.event, from: phase, to: phase, outcome: 'accepted', details };
}
