/**
 * JCQ's very late arrival rule: for an exam of more than one hour, a candidate is very late when they
 * arrive more than one hour after the awarding body's published start; for an exam of one hour or less,
 * after the published finish. A very late arrival is reported on JCQ/VLA within seven working days.
 */
import {
  londonTime,
  toLondon,
  type CalendarDate,
  type Confidence,
  type ExamRoomRules,
  type Instant,
  type SourceRef,
  type Sourced,
} from '@examcycle/core';
import { addWorkingDays } from '../calendar/addWorkingDays.js';
import { weakestConfidence } from './weakestConfidence.js';

/**
 * The paper a candidate arrived for: its date, published start (London) and duration.
 *
 * @example
 * ```ts
 * const paper: ArrivalPaper = { date: '2026-05-14', startTime: '09:00', durationMinutes: 90 };
 * ```
 */
export interface ArrivalPaper {
  readonly date: CalendarDate;
  /** `HH:mm`, the awarding body's published start. */
  readonly startTime: string;
  readonly durationMinutes: number;
}

/**
 * A very-late-arrival decision.
 *
 * @example
 * ```ts
 * const decision: VeryLateArrivalDecision = veryLateArrival({ date: '2026-05-14', startTime: '09:00', durationMinutes: 90 }, '2026-05-14T10:31:00+01:00');
 * if (decision.veryLate) decision.reportBy; // the last day to report it on JCQ/VLA
 * ```
 */
export interface VeryLateArrivalDecision {
  readonly veryLate: boolean;
  /** Arriving after this instant is very late. */
  readonly veryLateAfter: Instant;
  /** The last day to report it on JCQ/VLA (end of that day), when very late. */
  readonly reportBy?: CalendarDate;
  readonly rule: string;
  readonly reason: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * Decides whether an arrival is very late.
 *
 * @param paper - the paper's date, published start and duration
 * @param arrivedAt - when the candidate arrived
 * @param rules - the exam-room rules in force
 * @param reportWorkingDays - the report window in working days (seven)
 * @example
 * ```ts
 * declare const rules: Pick<ExamRoomRules, 'veryLateAfterStartMinutes' | 'veryLateLongExamMinutes'>;
 * declare const reportWindow: Sourced<number>;
 * veryLateArrivalOf({ date: '2026-05-14', startTime: '09:00', durationMinutes: 90 }, '2026-05-14T10:31:00+01:00', rules, reportWindow).veryLate; // true
 * ```
 */
export function veryLateArrivalOf(
  paper: ArrivalPaper,
  arrivedAt: Instant,
  rules: Pick<ExamRoomRules, 'veryLateAfterStartMinutes' | 'veryLateLongExamMinutes'>,
  reportWorkingDays: Sourced<number>,
): VeryLateArrivalDecision {
  const start = toLondon(londonTime(paper.date, paper.startTime));
  const long = paper.durationMinutes > rules.veryLateLongExamMinutes.value;
  const threshold = long ? start.plus({ minutes: rules.veryLateAfterStartMinutes.value }) : start.plus({ minutes: paper.durationMinutes });
  const veryLate = toLondon(arrivedAt).toMillis() > threshold.toMillis();
  const veryLateAfter = (threshold.toISO() as Instant);
  const rule = long ? 'jcq.exam-room.very-late-after-start' : 'jcq.exam-room.very-late-after-finish';
  const what = long
    ? `more than ${String(rules.veryLateAfterStartMinutes.value)} minutes after the published start of an exam over ${String(rules.veryLateLongExamMinutes.value)} minutes`
    : `after the published finish of an exam of ${String(rules.veryLateLongExamMinutes.value)} minutes or less`;
  const confidence: Confidence = weakestConfidence(rules.veryLateAfterStartMinutes.confidence, rules.veryLateLongExamMinutes.confidence);
  if (!veryLate) {
    return { veryLate, veryLateAfter, rule, reason: `Not very late: very late means arriving ${what} (after ${veryLateAfter}).`, source: rules.veryLateAfterStartMinutes.source, confidence };
  }
  return {
    veryLate,
    veryLateAfter,
    reportBy: addWorkingDays(paper.date, reportWorkingDays.value),
    rule,
    reason: `Very late: arrived ${what} (after ${veryLateAfter}). The candidate may sit the full time if admitted, warned the script may not be accepted; report on JCQ/VLA within ${String(reportWorkingDays.value)} working days.`,
    source: rules.veryLateAfterStartMinutes.source,
    confidence,
  };
}
