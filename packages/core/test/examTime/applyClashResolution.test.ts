import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  applyClashResolution,
  applyClashResolutions,
  buildCentreTimetable,
  findClashes,
  createSittingRecord,
  planSeating,
  recordArrival,
  resolveClashes,
  sessionPapers,
  type CentreTimetable,
  type ExamRoomRules,
  type TimetabledPaper,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { arrangement, candidate, entry, paper, randomCentre, room } from './centreFixture.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');
const rooms = [room('hall', 10, 10), room('gym', 10, 10)];

/** The issue's case: candidate 0001 sits GCSE Maths (1h 30m) and Statistics (1h 45m) in the same morning, 3h 15m together. */
function mathsClash() {
  const papers: TimetabledPaper[] = [
    paper('MATHS', '2026-06-02', 'AM', 90, { title: 'GCSE Mathematics 1H' }),
    paper('STATS', '2026-06-02', 'AM', 105, { title: 'GCSE Statistics 1H' }),
    paper('BIO', '2026-06-02', 'PM', 105, { title: 'GCSE Biology 1H' }),
  ];
  const timetable = buildCentreTimetable({
    papers,
    candidates: [candidate('c1', '0001'), candidate('c2', '0002'), candidate('c3', '0003')],
    entries: [entry('e1', 'c1', ['MATHS', 'STATS']), entry('e2', 'c2', ['MATHS']), entry('e3', 'c3', ['BIO'])],
  });
  const [resolution] = resolveClashes(findClashes(timetable, { rules }), timetable, { rules });
  return { timetable, resolution: resolution! };
}

/** Where each candidate is seated (`date.session` → room ids) across every session's plan. */
function seatedIn(timetable: CentreTimetable) {
  return timetable.sessions.map((s) => ({ key: s.key, plan: planSeating({ session: s, rooms }, { rules }) }));
}

describe('applyClashResolution', () => {
  it('a candidate advised to sit Maths in the afternoon is seated for Maths in the afternoon, and for Statistics alone in the morning', () => {
    const { timetable, resolution } = mathsClash();
    expect(resolution.recommended).toMatchObject({ kind: 'move_to_other_session', moves: [expect.objectContaining({ paperId: 'MATHS', to: expect.objectContaining({ session: 'PM' }) })] });
    const result = applyClashResolution(timetable, resolution);
    expect(result).toMatchObject({ applied: true, kind: 'move_to_other_session', issues: [] });
    expect(result.explanation).toMatch(/sits GCSE Mathematics 1H on 2026-06-02 PM \(published 2026-06-02 AM\)/);
    const c1 = result.timetable.candidates.find((c) => c.candidateId === 'c1')!;
    expect(c1.sittings.map((s) => [s.paperId, s.session, s.startTime])).toEqual([
      ['STATS', 'AM', '09:00'],
      ['MATHS', 'PM', '13:30'],
    ]);
    expect(c1.sittings[1]!.variation).toMatchObject({ kind: 'move_to_other_session', published: { date: '2026-06-02', session: 'AM', startTime: '09:00' } });

    const plans = seatedIn(result.timetable);
    const am = plans.find((p) => p.key === '2026-06-02.AM')!.plan;
    const pm = plans.find((p) => p.key === '2026-06-02.PM')!.plan;
    const seatOf = (plan: typeof am, id: string) => plan.rooms.flatMap((r) => r.seats).find((s) => s.candidateId === id);
    expect(seatOf(am, 'c1')!.paperIds).toEqual(['STATS']);
    expect(seatOf(pm, 'c1')!.paperIds).toEqual(['MATHS']);
    // The plan shows the moved paper with its published slot and the supervision to keep.
    expect(seatOf(pm, 'c1')!.variations).toEqual([expect.objectContaining({ paperId: 'MATHS', kind: 'move_to_other_session', published: expect.objectContaining({ session: 'AM' }) })]);
    expect(seatOf(pm, 'c1')!.variations![0]!.conditions.join(' ')).toMatch(/supervision/);
    expect(seatOf(am, 'c2')).not.toHaveProperty('variations');
    expect(seatOf(am, 'c2')!.paperIds).toEqual(['MATHS']);
  });

  it('the register of each session lists the candidate where they actually sit, timed from the start they were given', () => {
    const { timetable, resolution } = mathsClash();
    const applied = applyClashResolution(timetable, resolution).timetable;
    const registers = seatedIn(applied).flatMap(({ key, plan }) =>
      plan.rooms.map((r) => createSittingRecord({ date: plan.date, session: plan.session, seatingPlanUsed: r, papers: sessionPapers(applied, key) })),
    );
    const lines = registers.flatMap((r) => r.register.filter((l) => l.candidateId === 'c1').map((l) => `${r.date}.${r.session} ${l.paperId}`));
    expect(lines.sort()).toEqual(['2026-06-02.AM STATS', '2026-06-02.PM MATHS']);
    // Arriving at 13:25 for Maths sat in the afternoon is on time, not an hour-plus late.
    const pmRecord = registers.find((r) => r.session === 'PM' && r.register.some((l) => l.candidateId === 'c1'))!;
    const marked = recordArrival(pmRecord, { candidateId: 'c1', paperId: 'MATHS', arrivedAt: '2026-06-02T13:25:00+01:00', by: { id: 'inv-1', role: 'invigilator' } }, rules);
    expect(marked.register.find((l) => l.candidateId === 'c1')!.status).toBe('present');
  });

  it('after the move, the timetable has no clash left for the candidate', () => {
    const { timetable, resolution } = mathsClash();
    const applied = applyClashResolution(timetable, resolution).timetable;
    expect(findClashes(applied, { rules }).filter((c) => c.candidateId === 'c1')).toEqual([]);
  });

  it('consecutive sitting keeps both papers in their session, in order, with the supervised break as a condition', () => {
    const t = buildCentreTimetable({ papers: [paper('A', '2026-06-01', 'AM', 60), paper('B', '2026-06-01', 'AM', 90)], candidates: [candidate('c1', '0001')], entries: [entry('e1', 'c1', ['A', 'B'])] });
    const [r] = resolveClashes(findClashes(t, { rules }), t, { rules });
    const result = applyClashResolution(t, r!);
    expect(result.kind).toBe('consecutive_in_session');
    expect(result.timetable.candidates[0]!.sittings.map((s) => [s.paperId, s.session, s.variation?.order])).toEqual([
      ['A', 'AM', 1],
      ['B', 'AM', 2],
    ]);
    expect(result.changed[0]!.variation!.conditions.join(' ')).toMatch(/supervised break/);
    const plan = planSeating({ session: result.timetable.sessions[0]!, rooms }, { rules });
    expect(plan.rooms.flatMap((x) => x.seats)).toEqual([expect.objectContaining({ candidateId: 'c1', paperIds: ['A', 'B'] })]);
  });

  it('overnight supervision defers the afternoon paper to the next morning', () => {
    // GCE, 6h limit: three 2h 30m papers (two in the morning would be over 3h).
    const papers = [paper('A', '2026-06-04', 'AM', 150, { level: 'GCE' }), paper('B', '2026-06-04', 'PM', 150, { level: 'GCE' }), paper('C', '2026-06-04', 'PM', 90, { level: 'GCE' }), paper('D', '2026-06-05', 'AM', 60, { level: 'GCE' })];
    const t = buildCentreTimetable({ papers, candidates: [candidate('c1', '0001'), candidate('c2', '0002')], entries: [entry('e1', 'c1', ['A', 'B', 'C']), entry('e2', 'c2', ['D'])] });
    const resolutions = resolveClashes(findClashes(t, { rules }), t, { rules });
    const chosen = resolutions.flatMap((r) => r.proposals.filter((p) => p.kind === 'overnight_supervision' && p.feasible).map((proposal) => ({ clash: r.clash, proposal })))[0];
    expect(chosen).toBeDefined();
    const result = applyClashResolution(t, chosen!);
    expect(result.applied).toBe(true);
    const moved = result.changed.find((s) => s.date === '2026-06-05')!;
    expect(moved).toMatchObject({ session: 'AM', startTime: '09:00', variation: { kind: 'overnight_supervision', published: { date: '2026-06-04', session: 'PM' } } });
    expect(result.timetable.sessions.find((s) => s.key === '2026-06-05.AM')!.sittings.map((s) => s.candidateId).sort()).toEqual(['c1', 'c2']);
  });

  it('does not apply a resolution whose paper has already moved, and says why', () => {
    const { timetable, resolution } = mathsClash();
    const once = applyClashResolution(timetable, resolution).timetable;
    const again = applyClashResolution(once, resolution);
    expect(again).toMatchObject({ applied: false, issues: [expect.objectContaining({ code: 'sitting_elsewhere', severity: 'error', subject: expect.objectContaining({ paperId: 'MATHS', clashId: resolution.clash.id }) })] });
    expect(again.timetable).toBe(once);
  });

  it('does not apply an infeasible proposal, or a clash with no feasible proposal', () => {
    const { timetable, resolution } = mathsClash();
    const infeasible = resolution.proposals.find((p) => !p.feasible)!;
    expect(applyClashResolution(timetable, { clash: resolution.clash, proposal: infeasible }).issues[0]!.code).toBe('infeasible_proposal');
    const { recommended: _r, ...none } = resolution;
    expect(applyClashResolution(timetable, none).issues[0]!.code).toBe('no_feasible_proposal');
  });

  it('property (seeded): after every applied resolution no candidate is in two rooms at once, every paper is sat exactly once, and the registers list each sitting once, where it is sat', () => {
    let moved = 0;
    fc.assert(
      fc.property(randomCentre, ({ papers, candidates, entries, arrangements }) => {
        const timetable = buildCentreTimetable({ papers, candidates, entries, accessArrangements: arrangements.concat(arrangement('c0', 'extra_time', { extraTimePercent: 50 })) });
        const before = new Set(timetable.candidates.flatMap((c) => c.sittings.map((s) => `${s.candidateId}|${s.paperId}`)));
        const { timetable: applied, results } = applyClashResolutions(timetable, resolveClashes(findClashes(timetable, { rules }), timetable, { rules }));
        for (const r of results) if (!r.applied) expect(r.issues.length).toBe(1);
        moved += applied.candidates.flatMap((c) => c.sittings).filter((s) => s.variation && s.session !== s.variation.published.session).length;
        const sat: string[] = [];
        const registered: string[] = [];
        for (const s of applied.sessions) {
          const plan = planSeating({ session: s, rooms: [room('hall', 12, 12), room('gym', 12, 12)] }, { rules });
          const here = [...plan.rooms.flatMap((r) => r.seats.map((x) => ({ id: x.candidateId, paperIds: x.paperIds }))), ...plan.unseated.map((u) => ({ id: u.candidateId, paperIds: u.paperIds }))];
          // One place per candidate per session.
          expect(new Set(here.map((h) => h.id)).size).toBe(here.length);
          for (const h of here) for (const p of h.paperIds) sat.push(`${h.id}|${p}`);
          // Each room's register: the sittings seated there, in this session, timed as sat here.
          const sitting = new Map(s.sittings.map((x) => [`${x.candidateId}|${x.paperId}`, x]));
          for (const r of plan.rooms) {
            const record = createSittingRecord({ date: s.date, session: s.session, seatingPlanUsed: r, papers: sessionPapers(applied, s.key) });
            for (const l of record.register) {
              registered.push(`${l.candidateId}|${l.paperId}`);
              const p = record.papers.find((x) => x.id === l.paperId)!;
              expect([p.date, p.session, p.startTime]).toEqual([s.date, s.session, sitting.get(`${l.candidateId}|${l.paperId}`)!.startTime]);
            }
          }
        }
        expect(sat.length).toBe(new Set(sat).size);
        expect(new Set(sat)).toEqual(before);
        expect(registered.length).toBe(new Set(registered).size);
      }),
      { seed: 20260602, numRuns: 150 },
    );
    // The generated centres do move papers (the property is not vacuous).
    expect(moved).toBeGreaterThan(0);
  });
});
