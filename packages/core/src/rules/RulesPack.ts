/**
 * The `RulesPack` contract: everything examcycle needs to know about a regulator's rules, supplied by a
 * pluggable pack (`@examcycle/rules-jcq` for JCQ centres). Core depends on this interface only, never on a
 * pack. Every answer is data with its source, so an exams officer can see why.
 */
import type { AccessArrangementKind } from '../domain/accessArrangement.js';
import type { Entry } from '../domain/entry.js';
import type { ExamSeries } from '../domain/series.js';
import type { QualificationLevel } from '../domain/qualification.js';
import type { StaffRole } from '../domain/staff.js';
import type { AcademicYear, CalendarDate, Instant } from '../time/clock.js';
import type { CycleTaskInput } from '../machines/cycleTasks.js';
import type { EnquiryService, EnquiryServiceRule } from '../results/enquiryServiceRule.js';
import type { Authority, Delegation } from './authority.js';
import type { Confidence, SourceRef, Sourced } from './sources.js';

/**
 * The kinds of key date a series has.
 *
 * @example
 * ```ts
 * const kind: KeyDateKind = 'results_day';
 * jcq.keyDates(examSeries('june', 2026)).find((d) => d.kind === kind)?.at;
 * ```
 */
export type KeyDateKind =
  | 'basedata_published'
  | 'entry_deadline'
  | 'late_fee_period_ends'
  | 'very_late_deadline'
  | 'conflicts_of_interest_declaration'
  | 'access_arrangements_deadline'
  | 'modified_papers_deadline'
  | 'nea_marks_deadline'
  | 'contingency_day'
  | 'restricted_release'
  | 'results_day'
  | 'release_to_candidates'
  | 'release_to_press'
  | 'post_results_priority_deadline'
  | 'post_results_final_deadline'
  | 'certificates_expected'
  | 'special_consideration_window'
  | 'very_late_arrival_report_window'
  | 'ncn_register_update'
  | 'head_of_centre_declaration'
  | 'internal_deadline';

/**
 * How an instant was derived from a date: `end_of_day` is 23:59:59.999 Europe/London on that date
 * ("by the end of the day"); `at_time` is a stated wall-clock time; `start_of_day` is 00:00.
 *
 * @example
 * ```ts
 * const due: DueRule = 'end_of_day';
 * jcq.keyDates(examSeries('june', 2026)).filter((d) => d.dueRule === due).length;
 * ```
 */
export type DueRule = 'end_of_day' | 'at_time' | 'start_of_day';

/**
 * A key date of a series: an instant in Europe/London with its rule, source and confidence.
 *
 * @example
 * ```ts
 * const dates: readonly KeyDate[] = jcq.keyDates(examSeries('june', 2026));
 * dates.find((d) => d.kind === 'entry_deadline' && d.awardingBodyId === 'AQA')?.date; // '2026-02-21'
 * ```
 */
export interface KeyDate {
  /** Stable id, e.g. `june-2026/entry_deadline` or `june-2026/nea_marks_deadline/OCR`. */
  readonly id: string;
  readonly kind: KeyDateKind;
  readonly title: string;
  readonly seriesId: string;
  /** The instant (ISO with offset). */
  readonly at: Instant;
  /** The London calendar date of `at`. */
  readonly date: CalendarDate;
  readonly dueRule: DueRule;
  /** For dates that differ by awarding body. */
  readonly awardingBodyId?: string;
  /** For dates that differ by level (results days). */
  readonly level?: QualificationLevel;
  /** For windows (a report within seven working days): when the window starts. */
  readonly from?: Instant;
  readonly source: SourceRef;
  /** What kind of source the date rests on (see {@link Confidence}); below `primary`, every rendering shows it. */
  readonly confidence: Confidence;
  readonly note?: string;
}

/**
 * The fee band of an entry.
 *
 * @example
 * ```ts
 * const band: FeeBand = jcq.feeBand({ id: 'e-1', submittedAt: '2026-02-25T10:00:00Z', awardingBodyId: 'AQA', entryCode: '8300H' }, examSeries('june', 2026)).band;
 * if (band !== 'standard') console.log(`Entry 8300H attracts a ${band} fee`);
 * ```
 */
export type FeeBand = 'standard' | 'late' | 'very_late';

/**
 * A fee-band decision.
 *
 * @example
 * ```ts
 * const decision: FeeBandDecision = jcq.feeBand({ id: 'e-1', submittedAt: '2026-02-25T10:00:00Z', awardingBodyId: 'AQA', entryCode: '8300H' }, examSeries('june', 2026));
 * `${decision.band}: ${decision.reason}`;
 * ```
 */
export interface FeeBandDecision {
  readonly band: FeeBand;
  /** A price in pence, only when the centre's overlay supplies one; never invented. */
  readonly pricePence?: number;
  readonly reason: string;
  readonly deadline: KeyDate;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * Who is asking to see results.
 *
 * @example
 * ```ts
 * const audience: ResultsAudience = 'press';
 * jcq.resultsAccess({ audience, at: '2026-08-13T07:00:00+01:00', series: examSeries('june', 2026), level: 'GCE' }).allowedFrom;
 * ```
 */
export type ResultsAudience = 'centre_staff' | 'candidate' | 'parent' | 'press' | 'local_authority' | 'other_institution';

/**
 * A request to read results.
 *
 * @example
 * ```ts
 * const request: ResultsAccessRequest = { audience: 'centre_staff', role: 'exams_officer', at: '2026-08-12T09:00:00+01:00', series: examSeries('june', 2026), level: 'GCE' };
 * jcq.resultsAccess(request).allowed;
 * ```
 */
export interface ResultsAccessRequest {
  readonly audience: ResultsAudience;
  /** The role the member of staff acts in (as `Actor.role` says), when the audience is centre staff. */
  readonly role?: StaffRole;
  /** Whether the head of centre nominated this member of staff for restricted release. */
  readonly nominatedByHeadOfCentre?: boolean;
  /** When the read happens. */
  readonly at: Instant;
  readonly series: ExamSeries;
  /** The results' level (GCE and GCSE have different results days). */
  readonly level: QualificationLevel;
}

/**
 * A results-access decision.
 *
 * @example
 * ```ts
 * const decision: ResultsAccessDecision = jcq.resultsAccess({ audience: 'centre_staff', role: 'teacher', at: '2026-08-12T09:00:00+01:00', series: examSeries('june', 2026), level: 'GCE' });
 * decision.allowed ? 'may see results' : decision.reason;
 * ```
 */
export interface ResultsAccessDecision {
  readonly allowed: boolean;
  /** The rule that decided, e.g. `jcq.results.restricted-release`. */
  readonly rule: string;
  readonly reason: string;
  /** When this audience may first read (absent when never, e.g. unnominated staff before results day). */
  readonly allowedFrom?: Instant;
  /** A denied early read is a malpractice risk. */
  readonly malpracticeRisk: boolean;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * The kinds of record examcycle knows the retention of.
 *
 * @example
 * ```ts
 * const kind: RetainedRecordKind = 'script_despatch_proof';
 * jcq.retention({ id: 'despatch-1', kind, seriesId: 'june-2026', createdAt: '2026-06-08T13:00:00+01:00' }).mayDestroyFrom;
 * ```
 */
export type RetainedRecordKind =
  | 'unclaimed_certificate'
  | 'certificate_destruction_record'
  | 'ats_consent'
  | 'enquiry_consent'
  | 'nea_work'
  | 'script_despatch_proof'
  | 'access_arrangements_evidence'
  | 'access_arrangements_approval'
  | 'seating_plan'
  | 'attendance_register'
  | 'incident_log'
  | 'special_consideration'
  | 'very_late_arrival_report'
  | 'malpractice_report'
  | 'conflict_of_interest'
  | 'invigilator_training'
  | 'eops_certificate'
  | 'other';

/**
 * A record whose retention examcycle decides. Dates that matter for its kind must be given.
 *
 * @example
 * ```ts
 * const record: RetainedRecord = { id: 'despatch-2026-06-08-am', kind: 'script_despatch_proof', seriesId: 'june-2026', createdAt: '2026-06-08T13:00:00+01:00' };
 * jcq.retention(record).mayDestroyFrom; // '2026-08-20T08:00:00.000+01:00'
 * ```
 */
export interface RetainedRecord {
  readonly id: string;
  readonly kind: RetainedRecordKind;
  /** What the record is about (candidate id, sitting id, …), for the purge list. */
  readonly subject?: string;
  readonly seriesId?: string;
  /** When the record was made. */
  readonly createdAt: Instant;
  /** For certificates: when it was issued (or first offered); the 12 months run from here. */
  readonly issuedAt?: Instant;
  /** For destruction records: when the certificate was destroyed; the 4 years run from here. */
  readonly destroyedAt?: Instant;
  /** An enquiry, review or appeal still open on this record keeps it. */
  readonly openEnquiry?: boolean;
  /** For access arrangement approvals: the approval date. */
  readonly approvedAt?: Instant;
}

/**
 * A retention decision for one record.
 *
 * @example
 * ```ts
 * const decision: RetentionDecision = jcq.retention({ id: 'despatch-1', kind: 'script_despatch_proof', seriesId: 'june-2026', createdAt: '2026-06-08T13:00:00+01:00' });
 * `${decision.recordId}: keep until ${decision.keepUntil ?? 'further notice'} (${decision.reason})`;
 * ```
 */
export interface RetentionDecision {
  readonly recordId: string;
  readonly kind: RetainedRecordKind;
  /** Keep at least until this instant (null: keep until an event, e.g. an open enquiry ends). */
  readonly keepUntil: Instant | null;
  /** May be destroyed from this instant (null: not yet known). */
  readonly mayDestroyFrom: Instant | null;
  /** Must be purged (destroyed) by this instant, under centre policy or data protection; null if no upper limit. */
  readonly mustPurgeBy: Instant | null;
  readonly reason: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}


/**
 * The timetable and exam-room rules a centre plans by.
 *
 * @example
 * ```ts
 * const rules: ExamRoomRules = jcq.examRoomRules('2025/26');
 * rules.invigilationRatio.value.written; // candidates per invigilator in a written exam
 * ```
 */
export interface ExamRoomRules {
  /** Clash: papers in one session may be sat consecutively up to this total (minutes, extra time and rest breaks included). */
  readonly consecutiveSessionMaxMinutes: Sourced<number>;
  /** Overnight supervision becomes possible when a day's total exceeds this (minutes), per level. */
  readonly overnightThresholdMinutes: Sourced<Partial<Record<QualificationLevel, number>>>;
  /** Candidates per invigilator. */
  readonly invigilationRatio: Sourced<{ readonly written: number; readonly practical: number; readonly on_screen: number }>;
  /** Minimum distance between candidates, centre to centre, metres. */
  readonly seatSpacingMetres: Sourced<number>;
  /** Very late: arrived more than this many minutes after the published start (exams longer than `veryLateLongExamMinutes`). */
  readonly veryLateAfterStartMinutes: Sourced<number>;
  /** Exams longer than this (minutes) use the after-start rule; shorter ones are very late after the published finish. */
  readonly veryLateLongExamMinutes: Sourced<number>;
  /** Supervision conditions for overnight supervision, as the regulation lists them. */
  readonly overnightSupervisionConditions: Sourced<readonly string[]>;
  /**
   * What a centre does when a candidate's papers on one day fit neither session's consecutive limit (however
   * they are split between the sessions) nor the overnight supervision threshold: sit every paper that day,
   * as these steps say. Without it, `resolveClashes` says no resolution fits.
   */
  readonly sitAllOnTheDay?: Sourced<readonly string[]>;
  /** Access arrangements that need a room apart from the main hall. */
  readonly separateRoomArrangements: Sourced<readonly AccessArrangementKind[]>;
  /** Working days after the exam within which a very late arrival is reported. */
  readonly veryLateArrivalReportWorkingDays: Sourced<number>;
  /** Working days after the affected exam within which a special consideration application is made. */
  readonly specialConsiderationWorkingDays: Sourced<number>;
}

/**
 * Meeting cadence rules for the Exams Officer Professional Standards.
 *
 * @example
 * ```ts
 * const rules: EopsRules = jcq.eopsRules('2025/26');
 * rules.registrationBy.value; // the date officers must be registered by, with its source
 * ```
 */
export interface EopsRules {
  readonly academicYear: AcademicYear;
  /** New exams officer: cadence outside exam time, and during exam time. */
  readonly newOfficerCadence: Sourced<{ readonly early: 'weekly' | 'fortnightly'; readonly examTime: 'weekly'; readonly earlyWeeks: number }>;
  /** Experienced exams officer. */
  readonly experiencedOfficerCadence: Sourced<'monthly' | 'half_termly'>;
  /** When registration should happen. */
  readonly registrationBy: Sourced<CalendarDate>;
}

/**
 * Severity of a finding.
 *
 * @example
 * ```ts
 * const severity: Severity = 'warning';
 * jcq.check([{ subject: { kind: 'entry', id: 'e-0001-8300H' }, entry: { seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', status: 'submitted', submittedAt: '2026-03-01T10:00:00Z' } }]).filter((f) => f.severity === severity);
 * ```
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A rule check's finding: data, never a thrown string.
 *
 * @example
 * ```ts
 * const findings: readonly Finding[] = jcq.check([{ subject: { kind: 'entry', id: 'e-0001-8300H' }, entry: { seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', status: 'submitted', submittedAt: '2026-03-01T10:00:00Z' } }]);
 * findings.filter((f) => f.severity === 'error').map((f) => `${f.subject.id}: ${f.message}`);
 * ```
 */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly message: string;
  readonly source: SourceRef;
  /** Which conditions held, in words. */
  readonly explanation: readonly string[];
}

/**
 * Facts a check runs over: one subject (an entry, a sitting, a read) and what is known about it.
 *
 * @example
 * ```ts
 * const facts: CheckFacts[] = [{ subject: { kind: 'entry', id: 'e-0001-8300H' }, entry: { seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', status: 'submitted', submittedAt: '2026-03-01T10:00:00Z' } }];
 * jcq.check(facts).map((f) => f.message);
 * ```
 */
export type CheckFacts = Readonly<Record<string, unknown>> & { readonly subject: { readonly kind: string; readonly id: string } };

/**
 * A rules pack. Implementations must be pure and deterministic: the same inputs give the same answers,
 * whatever the host's time zone.
 *
 * @example
 * ```ts
 * const pack: RulesPack = jcq;
 * pack.keyDates(examSeries('june', 2026)).length;
 * pack.examRoomRules('2025/26').seatSpacingMetres.value; // 1.25
 * ```
 */
export interface RulesPack {
  /** e.g. `jcq`. */
  readonly id: string;
  readonly name: string;
  /** The academic years this pack has editions for, e.g. `['2024/25', '2025/26', '2026/27']`. */
  readonly academicYears: readonly AcademicYear[];
  /** The key dates of a series, in time order. Throws `unknown_series` for a series without an edition. */
  keyDates(series: ExamSeries): readonly KeyDate[];
  /** The fee band of an entry from when it was submitted. */
  feeBand(entry: Pick<Entry, 'id' | 'submittedAt' | 'awardingBodyId' | 'entryCode'>, series: ExamSeries): FeeBandDecision;
  /** Whether a read of results is allowed now, and why. */
  resultsAccess(request: ResultsAccessRequest): ResultsAccessDecision;
  /**
   * How long a record must be kept: keep until, may destroy from, must purge by, and why. Core's
   * `planRetention` sorts these into a plan as of an instant; a pack does not plan. A record missing the date
   * its period runs from is user data, not a programmer error: it is kept (`mayDestroyFrom: null`) and the
   * reason names the missing date.
   */
  retention(record: RetainedRecord): RetentionDecision;
  /** The exam-room rules in force for an academic year. */
  examRoomRules(academicYear: AcademicYear): ExamRoomRules;
  /** The EOPS rules for an academic year. */
  eopsRules(academicYear: AcademicYear): EopsRules;
  /** Runs the pack's checks over facts and returns every finding. */
  check(facts: readonly CheckFacts[]): readonly Finding[];
  /** Adds `days` working days (England & Wales) to a date. Negative goes back. */
  addWorkingDays(date: CalendarDate, days: number): CalendarDate;
  /**
   * Who may do what in an academic year: one row per action (`cycle.task.<id>`, `enquiry.<event>`, …) with
   * the roles the regulation names, its source and confidence. An action the table does not list is refused.
   */
  authorities(academicYear: AcademicYear): readonly Authority[];
  /** The centre's delegations (from its overlay): more roles or named staff per action. Empty for a plain pack. */
  delegations(): readonly Delegation[];
  /** The exams officer's task catalogue for a series: each task with its phase, due date and source. */
  cycleTasks(series: ExamSeries): readonly CycleTaskInput[];
  /** The post-results services (enquiries about results, access to scripts) in an academic year, with their rules. */
  postResultsServices(academicYear: AcademicYear): Readonly<Record<EnquiryService, EnquiryServiceRule>>;
}
