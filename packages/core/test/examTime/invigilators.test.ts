import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  deployInvigilators,
  invigilatorTrainingStatus,
  requiredInvigilators,
  type ExamRoomRules,
  type Invigilator,
  type RatioKind,
  type SeatAssignment,
  type SeatingPlan,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { invigilator } from './centreFixture.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');
const AM = [{ date: '2026-06-01' as const, session: 'AM' as const }];

function seats(n: number, kind: RatioKind = 'written', from = 1, extra: Partial<SeatAssignment> = {}): SeatAssignment[] {
  return Array.from({ length: n }, (_, i) => ({ seat: `A${i + 1}`, row: 0, column: i, candidateId: `c${from + i}`, candidateNumber: String(from + i).padStart(4, '0'), paperIds: ['P'], ratioKind: kind, arrangementKinds: [], ...extra }));
}

function plan(rooms: { id: string; seats: SeatAssignment[]; use?: 'main' | 'access_arrangements' }[]): SeatingPlan {
  return {
    id: '2026-06-01.AM',
    date: '2026-06-01',
    session: 'AM',
    spacingMetres: 1.25,
    rooms: rooms.map((r) => ({ roomId: r.id, roomName: `Room ${r.id}`, use: r.use ?? 'main', paperIds: ['P'], seats: r.seats, usableSeats: r.seats.length })),
    unseated: [],
    explanation: [],
  };
}

function pool(n: number, extra: Partial<Invigilator> = {}): Invigilator[] {
  return Array.from({ length: n }, (_, i) => invigilator(`i${String(i + 1).padStart(2, '0')}`, { availability: AM, ...extra }));
}

describe('invigilatorTrainingStatus', () => {
  it('is current with initial training and an annual update in the academic year of the session', () => {
    expect(invigilatorTrainingStatus(invigilator('a', { trainedOn: '2020-05-01', lastUpdateOn: '2025-09-15' }), '2026-06-01').current).toBe(true);
  });
  it("is not current when the last update was in a previous academic year", () => {
    const s = invigilatorTrainingStatus(invigilator('a', { trainedOn: '2020-05-01', lastUpdateOn: '2025-08-31' }), '2026-06-01');
    expect(s).toMatchObject({ current: false, trained: true, updatedThisYear: false, academicYear: '2025/26' });
    expect(s.reason).toMatch(/has not had the annual update in 2025\/26/);
  });
  it('counts initial training this academic year as the update', () => {
    expect(invigilatorTrainingStatus(invigilator('a', { trainedOn: '2026-03-01', lastUpdateOn: undefined }), '2026-06-01').current).toBe(true);
  });
  it('is not current without initial training, or with training after the session', () => {
    expect(invigilatorTrainingStatus(invigilator('a', { trainedOn: undefined }), '2026-06-01').reason).toMatch(/no initial training/);
    expect(invigilatorTrainingStatus(invigilator('a', { trainedOn: '2026-06-02' }), '2026-06-01').current).toBe(false);
  });
});

describe('requiredInvigilators', () => {
  const ratios = rules.invigilationRatio.value;
  it('needs one invigilator per 30 candidates or fewer in a written exam', () => {
    expect([1, 30, 31, 60, 61].map((w) => requiredInvigilators({ written: w, practical: 0, on_screen: 0 }, ratios))).toEqual([1, 1, 2, 2, 3]);
  });
  it('needs one invigilator per 20 candidates in a practical exam', () => {
    expect([20, 21].map((p) => requiredInvigilators({ written: 0, practical: p, on_screen: 0 }, ratios))).toEqual([1, 2]);
  });
  it('adds the shares of a room with mixed papers, rounding up', () => {
    // 15/30 + 10/20 = 1; 16/30 + 10/20 > 1.
    expect(requiredInvigilators({ written: 15, practical: 10, on_screen: 0 }, ratios)).toBe(1);
    expect(requiredInvigilators({ written: 16, practical: 10, on_screen: 0 }, ratios)).toBe(2);
  });
});

describe('deployInvigilators', () => {
  it('meets the 1:30 ratio for a written exam', () => {
    const d = deployInvigilators({ plan: plan([{ id: 'hall', seats: seats(61) }]), invigilators: pool(4) }, { rules });
    expect(d.rooms[0]).toMatchObject({ required: 3, meetsRatio: true, invigilatorIds: ['i01', 'i02', 'i03'] });
    expect(d.reserves).toEqual(['i04']);
    expect(d.shortfalls).toEqual([]);
  });

  it('reports a shortfall instead of hiding it', () => {
    const d = deployInvigilators({ plan: plan([{ id: 'hall', seats: seats(61) }]), invigilators: pool(2) }, { rules });
    expect(d.rooms[0]!.meetsRatio).toBe(false);
    expect(d.shortfalls).toEqual([expect.objectContaining({ roomId: 'hall', need: 'invigilators', required: 3, assigned: 2, missing: 1 })]);
  });

  it('uses only invigilators available for the session with current training', () => {
    const invs = [invigilator('a', { availability: [{ date: '2026-06-01' as const, session: 'PM' as const }] }), invigilator('b', { availability: AM, lastUpdateOn: '2024-10-01' }), invigilator('c', { availability: AM })];
    const d = deployInvigilators({ plan: plan([{ id: 'hall', seats: seats(10) }]), invigilators: invs, summonHelp: { hall: 'radio' } }, { rules });
    expect(d.rooms[0]!.invigilatorIds).toEqual(['c']);
    expect(d.notEligible.map((n) => n.invigilatorId)).toEqual(['a', 'b']);
  });

  it('gives each candidate with a reader or scribe a trained facilitator of their own, reporting any missing', () => {
    const aa = [...seats(1, 'written', 1, { arrangementKinds: ['reader'] }), ...seats(1, 'written', 2, { arrangementKinds: ['scribe', 'extra_time'] })];
    const invs = [...pool(2), invigilator('f1', { availability: AM, facilitator: true })];
    const d = deployInvigilators({ plan: plan([{ id: 'aa', seats: aa, use: 'access_arrangements' }]), invigilators: invs, summonHelp: { aa: 'phone' } }, { rules });
    expect(d.rooms[0]!.facilitators).toEqual([{ invigilatorId: 'f1', candidateId: 'c1', candidateNumber: '0001', arrangements: ['reader'] }]);
    expect(d.shortfalls).toEqual([expect.objectContaining({ need: 'facilitator', candidateId: 'c2' })]);
    expect(d.rooms[0]!.invigilatorIds).toEqual(['i01']);
  });

  it("never makes a candidate's relative the sole invigilator in that candidate's room", () => {
    const invs = [invigilator('a', { availability: AM, relativeOfCandidateIds: ['c3'] })];
    const d = deployInvigilators({ plan: plan([{ id: 'hall', seats: seats(5) }]), invigilators: invs, summonHelp: { hall: 'radio' } }, { rules });
    expect(d.rooms[0]!.invigilatorIds).toEqual([]);
    expect(d.shortfalls[0]).toMatchObject({ roomId: 'hall', missing: 1 });
  });

  it('keeps a relative out of the room when another invigilator can go', () => {
    const invs = [invigilator('a', { availability: AM, relativeOfCandidateIds: ['c3'] }), invigilator('b', { availability: AM })];
    const d = deployInvigilators({ plan: plan([{ id: 'r1', seats: seats(5) }, { id: 'r2', seats: seats(5, 'written', 10) }]), invigilators: invs, summonHelp: { r1: 'radio', r2: 'radio' } }, { rules });
    expect(d.rooms.map((r) => r.invigilatorIds)).toEqual([['b'], ['a']]);
    expect(d.issues).toEqual([]);
  });

  it('never leaves a lone invigilator without a way to summon help: a second person, or a reported issue', () => {
    const withSecond = deployInvigilators({ plan: plan([{ id: 'small', seats: seats(5) }]), invigilators: pool(2) }, { rules });
    expect(withSecond.rooms[0]!.invigilatorIds).toEqual(['i01', 'i02']);
    const lone = deployInvigilators({ plan: plan([{ id: 'small', seats: seats(5) }]), invigilators: pool(1) }, { rules });
    expect(lone.issues).toEqual([expect.objectContaining({ code: 'lone_invigilator_without_summon_help', severity: 'warning', subject: expect.objectContaining({ roomId: 'small' }) })]);
    const radio = deployInvigilators({ plan: plan([{ id: 'small', seats: seats(5) }]), invigilators: pool(2), summonHelp: { small: 'radio' } }, { rules });
    expect(radio.rooms[0]).toMatchObject({ invigilatorIds: ['i01'], summonHelp: 'radio' });
    expect(radio.issues).toEqual([]);
  });

  it('meets every room\'s ratio before any extra: the 26-candidate hall gets its second person before the one-candidate access room', () => {
    const reader = seats(1, 'written', 100, { arrangementKinds: ['reader'] });
    const p = plan([{ id: 'aa', seats: reader, use: 'access_arrangements' }, { id: 'hall', seats: seats(26) }]);
    const d = deployInvigilators({ plan: p, invigilators: [...pool(3), invigilator('f1', { availability: AM, facilitator: true })] }, { rules });
    const [aa, hall] = d.rooms;
    expect(hall).toMatchObject({ required: 1, invigilatorIds: ['i01', 'i03'], meetsRatio: true });
    expect(aa).toMatchObject({ required: 1, invigilatorIds: ['i02'], meetsRatio: true, facilitators: [expect.objectContaining({ invigilatorId: 'f1', candidateId: 'c100' })] });
    expect(d.issues).toEqual([expect.objectContaining({ code: 'lone_invigilator_without_summon_help', severity: 'warning', subject: expect.objectContaining({ roomId: 'aa' }) })]);
  });

  it('an access-arrangements room needs its own invigilator: its facilitator does not count towards the ratio', () => {
    const p = plan([{ id: 'aa', seats: seats(1, 'written', 1, { arrangementKinds: ['scribe'] }), use: 'access_arrangements' }]);
    const d = deployInvigilators({ plan: p, invigilators: [invigilator('f1', { availability: AM, facilitator: true })], summonHelp: { aa: 'phone' } }, { rules });
    // Ratio first: the only person invigilates, and the scribe is reported missing.
    expect(d.rooms[0]).toMatchObject({ invigilatorIds: ['f1'], facilitators: [], meetsRatio: true });
    expect(d.shortfalls).toEqual([expect.objectContaining({ need: 'facilitator', candidateId: 'c1' })]);
  });

  it('keeps facilitator-trained invigilators for facilitation while others can meet the ratios', () => {
    const p = plan([{ id: 'hall', seats: seats(20) }, { id: 'aa', seats: seats(1, 'written', 50, { arrangementKinds: ['reader'] }), use: 'access_arrangements' }]);
    const d = deployInvigilators({ plan: p, invigilators: [invigilator('f1', { availability: AM, facilitator: true }), ...pool(2)], summonHelp: { hall: 'radio', aa: 'phone' } }, { rules });
    expect(d.rooms.map((r) => [r.invigilatorIds, r.facilitators.map((f) => f.invigilatorId)])).toEqual([
      [['i01'], []],
      [['i02'], ['f1']],
    ]);
  });

  it('when the pool is short, shares it in rounds (every room one before any room two), greatest need first, and says so per room', () => {
    const p = plan([{ id: 'aa', seats: seats(1, 'written', 500, { arrangementKinds: ['extra_time'] }), use: 'access_arrangements' }, { id: 'small', seats: seats(10, 'written', 200) }, { id: 'hall', seats: seats(61) }]);
    const d = deployInvigilators({ plan: p, invigilators: pool(4), summonHelp: { aa: 'phone', small: 'radio', hall: 'radio' } }, { rules });
    expect(d.rooms.map((r) => [r.roomId, r.invigilatorIds.length, r.required])).toEqual([
      ['aa', 1, 1],
      ['small', 1, 1],
      ['hall', 2, 3],
    ]);
    expect(d.shortfalls).toEqual([expect.objectContaining({ roomId: 'hall', missing: 1 })]);
    expect(d.rooms[2]!.explanation).toBe('Room hall: 61 candidate(s), 61 written (1:30), need 3 invigilator(s); assigned i01, i04: 1 short, the pool is used up (shared in rounds, greatest need first); help is summoned by radio');
    expect(d.rooms[0]!.explanation).toMatch(/an access-arrangements room has its own invigilator/);
    expect(d.explanation[0]).toMatch(/^Ratios first/);
  });

  const sized = fc.record({
    rooms: fc.array(fc.record({ written: fc.integer({ min: 0, max: 95 }), practical: fc.integer({ min: 0, max: 45 }), readers: fc.integer({ min: 0, max: 2 }), radio: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    plain: fc.integer({ min: 0, max: 14 }),
    facilitators: fc.integer({ min: 0, max: 4 }),
  });

  fcTest.prop([sized], { seed: 20260603, numRuns: 300 })(
    'property (seeded): with enough trained, available invigilators every room meets its ratio; with too few, the shortfall is per room and the largest rooms are not starved for small ones',
    (g) => {
      let next = 1;
      const p = plan(
        g.rooms.map((r, i) => {
          const s = [...seats(r.written, 'written', next), ...seats(r.practical, 'practical', next + r.written), ...seats(r.readers, 'written', next + r.written + r.practical, { arrangementKinds: ['reader'] })];
          next += r.written + r.practical + r.readers;
          return { id: `room${i}`, seats: s };
        }),
      );
      const invs = [...pool(g.plain), ...Array.from({ length: g.facilitators }, (_, i) => invigilator(`f${i}`, { availability: AM, facilitator: true }))];
      const summonHelp = Object.fromEntries(g.rooms.flatMap((r, i) => (r.radio ? [[`room${i}`, 'radio']] : [])));
      const d = deployInvigilators({ plan: p, invigilators: invs, summonHelp }, { rules });
      const required = d.rooms.reduce((t, r) => t + r.required, 0);
      const readers = g.rooms.reduce((t, r) => t + r.readers, 0);
      if (invs.length >= required + readers && g.facilitators >= readers) {
        expect(d.rooms.every((r) => r.meetsRatio)).toBe(true);
        expect(d.shortfalls).toEqual([]);
      }
      if (invs.length >= required) expect(d.rooms.every((r) => r.meetsRatio)).toBe(true);
      for (const r of d.rooms) {
        const short = d.shortfalls.find((s) => s.roomId === r.roomId && s.need === 'invigilators');
        expect(short === undefined).toBe(r.meetsRatio);
        expect(r.explanation).toContain(r.roomName);
      }
      // Ratio invigilators (the second person aside): a room that needs more is never left with fewer than a smaller one got.
      const ratioCount = (r: (typeof d.rooms)[number]) => Math.min(r.invigilatorIds.length, r.required);
      if (d.shortfalls.some((s) => s.need === 'invigilators')) {
        for (const a of d.rooms) for (const b of d.rooms) if (a.required > b.required) expect(ratioCount(a)).toBeGreaterThanOrEqual(Math.min(a.required, ratioCount(b)));
        // No extra second person while any room is short of its ratio.
        expect(d.rooms.every((r) => r.invigilatorIds.length <= r.required)).toBe(true);
      }
    },
  );

  const generated = fc.record({
    rooms: fc.array(fc.record({ written: fc.integer({ min: 0, max: 70 }), practical: fc.integer({ min: 0, max: 40 }), readers: fc.integer({ min: 0, max: 2 }), radio: fc.boolean() }), { minLength: 1, maxLength: 5 }),
    invigilators: fc.array(fc.record({ available: fc.boolean(), trained: fc.boolean(), facilitator: fc.boolean(), relativeOf: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }), { maxLength: 20 }),
  });

  fcTest.prop([generated], { numRuns: 200 })('ratios always hold in a generated deployment, or the shortfall is reported', (g) => {
    let next = 1;
    const p = plan(
      g.rooms.map((r, i) => {
        const s = [...seats(r.written, 'written', next), ...seats(r.practical, 'practical', next + r.written), ...seats(r.readers, 'written', next + r.written + r.practical, { arrangementKinds: ['reader'] })];
        next += r.written + r.practical + r.readers;
        return { id: `room${i}`, seats: s };
      }),
    );
    const invs = g.invigilators.map((x, i) =>
      invigilator(`i${i}`, {
        availability: x.available ? AM : [],
        lastUpdateOn: x.trained ? '2025-10-01' : '2024-10-01',
        facilitator: x.facilitator,
        relativeOfCandidateIds: x.relativeOf ? [`c${x.relativeOf}`] : [],
      }),
    );
    const summonHelp = Object.fromEntries(g.rooms.flatMap((r, i) => (r.radio ? [[`room${i}`, 'radio']] : [])));
    const d = deployInvigilators({ plan: p, invigilators: invs, summonHelp }, { rules });
    const deployed = d.rooms.flatMap((r) => [...r.invigilatorIds, ...r.facilitators.map((f) => f.invigilatorId)]);
    expect(new Set(deployed).size).toBe(deployed.length);
    d.rooms.forEach((r, i) => {
      const room = p.rooms[i]!;
      const w = room.seats.filter((s) => s.ratioKind === 'written').length;
      const pr = room.seats.filter((s) => s.ratioKind === 'practical').length;
      expect(r.required).toBe(room.seats.length ? Math.ceil(w / 30 + pr / 20 - 1e-9) : 0);
      const shortfall = d.shortfalls.find((s) => s.roomId === r.roomId && s.need === 'invigilators');
      if (r.invigilatorIds.length >= r.required) expect(shortfall).toBeUndefined();
      else expect(shortfall).toMatchObject({ required: r.required, assigned: r.invigilatorIds.length, missing: r.required - r.invigilatorIds.length });
      const readers = room.seats.filter((s) => s.arrangementKinds.includes('reader')).length;
      const missingFacilitators = d.shortfalls.filter((s) => s.roomId === r.roomId && s.need === 'facilitator').length;
      expect(r.facilitators.length + missingFacilitators).toBe(readers);
      const ids = new Set(room.seats.map((s) => s.candidateId));
      if (r.invigilatorIds.length === 1) {
        const sole = invs.find((x) => x.id === r.invigilatorIds[0])!;
        expect(sole.relativeOfCandidateIds.some((c) => ids.has(c))).toBe(false);
        if (!r.summonHelp) expect(d.issues.some((x) => x.code === 'lone_invigilator_without_summon_help' && x.subject?.roomId === r.roomId)).toBe(true);
      }
      for (const id of deployed) {
        const inv = invs.find((x) => x.id === id)!;
        expect(inv.availability.length).toBe(1);
        expect(inv.lastUpdateOn).toBe('2025-10-01');
      }
    });
  });
});
