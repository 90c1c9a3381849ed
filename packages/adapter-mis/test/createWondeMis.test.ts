import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
import { createWondeMis, wondeCalendarDate, wondeInstant } from '@examcycle/adapter-mis';
import { recordedFetch } from './recordedFetch.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/wonde/${name}`, import.meta.url), 'utf8'));
const BASE = '/v1.0/schools/A1930499544/students';
const SCHOOL = '/v1.0/schools/A1930499544';
const EMPLOYEES = `${SCHOOL}/employees?include=employment_details%2Croles%2Ccontact_details&per_page=3`;
const recorded = {
  [`${BASE}?include=education_details&per_page=3`]: load('students-page-1.json'),
  [`${BASE}?include=education_details&per_page=3&page=2`]: load('students-page-2.json'),
  [`${BASE}?include=education_details&per_page=3&updated_after=2025-11-04+08%3A59%3A59`]: load('students-delta.json'),
  [`${SCHOOL}/deletions?type=student&updated_after=2025-11-04+08%3A59%3A59&per_page=3`]: load('deletions-student.json'),
  [EMPLOYEES]: load('employees-page-1.json'),
  [`${EMPLOYEES}&page=2`]: load('employees-page-2.json'),
  [`${EMPLOYEES}&updated_after=2025-11-20+14%3A29%3A59`]: load('employees-delta.json'),
  [`${SCHOOL}/deletions?type=employee&updated_after=2025-11-20+14%3A29%3A59&per_page=3`]: load('deletions-employee.json'),
  [`${SCHOOL}/rooms?per_page=3`]: load('rooms.json'),
  [`${SCHOOL}/rooms?per_page=3&updated_after=2025-09-01+07%3A59%3A59`]: load('rooms-delta.json'),
  [`${SCHOOL}/deletions?type=room&updated_after=2025-09-01+07%3A59%3A59&per_page=3`]: load('deletions-room.json'),
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
      uln: '9123456786',
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

  it('reports what it could not take: a bad ULN or UPN, a missing legal surname, an unmapped gender and a malformed student', async () => {
    const { issues } = await wonde().mis.pullCandidates();
    expect(issues.map((i) => [i.location?.file, i.location?.path?.[0], i.subject?.recordId, i.location?.field, i.code, i.severity])).toEqual([
      ['wonde:students', 1, 'A1000000002', 'education_details.learner_number', 'bad_check_character', 'warning'],
      ['wonde:students', 2, 'A1000000003', 'education_details.upn', 'bad_check_character', 'warning'],
      ['wonde:students', 3, 'A1000000004', 'legal_surname', 'invalid_value', 'warning'],
      ['wonde:students', 4, 'A1000000005', 'gender', 'invalid_value', 'warning'],
      ['wonde:students', 5, undefined, 'id', 'malformed_response', 'error'],
    ]);
    expect(issues[1]).toMatchInlineSnapshot(`
      {
        "code": "bad_check_character",
        "location": {
          "field": "education_details.upn",
          "file": "wonde:students",
          "path": [
            2,
            "education_details",
            "upn",
          ],
          "value": "A820123400103",
        },
        "message": "UPN "A820123400103" fails its check letter: not taken",
        "severity": "warning",
        "subject": {
          "recordId": "A1000000003",
        },
      }
    `);
  });

  it('gives a cursor one second before the latest updated_at, and asks for changes and deletions after it', async () => {
    const { mis, seen } = wonde();
    const first = await mis.pullCandidates();
    expect(first.cursor).toBe('2025-11-04T08:59:59.000Z');
    const delta = await mis.pullCandidates({ since: first.cursor! });
    expect(seen.slice(-2).map((s) => s.url)).toEqual([
      'https://api.wonde.com/v1.0/schools/A1930499544/students?include=education_details&per_page=3&updated_after=2025-11-04+08%3A59%3A59',
      'https://api.wonde.com/v1.0/schools/A1930499544/deletions?type=student&updated_after=2025-11-04+08%3A59%3A59&per_page=3',
    ]);
    expect(delta.records.map((r) => [r.id, r.legalSurname])).toEqual([['A1000000002', 'Adeyemi-Clarke']]);
    expect(delta.deletedIds).toEqual(['A1000000005']);
    expect(delta.complete).toBe(false);
    expect(delta.cursor).toBe('2025-11-10T16:44:59.000Z');
  });

  it('refuses a cursor that is not an instant as invalid_value', async () => {
    const error = await wonde().mis.pullCandidates({ since: 'arbor-changelog:{}' }).catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.retryable]).toEqual(['invalid_value', false]);
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

  it('passes on typed errors: not_authorised for a revoked token', async () => {
    const { fetch } = recordedFetch(() => ({ status: 401, body: '{"error":"Unauthenticated."}' }));
    const error = await createWondeMis({ token: 'revoked', schoolId: 'A1930499544', fetch }).pullCandidates().catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.retryable]).toEqual(['not_authorised', false]);
  });

  it('supports candidates, staff and rooms, and says for the rest that the Wonde API does not offer them', async () => {
    const { mis, seen } = wonde();
    expect([...mis.supports]).toEqual(['pullCandidates', 'pullStaff', 'pullRooms']);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['pullAccessArrangements', () => mis.pullAccessArrangements()],
      ['pushEntries', () => mis.pushEntries([])],
      ['pushSeating', () => mis.pushSeating([])],
      ['pullResults', () => mis.pullResults()],
    ];
    for (const [operation, call] of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(isExamcycleError(error) && [error.code, error.retryable, error.details?.['operation'], error.details?.['reason']]).toEqual(['rule_unsupported', false, operation, 'not_offered_by_api']);
      expect(isExamcycleError(error) && error.message).toMatch(new RegExp(`^wonde does not support ${operation}: the Wonde API offers no exams, entries, results, seating or access-arrangement endpoint`));
    }
    expect(seen).toEqual([]);
  });
});

describe('createWondeMis pullStaff (employees with employment_details, roles and contact_details)', () => {
  const wonde = () => {
    const t = recordedFetch(recorded);
    return { ...t, mis: createWondeMis({ token: 'synthetic-token', schoolId: 'A1930499544', fetch: t.fetch, perPage: 3 }) };
  };

  it('maps employees to staff with roles from their job titles, the teaching-staff flag, current and the work email', async () => {
    const { mis, seen } = wonde();
    const { records } = await mis.pullStaff();
    expect(seen.map((s) => s.url)).toEqual([`https://api.wonde.com${EMPLOYEES}`, `https://api.wonde.com${EMPLOYEES}&page=2`]);
    expect(records).toEqual([
      { id: 'A2000000001', name: 'Priya Shah', email: 'p.shah@synthetic-school.example', roles: ['exams_officer', 'teacher'], active: true },
      { id: 'A2000000002', name: 'Margaret Okonjo-Reid', roles: ['head_of_centre'], active: true },
      { id: 'A2000000005', name: 'Beth Carter', email: 'b.carter@synthetic-school.example', roles: ['teacher'], active: false },
    ]);
  });

  it('reports, and leaves out, an employee whose titles give no role; and reports a bad email, an unmapped title and a malformed employee', async () => {
    const { issues } = await wonde().mis.pullStaff();
    expect(issues.map((i) => [i.location?.file, i.location?.path?.[0], i.subject?.recordId, i.location?.field, i.code, i.location?.value, i.severity])).toEqual([
      ['wonde:employees', 1, 'A2000000002', 'contact_details.emails', 'invalid_value', 'not-an-email', 'warning'],
      ['wonde:employees', 2, 'A2000000003', 'roles', 'invalid_value', 'Cover Supervisor', 'error'],
      ['wonde:employees', 3, 'A2000000004', 'roles', 'invalid_value', '', 'error'],
      ['wonde:employees', 4, 'A2000000005', 'roles', 'invalid_value', 'Head of Maths', 'warning'],
      ['wonde:employees', 5, undefined, 'id', 'malformed_response', undefined, 'error'],
    ]);
  });

  it("lets the caller's staffRoles decide, and asks for the includes it is given", async () => {
    const t = recordedFetch((url) => ({ status: 200, body: JSON.stringify(url.searchParams.get('page') === '2' ? load('employees-page-2.json') : load('employees-page-1.json')) }));
    const mis = createWondeMis({ token: 't', schoolId: 'A1930499544', fetch: t.fetch, perPage: 3, employeeIncludes: ['employment_details'], staffRoles: (titles) => (titles.includes('Cover Supervisor') ? ['invigilator'] : undefined) });
    const { records } = await mis.pullStaff();
    expect(t.seen[0]?.url).toBe('https://api.wonde.com/v1.0/schools/A1930499544/employees?include=employment_details&per_page=3');
    expect(records.find((r) => r.id === 'A2000000003')?.roles).toEqual(['invigilator']);
  });

  it('gives the changed employees and the deleted ones (not those restored) after the cursor', async () => {
    const { mis } = wonde();
    const first = await mis.pullStaff();
    expect(first.cursor).toBe('2025-11-20T14:29:59.000Z');
    const delta = await mis.pullStaff({ since: first.cursor! });
    expect(delta.records).toEqual([{ id: 'A2000000003', name: 'Tomasz Wiśniewski', roles: ['invigilator'], active: true }]);
    expect(delta.deletedIds).toEqual(['A2000000004']);
    expect(delta.issues.map((i) => [i.location?.file, i.location?.path?.[0], i.code])).toEqual([['wonde:deletions', 3, 'malformed_response']]);
    expect(delta.cursor).toBe('2025-11-25T07:59:59.000Z');
  });
});

describe('createWondeMis pullRooms (rooms)', () => {
  it('names a room by its name, else its code, and reports one with neither', async () => {
    const { fetch } = recordedFetch(recorded);
    const pulled = await createWondeMis({ token: 't', schoolId: 'A1930499544', fetch, perPage: 3 }).pullRooms();
    expect(pulled.records).toEqual([
      { id: 'A3000000001', name: 'Main Hall' },
      { id: 'A3000000002', name: 'S12' },
    ]);
    expect(pulled.issues.map((i) => [i.location?.file, i.location?.path, i.subject?.recordId, i.location?.field])).toEqual([['wonde:rooms', [2, 'name'], 'A3000000003', 'name']]);
  });

  it('gives a removed room in the delta, and keeps the cursor when nothing changed', async () => {
    const { fetch } = recordedFetch(recorded);
    const mis = createWondeMis({ token: 't', schoolId: 'A1930499544', fetch, perPage: 3 });
    const first = await mis.pullRooms();
    const delta = await mis.pullRooms({ since: first.cursor! });
    expect([delta.records, delta.deletedIds, delta.cursor]).toEqual([[], ['A3000000002'], first.cursor]);
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
