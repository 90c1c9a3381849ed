import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  applyClashResolution,
  buildCentreTimetable,
  contingencyDayCheck,
  findClashes,
  planSeating,
  resolveClashes,
  effectiveDurationMinutes,
  examSeries,
  isExamcycleError,
  personalTimetable,
  statementOfEntry,
  timeAllowanceOf,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { arrangement, candidate, entry, paper, randomCentre, room } from './centreFixture.js';

describe('effectiveDurationMinutes', () => {
  it('adds 25% extra time, rounding up to the whole minute', () => {
    expect(effectiveDurationMinutes(90, { extraTimePercent: 25, restBreakMinutesPerHour: 0 })).toBe(113);
  });
  it('adds 50% extra time', () => {
    expect(effectiveDurationMinutes(120, { extraTimePercent: 50, restBreakMinutesPerHour: 0 })).toBe(180);
  });
  it('adds another approved percentage of extra time', () => {
    expect(effectiveDurationMinutes(100, { extraTimePercent: 33, restBreakMinutesPerHour: 0 })).toBe(133);
  });
  it('adds supervised rest breaks per hour of extended working time', () => {
    expect(effectiveDurationMinutes(60, { extraTimePercent: 0, restBreakMinutesPerHour: 10 })).toBe(70);
    // 60 min + 25% = 75 min; 10 min per hour of 75 min = 12.5, rounded up to 13.
    expect(effectiveDurationMinutes(60, { extraTimePercent: 25, restBreakMinutesPerHour: 10 })).toBe(88);
  });
  it('refuses a negative or fractional duration with a typed error', () => {
    expect(() => effectiveDurationMinutes(-5, { extraTimePercent: 0, restBreakMinutesPerHour: 0 })).toThrowError(expect.objectContaining({ code: 'invalid_value' }));
    expect(() => effectiveDurationMinutes(60, { extraTimePercent: 12.5, restBreakMinutesPerHour: 0 })).toThrowError(/extraTimePercent/);
  });
  fcTest.prop([fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 })])(
    'never allows less than the published duration plus the extra time',
    (d, x, r) => {
      const m = effectiveDurationMinutes(d, { extraTimePercent: x, restBreakMinutesPerHour: r });
      expect(m).toBeGreaterThanOrEqual(d + (d * x) / 100);
      expect(m).toBeLessThan(d + (d * x) / 100 + 1 + r * ((d * (100 + x)) / 100 + 1) / 60 + 1);
    },
  );
});

describe('timeAllowanceOf', () => {
  it('takes the largest extra-time percentage and rest-break allowance of the candidate', () => {
    const a = [arrangement('c1', 'extra_time', { extraTimePercent: 25 }), arrangement('c1', 'extra_time', { id: 'x2', extraTimePercent: 50 }), arrangement('c1', 'rest_breaks', { restBreakMinutesPerHour: 10 }), arrangement('c2', 'extra_time', { extraTimePercent: 100 })];
    expect(timeAllowanceOf('c1', a)).toEqual({ extraTimePercent: 50, restBreakMinutesPerHour: 10 });
    expect(timeAllowanceOf('c3', a)).toEqual({ extraTimePercent: 0, restBreakMinutesPerHour: 0 });
  });
});

describe('buildCentreTimetable', () => {
  const papers = [
    paper('8300/1H', '2026-06-01', 'AM', 90),
    paper('8300/2H', '2026-06-08', 'AM', 90),
    paper('7062/1', '2026-06-01', 'PM', 120, { level: 'GCE', awardingBodyId: 'OCR', componentCode: '7062/1' }),
    paper('8300/1H-other-series', '2026-11-04', 'AM', 90, { seriesId: 'november-2026', componentCode: '8300/1H' }),
  ];
  const candidates = [candidate('c1', '0001'), candidate('c2', '0002'), candidate('c3', '0003')];

  it('links entries to papers by awarding body, series and component code', () => {
    const t = buildCentreTimetable({
      papers,
      candidates,
      entries: [entry('e1', 'c1', ['8300/1H', '8300/2H']), entry('e2', 'c1', ['7062/1'], { awardingBodyId: 'OCR' }), entry('e3', 'c2', ['7062/1'])],
    });
    const c1 = t.candidates.find((c) => c.candidateId === 'c1')!;
    expect(c1.sittings.map((s) => s.paperId)).toEqual(['8300/1H', '7062/1', '8300/2H']);
    // c2's entry is with AQA, and AQA has no component 7062/1: it is reported, not silently dropped.
    expect(t.issues).toEqual([expect.objectContaining({ code: 'component_not_timetabled', severity: 'warning', subject: { entryId: 'e3', candidateId: 'c2' }, location: { field: 'componentCodes', value: '7062/1' } })]);
    expect(t.sessions.map((s) => [s.key, s.candidateCount])).toEqual([
      ['2026-06-01.AM', 1],
      ['2026-06-01.PM', 1],
      ['2026-06-08.AM', 1],
    ]);
  });

  it('a sitting names the very timetabled paper it is of, one object shared by every sitting of that paper', () => {
    const t = buildCentreTimetable({ papers, candidates, entries: [entry('e1', 'c1', ['8300/1H', '8300/2H']), entry('e2', 'c2', ['8300/1H']), entry('e3', 'c3', ['8300/1H'])] });
    const sittingsOf1H = t.sessions.find((x) => x.key === '2026-06-01.AM')!.sittings;
    expect(sittingsOf1H).toHaveLength(3);
    for (const s of sittingsOf1H) {
      expect(s.paper).toBe(papers[0]);
      expect(s.paperId).toBe(s.paper.id);
    }
    // What is the candidate's own stays on the sitting: where and when they sit it, and their allowed minutes.
    const [s1] = t.candidates.find((c) => c.candidateId === 'c1')!.sittings;
    expect(s1).toMatchObject({ candidateId: 'c1', entryId: 'e1', date: '2026-06-01', session: 'AM', startTime: '09:00', allowedMinutes: 90 });
    expect(Object.keys(s1!)).not.toContain('title');
  });

  it('refuses, with invalid_value naming the field, a sitting without its paper (the old flat shape) in every examTime function that reads one', () => {
    // Two long papers in one morning: a clash, so the clash resolver and its applier read the sittings too.
    const long = paper('8700/1', '2026-06-01', 'AM', 150);
    const t = buildCentreTimetable({ papers: [...papers, long], candidates, entries: [entry('e1', 'c1', ['8300/1H', '7062/1', '8700/1']), entry('e2', 'c1', ['7062/1'], { awardingBodyId: 'OCR' })] });
    const rules = fixturePack.examRoomRules('2025/26');
    const clashes = findClashes(t, { rules });
    const [resolution] = resolveClashes(clashes, t, { rules });
    expect(resolution?.recommended?.feasible).toBe(true);
    const tc = t.candidates[0]!;
    const { paper: _dropped, ...flat } = tc.sittings[0]!;
    const old = { ...flat, title: 'Paper 8300/1H', level: 'GCSE', kind: 'written' } as unknown as (typeof tc.sittings)[number];
    const broken = { ...t, candidates: [{ ...tc, sittings: [old, ...tc.sittings.slice(1)] }], sessions: t.sessions.map((x) => ({ ...x, sittings: x.sittings.map((y) => (y === tc.sittings[0] ? old : y)) })) };
    const refusals: unknown[] = [];
    const attempt = (f: () => unknown): void => {
      try {
        f();
        refusals.push('no refusal');
      } catch (e) {
        refusals.push(isExamcycleError(e) ? [e.code, e.location?.field] : e);
      }
    };
    attempt(() => findClashes(broken, { rules }));
    attempt(() => planSeating({ session: broken.sessions[0]!, rooms: [room('r1', 5, 5)] }, { rules }));
    attempt(() => statementOfEntry(broken, 'c1'));
    attempt(() => contingencyDayCheck(broken, []));
    attempt(() => resolveClashes(clashes, broken, { rules }));
    attempt(() => resolveClashes([{ ...clashes[0]!, sittings: [old, ...clashes[0]!.sittings.slice(1)] }], { ...t, candidates: [] }, { rules }));
    attempt(() => applyClashResolution(broken, resolution!));
    expect(refusals).toEqual([
      ['invalid_value', 'timetable.candidates[].sittings[].paper'],
      ['invalid_value', 'session.sittings[].paper'],
      ['invalid_value', 'candidate.sittings[].paper'],
      ['invalid_value', 'timetable.candidates[].sittings[].paper'],
      ['invalid_value', 'timetable.candidates[].sittings[].paper'],
      ['invalid_value', 'clashes[].sittings[].paper'],
      ['invalid_value', 'timetable.candidates[].sittings[].paper'],
    ]);
  });

  it('gives withdrawn and rejected entries no sittings', () => {
    const t = buildCentreTimetable({ papers, candidates, entries: [entry('e1', 'c1', ['8300/1H'], { status: 'withdrawn' }), entry('e2', 'c2', ['8300/1H'], { status: 'rejected' }), entry('e3', 'c3', ['8300/1H'])] });
    expect(t.candidates.map((c) => c.candidateId)).toEqual(['c3']);
  });

  it('reports an entry for an unknown candidate, an entry without components, and a paper entered twice', () => {
    const t = buildCentreTimetable({
      papers,
      candidates,
      entries: [entry('e1', 'ghost', ['8300/1H']), entry('e2', 'c1', []), entry('e3', 'c2', ['8300/1H']), entry('e4', 'c2', ['8300/1H'])],
    });
    expect(t.issues).toEqual([
      { code: 'unknown_candidate', severity: 'error', subject: { entryId: 'e1', candidateId: 'ghost' }, message: 'Entry e1 is for candidate ghost, who is not on the candidate list' },
      { code: 'no_components', severity: 'warning', subject: { entryId: 'e2', candidateId: 'c1' }, location: { field: 'componentCodes', value: expect.any(String) }, message: expect.stringContaining('lists no components') },
      { code: 'duplicate_sitting', severity: 'warning', subject: { entryId: 'e4', candidateId: 'c2', paperId: '8300/1H' }, message: 'Candidate 0002 is entered for paper 8300/1H more than once; it is sat once' },
    ]);
    expect(t.candidates.find((c) => c.candidateId === 'c2')!.sittings).toHaveLength(1);
  });

  it('counts extra time and rest breaks in every sitting', () => {
    const t = buildCentreTimetable({ papers, candidates, entries: [entry('e1', 'c1', ['8300/1H'])], accessArrangements: [arrangement('c1', 'extra_time', { extraTimePercent: 50 })] });
    expect(t.candidates[0]!.sittings[0]!.allowedMinutes).toBe(135);
  });

  fcTest.prop([randomCentre, fc.nat()], { numRuns: 60 })('gives the same timetable whatever the input order', (centre, seed) => {
    const shuffle = <T,>(xs: T[]) => xs.map((x, i) => [x, (i * 7919 + seed) % 104729] as const).sort((a, b) => a[1] - b[1]).map(([x]) => x);
    const a = buildCentreTimetable({ papers: centre.papers, candidates: centre.candidates, entries: centre.entries, accessArrangements: centre.arrangements });
    const b = buildCentreTimetable({ papers: shuffle(centre.papers), candidates: shuffle(centre.candidates), entries: shuffle(centre.entries), accessArrangements: shuffle(centre.arrangements) });
    expect(b).toEqual(a);
  });
});

describe('personalTimetable', () => {
  it("gives each paper's published start and the candidate's finish, extra time included, in London time", () => {
    const t = buildCentreTimetable({ papers: [paper('A', '2026-06-01', 'AM', 90), paper('B', '2026-06-01', 'PM', 60)], candidates: [candidate('c1', '0001')], entries: [entry('e1', 'c1', ['A', 'B'])], accessArrangements: [arrangement('c1', 'extra_time', { extraTimePercent: 25 })] });
    const pt = personalTimetable(t, 'c1');
    expect(pt.days).toHaveLength(1);
    expect(pt.days[0]!.lines.map((l) => [l.startsAt, l.finishesAt])).toEqual([
      ['2026-06-01T09:00:00.000+01:00', '2026-06-01T10:53:00.000+01:00'],
      ['2026-06-01T13:30:00.000+01:00', '2026-06-01T14:45:00.000+01:00'],
    ]);
    expect(pt.days[0]!.totalAllowedMinutes).toBe(113 + 75);
  });
  it('refuses a candidate who is not on the timetable', () => {
    const t = buildCentreTimetable({ papers: [], candidates: [], entries: [] });
    try {
      personalTimetable(t, 'nobody');
      expect.unreachable();
    } catch (e) {
      expect(isExamcycleError(e) && e.code).toBe('invalid_value');
    }
  });
});

describe('statementOfEntry', () => {
  it('lists the legal names, each entry with its components, the timetabled papers and the allowed time', () => {
    const t = buildCentreTimetable({
      papers: [paper('8300/1H', '2026-06-01', 'AM', 90)],
      candidates: [candidate('c1', '0001', { legalSurname: 'Okafor', legalForenames: 'Chidi Ann' })],
      entries: [entry('e1', 'c1', ['8300/1H', '8300/NEA'], { entryCode: '8300H' })],
      accessArrangements: [arrangement('c1', 'extra_time')],
    });
    const soe = statementOfEntry(t, 'c1');
    expect(soe).toMatchObject({ candidateNumber: '0001', legalSurname: 'Okafor', legalForenames: 'Chidi Ann', accessArrangements: ['extra_time'] });
    expect(soe.entries).toEqual([
      {
        entryId: 'e1',
        seriesId: 'june-2026',
        awardingBodyId: 'AQA',
        entryCode: '8300H',
        components: [
          { componentCode: '8300/1H', paper: { paperId: '8300/1H', title: 'Paper 8300/1H', date: '2026-06-01', session: 'AM', startTime: '09:00', durationMinutes: 90, allowedMinutes: 113 } },
          { componentCode: '8300/NEA' },
        ],
      },
    ]);
    expect(soe.notes.join(' ')).toMatch(/extra time \(25%\)/);
  });
});

describe('contingencyDayCheck', () => {
  const keyDates = fixturePack.keyDates(examSeries('june', 2026));
  const t = buildCentreTimetable({
    papers: [paper('A', '2026-06-01', 'AM', 90), paper('N', '2026-11-04', 'AM', 90, { seriesId: 'november-2026' })],
    candidates: [candidate('c1', '0001', { contingencyDayNoticeGiven: true }), candidate('c2', '0002', { contingencyDayNoticeGiven: false }), candidate('c3', '0003'), candidate('c4', '0004')],
    entries: [entry('e1', 'c1', ['A']), entry('e2', 'c2', ['A']), entry('e3', 'c3', ['A']), entry('e4', 'c4', ['N'], { seriesId: 'november-2026' })],
  });

  it('flags candidates not told they must be available until the last contingency day', () => {
    const check = contingencyDayCheck(t, keyDates);
    expect(check.lastContingencyDay).toEqual({ 'june-2026': '2026-06-24' });
    expect(check.flagged.map((f) => [f.candidateNumber, f.firstExamDate, f.lastContingencyDay])).toEqual([
      ['0002', '2026-06-01', '2026-06-24'],
      ['0003', '2026-06-01', '2026-06-24'],
    ]);
    expect(check.flagged[0]!.explanation).toMatch(/has not been told/);
  });
  it('says which series have no contingency day to check against', () => {
    expect(contingencyDayCheck(t, keyDates).seriesWithoutContingencyDay).toEqual(['november-2026']);
  });
});
