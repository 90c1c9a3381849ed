import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  buildCentreTimetable,
  parseSeatCode,
  planSeating,
  roomLayout,
  seatCode,
  seatingPlanRecord,
  type AccessArrangement,
  type AccessArrangementKind,
  type ExamRoomRules,
  type Room,
  type SeatingPlan,
  type TimetableSession,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { arrangement, candidate, entry, paper, room } from './centreFixture.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');

describe('seatCode / parseSeatCode', () => {
  it('names seats by row letter from the front and column number', () => {
    expect([seatCode(0, 0), seatCode(1, 9), seatCode(25, 0), seatCode(26, 2)]).toEqual(['A1', 'B10', 'Z1', 'AA3']);
    expect(parseSeatCode('AA3')).toEqual({ row: 26, column: 2 });
    expect(parseSeatCode('3A')).toBeUndefined();
  });
  fcTest.prop([fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 99 })])('a seat code reads back as its row and column', (row, column) => {
    expect(parseSeatCode(seatCode(row, column))).toEqual({ row, column });
  });
});

describe('roomLayout', () => {
  it('uses every seat when the pitch is at least 1.25 m centre to centre', () => {
    expect(roomLayout(room('hall', 3, 4), 1.25).seats).toHaveLength(12);
  });
  it('uses every other seat of every row, staggered, when the pitch is 1 m both ways (the diagonal is 1.41 m)', () => {
    expect(roomLayout(room('r', 3, 4, { seatPitchMetres: 1, rowPitchMetres: 1 }), 1.25).seats.map((s) => s.code)).toEqual(['A1', 'A3', 'B2', 'B4', 'C1', 'C3']);
  });
  it('uses every other row when rows are closer than the spacing and seats are not', () => {
    const l = roomLayout(room('r', 4, 3, { seatPitchMetres: 1.3, rowPitchMetres: 0.7 }), 1.25);
    expect(l.seats.map((s) => s.code)).toEqual(['A1', 'A2', 'A3', 'C1', 'C2', 'C3']);
    expect(l.skippedForSpacing).toBe(6);
  });
  it('leaves switched-off seats empty and reports seat codes outside the grid', () => {
    const l = roomLayout(room('r', 2, 2, { disabledSeats: ['A1', 'B2', 'Q9'] }), 1.25);
    expect(l.seats.map((s) => s.code)).toEqual(['A2', 'B1']);
    expect(l.disabledSeats).toBe(2);
    expect(l.issues).toEqual([expect.stringMatching(/"Q9" is not in the 2 × 2 grid/)]);
  });
  it('never holds more than the room capacity', () => {
    const l = roomLayout(room('r', 5, 5, { capacity: 7 }), 1.25);
    expect(l.seats).toHaveLength(7);
    expect(l.cappedByCapacity).toBe(18);
  });
  it('works a room out once per spacing, and again when the room is changed', () => {
    const r = { ...room('r', 3, 3), disabledSeats: [] as string[] };
    const first = roomLayout(r, 1.25);
    expect(roomLayout(r, 1.25)).toBe(first);
    expect(roomLayout(r, 2.5).seats.map((s) => s.code)).toEqual(['A1', 'A3', 'C1', 'C3']);
    r.disabledSeats.push('B2');
    expect(roomLayout(r, 1.25).seats.map((s) => s.code)).toEqual(['A1', 'A2', 'A3', 'B1', 'B3', 'C1', 'C2', 'C3']);
    (r as { rows: number }).rows = 1;
    expect(roomLayout(r, 1.25).seats.map((s) => s.code)).toEqual(['A1', 'A2', 'A3']);
  });
  fcTest.prop([fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.4, max: 2, noNaN: true }), fc.double({ min: 0.4, max: 2, noNaN: true })])(
    'every usable seat is at least the spacing from every other',
    (rows, columns, sp, rp) => {
      const seats = roomLayout(room('r', rows, columns, { seatPitchMetres: sp, rowPitchMetres: rp }), 1.25).seats;
      for (let i = 0; i < seats.length; i++) {
        for (let j = i + 1; j < seats.length; j++) {
          const d = Math.hypot(seats[i]!.xMetres - seats[j]!.xMetres, seats[i]!.yMetres - seats[j]!.yMetres);
          expect(d).toBeGreaterThanOrEqual(1.25 - 1e-9);
        }
      }
      expect(seats.length).toBeGreaterThan(0);
    },
  );
});

function session(papers: ReturnType<typeof paper>[], entries: ReturnType<typeof entry>[], count: number, arrangements: AccessArrangement[] = []): TimetableSession {
  const candidates = Array.from({ length: count }, (_, i) => candidate(`c${i + 1}`, String(i + 1).padStart(4, '0')));
  return buildCentreTimetable({ papers, candidates, entries, accessArrangements: arrangements }).sessions[0]!;
}

function seatOf(plan: SeatingPlan, candidateId: string) {
  for (const r of plan.rooms) for (const s of r.seats) if (s.candidateId === candidateId) return { room: r.roomId, seat: s.seat };
  return undefined;
}

describe('planSeating', () => {
  it('seats candidates by candidate number within each paper, with an empty seat between papers', () => {
    const s = session(
      [paper('A', '2026-06-01', 'AM', 60), paper('B', '2026-06-01', 'AM', 60)],
      [entry('e1', 'c3', ['A']), entry('e2', 'c1', ['A']), entry('e3', 'c2', ['B']), entry('e4', 'c4', ['B'])],
      4,
    );
    const plan = planSeating({ session: s, rooms: [room('hall', 2, 4)] }, { rules });
    expect(plan.rooms[0]!.seats.map((x) => `${x.seat}:${x.candidateNumber}:${x.paperIds.join('+')}`)).toEqual(['A1:0001:A', 'A2:0003:A', 'A4:0002:B', 'B1:0004:B']);
    expect(plan.unseated).toEqual([]);
  });

  it('places candidates needing a separate room first, in a room suited to every arrangement they have', () => {
    const s = session(
      [paper('A', '2026-06-01', 'AM', 60)],
      [1, 2, 3, 4].map((i) => entry(`e${i}`, `c${i}`, ['A'])),
      4,
      [arrangement('c2', 'reader'), arrangement('c3', 'word_processor'), arrangement('c3', 'rest_breaks', { restBreakMinutesPerHour: 10 }), arrangement('c4', 'extra_time')],
    );
    const rooms = [room('hall', 4, 4), room('r1', 2, 2, { suitableFor: ['reader'] }), room('wp', 2, 2, { suitableFor: ['word_processor'] }), room('wp-rest', 2, 3, { suitableFor: ['word_processor', 'rest_breaks'] })];
    const plan = planSeating({ session: s, rooms }, { rules });
    expect(seatOf(plan, 'c2')).toEqual({ room: 'r1', seat: 'A1' });
    expect(seatOf(plan, 'c3')).toEqual({ room: 'wp-rest', seat: 'A1' });
    expect(seatOf(plan, 'c4')).toEqual({ room: 'hall', seat: 'A2' });
    expect(plan.rooms.map((r) => [r.roomId, r.use])).toEqual([
      ['r1', 'access_arrangements'],
      ['wp-rest', 'access_arrangements'],
      ['hall', 'main'],
    ]);
    // Access arrangements are shown on the plan.
    expect(plan.rooms[2]!.seats.find((x) => x.candidateId === 'c4')!.arrangementKinds).toEqual(['extra_time']);
  });

  it('gives a reader a room alone, and says why a second reader cannot be seated', () => {
    const s = session([paper('A', '2026-06-01', 'AM', 60)], [entry('e1', 'c1', ['A']), entry('e2', 'c2', ['A']), entry('e3', 'c3', ['A'])], 3, [
      arrangement('c1', 'reader'),
      arrangement('c2', 'reader'),
      arrangement('c3', 'scribe'),
    ]);
    const plan = planSeating({ session: s, rooms: [room('hall', 3, 3), room('r1', 2, 2, { suitableFor: ['reader'] })] }, { rules });
    expect(seatOf(plan, 'c1')).toEqual({ room: 'r1', seat: 'A1' });
    expect(plan.unseated.map((u) => [u.candidateNumber, u.reason])).toEqual([
      ['0002', expect.stringMatching(/Every room suitable for reader is already in use.*needs a room alone/)],
      ['0003', 'No room is suitable for scribe: mark a room suitable, or add one'],
    ]);
  });

  it('says when there are not enough usable seats at the spacing', () => {
    const s = session([paper('A', '2026-06-01', 'AM', 60)], [1, 2, 3, 4, 5].map((i) => entry(`e${i}`, `c${i}`, ['A'])), 5);
    const plan = planSeating({ session: s, rooms: [room('small', 2, 3, { seatPitchMetres: 1, rowPitchMetres: 1 })] }, { rules });
    expect(plan.rooms[0]!.seats).toHaveLength(3);
    expect(plan.unseated.map((u) => u.candidateNumber)).toEqual(['0004', '0005']);
    expect(plan.unseated[0]!.reason).toMatch(/No usable seat left: the 1 main room\(s\) have 3 usable seats at 1.25 m spacing/);
    expect(plan.explanation).toContain('Room small: 3 usable seats of 6, 3 left empty for 1.25 m spacing');
  });

  it('gives a candidate sitting two papers consecutively in the session one seat', () => {
    const s = session([paper('A', '2026-06-01', 'AM', 60), paper('B', '2026-06-01', 'AM', 60, { startTime: '09:15' })], [entry('e1', 'c1', ['A', 'B']), entry('e2', 'c2', ['B'])], 2);
    const plan = planSeating({ session: s, rooms: [room('hall', 3, 3)] }, { rules });
    const seats = plan.rooms.flatMap((r) => r.seats);
    expect(seats.map((x) => [x.candidateId, x.paperIds])).toEqual([
      ['c1', ['A', 'B']],
      ['c2', ['B']],
    ]);
  });

  it('is a centre record with a retention rule', () => {
    const s = session([paper('A', '2026-06-01', 'AM', 60)], [entry('e1', 'c1', ['A'])], 1);
    const plan = planSeating({ session: s, rooms: [room('hall', 2, 2)] }, { rules });
    const record = seatingPlanRecord(plan, { createdAt: '2026-06-01T08:30:00+01:00', seriesId: 'june-2026' });
    expect(record).toEqual({ id: 'seating-plan.2026-06-01.AM', kind: 'seating_plan', subject: '2026-06-01.AM', createdAt: '2026-06-01T08:30:00+01:00', seriesId: 'june-2026' });
    expect(fixturePack.retention(record)).toMatchObject({ recordId: record.id, kind: 'seating_plan' });
  });

  const KINDS: AccessArrangementKind[] = ['extra_time', 'reader', 'scribe', 'word_processor', 'rest_breaks', 'separate_invigilation', 'prompter'];
  const randomSession = fc.record({
    papers: fc.integer({ min: 1, max: 4 }),
    candidates: fc.array(fc.record({ picks: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 2 }), aa: fc.option(fc.constantFrom(...KINDS), { nil: undefined }) }), { minLength: 1, maxLength: 60 }),
    rooms: fc.array(
      fc.record({ rows: fc.integer({ min: 1, max: 8 }), columns: fc.integer({ min: 1, max: 8 }), sp: fc.double({ min: 0.5, max: 1.6, noNaN: true }), rp: fc.double({ min: 0.5, max: 1.6, noNaN: true }), suits: fc.subarray(KINDS) }),
      { minLength: 1, maxLength: 5 },
    ),
    order: fc.nat(),
  });
  const build = (g: typeof randomSession extends fc.Arbitrary<infer T> ? T : never, shuffle: boolean): { plan: SeatingPlan; rooms: Room[]; count: number } => {
    const ps = Array.from({ length: g.papers }, (_, i) => paper(`P${i}`, '2026-06-01', 'AM', 60, { startTime: `09:${String(i * 5).padStart(2, '0')}` }));
    const entries = g.candidates.map((c, i) => entry(`e${i}`, `c${i + 1}`, [...new Set(c.picks.map((k) => `P${k % g.papers}`))]));
    const arrangements = g.candidates.flatMap((c, i) => (c.aa ? [arrangement(`c${i + 1}`, c.aa)] : []));
    const s = session(ps, entries, g.candidates.length, arrangements);
    const rooms = g.rooms.map((r, i) => room(`room${i}`, r.rows, r.columns, { seatPitchMetres: r.sp, rowPitchMetres: r.rp, suitableFor: r.suits }));
    const rot = (xs: readonly unknown[]) => (shuffle && xs.length ? [...xs.slice(g.order % xs.length), ...xs.slice(0, g.order % xs.length)].reverse() : [...xs]);
    const input = { session: { ...s, sittings: rot(s.sittings) as typeof s.sittings }, rooms: rot(rooms) as Room[] };
    return { plan: planSeating(input, { rules }), rooms, count: s.candidateCount };
  };

  fcTest.prop([randomSession], { numRuns: 150 })('never seats a candidate twice in a session, and seats or explains everyone', (g) => {
    const { plan, count } = build(g, false);
    const seated = plan.rooms.flatMap((r) => r.seats.map((s) => s.candidateId));
    expect(new Set(seated).size).toBe(seated.length);
    const unseated = plan.unseated.map((u) => u.candidateId);
    expect(new Set([...seated, ...unseated]).size).toBe(count);
    expect(seated.length + unseated.length).toBe(count);
    for (const u of plan.unseated) expect(u.reason.length).toBeGreaterThan(10);
    for (const r of plan.rooms) expect(new Set(r.seats.map((s) => s.seat)).size).toBe(r.seats.length);
  });

  fcTest.prop([randomSession], { numRuns: 150 })('every seat respects the spacing', (g) => {
    const { plan, rooms } = build(g, false);
    for (const r of plan.rooms) {
      const rm = rooms.find((x) => x.id === r.roomId)!;
      for (let i = 0; i < r.seats.length; i++) {
        for (let j = i + 1; j < r.seats.length; j++) {
          const a = r.seats[i]!;
          const b = r.seats[j]!;
          expect(Math.hypot((a.column - b.column) * rm.seatPitchMetres, (a.row - b.row) * rm.rowPitchMetres)).toBeGreaterThanOrEqual(rules.seatSpacingMetres.value - 1e-9);
        }
      }
    }
  });

  fcTest.prop([randomSession], { numRuns: 100 })('gives the same plan for the same input, in any order', (g) => {
    expect(build(g, true).plan).toEqual(build(g, false).plan);
  });
});
