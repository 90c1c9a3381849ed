/**
 * A synthetic centre's exam week (1–5 June 2026, no real personal data) under the JCQ rules pack: the
 * centre timetable and a personal timetable, the contingency-day check, every clash with its resolution
 * in the JCQ order (consecutive sitting, a same-day move, overnight supervision from Friday afternoon to
 * Saturday morning) applied back to the timetable so seating follows it, the seating plan and the
 * ratio-first invigilator deployment for Monday morning, two invigilator bookings under the pack's
 * `booking.*` roles (one accepted, one expiring on the clock), and Monday morning's exam-room record, whose very
 * late arrival, illness and malpractice become tasks on the exam-cycle machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createActor, SimulatedClock } from 'xstate';
import {
  academicYearOf,
  applyClashResolutions,
  buildCentreTimetable,
  collectAudit,
  contingencyDayCheck,
  deployInvigilators,
  examCycleMachine,
  examSeries,
  examTimeTasks,
  findClashes,
  invigilatorBookingMachine,
  logIncident,
  createSittingRecord,
  personalTimetable,
  planSeating,
  recordAbsence,
  recordArrival,
  recordDespatch,
  recordPacketCheck,
  recordPacketOpened,
  resolveClashes,
  seatingPlanRecord,
  sittingRecordIssues,
  statementOfEntry,
  taskAddEvents,
  toLondon,
  type AccessArrangement,
  type Actor,
  type AuditLine,
  type Candidate,
  type Entry,
  type Invigilator,
  type Room,
  type TimetabledPaper,
  type CalendarDate,
} from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';
import { attendanceRegisterPdf, candidateName, candidateTimetablePdf, deskCardsPdf, reportXlsx, roomBoardPdf, seatingPlanPdf, seatingPlanSvg, statementOfEntryPdf } from '@examcycle/documents';

const series = examSeries('june', 2026);
const officer: Actor = { id: 'eo-ahmed', role: 'exams_officer' };
const invigilatorA: Actor = { id: 'inv-a', role: 'invigilator' };

function gcse(id: string, title: string, date: CalendarDate, session: 'AM' | 'PM', durationMinutes: number): TimetabledPaper {
  return { id, seriesId: series.id, awardingBodyId: 'AQA', componentCode: id, title, level: 'GCSE', kind: 'written', date, session, startTime: session === 'AM' ? '09:00' : '13:30', durationMinutes };
}
function gce(id: string, title: string, date: CalendarDate, session: 'AM' | 'PM', durationMinutes: number): TimetabledPaper {
  return { ...gcse(id, title, date, session, durationMinutes), level: 'GCE' };
}

const papers: TimetabledPaper[] = [
  gcse('8702/1', 'GCSE English Literature 1', '2026-06-01', 'AM', 105),
  gcse('8461/1H', 'GCSE Biology 1H', '2026-06-01', 'PM', 105),
  gcse('8300/1H', 'GCSE Mathematics 1H', '2026-06-02', 'AM', 90),
  gcse('8382/1H', 'GCSE Statistics 1H', '2026-06-02', 'AM', 105),
  gcse('8035/1', 'GCSE Geography 1', '2026-06-03', 'AM', 90),
  gcse('8525/1', 'GCSE Computer Science 1', '2026-06-03', 'AM', 90),
  gcse('8145/1', 'GCSE History 1', '2026-06-04', 'PM', 120),
  gce('7357/1', 'A-level Mathematics 1', '2026-06-05', 'AM', 120),
  gce('7408/1', 'A-level Physics 1', '2026-06-05', 'AM', 120),
  gce('7405/1', 'A-level Chemistry 1', '2026-06-05', 'PM', 120),
];

function syntheticCentre(): { candidates: Candidate[]; entries: Entry[]; arrangements: AccessArrangement[] } {
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  const add = (n: number, code: string, components: string[]) =>
    entries.push({ id: `e-${n}-${code}`, candidateId: `c-${n}`, seriesId: series.id, awardingBodyId: 'AQA', entryCode: code, componentCodes: components, status: 'accepted', identityVerified: true });
  for (let n = 1; n <= 40; n++) {
    candidates.push({ id: `c-${n}`, centreNumber: '99999', candidateNumber: String(n).padStart(4, '0'), legalSurname: `Candidate${n}`, legalForenames: 'Sam', dateOfBirth: n <= 30 ? '2010-02-01' : '2008-02-01', kind: 'internal', contingencyDayNoticeGiven: n !== 25 && n !== 26 });
    if (n <= 30) {
      add(n, '8702', ['8702/1']);
      add(n, '8461H', ['8461/1H']);
      add(n, '8300H', ['8300/1H']);
      if (n <= 8) add(n, '8382H', ['8382/1H']);
      if (n >= 5 && n <= 15) add(n, '8035', ['8035/1']);
      if (n >= 10 && n <= 20) add(n, '8525', ['8525/1']);
      if (n >= 18) add(n, '8145', ['8145/1']);
    } else {
      add(n, '7357', ['7357/1']);
      if (n <= 35) add(n, '7408', ['7408/1']);
      if (n === 33 || n >= 36) add(n, '7405', ['7405/1']);
    }
  }
  const aa = (n: number, kind: AccessArrangement['kind'], extra: Partial<AccessArrangement> = {}): AccessArrangement => ({ id: `aa-${n}-${kind}`, candidateId: `c-${n}`, kind, approval: 'aao_approved', evidenceHeld: true, ...extra });
  const arrangements = [aa(3, 'reader'), aa(7, 'word_processor'), aa(12, 'extra_time', { extraTimePercent: 25 }), aa(20, 'extra_time', { extraTimePercent: 50 }), aa(33, 'extra_time', { extraTimePercent: 25 })];
  return { candidates, entries, arrangements };
}

const rooms: Room[] = [
  { id: 'hall', name: 'Main hall', rows: 8, columns: 8, seatPitchMetres: 1, rowPitchMetres: 1, disabledSeats: ['A1'], suitableFor: [] },
  { id: 'library', name: 'Library', rows: 5, columns: 6, seatPitchMetres: 1.25, rowPitchMetres: 1.3, disabledSeats: [], suitableFor: [] },
  { id: 's1', name: 'Room S1', rows: 2, columns: 2, seatPitchMetres: 1.5, rowPitchMetres: 1.5, disabledSeats: [], suitableFor: ['reader', 'scribe', 'separate_invigilation'] },
];

const invigilators: Invigilator[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => ({
  id: `inv-${x}`,
  name: `Invigilator ${x.toUpperCase()}`,
  trainedOn: '2023-05-10',
  lastUpdateOn: x === 'e' ? '2024-10-02' : '2025-10-01',
  availability: [{ date: '2026-06-01', session: 'AM' as const }],
  relativeOfCandidateIds: x === 'c' ? ['c-10'] : [],
  facilitator: x === 'f',
}));

/** Where the exam week's documents go when no folder is given (git-ignored). */
const DEFAULT_OUT_DIR = fileURLToPath(new URL('../.data/exam-week-documents', import.meta.url));

/** Options of the exam-week example. */
export interface ExamWeekOptions {
  /**
   * The folder the week's documents (seating plans, registers, desk cards, boards, statements of entry, timetables, a workbook) are written to.
   * @default examples/.data/exam-week-documents
   */
  readonly outDir?: string;
}

/** Runs the exam week and prints what happens. */
export async function main(print: (line: string) => void, { outDir = DEFAULT_OUT_DIR }: ExamWeekOptions = {}): Promise<void> {
  const rules = jcq.examRoomRules(academicYearOf('2026-06-01'));
  const { candidates, entries, arrangements } = syntheticCentre();

  print('== Centre timetable, week of 1 June 2026 ==');
  const timetable = buildCentreTimetable({ papers, entries, candidates, accessArrangements: arrangements });
  for (const s of timetable.sessions) print(`  ${s.key}  ${String(s.candidateCount).padStart(2)} candidates  ${s.paperIds.join(', ')}`);
  const personal = personalTimetable(timetable, 'c-33');
  print(`  Personal timetable of ${personal.candidateNumber} (${personal.allowance.extraTimePercent}% extra time):`);
  for (const d of personal.days) for (const l of d.lines) print(`    ${l.date} ${l.session} ${l.startTime}  ${l.paper.title}  until ${toLondon(l.finishesAt).toFormat('HH:mm')}`);

  const contingency = contingencyDayCheck(timetable, jcq.keyDates(series));
  print(`  Last contingency day: ${contingency.lastContingencyDay[series.id]}; not told to stay available: ${contingency.flagged.map((f) => f.candidateNumber).join(', ')}`);

  print('');
  print('== Clashes and their resolutions (JCQ order) ==');
  const clashes = findClashes(timetable, { rules });
  const resolutions = resolveClashes(clashes, timetable, { rules });
  const shown = new Set<string>();
  for (const r of resolutions) {
    // One line per kind of outcome is enough; the rest follow the same pattern.
    const key = `${r.clash.kind}|${r.clash.date}|${r.recommended?.kind ?? 'none'}|${r.clash.overLimit}`;
    if (shown.has(key)) continue;
    shown.add(key);
    print(`  ${r.clash.candidateNumber} ${r.clash.date} ${r.clash.session ?? 'day'}: ${r.clash.explanation}`);
    print(`    -> ${r.recommended ? `${r.recommended.kind}: ${r.recommended.explanation}` : 'no resolution within the rules: ask the awarding body for a timetable variation'}`);
    for (const m of r.recommended?.moves ?? []) print(`       move ${m.paperId} ${m.from.date} ${m.from.session} -> ${m.to.date} ${m.to.session} (${m.direction})`);
    if (r.recommended?.kind === 'overnight_supervision') for (const c of r.recommended.conditions) print(`       condition: ${c}`);
  }
  print(`  (${clashes.length} clashes in all)`);
  // Applying the recommendations moves the candidates' papers; seating and registers follow the applied timetable.
  const { timetable: applied, results } = applyClashResolutions(timetable, resolutions);
  print(`  Applied ${results.filter((r) => r.applied).length} of ${results.length} recommendations to the timetable`);
  for (const r of results.filter((x) => x.applied && x.changed.some((c) => c.paperId === '8300/1H')).slice(0, 1)) print(`    ${r.explanation}`);
  for (const r of results.filter((x) => !x.applied)) print(`    not applied: ${r.explanation}`);
  const tuesdayPm = applied.sessions.find((s) => s.key === '2026-06-02.PM');
  if (tuesdayPm) {
    const moved = planSeating({ session: tuesdayPm, rooms }, { rules });
    print(`  Seated on 2 June PM for papers moved there: ${moved.rooms.flatMap((r) => r.seats.map((x) => `${x.candidateNumber} (${x.paperIds.join(', ')}) in ${r.roomName}`)).join('; ')}`);
  }

  print('');
  print('== Seating, Monday 1 June AM ==');
  const monday = applied.sessions.find((s) => s.key === '2026-06-01.AM')!;
  const plan = planSeating({ session: monday, rooms }, { rules });
  for (const line of plan.explanation) print(`  ${line}`);
  for (const r of plan.rooms) print(`  ${r.roomName} (${r.use}): ${r.seats.map((s) => `${s.seat}=${s.candidateNumber}${s.arrangementKinds.length ? `[${s.arrangementKinds.join('+')}]` : ''}`).join(' ')}`);
  for (const u of plan.unseated) print(`  unseated ${u.candidateNumber}: ${u.reason}`);
  const retention = jcq.retention(seatingPlanRecord(plan, { createdAt: '2026-06-01T08:30:00+01:00', seriesId: series.id }));
  print(`  Seating plan retention: ${retention.reason} (${retention.confidence})`);

  print('');
  print('== Invigilators, Monday 1 June AM ==');
  const deployment = deployInvigilators({ plan, invigilators, summonHelp: { hall: 'radio' } }, { rules });
  for (const line of deployment.explanation) print(`  ${line}`);
  for (const n of deployment.notEligible) print(`  not eligible: ${n.reason}`);
  for (const s of deployment.shortfalls) print(`  SHORTFALL: ${s.reason}`);
  for (const i of deployment.issues) print(`  issue: ${i.message}`);

  print('');
  print('== Invigilator bookings ==');
  const clock = new SimulatedClock();
  const bookingAudit = new Map<string, AuditLine[]>();
  const offer = (invigilatorId: string) => {
    const actor = createActor(invigilatorBookingMachine, {
      clock,
      input: { bookingId: `${invigilatorId}-2026-06-01-AM`, invigilatorId, date: '2026-06-01', session: 'AM', offeredAt: '2026-05-11T09:00:00+01:00', respondBy: '2026-05-18T17:00:00+01:00', by: officer, rulesPack: jcq },
    });
    bookingAudit.set(`${invigilatorId}-2026-06-01-AM`, collectAudit(actor)); // a host with a store appends these to its log
    return actor.start();
  };
  const b = offer('inv-b');
  const d = offer('inv-d');
  b.send({ type: 'accept', at: '2026-05-12T19:30:00+01:00', by: { id: 'inv-b', role: 'invigilator' } });
  d.send({ type: 'accept', at: '2026-05-12T19:31:00+01:00', by: { id: 'inv-b', role: 'invigilator' } }); // not inv-d's booking: refused
  d.send({ type: 'cancel', at: '2026-05-12T19:32:00+01:00', by: { id: 't-9', role: 'teacher' } }); // a teacher may not cancel: not_authorised
  clock.increment(toLondon('2026-05-18T17:00:00+01:00').toMillis() - toLondon('2026-05-11T09:00:00+01:00').toMillis());
  for (const actor of [b, d]) {
    const snap = actor.getSnapshot();
    print(`  ${snap.context.bookingId}: ${String(snap.value)}`);
    for (const a of bookingAudit.get(snap.context.bookingId) ?? []) print(`    ${a.at} ${a.event} by ${a.by?.id ?? '-'}: ${a.outcome}${a.reason ? ` (${a.reason})` : ''}`);
  }

  print('');
  print('== Exam-room record, Main hall, Monday 1 June AM ==');
  const hallPlan = plan.rooms.find((r) => r.roomId === 'hall')!;
  let record = createSittingRecord({ date: '2026-06-01', session: 'AM', seatingPlanUsed: hallPlan, papers: papers.filter((p) => p.id === '8702/1') });
  record = recordPacketCheck(record, { paperId: '8702/1', checkedAt: '2026-06-01T08:40:00+01:00', checkedBy: [officer, invigilatorA] });
  record = recordPacketOpened(record, { paperId: '8702/1', openedAt: '2026-06-01T08:55:00+01:00', by: invigilatorA });
  for (const line of record.register) {
    const n = Number(line.candidateNumber);
    if (n === 16) record = recordAbsence(record, { candidateId: line.candidateId, paperId: line.paperId, at: '2026-06-01T10:00:00+01:00', by: invigilatorA });
    else {
      const arrivedAt = n === 11 ? '2026-06-01T10:10:00+01:00' : n === 14 ? '2026-06-01T09:20:00+01:00' : '2026-06-01T08:50:00+01:00';
      record = recordArrival(record, { candidateId: line.candidateId, paperId: line.paperId, arrivedAt, by: invigilatorA }, rules);
    }
  }
  record = logIncident(record, { id: 'inc-1', at: '2026-06-01T09:35:00+01:00', by: invigilatorA, kind: 'malpractice', description: 'Mobile phone found in pocket', candidateIds: ['c-21'], paperId: '8702/1', specialConsideration: false });
  record = logIncident(record, { id: 'inc-2', at: '2026-06-01T10:05:00+01:00', by: invigilatorA, kind: 'illness', description: 'Felt faint, left the room for 15 minutes', candidateIds: ['c-22'], paperId: '8702/1', specialConsideration: true });
  record = recordDespatch(record, { paperIds: ['8702/1'], scriptCount: record.register.filter((l) => l.status !== 'absent').length, at: '2026-06-01T14:00:00+01:00', by: officer, method: 'Parcelforce yellow label', reference: 'YL-0001' });
  for (const l of record.register.filter((x) => x.status !== 'present')) print(`  ${l.candidateNumber} ${l.status}: ${l.explanation ?? ''}`);
  print(`  open issues: ${sittingRecordIssues(record).length}`);

  const tasks = examTimeTasks(record, { rulesPack: jcq });
  const cycle = createActor(examCycleMachine, { input: { centre: { centreNumber: '99999', name: 'Synthetic Community College' }, series, rulesPack: jcq, startedAt: '2025-09-01T08:30:00+01:00', by: officer } }).start();
  for (const e of taskAddEvents(tasks, '2026-06-01T16:00:00+01:00', officer)) cycle.send(e);
  print('  Tasks added to the exam cycle:');
  for (const t of cycle.getSnapshot().context.tasks.filter((x) => tasks.some((y) => y.id === x.id))) print(`    ${t.id}  due ${t.dueAt}  ${t.title}`);

  print('');
  print('== Documents, Monday 1 June AM ==');
  // The exam room runs on paper: every document is drawn from the records above (@examcycle/documents).
  const centre = { centreNumber: '99999', name: 'Synthetic Community College' };
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(outDir, name), bytes);
    written.push(name);
  };
  const createdAt = '2026-05-29T16:00:00+01:00'; // printed on the Friday before: the files carry no clock reading
  for (const roomPlan of plan.rooms) {
    const room = rooms.find((r) => r.id === roomPlan.roomId)!;
    const input = { centre, plan, room, candidates, papers };
    write(`seating-plan-${room.id}.svg`, seatingPlanSvg(input));
    write(`seating-plan-${room.id}.pdf`, await seatingPlanPdf(input, { createdAt }));
    write(`board-${room.id}.pdf`, await roomBoardPdf({ centre, plan, roomId: room.id, sittings: monday.sittings, papers }, { createdAt }));
  }
  // The hall's register as marked during the exam; the other rooms' registers as printed beforehand.
  const registers = plan.rooms.map((r) => (r.roomId === record.roomId ? record : createSittingRecord({ date: plan.date, session: plan.session, seatingPlanUsed: r, papers: papers.filter((p) => r.paperIds.includes(p.id)) })));
  write('registers.pdf', await attendanceRegisterPdf({ centre, records: registers, candidates }, { createdAt }));
  write('desk-cards.pdf', await deskCardsPdf({ centre, plan, candidates, papers }, { createdAt }));
  write('statements-of-entry.pdf', await statementOfEntryPdf({ centre, statements: applied.candidates.map((c) => statementOfEntry(applied, c.candidateId)) }, { createdAt }));
  write('timetables.pdf', await candidateTimetablePdf({ centre, timetables: applied.candidates.map((c) => personalTimetable(applied, c.candidateId)), plans: [plan] }, { createdAt }));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const seatRows = plan.rooms.flatMap((r) => r.seats.map((s) => ({ room: r.roomName, seat: s.seat, candidate: byId.get(s.candidateId)!, papers: s.paperIds.join(', ') })));
  write(
    'seating-plan.xlsx',
    await reportXlsx(
      {
        name: `Seating ${plan.id}`,
        columns: [
          { header: 'Date', value: () => plan.date },
          { header: 'Session', value: () => plan.session },
          { header: 'Room', value: (r: (typeof seatRows)[number]) => r.room },
          { header: 'Seat', value: (r) => r.seat },
          { header: 'CandidateNumber', value: (r) => r.candidate.candidateNumber, type: 'text' },
          { header: 'CandidateName', value: (r) => candidateName(r.candidate) },
          { header: 'Papers', value: (r) => r.papers },
        ],
        rows: seatRows,
      },
      { createdAt },
    ),
  );
  print(`  Wrote ${written.length} documents to ${outDir}:`);
  for (const name of written) print(`    ${name}`);
}
