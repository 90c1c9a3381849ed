/**
 * Clash resolutions in the order the JCQ instructions give them. For papers in one session: first sit them
 * consecutively in that session with a supervised break, when the total (extra time and rest breaks
 * included) is within the consecutive limit; otherwise move one paper to the other session of the same
 * day. For a day over its level's threshold: first offer every paper on the scheduled day (special
 * consideration may be applied for the final paper); only as a last resort defer an afternoon paper to
 * the next morning under overnight supervision (a Friday afternoon paper goes to Saturday morning), never
 * to an earlier day, with the supervision conditions the rules list. A later option is proposed only when
 * the earlier ones cannot work, and every proposal says why.
 */
import type { Session } from '../domain/paper.js';
import type { ExamRoomRules } from '../rules/RulesPack.js';
import type { SourceRef } from '../rules/sources.js';
import { londonDate, londonTime, type CalendarDate, type Instant } from '../time/clock.js';
import type { CandidateSitting, CentreTimetable } from './centreTimetable.js';
import type { Clash } from './findClashes.js';
import { checkArray, checkNumber, checkObject, count, EXAM_TIME_LIMITS, ruleNumber, sittingPaper, sourcedValue } from './examTimeLimits.js';
import { durationText } from './timeAllowance.js';

/**
 * The kinds of resolution, in JCQ order.
 *
 * @example
 * ```ts
 * declare const resolutions: ClashResolution[];
 * const kind: ResolutionKind = 'overnight_supervision';
 * resolutions.filter((r) => r.recommended?.kind === kind).length;
 * ```
 */
export type ResolutionKind = 'consecutive_in_session' | 'move_to_other_session' | 'sit_all_on_the_day' | 'overnight_supervision';

/**
 * A paper moved from its published session.
 *
 * @example
 * ```ts
 * declare const proposal: ResolutionProposal;
 * const move: PaperMove | undefined = proposal.moves[0];
 * move && `${move.title}: ${move.from.date} ${move.from.session} → ${move.to.date} ${move.to.session}`;
 * ```
 */
export interface PaperMove {
  readonly paperId: string;
  readonly title: string;
  readonly from: { readonly date: CalendarDate; readonly session: Session; readonly startsAt: Instant };
  /** `startsAt` is absent when the timetable gives no published start for that session. */
  readonly to: { readonly date: CalendarDate; readonly session: Session; readonly startsAt?: Instant };
  /**
   * `later`: the paper starts after its published start (a later session, or the next morning).
   * `earlier_same_day`: the morning session of the same day (allowed by the instructions with the paper kept secure).
   */
  readonly direction: 'later' | 'earlier_same_day';
}

/**
 * One proposed resolution.
 *
 * @example
 * ```ts
 * declare const resolution: ClashResolution;
 * const proposal: ResolutionProposal | undefined = resolution.recommended;
 * proposal?.feasible && proposal.conditions.join('; ');
 * ```
 */
export interface ResolutionProposal {
  /** Position in the JCQ order: 1 consecutive, 2 other session, 3 all on the day, 4 overnight supervision. */
  readonly rank: 1 | 2 | 3 | 4;
  readonly kind: ResolutionKind;
  /** Whether it fits the limits; an infeasible proposal says why in its explanation. */
  readonly feasible: boolean;
  /** For consecutive sitting: the papers in sitting order. */
  readonly order?: readonly string[];
  readonly moves: readonly PaperMove[];
  /** The total minutes the proposal is judged on (extra time and rest breaks included). */
  readonly totalMinutes?: number;
  /** Conditions that must hold (supervision, security), as the rules list them. */
  readonly conditions: readonly string[];
  readonly explanation: string;
  readonly source: SourceRef;
}

/**
 * The resolutions proposed for one clash.
 *
 * @example
 * ```ts
 * declare const clashes: Clash[], timetable: CentreTimetable;
 * const [first]: ClashResolution[] = resolveClashes(clashes, timetable, { rules: jcq.examRoomRules('2025/26') });
 * first?.recommended?.explanation;
 * ```
 */
export interface ClashResolution {
  readonly clash: Clash;
  /** In JCQ order. */
  readonly proposals: readonly ResolutionProposal[];
  /** The first feasible proposal, if any. */
  readonly recommended?: ResolutionProposal;
  readonly explanation: string;
}

/**
 * Options for {@link resolveClashes}.
 *
 * @example
 * ```ts
 * declare const clashes: Clash[], timetable: CentreTimetable;
 * const options: ResolveClashesOptions = { rules: jcq.examRoomRules('2025/26'), allowEarlierSameDay: true };
 * resolveClashes(clashes, timetable, options).length;
 * ```
 */
export interface ResolveClashesOptions {
  /** The exam-room rules in force. */
  readonly rules: ExamRoomRules;
  /**
   * Whether to propose sitting an afternoon paper in the morning of the same day. JCQ's instructions allow a
   * move to an earlier or later session of the same day with the paper kept secure, but it means sitting a
   * paper before its published start; off by default, so no resolution ever moves a paper earlier than scheduled.
   * @default false
   */
  readonly allowEarlierSameDay?: boolean;
}

const SECURITY_LATER = 'The candidate stays under supervision from the published start of the moved paper until they sit it, with no contact with anyone who has sat it (question paper security maintained)';
const SECURITY_EARLIER = 'The candidate sits the paper before its published start, so the question paper is opened early for them alone and kept secure; they stay under supervision until the published start has passed';

function sum(sittings: readonly CandidateSitting[]): number {
  let t = 0;
  for (const s of sittings) t += checkNumber(s.allowedMinutes, `sittings[${String(s.paperId)}].allowedMinutes`, count(EXAM_TIME_LIMITS.maxLimitMinutes));
  return t;
}

function nextDay(date: CalendarDate): CalendarDate {
  return londonDate(date).plus({ days: 1 }).toISODate() as CalendarDate;
}

function other(session: Session): Session {
  return session === 'AM' ? 'PM' : 'AM';
}

/** Published session start times as the timetable shows them: that date's earliest, else the usual one. */
function sessionStarts(timetable: CentreTimetable): (date: CalendarDate, session: Session) => Instant | undefined {
  const exact = new Map<string, string>();
  const usual = new Map<Session, Map<string, number>>();
  for (const p of timetable.papers) {
    const key = `${p.date}.${p.session}`;
    const seen = exact.get(key);
    if (seen === undefined || p.startTime < seen) exact.set(key, p.startTime);
    const counts = usual.get(p.session) ?? new Map<string, number>();
    counts.set(p.startTime, (counts.get(p.startTime) ?? 0) + 1);
    usual.set(p.session, counts);
  }
  const mode = (session: Session): string | undefined => {
    const counts = usual.get(session);
    if (!counts) return undefined;
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  return (date, session) => {
    const t = exact.get(`${date}.${session}`) ?? mode(session);
    return t === undefined ? undefined : londonTime(date, t);
  };
}

/**
 * Proposes resolutions for each clash, in the JCQ order, each explaining itself.
 *
 * @param clashes - clashes from {@link findClashes}
 * @param timetable - the centre timetable they were found on (for the candidates' other papers)
 * @param options - the exam-room rules
 * @throws ExamcycleError `invalid_value` naming the field for a limit, threshold or allowed time out of range (see {@link EXAM_TIME_LIMITS})
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const rules = jcq.examRoomRules('2025/26');
 * for (const r of resolveClashes(findClashes(timetable, { rules }), timetable, { rules })) {
 *   console.log(r.clash.id, r.recommended?.kind, r.recommended?.explanation);
 * }
 * ```
 */
export function resolveClashes(clashes: readonly Clash[], timetable: CentreTimetable, options: ResolveClashesOptions): ClashResolution[] {
  checkArray(clashes, 'clashes');
  checkObject(timetable, 'timetable');
  checkObject(options, 'options');
  checkArray(timetable.papers, 'timetable.papers');
  checkArray(timetable.candidates, 'timetable.candidates');
  const { rules } = options;
  const limitRule = count(EXAM_TIME_LIMITS.maxLimitMinutes);
  const max = ruleNumber(rules, 'consecutiveSessionMaxMinutes', limitRule);
  const thresholds = sourcedValue(rules, 'overnightThresholdMinutes');
  checkObject(thresholds, 'rules.overnightThresholdMinutes');
  for (const [level, v] of Object.entries(thresholds as Record<string, unknown>)) if (v !== undefined) checkNumber(v, `rules.overnightThresholdMinutes.${level}`, limitRule);
  checkArray(sourcedValue(rules, 'overnightSupervisionConditions'), 'rules.overnightSupervisionConditions');
  const startOf = sessionStarts(timetable);
  const byCandidate = new Map(timetable.candidates.map((c) => [c.candidateId, c.sittings]));

  return clashes.map((clash) => {
    // Every sitting read below names its paper (its title goes into the proposals).
    for (const s of clash.sittings) sittingPaper(s, 'clashes[].sittings[]');
    const onTimetable = byCandidate.get(clash.candidateId);
    if (onTimetable) for (const s of onTimetable) sittingPaper(s, 'timetable.candidates[].sittings[]');
    const mine = onTimetable ?? clash.sittings;
    const onDay = (date: CalendarDate, session?: Session) => mine.filter((s) => s.date === date && (session === undefined || s.session === session));
    const proposals: ResolutionProposal[] = [];

    /**
     * Overnight supervision, only when the day is over its threshold: defer one afternoon paper to the next
     * morning. When the morning is over the consecutive limit, the afternoon it frees takes a morning paper.
     */
    const overnight = (reason: string): void => {
      const day = onDay(clash.date);
      const dayTotal = sum(day);
      const thresholds = rules.overnightThresholdMinutes.value;
      const limits = day.map((s) => thresholds[s.paper.level]).filter((v): v is number => v !== undefined);
      const dayLimit = limits.length ? Math.min(...limits) : undefined;
      if (dayLimit === undefined || dayTotal <= dayLimit) return;
      const morning = onDay(clash.date, 'AM');
      const afternoon = onDay(clash.date, 'PM');
      const next = nextDay(clash.date);
      const nextMorning = onDay(next, 'AM');
      const conditions = [...rules.overnightSupervisionConditions.value];
      const over = `the day's ${durationText(dayTotal)} is over the ${durationText(dayLimit)} limit`;
      const base = { rank: 4 as const, kind: 'overnight_supervision' as const, totalMinutes: dayTotal, conditions, source: rules.overnightSupervisionConditions.source };
      if (afternoon.length === 0) {
        proposals.push({ ...base, feasible: false, moves: [], explanation: `${reason}Overnight supervision would be the last resort (${over}), but only an afternoon paper may be deferred and the candidate has none on ${clash.date}` });
        return;
      }
      const nextStart = startOf(next, 'AM');
      const sameDayPm = startOf(clash.date, 'PM');
      // When the morning cannot be sat consecutively, the afternoon freed by the deferral takes a morning paper.
      const morningOver = morning.length >= 2 && sum(morning) > max;
      for (const p of afternoon) {
        const load = sum(nextMorning) + p.allowedMinutes;
        const defer: PaperMove = { paperId: p.paperId, title: p.paper.title, from: { date: p.date, session: p.session, startsAt: p.startsAt }, to: { date: next, session: 'AM', ...(nextStart ? { startsAt: nextStart } : {}) }, direction: 'later' };
        if (nextMorning.length > 0 && load > max) {
          proposals.push({ ...base, feasible: false, moves: [defer], explanation: `${reason}Deferring ${p.paper.title} to the morning of ${next} would put ${durationText(load)} in that session, over the ${durationText(max)} that may be sat consecutively` });
          continue;
        }
        const pmLeft = afternoon.filter((s) => s !== p);
        const withNext = nextMorning.length ? `, sat consecutively with the ${nextMorning.length} paper(s) already that morning (${durationText(load)})` : '';
        if (!morningOver) {
          const leftOk = pmLeft.length < 2 || sum(pmLeft) <= max;
          proposals.push({
            ...base,
            feasible: leftOk,
            moves: [defer],
            explanation: leftOk
              ? `${reason}As a last resort (${over}), defer the afternoon paper ${p.paper.title} to the morning of ${next} under overnight supervision${withNext}`
              : `${reason}Deferring ${p.paper.title} still leaves ${durationText(sum(pmLeft))} in the afternoon of ${clash.date}`,
          });
          continue;
        }
        const q = morning.find((x) => {
          const amLeft = morning.filter((s) => s !== x);
          return (amLeft.length < 2 || sum(amLeft) <= max) && (pmLeft.length === 0 || sum(pmLeft) + x.allowedMinutes <= max);
        });
        if (!q) {
          proposals.push({ ...base, feasible: false, moves: [defer], explanation: `${reason}Deferring ${p.paper.title} overnight does not free enough of the afternoon of ${clash.date} for a morning paper` });
          continue;
        }
        const move: PaperMove = { paperId: q.paperId, title: q.paper.title, from: { date: q.date, session: q.session, startsAt: q.startsAt }, to: { date: clash.date, session: 'PM', ...(sameDayPm ? { startsAt: sameDayPm } : {}) }, direction: 'later' };
        proposals.push({
          ...base,
          feasible: true,
          moves: [defer, move],
          conditions: [...conditions, SECURITY_LATER],
          explanation: `${reason}As a last resort (${over}), defer the afternoon paper ${p.paper.title} to the morning of ${next} under overnight supervision${withNext}, and sit ${q.paper.title} in the afternoon of ${clash.date}`,
        });
      }
    };

    if (clash.kind === 'same_session') {
      const session = clash.session!;
      const ordered = [...clash.sittings];
      const total = sum(ordered);
      const consecutiveOk = total <= max;
      proposals.push({
        rank: 1,
        kind: 'consecutive_in_session',
        feasible: consecutiveOk,
        order: ordered.map((s) => s.paperId),
        moves: [],
        totalMinutes: total,
        conditions: consecutiveOk ? ['A supervised break between the papers; the candidate stays under supervision throughout'] : [],
        explanation: consecutiveOk
          ? `Sit ${ordered.map((s) => s.paper.title).join(', then ')} consecutively in the ${session} session with a supervised break: ${durationText(total)} including extra time and rest breaks, within the ${durationText(max)} limit`
          : `Consecutive sitting is not possible: ${durationText(total)} including extra time and rest breaks is over the ${durationText(max)} limit for one session`,
        source: rules.consecutiveSessionMaxMinutes.source,
      });
      if (!consecutiveOk) {
        const target = other(session);
        const there = onDay(clash.date, target);
        const moves: ResolutionProposal[] = [];
        const reasons: string[] = [];
        for (const p of ordered) {
          const rest = ordered.filter((s) => s !== p);
          const restOk = rest.length < 2 || sum(rest) <= max;
          const load = sum(there) + p.allowedMinutes;
          const thereOk = there.length === 0 || load <= max;
          if (!restOk || !thereOk) {
            reasons.push(
              !restOk
                ? `moving ${p.paper.title} still leaves ${durationText(sum(rest))} in the ${session} session`
                : `moving ${p.paper.title} would put ${durationText(load)} in the ${target} session, which already has ${there.map((s) => s.paper.title).join(', ')}`,
            );
            continue;
          }
          const direction = session === 'AM' ? ('later' as const) : ('earlier_same_day' as const);
          if (direction === 'earlier_same_day' && !options.allowEarlierSameDay) {
            reasons.push(`moving ${p.paper.title} to the morning would sit it before its published start (allowEarlierSameDay is off)`);
            continue;
          }
          const to = startOf(clash.date, target);
          moves.push({
            rank: 2,
            kind: 'move_to_other_session',
            feasible: true,
            moves: [{ paperId: p.paperId, title: p.paper.title, from: { date: p.date, session: p.session, startsAt: p.startsAt }, to: { date: clash.date, session: target, ...(to ? { startsAt: to } : {}) }, direction }],
            totalMinutes: total,
            conditions: [direction === 'later' ? SECURITY_LATER : SECURITY_EARLIER],
            explanation: `Move ${p.paper.title} to the ${target} session of ${clash.date}${there.length ? `, sat consecutively with ${there.map((s) => s.paper.title).join(', ')} (${durationText(load)})` : ''}: the ${session} session keeps ${durationText(sum(rest))}`,
            source: rules.consecutiveSessionMaxMinutes.source,
          });
        }
        proposals.push(...moves);
        if (moves.length === 0) {
          proposals.push({
            rank: 2,
            kind: 'move_to_other_session',
            feasible: false,
            moves: [],
            totalMinutes: total,
            conditions: [],
            explanation: `No paper can move to the ${target} session of ${clash.date}: ${reasons.join('; ')}`,
            source: rules.consecutiveSessionMaxMinutes.source,
          });
          overnight('Neither consecutive sitting nor a same-day move works. ');
        }
      }
    } else {
      // Every paper on the day is possible when each session fits (consecutively, within the limit), as
      // timetabled or after one paper moves to the other session.
      const morning = onDay(clash.date, 'AM');
      const afternoon = onDay(clash.date, 'PM');
      const fits = (am: readonly CandidateSitting[], pm: readonly CandidateSitting[]) => (am.length < 2 || sum(am) <= max) && (pm.length < 2 || sum(pm) <= max);
      const asTimetabled = fits(morning, afternoon);
      const oneMove = asTimetabled
        ? undefined
        : [...morning, ...afternoon].find((x) => (x.session === 'AM' ? fits(morning.filter((s) => s !== x), [...afternoon, x]) : fits([...morning, x], afternoon.filter((s) => s !== x))));
      const feasible = asTimetabled || oneMove !== undefined;
      proposals.push({
        rank: 3,
        kind: 'sit_all_on_the_day',
        feasible,
        moves: [],
        totalMinutes: clash.totalMinutes,
        conditions: feasible ? ['Special consideration may be applied for the final paper of the day'] : [],
        explanation: feasible
          ? `Offer the candidate all ${clash.sittings.length} papers on ${clash.date} (${durationText(clash.totalMinutes)})${oneMove ? `, with ${oneMove.paper.title} moved to the other session as for its session clash` : ' as timetabled'}, applying for special consideration for the final paper; overnight supervision is only a last resort`
          : `The ${clash.sittings.length} papers on ${clash.date} cannot all be sat that day: neither session can hold its papers within the ${durationText(max)} consecutive limit, even with one paper moved`,
        source: rules.overnightSupervisionConditions.source,
      });
      overnight(feasible ? 'If the candidate cannot sit every paper on the day: ' : '');
    }

    // Nothing fits the limits and overnight supervision is not available: where the rules pack says what a
    // centre then does (the candidate sits every paper that day), that becomes the recommendation, with its
    // own steps, source and confidence.
    const sitAll = rules.sitAllOnTheDay;
    if (sitAll && !proposals.some((p) => p.feasible) && clash.sittings.length >= 2) {
      const i = proposals.findIndex((p) => p.kind === 'sit_all_on_the_day');
      const advice: ResolutionProposal = {
        rank: 3,
        kind: 'sit_all_on_the_day',
        feasible: true,
        moves: [],
        totalMinutes: clash.totalMinutes,
        conditions: sitAll.value,
        explanation: `Sit all ${clash.sittings.length} papers on ${clash.date} (${durationText(clash.totalMinutes)}): ${sitAll.value.join('; ')}${sitAll.confidence === 'primary' ? '' : ` (confidence: ${sitAll.confidence})`}`,
        source: sitAll.source,
      };
      if (i >= 0) proposals[i] = advice;
      else proposals.push(advice);
      proposals.sort((a, b) => a.rank - b.rank);
    }
    const recommended = proposals.find((p) => p.feasible);
    return {
      clash,
      proposals,
      ...(recommended ? { recommended } : {}),
      explanation: recommended
        ? `${clash.explanation}. Recommended: ${recommended.explanation}`
        : `${clash.explanation}. No resolution fits the rules: ask the awarding body for a timetable variation`,
    };
  });
}
