import { describe, expect, it } from 'vitest';
import { accessArrangementSchema, candidateSchema, entrySchema, examSeries, examSeriesSchema, staffMemberSchema } from '@examcycle/core';

const candidate = {
  id: 'c-1',
  centreNumber: '68199',
  candidateNumber: '0042',
  uci: '681990012058G',
  uln: '9276308686',
  upn: 'R201100018042',
  legalSurname: "O'Brien-Davies",
  legalForenames: 'Siân Llŷr',
  dateOfBirth: '2009-03-14',
};

describe('candidateSchema', () => {
  it('accepts a candidate with valid identifiers and names with diacritics, apostrophes and hyphens', () => {
    expect(candidateSchema.parse(candidate)).toMatchObject({ ...candidate, kind: 'internal' });
  });

  it('rejects a wrong UCI check letter with the bad_check_character code', () => {
    const r = candidateSchema.safeParse({ ...candidate, uci: '681990012058H' });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['uci']);
    expect(issue).toMatchObject({ code: 'custom', params: { code: 'bad_check_character' } });
  });

  it('rejects wrong ULN and UPN check characters and a three-digit candidate number', () => {
    const r = candidateSchema.safeParse({ ...candidate, uln: '9276308685', upn: 'Q207000016049', candidateNumber: '042' });
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['candidateNumber', 'uln', 'upn']);
  });
});

describe('examSeriesSchema', () => {
  it('puts June 2026 in 2025/26 and November 2026 in 2026/27', () => {
    expect(examSeries('june', 2026).academicYear).toBe('2025/26');
    expect(examSeries('november', 2026).academicYear).toBe('2026/27');
    expect(examSeries('january', 2027).academicYear).toBe('2026/27');
  });

  it('rejects a series whose academic year does not match', () => {
    expect(examSeriesSchema.safeParse({ id: 'june-2026', month: 'june', year: 2026, academicYear: '2026/27' }).success).toBe(false);
    expect(examSeriesSchema.safeParse({ id: 'june-2025', month: 'june', year: 2026, academicYear: '2025/26' }).success).toBe(false);
  });
});

describe('entrySchema and friends', () => {
  it('requires an offset on the submitted instant', () => {
    const base = { id: 'e', candidateId: 'c', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300F', status: 'submitted' };
    expect(entrySchema.safeParse({ ...base, submittedAt: '2026-02-21T23:00:00+00:00' }).success).toBe(true);
    expect(entrySchema.safeParse({ ...base, submittedAt: '2026-02-21 23:00' }).success).toBe(false);
  });

  it('needs the percentage for extra time', () => {
    expect(accessArrangementSchema.safeParse({ id: 'a', candidateId: 'c', kind: 'extra_time' }).success).toBe(false);
    expect(accessArrangementSchema.safeParse({ id: 'a', candidateId: 'c', kind: 'extra_time', extraTimePercent: 25 }).success).toBe(true);
  });

  it('needs at least one role for a staff member', () => {
    expect(staffMemberSchema.safeParse({ id: 's', name: 'A', roles: [] }).success).toBe(false);
    expect(staffMemberSchema.parse({ id: 's', name: 'A', roles: ['senco'] }).active).toBe(true);
  });
});
