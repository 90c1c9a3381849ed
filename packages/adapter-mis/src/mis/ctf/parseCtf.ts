/**
 * Reads the DfE Common Transfer File (CTF) XML a school receives when a pupil joins: the `CTfile/Header`
 * (version, when, from and to which school) and each `CTFpupilData/Pupil` of every `CTFpupilData` block,
 * with its UPN, legal surname and forename, date of birth, sex, and the optional ULN
 * (`UniqueLearnerNumber`) and UCI. Values are read as text (a UPN or ULN keeps its leading zeros); a pupil
 * with a bad identifier or no UPN is an issue.
 *
 * A file that cannot be read at all is the reading's `fatal`: a `malformed_response` {@link ExamcycleError}
 * saying where (file, line, column, element), never the XML parser's own error, and never thrown (a CTF is user
 * data): XML that does not parse (an unclosed tag, comment or processing
 * instruction), no `CTfile`/`Header`, an element named like a JavaScript prototype key (`__proto__`,
 * `constructor`, `prototype`), nesting deeper than {@link CTF_MAX_DEPTH}, and a document type with
 * declarations (`<!DOCTYPE … [ <!ENTITY …> ]>`: a CTF has none, and entities are how external files and
 * expansion bombs get in). Bytes are decoded by their byte-order mark or XML declaration (UTF-8 by default).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { countIssuesByCode, durationOf, ExamcycleError, isExamcycleError, isValidUci, isValidUln, isValidUpn, notifyObserver, observerStopwatch, type CalendarDate, type ExamcycleIssue, type ExamcycleObserver, type IssueLocation } from '@examcycle/core';
import { misIssue } from '../misIssue.js';
import type { MisCandidate, MisIssueCode } from '../MisPort.js';

/**
 * A school as the CTF header names it.
 *
 * @example
 * ```ts
 * const reading = parseCtf('<CTfile><Header><SourceSchool><LEA>820</LEA><Estab>1234</Estab></SourceSchool></Header></CTfile>');
 * const from: CtfSchool | undefined = reading.header?.sourceSchool; // { lea: '820', estab: '1234' }
 * ```
 */
export interface CtfSchool {
  readonly lea?: string;
  readonly estab?: string;
  readonly urn?: string;
  readonly schoolName?: string;
  readonly academicYear?: string;
}

/**
 * The CTF header.
 *
 * @example
 * ```ts
 * declare const xml: string;
 * const header: CtfHeader | undefined = parseCtf(xml, { file: 'pupils.xml' }).header;
 * header?.ctfVersion; // '22.0'
 * ```
 */
export interface CtfHeader {
  readonly documentName?: string;
  readonly ctfVersion?: string;
  /** As written, `YYYY-MM-DDTHH:mm:ss`. */
  readonly dateTime?: string;
  readonly documentQualifier?: string;
  readonly supplierId?: string;
  readonly sourceSchool?: CtfSchool;
  readonly destSchool?: CtfSchool;
}

/**
 * A CTF, read: the header, the pupils as candidates, an issue for each pupil left out or value not taken, and
 * `fatal` when the file could not be read at all (then there is no header and no candidate). This is the shape
 * of every reader of user data in the package (`readEdiFile`, `readEntriesFile`, `readBasedata`) and of
 * adapter-csv's `importCsv`: a file is data, so what is wrong with it is returned, never thrown.
 *
 * @example
 * ```ts
 * declare const xml: string;
 * const reading: CtfReading = parseCtf(xml, { file: 'pupils.xml' });
 * if (reading.fatal) console.error(reading.fatal.message, reading.fatal.location);
 * for (const issue of reading.issues) console.warn(issue.severity, issue.location?.path?.join('/'), issue.message);
 * ```
 */
export interface CtfReading {
  /** The file name given (or `CTF`). */
  readonly file: string;
  /** The header; absent when the file could not be read. */
  readonly header?: CtfHeader;
  /** The pupils as MIS candidates, keyed by UPN. */
  readonly candidates: readonly MisCandidate[];
  /**
   * Pupils left out (`error`) and values not taken (`warning`): `location.file` is the file, `location.path` the
   * pupil's XML path (`['CTfile', 'CTFpupilData', 1, 'Pupil', 3, 'UPN']`, 1-based as XPath counts),
   * `subject.recordId` the UPN.
   */
  readonly issues: readonly ExamcycleIssue<MisIssueCode>[];
  /** Set when the file as a whole could not be read: a `malformed_response` error with where it is. */
  readonly fatal?: ExamcycleError;
}

type Node = Record<string, unknown>;

/**
 * The deepest element nesting {@link parseCtf} reads; a CTF nests about six deep, and anything deeper is a
 * `malformed_response` fatal naming the line and element.
 *
 * @example
 * ```ts
 * parseCtf(`<CTfile><Header/>${'<a>'.repeat(CTF_MAX_DEPTH + 1)}`).fatal?.code; // 'malformed_response'
 * ```
 */
export const CTF_MAX_DEPTH = 64;

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Options for {@link parseCtf}.
 *
 * @example
 * ```ts
 * const options: ParseCtfOptions = { file: '820LLLL_CTF_8201234_001.xml', observer: { onImport: (i) => console.info(i.records, i.issues) } };
 * ```
 */
export interface ParseCtfOptions {
  /** The file name, for errors and issues. @default 'CTF' */
  readonly file?: string;
  /**
   * Hears of the reading when it ends (`onImport`, source `ctf`, kind `candidates`; `rows` and `records` are the
   * candidates read, a pupil left out is among the issues), with `fatal` set when the file could not be read. A
   * callback that throws is ignored.
   * @default undefined
   */
  readonly observer?: ExamcycleObserver;
}

function malformed(file: string, message: string, where: { readonly line?: number; readonly column?: number; readonly element?: string; readonly cause?: unknown; readonly details?: Readonly<Record<string, unknown>> } = {}): ExamcycleError {
  return new ExamcycleError('malformed_response', `${file}${where.line === undefined ? '' : ` line ${where.line}`}: ${message}`, {
    location: { file, ...(where.line === undefined ? {} : { line: where.line }), ...(where.column === undefined ? {} : { column: where.column }), ...(where.element === undefined ? {} : { field: where.element }) },
    ...(where.cause === undefined ? {} : { cause: where.cause }),
    ...(where.details === undefined ? {} : { details: where.details }),
  });
}

/** Bytes to text: a UTF-16 or UTF-8 byte-order mark, else the XML declaration's encoding, else UTF-8. */
function decodeCtf(input: string | Uint8Array, file: string): string {
  if (typeof input === 'string') return input;
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input.subarray(2));
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input.subarray(2));
  let head = '';
  for (let i = 0; i < Math.min(input.length, 200); i += 1) head += String.fromCharCode(input[i]!);
  const declared = /^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared === 'iso-8859-1' || declared === 'latin1' || declared === 'windows-1252' || declared === 'us-ascii') return new TextDecoder('windows-1252').decode(input);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(input);
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch (cause) {
      throw malformed(file, 'is not valid UTF-8 (and declares no other encoding)', { line: lineOf(text, bad), cause });
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Walks the tags once (linear in the text, well-formed or not), refusing what the parser must never see: declarations, reserved
 * element names, nesting past {@link CTF_MAX_DEPTH}, and unclosed comments, CDATA or processing instructions.
 */
function guardXml(xml: string, file: string): void {
  let line = 1;
  let counted = 0;
  const at = (index: number): number => {
    for (let n = xml.indexOf('\n', counted); n >= 0 && n < index; n = xml.indexOf('\n', n + 1)) {
      line += 1;
      counted = n + 1;
    }
    if (counted < index) counted = index;
    return line;
  };
  let i = xml.indexOf('<');
  const closeOf = (token: string, from: number, what: string, element: string): number => {
    const j = xml.indexOf(token, from);
    if (j < 0) throw malformed(file, `an unclosed ${what}`, { line: at(i), element });
    return j + token.length;
  };
  let depth = 0;
  while (i >= 0) {
    let next: number;
    const second = xml.charCodeAt(i + 1);
    if (second === 0x21 /* ! */) {
      if (xml.startsWith('<!--', i)) next = closeOf('-->', i + 4, 'comment', '<!--');
      else if (xml.startsWith('<![CDATA[', i)) next = closeOf(']]>', i + 9, 'CDATA section', '<![CDATA[');
      else {
        const end = closeOf('>', i + 2, 'declaration', '<!');
        const decl = xml.slice(i, Math.min(end, i + 200));
        if (!/^<!DOCTYPE/i.test(decl) || decl.includes('[')) throw malformed(file, 'declares a document type or entities, which a CTF never does: not read', { line: at(i), element: decl.slice(0, 20) });
        next = end;
      }
    } else if (second === 0x3f /* ? */) next = closeOf('?>', i + 2, 'processing instruction', '<?');
    else {
      const end = closeOf('>', i + 1, 'tag', '<');
      const closing = second === 0x2f; /* / */
      let stop = closing ? i + 2 : i + 1;
      const from = stop;
      for (; stop < end; stop += 1) {
        const c = xml.charCodeAt(stop);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
      }
      const length = stop - from; // the reserved names are 9 or 11 characters: slice only those
      if ((length === 9 || length === 11) && RESERVED.has(xml.slice(from, stop))) {
        const name = xml.slice(from, stop);
        throw malformed(file, `an element named "${name}" (a JavaScript prototype key) is not read`, { line: at(i), element: name });
      }
      if (closing) depth -= 1;
      else if (xml.charCodeAt(end - 2) !== 0x2f) {
        depth += 1;
        if (depth > CTF_MAX_DEPTH) throw malformed(file, `elements nest deeper than ${CTF_MAX_DEPTH}`, { line: at(i), element: xml.slice(from, Math.min(stop, from + 80)) });
      }
      next = end;
    }
    i = xml.indexOf('<', next);
  }
}

function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim() === '' ? undefined : node.trim();
  if (typeof node === 'number') return String(node);
  if (typeof node === 'object' && node !== null && '#text' in node) return text((node as Node)['#text']);
  return undefined;
}

function school(node: unknown): CtfSchool | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as Node;
  const pick = (k: string, as: keyof CtfSchool): Partial<Record<keyof CtfSchool, string>> => (text(n[k]) === undefined ? {} : { [as]: text(n[k])! });
  return { ...pick('LEA', 'lea'), ...pick('Estab', 'estab'), ...pick('URN', 'urn'), ...pick('SchoolName', 'schoolName'), ...pick('AcademicYear', 'academicYear') };
}

/**
 * Reads a Common Transfer File. It never throws on the file's content: a pupil that cannot be taken is an
 * issue, and a file that cannot be read at all is the reading's `fatal` (as `readEdiFile` and adapter-csv's
 * `importCsv` report it), so one branch handles every bad file.
 *
 * @param input - the CTF XML, as text or bytes
 * @param options - the file name, for issues, and an observer
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const { candidates, issues, fatal } = parseCtf(readFileSync('820LLLL_CTF_8201234_001.xml'), { file: '820LLLL_CTF_8201234_001.xml' });
 * if (fatal) throw fatal; // malformed_response, with file, line and element
 * candidates[0]?.upn; // 'R201100018042'
 * ```
 */
export function parseCtf(input: string | Uint8Array, options: ParseCtfOptions = {}): CtfReading {
  const file = options.file ?? 'CTF';
  const elapsed = observerStopwatch(options.observer);
  const seen = (rows: number, issues: readonly ExamcycleIssue<MisIssueCode>[], fatal?: ExamcycleError): void =>
    notifyObserver(options.observer, 'onImport', { source: 'ctf', kind: 'candidates', file, rows, records: rows, issues: countIssuesByCode(issues), ...(fatal ? { fatal: fatal.code } : {}), ...durationOf(elapsed()) });
  let reading: CtfReading;
  try {
    reading = readCtf(decodeCtf(input, file), file);
  } catch (error) {
    let fatal: ExamcycleError;
    if (isExamcycleError(error)) fatal = error;
    else {
      const message = error instanceof Error ? error.message : String(error);
      const element = /Invalid name: "([^"]*)"/.exec(message)?.[1];
      fatal = malformed(file, `could not be read: ${message.slice(0, 200)}`, { ...(element === undefined ? {} : { element }), cause: error });
    }
    seen(0, [], fatal);
    return { file, candidates: [], issues: [], fatal };
  }
  seen(reading.candidates.length, reading.issues);
  return reading;
}

function readCtf(xml: string, file: string): CtfReading {
  guardXml(xml, file); // first: one linear pass, so deep nesting never reaches the validator
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(xml);
  } catch (cause) {
    throw malformed(file, 'is not well-formed XML', { cause });
  }
  if (valid !== true) {
    throw malformed(file, `is not well-formed XML: ${valid.err.msg}`, { line: valid.err.line, column: valid.err.col, details: { code: valid.err.code } });
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (_name, jpath) => jpath === 'CTfile.CTFpupilData' || jpath === 'CTfile.CTFpupilData.Pupil',
  });
  const doc = parser.parse(xml) as Node;
  const root = doc['CTfile'];
  if (typeof root !== 'object' || root === null) {
    throw malformed(file, 'has no CTfile root element', { element: 'CTfile' });
  }
  const r = root as Node;
  const h = (typeof r['Header'] === 'object' && r['Header'] !== null ? r['Header'] : {}) as Node;
  if (r['Header'] === undefined) {
    throw malformed(file, 'has no CTfile/Header', { element: 'CTfile/Header' });
  }
  const pickH = (k: string, as: keyof CtfHeader): Partial<Record<string, string>> => (text(h[k]) === undefined ? {} : { [as]: text(h[k])! });
  const source = school(h['SourceSchool']);
  const dest = school(h['DestSchool']);
  const header: CtfHeader = {
    ...pickH('DocumentName', 'documentName'),
    ...pickH('CTFversion', 'ctfVersion'),
    ...pickH('DateTime', 'dateTime'),
    ...pickH('DocumentQualifier', 'documentQualifier'),
    ...pickH('SupplierID', 'supplierId'),
    ...(source === undefined ? {} : { sourceSchool: source }),
    ...(dest === undefined ? {} : { destSchool: dest }),
  };
  const blocks = Array.isArray(r['CTFpupilData']) ? (r['CTFpupilData'] as unknown[]) : [];
  const pupils = blocks.flatMap((data, b) => {
    const list = typeof data === 'object' && data !== null ? (data as Node)['Pupil'] : undefined;
    return (Array.isArray(list) ? list : []).map((p: unknown, i): { p: unknown; at: IssueLocation } => ({ p, at: { file, path: ['CTfile', 'CTFpupilData', b + 1, 'Pupil', i + 1] } }));
  });
  const candidates: MisCandidate[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  const seen = new Set<string>();
  pupils.forEach(({ p, at }) => {
    if (typeof p !== 'object' || p === null) {
      issues.push(misIssue(at, 'malformed_response', 'error', 'A Pupil element with no content'));
      return;
    }
    const n = p as Node;
    const upn = text(n['UPN']);
    const note = (field: string, message: string, code: MisIssueCode, value?: string, severity: 'error' | 'warning' = 'error'): void => {
      issues.push(misIssue(at, code, severity, message, { field, ...(value === undefined ? {} : { value }), ...(upn === undefined ? {} : { recordId: upn }) }));
    };
    if (upn === undefined) {
      note('UPN', 'A pupil without a UPN cannot be keyed', 'invalid_value');
      return;
    }
    if (!isValidUpn(upn)) {
      note('UPN', `UPN "${upn}" fails its check letter`, 'bad_check_character', upn);
      return;
    }
    if (seen.has(upn)) {
      note('UPN', `UPN ${upn} appears twice; the first is kept`, 'invalid_value', upn);
      return;
    }
    const surname = text(n['Surname']);
    if (surname === undefined) {
      note('Surname', 'No surname', 'invalid_value');
      return;
    }
    seen.add(upn);
    const dobRaw = text(n['DOB']);
    let dateOfBirth: CalendarDate | undefined;
    if (dobRaw !== undefined) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(dobRaw)) dateOfBirth = dobRaw as CalendarDate;
      else note('DOB', `DOB "${dobRaw}" is not YYYY-MM-DD`, 'invalid_value', dobRaw, 'warning');
    }
    const sexRaw = (text(n['Sex']) ?? text(n['Gender']))?.toUpperCase();
    const sex = sexRaw === 'F' || sexRaw === 'M' ? sexRaw : undefined;
    if (sexRaw !== undefined && sex === undefined) note('Sex', `Sex "${sexRaw}" is not M or F: left blank`, 'invalid_value', sexRaw, 'warning');
    const checked = (k: string, as: 'uln' | 'uci', valid: (v: string) => boolean): Partial<Record<'uln' | 'uci', string>> => {
      const v = text(n[k]);
      if (v === undefined) return {};
      if (valid(v)) return { [as]: v };
      note(k, `${k} "${v}" fails its check character: not taken`, 'bad_check_character', v, 'warning');
      return {};
    };
    candidates.push({
      id: upn,
      upn,
      ...checked('UniqueLearnerNumber', 'uln', isValidUln),
      ...checked('UCI', 'uci', isValidUci),
      legalSurname: surname,
      legalForenames: text(n['Forename']) ?? '',
      ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
      ...(sex === undefined ? {} : { sex }),
    });
  });
  return { file, header, candidates, issues };
}
