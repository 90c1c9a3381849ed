/// <reference types="node" />
/**
 * The exam-time benchmark: clash detection and seating for a centre, and clash detection for a synthetic
 * national series, each against what a competent engineer writes first (bench/firstImplementations.ts: a
 * grouped per-candidate clash finder, a grid seating scan; neither quadratic), timing what users call from the
 * same input: the work of turning the timetable into columns or objects, and of working out room layouts, is
 * inside the timed round for every contender (planSeating gets fresh room objects each round, so its per-room
 * layout memo never carries over from an earlier round). Equal warm-up, interleaved rounds, min / median / max, ratio of
 * medians; summary rows for `npm run bench`'s closing table. Seeded data; the exam-room rules are core's test
 * fixture (the JCQ values).
 * Knobs: BENCH_CENTRE_CANDIDATES (2,000), BENCH_NATIONAL_CANDIDATES (100,000; the issue's series is 600,000),
 * BENCH_ROUNDS (5), BENCH_WARMUP (1).
 */
import { buildCentreTimetable, findClashes, findClashesCompact, planSeating, type CentreTimetable, type CompactSittings, type ExamRoomRules } from '@examcycle/core';
import { fixturePack } from '../test/fixtures/fixturePack.js';
import { groupedClashes, gridSeating, plainSittings } from './firstImplementations.js';
import { calibrate, knob, measure, printTable, row, writeSummary, type SummaryRow } from '../../../scripts/bench/measure.js';
import { syntheticCentre, syntheticNational } from './syntheticSeries.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');
const print = (line = ''): void => void process.stdout.write(`${line}\n`);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** The timetable's sittings as compact columns (what `findClashesCompact` takes). */
function columnsOf(timetable: CentreTimetable): CompactSittings {
  const dayIndex = new Map<string, number>();
  for (const p of timetable.papers) if (!dayIndex.has(p.date)) dayIndex.set(p.date, 0);
  [...dayIndex.keys()].sort().forEach((d, i) => dayIndex.set(d, i));
  const paperIndex = new Map(timetable.papers.map((p, i) => [p.id, i]));
  let n = 0;
  for (const c of timetable.candidates) n += c.sittings.length;
  const sittingCandidate = new Int32Array(n);
  const sittingPaper = new Int32Array(n);
  let k = 0;
  timetable.candidates.forEach((c, ci) => {
    for (const s of c.sittings) {
      sittingCandidate[k] = ci;
      sittingPaper[k] = paperIndex.get(s.paperId)!;
      k++;
    }
  });
  return {
    candidateCount: timetable.candidates.length,
    sittingCandidate,
    sittingPaper,
    paperSlot: Int32Array.from(timetable.papers, (p) => dayIndex.get(p.date)! * 2 + (p.session === 'PM' ? 1 : 0)),
    paperMinutes: Int32Array.from(timetable.papers, (p) => p.durationMinutes),
    paperDayLimit: Int32Array.from(timetable.papers, (p) => rules.overnightThresholdMinutes.value[p.level] ?? 0),
    candidateExtraTimePercent: Int32Array.from(timetable.candidates, (c) => c.allowance.extraTimePercent),
    candidateRestBreakMinutesPerHour: Int32Array.from(timetable.candidates, (c) => c.allowance.restBreakMinutesPerHour),
  };
}

const calibrationMs = calibrate();
const rounds = knob('BENCH_ROUNDS', 5);
const warmup = knob('BENCH_WARMUP', 1);
const centreSize = knob('BENCH_CENTRE_CANDIDATES', 2_000);
const nationalSize = knob('BENCH_NATIONAL_CANDIDATES', 100_000);
const summary: SummaryRow[] = [];
print(`core exam-time bench, node ${process.version}; machine load check ${calibrationMs.toFixed(0)} ms (~200 ms on an idle core)`);

// ---------------------------------------------------------------- centre: clashes
const centre = syntheticCentre(centreSize);
const input = { papers: centre.papers, candidates: centre.candidates, entries: centre.entries, accessArrangements: centre.accessArrangements };
const timetable = buildCentreTimetable(input);
const sittings = timetable.candidates.reduce((t, c) => t + c.sittings.length, 0);
print(`Centre: ${fmt(centre.candidates.length)} candidates, ${fmt(centre.entries.length)} entries, ${fmt(sittings)} sittings, ${timetable.sessions.length} sessions, ${centre.rooms.length} rooms`);
{
  // Agreement first: the same number of clashes from every contender.
  const full = findClashes(timetable, { rules }).length;
  const compact = findClashesCompact(columnsOf(timetable), { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value }).count;
  const grouped = groupedClashes(plainSittings(columnsOf(timetable)));
  if (full !== compact || compact !== grouped) throw new Error(`clash counts differ: findClashes ${full}, compact ${compact}, grouped ${grouped}`);
  print(`  every contender finds ${fmt(full)} clashes`);
  const t = await measure(
    [
      { name: 'findClashes (timetable → Clash objects, explained)', run: () => findClashes(timetable, { rules }).length },
      { name: 'findClashesCompact (columns built in the round)', run: () => findClashesCompact(columnsOf(timetable), { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value }).count },
      { name: 'grouped per candidate (objects built in the round)', run: () => groupedClashes(plainSittings(columnsOf(timetable))) },
      { name: 'buildCentreTimetable (entries → sittings), for scale', run: () => buildCentreTimetable(input).sessions.length },
    ],
    { warmup, rounds },
  );
  printTable(`clash detection, ${fmt(centreSize)}-candidate centre, from the timetable (${rounds} rounds, ${warmup} warm-up)`, t, t[2]!.name, sittings, 'sittings');
  summary.push(
    row('core', `findClashes, ${fmt(centreSize)}-candidate centre vs grouped per candidate`, t, t[0]!.name, t[2]!.name, { calibrationMs, note: 'findClashes builds every Clash with its sittings and explanation; the first implementation only counts' }),
    row('core', `findClashesCompact, ${fmt(centreSize)}-candidate centre (columns in the round) vs grouped per candidate`, t, t[1]!.name, t[2]!.name, { calibrationMs }),
  );
}

// ---------------------------------------------------------------- centre: seating
{
  const sessionCandidates = timetable.sessions.map((s) => {
    const seen = new Map<string, { candidateId: string; candidateNumber: string }>();
    for (const x of s.sittings) if (!seen.has(x.candidateId)) seen.set(x.candidateId, { candidateId: x.candidateId, candidateNumber: x.candidateNumber });
    return [...seen.values()];
  });
  const seatRows = sessionCandidates.reduce((t, s) => t + s.length, 0);
  // Fresh room objects each round: planSeating works each room's layout out once per room object (memoised), so
  // reusing one array would time layouts worked out in an earlier round. A user's series plan does the same: one
  // rooms list, every session.
  const plans = () => {
    const rooms = centre.rooms.map((r) => ({ ...r }));
    return timetable.sessions.map((s) => planSeating({ session: s, rooms }, { rules }));
  };
  const seated = plans().reduce((t, p) => t + p.rooms.reduce((u, r) => u + r.seats.length, 0), 0);
  const gridSeated = sessionCandidates.reduce((t, list) => t + gridSeating(list, centre.rooms, rules.seatSpacingMetres.value), 0);
  print(`  seating: planSeating seats ${fmt(seated)}, the grid scan ${fmt(gridSeated)} of ${fmt(seatRows)} candidate-sessions (planSeating also keeps access-arrangement rooms and invigilation ratios)`);
  const t = await measure(
    [
      { name: 'planSeating, every session (each layout worked out once in the round)', run: () => plans().length },
      { name: 'grid seating scan (first implementation), every session', run: () => sessionCandidates.reduce((n, list) => n + gridSeating(list, centre.rooms, rules.seatSpacingMetres.value), 0) },
    ],
    { warmup, rounds },
  );
  printTable(`seating, ${fmt(centreSize)}-candidate centre, ${timetable.sessions.length} sessions`, t, t[1]!.name, seatRows, 'seats');
  summary.push(row('core', `planSeating, ${fmt(centreSize)}-candidate centre, every session vs a grid scan`, t, t[0]!.name, t[1]!.name, { calibrationMs }));
}

// ---------------------------------------------------------------- national: clashes
{
  const g0 = performance.now();
  const national = syntheticNational(nationalSize, 10);
  const n = national.sittings.sittingCandidate.length;
  print(`National: ${fmt(national.sittings.candidateCount)} candidates, ${fmt(n)} sittings (generated in ${fmt(performance.now() - g0)} ms)`);
  const compact = findClashesCompact(national.sittings, { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value }).count;
  const grouped = groupedClashes(plainSittings(national.sittings));
  if (compact !== grouped) throw new Error(`national clash counts differ: compact ${compact}, grouped ${grouped}`);
  const nationalRounds = Math.max(1, Math.min(rounds, 3));
  const t = await measure(
    [
      { name: 'findClashesCompact (the columns are the input)', run: () => findClashesCompact(national.sittings, { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value }).count },
      { name: 'grouped per candidate (objects built in the round)', run: () => groupedClashes(plainSittings(national.sittings)) },
    ],
    { warmup: Math.min(warmup, 1), rounds: nationalRounds },
  );
  printTable(`clash detection, national, ${fmt(n)} sittings (${nationalRounds} rounds): ${fmt(compact)} clashes each`, t, t[1]!.name, n, 'sittings');
  const per6M = 6_000_000 / n;
  summary.push(
    row('core', `findClashesCompact, national ${fmt(n)} sittings vs grouped per candidate`, t, t[0]!.name, t[1]!.name, {
      maxMs: 5000,
      scale: per6M,
      onCpu: true,
      text: '6 M sittings < 5 s on one core (median CPU time, scaled linearly)',
      calibrationMs,
      note: `per 6 M sittings: ${fmt(t[0]!.cpuMedian * per6M)} ms of CPU (median round), ${fmt(t[0]!.median * per6M)} ms wall`,
    }),
  );
}

writeSummary(new URL('..', import.meta.url), 'exam-time', summary);
