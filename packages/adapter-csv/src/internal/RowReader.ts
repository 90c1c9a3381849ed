/**
 * The binding to csv-parse (chosen by measurement: see the README). Bytes go in; each parsed row's cells
 * come out through a callback, synchronously, in order. It is set for spreadsheet CSV: comma-separated,
 * `"`-quoted with `""` escapes, rows ending in CRLF, LF or CR (mixed endings in one file are fine), ragged
 * rows and stray quotes kept for the importer to judge, blank lines kept so physical line numbers can be
 * counted, and a cap on the length of one row so a quote that is never closed cannot swallow a 1 GB file
 * into memory. A quoted cell still open when the input ends is handed over as it stands (the importer then reads
 * the lines it swallowed again, see `runawayQuote.ts`), so the only parse failure left is fatal: a row
 * over the cap.
 * It also tells whether a quote has been seen yet: until then no cell can hold a line break (an unquoted
 * CR or LF always ends a row), so the importer need not look for one.
 *
 * @internal
 */
import { Buffer } from 'node:buffer';
import type { TransformCallback } from 'node:stream';
import { CsvError, Parser, type Options } from 'csv-parse';

/** Bytes handed to csv-parse at a time, so one huge source chunk is parsed in bounded steps. */
export const PIECE_BYTES = 64 * 1024;

const QUOTE = 0x22;

/** A control byte other than CR and LF (in UTF-8 a byte below 0x80 is always the character itself). */
const CONTROL_BYTE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

const IGNORE_ROW = (): void => {};

/**
 * The csv-parse options the importer parses with: `"` quotes and `""` escapes are csv-parse's defaults
 * and are left to it (spelling them out gives csv-parse a differently shaped options object, measured
 * about 6% slower). The bench's baseline parses with these very options.
 *
 * @param maxRowChars - the longest row allowed, in characters
 * @example
 * ```ts
 * new Parser(csvParseOptions(1_000_000));
 * ```
 */
export function csvParseOptions(maxRowChars: number): Options {
  return {
    delimiter: ',',
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRowChars,
  };
}

/** csv-parse's Node parser, noting when its flush has run (it does so synchronously on `end()`). */
class FlushNotingParser extends Parser {
  flushed = false;

  /**
   * The cells of the row a quote left open at the end of the input: the cells before it and the quoted
   * cell's text so far, from csv-parse's own state (public on its Node parser), or undefined if it is not there.
   */
  openRow(): string[] | undefined {
    const state = (this as unknown as { state?: { record?: unknown; field?: { toString(encoding: string): unknown } } }).state;
    const record = state?.record;
    const field = state?.field?.toString('utf8');
    if (!Array.isArray(record) || typeof field !== 'string' || !record.every((cell) => typeof cell === 'string')) return undefined;
    return [...(record as string[]), field];
  }

  override _flush(callback: TransformCallback): void {
    super._flush((error?: Error | null, data?: unknown) => {
      this.flushed = true;
      callback(error, data);
    });
  }
}

/**
 * Feeds bytes to csv-parse and hands each row's cells to `onRow`.
 *
 * @example
 * ```ts
 * const rows: string[][] = [];
 * const reader = new RowReader((cells) => rows.push(cells), 1_000_000);
 * reader.write(new TextEncoder().encode('a,b\r\n1,2\r\n'));
 * reader.end(); // rows: [['a', 'b'], ['1', '2']]
 * ```
 */
export class RowReader {
  private readonly parser: FlushNotingParser;
  private failure: Error | undefined;
  /** Whether the input so far holds a `"`, so a quoted cell (which may hold line breaks) may have been read. */
  private quoted = false;
  /** Whether the input so far holds a control byte other than CR and LF, so a cell may hold one. */
  private controls = false;

  /**
   * @param onRow - called with each row's cells, in order, whether a quote has been seen (if not, no cell holds a line break), whether the input ended inside this row's quoted cell, and whether a control byte other than CR and LF has been seen (if not, no cell holds one)
   * @param maxRowChars - the longest row allowed, in characters
   */
  constructor(
    private onRow: (cells: string[], quoted: boolean, closedAtEnd: boolean, controls: boolean) => void,
    maxRowChars: number,
  ) {
    this.parser = new FlushNotingParser(csvParseOptions(maxRowChars));
    this.parser.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /**
   * Parses more bytes; returns the parse failure, if one happened (nothing is parsed after it).
   *
   * @param bytes - the next bytes of the input, valid UTF-8
   */
  write(bytes: Uint8Array): Error | undefined {
    for (let at = 0; at < bytes.length && this.failure === undefined; at += PIECE_BYTES) {
      const piece = bytes.subarray(at, at + PIECE_BYTES);
      if (!this.quoted && piece.indexOf(QUOTE) !== -1) this.quoted = true;
      // one scan of the piece as Latin-1 text, until the first control byte: most files have none, and then no cell is checked for one
      if (!this.controls && CONTROL_BYTE.test(Buffer.from(piece.buffer, piece.byteOffset, piece.length).toString('latin1'))) this.controls = true;
      this.parser.write(piece);
      this.drain();
    }
    return this.failure;
  }

  /**
   * Ends the input: the last row (without a line break) comes out. A quoted cell the input left open is
   * closed here, and its row comes out marked as such.
   */
  end(): Error | undefined {
    if (this.failure !== undefined) return this.failure;
    this.parser.end();
    this.drain();
    const failure = this.failure as Error | undefined; // set by drain()
    if (failure instanceof CsvError && failure.code === 'CSV_QUOTE_NOT_CLOSED') {
      const cells = this.parser.openRow();
      if (cells !== undefined) {
        this.failure = undefined;
        this.onRow(cells, true, true, this.controls);
        return undefined;
      }
    }
    if (this.failure === undefined && !this.parser.flushed) {
      throw new Error('csv-parse did not flush synchronously on end(); this Node.js version is not supported');
    }
    return this.failure;
  }

  /**
   * Lets go of the row callback (and so of the importer and every record it holds). Node keeps an ended
   * or failed parser until its end-of-stream callbacks run on a later tick, which a loop of synchronous
   * imports never reaches; without this, each import's records would stay in memory until then.
   */
  release(): void {
    this.onRow = IGNORE_ROW;
  }

  private drain(): void {
    let cells: string[] | null;
    while ((cells = this.parser.read() as string[] | null) !== null) this.onRow(cells, this.quoted, false, this.controls);
    this.failure ??= this.parser.errored ?? undefined;
  }
}
