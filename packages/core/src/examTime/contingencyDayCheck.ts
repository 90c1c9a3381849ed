/**
 * Contingency days: a candidate must be available from their first exam up to and including the series'
 * last contingency day, and must be told so. This check flags every candidate on the timetable who has not
 * been told (`Candidate.contingencyDayNoticeGiven` not `true`), with the last contingency day from the
 * rules pack's key dates.
 */
import type { KeyDate } from '../rules/RulesPack.js';
import type { SourceRef } from '../rules/sources.js';
import type { CalendarDate } from '../time/clock.js';
import type { CentreTimetable } from './centreTimetable.js';
import { sittingPaper } from './examTimeLimits.js';

/**
 * A candidate not told to stay available until the last contingency day.
 *
 * @example
 * ```ts
 * declare const check: ContingencyDayCheck;
 * const flag: ContingencyFlag | undefined = check.flagged[0];
 * flag?.lastContingencyDay;
 * ```
 */
export interface ContingencyFlag {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly seriesId: string;
  readonly firstExamDate: CalendarDate;
  readonly lastContingencyDay: CalendarDate;
  readonly explanation: string;
  readonly source: SourceRef;
}

/**
 * The result of {@link contingencyDayCheck}.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const check: ContingencyDayCheck = contingencyDayCheck(timetable, jcq.keyDates(examSeries('june', 2026)));
 * check.flagged.length;
 * ```
 */
export interface ContingencyDayCheck {
  /** The last contingency day of each series on the timetable that has one. */
  readonly lastContingencyDay: Readonly<Record<string, CalendarDate>>;
  readonly flagged: readonly ContingencyFlag[];
  /** Series on the timetable whose key dates give no contingency day (nothing can be checked for them). */
  readonly seriesWithoutContingencyDay: readonly string[];
}

/**
 * Flags candidates who have not been told they must be available until the last contingency day.
 *
 * @param timetable - the centre timetable
 * @param keyDates - the series' key dates (`rulesPack.keyDates(series)`), with its `contingency_day` dates
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const check = contingencyDayCheck(timetable, jcq.keyDates(examSeries('june', 2026)));
 * check.flagged.map((f) => f.candidateNumber);
 * ```
 */
export function contingencyDayCheck(timetable: CentreTimetable, keyDates: readonly KeyDate[]): ContingencyDayCheck {
  const last = new Map<string, KeyDate>();
  for (const k of keyDates) {
    if (k.kind !== 'contingency_day') continue;
    const seen = last.get(k.seriesId);
    if (!seen || k.date > seen.date) last.set(k.seriesId, k);
  }
  const flagged: ContingencyFlag[] = [];
  const without = new Set<string>();
  for (const tc of timetable.candidates) {
    const firstBySeries = new Map<string, CalendarDate>();
    for (const s of tc.sittings) {
      const { seriesId } = sittingPaper(s, 'timetable.candidates[].sittings[]');
      if (!firstBySeries.has(seriesId)) firstBySeries.set(seriesId, s.date);
    }
    for (const [seriesId, first] of firstBySeries) {
      const kd = last.get(seriesId);
      if (!kd) {
        without.add(seriesId);
        continue;
      }
      if (tc.candidate.contingencyDayNoticeGiven === true) continue;
      flagged.push({
        candidateId: tc.candidateId,
        candidateNumber: tc.candidateNumber,
        seriesId,
        firstExamDate: first,
        lastContingencyDay: kd.date,
        explanation: `Candidate ${tc.candidateNumber} sits papers in ${seriesId} from ${first} but ${tc.candidate.contingencyDayNoticeGiven === false ? 'has not been' : 'is not recorded as'} told they must be available until the last contingency day, ${kd.date}`,
        source: kd.source,
      });
    }
  }
  return {
    lastContingencyDay: Object.fromEntries([...last.entries()].map(([s, k]) => [s, k.date])),
    flagged,
    seriesWithoutContingencyDay: [...without].sort(),
  };
}
