/**
 * Turns parsed rows into validated records of one kind. It counts physical lines (a quoted cell with line
 * breaks spans several), skips blank rows, matches the header, reads each cell with its column's codec
 * (trimmed, with the formula guard undone), fills defaults, stand-ins and derived ids, and validates the
 * row against core's zod schema: through the fast path compiled from that schema when it can vouch for
 * the row (see {@link compileRecordFastPath}), else with `safeParse`, whose issues are reported. Every
 * data row ends as exactly one record or at least one {@link ExamcycleIssue} (`location`: file, the row's first
 * physical line, the header name as `field`, the 1-based cell position as `column`, the raw value); nothing is thrown.
 * A plain row handed over as spans of the text ({@link RecordAssembler.rowSpans}) is read optimistically: a cell
 * that repeats the one above it takes that cell's value, a list read before is copied, and any fault at all sends
 * the row down the full reading, so the outcome is the same either way.
 *
 * @internal
 */
import { BAD_CHECK_CHARACTER, ExamcycleError, type ExamcycleIssue, type IssueLocation } from '@examcycle/core';
import type { z } from 'zod';
import { CellFailure, type CellFailureCode } from '../columns/CellCodec.js';
import { KEEPS_TEXT, readsValue } from '../columns/cellCodecs.js';
import { controlCharacterAt, controlCharacterName } from '../columns/controlCharacters.js';
import type { CsvColumnSet } from '../columns/CsvColumnSet.js';
import type { CsvImportIssueCode } from '../CsvImportOptions.js';
import { restoreFormula } from './formulaGuard.js';
import { matchHeader, type ColumnPlan } from './headerMatch.js';
import { lineCells } from './lineCells.js';
import { compileRecordFastPath, joinedId, type RecordFastPath } from './recordFastPath.js';
import { physicalLines } from './runawayQuote.js';
import { schemaAcceptor, UNSURE, type Acceptor } from './schemaAcceptor.js';

/** What the assembler needs from the import options. */
export interface AssemblerSettings {
  readonly file: string | undefined;
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  readonly defaults: Readonly<Record<string, string>>;
}

/** The longest raw value an issue repeats (a longer one is cut, and ends in `…`). */
const MAX_ISSUE_VALUE = 40;
/** A C0 control character or DEL (see {@link controlCharacterAt}). */
const CONTROL = /[\u0000-\u001f\u007f]/;
const SEP_LINE = /^sep=(.)$/i;
const CODES_FROM_SCHEMAS = new Set<string>([BAD_CHECK_CHARACTER, 'invalid_value']);
const FAILED = Symbol('failed');
/**
 * How many values a column keeps by their cell's text at first (see `known`): a column whose cells were
 * found kept fewer than half this many times by the time it is full is given up, so a column of distinct
 * values (a name, a reference on rows in no order) costs no more than this many look-ups.
 */
export const FIRST_KNOWN = 256;
/**
 * The most values a column keeps (see `known`): a full column whose cells were found kept at least half
 * as many times as it holds values has its room doubled, up to this, so the few hundred entry codes and
 * component lists of a large centre are all read once and held once.
 */
export const MAX_KNOWN = 4096;
/**
 * The longest cell whose value a column keeps (a code, a date, a name, a list of components is shorter): a
 * column's kept values take at most {@link MAX_KNOWN} times this many characters, twice (text and value).
 */
export const MAX_KEPT_CHARS = 256;
/**
 * The shortest string V8 makes as a slice of the text it was cut from (`SlicedString::kMinLength`): such a
 * string keeps that whole text alive, a streamed chunk included, for as long as it is itself kept.
 */
const MIN_SLICED = 13;

/**
 * A string of the same characters that is its own text (not a slice of a chunk, nor a cons of two strings),
 * for a value a column keeps for the rest of the file: kept as a slice, it would keep the chunk it came from.
 * JSON writes any string (a lone surrogate as an escape) and reads back the very same characters.
 */
function ownText(value: string): string {
  return value.length < MIN_SLICED ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** Physical line breaks inside a row's cells (a CRLF counts once). */
function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.length === 0 || (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1)) continue;
    for (let i = 0; i < cell.length; i += 1) {
      const c = cell.charCodeAt(i);
      if (c === 10) n += 1;
      else if (c === 13 && cell.charCodeAt(i + 1) !== 10) n += 1;
    }
  }
  return n;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== '') return false;
  return true;
}

/** A cell's text as the importer reads it: trimmed, with an export's formula guard removed. */
function cellText(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  const t = first > 32 && first < 127 && last > 32 && last < 127 ? raw : raw.trim();
  return t.charCodeAt(0) === 39 ? restoreFormula(t) : t;
}

function clip(value: string): string {
  return value.length > MAX_ISSUE_VALUE ? `${value.slice(0, MAX_ISSUE_VALUE)}…` : value;
}

function schemaCode(issue: z.core.$ZodIssue): CellFailureCode {
  const code = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && CODES_FROM_SCHEMAS.has(code) ? (code as CellFailureCode) : 'invalid_value';
}

/**
 * Builds records from rows.
 *
 * @example
 * ```ts
 * const assembler = new RecordAssembler(csvColumnSet('rooms'), { file: undefined, synonyms: {}, defaults: {} });
 * assembler.row(['Room', 'Rows', 'Columns', 'SeatPitchMetres', 'RowPitchMetres']);
 * assembler.row(['Hall', '10', '8', '1.25', '1.25']);
 * assembler.records.length; // 1
 * ```
 */
export class RecordAssembler<T> {
  /** The physical line the next row starts on. */
  nextLine = 1;
  /** The first line not to read (a bad byte is on it). */
  stopAt = Infinity;
  /** Whether a cell of the current row may hold a control character (the file has one somewhere before). */
  private controls = true;
  records: T[] = [];
  issues: ExamcycleIssue<CsvImportIssueCode>[] = [];
  rowsRead = 0;
  fatal: ExamcycleError | undefined;
  private plans: readonly ColumnPlan[] | undefined;
  private width = 0;
  private readonly fieldPlans: number[] = [];
  private readonly checkPlans: number[] = [];
  /** Per check plan, a quick yes for a value its schema accepts (else the schema is asked for the issue). */
  private readonly checkAcceptors: Acceptor[] = [];
  private readonly fallbackPlans: number[] = [];
  private readonly derivedIdFromFile: boolean[] = [];
  private readonly byField = new Map<string, number>();
  /** Per column of the set, flat for the hot loop: cell index, decoder (null for text kept as is), empty-cell reading, default text. */
  private readonly indexes: number[] = [];
  private readonly decoders: (((text: string) => unknown) | null)[] = [];
  private readonly emptyStrings: boolean[] = [];
  private readonly defaults: (string | undefined)[] = [];
  /** Per column: whether its cells are looked at for control characters (a codec that reads a value refuses them itself). */
  private readonly controlChecks: boolean[] = [];
  /** The same length, all false: no column checked (the file has no control character). */
  private readonly noControlChecks: boolean[] = [];
  private values: unknown[] = [];
  /**
   * Per column, the raw cell text last read into a value without a fault (or `''`: none), and that value (a
   * string, number or boolean): a cell that repeats the one above it (a series, a board, a status, a date: most cells of most
   * files) takes the value without being read again. Reading a cell is a function of its text alone, so the
   * value is the one a new reading would give.
   */
  private readonly lastRaw: string[] = [];
  private readonly lastValue: unknown[] = [];
  /** Per column, the row (its {@link seq}) whose cell was last found to be `lastRaw`. */
  private readonly lastSeq: number[] = [];
  /** How many rows have been handed over, blank and header rows among them. */
  private seq = 0;
  /**
   * Per column, the values read so far by their cell's text (a list as a private copy, handed out as a copy):
   * a file repeats a few values (an entry code, a grade, an option's components, a date) though not on
   * the next row, and such a value is then read once and held once, every record that repeats it sharing the
   * one string (a list's records share its items, each with a list of its own: a record's list is its own to
   * change, as zod's are). Each string is one of its own (see {@link ownText}); at most {@link FIRST_KNOWN} per
   * column, more for a column found to repeat (see {@link keep}). A column whose cells mostly differ is no
   * longer looked up once it is full (null), and neither is the record's own id (a new one every row) nor a
   * check-only column.
   */
  private readonly known: (Map<string, unknown> | null | undefined)[] = [];
  private readonly knownHits: number[] = [];
  /** Per column, how many values `known` has room for now ({@link FIRST_KNOWN}, doubled up to {@link MAX_KNOWN}). */
  private readonly knownRoom: number[] = [];
  /** Per column: the quick yes of its check schema (a check-only column), or undefined (no check). */
  private readonly checkAt: (Acceptor | undefined)[] = [];
  /** Where a derived id's fields are in `values`. */
  private idParts: readonly number[] | undefined;
  /** The row validator that skips zod for a row it can vouch for (undefined: zod checks every row). */
  private fast: RecordFastPath | undefined;

  /**
   * @param set - the record kind's columns and schema
   * @param settings - file name, caller synonyms and defaults
   */
  constructor(
    private readonly set: CsvColumnSet,
    private readonly settings: AssemblerSettings,
  ) {}

  /** Where an error is, for this file. */
  location(line: number, field?: string): IssueLocation {
    return { ...(this.settings.file === undefined ? {} : { file: this.settings.file }), line, ...(field === undefined ? {} : { field }) };
  }

  /**
   * Takes the next parsed row (the header first).
   *
   * @param cells - the row's cells as parsed
   * @param quoted - whether the file had a quote before this row's end; if not, no cell holds a line break
   * @param closedAtEnd - whether the file ended inside this row's quoted cell (the reader closed it there)
   * @param controls - whether the file had a control character (other than CR and LF) before this row's end; if not, no cell holds one
   */
  row(cells: string[], quoted = true, closedAtEnd = false, controls = true): void {
    const line = this.nextLine;
    this.seq += 1;
    this.controls = controls;
    const breaks = quoted ? breaksIn(cells) : 0;
    this.nextLine += 1 + breaks;
    if (this.fatal !== undefined || line >= this.stopAt) return;
    this.rowAt(cells, line, breaks, closedAtEnd);
  }

  /**
   * Takes the next row as spans of the text (see {@link RowSpans}: one physical line, no cell with a line
   * break). A data row as wide as the header whose cells all read without a fault and make a record the
   * fast path vouches for becomes that record with no string made for a cell that repeats the one above it;
   * any other row is read as cells by {@link row}'s steps, so what it gives is exactly what they give.
   *
   * @param text - the text the row is in
   * @param starts - where each cell starts in `text`
   * @param ends - where each cell ends in `text`
   * @param count - how many cells the row has
   * @param _quoted - whether the file had a quote before this row's end (no cell of a span row holds a line break either way)
   * @param controls - whether the file had a control character (other than CR and LF) before this row's end
   * @param sames - per cell, 1 when it is surely the same text as that cell of the row handed over just before
   */
  rowSpans(text: string, starts: Int32Array, ends: Int32Array, count: number, _quoted: boolean, controls: boolean, sames: Uint8Array): void {
    const line = this.nextLine;
    this.seq += 1;
    this.controls = controls;
    this.nextLine += 1;
    if (this.fatal !== undefined || line >= this.stopAt) return;
    if (this.plans !== undefined && count === this.width && this.fast !== undefined && this.spanRecord(text, starts, ends, count, sames)) return;
    const cells = new Array<string>(count);
    for (let k = 0; k < count; k += 1) cells[k] = text.slice(starts[k]!, ends[k]!);
    this.rowAt(cells, line, 0, false);
  }

  /**
   * The fast reading of a span row: true when it made the row a record, false (having reported nothing) when
   * the row must be read in full: a blank-looking row, a cell with a fault or one a check is unsure of, or a
   * record the fast path cannot vouch for.
   */
  private spanRecord(text: string, starts: Int32Array, ends: Int32Array, count: number, sames: Uint8Array): boolean {
    // a row with a printable ASCII character is surely not blank; any other goes the long way
    let printable = false;
    for (let k = 0; k < count && !printable; k += 1) {
      const s = starts[k]!;
      const e = ends[k]!;
      for (let p = s; p < e; p += 1) {
        const c = text.charCodeAt(p);
        if (c > 32 && c < 127) {
          printable = true;
          break;
        }
      }
    }
    if (!printable) return false;
    const plans = this.plans!;
    const values = this.values;
    const { indexes, decoders, emptyStrings, defaults, lastRaw, lastValue, lastSeq, checkAt, known, seq } = this;
    const controlChecks = this.controls ? this.controlChecks : this.noControlChecks;
    for (let i = 0; i < plans.length; i += 1) {
      const index = indexes[i]!;
      let raw = '';
      if (index >= 0) {
        // the same text as this column's cell in the row before, whose text was `lastRaw`: its value
        if (sames[index] === 1 && lastSeq[i] === seq - 1) {
          values[i] = lastValue[i];
          lastSeq[i] = seq;
          continue;
        }
        const s = starts[index]!;
        const e = ends[index]!;
        const last = lastRaw[i]!;
        const n = last.length;
        // the last character first (ids and codes that differ mostly differ there), then the rest (measured:
        // startsWith beats a loop of charCodeAt from about 5 characters on)
        if (n === e - s && n > 0 && text.charCodeAt(e - 1) === last.charCodeAt(n - 1) && text.startsWith(last, s)) {
          values[i] = lastValue[i];
          lastSeq[i] = seq;
          continue;
        }
        if (e > s) raw = text.slice(s, e);
      }
      let cell = raw.length === 0 ? raw : cellText(raw);
      if (cell === '') {
        const fallbackText = defaults[i];
        if (fallbackText === undefined) {
          values[i] = emptyStrings[i] ? '' : undefined;
          continue;
        }
        cell = fallbackText;
      }
      if (controlChecks[i]! && CONTROL.test(cell)) return false;
      const cache = known[i];
      if (cache !== null) {
        const kept = cache?.get(cell);
        if (kept !== undefined) {
          this.knownHits[i]! += 1;
          if (Array.isArray(kept)) {
            values[i] = kept.slice();
            continue;
          }
          values[i] = kept;
          if (raw !== '') {
            lastRaw[i] = raw;
            lastValue[i] = kept;
            lastSeq[i] = seq;
          }
          continue;
        }
      }
      const decode = decoders[i];
      const value = decode === null ? cell : decode!(cell);
      if (value instanceof CellFailure) return false;
      const check = checkAt[i];
      if (check !== undefined && check(value) === UNSURE) return false;
      const held = cache === null ? value : this.keep(i, cell, value);
      values[i] = held;
      if (raw !== '' && (typeof held === 'string' || typeof held === 'number' || typeof held === 'boolean')) {
        lastRaw[i] = raw;
        lastValue[i] = held;
        lastSeq[i] = seq;
      }
    }
    for (const i of this.fallbackPlans) {
      if (values[i] === undefined) values[i] = values[plans[i]!.fallback];
    }
    const record = this.fast!(values);
    if (record === undefined) return false;
    this.rowsRead += 1;
    this.records.push(record as T);
    return true;
  }

  /**
   * Keeps the value read from `cell` in column `i` by that text, while the column has room: a string, a
   * number, a yes/no, or a list of such as a private copy; no other object, and nothing read from a cell
   * longer than {@link MAX_KEPT_CHARS}. The text and every string kept
   * are text of their own ({@link ownText}). Returns the value the row is to hold: the string kept, or
   * `value` itself. A full column whose cells were found kept fewer than half as many times as it holds
   * values is given up; one found kept more often is given twice the room, up to {@link MAX_KNOWN}, and
   * then keeps what it holds.
   */
  private keep(i: number, cell: string, value: unknown): unknown {
    let cache = this.known[i];
    if (cache === null || value === undefined || typeof value === 'function' || cell.length > MAX_KEPT_CHARS) return value;
    if (cache !== undefined && cache.size >= this.knownRoom[i]!) {
      if (2 * this.knownHits[i]! < cache.size) {
        this.known[i] = null;
        return value;
      }
      if (cache.size >= MAX_KNOWN) return value;
      this.knownRoom[i]! *= 2;
    }
    let kept = value;
    if (typeof value === 'object' && value !== null) {
      if (!Array.isArray(value)) return value;
      const items = new Array<unknown>(value.length);
      for (let k = 0; k < value.length; k += 1) {
        const item: unknown = value[k];
        if ((typeof item === 'object' && item !== null) || typeof item === 'function') return value;
        items[k] = typeof item === 'string' ? ownText(item) : item;
      }
      kept = items;
    }
    // the key too: a slice of the cell would keep its chunk alive as well
    const key = ownText(cell);
    if (typeof value === 'string') kept = value === cell ? key : ownText(value);
    if (cache === undefined) this.known[i] = cache = new Map();
    cache.set(key, kept);
    return typeof kept === 'string' ? kept : value;
  }

  /** A row at `line`, its line breaks counted, once the file is known to be read that far. */
  private rowAt(cells: string[], line: number, breaks: number, closedAtEnd: boolean): void {
    if (breaks > 0) {
      this.runaway(cells, line, closedAtEnd);
      return;
    }
    if (isBlank(cells)) return;
    if (this.plans === undefined) {
      this.header(cells, line);
      return;
    }
    this.rowsRead += 1;
    this.data(cells, line);
  }

  /**
   * A row whose quoted cell spans lines: no column holds a line break, so a closing quote is missing. The
   * line where the quote opened is reported (and the line holding the quote that closed it, if one did),
   * and every line it swallowed is read again as the row it was.
   */
  private runaway(cells: string[], line: number, closedAtEnd: boolean): void {
    const lines = physicalLines(cells, closedAtEnd);
    for (let k = 0; k < lines.length && this.fatal === undefined && line + k < this.stopAt; k += 1) {
      const { text, role } = lines[k]!;
      const at = line + k;
      if (this.plans === undefined && role !== 'plain') {
        this.fatal = new ExamcycleError(
          'truncated_quote',
          `A quoted cell of the header row at line ${at} is not closed on its line: a closing " is missing`,
          { location: this.location(at) },
        );
        return;
      }
      if (role === 'opening') {
        this.rowsRead += 1;
        let after = 0;
        for (let j = k + 1; j < lines.length; j += 1) if (lines[j]!.text.trim() !== '') after += 1;
        const swallowed = after === 1 ? 'the line after it was' : `the ${after} lines after it were`;
        this.issue(
          at,
          'truncated_quote',
          `A quoted cell opens on line ${at} and is not closed on that line: no column holds a line break, so a closing " is most likely missing (${swallowed} read on their own)`,
          undefined,
          text,
        );
        continue;
      }
      if (role === 'closing') {
        this.rowsRead += 1;
        this.issue(at, 'malformed_row', `The quoted cell opened on line ${line} ends on line ${at}, so this line cannot be read apart from it: check its quotes`, undefined, text);
        continue;
      }
      const again = lineCells(text);
      if (again === undefined) {
        this.rowsRead += 1;
        this.issue(at, 'truncated_quote', `A quoted cell opens on line ${at} and is not closed on that line: a closing " is most likely missing`, undefined, text);
      } else if (!isBlank(again)) {
        if (this.plans === undefined) {
          this.header(again, at);
          continue;
        }
        this.rowsRead += 1;
        this.data(again, at);
      }
    }
  }

  /** Marks the input unreadable; nothing after it is read. */
  fail(error: ExamcycleError): void {
    this.fatal ??= error;
  }

  /** Ends the input: a file with no header row at all is empty. */
  finish(): void {
    if (this.fatal === undefined && this.plans === undefined) {
      this.fatal = new ExamcycleError('empty_file', 'The file is empty: it has no header row and no data', { location: this.location(1) });
    }
  }

  private header(cells: string[], line: number): void {
    const texts = cells.map(cellText);
    const sep = SEP_LINE.exec(texts.length === 2 && texts[1] === '' ? `${texts[0]},` : texts.length === 1 ? texts[0]! : '');
    if (sep) {
      if (sep[1] !== ',') {
        this.fatal = new ExamcycleError('wrong_header', `The file says its separator is "${sep[1]}"; only comma-separated CSV is read`, {
          location: this.location(line),
        });
      }
      return;
    }
    const match = matchHeader(this.set, texts, line, this.settings);
    if (match instanceof ExamcycleError) {
      this.fatal = match;
      return;
    }
    this.plans = match.plans;
    this.width = match.width;
    this.values = new Array<unknown>(match.plans.length);
    match.plans.forEach((plan, i) => {
      if (plan.column.field !== undefined) {
        this.fieldPlans.push(i);
        this.byField.set(plan.column.field, i);
      }
      if (plan.column.check !== undefined) {
        this.checkPlans.push(i);
        this.checkAcceptors.push(schemaAcceptor(plan.column.check as unknown as z.core.$ZodType));
      }
      this.checkAt.push(plan.column.check === undefined ? undefined : this.checkAcceptors[this.checkAcceptors.length - 1]);
      this.lastRaw.push('');
      this.lastSeq.push(-1);
      this.known.push(plan.column.check === undefined && plan.column.field !== 'id' ? undefined : null);
      this.knownHits.push(0);
      this.knownRoom.push(FIRST_KNOWN);
      this.lastValue.push(undefined);
      if (plan.fallback >= 0) this.fallbackPlans.push(i);
      this.derivedIdFromFile.push(plan.column.field === 'id' && plan.index < 0 && this.set.derivedId !== undefined);
      this.indexes.push(plan.index);
      this.decoders.push(KEEPS_TEXT.has(plan.column.codec) ? null : plan.column.codec.decode.bind(plan.column.codec));
      this.emptyStrings.push(plan.column.codec.empty === 'empty_string');
      this.controlChecks.push(!readsValue(plan.column.codec));
      this.noControlChecks.push(false);
      this.defaults.push(plan.defaultText === '' ? undefined : plan.defaultText);
    });
    this.idParts = this.set.derivedId?.map((field) => this.byField.get(field) ?? -1);
    this.fast = compileRecordFastPath(this.set.schema, this.byField, this.set.derivedId);
  }

  /** Records a problem with the row at `line`; `plan` is the column at fault (its header and cell position), when one is. */
  private issue(line: number, code: CsvImportIssueCode, message: string, plan?: ColumnPlan | string, value?: string): void {
    const field = plan === undefined ? undefined : typeof plan === 'string' ? plan : plan.header;
    const column = typeof plan === 'object' && plan.index >= 0 ? plan.index + 1 : undefined;
    const location: IssueLocation = {
      ...(this.settings.file === undefined ? {} : { file: this.settings.file }),
      line,
      ...(column === undefined ? {} : { column }),
      ...(field === undefined ? {} : { field }),
      ...(value === undefined ? {} : { value: clip(value) }),
    };
    this.issues.push({ code, severity: 'error', message, location });
  }

  private data(cells: string[], line: number): void {
    const plans = this.plans!;
    const before = this.issues.length;
    if (cells.length !== this.width) {
      const extraBlank = cells.length > this.width && isBlank(cells.slice(this.width));
      if (!extraBlank) {
        this.issue(
          line,
          'malformed_row',
          `The row has ${cells.length} cells but the header has ${this.width}: a cell is missing or extra, or a line break or quote split the row`,
          undefined,
          cells.join(','),
        );
        return;
      }
    }

    const values = this.values;
    const { indexes, decoders, emptyStrings, defaults } = this;
    const controlChecks = this.controls ? this.controlChecks : this.noControlChecks;
    for (let i = 0; i < plans.length; i += 1) {
      const index = indexes[i]!;
      const raw = index >= 0 ? (cells[index] ?? '') : '';
      let text = raw.length === 0 ? raw : cellText(raw);
      if (text === '') {
        const fallbackText = defaults[i];
        if (fallbackText === undefined) {
          values[i] = emptyStrings[i] ? '' : undefined;
          continue;
        }
        text = fallbackText;
      }
      if (controlChecks[i]! && CONTROL.test(text)) {
        const plan = plans[i]!;
        const at = controlCharacterAt(text);
        this.issue(
          line,
          'invalid_value',
          `${plan.header}: the cell holds the control character ${controlCharacterName(text, at)} at position ${at + 1}; ids, names and codes are printable text on one line`,
          plan,
          index >= 0 ? raw : text,
        );
        values[i] = FAILED;
        continue;
      }
      const decode = decoders[i];
      if (decode === null) {
        values[i] = text;
        continue;
      }
      const value = decode!(text);
      if (value instanceof CellFailure) {
        const plan = plans[i]!;
        this.issue(line, value.code, `${plan.header}: ${value.message}`, plan, index >= 0 ? raw : text);
        values[i] = FAILED;
      } else {
        values[i] = value;
      }
    }
    for (const i of this.fallbackPlans) {
      if (values[i] === undefined) values[i] = values[plans[i]!.fallback];
    }
    for (let k = 0; k < this.checkPlans.length; k += 1) {
      const i = this.checkPlans[k]!;
      const v = values[i];
      if (v === undefined || v === FAILED || this.checkAcceptors[k]!(v) !== UNSURE) continue;
      const plan = plans[i]!;
      const checked = plan.column.check!.safeParse(v);
      if (!checked.success) {
        const first = checked.error.issues[0]!;
        this.issue(line, schemaCode(first), `${plan.header}: ${first.message}`, plan, String(v));
      }
    }

    if (this.issues.length === before && this.fast !== undefined) {
      const record = this.fast(values);
      if (record !== undefined) {
        this.records.push(record as T);
        return;
      }
    }

    const draft: Record<string, unknown> = {};
    for (const i of this.fieldPlans) {
      const plan = plans[i]!;
      const v = values[i];
      if (v !== undefined && v !== FAILED) draft[plan.column.field!] = v;
    }
    if (this.idParts !== undefined && draft['id'] === undefined) {
      const id = joinedId(values, this.idParts);
      if (id !== undefined) draft['id'] = id;
    }

    const parsed = this.set.schema.safeParse(draft);
    if (parsed.success) {
      if (this.issues.length === before) this.records.push(parsed.data as T);
      return;
    }
    const rowHadIssues = this.issues.length > before;
    for (const zi of parsed.error.issues) {
      const field = typeof zi.path[0] === 'string' ? zi.path[0] : undefined;
      const at = field === undefined ? undefined : this.byField.get(field);
      if (at !== undefined && values[at] === FAILED) continue;
      if (at !== undefined && this.derivedIdFromFile[at] && (rowHadIssues || parsed.error.issues.length > 1)) continue;
      const plan = at === undefined ? undefined : plans[at];
      const header = plan?.header ?? field ?? this.set.kind;
      const raw = plan === undefined ? undefined : plan.index >= 0 ? (cells[plan.index] ?? '') : plan.defaultText;
      const value = at === undefined ? undefined : values[at];
      const empty = value === undefined || value === '';
      const message =
        empty && (zi.code === 'invalid_type' || zi.code === 'too_small')
          ? `${header} is required${plan !== undefined && plan.index < 0 ? ' (the file has no such column)' : ''}`
          : `${header}: ${zi.message}`;
      this.issue(line, schemaCode(zi), message, plan ?? header, raw);
    }
    if (this.issues.length === before) {
      this.issue(line, 'invalid_value', 'The row is not a valid record', undefined, cells.join(','));
    }
  }
}
