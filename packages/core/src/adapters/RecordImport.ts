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
import type { ExamcycleError, ExamcycleErrorCode } from '../errors/ExamcycleError.js';

/** The domain type each importable record kind becomes. */
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

/** An importable record kind. */
export type RecordKind = keyof RecordKinds;

/** The record kinds, in a stable order. */
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

/** One problem with one input row: where it is, what was there, and why it is wrong. */
export interface RecordIssue {
  /** The file or source name, when known. */
  readonly file?: string;
  /** 1-based physical line where the row starts. */
  readonly line: number;
  /** The column header (or field name) at fault, when one is. */
  readonly column?: string;
  /** The raw value found. */
  readonly value?: string;
  readonly code: ExamcycleErrorCode;
  readonly message: string;
}

/** The outcome of an import: every valid record, every invalid row, and a fatal error if the input was unreadable. */
export interface ImportResult<T> {
  readonly records: readonly T[];
  readonly issues: readonly RecordIssue[];
  /** Data rows read (excluding the header). */
  readonly rowsRead: number;
  /** Set when the input as a whole could not be read (empty, binary, wrong header, truncated quote). */
  readonly fatal?: ExamcycleError;
}
