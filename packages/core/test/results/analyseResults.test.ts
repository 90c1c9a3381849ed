import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { GRADE_SCALES, analyseResults, compareGrades, sortGrades, type Result } from '@examcycle/core';
import { centreResults, qualifications } from './syntheticCentre.js';

describe('compareGrades', () => {
  it('ranks GCSE 9–1, letter grades and vocational grades, best first', () => {
    expect(compareGrades('7', '6')).toBeGreaterThan(0);
    expect(compareGrades('4', 'U')).toBeGreaterThan(0);
    expect(compareGrades('B', 'A')).toBeLessThan(0);
    expect(compareGrades('A*', 'A')).toBeGreaterThan(0);
    expect(compareGrades('D*', 'M')).toBeGreaterThan(0);
    expect(compareGrades('b', 'B')).toBe(0);
  });

  it('ranks double-award grades by their total, then the first grade', () => {
    expect(compareGrades('98', '88')).toBeGreaterThan(0);
    expect(compareGrades('9-8', '8-9')).toBeGreaterThan(0);
    expect(compareGrades('44', '43')).toBeGreaterThan(0);
    expect(compareGrades('11', 'U')).toBeGreaterThan(0);
  });

  it('cannot rank grades on no common scale, unless an order is given', () => {
    expect(compareGrades('7', 'A')).toBeNull();
    expect(compareGrades('X1', 'X2')).toBeNull();
    expect(compareGrades('X1', 'X2', ['X1', 'X2'])).toBeGreaterThan(0);
  });

  fcTest.prop([fc.constantFrom(...Object.values(GRADE_SCALES)), fc.nat(), fc.nat(), fc.nat()])('orders every scale consistently (antisymmetric and transitive)', (scale, i, j, k) => {
    const [a, b, c] = [scale[i % scale.length]!, scale[j % scale.length]!, scale[k % scale.length]!];
    expect(Math.sign(compareGrades(a, b)!) + Math.sign(compareGrades(b, a)!)).toBe(0);
    if (compareGrades(a, b)! > 0 && compareGrades(b, c)! > 0) expect(compareGrades(a, c)!).toBeGreaterThan(0);
  });

  it('sorts grades best first', () => {
    expect(sortGrades(['4', '9', 'U', '7'])).toEqual(['9', '7', '4', 'U']);
  });
});

describe('analyseResults', () => {
  it('groups tiers into one subject per qualification, counting pending grades apart', () => {
    const a = analyseResults(centreResults(), { qualifications });
    expect(a.map((s) => [s.subject, s.title, s.cohort, s.pending, s.awardCodes])).toEqual([
      ['AQA-7402', 'A-level Biology', 3, 0, ['7402']],
      ['AQA-8300', 'GCSE Mathematics', 1, 1, ['8300F', '8300H']],
    ]);
  });

  it('falls back to the award code without qualifications, and ignores component results', () => {
    const a = analyseResults(centreResults());
    expect(a.map((s) => s.subject)).toEqual(['7402', '8300F', '8300H']);
  });

  it('compares each grade with last year in percentage points', () => {
    const rs: Result[] = ['9', '7', '7', '4'].map((g, i) => ({ id: `R${i}`, candidateId: `C${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300H', kind: 'qualification', level: 'GCSE', grade: g }));
    const [s] = analyseResults(rs, { previousYear: { '8300H': { '9': 1, '4': 3 } } });
    expect(s?.comparison?.map((c) => [c.grade, c.percent, c.previousPercent, c.changePoints, c.cumulativeChangePoints])).toEqual([
      ['9', 25, 25, 0, 0],
      ['7', 50, 0, 50, 50],
      ['4', 25, 75, -50, 0],
    ]);
  });
});
