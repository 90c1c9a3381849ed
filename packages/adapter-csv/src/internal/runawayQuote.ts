/**
 * Undoing a runaway quote. No examcycle column holds a line break (ids, names, codes and titles are
 * single lines), so a parsed row whose cell spans lines is a quote that was not closed where it should
 * have been: `C1,12345,0001,"Smith,Anna,2009-01-01` swallows the rows after it until the next `"` (or
 * the end of the file). This splits such a row back into the physical lines it was written on, so the
 * importer can report the line where the quote opened (and the line where it closed) and read every
 * swallowed line again as the row it was.
 *
 * csv-parse (with `relax_quotes`) hands over a swallowing cell in one of two forms: closed, when the
 * stray quote was followed by a comma or the end of a line (the cell is the text between the quotes,
 * `""` read as `"`), or relaxed, when text followed it (the cell is then kept as written, its opening
 * quote included, up to the next comma). Both are turned back into the lines of the file, quotes
 * doubled again where csv-parse read `""` as `"`, which gives back exactly every line swallowed whole.
 * The line where the cell ended cannot always be given back exactly (in a relaxed cell the text up to
 * the quote that relaxed it is not told apart from the rest, and csv-parse split the rest of that line
 * differently), so it is only reported; when the file ended inside the cell there is no such line.
 *
 * @internal
 */
import { lineCells } from './lineCells.js';

const QUOTE = 34;

/** What a physical line of a split row holds. */
export type LineRole = 'opening' | 'closing' | 'plain';

/** One physical line of a row that spanned several. */
export interface PhysicalLine {
  /** The line's text, without its line break. */
  readonly text: string;
  /** `opening`: the quote that ran away opens here; `closing`: the cell ended here (this line cannot be read apart from it); `plain`: a line swallowed whole, given back exactly (read it again). */
  readonly role: LineRole;
}

/** The pieces of a cell between its line breaks (CRLF, LF or CR, each one break). */
function piecesOf(cell: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    pieces.push(cell.slice(from, i));
    if (c === 13 && cell.charCodeAt(i + 1) === 10) i += 1;
    from = i + 1;
  }
  pieces.push(cell.slice(from));
  return pieces;
}

/**
 * A cell without line breaks written so that {@link lineCells} reads it back the same: as it is when that
 * reads back (after a relaxed cell csv-parse splits the rest of the line at every comma, quotes and all,
 * so the cells joined are the line as written), else quoted.
 */
function written(cell: string): string {
  if (cell.indexOf(',') === -1 && (cell.indexOf('"') === -1 || lineCells(cell)?.[0] === cell)) return cell;
  return `"${cell.replaceAll('"', '""')}"`;
}

/**
 * The physical lines a parsed row was written on, each with its role.
 *
 * @param cells - the row's cells as parsed, one or more holding line breaks
 * @param closedAtEnd - whether the file ended inside the quoted cell (the importer closed it there, so no line holds a closing quote)
 * @example
 * ```ts
 * physicalLines(['C1', 'Smith\r\nC2', 'x'], false);
 * // [{ text: 'C1,"Smith', role: 'opening' }, { text: 'C2",x', role: 'closing' }]
 * ```
 */
export function physicalLines(cells: readonly string[], closedAtEnd: boolean): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let current = '';
  let role: LineRole = 'plain';
  for (let c = 0; c < cells.length; c += 1) {
    const cell = cells[c]!;
    if (c > 0) current += ',';
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) {
      current += written(cell);
      continue;
    }
    const pieces = piecesOf(cell);
    const relaxed = cell.charCodeAt(0) === QUOTE;
    const last = pieces.length - 1;
    // inside the quotes csv-parse read `""` as `"`: doubled again, a swallowed line is the line as written
    const first = pieces[0]!;
    lines.push({ text: current + (relaxed ? `"${first.slice(1).replaceAll('"', '""')}` : `"${first.replaceAll('"', '""')}`), role: 'opening' });
    for (let p = 1; p < last; p += 1) lines.push({ text: pieces[p]!.replaceAll('"', '""'), role: 'plain' });
    if (closedAtEnd && c === cells.length - 1 && !relaxed) {
      current = pieces[last]!.replaceAll('"', '""');
      role = 'plain';
    } else {
      // the line where the quote ended: closed, or relaxed (its text up to the quote that relaxed it is
      // not told apart from the rest), so not read again
      current = relaxed ? pieces[last]! : `${pieces[last]!.replaceAll('"', '""')}"`;
      role = 'closing';
    }
  }
  lines.push({ text: current, role });
  return lines;
}
