/// <reference types="node" />
/**
 * The exam-time benchmark: clash detection and seating for a 2,000-candidate centre and for a synthetic
 * national series (600,000 candidates, 6,000,000 entries), each against a naive baseline in the same run,
 * printing throughput and the ratio. Run with `npm run bench` in packages/core. Data are generated
 * deterministically from seeds; the exam-room rules are core's test fixture (the JCQ values).
 */
import {
  buildCentreTimetable,
  findClashes,
  findClashesCompact,
  planSeating,
  roomLayout,
  type AccessArrangementKind,
  type CandidateSitting,
  type ExamRoomRules,
  type RoomLayout,
} from '@examcycle/core';
import { fixturePack } from '../test/fixtures/fixturePack.js';
import { groupedPairwiseClashes, naivePairwiseClashes, naiveSeating, naiveSittings, type NaiveSitting } from './naiveBaselines.js';
import { syntheticCentre, syntheticNational } from './syntheticSeries.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');
const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
const rate = (rows: number, ms: number): string => `${fmt((rows / ms) * 1000)} rows/s`;

/** Runs `fn` `runs` times and returns the fastest time in ms with the last result. */
function time<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

function row(label: string, ms: number, rows: number, extra = ''): void {
  print(`  ${label.padEnd(58)} ${ms.toFixed(1).padStart(11)} ms  ${rate(rows, ms).padStart(22)}${extra ? `  ${extra}` : ''}`);
}

// ---------------------------------------------------------------- centre
const centre = syntheticCentre(2_000);
const built = time(() => buildCentreTimetable({ papers: centre.papers, candidates: centre.candidates, entries: centre.entries, accessArrangements: centre.accessArrangements }), 3);
const timetable = built.result;
const centreSittings = timetable.candidates.reduce((t, c) => t + c.sittings.length, 0);
print(`Centre: ${fmt(centre.candidates.length)} candidates, ${fmt(centre.entries.length)} entries, ${fmt(centreSittings)} sittings, ${timetable.sessions.length} sessions, ${centre.rooms.length} rooms`);
row('buildCentreTimetable (entries → sittings)', built.ms, centreSittings);

const clashes = time(() => findClashes(timetable, { rules }), 10);
row('findClashes (full Clash objects with explanations)', clashes.ms, centreSittings, `${fmt(clashes.result.length)} clashes`);
const dayIndex = new Map([...new Set(timetable.papers.map((p) => p.date))].sort().map((d, i) => [d, i]));
const paperIndex = new Map(timetable.papers.map((p, i) => [p.id, i]));
const centreNaive: NaiveSitting[] = timetable.candidates.flatMap((c, ci) =>
  c.sittings.map((s) => ({ candidate: ci, paper: paperIndex.get(s.paperId)!, slot: dayIndex.get(s.date)! * 2 + (s.session === 'PM' ? 1 : 0), minutes: s.allowedMinutes, dayLimit: rules.overnightThresholdMinutes.value[s.level] ?? 0 })),
);
const centreColumns = {
  candidateCount: timetable.candidates.length,
  sittingCandidate: Int32Array.from(centreNaive, (x) => x.candidate),
  sittingPaper: Int32Array.from(centreNaive, (x) => x.paper),
  paperSlot: Int32Array.from(timetable.papers, (p) => dayIndex.get(p.date)! * 2 + (p.session === 'PM' ? 1 : 0)),
  paperMinutes: Int32Array.from(timetable.papers, (p) => p.durationMinutes),
  paperDayLimit: Int32Array.from(timetable.papers, (p) => rules.overnightThresholdMinutes.value[p.level] ?? 0),
  candidateExtraTimePercent: Int32Array.from(timetable.candidates, (c) => c.allowance.extraTimePercent),
  candidateRestBreakMinutesPerHour: Int32Array.from(timetable.candidates, (c) => c.allowance.restBreakMinutesPerHour),
};
const centreKernel = time(() => findClashesCompact(centreColumns, { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value }), 10);
row('findClashesCompact (the engine alone, columns)', centreKernel.ms, centreSittings, `${fmt(centreKernel.result.count)} clashes`);
const naiveCentre = time(() => naivePairwiseClashes(centreNaive), 1);
row('baseline: naive pairwise (every pair of sittings)', naiveCentre.ms, centreSittings, `${fmt(naiveCentre.result)} clashes`);
const groupedCentre = time(() => groupedPairwiseClashes(centreNaive), 3);
row('baseline: pairwise within each candidate (Maps of objects)', groupedCentre.ms, centreSittings, `${fmt(groupedCentre.result)} clashes`);
print(`  clashes agree with both baselines: ${clashes.result.length === naiveCentre.result && naiveCentre.result === groupedCentre.result && centreKernel.result.count === naiveCentre.result ? 'yes' : 'NO'}`);
print(`  ratio: findClashes ${(naiveCentre.ms / clashes.ms).toFixed(0)}× faster than naive pairwise; engine ${(naiveCentre.ms / centreKernel.ms).toFixed(0)}× faster than naive pairwise, ${(groupedCentre.ms / centreKernel.ms).toFixed(1)}× faster than grouped pairwise`);
print(`  (findClashes vs grouped pairwise: ${(groupedCentre.ms / clashes.ms).toFixed(1)}×; the baselines only count clashes, findClashes builds every Clash with its sittings and explanation)`);

const layouts: RoomLayout[] = centre.rooms.map((r) => roomLayout(r, rules.seatSpacingMetres.value));
const seating = time(() => timetable.sessions.map((s) => planSeating({ session: s, rooms: centre.rooms }, { rules, layouts })), 3);
const seated = seating.result.reduce((t, p) => t + p.rooms.reduce((u, r) => u + r.seats.length, 0), 0);
const unseated = seating.result.reduce((t, p) => t + p.unseated.length, 0);
const seatRows = timetable.sessions.reduce((t, s) => t + s.candidateCount, 0);
row(`planSeating, all ${timetable.sessions.length} sessions`, seating.ms, seatRows, `${fmt(seated)} seated, ${fmt(unseated)} unseated (reported)`);
const naiveSeatingCentre = time(
  () =>
    timetable.sessions.reduce((t, s) => {
      const seen = new Set<string>();
      const list = s.sittings.filter((x) => (seen.has(x.candidateId) ? false : (seen.add(x.candidateId), true))).map((x) => ({ candidateId: x.candidateId, paperId: x.paperId }));
      return t + naiveSeating(list, centre.rooms, rules.seatSpacingMetres.value);
    }, 0),
  1,
);
row('baseline: naive seating (scan seats, check every seated pair)', naiveSeatingCentre.ms, seatRows, `${fmt(naiveSeatingCentre.result)} seated`);
print(`  ratio: ${(naiveSeatingCentre.ms / seating.ms).toFixed(0)}× faster than naive seating`);
print();

// ---------------------------------------------------------------- national
const g0 = performance.now();
const national = syntheticNational(600_000, 10);
const n = national.sittings.sittingCandidate.length;
print(`National: ${fmt(national.sittings.candidateCount)} candidates, ${fmt(n)} entries (one sitting each), ${fmt(national.sittings.paperSlot.length)} papers over 60 sessions (generated in ${fmt(performance.now() - g0)} ms)`);
const nat = time(() => findClashesCompact(national.sittings, { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value }), 3);
let sameSession = 0;
for (let k = 0; k < nat.result.count; k++) if (nat.result.kind[k] === 0) sameSession++;
row('findClashesCompact (one core)', nat.ms, n, `${fmt(nat.result.count)} clashes (${fmt(sameSession)} same session, ${fmt(nat.result.count - sameSession)} day total)`);
print(`  target under 5 s: ${nat.ms < 5000 ? 'met' : 'MISSED'} (${(nat.ms / 1000).toFixed(2)} s); heap ${fmt(process.memoryUsage().heapUsed / 1e6)} MB, rss ${fmt(process.memoryUsage().rss / 1e6)} MB`);

// Naive all-pairs on a sample: the sittings of the first 2,000 candidates, extrapolated by n².
const sampleCandidates = 2_000;
const sampleIdx: number[] = [];
for (let i = 0; i < n; i++) if (national.sittings.sittingCandidate[i]! < sampleCandidates) sampleIdx.push(i);
const sample = naiveSittings({
  ...national.sittings,
  sittingCandidate: Int32Array.from(sampleIdx, (i) => national.sittings.sittingCandidate[i]!),
  sittingPaper: Int32Array.from(sampleIdx, (i) => national.sittings.sittingPaper[i]!),
});
const naiveSample = time(() => naivePairwiseClashes(sample), 1);
const sampleFast = findClashesCompact(
  {
    ...national.sittings,
    sittingCandidate: Int32Array.from(sampleIdx, (i) => national.sittings.sittingCandidate[i]!),
    sittingPaper: Int32Array.from(sampleIdx, (i) => national.sittings.sittingPaper[i]!),
  },
  { consecutiveMaxMinutes: rules.consecutiveSessionMaxMinutes.value },
);
const extrapolated = naiveSample.ms * (n / sample.length) ** 2;
row(`baseline: naive pairwise on a sample (${fmt(sample.length)} sittings)`, naiveSample.ms, sample.length, `${fmt(naiveSample.result)} clashes; engine on the sample: ${fmt(sampleFast.count)}`);
print(`  naive pairwise on all ${fmt(n)} entries is too slow to run: extrapolated (× n²) ${fmt(extrapolated / 1000 / 3600)} hours`);
print(`  ratio: ~${fmt(extrapolated / nat.ms)}× faster than naive pairwise (extrapolated)`);
const allNaive = naiveSittings(national.sittings);
const grouped = time(() => groupedPairwiseClashes(allNaive), 1);
row('baseline: pairwise within each candidate (Maps of objects, all)', grouped.ms, n, `${fmt(grouped.result)} clashes, agree: ${grouped.result === nat.result.count ? 'yes' : 'NO'}`);
print(`  ratio: ${(grouped.ms / nat.ms).toFixed(1)}× faster than grouped pairwise`);
allNaive.length = 0;

// National seating: 300 centres of 2,000 candidates, every session of every centre.
const C = national.sittings.candidateCount;
const begin = new Int32Array(C + 1);
for (let i = 0; i < n; i++) begin[national.sittings.sittingCandidate[i]! + 1]!++;
for (let c = 0; c < C; c++) begin[c + 1]! += begin[c]!;
const fill = begin.slice(0, C);
const byCandidate = new Int32Array(n);
for (let i = 0; i < n; i++) byCandidate[fill[national.sittings.sittingCandidate[i]!]!++] = i;
const paperInfo = Array.from({ length: national.sittings.paperSlot.length }, (_, p) => {
  const slot = national.sittings.paperSlot[p]!;
  const session = slot & 1 ? ('PM' as const) : ('AM' as const);
  const date = national.paperDate[p]!;
  const startTime = session === 'AM' ? '09:00' : '13:30';
  return { paperId: `N${p}`, seriesId: 'june-2026', awardingBodyId: 'AQA', componentCode: `N${p}`, title: `Paper N${p}`, level: national.sittings.paperDayLimit[p] === 360 ? ('GCE' as const) : ('GCSE' as const), kind: 'written' as const, date, session, startTime, startsAt: `${date}T${startTime}:00.000+01:00`, durationMinutes: national.sittings.paperMinutes[p]! };
});
const centres = C / national.centreSize;
const runCentre = (k: number): { ms: number; rows: number; seated: number } => {
  const sessions = new Map<number, CandidateSitting[]>();
  for (let c = k * national.centreSize; c < (k + 1) * national.centreSize; c++) {
    const kinds: AccessArrangementKind[] = [];
    if (national.sittings.candidateExtraTimePercent![c]) kinds.push('extra_time');
    if (c % 97 === 0) kinds.push('reader');
    else if (national.sittings.candidateRestBreakMinutesPerHour![c]) kinds.push('rest_breaks');
    const candidateNumber = String((c % national.centreSize) + 1).padStart(4, '0');
    for (let j = begin[c]!; j < begin[c + 1]!; j++) {
      const p = national.sittings.sittingPaper[byCandidate[j]!]!;
      const info = paperInfo[p]!;
      const slot = national.sittings.paperSlot[p]!;
      const list = sessions.get(slot) ?? [];
      list.push({ ...info, candidateId: `n${c}`, candidateNumber, entryId: `n${c}-${p}`, allowedMinutes: info.durationMinutes, arrangementKinds: kinds });
      sessions.set(slot, list);
    }
  }
  let rows = 0;
  let seatedHere = 0;
  const t0 = performance.now();
  for (const sittings of sessions.values()) {
    const plan = planSeating({ session: { date: sittings[0]!.date, session: sittings[0]!.session, sittings }, rooms: centre.rooms }, { rules, layouts });
    for (const r of plan.rooms) seatedHere += r.seats.length;
    rows += new Set(sittings.map((s) => s.candidateId)).size;
  }
  return { ms: performance.now() - t0, rows, seated: seatedHere };
};
const first = runCentre(0);
const sampleAll = first.ms * centres < 60_000;
const sampleCentres = sampleAll ? centres : 30;
let seatMs = first.ms;
let seatRowsNational = first.rows;
let seatedNational = first.seated;
for (let k = 1; k < sampleCentres; k++) {
  const r = runCentre(k);
  seatMs += r.ms;
  seatRowsNational += r.rows;
  seatedNational += r.seated;
}
row(`planSeating, ${sampleCentres} of ${centres} centres, every session`, seatMs, seatRowsNational, `${fmt(seatedNational)} seated`);
if (!sampleAll) print(`  (sampled ${sampleCentres} of ${centres} centres; all centres extrapolated: ${fmt((seatMs * centres) / sampleCentres / 1000)} s)`);
else print(`  all ${centres} centres: ${(seatMs / 1000).toFixed(1)} s`);
const naiveSeatSample = time(() => {
  let t = 0;
  const sessions = new Map<number, { candidateId: string; paperId: string }[]>();
  for (let c = 0; c < national.centreSize; c++) {
    for (let j = begin[c]!; j < begin[c + 1]!; j++) {
      const p = national.sittings.sittingPaper[byCandidate[j]!]!;
      const list = sessions.get(national.sittings.paperSlot[p]!) ?? [];
      if (!list.some((x) => x.candidateId === `n${c}`)) list.push({ candidateId: `n${c}`, paperId: `N${p}` });
      sessions.set(national.sittings.paperSlot[p]!, list);
    }
  }
  for (const list of sessions.values()) t += naiveSeating(list, centre.rooms, rules.seatSpacingMetres.value);
  return t;
}, 1);
row('baseline: naive seating, first centre', naiveSeatSample.ms, first.rows, `${fmt(naiveSeatSample.result)} seated`);
print(`  ratio: ${(naiveSeatSample.ms / first.ms).toFixed(0)}× faster than naive seating (first centre)`);
