/**
 * The entries / amendments detail record as data: the candidate's fields and the entry codes of one
 * line, and the candidate's whole set of entries once continuation records are joined. Converts between
 * the raw layout values and these records, checking identifiers (UCI, ULN, UPN check characters), the
 * name layout and the entry slots.
 */
import { isValidCandidateNumber, isValidCentreNumber, isValidUci, isValidUln, isValidUpn, type CalendarDate } from '@examcycle/core';
import type { EdiIssueSink, EdiLineContext, EdiValues } from './ediRecordCodec.js';
import { birthCentury, fromEdiDate, toEdiDate } from './ediDate.js';
import { ENTRIES_DETAIL_LAYOUT, ENTRY_SLOTS_PER_RECORD } from './layouts/entriesLayout.js';

/**
 * One entry slot: an option code and its flag (blank unless the booklet's meaning is known).
 *
 * @example
 * ```ts
 * const slot: EdiEntrySlot = { code: '8300F', flag: '' };
 * ```
 */
export interface EdiEntrySlot {
  readonly code: string;
  readonly flag: string;
}

/**
 * The candidate fields every detail record of a candidate repeats.
 *
 * @example
 * ```ts
 * declare const read: EntriesFileReading;
 * const fields: EdiEntriesCandidateFields | undefined = read.candidates[0];
 * fields?.candidateName; // 'JONES:SIAN'
 * ```
 */
export interface EdiEntriesCandidateFields {
  readonly dataType: 'E' | 'A';
  /** Column 3; Aspen writes `C`; values unknown. */
  readonly candidateStatus: string;
  readonly centreNumber: string;
  readonly candidateNumber: string;
  /** `SURNAME:FORENAMES`. */
  readonly candidateName: string;
  /** `M`, `F` or blank. */
  readonly sex: string;
  /** Absent when written `000000`. */
  readonly dateOfBirth?: CalendarDate;
  readonly uci?: string;
  readonly upn?: string;
  readonly uln?: string;
  readonly qualifierFlag: string;
  readonly optionalCentreNumber?: string;
  readonly optionalCandidateNumber?: string;
  readonly documentationGroup: string;
}

/**
 * One detail line.
 *
 * @example
 * ```ts
 * declare const read: EntriesFileReading;
 * const record: EdiEntryRecord | undefined = read.records[0];
 * record?.line; // 3
 * ```
 */
export interface EdiEntryRecord extends EdiEntriesCandidateFields {
  readonly line: number;
  /** The filled slots, in order (at most 12). */
  readonly entries: readonly EdiEntrySlot[];
}

/**
 * A candidate with all their entries, joined across continuation records.
 *
 * @example
 * ```ts
 * declare const read: EntriesFileReading;
 * const first: EdiEntriesCandidate | undefined = read.candidates[0];
 * first?.entries.map((e) => e.code); // every entry, continuation records joined
 * ```
 */
export interface EdiEntriesCandidate extends EdiEntriesCandidateFields {
  readonly entries: readonly EdiEntrySlot[];
  /** The lines of the candidate's detail records. */
  readonly lines: readonly number[];
}

/** The slot field names, `entryCode1`…, built once (a name built per read is hashed again at every lookup). */
const CODE_FIELDS = /* @__PURE__ */ Array.from({ length: ENTRY_SLOTS_PER_RECORD + 1 }, (_, i) => `entryCode${i}`);
const FLAG_FIELDS = /* @__PURE__ */ Array.from({ length: ENTRY_SLOTS_PER_RECORD + 1 }, (_, i) => `entryFlag${i}`);

/**
 * Reads the raw values of a detail line into a record, or `undefined` when a field is not valid (the
 * problems pushed onto `issues`).
 *
 * @param values - the decoded layout values
 * @param where - file and line
 * @param seriesYear - the four-digit series year (for the century of the date of birth); `undefined` when
 *   no readable header gives it, in which case a date of birth cannot be read and the line is an issue
 * @param issues - where problems go
 * @internal
 */
export function entryRecordFromValues(
  values: EdiValues,
  where: EdiLineContext,
  seriesYear: number | undefined,
  issues: EdiIssueSink<'malformed_record' | 'invalid_value' | 'bad_check_character'>,
): EdiEntryRecord | undefined {
  let failed = false;
  const v = (k: string): string => values[k] ?? '';
  const bad = (field: string, column: number, value: string, message: string, code: 'malformed_record' | 'invalid_value' | 'bad_check_character' = 'malformed_record'): void => {
    const location = { ...(where.file === undefined ? {} : { file: where.file }), line: where.line, column, field, recordType: `${v('dataType')}5`, value };
    issues.push({ code, severity: 'error', message, location });
    failed = true;
  };
  const centreNumber = v('centreNumber');
  const candidateNumber = v('candidateNumber');
  const name = v('candidateName');
  const uci = v('uci');
  const upn = v('upn');
  const uln = v('uln');
  if (!isValidCentreNumber(centreNumber)) bad('centreNumber', 4, centreNumber, 'centreNumber must be five digits, not 00000');
  if (!isValidCandidateNumber(candidateNumber)) bad('candidateNumber', 9, candidateNumber, 'candidateNumber must be 0001–9999');
  const colon = name.indexOf(':');
  if (colon <= 0 || name.indexOf(':', colon + 1) !== -1) bad('candidateName', 13, name, 'candidateName must be SURNAME:FORENAMES with exactly one colon after a surname');
  if (uci !== '' && !isValidUci(uci)) bad('uci', 60, uci, `UCI "${uci}" fails its check character`, 'bad_check_character');
  if (upn !== '' && !isValidUpn(upn)) bad('upn', 73, upn, `UPN "${upn}" fails its check character`, 'bad_check_character');
  if (uln !== '' && !isValidUln(uln)) bad('uln', 86, uln, `ULN "${uln}" fails its check digit`, 'bad_check_character');
  const dateOfBirth = v('dateOfBirth');
  if (seriesYear === undefined && dateOfBirth !== '000000') {
    bad('dateOfBirth', 54, dateOfBirth, 'The century of the date of birth cannot be known: no readable file or centre header gives the series year', 'invalid_value');
  }
  const entries: EdiEntrySlot[] = [];
  let gapAt = 0;
  for (let i = 1; i <= ENTRY_SLOTS_PER_RECORD; i += 1) {
    const code = v(CODE_FIELDS[i]!);
    const flag = v(FLAG_FIELDS[i]!);
    const position = 109 + (i - 1) * 7;
    if (code === '') {
      if (flag !== '') bad(`entryFlag${i}`, position + 6, flag, `entryFlag${i} is set but entryCode${i} is blank`);
      if (gapAt === 0) gapAt = i;
      continue;
    }
    if (gapAt !== 0) bad(`entryCode${i}`, position, code, `entryCode${i} follows the blank slot ${gapAt}: entry slots are filled in order`);
    entries.push({ code, flag });
  }
  if (failed) return undefined;
  const record: { -readonly [K in keyof EdiEntryRecord]: EdiEntryRecord[K] } = {
    line: where.line,
    dataType: v('dataType') as 'E' | 'A',
    candidateStatus: v('candidateStatus'),
    centreNumber,
    candidateNumber,
    candidateName: name,
    sex: v('sex'),
    qualifierFlag: v('qualifierFlag'),
    documentationGroup: v('documentationGroup'),
    entries,
  };
  const dob = seriesYear === undefined ? undefined : fromEdiDate(dateOfBirth, birthCentury(seriesYear));
  if (dob !== undefined) record.dateOfBirth = dob;
  if (uci !== '') record.uci = uci;
  if (upn !== '') record.upn = upn;
  if (uln !== '') record.uln = uln;
  const optionalCentreNumber = v('optionalCentreNumber');
  if (optionalCentreNumber !== '') record.optionalCentreNumber = optionalCentreNumber;
  const optionalCandidateNumber = v('optionalCandidateNumber');
  if (optionalCandidateNumber !== '') record.optionalCandidateNumber = optionalCandidateNumber;
  return record;
}

/** Each field's index in {@link ENTRIES_DETAIL_LAYOUT}, by name (worked out once). */
const FIELD_INDEX = /* @__PURE__ */ new Map(ENTRIES_DETAIL_LAYOUT.fields.map((f, i) => [f.field, i]));

/**
 * The raw values of one detail line, in the order of {@link ENTRIES_DETAIL_LAYOUT}'s fields (an unfilled
 * slot is `undefined`: blank).
 *
 * @param fields - the candidate fields
 * @param slots - at most 12 entry slots
 * @internal
 */
export function entryRecordToFields(fields: EdiEntriesCandidateFields, slots: readonly EdiEntrySlot[]): (string | undefined)[] {
  const values = new Array<string | undefined>(ENTRIES_DETAIL_LAYOUT.fields.length);
  const set = (name: string, value: string): void => {
    values[FIELD_INDEX.get(name)!] = value;
  };
  set('dataType', fields.dataType);
  set('recordType', '5');
  set('candidateStatus', fields.candidateStatus);
  set('centreNumber', fields.centreNumber);
  set('candidateNumber', fields.candidateNumber);
  set('candidateName', fields.candidateName);
  set('sex', fields.sex);
  set('dateOfBirth', fields.dateOfBirth === undefined ? '000000' : toEdiDate(fields.dateOfBirth));
  set('uci', fields.uci ?? '');
  set('upn', fields.upn ?? '');
  set('uln', fields.uln ?? '');
  set('qualifierFlag', fields.qualifierFlag);
  set('optionalCentreNumber', fields.optionalCentreNumber ?? '');
  set('optionalCandidateNumber', fields.optionalCandidateNumber ?? '');
  set('documentationGroup', fields.documentationGroup);
  for (let i = 0; i < slots.length; i += 1) {
    set(CODE_FIELDS[i + 1]!, slots[i]!.code);
    set(FLAG_FIELDS[i + 1]!, slots[i]!.flag);
  }
  return values;
}

/**
 * A candidate from their first detail record, with all their entries and the lines of their records.
 *
 * @param record - the candidate's first detail record
 * @param entries - every entry slot, continuation records joined
 * @param lines - the lines of the candidate's records
 * @internal
 */
export function candidateOf(record: EdiEntryRecord, entries: readonly EdiEntrySlot[], lines: readonly number[]): EdiEntriesCandidate {
  const candidate: { -readonly [K in keyof EdiEntriesCandidate]: EdiEntriesCandidate[K] } = {
    dataType: record.dataType,
    candidateStatus: record.candidateStatus,
    centreNumber: record.centreNumber,
    candidateNumber: record.candidateNumber,
    candidateName: record.candidateName,
    sex: record.sex,
    qualifierFlag: record.qualifierFlag,
    documentationGroup: record.documentationGroup,
    entries,
    lines,
  };
  if (record.dateOfBirth !== undefined) candidate.dateOfBirth = record.dateOfBirth;
  if (record.uci !== undefined) candidate.uci = record.uci;
  if (record.upn !== undefined) candidate.upn = record.upn;
  if (record.uln !== undefined) candidate.uln = record.uln;
  if (record.optionalCentreNumber !== undefined) candidate.optionalCentreNumber = record.optionalCentreNumber;
  if (record.optionalCandidateNumber !== undefined) candidate.optionalCandidateNumber = record.optionalCandidateNumber;
  return candidate;
}
