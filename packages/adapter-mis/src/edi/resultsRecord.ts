/**
 * The results detail record as data: who (centre, candidate number, UCI, ULN), for what (entry code,
 * result code), and the result by its type: grades and endorsements (types 1, 2, 3), a mark or a uniform
 * mark with a grade (M, U), or a four-digit score (B, C, meaning unknown). Columns no source describes are
 * kept exactly, so a record can be written back byte for byte.
 */
import { isValidCandidateNumber, isValidCentreNumber, isValidUci, isValidUln } from '@examcycle/core';
import type { EdiField } from './EdiLayout.js';
import { digitsAt, SPACE, spaces, textEnd } from './fixedText.js';
import { ownString } from './ownString.js';
import type { EdiIssueSink, EdiLineContext, EdiValues } from './ediRecordCodec.js';
import { resultsLayoutFor, type ResultType } from './layouts/resultsLayouts.js';

/**
 * Absence indicators (one character each, values unknown), where set.
 *
 * @example
 * ```ts
 * const absence: EdiAbsence = { grade: 'A' };
 * ```
 */
export interface EdiAbsence {
  readonly grade?: string;
  readonly secondGrade?: string;
  readonly endorsement?: string;
  readonly secondEndorsement?: string;
}

/**
 * One result, as the awarding body sent it (without its line).
 *
 * @example
 * ```ts
 * const result: EdiResultInput = { centreNumber: '12345', candidateNumber: '0001', entryCode: '8300F', resultCode: '8300F', resultType: 'U', uniformMark: 212, grade: '4' };
 * ```
 */
export interface EdiResultInput {
  readonly centreNumber: string;
  readonly candidateNumber: string;
  readonly uci?: string;
  readonly uln?: string;
  /** The entry the candidate made; may be absent. */
  readonly entryCode?: string;
  /** The option (award or unit) the result is for. */
  readonly resultCode: string;
  readonly resultType: ResultType;
  /** Types 1–3: first grade; U, M, B, C: the grade after the score. */
  readonly grade?: string;
  readonly secondGrade?: string;
  readonly endorsement?: string;
  readonly secondEndorsement?: string;
  readonly absence?: EdiAbsence;
  /** Type M. */
  readonly mark?: number;
  /** Type U. */
  readonly uniformMark?: number;
  /** Types B and C (meaning unknown). */
  readonly score?: number;
  /** Content of columns no source describes, by layout field, where not blank. */
  readonly unread?: Readonly<Record<string, string>>;
}

/**
 * One result line.
 *
 * @example
 * ```ts
 * declare const read: ResultsFileReading;
 * const marks = read.results.filter((r: EdiResultRecord) => r.resultType === 'U').map((r) => r.uniformMark);
 * ```
 */
export interface EdiResultRecord extends EdiResultInput {
  readonly line: number;
}


const ABSENCE_FIELDS: ReadonlyArray<[string, keyof EdiAbsence]> = [
  ['gradeAbsence', 'grade'],
  ['secondGradeAbsence', 'secondGrade'],
  ['endorsementAbsence', 'endorsement'],
  ['secondEndorsementAbsence', 'secondEndorsement'],
  ['absence', 'grade'],
];

/**
 * Reads the raw values of a results line into a record, or `undefined` when an identifier is not valid (the
 * problems pushed onto `issues`).
 *
 * @internal
 */
export function resultRecordFromValues(
  values: EdiValues,
  where: EdiLineContext,
  opaque: readonly EdiField[],
  issues: EdiIssueSink<'malformed_record' | 'bad_check_character'>,
): EdiResultRecord | undefined {
  const centreNumber = values['centreNumber'] ?? '';
  const candidateNumber = values['candidateNumber'] ?? '';
  const uci = ownString(values['uci'] ?? '');
  const uln = values['uln'] ?? '';
  if (!isValidCentreNumber(centreNumber) || !isValidCandidateNumber(candidateNumber) || (uci !== '' && !isValidUci(uci)) || (uln !== '' && !isValidUln(uln))) {
    const bad = (field: string, column: number, value: string, message: string, code: 'malformed_record' | 'bad_check_character' = 'malformed_record'): void => {
      issues.push({ code, severity: 'error', message, location: { ...(where.file === undefined ? {} : { file: where.file }), line: where.line, column, field, recordType: 'R5', value } });
    };
    if (!isValidCentreNumber(centreNumber)) bad('centreNumber', 3, centreNumber, 'centreNumber must be five digits, not 00000');
    if (!isValidCandidateNumber(candidateNumber)) bad('candidateNumber', 8, candidateNumber, 'candidateNumber must be 0001–9999');
    if (uci !== '' && !isValidUci(uci)) bad('uci', 12, uci, `UCI "${uci}" fails its check character`, 'bad_check_character');
    if (uln !== '' && !isValidUln(uln)) bad('uln', 25, uln, `ULN "${uln}" fails its check digit`, 'bad_check_character');
    return undefined;
  }
  const type = values['resultType'] as ResultType;
  const entryCode = values['entryCode'];
  // Most results are for the option entered: the record keeps one string for both codes (half the strings kept).
  const readCode = values['resultCode'] ?? '';
  const resultCode = readCode === entryCode ? entryCode : readCode;
  const grade = values['grade'];
  const secondGrade = values['secondGrade'];
  const endorsement = values['endorsement'];
  const secondEndorsement = values['secondEndorsement'];
  const absent = !!(values['gradeAbsence'] || values['secondGradeAbsence'] || values['endorsementAbsence'] || values['secondEndorsementAbsence'] || values['absence']);
  const scoreText = values['score'];
  const score = scoreText ? Number(scoreText) : undefined;
  const unread = unreadOf(values, opaque);
  if (uci !== '' && uln === '' && entryCode && grade && !secondGrade && !secondEndorsement && !absent && unread === undefined) {
    const usual = usualRecord(where.line, centreNumber, candidateNumber, uci, resultCode, type, entryCode, grade, endorsement || undefined, score);
    if (usual !== undefined) return usual;
  }
  const record: { -readonly [K in keyof EdiResultRecord]: EdiResultRecord[K] } =
    uci === '' ? { line: where.line, centreNumber, candidateNumber, resultCode, resultType: type } : { line: where.line, centreNumber, candidateNumber, uci, resultCode, resultType: type };
  if (uln !== '') record.uln = uln;
  if (entryCode) record.entryCode = entryCode;
  if (grade) record.grade = grade;
  if (secondGrade) record.secondGrade = secondGrade;
  if (endorsement) record.endorsement = endorsement;
  if (secondEndorsement) record.secondEndorsement = secondEndorsement;
  if (absent) {
    const absence: Record<string, string> = {};
    for (const [field, key] of ABSENCE_FIELDS) {
      const v = values[field];
      if (v) absence[key] = v;
    }
    record.absence = absence;
  }
  if (score !== undefined) {
    if (type === 'U') record.uniformMark = score;
    else if (type === 'M') record.mark = score;
    else record.score = score;
  }
  if (unread !== undefined) record.unread = unread;
  return record;
}

/**
 * The usual record (a UCI, no ULN, an entry code and a grade, nothing else but an endorsement, or a uniform mark
 * or mark) as one literal, in the order the general path adds the fields: no field added after the object is
 * made, so no second block of properties per record (measured: 3.5 ms → 0.9 ms per 20,000 records, from fewer
 * collections). `undefined` for any other record. Both readings of a line, {@link resultRecordFromValues} and
 * {@link quickResultRecord}, build it here, so the two give the same record.
 */
function usualRecord(
  line: number,
  centreNumber: string,
  candidateNumber: string,
  uci: string,
  resultCode: string,
  type: ResultType,
  entryCode: string,
  grade: string,
  endorsement: string | undefined,
  score: number | undefined,
): EdiResultRecord | undefined {
  if (score === undefined) {
    return endorsement === undefined
      ? { line, centreNumber, candidateNumber, uci, resultCode, resultType: type, entryCode, grade }
      : { line, centreNumber, candidateNumber, uci, resultCode, resultType: type, entryCode, grade, endorsement };
  }
  if (endorsement !== undefined) return undefined;
  if (type === 'U') return { line, centreNumber, candidateNumber, uci, resultCode, resultType: type, entryCode, grade, uniformMark: score };
  if (type === 'M') return { line, centreNumber, candidateNumber, uci, resultCode, resultType: type, entryCode, grade, mark: score };
  return undefined;
}

/**
 * What one reading's usual lines share: each who (centre number, candidate number and UCI, columns 3–24) read by
 * {@link quickResultRecord}, so a candidate's other results reuse its strings and its checked UCI (one entry per
 * candidate in the file); and the entry and result codes (columns 35–46) already read, so each pair is checked and
 * kept once per reading.
 *
 * @internal
 */
export interface QuickResultsCache {
  /** Centre and candidate number as one nine-digit number → the strings they read as, and the UCI last read for them. */
  readonly who: Map<number, { readonly centreNumber: string; readonly candidateNumber: string; readonly uci: string }>;
  /** Columns 35–46 as read → the entry code and result code they read as (bounded). */
  readonly codes: Map<string, readonly [entryCode: string, resultCode: string]>;
}

/**
 * A new cache for one reading.
 *
 * @internal
 * @example
 * ```ts
 * quickResultsCache().who.size; // 0
 * ```
 */
export function quickResultsCache(): QuickResultsCache {
  return { who: new Map(), codes: new Map() };
}

/** The most code pairs one reading keeps (a centre's options are a few hundred). */
const MAX_CODE_PAIRS = 4096;
const DIGIT_0 = 0x30;
/** Columns 25–34, a blank ULN. */
const BLANK_ULN = spaces(10);
/** Types 1–3: columns 54–192 (second endorsement, four absences, two unused, the undescribed rest) blank. */
const BLANK_AFTER_ENDORSEMENT = spaces(192 - 53);
/** Types U and M: columns 53–192 (nine unused, the undescribed rest) blank. */
const BLANK_AFTER_MARK_GRADE = spaces(192 - 52);

/**
 * A two-column text field (a grade, an endorsement) as the codec reads it: `''` when blank, `undefined` when the
 * codec would not take it as it is. One character is V8's cached one-character string.
 */
function shortText(line: string, at: number): string | undefined {
  const first = line.charCodeAt(at);
  const second = line.charCodeAt(at + 1);
  if (first === SPACE) return second === SPACE ? '' : undefined;
  if (first < SPACE || first > 0x7e) return undefined;
  if (second === SPACE) return line.charAt(at);
  if (second < SPACE || second > 0x7e) return undefined;
  return line.slice(at, at + 2);
}

/** The entry and result codes of columns 35–46, or `undefined` when either is blank or not as the codec takes it. */
function codesOf(line: string, cache: QuickResultsCache): readonly [string, string] | undefined {
  const key = line.slice(34, 46);
  const known = cache.codes.get(key);
  if (known !== undefined) return known;
  const entryEnd = textEnd(line, 34, 40);
  const resultEnd = textEnd(line, 40, 46);
  if (entryEnd <= 34 || resultEnd <= 40) return undefined;
  const entryCode = line.slice(34, entryEnd);
  const resultCode = line.slice(40, resultEnd);
  // most results are for the option entered: one string for both codes (half the strings kept)
  const pair = [entryCode, resultCode === entryCode ? entryCode : resultCode] as const;
  if (cache.codes.size < MAX_CODE_PAIRS) cache.codes.set(key, pair);
  return pair;
}

/**
 * The record of a usual results line, read straight from its text, or `undefined` to leave the line to the
 * layout's codec and {@link resultRecordFromValues}. A usual line is 192 characters of type 1, 2, 3, U or M,
 * with a valid centre number, candidate number and UCI, no ULN, an entry code, a result code and a grade,
 * nothing else but an endorsement (types 1–3) or a three-digit score (U, M), and every other column blank.
 * Those are exactly the lines the codec reads without an issue, strict or not, into the record
 * {@link resultRecordFromValues} makes of them (the same literal, from {@link usualRecord}); anything else
 * (a ULN, a second grade, an absence, undescribed columns, padding or case to forgive) goes the long way.
 * Each check is on slices and a few character codes: a line is a slice of the file's text, where reading
 * character by character costs more than comparing a slice.
 *
 * @internal
 * @param line - one line of the file, a results detail record by its first two characters
 * @param lineNo - its line number
 * @param cache - what this reading's earlier usual lines read
 */
export function quickResultRecord(line: string, lineNo: number, cache: QuickResultsCache): EdiResultRecord | undefined {
  if (line.length !== 192 || line.charCodeAt(0) !== 0x52 || line.charCodeAt(1) !== 0x35) return undefined;
  const type = line.charAt(46) as ResultType;
  const grades = type === '1' || type === '2' || type === '3';
  if (grades ? line.slice(53) !== BLANK_AFTER_ENDORSEMENT : type !== 'U' && type !== 'M' ? true : line.slice(52) !== BLANK_AFTER_MARK_GRADE) return undefined;
  // who: the centre and candidate numbers as one number (nine digits), and a UCI already read for them is the
  // same valid string
  let key = 0;
  for (let i = 2; i < 11; i += 1) {
    const digit = line.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return undefined;
    key = key * 10 + digit;
  }
  if (line.slice(24, 34) !== BLANK_ULN) return undefined;
  const uciRead = line.slice(11, 24);
  let who = cache.who.get(key);
  if (who === undefined || who.uci !== uciRead) {
    const centreNumber = line.slice(2, 7);
    const candidateNumber = line.slice(7, 11);
    if (centreNumber === '00000' || candidateNumber === '0000' || !isValidUci(uciRead)) return undefined;
    who = { centreNumber, candidateNumber, uci: ownString(uciRead) };
    cache.who.set(key, who);
  }
  const { centreNumber, candidateNumber, uci } = who;
  const codes = codesOf(line, cache);
  if (codes === undefined) return undefined;
  if (grades) {
    // grade, second grade (blank), endorsement; the rest is blank (checked above)
    const grade = shortText(line, 47);
    const endorsement = shortText(line, 51);
    if (!grade || endorsement === undefined || line.charCodeAt(49) !== SPACE || line.charCodeAt(50) !== SPACE) return undefined;
    return usualRecord(lineNo, centreNumber, candidateNumber, uci, codes[1], type, codes[0], grade, endorsement || undefined, undefined);
  }
  // U, M: a three-digit score and a grade; the rest is blank (checked above)
  const grade = shortText(line, 50);
  if (!grade || !digitsAt(line, 47, 50)) return undefined;
  const score = (line.charCodeAt(47) - DIGIT_0) * 100 + (line.charCodeAt(48) - DIGIT_0) * 10 + (line.charCodeAt(49) - DIGIT_0);
  return usualRecord(lineNo, centreNumber, candidateNumber, uci, codes[1], type, codes[0], grade, undefined, score);
}

/** The opaque columns of a line that are not blank, trimmed at the end, by field; `undefined` when every one is blank. */
function unreadOf(values: EdiValues, opaque: readonly EdiField[]): Record<string, string> | undefined {
  let unread: Record<string, string> | undefined;
  for (const f of opaque) {
    const raw = values[f.field];
    if (raw !== undefined && raw !== spaces(raw.length)) (unread ??= {})[f.field] = raw.trimEnd();
  }
  return unread;
}

/**
 * The raw layout values of a result, or a message when its score does not fit the result type's layout.
 *
 * @internal
 */
export function resultRecordToValues(result: EdiResultInput): Record<string, string> | string {
  const layout = resultsLayoutFor(result.resultType);
  if (layout === undefined) return `Result type "${result.resultType}" has no known layout`;
  const values: Record<string, string> = {
    dataType: 'R',
    recordType: '5',
    centreNumber: result.centreNumber,
    candidateNumber: result.candidateNumber,
    uci: result.uci ?? '',
    uln: result.uln ?? '',
    entryCode: result.entryCode ?? '',
    resultCode: result.resultCode,
    resultType: result.resultType,
    grade: result.grade ?? '',
  };
  const score = result.resultType === 'U' ? result.uniformMark : result.resultType === 'M' ? result.mark : result.score;
  const other = result.resultType === 'U' ? [result.mark, result.score] : result.resultType === 'M' ? [result.uniformMark, result.score] : [result.mark, result.uniformMark];
  if (other.some((x) => x !== undefined)) return `A type ${result.resultType} result carries only ${result.resultType === 'U' ? 'a uniform mark' : result.resultType === 'M' ? 'a mark' : 'a score'}`;
  if (layout.id === 'results.detail.grades') {
    if (score !== undefined) return `A type ${result.resultType} result carries grades, not a score`;
    values['secondGrade'] = result.secondGrade ?? '';
    values['endorsement'] = result.endorsement ?? '';
    values['secondEndorsement'] = result.secondEndorsement ?? '';
    values['gradeAbsence'] = result.absence?.grade ?? '';
    values['secondGradeAbsence'] = result.absence?.secondGrade ?? '';
    values['endorsementAbsence'] = result.absence?.endorsement ?? '';
    values['secondEndorsementAbsence'] = result.absence?.secondEndorsement ?? '';
  } else {
    if (result.secondGrade !== undefined || result.endorsement !== undefined || result.secondEndorsement !== undefined) {
      return `A type ${result.resultType} result has one grade and no endorsements`;
    }
    if (score !== undefined && (!Number.isInteger(score) || score < 0)) return `Score ${score} must be a whole number`;
    values['score'] = score === undefined ? '' : String(score);
    if (layout.id === 'results.detail.score4') values['absence'] = result.absence?.grade ?? '';
    else if (result.absence !== undefined) return `A type ${result.resultType} result has no absence indicator`;
  }
  for (const [k, value] of Object.entries(result.unread ?? {})) {
    if (!layout.fields.some((f) => f.field === k && f.type === 'opaque')) return `"${k}" is not an undescribed field of the ${layout.id} layout`;
    values[k] = value;
  }
  return values;
}
