/**
 * A problem found in an EDI file or met while writing one: core's {@link RecordIssue} (file, 1-based
 * line, field, raw value, code, message) plus the record type and the column where the field starts, so
 * an exams officer can find the exact characters at fault.
 */
import type { RecordIssue } from '@examcycle/core';

/** One problem in one EDI line (or, for a writer, with one candidate or entry). */
export interface EdiIssue extends RecordIssue {
  /** The data type and record type, e.g. `E5`, `R1`, `C5`; absent when column 2 itself was unreadable. */
  readonly recordType?: string;
  /** The layout field at fault, e.g. `candidateNumber`. */
  readonly field?: string;
  /** The 1-based column where the field (or the bad character) starts. */
  readonly position?: number;
  /** `warning`: the value was read leniently (what was read is in the message); absent for an error. */
  readonly severity?: 'warning';
}
