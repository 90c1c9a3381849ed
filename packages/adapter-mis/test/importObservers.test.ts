import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExamcycleObserver, ObservedImport } from '@examcycle/core';
import { createArborMis, createWondeMis, parseCtf, readBasedata, type BasedataFile } from '@examcycle/adapter-mis';
import { instantClock, recordedFetch } from './recordedFetch.js';

const NAMES = ['C6A26_70.X01', 'L6A26_70.X01', 'O6A26_70.X01', 'S6A26_70.X01'];
const files: BasedataFile[] = NAMES.map((name) => ({ name, content: readFileSync(new URL(`./fixtures/basedata/${name}`, import.meta.url), 'latin1') }));
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8'));
const ctf = (name: string) => readFileSync(new URL(`./fixtures/ctf/${name}`, import.meta.url), 'utf8');

function watching() {
  const seen: ObservedImport[] = [];
  let t = 100;
  const observer: ExamcycleObserver = { now: () => (t += 2), onImport: (i) => seen.push(i) };
  return { seen, observer };
}
const throwing: ExamcycleObserver = {
  now: () => {
    throw new Error('clock down');
  },
  onImport: () => {
    throw new Error('logger down');
  },
};

describe('readBasedata / parseCtf / MIS pulls: hosts can watch', () => {
  it('tells the host of a basedata reading: lines read, components, issues by code, duration by the host clock', () => {
    const { seen, observer } = watching();
    const set = readBasedata(files, { awardingBodyId: 'AQA', observer });
    expect(seen).toEqual([{ source: 'edi', kind: 'basedata', rows: set.files.reduce((n, f) => n + f.lineCount, 0), records: set.components.length, issues: expect.any(Object), durationMs: 2 }]);
    expect(Object.values(seen[0]!.issues).reduce((a, b) => a + (b ?? 0), 0)).toBe(set.issues.length);
    expect(readBasedata(files, { awardingBodyId: 'AQA', observer: throwing })).toEqual(readBasedata(files, { awardingBodyId: 'AQA' }));
  });

  it('tells the host of a basedata zip past a limit, with its fatal code, and returns the fatal rather than throwing it', () => {
    const { seen, observer } = watching();
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.content as string)])));
    const reading = readBasedata([{ name: 'Z6A26_70.zip', content: zip }], { zipLimits: { maxExpandedBytes: 100 }, observer });
    expect(reading.fatal?.code).toBe('limit_exceeded');
    expect(seen).toEqual([{ source: 'edi', kind: 'basedata', rows: 0, records: 0, issues: {}, fatal: 'limit_exceeded', durationMs: 2 }]);
  });

  it('tells the host of a CTF reading, and of a CTF it cannot read, with its fatal code', () => {
    const { seen, observer } = watching();
    const reading = parseCtf(ctf('pupils.xml'), { file: 'pupils.xml', observer });
    expect(parseCtf(ctf('truncated.xml'), { file: 'truncated.xml', observer }).fatal?.code).toBe('malformed_response');
    expect(seen.map((s) => [s.source, s.kind, s.file, s.records, s.fatal ?? null])).toEqual([
      ['ctf', 'candidates', 'pupils.xml', reading.candidates.length, null],
      ['ctf', 'candidates', 'truncated.xml', 0, 'malformed_response'],
    ]);
    expect(parseCtf(ctf('pupils.xml'), { observer: throwing })).toEqual(parseCtf(ctf('pupils.xml')));
  });

  it('tells the host of each Wonde pull: objects sent, records mapped, issues by code, the duration by the host clock', async () => {
    const { seen, observer } = watching();
    const SCHOOL = '/v1.0/schools/A1930499544';
    const { fetch } = recordedFetch({
      [`${SCHOOL}/students?include=education_details&per_page=3`]: json('wonde/students-page-1.json'),
      [`${SCHOOL}/students?include=education_details&per_page=3&page=2`]: json('wonde/students-page-2.json'),
      [`${SCHOOL}/rooms?per_page=3`]: json('wonde/rooms.json'),
    });
    const wonde = createWondeMis({ token: 't', schoolId: 'A1930499544', fetch, perPage: 3, observer });
    const students = await wonde.pullCandidates();
    const rooms = await wonde.pullRooms();
    const failed = await wonde.pullStaff().catch((error: unknown) => error); // employees are not recorded: HTTP 404
    expect(seen).toEqual([
      { source: 'wonde', kind: 'candidates', file: 'wonde:students', rows: 6, records: students.records.length, issues: expect.any(Object), durationMs: 2 },
      { source: 'wonde', kind: 'rooms', file: 'wonde:rooms', rows: expect.any(Number), records: rooms.records.length, issues: expect.any(Object), durationMs: 2 },
      { source: 'wonde', kind: 'staff', file: 'wonde:employees', rows: 0, records: 0, issues: {}, fatal: (failed as { code: string }).code, durationMs: 2 },
    ]);
    expect(Object.values(seen[0]!.issues).reduce((a, b) => a + (b ?? 0), 0)).toBe(students.issues.length);
  });

  it('tells the host of each Arbor pull, and a throwing observer changes nothing', async () => {
    const { seen, observer } = watching();
    const recorded = json('arbor/staff-rooms-access.json') as Record<string, unknown>;
    const arbor = (o?: ExamcycleObserver) => createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'app', password: 'secret', fetch: recordedFetch(recorded).fetch, deltas: false, clock: instantClock(), ...(o ? { observer: o } : {}) });
    const rooms = await arbor(observer).pullRooms();
    expect(seen).toEqual([{ source: 'arbor', kind: 'rooms', file: 'arbor:rooms', rows: rooms.records.length + 1, records: rooms.records.length, issues: { invalid_value: 1 }, durationMs: 2 }]);
    expect(await arbor(throwing).pullStaff()).toEqual(await arbor().pullStaff());
  });
});
