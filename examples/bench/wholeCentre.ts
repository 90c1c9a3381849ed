/**
 * The whole-centre benchmark (issue 16): a 2,000-candidate, 24,000-entry centre from CSV text to certificates,
 * timing what users call, step by step, from raw input to the answer:
 *
 * 1. import: `importCsv` of the candidates, entries, timetable, rooms, access arrangements and results files
 *    (text in memory, validated into records);
 * 2. timetable: `buildCentreTimetable` (entries → sittings, sessions);
 * 3. clashes: `findClashes` under the JCQ exam-room rules;
 * 4. seating: `planSeating` for every session (room layouts worked out in the round);
 * 5. results store: `createResultsStore` with the JCQ pack, `addResults` of one result per entry;
 * 6. statements: every candidate's `statementOfResults`, read by the exams officer (checked and audited);
 * 7. analysis: `resultsAnalysis` over every level;
 * 8. certificates: `recordCertificates`, the awarding body's delivery as one batch through the certificate statechart
 *    (received → checked → issued per candidate, every audit line kept); packages/core/bench compares it with an
 *    xstate actor per certificate.
 *
 * Each round runs every step on fresh input; the bench prints each step's median (wall, and CPU: on a loaded machine the
 * wall time is mostly waiting for a core) and its share of the total,
 * the total's min / median / max over equal warm-up and rounds, and the total scaled to an idle core (× 200 / the
 * median ms of scripts/bench/measure.ts's `calibrate()`, run as a contender interleaved with the rounds, so it
 * sees the same load) against the goal: **under 250 ms**. The goal
 * is absolute, so there is no "first implementation" baseline here (the per-path benches in packages/<p>/bench
 * compare each path with one). It leaves one summary row for `npm run bench`'s closing table (examples/.bench-out).
 *
 * Run: `npm run bench -w @examcycle/examples`. Knobs: BENCH_CANDIDATES (2,000; 12 entries each), BENCH_ROUNDS (9:
 * a round's time swings by ±40% with where V8's collections fall, so the median needs more rounds than the per-path
 * benches take), BENCH_WARMUP (1).
 */
import { availableParallelism, loadavg } from 'node:os';
import { importCsv } from '@examcycle/adapter-csv';
import {
  buildCentreTimetable,
  createResultsStore,
  examSeries,
  findClashes,
  planSeating,
  recordCertificates,
  type Actor,
  type ImportResult,
  type RecordKind,
  type RecordKinds,
  type ResultsReader,
} from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';
import { calibrate, knob, measure, medianOf, row, writeSummary } from '../../scripts/bench/measure.js';
import { syntheticCentreCsv } from './syntheticCentreCsv.js';

const GOAL_MS = 250;
const print = (line = ''): void => void process.stdout.write(`${line}\n`);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

const candidateCount = knob('BENCH_CANDIDATES', 2_000);
const rounds = knob('BENCH_ROUNDS', 9);
const warmup = knob('BENCH_WARMUP', 1);

const series = examSeries('june', 2026);
const rules = jcq.examRoomRules('2025/26');
const officer: Actor = { id: 'EO', role: 'exams_officer' };
const reader: ResultsReader = { audience: 'centre_staff', id: 'EO' };
/** After both results days (GCE 13 August, GCSE 20 August 2026): every level is released to the exams office. */
const now = Date.parse('2026-09-01T09:00:00+01:00');

const STEPS = ['import', 'timetable', 'clashes', 'seating', 'results store', 'statements', 'analysis', 'certificates'] as const;
type Step = (typeof STEPS)[number];

const centre = syntheticCentreCsv(candidateCount);
print(`whole-centre bench, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} (${availableParallelism()} CPUs)`);
print(
  `centre: ${fmt(centre.counts.candidates)} candidates, ${fmt(centre.counts.entries)} entries, ${fmt(centre.counts.papers)} timetabled papers; CSV ${(Object.values(centre.csv).reduce((t, s) => t + s.length, 0) / 1024 ** 2).toFixed(1)} MiB in memory`,
);

/** Imports one file and insists it is clean: a bench of a half-imported centre would flatter. */
function imported<K extends RecordKind>(kind: K, text: string, expected?: number): readonly RecordKinds[K][] {
  const result: ImportResult<RecordKinds[K]> = importCsv(kind, text, { file: `${kind}.csv` });
  if (result.issues.length > 0) throw new Error(`${kind}: ${result.issues.length} issue(s), first: ${JSON.stringify(result.issues[0])}`);
  if (expected !== undefined && result.records.length !== expected) throw new Error(`${kind}: expected ${expected} records, got ${result.records.length}`);
  return result.records;
}

/** What one round found, checked to be the same every round. */
interface Outcome {
  readonly sittings: number;
  readonly sessions: number;
  readonly clashes: number;
  readonly seated: number;
  readonly unseated: number;
  readonly statementLines: number;
  readonly subjects: number;
  readonly issued: number;
  readonly certificateAuditLines: number;
}

const stepTimes = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
/** Each step's CPU time (this process, user + system): on a loaded machine the wall time is mostly waiting for a core. */
const stepCpu = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
let outcome: Outcome | undefined;

/** One whole centre, CSV to certificates; each step's wall time goes into `stepTimes`. */
function wholeCentre(): Outcome {
  const took: Partial<Record<Step, number>> = {};
  const tookCpu: Partial<Record<Step, number>> = {};
  let mark = performance.now();
  let cpuMark = process.cpuUsage();
  const lap = (step: Step): void => {
    const t = performance.now();
    const used = process.cpuUsage(cpuMark);
    took[step] = t - mark;
    tookCpu[step] = (used.user + used.system) / 1000;
    mark = t;
    cpuMark = process.cpuUsage();
  };

  const candidates = imported('candidates', centre.csv.candidates, centre.counts.candidates);
  const entries = imported('entries', centre.csv.entries, centre.counts.entries);
  const papers = imported('timetable', centre.csv.timetable, centre.counts.papers);
  const rooms = imported('rooms', centre.csv.rooms);
  const accessArrangements = imported('access_arrangements', centre.csv.accessArrangements);
  const results = imported('results', centre.csv.results, centre.counts.entries);
  lap('import');

  const timetable = buildCentreTimetable({ papers, entries, candidates, accessArrangements });
  if (timetable.issues.length > 0) throw new Error(`timetable: ${timetable.issues.length} issue(s), first: ${timetable.issues[0]!.message}`);
  lap('timetable');

  const clashes = findClashes(timetable, { rules });
  lap('clashes');

  const plans = timetable.sessions.map((session) => planSeating({ session, rooms }, { rules }));
  lap('seating');

  const store = createResultsStore({ rulesPack: jcq, series, now: () => now, entries, candidates, staff: centre.staff, qualifications: centre.qualifications });
  const loaded = store.addResults(results, officer, 'AQA results (CSV)');
  if (!loaded.ok) throw loaded.error;
  const added = loaded.value;
  if (added.issues.length > 0 || added.added !== results.length) throw new Error(`results: added ${added.added} of ${results.length}, ${added.issues.length} issue(s)`);
  lap('results store');

  let statementLines = 0;
  for (const c of candidates) {
    const read = store.statementOfResults(reader, c.id);
    if (!read.ok) throw read.error;
    const statement = read.value;
    if (statement.withheld.length > 0) throw new Error(`statement of ${c.id}: ${statement.withheld.length} level(s) withheld`);
    statementLines += statement.lines.length;
  }
  lap('statements');

  const analysisRead = store.resultsAnalysis(reader);
  if (!analysisRead.ok) throw analysisRead.error;
  const analysis = analysisRead.value;
  lap('analysis');

  const codesByCandidate = new Map<string, string[]>();
  for (const e of entries) {
    const codes = codesByCandidate.get(e.candidateId);
    if (codes === undefined) codesByCandidate.set(e.candidateId, [e.entryCode]);
    else codes.push(e.entryCode);
  }
  // An awarding body's delivery, recorded as one batch: received, checked, then issued to each candidate as they collect.
  const certificates = recordCertificates(
    candidates.map((c) => ({
      input: { certificate: { id: `CERT-${c.id}`, candidateId: c.id, seriesId: series.id, awardingBodyId: 'AQA', awardCodes: codesByCandidate.get(c.id) ?? [] }, rulesPack: jcq, series, createdAt: '2026-09-01T09:00:00+01:00', by: officer },
      events: [
        { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: officer },
        { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: officer, correct: true },
        { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by: officer, method: 'collected', to: c.id },
      ],
    })),
  );
  let issued = 0;
  let certificateAuditLines = 0;
  for (const certificate of certificates) {
    if (certificate.state === 'issued') issued += 1;
    certificateAuditLines += certificate.audit.length;
  }
  if (issued !== candidates.length) throw new Error(`certificates: ${issued} of ${candidates.length} issued`);
  lap('certificates');

  for (const s of STEPS) {
    stepTimes.get(s)!.push(took[s]!);
    stepCpu.get(s)!.push(tookCpu[s]!);
  }
  const found: Outcome = {
    sittings: timetable.candidates.reduce((t, c) => t + c.sittings.length, 0),
    sessions: timetable.sessions.length,
    clashes: clashes.length,
    seated: plans.reduce((t, p) => t + p.rooms.reduce((u, r) => u + r.seats.length, 0), 0),
    unseated: plans.reduce((t, p) => t + p.unseated.length, 0),
    statementLines,
    subjects: analysis.subjects.length,
    issued,
    certificateAuditLines,
  };
  if (outcome !== undefined && JSON.stringify(outcome) !== JSON.stringify(found)) throw new Error(`rounds disagree: ${JSON.stringify(outcome)} vs ${JSON.stringify(found)}`);
  outcome = found;
  return found;
}

/** The calibration loop's ms (`calibrate()`, which runs it in a child with `--no-concurrent-osr`), kept per round. */
const calibrations: number[] = [];
function calibrateRound(): number {
  const took = calibrate();
  calibrations.push(took);
  return took;
}

// The calibration is a contender of its own, interleaved with the rounds, so the figure scaled to an idle core
// divides by the machine's load while the rounds ran, not at some other moment of a shared machine. The heap is not
// settled between rounds: the goal is absolute, for a centre's run in a long-lived MIS process, whose heap is as
// earlier runs left it. (Settled, the median is higher, 283–344 ms scaled against 215: V8 shrinks the young
// generation after a full collection, so a round that starts from one collects more often.)
const [total] = await measure(
  [
    { name: 'whole centre, CSV to certificates', run: wholeCentre },
    { name: 'calibration loop (child process)', run: calibrateRound },
  ],
  { warmup, rounds, settle: false },
);
// The warm-up rounds recorded step times too; the table reads only the measured rounds.
for (const s of STEPS) {
  stepTimes.set(s, stepTimes.get(s)!.slice(warmup));
  stepCpu.set(s, stepCpu.get(s)!.slice(warmup));
}
const measuredCalibrations = calibrations.slice(warmup);
const calibrationMs = medianOf(measuredCalibrations);
const o = outcome!;
print(
  `found: ${fmt(o.sittings)} sittings in ${o.sessions} sessions, ${fmt(o.clashes)} clashes, ${fmt(o.seated)} seated (${fmt(o.unseated)} unseated), ${fmt(o.statementLines)} statement lines, ${o.subjects} subjects analysed, ${fmt(o.issued)} certificates issued (${fmt(o.certificateAuditLines)} audit lines)`,
);
print('');
print(`whole centre, CSV to certificates (${rounds} rounds after ${warmup} warm-up)`);
const medians = STEPS.map((s) => medianOf(stepTimes.get(s)!));
const sumOfMedians = medians.reduce((t, m) => t + m, 0);
const cpuMedians = STEPS.map((s) => medianOf(stepCpu.get(s)!));
const sumOfCpu = cpuMedians.reduce((t, m) => t + m, 0);
print(`  ${'step'.padEnd(16)} ${'median ms'.padStart(10)} ${'share'.padStart(7)} ${'median CPU ms'.padStart(14)} ${'CPU share'.padStart(10)}`);
STEPS.forEach((s, i) =>
  print(
    `  ${s.padEnd(16)} ${ms(medians[i]!).padStart(10)} ${`${((medians[i]! / sumOfMedians) * 100).toFixed(1)}%`.padStart(7)} ${ms(cpuMedians[i]!).padStart(14)} ${`${((cpuMedians[i]! / sumOfCpu) * 100).toFixed(1)}%`.padStart(10)}`,
  ),
);
print(`  ${'total'.padEnd(16)} min ${ms(total!.min)} / median ${ms(total!.median)} / max ${ms(total!.max)} ms (median CPU ${ms(total!.cpuMedian)} ms)`);
const scale = 200 / calibrationMs;
const scaled = total!.median * scale;
print(`  calibration loop, interleaved (child processes): ${measuredCalibrations.map(ms).join(', ')} ms, median ${ms(calibrationMs)} (~200 ms on an idle core)`);
print(`  scaled to an idle core (median × 200 / ${calibrationMs.toFixed(0)}): ${ms(scaled)} ms; goal < ${GOAL_MS} ms: ${scaled < GOAL_MS ? 'met' : 'NOT MET'}`);

writeSummary(new URL('..', import.meta.url), 'whole-centre', [
  row('examples', `whole centre, CSV to certificates, ${fmt(centre.counts.candidates)} candidates, ${fmt(centre.counts.entries)} entries`, [total!], total!.name, undefined, {
    maxMs: GOAL_MS,
    scale,
    text: `< ${GOAL_MS} ms scaled to an idle core`,
    calibrationMs,
    note: `scaled median ${ms(scaled)} ms; shares: ${STEPS.map((s, i) => `${s} ${((medians[i]! / sumOfMedians) * 100).toFixed(0)}%`).join(', ')}`,
  }),
]);
