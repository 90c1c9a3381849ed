/**
 * The shape of an export that is not a record kind (a seating plan, a register, a broadsheet): its
 * columns, each a header and a function from an input row to a cell. A report's columns may depend on
 * its rows (a results broadsheet has one column per award).
 */
import type { CellValue } from '../internal/csvLine.js';

/**
 * One column of a report.
 *
 * @example
 * ```ts
 * const seat: ReportColumn<SeatingPlanRow> = { header: 'SeatCode', value: (r) => r.seat };
 * ```
 */
export interface ReportColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => CellValue;
}

/** Options a report may read. */
export interface ReportSettings {
  /** Add mark and UMS columns after each award's grade in a results broadsheet. */
  readonly broadsheetMarks: boolean;
}

/**
 * A report export.
 *
 * @example
 * ```ts
 * const report: CsvReport<{ readonly room: string }> = { columns: () => [{ header: 'Room', value: (r) => r.room }], lines: (rows) => rows };
 * ```
 */
export interface CsvReport<Row, Line = Row> {
  /** The columns, given every row. */
  readonly columns: (rows: readonly Row[], settings: ReportSettings) => readonly ReportColumn<Line>[];
  /** The lines written, given every row (one per row, unless the report regroups them). */
  readonly lines: (rows: readonly Row[]) => readonly Line[];
}

/**
 * A cell for a list of strings: items joined by `; `.
 *
 * @param items - the items, or nothing
 * @example
 * ```ts
 * listCell(['Reader', '25% extra time']); // 'Reader; 25% extra time'
 * ```
 */
export function listCell(items: readonly string[] | undefined): string | undefined {
  return items === undefined || items.length === 0 ? undefined : items.join('; ');
}
