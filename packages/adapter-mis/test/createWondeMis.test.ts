import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
import { createWondeMis, wondeCalendarDate, wondeInstant } from '@examcycle/adapter-mis';
import { recordedFetch } from './recordedFetch.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/wonde/${name}`, import.meta.url), 'utf8'));
const BASE = '/v1.0/schools/A1930499544/students';
const recorded = {
  [`${BASE}?include=education_details&per_page=3`]: load('students-page-1.json'),
  [`${BASE}?include=education_details&per_page=3&page=2`]: load('students-page-2.json'),
  [`${BASE}?include=education_details&per_page=3&updated_after=2025-11-04+08%3A59%3A59`]: load('students-delta.json'),
};

describe('createWondeMis (Wonde students with education_details)', () => {
  const wonde = () => {
    const t = recordedFetch(recorded);
    return { ...t, mis: createWondeMis({ token: 'synthetic-token', schoolId: 'A1930499544', fetch: t.fetch, perPage: 3 }) };
  };

  it('pages through meta.pagination.next with a Bearer token', async () => {
    const { mis, seen } = wonde();
    const pulled = await mis.pullCandidates();
    expect(seen.map((s) => s.url)).toEqual([
      'https://api.wonde.com/v1.0/schools/A1930499544/students?include=education_details&per_page=3',
      'https://api.wonde.com/v1.0/schools/A1930499544/students?include=education_details&per_page=3&page=2',
    ]);
    expect(seen[0]?.headers['Authorization']).toBe('Bearer synthetic-token');
    expect(pulled.records.map((r) => r.id)).toEqual(['A1000000001', 'A1000000002', 'A1000000003', 'A1000000004', 'A1000000005']);
    expect(pulled.complete).toBe(true);
  });

  it('maps legal names, the education_details UPN, the date of birth object and gender', async () => {
    const { records } = await wonde().mis.pullCandidates();
    expect(records[0]).toEqual({
      id: 'A1000000001',
      upn: 'B820123400101',
      legalSurname: 'Jones',
      legalForenames: 'Siân',
      dateOfBirth: '2009-03-14',
      sex: 'F',
      updatedAt: '2025-11-03T10:15:42.000+00:00',
    });
    expect(records[1]).toMatchObject({ legalSurname: 'Adeyemi', legalForenames: 'Olamide Tobi', preferredName: 'Ola', sex: 'M', dateOfBirth: '2008-11-30' });
    expect(records[2]).toMatchObject({ legalSurname: 'Ó Briain', dateOfBirth: '2009-06-01', updatedAt: '2025-09-01T07:30:00.000+01:00' });
    expect(records[2]?.upn).toBeUndefined();
  });

  it('reports what it could not take: a bad UPN, a missing legal surname, an unmapped gender and a malformed student', async () => {
    const { issues } = await wonde().mis.pullCandidates();
    expect(issues.map((i) => [i.where, i.recordId, i.field, i.code])).toEqual([
      ['wonde:students[2]', 'A1000000003', 'education_details.upn', 'bad_check_character'],
      ['wonde:students[3]', 'A1000000004', 'legal_surname', 'invalid_value'],
      ['wonde:students[4]', 'A1000000005', 'gender', 'invalid_value'],
      ['wonde:students[5]', undefined, 'id', 'malformed_response'],
    ]);
  });

  it('gives a cursor one second before the latest updated_at, and asks for changes after it', async () => {
    const { mis, seen } = wonde();
    const first = await mis.pullCandidates();
    expect(first.cursor).toBe('2025-11-04T08:59:59.000Z');
    const delta = await mis.pullCandidates({ since: first.cursor! });
    expect(seen.at(-1)?.url).toContain('updated_after=2025-11-04+08%3A59%3A59');
    expect(delta.records.map((r) => [r.id, r.legalSurname])).toEqual([['A1000000002', 'Adeyemi-Clarke']]);
    expect(delta.complete).toBe(false);
    expect(delta.cursor).toBe('2025-11-10T16:44:59.000Z');
  });

  it('fails with malformed_response, saying where, when a page is not { data: [...] }', async () => {
    const { fetch } = recordedFetch({ [`${BASE}?include=education_details&per_page=200`]: load('students-malformed.json') });
    const error = await createWondeMis({ token: 't', schoolId: 'A1930499544', fetch }).pullCandidates().catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.location?.field, error.retryable]).toEqual(['malformed_response', 'data', false]);
  });

  it('fails with malformed_response when paging loops', async () => {
    const loop = { data: [], meta: { pagination: { next: `https://api.wonde.com${BASE}?include=education_details&per_page=200` } } };
    const { fetch } = recordedFetch({ [`${BASE}?include=education_details&per_page=200`]: loop });
    const error = await createWondeMis({ token: 't', schoolId: 'A1930499544', fetch }).pullCandidates().catch((e: unknown) => e);
    expect(isExamcycleError(error) && error.code).toBe('malformed_response');
  });

  it('passes on typed errors: unauthorised for a revoked token', async () => {
    const { fetch } = recordedFetch(() => ({ status: 401, body: '{"error":"Unauthenticated."}' }));
    const error = await createWondeMis({ token: 'revoked', schoolId: 'A1930499544', fetch }).pullCandidates().catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.retryable]).toEqual(['unauthorised', false]);
  });

  it('supports pulling candidates only, and says so for the rest', async () => {
    const { mis } = wonde();
    expect([...mis.supports]).toEqual(['pullCandidates']);
    const error = await mis.pushEntries([]).catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.retryable, error.details?.['operation']]).toEqual(['rule_unsupported', false, 'pushEntries']);
  });
});

describe('Wonde date objects', () => {
  it('reads timezone types 3 (zone), 1 (offset) and 2 (abbreviation)', () => {
    expect(wondeInstant({ date: '2026-06-01 09:00:00.000000', timezone_type: 3, timezone: 'UTC' })).toBe('2026-06-01T10:00:00.000+01:00');
    expect(wondeInstant({ date: '2026-06-01 09:00:00.000000', timezone_type: 1, timezone: '+01:00' })).toBe('2026-06-01T09:00:00.000+01:00');
    expect(wondeInstant({ date: '2026-01-10 09:00:00.000000', timezone_type: 2, timezone: 'BST' })).toBe('2026-01-10T08:00:00.000+00:00');
    expect(wondeInstant({ date: '2026-01-10 09:00:00.000000', timezone_type: 2, timezone: 'XYZ' })).toBeUndefined();
    expect(wondeCalendarDate({ date: '2009-02-30 00:00:00.000000', timezone_type: 3, timezone: 'UTC' })).toBeUndefined();
  });
});
