/**
 * The table-driven fixed-width codec: one decoder and one encoder for every {@link EdiRecordLayout},
 * compiled once per layout (a plan per field with its offsets, its check and its padding; the values object
 * of a record built by one object literal generated from the layout's field names, never from a file).
 * Decoding checks each field against its type (digits, dates, left-justified text, the name character
 * set, printable ASCII) by character codes on the line itself and reports every failure with its line,
 * record type, field and column; it never throws. Encoding pads each value to its field from precomputed
 * padding and refuses what the field cannot hold.
 */
import { spaces } from './fixedText.js';
import type { ExamcycleIssue, IssueLocation } from '@examcycle/core';
import { EDI_RECORD_LENGTH, type EdiField, type EdiRecordLayout } from './EdiLayout.js';
import { isEdiDate } from './ediDate.js';

/**
 * The raw values of one record, by field name: text trimmed on the right, opaque fields exactly as found.
 *
 * @example
 * ```ts
 * const values: EdiValues = { optionCode: '8300F', componentCode: '8300/1F' };
 * encodeEdiRecord(values, BASEDATA_LINK_LAYOUT).ok; // true
 * ```
 */
export type EdiValues = Readonly<Record<string, string>>;

/**
 * Where a line came from, for issues.
 *
 * @example
 * ```ts
 * const where: EdiLineContext = { file: 'E1234570.X01', line: 3 };
 * declare const line: string;
 * decodeEdiRecord(line, ENTRIES_DETAIL_LAYOUT, where);
 * ```
 */
export interface EdiLineContext {
  readonly file?: string;
  readonly line: number;
}

/**
 * A decoded record, or the issues that stopped it.
 *
 * @example
 * ```ts
 * declare const line: string;
 * const result: EdiDecodeResult = decodeEdiRecord(line, RESULTS_MARK_LAYOUT, { file: 'R1234570.X01', line: 4 });
 * if (result.values === undefined) result.issues.map((i) => `column ${i.location?.column}: ${i.message}`);
 * ```
 */
export interface EdiDecodeResult {
  /** Present when every field is valid, or was read leniently (then `issues` holds only warnings). */
  readonly values?: EdiValues;
  readonly issues: readonly ExamcycleIssue<'malformed_record' | 'invalid_value'>[];
}

/** Options for {@link decodeEdiRecord}. */
export interface EdiDecodeOptions {
  /**
   * Refuse every field that does not meet its layout exactly. When `false`, what awarding bodies plausibly
   * send is read with a `warning` issue, as the public v14 implementation (Aspen) reads it: a text field
   * padded on the left is trimmed, spaces in a number are removed (`' 45'` → `045`), and a code in lower
   * case is read in upper case when that is one of its values (result type `u` → `U`).
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * An encoded line (192 characters, no end of line), or the issues that stopped it.
 *
 * @example
 * ```ts
 * const out: EdiEncodeResult = encodeEdiRecord({ optionCode: '8300FXX', componentCode: '8300/1F' }, BASEDATA_LINK_LAYOUT);
 * if (!out.ok) out.issues[0]?.message; // 'optionCode holds 6 characters; "8300FXX" has 7'
 * ```
 */
export type EdiEncodeResult =
  | { readonly ok: true; readonly line: string }
  | { readonly ok: false; readonly issues: readonly ExamcycleIssue<'unrepresentable_value'>[] };

type ReadIssue = ExamcycleIssue<'malformed_record' | 'invalid_value'>;

/**
 * Where a decoder puts the issues it finds: any list that can hold them (a file reading's list of every code).
 *
 * @internal
 */
export interface EdiIssueSink<Code extends ExamcycleIssue['code']> {
  push(...issues: ExamcycleIssue<Code>[]): number;
}
type WriteIssue = ExamcycleIssue<'unrepresentable_value'>;

const PRINTABLE = /^[\x20-\x7e]*$/;
const NAME_CHARS = /^[A-Z'.:()/\- ]*$/;
/**
 * The characters a name field may hold (A–Z, `'`, `.`, `:`, `(`, `)`, `/`, `-` and space), as a table by character
 * code: 1 where allowed.
 *
 * @internal
 */
export const NAME_TABLE = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128);
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZ'.:()/- ") t[ch.charCodeAt(0)] = 1;
  return t;
})();

function columns(field: EdiField): string {
  return field.length === 1 ? `column ${field.start}` : `columns ${field.start}–${field.start + field.length - 1}`;
}

/** What is wrong with a field's raw text, in words, or `undefined` when it is valid (the reference check). */
function fieldProblem(field: EdiField, raw: string, forWriting: boolean): string | undefined {
  if (!PRINTABLE.test(raw)) return 'holds a character outside printable ASCII';
  const blank = raw.trim() === '';
  if (field.type === 'opaque') return undefined;
  if (blank) {
    if (field.blankAllowed) return undefined;
    return 'is blank but required';
  }
  switch (field.type) {
    case 'literal':
      return field.values?.includes(raw) ? undefined : `must be ${(field.values ?? []).join(' or ')}`;
    case 'numeric': {
      const ok = field.spacePaddedNumbers && !forWriting ? /^ *\d+$/.test(raw) : /^\d+$/.test(raw);
      return ok ? undefined : 'must be digits, right-aligned and zero-filled';
    }
    case 'date':
      return isEdiDate(raw) ? undefined : 'must be a real ddmmyy date';
    case 'alpha':
    case 'text': {
      if (raw.startsWith(' ')) return 'must be left-justified (it starts with a space)';
      if (field.charset === 'name' && !NAME_CHARS.test(raw)) return "may hold only A-Z, ' . : ( ) / - and spaces";
      const value = raw.trimEnd();
      if (field.values && !field.values.includes(value)) return `must be ${field.values.join(' or ')}`;
      return undefined;
    }
  }
}

/** The value a valid field's raw text reads as. */
function readValue(field: EdiField, raw: string): string {
  return field.type === 'opaque' ? raw : field.spacePaddedNumbers ? raw.trim() : raw.trimEnd();
}

/** A lenient reading of a field the strict check refused, or `undefined` when none is plausible. */
function lenientValue(field: EdiField, raw: string): { readonly value: string; readonly change: string } | undefined {
  if (!PRINTABLE.test(raw) || field.type === 'opaque' || field.type === 'date') return undefined;
  if (field.type === 'numeric') {
    const digits = raw.replace(/ /g, '');
    if (digits === '' || !/^\d+$/.test(digits)) return undefined;
    return { value: digits.padStart(field.length, '0'), change: 'spaces removed' };
  }
  if (field.type === 'literal') {
    const upper = raw.toUpperCase();
    return field.values?.includes(upper) ? { value: upper, change: 'read in upper case' } : undefined;
  }
  const trimmed = raw.trim();
  const changes: string[] = [];
  if (trimmed !== raw.trimEnd()) changes.push('leading spaces removed');
  let value = trimmed;
  const upperOk = (v: string): boolean => (field.charset !== 'name' || NAME_CHARS.test(v)) && (field.values === undefined || field.values.includes(v));
  if (!upperOk(value)) {
    const upper = value.toUpperCase();
    if (upper === value || !upperOk(upper)) return undefined;
    value = upper;
    changes.push('read in upper case');
  }
  if (value === '' && !field.blankAllowed) return undefined;
  return changes.length === 0 ? undefined : { value, change: changes.join(', ') };
}

/** How a field is checked (numbers, so the check dispatches on a small integer). */
const Kind = { Opaque: 0, Literal: 1, Numeric: 2, Date: 3, Text: 4 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** One field, compiled: its offsets, its kind and what its check needs. */
interface FieldPlan {
  readonly field: EdiField;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly kind: Kind;
  readonly blankAllowed: boolean;
  readonly values: readonly string[] | undefined;
  /** Whether only the reference check may decide (a listed value is not printable ASCII). */
  readonly slowOnly: boolean;
  /** Spaces, the field's length: a blank field. */
  readonly blank: string;
  readonly nameCharset: boolean;
  readonly zeroLeft: boolean;
  /** The value written when none is given (a single-valued literal is filled in). */
  readonly fallback: string;
  readonly columns: string;
}

/** Whether the characters from `from` to `to` are printable ASCII. */
function printableRange(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/**
 * The common valid cases, checked by character codes on the text itself (each field's own characters,
 * printable ASCII included): the value the field reads as, or `null` to leave it to {@link fieldProblem}
 * (which decides, and words the problem). It accepts nothing {@link fieldProblem} refuses, and reads what it
 * accepts as {@link readValue} does.
 */
function quickValue(p: FieldPlan, s: string, from: number, to: number): string | null {
  if (p.slowOnly) return null;
  if (p.kind === Kind.Opaque) {
    const v = s.slice(from, to);
    // an unused column block is blank: one comparison with the padding, no scan
    return v === p.blank || printableRange(v, 0, v.length) ? v : null;
  }
  let end = to;
  while (end > from && s.charCodeAt(end - 1) === 0x20) end -= 1;
  if (end === from) return p.blankAllowed ? '' : null;
  switch (p.kind) {
    case Kind.Literal: {
      if (end !== to || p.values === undefined) return null;
      const v = s.slice(from, to);
      // the layout's values are printable ASCII (checked when the layout is compiled)
      return p.values.includes(v) ? v : null;
    }
    case Kind.Numeric:
    case Kind.Date: {
      if (end !== to) return null;
      for (let i = from; i < to; i += 1) {
        const c = s.charCodeAt(i);
        if (c < 0x30 || c > 0x39) return null;
      }
      const v = s.slice(from, to);
      return p.kind === Kind.Numeric || isEdiDate(v) ? v : null;
    }
    default: {
      if (s.charCodeAt(from) === 0x20) return null;
      if (p.nameCharset) {
        for (let i = from; i < end; i += 1) if (NAME_TABLE[s.charCodeAt(i)] !== 1) return null;
      } else if (p.values === undefined && !printableRange(s, from, end)) return null;
      const v = s.slice(from, end);
      return p.values === undefined || p.values.includes(v) ? v : null;
    }
  }
}

/** Whether every character is printable ASCII. */
function printable(s: string): boolean {
  return printableRange(s, 0, s.length);
}

const ZEROS: string[] = [];
function zeros(n: number): string {
  return (ZEROS[n] ??= '0'.repeat(n));
}

/** A value padded to its field: spaces on the right, or zeros on the left. */
function padOf(p: FieldPlan, value: string): string {
  const length = p.to - p.from;
  return value === '' ? spaces(length) : p.zeroLeft ? zeros(length - value.length) + value : value + spaces(length - value.length);
}

/** Whether the host lets code be compiled (`new Function` throws under a strict content security policy). */
let compiling: boolean | undefined;
function mayCompile(): boolean {
  if (compiling === undefined) {
    try {
      compiling = (new Function('return 1') as () => number)() === 1;
    } catch {
      compiling = false; // the host forbids compiling code: values are built in a loop
    }
  }
  return compiling;
}

/** Builds the values object of a record from its fields in layout order (one generated object literal where the host allows it). */
function valuesFactory(names: readonly string[]): (fields: readonly string[]) => EdiValues {
  const plain = names.every((n) => n !== '__proto__') && new Set(names).size === names.length;
  if (plain && mayCompile()) {
    return new Function('f', `return {${names.map((n, i) => `${JSON.stringify(n)}: f[${i}]`).join(', ')}};`) as (fields: readonly string[]) => EdiValues;
  }
  return (fields) => {
    const values: Record<string, string> = {};
    for (let i = 0; i < names.length; i += 1) values[names[i]!] = fields[i]!;
    return values;
  };
}

/** One field's quick check on a whole line: the value it reads as, or `null` for the reference check. */
type Quick = (line: string) => string | null;

/** A field's quick check as a closure over its offsets, specialised for the common kinds ({@link quickValue} for the rest). */
function quickFor(p: FieldPlan): Quick {
  const { from, to, blankAllowed } = p;
  if (p.slowOnly) return () => null;
  const only = p.values?.length === 1 ? p.values[0]! : undefined;
  if (p.kind === Kind.Literal && to - from === 1 && only !== undefined && only.length === 1 && only !== ' ') {
    const code = only.charCodeAt(0);
    return (s) => {
      const c = s.charCodeAt(from);
      return c === code ? only : c === 0x20 && blankAllowed ? '' : null;
    };
  }
  if (p.kind === Kind.Opaque) {
    const blank = p.blank;
    return (s) => {
      const v = s.slice(from, to);
      return v === blank || printableRange(v, 0, v.length) ? v : null;
    };
  }
  if (p.kind === Kind.Numeric) {
    return (s) => {
      if (s.charCodeAt(from) === 0x20) {
        for (let i = from + 1; i < to; i += 1) if (s.charCodeAt(i) !== 0x20) return null;
        return blankAllowed ? '' : null;
      }
      for (let i = from; i < to; i += 1) {
        const c = s.charCodeAt(i);
        if (c < 0x30 || c > 0x39) return null;
      }
      return s.slice(from, to);
    };
  }
  if (p.kind === Kind.Text && p.values === undefined) {
    const nameCharset = p.nameCharset;
    if (to - from === 1) {
      // a one-character text field (a flag): one character code, the string from V8's one-character cache
      return (s) => {
        const c = s.charCodeAt(from);
        if (c === 0x20) return blankAllowed ? '' : null;
        if (nameCharset ? NAME_TABLE[c] !== 1 : c < 0x20 || c > 0x7e) return null;
        return s.charAt(from);
      };
    }
    // free text (a name, a code): trailing spaces trimmed, then each character by its code
    return (s) => {
      let end = to;
      while (end > from && s.charCodeAt(end - 1) === 0x20) end -= 1;
      if (end === from) return blankAllowed ? '' : null;
      if (s.charCodeAt(from) === 0x20) return null;
      if (nameCharset) {
        for (let i = from; i < end; i += 1) if (NAME_TABLE[s.charCodeAt(i)] !== 1) return null;
      } else if (!printableRange(s, from, end)) return null;
      return s.slice(from, end);
    };
  }
  return (s) => quickValue(p, s, from, to);
}

/**
 * The fast decoder of a layout: each field's quick check in turn and the values object built at once, or
 * `null` when a field needs the reference check. Where the host allows it, straight-line code (one call site
 * per field, one object literal) generated from the layout's field names, never from a file; otherwise the
 * same steps in a loop.
 */
function fastDecoder(plans: readonly FieldPlan[], values: (fields: readonly string[]) => EdiValues): (line: string) => EdiValues | null {
  const quicks = plans.map(quickFor);
  const names = plans.map((p) => p.name);
  const plain = names.every((n) => n !== '__proto__') && new Set(names).size === names.length;
  if (plain && mayCompile()) {
    const params = quicks.map((_, i) => `q${i}`);
    const steps = quicks.map((_, i) => `const v${i} = q${i}(s); if (v${i} === null) return null;`);
    const literal = names.map((n, i) => `${JSON.stringify(n)}: v${i}`).join(', ');
    const body = `return function decode(s) {\n${steps.join('\n')}\nreturn {${literal}};\n};`;
    return (new Function(...params, body) as (...q: Quick[]) => (line: string) => EdiValues | null)(...quicks);
  }
  return (s) => {
    const fields = new Array<string>(quicks.length);
    for (let i = 0; i < quicks.length; i += 1) {
      const v = quicks[i]!(s);
      if (v === null) return null;
      fields[i] = v;
    }
    return values(fields);
  };
}

/** One field's quick write: the value padded to its field, or `null` to leave it to the reference check. */
type QuickWrite = (value: string) => string | null;

/**
 * A field's quick write, checking the value itself (not its padded copy) by character codes: the padded text
 * when the field can hold it, else `null` and the reference check ({@link fieldProblem} on the padded text)
 * decides and words the problem. It accepts nothing that check refuses, and pads as {@link padOf} does.
 */
function writerFor(p: FieldPlan): QuickWrite {
  const length = p.to - p.from;
  const { blank, blankAllowed, zeroLeft, values } = p;
  const blankOk = blankAllowed || p.kind === Kind.Opaque;
  if (p.slowOnly) return () => null;
  const pad = zeroLeft ? (v: string): string => zeros(length - v.length) + v : (v: string): string => v + spaces(length - v.length);
  switch (p.kind) {
    case Kind.Opaque:
      return (v) => (v === '' ? blank : v.length <= length && printableRange(v, 0, v.length) ? pad(v) : null);
    case Kind.Literal:
      return (v) => {
        if (v === '') return blankOk ? blank : null;
        if (v.length > length || v.charCodeAt(0) === 0x20) return null;
        const padded = pad(v);
        // the layout's values are printable ASCII (else the field is slowOnly)
        return values !== undefined && values.includes(padded) ? padded : null;
      };
    case Kind.Numeric:
    case Kind.Date:
      return (v) => {
        if (v === '') return blankOk ? blank : null;
        if (v.length > length || (!zeroLeft && v.length !== length)) return null;
        for (let i = 0; i < v.length; i += 1) {
          const c = v.charCodeAt(i);
          if (c < 0x30 || c > 0x39) return null;
        }
        const padded = pad(v);
        return p.kind === Kind.Numeric || isEdiDate(padded) ? padded : null;
      };
    default: {
      const nameCharset = p.nameCharset;
      return (v) => {
        if (v === '') return blankOk ? blank : null;
        // zero padding, a leading or a trailing space: the reference check decides
        if (v.length > length || (zeroLeft && v.length !== length) || v.charCodeAt(0) === 0x20 || v.charCodeAt(v.length - 1) === 0x20) return null;
        if (nameCharset) {
          for (let i = 0; i < v.length; i += 1) if (NAME_TABLE[v.charCodeAt(i)] !== 1) return null;
        } else if (!printableRange(v, 0, v.length)) return null;
        if (values !== undefined && !values.includes(v)) return null;
        return pad(v);
      };
    }
  }
}

/**
 * The fast encoder of a layout: each field's quick write in turn, the pieces joined into one flat line, or
 * `null` when a field needs the reference check. (Generated straight-line code measured no faster here than
 * this loop; a line built by `+=` would stay a tree of pieces for the file's join to flatten.)
 */
function fastEncoder(writers: readonly QuickWrite[], fallbacks: readonly string[]): (given: readonly (string | undefined)[]) => string | null {
  const n = writers.length;
  const parts = new Array<string>(n).fill('');
  return (given) => {
    for (let k = 0; k < n; k += 1) {
      const padded = writers[k]!(given[k] ?? fallbacks[k]!);
      if (padded === null) return null;
      parts[k] = padded;
    }
    return parts.join('');
  };
}

/**
 * A layout compiled once: decode a line into its field values (in layout order), encode values into a line,
 * and build the values object.
 *
 * @internal
 */
export interface EdiCodec {
  readonly layout: EdiRecordLayout;
  /** The layout's field names, in order. */
  readonly names: readonly string[];
  /**
   * Decodes a line: its values by field name, or `undefined` when a field is invalid. Errors, then warnings
   * (a field read leniently), are pushed onto `issues`.
   */
  decode(line: string, where: EdiLineContext, strict: boolean, issues: EdiIssueSink<ReadIssue['code']>): EdiValues | undefined;
  /** The values object of fields in layout order. */
  values(fields: readonly string[]): EdiValues;
  /** Encodes values by field name: the line and the fields (in layout order) a reader will read from it, or the issues. */
  encode(values: EdiValues): EdiEncoded;
  /** Encodes values in layout order (`undefined`: blank, or a single-valued literal's value), as {@link EdiCodec.encode}. */
  encodeFields(values: readonly (string | undefined)[]): EdiEncoded;
  /**
   * The line {@link EdiCodec.encodeFields} writes for these values, by each field's quick write alone, or
   * `null` when a field needs the reference check (then `encodeFields` decides, and reports).
   */
  encodeLine(values: readonly (string | undefined)[]): string | null;
  /** Why a value cannot be written in the field of index `k` (the message of its issue), or `undefined` when it can. */
  refuses(k: number, value: string): string | undefined;
}

/** An encoded line and the fields a reader reads back from it, or the issues that stopped it. */
type EdiEncoded = { readonly line: string; readonly fields: readonly string[] } | { readonly issues: WriteIssue[] };

const codecs = new WeakMap<EdiRecordLayout, EdiCodec>();

function planOf(field: EdiField): FieldPlan {
  const kind =
    field.type === 'opaque' ? Kind.Opaque : field.type === 'literal' ? Kind.Literal : field.type === 'numeric' ? Kind.Numeric : field.type === 'date' ? Kind.Date : Kind.Text;
  return {
    field,
    name: field.field,
    from: field.start - 1,
    to: field.start - 1 + field.length,
    kind,
    blankAllowed: field.blankAllowed,
    values: field.values,
    slowOnly: field.values !== undefined && !field.values.every(printable),
    blank: spaces(field.length),
    nameCharset: field.charset === 'name',
    zeroLeft: field.padding === 'zero-left',
    fallback: field.type === 'literal' && field.values?.length === 1 ? field.values[0]! : '',
    columns: columns(field),
  };
}

function readIssue(line: string, where: EdiLineContext, code: ReadIssue['code'], severity: ReadIssue['severity'], message: string, at: Omit<IssueLocation, 'file' | 'line' | 'recordType'>): ReadIssue {
  const location: IssueLocation = { ...(where.file === undefined ? {} : { file: where.file }), line: where.line, ...at, recordType: `${line.charAt(0)}${line.charAt(1)}` };
  return { code, severity, message, location };
}

/**
 * The layout compiled into its codec (once per layout object).
 *
 * @internal
 * @param layout - a record layout
 */
export function ediCodec(layout: EdiRecordLayout): EdiCodec {
  const known = codecs.get(layout);
  if (known !== undefined) return known;
  const plans = layout.fields.map(planOf);
  const names = plans.map((p) => p.name);
  const n = plans.length;
  const values = valuesFactory(names);
  const fast = fastDecoder(plans, values);
  const encodeLine = fastEncoder(plans.map(writerFor), plans.map((p) => p.fallback));

  /** Every field by the reference checks: lines of the wrong length or with a character outside printable ASCII. */
  const decodeSlow = (line: string, where: EdiLineContext, strict: boolean, clean: boolean, issues: EdiIssueSink<ReadIssue['code']>): EdiValues | undefined => {
    let errors: ReadIssue[] | undefined;
    let warnings: ReadIssue[] | undefined;
    if (line.length !== EDI_RECORD_LENGTH) {
      (errors ??= []).push(
        readIssue(line, where, 'malformed_record', 'error', `A record is ${EDI_RECORD_LENGTH} characters; this line has ${line.length}`, {
          column: Math.min(line.length, EDI_RECORD_LENGTH) + 1,
          field: 'record',
        }),
      );
    }
    const fields = new Array<string>(n);
    for (let k = 0; k < n; k += 1) {
      const p = plans[k]!;
      const field = p.field;
      const raw = line.slice(p.from, p.to);
      if (raw.length < field.length) {
        if (line.length >= EDI_RECORD_LENGTH) continue;
        // already reported as a short line; name the first field it cuts
        if (raw.length > 0 || p.from === line.length) {
          (errors ??= []).push(readIssue(line, where, 'malformed_record', 'error', `The line ends before ${p.name} (${p.columns})`, { column: field.start, field: p.name }));
        }
        continue;
      }
      const quick = clean ? quickValue(p, raw, 0, raw.length) : null;
      if (quick !== null) {
        fields[k] = quick;
        continue;
      }
      const problem = fieldProblem(field, raw, false);
      if (problem === undefined) {
        fields[k] = readValue(field, raw);
        continue;
      }
      const lenient = strict ? undefined : lenientValue(field, raw);
      if (lenient !== undefined) {
        (warnings ??= []).push(
          readIssue(line, where, 'invalid_value', 'warning', `${p.name} (${p.columns}) ${problem}: read as "${lenient.value}" (${lenient.change})`, {
            column: field.start,
            field: p.name,
            value: raw,
          }),
        );
        fields[k] = lenient.value;
        continue;
      }
      (errors ??= []).push(readIssue(line, where, 'malformed_record', 'error', `${p.name} (${p.columns}) ${problem}`, { column: field.start, field: p.name, value: raw }));
    }
    if (errors !== undefined) issues.push(...errors);
    if (warnings !== undefined) issues.push(...warnings);
    return errors === undefined ? values(fields) : undefined;
  };

  const codec: EdiCodec = {
    layout,
    names,
    decode(line, where, strict, issues) {
      if (line.length === EDI_RECORD_LENGTH) {
        const v = fast(line);
        if (v !== null) return v;
      }
      return decodeSlow(line, where, strict, printable(line), issues);
    },
    values,
    encode(given) {
      return codec.encodeFields(names.map((name) => given[name]));
    },
    encodeFields(given) {
      let issues: WriteIssue[] | undefined;
      const parts = new Array<string>(n);
      const fields = new Array<string>(n);
      for (let k = 0; k < n; k += 1) {
        const p = plans[k]!;
        const field = p.field;
        const value = given[k] ?? p.fallback;
        const length = p.to - p.from;
        if (value.length > length) {
          (issues ??= []).push({
            code: 'unrepresentable_value',
            severity: 'error',
            message: `${p.name} holds ${length} characters; "${value}" has ${value.length}`,
            location: { column: field.start, field: p.name, value },
          });
          continue;
        }
        const padded = padOf(p, value);
        const quick = quickValue(p, padded, 0, length);
        const problem = quick === null ? fieldProblem(field, padded, true) : undefined;
        if (problem !== undefined) {
          (issues ??= []).push({ code: 'unrepresentable_value', severity: 'error', message: `${p.name} ${problem}: "${value}"`, location: { column: field.start, field: p.name, value } });
          continue;
        }
        parts[k] = padded;
        // what a reader reads back from the line: the same field checks passed, so the same value
        fields[k] = quick ?? readValue(field, padded);
      }
      if (issues !== undefined) return { issues };
      return { line: parts.join(''), fields };
    },
    encodeLine,
    refuses(k, value) {
      const p = plans[k]!;
      const length = p.to - p.from;
      if (value.length > length) return `${p.name} holds ${length} characters; "${value}" has ${value.length}`;
      const padded = padOf(p, value);
      const problem = quickValue(p, padded, 0, length) === null ? fieldProblem(p.field, padded, true) : undefined;
      return problem === undefined ? undefined : `${p.name} ${problem}: "${value}"`;
    },
  };
  codecs.set(layout, codec);
  return codec;
}

/**
 * Decodes one line by a layout. Lines longer than 192 characters, fields past the end of the line and
 * every invalid field are issues; the values are returned only when there are no errors.
 *
 * @param line - the line without its end of line
 * @param layout - the record layout
 * @param where - file and 1-based line number, for issues
 * @param options - `strict` to refuse what is otherwise read with a warning
 * @example
 * ```ts
 * declare const line: string; // one 192-character line of an entries file
 * const { values, issues } = decodeEdiRecord(line, ENTRIES_DETAIL_LAYOUT, { file: 'E1234570.X01', line: 3 });
 * values?.['candidateNumber']; // '0042'
 * issues.map((i) => `${i.location?.field} (column ${i.location?.column}): ${i.message}`);
 * ```
 */
export function decodeEdiRecord(line: string, layout: EdiRecordLayout, where: EdiLineContext, options: EdiDecodeOptions = {}): EdiDecodeResult {
  const { strict = false } = options;
  const issues: ReadIssue[] = [];
  const values = ediCodec(layout).decode(line, where, strict, issues);
  return values === undefined ? { issues } : { values, issues };
}

/**
 * Encodes values by a layout into one 192-character line. A value too long for its field, or not valid
 * for its type, is an `unrepresentable_value` issue: nothing is cut or dropped.
 *
 * @param values - raw values by field name; a missing field is blank (a single-valued literal is filled in)
 * @param layout - the record layout
 * @example
 * ```ts
 * const out = encodeEdiRecord({ syllabusCode: '8300', title: 'MATHEMATICS' }, BASEDATA_SYLLABUS_LAYOUT);
 * if (out.ok) out.line.length; // 192
 * else out.issues.map((i) => i.message);
 * ```
 */
export function encodeEdiRecord(values: EdiValues, layout: EdiRecordLayout): EdiEncodeResult {
  const out = ediCodec(layout).encode(values);
  return 'issues' in out ? { ok: false, issues: out.issues } : { ok: true, line: out.line };
}
