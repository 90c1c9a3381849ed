/**
 * Candidate clashes on the centre timetable: two or more papers in one session (same date, same morning or
 * afternoon), and days whose total time (extra time and rest breaks included) is over the level's limit
 * beyond which overnight supervision may be used (5h30 GCSE, 6h GCE in the JCQ rules). The limits come
 * from the rules pack; the finding itself runs on the compact engine {@link findClashesCompact}.
 */
import type { Session } from '../domain/paper.js';
import type { QualificationLevel } from '../domain/qualification.js';
import type { ExamRoomRules } from '../rules/RulesPack.js';
import type { SourceRef } from '../rules/sources.js';
import type { CalendarDate } from '../time/clock.js';
import type { CandidateSitting, CentreTimetable } from './centreTimetable.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { checkArray, checkNumber, checkObject, count, EXAM_TIME_LIMITS, fitsRule, positiveCount, ruleNumber, sourcedValue } from './examTimeLimits.js';
import { COMPACT_CLASH_KIND, findClashesCompact } from './findClashesCompact.js';
import { durationText } from './timeAllowance.js';

/**
 * `same_session`: two or more papers in one session. `day_total`: a day's total over the overnight threshold.
 *
 * @example
 * ```ts
 * declare const clashes: Clash[];
 * const kind: ClashKind = 'day_total';
 * clashes.filter((c) => c.kind === kind).length;
 * ```
 */
export type ClashKind = 'same_session' | 'day_total';

/**
 * A candidate clash.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const clashes: Clash[] = findClashes(timetable, { rules: jcq.examRoomRules('2025/26') });
 * clashes.map((c) => `${c.candidateNumber} ${c.date}: ${c.explanation}`);
 * ```
 */
export interface Clash {
  /** `<candidateId>.<date>.<AM|PM>` or `<candidateId>.<date>.day`. */
  readonly id: string;
  readonly kind: ClashKind;
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly date: CalendarDate;
  /** The session, for a same-session clash. */
  readonly session?: Session;
  /** The clashing sittings in time order (all the day's papers for a day-total clash). */
  readonly sittings: readonly CandidateSitting[];
  /** Their total allowed minutes, extra time and rest breaks included. */
  readonly totalMinutes: number;
  /** Same session: the consecutive-sitting limit; day total: the threshold exceeded. */
  readonly limitMinutes: number;
  /** Same session: whether the papers cannot be sat consecutively within the limit. Day total: always true. */
  readonly overLimit: boolean;
  /** Day total: the level whose threshold applied (the strictest on the day). */
  readonly level?: QualificationLevel;
  readonly explanation: string;
  readonly source: SourceRef;
}

/**
 * Options for {@link findClashes}.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const options: FindClashesOptions = { rules: jcq.examRoomRules('2025/26') };
 * findClashes(timetable, options).length;
 * ```
 */
export interface FindClashesOptions {
  /** The exam-room rules in force (`rulesPack.examRoomRules(academicYear)`). */
  readonly rules: ExamRoomRules;
}

const DAY_MS = 86_400_000;

/** A day's sittings in the order they are sat: morning first, then start, then paper id. */
function inSessionOrder(a: CandidateSitting, b: CandidateSitting): number {
  return a.session !== b.session ? (a.session === 'AM' ? -1 : 1) : a.startTime !== b.startTime ? (a.startTime < b.startTime ? -1 : 1) : a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : 0;
}

/** A `YYYY-MM-DD` date as a day number (UTC calendar arithmetic: no host time zone involved). */
function dayNumber(date: CalendarDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/**
 * Finds every candidate clash on a centre timetable, in candidate-number and date order.
 *
 * @param timetable - the centre timetable (allowed minutes already include extra time and rest breaks)
 * @param options - the exam-room rules
 * @throws ExamcycleError `invalid_value` naming the field for a limit, threshold, duration or allowance out of range
 *   (see {@link EXAM_TIME_LIMITS}), a paper without a valid date, or a sitting of a paper not in the timetable
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const clashes = findClashes(timetable, { rules: jcq.examRoomRules('2025/26') });
 * clashes.filter((c) => c.kind === 'same_session' && c.overLimit);
 * ```
 */
export function findClashes(timetable: CentreTimetable, options: FindClashesOptions): Clash[] {
  checkObject(timetable, 'timetable');
  checkObject(options, 'options');
  const { rules } = options;
  const limitRule = count(EXAM_TIME_LIMITS.maxLimitMinutes);
  const consecutiveMax = ruleNumber(rules, 'consecutiveSessionMaxMinutes', limitRule);
  const thresholds = sourcedValue(rules, 'overnightThresholdMinutes') as ExamRoomRules['overnightThresholdMinutes']['value'];
  checkObject(thresholds, 'rules.overnightThresholdMinutes');
  for (const [level, v] of Object.entries(thresholds)) if (v !== undefined) checkNumber(v, `rules.overnightThresholdMinutes.${level}`, limitRule);
  checkArray(timetable.papers, 'timetable.papers');
  checkArray(timetable.candidates, 'timetable.candidates');

  const paperIndex = new Map<string, number>();
  const papers = timetable.papers;
  let minDay = Number.POSITIVE_INFINITY;
  for (const p of papers) {
    checkObject(p, 'timetable.papers[]');
    checkNumber(p.durationMinutes, `timetable.papers[${String(p.id)}].durationMinutes`, positiveCount(EXAM_TIME_LIMITS.maxDurationMinutes));
    const day = dayNumber(p.date);
    if (!Number.isFinite(day)) throw new ExamcycleError('invalid_value', `Paper ${String(p.id)} has no valid date (${String(p.date)})`, { location: { field: `timetable.papers[${String(p.id)}].date`, value: String(p.date) } });
    minDay = Math.min(minDay, day);
  }
  // A sitting moved by an applied clash resolution is counted where the candidate sits it: such a paper gets
  // one more slot entry per place it is sat away from its published session.
  const slots: number[] = [];
  const minutesOf: number[] = [];
  const limits: number[] = [];
  papers.forEach((p, i) => {
    paperIndex.set(p.id, i);
    slots.push((dayNumber(p.date) - minDay) * 2 + (p.session === 'PM' ? 1 : 0));
    minutesOf.push(p.durationMinutes);
    limits.push(thresholds[p.level] ?? 0);
  });
  const movedIndex = new Map<string, number>();
  const indexOf = (s: CandidateSitting, p: number): number => {
    const paper = papers[p]!;
    if (s.date === paper.date && s.session === paper.session) return p;
    const key = `${paper.id}@${s.date}.${s.session}`;
    let i = movedIndex.get(key);
    if (i === undefined) {
      const day = dayNumber(s.date);
      if (!Number.isFinite(day)) throw new ExamcycleError('invalid_value', `Candidate ${String(s.candidateNumber)} sits paper ${String(s.paperId)} on no valid date (${String(s.date)})`, { location: { field: 'sittings.date', value: String(s.date) } });
      i = slots.length;
      movedIndex.set(key, i);
      slots.push((day - minDay) * 2 + (s.session === 'PM' ? 1 : 0));
      minutesOf.push(paper.durationMinutes);
      limits.push(limits[p]!);
    }
    return i;
  };

  const candidates = timetable.candidates;
  const extra = new Int32Array(candidates.length);
  const rest = new Int32Array(candidates.length);
  let n = 0;
  for (const c of candidates) n += c.sittings.length;
  // Sitting `i` is sitting `i - candidateStart[c]` of candidate `c`: no array of every sitting is built.
  const candidateStart = new Int32Array(candidates.length + 1);
  const sittingCandidate = new Int32Array(n);
  const sittingPaper = new Int32Array(n);
  const extraRule = count(EXAM_TIME_LIMITS.maxExtraTimePercent);
  const restRule = count(EXAM_TIME_LIMITS.maxRestBreakMinutesPerHour);
  let at = 0;
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci]!;
    const x = c.allowance?.extraTimePercent;
    const r = c.allowance?.restBreakMinutesPerHour;
    // The field is named only when the number is wrong (no message text built per candidate).
    extra[ci] = fitsRule(x, extraRule) ? x : checkNumber(x, `timetable.candidates[${String(c.candidateId)}].allowance.extraTimePercent`, extraRule);
    rest[ci] = fitsRule(r, restRule) ? r : checkNumber(r, `timetable.candidates[${String(c.candidateId)}].allowance.restBreakMinutesPerHour`, restRule);
    candidateStart[ci] = at;
    for (const s of c.sittings) {
      const p = paperIndex.get(s.paperId);
      if (p === undefined) throw new ExamcycleError('invalid_value', `Candidate ${String(c.candidateNumber)} sits paper ${String(s.paperId)}, which is not among the timetable's papers`, { location: { field: 'sittings.paperId', value: String(s.paperId) } });
      sittingCandidate[at] = ci;
      sittingPaper[at] = s.variation ? indexOf(s, p) : p;
      at++;
    }
  }
  candidateStart[candidates.length] = at;
  const paperSlot = Int32Array.from(slots);
  const paperMinutes = Int32Array.from(minutesOf);
  const paperDayLimit = Int32Array.from(limits);

  const found = findClashesCompact(
    { candidateCount: candidates.length, sittingCandidate, sittingPaper, paperSlot, paperMinutes, paperDayLimit, candidateExtraTimePercent: extra, candidateRestBreakMinutesPerHour: rest },
    { consecutiveMaxMinutes: consecutiveMax },
  );

  const out: Clash[] = [];
  for (let k = 0; k < found.count; k++) {
    const tc = candidates[found.candidate[k]!]!;
    const ci = found.candidate[k]!;
    const own = tc.sittings;
    const group: CandidateSitting[] = [];
    let inOrder = true;
    for (let j = 0; j < found.length[k]!; j++) {
      const s = own[found.order[found.start[k]! + j]! - candidateStart[ci]!]!;
      if (inOrder && group.length > 0 && inSessionOrder(group[group.length - 1]!, s) > 0) inOrder = false;
      group.push(s);
    }
    // The engine gives them by session then timetable paper order, which is this order unless a sitting was moved.
    if (!inOrder) group.sort(inSessionOrder);
    const first = group[0]!;
    const totalMinutes = found.totalMinutes[k]!;
    const limitMinutes = found.limitMinutes[k]!;
    const titles = group.map((s) => `${s.title} (${durationText(s.allowedMinutes)})`).join(', ');
    if (found.kind[k] === COMPACT_CLASH_KIND.sameSession) {
      const overLimit = totalMinutes > limitMinutes;
      out.push({
        id: `${tc.candidateId}.${first.date}.${first.session}`,
        kind: 'same_session',
        candidateId: tc.candidateId,
        candidateNumber: tc.candidateNumber,
        date: first.date,
        session: first.session,
        sittings: group,
        totalMinutes,
        limitMinutes,
        overLimit,
        explanation: `Candidate ${tc.candidateNumber} has ${group.length} papers in the ${first.session} session of ${first.date}: ${titles}; together ${durationText(totalMinutes)} including extra time and rest breaks, ${overLimit ? 'over' : 'within'} the ${durationText(limitMinutes)} that may be sat consecutively in one session`,
        source: rules.consecutiveSessionMaxMinutes.source,
      });
    } else {
      const level = group.find((s) => (thresholds[s.level] ?? 0) === limitMinutes)?.level;
      out.push({
        id: `${tc.candidateId}.${first.date}.day`,
        kind: 'day_total',
        candidateId: tc.candidateId,
        candidateNumber: tc.candidateNumber,
        date: first.date,
        sittings: group,
        totalMinutes,
        limitMinutes,
        overLimit: true,
        ...(level ? { level } : {}),
        explanation: `Candidate ${tc.candidateNumber} has ${group.length} papers on ${first.date}: ${titles}; together ${durationText(totalMinutes)} including extra time and rest breaks, over the ${durationText(limitMinutes)} day limit for ${level ?? 'the level'}, beyond which overnight supervision may be considered`,
        source: rules.overnightThresholdMinutes.source,
      });
    }
  }
  return out;
}
