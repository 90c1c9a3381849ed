/**
 * importCsv: what an exams officer's spreadsheet looks like in practice (MIS headers, Excel dates, Welsh
 * names, CRLF, quoted line breaks) and what comes back: valid records, row issues with physical lines,
 * and one clear fatal error for a file that cannot be read at all.
 */
import { isExamcycleError } from '@examcycle/core';
import { importCsv } from '@examcycle/adapter-csv';
import { describe, expect, it } from 'vitest';

const CANDIDATES_HEADER = 'Id,CentreNumber,CandidateNumber,UCI,LegalSurname,LegalForenames,DateOfBirth';

describe('importCsv: column sets and headers', () => {
  it("reads Bromcom's UCI template columns (Admission Number, Exam Number, UCI) as the candidate's id, candidate number and UCI", () => {
    const text = 'Admission Number,Exam Number,UCI,Surname,Forenames,DOB\r\nADM0042,42,681990012058G,Jones,Siân,01/02/2009\r\n';
    const result = importCsv('candidates', text, { defaults: { CentreNumber: '68199' } });
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      {
        id: 'ADM0042', centreNumber: '68199', candidateNumber: '0042', uci: '681990012058G',
        legalSurname: 'Jones', legalForenames: 'Siân', dateOfBirth: '2009-02-01', kind: 'internal',
      },
    ]);
  });

  it("reads Ofqual's vocabulary (ExamSeries, AwardingOrganisation, CentreNo, CentreCandidateNumber, UniqueCandidateIdentifier) and checks those identifiers", () => {
    const text =
      'ExamSeries,AwardingOrganisation,CentreNo,CentreCandidateNumber,UniqueCandidateIdentifier,AwardCode,QualificationLevel,Grade\n' +
      'June 2026,AQA,68199,1,681990012058G,8300H,GCSE,7\n' +
      'June 2026,AQA,68199,1,681990012058H,8300H,GCSE,7\n';
    const result = importCsv('results', text);
    expect(result.records).toEqual([
      {
        id: '681990012058G:june-2026:AQA:8300H:qualification', candidateId: '681990012058G', seriesId: 'june-2026',
        awardingBodyId: 'AQA', awardCode: '8300H', kind: 'qualification', level: 'GCSE', grade: '7',
      },
    ]);
    expect(result.issues).toEqual([
      {
        code: 'bad_check_character', severity: 'error',
        message: 'UniqueCandidateIdentifier: Not a valid UCI: 13 characters whose last is the check letter',
        location: { line: 3, column: 5, field: 'UniqueCandidateIdentifier', value: '681990012058H' },
      },
    ]);
  });

  it('reads the proposed entries column set (Series, AwardingBodyId, CentreNumber, CandidateNumber, UCI, EntryCode, Tier, ComponentCode, Status)', () => {
    const text =
      'Series,AwardingBodyId,CentreNumber,CandidateNumber,UCI,EntryCode,Tier,ComponentCode,Status\r\n' +
      '6A25,70,68199,0001,681990012058G,8300H,H,8300/1H; 8300/2H; 8300/3H,entered\r\n';
    expect(importCsv('entries', text).records).toEqual([
      {
        id: '681990012058G:6A25:70:8300H', candidateId: '681990012058G', seriesId: '6A25', awardingBodyId: '70', entryCode: '8300H',
        componentCodes: ['8300/1H', '8300/2H', '8300/3H'], status: 'submitted', identityVerified: false,
      },
    ]);
  });

  it('matches header names whatever their case and spacing', () => {
    const text = ' id ,centre_number,CANDIDATE NUMBER,uci,Legal-Surname,legal forenames,date of birth\n1,68199,0001,,Smith,Jo,2009-01-01\n';
    expect(importCsv('candidates', text).records).toHaveLength(1);
  });

  it('takes extra header names from the synonyms option', () => {
    const text = 'Pupil,Centre,Cand. No,Family,Given,Born\n1,68199,0001,Smith,Jo,2009-01-01\n';
    const result = importCsv('candidates', text, {
      synonyms: { Id: ['Pupil'], CentreNumber: ['Centre'], CandidateNumber: ['Cand. No'], LegalSurname: ['Family'], LegalForenames: ['Given'], DateOfBirth: ['Born'] },
    });
    expect(result.issues).toEqual([]);
    expect(result.records).toHaveLength(1);
  });

  it('names the missing required column in a missing_column error on the header line', () => {
    const result = importCsv('candidates', 'Id,CentreNumber,CandidateNumber,LegalSurname,LegalForenames\n1,68199,0001,Smith,Jo\n', { file: 'cands.csv' });
    expect(result.fatal?.code).toBe('missing_column');
    expect(result.fatal?.location).toEqual({ file: 'cands.csv', line: 1, field: 'DateOfBirth' });
    expect(result.fatal?.message).toContain('"DateOfBirth" (or "DOB", "Birth Date")');
    expect(result.records).toEqual([]);
  });

  it('lets a default stand in for a missing required column', () => {
    const result = importCsv('candidates', 'Id,CandidateNumber,LegalSurname,LegalForenames,DateOfBirth\n1,0001,Smith,Jo,2009-01-01\n', {
      defaults: { CentreNumber: '68199' },
    });
    expect(result.records[0]?.centreNumber).toBe('68199');
  });

  it('refuses a header that names none of the columns as wrong_header', () => {
    const result = importCsv('rooms', '1,68199,0001,Smith\n2,68199,0002,Jones\n');
    expect(result.fatal?.code).toBe('wrong_header');
    expect(result.fatal?.location).toEqual({ line: 1 });
    expect(result.rowsRead).toBe(0);
  });

  it('says so when the file is separated by semicolons', () => {
    expect(importCsv('rooms', 'Room;Rows;Columns\nHall;10;8\n').fatal?.message).toContain('semicolons');
  });

  it('refuses two header cells for one column as wrong_header', () => {
    const result = importCsv('candidates', `${CANDIDATES_HEADER},Surname\n`);
    expect(result.fatal?.code).toBe('wrong_header');
    expect(result.fatal?.location?.field).toBe('Surname');
  });

  it("skips Excel's sep=, line", () => {
    const result = importCsv('rooms', 'sep=,\r\nRoom,Rows,Columns,SeatPitchMetres,RowPitchMetres\r\nHall,10,8,1.25,1.25\r\n');
    expect(result.records).toEqual([{ id: 'Hall', name: 'Hall', rows: 10, columns: 8, seatPitchMetres: 1.25, rowPitchMetres: 1.25, disabledSeats: [], suitableFor: [] }]);
  });
});

describe('importCsv: text encoding and line structure', () => {
  const body = `${CANDIDATES_HEADER}\r\nc1,68199,0001,681990012058G,ap Gruffydd,Ffion,2009-02-01\r\n`;

  it('reads UTF-8 with and without a byte-order mark, as text or bytes', () => {
    const expected = importCsv('candidates', body).records;
    expect(expected).toHaveLength(1);
    expect(importCsv('candidates', `\uFEFF${body}`).records).toEqual(expected);
    expect(importCsv('candidates', new TextEncoder().encode(body)).records).toEqual(expected);
    expect(importCsv('candidates', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)])).records).toEqual(expected);
  });

  it('reads CRLF, LF, CR and mixed line endings alike', () => {
    const rows = [CANDIDATES_HEADER, 'c1,68199,0001,,Smith,Jo,2009-01-01', 'c2,68199,0002,,Jones,Al,2009-01-02', 'c3,68199,0003,,Evans,Bo,2009-01-03'];
    const crlf = importCsv('candidates', rows.join('\r\n')).records;
    expect(crlf).toHaveLength(3);
    expect(importCsv('candidates', rows.join('\n')).records).toEqual(crlf);
    expect(importCsv('candidates', rows.join('\r')).records).toEqual(crlf);
    expect(importCsv('candidates', `${rows[0]}\r\n${rows[1]}\n${rows[2]}\r${rows[3]}\r\n`).records).toEqual(crlf);
  });

  it('reads quoted cells holding commas and doubled quotes', () => {
    const text = `${CANDIDATES_HEADER}\r\n` + 'c1,68199,0001,,"Smith, Jr","Jo ""JJ""",2009-01-01\r\n' + 'c3,68199,0003,,Bad,Date,31/02/2009\r\n';
    const result = importCsv('candidates', text);
    expect(result.records.map((r) => [r.legalSurname, r.legalForenames])).toEqual([['Smith, Jr', 'Jo "JJ"']]);
    expect(result.issues.map((i) => i.location?.line)).toEqual([3]);
  });

  it('reports a quoted cell holding line breaks at every line it spans, since no column holds a line break, and counts physical lines past it', () => {
    const text =
      `${CANDIDATES_HEADER}\r\n` +
      'c1,68199,0001,,"Smith, Jr","Jo ""JJ""",2009-01-01\r\n' +
      'c2,68199,0002,,"Line\r\nBreak","Two\nBreaks\r\nHere",2009-01-02\r\n' +
      'c3,68199,0003,,Bad,Date,31/02/2009\r\n' +
      'c4,68199,0004,,Good,Row,2009-01-01\r\n';
    const result = importCsv('candidates', text);
    expect(result.records.map((r) => r.id)).toEqual(['c1', 'c4']);
    // header 1, c1 2, c2 3–6 (each of its lines reported: quotes opened on 3 and 4, a swallowed line 5, a closing quote on 6), c3 7
    expect(result.issues.map((i) => [i.location?.line, i.code])).toEqual([
      [3, 'truncated_quote'],
      [4, 'truncated_quote'],
      [5, 'malformed_row'],
      [6, 'malformed_row'],
      [7, 'invalid_value'],
    ]);
    expect(result.rowsRead).toBe(7);
  });

  it("keeps Welsh and other diacritics, apostrophes and hyphens in names exactly", () => {
    const text = `${CANDIDATES_HEADER}\nc1,68199,0001,,O'Brien-Llŷr,Siân Ffion,2009-01-01\nc2,68199,0002,,ap Gruffydd,Ffion,2009-01-01\nc3,68199,0003,,Müller-Ødegård,Zoë Łucja,2009-01-01\n`;
    expect(importCsv('candidates', text).records.map((r) => `${r.legalForenames} ${r.legalSurname}`)).toEqual([
      "Siân Ffion O'Brien-Llŷr",
      'Ffion ap Gruffydd',
      'Zoë Łucja Müller-Ødegård',
    ]);
  });

  it('skips blank rows, and Excel\'s rows of empty cells, without counting them as data', () => {
    const text = `${CANDIDATES_HEADER}\n\nc1,68199,0001,,Smith,Jo,2009-01-01\n,,,,,,\n   \nc2,68199,0002,,Jones,Al,2009-01-01\n`;
    const result = importCsv('candidates', text);
    expect(result.rowsRead).toBe(2);
    expect(result.records).toHaveLength(2);
  });

  it('accepts empty trailing cells beyond the header, and reports a row with the wrong number of cells as malformed_row', () => {
    const text = `${CANDIDATES_HEADER}\nc1,68199,0001,,Smith,Jo,2009-01-01,,\nc2,68199,0002,,Jones\nc3,68199,0003,,Evans,Bo,2009-01-01,extra\n`;
    const result = importCsv('candidates', text);
    expect(result.records.map((r) => r.id)).toEqual(['c1']);
    expect(result.issues.map((i) => [i.location?.line, i.code])).toEqual([
      [3, 'malformed_row'],
      [4, 'malformed_row'],
    ]);
  });

  it('trims spaces around cells', () => {
    const result = importCsv('candidates', `${CANDIDATES_HEADER}\n c1 , 68199 , 0001 ,, Smith , Jo , 2009-01-01 \n`);
    expect(result.records[0]).toMatchObject({ id: 'c1', legalSurname: 'Smith', legalForenames: 'Jo', dateOfBirth: '2009-01-01' });
  });
});

describe('importCsv: dates and times as spreadsheets write them', () => {
  const dob = (cell: string, options = {}) => importCsv('candidates', `${CANDIDATES_HEADER}\nc1,68199,0001,,Smith,Jo,${cell}\n`, options);

  it.each([
    ['2009-02-01', '2009-02-01'],
    ['01/02/2009', '2009-02-01'],
    ['1/2/2009', '2009-02-01'],
    ['39845', '2009-02-01'],
    ['01/02/2009 00:00', '2009-02-01'],
    ['2009-02-01T00:00:00', '2009-02-01'],
    ['29/02/2008', '2008-02-29'],
  ])('reads the date %s as %s (ISO, UK day first, Excel 1900 serial, with a midnight time)', (cell, iso) => {
    expect(dob(cell).records[0]?.dateOfBirth).toBe(iso);
  });

  it.each(['29/02/2009', '31/04/2009', '02/13/2009', '13/25/2009', '2009-1-32', 'next Tuesday', '60', '01/02/09'])('refuses %s as a date', (cell) => {
    const result = dob(cell);
    expect(result.records).toEqual([]);
    expect(result.issues[0]).toMatchObject({ code: 'invalid_value', location: { line: 2, field: 'DateOfBirth', value: cell } });
  });

  it('reads Excel serial numbers in the 1900 system, including before the fictitious 29 February 1900', () => {
    expect(dob('1').records[0]?.dateOfBirth).toBe('1900-01-01');
    expect(dob('59').records[0]?.dateOfBirth).toBe('1900-02-28');
    expect(dob('61').records[0]?.dateOfBirth).toBe('1900-03-01');
    expect(dob('46153').records[0]?.dateOfBirth).toBe('2026-05-11');
  });

  it('refuses Excel serial numbers when excelSerialDates is off', () => {
    expect(dob('39845', { excelSerialDates: false }).issues[0]?.code).toBe('invalid_value');
  });

  it('reads start times and durations as exams officers write them', () => {
    const header = 'Series,AwardingBody,ComponentCode,Title,Level,Date,Session,StartTime,Duration';
    const rows = [
      'june-2026,AQA,8300/1H,Paper 1,GCSE,11/05/2026,AM,09:00,90',
      'june-2026,AQA,8300/2H,Paper 2,GCSE,2026-05-12,Afternoon,1.30pm,1:45',
      'june-2026,AQA,8300/3H,Paper 3,GCSE,46155,am,0.375,1h 30m',
    ];
    const result = importCsv('timetable', [header, ...rows].join('\n'));
    expect(result.issues).toEqual([]);
    expect(result.records.map((p) => [p.date, p.session, p.startTime, p.durationMinutes])).toEqual([
      ['2026-05-11', 'AM', '09:00', 90],
      ['2026-05-12', 'PM', '13:30', 105],
      ['2026-05-13', 'AM', '09:00', 90],
    ]);
  });

  it('reads a wall-clock date and time as London time, in BST and GMT alike, and keeps an instant with an offset as written', () => {
    const header = 'CandidateId,Series,AwardingBody,EntryCode,SubmittedAt';
    const result = importCsv('entries', `${header}\nc1,june-2026,AQA,8300H,20/02/2026 10:00\nc2,june-2026,AQA,8300H,12/05/2026 10:00\nc3,june-2026,AQA,8300H,2026-05-12T09:00:00Z\n`);
    expect(result.records.map((e) => e.submittedAt)).toEqual(['2026-02-20T10:00:00+00:00', '2026-05-12T10:00:00+01:00', '2026-05-12T09:00:00Z']);
  });

  it('refuses a London time that never happened (the clocks going forward)', () => {
    const result = importCsv('entries', 'CandidateId,Series,AwardingBody,EntryCode,SubmittedAt\nc1,june-2026,AQA,8300H,29/03/2026 01:30\n');
    expect(result.issues[0]?.message).toContain('clocks went forward');
  });
});

describe('importCsv: validation with core schemas, row by row', () => {
  it('reports a wrong check character in a UCI, ULN or UPN as bad_check_character, and keeps the good rows', () => {
    const text =
      'Id,CentreNumber,CandidateNumber,UCI,ULN,UPN,LegalSurname,LegalForenames,DateOfBirth\n' +
      'good,68199,0001,681990012058G,9276308686,R201100018042,Smith,Jo,2009-01-01\n' +
      'uci,68199,0002,999990140001X,,,Jones,Al,2009-01-01\n' +
      'uln,68199,0003,,9276308685,,Evans,Bo,2009-01-01\n' +
      'upn,68199,0004,,,Q207000016049,Price,Cy,2009-01-01\n';
    const result = importCsv('candidates', text);
    expect(result.records.map((r) => r.id)).toEqual(['good']);
    expect(result.issues.map((i) => [i.location?.line, i.location?.field, i.code])).toEqual([
      [3, 'UCI', 'bad_check_character'],
      [4, 'ULN', 'bad_check_character'],
      [5, 'UPN', 'bad_check_character'],
    ]);
    expect(result.rowsRead).toBe(4);
  });

  it('repairs what Excel does to identifiers where that is safe, and names what it cannot repair', () => {
    const text = 'Id,CentreNumber,CandidateNumber,UCI,ULN,LegalSurname,LegalForenames,DateOfBirth\n' +
      'a,8199,42,68199 0 01 2058 g,,Smith,Jo,2009-01-01\n' +
      'b,68199,43,,9.27631E+09,Jones,Al,2009-01-01\n';
    const result = importCsv('candidates', text);
    expect(result.records[0]).toMatchObject({ centreNumber: '08199', candidateNumber: '0042', uci: '681990012058G' });
    expect(result.issues[0]).toMatchObject({ code: 'invalid_value', location: { line: 3, field: 'ULN' } });
    expect(result.issues[0]?.message).toContain('scientific notation');
  });

  it('reports every problem in a row, each with its column and raw value, as an issue list', () => {
    const result = importCsv('candidates', `${CANDIDATES_HEADER}\n,123456,0000,,,Jo,someday\n`, { file: 'cands.csv' });
    expect(result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "location": {
            "column": 7,
            "field": "DateOfBirth",
            "file": "cands.csv",
            "line": 2,
            "value": "someday",
          },
          "message": "DateOfBirth: "someday" is not a date (use yyyy-mm-dd, dd/mm/yyyy (day first) or an Excel serial date number)",
          "severity": "error",
        },
        {
          "code": "invalid_value",
          "location": {
            "column": 1,
            "field": "Id",
            "file": "cands.csv",
            "line": 2,
            "value": "",
          },
          "message": "Id is required",
          "severity": "error",
        },
        {
          "code": "invalid_value",
          "location": {
            "column": 2,
            "field": "CentreNumber",
            "file": "cands.csv",
            "line": 2,
            "value": "123456",
          },
          "message": "CentreNumber: Not a valid centre number: five digits",
          "severity": "error",
        },
        {
          "code": "invalid_value",
          "location": {
            "column": 3,
            "field": "CandidateNumber",
            "file": "cands.csv",
            "line": 2,
            "value": "0000",
          },
          "message": "CandidateNumber: Not a valid candidate number: four digits, 0001 to 9999",
          "severity": "error",
        },
        {
          "code": "invalid_value",
          "location": {
            "column": 5,
            "field": "LegalSurname",
            "file": "cands.csv",
            "line": 2,
            "value": "",
          },
          "message": "LegalSurname is required",
          "severity": "error",
        },
      ]
    `);
  });

  it('applies core refinements across fields: extra time needs its percentage', () => {
    const result = importCsv('access_arrangements', 'CandidateId,Arrangement,ExtraTimePercent\nc1,Extra time,\nc2,Extra time,25%\nc3,Reader,\n');
    expect(result.records.map((a) => [a.id, a.kind, a.extraTimePercent])).toEqual([
      ['c2:extra_time', 'extra_time', 25],
      ['c3:reader', 'reader', undefined],
    ]);
    expect(result.issues).toEqual([
      {
        code: 'invalid_value', severity: 'error', message: 'ExtraTimePercent: extra time needs its percentage',
        location: { line: 2, column: 3, field: 'ExtraTimePercent', value: '' },
      },
    ]);
  });

  it('uses the UCI as the candidate id when a file has no candidate id column', () => {
    const result = importCsv('certificates', 'UCI,Series,AwardingBody,Awards\n681990012058G,Summer 2026,AQA,8300H;8700\n');
    expect(result.records).toEqual([
      { id: '681990012058G:june-2026:AQA', candidateId: '681990012058G', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300H', '8700'] },
    ]);
  });

  it('reads every record kind from its canonical columns', () => {
    const files = {
      rooms: 'RoomId,Room,Rows,Columns,SeatPitchMetres,RowPitchMetres,DisabledSeats,Capacity,SuitableFor\nR1,Sports Hall,10,12,1.25,1.25,A1; B2,100,Extra time; Rest breaks\n',
      invigilators: 'InvigilatorId,Name,TrainedOn,Availability,RelativeOfCandidateIds,Facilitator\ni1,Gwen Llŷr,01/09/2025,2026-05-11 AM; 12/05/2026 PM,c7,Yes\n',
      access_arrangements: 'CandidateId,Arrangement,Approval,ApprovedOn,EvidenceHeld\nc1,Word processor,Centre delegated,15/01/2026,Y\n',
    } as const;
    expect(importCsv('rooms', files.rooms).records[0]).toMatchObject({ disabledSeats: ['A1', 'B2'], capacity: 100, suitableFor: ['extra_time', 'rest_breaks'] });
    expect(importCsv('invigilators', files.invigilators).records[0]).toMatchObject({
      trainedOn: '2025-09-01',
      availability: [{ date: '2026-05-11', session: 'AM' }, { date: '2026-05-12', session: 'PM' }],
      relativeOfCandidateIds: ['c7'],
      facilitator: true,
    });
    expect(importCsv('access_arrangements', files.access_arrangements).records[0]).toMatchObject({
      id: 'c1:word_processor', kind: 'word_processor', approval: 'centre_delegated', approvedOn: '2026-01-15', evidenceHeld: true,
    });
  });
});

describe('importCsv: unreadable files are one fatal error, never a throw', () => {
  it.each([
    ['an empty file', ''],
    ['a byte-order mark alone', '\uFEFF'],
    ['blank lines alone', '\r\n\r\n  \r\n'],
  ])('reports %s as empty_file', (_, text) => {
    const result = importCsv('candidates', text);
    expect(result.fatal?.code).toBe('empty_file');
    expect(result.fatal?.location?.line).toBe(1);
    expect(isExamcycleError(result.fatal)).toBe(true);
  });

  it('reads a header with no data rows as no records, not an error', () => {
    expect(importCsv('candidates', `${CANDIDATES_HEADER}\r\n`)).toEqual({ records: [], issues: [], rowsRead: 0 });
  });

  it('reports NUL bytes, UTF-16 and bytes that are not UTF-8 as binary_file at their line', () => {
    const utf8 = new TextEncoder().encode(`${CANDIDATES_HEADER}\nc1,68199,0001,,Smith,Jo,2009-01-01\n`);
    const withNul = Uint8Array.from([...utf8, 0x50, 0x4b, 0x00, 0x03]);
    const latin1 = Uint8Array.from([...utf8, 0x63, 0x32, 0x2c, 0x53, 0x69, 0xe2, 0x6e]);
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x49, 0x00, 0x64, 0x00]);
    expect(importCsv('candidates', withNul).fatal).toMatchObject({ code: 'binary_file', location: { line: 3 } });
    expect(importCsv('candidates', latin1).fatal).toMatchObject({ code: 'binary_file', location: { line: 3 } });
    expect(importCsv('candidates', latin1).fatal?.message).toContain('0xE2');
    expect(importCsv('candidates', utf16).fatal?.message).toContain('UTF-16');
    expect(importCsv('candidates', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).fatal?.code).toBe('binary_file');
  });

  it('reports text decoded from non-UTF-8 bytes (U+FFFD) as binary_file', () => {
    const result = importCsv('candidates', `${CANDIDATES_HEADER}\r\nc1,68199,0001,,Sian,Ff\uFFFDon,2009-01-01\r\n`);
    expect(result.fatal).toMatchObject({ code: 'binary_file', location: { line: 2 } });
  });

  it('reports a quote never closed at the line it opened, and reads the rows it swallowed up to the end of the file', () => {
    const text = `${CANDIDATES_HEADER}\r\nc1,68199,0001,,Smith,Jo,2009-01-01\r\nc2,68199,0002,,"Jones,Al,2009-01-01\r\nc3,68199,0003,,Evans,Bo,2009-01-01\r\n`;
    const result = importCsv('candidates', text, { file: 'cut.csv' });
    expect(result.fatal).toBeUndefined();
    expect(result.records.map((r) => r.id)).toEqual(['c1', 'c3']);
    expect(result.issues).toMatchObject([{ code: 'truncated_quote', location: { file: 'cut.csv', line: 3, value: 'c2,68199,0002,,"Jones,Al,2009-01-01' } }]);
  });

  it('stops a runaway row at maxRowChars instead of reading it into memory', () => {
    const text = `Room,Rows,Columns,SeatPitchMetres,RowPitchMetres\nHall,1,1,1,1\n"${'x'.repeat(5000)}\n`;
    const result = importCsv('rooms', text, { maxRowChars: 1000 });
    expect(result.fatal).toMatchObject({ code: 'malformed_row', location: { line: 3 } });
    expect(result.records).toHaveLength(1);
  });
});
