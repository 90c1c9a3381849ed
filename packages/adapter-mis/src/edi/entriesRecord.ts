/**
 * The entries / amendments detail record as data: the candidate's fields and the entry codes of one
 * line, and the candidate's whole set of entries once continuation records are joined. Converts between
 * the raw layout values and these records, checking identifiers (UCI, ULN, UPN check characters), the
 * name layout and the entry slots.
 */
import { isValidCandidateNumber, isValidCentreNumber, isValidUci, isValidUln, isValidUpn, type CalendarDate } from '@examcycle/core';
import { NAME_TABLE, type EdiIssueSink, type EdiLineContext, type EdiValues } from './ediRecordCodec.js';
import { digitsAt, SPACE, spaces, textEnd } from './fixedText.js';
import { birthCentury, fromEdiDate, isEdiDate, toEdiDate } from './ediDate.js';
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
 *   no readable header gives it or the headers disagree, in which case a date of birth cannot be read and the line is an issue
 * @param issues - where problems go
 * @param cache - what the file's other lines already read (one per reading; with none, nothing is shared)
 * @internal
 */
export function entryRecordFromValues(
  values: EdiValues,
  where: EdiLineContext,
  seriesYear: number | undefined,
  issues: EdiIssueSink<'malformed_record' | 'invalid_value' | 'bad_check_character'>,
  cache?: EntriesReadCache,
): EdiEntryRecord | undefined {
  // the happy path makes no closure and builds no issue: every check is a plain test, and only a line that
  // fails one is read again by {@link entryRecordProblems}, which words and places every problem
  const centreNumber = values['centreNumber'] ?? '';
  const candidateNumber = values['candidateNumber'] ?? '';
  const name = values['candidateName'] ?? '';
  const uci = values['uci'] ?? '';
  const upn = values['upn'] ?? '';
  const uln = values['uln'] ?? '';
  const dateOfBirth = values['dateOfBirth'] ?? '';
  const colon = name.indexOf(':');
  let failed =
    !isValidCentreNumber(centreNumber) ||
    !isValidCandidateNumber(candidateNumber) ||
    colon <= 0 ||
    name.indexOf(':', colon + 1) !== -1 ||
    (uci !== '' && !isValidUci(uci)) ||
    (upn !== '' && !isValidUpn(upn)) ||
    (uln !== '' && !isValidUln(uln)) ||
    (seriesYear === undefined && dateOfBirth !== '000000');
  const entries: EdiEntrySlot[] = [];
  let gap = false;
  for (let i = 1; i <= ENTRY_SLOTS_PER_RECORD; i += 1) {
    const code = values[CODE_FIELDS[i]!] ?? '';
    const flag = values[FLAG_FIELDS[i]!] ?? '';
    if (code === '') {
      if (flag !== '') failed = true;
      gap = true;
    } else if (gap) failed = true;
    else entries.push(flag === '' ? slotOf(code, cache) : { code, flag });
  }
  if (failed) {
    entryRecordProblems(values, where, seriesYear, issues);
    return undefined;
  }
  return entryRecordOf(
    where.line,
    values['dataType'] as 'E' | 'A',
    values['candidateStatus'] ?? '',
    centreNumber,
    candidateNumber,
    name,
    values['sex'] ?? '',
    values['qualifierFlag'] ?? '',
    values['documentationGroup'] ?? '',
    entries,
    seriesYear === undefined ? undefined : birthDateOf(dateOfBirth, seriesYear, cache),
    uci,
    upn,
    uln,
    values['optionalCentreNumber'] ?? '',
    values['optionalCandidateNumber'] ?? '',
  );
}

/**
 * A detail record from its read fields, its properties added in one order whichever way the line was read
 * ({@link entryRecordFromValues}, {@link quickEntryRecord}), so both give the same record; blank optional fields
 * are left out.
 */
function entryRecordOf(
  line: number,
  dataType: 'E' | 'A',
  candidateStatus: string,
  centreNumber: string,
  candidateNumber: string,
  candidateName: string,
  sex: string,
  qualifierFlag: string,
  documentationGroup: string,
  entries: readonly EdiEntrySlot[],
  dateOfBirth: CalendarDate | undefined,
  uci: string,
  upn: string,
  uln: string,
  optionalCentreNumber: string,
  optionalCandidateNumber: string,
): EdiEntryRecord {
  const record: { -readonly [K in keyof EdiEntryRecord]: EdiEntryRecord[K] } = {
    line,
    dataType,
    candidateStatus,
    centreNumber,
    candidateNumber,
    candidateName,
    sex,
    qualifierFlag,
    documentationGroup,
    entries,
  };
  if (dateOfBirth !== undefined) record.dateOfBirth = dateOfBirth;
  if (uci !== '') record.uci = uci;
  if (upn !== '') record.upn = upn;
  if (uln !== '') record.uln = uln;
  if (optionalCentreNumber !== '') record.optionalCentreNumber = optionalCentreNumber;
  if (optionalCandidateNumber !== '') record.optionalCandidateNumber = optionalCandidateNumber;
  return record;
}

/** The most raw slots one reading keeps (a centre's options are a few hundred). */
const MAX_RAW_SLOTS = 4096;
/** Where the slots begin (column 109) and how wide each is (a six-character code and a one-character flag). */
const SLOTS_FROM = 108;
const SLOT_WIDTH = 7;

/** A one-character text field as the codec reads it: `''` when blank, `undefined` outside printable ASCII. */
function flagAt(line: string, at: number): string | undefined {
  const c = line.charCodeAt(at);
  if (c === SPACE) return '';
  return c > SPACE && c <= 0x7e ? line.charAt(at) : undefined;
}

/** A thirteen-character identifier (UCI, UPN) as the codec reads it and `valid` accepts it, `''` when blank, else `undefined`. */
function identifierAt(line: string, from: number, valid: (value: string) => boolean): string | undefined {
  const raw = line.slice(from, from + 13);
  if (raw === spaces(13)) return '';
  // a valid UCI or UPN is thirteen letters and digits: no space for the codec to trim, nothing outside ASCII
  return valid(raw) ? raw : undefined;
}

/** The slot of a six-character raw code as the codec reads it (trailing spaces trimmed), or `undefined` when it is blank or not as the codec takes it. */
function slotAt(raw: string, cache: EntriesReadCache): EdiEntrySlot | undefined {
  const known = cache.rawSlots.get(raw);
  if (known !== undefined) return known;
  const end = textEnd(raw, 0, raw.length);
  if (end <= 0) return undefined;
  const slot = slotOf(end === raw.length ? raw : raw.slice(0, end), cache);
  if (cache.rawSlots.size < MAX_RAW_SLOTS) cache.rawSlots.set(raw, slot);
  return slot;
}

/**
 * The record of a usual entries detail line, read straight from its text, or `undefined` to leave the line to the
 * layout's codec and {@link entryRecordFromValues}. A usual line is 192 characters with a valid centre and candidate
 * number, a `SURNAME:FORENAMES` name, sex `M`, `F` or blank, a real date of birth (or `000000`) whose century the
 * headers give, a valid UCI, UPN and ULN where given, no optional numbers and no documentation group, and its
 * unflagged entry codes filled in order; and, inside a centre's block, it is that centre's. Those are exactly the
 * lines the codec reads without an issue, strict or not, into the record {@link entryRecordFromValues} makes of
 * them (the same literal, from {@link entryRecordOf}); anything else goes the long way, which words its issues.
 *
 * @internal
 * @param line - one line of the file, an entries detail record by its first two characters
 * @param lineNo - its line number
 * @param seriesYear - the four-digit series year, as for {@link entryRecordFromValues}
 * @param centre - the centre number of the block the line is in, when its header was read
 * @param cache - what this reading's earlier lines read
 */
export function quickEntryRecord(line: string, lineNo: number, seriesYear: number | undefined, centre: string | undefined, cache: EntriesReadCache): EdiEntryRecord | undefined {
  if (line.length !== 192) return undefined;
  const dataType = line.charAt(0);
  if ((dataType !== 'E' && dataType !== 'A') || line.charCodeAt(1) !== 0x35) return undefined;
  const candidateStatus = flagAt(line, 2);
  if (candidateStatus === undefined || !digitsAt(line, 3, 12)) return undefined;
  const centreNumber = line.slice(3, 8);
  const candidateNumber = line.slice(8, 12);
  if (centreNumber === '00000' || candidateNumber === '0000' || (centre !== undefined && centreNumber !== centre)) return undefined;
  // the name: left-justified, name characters only, one colon after a surname
  let nameEnd = 52;
  while (nameEnd > 12 && line.charCodeAt(nameEnd - 1) === SPACE) nameEnd -= 1;
  if (nameEnd === 12 || line.charCodeAt(12) === SPACE) return undefined;
  let colon = -1;
  for (let i = 12; i < nameEnd; i += 1) {
    const c = line.charCodeAt(i);
    if (NAME_TABLE[c] !== 1) return undefined;
    if (c === 0x3a) {
      if (colon !== -1) return undefined;
      colon = i;
    }
  }
  if (colon <= 12) return undefined;
  const sexCode = line.charCodeAt(52);
  const sex = sexCode === SPACE ? '' : sexCode === 0x4d || sexCode === 0x46 ? line.charAt(52) : undefined;
  if (sex === undefined) return undefined;
  const dateOfBirth = line.slice(53, 59);
  let validDate = cache.validDates.get(dateOfBirth);
  if (validDate === undefined) cache.validDates.set(dateOfBirth, (validDate = isEdiDate(dateOfBirth)));
  if (!validDate || (seriesYear === undefined && dateOfBirth !== '000000')) return undefined;
  const uci = identifierAt(line, 59, isValidUci);
  const upn = identifierAt(line, 72, isValidUpn);
  if (uci === undefined || upn === undefined) return undefined;
  let uln = line.slice(85, 95);
  if (uln === spaces(10)) uln = '';
  else if (!isValidUln(uln)) return undefined;
  const qualifierFlag = flagAt(line, 95);
  // optional centre and candidate numbers and documentation group: blank
  if (qualifierFlag === undefined || line.slice(96, SLOTS_FROM) !== spaces(SLOTS_FROM - 96)) return undefined;
  const entries: EdiEntrySlot[] = [];
  for (let at = SLOTS_FROM; at < 192; at += SLOT_WIDTH) {
    const raw = line.slice(at, at + 6);
    if (raw === spaces(6)) {
      // the first blank slot: every slot after it is blank too, flags included
      if (line.slice(at) !== spaces(192 - at)) return undefined;
      break;
    }
    const slot = slotAt(raw, cache);
    if (slot === undefined || line.charCodeAt(at + 6) !== SPACE) return undefined;
    entries.push(slot);
  }
  return entryRecordOf(
    lineNo,
    dataType,
    candidateStatus,
    centreNumber,
    candidateNumber,
    line.slice(12, nameEnd),
    sex,
    qualifierFlag,
    '',
    entries,
    seriesYear === undefined ? undefined : birthDateOf(dateOfBirth, seriesYear, cache),
    uci,
    upn,
    uln,
    '',
    '',
  );
}

/**
 * Every problem of a detail line that {@link entryRecordFromValues} refused, in the order of its fields, each
 * with its column and value (the reference wording: the happy path only decides whether there is one).
 */
function entryRecordProblems(
  values: EdiValues,
  where: EdiLineContext,
  seriesYear: number | undefined,
  issues: EdiIssueSink<'malformed_record' | 'invalid_value' | 'bad_check_character'>,
): void {
  const v = (k: string): string => values[k] ?? '';
  const bad = (field: string, column: number, value: string, message: string, code: 'malformed_record' | 'invalid_value' | 'bad_check_character' = 'malformed_record'): void => {
    const location = { ...(where.file === undefined ? {} : { file: where.file }), line: where.line, column, field, recordType: `${v('dataType')}5`, value };
    issues.push({ code, severity: 'error', message, location });
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
    bad('dateOfBirth', 54, dateOfBirth, 'The century of the date of birth cannot be known: no readable file or centre header gives the series year, or the two disagree', 'invalid_value');
  }
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
  }
}

/**
 * What one file's reading shares between its lines: the slot of each unflagged entry code (a centre's entries
 * share a few hundred codes, and a slot is read-only, so 20,000 lines make a few hundred slot objects, not
 * 200,000) and each date of birth as read (a few thousand distinct). Made per reading, dropped with it.
 *
 * @internal
 */
export interface EntriesReadCache {
  readonly slots: Map<string, EdiEntrySlot>;
  /** A slot's six columns as read → its unflagged slot, for {@link quickEntryRecord} (bounded). */
  readonly rawSlots: Map<string, EdiEntrySlot>;
  /** A `ddmmyy` as read → whether it is a real date (or `000000`), for {@link quickEntryRecord}. */
  readonly validDates: Map<string, boolean>;
  /** By series year (one per reading, unless centre headers disagree), then by `ddmmyy`. */
  readonly birthDates: Map<number, Map<string, CalendarDate | undefined>>;
}

/**
 * A new, empty {@link EntriesReadCache}, for one file's reading.
 *
 * @internal
 */
export function entriesReadCache(): EntriesReadCache {
  return { slots: new Map(), rawSlots: new Map(), validDates: new Map(), birthDates: new Map() };
}

/** The slot of an unflagged entry code: equal to `{ code, flag: '' }`, shared between the records that hold the code. */
function slotOf(code: string, cache: EntriesReadCache | undefined): EdiEntrySlot {
  if (cache === undefined) return { code, flag: '' };
  let slot = cache.slots.get(code);
  if (slot === undefined) cache.slots.set(code, (slot = { code, flag: '' }));
  return slot;
}

/** A `ddmmyy` date of birth as `fromEdiDate(raw, birthCentury(seriesYear))` reads it. */
function birthDateOf(raw: string, seriesYear: number, cache: EntriesReadCache | undefined): CalendarDate | undefined {
  if (cache === undefined) return fromEdiDate(raw, birthCentury(seriesYear));
  let dates = cache.birthDates.get(seriesYear);
  if (dates === undefined) cache.birthDates.set(seriesYear, (dates = new Map()));
  const known = dates.get(raw);
  if (known !== undefined || dates.has(raw)) return known;
  const date = fromEdiDate(raw, birthCentury(seriesYear));
  dates.set(raw, date);
  return date;
}

/** Each field's index in {@link ENTRIES_DETAIL_LAYOUT}, by name (worked out once). */
const FIELD_INDEX = /* @__PURE__ */ new Map(ENTRIES_DETAIL_LAYOUT.fields.map((f, i) => [f.field, i]));
/** The indices {@link entryRecordToFields} fills, looked up once: the candidate fields, then each slot's code and flag. */
const AT = /* @__PURE__ */ (() => {
  const at = (name: string): number => FIELD_INDEX.get(name)!;
  return {
    dataType: at('dataType'),
    recordType: at('recordType'),
    candidateStatus: at('candidateStatus'),
    centreNumber: at('centreNumber'),
    candidateNumber: at('candidateNumber'),
    candidateName: at('candidateName'),
    sex: at('sex'),
    dateOfBirth: at('dateOfBirth'),
    uci: at('uci'),
    upn: at('upn'),
    uln: at('uln'),
    qualifierFlag: at('qualifierFlag'),
    optionalCentreNumber: at('optionalCentreNumber'),
    optionalCandidateNumber: at('optionalCandidateNumber'),
    documentationGroup: at('documentationGroup'),
    codes: CODE_FIELDS.slice(1).map(at),
    flags: FLAG_FIELDS.slice(1).map(at),
  };
})();

/**
 * The raw values of one detail line, in the order of {@link ENTRIES_DETAIL_LAYOUT}'s fields (an unfilled
 * slot is `undefined`: blank).
 *
 * @param fields - the candidate fields
 * @param slots - the candidate's entry slots
 * @param from - the first slot of this line
 * @param to - after the last slot of this line (at most 12 after `from`)
 * @internal
 */
export function entryRecordToFields(fields: EdiEntriesCandidateFields, slots: readonly EdiEntrySlot[], from = 0, to = slots.length): (string | undefined)[] {
  const values = new Array<string | undefined>(ENTRIES_DETAIL_LAYOUT.fields.length);
  values[AT.dataType] = fields.dataType;
  values[AT.recordType] = '5';
  values[AT.candidateStatus] = fields.candidateStatus;
  values[AT.centreNumber] = fields.centreNumber;
  values[AT.candidateNumber] = fields.candidateNumber;
  values[AT.candidateName] = fields.candidateName;
  values[AT.sex] = fields.sex;
  values[AT.dateOfBirth] = fields.dateOfBirth === undefined ? '000000' : toEdiDate(fields.dateOfBirth);
  values[AT.uci] = fields.uci ?? '';
  values[AT.upn] = fields.upn ?? '';
  values[AT.uln] = fields.uln ?? '';
  values[AT.qualifierFlag] = fields.qualifierFlag;
  values[AT.optionalCentreNumber] = fields.optionalCentreNumber ?? '';
  values[AT.optionalCandidateNumber] = fields.optionalCandidateNumber ?? '';
  values[AT.documentationGroup] = fields.documentationGroup;
  for (let i = from; i < to; i += 1) {
    values[AT.codes[i - from]!] = slots[i]!.code;
    values[AT.flags[i - from]!] = slots[i]!.flag;
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
