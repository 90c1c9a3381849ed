import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExamcycleError, isExamcycleError, type ExamClock, type ExamcycleErrorCode } from '@examcycle/core';
import { createArborMis, createInMemoryMis, createWondeMis, type MisFetch, type MisPort } from '@examcycle/adapter-mis';
import { instantClock, recordedFetch, type Reply } from './recordedFetch.js';

const wondeRooms = readFileSync(new URL('./fixtures/wonde/rooms.json', import.meta.url), 'utf8');
const arborRooms = JSON.stringify((JSON.parse(readFileSync(new URL('./fixtures/arbor/staff-rooms-access.json', import.meta.url), 'utf8')) as Record<string, unknown>)['/rest-v2/rooms?page=1&page-size=100']);

async function failure(p: Promise<unknown>): Promise<ExamcycleError> {
  try {
    await p;
  } catch (e) {
    if (isExamcycleError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

type Make = (fetch: MisFetch, clock?: ExamClock) => MisPort;
const entry = { id: 'e1', candidateId: '701', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', componentCodes: [], status: 'draft' as const, identityVerified: false };
const seat = { id: '901/701', candidateId: '701', paperId: '901', roomId: '41', seat: 'A1' };
const OPERATIONS: Record<string, (mis: MisPort) => Promise<unknown>> = {
  pullCandidates: (m) => m.pullCandidates(),
  pullStaff: (m) => m.pullStaff(),
  pullRooms: (m) => m.pullRooms(),
  pullAccessArrangements: (m) => m.pullAccessArrangements(),
  pullResults: (m) => m.pullResults(),
  pushEntries: (m) => m.pushEntries([entry]),
  pushSeating: (m) => m.pushSeating([seat]),
};

const MAPPINGS: Array<{ name: string; make: Make; operations: string[]; rooms: string }> = [
  {
    name: 'Wonde',
    make: (fetch, clock) => createWondeMis({ token: 't', schoolId: 'A1930499544', fetch, ...(clock === undefined ? {} : { clock }) }),
    operations: ['pullCandidates', 'pullStaff', 'pullRooms'],
    rooms: wondeRooms,
  },
  {
    name: 'Arbor',
    make: (fetch, clock) => createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'u', password: 'p', fetch, deltas: false, ...(clock === undefined ? {} : { clock }) }),
    operations: Object.keys(OPERATIONS),
    rooms: arborRooms,
  },
];

for (const { name, make, operations, rooms } of MAPPINGS) {
  const run = (op: string, reply: (url: URL, n: number) => Reply, clock?: ExamClock) => failure(OPERATIONS[op]!(make(recordedFetch(reply).fetch, clock)));

  describe(`${name} errors (the MIS port's typed errors, and whether a retry helps)`, () => {
    it.each(operations)('%s: HTTP 401 and 403 are not_authorised, and a retry does not help', async (op) => {
      for (const status of [401, 403]) {
        const e = await run(op, () => ({ status, body: '{"error":"Unauthenticated."}' }));
        expect([e.code, e.retryable, e.details?.['status']]).toEqual(['not_authorised', false, status]);
      }
    });

    it.each(operations)('%s: HTTP 429 is rate_limited, retryable, with the Retry-After wait', async (op) => {
      const e = await run(op, () => ({ status: 429, headers: { 'Retry-After': '30' } }));
      expect([e.code, e.retryable, e.details?.['retryAfterMs']]).toEqual(['rate_limited', true, 30_000]);
    });

    it.each(operations)('%s: a 5xx answer or a network failure is unreachable, and a retry may help', async (op) => {
      for (const reply of [{ status: 500 }, { status: 503 }, new TypeError('fetch failed')] as Reply[]) {
        const e = await run(op, () => reply);
        expect([e.code, e.retryable]).toEqual(['unreachable', true]);
      }
    });

    it.each(operations)('%s: a body that is not JSON is malformed_response, not retryable, with the URL', async (op) => {
      const e = await run(op, () => ({ status: 200, body: '<html>Service maintenance</html>' }));
      expect([e.code, e.retryable, e.location?.file]).toEqual(['malformed_response', false, expect.stringMatching(/^https:\/\//)]);
    });

    it('honours Retry-After on the injected clock: it waits, then the call succeeds', async () => {
      const clock = instantClock();
      const { fetch, seen } = recordedFetch((_, n) => (n === 1 ? { status: 429, headers: { 'Retry-After': '7' } } : { status: 200, body: rooms }));
      const pulled = await make(fetch, clock).pullRooms();
      expect(clock.waits).toEqual([7000]);
      expect(seen).toHaveLength(2);
      expect(pulled.records.length).toBeGreaterThan(0);
    });
  });
}

describe('malformed_response says where: endpoint, record index and field', () => {
  it('Wonde: a page whose data is not a list', async () => {
    const e = await failure(createWondeMis({ token: 't', schoolId: 'A1930499544', fetch: recordedFetch(() => ({ status: 200, body: '{"data":{"id":"x"},"meta":{}}' })).fetch }).pullStaff());
    expect([e.code, e.retryable, e.details?.['endpoint'], e.location?.field, e.location?.file]).toEqual([
      'malformed_response',
      false,
      'wonde:employees',
      'data',
      'https://api.wonde.com/v1.0/schools/A1930499544/employees?include=employment_details%2Croles%2Ccontact_details&per_page=200',
    ]);
  });

  it('Wonde: a record that is not an employee is an issue naming its index and field; the others are kept', async () => {
    const body = JSON.stringify({ data: [{ id: 'A1', forename: 'Ann', surname: 'Bell', employment_details: { data: { teaching_staff: true } } }, { id: 42 }], meta: { pagination: { next: null } } });
    const pulled = await createWondeMis({ token: 't', schoolId: 'S', fetch: recordedFetch(() => ({ status: 200, body })).fetch }).pullStaff();
    expect(pulled.records.map((r) => r.id)).toEqual(['A1']);
    expect(pulled.issues.map((i) => [i.location?.file, i.location?.path, i.location?.field, i.code])).toEqual([['wonde:employees', [1, 'id'], 'id', 'malformed_response']]);
  });

  it('Arbor: a listing item that is not an object', async () => {
    const body = JSON.stringify({ rooms: [{ entityType: 'Room', href: '/rest-v2/rooms/1', roomName: 'Hall' }, 'oops'] });
    const e = await failure(createArborMis({ baseUrl: 'https://a.example', username: 'u', password: 'p', deltas: false, fetch: recordedFetch(() => ({ status: 200, body })).fetch }).pullRooms());
    expect([e.code, e.details?.['endpoint'], e.details?.['recordIndex'], e.location?.field]).toEqual(['malformed_response', 'arbor:rooms', 1, 'rooms[1]']);
  });

  it('Arbor: a change-log entry without its revision', async () => {
    const body = JSON.stringify({ changes: [{ changeType: 'update', changedObject: { entityType: 'Room', href: '/rest-v2/rooms/1' } }] });
    const e = await failure(createArborMis({ baseUrl: 'https://a.example', username: 'u', password: 'p', fetch: recordedFetch(() => ({ status: 200, body })).fetch }).pullRooms());
    expect([e.code, e.details?.['endpoint'], e.details?.['recordIndex'], e.location?.field, e.location?.file]).toEqual(['malformed_response', 'arbor:rooms/changelog', 0, 'changes[0]', 'https://a.example/rest-v2/rooms/changelog']);
  });

  it('Arbor: an error code inside a 200 answer is read as the status', async () => {
    const e = await failure(createArborMis({ baseUrl: 'https://a.example', username: 'u', password: 'p', deltas: false, fetch: recordedFetch(() => ({ status: 200, body: '{"response":{"code":503,"reason":"Maintenance"}}' })).fetch }).pullRooms());
    expect([e.code, e.retryable, e.details?.['status']]).toEqual(['unreachable', true, 503]);
  });
});

describe('createInMemoryMis errors', () => {
  it.each([
    ['unreachable', true],
    ['not_authorised', false],
    ['rate_limited', true],
    ['malformed_response', false],
  ] as Array<[ExamcycleErrorCode, boolean]>)('passes a scheduled %s on unchanged, with its retryable', async (code, retryable) => {
    const mis = createInMemoryMis();
    mis.failNext('pushEntries', new ExamcycleError(code, 'scheduled', { retryable }));
    const e = await failure(mis.pushEntries([]));
    expect([e.code, e.retryable]).toEqual([code, retryable]);
    expect(await mis.pushEntries([])).toEqual({ created: [], updated: [], unchanged: [], issues: [] });
  });
});
