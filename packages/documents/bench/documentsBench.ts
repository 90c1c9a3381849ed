/**
 * The documents benchmark:
 *
 * 1. A 300-seat hall's seating plan (280 candidates seated by core's planner), as SVG and as a one-page
 *    PDF, against the same plan written as CSV by adapter-csv (`exportCsv('seating_plan')`).
 * 2. A 2,000-candidate centre's full set of attendance registers (ten sessions, four 300-seat halls, two
 *    papers a session: 10,000 register lines) as one PDF, against the same lines written as CSV
 *    (`exportCsv('attendance_register')`).
 *
 * The baseline is what an exams office has today: the same text as a CSV file, written by the project's
 * own exporter (no layout, no fonts). Each contender runs the same untimed warm-up rounds and the same
 * timed rounds, interleaved round after round on the same input in memory (the package's copy of the
 * house harness, `measure.ts`); min, median and max are printed with pages per second (a CSV "page" is
 * the PDF's page count over the same rows, so the two rates compare), the machine's load average and a
 * calibration loop with the figures, and the rows are left in `.bench-out/` for `npm run bench`'s
 * closing table.
 *
 * Run: `npm run bench -w @examcycle/documents` (BENCH_ROUNDS timed rounds, 5 by default; BENCH_WARMUP
 * warm-up rounds, 1 by default; BENCH_CANDIDATES for the centre, 2,000 by default).
 */
import { loadavg } from 'node:os';
import {
  buildCentreTimetable,
  createSittingRecord,
  planSeating,
  type Candidate,
  type Entry,
  type Room,
  type SittingRecord,
  type TimetabledPaper,
} from '@examcycle/core';
import { exportCsv, type AttendanceRegisterRow, type SeatingPlanRow } from '@examcycle/adapter-csv';
import { attendanceRegisterPdf, candidateName, seatingPlanPdf, seatingPlanSvg } from '@examcycle/documents';
import { PAPERS, ROOMS, RULES, syntheticCentre } from '../test/fixtures/syntheticCentre.js';
import { calibrate, knob, measure, printTable, row, writeSummary, type Contender } from '../../../scripts/bench/measure.js';

const ROUNDS = knob('BENCH_ROUNDS', 5);
const WARMUP = knob('BENCH_WARMUP', 1);
const CANDIDATES = knob('BENCH_CANDIDATES', 2000);

/** PDF pages: counts `/Type /Page` objects (not `/Pages`). */
function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

// 1. The 300-seat hall.
const hallCentre = syntheticCentre(280);
const hall = ROOMS.find((r) => r.id === 'hall')!;
const hallInput = { centre: { centreNumber: '99999' }, plan: hallCentre.plan, room: hall, candidates: hallCentre.candidates, papers: PAPERS };
const hallPlan = hallCentre.plan.rooms.find((r) => r.roomId === 'hall')!;
const byId = new Map(hallCentre.candidates.map((c) => [c.id, c]));
const paperById = new Map(PAPERS.map((p) => [p.id, p]));
const seatRows: SeatingPlanRow[] = hallPlan.seats.map((s) => {
  const p = paperById.get(s.paperIds[0]!)!;
  return { date: hallCentre.plan.date, session: hallCentre.plan.session, startTime: p.startTime, room: hallPlan.roomName, seat: s.seat, candidateNumber: s.candidateNumber, candidateName: candidateName(byId.get(s.candidateId)!), componentCode: p.componentCode, componentTitle: p.title, awardingBody: p.awardingBodyId, durationMinutes: p.durationMinutes };
});
const hallContenders: Contender[] = [
  { name: 'CSV (adapter-csv exportCsv)', run: () => exportCsv('seating_plan', seatRows) },
  { name: 'seatingPlanSvg', run: () => seatingPlanSvg(hallInput) },
  { name: 'seatingPlanPdf', run: () => seatingPlanPdf(hallInput) },
];

// 2. A 2,000-candidate centre: ten sessions of two papers, each sat by half the session's candidates.
function centre(count: number): { records: SittingRecord[]; candidates: Candidate[] } {
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  const papers: TimetabledPaper[] = [];
  const days = ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15'] as const;
  for (const [d, date] of days.entries()) {
    for (const session of ['AM', 'PM'] as const) {
      for (const k of [0, 1]) {
        const code = `9${d}${session === 'AM' ? 0 : 1}${k}/1`;
        papers.push({ id: code, seriesId: 'june-2026', awardingBodyId: 'AQA', componentCode: code, title: `Paper ${code}`, level: 'GCSE', kind: 'written', date, session, startTime: session === 'AM' ? '09:00' : '13:30', durationMinutes: 90 });
      }
    }
  }
  for (let i = 1; i <= count; i++) {
    candidates.push({ id: `c-${i}`, centreNumber: '99999', candidateNumber: String(i).padStart(4, '0'), legalSurname: `Surname${i}`, legalForenames: 'Sam', dateOfBirth: '2010-02-01', kind: 'internal' });
    // Each candidate sits one paper in half the sessions: five papers, 10,000 lines for 2,000 candidates.
    for (let s = i % 2; s < 10; s += 2) {
      const paper = papers[s * 2 + ((i >> 1) % 2)]!;
      entries.push({ id: `e-${i}-${s}`, candidateId: `c-${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: paper.componentCode.slice(0, 4), componentCodes: [paper.componentCode], status: 'accepted', identityVerified: true });
    }
  }
  const rooms: Room[] = [1, 2, 3, 4].map((n) => ({ id: `hall${n}`, name: `Hall ${n}`, rows: 20, columns: 15, seatPitchMetres: 1.25, rowPitchMetres: 1.25, disabledSeats: [], suitableFor: [] }));
  const timetable = buildCentreTimetable({ papers, entries, candidates });
  const records: SittingRecord[] = [];
  for (const session of timetable.sessions) {
    const plan = planSeating({ session, rooms }, { rules: RULES });
    if (plan.unseated.length) throw new Error(`${plan.unseated.length} unseated in ${plan.id}`);
    for (const r of plan.rooms) records.push(createSittingRecord({ date: plan.date, session: plan.session, seatingPlanUsed: r, papers: papers.filter((p) => r.paperIds.includes(p.id)) }));
  }
  return { records, candidates };
}
const big = centre(CANDIDATES);
const bigById = new Map(big.candidates.map((c) => [c.id, c]));
const registerRows: AttendanceRegisterRow[] = big.records.flatMap((r) =>
  r.papers.flatMap((p) => r.register.filter((l) => l.paperId === p.id).map((l) => ({ date: r.date, session: r.session, room: r.seatingPlanUsed.roomName, awardingBody: p.awardingBodyId, componentCode: p.componentCode, componentTitle: p.title, seat: l.seat, candidateNumber: l.candidateNumber, candidateName: candidateName(bigById.get(l.candidateId)!) }))),
);
const registerContenders: Contender[] = [
  { name: 'CSV (adapter-csv exportCsv)', run: () => exportCsv('attendance_register', registerRows) },
  { name: 'attendanceRegisterPdf', run: () => attendanceRegisterPdf({ centre: { centreNumber: '99999' }, records: big.records, candidates: big.candidates }) },
];

const calibrationMs = calibrate();
process.stdout.write(`documents bench: ${WARMUP} warm-up round(s), ${ROUNDS} timed round(s), interleaved; Node ${process.version}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; calibration loop ${calibrationMs.toFixed(0)} ms (≈200 on an idle core)\n\n`);
const hallPages = pageCount(await seatingPlanPdf(hallInput));
const hallTimings = await measure(hallContenders, { warmup: WARMUP, rounds: ROUNDS });
printTable(`1. A 300-seat hall's seating plan (${hallPlan.seats.length} candidates, ${hallPages} page)`, hallTimings, 'CSV (adapter-csv exportCsv)', hallPages, 'pages');
const registerPages = pageCount(await attendanceRegisterPdf({ centre: { centreNumber: '99999' }, records: big.records, candidates: big.candidates }));
const registerTimings = await measure(registerContenders, { warmup: WARMUP, rounds: ROUNDS });
process.stdout.write('\n');
printTable(`2. A ${CANDIDATES.toLocaleString('en-GB')}-candidate centre's registers (${registerRows.length.toLocaleString('en-GB')} lines, ${big.records.length} sittings, ${registerPages} pages)`, registerTimings, 'CSV (adapter-csv exportCsv)', registerPages, 'pages');
const pagesPerSecond = (t: { median: number }, pages: number) => `${(pages / (t.median / 1000)).toFixed(1)} pages/s`;
writeSummary(new URL('..', import.meta.url), 'documents', [
  row('documents', 'seatingPlanSvg (300-seat hall, 1 page)', hallTimings, 'seatingPlanSvg', 'CSV (adapter-csv exportCsv)', { calibrationMs, note: `${pagesPerSecond(hallTimings[1]!, hallPages)}; the baseline is the same plan as CSV text` }),
  row('documents', 'seatingPlanPdf (300-seat hall, 1 page)', hallTimings, 'seatingPlanPdf', 'CSV (adapter-csv exportCsv)', { calibrationMs, note: `${pagesPerSecond(hallTimings[2]!, hallPages)}; fonts embedded, every name shaped` }),
  row('documents', `attendanceRegisterPdf (${CANDIDATES} candidates, ${registerPages} pages)`, registerTimings, 'attendanceRegisterPdf', 'CSV (adapter-csv exportCsv)', { calibrationMs, note: pagesPerSecond(registerTimings[1]!, registerPages) }),
]);
process.stdout.write(`\nload average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
