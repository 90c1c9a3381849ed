/**
 * `@examcycle/documents`: the documents an exam room runs on, drawn from core's records: the seating
 * plan as a picture (SVG) and for printing (PDF), the attendance register, desk cards, the exam-room
 * board, the statement of entry with its signature lines, the certificate issue log, and an Excel
 * workbook of any report. Every document is deterministic for the same input and prints names in any
 * script a UK school has, with the Noto fonts embedded.
 *
 * @packageDocumentation
 * @module @examcycle/documents
 */
export type { DocumentCentre } from './DocumentCentre.js';
export type { PdfOptions } from './pdf/PdfWriter.js';
export { seatingPlanSvg } from './seating/seatingPlanSvg.js';
export { seatingPlanPdf } from './seating/seatingPlanPdf.js';
export type { SeatingPlanDocumentInput, SeatingPlanDocumentOptions } from './seating/seatingPlanDrawing.js';
export { ARRANGEMENT_LABELS, arrangementWords } from './words/arrangementLabels.js';
export { candidateName } from './words/candidateName.js';
export { attendanceRegisterPdf } from './examRoom/attendanceRegisterPdf.js';
export type { AttendanceRegisterInput } from './examRoom/attendanceRegisterPdf.js';
export { deskCardsPdf } from './examRoom/deskCardsPdf.js';
export type { DeskCardsInput } from './examRoom/deskCardsPdf.js';
export { roomBoardPdf } from './examRoom/roomBoardPdf.js';
export type { RoomBoardInput } from './examRoom/roomBoardPdf.js';
export { statementOfEntryPdf } from './candidates/statementOfEntryPdf.js';
export type { StatementOfEntryInput } from './candidates/statementOfEntryPdf.js';
export { certificateIssueLogPdf } from './candidates/certificateIssueLogPdf.js';
export type { CertificateIssueLogInput } from './candidates/certificateIssueLogPdf.js';
export { reportXlsx } from './xlsx/reportXlsx.js';
export type { ReportXlsxOptions, XlsxCellType, XlsxCellValue, XlsxColumn, XlsxSheet } from './xlsx/reportXlsx.js';
export { candidateTimetablePdf } from './candidates/candidateTimetablePdf.js';
export type { CandidateTimetableInput } from './candidates/candidateTimetablePdf.js';
