/**
 * Writing one CSV line by RFC 4180: cells separated by commas, a cell quoted when it holds a comma,
 * quote, CR or LF (or starts or ends with a space, so the space survives), quotes doubled, the line ended
 * by CRLF. Every text cell passes the formula guard; a real number may be let through unguarded when the
 * caller asks (`formulaGuard: 'except_numbers'`), since `-5` written from the number -5 is data, not a
 * formula.
 *
 * @internal
 */
import { ExamcycleError } from '@examcycle/core';
import { guardFormula } from './formulaGuard.js';

/**
 * Which cells the formula guard covers: every cell, or every cell except real numbers.
 *
 * @example
 * ```ts
 * declare const results: Result[];
 * exportCsv('results', results, { formulaGuard: 'except_numbers' satisfies FormulaGuardMode });
 * ```
 */
export type FormulaGuardMode = 'all' | 'except_numbers';

/** A cell value as the exporter hands it over: text, a real number, or nothing (an empty cell). */
export type CellValue = string | number | undefined;

const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/**
 * One cell, quoted and guarded as needed.
 *
 * @param value - the cell's value
 * @param mode - which cells the formula guard covers
 * @example
 * ```ts
 * csvCell('=1+1', 'all'); // `"'=1+1"`
 * csvCell(-5, 'except_numbers'); // '-5'
 * ```
 */
export function csvCell(value: CellValue, mode: FormulaGuardMode): string {
  if (value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ExamcycleError('unrepresentable_value', `${value} cannot be written to a CSV cell`, { location: { value: String(value) } });
    }
    text = String(value);
    if (mode === 'except_numbers') return text;
  } else {
    text = value;
  }
  const guarded = guardFormula(text);
  if (guarded !== text || NEEDS_QUOTES.test(guarded)) return `"${guarded.replaceAll('"', '""')}"`;
  return guarded;
}

/**
 * One line of cells, ended by CRLF.
 *
 * @param cells - the cells in order
 * @param mode - which cells the formula guard covers
 * @example
 * ```ts
 * csvLine(['O\'Brien', 'Siân, Llŷr'], 'all'); // `O'Brien,"Siân, Llŷr"\r\n`
 * ```
 */
export function csvLine(cells: readonly CellValue[], mode: FormulaGuardMode): string {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) {
    if (i > 0) line += ',';
    line += csvCell(cells[i], mode);
  }
  return `${line}\r\n`;
}
