/**
 * The data contract every import adapter implements: which record kinds exist, the domain type each
 * becomes, and the result of an import, which keeps every valid record and reports every invalid row
 * with where it was. Nothing is thrown for bad user data; only an unreadable input (empty, binary, wrong
 * header) is one {@link ExamcycleError}.
 */
import type { AccessArrangement } from '../domain/accessArrangement.js';
import type { Candidate } from '../domain/candidate.js';
import type { Certificate } from '../domain/certificate.js';
import type { Entry } from '../domain/entry.js';
import type { Invigilator } from '../domain/invigilator.js';
import type { TimetabledPaper } from '../domain/paper.js';
import type { Result } from '../domain/result.js';
import type { Room } from '../domain/room.js';
import type { ExamcycleError } from '../errors/ExamcycleError.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';

/**
 * The domain type each importable record kind becomes.
 *
 * @example
 * ```ts
 * type Row = RecordKinds['candidates']; // Candidate
 * ```
 */
export interface RecordKinds {
  candidates: Candidate;
  entries: Entry;
  timetable: TimetabledPaper;
  rooms: Room;
  invigilators: Invigilator;
  access_arrangements: AccessArrangement;
  results: Result;
  certificates: Certificate;
}

/**
 * An importable record kind.
 *
 * @example
 * ```ts
 * const kind: RecordKind = 'access_arrangements';
 * ```
 */
export type RecordKind = keyof RecordKinds;

/**
 * The record kinds, in a stable order.
 *
 * @example
 * ```ts
 * for (const kind of RECORD_KINDS) console.log(kind); // candidates, entries, timetable, …
 * ```
 */
export const RECORD_KINDS: readonly RecordKind[] = [
  'candidates',
  'entries',
  'timetable',
  'rooms',
  'invigilators',
  'access_arrangements',
  'results',
  'certificates',
];

/**
 * The outcome of an import: every valid record, every invalid row as an {@link ExamcycleIssue}, and a fatal
 * error if the input was unreadable. Bad user data is never thrown.
 *
 * @example
 * ```ts
 * declare const result: ImportResult<Candidate>;
 * if (result.fatal) console.error(result.fatal.code, result.fatal.location);
 * for (const issue of result.issues) console.warn(issue.location?.line, issue.location?.field, issue.message);
 * ```
 */
export interface ImportResult<T> {
  /** Every valid record, in input order. */
  readonly records: readonly T[];
  /** Every problem with a row (`error`: the row was not taken; `warning`: taken with a caveat). */
  readonly issues: readonly ExamcycleIssue[];
  /** Data rows read (excluding the header). */
  readonly rowsRead: number;
  /** Set when the input as a whole could not be read (empty, binary, wrong header, truncated quote). */
  readonly fatal?: ExamcycleError;
}
