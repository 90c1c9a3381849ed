/**
 * JCQ's timetable clash rules for one candidate on one day: papers in a session totalling up to three
 * hours (extra time and rest breaks included) are sat consecutively with a supervised break; over that,
 * one paper moves to the other session the same day; and when three or more exams in the day total over
 * 5 h 30 (GCSE, ELC) or 6 h (GCE), overnight supervision becomes possible, only as a last resort and
 * under its conditions. A day that neither fits the session limit (however its papers are split between
 * the sessions) nor exceeds the overnight threshold (three GCE papers totalling exactly 6 h) is sat in
 * full on the day: the decision's `dayAdvice` says how, with its source and confidence.
 */
import type { Confidence, ExamRoomRules, QualificationLevel, Session, SourceRef, Sourced } from '@examcycle/core';

/**
 * One paper a candidate sits on the day.
 *
 * @example
 * ```ts
 * const paper: ClashPaper = { id: '8300/1H', session: 'AM', level: 'GCSE', minutes: 105 };
 * ```
 */
export interface ClashPaper {
  readonly id: string;
  readonly session: Session;
  readonly level: QualificationLevel;
  /** Minutes, extra time and rest breaks included. */
  readonly minutes: number;
}

/**
 * What to do about one session of the day.
 *
 * @example
 * ```ts
 * const [am]: readonly SessionClash[] = clashResolution('2026-05-20', [
 *   { id: '8300/1H', session: 'AM', level: 'GCSE', minutes: 105 },
 *   { id: '8461/1H', session: 'AM', level: 'GCSE', minutes: 105 },
 * ]).sessions;
 * am?.action; // 'move_within_day': 210 minutes is over the 3-hour consecutive limit
 * ```
 */
export interface SessionClash {
  readonly session: Session;
  readonly paperIds: readonly string[];
  readonly totalMinutes: number;
  /** `single`: nothing clashes; `consecutive`: sit one after another; `move_within_day`: move one to the other session. */
  readonly action: 'single' | 'consecutive' | 'move_within_day';
}

/**
 * A clash decision for a candidate's day.
 *
 * @example
 * ```ts
 * const decision: ClashDecision = clashResolution('2026-05-20', [
 *   { id: '8300/1H', session: 'AM', level: 'GCSE', minutes: 105 },
 *   { id: '8461/1H', session: 'PM', level: 'GCSE', minutes: 105 },
 * ]);
 * decision.overnightSupervision.permitted; // false: two papers in the day
 * ```
 */
export interface ClashDecision {
  readonly sessions: readonly SessionClash[];
  readonly dayTotalMinutes: number;
  readonly overnightSupervision: {
    readonly permitted: boolean;
    /** The day total above which it becomes possible, for the strictest level sat; absent when no level has one. */
    readonly thresholdMinutes?: number;
    readonly reason: string;
    readonly conditions: readonly string[];
  };
  /**
   * Present when no split of the day's papers between the sessions keeps each session within the
   * consecutive limit and overnight supervision is not available: the candidate sits every paper that day.
   */
  readonly dayAdvice?: {
    readonly action: 'sit_all_on_the_day';
    readonly steps: readonly string[];
    readonly source: SourceRef;
    readonly confidence: Confidence;
    readonly note?: string;
  };
  readonly source: SourceRef;
}

/** Whether some split of the papers between AM and PM keeps every session with two or more papers within `max`. */
function someSplitFits(papers: readonly ClashPaper[], max: number): boolean {
  if (papers.length > 16) return false;
  const fits = (group: readonly ClashPaper[]) => group.length < 2 || group.reduce((sum, p) => sum + p.minutes, 0) <= max;
  for (let mask = 0; mask < 1 << papers.length; mask += 1) {
    const am = papers.filter((_, i) => (mask & (1 << i)) !== 0);
    const pm = papers.filter((_, i) => (mask & (1 << i)) === 0);
    if (fits(am) && fits(pm)) return true;
  }
  return false;
}

/**
 * Applies the clash rules to a candidate's papers on one day.
 *
 * @param papers - the candidate's papers that day
 * @param rules - the exam-room rules in force
 * @param minimumExams - how many exams in a day make overnight supervision possible (three)
 * @param sitAllOnTheDay - what a centre does when the day fits neither the session limit nor the overnight threshold
 * @example
 * ```ts
 * declare const rules: Pick<ExamRoomRules, 'consecutiveSessionMaxMinutes' | 'overnightThresholdMinutes' | 'overnightSupervisionConditions'>;
 * clashResolutionOf([{ id: 'a', session: 'AM', level: 'GCSE', minutes: 120 }, { id: 'b', session: 'AM', level: 'GCSE', minutes: 90 }], rules, 3).sessions[0]?.action;
 * // 'move_within_day'
 * ```
 */
export function clashResolutionOf(
  papers: readonly ClashPaper[],
  rules: Pick<ExamRoomRules, 'consecutiveSessionMaxMinutes' | 'overnightThresholdMinutes' | 'overnightSupervisionConditions'>,
  minimumExams: number,
  sitAllOnTheDay?: Sourced<readonly string[]>,
): ClashDecision {
  const max = rules.consecutiveSessionMaxMinutes.value;
  const sessions: SessionClash[] = (['AM', 'PM'] as const)
    .map((session) => {
      const inSession = papers.filter((p) => p.session === session);
      const totalMinutes = inSession.reduce((sum, p) => sum + p.minutes, 0);
      const action: SessionClash['action'] = inSession.length <= 1 ? 'single' : totalMinutes <= max ? 'consecutive' : 'move_within_day';
      return { session, paperIds: inSession.map((p) => p.id), totalMinutes, action };
    })
    .filter((s) => s.paperIds.length > 0);
  const dayTotalMinutes = papers.reduce((sum, p) => sum + p.minutes, 0);
  const thresholds = papers
    .map((p) => rules.overnightThresholdMinutes.value[p.level])
    .filter((t): t is number => t !== undefined);
  const thresholdMinutes = thresholds.length === 0 ? undefined : Math.min(...thresholds);
  const permitted = thresholdMinutes !== undefined && papers.length >= minimumExams && dayTotalMinutes > thresholdMinutes;
  const reason =
    thresholdMinutes === undefined
      ? 'No level sat this day has an overnight supervision threshold.'
      : permitted
        ? `${String(papers.length)} exams totalling ${String(dayTotalMinutes)} minutes exceed ${String(thresholdMinutes)} minutes: overnight supervision is possible, as a last resort.`
        : `Overnight supervision needs ${String(minimumExams)} or more exams totalling over ${String(thresholdMinutes)} minutes; this day has ${String(papers.length)} totalling ${String(dayTotalMinutes)}.`;
  const stuck = !permitted && sitAllOnTheDay !== undefined && papers.length >= 2 && !someSplitFits(papers, max);
  return {
    sessions,
    dayTotalMinutes,
    ...(stuck
      ? {
          dayAdvice: {
            action: 'sit_all_on_the_day' as const,
            steps: sitAllOnTheDay.value,
            source: sitAllOnTheDay.source,
            confidence: sitAllOnTheDay.confidence,
            ...(sitAllOnTheDay.note === undefined ? {} : { note: sitAllOnTheDay.note }),
          },
        }
      : {}),
    overnightSupervision: {
      permitted,
      ...(thresholdMinutes === undefined ? {} : { thresholdMinutes }),
      reason,
      conditions: permitted ? rules.overnightSupervisionConditions.value : [],
    },
    source: rules.consecutiveSessionMaxMinutes.source,
  };
}
