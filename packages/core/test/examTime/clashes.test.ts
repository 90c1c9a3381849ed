import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildCentreTimetable, effectiveDurationMinutes, findClashes, findClashesCompact, type CentreTimetable, type ExamRoomRules } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { arrangement, candidate, entry, paper, randomCentre } from './centreFixture.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');

/** The naive reference: compare every pair of sittings, then total each candidate's day. */
function naiveClashes(t: CentreTimetable, r: ExamRoomRules): string[] {
  const all = t.candidates.flatMap((c) => c.sittings.map((s) => ({ s, allowance: c.allowance })));
  const sessions = new Map<string, Set<string>>();
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!.s;
      const b = all[j]!.s;
      if (a.candidateId === b.candidateId && a.date === b.date && a.session === b.session && a.paperId !== b.paperId) {
        const key = `${a.candidateId}|${a.date}|${a.session}`;
        const set = sessions.get(key) ?? new Set<string>();
        set.add(a.paperId).add(b.paperId);
        sessions.set(key, set);
      }
    }
  }
  const out: string[] = [];
  for (const [key, set] of sessions) {
    const [cid, date, session] = key.split('|');
    const total = all.filter((x) => x.s.candidateId === cid && x.s.date === date && x.s.session === session).reduce((m, x) => m + effectiveDurationMinutes(x.s.paper.durationMinutes, x.allowance), 0);
    out.push(`same_session|${cid}|${date}|${session}|${[...set].sort().join(',')}|${total}`);
  }
  const days = new Map<string, typeof all>();
  for (const x of all) {
    const key = `${x.s.candidateId}|${x.s.date}`;
    days.set(key, [...(days.get(key) ?? []), x]);
  }
  for (const [key, xs] of days) {
    const total = xs.reduce((m, x) => m + effectiveDurationMinutes(x.s.paper.durationMinutes, x.allowance), 0);
    const limits = xs.map((x) => r.overnightThresholdMinutes.value[x.s.paper.level]).filter((v): v is number => v !== undefined);
    if (xs.length >= 2 && limits.length && total > Math.min(...limits)) {
      out.push(`day_total|${key}|day|${xs.map((x) => x.s.paperId).sort().join(',')}|${total}`);
    }
  }
  return out.sort();
}

function summary(t: CentreTimetable): string[] {
  return findClashes(t, { rules })
    .map((c) => `${c.kind}|${c.candidateId}|${c.date}|${c.session ?? 'day'}|${c.sittings.map((s) => s.paperId).sort().join(',')}|${c.totalMinutes}`)
    .sort();
}

describe('findClashes', () => {
  it('finds two papers timetabled in the same session for a candidate', () => {
    const t = buildCentreTimetable({
      papers: [paper('A', '2026-06-01', 'AM', 60), paper('B', '2026-06-01', 'AM', 75, { startTime: '09:15' }), paper('C', '2026-06-01', 'PM', 60)],
      candidates: [candidate('c1', '0001'), candidate('c2', '0002')],
      entries: [entry('e1', 'c1', ['A', 'B', 'C']), entry('e2', 'c2', ['A', 'C'])],
    });
    const clashes = findClashes(t, { rules });
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({ kind: 'same_session', candidateNumber: '0001', date: '2026-06-01', session: 'AM', totalMinutes: 135, limitMinutes: 180, overLimit: false });
    expect(clashes[0]!.sittings.map((s) => s.paperId)).toEqual(['A', 'B']);
    expect(clashes[0]!.explanation).toMatch(/2h 15m including extra time and rest breaks, within the 3h/);
  });

  it('counts extra time in the session total: two 1h30 papers with 25% extra time are over 3 hours', () => {
    const t = buildCentreTimetable({
      papers: [paper('A', '2026-06-01', 'AM', 90), paper('B', '2026-06-01', 'AM', 90)],
      candidates: [candidate('c1', '0001')],
      entries: [entry('e1', 'c1', ['A', 'B'])],
      accessArrangements: [arrangement('c1', 'extra_time', { extraTimePercent: 25 })],
    });
    expect(findClashes(t, { rules })[0]).toMatchObject({ totalMinutes: 226, overLimit: true });
  });

  it('finds a GCSE day over 5h30 including extra time, and not a GCE day of exactly 6h', () => {
    const gcse = buildCentreTimetable({
      papers: [paper('A', '2026-06-01', 'AM', 120), paper('B', '2026-06-01', 'PM', 120), paper('C', '2026-06-01', 'PM', 100)],
      candidates: [candidate('c1', '0001')],
      entries: [entry('e1', 'c1', ['A', 'B', 'C'])],
    });
    const day = findClashes(gcse, { rules }).find((c) => c.kind === 'day_total');
    expect(day).toMatchObject({ totalMinutes: 340, limitMinutes: 330, level: 'GCSE', overLimit: true });
    const gce = buildCentreTimetable({
      papers: [paper('A', '2026-06-01', 'AM', 180, { level: 'GCE' }), paper('B', '2026-06-01', 'PM', 180, { level: 'GCE' })],
      candidates: [candidate('c1', '0001')],
      entries: [entry('e1', 'c1', ['A', 'B'])],
    });
    expect(findClashes(gce, { rules })).toEqual([]);
    const gceWithRest = buildCentreTimetable({
      papers: [paper('A', '2026-06-01', 'AM', 180, { level: 'GCE' }), paper('B', '2026-06-01', 'PM', 180, { level: 'GCE' })],
      candidates: [candidate('c1', '0001')],
      entries: [entry('e1', 'c1', ['A', 'B'])],
      accessArrangements: [arrangement('c1', 'rest_breaks', { restBreakMinutesPerHour: 5 })],
    });
    expect(findClashes(gceWithRest, { rules })).toEqual([expect.objectContaining({ kind: 'day_total', totalMinutes: 390, limitMinutes: 360 })]);
  });

  it('uses the strictest limit on a day mixing GCSE and GCE papers', () => {
    const t = buildCentreTimetable({
      papers: [paper('A', '2026-06-01', 'AM', 180, { level: 'GCE' }), paper('B', '2026-06-01', 'PM', 160)],
      candidates: [candidate('c1', '0001')],
      entries: [entry('e1', 'c1', ['A', 'B'])],
    });
    expect(findClashes(t, { rules })).toEqual([expect.objectContaining({ kind: 'day_total', limitMinutes: 330, level: 'GCSE' })]);
  });

  fcTest.prop([randomCentre], { numRuns: 150 })('agrees with a naive pairwise reference', (centre) => {
    const t = buildCentreTimetable({ papers: centre.papers, candidates: centre.candidates, entries: centre.entries, accessArrangements: centre.arrangements });
    expect(summary(t)).toEqual(naiveClashes(t, rules));
  });
});

describe('findClashesCompact', () => {
  const base = {
    candidateCount: 2,
    sittingCandidate: Int32Array.from([0, 0, 1, 0]),
    sittingPaper: Int32Array.from([0, 1, 0, 1]),
    paperSlot: Int32Array.from([4, 4]),
    paperMinutes: Int32Array.from([60, 60]),
    paperDayLimit: Int32Array.from([330, 330]),
  };
  it('counts a paper entered twice once', () => {
    const out = findClashesCompact(base, { consecutiveMaxMinutes: 180 });
    expect(out.count).toBe(1);
    expect([out.candidate[0], out.slot[0], out.totalMinutes[0], out.length[0]]).toEqual([0, 4, 120, 2]);
  });
  it('refuses a sitting that names a candidate or paper outside the columns', () => {
    expect(() => findClashesCompact({ ...base, sittingCandidate: Int32Array.from([0, 0, 2, 0]) }, { consecutiveMaxMinutes: 180 })).toThrowError(expect.objectContaining({ code: 'invalid_value', location: expect.objectContaining({ field: 'sittingCandidate' }) }));
    expect(() => findClashesCompact({ ...base, sittingPaper: Int32Array.from([0, 1, 0]) }, { consecutiveMaxMinutes: 180 })).toThrowError(/sittingPaper/);
    expect(() => findClashesCompact({ ...base, candidateExtraTimePercent: [25] }, { consecutiveMaxMinutes: 180 })).toThrowError(/candidateExtraTimePercent/);
  });
});
