import { describe, expect, it } from 'vitest';
import { readEntriesFile, writeEntriesFile } from '@examcycle/adapter-mis';
import { AQA, candidates, entries } from './fixtures/centre.js';

const written = writeEntriesFile(candidates, entries, { centreNumber: '12345', awardingBody: AQA, series: { code: '6A', year: '26' }, sequence: 3, producedOn: '2026-02-10' });
const lines = written.content!.split('\r\n').slice(0, -1);
const join = (ls: string[]): string => ls.map((l) => `${l}\r\n`).join('');

describe('readEntriesFile', () => {
  it('reads back what was written, with the control records', () => {
    const read = readEntriesFile(written.content!, { file: written.fileName });
    expect(read.issues).toEqual([]);
    expect(read.candidates).toEqual(written.candidates);
    expect(read.header).toMatchObject({ dataType: 'E', centreOrSeries: '12345', awardingBodyId: '70', seriesCode: '6A', seriesYear: '26', formatsVersion: '14' });
    expect(read.centreHeaders[0]?.sequenceNumber).toBe('003');
    expect(read.structure.centres[0]?.trailer).toMatchObject({ recordCount: 6, dateProduced: '2026-02-10' });
  });

  it('accepts LF-only line ends and, when asked, lines whose trailing spaces were trimmed', () => {
    expect(readEntriesFile(lines.join('\n')).issues).toEqual([]);
    const trimmed = lines.map((l) => l.trimEnd()).join('\n');
    expect(readEntriesFile(trimmed).issues.length).toBeGreaterThan(0);
    expect(readEntriesFile(trimmed, { padShortLines: true }).issues).toEqual([]);
  });

  it('reports a deleted detail line through both trailer counts', () => {
    const read = readEntriesFile(join([...lines.slice(0, 3), ...lines.slice(4)]), { file: 'E1234570.X03' });
    expect(read.issues.map((i) => [i.location?.line, i.location?.recordType, i.location?.field, i.code])).toEqual([
      [6, 'E7', 'recordCount', 'trailer_mismatch'],
      [7, 'E9', 'totalRecords', 'trailer_mismatch'],
    ]);
    expect(read.issues[0]?.location?.file).toBe('E1234570.X03');
  });

  it('does not guess the century of a date of birth when no header gives the series year (regression: seed 1684844449)', () => {
    const merged = written.content!.replace('\r\n', '\r\u0000');
    const read = readEntriesFile(merged);
    expect(read.records).toEqual([]);
    const dob = read.issues.filter((i) => i.location?.field === 'dateOfBirth');
    expect(dob.map((i) => [i.location?.recordType, i.code, i.location?.column])).toEqual(dob.map(() => ['E5', 'invalid_value', 54]));
    expect(dob.length).toBeGreaterThan(0);
  });

  it('reports a truncated file: no centre trailer and no file trailer', () => {
    const read = readEntriesFile(join(lines.slice(0, 4)));
    expect(read.issues.map((i) => i.code)).toEqual(['trailer_mismatch', 'trailer_mismatch']);
    expect(read.candidates).toHaveLength(2);
  });

  it('reports a bad check character in a UCI with its line, record type, field and column', () => {
    const broken = [...lines];
    broken[2] = `${broken[2]!.slice(0, 71)}B${broken[2]!.slice(72)}`;
    const read = readEntriesFile(join(broken), { file: 'E1234570.X03' });
    expect(read.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "bad_check_character",
          "location": {
            "column": 60,
            "field": "uci",
            "file": "E1234570.X03",
            "line": 3,
            "recordType": "E5",
            "value": "123450250001B",
          },
          "message": "UCI "123450250001B" fails its check character",
          "severity": "error",
        },
      ]
    `);
    expect(read.records.map((r) => r.line)).toEqual([4, 5, 6]);
  });

  it('reports an unknown record type, an empty line and a line after the file trailer', () => {
    const broken = [...lines.slice(0, 2), `E6${lines[2]!.slice(2)}`, '', ...lines.slice(3), lines[0]!];
    const read = readEntriesFile(join(broken));
    expect(read.issues.map((i) => [i.location?.line, i.location?.field])).toEqual([
      [3, 'recordType'],
      [4, 'record'],
      [8, 'recordCount'],
      [9, 'totalRecords'],
      [10, 'recordType'],
    ]);
  });

  it('reports a file of the wrong data type, an entry slot gap and a detail record in the wrong centre block', () => {
    expect(readEntriesFile(join(lines.map((l) => `R${l.slice(1)}`))).issues[0]).toMatchObject({ location: { line: 1, field: 'dataType' } });
    const gap = [...lines];
    gap[2] = `${gap[2]!.slice(0, 115)}       ${gap[2]!.slice(122)}`;
    expect(readEntriesFile(join(gap)).issues).toEqual([expect.objectContaining({ code: 'malformed_record', location: expect.objectContaining({ line: 3, field: 'entryCode3' }) })]);
    const moved = [...lines];
    moved[3] = `${moved[3]!.slice(0, 3)}54321${moved[3]!.slice(8)}`;
    expect(readEntriesFile(join(moved)).issues).toEqual([expect.objectContaining({ code: 'invalid_value', location: expect.objectContaining({ line: 4, field: 'centreNumber' }) })]);
  });

  it('reports an empty file as fatal without throwing', () => {
    const read = readEntriesFile('');
    expect(read.fatal?.code).toBe('empty_file');
    expect(read.records).toEqual([]);
  });
});
