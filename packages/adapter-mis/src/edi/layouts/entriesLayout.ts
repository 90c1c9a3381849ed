/**
 * The entries (E) and amendments (A) detail record (type 5): the candidate's identity and up to twelve
 * entry (option) codes, each with a one-character flag. Positions from Aspen's export format (EF), which
 * sums to exactly 192 columns; the UCI at 60–72 is also stated by AQA, the 10-character ULN by OCR (v11).
 */
import type { EdiField, EdiRecordLayout } from '../EdiLayout.js';

/**
 * How many entry codes one detail record holds; more go to a continuation record.
 *
 * @example
 * ```ts
 * Math.ceil(20 / ENTRY_SLOTS_PER_RECORD); // 2: a candidate with 20 entries takes two detail records
 * ```
 */
export const ENTRY_SLOTS_PER_RECORD = 12;

function entrySlots(): EdiField[] {
  const slots: EdiField[] = [];
  for (let i = 0; i < ENTRY_SLOTS_PER_RECORD; i += 1) {
    const start = 109 + i * 7;
    slots.push(
      { field: `entryCode${i + 1}`, start, length: 6, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EF'], confidence: 'implementation', note: 'An option entry code from the basedata O file.' },
      { field: `entryFlag${i + 1}`, start: start + 6, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EF'], confidence: 'implementation', note: 'Aspen leaves it blank; meaning unknown (perhaps an amendment or withdrawal indicator in A files).' },
    );
  }
  return slots;
}

/**
 * The E/A detail record (type 5).
 *
 * @example
 * ```ts
 * ENTRIES_DETAIL_LAYOUT.fields.find((f) => f.field === 'candidateName')?.start; // 13
 * ENTRIES_DETAIL_LAYOUT.fields.length; // 15 candidate fields + 12 entry slots of code and flag
 * ```
 */
export const ENTRIES_DETAIL_LAYOUT: EdiRecordLayout = {
  id: 'entries.detail',
  title: 'Entries / amendments detail record',
  dataTypes: ['E', 'A'],
  recordType: '5',
  fields: [
    { field: 'dataType', start: 1, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: ['E', 'A'], source: ['EF', 'EJ'], confidence: 'implementation' },
    { field: 'recordType', start: 2, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: ['5'], source: ['EF'], confidence: 'implementation' },
    { field: 'candidateStatus', start: 3, length: 1, type: 'alpha', padding: 'space-right', blankAllowed: true, source: ['EF'], confidence: 'implementation', note: 'Aspen writes C by default; the list of values is unknown.' },
    { field: 'centreNumber', start: 4, length: 5, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EF'], confidence: 'implementation' },
    { field: 'candidateNumber', start: 9, length: 4, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EF', 'AQA_ENTRY'], confidence: 'corroborated', note: '0001–9999.' },
    { field: 'candidateName', start: 13, length: 40, type: 'text', padding: 'space-right', blankAllowed: false, charset: 'name', source: ['EF', 'EJ', 'AQA_ENTRY', 'PEARSON_NAMES'], confidence: 'corroborated', note: 'SURNAME:FORENAMES, upper case; a surname-only name ends with a colon.' },
    { field: 'sex', start: 53, length: 1, type: 'alpha', padding: 'space-right', blankAllowed: true, values: ['M', 'F'], source: ['EF'], confidence: 'implementation', note: 'Position stated; values M/F inferred from the mapping table.' },
    { field: 'dateOfBirth', start: 54, length: 6, type: 'date', padding: 'zero-left', blankAllowed: false, source: ['EF'], confidence: 'implementation', note: 'ddmmyy; 000000 when unknown.' },
    { field: 'uci', start: 60, length: 13, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EF', 'AQA_UCI'], confidence: 'corroborated', note: 'AQA: positions 60–72.' },
    { field: 'upn', start: 73, length: 13, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EF'], confidence: 'implementation' },
    { field: 'uln', start: 86, length: 10, type: 'numeric', padding: 'zero-left', blankAllowed: true, source: ['EF', 'OCR_V11'], confidence: 'corroborated', note: 'Added in v11 (record length 184 → 194 with the end of line).' },
    { field: 'qualifierFlag', start: 96, length: 1, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EF'], confidence: 'implementation', note: 'Position stated; meaning unknown.' },
    { field: 'optionalCentreNumber', start: 97, length: 5, type: 'numeric', padding: 'zero-left', blankAllowed: true, source: ['EF'], confidence: 'implementation', note: 'Position stated; meaning unknown.' },
    { field: 'optionalCandidateNumber', start: 102, length: 4, type: 'numeric', padding: 'zero-left', blankAllowed: true, source: ['EF'], confidence: 'implementation', note: 'Position stated; meaning unknown.' },
    { field: 'documentationGroup', start: 106, length: 3, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EF'], confidence: 'implementation', note: 'Aspen leaves it blank; meaning unknown.' },
    ...entrySlots(),
  ],
};
