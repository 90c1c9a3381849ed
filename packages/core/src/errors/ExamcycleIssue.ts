/**
 * The one issue type of examcycle. Every reader, writer and check that finds something wrong with user data
 * returns {@link ExamcycleIssue}s (zod's `{ code, path, message }` is the model): a literal code, a severity, a
 * message in words, where it was found ({@link IssueLocation}, the same shape for every input) and which records
 * it concerns ({@link IssueSubject}). Thrown errors ({@link ExamcycleError}) carry the same location shape.
 */
import type { ExamcycleErrorCode } from './ExamcycleError.js';
import type { IssueLocation } from './IssueLocation.js';

export type { IssueLocation } from './IssueLocation.js';

/**
 * How bad an issue is. `error`: the row, record or file was not taken. `warning`: it was taken, and the message
 * says what was read or assumed.
 *
 * @example
 * ```ts
 * const severity: IssueSeverity = 'warning';
 * ```
 */
export type IssueSeverity = 'error' | 'warning';

/**
 * Codes only a feature's checks report (a timetable, an invigilator deployment, a sitting record, applying a clash
 * resolution, an entries file written), beside the general {@link ExamcycleErrorCode}s.
 *
 * @example
 * ```ts
 * const code: FeatureIssueCode = 'component_not_timetabled';
 * ```
 */
export type FeatureIssueCode =
  // the centre timetable
  | 'unknown_candidate'
  | 'no_components'
  | 'component_not_timetabled'
  | 'duplicate_paper'
  | 'duplicate_sitting'
  | 'duplicate_candidate'
  | 'invalid_paper'
  | 'invalid_arrangement'
  // applying a clash resolution
  | 'no_feasible_proposal'
  | 'infeasible_proposal'
  | 'sitting_not_found'
  | 'sitting_elsewhere'
  // invigilator deployment
  | 'lone_invigilator_without_summon_help'
  | 'relative_in_room'
  // the sitting record
  | 'register_not_marked'
  | 'packet_not_checked'
  | 'packet_opened_before_check'
  | 'scripts_not_despatched';

/**
 * Every code an {@link ExamcycleIssue} may carry: the error codes and the feature codes. A literal union, so a
 * `switch` over it is checked for exhaustiveness.
 *
 * @example
 * ```ts
 * function words(code: IssueCode): string {
 *   return code === 'invalid_value' ? 'a value is wrong' : code;
 * }
 * ```
 */
export type IssueCode = ExamcycleErrorCode | FeatureIssueCode;

/**
 * Which records an issue concerns, by their ids.
 *
 * @example
 * ```ts
 * const subject: IssueSubject = { candidateId: 'c-1', paperId: '8300/1H' };
 * ```
 */
export interface IssueSubject {
  readonly candidateId?: string;
  readonly entryId?: string;
  readonly paperId?: string;
  readonly roomId?: string;
  readonly invigilatorId?: string;
  readonly clashId?: string;
  /** Any other record's id (an MIS record, a staff member). */
  readonly recordId?: string;
}

/**
 * A problem found in user data: the one issue shape of every package. Functions narrow `Code` to the codes they
 * can report, e.g. `ExamcycleIssue<'invalid_value' | 'missing_column'>`.
 *
 * @example
 * ```ts
 * const issue: ExamcycleIssue = {
 *   code: 'bad_check_character',
 *   severity: 'error',
 *   message: 'UCI check character is wrong',
 *   location: { file: 'candidates.csv', line: 7, field: 'UCI', value: '99999A12345B' },
 *   subject: { candidateId: 'c-7' },
 * };
 * ```
 */
export interface ExamcycleIssue<Code extends IssueCode = IssueCode> {
  /** The literal reason. */
  readonly code: Code;
  /** Whether the record was refused (`error`) or taken with a caveat (`warning`). */
  readonly severity: IssueSeverity;
  /** What is wrong, in words an exams officer can act on. */
  readonly message: string;
  /** Where in the input. */
  readonly location?: IssueLocation;
  /** Which records. */
  readonly subject?: IssueSubject;
}
