import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isExamcycleError, type Entry } from '@examcycle/core';
import { arborSeatCoordinates, createArborMis, type ArborMisOptions, type MisSeat } from '@examcycle/adapter-mis';
import { createArborServer, type ArborObject } from './arborServer.js';

const objects = JSON.parse(readFileSync(new URL('./fixtures/arbor/exams-objects.json', import.meta.url), 'utf8')) as ArborObject[];
const setup = (extra: Partial<ArborMisOptions> = {}) => {
  const server = createArborServer(objects);
  return { server, mis: createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'app', password: 'secret', fetch: server.fetch, ...extra }) };
};
const entry = (id: string, candidateId: string, entryCode: string, more: Partial<Entry> = {}): Entry => ({ id, candidateId, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode, componentCodes: [], status: 'draft', identityVerified: false, ...more });
const refs = (o: ArborObject | undefined) => o && [(o['candidate'] as { href: string }).href, (o['qualificationAward'] as { href: string }).href, (o['qualificationAvailabilityInstance'] as { href: string }).href];

describe('createArborMis pushEntries (CandidateRegistration, upserted by candidate, award and series)', () => {
  it('creates a registration for each new entry and leaves one already registered unchanged', async () => {
    const { server, mis } = setup();
    const out = await mis.pushEntries([entry('e1', '701', '8461H'), entry('e2', '702', '8300F'), entry('e3', '701', '8300H')]);
    expect(out).toEqual({ created: ['e1', 'e2'], updated: [], unchanged: ['e3'], issues: [] });
    expect(server.all('CandidateRegistration').map(refs)).toEqual([
      ['/rest-v2/candidates/31', '/rest-v2/qualification-awards/71', '/rest-v2/qualification-availability-instances/61'],
      ['/rest-v2/candidates/31', '/rest-v2/qualification-awards/73', '/rest-v2/qualification-availability-instances/61'],
      ['/rest-v2/candidates/32', '/rest-v2/qualification-awards/72', '/rest-v2/qualification-availability-instances/61'],
    ]);
    expect(server.requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /rest-v2/candidate-registrations', 'POST /rest-v2/candidate-registrations']);
  });

  it('looks the registration up before writing, so pushing the same entries again creates nothing', async () => {
    const { server, mis } = setup();
    const entries = [entry('e1', '701', '8461H'), entry('e2', '702', '8300F')];
    await mis.pushEntries(entries);
    const before = server.all('CandidateRegistration');
    expect(await mis.pushEntries(entries)).toEqual({ created: [], updated: [], unchanged: ['e1', 'e2'], issues: [] });
    expect(server.all('CandidateRegistration')).toEqual(before);
  });

  it("takes the award of the entry's awarding body and the series instance whose dates hold the series month", async () => {
    const { server, mis } = setup();
    await mis.pushEntries([entry('e1', '702', '8300H', { seriesId: 'november-2026' })]);
    expect(refs(server.all('CandidateRegistration').at(-1))).toEqual(['/rest-v2/candidates/32', '/rest-v2/qualification-awards/71', '/rest-v2/qualification-availability-instances/62']);
    const chosen = setup({ availabilityInstance: () => '61' });
    await chosen.mis.pushEntries([entry('e1', '702', '8300H', { seriesId: 'november-2026' })]);
    expect(refs(chosen.server.all('CandidateRegistration').at(-1))?.[2]).toBe('/rest-v2/qualification-availability-instances/61');
  });

  it('reports each entry it cannot resolve or will not write, and pushes the rest', async () => {
    const { mis } = setup();
    const out = await mis.pushEntries([
      entry('unknown-student', '799', '8300H'),
      entry('unknown-award', '701', 'ZZZZ'),
      entry('no-series', '701', '8461H', { seriesId: 'march-2026' }),
      entry('withdrawn', '701', '8461H', { status: 'withdrawn' }),
      entry('too-long', '701', 'TOOLONG1'),
      entry('fine', '703', '8300H'),
    ]);
    expect(out.created).toEqual(['fine']);
    expect(out.issues.map((i) => [i.subject?.recordId, i.location?.field, i.code])).toEqual([
      ['unknown-student', 'candidateId', 'invalid_value'],
      ['unknown-award', 'entryCode', 'invalid_value'],
      ['no-series', 'seriesId', 'invalid_value'],
      ['withdrawn', 'status', 'invalid_value'],
      ['too-long', 'entryCode', 'invalid_value'],
    ]);
  });

  it("keeps the caller's registration fields in step: updated when they differ, unchanged when not", async () => {
    const { server, mis } = setup({ registrationFields: (e) => ({ entryStatus: e.status === 'withdrawn' ? 'WITHDRAWN' : 'ENTERED' }) });
    expect((await mis.pushEntries([entry('e1', '702', '8300F')])).created).toEqual(['e1']);
    expect((await mis.pushEntries([entry('e1', '702', '8300F')])).unchanged).toEqual(['e1']);
    expect((await mis.pushEntries([entry('e1', '702', '8300F', { status: 'withdrawn' })])).updated).toEqual(['e1']);
    expect(server.all('CandidateRegistration').map((r) => r['entryStatus'])).toEqual([undefined, 'WITHDRAWN']);
  });

  it('reports a registration Arbor refuses (422) for that entry, and pushes the others', async () => {
    const { server, mis } = setup();
    server.refuseNextWrite(422, 'The candidate is not eligible for this award');
    const out = await mis.pushEntries([entry('refused', '701', '8461H'), entry('fine', '702', '8300F')]);
    expect(out.created).toEqual(['fine']);
    expect(out.issues).toEqual([expect.objectContaining({ subject: { recordId: 'refused' }, code: 'invalid_value', severity: 'error', message: 'Arbor refused the registration: The candidate is not eligible for this award' })]);
  });

  it('fails the push with not_authorised when Arbor refuses the credentials', async () => {
    const { server, mis } = setup();
    server.refuseNextWrite(401, 'bad credentials');
    const error = await mis.pushEntries([entry('e1', '701', '8461H')]).catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.retryable]).toEqual(['not_authorised', false]);
  });
});

describe('createArborMis pushSeating (CandidateAssessableEntry.seat → RoomLayoutSeat)', () => {
  const seat = (candidateId: string, paperId: string, code: string, roomId = '41'): MisSeat => ({ id: `${paperId}/${candidateId}`, candidateId, paperId, roomId, seat: code });

  it("sets the seat of the candidate's sitting of the paper to the layout seat at the code's row and column", async () => {
    const { server, mis } = setup();
    expect(await mis.pushSeating([seat('701', '901', 'B2'), seat('702', '901', 'A3')])).toEqual({ created: [], updated: ['901/701', '901/702'], unchanged: [], issues: [] });
    expect(server.get('/rest-v2/candidate-assessable-entries/801')?.['seat']).toEqual({ entityType: 'RoomLayoutSeat', href: '/rest-v2/room-layout-seats/605' });
    expect(server.get('/rest-v2/candidate-assessable-entries/802')?.['seat']).toEqual({ entityType: 'RoomLayoutSeat', href: '/rest-v2/room-layout-seats/603' });
  });

  it('leaves a seat already set unchanged, so pushing twice changes nothing', async () => {
    const { server, mis } = setup();
    await mis.pushSeating([seat('701', '901', 'B2')]);
    const before = server.all('CandidateAssessableEntry');
    expect(await mis.pushSeating([seat('701', '901', 'B2')])).toEqual({ created: [], updated: [], unchanged: ['901/701'], issues: [] });
    expect(server.all('CandidateAssessableEntry')).toEqual(before);
  });

  it('reports what it cannot place: a room with several layouts, a seat not in the layout, no sitting, no candidate, a bad code', async () => {
    const { mis } = setup();
    const out = await mis.pushSeating([seat('701', '901', 'A1', '42'), seat('702', '901', 'C9'), seat('701', '999', 'A1'), seat('704', '901', 'A1'), seat('703', '901', '1A')]);
    expect(out.issues.map((i) => [i.subject?.recordId, i.location?.field])).toEqual([
      ['901/701', 'roomId'],
      ['901/702', 'seat'],
      ['999/701', 'paperId'],
      ['901/704', 'candidateId'],
      ['901/703', 'seat'],
    ]);
    const chosen = setup({ roomLayouts: { '42': '52' } });
    expect((await chosen.mis.pushSeating([seat('701', '901', 'A1', '42')])).updated).toEqual(['901/701']);
  });

  it('reads seat A1 as column 1, row 1, and AA10 as column 10, row 27', () => {
    expect([arborSeatCoordinates('A1'), arborSeatCoordinates('B12'), arborSeatCoordinates('AA10'), arborSeatCoordinates('1A')]).toEqual([{ x: 1, y: 1 }, { x: 12, y: 2 }, { x: 10, y: 27 }, undefined]);
  });
});
