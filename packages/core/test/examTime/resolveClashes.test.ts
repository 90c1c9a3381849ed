import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildCentreTimetable, findClashes, resolveClashes, toLondon, type ExamRoomRules, type TimetabledPaper } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { arrangement, candidate, entry, paper, randomCentre } from './centreFixture.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');

function resolve(papers: TimetabledPaper[], codes: string[], extra = 0, allowEarlierSameDay = false) {
  const t = buildCentreTimetable({
    // Another candidate's afternoon paper on another day gives the timetable its usual afternoon start.
    papers: [...papers, paper('OTHER-PM', '2026-06-10', 'PM', 60)],
    candidates: [candidate('c1', '0001'), candidate('c2', '0002')],
    entries: [entry('e1', 'c1', codes), entry('e2', 'c2', ['OTHER-PM'])],
    accessArrangements: extra ? [arrangement('c1', 'extra_time', { extraTimePercent: extra })] : [],
  });
  return resolveClashes(findClashes(t, { rules }), t, { rules, allowEarlierSameDay });
}

describe('resolveClashes', () => {
  it('first proposes sitting the papers consecutively in the session with a supervised break, when the total is 3 hours or less', () => {
    const [r] = resolve([paper('A', '2026-06-01', 'AM', 60), paper('B', '2026-06-01', 'AM', 90)], ['A', 'B']);
    expect(r!.proposals).toHaveLength(1);
    expect(r!.recommended).toMatchObject({ rank: 1, kind: 'consecutive_in_session', feasible: true, order: ['A', 'B'], totalMinutes: 150, moves: [] });
    expect(r!.recommended!.explanation).toMatch(/consecutively in the AM session with a supervised break: 2h 30m/);
  });

  it('counts extra time: 1h + 1h30 with 25% extra time (3h 14m) is over 3 hours, so one paper moves to the afternoon of the same day', () => {
    const [r] = resolve([paper('A', '2026-06-01', 'AM', 60), paper('B', '2026-06-01', 'AM', 90)], ['A', 'B'], 25);
    expect(r!.proposals[0]).toMatchObject({ rank: 1, feasible: false, totalMinutes: 75 + 113 });
    expect(r!.recommended).toMatchObject({ rank: 2, kind: 'move_to_other_session', feasible: true });
    expect(r!.recommended!.moves).toEqual([
      { paperId: 'A', title: 'Paper A', from: { date: '2026-06-01', session: 'AM', startsAt: '2026-06-01T09:00:00.000+01:00' }, to: { date: '2026-06-01', session: 'PM', startsAt: '2026-06-01T13:30:00.000+01:00' }, direction: 'later' },
    ]);
    expect(r!.recommended!.conditions.join(' ')).toMatch(/supervision/);
  });

  it('never proposes sitting an afternoon paper in the morning by default: no paper moves earlier than scheduled', () => {
    const [r] = resolve([paper('A', '2026-06-01', 'PM', 120), paper('B', '2026-06-01', 'PM', 90)], ['A', 'B']);
    const moves = r!.proposals.filter((p) => p.kind === 'move_to_other_session');
    expect(moves).toEqual([expect.objectContaining({ feasible: false, moves: [] })]);
    expect(moves[0]!.explanation).toMatch(/before its published start/);
    expect(r!.recommended?.moves.every((m) => m.direction === 'later') ?? true).toBe(true);
  });

  it('with allowEarlierSameDay, moves an afternoon paper to the morning of the same day only, with the paper kept secure', () => {
    const [r] = resolve([paper('A', '2026-06-01', 'PM', 120), paper('B', '2026-06-01', 'PM', 90)], ['A', 'B'], 0, true);
    expect(r!.recommended!.kind).toBe('move_to_other_session');
    const move = r!.recommended!.moves[0]!;
    expect(move).toMatchObject({ to: { date: '2026-06-01', session: 'AM' }, direction: 'earlier_same_day' });
    expect(r!.recommended!.conditions.join(' ')).toMatch(/kept secure/);
  });

  it('does not move a paper into a session that would then be over 3 hours', () => {
    const [r] = resolve([paper('A', '2026-06-01', 'AM', 120), paper('B', '2026-06-01', 'AM', 90), paper('C', '2026-06-01', 'PM', 75)], ['A', 'B', 'C']);
    // Moving A (2h) to the afternoon gives 3h 15m there; moving B (1h 30m) gives 2h 45m.
    expect(r!.recommended!.moves.map((m) => m.paperId)).toEqual(['B']);
    expect(r!.proposals.filter((p) => p.kind === 'move_to_other_session')).toHaveLength(1);
  });

  it('uses overnight supervision only as a last resort, deferring an afternoon paper from Friday to Saturday morning, with the supervision conditions', () => {
    // Friday 5 June 2026: 2h + 1h30 in the morning (3h30), 2h30 in the afternoon: 6h in the day, over 5h30.
    const resolutions = resolve([paper('A', '2026-06-05', 'AM', 120), paper('B', '2026-06-05', 'AM', 90), paper('C', '2026-06-05', 'PM', 150)], ['A', 'B', 'C']);
    const session = resolutions.find((r) => r.clash.kind === 'same_session')!;
    expect(session.proposals.map((p) => [p.rank, p.feasible])).toEqual([
      [1, false],
      [2, false],
      [4, true],
    ]);
    const overnight = session.recommended!;
    expect(overnight.kind).toBe('overnight_supervision');
    expect(overnight.moves.map((m) => [m.paperId, m.to.date, m.to.session, m.direction])).toEqual([
      ['C', '2026-06-06', 'AM', 'later'],
      ['A', '2026-06-05', 'PM', 'later'],
    ]);
    expect(overnight.conditions).toEqual(expect.arrayContaining([...rules.overnightSupervisionConditions.value]));
    expect(overnight.source).toEqual(rules.overnightSupervisionConditions.source);

    // The day cannot hold all three papers (3h 30m in the morning, 4h 30m in the afternoon if one moves),
    // so the day-total clash also comes to the overnight deferral, with a morning paper in the freed afternoon.
    const day = resolutions.find((r) => r.clash.kind === 'day_total')!;
    expect(day.proposals.map((p) => [p.kind, p.feasible])).toEqual([
      ['sit_all_on_the_day', false],
      ['overnight_supervision', true],
    ]);
    expect(day.recommended!.moves.map((m) => m.paperId)).toEqual(['C', 'A']);
  });

  it('first offers every paper on the scheduled day when the day is over its limit but each session fits', () => {
    // 3h in the morning, 2h 50m in the afternoon: 5h 50m, over the GCSE 5h 30m.
    const [day] = resolve([paper('A', '2026-06-01', 'AM', 180), paper('B', '2026-06-01', 'PM', 170)], ['A', 'B']);
    expect(day!.clash.kind).toBe('day_total');
    expect(day!.recommended).toMatchObject({ rank: 3, kind: 'sit_all_on_the_day', feasible: true });
    expect(day!.recommended!.conditions.join(' ')).toMatch(/special consideration/i);
    expect(day!.proposals.filter((p) => p.kind === 'overnight_supervision').map((p) => [p.feasible, p.moves.map((m) => [m.paperId, m.to.date, m.to.session])])).toEqual([[true, [['B', '2026-06-02', 'AM']]]]);
  });

  it('offers no overnight supervision when the day is within its limit', () => {
    // 2h + 1h30 in the morning, 2h in the afternoon: 5h 30m, not over 5h 30m.
    const [r] = resolve([paper('A', '2026-06-01', 'AM', 120), paper('B', '2026-06-01', 'AM', 90), paper('C', '2026-06-01', 'PM', 120)], ['A', 'B', 'C']);
    expect(r!.proposals.some((p) => p.kind === 'overnight_supervision')).toBe(false);
    expect(r!.recommended).toBeUndefined();
    expect(r!.explanation).toMatch(/ask the awarding body for a timetable variation/);
  });

  it('never defers a morning paper overnight', () => {
    const resolutions = resolve([paper('A', '2026-06-01', 'AM', 150, { level: 'GCE' }), paper('B', '2026-06-01', 'AM', 150, { level: 'GCE' }), paper('C', '2026-06-01', 'AM', 90, { level: 'GCE' })], ['A', 'B', 'C']);
    const day = resolutions.find((r) => r.clash.kind === 'day_total')!;
    const overnight = day.proposals.filter((p) => p.kind === 'overnight_supervision');
    expect(overnight).toEqual([expect.objectContaining({ feasible: false, moves: [] })]);
    expect(overnight[0]!.explanation).toMatch(/only an afternoon paper may be deferred/);
  });

  fcTest.prop([randomCentre], { numRuns: 120 })('by default never moves a paper earlier than its published start', (centre) => {
    const t = buildCentreTimetable({ papers: centre.papers, candidates: centre.candidates, entries: centre.entries, accessArrangements: centre.arrangements });
    for (const r of resolveClashes(findClashes(t, { rules }), t, { rules })) {
      for (const p of r.proposals) {
        for (const m of p.moves) {
          expect(m.direction).toBe('later');
          expect(m.to.date >= m.from.date).toBe(true);
          if (m.to.startsAt) expect(toLondon(m.to.startsAt).toMillis()).toBeGreaterThan(toLondon(m.from.startsAt).toMillis());
        }
      }
    }
  });

  fcTest.prop([randomCentre], { numRuns: 120 })('with allowEarlierSameDay: never to an earlier day, an earlier session only the same day', (centre) => {
    const t = buildCentreTimetable({ papers: centre.papers, candidates: centre.candidates, entries: centre.entries, accessArrangements: centre.arrangements });
    for (const r of resolveClashes(findClashes(t, { rules }), t, { rules, allowEarlierSameDay: true })) {
      for (const p of r.proposals) {
        expect(p.explanation.length).toBeGreaterThan(0);
        for (const m of p.moves) {
          expect(m.to.date >= m.from.date).toBe(true);
          if (m.to.startsAt && m.direction === 'later') expect(toLondon(m.to.startsAt).toMillis()).toBeGreaterThan(toLondon(m.from.startsAt).toMillis());
          if (m.direction === 'earlier_same_day') {
            expect(p.kind).toBe('move_to_other_session');
            expect([m.to.date, m.from.session, m.to.session]).toEqual([m.from.date, 'PM', 'AM']);
          }
          if (p.kind === 'overnight_supervision' && m.to.date !== m.from.date) expect([m.from.session, m.to.session]).toEqual(['PM', 'AM']);
        }
      }
      // Proposals come in JCQ order.
      const ranks = r.proposals.map((p) => p.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});

describe('resolveClashes: when nothing fits the limits', () => {
  const gce = { level: 'GCE' as const };
  const three = [paper('A', '2026-06-03', 'AM', 120, gce), paper('B', '2026-06-03', 'AM', 120, gce), paper('C', '2026-06-03', 'AM', 120, gce)];

  function resolveWith(r: ExamRoomRules) {
    const t = buildCentreTimetable({
      papers: [...three, paper('OTHER-PM', '2026-06-10', 'PM', 60)],
      candidates: [candidate('c1', '0001'), candidate('c2', '0002')],
      entries: [entry('e1', 'c1', ['A', 'B', 'C']), entry('e2', 'c2', ['OTHER-PM'])],
      accessArrangements: [],
    });
    return resolveClashes(findClashes(t, { rules: r }), t, { rules: r }).find((x) => x.clash.sittings.length === 3)!;
  }

  it('has a GCE candidate with three papers totalling exactly 6 h sit all three that day as the rules pack says, not ask the awarding body (issue 13)', () => {
    const steps = ['Sit one paper in the other session', 'Supervised breaks between papers'];
    const r = resolveWith({ ...rules, sitAllOnTheDay: { value: steps, source: { document: 'JCQ ICE', section: '7', year: '2025/26' }, confidence: 'reading' } });
    expect(r.recommended).toMatchObject({ kind: 'sit_all_on_the_day', feasible: true, conditions: steps, source: { document: 'JCQ ICE' } });
    expect(r.explanation).toContain('Sit all 3 papers on 2026-06-03 (6h): Sit one paper in the other session; Supervised breaks between papers (confidence: reading)');
    expect(r.explanation).not.toContain('ask the awarding body');
  });

  it('says no resolution fits when the rules pack gives no such advice', () => {
    const { sitAllOnTheDay: _s, ...without } = rules;
    expect(resolveWith(without).explanation).toContain('No resolution fits the rules');
  });
});
