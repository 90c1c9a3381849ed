/**
 * The attendance register: one register per paper per room, its candidates in seat order (front to back,
 * left to right), with the seat, candidate number, name and access arrangements, and the attendance and
 * arrival time columns the invigilators fill in (or as already recorded on the sitting record: present,
 * late, very late, absent). The invigilators sign under the last line.
 */
import { parseSeatCode, type Candidate, type SittingRecord } from '@examcycle/core';
import type { DocumentCentre } from '../DocumentCentre.js';
import { drawHeading, drawTable } from '../pdf/PdfTable.js';
import { PdfWriter, type PdfOptions } from '../pdf/PdfWriter.js';
import { arrangementWords } from '../words/arrangementLabels.js';
import { candidateIndex, candidateName } from '../words/candidateName.js';
import { clockTime, dayWords, durationWords, sessionWords } from '../words/examDay.js';

/**
 * What attendance registers are drawn from.
 *
 * @example
 * ```ts
 * declare const records: SittingRecord[]; declare const candidates: Candidate[];
 * const input: AttendanceRegisterInput = { centre: { centreNumber: '99999', name: 'Synthetic Community College' }, records, candidates };
 * const pdf = await attendanceRegisterPdf(input);
 * ```
 */
export interface AttendanceRegisterInput {
  readonly centre: DocumentCentre;
  /** The sittings (a room in a session), from core's `createSittingRecord`, marked or not. */
  readonly records: readonly SittingRecord[];
  /** The candidates (for names). */
  readonly candidates: readonly Candidate[];
}

const STATUS_WORDS = { present: 'Present', late: 'Late', very_late: 'Very late', absent: 'Absent', not_marked: '' } as const;

/** Seat order: front to back, left to right; seats that are not codes last, by text. */
function seatOrder(a: string, b: string): number {
  const pa = parseSeatCode(a);
  const pb = parseSeatCode(b);
  if (pa && pb) return pa.row - pb.row || pa.column - pb.column;
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Draws the attendance registers of the sittings: one (or more pages) per paper per room, in seat order.
 *
 * @param input - the sitting records, the candidates and the centre
 * @param options - the creation date written in the file, the paper size
 * @returns the PDF's bytes (the same input gives the same bytes)
 * @example
 * ```ts
 * declare const plan: SeatingPlan; declare const papers: TimetabledPaper[]; declare const candidates: Candidate[];
 * const record = createSittingRecord({ date: '2026-06-01', session: 'AM', seatingPlanUsed: plan.rooms[0]!, papers });
 * writeFileSync('registers.pdf', await attendanceRegisterPdf({ centre: { centreNumber: '99999' }, records: [record], candidates }));
 * ```
 */
export async function attendanceRegisterPdf(input: AttendanceRegisterInput, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PdfWriter({ title: 'Attendance registers' }, options);
  const byId = candidateIndex(input.candidates);
  for (const record of input.records) {
    const roomName = record.seatingPlanUsed.roomName;
    for (const paper of record.papers) {
      const lines = record.register.filter((l) => l.paperId === paper.id).sort((a, b) => seatOrder(a.seat, b.seat) || (a.candidateNumber < b.candidateNumber ? -1 : 1));
      const arrangementsOf = new Map(record.seatingPlanUsed.seats.map((s) => [s.candidateId, s.arrangementKinds]));
      drawTable(pdf, {
        layout: 'portrait',
        heading: (p, page, margin) =>
          drawHeading(p, page, margin, {
            title: 'Attendance register',
            centre: `Centre ${input.centre.centreNumber}`,
            lines: [
              `${paper.awardingBodyId} ${paper.componentCode} · ${paper.title}`,
              `${dayWords(record.date)} · ${sessionWords(record.session)} · starts ${paper.startTime} · ${durationWords(paper.durationMinutes)} · ${roomName}`,
              `${lines.length} candidate${lines.length === 1 ? '' : 's'} · mark each one Present, Absent or Late, with the time of a late arrival`,
            ],
          }),
        columns: [
          { header: 'Seat', share: 0.7, weight: 700 },
          { header: 'Cand. no.', share: 0.9 },
          { header: 'Candidate name', share: 3.2 },
          { header: 'Access arrangements', share: 2.2 },
          { header: 'Attendance', share: 1.2 },
          { header: 'Arrived', share: 0.8 },
        ],
        rows: lines.map((l) => {
          const c = byId.get(l.candidateId);
          return [l.seat, l.candidateNumber, c ? candidateName(c) : l.candidateId, arrangementWords(arrangementsOf.get(l.candidateId) ?? []).join(', '), STATUS_WORDS[l.status], l.arrivedAt ? clockTime(l.arrivedAt) : ''];
        }),
        signatures: ['Invigilator', 'Invigilator'],
        footer: `Attendance register · ${paper.componentCode} · ${roomName} · ${record.id}`,
        empty: 'No candidate is seated in this room for this paper.',
      });
    }
  }
  if (pdf.pages === 0) drawTable(pdf, { layout: 'portrait', heading: (p, page, margin) => drawHeading(p, page, margin, { title: 'Attendance register', centre: `Centre ${input.centre.centreNumber}`, lines: [] }), columns: [{ header: 'Sitting', share: 1 }], rows: [], footer: 'Attendance register', empty: 'No sitting to register.' });
  return pdf.finish();
}
