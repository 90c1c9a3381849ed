/**
 * Reads the DfE Common Transfer File (CTF) XML a school receives when a pupil joins: the `CTfile/Header`
 * (version, when, from and to which school) and each `CTFpupilData/Pupil` with its UPN, legal surname and
 * forename, date of birth, sex, and the optional ULN (`UniqueLearnerNumber`) and UCI. Values are read as
 * text (a UPN or ULN keeps its leading zeros); a pupil with a bad identifier or no UPN is an issue; XML that
 * does not parse, or has no `CTfile`, is a `malformed_response` error with its line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ExamcycleError, isValidUci, isValidUln, isValidUpn, type CalendarDate } from '@examcycle/core';
import type { MisCandidate, MisIssue } from '../MisPort.js';

/** A school as the CTF header names it. */
export interface CtfSchool {
  readonly lea?: string;
  readonly estab?: string;
  readonly urn?: string;
  readonly schoolName?: string;
  readonly academicYear?: string;
}

/** The CTF header. */
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

/** A CTF, read. */
export interface CtfReading {
  readonly header: CtfHeader;
  /** The pupils as MIS candidates, keyed by UPN. */
  readonly candidates: readonly MisCandidate[];
  readonly issues: readonly MisIssue[];
}

type Node = Record<string, unknown>;

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
 * Parses a Common Transfer File.
 *
 * @param xml - the CTF XML
 * @param options - the file name, for errors and issues
 * @throws ExamcycleError `malformed_response` when the XML does not parse or is not a CTF
 * @example
 * ```ts
 * const { header, candidates, issues } = parseCtf(xml, { file: '820LLLL_CTF_8201234_001.xml' });
 * candidates[0]?.upn; // 'R201100018042'
 * ```
 */
export function parseCtf(xml: string, options: { readonly file?: string } = {}): CtfReading {
  const file = options.file ?? 'CTF';
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ExamcycleError('malformed_response', `${file} is not well-formed XML: ${valid.err.msg}`, {
      location: { file, line: valid.err.line, column: String(valid.err.col) },
      details: { code: valid.err.code },
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name, jpath) => jpath === 'CTfile.CTFpupilData.Pupil' || name === 'Pupil',
  });
  const doc = parser.parse(xml) as Node;
  const root = doc['CTfile'];
  if (typeof root !== 'object' || root === null) {
    throw new ExamcycleError('malformed_response', `${file} has no CTfile root element`, { location: { file, field: 'CTfile' } });
  }
  const r = root as Node;
  const h = (typeof r['Header'] === 'object' && r['Header'] !== null ? r['Header'] : {}) as Node;
  if (r['Header'] === undefined) {
    throw new ExamcycleError('malformed_response', `${file} has no CTfile/Header`, { location: { file, field: 'CTfile/Header' } });
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
  const data = r['CTFpupilData'];
  const pupils = typeof data === 'object' && data !== null ? ((data as Node)['Pupil'] as unknown[] | undefined) ?? [] : [];
  const candidates: MisCandidate[] = [];
  const issues: MisIssue[] = [];
  const seen = new Set<string>();
  pupils.forEach((p, i) => {
    const where = `${file}:CTFpupilData/Pupil[${i + 1}]`;
    if (typeof p !== 'object' || p === null) {
      issues.push({ where, code: 'malformed_response', message: 'A Pupil element with no content' });
      return;
    }
    const n = p as Node;
    const upn = text(n['UPN']);
    const note = (field: string, message: string, code: MisIssue['code'], value?: string): void => {
      issues.push({ where, ...(upn === undefined ? {} : { recordId: upn }), field, ...(value === undefined ? {} : { value }), code, message });
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
      if (/^\d{4}-\d{2}-\d{2}$/.test(dobRaw)) dateOfBirth = dobRaw;
      else note('DOB', `DOB "${dobRaw}" is not YYYY-MM-DD`, 'invalid_value', dobRaw);
    }
    const sexRaw = (text(n['Sex']) ?? text(n['Gender']))?.toUpperCase();
    const sex = sexRaw === 'F' || sexRaw === 'M' ? sexRaw : undefined;
    if (sexRaw !== undefined && sex === undefined) note('Sex', `Sex "${sexRaw}" is not M or F: left blank`, 'invalid_value', sexRaw);
    const checked = (k: string, as: 'uln' | 'uci', valid: (v: string) => boolean): Partial<Record<'uln' | 'uci', string>> => {
      const v = text(n[k]);
      if (v === undefined) return {};
      if (valid(v)) return { [as]: v };
      note(k, `${k} "${v}" fails its check character: not taken`, 'bad_check_character', v);
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
  return { header, candidates, issues };
}
