/**
 * The exam-room decisions a centre makes on the day, under the edition in force on that date: is this
 * arrival very late (and by when must it be reported), how does a candidate's clash resolve, and how many
 * invigilators does a room need.
 */
import { academicYearOf, type CalendarDate, type Instant } from '@examcycle/core';
import { JCQ_EDITIONS, editionFor } from './editions/editions.js';
import { clashResolutionOf, type ClashDecision, type ClashPaper } from './engine/clashResolution.js';
import { examRoomRulesOf } from './engine/examRoomRules.js';
import { veryLateArrivalOf, type ArrivalPaper, type VeryLateArrivalDecision } from './engine/veryLateArrival.js';

/**
 * Whether a candidate's arrival is very late, under JCQ's rule for the paper's date.
 *
 * @param paper - the paper's date, published start and duration
 * @param arrivedAt - when the candidate arrived
 * @throws ExamcycleError `unknown_series` for a date outside the pack's editions
 * @example
 * ```ts
 * veryLateArrival({ date: '2026-05-14', startTime: '13:30', durationMinutes: 45 }, '2026-05-14T14:16:00+01:00').veryLate; // true
 * ```
 */
export function veryLateArrival(paper: ArrivalPaper, arrivedAt: Instant): VeryLateArrivalDecision {
  const edition = editionFor(JCQ_EDITIONS, academicYearOf(paper.date));
  return veryLateArrivalOf(paper, arrivedAt, examRoomRulesOf(edition), edition.rules.derived.veryLateArrivalReportWorkingDays);
}

/**
 * How a candidate's papers on one day resolve under JCQ's clash rules.
 *
 * @param date - the day
 * @param papers - the candidate's papers that day, with extra time and rest breaks in their minutes
 * @example
 * ```ts
 * const day = clashResolution('2026-05-20', [
 *   { id: 'maths-1h', session: 'AM', level: 'GCSE', minutes: 120 },
 *   { id: 'physics-1h', session: 'AM', level: 'GCSE', minutes: 105 },
 * ]);
 * day.sessions[0]?.action; // 'move_within_day': 3 h 45 is over the 3-hour consecutive limit
 * ```
 */
export function clashResolution(date: CalendarDate, papers: readonly ClashPaper[]): ClashDecision {
  const edition = editionFor(JCQ_EDITIONS, academicYearOf(date));
  return clashResolutionOf(papers, examRoomRulesOf(edition), edition.rules.examRoom.overnightMinimumExams.value, edition.rules.examRoom.sitAllOnTheDay);
}

/**
 * The invigilators a room needs for its candidates on a date: one per 30 (written) or 20 (practical,
 * on-screen) or part thereof.
 *
 * @param date - the day
 * @param kind - how the paper is sat
 * @param candidates - candidates in the room
 * @example
 * ```ts
 * invigilatorsRequired('2026-05-20', 'written', 31); // 2
 * ```
 */
export function invigilatorsRequired(date: CalendarDate, kind: 'written' | 'practical' | 'on_screen', candidates: number): number {
  const ratio = examRoomRulesOf(editionFor(JCQ_EDITIONS, academicYearOf(date))).invigilationRatio.value[kind];
  return Math.ceil(Math.max(0, candidates) / ratio);
}
