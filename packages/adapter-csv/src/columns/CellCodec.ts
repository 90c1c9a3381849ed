/**
 * A cell codec turns the text of one CSV cell into a domain value (import) and a domain value back into
 * a cell (export). Decoding never throws: a cell it cannot read comes back as a {@link CellFailure}, which
 * the importer turns into a row issue with the line, column and raw value.
 */
import type { ExamcycleErrorCode } from '@examcycle/core';

/**
 * The codes a cell's failure carries: `bad_check_character` for an identifier whose check character is wrong,
 * else `invalid_value`.
 *
 * @example
 * ```ts
 * const code: CellFailureCode = 'bad_check_character';
 * ```
 */
export type CellFailureCode = Extract<ExamcycleErrorCode, 'invalid_value' | 'bad_check_character'>;

/**
 * Why one cell could not be read.
 *
 * @example
 * ```ts
 * new CellFailure('Not a date: use yyyy-mm-dd, dd/mm/yyyy or an Excel serial number');
 * ```
 */
export class CellFailure {
  /**
   * @param message - what is wrong, in words an exams officer understands
   * @param code - the examcycle reason; `invalid_value` unless an identifier's check character is wrong
   */
  constructor(
    readonly message: string,
    readonly code: CellFailureCode = 'invalid_value',
  ) {}
}

/**
 * What a cell codec does with an empty cell: leave the field out, or keep the empty string.
 *
 * @example
 * ```ts
 * const forenames: EmptyCell = 'empty_string'; // a candidate with a single name
 * ```
 */
export type EmptyCell = 'absent' | 'empty_string';

/**
 * Reads and writes one kind of cell.
 *
 * @example
 * ```ts
 * const yes: CellCodec<boolean> = {
 *   name: 'yes/no', empty: 'absent',
 *   decode: (t) => (t === 'Y' ? true : t === 'N' ? false : new CellFailure('Not Y or N')),
 *   encode: (v) => (v ? 'Y' : 'N'),
 * };
 * ```
 */
export interface CellCodec<T = unknown> {
  /** A short name for documentation (`date`, `list`, …). */
  readonly name: string;
  /** How an empty cell reads. */
  readonly empty: EmptyCell;
  /**
   * Other spellings read as a value (an enumeration's aliases, folded: lower case, `_` for spaces and
   * hyphens), for documentation; a list's are its items'.
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Reads trimmed, non-empty cell text. */
  decode(text: string): T | CellFailure;
  /**
   * Writes a value; a `number` result is a real number (the formula guard may leave it alone).
   * @throws ExamcycleError `unrepresentable_value` when the value cannot be written so that it reads back the same
   */
  encode(value: T): string | number;
}

/** The most characters of a cell a message repeats. */
const QUOTED_PREFIX = 40;

/**
 * A cell's text in quotes for a message, cut to its first 40 characters (and `…`) so that an issue about
 * a huge cell stays short.
 *
 * @param text - the cell's text
 * @example
 * ```ts
 * new CellFailure(`${cellQuote('x'.repeat(1000))} is not a number`); // '"xxxx…xxxx…" is not a number'
 * ```
 */
export function cellQuote(text: string): string {
  return text.length > QUOTED_PREFIX ? `"${text.slice(0, QUOTED_PREFIX)}…"` : `"${text}"`;
}
