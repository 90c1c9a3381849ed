/**
 * The candidate timetable export: one line per paper a candidate sits, in the §4.3 columns
 * (`CandidateNumber, UCI, Name, Date, Session, StartTime, EndTime, AwardingBody, SpecificationCode,
 * ComponentCode, ComponentTitle, Room, Seat`), for mail-merging personal timetables.
 */
import type { CsvReport } from './CsvReport.js';

/**
 * One paper on one candidate's timetable.
 *
 * @example
 * ```ts
 * const paper: CandidateTimetableRow = { candidateNumber: '0001', name: 'Siân Evans', date: '2026-05-21', session: 'AM',
 *   startTime: '09:00', endTime: '10:53', awardingBody: 'AQA', componentCode: '8300/1H', componentTitle: 'Paper 1' };
 * ```
 */
export interface CandidateTimetableRow {
  readonly candidateNumber: string;
  readonly uci?: string;
  readonly name: string;
  /** `yyyy-mm-dd`. */
  readonly date: string;
  readonly session: 'AM' | 'PM';
  /** `HH:mm`, London time. */
  readonly startTime: string;
  /** `HH:mm`, London time, with the candidate's extra time included. */
  readonly endTime: string;
  readonly awardingBody: string;
  readonly specificationCode?: string;
  readonly componentCode: string;
  readonly componentTitle: string;
  readonly room?: string;
  readonly seat?: string;
}

/** The candidate timetable export (`exportCsv('candidate_timetable', rows)`). @internal */
export const candidateTimetableReport: CsvReport<CandidateTimetableRow> = {
  lines: (rows) => rows,
  columns: () => [
    { header: 'CandidateNumber', value: (r) => r.candidateNumber },
    { header: 'UCI', value: (r) => r.uci },
    { header: 'Name', value: (r) => r.name },
    { header: 'Date', value: (r) => r.date },
    { header: 'Session', value: (r) => r.session },
    { header: 'StartTime', value: (r) => r.startTime },
    { header: 'EndTime', value: (r) => r.endTime },
    { header: 'AwardingBody', value: (r) => r.awardingBody },
    { header: 'SpecificationCode', value: (r) => r.specificationCode },
    { header: 'ComponentCode', value: (r) => r.componentCode },
    { header: 'ComponentTitle', value: (r) => r.componentTitle },
    { header: 'Room', value: (r) => r.room },
    { header: 'Seat', value: (r) => r.seat },
  ],
};
