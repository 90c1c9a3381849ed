/**
 * The generic EDI file reader: it splits a file into lines (CR LF, or LF alone), dispatches each line on
 * its record type (column 2), checks the order file header → centre header → details → centre trailer …
 * → file trailer, checks the counts in both trailers against the lines actually present, and hands each
 * detail line to the caller's decoder. Every line ends up as a record or as at least one issue (or both,
 * when a well-formed record sits in the wrong place); nothing is thrown for bad data.
 */
import { ExamcycleError, type CalendarDate, type ExamcycleIssue, type IssueLocation } from '@examcycle/core';
import type { EdiRecordLayout } from './EdiLayout.js';
import { ediCodec, type EdiLineContext, type EdiValues } from './ediRecordCodec.js';
import { fromEdiDate } from './ediDate.js';
import { CENTRE_HEADER_LAYOUT, CENTRE_TRAILER_LAYOUT, FILE_HEADER_LAYOUT, FILE_TRAILER_LAYOUT } from './layouts/controlLayouts.js';

/**
 * The codes an EDI file reading reports: a record that cannot be read (`malformed_record`), a value that is
 * not what it must be (`invalid_value`), a count or block that does not add up (`trailer_mismatch`), an
 * identifier failing its check character (`bad_check_character`).
 *
 * @example
 * ```ts
 * declare const reading: EntriesFileReading;
 * const counts = new Map<EdiIssueCode, number>();
 * for (const i of reading.issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
 * ```
 */
export type EdiIssueCode = 'malformed_record' | 'invalid_value' | 'trailer_mismatch' | 'bad_check_character';

/**
 * What columns 3–7 of the control records hold: a centre number, or series + year + language.
 *
 * @example
 * ```ts
 * const kind: EdiFileKind = 'broadcast'; // basedata: columns 3–7 hold series, year and language
 * ```
 */
export type EdiFileKind = 'centre' | 'broadcast';

/**
 * The file header (type 1).
 *
 * @example
 * ```ts
 * declare const reading: EntriesFileReading;
 * const header: EdiFileHeader | undefined = reading.header;
 * header?.formatsVersion; // '14'
 * ```
 */
export interface EdiFileHeader {
  readonly line: number;
  readonly dataType: string;
  readonly centreOrSeries: string;
  readonly awardingBodyId: string;
  readonly seriesCode: string;
  readonly seriesYear: string;
  readonly distributionType: string;
  readonly softwareName: string;
  readonly softwareVersion: string;
  readonly formatsVersion: string;
  /** Columns 27–192, exactly as found. */
  readonly reserved: string;
}

/**
 * A centre header (type 3).
 *
 * @example
 * ```ts
 * declare const reading: EntriesFileReading;
 * const header: EdiCentreHeader | undefined = reading.centreHeaders[0];
 * header?.sequenceNumber; // '003'
 * ```
 */
export interface EdiCentreHeader {
  readonly line: number;
  readonly centreOrSeries: string;
  readonly awardingBodyId: string;
  readonly seriesCode: string;
  readonly seriesYear: string;
  readonly sequenceNumber: string;
  readonly postcode: string;
  readonly reserved: string;
}

/**
 * A centre trailer (type 7).
 *
 * @example
 * ```ts
 * declare const reading: EntriesFileReading;
 * const trailer: EdiCentreTrailer | undefined = reading.structure.centres[0]?.trailer;
 * trailer?.recordCount; // details + 2
 * ```
 */
export interface EdiCentreTrailer {
  readonly line: number;
  readonly centreOrSeries: string;
  readonly recordCount: number;
  readonly dateProduced: CalendarDate | undefined;
  readonly reserved: string;
}

/**
 * The file trailer (type 9).
 *
 * @example
 * ```ts
 * declare const reading: EntriesFileReading;
 * const trailer: EdiFileTrailer | undefined = reading.structure.trailer;
 * trailer?.centreCount; // 1
 * ```
 */
export interface EdiFileTrailer {
  readonly line: number;
  readonly centreOrSeries: string;
  readonly totalRecords: number;
  readonly centreCount: number;
  readonly reserved: string;
}

/**
 * One centre's block: its header, detail records and trailer.
 *
 * @example
 * ```ts
 * declare const reading: EntriesFileReading;
 * const block: EdiCentreBlock<EdiEntryRecord> | undefined = reading.structure.centres[0];
 * block?.details.length;
 * ```
 */
export interface EdiCentreBlock<D> {
  /** Absent when detail records appeared without a centre header (an issue says so). */
  readonly header?: EdiCentreHeader;
  readonly details: readonly D[];
  readonly trailer?: EdiCentreTrailer;
}

/**
 * A file read into its structure.
 *
 * @example
 * ```ts
 * declare const text: string;
 * const structure: EdiFileReading<EdiEntryRecord> = readEntriesFile(text).structure;
 * structure.lineCount;
 * ```
 */
export interface EdiFileReading<D> {
  readonly file?: string;
  readonly header?: EdiFileHeader;
  readonly centres: readonly EdiCentreBlock<D>[];
  readonly trailer?: EdiFileTrailer;
  /** Every problem, in line order. */
  readonly issues: readonly ExamcycleIssue<EdiIssueCode>[];
  /** Lines in the file (a final end of line does not start another). */
  readonly lineCount: number;
  /** Set when the input could not be read at all (empty). */
  readonly fatal?: ExamcycleError;
}

/**
 * How the caller decodes detail records. The `where` both methods get is reused from line to line: keep its values, not the object.
 *
 * @example
 * ```ts
 * const links: EdiDetailDecoder<{ line: number; optionCode: string }> = {
 *   layoutFor: () => BASEDATA_LINK_LAYOUT,
 *   toRecord: (values, where) => ({ line: where.line, optionCode: values['optionCode'] ?? '' }),
 * };
 * declare const text: string;
 * readEdiFile(text, { dataTypes: ['L'], kind: 'broadcast', detail: links });
 * ```
 */
export interface EdiDetailDecoder<D> {
  /** The layout for a detail line, or an issue when none fits (e.g. an unknown result type). */
  layoutFor(line: string, where: EdiLineContext): EdiRecordLayout | ExamcycleIssue<EdiIssueCode>;
  /**
   * The record for a decoded detail line, or `undefined` when it is rejected; the problems found go onto
   * `issues` (a record returned with issues is kept).
   */
  toRecord(values: EdiValues, where: EdiLineContext, context: EdiRecordContext, issues: ExamcycleIssue<EdiIssueCode>[]): D | undefined;
  /**
   * An optional fast path for the usual detail line: its record, read straight from the text, or `undefined`
   * to leave the line to {@link EdiDetailDecoder.layoutFor} and {@link EdiDetailDecoder.toRecord}. It may take
   * only a line those two would read without any issue, and must return the very record they would.
   */
  quickRecord?(line: string, where: EdiLineContext, context: EdiRecordContext): D | undefined;
}

/**
 * What a detail decoder knows about the file so far.
 *
 * @example
 * ```ts
 * const decoder: EdiDetailDecoder<string> = {
 *   layoutFor: () => ENTRIES_DETAIL_LAYOUT,
 *   toRecord: (values, _where, context: EdiRecordContext) => `${context.centreHeader?.centreOrSeries}/${values['candidateNumber']}`,
 * };
 * ```
 */
export interface EdiRecordContext {
  readonly header: EdiFileHeader | undefined;
  readonly centreHeader: EdiCentreHeader | undefined;
}

/**
 * Options for {@link readEdiFile}.
 *
 * @example
 * ```ts
 * const options: ReadEdiFileOptions<EdiValues> = {
 *   file: 'L6A26_70.X01',
 *   dataTypes: ['L'],
 *   kind: 'broadcast',
 *   detail: { layoutFor: () => BASEDATA_LINK_LAYOUT, toRecord: (values) => values },
 * };
 * ```
 */
export interface ReadEdiFileOptions<D> {
  /** The file name, for issues. */
  readonly file?: string;
  /** The data-type letters (column 1) this file may hold, e.g. `['E', 'A']`. */
  readonly dataTypes: readonly string[];
  /** Whether columns 3–7 hold a centre number or series + year + language. */
  readonly kind: EdiFileKind;
  readonly detail: EdiDetailDecoder<D>;
  /**
   * Accept lines shorter than 192 characters by padding them with spaces, for files whose trailing spaces
   * were trimmed in transit.
   * @default false
   */
  readonly padShortLines?: boolean;
  /**
   * Refuse every field that does not meet its layout exactly; by default padded text, spaced numbers and
   * lower-case codes are read with a `warning` issue (as `decodeEdiRecord`'s `strict` option).
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * Turns EDI file bytes into text: one character per byte (ISO-8859-1), so a stray byte stays visible as a
 * non-ASCII character and is reported where it is, rather than being decoded away.
 *
 * @param input - the file as text or bytes
 * @example
 * ```ts
 * ediText(new Uint8Array([0x45, 0x31])); // 'E1'
 * ```
 */
export function ediText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < input.length; i += CHUNK) {
    out += String.fromCharCode(...input.subarray(i, i + CHUNK));
  }
  return out;
}

/**
 * Splits EDI text into lines: CR LF or LF ends a line, and a final end of line does not start another.
 *
 * @param text - the file's text
 * @example
 * ```ts
 * ediLines('E1...\r\nE3...\r\n'); // ['E1...', 'E3...']
 * ```
 */
export function ediLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const lf = text.indexOf('\n', start);
    if (lf === -1) break;
    lines.push(text.slice(start, lf > start && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf));
    start = lf + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

const RECORD_TYPES: (string | undefined)[] = [];
/** A line's data and record type (`'R5'`), one string per pair of ASCII characters rather than one per line. */
function recordTypeOf(dt: string, rtChar: string): string {
  const key = dt.charCodeAt(0) * 128 + rtChar.charCodeAt(0);
  if (dt.length !== 1 || rtChar.length !== 1 || key >= 128 * 128) return `${dt}${rtChar}`;
  return (RECORD_TYPES[key] ??= `${dt}${rtChar}`);
}

type State = 'start' | 'afterHeader' | 'inCentre' | 'betweenCentres' | 'afterTrailer';

interface MutableBlock<D> {
  header?: EdiCentreHeader;
  details: D[];
  trailer?: EdiCentreTrailer;
  /** The line of the centre header (or where it should have been). */
  headerLine: number;
}

/**
 * Reads an EDI file's structure and detail records, checking order, identity and trailer counts.
 *
 * @param input - the file as text or bytes
 * @param options - data types, file kind and the detail decoder
 * @example
 * ```ts
 * declare const text: string; // a basedata link (L) file
 * const reading = readEdiFile(text, {
 *   dataTypes: ['L'],
 *   kind: 'broadcast',
 *   detail: { layoutFor: () => BASEDATA_LINK_LAYOUT, toRecord: (values, where) => ({ line: where.line, optionCode: values['optionCode'] }) },
 * });
 * reading.issues.map((i) => `line ${i.location?.line} column ${i.location?.column}: ${i.message}`);
 * ```
 */
export function readEdiFile<D>(input: string | Uint8Array, options: ReadEdiFileOptions<D>): EdiFileReading<D> {
  const { file, dataTypes, kind, detail, padShortLines = false, strict = false } = options;
  const fileField = file === undefined ? {} : { file };
  const text = ediText(input);
  if (text.trim() === '') {
    return {
      ...fileField,
      centres: [],
      issues: [],
      lineCount: 0,
      fatal: new ExamcycleError('empty_file', `${file ?? 'The EDI file'} is empty`, { location: { ...fileField } }),
    };
  }
  const lines = ediLines(text);
  const issues: ExamcycleIssue<EdiIssueCode>[] = [];
  const centres: MutableBlock<unknown>[] = [];
  let header: EdiFileHeader | undefined;
  let trailer: EdiFileTrailer | undefined;
  let state: State = 'start';
  let block: MutableBlock<D> | undefined;
  let fileDataType: string | undefined;
  let context: EdiRecordContext = { header: undefined, centreHeader: undefined };
  const fileHeaderCodec = ediCodec(FILE_HEADER_LAYOUT);
  const centreHeaderCodec = ediCodec(CENTRE_HEADER_LAYOUT);
  const centreTrailerCodec = ediCodec(CENTRE_TRAILER_LAYOUT);
  const fileTrailerCodec = ediCodec(FILE_TRAILER_LAYOUT);
  const quickRecord = detail.quickRecord?.bind(detail);
  /** A control record's values, or `undefined` when it cannot be read (its issues are pushed). */
  const decode = (codec: typeof fileHeaderCodec, raw: string, where: EdiLineContext): EdiValues | undefined => {
    return codec.decode(raw, where, strict, issues);
  };

  const issue = (
    line: number,
    recordType: string | undefined,
    message: string,
    at: Pick<IssueLocation, 'column' | 'field' | 'value'> = {},
    code: EdiIssueCode = 'malformed_record',
  ): void => {
    issues.push({ code, severity: 'error', message, location: { ...fileField, line, ...(recordType === undefined ? {} : { recordType }), ...at } });
  };

  const closeBlock = (endLine: number): void => {
    if (block === undefined) return;
    if (block.trailer === undefined) {
      issue(endLine, undefined, `The centre block whose header is on line ${block.headerLine} has no centre trailer (type 7)`, { field: 'recordType' }, 'trailer_mismatch');
    }
    block = undefined;
  };

  const identityProblem = (value: string): string | undefined => {
    if (kind === 'centre') return /^\d{5}$/.test(value) && value !== '00000' ? undefined : 'must be a five-digit centre number';
    return /^[1-9A-Ca-c][A-Za-z0-9]\d{2}[_CB]$/.test(value) ? undefined : 'must be a series code, two-digit year and language (_, C or B)';
  };

  const checkIdentity = (values: EdiValues, line: number, rt: string): void => {
    const v = values['centreOrSeries'] ?? '';
    const problem = identityProblem(v);
    if (problem !== undefined) issue(line, rt, `centreOrSeries (columns 3–7) ${problem}`, { field: 'centreOrSeries', column: 3, value: v }, 'invalid_value');
    else if (header !== undefined && v !== header.centreOrSeries) {
      issue(line, rt, `centreOrSeries "${v}" differs from the file header's "${header.centreOrSeries}"`, { field: 'centreOrSeries', column: 3, value: v }, 'invalid_value');
    }
  };

  /** Where the current line is: one object, its line moved on for each line (the decoders copy what they keep). */
  const where: { -readonly [K in keyof EdiLineContext]: EdiLineContext[K] } = file === undefined ? { line: 0 } : { file, line: 0 };
  for (let i = 0; i < lines.length; i += 1) {
    const lineNo = i + 1;
    let raw = lines[i]!;
    if (padShortLines && raw.length < 192 && raw.length >= 2) raw = raw.padEnd(192, ' ');
    where.line = lineNo;
    if (raw.length === 0) {
      issue(lineNo, undefined, 'Empty line', { field: 'record' });
      continue;
    }
    const dt = raw.charAt(0);
    const rtChar = raw.charAt(1);
    const rt = recordTypeOf(dt, rtChar);
    if (!dataTypes.includes(dt)) {
      issue(lineNo, rt, `Data type "${dt}" (column 1) is not one this file holds (${dataTypes.join(', ')})`, { field: 'dataType', column: 1, value: dt });
      continue;
    }
    if (fileDataType === undefined) fileDataType = dt;
    else if (dt !== fileDataType) {
      issue(lineNo, rt, `Data type "${dt}" differs from the file's "${fileDataType}"`, { field: 'dataType', column: 1, value: dt });
      continue;
    }
    if (state === 'afterTrailer') {
      issue(lineNo, rt, 'Line after the file trailer', { field: 'recordType' });
      continue;
    }
    switch (rtChar) {
      case '1': {
        const v = decode(fileHeaderCodec, raw, where);
        if (v === undefined) continue;
        if (state !== 'start') {
          issue(lineNo, rt, 'A second file header', { field: 'recordType', column: 2 });
          continue;
        }
        header = {
          line: lineNo,
          dataType: v['dataType']!,
          centreOrSeries: v['centreOrSeries']!,
          awardingBodyId: v['awardingBodyId']!,
          seriesCode: v['seriesCode']!,
          seriesYear: v['seriesYear']!,
          distributionType: v['distributionType']!,
          softwareName: v['softwareName']!,
          softwareVersion: v['softwareVersion']!,
          formatsVersion: v['formatsVersion']!,
          reserved: v['reserved']!,
        };
        const problem = identityProblem(header.centreOrSeries);
        if (problem !== undefined) issue(lineNo, rt, `centreOrSeries (columns 3–7) ${problem}`, { field: 'centreOrSeries', column: 3, value: header.centreOrSeries }, 'invalid_value');
        if (header.formatsVersion !== '14') {
          issue(lineNo, rt, `Formats version ${header.formatsVersion}; this adapter reads version 14`, { field: 'formatsVersion', column: 25, value: header.formatsVersion }, 'invalid_value');
        }
        context = { header, centreHeader: undefined };
        state = 'afterHeader';
        break;
      }
      case '3': {
        const v = decode(centreHeaderCodec, raw, where);
        if (state === 'inCentre') closeBlock(lineNo);
        if (v === undefined) {
          // keep counting this centre's lines, so one bad header does not make every detail an orphan
          block = { details: [], headerLine: lineNo };
          centres.push(block);
          context = { header, centreHeader: undefined };
          state = 'inCentre';
          continue;
        }
        if (state === 'start') issue(lineNo, rt, 'Centre header before any file header', { field: 'recordType', column: 2 });
        checkIdentity(v, lineNo, rt);
        const ch: EdiCentreHeader = {
          line: lineNo,
          centreOrSeries: v['centreOrSeries']!,
          awardingBodyId: v['awardingBodyId']!,
          seriesCode: v['seriesCode']!,
          seriesYear: v['seriesYear']!,
          sequenceNumber: v['sequenceNumber']!,
          postcode: v['postcode']!,
          reserved: v['reserved']!,
        };
        if (header !== undefined) {
          for (const f of ['awardingBodyId', 'seriesCode', 'seriesYear'] as const) {
            if (ch[f] !== header[f]) issue(lineNo, rt, `${f} "${ch[f]}" differs from the file header's "${header[f]}"`, { field: f, column: f === 'awardingBodyId' ? 8 : f === 'seriesCode' ? 10 : 12, value: ch[f] }, 'invalid_value');
          }
        }
        block = { header: ch, details: [], headerLine: lineNo };
        centres.push(block);
        context = { header, centreHeader: ch };
        state = 'inCentre';
        break;
      }
      case '5': {
        if (state !== 'inCentre') {
          issue(lineNo, rt, 'Detail record outside a centre block (no centre header before it)', { field: 'recordType', column: 2 });
          if (block === undefined) {
            block = { details: [], headerLine: lineNo - 1 };
            centres.push(block);
            context = { header, centreHeader: undefined };
          }
          state = 'inCentre';
        }
        if (quickRecord !== undefined) {
          const quick = quickRecord(raw, where, context);
          if (quick !== undefined) {
            block!.details.push(quick);
            break;
          }
        }
        const layout = detail.layoutFor(raw, where);
        if (!('fields' in layout)) {
          issues.push(layout);
          continue;
        }
        const codec = ediCodec(layout);
        const values = codec.decode(raw, where, strict, issues);
        if (values === undefined) continue;
        const record = detail.toRecord(values, where, context, issues);
        if (record !== undefined) block!.details.push(record);
        break;
      }
      case '7': {
        const v = decode(centreTrailerCodec, raw, where);
        if (v === undefined) {
          if (state === 'inCentre') {
            block = undefined;
            state = 'betweenCentres';
          }
          continue;
        }
        if (state !== 'inCentre' || block === undefined) {
          issue(lineNo, rt, 'Centre trailer without a centre header', { field: 'recordType', column: 2 }, 'trailer_mismatch');
          continue;
        }
        const ct: EdiCentreTrailer = {
          line: lineNo,
          centreOrSeries: v['centreOrSeries']!,
          recordCount: Number(v['recordCount']),
          dateProduced: fromEdiDate(v['dateProduced']!),
          reserved: v['reserved']!,
        };
        const present = lineNo - block.headerLine + 1;
        if (ct.recordCount !== present) {
          issue(lineNo, rt, `The centre trailer counts ${ct.recordCount} records; the centre block has ${present} (its details + 2)`, { field: 'recordCount', column: 8, value: v['recordCount']! }, 'trailer_mismatch');
        }
        if (block.header !== undefined && ct.centreOrSeries !== block.header.centreOrSeries) {
          issue(lineNo, rt, `The centre trailer is for "${ct.centreOrSeries}", its header for "${block.header.centreOrSeries}"`, { field: 'centreOrSeries', column: 3, value: ct.centreOrSeries }, 'trailer_mismatch');
        }
        block.trailer = ct;
        block = undefined;
        state = 'betweenCentres';
        break;
      }
      case '9': {
        const v = decode(fileTrailerCodec, raw, where);
        if (v === undefined) continue;
        if (state === 'inCentre') closeBlock(lineNo);
        checkIdentity(v, lineNo, rt);
        trailer = {
          line: lineNo,
          centreOrSeries: v['centreOrSeries']!,
          totalRecords: Number(v['totalRecords']),
          centreCount: Number(v['centreCount']),
          reserved: v['reserved']!,
        };
        if (trailer.totalRecords !== lineNo) {
          issue(lineNo, rt, `The file trailer counts ${trailer.totalRecords} records; the file has ${lineNo} up to and including it`, { field: 'totalRecords', column: 8, value: v['totalRecords']! }, 'trailer_mismatch');
        }
        if (trailer.centreCount !== centres.length) {
          issue(lineNo, rt, `The file trailer counts ${trailer.centreCount} centres; the file has ${centres.length}`, { field: 'centreCount', column: 15, value: v['centreCount']! }, 'trailer_mismatch');
        }
        state = 'afterTrailer';
        break;
      }
      default:
        issue(lineNo, rt, `Unknown record type "${rtChar}" in column 2 (expected 1, 3, 5, 7 or 9)`, { field: 'recordType', column: 2, value: rtChar });
    }
  }
  const last = lines.length;
  if (header === undefined) issue(1, undefined, 'The file has no file header (type 1)', { field: 'recordType' }, 'trailer_mismatch');
  if (state === 'inCentre') closeBlock(last);
  if (trailer === undefined) issue(last, undefined, 'The file ends without a file trailer (type 9): it may be truncated', { field: 'recordType' }, 'trailer_mismatch');
  sortByLine(issues);
  return {
    ...fileField,
    ...(header === undefined ? {} : { header }),
    centres: centres as MutableBlock<D>[],
    ...(trailer === undefined ? {} : { trailer }),
    issues,
    lineCount: lines.length,
  };
}

/**
 * Puts issues in line order, keeping the order of those on one line (a stable sort; none moves when they
 * already are in order, the common case).
 *
 * @internal
 * @param issues - issues with a location line
 */
export function sortByLine(issues: ExamcycleIssue[]): void {
  const lineOf = (i: ExamcycleIssue): number => i.location?.line ?? 0;
  for (let k = 1; k < issues.length; k += 1) {
    if (lineOf(issues[k - 1]!) > lineOf(issues[k]!)) {
      issues.sort((a, b) => lineOf(a) - lineOf(b));
      return;
    }
  }
}
