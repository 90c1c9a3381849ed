/**
 * Reading one physical line of CSV on its own, exactly as the importer's csv-parse settings read a row
 * that holds no line break: comma-separated, a cell that starts with `"` is quoted (`""` is a quote),
 * and a quote that does not close the cell (text follows it) turns the cell back into plain text, kept
 * as written. It is used to read again the lines that a runaway quoted cell swallowed. It runs in one
 * pass over the line.
 *
 * @internal
 */

const QUOTE = 34;
const COMMA = 44;

/**
 * The cells of one line, or `undefined` when a quoted cell is left open at the end of the line.
 *
 * @param line - one physical line, without its line break
 * @example
 * ```ts
 * lineCells('a,"b, c",d'); // ['a', 'b, c', 'd']
 * lineCells('a,"b'); // undefined
 * ```
 */
export function lineCells(line: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) !== QUOTE) {
      const end = line.indexOf(',', i);
      if (end < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, end));
      i = end + 1;
      continue;
    }
    // a quoted cell: up to a quote followed by a comma or the end of the line
      let text = '';
    let from = i + 1;
    let j = from;
    let closed = false;
    let relaxed = false;
    for (;;) {
      const q = line.indexOf('"', j);
      if (q < 0) break;
      const next = line.charCodeAt(q + 1);
      if (next === QUOTE) {
        text += line.slice(from, q + 1);
        from = q + 2;
        j = q + 2;
        continue;
      }
      if (q + 1 === line.length || next === COMMA) {
        text += line.slice(from, q);
        i = q + 1;
        closed = true;
        break;
      }
      // text after a closing quote: the cell, its opening quote included, is read on as plain text up to
      // the next comma, as csv-parse does
      relaxed = true;
      j = q + 1;
      break;
    }
    if (relaxed) {
      const end = line.indexOf(',', j);
      const stop = end < 0 ? line.length : end;
      cells.push(`"${text}${line.slice(from, stop)}`);
      if (end < 0) return cells;
      i = end + 1;
      continue;
    }
    if (!closed) return undefined;
    cells.push(text);
    if (i >= line.length) return cells;
    i += 1; // the comma
  }
}
