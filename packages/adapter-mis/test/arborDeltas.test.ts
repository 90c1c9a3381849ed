import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
import { createArborMis } from '@examcycle/adapter-mis';
import { createArborServer, type ArborObject } from './arborServer.js';
import { instantClock } from './recordedFetch.js';

const objects = JSON.parse(readFileSync(new URL('./fixtures/arbor/exams-objects.json', import.meta.url), 'utf8')) as ArborObject[];
const setup = () => {
  const server = createArborServer(objects);
  return { server, mis: createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'app', password: 'secret', fetch: server.fetch, clock: instantClock() }) };
};
const ref = (entityType: string, href: string) => ({ entityType, href });

describe('createArborMis deltas (the Arbor change log as the since cursor)', () => {
  it('hands back, with a full pull, a cursor of the highest revision of each resource read', async () => {
    const { server, mis } = setup();
    const first = await mis.pullRooms();
    expect(first.complete).toBe(true);
    expect(first.records.map((r) => r.id)).toEqual(['41', '42']);
    expect(first.cursor).toMatch(/^arbor-changelog:\{"Room":\d+\}$/);
    expect(server.requests[0]).toBe('GET /rest-v2/rooms/changelog');
  });

  it('gives since the cursor only the rooms changed, with removals, and then nothing', async () => {
    const { server, mis } = setup();
    const first = await mis.pullRooms();
    server.put({ ...server.get('/rest-v2/rooms/42')!, roomName: 'Library (upstairs)' });
    server.put({ entityType: 'Room', href: '/rest-v2/rooms/45', roomName: 'Drama studio', studentCapacity: 24, isInvigilationRoom: true, invigilationCapacity: 20 });
    server.remove('/rest-v2/rooms/41');
    const delta = await mis.pullRooms({ since: first.cursor! });
    expect(delta).toMatchObject({ complete: false, deletedIds: ['41'], records: [{ id: '42', name: 'Library (upstairs)' }, { id: '45', name: 'Drama studio', capacity: 20, examRoom: true }] });
    expect(server.requests.filter((r) => r.startsWith('GET /rest-v2/rooms/changelog'))).toEqual(['GET /rest-v2/rooms/changelog', expect.stringMatching(/^GET \/rest-v2\/rooms\/changelog\?from-revision=\d+$/)]);
    const again = await mis.pullRooms({ since: delta.cursor! });
    expect([again.records, again.deletedIds]).toEqual([[], []]);
  });

  it('rebuilds the candidates whose person, UCI or candidate record changed, and removes a candidate deleted', async () => {
    const { server, mis } = setup();
    const first = await mis.pullCandidates();
    expect(first.records.map((r) => r.id)).toEqual(['701', '702', '703']);
    server.put({ ...server.get('/rest-v2/persons/9702')!, legalLastName: 'Adeyemi-Clarke' });
    server.put({ entityType: 'UkJcq_UciAssignment', href: '/rest-v2/uk-jcq_uci-assignments/7', student: ref('Student', '/rest-v2/students/702'), uci: '123450250002D', issuedDatetime: '2026-01-04 09:00:00', cancelledDatetime: null });
    server.remove('/rest-v2/candidates/33');
    const delta = await mis.pullCandidates({ since: first.cursor! });
    expect(delta.records).toEqual([{ id: '702', uci: '123450250002D', candidateNumber: '0002', legalSurname: 'Adeyemi-Clarke', legalForenames: 'Olamide Tobi', dateOfBirth: '2008-11-30', sex: 'M' }]);
    expect(delta.deletedIds).toEqual(['703']);
  });

  it('rebuilds a staff member whose business roles changed', async () => {
    const { server, mis } = setup();
    const first = await mis.pullStaff();
    expect(first.records).toEqual([{ id: '201', name: 'Priya Shah', roles: ['exams_officer'], active: true }]);
    server.put({ entityType: 'BusinessRoleAssignment', href: '/rest-v2/business-role-assignments/302', person: ref('Person', '/rest-v2/persons/9201'), businessRole: ref('BusinessRole', '/rest-v2/business-roles/402'), startDate: '2025-09-01', endDate: null });
    const delta = await mis.pullStaff({ since: first.cursor! });
    expect(delta.records).toEqual([{ id: '201', name: 'Priya Shah', roles: ['exams_officer', 'teacher'], active: true }]);
  });

  it('rebuilds the arrangements of a student whose arrangements changed, and removes one taken away', async () => {
    const { server, mis } = setup();
    const first = await mis.pullAccessArrangements();
    expect(first.records.map((r) => [r.id, r.kind, r.extraTimePercent])).toEqual([['701/21', 'extra_time', 25]]);
    server.put({ entityType: 'CandidateAccessArrangement', href: '/rest-v2/candidate-access-arrangements/2', candidateEntry: ref('CandidateEntry', '/rest-v2/candidate-entries/502'), accessArrangement: ref('AccessArrangement', '/rest-v2/access-arrangements/22') });
    server.remove('/rest-v2/candidate-access-arrangements/1');
    const delta = await mis.pullAccessArrangements({ since: first.cursor! });
    expect(delta.records.map((r) => [r.id, r.kind])).toEqual([['702/22', 'reader']]);
    expect(delta.deletedIds).toEqual(['701/21']);
  });

  it('re-reads a result that changed', async () => {
    const { server, mis } = setup();
    const first = await mis.pullResults();
    expect(first.records).toEqual([{ id: '801', candidateId: '701', awardCode: '8300H', grade: '7', mark: 212, receivedAt: '2026-08-20T08:00:00.000+01:00' }]);
    server.put({ entityType: 'QualificationGrade', href: '/rest-v2/qualification-grades/63', shortName: '8' });
    server.put({ ...server.get('/rest-v2/qualification-results/801')!, qualificationGrade: ref('QualificationGrade', '/rest-v2/qualification-grades/63'), numericValue: 231 });
    const delta = await mis.pullResults({ since: first.cursor! });
    expect(delta.records).toEqual([{ id: '801', candidateId: '701', awardCode: '8300H', grade: '8', mark: 231, receivedAt: '2026-08-20T08:00:00.000+01:00' }]);
  });

  it('refuses a cursor of another kind or another MIS as invalid_value', async () => {
    const { mis } = setup();
    const rooms = await mis.pullRooms();
    for (const since of [rooms.cursor!, '2025-11-04T08:59:59.000Z', 'arbor-changelog:{not json']) {
      const error = await mis.pullCandidates({ since }).catch((e: unknown) => e);
      expect(isExamcycleError(error) && [error.code, error.retryable]).toEqual(['invalid_value', false]);
    }
  });

  it('gives no cursor when deltas are switched off', async () => {
    const server = createArborServer(objects);
    const pulled = await createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'a', password: 'b', fetch: server.fetch, deltas: false }).pullRooms();
    expect(pulled.cursor).toBeUndefined();
    expect(server.requests.some((r) => r.includes('changelog'))).toBe(false);
  });
});
