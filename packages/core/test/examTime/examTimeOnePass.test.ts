/**
 * The one-pass gathering of the seating plan and the timetable agrees with plain references: the plan checks the
 * sitting order as it goes (and starts again from a sorted copy when it is not kept), lists the main candidates as
 * they are met (and sorts them only when a paper's sittings come in more than one run) and gives each main room a
 * run of them; the timetable keeps each candidate's papers as a linked list in typed arrays and tells a repeated
 * paper from a stamp per paper, walking the list only for a candidate whose entries are interleaved with another's,
 * and gathers each session's sittings from their places (by paper, then candidate) with no array per paper.
 * Randomness comes only from the seeds.
 */
import { test as fcTest, fc } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildCentreTimetable, planSeating, type AccessArrangementKind, type CandidateSitting, type Entry, type ExamRoomRules, type PaperKind, type Room } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { candidate, entry, paper, room } from './centreFixture.js';
import { sessionSitting } from './sessionSitting.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');
const RATIO = rules.invigilationRatio.value;
const SEPARATE: ReadonlySet<string> = new Set(rules.separateRoomArrangements.value);


const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const bySittingOrder = (a: CandidateSitting, b: CandidateSitting): number => text(a.startTime, b.startTime) || text(a.paperId, b.paperId) || text(a.candidateNumber, b.candidateNumber) || text(a.candidateId, b.candidateId);

/** A main-room seat as the reference gives it. */
interface ReferenceSeat {
  readonly roomId: string;
  readonly seat: string;
  readonly candidateId: string;
  readonly paperIds: readonly string[];
  readonly ratioKind: string;
}

/**
 * The main rooms' seats the plain way: sittings sorted, each candidate's papers and ratio class gathered in a `Map`,
 * candidates grouped by their first paper (papers in sitting order), each group sorted by candidate, then seated
 * room by room (largest first) with a gap between papers; those left over are unseated.
 */
function referenceMainSeats(sittings: readonly CandidateSitting[], rooms: readonly Room[], gap: number): { seats: ReferenceSeat[]; unseated: string[] } {
  const ordered = [...sittings].sort(bySittingOrder);
  const people = new Map<string, { id: string; number: string; papers: string[]; ratioKind: 'written' | 'practical' | 'on_screen'; apart: boolean }>();
  const paperOrder: string[] = [];
  for (const s of ordered) {
    if (!paperOrder.includes(s.paperId)) paperOrder.push(s.paperId);
    let p = people.get(s.candidateId);
    if (!p) people.set(s.candidateId, (p = { id: s.candidateId, number: s.candidateNumber, papers: [], ratioKind: 'written', apart: s.arrangementKinds.some((k) => SEPARATE.has(k)) }));
    if (!p.papers.includes(s.paperId)) p.papers.push(s.paperId);
    const rk = s.paper.kind === 'practical' || s.paper.kind === 'on_screen' ? s.paper.kind : 'written';
    if (RATIO[rk] < RATIO[p.ratioKind]) p.ratioKind = rk;
  }
  const queue = paperOrder.flatMap((paperId) =>
    [...people.values()].filter((p) => !p.apart && p.papers[0] === paperId).sort((a, b) => text(a.number, b.number) || text(a.id, b.id)),
  );
  // Every room here suits nobody apart, and the apart candidates take the small rooms: the reference is given the main rooms.
  const seats: ReferenceSeat[] = [];
  const unseated: string[] = [];
  let ri = 0;
  let used = 0;
  let lastPaper: string | undefined;
  const usable = (r: Room) => r.rows * r.columns;
  for (const p of queue) {
    for (;;) {
      const r = rooms[ri];
      if (!r) break;
      const need = lastPaper !== undefined && lastPaper !== p.papers[0] ? gap : 0;
      if (used + need < usable(r)) {
        used += need;
        break;
      }
      ri++;
      used = 0;
      lastPaper = undefined;
    }
    const r = rooms[ri];
    if (!r) {
      unseated.push(p.id);
      continue;
    }
    seats.push({ roomId: r.id, seat: `${String.fromCharCode(65 + Math.floor(used / r.columns))}${(used % r.columns) + 1}`, candidateId: p.id, paperIds: p.papers, ratioKind: p.ratioKind });
    used++;
    lastPaper = p.papers[0];
  }
  return { seats, unseated };
}

/** How each paper is sat: the ratio class of a candidate is the most demanding of their papers'. */
const KIND_OF: Readonly<Record<string, PaperKind>> = { P1: 'written', P2: 'written', P3: 'practical', P4: 'on_screen' };

/** A random session: candidates from a small pool (so some sit two papers), papers at two starts (so a paper can come in two runs). */
const sessionRows = fc.array(
  fc.record({
    who: fc.integer({ min: 0, max: 40 }),
    paper: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
    start: fc.constantFrom('09:00', '09:00', '09:30'),
  }),
  { minLength: 1, maxLength: 150, size: 'large' },
);

/** The candidates' arrangements: none, extra time (stays in the main rooms) or a reader (a room apart). */
const KINDS: readonly (readonly AccessArrangementKind[])[] = [[], [], [], ['extra_time'], ['extra_time', 'reader']];

describe('planSeating, gathered in one pass', () => {
  fcTest.prop([sessionRows, fc.integer({ min: 0, max: 2 }), fc.boolean()], { numRuns: 300, seed: 20261203 })(
    'seats the main candidates by first paper in sitting order, then candidate number, with a gap between papers, as the plain reference does',
    (rows, gap, shuffled) => {
      // Candidate numbers run against the ids, so the order by number is not the order by id.
      const sittings = rows.map((r) => sessionSitting(`c${r.who}`, String(1000 - r.who), r.paper, r.start, KINDS[r.who % KINDS.length]!, KIND_OF[r.paper]!));
      const input = shuffled ? sittings : [...sittings].sort(bySittingOrder);
      // Two main rooms (4 × 5 and 3 × 4 at 1.25 m: too few seats for the biggest sessions) and two small rooms for readers.
      const main = [room('hall', 4, 5), room('gym', 3, 4)];
      const rooms = [...main, room('aa1', 1, 2, { suitableFor: ['reader'] }), room('aa2', 1, 1, { suitableFor: ['reader'] })];
      const plan = planSeating({ session: { date: '2026-06-01', session: 'AM', sittings: input }, rooms }, { rules, gapSeats: gap });
      const expected = referenceMainSeats(sittings, main, gap);
      const got = plan.rooms
        .filter((r) => r.use === 'main')
        .flatMap((r) => r.seats.map((s) => ({ roomId: r.roomId, seat: s.seat, candidateId: s.candidateId, paperIds: [...s.paperIds], ratioKind: s.ratioKind })));
      expect(got).toEqual(expected.seats);
      const reader = new Set(sittings.filter((s) => s.arrangementKinds.includes('reader')).map((s) => s.candidateId));
      const numberOf = new Map(sittings.map((s) => [s.candidateId, s.candidateNumber]));
      expect(plan.unseated.filter((u) => !reader.has(u.candidateId)).map((u) => u.candidateId)).toEqual(
        [...expected.unseated].sort((a, b) => text(numberOf.get(a)!, numberOf.get(b)!) || text(a, b)),
      );
      for (const r of plan.rooms.filter((x) => x.use === 'main')) expect(r.paperIds).toEqual([...new Set(r.seats.flatMap((s) => s.paperIds))]);
    },
  );

  fcTest.prop([sessionRows, fc.integer({ min: 1, max: 2 ** 31 - 1 })], { numRuns: 200, seed: 20261205 })('gives the same plan whatever order the sittings come in', (rows, salt) => {
    const sittings = rows.map((r) => sessionSitting(`c${r.who}`, String(r.who).padStart(4, '0'), r.paper, r.start, KINDS[r.who % KINDS.length]!, KIND_OF[r.paper]!));
    // A seeded reshuffle (the order is not the sitting order, unless by chance).
    const reshuffled = sittings.map((s, i) => ({ s, key: Math.imul(i + 1, salt | 1) >>> 0 })).sort((a, b) => a.key - b.key).map((x) => x.s);
    const rooms = [room('hall', 5, 5), room('gym', 3, 4), room('aa', 1, 2, { suitableFor: ['reader'] })];
    const plan = (list: readonly CandidateSitting[]) => planSeating({ session: { date: '2026-06-01', session: 'AM', sittings: list }, rooms }, { rules });
    expect(plan(reshuffled)).toEqual(plan([...sittings].sort(bySittingOrder)));
  });
});

describe('buildCentreTimetable, papers kept as linked lists and sittings gathered by place', () => {
  // Three days of morning and afternoon papers, and two more on the first morning (one at a later start).
  const papers = [
    ...['A', 'B', 'C', 'D', 'E', 'F'].map((id, i) => paper(id, `2026-06-0${1 + (i % 3)}` as '2026-06-01', i % 2 ? 'PM' : 'AM', 60)),
    paper('G', '2026-06-01', 'AM', 45, { startTime: '09:30' }),
    paper('H', '2026-06-01', 'AM', 30),
  ];
  const entryRows = fc.array(
    fc.record({ who: fc.integer({ min: 0, max: 5 }), codes: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'Z'), { minLength: 1, maxLength: 4 }), live: fc.boolean() }),
    { minLength: 1, maxLength: 30 },
  );

  fcTest.prop([entryRows, fc.boolean()], { numRuns: 300, seed: 20261206 })(
    'sits each candidate once per paper, from the first entry in id order that lists it, reports every repeat, and lists each session by paper then candidate, interleaved or not',
    (rows, byCandidate) => {
      // Entry ids either keep a candidate's entries together or interleave them with other candidates'.
      const entries: Entry[] = rows.map((r, i) => entry(byCandidate ? `${r.who}-${String(i).padStart(3, '0')}` : `${String(i).padStart(3, '0')}-${r.who}`, `c${r.who}`, [...r.codes], r.live ? {} : { status: 'withdrawn' }));
      const candidates = [0, 1, 2, 3, 4, 5].map((w) => candidate(`c${w}`, String(w).padStart(4, '0')));
      const timetable = buildCentreTimetable({ papers, entries, candidates });

      // The plain reading: entries in id order; a paper already taken by the candidate is a repeat.
      const taken = new Map<string, Map<string, string>>();
      const repeats: string[] = [];
      for (const e of [...entries].sort((a, b) => text(a.id, b.id))) {
        if (e.status === 'withdrawn') continue;
        const mine = taken.get(e.candidateId) ?? new Map<string, string>();
        taken.set(e.candidateId, mine);
        for (const code of e.componentCodes) {
          if (code === 'Z') continue;
          if (mine.has(code)) repeats.push(`${e.id} ${code}`);
          else mine.set(code, e.id);
        }
      }
      const rank = (id: string) => papers.findIndex((p) => p.id === id);
      const order = (a: string, b: string) => {
        const x = papers[rank(a)]!;
        const y = papers[rank(b)]!;
        return text(x.date, y.date) || text(x.session, y.session) || text(x.startTime, y.startTime) || text(x.id, y.id);
      };
      for (const tc of timetable.candidates) {
        const mine = taken.get(tc.candidateId) ?? new Map<string, string>();
        expect(tc.sittings.map((s) => `${s.paperId} ${s.entryId}`)).toEqual([...mine.keys()].sort(order).map((p) => `${p} ${mine.get(p)!}`));
      }
      expect(timetable.candidates.map((c) => c.candidateId)).toEqual([...taken.keys()].sort());
      // Each session: its papers in time order, each paper's sittings by candidate number, the very sitting objects.
      for (const session of timetable.sessions) {
        const expected = timetable.papers
          .filter((p) => `${p.date}.${p.session}` === session.key)
          .flatMap((p) => timetable.candidates.flatMap((c) => c.sittings.filter((s) => s.paperId === p.id)));
        expect(session.sittings.length).toBe(expected.length);
        session.sittings.forEach((s, i) => expect(s).toBe(expected[i]));
        expect(session.candidateCount).toBe(new Set(expected.map((s) => s.candidateId)).size);
      }
      expect(timetable.issues.filter((i) => i.code === 'duplicate_sitting').map((i) => `${i.subject?.entryId ?? ""} ${i.subject?.paperId ?? ""}`)).toEqual(repeats);
    },
  );
});
