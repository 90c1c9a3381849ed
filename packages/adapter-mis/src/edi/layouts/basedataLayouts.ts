/**
 * The basedata detail records an awarding body broadcasts: syllabus (S), option (O), component (C) and
 * link (L). Only the leading fields are described by a source (Aspen's `BasedataDescriptor.xml`, BD);
 * every record's tail is kept as opaque text and reported as unknown. No source gives a layout for the
 * disallowed-combinations (D) file, so it has none here.
 */
import type { EdiField, EdiRecordLayout } from '../EdiLayout.js';

function lead(letter: 'S' | 'O' | 'C' | 'L'): EdiField[] {
  return [
    { field: 'dataType', start: 1, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: [letter], source: ['BD'], confidence: 'implementation' },
    { field: 'recordType', start: 2, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: ['5'], source: ['BD'], confidence: 'implementation' },
  ];
}

function rest(start: number): EdiField {
  return { field: 'unread', start, length: 193 - start, type: 'opaque', padding: 'space-right', blankAllowed: true, source: [], confidence: 'unknown', note: `No source describes columns ${start}–192.` };
}

/**
 * The syllabus (S) detail record.
 *
 * @example
 * ```ts
 * const out = encodeEdiRecord({ syllabusCode: '8300', title: 'MATHEMATICS' }, BASEDATA_SYLLABUS_LAYOUT);
 * if (out.ok) out.line.slice(0, 19); // 'S58300  MATHEMATICS'
 * ```
 */
export const BASEDATA_SYLLABUS_LAYOUT: EdiRecordLayout = {
  id: 'basedata.syllabus',
  title: 'Basedata syllabus record',
  dataTypes: ['S'],
  recordType: '5',
  fields: [
    ...lead('S'),
    { field: 'syllabusCode', start: 3, length: 6, type: 'text', padding: 'space-right', blankAllowed: false, source: ['BD'], confidence: 'implementation' },
    { field: 'title', start: 9, length: 36, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    rest(45),
  ],
};

/**
 * The option (O) detail record: an entry code, its syllabus, certification data, fee and gradesets.
 *
 * @example
 * ```ts
 * const out = encodeEdiRecord({ optionCode: '8300F', syllabusCode: '8300', title: 'MATHEMATICS', componentCount: '3' }, BASEDATA_OPTION_LAYOUT);
 * if (out.ok) out.line.slice(113, 115); // '03'
 * ```
 */
export const BASEDATA_OPTION_LAYOUT: EdiRecordLayout = {
  id: 'basedata.option',
  title: 'Basedata option record',
  dataTypes: ['O'],
  recordType: '5',
  fields: [
    ...lead('O'),
    { field: 'optionCode', start: 3, length: 6, type: 'text', padding: 'space-right', blankAllowed: false, source: ['BD'], confidence: 'implementation', note: 'The code a centre puts in entries.' },
    { field: 'syllabusCode', start: 9, length: 6, type: 'text', padding: 'space-right', blankAllowed: false, source: ['BD'], confidence: 'implementation' },
    { field: 'qualificationCert', start: 15, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD', 'RP'], confidence: 'implementation', note: 'Certification qualification type; value list unknown.' },
    { field: 'levelCert', start: 19, length: 3, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'Value list unknown.' },
    { field: 'itemCode', start: 22, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD', 'RP'], confidence: 'implementation', note: 'C = certification (award) entry; other values inferred to be unit entries.' },
    { field: 'qualificationUnit', start: 23, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD', 'RP'], confidence: 'implementation' },
    { field: 'levelUnit', start: 27, length: 3, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'processCode', start: 30, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'Values unknown.' },
    { field: 'discountCode', start: 31, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD', 'AQA_BASEDATA'], confidence: 'corroborated', note: 'QCA classification (discount) code, one per award.' },
    { field: 'qan', start: 35, length: 8, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'QCA accreditation number without separators (inferred).' },
    { field: 'title', start: 43, length: 36, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'feeDefined', start: 79, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'A flag; values unknown.' },
    { field: 'fee', start: 80, length: 5, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'Aspen parses it as a decimal; its unit (pence or pounds) is unknown.' },
    { field: 'forecastGradeset', start: 85, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD', 'AQA_BASEDATA'], confidence: 'corroborated' },
    { field: 'secondForecastGradeset', start: 89, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'resultType', start: 93, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'Same codes as results files (inferred).' },
    { field: 'gradeset', start: 94, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'secondGradeset', start: 98, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'endorsementGradeset', start: 102, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'secondEndorsementGradeset', start: 106, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'maxMark', start: 110, length: 4, type: 'numeric', padding: 'zero-left', blankAllowed: true, spacePaddedNumbers: true, source: ['BD'], confidence: 'implementation' },
    { field: 'componentCount', start: 114, length: 2, type: 'numeric', padding: 'zero-left', blankAllowed: true, spacePaddedNumbers: true, source: ['BD'], confidence: 'implementation', note: 'Number of link records for this option (inferred).' },
    rest(116),
  ],
};

/**
 * The component (C) detail record: a component with its timetable slot and time allowed.
 *
 * @example
 * ```ts
 * declare const line: string; // a line of C6A26_70.X01
 * decodeEdiRecord(line, BASEDATA_COMPONENT_LAYOUT, { file: 'C6A26_70.X01', line: 5 }).values?.['timetableDate']; // '110526'
 * ```
 */
export const BASEDATA_COMPONENT_LAYOUT: EdiRecordLayout = {
  id: 'basedata.component',
  title: 'Basedata component record',
  dataTypes: ['C'],
  recordType: '5',
  fields: [
    ...lead('C'),
    { field: 'componentCode', start: 3, length: 12, type: 'text', padding: 'space-right', blankAllowed: false, source: ['BD'], confidence: 'implementation' },
    { field: 'title', start: 15, length: 36, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'teacherMarksCode', start: 51, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD', 'AQA_BASEDATA'], confidence: 'corroborated', note: 'G = grades rather than marks are submitted (AQA).' },
    { field: 'maxMark', start: 52, length: 3, type: 'numeric', padding: 'zero-left', blankAllowed: true, spacePaddedNumbers: true, source: ['BD'], confidence: 'implementation' },
    { field: 'gradeset', start: 55, length: 4, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'dueDate', start: 59, length: 6, type: 'date', padding: 'zero-left', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'Meaning inferred: the coursework or mark submission deadline.' },
    { field: 'timetabledCode', start: 65, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation', note: 'A flag; values unknown.' },
    { field: 'timetableDate', start: 66, length: 6, type: 'date', padding: 'zero-left', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'timetableSession', start: 72, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD', 'RP'], confidence: 'implementation', note: 'A = morning, P = afternoon (either case).' },
    { field: 'timeAllowed', start: 73, length: 3, type: 'numeric', padding: 'zero-left', blankAllowed: true, spacePaddedNumbers: true, source: ['BD', 'RP', 'AQA_BASEDATA'], confidence: 'corroborated', note: 'Minutes; 000 on split papers (AQA).' },
    rest(76),
  ],
};

/**
 * The link (L) detail record: one component of one option.
 *
 * @example
 * ```ts
 * const out = encodeEdiRecord({ optionCode: '8300F', componentCode: '8300/1F' }, BASEDATA_LINK_LAYOUT);
 * if (out.ok) out.line.slice(0, 20); // 'L58300F 8300/1F     '
 * ```
 */
export const BASEDATA_LINK_LAYOUT: EdiRecordLayout = {
  id: 'basedata.link',
  title: 'Basedata link record',
  dataTypes: ['L'],
  recordType: '5',
  fields: [
    ...lead('L'),
    { field: 'optionCode', start: 3, length: 6, type: 'text', padding: 'space-right', blankAllowed: false, source: ['BD'], confidence: 'implementation' },
    { field: 'componentCode', start: 9, length: 12, type: 'text', padding: 'space-right', blankAllowed: false, source: ['BD'], confidence: 'implementation' },
    rest(21),
  ],
};
