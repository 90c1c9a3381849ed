/**
 * Turns parsed rows into validated records of one kind. It counts physical lines (a quoted cell with line
 * breaks spans several), skips blank rows, matches the header, reads each cell with its column's codec
 * (trimmed, with the formula guard undone), fills defaults, stand-ins and derived ids, and validates the
 * row against core's zod schema: through the fast path compiled from that schema when it can vouch for
 * the row (see {@link compileRecordFastPath}), else with `safeParse`, whose issues are reported. Every
 * data row ends as exactly one record or at least one issue `{ line, column, value, code, message }` at
 * the row's first physical line; nothing is thrown.
 *
 * @internal
 */
import { BAD_CHECK_CHARACTER, ExamcycleError, type ErrorLocation, type ExamcycleErrorCode, type RecordIssue } from '@examcycle/core';
import type { z } from 'zod';
import { CellFailure } from '../columns/CellCodec.js';
import { KEEPS_TEXT } from '../columns/cellCodecs.js';
import type { CsvColumnSet } from '../columns/CsvColumnSet.js';
import { restoreFormula } from './formulaGuard.js';
import { matchHeader, type ColumnPlan } from './headerMatch.js';
import { compileRecordFastPath, joinedId, type RecordFastPath } from './recordFastPath.js';
import { schemaAcceptor, UNSURE, type Acceptor } from './schemaAcceptor.js';

/** What the assembler needs from the import options. */
export interface AssemblerSettings {
  readonly file: string | undefined;
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  readonly defaults: Readonly<Record<string, string>>;
}

/** The longest raw value an issue repeats. */
const MAX_ISSUE_VALUE = 200;
const SEP_LINE = /^sep=(.)$/i;
const CODES_FROM_SCHEMAS = new Set<string>([BAD_CHECK_CHARACTER, 'invalid_value']);
const FAILED = Symbol('failed');

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

function schemaCode(issue: z.core.$ZodIssue): ExamcycleErrorCode {
  const code = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && CODES_FROM_SCHEMAS.has(code) ? (code as ExamcycleErrorCode) : 'invalid_value';
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
  records: T[] = [];
  issues: RecordIssue[] = [];
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
  private values: unknown[] = [];
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
  location(line: number, column?: string): ErrorLocation {
    return { ...(this.settings.file === undefined ? {} : { file: this.settings.file }), line, ...(column === undefined ? {} : { column }) };
  }

  /**
   * Takes the next parsed row (the header first).
   *
   * @param cells - the row's cells as parsed
   * @param quoted - whether the file had a quote before this row's end; if not, no cell holds a line break
   */
  row(cells: string[], quoted = true): void {
    const line = this.nextLine;
    this.nextLine += quoted ? 1 + breaksIn(cells) : 1;
    if (this.fatal !== undefined || isBlank(cells)) return;
    if (this.plans === undefined) {
      this.header(cells, line);
      return;
    }
    this.rowsRead += 1;
    this.data(cells, line);
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
      if (plan.fallback >= 0) this.fallbackPlans.push(i);
      this.derivedIdFromFile.push(plan.column.field === 'id' && plan.index < 0 && this.set.derivedId !== undefined);
      this.indexes.push(plan.index);
      this.decoders.push(KEEPS_TEXT.has(plan.column.codec) ? null : plan.column.codec.decode.bind(plan.column.codec));
      this.emptyStrings.push(plan.column.codec.empty === 'empty_string');
      this.defaults.push(plan.defaultText === '' ? undefined : plan.defaultText);
    });
    this.idParts = this.set.derivedId?.map((field) => this.byField.get(field) ?? -1);
    this.fast = compileRecordFastPath(this.set.schema, this.byField, this.set.derivedId);
  }

  private issue(line: number, code: ExamcycleErrorCode, message: string, column?: string, value?: string): void {
    this.issues.push({
      ...(this.settings.file === undefined ? {} : { file: this.settings.file }),
      line,
      ...(column === undefined ? {} : { column }),
      ...(value === undefined ? {} : { value: clip(value) }),
      code,
      message,
    });
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
      const decode = decoders[i];
      if (decode === null) {
        values[i] = text;
        continue;
      }
      const value = decode!(text);
      if (value instanceof CellFailure) {
        const plan = plans[i]!;
        this.issue(line, value.code, `${plan.header}: ${value.message}`, plan.header, index >= 0 ? raw : text);
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
        this.issue(line, schemaCode(first), `${plan.header}: ${first.message}`, plan.header, String(v));
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
      this.issue(line, schemaCode(zi), message, header, raw);
    }
    if (this.issues.length === before) {
      this.issue(line, 'invalid_value', 'The row is not a valid record', undefined, cells.join(','));
    }
  }
}
