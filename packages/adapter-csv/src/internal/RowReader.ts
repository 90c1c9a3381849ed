/**
 * Rows out of CSV text: a splitter of its own for the rows nearly every file is made of, and csv-parse
 * (chosen by measurement: see the README) for the rest. Bytes go in; each parsed row's cells come out
 * through a callback, synchronously, in order. The splitter reads rows of unquoted cells and of quoted cells
 * closed on their line (with `""` escapes) straight from the decoded text; at the first row it cannot vouch
 * for (a quote inside an unquoted cell, text after a closing quote, a quoted cell holding a line break or left
 * open, a row near the length cap) it hands that row and everything after it to csv-parse, so csv-parse's
 * reading decides every such file, and a property test holds the two to the same rows on any input. Both are
 * set for spreadsheet CSV: comma-separated, `"`-quoted with `""` escapes, rows ending in CRLF, LF or CR (mixed
 * endings in one file are fine), ragged
 * rows and stray quotes kept for the importer to judge, blank lines kept so physical line numbers can be
 * counted, and a cap on the length of one row so a quote that is never closed cannot swallow a 1 GB file
 * into memory. A quoted cell still open when the input ends is handed over as it stands (the importer then reads
 * the lines it swallowed again, see `runawayQuote.ts`), so the only parse failure left is fatal: a row
 * over the cap.
 * A plain row (the rule in spreadsheet exports) can be handed over as spans of the text instead of a string per
 * cell ({@link RowSpans}), each cell marked when it repeats the cell above it, compared as it is read.
 * It also tells whether a quote has been seen yet: until then no cell can hold a line break (an unquoted
 * CR or LF always ends a row), so the importer need not look for one.
 *
 * @internal
 */
import { Buffer, isAscii } from 'node:buffer';
import type { TransformCallback } from 'node:stream';
import { CsvError, Parser, type Options } from 'csv-parse';

/** Bytes handed to csv-parse at a time, so one huge source chunk is parsed in bounded steps. */
export const PIECE_BYTES = 64 * 1024;

/** The longest row the splitter reads itself, in UTF-16 units. */
const SPLITTER_ROW_CHARS = 64 * 1024;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const DEL = 0x7f;

/** A control byte other than CR and LF (in UTF-8 a byte below 0x80 is always the character itself). */
const CONTROL_BYTE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

const IGNORE_ROW = (): void => {};

/**
 * Takes a row the splitter read as spans of the text, without a string per cell: cell `k` is
 * `text.slice(starts[k], ends[k])` (no cell of such a row holds a line break or a `""` escape), and
 * `sames[k]` is 1 when that cell is surely the same text as cell `k` of the row handed over just before (0: it
 * may or may not be; the splitter compares as it reads, and only unquoted cells of consecutive rows of one
 * text). It may keep none of its arguments past the call: the span arrays are refilled for the next row.
 *
 * @example
 * ```ts
 * const widths: number[] = [];
 * const sink: RowSpans = (text, starts, ends, count) => void widths.push(count);
 * ```
 */
export type RowSpans = (text: string, starts: Int32Array, ends: Int32Array, count: number, quoted: boolean, controls: boolean, sames: Uint8Array) => void;

/**
 * The csv-parse options the importer parses with: `"` quotes and `""` escapes are csv-parse's defaults
 * and are left to it (spelling them out gives csv-parse a differently shaped options object, measured
 * about 6% slower). The bench's baseline parses with these very options.
 *
 * @param maxRowChars - the longest row allowed, in characters
 * @example
 * ```ts
 * import { Parser } from 'csv-parse';
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
 * Splits text (or UTF-8 bytes) into rows, handing over to csv-parse where the splitter cannot vouch for a row,
 * and hands each row's cells to `onRow`.
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
  /** csv-parse, once the splitter has handed the input over (undefined while the splitter reads). */
  private parser: FlushNotingParser | undefined;
  private failure: Error | undefined;
  /** The text of a row not complete yet (the splitter's, before any hand-over). */
  private carry = '';
  /** The physical line the splitter's next row starts on (each of its rows is one line). */
  private line = 1;
  /**
   * The longest row the splitter reads, in UTF-16 units: at most a third of the cap, so no row it reads can be
   * over the cap in UTF-8 bytes, and at most 64 Ki (no spreadsheet row is that long: a longer one is csv-parse's
   * to measure, found after a bounded scan).
   */
  private readonly splitterRowChars: number;
  /** Whether the input so far holds a `"`, so a quoted cell (which may hold line breaks) may have been read. */
  private quoted = false;
  /** Whether the input so far holds a control byte other than CR and LF, so a cell may hold one. */
  private controls = false;
  /** Where the cells of the row being split start and end in the text (reused from row to row). */
  private starts = new Int32Array(32);
  private ends = new Int32Array(32);
  /** How many cells {@link spanRow} found. */
  private spanCount = 0;
  /** Per cell of the row being split, 1 when it is the same text as the cell of the row handed over before it. */
  private sames = new Uint8Array(32);
  /** The cells of the span row handed over last, in the text being split (none: `prevCount` 0). */
  private prevStarts = new Int32Array(32);
  private prevEnds = new Int32Array(32);
  private prevCount = 0;

  /**
   * @param onRow - called with each row's cells, in order, whether a quote has been seen (if not, no cell holds a line break), whether the input ended inside this row's quoted cell, and whether a control byte other than CR and LF has been seen (if not, no cell holds one)
   * @param maxRowChars - the longest row allowed, in characters
   * @param onSpans - when given, called instead of `onRow` with the rows the splitter reads as spans of the text (the plain rows: no cell with a line break or a `""` escape), so no string per cell need be made
   */
  constructor(
    private onRow: (cells: string[], quoted: boolean, closedAtEnd: boolean, controls: boolean) => void,
    private readonly maxRowChars: number,
    private onSpans?: RowSpans,
  ) {
    this.splitterRowChars = Math.min(Math.floor(maxRowChars / 3), SPLITTER_ROW_CHARS);
  }

  /**
   * Parses more bytes; returns the parse failure, if one happened (nothing is parsed after it).
   *
   * @param bytes - the next bytes of the input, valid UTF-8, ending on a whole character
   */
  write(bytes: Uint8Array): Error | undefined {
    if (this.parser !== undefined) return this.feed(bytes);
    if (this.failure !== undefined || bytes.length === 0) return this.failure;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    // ASCII (most files) is its own Latin-1: the cheaper decoding gives the same text
    return this.writeText(buffer.toString(isAscii(buffer) ? 'latin1' : 'utf8'));
  }

  /**
   * Parses more text; returns the parse failure, if one happened (nothing is parsed after it).
   *
   * @param text - the next characters of the input (whole characters: no surrogate pair split)
   */
  writeText(text: string): Error | undefined {
    if (this.parser !== undefined) return this.feed(Buffer.from(text, 'utf8'));
    if (this.failure !== undefined || text.length === 0) return this.failure;
    if (!this.quoted && text.indexOf('"') !== -1) this.quoted = true;
    const buffered = this.carry === '' ? text : this.carry + text;
    this.carry = '';
    const read = this.split(buffered, false);
    if (this.parser === undefined) this.carry = read === 0 ? buffered : buffered.slice(read);
    return this.failure;
  }

  /**
   * Reads whole rows from `text` (the carry and the new text) from its start; returns where the rows read end.
   * A row it cannot vouch for, and everything after it, goes to csv-parse ({@link handOver}). At the end of
   * the input (`final`), the last row needs no line break.
   */
  private split(text: string, final: boolean): number {
    const n = text.length;
    const limit = this.splitterRowChars;
    let pos = 0;
    /** Whether the text from the first row read the long way on holds no control byte (looked for once, at that row). */
    let restClean = false;
    this.prevCount = 0; // a new text: no cell of it is compared with one of the last
    while (pos < n) {
      // the plain row (cells unquoted, or quoted and closed on their line without escapes) as spans; any other
      // row (or one near the end of the text, or too long) is read again below, exactly as before
      const spanEnd = this.spanRow(text, pos, n - pos > limit ? pos + limit + 1 : n);
      if (spanEnd >= 0 && spanEnd - pos <= limit && !(spanEnd + 1 === n && text.charCodeAt(spanEnd) === CR)) {
        const next = text.charCodeAt(spanEnd) === CR && text.charCodeAt(spanEnd + 1) === LF ? spanEnd + 2 : spanEnd + 1;
        this.line += 1;
        this.emitSpans(text);
        pos = next;
        continue;
      }
      this.prevCount = 0; // this row goes the long way: the next span row has no span row before it to compare with
      // the span reader notes a control byte in the rows it reads; for the rest, one scan of the text left
      if (!this.controls && !restClean) {
        if (CONTROL_BYTE.test(pos === 0 ? text : text.slice(pos))) this.controls = true;
        else restClean = true;
      }
      const cells: string[] = [];
      let i = pos;
      let end = -1;
      cellsOfRow: for (;;) {
        if (text.charCodeAt(i) === QUOTE) {
          let cell = '';
          let j = i + 1;
          for (;;) {
            const close = text.indexOf('"', j);
            if (close === -1) {
              // a quoted cell still open: csv-parse reads it if it holds a line break (or the input ends), else wait for its close
              const open = final || n - pos > limit || text.indexOf('\n', j) !== -1 || text.indexOf('\r', j) !== -1;
              return open ? this.handOver(text, pos) : pos;
            }
            for (let k = j; k < close; k += 1) {
              const c = text.charCodeAt(k);
              if (c === LF || c === CR) return this.handOver(text, pos);
            }
            cell += text.slice(j, close);
            if (close + 1 === n) {
              if (!final) return n - pos > limit ? this.handOver(text, pos) : pos;
              cells.push(cell);
              end = n;
              break cellsOfRow;
            }
            const after = text.charCodeAt(close + 1);
            if (after === QUOTE) {
              cell += '"';
              j = close + 2;
              continue;
            }
            cells.push(cell);
            if (after === COMMA) {
              i = close + 2;
              continue cellsOfRow;
            }
            if (after === LF || after === CR) {
              end = close + 1;
              break cellsOfRow;
            }
            return this.handOver(text, pos);
          }
        }
        let j = i;
        let c = 0;
        // past the longest row the splitter reads, csv-parse takes the row (and measures it against the cap)
        const stop = n - pos > limit ? pos + limit + 1 : n;
        for (; j < stop; j += 1) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        }
        if (j === stop && stop < n) return this.handOver(text, pos);
        if (j === n) {
          if (!final) return n - pos > limit ? this.handOver(text, pos) : pos;
          cells.push(text.slice(i, n));
          end = n;
          break;
        }
        if (c === QUOTE) return this.handOver(text, pos);
        cells.push(text.slice(i, j));
        if (c === COMMA) {
          i = j + 1;
          continue;
        }
        end = j;
        break;
      }
      if (end - pos > limit) return this.handOver(text, pos);
      let next = end;
      if (end < n) {
        if (text.charCodeAt(end) === CR) {
          if (end + 1 === n && !final) return pos; // a CR may be half a CRLF
          next = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
        } else {
          next = end + 1;
        }
      }
      this.line += 1;
      this.onRow(cells, this.quoted, false, this.controls);
      pos = next;
    }
    return pos;
  }

  /**
   * Reads the row at `text[pos]` as cell spans (into {@link starts}, {@link ends}, {@link spanCount}), when it
   * is plain: every cell unquoted, or quoted and closed on its line with no `""` escape, and a line break after
   * it before `stop`. Returns where its line break is, or -1 when the row is not plain (the caller reads it
   * the long way, which also decides what to do at the end of the text).
   */
  private spanRow(text: string, pos: number, stop: number): number {
    let count = 0;
    let i = pos;
    for (;;) {
      if (count >= this.starts.length || count >= this.sames.length) this.growSpans();
      if (text.charCodeAt(i) === QUOTE) {
        const close = text.indexOf('"', i + 1);
        if (close === -1 || close + 1 >= stop) return -1;
        for (let k = i + 1; k < close; k += 1) {
          const c = text.charCodeAt(k);
          if (c < 0x20 || c === DEL) {
            if (c === LF || c === CR) return -1;
            this.controls = true;
          }
        }
        this.starts[count] = i + 1;
        this.ends[count] = close;
        this.sames[count] = 0;
        count += 1;
        const after = text.charCodeAt(close + 1);
        if (after === COMMA) {
          i = close + 2;
          continue;
        }
        if (after === LF || after === CR) {
          this.spanCount = count;
          return close + 1;
        }
        return -1; // a `""` escape, or text after the closing quote
      }
      let j = i;
      let c = 0;
      for (; j < stop; j += 1) {
        c = text.charCodeAt(j);
        if (c <= COMMA) {
          if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
          if (c < 0x20) this.controls = true;
        } else if (c === DEL) {
          this.controls = true;
        }
      }
      if (j >= stop || c === QUOTE) return -1;
      this.starts[count] = i;
      this.ends[count] = j;
      // the same as the row before's cell? Compared once the cell is read, and only when the lengths agree: a
      // comparison inside the scan read every character twice (measured: 23.9 → 21.8 ms per 24,000 result rows)
      let same = 0;
      if (count < this.prevCount) {
        const prevStart = this.prevStarts[count]!;
        if (j - i === this.prevEnds[count]! - prevStart) {
          same = 1;
          for (let k = i, p = prevStart; k < j; k += 1, p += 1) {
            if (text.charCodeAt(k) !== text.charCodeAt(p)) {
              same = 0;
              break;
            }
          }
        }
      }
      this.sames[count] = same;
      count += 1;
      if (c === COMMA) {
        i = j + 1;
        continue;
      }
      this.spanCount = count;
      return j;
    }
  }

  private growSpans(): void {
    const size = 2 * Math.max(this.starts.length, this.sames.length);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const sames = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    sames.set(this.sames);
    this.starts = starts;
    this.ends = ends;
    this.sames = sames;
  }

  /**
   * Hands the row {@link spanRow} read on (as spans when there is a span sink, else as cells), and keeps its
   * spans for the next row to be compared with.
   */
  private emitSpans(text: string): void {
    const count = this.spanCount;
    if (this.onSpans !== undefined) {
      this.onSpans(text, this.starts, this.ends, count, this.quoted, this.controls, this.sames);
    } else {
      const cells = new Array<string>(count);
      for (let k = 0; k < count; k += 1) cells[k] = text.slice(this.starts[k]!, this.ends[k]!);
      this.onRow(cells, this.quoted, false, this.controls);
    }
    const { starts, ends } = this;
    this.starts = this.prevStarts;
    this.ends = this.prevEnds;
    this.prevStarts = starts;
    this.prevEnds = ends;
    this.prevCount = count;
    if (this.starts.length < starts.length) {
      this.starts = new Int32Array(starts.length);
      this.ends = new Int32Array(starts.length);
    }
  }

  /** Hands the input from `text[from]` on to csv-parse, which reads every row after this (its line count carried on). */
  private handOver(text: string, from: number): number {
    const parser = new FlushNotingParser(csvParseOptions(this.maxRowChars));
    parser.on('error', (error: Error) => {
      this.failure ??= error;
    });
    // csv-parse's messages name its line: it starts where the splitter stopped
    (parser as unknown as { info: { lines: number } }).info.lines = this.line;
    this.parser = parser;
    this.carry = '';
    this.feed(Buffer.from(text.slice(from), 'utf8'));
    return text.length;
  }

  /** Writes bytes to csv-parse, in bounded steps. */
  private feed(bytes: Uint8Array): Error | undefined {
    const parser = this.parser!;
    for (let at = 0; at < bytes.length && this.failure === undefined; at += PIECE_BYTES) {
      const piece = bytes.subarray(at, at + PIECE_BYTES);
      if (!this.quoted && piece.indexOf(QUOTE) !== -1) this.quoted = true;
      // one scan of the piece as Latin-1 text, until the first control byte: most files have none, and then no cell is checked for one
      if (!this.controls && CONTROL_BYTE.test(Buffer.from(piece.buffer, piece.byteOffset, piece.length).toString('latin1'))) this.controls = true;
      parser.write(piece);
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
    if (this.parser === undefined) {
      const rest = this.carry;
      this.carry = '';
      if (rest !== '') this.split(rest, true);
      if (this.parser === undefined) return this.failure;
    }
    this.parser.end();
    this.drain();
    const failure = this.failure as Error | undefined; // set by drain()
    if (failure instanceof CsvError && failure.code === 'CSV_QUOTE_NOT_CLOSED') {
      const cells = this.parser!.openRow();
      if (cells !== undefined) {
        this.failure = undefined;
        this.onRow(cells, true, true, this.controls);
        return undefined;
      }
    }
    if (this.failure === undefined && !this.parser!.flushed) {
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
    this.onSpans = undefined;
  }

  private drain(): void {
    const parser = this.parser!;
    let cells: string[] | null;
    while ((cells = parser.read() as string[] | null) !== null) this.onRow(cells, this.quoted, false, this.controls);
    this.failure ??= parser.errored ?? undefined;
  }
}
