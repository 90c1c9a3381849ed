/**
 * `@examcycle/adapter-csv`: every examcycle record in and out as CSV, safely and fast. It implements
 * core's data contract for the eight record kinds (candidates, entries, timetable, rooms, invigilators,
 * access arrangements, results, certificates), whole-string and streamed, and writes the reports exams
 * officers share, with formula-injection protection.
 *
 * @packageDocumentation
 * @module @examcycle/adapter-csv
 */

export { createCsvAdapter } from './createCsvAdapter.js';
export type { CsvAdapter, CsvAdapterOptions } from './createCsvAdapter.js';
export { importCsv } from './importCsv.js';
export { importCsvStream } from './importCsvStream.js';
export type { CsvImportBatch, CsvImportIssueCode, CsvImportOptions, CsvSource } from './CsvImportOptions.js';
export { exportCsv } from './exportCsv.js';
export type { CsvExportOptions } from './exportCsv.js';
export type { FormulaGuardMode } from './internal/csvLine.js';

export { csvColumnSet } from './columns/columnSets.js';
export type { CsvColumn, CsvColumnSet } from './columns/CsvColumnSet.js';
export { CellFailure } from './columns/CellCodec.js';
export type { CellCodec, CellFailureCode, EmptyCell } from './columns/CellCodec.js';
export { excelSerialDate } from './columns/spreadsheetDates.js';

export { CSV_REPORT_KINDS } from './reports/reportKinds.js';
export type { CsvExportKind, CsvExportRows, CsvReportKind, CsvReportRows } from './reports/reportKinds.js';
export type { SeatingPlanRow } from './reports/seatingPlan.js';
export { SEATING_ARRANGEMENT_WORDS, seatingPlanRows } from './reports/seatingPlanRows.js';
export type { SeatingPlanLookups } from './reports/seatingPlanRows.js';
export type { CandidateTimetableRow } from './reports/candidateTimetable.js';
export type { StatementOfEntryRow } from './reports/statementOfEntry.js';
export type { AttendanceRegisterRow } from './reports/attendanceRegister.js';
export type { BroadsheetResult, BroadsheetRow } from './reports/resultsBroadsheet.js';
export type { EnquiryLogRow } from './reports/enquiriesLog.js';
export type { CertificateLogRow } from './reports/certificateLog.js';
