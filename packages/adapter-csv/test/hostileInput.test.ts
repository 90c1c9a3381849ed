/**
 * Regression tests for issue 12's CSV findings, each with its input inlined: a quote left open that
 * swallowed rows, a number cell read in quadratic time, control characters in ids and names, core's own
 * session keys in invigilator availability, and the entries `Status` alias `pending`; and the failing
 * inputs the fuzz suite found, inlined.
 */
import { exportCsv, importCsv } from '@examcycle/adapter-csv';
import { describe, expect, it } from 'vitest';

const CANDIDATES = 'Id,CentreNumber,CandidateNumber,LegalSurname,LegalForenames,DateOfBirth';
const ROOMS = 'Room,Rows,Columns,SeatPitchMetres,RowPitchMetres';

describe('importCsv: a quote left open (issue 12)', () => {
  it('reports the line the quote opened on and reads the two good rows it swallowed (C2 no longer vanishes)', () => {
    const text = `${CANDIDATES}\r\nC1,12345,0001,"Smith,Anna,2009-01-01\r\nC2,12345,0002,Jones,Bob,2009-02-02\r\nC3,12345,0003,Brown,Cat,2009-03-03\r\n`;
    const result = importCsv('candidates', text);
    expect(result.fatal).toBeUndefined();
    expect(result.records.map((r) => [r.id, r.legalSurname, r.legalForenames, r.dateOfBirth])).toEqual([
      ['C2', 'Jones', 'Bob', '2009-02-02'],
      ['C3', 'Brown', 'Cat', '2009-03-03'],
    ]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'truncated_quote', location: { line: 2 } });
    expect(result.rowsRead).toBe(3);
  });

  it('reads the rows swallowed before a later quoted cell and reports the line where the runaway cell ended', () => {
    const text = `${CANDIDATES}\r\nC1,12345,0001,"Smith,Anna,2009-01-01\r\nC2,12345,0002,Jones,Bob,2009-02-02\r\nC3,12345,0003,"Brown",Cat,2009-03-03\r\nC4,12345,0004,Green,Dan,2009-04-04\r\n`;
    const result = importCsv('candidates', text);
    expect(result.records.map((r) => r.id)).toEqual(['C2', 'C4']);
    expect(result.issues.map((i) => [i.location?.line, i.code])).toEqual([
      [2, 'truncated_quote'],
      [4, 'malformed_row'],
    ]);
  });

  it('never keeps a record holding a line break from swallowed rows', () => {
    const text = `${CANDIDATES}\r\nC1,12345,0001,Smith,"Anna\r\nC2",2009-01-01\r\n`;
    const result = importCsv('candidates', text);
    expect(result.records).toEqual([]);
    expect(result.issues.map((i) => [i.location?.line, i.code])).toEqual([
      [2, 'truncated_quote'],
      [3, 'malformed_row'],
    ]);
  });

  it('streams to the same result as the whole import when the quote is never closed', async () => {
    const { importCsvStream } = await import('@examcycle/adapter-csv');
    const text = `${CANDIDATES}\r\nC1,12345,0001,"Smith,Anna,2009-01-01\r\nC2,12345,0002,Jones,Bob,2009-02-02\r\n`;
    const records: unknown[] = [];
    const issues: unknown[] = [];
    for await (const batch of importCsvStream('candidates', [text.slice(0, 50), text.slice(50)], { batchSize: 1 })) {
      records.push(...batch.records);
      issues.push(...batch.issues);
    }
    const whole = importCsv('candidates', text);
    expect(records).toEqual(whole.records);
    expect(issues).toEqual(whole.issues);
  });
});

describe('importCsv: rows before a bad byte (found by the fuzz suite, seed 12)', () => {
  it('reads the row just before the line of a NUL byte, although csv-parse holds back its line ending', () => {
    const text = `${ROOMS}\r\nHall,10,8,1.25,1.25\rGym,1,1,1,1\r\nx\u0000,1,1,1,1\r\n`;
    const result = importCsv('rooms', text);
    expect(result.records.map((r) => r.name)).toEqual(['Hall', 'Gym']);
    expect(result.issues).toEqual([]);
    expect(result.fatal).toMatchObject({ code: 'binary_file', location: { line: 4 } });
  });
});

describe('importCsv: cells are read in linear time, and an issue quotes only a short prefix (issue 12)', () => {
  it.each([
    ['a 40 kB', 40_000],
    ['a 1 MB', 999_000],
  ])('refuses %s number cell of digits without hanging (rooms SeatPitchMetres)', (_, n) => {
    const cell = `${'1'.repeat(n)}x`;
    const started = performance.now();
    const result = importCsv('rooms', `${ROOMS}\r\nHall,10,8,${cell},1.25\r\n`, { maxRowChars: 2_000_000 });
    // a hang guard, not a benchmark: quadratic reading took 3.9 s at 40 kB and would take minutes at 1 MB; the
    // bound leaves room for a loaded CI machine (timings live in bench/)
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!;
    expect(issue).toMatchObject({ code: 'invalid_value', location: { line: 2, field: 'SeatPitchMetres' } });
    expect(issue.location?.value).toBe(`${'1'.repeat(40)}…`);
    expect(issue.message.length).toBeLessThan(120);
  });

  it('reads results Mark and UniformMark cells of 100,000 characters in linear time', () => {
    const header = 'CandidateId,Series,AwardingBody,AwardCode,Level,Grade,Mark,UniformMark';
    const rows = ['1.'.repeat(50_000), `${'9'.repeat(100_000)}e`, `${'5'.repeat(99_999)}.-`].map((c, i) => `c${i},june-2026,AQA,8300,GCSE,7,${c},${c}`);
    const started = performance.now();
    const result = importCsv('results', `${header}\r\n${rows.join('\r\n')}\r\n`);
    expect(performance.now() - started).toBeLessThan(5000); // a hang guard, as above
    expect(result.issues.map((i) => [i.location?.line, i.location?.field])).toEqual([
      [2, 'Mark'], [2, 'UniformMark'], [3, 'Mark'], [3, 'UniformMark'], [4, 'Mark'], [4, 'UniformMark'],
    ]);
    for (const issue of result.issues) expect(issue.location!.value!.length).toBeLessThanOrEqual(41);
  });

  it('still reads the decimals it read before (1.25, 007.5, .5, 5., 1e3, +2E-2)', () => {
    const text = `${ROOMS}\r\n${['1.25', '007.5', '.5', '5.', '1e3', '+2E-2'].map((n, i) => `R${i},1,1,${n},1`).join('\r\n')}\r\n`;
    expect(importCsv('rooms', text).records.map((r) => r.seatPitchMetres)).toEqual([1.25, 7.5, 0.5, 5, 1000, 0.02]);
  });
});

describe('importCsv: control characters in ids and names are refused (issue 12)', () => {
  it.each([
    ['shift out before an entry id', 'EntryId,CandidateId,Series,AwardingBody,EntryCode', '\u000eENT-5,c1,june-2026,AQA,8300H', 'EntryId', 'U+000E'],
    ['DEL in a surname', CANDIDATES, 'C1,12345,0001,Sm\u007fith,Anna,2009-01-01', 'LegalSurname', 'U+007F'],
    ['a tab inside a forename', CANDIDATES, 'C1,12345,0001,Smith,An\tna,2009-01-01', 'LegalForenames', 'U+0009'],
    ['escape in a candidate id', CANDIDATES, 'C\u001b1,12345,0001,Smith,Anna,2009-01-01', 'Id', 'U+001B'],
  ])('refuses %s with a typed issue naming the character', (_, header, row, column, name) => {
    const result = importCsv(header.startsWith('EntryId') ? 'entries' : 'candidates', `${header}\r\n${row}\r\n`);
    expect(result.records).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'invalid_value', location: { line: 2, field: column } });
    expect(result.issues[0]!.message).toContain(name);
  });

  it('trims spaces, tabs and line breaks at either end of a cell as before, so they are not refused', () => {
    const result = importCsv('candidates', `${CANDIDATES}\r\n C1\t,12345,0001,Smith ,Anna,2009-01-01\r\n`);
    expect(result.records.map((r) => [r.id, r.legalSurname])).toEqual([['C1', 'Smith']]);
  });
});

describe('importCsv: core\'s own formats and the documented aliases (issue 12)', () => {
  it("reads invigilator Availability in core's session-key form 2026-05-12.PM, beside 2026-05-12 PM", () => {
    const text = 'InvigilatorId,Name,Availability\r\nI1,Ann Jones,2026-05-12.PM; 2026-05-13 AM; 14/05/2026.am\r\n';
    const result = importCsv('invigilators', text);
    expect(result.issues).toEqual([]);
    expect(result.records[0]?.availability).toEqual([
      { date: '2026-05-12', session: 'PM' },
      { date: '2026-05-13', session: 'AM' },
      { date: '2026-05-14', session: 'AM' },
    ]);
  });

  it('reads entries Status pending as draft (an entry not yet sent to the board), as the README documents', () => {
    const text = 'CandidateId,Series,AwardingBody,EntryCode,Status\r\nc1,june-2026,AQA,8300H,pending\r\nc2,june-2026,AQA,8300H,Entered\r\n';
    expect(importCsv('entries', text).records.map((r) => r.status)).toEqual(['draft', 'submitted']);
  });

  it('refuses to export a record holding a control character, so it cannot travel either way', () => {
    expect(() =>
      exportCsv('candidates', [{ id: '\u000eC1', centreNumber: '12345', candidateNumber: '0001', legalSurname: 'Smith', legalForenames: 'Anna', dateOfBirth: '2009-01-01', kind: 'internal' }]),
    ).toThrow(expect.objectContaining({ code: 'unrepresentable_value' }));
  });
});
