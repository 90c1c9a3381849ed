/**
 * Excel workbooks of reports: any report as a sheet of typed cells (numbers as numbers, dates as dates,
 * instants as London date-times, the rest text), the header row frozen and filtered, and each column as
 * wide as its content. It takes the generic `{ columns, rows }` every CSV report has: columns as
 * `{ header, value(row) }` (the shape of adapter-csv's report columns) or plain headers over array or
 * object rows. No cell is ever a formula: cells are written as values, and text that a spreadsheet would
 * read as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return) also gets the text number
 * format, so even retyping it keeps it text. The same input gives the same bytes (the workbook's dates
 * are the caller's, and the zip entries carry a fixed time).
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { londonTime, toLondon, type CalendarDate, type Instant } from '@examcycle/core';
import { FIXED_CREATED_AT } from '../pdf/PdfWriter.js';

/**
 * A cell's value as a report gives it.
 *
 * @example
 * ```ts
 * const cells: XlsxCellValue[] = ['Ada Lovelace', 12, true, '2026-06-01', null];
 * ```
 */
export type XlsxCellValue = string | number | boolean | Date | null | undefined;

/**
 * How a column's cells are written: `auto` (default) reads the value: numbers and booleans as they are,
 * `YYYY-MM-DD` as a date, an ISO instant as a London date-time, any other string as text.
 *
 * @example
 * ```ts
 * const type: XlsxCellType = 'text'; // a candidate number stays '0001', never the number 1
 * ```
 */
export type XlsxCellType = 'auto' | 'text' | 'number' | 'date' | 'datetime';

/**
 * A column: a header and how to read a row's cell.
 *
 * @example
 * ```ts
 * interface Line { readonly candidateNumber: string; readonly seat: string; readonly date: string }
 * const column: XlsxColumn<Line> = { header: 'Date', value: (l) => l.date, type: 'date', width: 12 };
 * ```
 */
export interface XlsxColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => XlsxCellValue;
  /**
   * How the cells are written.
   * @default 'auto'
   */
  readonly type?: XlsxCellType;
  /** Width in characters (worked out from the content when absent). */
  readonly width?: number;
}

/**
 * One sheet: the report's name, columns and rows.
 *
 * @example
 * ```ts
 * const sheet: XlsxSheet<readonly string[]> = { name: 'Seating plan', columns: ['Seat', 'Candidate number'], rows: [['A1', '0001'], ['A3', '0002']] };
 * const bytes = await reportXlsx(sheet);
 * ```
 */
export interface XlsxSheet<Row> {
  /** The sheet's name (cut to Excel's 31 characters, without `\ / ? * [ ] :`). */
  readonly name: string;
  /** Columns with accessors, or plain headers (cells read by position from array rows, by header from object rows). */
  readonly columns: readonly (XlsxColumn<Row> | string)[];
  readonly rows: readonly Row[];
}

/**
 * Options for {@link reportXlsx}.
 *
 * @example
 * ```ts
 * const options: ReportXlsxOptions = { createdAt: '2026-06-01T08:00:00Z', creator: 'Synthetic Community College exams office' };
 * const bytes = await reportXlsx({ name: 'Rooms', columns: ['Room'], rows: [['Hall']] }, options);
 * ```
 */
export interface ReportXlsxOptions {
  /**
   * The workbook's created and modified date, an ISO instant (no clock is read).
   * @default '2000-01-01T00:00:00Z'
   */
  readonly createdAt?: string;
  /**
   * The workbook's author.
   * @default 'examcycle'
   */
  readonly creator?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_FORMAT = 'dd/mm/yyyy';
const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';
/**
 * The time every zip entry carries, so the bytes do not depend on when the workbook was written. Zip
 * stores local (DOS) time fields, which fflate reads from the host's zone: midnight local time gives
 * the same fields, and the same bytes, in every zone.
 */
const zipTime = (): Date => new Date(2000, 0, 1);

/** A calendar date as Excel keeps it: midnight of that day, with no zone. */
function excelDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** An instant as Excel keeps it: the London wall-clock time, with no zone. */
function excelDateTime(instant: string): Date {
  const t = toLondon(instant as Instant);
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
}

function isValidDate(date: string): boolean {
  try {
    londonTime(date as CalendarDate, '12:00');
    return true;
  } catch {
    return false;
  }
}

interface Written {
  readonly value: string | number | boolean | Date | null;
  readonly numFmt?: string;
  readonly text: string;
}

/** The value written for a cell, and its format. */
function cell(value: XlsxCellValue, type: XlsxCellType): Written {
  if (value === undefined || value === null || value === '') return { value: null, text: '' };
  if (type === 'number' || (type === 'auto' && typeof value === 'number')) {
    const n = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(n) && typeof value !== 'boolean' && !(value instanceof Date)) return { value: n, text: String(n) };
  }
  if (type === 'auto' && typeof value === 'boolean') return { value, text: String(value) };
  if (value instanceof Date) return { value, numFmt: type === 'date' ? DATE_FORMAT : DATETIME_FORMAT, text: '0000-00-00 00:00' };
  if (typeof value === 'string') {
    if ((type === 'date' || type === 'auto') && ISO_DATE.test(value) && isValidDate(value)) return { value: excelDate(value), numFmt: DATE_FORMAT, text: '00/00/0000' };
    if ((type === 'datetime' || type === 'auto') && ISO_INSTANT.test(value)) {
      try {
        return { value: excelDateTime(value), numFmt: DATETIME_FORMAT, text: '00/00/0000 00:00' };
      } catch {
        // not an instant after all: written as text below
      }
    }
  }
  const text = String(value);
  return FORMULA_START.test(text) ? { value: text, numFmt: '@', text } : { value: text, text };
}

/** A sheet name Excel accepts, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[\\/?*[\]:]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/**
 * Writes reports as an Excel workbook, one sheet per report.
 *
 * @param sheets - a report, or several: each a name, columns and rows
 * @param options - the workbook's date and author
 * @returns the `.xlsx` file's bytes (the same input gives the same bytes)
 * @example
 * ```ts
 * declare const rows: SeatingPlanRow[];
 * const bytes = await reportXlsx({
 *   name: 'Seating plan',
 *   columns: [
 *     { header: 'Date', value: (r: SeatingPlanRow) => r.date },               // a date cell
 *     { header: 'CandidateNumber', value: (r: SeatingPlanRow) => r.candidateNumber, type: 'text' },
 *     { header: 'DurationMins', value: (r: SeatingPlanRow) => r.durationMinutes }, // a number cell
 *   ],
 *   rows,
 * });
 * writeFileSync('seating-plan.xlsx', bytes);
 * ```
 */
// `any`: each sheet has its own row type.
export async function reportXlsx(sheets: XlsxSheet<any> | readonly XlsxSheet<any>[], options: ReportXlsxOptions = {}): Promise<Uint8Array> {
  const { createdAt = FIXED_CREATED_AT, creator = 'examcycle' } = options;
  const created = new Date(createdAt);
  if (Number.isNaN(created.getTime())) throw new RangeError(`createdAt is not an ISO instant: ${createdAt}`);
  const list = Array.isArray(sheets) ? (sheets as readonly XlsxSheet<unknown>[]) : [sheets as XlsxSheet<unknown>];
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = created;
  wb.modified = created;
  const taken = new Set<string>();
  for (const sheet of list) {
    const columns: XlsxColumn<unknown>[] = sheet.columns.map((c, i) =>
      typeof c === 'string'
        ? { header: c, value: (row: unknown) => (Array.isArray(row) ? (row[i] as XlsxCellValue) : ((row as Record<string, XlsxCellValue> | null)?.[c] ?? undefined)) }
        : c,
    );
    const ws = wb.addWorksheet(sheetName(sheet.name, taken), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const widths = columns.map((c) => c.header.length);
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((c) => {
      c.numFmt = '@';
    });
    for (const row of sheet.rows) {
      const written = columns.map((c) => cell(c.value(row), c.type ?? 'auto'));
      const r = ws.addRow(written.map((w) => w.value));
      written.forEach((w, k) => {
        if (w.numFmt) r.getCell(k + 1).numFmt = w.numFmt;
        widths[k] = Math.max(widths[k]!, w.text.length);
      });
    }
    columns.forEach((c, k) => {
      ws.getColumn(k + 1).width = c.width ?? Math.min(60, Math.max(10, widths[k]! + 2));
    });
    if (columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  const zipped = new Uint8Array(await wb.xlsx.writeBuffer());
  // Re-zip with a fixed time on every entry (exceljs stamps them with the time of writing).
  const entries = unzipSync(zipped);
  const files: Zippable = {};
  const mtime = zipTime();
  for (const name of Object.keys(entries)) files[name] = [entries[name]!, { mtime, level: 6 }];
  return zipSync(files);
}
