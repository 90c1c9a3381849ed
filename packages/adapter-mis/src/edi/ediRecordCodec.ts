/**
 * The table-driven fixed-width codec: one decoder and one encoder for every {@link EdiRecordLayout}.
 * Decoding checks each field against its type (digits, dates, left-justified text, the name character
 * set, printable ASCII) and reports every failure with its line, record type, field and column; it never
 * throws. Encoding pads each value to its field and refuses what the field cannot hold.
 */
import { EDI_RECORD_LENGTH, type EdiField, type EdiRecordLayout } from './EdiLayout.js';
import type { EdiIssue } from './EdiIssue.js';
import { isEdiDate } from './ediDate.js';

/** The raw values of one record, by field name: text trimmed on the right, opaque fields exactly as found. */
export type EdiValues = Readonly<Record<string, string>>;

/** Where a line came from, for issues. */
export interface EdiLineContext {
  readonly file?: string;
  readonly line: number;
}

/** A decoded record, or the issues that stopped it. */
export interface EdiDecodeResult {
  /** Present when every field is valid, or was read leniently (then `issues` holds only warnings). */
  readonly values?: EdiValues;
  readonly issues: readonly EdiIssue[];
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

/** An encoded line (192 characters, no end of line), or the issues that stopped it. */
export type EdiEncodeResult = { readonly ok: true; readonly line: string } | { readonly ok: false; readonly issues: readonly EdiIssue[] };

const PRINTABLE = /^[\x20-\x7e]*$/;

function columns(field: EdiField): string {
  return field.length === 1 ? `column ${field.start}` : `columns ${field.start}–${field.start + field.length - 1}`;
}
const NAME_CHARS = /^[A-Z'.:()/\- ]*$/;

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

interface CompiledField {
  readonly field: EdiField;
  readonly from: number;
  readonly to: number;
  readonly columns: string;
}

const compiled = new WeakMap<EdiRecordLayout, readonly CompiledField[]>();

function compile(layout: EdiRecordLayout): readonly CompiledField[] {
  let c = compiled.get(layout);
  if (c === undefined) {
    c = layout.fields.map((field) => ({ field, from: field.start - 1, to: field.start - 1 + field.length, columns: columns(field) }));
    compiled.set(layout, c);
  }
  return c;
}

/** Whether every character is printable ASCII (one pass over the line, instead of a test per field). */
function printable(line: string): boolean {
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

function isBlank(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) if (raw.charCodeAt(i) !== 0x20) return false;
  return true;
}

function isDigits(raw: string): boolean {
  if (raw.length === 0) return false;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * The common cases checked without regular expressions on a line already known to be printable: `undefined`
 * when the field is valid, `null` to leave it to {@link fieldProblem} (which also words the problem).
 */
function quickProblem(field: EdiField, raw: string): undefined | null {
  if (field.type === 'opaque') return undefined;
  if (raw.charCodeAt(0) === 0x20 && isBlank(raw)) return field.blankAllowed ? undefined : null;
  switch (field.type) {
    case 'literal':
      return field.values !== undefined && field.values.includes(raw) ? undefined : null;
    case 'numeric':
      return !field.spacePaddedNumbers && isDigits(raw) ? undefined : null;
    case 'date':
      return isDigits(raw) && isEdiDate(raw) ? undefined : null;
    default:
      if (field.charset !== undefined || raw.charCodeAt(0) === 0x20) return null;
      if (field.values === undefined) return undefined;
      return field.values.includes(raw.trimEnd()) ? undefined : null;
  }
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

function report(issues: EdiIssue[] | undefined, line: string, where: EdiLineContext, issue: Omit<EdiIssue, 'line' | 'recordType' | 'file'>): EdiIssue[] {
  const list = issues ?? [];
  list.push({ ...(where.file === undefined ? {} : { file: where.file }), line: where.line, recordType: `${line.charAt(0)}${line.charAt(1)}`, ...issue });
  return list;
}

/**
 * Decodes one line by a layout. Lines longer than 192 characters, fields past the end of the line and
 * every invalid field are issues; the values are returned only when there are none.
 *
 * @param line - the line without its end of line
 * @param layout - the record layout
 * @param where - file and 1-based line number, for issues
 * @param options - `strict` to refuse what is otherwise read with a warning
 * @example
 * ```ts
 * const { values, issues } = decodeEdiRecord(line, ENTRIES_DETAIL_LAYOUT, { file: 'E1234570.X01', line: 3 });
 * values?.candidateNumber; // '0042'
 * ```
 */
export function decodeEdiRecord(line: string, layout: EdiRecordLayout, where: EdiLineContext, options: EdiDecodeOptions = {}): EdiDecodeResult {
  const { strict = false } = options;
  let issues: EdiIssue[] | undefined;
  let warnings: EdiIssue[] | undefined;
  if (line.length !== EDI_RECORD_LENGTH) {
    issues = report(issues, line, where, { field: 'record', position: Math.min(line.length, EDI_RECORD_LENGTH) + 1, code: 'malformed_record', message: `A record is ${EDI_RECORD_LENGTH} characters; this line has ${line.length}` });
  }
  const clean = printable(line);
  const values: Record<string, string> = {};
  for (const { field, from, to, columns: cols } of compile(layout)) {
    const raw = line.slice(from, to);
    if (raw.length < field.length) {
      if (line.length >= EDI_RECORD_LENGTH) continue;
      // already reported as a short line; name the first field it cuts
      if (raw.length > 0 || from === line.length) {
        issues = report(issues, line, where, { field: field.field, column: field.field, position: field.start, code: 'malformed_record', message: `The line ends before ${field.field} (${cols})` });
      }
      continue;
    }
    const problem = clean && quickProblem(field, raw) === undefined ? undefined : fieldProblem(field, raw, false);
    if (problem !== undefined) {
      const lenient = strict ? undefined : lenientValue(field, raw);
      if (lenient !== undefined) {
        warnings = report(warnings, line, where, { field: field.field, column: field.field, position: field.start, value: raw, code: 'invalid_value', severity: 'warning', message: `${field.field} (${cols}) ${problem}: read as "${lenient.value}" (${lenient.change})` });
        values[field.field] = lenient.value;
        continue;
      }
      issues = report(issues, line, where, { field: field.field, column: field.field, position: field.start, value: raw, code: 'malformed_record', message: `${field.field} (${cols}) ${problem}` });
      continue;
    }
    values[field.field] = field.type === 'opaque' ? raw : field.spacePaddedNumbers ? raw.trim() : raw.trimEnd();
  }
  if (issues !== undefined) return { issues: warnings === undefined ? issues : [...issues, ...warnings] };
  return { values, issues: warnings ?? [] };
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
 * ```
 */
export function encodeEdiRecord(values: EdiValues, layout: EdiRecordLayout): EdiEncodeResult {
  const issues: EdiIssue[] = [];
  let line = '';
  for (const field of layout.fields) {
    const given = values[field.field];
    const value = given ?? (field.type === 'literal' && field.values?.length === 1 ? field.values[0]! : '');
    if (value.length > field.length) {
      issues.push({ line: 0, field: field.field, column: field.field, position: field.start, value, code: 'unrepresentable_value', message: `${field.field} holds ${field.length} characters; "${value}" has ${value.length}` });
      continue;
    }
    const padded =
      value === '' ? ' '.repeat(field.length) : field.padding === 'zero-left' ? value.padStart(field.length, '0') : value.padEnd(field.length, ' ');
    // The common valid cases without regular expressions (the same answer: see quickProblem); the rest are worded by fieldProblem.
    const problem = printable(padded) && quickProblem(field, padded) === undefined ? undefined : fieldProblem(field, padded, true);
    if (problem !== undefined) {
      issues.push({ line: 0, field: field.field, column: field.field, position: field.start, value, code: 'unrepresentable_value', message: `${field.field} ${problem}: "${value}"` });
      continue;
    }
    line += padded;
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, line };
}
