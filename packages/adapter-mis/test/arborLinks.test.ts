import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createArborMis, type ArborMisOptions } from '@examcycle/adapter-mis';
import { createArborServer, type ArborObject } from './arborServer.js';
import { instantClock } from './recordedFetch.js';

/** Arbor's own example of one object (developers.arbor-education.com/api/messages), XML form, verbatim. */
const sampleXml = readFileSync(new URL('./fixtures/samples/arbor-docs-room-7.xml', import.meta.url), 'utf8');
const room7 = (new XMLParser({ parseTagValue: false }).parse(sampleXml) as { response: { room: ArborObject } }).response.room;
const objects = JSON.parse(readFileSync(new URL('./fixtures/arbor/exams-objects.json', import.meta.url), 'utf8')) as ArborObject[];

const mis = (seed: readonly ArborObject[], extra: Partial<ArborMisOptions> = {}) => {
  const server = createArborServer(seed, { identities: true });
  return { server, mis: createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'app', password: 'secret', fetch: server.fetch, clock: instantClock(), deltas: false, ...extra }) };
};

describe('createArborMis over listings of identities with links (Arbor: "the identities and links to objects")', () => {
  it('reads Arbor\'s own room 7 example: string-typed capacity "35" and isInvigilationRoom "false"', async () => {
    expect(room7).toMatchObject({ entityType: 'Room', href: '/rest-v2/rooms/7', roomName: 'A.1.04', studentCapacity: '35', isInvigilationRoom: 'false' });
    const { server, mis: arbor } = mis([room7]);
    const { records, issues } = await arbor.pullRooms();
    expect(records).toEqual([{ id: '7', name: 'A.1.04', capacity: 35, examRoom: false }]);
    expect(issues).toEqual([]);
    expect(server.requests).toContain('GET /rest-v2/rooms/7');
  });

  it('follows each link for the full object, so rooms, candidates (UCI, UPN) and access arrangements read as from full listings', async () => {
    const full = createArborServer(objects);
    const direct = createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'app', password: 'secret', fetch: full.fetch, clock: instantClock(), deltas: false });
    const { mis: linked } = mis(objects);
    for (const pull of ['pullRooms', 'pullCandidates', 'pullAccessArrangements', 'pullStaff', 'pullResults'] as const) {
      const a = await direct[pull]();
      const b = await linked[pull]();
      expect({ pull, records: b.records, issues: b.issues }).toEqual({ pull, records: a.records, issues: a.issues });
    }
    const candidates = (await linked.pullCandidates()).records;
    expect(candidates.some((c) => c.uci !== undefined)).toBe(true);
    expect(candidates.some((c) => c.upn !== undefined)).toBe(true);
  });

  it('fetches at most linkConcurrency objects at a time', async () => {
    const rooms = Array.from({ length: 20 }, (_, i) => ({ ...room7, href: `/rest-v2/rooms/${100 + i}`, roomName: `R${i}` }));
    const { server, mis: arbor } = mis(rooms, { linkConcurrency: 3 });
    expect((await arbor.pullRooms()).records).toHaveLength(20);
    expect(server.maxInFlight()).toBe(3);
  });

  it('reports, rather than loses, an object deleted between the listing and its fetch (HTTP 404)', async () => {
    const { server, mis: arbor } = mis([room7, { ...room7, href: '/rest-v2/rooms/8', roomName: 'B.2' }]);
    const fetch = server.fetch;
    const gone = createArborMis({
      baseUrl: 'https://synthetic.uk.arbor.sc', username: 'app', password: 'secret', clock: instantClock(), deltas: false,
      fetch: (url, init) => (url.endsWith('/rest-v2/rooms/8') ? fetch('https://synthetic.uk.arbor.sc/rest-v2/rooms/999', init) : fetch(url, init)),
    });
    const pulled = await gone.pullRooms();
    expect(pulled.records.map((r) => r.id)).toEqual(['7']);
    expect(pulled.issues).toEqual([expect.objectContaining({ code: 'malformed_response', subject: { recordId: '8' }, location: expect.objectContaining({ field: 'href' }) })]);
    expect((await arbor.pullRooms()).records.map((r) => r.id)).toEqual(['7', '8']);
  });
});
