/**
 * The row reader's own splitter against csv-parse: on any input, in any chunking, the reader gives the rows
 * csv-parse gives (driven as the importer drove it before the splitter: its Node parser, and a quoted cell left
 * open at the end handed over as it stands) and fails where csv-parse fails, with the same code. Seeded.
 */
import { Buffer } from 'node:buffer';
import { CsvError, Parser } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvParseOptions, RowReader } from '../src/internal/RowReader.js';

interface Read {
  readonly rows: readonly (readonly string[])[];
  readonly closedAtEnd: readonly boolean[];
  readonly failure: string | undefined;
}

/** csv-parse alone, as the importer drove it: every row, then the open row at the end if a quote was left open. */
function csvParseReads(text: string, maxRowChars: number): Read {
  const parser = new Parser(csvParseOptions(maxRowChars));
  let failure: Error | undefined;
  parser.on('error', (e: Error) => {
    failure ??= e;
  });
  const rows: string[][] = [];
  const closedAtEnd: boolean[] = [];
  const drain = (): void => {
    let row: string[] | null;
    while ((row = parser.read() as string[] | null) !== null) {
      rows.push(row);
      closedAtEnd.push(false);
    }
    failure ??= parser.errored ?? undefined;
  };
  parser.write(Buffer.from(text, 'utf8'));
  drain();
  if (failure === undefined) {
    parser.end();
    drain();
    const ended = failure as Error | undefined; // set by drain()
    if (ended instanceof CsvError && ended.code === 'CSV_QUOTE_NOT_CLOSED') {
      const state = (parser as unknown as { state: { record: string[]; field: { toString(e: string): string } } }).state;
      rows.push([...state.record, state.field.toString('utf8')]);
      closedAtEnd.push(true);
      failure = undefined;
    }
  }
  return { rows, closedAtEnd, failure: failure === undefined ? undefined : ((failure as { code?: string }).code ?? 'error') };
}

/** The reader, fed the text's UTF-8 in the given pieces (each a whole number of characters). */
function readerReads(pieces: readonly string[], maxRowChars: number): Read {
  const rows: string[][] = [];
  const closedAtEnd: boolean[] = [];
  const reader = new RowReader((cells, _quoted, closed) => {
    rows.push(cells);
    closedAtEnd.push(closed);
  }, maxRowChars);
  let failure: Error | undefined;
  for (const piece of pieces) failure ??= reader.write(Buffer.from(piece, 'utf8'));
  failure ??= reader.end();
  return { rows, closedAtEnd, failure: failure === undefined ? undefined : ((failure as { code?: string }).code ?? 'error') };
}

/** Text made of what CSV parsing turns on: quotes, commas, line breaks, spaces, and some wider characters. */
const csvText = fc
  .array(fc.constantFrom('"', '""', ',', '\r\n', '\n', '\r', 'a', 'bc', ' ', 'é', '😀', '\t', '"a,b"', '""""', 'x"y'), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Cut points inside a text, on code point boundaries. */
function piecesOf(text: string, cuts: readonly number[]): string[] {
  const points = [...text];
  const at = [...new Set(cuts.map((c) => c % (points.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const c of at) {
    pieces.push(points.slice(from, c).join(''));
    from = c;
  }
  pieces.push(points.slice(from).join(''));
  return pieces;
}

describe('RowReader', () => {
  it('reads every input into the rows csv-parse reads, in any chunking, and fails where csv-parse fails', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(1_000_000, 24, 9), (text, cuts, maxRowChars) => {
        const expected = csvParseReads(text, maxRowChars);
        const got = readerReads(piecesOf(text, cuts), maxRowChars);
        expect(got.failure).toBe(expected.failure);
        if (expected.failure === undefined) {
          expect(got.rows).toEqual(expected.rows);
          expect(got.closedAtEnd).toEqual(expected.closedAtEnd);
        } else {
          // rows before the failure: the reader may stop at the same row or earlier, never read a different one
          expect(expected.rows.slice(0, got.rows.length)).toEqual(got.rows);
        }
      }),
      { numRuns: 2_000, seed: 20261203 },
    );
  });

  it('reads well-quoted spreadsheet text into the rows csv-parse reads, in any chunking', () => {
    const wellQuoted = fc
      .array(fc.constantFrom('"a,b"', '"x""y"', '""', ',', '\r\n', '\n', '\r', 'a', ' ', 'é', '😀'), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(wellQuoted, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        expect(readerReads(piecesOf(text, cuts), 1_000_000)).toEqual(csvParseReads(text, 1_000_000));
      }),
      { numRuns: 1_000, seed: 20261205 },
    );
  });

  it('reads plain rows of a spreadsheet export, blank lines and a last line without a break included', () => {
    const text = 'Id,Name\r\nC1,"Smith, Jo"\r\n\r\nC2,"say ""hi"""\nC3,\rC4';
    expect(readerReads([text], 1_000_000)).toEqual(csvParseReads(text, 1_000_000));
    expect(readerReads([text], 1_000_000).rows).toEqual([['Id', 'Name'], ['C1', 'Smith, Jo'], [''], ['C2', 'say "hi"'], ['C3', ''], ['C4']]);
  });
});
