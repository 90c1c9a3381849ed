/**
 * Where in an input a problem was found: one location shape for every input and for both an
 * {@link ExamcycleIssue}'s `location` and a thrown {@link ExamcycleError}'s. Its own module so the error and the
 * issue types can both use it without importing each other.
 */
/**
 * Where in an input something was found. One shape for every input: a CSV file, a fixed-width EDI file, an XML
 * CTF, a JSON API response, a zod-checked value.
 *
 * @example
 * ```ts
 * const csv: IssueLocation = { file: 'candidates.csv', line: 7, field: 'UCI', value: '12345' };
 * const edi: IssueLocation = { file: 'R99999.X1A', line: 3, column: 25, field: 'grade', recordType: 'R5' };
 * const api: IssueLocation = { file: 'wonde:students', path: ['data', 3, 'upn'] };
 * ```
 */
export interface IssueLocation {
  /** The file or source, e.g. `candidates.csv`, `R99999.X1A`, `wonde:students`, `arbor:/rest-v2/candidates/12`. */
  readonly file?: string;
  /** The 1-based line (CSV, EDI, XML) where the row or record starts. */
  readonly line?: number;
  /** The 1-based character column where the value starts (fixed-width files, XML), never a header name. */
  readonly column?: number;
  /** The field at fault, by name: a CSV header, an EDI layout field (`candidateNumber`), an XML element. */
  readonly field?: string;
  /** The EDI record type (`E5`, `R1`) or the kind of record. */
  readonly recordType?: string;
  /** Where in a structured value (zod style), e.g. `['students', 3, 'upn']`. */
  readonly path?: readonly (string | number)[];
  /** The raw value found there (quoted at most 40 characters, then `…`). */
  readonly value?: string;
}
