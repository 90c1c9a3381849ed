/**
 * createCsvAdapter: one configured adapter for a centre (its MIS's header names, its centre number, Excel
 * byte-order marks) that imports every record kind from text, bytes or streams and writes every export.
 */
import { Readable } from 'node:stream';
import { RECORD_KINDS } from '@examcycle/core';
import { CSV_REPORT_KINDS, createCsvAdapter, csvColumnSet } from '@examcycle/adapter-csv';
import { describe, expect, it } from 'vitest';

const text = 'Pupil,Cand,Surname,Forenames,DOB\r\nP1,7,Llŷr,Siân,01/02/2009\r\nP2,8,O\'Brien,,bad\r\n';

describe('createCsvAdapter', () => {
  const csv = createCsvAdapter({ synonyms: { Id: ['Pupil'], CandidateNumber: ['Cand'] }, defaults: { CentreNumber: '68199' }, bom: true });

  it('implements the data contract for all eight record kinds and the eight reports', () => {
    expect(csv.format).toBe('csv');
    expect(csv.recordKinds).toEqual(RECORD_KINDS);
    expect(csv.reportKinds).toEqual(CSV_REPORT_KINDS);
    expect(csv.reportKinds).toHaveLength(8);
  });

  it('imports with the options it was made with, from text, bytes and a Node stream alike', async () => {
    const fromText = csv.importText('candidates', text);
    expect(fromText.records).toEqual([
      { id: 'P1', centreNumber: '68199', candidateNumber: '0007', legalSurname: 'Llŷr', legalForenames: 'Siân', dateOfBirth: '2009-02-01', kind: 'internal' },
    ]);
    expect(fromText.issues.map((i) => [i.location?.line, i.location?.field])).toEqual([[3, 'DOB']]);
    expect(await csv.import('candidates', new TextEncoder().encode(text))).toEqual(fromText);
    expect(await csv.import('candidates', Readable.from([Buffer.from(text)]))).toEqual(fromText);
  });

  it("merges a call's own options over the adapter's", () => {
    const result = csv.importText('candidates', text.replace('Pupil', 'Learner'), { synonyms: { Id: ['Learner'] }, file: 'year11.csv' });
    expect(result.records).toHaveLength(1);
    expect(result.issues[0]?.location?.file).toBe('year11.csv');
  });

  it('hands a stream fatal error back in the result', async () => {
    const result = await csv.import('rooms', Readable.from([Buffer.from('Room,Rows\n"Hall,1\n')]));
    expect(result.fatal?.code).toBe('missing_column');
  });

  it('exports with its options (a byte-order mark for Excel) and reads its own files back', () => {
    const records = csv.importText('candidates', text).records;
    const out = csv.export('candidates', records);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(csv.importText('candidates', out).records).toEqual(records);
  });

  it('describes each kind\'s columns', () => {
    expect(csv.columns('candidates').columns.filter((c) => c.required).map((c) => c.header)).toEqual([
      'Id', 'CentreNumber', 'CandidateNumber', 'LegalSurname', 'LegalForenames', 'DateOfBirth',
    ]);
  });
});

describe('csvColumnSet', () => {
  it.each(RECORD_KINDS)('gives no header name to two %s columns', (kind) => {
    const seen = new Map<string, string>();
    for (const column of csvColumnSet(kind).columns) {
      for (const name of [column.header, ...column.synonyms]) {
        const key = name.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, '');
        expect(seen.get(key), `${name} is claimed by ${seen.get(key)} and ${column.header}`).toBeUndefined();
        seen.set(key, column.header);
      }
    }
  });

  it.each(RECORD_KINDS)('has a column for every field of core\'s %s schema', (kind) => {
    const set = csvColumnSet(kind);
    const shape = (set.schema as unknown as { shape: Record<string, unknown> }).shape;
    const fields = set.columns.map((c) => c.field).filter((f) => f !== undefined);
    expect(new Set(fields)).toEqual(new Set(Object.keys(shape)));
  });

  it('writes each record kind under its canonical headers', () => {
    expect(Object.fromEntries(RECORD_KINDS.map((k) => [k, csvColumnSet(k).columns.filter((c) => c.field).map((c) => c.header).join(',')]))).toMatchInlineSnapshot(`
      {
        "access_arrangements": "ArrangementId,CandidateId,Arrangement,ExtraTimePercent,RestBreakMinutesPerHour,Approval,ApprovedOn,ApprovalReference,EvidenceHeld",
        "candidates": "Id,CentreNumber,CandidateNumber,UCI,ULN,UPN,LegalSurname,LegalForenames,PreferredName,DateOfBirth,Sex,CandidateKind,ContingencyDayNoticeGiven",
        "certificates": "CertificateId,CandidateId,Series,AwardingBody,AwardCodes,ReceivedAt,IssuedAt,IssuedTo,Method,DestroyedAt,DestroyedBy",
        "entries": "EntryId,CandidateId,Series,AwardingBody,EntryCode,ComponentCodes,Status,SubmittedAt,WithdrawnAt,IdentityVerified",
        "invigilators": "InvigilatorId,Name,StaffId,TrainedOn,LastUpdateOn,Availability,RelativeOfCandidateIds,Facilitator",
        "results": "ResultId,CandidateId,Series,AwardingBody,AwardCode,ResultKind,Level,Grade,Mark,UniformMark,Endorsement,ReceivedAt",
        "rooms": "RoomId,Room,Rows,Columns,SeatPitchMetres,RowPitchMetres,DisabledSeats,Capacity,SuitableFor",
        "timetable": "PaperId,Series,AwardingBody,ComponentCode,Title,Level,ComponentKind,Date,Session,StartTime,DurationMinutes",
      }
    `);
  });
});
