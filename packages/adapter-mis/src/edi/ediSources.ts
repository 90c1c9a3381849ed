/**
 * Where every EDI layout value comes from. The JCQ booklet "Formats for the Exchange of Examination
 * Related Data" (v14) is not publicly readable, so the positions come from a public source tree of a
 * commercial MIS that implements v14 (Follett Aspen, UK state-reporting module), cross-checked against
 * awarding bodies' own statements where one exists. Each key names one source document.
 */
import type { SourceRef } from '@examcycle/core';

const ASPEN = 'Follett Aspen UK state-reporting module (public source tree EvgeniiTrofimov/aspenProject, commit fa94d836)';
const ASPEN_URL = 'https://github.com/EvgeniiTrofimov/aspenProject';

/**
 * The source documents the EDI layouts cite, by key.
 *
 * @example
 * ```ts
 * EDI_SOURCES.EF.section; // 'statereporting/uk/export-format-EXPDATA-UK-ENTRIES.xml'
 * ```
 */
export const EDI_SOURCES = {
  /** Aspen's flatworm layout for the S/O/C/L basedata files. */
  BD: { document: ASPEN, section: 'statereporting/uk/BasedataDescriptor.xml', year: 'JCQ formats v14', url: ASPEN_URL },
  /** Aspen's flatworm layout for R results files. */
  RD: { document: ASPEN, section: 'statereporting/uk/ExamResultsDescriptor.xml', year: 'JCQ formats v14', url: ASPEN_URL },
  /** Aspen's E/A detail record export format (fields in order with lengths and padding). */
  EF: { document: ASPEN, section: 'statereporting/uk/export-format-EXPDATA-UK-ENTRIES.xml', year: 'JCQ formats v14', url: ASPEN_URL },
  /** Aspen's Java that writes the E/A header and trailer records. */
  EJ: { document: ASPEN, section: 'statereporting/uk/ExamEntries.java', year: 'JCQ formats v14', url: ASPEN_URL },
  /** Aspen's results import (how the 14-character grades block is split; result types; matching). */
  RI: { document: ASPEN, section: 'statereporting/uk/ExamResultsImport.java', year: 'JCQ formats v14', url: ASPEN_URL },
  /** Aspen's basedata import (file-name patterns, language codes). */
  BI: { document: ASPEN, section: 'statereporting/uk/BasedataImport.java', year: 'JCQ formats v14', url: ASPEN_URL },
  /** Aspen's outgoing file names. */
  BX: { document: ASPEN, section: 'statereporting/uk/BulkExamEntryExport.java', year: 'JCQ formats v14', url: ASPEN_URL },
  /** Aspen's reports (how time allowed and session are displayed). */
  RP: { document: ASPEN, section: 'reports/statereporting/uk (IndvCandidateStatementEntryData, CandidateResultsSheetData)', year: 'JCQ formats v14', url: ASPEN_URL },
  /** JCQ's own page on the formats: file naming `dcccccbb.Xnn`. */
  JCQ: {
    document: 'JCQ, Formats for the Exchange of Examination Related Data (introduction and file naming)',
    section: 'Introduction',
    year: 'v14 (2011, revised May 2016)',
    url: 'https://www.jcq.org.uk/exams-office/entries/jcq-formats/formats-for-the-exchange-of-examination-related-data/',
  },
  /** AQA: the UCI sits in positions 60–72 of the entries and amendments detail record. */
  AQA_UCI: { document: 'AQA, Unique Candidate Identifiers (UCIs)', year: 'current', url: 'https://www.aqa.org.uk/' },
  /** AQA entry fields: candidate number 0001–9999, name layout `SURNAME:FORENAMES`, surname-only ends in a colon. */
  AQA_ENTRY: { document: 'AQA, Entry fields', year: 'current', url: 'https://www.aqa.org.uk/' },
  /** AQA basedata notes: teacher marks `G`, split papers have time allowed 000, one discount code per award. */
  AQA_BASEDATA: { document: 'AQA, Make entries with EDI and basedata; basedata archive notes', year: '2004–2025', url: 'https://www.aqa.org.uk/' },
  /** OCR: v11 added the ULN; record length 194 including the end-of-line marker. */
  OCR_V11: { document: 'OCR, Asset Languages basedata', year: '2009', url: 'https://www.ocr.org.uk/administration/basedata/asset' },
  /** OCR and Pearson: EDI grades are at most two characters; limited room for endorsements. */
  AO_RESULTS: { document: 'OCR, EDI results files; Pearson, Receiving results through EDI', year: 'current', url: 'https://www.ocr.org.uk/' },
  /** Pearson: names upper-cased, allowed characters A–Z and ' . : ( ) / -. */
  PEARSON_NAMES: { document: 'Pearson, Registration and entry data', year: 'current', url: 'https://qualifications.pearson.com/' },
} as const satisfies Record<string, SourceRef>;

/**
 * A key of {@link EDI_SOURCES}.
 *
 * @example
 * ```ts
 * const key: EdiSourceKey = 'EF';
 * EDI_SOURCES[key].document;
 * ```
 */
export type EdiSourceKey = keyof typeof EDI_SOURCES;
