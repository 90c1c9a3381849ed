/**
 * The options of a CSV import, and the batch a streamed import yields. Every option has a default, so
 * `importCsv('candidates', text)` reads a file written the way examcycle writes one.
 */
import type { ExamcycleError, ExamcycleIssue, ExamcycleObserver } from '@examcycle/core';

/**
 * How to read a CSV file.
 *
 * @example
 * ```ts
 * const options: CsvImportOptions = { file: 'year11.csv', synonyms: { CandidateNumber: ['Cand. No'] }, defaults: { CentreNumber: '68199' } };
 * ```
 */
export interface CsvImportOptions {
  /**
   * The file's name, repeated in every issue and error.
   * @default undefined
   */
  readonly file?: string;
  /**
   * More header names for a column, keyed by the column's canonical header; they win over built-in ones.
   * @default {}
   * @example `{ CandidateNumber: ['Cand. No'] }`
   */
  readonly synonyms?: Readonly<Record<string, readonly string[]>>;
  /**
   * Cell text for a column the file lacks or leaves empty, keyed by canonical header; a default also
   * satisfies a required column.
   * @default {}
   * @example `{ CentreNumber: '68199' }`
   */
  readonly defaults?: Readonly<Record<string, string>>;
  /**
   * Whether a whole number in a date column is an Excel serial date (1900 date system).
   * @default true
   */
  readonly excelSerialDates?: boolean;
  /**
   * Rows per batch a streamed import yields.
   * @default 1000
   */
  readonly batchSize?: number;
  /**
   * The longest row, in characters. A longer one is almost always a quote never closed, and is fatal
   * rather than read into memory.
   * @default 1_000_000
   */
  readonly maxRowChars?: number;
  /**
   * Hears of the import when it ends (`onImport`: rows, records, issues by code, duration by the observer's
   * clock). A callback that throws is ignored.
   * @default undefined
   */
  readonly observer?: ExamcycleObserver;
}

/**
 * The codes of a CSV import's row issues: a cell that cannot be read or a record that is not valid
 * (`invalid_value`, `bad_check_character` for an identifier's wrong check character), a row of the wrong width
 * or a quote that cannot be read apart from its neighbours (`malformed_row`), a quote never closed on its line
 * (`truncated_quote`).
 *
 * @example
 * ```ts
 * const counts: Partial<Record<CsvImportIssueCode, number>> = { invalid_value: 3 };
 * ```
 */
export type CsvImportIssueCode = 'invalid_value' | 'bad_check_character' | 'malformed_row' | 'truncated_quote';

/**
 * One batch of a streamed import: the records and issues of the rows read since the last batch.
 *
 * @example
 * ```ts
 * let entries = 0;
 * for await (const batch of importCsvStream('entries', createReadStream('entries.csv'))) entries += batch.records.length;
 * ```
 */
export interface CsvImportBatch<T> {
  readonly records: readonly T[];
  /** One issue per problem: `location` gives the file, the row's first line, the header (`field`), the 1-based cell position (`column`) and the raw value. */
  readonly issues: readonly ExamcycleIssue<CsvImportIssueCode>[];
  /** Data rows this batch accounts for (blank rows are not data rows). */
  readonly rowsRead: number;
  /**
   * Set on the last batch when the input as a whole cannot be read (empty, binary, wrong header,
   * missing column, a quote never closed). The file is then rejected: treat batches already received
   * as incomplete.
   */
  readonly fatal?: ExamcycleError;
}

/**
 * A streamed CSV source: a Node `Readable`, a web stream's async iterator, or any iterable of chunks.
 *
 * @example
 * ```ts
 * const source: CsvSource = createReadStream('entries.csv');
 * ```
 */
export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
