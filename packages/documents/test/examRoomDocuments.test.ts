import { parseSeatCode, personalTimetable, recordAbsence, recordArrival, statementOfEntry, type Actor, type CertificateContext } from '@examcycle/core';
import { describe, expect, it } from 'vitest';
import { attendanceRegisterPdf, candidateTimetablePdf, certificateIssueLogPdf, deskCardsPdf, roomBoardPdf, statementOfEntryPdf } from '@examcycle/documents';
import { PAPERS, RULES, syntheticCentre, UNICODE_NAMES } from './fixtures/syntheticCentre.js';
import { pdfText, squeeze } from './pdfText.js';

const big = syntheticCentre(280);
const small = syntheticCentre(12);
const centre = { centreNumber: '99999', name: 'Synthetic Community College' };
const invigilator: Actor = { id: 'inv-a', role: 'invigilator' };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

describe('attendanceRegisterPdf', () => {
  it('prints one register per paper per room, each holding every candidate number on it, in seat order', async () => {
    const { pages } = await pdfText(await attendanceRegisterPdf({ centre, records: big.records, candidates: big.candidates }));
    const expected = big.records.flatMap((r) => r.papers.map((p) => ({ room: r.seatingPlanUsed.roomName, paper: p.componentCode, numbers: r.register.filter((l) => l.paperId === p.id).map((l) => ({ n: l.candidateNumber, at: parseSeatCode(l.seat)! })) })));
    expect(expected).toHaveLength(3);
    for (const reg of expected) {
      const own = pages.filter((p) => p.text.includes(`Attendance register · ${reg.paper} · ${reg.room}`));
      expect(own.length, `${reg.paper} ${reg.room}`).toBeGreaterThan(0);
      const printed = own.flatMap((p) => p.items).filter((s) => /^\d{4}$/.test(s));
      const inSeatOrder = [...reg.numbers].sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column).map((x) => x.n);
      expect(printed).toEqual(inSeatOrder);
      expect(own.at(-1)!.text).toMatch(/Invigilator:.*Invigilator:/s);
      expect(own[0]!.text).toContain(`Page 1 of ${own.length}`);
    }
  });

  it('prints every Unicode name as written', async () => {
    const text = squeeze((await pdfText(await attendanceRegisterPdf({ centre, records: small.records, candidates: small.candidates }))).pages.map((p) => p.text).join(' '));
    for (const n of UNICODE_NAMES) for (const word of `${n.surname.toLocaleUpperCase('en-GB')} ${n.forenames}`.split(' ')) expect(text, word).toContain(word);
  });

  it('shows attendance already recorded on the sitting record (absent, present with the arrival time)', async () => {
    let record = small.records.find((r) => r.roomId === 'hall')!;
    const [first, second] = record.register;
    record = recordAbsence(record, { candidateId: first!.candidateId, paperId: first!.paperId, at: '2026-06-02T10:00:00+01:00', by: invigilator });
    record = recordArrival(record, { candidateId: second!.candidateId, paperId: second!.paperId, arrivedAt: '2026-06-02T08:50:00+01:00', by: invigilator }, RULES);
    const text = (await pdfText(await attendanceRegisterPdf({ centre, records: [record], candidates: small.candidates }))).pages.map((p) => p.text).join(' ');
    expect(text).toContain('Absent');
    expect(text).toMatch(/Present\s+08:50/);
  });

  it('is the same bytes for the same input', async () => {
    const input = { centre, records: small.records, candidates: small.candidates };
    expect(sameBytes(await attendanceRegisterPdf(input), await attendanceRegisterPdf(input))).toBe(true);
  });
});

describe('deskCardsPdf', () => {
  it('prints a card per seated candidate with name, candidate number, UCI, paper and arrangements, eight to a page', async () => {
    const { pages } = await pdfText(await deskCardsPdf({ centre, plan: small.plan, candidates: small.candidates, papers: PAPERS }));
    const seated = small.plan.rooms.flatMap((r) => r.seats);
    expect(pages).toHaveLength(Math.ceil(seated.length / 8));
    const text = pages.map((p) => p.text).join(' ');
    for (const s of seated) {
      const c = small.candidates.find((x) => x.id === s.candidateId)!;
      expect(text).toContain(`Candidate number ${s.candidateNumber}`);
      expect(text).toContain(`UCI ${c.uci!}`);
    }
    expect(text).toContain('Access arrangements: Reader');
    expect(text).toContain('AQA 8461/1H GCSE Biology Paper 1 (Higher)');
    expect(squeeze(text)).toContain('NGUYỄN,ThịMinh');
  });
});

describe('roomBoardPdf', () => {
  it('shows the centre number, each paper, its start, and its finish with and without extra time', async () => {
    const session = big.timetable.sessions[0]!;
    const text = (await pdfText(await roomBoardPdf({ centre, plan: big.plan, roomId: 'hall', sittings: session.sittings, papers: PAPERS }))).pages.map((p) => p.text).join(' ');
    expect(text).toContain('Centre number 99999');
    expect(text).toContain('Sports hall');
    expect(text).toContain('AQA 8300/1H');
    expect(text).toContain('Start 09:00');
    expect(text).toContain('Finish 10:30'); // 90 minutes
    expect(text).toContain('Finish 10:45'); // 105 minutes
    expect(text).toContain('Finish 10:53'); // 90 minutes + 25% = 113 (rounded up)
    expect(text).toContain('Finish 11:38'); // 105 minutes + 50% = 158
  });
});

describe('statementOfEntryPdf', () => {
  it('prints each candidate\'s names, numbers, timetable and the lines the candidate signs', async () => {
    const statements = small.timetable.candidates.map((c) => statementOfEntry(small.timetable, c.candidateId));
    const { pages } = await pdfText(await statementOfEntryPdf({ centre, statements }));
    expect(pages).toHaveLength(statements.length);
    statements.forEach((s, i) => {
      const text = pages[i]!.text;
      expect(text).toContain(s.candidateNumber);
      expect(text).toContain(s.uci!);
      expect(text).toContain('Candidate signature:');
      expect(text).toContain('Date:');
      expect(text).toContain('Tuesday 2 June 2026');
      for (const word of `${s.legalSurname.toLocaleUpperCase('en-GB')} ${s.legalForenames}`.split(' ')) expect(squeeze(text), word).toContain(word);
    });
    expect(pages[2]!.text).toContain('Access arrangements: Reader');
  });
});

describe('certificateIssueLogPdf', () => {
  it('lists every certificate with its candidate, when it was received and how it was issued', async () => {
    const by: Actor = { id: 'eo', role: 'exams_officer' };
    const certificates = small.candidates.slice(0, 7).map(
      (c, i) =>
        ({
          certificate: { id: `cert-${i}`, candidateId: c.id, seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300'] },
          receivedAt: '2026-11-02T09:30:00Z',
          handover: i % 2 === 0 ? { at: '2026-11-20T15:30:00Z', by, method: 'collected', to: 'the candidate' } : null,
          destruction: null,
        }) as unknown as CertificateContext,
    );
    const text = (await pdfText(await certificateIssueLogPdf({ centre, certificates, candidates: small.candidates }))).pages.map((p) => p.text).join(' ');
    for (const c of small.candidates.slice(0, 7)) expect(text).toContain(c.candidateNumber);
    expect(text).toContain('2 Nov 2026 09:30');
    expect(text).toContain('20 Nov 2026 15:30');
    expect(text).toContain('Collected');
    expect(squeeze(text)).toContain('王,小明');
  });
});

describe('candidateTimetablePdf', () => {
  it('prints each candidate\'s papers with the start, their own finish, and their room and seat', async () => {
    const timetables = small.timetable.candidates.map((c) => personalTimetable(small.timetable, c.candidateId));
    const { pages } = await pdfText(await candidateTimetablePdf({ centre, timetables, plans: [small.plan] }));
    expect(pages).toHaveLength(timetables.length);
    const reader = pages[2]!.text; // candidate 0003: a reader, in Room AA1
    expect(reader).toContain('Candidate number 0003');
    expect(reader).toContain('Tuesday 2 June 2026');
    expect(reader).toContain('AM 09:00 – 10:30');
    expect(reader).toContain('Room AA1, seat A1');
    const first = pages[0]!.text;
    expect(first).toMatch(/Sports hall, seat [A-Z]+\d+/);
  });
});
