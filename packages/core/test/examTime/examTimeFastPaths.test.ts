/**
 * The exam-time steps' fast paths agree with the straightforward ones: the seating plan's table of a session's
 * candidates (a typed-array hash table, not a `Map`), the seat made in its final shape before its seat is known, the
 * room explanation kept per layout, the timetable's shared component-code lists and its per-candidate ordering.
 * Randomness comes only from the seeds.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildCentreTimetable, planSeating, roomLayout, type CandidateSitting, type ExamRoomRules, type Room } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { candidate, entry, paper, room } from './centreFixture.js';
import { sessionSitting } from './sessionSitting.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');


/** The straightforward reading: each candidate's distinct papers in sitting order (start, then paper id), with a `Map`. */
function papersByCandidate(sittings: readonly CandidateSitting[]): Map<string, string[]> {
  const ordered = [...sittings].sort((a, b) => (a.startTime !== b.startTime ? (a.startTime < b.startTime ? -1 : 1) : a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : 0));
  const papers = new Map<string, string[]>();
  for (const s of ordered) {
    const list = papers.get(s.candidateId) ?? [];
    if (!list.includes(s.paperId)) list.push(s.paperId);
    papers.set(s.candidateId, list);
  }
  return papers;
}

describe('planSeating', () => {
  it('seats each candidate once, with every paper they sit in the session, as a plain Map of the session would (seeded)', () => {
    // Ids from a small alphabet, long and short, so that many share prefixes and hash to the same slots.
    const id = fc.stringMatching(/^[ab0]{1,12}$/);
    const session = fc.array(fc.record({ id, paper: fc.constantFrom('P1', 'P2', 'P3'), start: fc.constantFrom('09:00', '09:30'), reader: fc.boolean() }), { minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(session, (rows) => {
        const numberOf = new Map<string, string>();
        const sittings = rows.map((r) => {
          if (!numberOf.has(r.id)) numberOf.set(r.id, String(numberOf.size + 1).padStart(4, '0'));
          return sessionSitting(r.id, numberOf.get(r.id)!, r.paper, r.start, r.reader && r.id.length % 3 === 0 ? ['reader'] : []);
        });
        const rooms: Room[] = [room('hall', 8, 8), room('aa', 2, 2, { suitableFor: ['reader'] })];
        const plan = planSeating({ session: { date: '2026-06-01', session: 'AM', sittings }, rooms }, { rules });
        const expected = papersByCandidate(sittings);
        const seen = new Map<string, readonly string[]>();
        for (const r of plan.rooms) for (const s of r.seats) seen.set(s.candidateId, s.paperIds);
        for (const u of plan.unseated) seen.set(u.candidateId, u.paperIds);
        const listed = plan.rooms.reduce((t, r) => t + r.seats.length, 0) + plan.unseated.length;
        expect(listed).toBe(expected.size);
        expect(new Map([...seen].map(([k, v]) => [k, [...v]]))).toEqual(expected);
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });

  it('gives a seat the fields of SeatAssignment in order, with variations last and only when the candidate has some', () => {
    const moved: CandidateSitting = {
      ...sessionSitting('c2', '0002', 'P2', '09:00'),
      variation: { clashId: 'c2.2026-06-01.AM', kind: 'consecutive_in_session', published: { date: '2026-06-01', session: 'AM', startTime: '09:00', startsAt: '2026-06-01T09:00:00.000+01:00' }, order: 2, conditions: ['Supervised break'] },
    };
    const plan = planSeating({ session: { date: '2026-06-01', session: 'AM', sittings: [sessionSitting('c1', '0001', 'P1', '09:00'), moved] }, rooms: [room('hall', 4, 4)] }, { rules });
    const [plain, withVariation] = plan.rooms[0]!.seats;
    expect(Object.keys(plain!)).toEqual(['seat', 'row', 'column', 'candidateId', 'candidateNumber', 'paperIds', 'ratioKind', 'arrangementKinds']);
    expect(Object.keys(withVariation!)).toEqual(['seat', 'row', 'column', 'candidateId', 'candidateNumber', 'paperIds', 'ratioKind', 'arrangementKinds', 'variations']);
    expect(withVariation!.variations).toEqual([{ paperId: 'P2', kind: 'consecutive_in_session', published: moved.variation!.published, conditions: ['Supervised break'] }]);
  });

  it('explains each room by its name and capacity as they are now, when the same layout is passed for a renamed room', () => {
    const hall = room('hall', 4, 4);
    const layout = roomLayout(hall, rules.seatSpacingMetres.value);
    const session = { date: '2026-06-01' as const, session: 'AM' as const, sittings: [sessionSitting('c1', '0001', 'P1', '09:00')] };
    const first = planSeating({ session, rooms: [hall] }, { rules, layouts: [layout] });
    const renamed = planSeating({ session, rooms: [{ ...hall, name: 'Sports hall' }] }, { rules, layouts: [layout] });
    expect(first.explanation[0]).toMatch(/^Room hall: 16 usable seats of 16/);
    expect(renamed.explanation[0]).toMatch(/^Sports hall: 16 usable seats of 16/);
    expect(planSeating({ session, rooms: [hall] }, { rules, layouts: [layout] }).explanation).toEqual(first.explanation);
  });
});

describe('buildCentreTimetable', () => {
  it('keeps each candidate’s live entries as the very records given, in id order, none copied (withdrawn and rejected left out)', () => {
    const papers = [paper('8300/1H', '2026-06-01', 'AM', 90), paper('8300/2H', '2026-06-08', 'AM', 90), paper('8461/1H', '2026-06-02', 'PM', 105)];
    const codes = ['8300/1H', '8300/2H'];
    const entries = [entry('e4', 'c1', ['8461/1H']), entry('e1', 'c1', [...codes]), entry('e2', 'c2', [...codes]), entry('e3', 'c3', ['8461/1H']), entry('e5', 'c3', [...codes], { status: 'withdrawn' })];
    const timetable = buildCentreTimetable({ papers, entries, candidates: [candidate('c1', '0001'), candidate('c2', '0002'), candidate('c3', '0003')] });
    const entriesOf = (candidateId: string) => timetable.candidates.find((c) => c.candidateId === candidateId)!.entries;
    expect(entriesOf('c1')).toHaveLength(2);
    expect(entriesOf('c1')[0]).toBe(entries[1]);
    expect(entriesOf('c1')[1]).toBe(entries[0]);
    expect(entriesOf('c2')[0]).toBe(entries[2]);
    expect(entriesOf('c3')).toEqual([entries[3]]);
    expect(entriesOf('c3')[0]).toBe(entries[3]);
  });

  it('lists a candidate’s sittings in time order (date, session, start, paper id) whatever order the entries and components come in (seeded)', () => {
    const dates = ['2026-06-01', '2026-06-02', '2026-06-03'] as const;
    const papers = dates.flatMap((d, i) => [paper(`A${i}`, d, 'AM', 60), paper(`B${i}`, d, 'AM', 45, { startTime: '09:30' }), paper(`C${i}`, d, 'PM', 90)]);
    fc.assert(
      fc.property(fc.array(fc.subarray(papers.map((p) => p.componentCode)), { minLength: 1, maxLength: 6 }), fc.boolean(), (lists, reverse) => {
        const entries = lists.map((codes, i) => entry(`e${i}`, 'c1', reverse ? [...codes].reverse() : codes));
        const timetable = buildCentreTimetable({ papers, entries, candidates: [candidate('c1', '0001')] });
        const sittings = timetable.candidates[0]?.sittings ?? [];
        const key = (s: CandidateSitting) => `${s.date} ${s.session} ${s.startTime} ${s.paperId}`;
        expect(sittings.map(key)).toEqual([...new Set(lists.flat())].map((code) => papers.find((p) => p.componentCode === code)!).map((p) => `${p.date} ${p.session} ${p.startTime} ${p.id}`).sort());
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });
});
