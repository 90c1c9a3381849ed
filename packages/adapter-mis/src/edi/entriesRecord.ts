/**
 * The entries / amendments detail record as data: the candidate's fields and the entry codes of one
 * line, and the candidate's whole set of entries once continuation records are joined. Converts between
 * the raw layout values and these records, checking identifiers (UCI, ULN, UPN check characters), the
 * name layout and the entry slots.
 */
import { isValidCandidateNumber, isValidCentreNumber, isValidUci, isValidUln, isValidUpn, type CalendarDate } from '@examcycle/core';
import type { EdiIssue } from './EdiIssue.js';
import type { EdiLineContext, EdiValues } from './ediRecordCodec.js';
import { birthCentury, fromEdiDate, toEdiDate } from './ediDate.js';
import { ENTRY_SLOTS_PER_RECORD } from './layouts/entriesLayout.js';

/** One entry slot: an option code and its flag (blank unless the booklet's meaning is known). */
export interface EdiEntrySlot {
  readonly code: string;
  readonly flag: string;
}

/** The candidate fields every detail record of a candidate repeats. */
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

/** One detail line. */
export interface EdiEntryRecord extends EdiEntriesCandidateFields {
  readonly line: number;
  /** The filled slots, in order (at most 12). */
  readonly entries: readonly EdiEntrySlot[];
}

/** A candidate with all their entries, joined across continuation records. */
export interface EdiEntriesCandidate extends EdiEntriesCandidateFields {
  readonly entries: readonly EdiEntrySlot[];
  /** The lines of the candidate's detail records. */
  readonly lines: readonly number[];
}

/** The slot field names, `entryCode1`…, built once (a name built per read is hashed again at every lookup). */
const CODE_FIELDS = /* @__PURE__ */ Array.from({ length: ENTRY_SLOTS_PER_RECORD + 1 }, (_, i) => `entryCode${i}`);
const FLAG_FIELDS = /* @__PURE__ */ Array.from({ length: ENTRY_SLOTS_PER_RECORD + 1 }, (_, i) => `entryFlag${i}`);

/**
 * Reads the raw values of a detail line into a record, or issues when a field is not valid.
 *
 * @param values - the decoded layout values
 * @param where - file and line
 * @param seriesYear - the four-digit series year (for the century of the date of birth); `undefined` when
 *   no readable header gives it, in which case a date of birth cannot be read and the line is an issue
 * @internal
 */
export function entryRecordFromValues(values: EdiValues, where: EdiLineContext, seriesYear: number | undefined): { record?: EdiEntryRecord; issues: EdiIssue[] } {
  const issues: EdiIssue[] = [];
  const v = (k: string): string => values[k] ?? '';
  const rt = `${v('dataType')}5`;
  const bad = (field: string, position: number, value: string, message: string, code: EdiIssue['code'] = 'malformed_record'): void => {
    issues.push({ ...(where.file === undefined ? {} : { file: where.file }), line: where.line, recordType: rt, field, column: field, position, value, code, message });
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
  if (issues.length > 0) return { issues };
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
  return { record, issues };
}

/**
 * The raw layout values of one detail line.
 *
 * @param fields - the candidate fields
 * @param slots - at most 12 entry slots
 * @internal
 */
export function entryRecordToValues(fields: EdiEntriesCandidateFields, slots: readonly EdiEntrySlot[]): Record<string, string> {
  const values: Record<string, string> = {
    dataType: fields.dataType,
    recordType: '5',
    candidateStatus: fields.candidateStatus,
    centreNumber: fields.centreNumber,
    candidateNumber: fields.candidateNumber,
    candidateName: fields.candidateName,
    sex: fields.sex,
    dateOfBirth: fields.dateOfBirth === undefined ? '000000' : toEdiDate(fields.dateOfBirth),
    uci: fields.uci ?? '',
    upn: fields.upn ?? '',
    uln: fields.uln ?? '',
    qualifierFlag: fields.qualifierFlag,
    optionalCentreNumber: fields.optionalCentreNumber ?? '',
    optionalCandidateNumber: fields.optionalCandidateNumber ?? '',
    documentationGroup: fields.documentationGroup,
  };
  slots.forEach((slot, i) => {
    values[CODE_FIELDS[i + 1]!] = slot.code;
    values[FLAG_FIELDS[i + 1]!] = slot.flag;
  });
  return values;
}

/**
 * The candidate fields of a record, without its line and entries (for joining continuation records).
 *
 * @param record - one detail record
 * @internal
 */
export function candidateFieldsOf(record: EdiEntryRecord): EdiEntriesCandidateFields {
  const { line: _line, entries: _entries, ...fields } = record;
  return fields;
}
