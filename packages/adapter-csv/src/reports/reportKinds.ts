/**
 * The report exports by name, and the row type each takes. Together with core's record kinds they make
 * every kind `exportCsv` writes.
 */
import type { EopsTrackerRow, RecordKinds } from '@examcycle/core';
import { attendanceRegisterReport, type AttendanceRegisterRow } from './attendanceRegister.js';
import { candidateTimetableReport, type CandidateTimetableRow } from './candidateTimetable.js';
import { certificateLogReport, type CertificateLogRow } from './certificateLog.js';
import type { CsvReport } from './CsvReport.js';
import { enquiriesLogReport, type EnquiryLogRow } from './enquiriesLog.js';
import { eopsTrackerReport } from './eopsTracker.js';
import { resultsBroadsheetReport, type BroadsheetRow } from './resultsBroadsheet.js';
import { seatingPlanReport, type SeatingPlanRow } from './seatingPlan.js';
import { statementOfEntryReport, type StatementOfEntryRow } from './statementOfEntry.js';

/**
 * The input row of each report export.
 *
 * @example
 * ```ts
 * declare const officers: EopsTrackerSource;
 * const tracker = eopsTracker(officers);
 * const rows: CsvReportRows['eops_tracker'][] = tracker.ok ? tracker.value : [];
 * ```
 */
export interface CsvReportRows {
  seating_plan: SeatingPlanRow;
  candidate_timetable: CandidateTimetableRow;
  statement_of_entry: StatementOfEntryRow;
  attendance_register: AttendanceRegisterRow;
  results_broadsheet: BroadsheetRow;
  enquiries_log: EnquiryLogRow;
  certificate_log: CertificateLogRow;
  eops_tracker: EopsTrackerRow;
}

/**
 * A report export's name.
 *
 * @example
 * ```ts
 * const kind: CsvReportKind = 'seating_plan';
 * ```
 */
export type CsvReportKind = keyof CsvReportRows;

/**
 * The input row of everything `exportCsv` writes: the eight record kinds and the reports.
 *
 * @example
 * ```ts
 * declare const result: ImportResult<Candidate>;
 * const rows: readonly CsvExportRows['candidates'][] = result.records;
 * ```
 */
export type CsvExportRows = RecordKinds & CsvReportRows;

/**
 * Anything `exportCsv` writes.
 *
 * @example
 * ```ts
 * import { RECORD_KINDS } from '@examcycle/core';
 * import { CSV_REPORT_KINDS } from '@examcycle/adapter-csv';
 * const kinds: CsvExportKind[] = [...RECORD_KINDS, ...CSV_REPORT_KINDS];
 * ```
 */
export type CsvExportKind = keyof CsvExportRows;

/**
 * The report of a report kind.
 *
 * @param kind - the report's name
 * @example
 * ```ts
 * reportOf('eops_tracker').columns([], { broadsheetMarks: false }).map((c) => c.header);
 * ```
 */
export function reportOf(kind: CsvReportKind): CsvReport<unknown, unknown> {
  const reports: { [P in CsvReportKind]: CsvReport<CsvReportRows[P], unknown> } = {
    seating_plan: seatingPlanReport as CsvReport<SeatingPlanRow, unknown>,
    candidate_timetable: candidateTimetableReport as CsvReport<CandidateTimetableRow, unknown>,
    statement_of_entry: statementOfEntryReport as CsvReport<StatementOfEntryRow, unknown>,
    attendance_register: attendanceRegisterReport as CsvReport<AttendanceRegisterRow, unknown>,
    results_broadsheet: resultsBroadsheetReport as CsvReport<BroadsheetRow, unknown>,
    enquiries_log: enquiriesLogReport as CsvReport<EnquiryLogRow, unknown>,
    certificate_log: certificateLogReport as CsvReport<CertificateLogRow, unknown>,
    eops_tracker: eopsTrackerReport as CsvReport<EopsTrackerRow, unknown>,
  };
  return reports[kind] as CsvReport<unknown, unknown>;
}

/**
 * The report kinds, in a stable order.
 *
 * @example
 * ```ts
 * CSV_REPORT_KINDS.includes('eops_tracker'); // true
 * ```
 */
export const CSV_REPORT_KINDS: readonly CsvReportKind[] = [
  'seating_plan',
  'candidate_timetable',
  'statement_of_entry',
  'attendance_register',
  'results_broadsheet',
  'enquiries_log',
  'certificate_log',
  'eops_tracker',
];
