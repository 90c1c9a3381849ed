/**
 * The CSV adapter: core's data contract (import every record kind into an {@link ImportResult}, never
 * throwing on bad data) plus the exports, configured once (file synonyms a centre's MIS uses, defaults
 * such as the centre number, the formula-guard policy, a byte-order mark for Excel) and used everywhere.
 */
import { RECORD_KINDS, type ExamcycleIssue, type ImportResult, type RecordKind, type RecordKinds } from '@examcycle/core';
import { csvColumnSet } from './columns/columnSets.js';
import type { CsvColumnSet } from './columns/CsvColumnSet.js';
import type { CsvImportBatch, CsvImportOptions, CsvSource } from './CsvImportOptions.js';
import { exportCsv, type CsvExportOptions } from './exportCsv.js';
import { importCsv } from './importCsv.js';
import { importCsvStream } from './importCsvStream.js';
import { IMPORT_DEFAULTS } from './internal/ImportSession.js';
import { CSV_REPORT_KINDS, type CsvExportKind, type CsvExportRows, type CsvReportKind } from './reports/reportKinds.js';

/**
 * Options for {@link createCsvAdapter}: the import and export options, as defaults for every call.
 *
 * @example
 * ```ts
 * const options: CsvAdapterOptions = { defaults: { CentreNumber: '68199' }, bom: true };
 * ```
 */
export interface CsvAdapterOptions extends CsvImportOptions, CsvExportOptions {}

/**
 * Reads and writes examcycle's records and reports as CSV.
 *
 * @example
 * ```ts
 * const csv = createCsvAdapter({ defaults: { CentreNumber: '68199' }, bom: true });
 * const { records, issues } = await csv.import('candidates', createReadStream('candidates.csv'));
 * ```
 */
export interface CsvAdapter {
  readonly format: 'csv';
  /** The record kinds it imports and exports. */
  readonly recordKinds: readonly RecordKind[];
  /** The reports it exports. */
  readonly reportKinds: readonly CsvReportKind[];
  /** Imports a whole file held in memory; see {@link importCsv}. */
  importText<K extends RecordKind>(kind: K, input: string | Uint8Array, options?: CsvImportOptions): ImportResult<RecordKinds[K]>;
  /** Imports a stream in batches; see {@link importCsvStream}. */
  importStream<K extends RecordKind>(kind: K, source: CsvSource, options?: CsvImportOptions): AsyncIterable<CsvImportBatch<RecordKinds[K]>>;
  /** Imports text, bytes or a stream into one result (a stream is read in bounded steps, the result is whole). */
  import<K extends RecordKind>(kind: K, source: string | Uint8Array | CsvSource, options?: CsvImportOptions): Promise<ImportResult<RecordKinds[K]>>;
  /** Writes records or a report; see {@link exportCsv}. */
  export<K extends CsvExportKind>(kind: K, rows: Iterable<CsvExportRows[K]>, options?: CsvExportOptions): string;
  /** The column set of a record kind: canonical headers, synonyms, which are required. */
  columns<K extends RecordKind>(kind: K): CsvColumnSet<K>;
}

function merge<O extends CsvAdapterOptions>(base: CsvAdapterOptions, call: O | undefined): O {
  if (call === undefined) return base as O;
  return {
    ...base,
    ...call,
    synonyms: { ...base.synonyms, ...call.synonyms },
    defaults: { ...base.defaults, ...call.defaults },
  };
}

/**
 * Creates a CSV adapter. Options given here are defaults for every call; a call's own options win
 * (synonyms and defaults are merged).
 *
 * @param options - import options (`file`, `synonyms`, `defaults`, `excelSerialDates` = true, `batchSize` = 1000,
 *   `maxRowChars` = 1,000,000) and export options (`bom` = false, `header` = true, `formulaGuard` = 'all', `broadsheetMarks` = false)
 * @example
 * ```ts
 * declare const seats: SeatingPlanRow[];
 * const csv = createCsvAdapter({ synonyms: { CandidateNumber: ['Cand. No'] } });
 * const result = csv.importText('entries', readFileSync('entries.csv', 'utf8'), { file: 'entries.csv' });
 * const plan = csv.export('seating_plan', seats, { bom: true });
 * ```
 */
export function createCsvAdapter(options: CsvAdapterOptions = {}): CsvAdapter {
  const { excelSerialDates = IMPORT_DEFAULTS.excelSerialDates } = options;
  return {
    format: 'csv',
    recordKinds: RECORD_KINDS,
    reportKinds: CSV_REPORT_KINDS,
    importText: (kind, input, call) => importCsv(kind, input, merge(options, call)),
    importStream: (kind, source, call) => importCsvStream(kind, source, merge(options, call)),
    async import(kind, source, call) {
      const settings = merge(options, call);
      if (typeof source === 'string' || source instanceof Uint8Array) return importCsv(kind, source, settings);
      const records: RecordKinds[typeof kind][] = [];
      const issues: ExamcycleIssue[] = [];
      let rowsRead = 0;
      for await (const batch of importCsvStream(kind, source, settings)) {
        records.push(...batch.records);
        issues.push(...batch.issues);
        rowsRead += batch.rowsRead;
        if (batch.fatal !== undefined) return { records, issues, rowsRead, fatal: batch.fatal };
      }
      return { records, issues, rowsRead };
    },
    export: (kind, rows, call) => exportCsv(kind, rows, merge(options, call)),
    columns: (kind) => csvColumnSet(kind, excelSerialDates),
  };
}
