/**
 * The exam-time fuzz surface (issue 12): every exported examTime function that takes numbers, called with
 * random numbers (0, -0, NaN, ±Infinity, 1e308, negatives, fractions, values just over each limit, and
 * values of the wrong type) in random shapes (grid sizes, room and sitting counts, column lengths). Each
 * call must return, or throw an `ExamcycleError`; anything else is an untyped throw, and a call over one
 * second is counted as a hang. Randomness comes only from the seed.
 */
import {
  buildCentreTimetable,
  classifyArrival,
  deployInvigilators,
  effectiveDurationMinutes,
  examTimeTasks,
  findClashes,
  findClashesCompact,
  isExamcycleError,
  createSittingRecord,
  parseSeatCode,
  planSeating,
  recordArrival,
  recordDespatch,
  requiredInvigilators,
  resolveClashes,
  roomLayout,
  seatCode,
  timeAllowanceOf,
  type AccessArrangement,
  type Candidate,
  type CentreTimetable,
  type Entry,
  type ExamRoomRules,
  type Invigilator,
  type Room,
  type RulesPack,
  type TimetabledPaper,
} from '@examcycle/core';

import type { FuzzRow } from './fuzzRow.js';
import type { CalendarDate, Instant } from '@examcycle/core';

export type { FuzzRow } from './fuzzRow.js';

/** A call that broke the contract: which function, its input (as JSON), and what happened. */
export interface ExamTimeFuzzFailure {
  readonly fn: string;
  readonly input: string;
  readonly problem: string;
}

/** A seeded pseudo-random source (mulberry32). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
}

/**
 * A seeded pseudo-random source: the same seed gives the same sequence.
 *
 * @param seed - any 32-bit integer
 * @example
 * ```ts
 * const rng = seededRng(42);
 * rng.int(10); // always the same first value for seed 42
 * ```
 */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)]! };
}

const SPECIAL: readonly unknown[] = [
  0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, -1, -0.5, 1e-9, 5e-324, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER,
  0.5, 1.5, 60, 61, 100, 101, 366, 367, 1000, 1001, 1440, 1441, 10_000, 10_001, 100_000, 100_001, 1e7, '3', null, undefined, {}, [],
];

/** A number (or a wrong-typed value) biased towards the special cases; `typical` numbers the rest of the time. */
function num(rng: Rng, typical: () => number): unknown {
  return rng.next() < 0.3 ? rng.pick(SPECIAL) : typical();
}

/** A value that is usually the given good one, sometimes a random (possibly broken) number. */
function maybe(rng: Rng, good: number, typical: () => number = () => good, breakRate = 0.15): unknown {
  return rng.next() < breakRate ? num(rng, typical) : good;
}

const sourced = <T>(value: T) => ({ value, source: { document: 'fuzz', section: '-', year: '2025/26' }, confidence: 'confirmed' as const });

/** Exam-room rules with each numeric value sometimes broken. */
function rulesOf(rng: Rng): ExamRoomRules {
  const ratio = () => maybe(rng, rng.pick([20, 30]), () => rng.int(60) - 5);
  return {
    consecutiveSessionMaxMinutes: sourced(maybe(rng, 180, () => rng.int(400) - 20)),
    overnightThresholdMinutes: sourced({ GCSE: maybe(rng, 330), GCE: maybe(rng, 360) }),
    invigilationRatio: sourced({ written: ratio(), practical: ratio(), on_screen: ratio() }),
    seatSpacingMetres: sourced(maybe(rng, 1.25, () => rng.next() * 4 - 0.5)),
    veryLateAfterStartMinutes: sourced(maybe(rng, 60)),
    veryLateLongExamMinutes: sourced(maybe(rng, 60)),
    overnightSupervisionConditions: sourced(['last resort']),
    separateRoomArrangements: sourced(['reader', 'scribe', 'separate_invigilation', 'rest_breaks']),
    veryLateArrivalReportWorkingDays: sourced(maybe(rng, 7, () => rng.int(30) - 5)),
    specialConsiderationWorkingDays: sourced(maybe(rng, 7, () => rng.int(30) - 5)),
  } as unknown as ExamRoomRules;
}

/** A room of random shape, with its numbers sometimes broken. */
function roomOf(rng: Rng, id: string): Room {
  const small = () => 1 + rng.int(rng.next() < 0.05 ? 400 : 12);
  const pitch = () => rng.pick([0.5, 0.6, 0.8, 1, 1.25, 1.5, 0.01, 3]);
  return {
    id,
    name: `Room ${id}`,
    rows: maybe(rng, small(), small),
    columns: maybe(rng, small(), small),
    seatPitchMetres: maybe(rng, pitch(), pitch),
    rowPitchMetres: maybe(rng, pitch(), pitch),
    disabledSeats: rng.next() < 0.3 ? [rng.pick(['A1', 'B2', 'ZZ9', 'AAAAAAAAAAAA1', '0', ''])] : [],
    ...(rng.next() < 0.2 ? { capacity: maybe(rng, 1 + rng.int(40)) } : {}),
    suitableFor: rng.next() < 0.3 ? ['reader', 'separate_invigilation', 'rest_breaks'] : [],
  } as Room;
}

const DAYS = ['2026-06-01', '2026-06-02', '2026-06-03'] as const;

/** A small centre (papers, candidates, entries, arrangements) with some numbers broken. */
function centreOf(rng: Rng): { papers: TimetabledPaper[]; candidates: Candidate[]; entries: Entry[]; accessArrangements: AccessArrangement[] } {
  const papers: TimetabledPaper[] = [];
  const nPapers = 1 + rng.int(5);
  for (let i = 0; i < nPapers; i++) {
    const session = rng.pick(['AM', 'PM'] as const);
    papers.push({
      id: `P${i}`,
      seriesId: 'june-2026',
      awardingBodyId: 'AQA',
      componentCode: `P${i}`,
      title: `Paper ${i}`,
      level: rng.pick(['GCSE', 'GCE'] as const),
      kind: rng.pick(['written', 'practical', 'on_screen'] as const),
      date: rng.pick(DAYS),
      session,
      startTime: session === 'AM' ? rng.pick(['09:00', '10:45']) : '13:30',
      durationMinutes: maybe(rng, rng.pick([45, 90, 105, 120]), () => rng.int(300)),
    } as TimetabledPaper);
  }
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  const accessArrangements: AccessArrangement[] = [];
  const nCandidates = 1 + rng.int(rng.next() < 0.1 ? 60 : 8);
  for (let c = 0; c < nCandidates; c++) {
    const id = `c${c}`;
    candidates.push({ id, centreNumber: '68199', candidateNumber: String(1000 + c), legalSurname: `S${c}`, legalForenames: 'A', dateOfBirth: '2009-03-01', kind: 'internal' } as Candidate);
    const codes = papers.filter(() => rng.next() < 0.6).map((p) => p.componentCode);
    entries.push({ id: `e${c}`, candidateId: id, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: `E${c}`, componentCodes: codes, status: 'accepted', identityVerified: true } as Entry);
    if (rng.next() < 0.3) accessArrangements.push({ id: `a${c}`, candidateId: id, kind: 'extra_time', extraTimePercent: maybe(rng, rng.pick([25, 50])), approval: 'aao_approved', evidenceHeld: true } as AccessArrangement);
    if (rng.next() < 0.15) accessArrangements.push({ id: `r${c}`, candidateId: id, kind: rng.pick(['rest_breaks', 'reader', 'separate_invigilation'] as const), restBreakMinutesPerHour: maybe(rng, 10), approval: 'aao_approved', evidenceHeld: true } as AccessArrangement);
  }
  return { papers, candidates, entries, accessArrangements };
}

/** Wraps a rules table as the part of a pack {@link examTimeTasks} reads; its calendar loops once per day, like a real one. */
function packOf(rules: ExamRoomRules): Pick<RulesPack, 'addWorkingDays' | 'examRoomRules'> {
  return {
    examRoomRules: () => rules,
    addWorkingDays: (date, days) => {
      const d = new Date(`${date}T12:00:00Z`);
      for (let left = Math.abs(days); left > 0; ) {
        d.setUTCDate(d.getUTCDate() + (days < 0 ? -1 : 1));
        if (d.getUTCDay() % 6 !== 0) left -= 1;
      }
      return d.toISOString().slice(0, 10) as CalendarDate;
    },
  };
}

/** One random call: the function's name, its input (for the report), and the call. */
interface FuzzCall {
  readonly fn: string;
  readonly input: unknown;
  readonly run: () => unknown;
}

type CaseMaker = (rng: Rng) => FuzzCall;

const CASES: readonly CaseMaker[] = [
  (rng) => {
    const row = num(rng, () => rng.int(50));
    const column = num(rng, () => rng.int(50));
    return { fn: 'seatCode', input: [row, column], run: () => seatCode(row as number, column as number) };
  },
  (rng) => {
    const code = rng.pick(['A1', 'b7', ' Z12 ', 'AA3', 'A0', '1A', 'ZZZZ999999', 'A'.repeat(1 + rng.int(400)) + '1', `A${'9'.repeat(1 + rng.int(40))}`, '']);
    return { fn: 'parseSeatCode', input: code, run: () => parseSeatCode(code) };
  },
  (rng) => {
    const room = roomOf(rng, 'hall');
    const spacing = num(rng, () => rng.pick([0, 1, 1.25, 2.5]));
    return { fn: 'roomLayout', input: { room, spacing }, run: () => roomLayout(room, spacing as number) };
  },
  (rng) => {
    const centre = centreOf(rng);
    const rooms = Array.from({ length: rng.int(4) }, (_, i) => roomOf(rng, `r${i}`));
    const rules = rulesOf(rng);
    const gapSeats = rng.next() < 0.2 ? num(rng, () => rng.int(3)) : undefined;
    return {
      fn: 'planSeating+deployInvigilators',
      input: { centre, rooms, rules, gapSeats },
      run: () => {
        const t = buildCentreTimetable(centre);
        const plan = planSeating({ session: t.sessions[0] ?? { date: '2026-06-01', session: 'AM', sittings: [] }, rooms }, { rules, ...(gapSeats === undefined ? {} : { gapSeats: gapSeats as number }) });
        const invigilators: Invigilator[] = Array.from({ length: rng.int(6) }, (_, i) => ({ id: `i${i}`, name: `I${i}`, trainedOn: '2025-05-01', lastUpdateOn: '2025-10-01', availability: [{ date: plan.date, session: plan.session }], relativeOfCandidateIds: [], facilitator: i % 2 === 0 }) as unknown as Invigilator);
        return deployInvigilators({ plan, invigilators }, { rules: rulesOf(rng) });
      },
    };
  },
  (rng) => {
    const byKind = { written: num(rng, () => rng.int(100)), practical: num(rng, () => rng.int(100)), on_screen: num(rng, () => rng.int(100)) };
    const ratios = { written: num(rng, () => 1 + rng.int(40)), practical: num(rng, () => 1 + rng.int(40)), on_screen: num(rng, () => 1 + rng.int(40)) };
    return { fn: 'requiredInvigilators', input: { byKind, ratios }, run: () => requiredInvigilators(byKind as never, ratios as never) };
  },
  (rng) => {
    const duration = num(rng, () => rng.int(300));
    const allowance = { extraTimePercent: num(rng, () => rng.pick([0, 25, 50])), restBreakMinutesPerHour: num(rng, () => rng.pick([0, 5, 10])) };
    return { fn: 'effectiveDurationMinutes', input: { duration, allowance }, run: () => effectiveDurationMinutes(duration as number, allowance as never) };
  },
  (rng) => {
    const arrangements = centreOf(rng).accessArrangements;
    return { fn: 'timeAllowanceOf', input: arrangements, run: () => timeAllowanceOf(arrangements[0]?.candidateId ?? 'c0', arrangements) };
  },
  (rng) => {
    const centre = centreOf(rng);
    const rules = rulesOf(rng);
    return {
      fn: 'buildCentreTimetable+findClashes+resolveClashes',
      input: { centre, rules },
      run: () => {
        const t = buildCentreTimetable(centre);
        const broken: CentreTimetable = rng.next() < 0.2 ? { ...t, candidates: t.candidates.map((c) => ({ ...c, allowance: { extraTimePercent: num(rng, () => 25) as number, restBreakMinutesPerHour: 0 } })) } : t;
        const clashes = findClashes(broken, { rules });
        return resolveClashes(clashes, broken, { rules, allowEarlierSameDay: rng.next() < 0.5 });
      },
    };
  },
  (rng) => {
    const C = num(rng, () => rng.int(20));
    const P = rng.int(6);
    const n = rng.int(40);
    const col = (len: number, v: () => number) => Int32Array.from({ length: len }, v);
    const odd = () => (rng.next() < 0.1 ? rng.int(3) : 0);
    const s = {
      candidateCount: C as number,
      sittingCandidate: col(n, () => rng.int(typeof C === 'number' && Number.isFinite(C) ? Math.max(1, Math.min(C, 30)) : 20) - odd()),
      sittingPaper: col(n + odd(), () => rng.int(Math.max(P, 1))),
      paperSlot: col(P, () => rng.int(8) - odd()),
      paperMinutes: col(P, () => (rng.next() < 0.1 ? rng.pick([0, -5, 2 ** 31 - 1, 1441]) : 30 + rng.int(150))),
      paperDayLimit: col(P + odd(), () => (rng.next() < 0.1 ? rng.pick([-1, 2 ** 31 - 1]) : 330)),
      ...(rng.next() < 0.5 ? { candidateExtraTimePercent: Array.from({ length: typeof C === 'number' && C >= 0 && C < 100 ? C : 3 }, () => num(rng, () => 25) as number) } : {}),
    };
    const max = num(rng, () => 180);
    return { fn: 'findClashesCompact', input: { ...s, consecutiveMaxMinutes: max }, run: () => findClashesCompact(s, { consecutiveMaxMinutes: max as number }) };
  },
  (rng) => {
    const paper = { date: '2026-06-01' as const, startTime: '09:00', durationMinutes: num(rng, () => rng.pick([45, 60, 90])) as number };
    const rules = rulesOf(rng);
    const arrivedAt = rng.pick(['2026-06-01T10:05:00+01:00', '2026-06-01T08:00:00+01:00', undefined, 'late']);
    return { fn: 'classifyArrival', input: { paper, rules, arrivedAt }, run: () => classifyArrival(paper, arrivedAt as Instant | undefined, rules) };
  },
  (rng) => {
    const rules = rulesOf(rng);
    const veryLate = rng.next() < 0.5 ? num(rng, () => rng.int(10)) : undefined;
    const special = rng.next() < 0.5 ? num(rng, () => rng.int(10)) : undefined;
    const scriptCount = num(rng, () => rng.int(30));
    return {
      fn: 'recordArrival+recordDespatch+examTimeTasks',
      input: { rules, veryLate, special, scriptCount },
      run: () => {
        const paper = { id: 'P0', seriesId: 'june-2026', awardingBodyId: 'AQA', componentCode: 'P0', title: 'Paper 0', level: 'GCSE', kind: 'written', date: '2026-06-01', session: 'AM', startTime: '09:00', durationMinutes: 90 } as TimetabledPaper;
        const seat = { seat: 'A1', row: 0, column: 0, candidateId: 'c0', candidateNumber: '1000', paperIds: ['P0'], ratioKind: 'written' as const, arrangementKinds: [] };
        let record = createSittingRecord({ date: '2026-06-01', session: 'AM', seatingPlanUsed: { roomId: 'hall', roomName: 'Hall', use: 'main', paperIds: ['P0'], seats: [seat], usableSeats: 1 }, papers: [paper] });
        record = recordArrival(record, { candidateId: 'c0', paperId: 'P0', arrivedAt: '2026-06-01T10:30:00+01:00', by: { id: 'inv-1', role: 'invigilator' } }, rules);
        record = recordDespatch(record, { paperIds: ['P0'], scriptCount: scriptCount as number, at: '2026-06-01T12:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' }, method: 'post', reference: 'R1' });
        return examTimeTasks(record, { rulesPack: packOf(rules), ...(veryLate === undefined ? {} : { veryLateReportWorkingDays: veryLate as number }), ...(special === undefined ? {} : { specialConsiderationWorkingDays: special as number }) });
      },
    };
  },
];

function show(input: unknown): string {
  const text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? '-0' : v instanceof Int32Array ? [...v] : v));
  return (text ?? String(input)).slice(0, 2000);
}

/**
 * Runs `inputs` random calls over the exam-time functions from a seed, and reports what broke the
 * contract (a throw that is not an `ExamcycleError`, a call over one second).
 *
 * @param inputs - how many calls
 * @param seed - the seed
 * @param budgetMs - a call slower than this is counted in `over1s`
 * @example
 * ```ts
 * const { row, failures } = runExamTimeFuzz(2000, 12);
 * row.untypedThrows; // 0
 * ```
 */
export function runExamTimeFuzz(inputs: number, seed: number, budgetMs = 1000): { row: FuzzRow; failures: ExamTimeFuzzFailure[]; typedThrows: number } {
  const rng = seededRng(seed);
  const failures: ExamTimeFuzzFailure[] = [];
  let untypedThrows = 0;
  let over1s = 0;
  let typedThrows = 0;
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  for (let i = 0; i < inputs; i++) {
    const call = rng.pick(CASES)(rng);
    const t0 = performance.now();
    try {
      call.run();
    } catch (e) {
      if (isExamcycleError(e)) typedThrows++;
      else {
        untypedThrows++;
        if (failures.length < 20) failures.push({ fn: call.fn, input: show(call.input), problem: `untyped throw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` });
      }
    }
    const ms = performance.now() - t0;
    if (ms > budgetMs) {
      over1s++;
      if (failures.length < 20) failures.push({ fn: call.fn, input: show(call.input), problem: `took ${Math.round(ms)} ms` });
    }
    if ((i & 255) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    row: {
      package: 'core',
      surface: 'exam-time',
      inputs,
      untypedThrows,
      rowsLost: 0,
      unauthorisedReads: 0,
      over1s,
      peakRssMb: Math.round(peakRss / 1_048_576),
      seconds: Math.round((performance.now() - started) / 10) / 100,
    },
    failures,
    typedThrows,
  };
}

/**
 * The exam-time row of core's fuzz report: `inputs` seeded random calls over every exam-time function that
 * takes numbers.
 *
 * @param inputs - how many calls (`FUZZ_INPUTS`, 100000 by default in core's runner)
 * @example
 * ```ts
 * const row = await fuzzExamTime(Number(process.env.FUZZ_INPUTS ?? 100_000));
 * ```
 */
export async function fuzzExamTime(inputs: number): Promise<FuzzRow> {
  return runExamTimeFuzz(inputs, 0x12e7).row;
}
