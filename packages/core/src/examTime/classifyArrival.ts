/**
 * Arrival classification for the attendance register, measured from the awarding body's published start
 * (not the centre's actual start): on time, late, or very late. Under the JCQ rules a candidate is very
 * late when they arrive more than one hour after the published start of an exam of more than one hour,
 * or after the published finishing time of a shorter one; both values come from the rules pack. A late
 * candidate who is admitted still gets the full time; a very late arrival must be reported.
 */
import type { TimetabledPaper } from '../domain/paper.js';
import type { ExamRoomRules } from '../rules/RulesPack.js';
import type { SourceRef } from '../rules/sources.js';
import type { Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { londonIso } from '../time/londonIso.js';
import { publishedStartMillis } from './publishedStart.js';
import { checkNumber, checkObject, count, EXAM_TIME_LIMITS, positiveCount, ruleNumber } from './examTimeLimits.js';
import { durationText } from './timeAllowance.js';

/**
 * A register status.
 *
 * @example
 * ```ts
 * declare const line: RegisterLine;
 * const late: AttendanceStatus[] = ['late', 'very_late'];
 * line.status !== 'not_marked' && late.includes(line.status);
 * ```
 */
export type AttendanceStatus = 'present' | 'late' | 'very_late' | 'absent';

/**
 * How an arrival was classified, and why.
 *
 * @example
 * ```ts
 * const arrival: ArrivalClassification = classifyArrival({ date: '2026-06-01', startTime: '09:00', durationMinutes: 90 }, '2026-06-01T09:20:00+01:00', jcq.examRoomRules('2025/26'));
 * `${arrival.status}, ${arrival.minutesAfterStart} min after the start`;
 * ```
 */
export interface ArrivalClassification {
  readonly status: AttendanceStatus;
  /** The paper's published start. */
  readonly publishedStart: Instant;
  /** Arrivals after this instant are very late. */
  readonly veryLateAfter: Instant;
  /** Minutes after the published start (negative when early); absent for an absence. */
  readonly minutesAfterStart?: number;
  readonly explanation: string;
  readonly source: SourceRef;
}

/**
 * Classifies an arrival (or an absence, when `arrivedAt` is undefined) for a paper.
 *
 * @param paper - the paper's date, published start and duration
 * @param arrivedAt - when the candidate arrived, or undefined if they did not
 * @param rules - the exam-room rules in force (very-late thresholds)
 * @throws ExamcycleError `invalid_value` naming the field for a duration or threshold that is not a whole number of minutes up to 1,440, or an invalid date, time or instant
 * @example
 * ```ts
 * const rules = jcq.examRoomRules('2025/26');
 * classifyArrival({ date: '2026-06-01', startTime: '09:00', durationMinutes: 90 }, '2026-06-01T10:05:00+01:00', rules).status; // 'very_late'
 * ```
 */
export function classifyArrival(
  paper: Pick<TimetabledPaper, 'date' | 'startTime' | 'durationMinutes'>,
  arrivedAt: Instant | undefined,
  rules: ExamRoomRules,
): ArrivalClassification {
  checkObject(paper, 'paper');
  const minutes = count(EXAM_TIME_LIMITS.maxDurationMinutes);
  const duration = checkNumber(paper.durationMinutes, 'paper.durationMinutes', positiveCount(EXAM_TIME_LIMITS.maxDurationMinutes));
  const longExam = ruleNumber(rules, 'veryLateLongExamMinutes', minutes);
  const afterStart = ruleNumber(rules, 'veryLateAfterStartMinutes', minutes);
  const start = publishedStartMillis(paper.date, paper.startTime);
  const long = duration > longExam;
  const veryLateAfter = start + (long ? afterStart : duration) * 60_000;
  const rule = long
    ? `more than ${durationText(afterStart)} after the published start of an exam over ${durationText(longExam)}`
    : `after the published finish of an exam of ${durationText(longExam)} or less`;
  const source = rules.veryLateAfterStartMinutes.source;
  const base = { publishedStart: londonIso(start), veryLateAfter: londonIso(veryLateAfter), source };
  if (arrivedAt === undefined) return { ...base, status: 'absent', explanation: 'Did not arrive' };
  const at = instantToMillis(arrivedAt);
  const minutesAfterStart = Math.floor((at - start) / 60_000);
  if (at <= start) return { ...base, status: 'present', minutesAfterStart, explanation: 'Arrived by the published start' };
  if (at > veryLateAfter) {
    return { ...base, status: 'very_late', minutesAfterStart, explanation: `Very late: arrived ${minutesAfterStart} min after the published start, ${rule}; a very late arrival report is needed` };
  }
  return { ...base, status: 'late', minutesAfterStart, explanation: `Late: arrived ${minutesAfterStart} min after the published start, not yet very late (after ${base.veryLateAfter}); the full time is still allowed` };
}
