/**
 * The results (R) detail record (type 5). Columns 1–47 are fixed; the 14-column grades block (48–61) is
 * laid out by the result type in column 47, so there is one full layout per result-type family. Columns
 * 62–192 are described by no source and are kept as opaque text. Source: Aspen `ExamResultsDescriptor.xml`
 * (RD) and `ExamResultsImport.java` (RI), whose 2-character grades agree with OCR and Pearson.
 */
import type { EdiField, EdiRecordLayout } from '../EdiLayout.js';

/**
 * The result-type codes Aspen knows: 1 grades, 2 levels, 3 points, U uniform mark, M mark; B and C unknown.
 *
 * @example
 * ```ts
 * RESULT_TYPES.includes('U'); // true
 * RESULT_TYPES.map((t) => resultsLayoutFor(t)?.id);
 * ```
 */
export const RESULT_TYPES = ['1', '2', '3', 'U', 'M', 'B', 'C'] as const;
/**
 * A result-type code.
 *
 * @example
 * ```ts
 * const type: ResultType = 'U'; // a uniform mark
 * resultsLayoutFor(type)?.id; // 'results.detail.mark'
 * ```
 */
export type ResultType = (typeof RESULT_TYPES)[number];

const prefix: readonly EdiField[] = [
  { field: 'dataType', start: 1, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: ['R'], source: ['RD', 'RI'], confidence: 'implementation' },
  { field: 'recordType', start: 2, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: ['5'], source: ['RD'], confidence: 'implementation' },
  { field: 'centreNumber', start: 3, length: 5, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['RD'], confidence: 'implementation' },
  { field: 'candidateNumber', start: 8, length: 4, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['RD'], confidence: 'implementation' },
  { field: 'uci', start: 12, length: 13, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RD', 'RI'], confidence: 'implementation', note: 'The primary match key in Aspen.' },
  { field: 'uln', start: 25, length: 10, type: 'numeric', padding: 'zero-left', blankAllowed: true, source: ['RD', 'RI'], confidence: 'implementation' },
  { field: 'entryCode', start: 35, length: 6, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RD', 'RI'], confidence: 'implementation', note: 'The entry the candidate made; may be blank.' },
  { field: 'resultCode', start: 41, length: 6, type: 'text', padding: 'space-right', blankAllowed: false, source: ['RD', 'RI', 'RP'], confidence: 'implementation', note: 'The option the result is for (an award or unit code).' },
];

function resultType(values: readonly ResultType[]): EdiField {
  return { field: 'resultType', start: 47, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values, source: ['RI'], confidence: 'implementation', note: 'Meaning of B and C unknown.' };
}

const tail: EdiField = {
  field: 'unread', start: 62, length: 131, type: 'opaque', padding: 'space-right', blankAllowed: true, source: [], confidence: 'unknown',
  note: 'No source describes columns 62–192 (candidate name and other fields may be here).',
};

/**
 * Result types 1, 2, 3 (grades, levels, points): two grades, two endorsements and four absence indicators.
 *
 * @example
 * ```ts
 * declare const line: string; // a type 1 result line
 * decodeEdiRecord(line, RESULTS_GRADES_LAYOUT, { file: 'R1234570.X01', line: 3 }).values?.['grade']; // '7'
 * ```
 */
export const RESULTS_GRADES_LAYOUT: EdiRecordLayout = {
  id: 'results.detail.grades',
  title: 'Results detail record (grades, levels, points)',
  dataTypes: ['R'],
  recordType: '5',
  fields: [
    ...prefix,
    resultType(['1', '2', '3']),
    { field: 'grade', start: 48, length: 2, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI', 'AO_RESULTS'], confidence: 'corroborated', note: 'At most two characters (OCR, Pearson).' },
    { field: 'secondGrade', start: 50, length: 2, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation', note: 'e.g. the second grade of a double award.' },
    { field: 'endorsement', start: 52, length: 2, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI', 'AO_RESULTS'], confidence: 'corroborated' },
    { field: 'secondEndorsement', start: 54, length: 2, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'gradeAbsence', start: 56, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation', note: 'Absence indicator for the first grade; values unknown.' },
    { field: 'secondGradeAbsence', start: 57, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'endorsementAbsence', start: 58, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'secondEndorsementAbsence', start: 59, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'gradesUnused', start: 60, length: 2, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'unknown', note: 'Not read by Aspen.' },
    tail,
  ],
};

/**
 * Result types U and M (uniform mark, mark): a 3-digit score and a grade.
 *
 * @example
 * ```ts
 * declare const line: string; // a type U result line
 * decodeEdiRecord(line, RESULTS_MARK_LAYOUT, { file: 'R1234570.X01', line: 4 }).values?.['score']; // '212'
 * ```
 */
export const RESULTS_MARK_LAYOUT: EdiRecordLayout = {
  id: 'results.detail.mark',
  title: 'Results detail record (uniform mark, mark)',
  dataTypes: ['R'],
  recordType: '5',
  fields: [
    ...prefix,
    resultType(['U', 'M']),
    { field: 'score', start: 48, length: 3, type: 'numeric', padding: 'zero-left', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'grade', start: 51, length: 2, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'markUnused', start: 53, length: 9, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'unknown', note: 'Not read by Aspen.' },
    tail,
  ],
};

/**
 * Result types B and C (meaning unknown): a 4-digit score, a grade and an absence indicator.
 *
 * @example
 * ```ts
 * RESULTS_SCORE4_LAYOUT.fields.find((f) => f.field === 'score')?.length; // 4
 * ```
 */
export const RESULTS_SCORE4_LAYOUT: EdiRecordLayout = {
  id: 'results.detail.score4',
  title: 'Results detail record (types B, C)',
  dataTypes: ['R'],
  recordType: '5',
  fields: [
    ...prefix,
    resultType(['B', 'C']),
    { field: 'score', start: 48, length: 4, type: 'numeric', padding: 'zero-left', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'grade', start: 52, length: 2, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'scoreUnused', start: 54, length: 4, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'unknown', note: 'Not read by Aspen.' },
    { field: 'absence', start: 58, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'implementation' },
    { field: 'absenceUnused', start: 59, length: 3, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['RI'], confidence: 'unknown', note: 'Not read by Aspen.' },
    tail,
  ],
};

/**
 * The results layout for a result-type code, or `undefined` for a code no source lists.
 *
 * @param type - column 47 of a results detail record
 * @example
 * ```ts
 * resultsLayoutFor('U')?.id; // 'results.detail.mark'
 * ```
 */
export function resultsLayoutFor(type: string): EdiRecordLayout | undefined {
  if (type === '1' || type === '2' || type === '3') return RESULTS_GRADES_LAYOUT;
  if (type === 'U' || type === 'M') return RESULTS_MARK_LAYOUT;
  if (type === 'B' || type === 'C') return RESULTS_SCORE4_LAYOUT;
  return undefined;
}
