/**
 * The seating plan export: one line per candidate seat for one paper, in the columns proposed in
 * research/formats.md §4.3 (`Date, Session, StartTime, Room, SeatCode, CandidateNumber, CandidateName,
 * ComponentCode, ComponentTitle, AwardingBody, DurationMins, ExtraTimePercent, Arrangements`). Seat codes
 * are row letter and column number (`A1`), as Bromcom prints them.
 */
import { listCell, type CsvReport } from './CsvReport.js';

/**
 * One candidate in one seat for one paper.
 *
 * @example
 * ```ts
 * const seat: SeatingPlanRow = { date: '2026-05-21', session: 'AM', startTime: '09:00', room: 'Sports Hall', seat: 'A1',
 *   candidateNumber: '0001', candidateName: 'EVANS: Siân', componentCode: '8300/1H', componentTitle: 'Paper 1', awardingBody: 'AQA', durationMinutes: 90 };
 * ```
 */
export interface SeatingPlanRow {
  /** `yyyy-mm-dd`. */
  readonly date: string;
  readonly session: 'AM' | 'PM';
  /** `HH:mm`, London time. */
  readonly startTime: string;
  readonly room: string;
  /** Row letter and column number, e.g. `A1`. */
  readonly seat: string;
  readonly candidateNumber: string;
  /** As printed for the room, e.g. `JONES: Siân`. */
  readonly candidateName: string;
  readonly componentCode: string;
  readonly componentTitle: string;
  readonly awardingBody: string;
  readonly durationMinutes: number;
  readonly extraTimePercent?: number;
  /** Access arrangements to show the invigilators, e.g. `['Reader', 'Rest breaks']`. */
  readonly arrangements?: readonly string[];
}

/** The seating plan export (`exportCsv('seating_plan', rows)`). @internal */
export const seatingPlanReport: CsvReport<SeatingPlanRow> = {
  lines: (rows) => rows,
  columns: () => [
    { header: 'Date', value: (r) => r.date },
    { header: 'Session', value: (r) => r.session },
    { header: 'StartTime', value: (r) => r.startTime },
    { header: 'Room', value: (r) => r.room },
    { header: 'SeatCode', value: (r) => r.seat },
    { header: 'CandidateNumber', value: (r) => r.candidateNumber },
    { header: 'CandidateName', value: (r) => r.candidateName },
    { header: 'ComponentCode', value: (r) => r.componentCode },
    { header: 'ComponentTitle', value: (r) => r.componentTitle },
    { header: 'AwardingBody', value: (r) => r.awardingBody },
    { header: 'DurationMins', value: (r) => r.durationMinutes },
    { header: 'ExtraTimePercent', value: (r) => r.extraTimePercent },
    { header: 'Arrangements', value: (r) => listCell(r.arrangements) },
  ],
};
