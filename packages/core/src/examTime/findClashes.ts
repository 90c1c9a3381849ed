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
import { checkArray, checkNumber, checkObject, count, EXAM_TIME_LIMITS, fitsRule, positiveCount, ruleNumber, sittingPaper as paperOfSitting, sourcedValue } from './examTimeLimits.js';
import { COMPACT_CLASH_KIND, findClashesCompact, type CompactClashes, type CompactSittings } from './findClashesCompact.js';
import { durationText } from './timeAllowance.js';
import { flatString } from '../text/flatString.js';

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

  // Each phase is a function of its own, and so is the per-candidate work: the step runs once per timetable, so
  // small functions are what the JIT optimizes early (one large function is compiled again per loop).
  const encoding = encodePapers(timetable.papers, thresholds);
  const candidates = timetable.candidates;
  const columns = encodeSittings(encoding, candidates);
  const found = findClashesCompact(columns, { consecutiveMaxMinutes: consecutiveMax });

  const out: Clash[] = [];
  for (let k = 0; k < found.count; k++) out.push(clashOf(found, k, candidates, encoding.candidateStart, thresholds, rules));
  return out;
}

/** The timetable's papers as columns, and where sittings moved from their published session are added. */
interface PaperEncoding {
  readonly papers: CentreTimetable['papers'];
  readonly paperIndex: Map<string, number>;
  readonly minDay: number;
  /** Per paper (then per moved place): session slot, published minutes, day limit. */
  readonly slots: number[];
  readonly minutesOf: number[];
  readonly limits: number[];
  /** `<paperId>@<date>.<session>` of a paper sat away from its published session → its extra paper number. */
  readonly movedIndex: Map<string, number>;
  /** Candidate `c`'s sittings are sittings `candidateStart[c]` to `candidateStart[c + 1] - 1`. */
  candidateStart: Int32Array;
}

/** Checks the papers and numbers them: each paper's slot, minutes and day limit. */
function encodePapers(papers: CentreTimetable['papers'], thresholds: ExamRoomRules['overnightThresholdMinutes']['value']): PaperEncoding {
  let minDay = Number.POSITIVE_INFINITY;
  const days: number[] = [];
  const durationRule = positiveCount(EXAM_TIME_LIMITS.maxDurationMinutes);
  for (const p of papers) {
    checkObject(p, 'timetable.papers[]');
    if (!fitsRule(p.durationMinutes, durationRule)) checkNumber(p.durationMinutes, `timetable.papers[${String(p.id)}].durationMinutes`, durationRule);
    const day = dayNumber(p.date);
    if (!Number.isFinite(day)) throw new ExamcycleError('invalid_value', `Paper ${String(p.id)} has no valid date (${String(p.date)})`, { location: { field: `timetable.papers[${String(p.id)}].date`, value: String(p.date) } });
    minDay = Math.min(minDay, day);
    days.push(day);
  }
  // A sitting moved by an applied clash resolution is counted where the candidate sits it: such a paper gets
  // one more slot entry per place it is sat away from its published session.
  const paperIndex = new Map<string, number>();
  const slots: number[] = [];
  const minutesOf: number[] = [];
  const limits: number[] = [];
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i]!;
    paperIndex.set(p.id, i);
    slots.push((days[i]! - minDay) * 2 + (p.session === 'PM' ? 1 : 0));
    minutesOf.push(p.durationMinutes);
    limits.push(thresholds[p.level] ?? 0);
  }
  return { papers, paperIndex, minDay, slots, minutesOf, limits, movedIndex: new Map(), candidateStart: new Int32Array(0) };
}

/** The paper number of a sitting moved from its published session (a new number the first time the place is met). */
function movedPaper(e: PaperEncoding, s: CandidateSitting, p: number): number {
  const paper = e.papers[p]!;
  if (s.date === paper.date && s.session === paper.session) return p;
  const key = `${paper.id}@${s.date}.${s.session}`;
  let i = e.movedIndex.get(key);
  if (i === undefined) {
    const day = dayNumber(s.date);
    if (!Number.isFinite(day)) throw new ExamcycleError('invalid_value', `Candidate ${String(s.candidateNumber)} sits paper ${String(s.paperId)} on no valid date (${String(s.date)})`, { location: { field: 'sittings.date', value: String(s.date) } });
    i = e.slots.length;
    e.movedIndex.set(key, i);
    e.slots.push((day - e.minDay) * 2 + (s.session === 'PM' ? 1 : 0));
    e.minutesOf.push(paper.durationMinutes);
    e.limits.push(e.limits[p]!);
  }
  return i;
}

const EXTRA_RULE = count(EXAM_TIME_LIMITS.maxExtraTimePercent);
const REST_RULE = count(EXAM_TIME_LIMITS.maxRestBreakMinutesPerHour);

/** The candidates' sittings as the compact engine's columns (`candidateStart` is set on the encoding). */
function encodeSittings(e: PaperEncoding, candidates: CentreTimetable['candidates']): CompactSittings {
  const C = candidates.length;
  const extra = new Int32Array(C);
  const rest = new Int32Array(C);
  let n = 0;
  for (let ci = 0; ci < C; ci++) n += candidates[ci]!.sittings.length;
  // Sitting `i` is sitting `i - candidateStart[c]` of candidate `c`: no array of every sitting is built.
  const candidateStart = new Int32Array(C + 1);
  const sittingCandidate = new Int32Array(n);
  const sittingPaper = new Int32Array(n);
  let at = 0;
  for (let ci = 0; ci < C; ci++) {
    const c = candidates[ci]!;
    const x = c.allowance?.extraTimePercent;
    const r = c.allowance?.restBreakMinutesPerHour;
    // The field is named only when the number is wrong (no message text built per candidate).
    extra[ci] = fitsRule(x, EXTRA_RULE) ? x : checkNumber(x, `timetable.candidates[${String(c.candidateId)}].allowance.extraTimePercent`, EXTRA_RULE);
    rest[ci] = fitsRule(r, REST_RULE) ? r : checkNumber(r, `timetable.candidates[${String(c.candidateId)}].allowance.restBreakMinutesPerHour`, REST_RULE);
    candidateStart[ci] = at;
    at = encodeCandidate(e, c, ci, at, sittingCandidate, sittingPaper);
  }
  candidateStart[C] = at;
  e.candidateStart = candidateStart;
  return {
    candidateCount: C,
    sittingCandidate,
    sittingPaper,
    paperSlot: Int32Array.from(e.slots),
    paperMinutes: Int32Array.from(e.minutesOf),
    paperDayLimit: Int32Array.from(e.limits),
    candidateExtraTimePercent: extra,
    candidateRestBreakMinutesPerHour: rest,
  };
}

/** One candidate's sittings into the columns from row `at`; returns the next row. */
function encodeCandidate(e: PaperEncoding, c: CentreTimetable['candidates'][number], ci: number, at: number, sittingCandidate: Int32Array, sittingPaper: Int32Array): number {
  const own = c.sittings;
  for (let j = 0; j < own.length; j++) {
    const s = own[j]!;
    paperOfSitting(s, 'timetable.candidates[].sittings[]');
    const p = e.paperIndex.get(s.paperId);
    if (p === undefined) throw new ExamcycleError('invalid_value', `Candidate ${String(c.candidateNumber)} sits paper ${String(s.paperId)}, which is not among the timetable's papers`, { location: { field: 'sittings.paperId', value: String(s.paperId) } });
    sittingCandidate[at] = ci;
    sittingPaper[at] = s.variation ? movedPaper(e, s, p) : p;
    at++;
  }
  return at;
}

/** Clash `k` of the engine's answer as a {@link Clash}, explained. */
function clashOf(found: CompactClashes, k: number, candidates: CentreTimetable['candidates'], candidateStart: Int32Array, thresholds: ExamRoomRules['overnightThresholdMinutes']['value'], rules: ExamRoomRules): Clash {
  const ci = found.candidate[k]!;
  const tc = candidates[ci]!;
  const own = tc.sittings;
  const group: CandidateSitting[] = [];
  let inOrder = true;
  const from = found.start[k]!;
  const length = found.length[k]!;
  const base = candidateStart[ci]!;
  for (let j = 0; j < length; j++) {
    const s = own[found.order[from + j]! - base]!;
    if (inOrder && group.length > 0 && inSessionOrder(group[group.length - 1]!, s) > 0) inOrder = false;
    group.push(s);
  }
  // The engine gives them by session then timetable paper order, which is this order unless a sitting was moved.
  if (!inOrder) group.sort(inSessionOrder);
  const first = group[0]!;
  const totalMinutes = found.totalMinutes[k]!;
  const limitMinutes = found.limitMinutes[k]!;
  let titles = '';
  for (let j = 0; j < group.length; j++) titles += `${j === 0 ? '' : ', '}${group[j]!.paper.title} (${durationText(group[j]!.allowedMinutes)})`;
  if (found.kind[k] === COMPACT_CLASH_KIND.sameSession) {
    const overLimit = totalMinutes > limitMinutes;
    return {
      id: flatString(`${tc.candidateId}.${first.date}.${first.session}`),
      kind: 'same_session',
      candidateId: tc.candidateId,
      candidateNumber: tc.candidateNumber,
      date: first.date,
      session: first.session,
      sittings: group,
      totalMinutes,
      limitMinutes,
      overLimit,
      explanation: flatString(
        `Candidate ${tc.candidateNumber} has ${group.length} papers in the ${first.session} session of ${first.date}: ${titles}; together ${durationText(totalMinutes)} including extra time and rest breaks, ${overLimit ? 'over' : 'within'} the ${durationText(limitMinutes)} that may be sat consecutively in one session`,
      ),
      source: rules.consecutiveSessionMaxMinutes.source,
    };
  }
  const level = group.find((s) => (thresholds[s.paper.level] ?? 0) === limitMinutes)?.paper.level;
  return {
    id: flatString(`${tc.candidateId}.${first.date}.day`),
    kind: 'day_total',
    candidateId: tc.candidateId,
    candidateNumber: tc.candidateNumber,
    date: first.date,
    sittings: group,
    totalMinutes,
    limitMinutes,
    overLimit: true,
    ...(level ? { level } : {}),
    explanation: flatString(
      `Candidate ${tc.candidateNumber} has ${group.length} papers on ${first.date}: ${titles}; together ${durationText(totalMinutes)} including extra time and rest breaks, over the ${durationText(limitMinutes)} day limit for ${level ?? 'the level'}, beyond which overnight supervision may be considered`,
    ),
    source: rules.overnightThresholdMinutes.source,
  };
}
