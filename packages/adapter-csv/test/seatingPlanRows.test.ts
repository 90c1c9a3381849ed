import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  buildCentreTimetable,
  isExamcycleError,
  planSeating,
  type AccessArrangement,
  type Candidate,
  type Entry,
  type ExamRoomRules,
  type Room,
  type SourceRef,
  type TimetabledPaper,
} from '@examcycle/core';
import { exportCsv, seatingPlanRows, type SeatingPlanRow } from '@examcycle/adapter-csv';
// The re-read goes through adapter-csv's own reader (csv-parse as the importer sets it) and formula guard.
import { restoreFormula } from '../src/internal/formulaGuard.js';
import { RowReader } from '../src/internal/RowReader.js';

/** Exam-room values as the core test fixture pack has them (JCQ ICE 2025/26 spacing and ratios). */
const SRC: SourceRef = { document: 'examcycle adapter-csv test fixture (values of the core fixture pack)', year: '2025/26' };
const s = <T,>(value: T) => ({ value, source: SRC, confidence: 'primary' as const });
const rules: ExamRoomRules = {
  consecutiveSessionMaxMinutes: s(180),
  overnightThresholdMinutes: s({ GCSE: 330, GCE: 360 }),
  invigilationRatio: s({ written: 30, practical: 20, on_screen: 20 }),
  seatSpacingMetres: s(1.25),
  veryLateAfterStartMinutes: s(60),
  veryLateLongExamMinutes: s(60),
  overnightSupervisionConditions: s(['last resort']),
  separateRoomArrangements: s(['reader', 'computer_reader', 'scribe', 'prompter', 'rest_breaks', 'word_processor', 'separate_invigilation', 'practical_assistant'] as const),
  veryLateArrivalReportWorkingDays: s(7),
  specialConsiderationWorkingDays: s(7),
};

const paper = (id: string, componentCode: string, title: string, awardingBodyId: string, durationMinutes: number): TimetabledPaper => ({
  id, seriesId: 'june-2026', awardingBodyId, componentCode, title, level: 'GCSE', kind: 'written', date: '2026-05-21', session: 'AM', startTime: '09:00', durationMinutes,
});
const papers = [paper('aqa-8300-1h', '8300/1H', 'Mathematics Paper 1 (Higher)', 'AQA', 90), paper('ocr-j260-01', 'J260/01', 'Combined Science Biology F', 'OCR', 70)];
const candidate = (n: number, legalSurname: string, legalForenames: string): Candidate => ({
  id: `c${n}`, centreNumber: '68199', candidateNumber: String(n).padStart(4, '0'), legalSurname, legalForenames, dateOfBirth: '2010-01-15', kind: 'internal',
});
const entry = (candidateId: string, p: TimetabledPaper): Entry => ({
  id: `${candidateId}-${p.id}`, candidateId, seriesId: 'june-2026', awardingBodyId: p.awardingBodyId, entryCode: p.componentCode.slice(0, 4), componentCodes: [p.componentCode], status: 'submitted', identityVerified: false,
});
const rooms: Room[] = [
  { id: 'hall', name: 'Sports Hall', rows: 4, columns: 5, seatPitchMetres: 1.25, rowPitchMetres: 1.25, disabledSeats: [], suitableFor: [] },
  { id: 'r7', name: 'Room 7 (reader)', rows: 1, columns: 1, seatPitchMetres: 1.25, rowPitchMetres: 1.25, disabledSeats: [], suitableFor: ['reader'] },
];
const awardingBodies = [{ id: 'AQA', name: 'AQA' }, { id: 'OCR', name: 'OCR' }];

function centre(names: readonly (readonly [string, string])[], arrangements: AccessArrangement[] = []) {
  const candidates = names.map(([surname, forenames], i) => candidate(i + 1, surname, forenames));
  const entries = candidates.map((c, i) => entry(c.id, papers[i % 2]!));
  const timetable = buildCentreTimetable({ papers, candidates, entries, accessArrangements: arrangements });
  const plan = planSeating({ session: timetable.sessions[0]!, rooms }, { rules });
  return { timetable, plan };
}

/** Reads a report back with adapter-csv's reader: header → object, guard undone, numbers and lists as written. */
function reread(csv: string): SeatingPlanRow[] {
  const lines: string[][] = [];
  const reader = new RowReader((cells) => lines.push(cells), 1_000_000);
  reader.write(new TextEncoder().encode(csv));
  reader.end();
  const [header, ...body] = lines.filter((l) => !(l.length === 1 && l[0] === ''));
  return body.map((cells) => {
    const cell = (h: string) => restoreFormula(cells[header!.indexOf(h)] ?? '');
    const row: SeatingPlanRow = {
      date: cell('Date'), session: cell('Session') as 'AM' | 'PM', startTime: cell('StartTime'), room: cell('Room'), seat: cell('SeatCode'),
      candidateNumber: cell('CandidateNumber'), candidateName: cell('CandidateName'), componentCode: cell('ComponentCode'), componentTitle: cell('ComponentTitle'),
      awardingBody: cell('AwardingBody'), durationMinutes: Number(cell('DurationMins')),
      ...(cell('ExtraTimePercent') !== '' ? { extraTimePercent: Number(cell('ExtraTimePercent')) } : {}),
      ...(cell('Arrangements') !== '' ? { arrangements: cell('Arrangements').split('; ') } : {}),
    };
    return row;
  });
}

const arrangements: AccessArrangement[] = [
  { id: 'a1', candidateId: 'c1', kind: 'extra_time', extraTimePercent: 25, approval: 'aao_approved', evidenceHeld: true },
  { id: 'a2', candidateId: 'c2', kind: 'reader', approval: 'aao_approved', evidenceHeld: true },
  { id: 'a3', candidateId: 'c2', kind: 'extra_time', extraTimePercent: 50, approval: 'aao_approved', evidenceHeld: true },
];

describe('seatingPlanRows', () => {
  it('names the room, the paper, the awarding body and the candidate of every seat, with extra time and arrangements', () => {
    const { timetable, plan } = centre([['Jones', 'Siân'], ['Ap Gruffydd', 'Ffion'], ['Nowak', 'Łukasz'], ['Okafor', '']], arrangements);
    const rows = seatingPlanRows(plan, { timetable, awardingBodies });
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      date: '2026-05-21', session: 'AM', startTime: '09:00', room: 'Room 7 (reader)', seat: 'A1', candidateNumber: '0002', candidateName: 'AP GRUFFYDD: Ffion',
      componentCode: 'J260/01', componentTitle: 'Combined Science Biology F', awardingBody: 'OCR', durationMinutes: 70, extraTimePercent: 50, arrangements: ['Extra time', 'Reader'],
    });
    expect(rows.slice(1).map((r) => [r.room, r.seat, r.candidateNumber, r.candidateName, r.componentCode, r.extraTimePercent ?? null, r.arrangements ?? null])).toEqual([
      ['Sports Hall', 'A1', '0001', 'JONES: Siân', '8300/1H', 25, ['Extra time']],
      ['Sports Hall', 'A2', '0003', 'NOWAK: Łukasz', '8300/1H', null, null],
      ['Sports Hall', 'A4', '0004', 'OKAFOR', 'J260/01', null, null],
    ]);
  });

  it('prints names and arrangement words the host chooses', () => {
    const { timetable, plan } = centre([['Jones', 'Siân']], arrangements.slice(0, 1));
    const [row] = seatingPlanRows(plan, { timetable, candidateName: (c) => `${c.legalForenames} ${c.legalSurname}`, arrangementWords: { extra_time: 'ET 25%' } as never });
    expect(row).toMatchObject({ candidateName: 'Siân Jones', arrangements: ['ET 25%'], awardingBody: 'AQA' });
  });

  it('refuses a plan made from another timetable with a typed invalid_value', () => {
    const { plan } = centre([['Jones', 'Siân']]);
    const other = centre([['Evans', 'Rhys'], ['Khan', 'Aisha']]).timetable;
    const stranger = { ...other, candidates: [] };
    const error = (() => {
      try {
        seatingPlanRows(plan, { timetable: stranger });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isExamcycleError(error) && error.code).toBe('invalid_value');
    expect(() => seatingPlanRows({ ...plan, id: '2026-05-22.PM' }, { timetable: other })).toThrow(/no session 2026-05-22.PM/);
  });

  it('goes through the seating plan export and reads back as the same rows (formula guard undone)', () => {
    const { timetable, plan } = centre([['=HYPERLINK("x")', 'Siân'], ['Ap Gruffydd', '@Ffion'], ["O'Brien", 'Zoë, Anne'], ['+44', '-Ed "the" one']], arrangements);
    const rows = seatingPlanRows(plan, { timetable, awardingBodies });
    const csv = exportCsv('seating_plan', rows, { bom: false });
    expect(csv).toContain(`"'=HYPERLINK(""X""): Siân"`);
    expect(reread(csv)).toEqual(rows);
  });

  const name = fc.string({ unit: fc.constantFrom('a', 'Z', 'â', 'ŷ', ' ', ',', '"', "'", '=', '+', '-', '@', ';', '\n', 'Ł'), minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== '');
  fcTest.prop([fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 24 }), fc.subarray(arrangements)], { seed: 20261203, numRuns: 60 })(
    'any real plan round-trips: planSeating → rows → CSV → adapter-csv reader is the rows',
    (names, given) => {
      const { timetable, plan } = centre(names, given);
      const rows = seatingPlanRows(plan, { timetable, awardingBodies });
      expect(rows.length).toBe(plan.rooms.reduce((n, r) => n + r.seats.reduce((m, seat) => m + seat.paperIds.length, 0), 0));
      expect(reread(exportCsv('seating_plan', rows))).toEqual(rows);
    },
  );
});
