/**
 * exportCsv: RFC 4180 output with CRLF, an optional byte-order mark for Excel, one test per formula-
 * injection case from OWASP's list, and the report layouts exams officers share.
 */
import { isExamcycleError, type Candidate, type Entry, type EopsTrackerRow } from '@examcycle/core';
import { exportCsv, importCsv, type BroadsheetRow, type SeatingPlanRow } from '@examcycle/adapter-csv';
import { describe, expect, it } from 'vitest';

const candidate: Candidate = {
  id: 'c1', centreNumber: '68199', candidateNumber: '0001', legalSurname: "O'Brien", legalForenames: 'Siân', dateOfBirth: '2009-02-01', kind: 'internal',
};
const eopsRow: EopsTrackerRow = {
  officerId: 'eo-1', officerName: 'Ffion ap Gruffydd', centreNumber: '68199', academicYear: '2025/26',
  valuesAndAttributesStatement: true, knowledgeAndUnderstanding: true, keySkills: false, valuesAndAttributesAgreement: false, certificate: false,
};

/** The cells of the second line of a two-line export with one text column. */
function surnameCell(surname: string, options = {}): string {
  const text = exportCsv('candidates', [{ ...candidate, legalSurname: surname }], options);
  return text.split('\r\n')[1]!.split(',').slice(6, -6).join(',');
}

describe('exportCsv: RFC 4180', () => {
  it('ends every line with CRLF, header first', () => {
    const text = exportCsv('candidates', [candidate]);
    expect(text).toBe(
      'Id,CentreNumber,CandidateNumber,UCI,ULN,UPN,LegalSurname,LegalForenames,PreferredName,DateOfBirth,Sex,CandidateKind,ContingencyDayNoticeGiven\r\n' +
        "c1,68199,0001,,,,O'Brien,Siân,,2009-02-01,,internal,\r\n",
    );
  });

  it('quotes cells holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(surnameCell('Smith, Jr')).toBe('"Smith, Jr"');
    expect(surnameCell('The "Great"')).toBe('"The ""Great"""');
    expect(exportCsv('eops_tracker', [{ ...eopsRow, officerName: 'Line\r\nBreak' }])).toContain('"Line\r\nBreak",');
  });

  it.each([['line break', 'Line\r\nBreak'], ['tab', 'a\tb'], ['shift out', '\u000eENT-5'], ['delete', 'x\u007f']])(
    'refuses a record value holding a control character (%s) with unrepresentable_value, since an import refuses it',
    (_, value) => {
      let error: unknown;
      try {
        exportCsv('candidates', [{ ...candidate, legalSurname: value }]);
      } catch (e) {
        error = e;
      }
      expect(isExamcycleError(error) && error.code).toBe('unrepresentable_value');
      expect(isExamcycleError(error) && error.location?.field).toBe('LegalSurname');
    },
  );

  it('puts a UTF-8 byte-order mark first only when asked, so Excel opens Welsh names rightly', () => {
    expect(exportCsv('candidates', [candidate]).startsWith('Id,')).toBe(true);
    const withBom = exportCsv('candidates', [candidate], { bom: true });
    expect(withBom.startsWith('\uFEFFId,')).toBe(true);
    expect(Array.from(new TextEncoder().encode(withBom).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('leaves the header row off when asked, so batches can be appended to one file', () => {
    expect(exportCsv('candidates', [candidate], { header: false })).toBe("c1,68199,0001,,,,O'Brien,Siân,,2009-02-01,,internal,\r\n");
  });

  it('writes an empty list of rows as the header alone', () => {
    expect(exportCsv('rooms', [])).toBe('RoomId,Room,Rows,Columns,SeatPitchMetres,RowPitchMetres,DisabledSeats,Capacity,SuitableFor\r\n');
  });

  it('refuses a list item that could not be read back, with unrepresentable_value', () => {
    const entry: Entry = {
      id: 'e1', candidateId: 'c1', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', componentCodes: ['8300/1H;2H'], status: 'draft', identityVerified: false,
    };
    let error: unknown;
    try {
      exportCsv('entries', [entry]);
    } catch (e) {
      error = e;
    }
    expect(isExamcycleError(error) && error.code).toBe('unrepresentable_value');
    expect(isExamcycleError(error) && error.location?.field).toBe('ComponentCodes');
  });
});

describe('exportCsv: formula injection (OWASP CSV injection)', () => {
  it.each([
    ['=', '=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ['+', '+44 20 7946 0000', `"'+44 20 7946 0000"`],
    ['-', '-2+3+cmd|\' /C calc\'!A0', `"'-2+3+cmd|' /C calc'!A0"`],
    ['@', '@SUM(1+9)*cmd|\' /C calc\'!A0', `"'@SUM(1+9)*cmd|' /C calc'!A0"`],
    ['tab', '\t=1+1', `"'\t=1+1"`],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('neutralises a cell starting with %s by prefixing a quote and quoting the cell', (_, value, cell) => {
    // a report cell: record values may not hold control characters at all (tab, CR)
    const text = exportCsv('eops_tracker', [{ ...eopsRow, officerName: value }], { header: false });
    expect(text).toBe(`${cell},68199,2025/26,done,done,not done,not done,not done\r\n`);
  });

  it.each(['=1+1', '+1', '-1', '@A1', "'=1", "''@x"])('reads a guarded %s back exactly', (value) => {
    const text = exportCsv('candidates', [{ ...candidate, legalSurname: value }]);
    expect(importCsv('candidates', text).records[0]?.legalSurname).toBe(value);
  });

  it('leaves an apostrophe that guards nothing alone (O\'Brien, \'Ofa)', () => {
    expect(surnameCell("'Ofa")).toBe("'Ofa");
    expect(surnameCell("O'Brien")).toBe("O'Brien");
  });

  it('guards the header row and report cells too', () => {
    expect(exportCsv('eops_tracker', [{ ...eopsRow, officerName: '@officer' }])).toContain(`"'@officer"`);
  });

  it('guards negative numbers by default, and leaves real numbers alone under except_numbers while text is still guarded', () => {
    const seat: SeatingPlanRow = {
      date: '2026-05-11', session: 'AM', startTime: '09:00', room: 'Hall', seat: 'A1', candidateNumber: '0001', candidateName: '-5',
      componentCode: '8300/1H', componentTitle: 'Paper 1', awardingBody: 'AQA', durationMinutes: 90, extraTimePercent: -5,
    };
    const all = exportCsv('seating_plan', [seat]).split('\r\n')[1]!;
    const numbers = exportCsv('seating_plan', [seat], { formulaGuard: 'except_numbers' }).split('\r\n')[1]!;
    expect(all).toBe(`2026-05-11,AM,09:00,Hall,A1,0001,"'-5",8300/1H,Paper 1,AQA,90,"'-5",`);
    expect(numbers).toBe(`2026-05-11,AM,09:00,Hall,A1,0001,"'-5",8300/1H,Paper 1,AQA,90,-5,`);
  });
});

describe('exportCsv: reports', () => {
  it('writes the EOPS tracker with exactly its eight columns and done / not done cells', () => {
    expect(exportCsv('eops_tracker', [eopsRow])).toBe(
      'Exams Officer,Centre,Academic Year,Values & Attributes Statement,Knowledge & Understanding,Key Skills,Values & Attributes Agreement,Certificate\r\n' +
        'Ffion ap Gruffydd,68199,2025/26,done,done,not done,not done,not done\r\n',
    );
  });

  const broadsheet: BroadsheetRow[] = [
    {
      candidateNumber: '0001', uci: '681990012058G', surname: 'Jones', forenames: 'Siân',
      results: [
        { awardingBody: 'OCR', awardCode: 'J560', title: 'Mathematics', grade: '7', mark: 180 },
        { awardingBody: 'AQA', awardCode: '8700', title: 'English Language', grade: '6' },
      ],
    },
    { candidateNumber: '0002', surname: 'Evans', forenames: 'Llŷr', results: [{ awardingBody: 'AQA', awardCode: '8700', title: 'English Language', grade: '9' }] },
  ];

  it('writes a results broadsheet with one row per candidate and one column per award', () => {
    expect(exportCsv('results_broadsheet', broadsheet)).toBe(
      'CandidateNumber,UCI,UPN,Surname,Forenames,AQA-8700 English Language,OCR-J560 Mathematics\r\n' +
        '0001,681990012058G,,Jones,Siân,6,7\r\n' +
        '0002,,,Evans,Llŷr,9,\r\n',
    );
  });

  it('adds mark and UMS columns to the broadsheet when asked', () => {
    const header = exportCsv('results_broadsheet', broadsheet, { broadsheetMarks: true }).split('\r\n')[0];
    expect(header).toBe(
      'CandidateNumber,UCI,UPN,Surname,Forenames,AQA-8700 English Language,AQA-8700 English Language Mark,AQA-8700 English Language UMS,OCR-J560 Mathematics,OCR-J560 Mathematics Mark,OCR-J560 Mathematics UMS',
    );
  });

  it('refuses two results for one candidate and award rather than dropping one', () => {
    const twice: BroadsheetRow = { ...broadsheet[1]!, results: [...broadsheet[1]!.results, ...broadsheet[1]!.results] };
    expect(() => exportCsv('results_broadsheet', [twice])).toThrow(/two AQA 8700 results/);
  });

  it('writes seating plans, timetables, statements of entry, registers and logs with their documented headers', () => {
    const headerOf = (text: string) => text.split('\r\n')[0];
    expect(headerOf(exportCsv('seating_plan', []))).toBe(
      'Date,Session,StartTime,Room,SeatCode,CandidateNumber,CandidateName,ComponentCode,ComponentTitle,AwardingBody,DurationMins,ExtraTimePercent,Arrangements',
    );
    expect(headerOf(exportCsv('candidate_timetable', []))).toBe(
      'CandidateNumber,UCI,Name,Date,Session,StartTime,EndTime,AwardingBody,SpecificationCode,ComponentCode,ComponentTitle,Room,Seat',
    );
    expect(headerOf(exportCsv('statement_of_entry', []))).toBe('CandidateNumber,UCI,Name,DateOfBirth,Series,AwardingBody,EntryCode,Title,Tier,ComponentCodes,Status');
    expect(headerOf(exportCsv('attendance_register', []))).toBe(
      'Date,Session,Room,AwardingBody,ComponentCode,ComponentTitle,SeatCode,CandidateNumber,CandidateName,Arrangements,Attendance',
    );
    expect(headerOf(exportCsv('enquiries_log', []))).toBe(
      'CandidateNumber,CandidateName,AwardingBody,AwardCode,Title,Service,RequestedOn,ConsentReceivedOn,SubmittedOn,Reference,OriginalGrade,OriginalMark,Outcome,NewGrade,NewMark,FeeGBP,Status',
    );
    expect(headerOf(exportCsv('certificate_log', []))).toBe(
      'CandidateNumber,CandidateName,Series,AwardingBody,Awards,ReceivedOn,IssuedOn,IssuedTo,Method,DestroyedOn,DestroyedBy',
    );
  });

  it('writes the certificate log in London time and the enquiries fee in pounds', () => {
    const log = exportCsv('certificate_log', [
      { candidateNumber: '0001', candidateName: 'JONES: Siân', series: 'june-2026', awardingBody: 'AQA', awardCodes: ['8700', '8300H'], receivedAt: '2026-11-02T09:30:00Z', issuedAt: '2026-12-10T15:00:00Z', method: 'collected', issuedTo: 'Siân Jones' },
    ]);
    expect(log.split('\r\n')[1]).toBe('0001,JONES: Siân,june-2026,AQA,8700; 8300H,2026-11-02 09:30,2026-12-10 15:00,Siân Jones,collected,,');
    const eor = exportCsv('enquiries_log', [
      { candidateNumber: '0001', candidateName: 'JONES: Siân', awardingBody: 'AQA', awardCode: '8700', service: 'Review of marking', requestedOn: '2026-08-21', originalGrade: '6', feePence: 5050 },
    ]);
    expect(eor.split('\r\n')[1]).toBe('0001,JONES: Siân,AQA,8700,,Review of marking,2026-08-21,,,,6,,,,,50.50,');
  });
});
