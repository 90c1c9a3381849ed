/**
 * The exams officer's tasks per phase of the exam cycle, as data the exam-cycle machine tracks. The
 * catalogue follows the exams officer job descriptions (examcycle's seed documents) and the JCQ key
 * dates: each task belongs to a phase, may block leaving it, and may fall due on a key date.
 */
import type { KeyDateKind } from '../rules/RulesPack.js';
import type { Actor } from '../audit/auditTrail.js';
import type { Instant } from '../time/clock.js';

/** The phases of an exam series, in order. */
export const CYCLE_PHASES = ['planning', 'entries', 'preExams', 'examTime', 'results', 'postResults', 'certificates', 'closed'] as const;
/** A phase of the exam cycle. */
export type CyclePhase = (typeof CYCLE_PHASES)[number];

/** Where a task stands. */
export type TaskStatus = 'open' | 'done' | 'not_applicable';

/** A task to add to a cycle (the catalogue's, or one raised later, e.g. a very late arrival report). */
export interface CycleTaskInput {
  /** Stable id, unique within the cycle, e.g. `entries.submitted` or `examTime.vla-report.0042.8300-1`. */
  readonly id: string;
  readonly phase: Exclude<CyclePhase, 'closed'>;
  readonly title: string;
  /** A blocking task must be done (or not applicable) before the cycle leaves its phase. */
  readonly blocking?: boolean;
  /**
   * The key date the task falls due on (resolved from the rules pack). Where the series has several of that kind
   * (per level or awarding body: GCE and GCSE results days), the earliest counts, so the first deadline is never missed.
   */
  readonly dueKeyDate?: KeyDateKind;
  /** An explicit due instant (wins over `dueKeyDate`). */
  readonly dueAt?: Instant;
  /** Where the task comes from (job description, regulation). */
  readonly source?: string;
  /**
   * When the task falls due in words, where no key date of the pack gives it (e.g. "before the end of the
   * summer term": the pack has no term dates, so the centre sets the date), or how a key-date due date was
   * derived. Never a JCQ date the pack does not have.
   */
  readonly dueRule?: string;
}

/** A task as the machine tracks it. */
export interface CycleTask {
  readonly id: string;
  readonly phase: Exclude<CyclePhase, 'closed'>;
  readonly title: string;
  readonly blocking: boolean;
  readonly status: TaskStatus;
  /** The resolved due instant, if any. */
  readonly dueAt?: Instant;
  readonly dueKeyDate?: KeyDateKind;
  readonly source?: string;
  /** Who closed it and when (done or not applicable). */
  readonly closedBy?: Actor;
  readonly closedAt?: Instant;
  /** Why it is not applicable, or a note on completion. */
  readonly note?: string;
}

const JD = 'Exams officer job descriptions (examcycle seed documents)';
/** SecEd, Jugjit Chima, the exams officer's results duties (examcycle seed 003). */
const SECED = 'SecEd: exams officers and the results season (examcycle seed 003)';
const END_OF_TERM = 'Before the end of the summer term (SecEd: "Before the end of term"); the pack has no term dates, so the centre sets the date';
const BEFORE_COLLECTION = 'By release to candidates (08:00 on results day): done on restricted release day, the day before, so it is ready when candidates collect';

/**
 * The results-day logistics of SecEd's results-season article (examcycle seed 003, issue 18) as cycle
 * tasks: candidates told how results are collected and how to make enquiries, the venue and collection
 * arrangements, collection by others with written authority, the staff who support candidates, senior
 * staff available immediately after publication, post-results information, late cash-ins submitted and
 * recorded, the press release drafted, summaries and analysis prepared. Each names the seed as its source
 * and falls due on an existing key date of the pack (`restricted_release`, `release_to_candidates`,
 * `release_to_press`) or, where the pack has no date ("before the end of term"), says so in `dueRule` and
 * has no due date: examcycle never invents a JCQ date. They are not blocking, so a centre that tracks them
 * elsewhere is not held up. They are part of {@link STANDARD_CYCLE_TASKS} (in the results phase); this list is
 * exported so a host can tell them apart.
 *
 * @example
 * ```ts
 * RESULTS_DAY_TASKS.every((t) => STANDARD_CYCLE_TASKS.some((s) => s.id === t.id)); // true
 * ```
 */
export const RESULTS_DAY_TASKS: readonly CycleTaskInput[] = [
  { id: 'results.candidates-told-collection-and-enquiries', phase: 'results', title: 'Candidates told how results are collected and how to make enquiries (requests only through the centre; written consent for re-marking and scripts)', blocking: false, source: SECED, dueRule: END_OF_TERM },
  { id: 'results.venue-collection-arrangements', phase: 'results', title: 'Results venue, collection times, absent candidates and collection by parents or carers confirmed, and all candidates (private candidates too) informed', blocking: false, source: SECED, dueRule: END_OF_TERM },
  { id: 'results.collection-by-others-authorised', phase: 'results', title: 'Written authority recorded for every candidate whose results another person collects', blocking: false, dueKeyDate: 'release_to_candidates', source: SECED, dueRule: 'By release to candidates (08:00 on results day), when collection starts' },
  { id: 'results.support-staff-identified', phase: 'results', title: 'Staff who support candidates on results day identified with their roles, and told that academic and pastoral support is theirs', blocking: false, dueKeyDate: 'restricted_release', source: SECED, dueRule: 'By restricted release (00:01 the day before results day)' },
  { id: 'results.senior-staff-available', phase: 'results', title: 'Senior staff accessible to candidates immediately after the publication of results', blocking: false, dueKeyDate: 'release_to_candidates', source: `${SECED}, quoting JCQ`, dueRule: 'From release to candidates (08:00 on results day)' },
  { id: 'results.post-results-information-prepared', phase: 'results', title: 'Post-results services information prepared for candidates, and a process to receive their requests', blocking: false, dueKeyDate: 'release_to_candidates', source: SECED, dueRule: BEFORE_COLLECTION },
  { id: 'results.late-cash-ins-submitted', phase: 'results', title: 'Late cash-ins submitted to the awarding bodies and recorded', blocking: false, dueKeyDate: 'release_to_candidates', source: SECED, dueRule: BEFORE_COLLECTION },
  { id: 'results.press-release-drafted', phase: 'results', title: 'Press release drafted (released to the press and local authorities only from 09:30 on results day)', blocking: false, dueKeyDate: 'release_to_press', source: SECED, dueRule: 'Drafted on restricted release day; due by release to the press (09:30 on results day), never released before it' },
  { id: 'results.summaries-analysis-prepared', phase: 'results', title: 'Result summaries, information for subject heads and results analysis prepared', blocking: false, dueKeyDate: 'release_to_candidates', source: SECED, dueRule: BEFORE_COLLECTION },
];

/**
 * The standard task catalogue for one series: the exams officer's tasks per phase.
 *
 * @example
 * ```ts
 * STANDARD_CYCLE_TASKS.filter((t) => t.phase === 'entries').map((t) => t.title);
 * ```
 */
export const STANDARD_CYCLE_TASKS: readonly CycleTaskInput[] = [
  // planning
  { id: 'planning.annual-plan', phase: 'planning', title: 'Annual exam plan and internal deadlines published', blocking: true, source: JD },
  { id: 'planning.ncn-register', phase: 'planning', title: 'NCN register update confirmed', blocking: true, dueKeyDate: 'ncn_register_update', source: 'JCQ National Centre Number Register' },
  { id: 'planning.policies-reviewed', phase: 'planning', title: 'Exam policies reviewed', blocking: true, source: JD },
  { id: 'planning.conflicts-of-interest', phase: 'planning', title: 'Conflicts of interest declared and mitigated', blocking: true, dueKeyDate: 'conflicts_of_interest_declaration', source: 'JCQ General Regulations 5.3(i)' },
  { id: 'planning.access-arrangements', phase: 'planning', title: 'Access arrangements applied for', blocking: true, dueKeyDate: 'access_arrangements_deadline', source: 'JCQ Access Arrangements and Reasonable Adjustments' },
  { id: 'planning.modified-papers', phase: 'planning', title: 'Modified papers ordered', blocking: false, dueKeyDate: 'modified_papers_deadline', source: 'JCQ Access Arrangements and Reasonable Adjustments' },
  { id: 'planning.secure-storage', phase: 'planning', title: 'Secure storage checked', blocking: true, source: 'JCQ Instructions for conducting examinations' },
  { id: 'planning.course-approvals', phase: 'planning', title: 'Course approvals in place', blocking: false, source: JD },
  // entries
  { id: 'entries.identities-verified', phase: 'entries', title: 'Candidate identities verified', blocking: true, source: JD },
  { id: 'entries.gathered', phase: 'entries', title: 'Entries gathered from departments', blocking: true, source: JD },
  { id: 'entries.checked', phase: 'entries', title: 'Entries checked', blocking: true, source: JD },
  { id: 'entries.submitted', phase: 'entries', title: 'Entries submitted', blocking: true, dueKeyDate: 'entry_deadline', source: JD },
  { id: 'entries.amendments', phase: 'entries', title: 'Amendments and withdrawals made', blocking: false, dueKeyDate: 'very_late_deadline', source: JD },
  { id: 'entries.fees-reconciled', phase: 'entries', title: 'Entry fees reconciled', blocking: false, source: JD },
  // preExams
  { id: 'preExams.timetable-clashes', phase: 'preExams', title: 'Centre timetable built and clashes resolved', blocking: true, source: 'JCQ Instructions for conducting examinations' },
  { id: 'preExams.rooming-seating', phase: 'preExams', title: 'Rooms and seating planned', blocking: true, source: JD },
  { id: 'preExams.invigilators', phase: 'preExams', title: 'Invigilators recruited, trained and deployed', blocking: true, source: 'JCQ Instructions for conducting examinations' },
  { id: 'preExams.candidates-notified', phase: 'preExams', title: 'Candidates notified of entries and regulations', blocking: true, source: JD },
  { id: 'preExams.alternative-site', phase: 'preExams', title: 'Alternative-site notices submitted', blocking: false, source: JD },
  { id: 'preExams.centre-assessed-marks', phase: 'preExams', title: 'Centre-assessed marks submitted', blocking: true, dueKeyDate: 'nea_marks_deadline', source: 'Awarding body NEA deadlines' },
  // examTime
  { id: 'examTime.sessions-conducted', phase: 'examTime', title: 'Every exam session conducted', blocking: true, source: JD },
  { id: 'examTime.incidents', phase: 'examTime', title: 'Incidents logged and followed up', blocking: true, source: JD },
  { id: 'examTime.very-late-arrivals', phase: 'examTime', title: 'Very late arrivals reported', blocking: true, source: 'JCQ guidance notes concerning very late arrivals' },
  { id: 'examTime.special-consideration', phase: 'examTime', title: 'Special consideration applications submitted', blocking: true, source: 'JCQ A guide to the special consideration process' },
  { id: 'examTime.malpractice', phase: 'examTime', title: 'Malpractice reported', blocking: true, source: 'JCQ Suspected Malpractice: Policies and Procedures' },
  { id: 'examTime.scripts-dispatched', phase: 'examTime', title: 'Scripts dispatched', blocking: true, source: 'JCQ Instructions for conducting examinations' },
  // results
  { id: 'results.restricted-release-prepared', phase: 'results', title: 'Restricted release prepared (access, MIS embargo)', blocking: true, dueKeyDate: 'restricted_release', source: 'JCQ Publication of results' },
  { id: 'results.downloaded-checked', phase: 'results', title: 'Results downloaded and checked', blocking: true, source: JD },
  { id: 'results.missing-late-cash-ins', phase: 'results', title: 'Missing results and late cash-ins resolved', blocking: true, source: JD },
  { id: 'results.statements-issued', phase: 'results', title: 'Statements of results issued', blocking: true, dueKeyDate: 'release_to_candidates', source: JD },
  ...RESULTS_DAY_TASKS,
  // postResults
  { id: 'postResults.enquiries', phase: 'postResults', title: 'Enquiries about results and access to scripts handled to deadline', blocking: true, dueKeyDate: 'post_results_final_deadline', source: 'JCQ Post-results services' },
  // certificates
  { id: 'certificates.received', phase: 'certificates', title: 'Certificates received', blocking: true, dueKeyDate: 'certificates_expected', source: JD },
  { id: 'certificates.checked', phase: 'certificates', title: 'Certificates checked', blocking: true, source: JD },
  { id: 'certificates.issued', phase: 'certificates', title: 'Certificates issued', blocking: true, source: JD },
  { id: 'certificates.unclaimed-retained', phase: 'certificates', title: 'Unclaimed certificates retained', blocking: true, source: 'JCQ Notice to centres: unclaimed certificates' },
];

