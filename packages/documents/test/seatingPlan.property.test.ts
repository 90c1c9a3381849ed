import { DOMParser, type Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { buildCentreTimetable, planSeating, seatCode, type Candidate, type Entry, type Room } from '@examcycle/core';
import { describe, expect, it } from 'vitest';
import { seatingPlanSvg } from '@examcycle/documents';
import { PAPERS, RULES } from './fixtures/syntheticCentre.js';

/** A room of any shape the planner accepts, some seats switched off, and candidates to seat in it. */
const roomAndCandidates = fc
  .record({
    rows: fc.integer({ min: 1, max: 24 }),
    columns: fc.integer({ min: 1, max: 24 }),
    seatPitchMetres: fc.constantFrom(0.9, 1, 1.25, 1.5, 2),
    rowPitchMetres: fc.constantFrom(0.9, 1, 1.25, 1.5, 2),
    off: fc.array(fc.tuple(fc.nat(23), fc.nat(23)), { maxLength: 6 }),
    candidates: fc.integer({ min: 0, max: 320 }),
  })
  .map(({ off, ...r }) => ({
    room: { id: 'room', name: 'Room', ...r, disabledSeats: off.filter(([a, b]) => a < r.rows && b < r.columns).map(([a, b]) => seatCode(a, b)), suitableFor: [] } satisfies Room,
    count: r.candidates,
  }));

describe('seatingPlanSvg (property)', () => {
  it('for any room and any number of candidates: parses, one seat element per seated candidate, every grid place drawn', () => {
    fc.assert(
      fc.property(roomAndCandidates, ({ room, count }) => {
        const candidates: Candidate[] = Array.from({ length: count }, (_, i) => ({ id: `c-${i}`, centreNumber: '99999', candidateNumber: String(i + 1).padStart(4, '0'), legalSurname: `S${i}`, legalForenames: 'Zoë', dateOfBirth: '2010-01-01', kind: 'internal' }));
        const entries: Entry[] = candidates.map((c, i) => ({ id: `e-${i}`, candidateId: c.id, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300', componentCodes: [i % 2 ? '8461/1H' : '8300/1H'], status: 'accepted', identityVerified: true }));
        const timetable = buildCentreTimetable({ papers: PAPERS, entries, candidates });
        const session = timetable.sessions[0] ?? { date: '2026-06-02', session: 'AM' as const, sittings: [] };
        const plan = planSeating({ session, rooms: [room] }, { rules: RULES });
        const roomPlan = plan.rooms.find((r) => r.roomId === room.id);
        if (!roomPlan) return; // nobody seated: the room is not in the plan
        const problems: string[] = [];
        const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(seatingPlanSvg({ centre: { centreNumber: '99999' }, plan, room, candidates, papers: PAPERS }), 'image/svg+xml');
        expect(problems).toEqual([]);
        const groups = Array.from(doc.getElementsByTagName('g') as ArrayLike<Element>);
        const seats = groups.filter((g) => g.getAttribute('class') === 'seat');
        const places = groups.filter((g) => (g.getAttribute('class') ?? '').startsWith('place '));
        expect(seats.map((g) => g.getAttribute('data-candidate-number')).sort()).toEqual(roomPlan.seats.map((s) => s.candidateNumber).sort());
        expect(seats.length + places.length).toBe(room.rows * room.columns);
      }),
      { seed: 20260602, numRuns: 40 },
    );
  });
});
