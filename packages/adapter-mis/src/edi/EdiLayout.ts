/**
 * The shape of a fixed-width EDI record layout. A layout is data: an ordered list of fields, each with
 * its 1-based start column, length, type, padding, the sources that state it and how sure we are. The
 * codec reads and writes any layout, so a position corrected from the JCQ booklet is a data change only.
 */
import type { EdiSourceKey } from './ediSources.js';

/**
 * The width of every JCQ EDI record, before the CR LF.
 *
 * @example
 * ```ts
 * declare const line: string;
 * line.length === EDI_RECORD_LENGTH; // every record is 192 characters before its CR LF
 * ```
 */
export const EDI_RECORD_LENGTH = 192;

/**
 * How a field's content is checked.
 * - `literal`: one of `values` (the data-type letter, the record type digit).
 * - `numeric`: digits, right-aligned and zero-filled.
 * - `alpha`: a code character or characters, left-justified.
 * - `text`: free text, left-justified and space-filled (no leading space).
 * - `date`: `ddmmyy`.
 * - `opaque`: content no source describes; any printable character, kept as it is.
 *
 * @example
 * ```ts
 * const type: EdiFieldType = 'numeric'; // digits, right-aligned and zero-filled
 * ```
 */
export type EdiFieldType = 'literal' | 'numeric' | 'alpha' | 'text' | 'date' | 'opaque';

/**
 * How a field is padded to its length when written.
 *
 * @example
 * ```ts
 * const padding: EdiPadding = 'zero-left'; // a mark of 45 in three columns is written 045
 * ```
 */
export type EdiPadding = 'zero-left' | 'space-right';

/**
 * How far a field is known.
 * - `corroborated`: the public v14 implementation states it and an awarding body's own statement agrees.
 * - `implementation`: only the public v14 implementation (Aspen) states it.
 * - `inferred`: follows from stated facts, but no source says it.
 * - `unknown`: no source describes it; kept as opaque text.
 *
 * @example
 * ```ts
 * const sure = ENTRIES_DETAIL_LAYOUT.fields.filter((f) => f.confidence === 'corroborated').map((f) => f.field);
 * const level: EdiConfidence = 'implementation';
 * ```
 */
export type EdiConfidence = 'corroborated' | 'implementation' | 'inferred' | 'unknown';

/**
 * The characters a `text` field may hold. `name`: A–Z and `' . : ( ) / -` and space; `printable`: any printable ASCII.
 *
 * @example
 * ```ts
 * const charset: EdiCharset = 'name'; // candidate names: A–Z, ' . : ( ) / - and space
 * ```
 */
export type EdiCharset = 'name' | 'printable';

/**
 * One field of a fixed-width record.
 *
 * @example
 * ```ts
 * const uci: EdiField | undefined = ENTRIES_DETAIL_LAYOUT.fields.find((f) => f.field === 'uci');
 * uci?.start; // 60
 * ```
 */
export interface EdiField {
  /** The field's name in records (camelCase). */
  readonly field: string;
  /** 1-based first column. */
  readonly start: number;
  /** Number of columns. */
  readonly length: number;
  readonly type: EdiFieldType;
  readonly padding: EdiPadding;
  /** Whether an all-blank field is allowed. */
  readonly blankAllowed: boolean;
  /** The allowed values, where a source lists them (for `literal` fields, required). */
  readonly values?: readonly string[];
  /** The characters a `text` field may hold; `printable` when omitted. */
  readonly charset?: EdiCharset;
  /** For awarding-body files: accept right-aligned numbers padded with spaces as well as zeros. */
  readonly spacePaddedNumbers?: boolean;
  /** The sources that state the field (keys of `EDI_SOURCES`). */
  readonly source: readonly EdiSourceKey[];
  readonly confidence: EdiConfidence;
  /** What the sources say, or what is still unknown (values, meaning). */
  readonly note?: string;
}

/**
 * A record layout: the fields of one record type, covering columns 1 to 192 without gaps.
 *
 * @example
 * ```ts
 * const layout: EdiRecordLayout | undefined = EDI_LAYOUTS['entries.detail'];
 * layout?.fields.map((f) => `${f.field} ${f.start}–${f.start + f.length - 1}`);
 * ```
 */
export interface EdiRecordLayout {
  /** A stable id, e.g. `entries.detail`, `results.detail.grades`, `basedata.option`. */
  readonly id: string;
  /** What the record is. */
  readonly title: string;
  /** The data-type letters (column 1) this layout is used with. */
  readonly dataTypes: readonly string[];
  /** The record type digit (column 2). */
  readonly recordType: '1' | '3' | '5' | '7' | '9';
  readonly fields: readonly EdiField[];
}
