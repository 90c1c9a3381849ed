/**
 * CSV export: the eight record kinds (so a file examcycle writes imports back to the same records) and
 * the reports exams officers print and share (seating plans, candidate timetables, statements of entry,
 * attendance registers, results broadsheets, the enquiries-about-results log, the certificate log, the
 * EOPS tracker). Output is RFC 4180 with CRLF line ends, optionally behind a UTF-8 byte-order mark so
 * Excel shows Siân and Llŷr rightly, and every text cell passes the formula guard (OWASP CSV injection).
 */
import { ExamcycleError, RECORD_KINDS, isExamcycleError, type RecordKind } from '@examcycle/core';
import { csvColumnSet } from './columns/columnSets.js';
import { controlCharacterAt, controlCharacterName } from './columns/controlCharacters.js';
import { csvLine, type CellValue, type FormulaGuardMode } from './internal/csvLine.js';
import type { ReportColumn } from './reports/CsvReport.js';
import { reportOf, type CsvExportKind, type CsvExportRows, type CsvReportKind } from './reports/reportKinds.js';

/**
 * How to write a CSV file.
 *
 * @example
 * ```ts
 * const options: CsvExportOptions = { bom: true, formulaGuard: 'except_numbers' };
 * ```
 */
export interface CsvExportOptions {
  /**
   * Start with a UTF-8 byte-order mark, so Excel opens the file as UTF-8 (without one it shows `Siân` as `SiÃ¢n`).
   * @default false
   */
  readonly bom?: boolean;
  /**
   * Write the header row (leave it off to append batches to one file).
   * @default true
   */
  readonly header?: boolean;
  /**
   * Which cells the formula guard covers: `'all'`, or `'except_numbers'` to leave real numbers (a mark of
   * -5 given as the number -5) unguarded. Text is always guarded, even text that looks like a number.
   * @default 'all'
   */
  readonly formulaGuard?: FormulaGuardMode;
  /**
   * Results broadsheet only: add a mark and a UMS column after each award's grade.
   * @default false
   */
  readonly broadsheetMarks?: boolean;
}

const RECORD_KIND_SET = new Set<string>(RECORD_KINDS);

function recordColumns(kind: RecordKind): ReportColumn<Record<string, unknown>>[] {
  return csvColumnSet(kind)
    .columns.filter((c) => c.field !== undefined)
    .map((c) => ({
      header: c.header,
      value: (record) => {
        const v = record[c.field!];
        if (v === undefined) return undefined;
        try {
          const cell = c.codec.encode(v);
          const at = typeof cell === 'string' ? controlCharacterAt(cell) : -1;
          if (at >= 0) {
            throw new ExamcycleError(
              'unrepresentable_value',
              `the value holds the control character ${controlCharacterName(cell as string, at)}, which an import refuses`,
              { location: { value: (cell as string).slice(0, 40) } },
            );
          }
          return cell;
        } catch (error) {
          if (!isExamcycleError(error)) throw error;
          throw new ExamcycleError(error.code, `${c.header}: ${error.message}`, {
            location: { ...error.location, field: c.header },
            cause: error,
          });
        }
      },
    }));
}

/**
 * Writes records or a report as CSV text.
 *
 * @param kind - a record kind (`candidates`, `entries`, …) or a report (`seating_plan`, `candidate_timetable`, `statement_of_entry`, `attendance_register`, `results_broadsheet`, `enquiries_log`, `certificate_log`, `eops_tracker`)
 * @param rows - the records or report rows
 * @param options - byte-order mark, header row, formula-guard policy; see {@link CsvExportOptions}
 * @throws ExamcycleError `unrepresentable_value` when a value cannot be written so that it reads back the
 *   same (a list item holding `;`, a non-finite number, two results in one broadsheet cell)
 * @example
 * ```ts
 * declare const candidates: Candidate[];
 * writeFileSync('candidates.csv', exportCsv('candidates', candidates, { bom: true }));
 * ```
 */
export function exportCsv<K extends CsvExportKind>(kind: K, rows: Iterable<CsvExportRows[K]>, options: CsvExportOptions = {}): string {
  const { bom = false, header = true, formulaGuard = 'all', broadsheetMarks = false } = options;
  const all = [...rows];
  let lines: readonly unknown[];
  let columns: readonly ReportColumn<never>[];
  if (RECORD_KIND_SET.has(kind)) {
    lines = all;
    columns = recordColumns(kind as RecordKind);
  } else {
    const report = reportOf(kind as CsvReportKind);
    lines = report.lines(all);
    columns = report.columns(all, { broadsheetMarks });
  }
  const parts: string[] = [];
  if (bom) parts.push('\uFEFF');
  if (header) parts.push(csvLine(columns.map((c) => c.header), formulaGuard));
  const cells: CellValue[] = new Array(columns.length);
  for (const line of lines) {
    for (let i = 0; i < columns.length; i += 1) cells[i] = (columns[i]!.value as (l: unknown) => CellValue)(line);
    parts.push(csvLine(cells, formulaGuard));
  }
  return parts.join('');
}
