/**
 * One import, from bytes to records: the UTF-8 gate, the csv-parse binding and the record assembler in a
 * row, shared by the whole-string and the streamed import so both read a file identically. It turns every
 * way the input can be unreadable into one fatal {@link ExamcycleError} with a code and a line.
 *
 * @internal
 */
import { ExamcycleError, type ImportResult, type RecordKind, type RecordKinds } from '@examcycle/core';
import { Buffer } from 'node:buffer';
import { CsvError } from 'csv-parse';
import { csvColumnSet } from '../columns/columnSets.js';
import type { CsvImportBatch, CsvImportOptions } from '../CsvImportOptions.js';
import { RecordAssembler } from './RecordAssembler.js';
import { RowReader } from './RowReader.js';
import { Utf8Guard, type GuardedBytes, type GuardedText, type InputProblem } from './utf8Guard.js';

/** The defaults of {@link CsvImportOptions}. */
export const IMPORT_DEFAULTS = { excelSerialDates: true, batchSize: 1000, maxRowChars: 1_000_000 } as const;

/**
 * An import in progress.
 *
 * @example
 * ```ts
 * const session = new ImportSession('rooms', {});
 * session.pushText('Room,Rows,Columns,SeatPitchMetres,RowPitchMetres\r\nHall,10,8,1.25,1.25\r\n');
 * session.finish();
 * session.result().records.length; // 1
 * ```
 */
export class ImportSession<K extends RecordKind> {
  private readonly assembler: RecordAssembler<RecordKinds[K]>;
  private readonly reader: RowReader;
  private readonly guard = new Utf8Guard();
  private batchRows = 0;
  /** A high surrogate that ended the last text chunk, waiting for its pair. */
  private highSurrogate = '';
  private readonly maxRowChars: number;

  /**
   * @param kind - the record kind to read
   * @param options - the import options
   */
  constructor(kind: K, options: CsvImportOptions) {
    const { file, synonyms = {}, defaults = {}, excelSerialDates = IMPORT_DEFAULTS.excelSerialDates, maxRowChars = IMPORT_DEFAULTS.maxRowChars } = options;
    this.maxRowChars = maxRowChars;
    this.assembler = new RecordAssembler(csvColumnSet(kind, excelSerialDates), { file, synonyms, defaults });
    this.reader = new RowReader(
      (cells, quoted, closedAtEnd, controls) => this.assembler.row(cells, quoted, closedAtEnd, controls),
      maxRowChars,
      (text, starts, ends, count, quoted, controls, sames) => this.assembler.rowSpans(text, starts, ends, count, quoted, controls, sames),
    );
  }

  /** The fatal error, once the input is known to be unreadable. */
  get fatal(): ExamcycleError | undefined {
    return this.assembler.fatal;
  }

  /** Data rows read since the last {@link takeBatch}. */
  get pendingRows(): number {
    return this.assembler.rowsRead - this.batchRows;
  }

  /**
   * Reads more bytes.
   *
   * @param chunk - the next bytes of the file
   */
  pushBytes(chunk: Uint8Array): void {
    if (this.fatal === undefined) this.parse(this.guard.push(chunk, false));
  }

  /**
   * Reads more text.
   *
   * @param text - the next characters of the file
   */
  pushText(text: string): void {
    if (this.fatal !== undefined) return;
    let whole = this.highSurrogate === '' ? text : this.highSurrogate + text;
    this.highSurrogate = '';
    const last = whole.charCodeAt(whole.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.highSurrogate = whole.slice(-1);
      whole = whole.slice(0, -1);
    }
    if (this.guard.readyForText) this.parseText(this.guard.pushText(whole));
    else this.parse(this.guard.push(Buffer.from(whole, 'utf8'), true));
  }

  /** Ends the input, and lets the parser go of this import (its records stay only in the result). */
  finish(): void {
    this.finishInput();
    this.reader.release();
  }

  private finishInput(): void {
    if (this.fatal !== undefined) return;
    if (this.highSurrogate !== '') this.parse(this.guard.push(Buffer.from(this.highSurrogate, 'utf8'), true));
    this.parse(this.guard.end());
    if (this.fatal !== undefined) return;
    this.translate(this.reader.end());
    this.assembler.finish();
  }

  /** The records and issues since the last batch. */
  takeBatch(): CsvImportBatch<RecordKinds[K]> {
    const a = this.assembler;
    const batch = {
      records: a.records,
      issues: a.issues,
      rowsRead: a.rowsRead - this.batchRows,
      ...(a.fatal === undefined ? {} : { fatal: a.fatal }),
    };
    this.batchRows = a.rowsRead;
    a.records = [];
    a.issues = [];
    return batch;
  }

  /** The whole result, for a whole-string import (which takes no batches). */
  result(): ImportResult<RecordKinds[K]> {
    const a = this.assembler;
    return {
      records: a.records,
      issues: a.issues,
      rowsRead: a.rowsRead,
      ...(a.fatal === undefined ? {} : { fatal: a.fatal }),
    };
  }

  /** Parses what the guard let through; a problem it found comes after the rows before it, so the first fault in the file wins. */
  private parse({ bytes, problem }: GuardedBytes): void {
    if (this.fatal !== undefined) return;
    if (bytes.length > 0) this.translate(this.reader.write(bytes));
    this.stopAtProblem(problem);
  }

  /** {@link parse} for text the guard checked as text. */
  private parseText({ text, problem }: GuardedText): void {
    if (this.fatal !== undefined) return;
    if (text.length > 0) this.translate(this.reader.writeText(text));
    this.stopAtProblem(problem);
  }

  private stopAtProblem(problem: InputProblem | undefined): void {
    if (problem !== undefined && this.fatal === undefined) {
      // csv-parse holds back the last bytes it was given (a CR may be half a CRLF): end it, so the rows
      // before the bad byte's line come out; none from that line on is read
      this.assembler.stopAt = problem.line;
      this.translate(this.reader.end());
      this.assembler.fail(new ExamcycleError('binary_file', problem.message, { location: this.assembler.location(problem.line) }));
    }
  }

  private translate(error: Error | undefined): void {
    if (error === undefined || this.fatal !== undefined) return;
    const line = this.assembler.nextLine;
    const at = this.assembler.location(line);
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      this.assembler.fail(
        new ExamcycleError('truncated_quote', `A quoted cell in the row starting at line ${line} is never closed: the file was cut short, or a closing " is missing`, {
          location: at,
          cause: error,
        }),
      );
    } else if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
      this.assembler.fail(
        new ExamcycleError(
          'malformed_row',
          `The row starting at line ${line} runs past ${this.maxRowChars.toLocaleString('en-GB')} characters: a quoted cell is most likely never closed`,
          { location: at, cause: error, details: { maxRowChars: this.maxRowChars } },
        ),
      );
    } else {
      this.assembler.fail(new ExamcycleError('malformed_row', `The row starting at line ${line} cannot be parsed: ${error.message}`, { location: at, cause: error }));
    }
  }
}
