import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { CSV_REPORT_KINDS, exportCsv, type CsvReportKind, type CsvReportRows } from '@examcycle/adapter-csv';
import { reportXlsx, type XlsxCellType } from '@examcycle/documents';

/** Text a spreadsheet would take for a formula, in the places a report can carry free text. */
const HOSTILE = ['=HYPERLINK("http://example.invalid","x")', '+44 7700 900123', '-1+2', '@SUM(A1:A2)'];

/** One sample of every CSV report (two rows each, one with hostile text in a free-text field). */
const SAMPLES: { [K in CsvReportKind]: readonly CsvReportRows[K][] } = {
  seating_plan: [
    { date: '2026-06-01', session: 'AM', startTime: '09:00', room: 'Sports hall', seat: 'A1', candidateNumber: '0001', candidateName: 'KOWALSKI, Łukasz', componentCode: '8300/1H', componentTitle: 'Paper 1', awardingBody: 'AQA', durationMinutes: 90, extraTimePercent: 25, arrangements: ['Extra time'] },
    { date: '2026-06-01', session: 'AM', startTime: '09:00', room: HOSTILE[0]!, seat: 'A2', candidateNumber: '0002', candidateName: 'العلي, محمد', componentCode: '8300/1H', componentTitle: HOSTILE[3]!, awardingBody: 'AQA', durationMinutes: 90 },
  ],
  candidate_timetable: [
    { candidateNumber: '0001', uci: '999990260001T', name: 'BRONTË, Zoë', date: '2026-06-01', session: 'AM', startTime: '09:00', endTime: '10:30', awardingBody: 'AQA', componentCode: '8300/1H', componentTitle: 'Paper 1', room: 'Hall', seat: 'A1' },
    { candidateNumber: '0002', name: '王, 小明', date: '2026-06-02', session: 'PM', startTime: '13:30', endTime: '15:15', awardingBody: 'AQA', componentCode: '8461/1H', componentTitle: HOSTILE[1]! },
  ],
  statement_of_entry: [
    { candidateNumber: '0001', uci: '999990260001T', name: 'EVANS, Siân', dateOfBirth: '2010-02-01', series: 'june-2026', awardingBody: 'AQA', entryCode: '8300', title: 'Mathematics', tier: 'H', componentCodes: ['8300/1H', '8300/2H'], status: 'accepted' },
    { candidateNumber: '0002', name: "O'BRIEN, Aoife", series: 'june-2026', awardingBody: 'AQA', entryCode: '8461', title: HOSTILE[2]! },
  ],
  attendance_register: [
    { date: '2026-06-01', session: 'AM', room: 'Hall', awardingBody: 'AQA', componentCode: '8300/1H', componentTitle: 'Paper 1', seat: 'A1', candidateNumber: '0001', candidateName: 'NGUYỄN, Thị Minh', arrangements: ['Reader'], attendance: 'present' },
    { date: '2026-06-01', session: 'AM', room: 'Hall', awardingBody: 'AQA', componentCode: '8300/1H', componentTitle: HOSTILE[0]!, candidateNumber: '0002', candidateName: 'EVANS, Siân' },
  ],
  results_broadsheet: [
    { candidateNumber: '0001', surname: 'Kowalski', forenames: 'Łukasz', results: [{ awardingBody: 'AQA', awardCode: '8300', title: 'Mathematics', grade: '7', mark: 201, uniformMark: 0 }] },
    { candidateNumber: '0002', surname: HOSTILE[3]!, forenames: 'Zoë', results: [{ awardingBody: 'AQA', awardCode: '8300', title: 'Mathematics', grade: '4' }] },
  ],
  enquiries_log: [
    { candidateNumber: '0001', candidateName: 'EVANS, Siân', awardingBody: 'AQA', awardCode: '8300', service: 'review_of_marking', requestedOn: '2026-08-21', consentReceivedOn: '2026-08-22', originalGrade: '6', originalMark: 150, feePence: 4850 },
    { candidateNumber: '0002', candidateName: HOSTILE[1]!, awardingBody: 'AQA', awardCode: '8461', service: 'clerical_recheck', requestedOn: '2026-08-21', status: 'submitted' },
  ],
  certificate_log: [
    { candidateNumber: '0001', candidateName: 'KOWALSKI, Łukasz', series: 'june-2026', awardingBody: 'AQA', awardCodes: ['8300'], receivedAt: '2026-11-02T09:30:00Z', issuedAt: '2026-11-20T15:30:00Z', issuedTo: 'the candidate', method: 'collected' },
    { candidateNumber: '0002', candidateName: '王, 小明', series: 'june-2026', awardingBody: 'AQA', issuedTo: HOSTILE[0]! },
  ],
  eops_tracker: [
    { officerId: 'eo-1', officerName: 'A. Ahmed', centreNumber: '99999', academicYear: '2025/26', valuesAndAttributesStatement: true, knowledgeAndUnderstanding: true, keySkills: false, valuesAndAttributesAgreement: true, certificate: false },
    { officerId: 'eo-2', officerName: HOSTILE[2]!, centreNumber: '99999', academicYear: '2025/26', valuesAndAttributesStatement: false, knowledgeAndUnderstanding: false, keySkills: false, valuesAndAttributesAgreement: false, certificate: false },
  ],
};

/** The typed columns of the reports (every other column is text). */
const TYPES: Record<string, XlsxCellType> = {
  Date: 'date',
  DateOfBirth: 'date',
  RequestedOn: 'date',
  ConsentReceivedOn: 'date',
  SubmittedOn: 'date',
  DurationMins: 'number',
  ExtraTimePercent: 'number',
  OriginalMark: 'number',
  NewMark: 'number',
  FeeGBP: 'number',
  'AQA 8300 Mathematics Mark': 'number',
  'AQA 8300 Mathematics UMS': 'number',
};

async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell of a sheet: none may be a formula. */
function cells(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: false }, (c) => out.push(c)));
  return out;
}

/** A date cell as `YYYY-MM-DD` (Excel dates carry no zone: read as UTC). */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

describe('reportXlsx', () => {
  it.each(CSV_REPORT_KINDS)('writes the "%s" CSV report as a sheet that exceljs reads back equal to the report rows, typed, with no formula', async (kind) => {
    const csv = exportCsv(kind, SAMPLES[kind] as never, { formulaGuard: 'all', broadsheetMarks: true });
    const [header, ...rows] = parse(csv, { relax_column_count: false }) as string[][];
    const bytes = await reportXlsx({ name: kind, columns: header!.map((h, i) => ({ header: h, value: (r: string[]) => r[i], type: TYPES[h] ?? 'text' })), rows });
    const ws = (await reread(bytes)).worksheets[0]!;
    expect(ws.name).toBe(kind);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(ws.rowCount).toBe(rows.length + 1);
    rows.forEach((row, r) => {
      header!.forEach((h, c) => {
        const got = ws.getRow(r + 2).getCell(c + 1).value;
        const want = row[c]!;
        if (want === '') expect(got, `${h}`).toBeNull();
        else if (TYPES[h] === 'number') expect(got, h).toBe(Number(want));
        else if (TYPES[h] === 'date') expect(isoDay(got as Date), h).toBe(want);
        else expect(got, h).toBe(want);
      });
    });
    for (const c of cells(ws)) {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(c.formula).toBeUndefined();
    }
    for (let c = 1; c <= header!.length; c++) expect(ws.getColumn(c).width, header![c - 1]).toBeGreaterThanOrEqual(8);
  });

  it('writes numbers as numbers, calendar dates as dates, instants as London date-times, and text as text', async () => {
    const rows = [{ n: 90, day: '2026-06-01', at: '2026-06-01T08:00:00Z', winter: '2026-11-02T09:30:00Z', yes: true, code: '0001', when: new Date(Date.UTC(2026, 5, 1)) }];
    const ws = (
      await reread(
        await reportXlsx({
          name: 'Typed',
          columns: [
            { header: 'N', value: (r: (typeof rows)[number]) => r.n },
            { header: 'Day', value: (r) => r.day },
            { header: 'At', value: (r) => r.at },
            { header: 'Winter', value: (r) => r.winter },
            { header: 'Yes', value: (r) => r.yes },
            { header: 'Code', value: (r) => r.code },
            { header: 'When', value: (r) => r.when, type: 'date' },
          ],
          rows,
        }),
      )
    ).worksheets[0]!;
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(90);
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2026, 5, 1)));
    expect(row.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(3).value).toEqual(new Date(Date.UTC(2026, 5, 1, 9, 0))); // 09:00 British Summer Time
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2026, 10, 2, 9, 30))); // GMT
    expect(row.getCell(5).value).toBe(true);
    expect(row.getCell(6).value).toBe('0001');
    expect(row.getCell(7).value).toEqual(new Date(Date.UTC(2026, 5, 1)));
  });

  it('never writes a formula: text starting with = + - @ is a text cell, formatted as text', async () => {
    const ws = (await reread(await reportXlsx({ name: 'Hostile', columns: ['Value'], rows: HOSTILE.map((h) => [h]) }))).worksheets[0]!;
    HOSTILE.forEach((h, i) => {
      const c = ws.getRow(i + 2).getCell(1);
      expect(c.value).toBe(h);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.numFmt).toBe('@');
    });
  });

  it('takes plain headers over object rows, and several reports as several sheets with names Excel accepts', async () => {
    const wb = await reread(
      await reportXlsx([
        { name: 'Seating plan: hall [AM]', columns: ['Seat', 'CandidateNumber'], rows: [{ Seat: 'A1', CandidateNumber: '0001' }] },
        { name: 'Seating plan: hall [AM]', columns: ['Seat'], rows: [] },
      ]),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Seating plan  hall  AM', 'Seating plan  hall  AM 2']);
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe('0001');
  });

  it('is the same bytes in every time zone the host may run in', async () => {
    const input = { name: 'Plan', columns: ['Date', 'At'], rows: [['2026-06-01', '2026-06-01T08:00:00Z']] };
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utc = await reportXlsx(input);
      process.env['TZ'] = 'America/New_York';
      const ny = await reportXlsx(input);
      process.env['TZ'] = 'Pacific/Auckland';
      const nz = await reportXlsx(input);
      expect(Buffer.from(ny).equals(Buffer.from(utc))).toBe(true);
      expect(Buffer.from(nz).equals(Buffer.from(utc))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('is the same bytes for the same input, whenever it is written', async () => {
    const input = { name: 'Plan', columns: ['Date', 'Seat'], rows: [['2026-06-01', 'A1']] };
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.UTC(2026, 5, 1, 9)));
      const a = await reportXlsx(input);
      vi.setSystemTime(new Date(Date.UTC(2027, 0, 15, 17, 42, 13)));
      const b = await reportXlsx(input);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
