import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
import { MIS_OPERATIONS, arborCalendarDate, arborInstant, arborResource, createArborMis } from '@examcycle/adapter-mis';
import { recordedFetch } from './recordedFetch.js';

const recorded = JSON.parse(readFileSync(new URL('./fixtures/arbor/recorded.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const arbor = () => {
  const t = recordedFetch(recorded);
  return { ...t, mis: createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc/', username: 'app-user', password: 'pa£s', fetch: t.fetch, deltas: false }) };
};

describe('createArborMis (the Arbor exams model)', () => {
  it('authenticates with HTTP Basic and lists /rest-v2 resources by page and page-size', async () => {
    const { mis, seen } = arbor();
    await mis.pullCandidates();
    expect(seen[0]?.url).toBe('https://synthetic.uk.arbor.sc/rest-v2/candidates?page=1&page-size=100');
    expect(seen[0]?.headers['Authorization']).toBe(`Basic ${btoa(String.fromCharCode(...new TextEncoder().encode('app-user:pa£s')))}`);
  });

  it('builds candidates from Candidate, Student, Person, UciAssignment and UpnAssignment', async () => {
    const { records } = await arbor().mis.pullCandidates();
    expect(records).toEqual([
      { id: '701', uci: '123450250001X', upn: 'B820123400101', uln: '9123456786', candidateNumber: '0001', legalSurname: 'Jones', legalForenames: 'Siân', dateOfBirth: '2009-03-14', sex: 'F' },
      { id: '702', upn: 'Q820123400102', candidateNumber: '0002', legalSurname: 'Adeyemi', legalForenames: 'Olamide Tobi', preferredName: 'Ola', dateOfBirth: '2008-11-30', sex: 'M' },
      { id: '703', legalSurname: 'Nowak', legalForenames: 'Łukasz', dateOfBirth: '2009-01-20', sex: 'M' },
    ]);
  });

  it('takes the current UCI and UPN (not cancelled, not ended) and reports identifiers that fail their check', async () => {
    const { issues } = await arbor().mis.pullCandidates();
    expect(issues.map((i) => [i.location?.file, i.location?.field, i.code, i.location?.value])).toEqual([
      ['arbor:/rest-v2/candidates/32', 'uci', 'bad_check_character', '123450250002X'],
      ['arbor:/rest-v2/candidates/32', 'uln', 'bad_check_character', '8123456780'],
      ['arbor:/rest-v2/candidates/33', 'candidateNumber', 'invalid_value', '12345'],
      ['arbor:/rest-v2/candidates/34', 'student', 'malformed_response', undefined],
    ]);
  });

  it('fetches each related object once', async () => {
    const { mis, seen } = arbor();
    await mis.pullCandidates();
    await mis.pullResults();
    const urls = seen.map((s) => s.url);
    expect(urls.filter((u) => u.endsWith('/rest-v2/students/701'))).toHaveLength(1);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('reads QualificationResult grades, endorsements, marks and the award code through CandidateRegistration', async () => {
    const { records, issues } = await arbor().mis.pullResults();
    expect(records).toEqual([
      { id: '801', candidateId: '701', awardCode: '8300H', grade: '7', mark: 212, receivedAt: '2026-08-20T08:00:00.000+01:00' },
      { id: '802', candidateId: '702', awardCode: '8461F', grade: '4', endorsement: 'M', receivedAt: '2026-08-20T08:00:00.000+01:00' },
      { id: '803', candidateId: '701', grade: '', missingReason: 'ABSENT' },
    ]);
    expect(issues.map((i) => [i.location?.file, i.location?.field, i.code])).toEqual([
      ['arbor:/rest-v2/qualification-results/803', 'candidateRegistration.qualificationAward.awardIdentifier', 'invalid_value'],
      ['arbor:qualificationResults', 'href', 'malformed_response'],
    ]);
  });

  it('fails with malformed_response, saying where, when a listing lacks its root', async () => {
    const { fetch } = recordedFetch({ '/rest-v2/candidates?page=1&page-size=100': { response: { code: 200 } } });
    const error = await createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'u', password: 'p', fetch, deltas: false }).pullCandidates().catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.location?.field, error.details?.['endpoint']]).toEqual(['malformed_response', 'candidates', 'arbor:candidates']);
  });

  it('pages until a page comes back short', async () => {
    const page = (n: number, count: number) => ({ candidates: Array.from({ length: count }, (_, i) => ({ entityType: 'Candidate', href: `/rest-v2/candidates/${n}${i}` })) });
    const { fetch, seen } = recordedFetch({
      '/rest-v2/candidates?page=1&page-size=2': page(1, 2),
      '/rest-v2/candidates?page=2&page-size=2': page(2, 1),
      '/rest-v2/uk-jcq_uci-assignments?page=1&page-size=2': { ukJcq_UciAssignments: [] },
      '/rest-v2/uk-dfe_upn-assignments?page=1&page-size=2': { ukDfe_UpnAssignments: [] },
    });
    const pulled = await createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'u', password: 'p', fetch, pageSize: 2, deltas: false }).pullCandidates();
    expect(seen.filter((s) => s.url.includes('/candidates?'))).toHaveLength(2);
    expect(pulled.issues).toHaveLength(3);
  });

  it('supports every operation of the port', () => {
    expect([...arbor().mis.supports]).toEqual([...MIS_OPERATIONS]);
  });
});

describe('arborResource (the SDK naming rule)', () => {
  it('names a listing by the dashed plural and its JSON roots in lower camel case', () => {
    expect(arborResource('CandidateAssessableEntry')).toEqual({ type: 'CandidateAssessableEntry', path: '/rest-v2/candidate-assessable-entries', listRoot: 'candidateAssessableEntries', itemRoot: 'candidateAssessableEntry' });
    expect(arborResource('Staff').path).toBe('/rest-v2/staffs');
    expect(arborResource('UkJcq_UciAssignment')).toMatchObject({ path: '/rest-v2/uk-jcq_uci-assignments', listRoot: 'ukJcq_UciAssignments' });
    expect(arborResource('QualificationAvailabilityInstance').path).toBe('/rest-v2/qualification-availability-instances');
    expect(arborResource('Day').path).toBe('/rest-v2/days');
  });
});

describe('Arbor dates', () => {
  it('reads date objects and strings, as London wall-clock time', () => {
    expect(arborCalendarDate({ entityType: 'date', date: '2008-11-30 00:00:00' })).toBe('2008-11-30');
    expect(arborCalendarDate('not a date')).toBeUndefined();
    expect(arborInstant('2026-01-20 08:00:00')).toBe('2026-01-20T08:00:00.000+00:00');
  });
});
