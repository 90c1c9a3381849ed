import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { matchResults, type Entry, type Result } from '@examcycle/core';
import { centreResults, entries, qualifications } from './syntheticCentre.js';

describe('matchResults', () => {
  const m = matchResults({ entries, results: centreResults(), seriesId: 'june-2026', qualifications });

  it('matches a graded qualification result to its entry, with its component results', () => {
    const bio = m.matched.find((x) => x.entry.candidateId === 'C-1' && x.entry.entryCode === '7402');
    expect(bio?.result.grade).toBe('B');
    expect(bio?.componentResults.map((r) => r.awardCode)).toEqual(['74021', '74022', '74023']);
    expect(m.matched.map((x) => `${x.entry.candidateId}/${x.entry.entryCode}`).sort()).toEqual(['C-1/7402', 'C-1/8300H', 'C-2/7402']);
  });

  it('lists a late cash-in when every component has a result but there is no qualification result', () => {
    expect(m.lateCashIns).toEqual([expect.objectContaining({ candidateId: 'C-2', entryCode: '8300H', reason: 'no_qualification_result' })]);
    expect(m.lateCashIns[0]?.componentResults).toHaveLength(3);
  });

  it('lists a result still without a grade as incomplete (grade pending)', () => {
    expect(m.incomplete.map((i) => [i.entry.candidateId, i.reason])).toEqual([['C-3', 'grade_pending']]);
  });

  it('lists an entry with no result at all as missing', () => {
    expect(m.missing.map((x) => `${x.entry.candidateId}/${x.entry.entryCode}`)).toEqual(['C-4/8300F']);
  });

  it('reports a result for a withdrawn entry as unexpected, not matched', () => {
    expect(m.unexpected.map((u) => [u.result.candidateId, u.result.awardCode, u.reason])).toEqual([['C-4', '7402', 'entry_withdrawn']]);
  });

  it('lists an entry with results for only some components as incomplete, naming the missing ones', () => {
    const partial = centreResults().filter((r) => r.awardCode !== '83003H');
    const p = matchResults({ entries, results: partial, seriesId: 'june-2026' });
    expect(p.incomplete.find((i) => i.entry.candidateId === 'C-2')).toMatchObject({ reason: 'components_missing', missingComponents: ['83003H'] });
    expect(p.lateCashIns).toEqual([]);
  });

  it('lists a component with neither grade nor mark as pending, not as a cash-in', () => {
    const rs = centreResults().map((r): Result => {
      if (r.awardCode !== '83002H') return r;
      const { mark, ...rest } = r;
      return rest;
    });
    const p = matchResults({ entries, results: rs, seriesId: 'june-2026' });
    expect(p.incomplete.find((i) => i.entry.candidateId === 'C-2')).toMatchObject({ reason: 'component_pending', pendingComponents: ['83002H'] });
  });

  it('finds components sat for an option the candidate has no entry for (a cash-in entry still to make)', () => {
    const rs: Result[] = ['83001F', '83002F', '83003F'].map((c) => ({ id: `X-${c}`, candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: c, kind: 'component', level: 'GCSE', grade: '', mark: 40 }));
    const p = matchResults({ entries, results: rs, seriesId: 'june-2026', qualifications });
    expect(p.lateCashIns).toEqual([expect.objectContaining({ candidateId: 'C-1', entryCode: '8300F', reason: 'no_cash_in_entry' })]);
    expect(p.unexpected).toEqual([]);
  });

  it('reports results of another series and duplicates', () => {
    const rs = centreResults();
    const dup: Result = { ...rs[0]!, id: 'R-dup', grade: 'A', receivedAt: '2026-08-20T09:00:00+01:00' };
    const other: Result = { ...rs[0]!, id: 'R-nov', seriesId: 'november-2026' };
    const p = matchResults({ entries, results: [...rs, dup, other], seriesId: 'june-2026' });
    expect(p.unexpected.find((u) => u.result.id === 'R-nov')?.reason).toBe('other_series');
    expect(p.duplicates).toEqual([expect.objectContaining({ candidateId: 'C-1', awardCode: '7402' })]);
    expect(p.matched.find((x) => x.entry.candidateId === 'C-1' && x.entry.entryCode === '7402')?.result.id).toBe('R-dup');
  });

  fcTest.prop([fc.array(fc.record({ c: fc.integer({ min: 1, max: 4 }), code: fc.constantFrom('7402', '8300F', '8300H', '74021', '83001H'), kind: fc.constantFrom('qualification', 'component'), grade: fc.constantFrom('', 'A', '4') }), { maxLength: 25 })], { numRuns: 150 })(
    'puts every live entry in exactly one list and accounts for every result',
    (rows) => {
      const results: Result[] = rows.map((r, i) => ({ id: `R${i}`, candidateId: `C-${r.c}`, seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: r.code, kind: r.kind as Result['kind'], level: 'GCSE', grade: r.grade, mark: 1 }));
      const p = matchResults({ entries, results, seriesId: 'june-2026' });
      const live = entries.filter((e: Entry) => ['submitted', 'accepted', 'amended'].includes(e.status));
      const placed = [...p.matched.map((x) => x.entry), ...p.incomplete.map((x) => x.entry), ...p.missing.map((x) => x.entry), ...p.lateCashIns.flatMap((x) => (x.entry ? [x.entry] : []))];
      expect(placed.map((e) => e.id).sort()).toEqual(live.map((e) => e.id).sort());
      const used = new Set([...p.matched.flatMap((x) => [x.result, ...x.componentResults]), ...p.incomplete.flatMap((x) => [...(x.result ? [x.result] : []), ...x.componentResults]), ...p.lateCashIns.flatMap((x) => x.componentResults), ...p.unexpected.map((u) => u.result), ...p.duplicates.flatMap((d) => d.results)].map((r) => r.id));
      for (const r of results) {
        const attributable = r.kind === 'component' ? entries.some((e) => e.status !== 'withdrawn' && e.candidateId === r.candidateId && e.componentCodes.includes(r.awardCode)) : true;
        if (attributable) expect(used.has(r.id) || results.some((o) => o !== r && o.kind === r.kind && o.candidateId === r.candidateId && o.awardCode === r.awardCode)).toBe(true);
      }
    },
  );
});
