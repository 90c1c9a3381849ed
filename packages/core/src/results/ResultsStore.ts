/**
 * The results store's contract: who reads ({@link ResultsReader}), what they get back (statements,
 * the matching report, the analysis, the press release), what is recorded (nominations, third-party
 * authorities, applied enquiry outcomes) and the operations of the in-process {@link ResultsStore}.
 * {@link createResultsStore} implements it in memory; {@link createDurableResultsStore} keeps the same state in an
 * {@link ExamcycleStore} and is its asynchronous twin.
 */
import type { Outcome } from '../errors/Outcome.js';
import type { Actor, AuditEntry } from '../audit/auditTrail.js';
import type { Candidate } from '../domain/candidate.js';
import type { Entry } from '../domain/entry.js';
import type { Qualification, QualificationLevel } from '../domain/qualification.js';
import type { Result } from '../domain/result.js';
import type { ExamSeries } from '../domain/series.js';
import type { StaffMember, StaffRole } from '../domain/staff.js';
import type { ExamcycleError } from '../errors/ExamcycleError.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';
import type { ResultsAccessDecision, ResultsAudience, RulesPack } from '../rules/RulesPack.js';
import type { ExamClock, Instant } from '../time/clock.js';
import type { PreviousYearResults, SubjectAnalysis } from './analyseResults.js';
import type { ResultsMatch } from './matchResults.js';

/**
 * Who is reading: an {@link Actor} — their id and the role they act in now, as every machine event's `by`
 * says — and the audience they read as (a member of staff, a candidate by candidate id, a parent, the press, …).
 * A member of staff acts in one {@link StaffRole}: with a staff directory it must be one the directory gives
 * them (a member who names none acts in their only directory role, or, holding several, in none); a
 * candidate's role is `candidate` or omitted; any other reader has no role. Anything else (null, undefined,
 * an object without a known audience and an id, a role that does not fit the audience) is refused as a typed
 * `access_denied` and audited.
 *
 * @example
 * ```ts
 * const reader: ResultsReader = { audience: 'centre_staff', id: 'EO', role: 'exams_officer' };
 * const candidate: ResultsReader = { audience: 'candidate', id: 'C-0001' };
 * ```
 */
export interface ResultsReader extends Actor {
  readonly audience: ResultsAudience;
  /** The staff id, the candidate id, or the name of the parent, press outlet, authority or institution. */
  readonly id: string;
}

/**
 * A head of centre's nomination of a member of teaching staff to read results on restricted release day,
 * where the centre opted in: SecEd (seed 003) allows "those teaching staff who, in the opinion of the head
 * of centre, need to be aware of the information" — so a nomination names why, and the subjects the
 * teacher may see. While the nomination is all that opens results to them, they read statement lines of
 * those subjects only, never another subject's lines nor the whole-centre analysis.
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const made = store.nominate({ staffId: 'T-BIO', by: { id: 'HEAD', role: 'head_of_centre' }, reason: 'Head of biology', subjects: ['AQA-7402'] });
 * const n: Nomination | undefined = made.ok ? made.value : undefined;
 * ```
 */
export interface Nomination {
  readonly staffId: string;
  readonly nominatedBy: Actor;
  readonly at: Instant;
  /** Why the head of centre judged the teacher needs to see results early. */
  readonly reason: string;
  /** The teacher's own subjects: qualification ids (e.g. `AQA-7402`) or option or component codes. */
  readonly subjects: readonly string[];
}

/**
 * What a head of centre sends to nominate a member of teaching staff.
 *
 * @example
 * ```ts
 * const request: NominationRequest = { staffId: 'T-BIO', by: { id: 'HEAD', role: 'head_of_centre' }, reason: 'Head of biology', subjects: ['AQA-7402'] };
 * ```
 */
export interface NominationRequest {
  readonly staffId: string;
  readonly by: Actor;
  /** Why the teacher needs to see results on restricted release day (required). */
  readonly reason: string;
  /** The teacher's own subjects (at least one). */
  readonly subjects: readonly string[];
}

/**
 * A press release drafted on restricted release day: the same aggregates, not for the press before its gate opens.
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const draft = store.draftPressRelease({ by: { id: 'EO', role: 'exams_officer' }, level: 'GCE' });
 * if (draft.ok) draft.value.releasableFrom; // [{ level: 'GCE', at: '2026-08-13T09:30:00.000+01:00' }]
 * ```
 */
export interface PressReleaseDraft extends PressRelease {
  readonly status: 'draft';
  /** Who drafted it. */
  readonly draftedBy: Actor;
  /** From when it may be released to the press and local authorities, by level (09:30 on results day under JCQ). */
  readonly releasableFrom: readonly { readonly level: QualificationLevel; readonly at: Instant | null }[];
}

/**
 * A candidate's written authority for a third party (parent, other institution) to see their results.
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const a = store.authoriseThirdParty({ candidateId: 'C-1', thirdPartyId: 'Mrs Ahmed', written: true, signedAt: '2026-08-10T09:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } });
 * if (a.ok) a.value.thirdPartyId; // 'Mrs Ahmed'
 * ```
 */
export interface ThirdPartyAuthority {
  readonly candidateId: string;
  readonly thirdPartyId: string;
  readonly signedAt: Instant;
  readonly reference?: string;
  readonly recordedBy: Actor;
  readonly recordedAt: Instant;
}

/**
 * A grade changed by an enquiry about results, to apply to the store (see {@link enquiryGradeChange}).
 *
 * @example
 * ```ts
 * const change: EnquiryGradeChange = { enquiryId: 'EAR-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '7402', level: 'GCE', from: 'B', to: 'A', direction: 'up', at: '2026-09-02T11:00:00+01:00' };
 * ```
 */
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

/**
 * A grade change the store applied.
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * declare const change: EnquiryGradeChange;
 * const applied = store.applyEnquiryOutcome(change, { id: 'EO', role: 'exams_officer' });
 * if (applied.ok) applied.value.resultId;
 * ```
 */
export interface AppliedGradeChange extends EnquiryGradeChange {
  readonly resultId: string;
  readonly appliedAt: Instant;
  readonly appliedBy: Actor;
}

/**
 * One line of a statement of results.
 *
 * @example
 * ```ts
 * declare const statement: StatementOfResults;
 * statement.lines.map((l: StatementLine) => `${l.title} ${l.grade}`);
 * ```
 */
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

/**
 * A level whose results a reader may not see yet.
 *
 * @example
 * ```ts
 * declare const statement: StatementOfResults;
 * statement.withheld.map((w: WithheldLevel) => `${w.level} from ${w.allowedFrom ?? 'never'}`);
 * ```
 */
export interface WithheldLevel {
  readonly level: QualificationLevel;
  readonly rule: string;
  readonly reason: string;
  readonly allowedFrom?: Instant;
}

/**
 * A candidate's statement of results (provisional: the certificate is the final record).
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const read = store.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1');
 * const statement: StatementOfResults | undefined = read.ok ? read.value : undefined;
 * ```
 */
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

/**
 * Totals over the readable levels.
 *
 * @example
 * ```ts
 * declare const report: ResultsAnalysisReport;
 * const { graded, pending }: ResultsSummary = report.summary;
 * ```
 */
export interface ResultsSummary {
  readonly qualificationResults: number;
  readonly graded: number;
  readonly pending: number;
  readonly candidates: number;
}

/**
 * The results analysis for the readable levels.
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const read = store.resultsAnalysis({ audience: 'centre_staff', id: 'EO', role: 'exams_officer' }, { level: 'GCE' });
 * if (read.ok) read.value.subjects.map((s) => s.title);
 * ```
 */
export interface ResultsAnalysisReport {
  readonly seriesId: string;
  readonly generatedAt: Instant;
  readonly levels: readonly QualificationLevel[];
  readonly summary: ResultsSummary;
  readonly subjects: readonly SubjectAnalysis[];
  readonly withheld: readonly WithheldLevel[];
}

/**
 * A late cash-in the exams office submitted to the awarding body, as recorded (SecEd, seed 003: exams
 * office staff "submit any late cash-in" on restricted release day; recorded, not only listed).
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const recorded = store.recordLateCashIn({ candidateId: 'C-2', awardingBodyId: 'AQA', entryCode: '8300H', submittedAt: '2026-08-12T07:25:00+01:00', by: { id: 'EO', role: 'exams_officer' } });
 * if (recorded.ok) recorded.value.recordedAt;
 * ```
 */
export interface LateCashInSubmission {
  readonly candidateId: string;
  readonly awardingBodyId: string;
  /** The option (cash-in) code submitted. */
  readonly entryCode: string;
  /** When it was submitted to the awarding body. */
  readonly submittedAt: Instant;
  /** The awarding body's reference, when given. */
  readonly reference?: string;
  readonly recordedBy: Actor;
  readonly recordedAt: Instant;
}

/**
 * The matching report for the readable levels.
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const read = store.reconcile({ audience: 'centre_staff', id: 'EO', role: 'exams_officer' });
 * if (read.ok) read.value.lateCashIns.map((c) => `${c.candidateId} ${c.entryCode}`);
 * ```
 */
export interface ResultsReconciliation extends ResultsMatch {
  readonly seriesId: string;
  readonly generatedAt: Instant;
  readonly levels: readonly QualificationLevel[];
  readonly withheld: readonly WithheldLevel[];
  /** Late cash-ins recorded as submitted (in the readable levels); a listed late cash-in with one here is in hand. */
  readonly lateCashInsSubmitted: readonly LateCashInSubmission[];
}

/**
 * Aggregate data for a press release, only once the press may have it.
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const read = store.pressRelease({ by: { id: 'EO', role: 'exams_officer' }, level: 'GCE' });
 * if (!read.ok) read.error.code; // 'access_denied' before 09:30 on results day
 * ```
 */
export interface PressRelease {
  readonly seriesId: string;
  readonly generatedAt: Instant;
  readonly levels: readonly QualificationLevel[];
  readonly summary: ResultsSummary;
  /** Per subject: cohort and distribution only. */
  readonly subjects: readonly Pick<SubjectAnalysis, 'subject' | 'title' | 'level' | 'cohort' | 'distribution'>[];
  readonly withheld: readonly WithheldLevel[];
}

/**
 * Options for {@link createResultsStore}.
 *
 * @example
 * ```ts
 * declare const clock: { now(): number };
 * const options: ResultsStoreOptions = { rulesPack: jcq, series: examSeries('june', 2026), clock };
 * ```
 */
export interface ResultsStoreOptions {
  /**
   * The rules pack that decides every read (`resultsAccess`), gives the release instants (`keyDates`) and
   * says who may make each write (`authorities`, `delegations`: `results.<write>`; a pack without them grants
   * no write). The store asks `resultsAccess` once per kind of reader and level between two of the series'
   * key-date instants (or a decision's `allowedFrom`) and reuses the answer until the next: a pack's release
   * decisions may change only at those instants.
   */
  readonly rulesPack: Pick<RulesPack, 'resultsAccess' | 'keyDates'> & Partial<Pick<RulesPack, 'authorities' | 'delegations'>>;
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


/**
 * A results store: reads are checked, level by level, and audited with what they returned; writes are audited.
 *
 * The error rule: a read or write about user data or an event returns a {@link Outcome} — the report,
 * or `{ ok: false, error }` with `access_denied` (the rules deny the read), `not_authorised` (the role may not
 * make the write), `invalid_value` (a nomination without a reason, a grade change that matches no result) or
 * `conflict`; a level not yet released to the reader is a withheld line of the report, not a refusal. A
 * programmer error throws an {@link ExamcycleError} (after its audit line, for a read): a reader that is not an
 * object with a known audience, an id and a role that fits the audience; a candidate id or level of the wrong
 * type; a store made without a clock; a rules pack that cannot decide the press-release gate.
 *
 * @example
 * ```ts
 * declare const clock: { now(): number };
 * const store: ResultsStore = createResultsStore({ rulesPack: jcq, series: examSeries('june', 2026), clock });
 * const read = store.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1');
 * if (read.ok) read.value.withheld; // levels not yet released
 * ```
 */
export interface ResultsStore {
  readonly series: ExamSeries;
  /** The store's current instant. */
  now(): Instant;
  /** Adds (or replaces, by id) results from an adapter; invalid ones are reported as issues, a write by the wrong role refused. */
  addResults(results: readonly unknown[], by: Actor, source?: string): Outcome<{ readonly added: number; readonly replaced: number; readonly issues: readonly ExamcycleIssue<'invalid_value'>[] }>;
  /** Records (head of centre only) that a member of staff may read results on restricted release day. */
  nominate(request: NominationRequest): Outcome<Nomination>;
  /** Withdraws a nomination (head of centre only). */
  revokeNomination(request: { readonly staffId: string; readonly by: Actor }): Outcome<void>;
  /** The nominations in force. */
  nominations(): readonly Nomination[];
  /** Records a candidate's written authority for a third party to see their results. */
  authoriseThirdParty(request: { readonly candidateId: string; readonly thirdPartyId: string; readonly written: boolean; readonly signedAt: Instant; readonly reference?: string; readonly by: Actor }): Outcome<ThirdPartyAuthority>;
  /** Records (exams office only) that a late cash-in was submitted to the awarding body; the matching report then shows it. */
  recordLateCashIn(request: { readonly candidateId: string; readonly awardingBodyId: string; readonly entryCode: string; readonly submittedAt: Instant; readonly reference?: string; readonly by: Actor }): Outcome<LateCashInSubmission>;
  /** A candidate's statement of results. */
  statementOfResults(reader: ResultsReader, candidateId: string, options?: { readonly level?: QualificationLevel }): Outcome<StatementOfResults>;
  /** The matching report: missing and incomplete results, late cash-ins (centre staff only). */
  reconcile(reader: ResultsReader, options?: { readonly level?: QualificationLevel }): Outcome<ResultsReconciliation>;
  /** Summaries and analysis per subject (centre staff, press and local authorities). */
  resultsAnalysis(reader: ResultsReader, options?: { readonly level?: QualificationLevel }): Outcome<ResultsAnalysisReport>;
  /** Whether a press release may go out now for a level (the press-release gate); reads no results. */
  pressReleaseGate(level: QualificationLevel): ResultsAccessDecision;
  /** The aggregate data of a press release, only once the gate is open. */
  pressRelease(request: { readonly by: Actor; readonly level?: QualificationLevel }): Outcome<PressRelease>;
  /**
   * Drafts the press release (exams office only) as soon as the exams office may read the results — on
   * restricted release day — marked as a draft with when it may be released (SecEd: "Devising a press
   * release" is a task of the day before results day; release to the press only from 09:30).
   */
  draftPressRelease(request: { readonly by: Actor; readonly level?: QualificationLevel }): Outcome<PressReleaseDraft>;
  /** Applies an enquiry's grade change to the results (and so to the analysis). */
  applyEnquiryOutcome(change: EnquiryGradeChange, by: Actor): Outcome<AppliedGradeChange>;
  /** The audit trail: every read (allowed and denied), nomination and write. */
  audit(): readonly AuditEntry[];
}
