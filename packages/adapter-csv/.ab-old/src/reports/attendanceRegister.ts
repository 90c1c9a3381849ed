/**
 * The attendance register export: one line per candidate expected in a room for a paper, with a column
 * the invigilators fill in (`present`, `absent`, `late`, or blank until marked).
 */
import { listCell, type CsvReport } from './CsvReport.js';

/**
 * One candidate expected in a room for a paper.
 *
 * @example
 * ```ts
 * const line: AttendanceRegisterRow = { date: '2026-05-21', session: 'AM', room: 'Sports Hall', awardingBody: 'AQA',
 *   componentCode: '8300/1H', componentTitle: 'Paper 1', seat: 'A1', candidateNumber: '0001', candidateName: 'EVANS: Siân' };
 * ```
 */
export interface AttendanceRegisterRow {
  /** `yyyy-mm-dd`. */
  readonly date: string;
  readonly session: 'AM' | 'PM';
  readonly room: string;
  readonly awardingBody: string;
  readonly componentCode: string;
  readonly componentTitle: string;
  readonly seat?: string;
  readonly candidateNumber: string;
  readonly candidateName: string;
  readonly arrangements?: readonly string[];
  /** Blank until marked. */
  readonly attendance?: 'present' | 'absent' | 'late';
}

/** The attendance register export (`exportCsv('attendance_register', rows)`). @internal */
export const attendanceRegisterReport: CsvReport<AttendanceRegisterRow> = {
  lines: (rows) => rows,
  columns: () => [
    { header: 'Date', value: (r) => r.date },
    { header: 'Session', value: (r) => r.session },
    { header: 'Room', value: (r) => r.room },
    { header: 'AwardingBody', value: (r) => r.awardingBody },
    { header: 'ComponentCode', value: (r) => r.componentCode },
    { header: 'ComponentTitle', value: (r) => r.componentTitle },
    { header: 'SeatCode', value: (r) => r.seat },
    { header: 'CandidateNumber', value: (r) => r.candidateNumber },
    { header: 'CandidateName', value: (r) => r.candidateName },
    { header: 'Arrangements', value: (r) => listCell(r.arrangements) },
    { header: 'Attendance', value: (r) => r.attendance },
  ],
};
