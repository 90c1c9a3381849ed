import { describe, expect, it } from 'vitest';
import { readResultsFile, writeResultsFile, type EdiResultInput, type WriteResultsFileOptions } from '@examcycle/adapter-mis';
import { candidates, entries, entry } from './fixtures/centre.js';

const options: WriteResultsFileOptions = { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' };

const results: EdiResultInput[] = [
  { centreNumber: '12345', candidateNumber: '0001', uci: '123450250001X', uln: '9123456786', entryCode: '8300H', resultCode: '8300H', resultType: '1', grade: '7' },
  { centreNumber: '12345', candidateNumber: '0001', uci: '123450250001X', entryCode: '8464H', resultCode: '8464H', resultType: '1', grade: '77', secondGrade: '', endorsement: '' },
  { centreNumber: '12345', candidateNumber: '0002', uci: '123450250002D', entryCode: '8300F', resultCode: '8300F', resultType: 'U', uniformMark: 212, grade: '4' },
  { centreNumber: '12345', candidateNumber: '0004', entryCode: '7357', resultCode: '7357', resultType: 'M', mark: 241, grade: 'A*' },
  { centreNumber: '12345', candidateNumber: '0003', uci: '123450250003K', entryCode: '8300H', resultCode: '8300H', resultType: '1', grade: 'X', absence: { grade: 'A' } },
];

function lines(content: string): string[] {
  return content.split('\r\n').slice(0, -1);
}

describe('readResultsFile (JCQ formats v14 results file)', () => {
  it('reads grades, endorsements, marks and uniform marks by result type', () => {
    const out = writeResultsFile(
      [
        ...results,
        { centreNumber: '12345', candidateNumber: '0001', resultCode: 'QDA1', resultType: '2', grade: 'L2', secondGrade: 'L1', endorsement: 'D', secondEndorsement: 'M' },
        { centreNumber: '12345', candidateNumber: '0001', resultCode: 'QB01', resultType: 'B', score: 1234, grade: 'P', absence: { grade: 'Q' } },
      ],
      options,
    );
    expect(out.issues).toEqual([]);
    expect(out.fileName).toBe('R1234570.X01');
    const read = readResultsFile(out.content!, { file: out.fileName });
    expect(read.issues).toEqual([]);
    expect(read.results).toEqual(out.results);
    const [g, dbl, u, m, absent, levels, b] = read.results;
    expect(g).toMatchObject({ resultType: '1', grade: '7', uln: '9123456786' });
    expect(dbl).toMatchObject({ grade: '77' });
    expect(u).toMatchObject({ resultType: 'U', uniformMark: 212, grade: '4' });
    expect(m).toMatchObject({ resultType: 'M', mark: 241, grade: 'A*' });
    expect(absent).toMatchObject({ grade: 'X', absence: { grade: 'A' } });
    expect(levels).toMatchObject({ grade: 'L2', secondGrade: 'L1', endorsement: 'D', secondEndorsement: 'M' });
    expect(b).toMatchObject({ resultType: 'B', score: 1234, grade: 'P', absence: { grade: 'Q' } });
  });

  it('lays the grades block out at columns 48–61 by result type', () => {
    const ls = lines(writeResultsFile(results, options).content!);
    expect(ls[2]!.slice(0, 61)).toBe(`R5123450001123450250001X91234567868300H 8300H 17${' '.repeat(13)}`);
    expect(ls[4]!.slice(46, 52)).toBe('U2124 ');
  });

  it('keeps columns no source describes exactly, so nothing in them is lost', () => {
    const out = writeResultsFile([{ ...results[0]!, unread: { unread: 'JONES:SIAN' } }], options);
    const read = readResultsFile(out.content!);
    expect(read.results[0]?.unread).toEqual({ unread: 'JONES:SIAN' });
  });

  it('reports a result type no source lists', () => {
    const ls = lines(writeResultsFile(results, options).content!);
    ls[2] = `${ls[2]!.slice(0, 46)}Z${ls[2]!.slice(47)}`;
    const read = readResultsFile(ls.map((l) => `${l}\r\n`).join(''), { file: 'R1234570.X01' });
    expect(read.issues).toEqual([expect.objectContaining({ code: 'malformed_record', location: expect.objectContaining({ line: 3, column: 47, field: 'resultType', recordType: 'R5', value: 'Z' }) })]);
    expect(read.results).toHaveLength(4);
  });

  it('refuses to write a score the result type has no room for', () => {
    const out = writeResultsFile([{ ...results[0]!, mark: 3 }], options);
    expect(out.content).toBeUndefined();
    expect(out.issues[0]).toMatchObject({ code: 'unrepresentable_value', location: { path: [0] } });
    expect(writeResultsFile([{ ...results[2]!, uniformMark: 1000 }], options).issues[0]).toMatchObject({ code: 'unrepresentable_value', location: { field: 'score', path: [0] } });
  });
});

describe('readResultsFile matching (by centre, candidate number and UCI)', () => {
  const file = (rs: EdiResultInput[]): string => writeResultsFile(rs, options).content!;
  const match = { centreNumber: '12345', candidates, entries };

  it('matches results to candidates and entries', () => {
    const read = readResultsFile(file(results.slice(0, 2)), { match: { ...match, entries: entries.filter((e) => e.candidateId === 'c1' && e.entryCode !== '8461H') } });
    expect(read.findings).toEqual([]);
    expect(read.matches.map((m) => [m.candidateId, m.entryId !== undefined])).toEqual([
      ['c1', true],
      ['c1', true],
    ]);
  });

  it('reports an unknown candidate, a UCI mismatch and a wrong centre, and does not match them', () => {
    const read = readResultsFile(
      file([
        { ...results[0]!, candidateNumber: '0099', uci: '123450250005B' },
        { ...results[0]!, candidateNumber: '0002' },
        { ...results[0]!, centreNumber: '54321' },
      ]),
      { match },
    );
    expect(read.findings.filter((f) => f.severity === 'error').map((f) => [f.kind, f.line])).toEqual([
      ['unknown_candidate', 3],
      ['uci_mismatch', 4],
      ['wrong_centre', 5],
    ]);
    expect(read.findings[1]?.message).toContain("which is candidate 0001's");
    expect(read.matches).toEqual([]);
  });

  it('matches by UCI when the candidate number differs, and says so', () => {
    const read = readResultsFile(file([{ ...results[0]!, candidateNumber: '0077' }]), { match });
    expect(read.matches[0]?.candidateId).toBe('c1');
    expect(read.findings).toContainEqual(expect.objectContaining({ kind: 'candidate_number_mismatch', severity: 'warning', line: 3 }));
  });

  it('reports a result without an entry, an entry without a result, a ULN mismatch and a duplicate result', () => {
    const read = readResultsFile(file([{ ...results[0]!, uln: '7123456784' }, results[0]!, { ...results[0]!, entryCode: '8700', resultCode: '8700' }]), {
      match: { ...match, entries: [...entries, entry('c2', '8300F', 'withdrawn')] },
    });
    const kinds = read.findings.map((f) => f.kind);
    expect(kinds).toContain('uln_mismatch');
    expect(kinds).toContain('duplicate_result');
    expect(read.findings.find((f) => f.kind === 'result_without_entry')).toMatchObject({ candidateId: 'c1', code: '8700', line: 5 });
    expect(read.findings.filter((f) => f.kind === 'entry_without_result').map((f) => f.code)).toEqual(['8461H', '8464H', '8300F', '8300H', '7357']);
  });

  it('notes a result carrying a UCI the centre has not recorded', () => {
    const read = readResultsFile(file([{ ...results[3]!, uci: '123450250004V' }]), { match });
    expect(read.findings).toContainEqual(expect.objectContaining({ kind: 'uci_not_recorded', candidateId: 'c4' }));
    expect(read.matches[0]?.entryId).toBeDefined();
  });
});
