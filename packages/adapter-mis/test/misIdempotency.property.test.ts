import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Entry } from '@examcycle/core';
import { createArborMis, createInMemoryMis, type MisPort, type MisSeat } from '@examcycle/adapter-mis';
import { createArborServer, type ArborObject } from './arborServer.js';

const objects = JSON.parse(readFileSync(new URL('./fixtures/arbor/exams-objects.json', import.meta.url), 'utf8')) as ArborObject[];

const entryArb: fc.Arbitrary<Entry> = fc
  .record({
    candidateId: fc.constantFrom('701', '702', '703', '799'),
    entryCode: fc.constantFrom('8300H', '8300F', '8461H', 'J560', 'ZZZZ'),
    awardingBodyId: fc.constantFrom('AQA', 'OCR'),
    seriesId: fc.constantFrom('june-2026', 'november-2026'),
    status: fc.constantFrom('draft', 'submitted', 'accepted', 'withdrawn') as fc.Arbitrary<Entry['status']>,
  })
  .map((e) => ({ id: `${e.candidateId}-${e.awardingBodyId}-${e.entryCode}-${e.seriesId}`, ...e, componentCodes: [], identityVerified: false }));
const entriesArb = fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 8 });

const seatArb: fc.Arbitrary<MisSeat> = fc
  .record({ candidateId: fc.constantFrom('701', '702', '703'), paperId: fc.constantFrom('901', '902'), seat: fc.constantFrom('A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1') })
  .map((s) => ({ id: `${s.paperId}/${s.candidateId}`, roomId: '41', ...s }));
const seatsArb = fc.uniqueArray(seatArb, { selector: (s) => s.id, maxLength: 5 });

const arbor = (withFields: boolean) => {
  const server = createArborServer(objects);
  const mis = createArborMis({
    baseUrl: 'https://synthetic.uk.arbor.sc',
    username: 'app',
    password: 'secret',
    fetch: server.fetch,
    ...(withFields ? { registrationFields: (e: Entry) => ({ entryStatus: e.status.toUpperCase() }) } : {}),
  });
  return { server, mis };
};

async function pushTwice(mis: MisPort, entries: readonly Entry[], seats: readonly MisSeat[]) {
  const first = { entries: await mis.pushEntries(entries), seats: await mis.pushSeating(seats) };
  const second = { entries: await mis.pushEntries(entries), seats: await mis.pushSeating(seats) };
  return { first, second };
}

describe('pushing the same entries and seats twice leaves the state of pushing once', () => {
  test.prop([entriesArb, seatsArb], { numRuns: 100, seed: 20_261_203 })('createInMemoryMis', async (entries, seats) => {
    const once = createInMemoryMis();
    await once.pushEntries(entries);
    await once.pushSeating(seats);
    const twice = createInMemoryMis();
    const { first, second } = await pushTwice(twice, entries, seats);
    expect(twice.all('entries')).toEqual(once.all('entries'));
    expect(twice.all('seating')).toEqual(once.all('seating'));
    expect([second.entries.created, second.entries.updated, second.seats.created, second.seats.updated]).toEqual([[], [], [], []]);
    expect([...second.entries.unchanged].sort()).toEqual([...first.entries.created, ...first.entries.updated, ...first.entries.unchanged].sort());
  });

  test.prop([entriesArb, seatsArb, fc.boolean()], { numRuns: 40, seed: 20_261_203 })('createArborMis against a stateful Arbor', async (entries, seats, withFields) => {
    const once = arbor(withFields);
    await once.mis.pushEntries(entries);
    await once.mis.pushSeating(seats);
    const twice = arbor(withFields);
    const { first, second } = await pushTwice(twice.mis, entries, seats);
    for (const type of ['CandidateRegistration', 'CandidateAssessableEntry']) expect(twice.server.all(type)).toEqual(once.server.all(type));
    expect([second.entries.created, second.entries.updated, second.seats.created, second.seats.updated]).toEqual([[], [], [], []]);
    expect([...second.entries.unchanged].sort()).toEqual([...first.entries.created, ...first.entries.updated, ...first.entries.unchanged].sort());
    expect(second.entries.issues.map((i) => i.subject?.recordId)).toEqual(first.entries.issues.map((i) => i.subject?.recordId));
  });
});
