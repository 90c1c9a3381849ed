import { describe, expect, it } from 'vitest';
import { ENTRIES_DETAIL_LAYOUT, readEntriesFile, readResultsFile, writeEntriesFile, writeResultsFile, type EdiResultInput } from '@examcycle/adapter-mis';
import { AQA, candidates, entries } from './fixtures/centre.js';

const results: EdiResultInput[] = [
  { centreNumber: '12345', candidateNumber: '0002', uci: '123450250002D', entryCode: '8300F', resultCode: '8300F', resultType: 'U', uniformMark: 212, grade: '4' },
  { centreNumber: '12345', candidateNumber: '0004', entryCode: '7357', resultCode: '7357', resultType: 'M', mark: 241, grade: 'A*' },
  { centreNumber: '12345', candidateNumber: '0001', uci: '123450250001X', entryCode: '8300H', resultCode: '8300H', resultType: '1', grade: '7' },
];
const written = writeResultsFile(results, { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' }).content!;

/** Replaces columns `from`–(`from` + text length − 1) (1-based) of line `n` (1-based). */
function patch(content: string, n: number, from: number, text: string): string {
  const lines = content.split('\r\n');
  const line = lines[n - 1]!;
  lines[n - 1] = line.slice(0, from - 1) + text + line.slice(from - 1 + text.length);
  return lines.join('\r\n');
}

// What awarding bodies plausibly send (the public v14 implementation, Aspen, reads all three):
const sent = [
  (c: string) => patch(c, 3, 48, ' 45'), // a score padded with a space
  (c: string) => patch(c, 4, 47, 'm'), // a lower-case result type
  (c: string) => patch(c, 5, 35, ' 8300H'), // a text field padded on the left
].reduce((c, f) => f(c), written);

describe('EDI readers: lenient by default, strict on request', () => {
  it('reads a spaced score, a lower-case result type and a left-padded entry code, each with a warning issue', () => {
    const read = readResultsFile(sent, { file: 'R1234570.X01' });
    expect(read.results.map((r) => [r.candidateNumber, r.resultType, r.entryCode, r.uniformMark ?? r.mark ?? r.grade])).toEqual([
      ['0002', 'U', '8300F', 45],
      ['0004', 'M', '7357', 241],
      ['0001', '1', '8300H', '7'],
    ]);
    expect(read.issues.map((i) => [i.location?.line, i.location?.field, i.severity, i.code])).toEqual([
      [3, 'score', 'warning', 'invalid_value'],
      [4, 'resultType', 'warning', 'invalid_value'],
      [5, 'entryCode', 'warning', 'invalid_value'],
    ]);
    expect(read.issues[0]?.message).toContain('read as "045"');
  });

  it('keeps the strict reading available: each such field drops its record with a malformed_record issue', () => {
    const read = readResultsFile(sent, { file: 'R1234570.X01', strict: true });
    expect(read.results).toEqual([]);
    expect(read.issues.map((i) => [i.location?.line, i.code, i.severity])).toEqual([
      [3, 'malformed_record', 'error'],
      [4, 'malformed_record', 'error'],
      [5, 'malformed_record', 'error'],
    ]);
  });

  it('does not read leniently what no awarding body would mean: letters in a number stay an error', () => {
    const read = readResultsFile(patch(written, 3, 48, '4x5'));
    expect(read.results).toHaveLength(2);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'malformed_record', location: expect.objectContaining({ line: 3, field: 'score' }) })]);
  });

  it('reads an entries file with a lower-case name and a space-padded candidate number, with warnings', () => {
    const file = writeEntriesFile(candidates, entries, { centreNumber: '12345', awardingBody: AQA, series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-02-10' }).content!;
    const detail = file.split('\r\n')[2]!;
    const nameAt = detail.indexOf('JONES') + 1;
    const numberAt = ENTRIES_DETAIL_LAYOUT.fields.find((f) => f.field === 'candidateNumber')!.start;
    const changed = patch(patch(file, 3, nameAt, 'Jones'), 3, numberAt, '  01');
    const read = readEntriesFile(changed);
    expect(read.candidates[0]).toMatchObject({ candidateNumber: '0001', candidateName: expect.stringMatching(/^JONES:/) });
    expect(read.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(read.issues.map((i) => i.location?.field)).toEqual(['candidateNumber', 'candidateName']);
    expect(readEntriesFile(changed, { strict: true }).candidates.map((c) => c.candidateNumber)).not.toContain('0001');
  });
});
