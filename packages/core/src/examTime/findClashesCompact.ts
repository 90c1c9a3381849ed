/**
 * The clash finder's engine on a compact, column encoding: sittings, papers and candidates as typed
 * arrays, so a national series (hundreds of thousands of candidates, millions of entries) fits in memory
 * and is checked in linear time: a counting sort groups sittings by candidate, then each candidate's few
 * sittings are sorted by session and scanned once. {@link findClashes} encodes a centre timetable into
 * this form; hosts with national-scale data can call it directly.
 */
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { checkNumber, checkObject, count as wholeFrom0, EXAM_TIME_LIMITS, fitsRule, positiveCount } from './examTimeLimits.js';

/**
 * Sittings as columns. Sitting `i` is candidate `sittingCandidate[i]` sitting paper `sittingPaper[i]`.
 *
 * @example
 * ```ts
 * // Two candidates; candidate 0 sits papers 0 and 1, both on the first morning.
 * const columns: CompactSittings = {
 *   candidateCount: 2,
 *   sittingCandidate: Int32Array.of(0, 0, 1),
 *   sittingPaper: Int32Array.of(0, 1, 1),
 *   paperSlot: Int32Array.of(0, 0),
 *   paperMinutes: Int32Array.of(90, 105),
 *   paperDayLimit: Int32Array.of(330, 330),
 * };
 * findClashesCompact(columns, { consecutiveMaxMinutes: 180 }).count; // 1
 * ```
 */
export interface CompactSittings {
  /** Candidates are numbered `0 … candidateCount - 1`. */
  readonly candidateCount: number;
  /** Per sitting: the candidate's number. */
  readonly sittingCandidate: Int32Array;
  /** Per sitting: the paper's number (`0 … paperSlot.length - 1`). */
  readonly sittingPaper: Int32Array;
  /** Per paper: its session slot, `dayIndex * 2` for the morning and `dayIndex * 2 + 1` for the afternoon (`dayIndex` ≥ 0). */
  readonly paperSlot: Int32Array;
  /** Per paper: its published duration in minutes. */
  readonly paperMinutes: Int32Array;
  /** Per paper: the day total (minutes) over which its level allows overnight supervision; 0 when its level has none. */
  readonly paperDayLimit: Int32Array;
  /** Per candidate: extra time, percent (all 0 when omitted). */
  readonly candidateExtraTimePercent?: ArrayLike<number>;
  /** Per candidate: rest-break minutes per hour (all 0 when omitted). */
  readonly candidateRestBreakMinutesPerHour?: ArrayLike<number>;
}

/**
 * Clash kind codes in {@link CompactClashes.kind}.
 *
 * @example
 * ```ts
 * declare const out: CompactClashes;
 * const sameSession = out.kind[0] === COMPACT_CLASH_KIND.sameSession;
 * ```
 */
export const COMPACT_CLASH_KIND = { sameSession: 0, dayTotal: 1 } as const;

/**
 * The clashes found, as columns. Clash `k`'s sittings are `order[start[k] … start[k] + length[k] - 1]`.
 *
 * @example
 * ```ts
 * declare const columns: CompactSittings;
 * const out: CompactClashes = findClashesCompact(columns, { consecutiveMaxMinutes: 180 });
 * for (let k = 0; k < out.count; k++) out.order.subarray(out.start[k]!, out.start[k]! + out.length[k]!);
 * ```
 */
export interface CompactClashes {
  readonly count: number;
  /** 0: two or more papers in one session; 1: a day's total over its level's limit. */
  readonly kind: Uint8Array;
  readonly candidate: Int32Array;
  /** The session slot (same-session clashes), or `dayIndex * 2` (day-total clashes). */
  readonly slot: Int32Array;
  /** Total allowed minutes of the clashing papers (extra time and rest breaks included). */
  readonly totalMinutes: Int32Array;
  /** Same session: the consecutive-sitting limit; day total: the day limit that was exceeded. */
  readonly limitMinutes: Int32Array;
  readonly start: Int32Array;
  readonly length: Int32Array;
  /** Sitting numbers grouped by candidate, each candidate's by slot then paper, repeated papers removed. */
  readonly order: Int32Array;
}

/**
 * Options for {@link findClashesCompact}.
 *
 * @example
 * ```ts
 * const rules = jcq.examRoomRules('2025/26');
 * const options: FindClashesCompactOptions = { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value };
 * ```
 */
export interface FindClashesCompactOptions {
  /** The consecutive-sitting limit of a session, minutes (from the rules pack's `consecutiveSessionMaxMinutes`). */
  readonly consecutiveMaxMinutes: number;
}

function badInput(message: string, field: string, value: number): ExamcycleError {
  return new ExamcycleError('invalid_value', message, { location: { field, value: String(value) } });
}

/**
 * Finds every clash in compactly encoded sittings: each candidate's sessions with two or more papers, and
 * days whose allowed minutes (extra time and rest breaks included) exceed the strictest day limit among
 * that day's papers. Linear in the number of sittings plus candidates.
 *
 * @param s - the sittings as columns
 * @param options - the consecutive-sitting limit
 * @throws ExamcycleError `invalid_value` naming the column when a column is the wrong length or type, or a number is
 *   out of range (a negative slot, a duration not from 1 to 1,440 minutes, extra time over 1,000%, rest breaks
 *   over 60 minutes per hour, a limit not from 0 to 100,000 minutes, more than 10,000,000 candidates)
 * @example
 * ```ts
 * declare const columns: CompactSittings;
 * const rules = jcq.examRoomRules('2025/26');
 * const out = findClashesCompact(columns, { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value });
 * out.count; // clashes found
 * ```
 */
export function findClashesCompact(s: CompactSittings, options: FindClashesCompactOptions): CompactClashes {
  checkObject(s, 'sittings');
  checkObject(options, 'options');
  for (const column of ['sittingCandidate', 'sittingPaper', 'paperSlot', 'paperMinutes', 'paperDayLimit'] as const) {
    if (!(s[column] instanceof Int32Array)) throw new ExamcycleError('invalid_value', `${column} must be an Int32Array`, { location: { field: column }, details: { field: column } });
  }
  const n = s.sittingCandidate.length;
  const C = checkNumber(s.candidateCount, 'candidateCount', wholeFrom0(EXAM_TIME_LIMITS.maxCandidates));
  const P = checkNumber(s.paperSlot.length, 'paperSlot', wholeFrom0(EXAM_TIME_LIMITS.maxPapers));
  const consecutiveMax = checkNumber(options.consecutiveMaxMinutes, 'consecutiveMaxMinutes', wholeFrom0(EXAM_TIME_LIMITS.maxLimitMinutes));
  if (s.sittingPaper.length !== n) throw badInput(`sittingPaper has ${s.sittingPaper.length} rows, sittingCandidate ${n}`, 'sittingPaper', s.sittingPaper.length);
  if (s.paperMinutes.length !== P || s.paperDayLimit.length !== P) throw badInput('paperSlot, paperMinutes and paperDayLimit must have one row per paper', 'paperMinutes', s.paperMinutes.length);
  const xt = s.candidateExtraTimePercent;
  const rb = s.candidateRestBreakMinutesPerHour;
  if (xt && xt.length !== C) throw badInput(`candidateExtraTimePercent has ${xt.length} rows for ${C} candidates`, 'candidateExtraTimePercent', xt.length);
  if (rb && rb.length !== C) throw badInput(`candidateRestBreakMinutesPerHour has ${rb.length} rows for ${C} candidates`, 'candidateRestBreakMinutesPerHour', rb.length);
  // The field is named only when the number is wrong (no message text built per row).
  const extraRule = wholeFrom0(EXAM_TIME_LIMITS.maxExtraTimePercent);
  const restRule = wholeFrom0(EXAM_TIME_LIMITS.maxRestBreakMinutesPerHour);
  if (xt) for (let c = 0; c < C; c++) if (!fitsRule(xt[c], extraRule)) checkNumber(xt[c], `candidateExtraTimePercent[${c}]`, extraRule);
  if (rb) for (let c = 0; c < C; c++) if (!fitsRule(rb[c], restRule)) checkNumber(rb[c], `candidateRestBreakMinutesPerHour[${c}]`, restRule);
  const minutesRule = positiveCount(EXAM_TIME_LIMITS.maxDurationMinutes);
  const limitRule = wholeFrom0(EXAM_TIME_LIMITS.maxLimitMinutes);
  for (let p = 0; p < P; p++) {
    if (s.paperSlot[p]! < 0) throw badInput(`paper ${p} has a negative slot`, 'paperSlot', s.paperSlot[p]!);
    if (s.paperMinutes[p]! <= 0) throw badInput(`paper ${p} has no duration`, 'paperMinutes', s.paperMinutes[p]!);
    if (!fitsRule(s.paperMinutes[p], minutesRule)) checkNumber(s.paperMinutes[p], `paperMinutes[${p}]`, minutesRule);
    if (!fitsRule(s.paperDayLimit[p], limitRule)) checkNumber(s.paperDayLimit[p], `paperDayLimit[${p}]`, limitRule);
  }
  const sc = s.sittingCandidate;
  const sp = s.sittingPaper;

  // Counting sort of sittings by candidate; each candidate's papers are then contiguous.
  const begin = new Int32Array(C + 1);
  for (let i = 0; i < n; i++) {
    const c = sc[i]!;
    if (c < 0 || c >= C) throw badInput(`sitting ${i} names candidate ${c}, outside 0…${C - 1}`, 'sittingCandidate', c);
    const p = sp[i]!;
    if (p < 0 || p >= P) throw badInput(`sitting ${i} names paper ${p}, outside 0…${P - 1}`, 'sittingPaper', p);
    begin[c + 1]!++;
  }
  let maxPer = 0;
  for (let c = 0; c < C; c++) {
    const k = begin[c + 1]!;
    if (k > maxPer) maxPer = k;
    begin[c + 1] = begin[c]! + k;
  }
  const fill = begin.slice(0, C);
  const order = new Int32Array(n);
  const byCandidatePaper = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = fill[sc[i]!]!++;
    order[at] = i;
    byCandidatePaper[at] = sp[i]!;
  }

  const cap = Math.max(16, n >> 5);
  const scan: Scan = {
    P,
    consecutiveMax,
    slotOf: s.paperSlot,
    minutesOf: s.paperMinutes,
    limitOf: s.paperDayLimit,
    order,
    byCandidatePaper,
    kSit: new Int32Array(maxPer),
    kKey: new Float64Array(maxPer),
    kSlot: new Int32Array(maxPer),
    kPaper: new Int32Array(maxPer),
    kMin: new Int32Array(maxPer),
    w: 0,
    cap,
    count: 0,
    kind: new Uint8Array(cap),
    cand: new Int32Array(cap),
    slot: new Int32Array(cap),
    total: new Int32Array(cap),
    limit: new Int32Array(cap),
    start: new Int32Array(cap),
    len: new Int32Array(cap),
  };
  for (let c = 0; c < C; c++) {
    const b = begin[c]!;
    const m = begin[c + 1]! - b;
    if (m > 0) scanCandidate(scan, c, b, m, xt ? xt[c]! : 0, rb ? rb[c]! : 0);
  }
  const { count, kind, cand, slot, total, limit, start, len, w } = scan;
  return {
    count,
    kind: kind.subarray(0, count),
    candidate: cand.subarray(0, count),
    slot: slot.subarray(0, count),
    totalMinutes: total.subarray(0, count),
    limitMinutes: limit.subarray(0, count),
    start: start.subarray(0, count),
    length: len.subarray(0, count),
    order: order.subarray(0, w),
  };
}

/** The engine's working state: the inputs, one candidate's scratch columns, and the growable output columns. */
interface Scan {
  readonly P: number;
  readonly consecutiveMax: number;
  readonly slotOf: Int32Array;
  readonly minutesOf: Int32Array;
  readonly limitOf: Int32Array;
  /** Sittings grouped by candidate; rewritten in place to each candidate's slot and paper order, repeats removed. */
  readonly order: Int32Array;
  readonly byCandidatePaper: Int32Array;
  readonly kSit: Int32Array;
  readonly kKey: Float64Array;
  readonly kSlot: Int32Array;
  readonly kPaper: Int32Array;
  readonly kMin: Int32Array;
  /** Rows of `order` written. */
  w: number;
  cap: number;
  count: number;
  kind: Uint8Array;
  cand: Int32Array;
  slot: Int32Array;
  total: Int32Array;
  limit: Int32Array;
  start: Int32Array;
  len: Int32Array;
}

/** A typed array's rows copied into a larger one. */
function grown<T extends Int32Array | Uint8Array>(a: T, b: T): T {
  b.set(a);
  return b;
}

/** Adds a clash to the output columns, doubling them when full. */
function pushClash(o: Scan, k: number, c: number, sl: number, t: number, l: number, st: number, ln: number): void {
  if (o.count === o.cap) {
    o.cap *= 2;
    o.kind = grown(o.kind, new Uint8Array(o.cap));
    o.cand = grown(o.cand, new Int32Array(o.cap));
    o.slot = grown(o.slot, new Int32Array(o.cap));
    o.total = grown(o.total, new Int32Array(o.cap));
    o.limit = grown(o.limit, new Int32Array(o.cap));
    o.start = grown(o.start, new Int32Array(o.cap));
    o.len = grown(o.len, new Int32Array(o.cap));
  }
  const i = o.count++;
  o.kind[i] = k;
  o.cand[i] = c;
  o.slot[i] = sl;
  o.total[i] = t;
  o.limit[i] = l;
  o.start[i] = st;
  o.len[i] = ln;
}

/**
 * One candidate's `m` sittings (rows `b …` of `order`): sorted by (slot, paper), written back without repeated
 * papers, then scanned by day and by session within the day.
 */
function scanCandidate(o: Scan, c: number, b: number, m: number, x: number, r: number): void {
  const { P, order, byCandidatePaper, kSit, kKey, kSlot, kPaper, kMin, slotOf, minutesOf, limitOf } = o;
  // Insertion sort of the candidate's sittings by (slot, paper): a candidate has a handful.
  for (let j = 0; j < m; j++) {
    const p = byCandidatePaper[b + j]!;
    const key = slotOf[p]! * P + p;
    const i = order[b + j]!;
    let q = j - 1;
    while (q >= 0 && kKey[q]! > key) {
      kKey[q + 1] = kKey[q]!;
      kSit[q + 1] = kSit[q]!;
      q--;
    }
    kKey[q + 1] = key;
    kSit[q + 1] = i;
  }
  // Write back without repeated papers, with each sitting's allowed minutes.
  const w0 = o.w;
  let w = w0;
  let u = 0;
  for (let j = 0; j < m; j++) {
    if (j > 0 && kKey[j] === kKey[j - 1]) continue;
    const p = kKey[j]! % P;
    const d = minutesOf[p]!;
    const ext = Math.floor((d * (100 + x) + 99) / 100);
    kSlot[u] = slotOf[p]!;
    kPaper[u] = p;
    kMin[u] = ext + Math.floor((r * ext + 59) / 60);
    order[w++] = kSit[j]!;
    u++;
  }
  o.w = w;
  // Scan days, and sessions within each day.
  let j = 0;
  while (j < u) {
    const day = kSlot[j]! >> 1;
    let e = j;
    let dayTotal = 0;
    let dayLimit = 0;
    while (e < u && kSlot[e]! >> 1 === day) {
      dayTotal += kMin[e]!;
      const l = limitOf[kPaper[e]!]!;
      if (l > 0 && (dayLimit === 0 || l < dayLimit)) dayLimit = l;
      e++;
    }
    let a = j;
    while (a < e) {
      let z = a;
      let t = 0;
      while (z < e && kSlot[z] === kSlot[a]) t += kMin[z++]!;
      if (z - a >= 2) pushClash(o, COMPACT_CLASH_KIND.sameSession, c, kSlot[a]!, t, o.consecutiveMax, w0 + a, z - a);
      a = z;
    }
    if (e - j >= 2 && dayLimit > 0 && dayTotal > dayLimit) pushClash(o, COMPACT_CLASH_KIND.dayTotal, c, day * 2, dayTotal, dayLimit, w0 + j, e - j);
    j = e;
  }
}
