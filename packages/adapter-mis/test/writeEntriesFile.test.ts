import { describe, expect, it } from 'vitest';
import { readEntriesFile, writeEntriesFile, type WriteEntriesFileOptions } from '@examcycle/adapter-mis';
import { AQA, candidates, entries, entry } from './fixtures/centre.js';

const options: WriteEntriesFileOptions = { centreNumber: '12345', awardingBody: AQA, series: { code: '6A', year: '26' }, sequence: 3, producedOn: '2026-02-10', postcode: 'ab1 2cd' };

function lines(content: string | undefined): string[] {
  return (content ?? '').split('\r\n').slice(0, -1);
}

describe('writeEntriesFile (JCQ formats v14 entries file)', () => {
  it('names the file dcccccbb.Xnn from the centre, awarding body and sequence number', () => {
    expect(writeEntriesFile(candidates, entries, options).fileName).toBe('E1234570.X03');
    expect(writeEntriesFile(candidates, entries, { ...options, dataType: 'A', sequence: 104 }).fileName).toBe('A1234570.X04');
  });

  it('writes file header, centre header, details, centre trailer and file trailer, each 192 characters and CR LF', () => {
    const out = writeEntriesFile(candidates, entries, options);
    expect(out.content?.endsWith('\r\n')).toBe(true);
    const ls = lines(out.content);
    expect(ls.map((l) => l.length)).toEqual(ls.map(() => 192));
    expect(ls.map((l) => l.slice(0, 2))).toEqual(['E1', 'E3', 'E5', 'E5', 'E5', 'E5', 'E7', 'E9']);
    expect(ls[0]!.slice(0, 26)).toBe('E112345706A26SEXAMCYC01014');
    expect(ls[1]!.slice(0, 24)).toBe('E312345706A26003AB1 2CD ');
  });

  it('counts the centre block (details + 2) and the whole file (details + 4) in the trailers', () => {
    const ls = lines(writeEntriesFile(candidates, entries, options).content);
    expect(ls.at(-2)!.slice(0, 20)).toBe('E7123450000006100226');
    expect(ls.at(-1)!.slice(0, 21)).toBe('E91234500000080000001');
  });

  it('lays out the detail record: number, SURNAME:FORENAMES, sex, ddmmyy birth date, UCI at 60–72, UPN, ULN, entry codes from 109', () => {
    const detail = lines(writeEntriesFile(candidates, entries, options).content)[2]!;
    expect(detail.slice(0, 12)).toBe('E5C123450001');
    expect(detail.slice(12, 52).trimEnd()).toBe('JONES:SIAN');
    expect(detail.slice(52, 59)).toBe('F140309');
    expect(detail.slice(59, 72)).toBe('123450250001X');
    expect(detail.slice(72, 85)).toBe('B820123400101');
    expect(detail.slice(85, 95)).toBe('9123456786');
    expect(detail.slice(108, 129)).toBe('8300H  8461H  8464H  ');
  });

  it('writes a candidate with more than 12 entries on continuation records that repeat the candidate fields', () => {
    const many = Array.from({ length: 25 }, (_, i) => entry('c3', `U${String(i).padStart(3, '0')}`));
    const out = writeEntriesFile(candidates, many, options);
    const ls = lines(out.content);
    const details = ls.filter((l) => l.startsWith('E5'));
    expect(details).toHaveLength(3);
    expect(new Set(details.map((d) => d.slice(0, 108))).size).toBe(1);
    expect(details[2]!.slice(108, 115)).toBe('U024   ');
    expect(out.counts).toEqual({ candidates: 1, detailRecords: 3, entries: 25 });
    expect(out.candidates[0]!.lines).toEqual([3, 4, 5]);
    expect(readEntriesFile(out.content!).candidates[0]!.entries).toHaveLength(25);
  });

  it('reports every transliterated name (Siân → SIAN, Łukasz → LUKASZ)', () => {
    const out = writeEntriesFile(candidates, entries, options);
    expect(out.nameChanges.map((c) => `${c.candidateId}:${c.from}→${c.to}`)).toEqual(['c1:â→A', 'c3:Ł→L']);
  });

  it('checks UCI, ULN and UPN check characters before writing, and leaves the candidate out with an issue', () => {
    const bad = [{ ...candidates[0]!, uci: '123450250001B' }, { ...candidates[1]!, uln: '8123456780' }, { ...candidates[2]!, upn: 'A820123400103' }];
    const out = writeEntriesFile(bad, entries.filter((e) => e.candidateId !== 'c4'), options);
    expect(out.candidates).toEqual([]);
    expect(out.issues.filter((i) => i.severity === 'error').map((i) => [i.subject?.candidateId, i.location?.field, i.code])).toEqual([
      ['c1', 'uci', 'bad_check_character'],
      ['c2', 'uln', 'bad_check_character'],
      ['c3', 'upn', 'bad_check_character'],
    ]);
  });

  it('leaves out a name it cannot represent, with an issue, never silently', () => {
    const out = writeEntriesFile([{ ...candidates[0]!, legalSurname: '李' }], entries.filter((e) => e.candidateId === 'c1'), options);
    expect(out.counts.candidates).toBe(0);
    expect(out.issues).toEqual([expect.objectContaining({ code: 'unrepresentable_value', severity: 'error', location: expect.objectContaining({ field: 'legalSurname' }), subject: { candidateId: 'c1' } })]);
  });

  it('writes a missing UCI or sex blank and warns about it', () => {
    const out = writeEntriesFile(candidates, entries, options);
    expect(out.issues.map((i) => [i.subject?.candidateId, i.location?.field, i.severity])).toEqual([
      ['c4', 'uci', 'warning'],
      ['c4', 'sex', 'warning'],
    ]);
    expect(out.candidates.find((c) => c.candidateNumber === '0004')?.candidateName).toBe('OKAFOR:');
  });

  it('refuses entries for another awarding body or an unknown candidate, and accounts for withdrawn and duplicate entries', () => {
    const out = writeEntriesFile(candidates, [entry('c1', '8300H'), entry('c1', '8300H'), entry('c1', 'H640', 'submitted', 'OCR'), entry('zz', '8300H'), entry('c2', '8300F', 'withdrawn')], options);
    expect(out.issues.filter((i) => i.severity === 'error').map((i) => i.location?.field)).toEqual(['awardingBodyId', 'candidateId']);
    expect(out.skipped.map((s) => s.reason)).toEqual(['duplicate_code', 'withdrawn']);
    expect(out.counts).toEqual({ candidates: 1, detailRecords: 1, entries: 1 });
  });

  it('keeps, in an amendments file, one empty record for a candidate whose entries were all withdrawn', () => {
    const out = writeEntriesFile(candidates, [entry('c2', '8300F', 'withdrawn')], { ...options, dataType: 'A' });
    const details = lines(out.content).filter((l) => l.startsWith('A5'));
    expect(details).toHaveLength(1);
    expect(details[0]!.slice(108).trim()).toBe('');
    expect(writeEntriesFile(candidates, [entry('c2', '8300F', 'withdrawn')], options).counts.detailRecords).toBe(0);
  });

  it('refuses a date of birth ddmmyy cannot carry unambiguously for the series', () => {
    const out = writeEntriesFile([{ ...candidates[3]!, dateOfBirth: '1920-01-01' }], [entry('c4', '7357')], options);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'unrepresentable_value', location: expect.objectContaining({ field: 'dateOfBirth' }) }));
  });

  it('refuses options that cannot be written: a bad centre number, awarding body id, series or sequence', () => {
    expect(writeEntriesFile(candidates, entries, { ...options, centreNumber: '1234' }).content).toBeUndefined();
    expect(writeEntriesFile(candidates, entries, { ...options, series: { code: '6', year: '26' } }).issues[0]?.location?.field).toBe('series');
    const seq = writeEntriesFile(candidates, entries, { ...options, sequence: 1000 });
    expect(seq.content).toBeUndefined();
    expect(seq.issues).toContainEqual(expect.objectContaining({ code: 'unrepresentable_value', location: expect.objectContaining({ field: 'sequenceNumber' }) }));
  });

  it('refuses entries of another series: a November entry is not written into a June (6A26) file, nor the reverse', () => {
    const november = { ...entry('c2', '8300F'), seriesId: 'november-2026' };
    const june = writeEntriesFile(candidates, [...entries, november], options);
    expect(june.issues).toContainEqual(expect.objectContaining({ code: 'invalid_value', severity: 'error', location: { field: 'seriesId', value: 'november-2026' }, subject: expect.objectContaining({ entryId: november.id }) }));
    expect(june.counts.entries).toBe(entries.length);
    const bg = writeEntriesFile(candidates, [...entries, november], { ...options, series: { code: 'BG', year: '26' } });
    expect(bg.counts.entries).toBe(1);
    expect(bg.issues.filter((i) => i.location?.field === 'seriesId')).toHaveLength(entries.length);
  });

  it('takes the series id when the EDI series is not in a JCQ month, and warns when it cannot check', () => {
    const unchecked = writeEntriesFile(candidates, entries, { ...options, series: { code: '9W', year: '26' } });
    expect(unchecked.counts.entries).toBe(entries.length);
    expect(unchecked.issues).toContainEqual(expect.objectContaining({ severity: 'warning', location: expect.objectContaining({ field: 'seriesId' }) }));
    const checked = writeEntriesFile(candidates, entries, { ...options, series: { code: '9W', year: '26' }, seriesId: 'june-2026' });
    expect(checked.issues.filter((i) => i.location?.field === 'seriesId')).toEqual([]);
  });
});
