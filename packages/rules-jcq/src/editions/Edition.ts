/**
 * The shape of an edition: the JCQ regulations of one academic year (1 September to 31 August) as data.
 * Every value is {@link Sourced}: its document, section and year, and its confidence (primary,
 * primary-earlier-year, secondary, pattern or reading).
 * The evaluation (`src/engine/`) reads editions; it never holds a regulation value itself.
 */
import type {
  AcademicYear,
  AccessArrangementKind,
  CalendarDate,
  KeyDateKind,
  QualificationLevel,
  SeriesMonth,
  Sourced,
} from '@examcycle/core';

/**
 * A date with its source.

 *
 * @example
 * ```ts
 * const entries: SourcedDate = edition2025_26.series.find((s) => s.month === 'june')!.entryDeadline;
 * entries.value; // '2026-02-21'
 * entries.confidence; // 'pattern'
 * ```
 */
export type SourcedDate = Sourced<CalendarDate>;

/**
 * A centre-assessed (NEA) mark deadline of one awarding body, for some or all of its qualifications.

 *
 * @example
 * ```ts
 * const june = edition2025_26.series.find((s) => s.month === 'june' && s.year === 2026)!;
 * const ocr: NeaMarksDeadline | undefined = june.neaMarksDeadlines.find((d) => d.awardingBodyId === 'OCR' && d.scope === undefined);
 * ocr?.date.value; // '2026-05-15'
 * ```
 */
export interface NeaMarksDeadline {
  readonly awardingBodyId: string;
  /** A slug for the qualifications it covers (`art-and-design`), absent for "all other qualifications". */
  readonly scope?: string;
  /** What it covers, in words. */
  readonly covers: string;
  readonly date: SourcedDate;
}

/**
 * A contingency day of a series.

 *
 * @example
 * ```ts
 * const june = edition2025_26.series.find((s) => s.month === 'june' && s.year === 2026)!;
 * const last: ContingencyDay | undefined = june.contingencyDays.at(-1);
 * last?.date.value; // '2026-06-24'
 * last?.session; // 'all_day'
 * ```
 */
export interface ContingencyDay {
  readonly date: SourcedDate;
  /** `PM` for an afternoon-only session, `all_day`, or absent when the source does not say. */
  readonly session?: 'PM' | 'all_day';
}

/**
 * A results day and the qualification levels whose results are issued on it.

 *
 * @example
 * ```ts
 * const june = edition2025_26.series.find((s) => s.month === 'june' && s.year === 2026)!;
 * const gcse: ResultsDay | undefined = june.resultsDays.find((r) => r.key === 'GCSE');
 * gcse?.date.value; // '2026-08-20'
 * gcse?.jcqRelease; // true
 * ```
 */
export interface ResultsDay {
  /** `GCE`, `GCSE`, or `all` when the series has one results day. */
  readonly key: 'GCE' | 'GCSE' | 'all';
  readonly title: string;
  readonly levels: readonly QualificationLevel[] | 'all';
  readonly date: SourcedDate;
  /**
   * Whether JCQ's publication-of-results arrangements (restricted release the day before, candidates
   * from 08:00, press from 09:30) apply to this results day.
   */
  readonly jcqRelease: boolean;
}

/**
 * A key date the pack does not know for a series, with why. Reported, never guessed.

 *
 * @example
 * ```ts
 * const june = edition2025_26.series.find((s) => s.month === 'june' && s.year === 2026)!;
 * const unknown: readonly UnknownKeyDate[] = june.unknown;
 * unknown.map((u) => u.kind); // ['basedata_published', …]
 * ```
 */
export interface UnknownKeyDate {
  readonly kind: KeyDateKind;
  readonly why: string;
}

/**
 * The dated values of one series.

 *
 * @example
 * ```ts
 * const june: SeriesEdition = edition2025_26.series.find((s) => s.month === 'june')!;
 * june.veryLateDeadline.value; // '2026-04-21'
 * june.resultsDays.map((r) => r.date.value); // ['2026-08-13', '2026-08-20']
 * ```
 */
export interface SeriesEdition {
  readonly month: SeriesMonth;
  readonly year: number;
  readonly basedataPublished?: SourcedDate;
  readonly entryDeadline: SourcedDate;
  /** The very-late entry / amendment-fee / no-refund deadline; the late-fee period ends here. */
  readonly veryLateDeadline: SourcedDate;
  readonly accessArrangementsDeadline?: SourcedDate;
  /** Whose access arrangements deadline it is, when only one awarding body gives it (e.g. `Pearson`). */
  readonly accessArrangementsDeadlineAwardingBodyId?: string;
  readonly modifiedPapersDeadline?: SourcedDate;
  readonly neaMarksDeadlines: readonly NeaMarksDeadline[];
  readonly contingencyDays: readonly ContingencyDay[];
  readonly resultsDays: readonly ResultsDay[];
  readonly postResultsPriorityDeadline?: SourcedDate;
  readonly postResultsFinalDeadline?: SourcedDate;
  readonly certificatesExpected?: SourcedDate;
  readonly unknown: readonly UnknownKeyDate[];
}

/**
 * Annual, centre-level obligations of the academic year.

 *
 * @example
 * ```ts
 * const annual: AnnualObligations = edition2025_26.annual;
 * annual.ncnRegisterUpdate.value; // '2025-10-31'
 * ```
 */
export interface AnnualObligations {
  readonly ncnRegisterUpdate: SourcedDate;
  readonly headOfCentreDeclaration: SourcedDate;
}

/**
 * The results-release rules.

 *
 * @example
 * ```ts
 * const results: ResultsReleaseRules = edition2025_26.rules.results;
 * results.restrictedRelease.value; // { daysBeforeResultsDay: 1, time: '00:01' }
 * results.pressAndLocalAuthorities.confidence; // 'secondary': SecEd only
 * ```
 */
export interface ResultsReleaseRules {
  /** Restricted release: days before results day, and the London time. */
  readonly restrictedRelease: Sourced<{ readonly daysBeforeResultsDay: number; readonly time: string }>;
  /** Who reads on restricted release day: the head of centre and exams office staff. */
  readonly restrictedReleaseReaders: Sourced<readonly ('head_of_centre' | 'exams_officer' | 'exams_office_staff')[]>;
  /** Whether other staff nominated by the head of centre may read on restricted release day by default (no: JCQ, AQA). */
  readonly nominatedStaffOnRestrictedRelease: Sourced<boolean>;
  /** The (secondary) source a centre relies on when it opts in to nominated staff reading on restricted release day. */
  readonly centreNominationOptIn: Sourced<true>;
  /** When un-nominated staff may see results, data and reports: results day at this time. */
  readonly staffOnResultsDay: Sourced<string>;
  /** Candidates (and, with their authority, parents): results day at this time. */
  readonly candidates: Sourced<string>;
  /** The press and local authorities: results day at this time. */
  readonly pressAndLocalAuthorities: Sourced<string>;
  /** Other educational institutions: results day at this time. */
  readonly otherInstitutions: Sourced<string>;
}

/**
 * Rules that define the series-level key dates derived from others.

 *
 * @example
 * ```ts
 * const derived: DerivedDateRules = edition2025_26.rules.derived;
 * derived.specialConsiderationDays.value; // 7
 * ```
 */
export interface DerivedDateRules {
  /** Conflicts of interest are declared by the series entry deadline. */
  readonly conflictsOfInterestByEntryDeadline: Sourced<true>;
  /** Special consideration: applications within this many calendar days of the last exam in the subject. */
  readonly specialConsiderationDays: Sourced<number>;
  /** Special consideration, for a reminder counted from the affected paper: this many working days (the pack's reading). */
  readonly specialConsiderationWorkingDaysFromPaper: Sourced<number>;
  /** Very late arrivals: reported within this many working days of the exam. */
  readonly veryLateArrivalReportWorkingDays: Sourced<number>;
  /** Entries after the entry deadline pay a late fee; after the very-late deadline, the very-late fee. */
  readonly feeBands: Sourced<true>;
}

/**
 * The exam-room and timetable rules, as the edition holds them (the pack's `examRoomRules(year)` answers from them).

 *
 * @example
 * ```ts
 * const room: ExamRoomRulesEdition = edition2025_26.rules.examRoom;
 * room.invigilationWritten.value; // 30 candidates per invigilator
 * room.seatSpacingMetres.value; // 1.25
 * ```
 */
export interface ExamRoomRulesEdition {
  readonly consecutiveSessionMaxMinutes: Sourced<number>;
  readonly overnightThresholdMinutes: Sourced<Partial<Record<QualificationLevel, number>>>;
  readonly overnightMinimumExams: Sourced<number>;
  readonly invigilationWritten: Sourced<number>;
  readonly invigilationPractical: Sourced<number>;
  readonly invigilationOnScreen: Sourced<number>;
  readonly seatSpacingMetres: Sourced<number>;
  readonly veryLateAfterStartMinutes: Sourced<number>;
  readonly veryLateLongExamMinutes: Sourced<number>;
  readonly overnightSupervisionConditions: Sourced<readonly string[]>;
  /** What a centre does when a day's papers cannot fit the session limit but do not exceed the overnight threshold. */
  readonly sitAllOnTheDay: Sourced<readonly string[]>;
  readonly separateRoomArrangements: Sourced<readonly AccessArrangementKind[]>;
}

/**
 * Retention minimums the regulations (or their sources) set.

 *
 * @example
 * ```ts
 * const retention: RetentionRules = edition2025_26.rules.retention;
 * retention.unclaimedCertificateMonths.value; // 12
 * ```
 */
export interface RetentionRules {
  /** Unclaimed certificates: months from issue before they may be destroyed. */
  readonly unclaimedCertificateMonths: Sourced<number>;
  /** The record of a destroyed certificate: months from destruction. */
  readonly destructionRecordMonths: Sourced<number>;
  /** Candidate consent for access to scripts: months from consent. */
  readonly atsConsentMonths: Sourced<number>;
  /** An access arrangements approval: months from approval. */
  readonly accessArrangementsApprovalMonths: Sourced<number>;
  /** NEA work: kept until the post-results final deadline of its series, or an enquiry or appeal ends. */
  readonly neaWorkUntilPostResultsDeadline: Sourced<true>;
  /** Proof of script despatch: kept until results are published. */
  readonly scriptDespatchProofUntilResults: Sourced<true>;
  /** Kinds for which no JCQ period was sourced: the centre's policy decides. */
  readonly centrePolicyKinds: Sourced<readonly string[]>;
}

/**
 * The EOPS rules.

 *
 * @example
 * ```ts
 * const eops: EopsEdition = edition2025_26.eops;
 * eops.experiencedOfficerCadence.value; // 'half_termly'
 * ```
 */
export interface EopsEdition {
  readonly newOfficerCadence: Sourced<{ readonly early: 'weekly' | 'fortnightly'; readonly examTime: 'weekly'; readonly earlyWeeks: number }>;
  readonly experiencedOfficerCadence: Sourced<'monthly' | 'half_termly'>;
  readonly registrationBy: SourcedDate;
}

/**
 * Every rule of an edition that is not a series date.

 *
 * @example
 * ```ts
 * const rules: EditionRules = edition2025_26.rules;
 * rules.derived.veryLateArrivalReportWorkingDays.value; // 7
 * ```
 */
export interface EditionRules {
  readonly results: ResultsReleaseRules;
  readonly derived: DerivedDateRules;
  readonly examRoom: ExamRoomRulesEdition;
  readonly retention: RetentionRules;
}

/**
 * The JCQ regulations of one academic year, as data.

 *
 * @example
 * ```ts
 * const edition: Edition = editionFor(JCQ_EDITIONS, '2025/26');
 * edition.series.map((s) => `${s.month} ${s.year}`); // ['november 2025', 'january 2026', 'march 2026', 'june 2026']
 * ```
 */
export interface Edition {
  readonly academicYear: AcademicYear;
  readonly series: readonly SeriesEdition[];
  readonly annual: AnnualObligations;
  readonly rules: EditionRules;
  readonly eops: EopsEdition;
}
