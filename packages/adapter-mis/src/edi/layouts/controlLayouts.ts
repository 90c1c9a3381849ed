/**
 * The four control records every EDI file carries around its detail records: the file header (type 1),
 * the centre header (3), the centre trailer (7) and the file trailer (9). Centre files (entries,
 * amendments, results) hold the centre number in columns 3–7; awarding-body broadcast files (basedata)
 * hold the series code, year and language there instead, so that field is text here and the reader
 * interprets it by file kind. Source: Aspen `ExamEntries.java` (EJ) and `BasedataDescriptor.xml` (BD).
 */
import type { EdiField, EdiRecordLayout } from '../EdiLayout.js';

/** Every data-type letter a control record may carry in column 1. */
const DATA_TYPES = ['E', 'A', 'F', 'R', 'S', 'O', 'C', 'L'] as const;

const dataType: EdiField = {
  field: 'dataType', start: 1, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: DATA_TYPES,
  source: ['EJ', 'BD', 'RD'], confidence: 'implementation', note: 'The data-type letter of the file.',
};

const identity: EdiField = {
  field: 'centreOrSeries', start: 3, length: 5, type: 'text', padding: 'space-right', blankAllowed: false,
  source: ['EJ', 'BD', 'RD'], confidence: 'implementation',
  note: 'Centre files: the 5-digit centre number. Basedata: series code (2), series year (2) and language (_ English, C Welsh, B bilingual).',
};

function recordType(value: '1' | '3' | '7' | '9'): EdiField {
  return { field: 'recordType', start: 2, length: 1, type: 'literal', padding: 'space-right', blankAllowed: false, values: [value], source: ['EJ', 'BD'], confidence: 'implementation' };
}

/**
 * The file header record (type 1).
 *
 * @example
 * ```ts
 * declare const line: string;
 * decodeEdiRecord(line, FILE_HEADER_LAYOUT, { line: 1 }).values?.['formatsVersion']; // '14'
 * ```
 */
export const FILE_HEADER_LAYOUT: EdiRecordLayout = {
  id: 'control.fileHeader',
  title: 'File header',
  dataTypes: DATA_TYPES,
  recordType: '1',
  fields: [
    dataType,
    recordType('1'),
    identity,
    { field: 'awardingBodyId', start: 8, length: 2, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation', note: 'e.g. 70 (AQA), 01 (OCR), 40/41 (WJEC).' },
    { field: 'seriesCode', start: 10, length: 2, type: 'alpha', padding: 'space-right', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation', note: 'Month character (1–9, A–C) then the awarding body series letter, e.g. 6A.' },
    { field: 'seriesYear', start: 12, length: 2, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation' },
    { field: 'distributionType', start: 14, length: 1, type: 'alpha', padding: 'space-right', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation', note: 'S = data to or from a centre. Other values unknown.' },
    { field: 'softwareName', start: 15, length: 7, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EJ', 'BD'], confidence: 'implementation' },
    { field: 'softwareVersion', start: 22, length: 3, type: 'text', padding: 'space-right', blankAllowed: true, source: ['BD'], confidence: 'implementation' },
    { field: 'formatsVersion', start: 25, length: 2, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation', note: '14 for the current formats.' },
    { field: 'reserved', start: 27, length: 166, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['EJ'], confidence: 'unknown', note: 'Aspen writes spaces; what the booklet puts here is unknown.' },
  ],
};

/**
 * The centre header record (type 3).
 *
 * @example
 * ```ts
 * declare const line: string; // line 2 of an entries file
 * decodeEdiRecord(line, CENTRE_HEADER_LAYOUT, { file: 'E1234570.X01', line: 2 }).values?.['postcode']; // 'AB1 2CD'
 * ```
 */
export const CENTRE_HEADER_LAYOUT: EdiRecordLayout = {
  id: 'control.centreHeader',
  title: 'Centre header',
  dataTypes: DATA_TYPES,
  recordType: '3',
  fields: [
    dataType,
    recordType('3'),
    identity,
    { field: 'awardingBodyId', start: 8, length: 2, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD', 'RD'], confidence: 'implementation' },
    { field: 'seriesCode', start: 10, length: 2, type: 'alpha', padding: 'space-right', blankAllowed: false, source: ['EJ', 'BD', 'RD'], confidence: 'implementation' },
    { field: 'seriesYear', start: 12, length: 2, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD', 'RD'], confidence: 'implementation' },
    { field: 'sequenceNumber', start: 14, length: 3, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD', 'RD', 'BX'], confidence: 'implementation', note: 'Its last two digits are the file extension .Xnn.' },
    { field: 'postcode', start: 17, length: 8, type: 'text', padding: 'space-right', blankAllowed: true, source: ['EJ', 'BD', 'RD'], confidence: 'implementation' },
    { field: 'reserved', start: 25, length: 168, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['EJ'], confidence: 'unknown', note: 'Aspen writes spaces; what the booklet puts here is unknown.' },
  ],
};

/**
 * The centre trailer record (type 7).
 *
 * @example
 * ```ts
 * declare const line: string;
 * decodeEdiRecord(line, CENTRE_TRAILER_LAYOUT, { line: 24 }).values?.['recordCount']; // '0000022': 20 details + 2
 * ```
 */
export const CENTRE_TRAILER_LAYOUT: EdiRecordLayout = {
  id: 'control.centreTrailer',
  title: 'Centre trailer',
  dataTypes: DATA_TYPES,
  recordType: '7',
  fields: [
    dataType,
    recordType('7'),
    identity,
    { field: 'recordCount', start: 8, length: 7, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation', note: "This centre's detail records plus 2 (its header and this trailer)." },
    { field: 'dateProduced', start: 15, length: 6, type: 'date', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation', note: 'ddmmyy; century 20yy inferred.' },
    { field: 'reserved', start: 21, length: 172, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['EJ'], confidence: 'unknown', note: 'Aspen writes spaces; what the booklet puts here is unknown.' },
  ],
};

/**
 * The file trailer record (type 9).
 *
 * @example
 * ```ts
 * declare const line: string;
 * decodeEdiRecord(line, FILE_TRAILER_LAYOUT, { line: 25 }).values?.['totalRecords']; // '0000025'
 * ```
 */
export const FILE_TRAILER_LAYOUT: EdiRecordLayout = {
  id: 'control.fileTrailer',
  title: 'File trailer',
  dataTypes: DATA_TYPES,
  recordType: '9',
  fields: [
    dataType,
    recordType('9'),
    identity,
    { field: 'totalRecords', start: 8, length: 7, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation', note: 'Every record in the file: details + 4 for one centre (Aspen); details + 2 per centre + 2 for several centres (inferred).' },
    { field: 'centreCount', start: 15, length: 7, type: 'numeric', padding: 'zero-left', blankAllowed: false, source: ['EJ', 'BD'], confidence: 'implementation' },
    { field: 'reserved', start: 22, length: 171, type: 'opaque', padding: 'space-right', blankAllowed: true, source: ['EJ'], confidence: 'unknown', note: 'Aspen writes spaces; what the booklet puts here is unknown.' },
  ],
};
