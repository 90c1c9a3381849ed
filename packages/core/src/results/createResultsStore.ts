/**
 * The results store of one centre for one series. Results come in from the adapters; every read of them
 * (a statement of results, the matching report, the analysis, the press release) goes through the rules
 * pack's `resultsAccess` decision and is written to the store's audit trail, allowed or denied. On
 * restricted release day only the head of centre, exams office staff and staff the head of centre
 * nominated may read; candidates read their own results from 08:00 on results day; the press and local
 * authorities read aggregate data only, from 09:30 (JCQ "Publication of results"; SecEd checklist).
 * A denied read throws an {@link ExamcycleError} `access_denied` naming the rule that decided.
 */
import { appendAudit, type Actor, type AuditEntry } from '../audit/auditTrail.js';
import { resultSchema, type Result } from '../domain/result.js';
import type { Candidate } from '../domain/candidate.js';
import type { Entry } from '../domain/entry.js';
import type { Qualification, QualificationLevel } from '../domain/qualification.js';
import type { ExamSeries } from '../domain/series.js';
import type { StaffMember, StaffRole } from '../domain/staff.js';
import type { RecordIssue } from '../adapters/RecordImport.js';
import { ExamcycleError, isExamcycleError } from '../errors/ExamcycleError.js';
import type { ResultsAccessDecision, ResultsAudience, RulesPack } from '../rules/RulesPack.js';
import { toLondon, type ExamClock, type Instant } from '../time/clock.js';
import { analyseResults, type PreviousYearResults, type SubjectAnalysis } from './analyseResults.js';
import { keyDateFor } from './keyDateFor.js';
import { matchResults, type ResultsMatch } from './matchResults.js';

/** Who is reading: a member of staff (with roles), a candidate (by candidate id), a parent, the press, … */
export interface ResultsReader {
  readonly audience: ResultsAudience;
  /** The staff id, the candidate id, or the name of the parent, press outlet, authority or institution. */
  readonly id: string;
  /** A member of staff's roles; taken from the staff directory instead when the store has one. */
  readonly roles?: readonly StaffRole[];
}

/** A head of centre's nomination of a member of staff to read results on restricted release day. */
export interface Nomination {
  readonly staffId: string;
  readonly nominatedBy: Actor;
  readonly at: Instant;
  readonly reason?: string;
}

/** A candidate's written authority for a third party (parent, other institution) to see their results. */
export interface ThirdPartyAuthority {
  readonly candidateId: string;
  readonly thirdPartyId: string;
  readonly signedAt: Instant;
  readonly reference?: string;
  readonly recordedBy: Actor;
  readonly recordedAt: Instant;
}

/** A grade changed by an enquiry about results, to apply to the store (see {@link enquiryGradeChange}). */
export interface EnquiryGradeChange {
  readonly enquiryId: string;
  readonly candidateId: string;
  readonly seriesId: string;
  readonly awardingBodyId: string;
  readonly awardCode: string;
  readonly level: QualificationLevel;
  readonly resultId?: string;
  readonly from: string;
  readonly to: string;
  readonly direction: 'up' | 'down';
  readonly mark?: number;
  /** When the awarding body's outcome was recorded. */
  readonly at: Instant;
}

/** A grade change the store applied. */
export interface AppliedGradeChange extends EnquiryGradeChange {
  readonly resultId: string;
  readonly appliedAt: Instant;
  readonly appliedBy: Actor;
}

/** One line of a statement of results. */
export interface StatementLine {
  readonly resultId: string;
  readonly awardCode: string;
  readonly title: string;
  readonly level: QualificationLevel;
  readonly awardingBodyId: string;
  readonly kind: 'qualification' | 'component';
  /** Blank while pending. */
  readonly grade: string;
  readonly mark?: number;
  readonly uniformMark?: number;
  readonly endorsement?: string;
  /** The grade before an enquiry changed it. */
  readonly changedByEnquiry?: { readonly from: string; readonly enquiryId: string };
}

/** A level whose results a reader may not see yet. */
export interface WithheldLevel {
  readonly level: QualificationLevel;
  readonly rule: string;
  readonly reason: string;
  readonly allowedFrom?: Instant;
}

/** A candidate's statement of results (provisional: the certificate is the final record). */
export interface StatementOfResults {
  readonly candidateId: string;
  readonly candidate?: { readonly candidateNumber: string; readonly centreNumber: string; readonly name: string; readonly uci?: string };
  readonly seriesId: string;
  readonly provisional: true;
  readonly generatedAt: Instant;
  readonly lines: readonly StatementLine[];
  /** Levels not yet released to this reader. */
  readonly withheld: readonly WithheldLevel[];
}

/** Totals over the readable levels. */
export interface ResultsSummary {
  readonly qualificationResults: number;
  readonly graded: number;
  readonly pending: number;
  readonly candidates: number;
}

/** The results analysis for the readable levels. */
export interface ResultsAnalysisReport {
  readonly seriesId: string;
  readonly generatedAt: Instant;
  readonly levels: readonly QualificationLevel[];
  readonly summary: ResultsSummary;
  readonly subjects: readonly SubjectAnalysis[];
  readonly withheld: readonly WithheldLevel[];
}

/** The matching report for the readable levels. */
export interface ResultsReconciliation extends ResultsMatch {
  readonly seriesId: string;
  readonly generatedAt: Instant;
  readonly levels: readonly QualificationLevel[];
  readonly withheld: readonly WithheldLevel[];
}

/** Aggregate data for a press release, only once the press may have it. */
export interface PressRelease {
  readonly seriesId: string;
  readonly generatedAt: Instant;
  readonly levels: readonly QualificationLevel[];
  readonly summary: ResultsSummary;
  /** Per subject: cohort and distribution only. */
  readonly subjects: readonly Pick<SubjectAnalysis, 'subject' | 'title' | 'level' | 'cohort' | 'distribution'>[];
  readonly withheld: readonly WithheldLevel[];
}

/** Options for {@link createResultsStore}. */
export interface ResultsStoreOptions {
  /** The rules pack that decides every read (`resultsAccess`) and gives the release instants (`keyDates`). */
  readonly rulesPack: Pick<RulesPack, 'resultsAccess' | 'keyDates'>;
  readonly series: ExamSeries;
  /** The clock reads are timed by (`clock.now()`, ms). One of `clock` or `now` is required. */
  readonly clock?: Pick<ExamClock, 'now'>;
  /** Alternatively, a function giving the current instant (ISO) or epoch milliseconds. */
  readonly now?: () => Instant | number;
  /** Results already in. @default [] */
  readonly results?: readonly Result[];
  /** The centre's entries, for matching and pending lines. @default [] */
  readonly entries?: readonly Entry[];
  /** Candidates, for names and numbers on statements. @default [] */
  readonly candidates?: readonly Candidate[];
  /** The staff directory; when given, staff readers' roles come from it and unknown staff are refused. */
  readonly staff?: readonly StaffMember[];
  /** Qualifications, for titles, subjects and entry levels. @default [] */
  readonly qualifications?: readonly Qualification[];
  /** Last year's grade counts per subject, for the analysis. */
  readonly previousYear?: PreviousYearResults;
  /** Grade orders (best first) for grades on no known scale, per level. */
  readonly gradeOrder?: Partial<Record<QualificationLevel, readonly string[]>>;
}

/** A results store: reads are checked and audited; writes are audited. */
export interface ResultsStore {
  readonly series: ExamSeries;
  /** The store's current instant. */
  now(): Instant;
  /** Adds (or replaces, by id) results from an adapter; invalid ones are reported, not thrown. */
  addResults(results: readonly unknown[], by: Actor, source?: string): { readonly added: number; readonly replaced: number; readonly issues: readonly RecordIssue[] };
  /** Records (head of centre only) that a member of staff may read results on restricted release day. */
  nominate(request: { readonly staffId: string; readonly by: Actor; readonly reason?: string }): Nomination;
  /** Withdraws a nomination (head of centre only). */
  revokeNomination(request: { readonly staffId: string; readonly by: Actor }): void;
  /** The nominations in force. */
  nominations(): readonly Nomination[];
  /** Records a candidate's written authority for a third party to see their results. */
  authoriseThirdParty(request: { readonly candidateId: string; readonly thirdPartyId: string; readonly written: boolean; readonly signedAt: Instant; readonly reference?: string; readonly by: Actor }): ThirdPartyAuthority;
  /** A candidate's statement of results. */
  statementOfResults(reader: ResultsReader, candidateId: string, options?: { readonly level?: QualificationLevel }): StatementOfResults;
  /** The matching report: missing and incomplete results, late cash-ins (centre staff only). */
  reconcile(reader: ResultsReader, options?: { readonly level?: QualificationLevel }): ResultsReconciliation;
  /** Summaries and analysis per subject (centre staff, press and local authorities). */
  resultsAnalysis(reader: ResultsReader, options?: { readonly level?: QualificationLevel }): ResultsAnalysisReport;
  /** Whether a press release may go out now for a level (the press-release gate); reads no results. */
  pressReleaseGate(level: QualificationLevel): ResultsAccessDecision;
  /** The aggregate data of a press release, only once the gate is open. */
  pressRelease(request: { readonly by: Actor; readonly level?: QualificationLevel }): PressRelease;
  /** Applies an enquiry's grade change to the results (and so to the analysis). */
  applyEnquiryOutcome(change: EnquiryGradeChange, by: Actor): AppliedGradeChange;
  /** The audit trail: every read (allowed and denied), nomination and write. */
  audit(): readonly AuditEntry[];
}

const EXAMS_OFFICE: ReadonlySet<StaffRole> = new Set(['head_of_centre', 'exams_officer', 'exams_office_staff']);

/** Store-level rules (who may see which kind of data), before the pack's timing. */
const RULE = {
  ownResultsOnly: 'examcycle.results.candidate-own-results-only',
  aggregateOnly: 'examcycle.results.press-aggregate-only',
  noAggregateForIndividuals: 'examcycle.results.aggregate-for-centre-and-press',
  thirdPartyAuthority: 'examcycle.results.third-party-written-authority',
  unknownStaff: 'examcycle.results.staff-directory',
  centreStaffOnly: 'examcycle.results.reconcile-centre-staff-only',
  nomination: 'examcycle.results.nomination-by-head-of-centre',
  examsOfficeWrites: 'examcycle.results.exams-office-writes',
} as const;

/**
 * Creates a results store for one series: results in, every read checked by the rules pack and audited.
 *
 * @param options - the rules pack, the series, a clock (or `now`), and the centre's data
 * @example
 * ```ts
 * const store = createResultsStore({ rulesPack: jcq, series: examSeries('june', 2026), clock, results, entries, candidates });
 * store.nominate({ staffId: 'T-9', by: { id: 'HEAD', role: 'head_of_centre' } });
 * const statement = store.statementOfResults({ audience: 'candidate', id: 'C-0001' }, 'C-0001');
 * ```
 */
export function createResultsStore(options: ResultsStoreOptions): ResultsStore {
  const { rulesPack, series, clock, now: nowFn, entries = [], candidates = [], staff, qualifications = [], previousYear, gradeOrder } = options;
  if (!clock && !nowFn) {
    throw new ExamcycleError('invalid_value', 'createResultsStore needs a clock or a now() function: examcycle never reads the host clock', { details: { option: 'clock' } });
  }
  const results = new Map<string, Result>();
  for (const r of options.results ?? []) results.set(r.id, r);
  const nominations = new Map<string, Nomination>();
  const authorities: ThirdPartyAuthority[] = [];
  const changes: AppliedGradeChange[] = [];
  let trail: AuditEntry[] = [];

  const candidateById = new Map(candidates.map((c) => [c.id, c]));
  const staffById = staff ? new Map(staff.map((s) => [s.id, s])) : undefined;
  const optionInfo = new Map<string, { title: string; level: QualificationLevel }>();
  for (const q of qualifications) for (const o of q.entryOptions) optionInfo.set(`${q.awardingBodyId}\u0000${o.code}`, { title: `${q.title}${o.title ? ` (${o.title})` : ''}`, level: q.level });

  function now(): Instant {
    const raw = clock ? clock.now() : nowFn!();
    return toLondon(raw).toISO()!;
  }

  function keyDatesSafe() {
    try {
      return rulesPack.keyDates(series);
    } catch {
      // A pack without an edition for the series still decides reads through resultsAccess; only the phase label is lost.
      return [];
    }
  }

  function phaseAt(level: QualificationLevel | undefined, at: Instant): string {
    if (!level) return 'results';
    const kds = keyDatesSafe();
    const t = toLondon(at).toMillis();
    const past = (kind: 'restricted_release' | 'release_to_candidates' | 'release_to_press') => {
      const k = keyDateFor(kds, kind, { level });
      return k !== undefined && t >= toLondon(k.at).toMillis();
    };
    if (past('release_to_press')) return 'published';
    if (past('release_to_candidates')) return 'results_day';
    if (past('restricted_release')) return 'restricted_release';
    return kds.length ? 'embargoed' : 'results';
  }

  function actorOf(reader: ResultsReader, roles: readonly StaffRole[]): Actor {
    if (reader.audience === 'candidate') return { id: reader.id, role: 'candidate' };
    if (reader.audience === 'centre_staff' && roles[0]) return { id: reader.id, role: roles[0] };
    return { id: reader.id };
  }

  function record(entry: Omit<AuditEntry, 'seq'>): void {
    trail = appendAudit(trail, entry);
  }

  /** The reader's roles, from the directory when there is one; `undefined` when the directory does not know them. */
  function rolesOf(reader: ResultsReader): readonly StaffRole[] | undefined {
    if (reader.audience !== 'centre_staff') return [];
    if (!staffById) return reader.roles ?? [];
    const member = staffById.get(reader.id);
    return member && member.active ? member.roles : undefined;
  }

  function deny(event: string, at: Instant, by: Actor, rule: string, reason: string, details: Record<string, string | number | boolean | null>, level?: QualificationLevel): never {
    const phase = phaseAt(level, at);
    record({ at, by, event, from: phase, to: phase, outcome: 'rejected', reason, code: 'access_denied', rule, details });
    throw new ExamcycleError('access_denied', reason, { rule, details: { ...details, at } });
  }

  function allLevels(): QualificationLevel[] {
    const levels = new Set<QualificationLevel>();
    for (const r of results.values()) levels.add(r.level);
    for (const k of keyDatesSafe()) if (k.level && (k.kind === 'release_to_candidates' || k.kind === 'restricted_release')) levels.add(k.level);
    return [...levels].sort();
  }

  /**
   * Decides a read for each level through the pack, audits each decision, and returns the levels allowed
   * and those withheld; throws `access_denied` when none is allowed.
   */
  function decide(event: string, reader: ResultsReader, roles: readonly StaffRole[], levels: readonly QualificationLevel[], details: Record<string, string | number | boolean | null>): { at: Instant; allowed: QualificationLevel[]; withheld: WithheldLevel[] } {
    const at = now();
    const by = actorOf(reader, roles);
    const allowed: QualificationLevel[] = [];
    const withheld: WithheldLevel[] = [];
    let firstDenial: ResultsAccessDecision | undefined;
    for (const level of levels) {
      let decision: ResultsAccessDecision;
      try {
        decision = rulesPack.resultsAccess({
          audience: reader.audience,
          ...(reader.audience === 'centre_staff' ? { role: roles, nominatedByHeadOfCentre: nominations.has(reader.id) } : {}),
          at,
          series,
          level,
        });
      } catch (cause) {
        // A pack that cannot decide denies: the read is recorded and refused with the pack's reason.
        const code = isExamcycleError(cause) ? cause.code : 'rule_unsupported';
        const reason = `The rules pack could not decide this read: ${cause instanceof Error ? cause.message : String(cause)}`;
        record({ at, by, event, from: 'results', to: 'results', outcome: 'rejected', reason, code, details: { ...details, level, audience: reader.audience } });
        throw new ExamcycleError(code, reason, { cause, details: { ...details, level, at } });
      }
      const phase = phaseAt(level, at);
      const common = { ...details, level, audience: reader.audience };
      if (decision.allowed) {
        allowed.push(level);
        record({ at, by, event, from: phase, to: phase, outcome: 'accepted', rule: decision.rule, details: common });
      } else {
        firstDenial ??= decision;
        withheld.push({ level, rule: decision.rule, reason: decision.reason, ...(decision.allowedFrom ? { allowedFrom: decision.allowedFrom } : {}) });
        record({
          at,
          by,
          event,
          from: phase,
          to: phase,
          outcome: 'rejected',
          reason: decision.reason,
          code: 'access_denied',
          rule: decision.rule,
          details: { ...common, malpracticeRisk: decision.malpracticeRisk, allowedFrom: decision.allowedFrom ?? null },
        });
      }
    }
    if (allowed.length === 0) {
      const rule = firstDenial?.rule ?? 'examcycle.results.no-level';
      const reason = firstDenial ? `Results not released to ${reader.audience} "${reader.id}": ${firstDenial.reason}` : 'No results level to read';
      if (!firstDenial) record({ at, by, event, from: 'results', to: 'results', outcome: 'rejected', reason, code: 'access_denied', rule, details });
      throw new ExamcycleError('access_denied', reason, {
        rule,
        details: { ...details, at, audience: reader.audience, ...(firstDenial?.allowedFrom ? { allowedFrom: firstDenial.allowedFrom } : {}), malpracticeRisk: firstDenial?.malpracticeRisk ?? false },
      });
    }
    return { at, allowed, withheld };
  }

  /** Roles checked against the directory; an unknown or inactive member of staff is refused. */
  function checkedRoles(event: string, reader: ResultsReader, details: Record<string, string | number | boolean | null>): readonly StaffRole[] {
    const roles = rolesOf(reader);
    if (roles === undefined) {
      deny(event, now(), { id: reader.id }, RULE.unknownStaff, `"${reader.id}" is not an active member of staff in the directory`, { ...details, audience: reader.audience });
    }
    return roles;
  }

  function levelOfResult(r: Result): QualificationLevel {
    return r.level;
  }

  function entryLevel(e: Entry): QualificationLevel | undefined {
    const info = optionInfo.get(`${e.awardingBodyId}\u0000${e.entryCode}`);
    if (info) return info.level;
    for (const r of results.values()) {
      if (r.candidateId === e.candidateId && r.awardingBodyId === e.awardingBodyId && (r.awardCode === e.entryCode || e.componentCodes.includes(r.awardCode))) return r.level;
    }
    return undefined;
  }

  function readable(levels: readonly QualificationLevel[]): Result[] {
    const set = new Set(levels);
    return [...results.values()].filter((r) => r.seriesId === series.id && set.has(levelOfResult(r)));
  }

  function summaryOf(rs: readonly Result[]): ResultsSummary {
    const q = rs.filter((r) => r.kind === 'qualification');
    return {
      qualificationResults: q.length,
      graded: q.filter((r) => r.grade.trim() !== '').length,
      pending: q.filter((r) => r.grade.trim() === '').length,
      candidates: new Set(q.map((r) => r.candidateId)).size,
    };
  }

  function isExamsOffice(by: Actor): boolean {
    if (by.role === 'system') return true;
    if (staffById) {
      const m = staffById.get(by.id);
      return !!m && m.active && m.roles.some((r) => EXAMS_OFFICE.has(r));
    }
    return by.role !== undefined && by.role !== 'candidate' && EXAMS_OFFICE.has(by.role);
  }

  function isHeadOfCentre(by: Actor): boolean {
    if (by.role !== 'head_of_centre') return false;
    if (!staffById) return true;
    const m = staffById.get(by.id);
    return !!m && m.active && m.roles.includes('head_of_centre');
  }

  function notAuthorised(event: string, by: Actor, rule: string, reason: string, details: Record<string, string | number | boolean | null>): never {
    const at = now();
    record({ at, by, event, from: 'results', to: 'results', outcome: 'rejected', reason, code: 'not_authorised', rule, details });
    throw new ExamcycleError('not_authorised', reason, { rule, details });
  }

  return {
    series,
    now,

    addResults(input, by, source = 'results') {
      const event = 'results.received';
      if (!isExamsOffice(by)) notAuthorised(event, by, RULE.examsOfficeWrites, `Only the exams office loads results; "${by.id}" may not`, { count: input.length });
      const issues: RecordIssue[] = [];
      let added = 0;
      let replaced = 0;
      input.forEach((raw, index) => {
        const parsed = resultSchema.safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const column = issue.path.join('.');
            const value = issue.path.reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined), raw);
            issues.push({ file: source, line: index + 1, ...(column ? { column } : {}), ...(value === undefined ? {} : { value: String(value) }), code: 'invalid_value', message: issue.message });
          }
          return;
        }
        const r = parsed.data;
        if (r.seriesId !== series.id) {
          issues.push({ file: source, line: index + 1, column: 'seriesId', value: r.seriesId, code: 'invalid_value', message: `Result ${r.id} is for ${r.seriesId}, not ${series.id}` });
          return;
        }
        if (results.has(r.id)) replaced += 1;
        else added += 1;
        results.set(r.id, r);
      });
      record({ at: now(), by, event, from: 'results', to: 'results', outcome: 'accepted', details: { source, added, replaced, issues: issues.length } });
      return { added, replaced, issues };
    },

    nominate({ staffId, by, reason }) {
      const event = 'results.nominate';
      if (!isHeadOfCentre(by)) {
        notAuthorised(event, by, RULE.nomination, `Only the head of centre nominates staff to see results on restricted release day; "${by.id}" is not the head of centre`, { staffId });
      }
      if (staffById && !staffById.get(staffId)?.active) {
        const at = now();
        const why = `"${staffId}" is not an active member of staff in the directory`;
        record({ at, by, event, from: 'results', to: 'results', outcome: 'rejected', reason: why, code: 'invalid_value', rule: RULE.nomination, details: { staffId } });
        throw new ExamcycleError('invalid_value', why, { rule: RULE.nomination, details: { staffId } });
      }
      const at = now();
      const nomination: Nomination = { staffId, nominatedBy: by, at, ...(reason ? { reason } : {}) };
      nominations.set(staffId, nomination);
      record({ at, by, event, from: 'results', to: 'results', outcome: 'accepted', rule: RULE.nomination, details: { staffId, reason: reason ?? null } });
      return nomination;
    },

    revokeNomination({ staffId, by }) {
      const event = 'results.revokeNomination';
      if (!isHeadOfCentre(by)) notAuthorised(event, by, RULE.nomination, `Only the head of centre withdraws a nomination; "${by.id}" is not the head of centre`, { staffId });
      nominations.delete(staffId);
      record({ at: now(), by, event, from: 'results', to: 'results', outcome: 'accepted', rule: RULE.nomination, details: { staffId } });
    },

    nominations() {
      return [...nominations.values()];
    },

    authoriseThirdParty({ candidateId, thirdPartyId, written, signedAt, reference, by }) {
      const event = 'results.authoriseThirdParty';
      if (!isExamsOffice(by)) notAuthorised(event, by, RULE.examsOfficeWrites, `Only the exams office records a third party's authority; "${by.id}" may not`, { candidateId, thirdPartyId });
      const at = now();
      if (!written || toLondon(signedAt).toMillis() > toLondon(at).toMillis()) {
        const why = !written ? 'A third party needs the candidate\'s written authority' : 'The authority is signed after it is recorded';
        record({ at, by, event, from: 'results', to: 'results', outcome: 'rejected', reason: why, code: 'consent_missing', rule: RULE.thirdPartyAuthority, details: { candidateId, thirdPartyId } });
        throw new ExamcycleError('consent_missing', why, { rule: RULE.thirdPartyAuthority, details: { candidateId, thirdPartyId } });
      }
      const authority: ThirdPartyAuthority = { candidateId, thirdPartyId, signedAt: toLondon(signedAt).toISO()!, ...(reference ? { reference } : {}), recordedBy: by, recordedAt: at };
      authorities.push(authority);
      record({ at, by, event, from: 'results', to: 'results', outcome: 'accepted', rule: RULE.thirdPartyAuthority, details: { candidateId, thirdPartyId } });
      return authority;
    },

    statementOfResults(reader, candidateId, opts = {}) {
      const event = 'results.read.statement';
      const details = { candidateId };
      const roles = checkedRoles(event, reader, details);
      const by = actorOf(reader, roles);
      if (reader.audience === 'candidate' && reader.id !== candidateId) {
        deny(event, now(), by, RULE.ownResultsOnly, `A candidate reads only their own results; "${reader.id}" asked for "${candidateId}"`, { ...details, audience: reader.audience });
      }
      if (reader.audience === 'press' || reader.audience === 'local_authority') {
        deny(event, now(), by, RULE.aggregateOnly, `The ${reader.audience === 'press' ? 'press' : 'local authority'} receives aggregate data only, never a candidate's results`, { ...details, audience: reader.audience });
      }
      if ((reader.audience === 'parent' || reader.audience === 'other_institution') && !authorities.some((a) => a.candidateId === candidateId && a.thirdPartyId === reader.id)) {
        deny(event, now(), by, RULE.thirdPartyAuthority, `"${reader.id}" has no written authority from candidate "${candidateId}" to see their results`, { ...details, audience: reader.audience });
      }
      const own = [...results.values()].filter((r) => r.candidateId === candidateId && r.seriesId === series.id);
      const levels = opts.level ? [opts.level] : own.length ? [...new Set(own.map(levelOfResult))].sort() : allLevels();
      const { at, allowed, withheld } = decide(event, reader, roles, levels, details);
      const set = new Set(allowed);
      const changed = new Map(changes.map((c) => [c.resultId, c]));
      const lines: StatementLine[] = own
        .filter((r) => set.has(levelOfResult(r)))
        .sort((a, b) => a.awardCode.localeCompare(b.awardCode) || a.kind.localeCompare(b.kind))
        .map((r) => {
          const info = optionInfo.get(`${r.awardingBodyId}\u0000${r.awardCode}`);
          const change = changed.get(r.id);
          return {
            resultId: r.id,
            awardCode: r.awardCode,
            title: info?.title ?? r.awardCode,
            level: r.level,
            awardingBodyId: r.awardingBodyId,
            kind: r.kind,
            grade: r.grade,
            ...(r.mark !== undefined ? { mark: r.mark } : {}),
            ...(r.uniformMark !== undefined ? { uniformMark: r.uniformMark } : {}),
            ...(r.endorsement !== undefined ? { endorsement: r.endorsement } : {}),
            ...(change ? { changedByEnquiry: { from: firstFrom(changes, r.id), enquiryId: change.enquiryId } } : {}),
          };
        });
      const c = candidateById.get(candidateId);
      return {
        candidateId,
        ...(c
          ? { candidate: { candidateNumber: c.candidateNumber, centreNumber: c.centreNumber, name: `${c.legalSurname}, ${c.legalForenames}`.replace(/, $/, ''), ...(c.uci ? { uci: c.uci } : {}) } }
          : {}),
        seriesId: series.id,
        provisional: true,
        generatedAt: at,
        lines,
        withheld,
      };
    },

    reconcile(reader, opts = {}) {
      const event = 'results.read.reconcile';
      const roles = checkedRoles(event, reader, {});
      if (reader.audience !== 'centre_staff') {
        deny(event, now(), actorOf(reader, roles), RULE.centreStaffOnly, 'Only centre staff match results to entries', { audience: reader.audience });
      }
      const { at, allowed, withheld } = decide(event, reader, roles, opts.level ? [opts.level] : allLevels(), {});
      const set = new Set(allowed);
      const visibleEntries = entries.filter((e) => {
        const level = entryLevel(e);
        return level === undefined || set.has(level);
      });
      const match = matchResults({ entries: visibleEntries, results: readable(allowed), seriesId: series.id, qualifications: qualifications.filter((q) => set.has(q.level)) });
      return { ...match, seriesId: series.id, generatedAt: at, levels: allowed, withheld };
    },

    resultsAnalysis(reader, opts = {}) {
      const event = 'results.read.analysis';
      const roles = checkedRoles(event, reader, {});
      if (reader.audience !== 'centre_staff' && reader.audience !== 'press' && reader.audience !== 'local_authority') {
        deny(event, now(), actorOf(reader, roles), RULE.noAggregateForIndividuals, `Results analysis is for centre staff, the press and local authorities, not a ${reader.audience}`, { audience: reader.audience });
      }
      const { at, allowed, withheld } = decide(event, reader, roles, opts.level ? [opts.level] : allLevels(), {});
      const rs = readable(allowed);
      return {
        seriesId: series.id,
        generatedAt: at,
        levels: allowed,
        summary: summaryOf(rs),
        subjects: analyseResults(rs, { qualifications, ...(previousYear ? { previousYear } : {}), ...(gradeOrder ? { gradeOrder } : {}) }),
        withheld,
      };
    },

    pressReleaseGate(level) {
      return rulesPack.resultsAccess({ audience: 'press', at: now(), series, level });
    },

    pressRelease({ by, level }) {
      const event = 'results.read.pressRelease';
      const reader: ResultsReader = { audience: 'press', id: by.id };
      const { at, allowed, withheld } = decide(event, reader, [], level ? [level] : allLevels(), { releasedBy: by.id });
      const rs = readable(allowed);
      return {
        seriesId: series.id,
        generatedAt: at,
        levels: allowed,
        summary: summaryOf(rs),
        subjects: analyseResults(rs, { qualifications, ...(gradeOrder ? { gradeOrder } : {}) }).map((s) => ({ subject: s.subject, title: s.title, level: s.level, cohort: s.cohort, distribution: s.distribution })),
        withheld,
      };
    },

    applyEnquiryOutcome(change, by) {
      const event = 'results.gradeChanged';
      const details = { enquiryId: change.enquiryId, candidateId: change.candidateId, awardCode: change.awardCode, from: change.from, to: change.to };
      if (!isExamsOffice(by)) notAuthorised(event, by, RULE.examsOfficeWrites, `Only the exams office records an enquiry's outcome; "${by.id}" may not`, details);
      const at = now();
      const target =
        (change.resultId ? results.get(change.resultId) : undefined) ??
        [...results.values()].find(
          (r) => r.kind === 'qualification' && r.candidateId === change.candidateId && r.awardingBodyId === change.awardingBodyId && r.awardCode === change.awardCode && r.seriesId === change.seriesId,
        );
      const fail = (why: string): never => {
        record({ at, by, event, from: 'results', to: 'results', outcome: 'rejected', reason: why, code: 'invalid_value', details });
        throw new ExamcycleError('invalid_value', why, { details });
      };
      if (change.seriesId !== series.id) fail(`The enquiry is about ${change.seriesId}, not ${series.id}`);
      if (!target) return fail(`No result of ${change.candidateId} for ${change.awardCode} to change`);
      if (changes.some((c) => c.enquiryId === change.enquiryId)) fail(`The outcome of enquiry ${change.enquiryId} was applied already`);
      if (target.grade.trim() !== change.from.trim()) fail(`The result's grade is "${target.grade}", not "${change.from}" as the enquiry says`);
      results.set(target.id, { ...target, grade: change.to, ...(change.mark !== undefined ? { mark: change.mark } : {}) });
      const applied: AppliedGradeChange = { ...change, resultId: target.id, appliedAt: at, appliedBy: by };
      changes.push(applied);
      const phase = phaseAt(target.level, at);
      record({ at, by, event, from: phase, to: phase, outcome: 'accepted', details: { ...details, resultId: target.id, direction: change.direction } });
      return applied;
    },

    audit() {
      return trail;
    },
  };
}

function firstFrom(changes: readonly AppliedGradeChange[], resultId: string): string {
  return changes.find((c) => c.resultId === resultId)!.from;
}
