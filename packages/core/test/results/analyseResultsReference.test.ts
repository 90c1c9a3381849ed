import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { GRADE_SCALES, analyseResults, compareGrades, sortGrades, type Qualification, type QualificationLevel, type Result } from '@examcycle/core';

// The straightforward implementations the fast ones replaced: every pair normalised and every scale list built
// again per comparison; one key string per result and one group lookup per result.
const DOUBLE = /^[1-9][1-9]$/;
const norm = (g: string): string => g.trim().toUpperCase().replace(/-/g, '');
const double = (g: string): number => (Number(g[0]) + Number(g[1])) * 10 + Number(g[0]);
function referenceCompare(a: string, b: string, order?: readonly string[]): number | null {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return 0;
  for (const scale of [...(order ? [order.map(norm)] : []), ...Object.values(GRADE_SCALES)] as readonly (readonly string[])[]) {
    const i = scale.indexOf(x);
    const j = scale.indexOf(y);
    if (i >= 0 && j >= 0) return j - i;
  }
  const dx = DOUBLE.test(x) ? double(x) : x === 'U' ? 0 : null;
  const dy = DOUBLE.test(y) ? double(y) : y === 'U' ? 0 : null;
  if (dx !== null && dy !== null && (DOUBLE.test(x) || DOUBLE.test(y))) return dx - dy;
  return null;
}
function referenceSort(grades: readonly string[], order?: readonly string[]): string[] {
  const ranked: string[] = [];
  const unranked: string[] = [];
  for (const g of grades) (grades.every((h) => referenceCompare(g, h, order) !== null) ? ranked : unranked).push(g);
  return [...ranked.sort((p, q) => referenceCompare(q, p, order) ?? 0), ...unranked];
}
function referenceGroups(results: readonly Result[], qualifications: readonly Qualification[]): unknown[] {
  const owner = new Map<string, Qualification>();
  for (const q of qualifications) for (const o of q.entryOptions) owner.set(`${q.awardingBodyId}\u0000${o.code}`, q);
  const groups = new Map<string, { subject: string; title: string; level: QualificationLevel; awardingBodyId: string; awardCodes: Set<string>; counts: Map<string, number>; pending: number }>();
  for (const r of results) {
    if (r.kind !== 'qualification') continue;
    const q = owner.get(`${r.awardingBodyId}\u0000${r.awardCode}`);
    const subject = q ? q.id : r.awardCode;
    const g = groups.get(subject) ?? { subject, title: q?.title ?? r.awardCode, level: q?.level ?? r.level, awardingBodyId: r.awardingBodyId, awardCodes: new Set<string>(), counts: new Map<string, number>(), pending: 0 };
    g.awardCodes.add(r.awardCode);
    const grade = r.grade.trim();
    if (grade === '') g.pending += 1;
    else g.counts.set(grade, (g.counts.get(grade) ?? 0) + 1);
    groups.set(subject, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.subject.localeCompare(b.subject))
    .map((g) => ({ subject: g.subject, title: g.title, level: g.level, awardingBodyId: g.awardingBodyId, awardCodes: [...g.awardCodes].sort(), pending: g.pending, counts: Object.fromEntries(g.counts) }));
}

const grades = ['9', '8', '7', '4', '1', 'U', 'u', 'A*', 'a*', ' B', 'C ', 'D*', 'd', 'M', 'P', '98', '9-8', '11', '55', 'X', 'x-1', 'Z', '', ' ', '*', 'A-', '+', 'é', 'ß'];
const gradeArb = fc.constantFrom(...grades);
const orderArb = fc.option(fc.array(fc.constantFrom('X', 'z', 'A-', 'ß', '9'), { maxLength: 4 }), { nil: undefined });

const qualifications: Qualification[] = [
  { id: 'AQA-8300', awardingBodyId: 'AQA', specificationCode: '8300', title: 'GCSE Mathematics', level: 'GCSE', entryOptions: [{ code: '8300F', title: 'Foundation', componentCodes: [] }, { code: '8300H', title: 'Higher', componentCodes: [] }] },
  { id: 'AQA-7402', awardingBodyId: 'AQA', specificationCode: '7402', title: 'A-level Biology', level: 'GCE', entryOptions: [{ code: '7402', title: '', componentCodes: [] }] },
  { id: 'OCR-7402', awardingBodyId: 'OCR', specificationCode: '7402', title: 'Another 7402', level: 'GCE', entryOptions: [{ code: '7402', title: '', componentCodes: [] }] },
];
const resultArb = fc.record({
  awardingBodyId: fc.constantFrom('AQA', 'OCR', 'WJEC'),
  awardCode: fc.constantFrom('8300F', '8300H', '7402', '9999'),
  kind: fc.constantFrom('qualification', 'component'),
  level: fc.constantFrom<QualificationLevel>('GCSE', 'GCE', 'other'),
  grade: gradeArb,
  candidate: fc.nat({ max: 30 }),
});

describe('sortGrades and compareGrades (each grade normalised once)', () => {
  fcTest.prop([fc.array(gradeArb, { maxLength: 12 }), orderArb], { numRuns: 2000, seed: 20260821 })('rank every list of grades exactly as the pair-by-pair reference does, with and without an order', (gs, order) => {
    expect(sortGrades(gs, order)).toEqual(referenceSort(gs, order));
    for (let i = 0; i + 1 < gs.length; i += 1) expect(compareGrades(gs[i]!, gs[i + 1]!, order)).toBe(referenceCompare(gs[i]!, gs[i + 1]!, order));
  });
});

describe('analyseResults (one group lookup per awarding body and code)', () => {
  fcTest.prop([fc.array(resultArb, { maxLength: 80 })], { numRuns: 500, seed: 20260822 })('groups results into subjects exactly as the key-per-result reference does', (rows) => {
    const rs: Result[] = rows.map((r, i) => ({ id: `R${i}`, candidateId: `C${r.candidate}`, seriesId: 'june-2026', awardingBodyId: r.awardingBodyId, awardCode: r.awardCode, kind: r.kind, level: r.level, grade: r.grade }));
    const got = analyseResults(rs, { qualifications }).map((s) => ({
      subject: s.subject,
      title: s.title,
      level: s.level,
      awardingBodyId: s.awardingBodyId,
      awardCodes: s.awardCodes,
      pending: s.pending,
      counts: Object.fromEntries(s.distribution.map((d) => [d.grade, d.count])),
    }));
    expect(got).toEqual(referenceGroups(rs, qualifications));
  });
});
