/**
 * The exam-room board: what the invigilators write up at the front of the room, printed in type large
 * enough to read from the back: the centre number, the room, date and session, and for each paper its
 * awarding body, code and title, the start and the finish, with a finish for each allowance the room's
 * candidates have (extra time and rest breaks), and the number of candidates on each finish.
 */
import type { CandidateSitting, SeatingPlan, TimetabledPaper } from '@examcycle/core';
import type { DocumentCentre } from '../DocumentCentre.js';
import { PdfWriter, type PdfOptions } from '../pdf/PdfWriter.js';
import { dayWords, durationWords, finishTime, sessionWords } from '../words/examDay.js';

/**
 * What a room board is drawn from.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan; declare const session: TimetableSession; declare const papers: TimetabledPaper[];
 * const input: RoomBoardInput = { centre: { centreNumber: '99999' }, plan, roomId: 'hall', sittings: session.sittings, papers };
 * const pdf = await roomBoardPdf(input);
 * ```
 */
export interface RoomBoardInput {
  readonly centre: DocumentCentre;
  /** The session's plan, from core's `planSeating`. */
  readonly plan: SeatingPlan;
  /** The room. */
  readonly roomId: string;
  /** The session's sittings (core's `TimetableSession.sittings`): each candidate's allowed minutes. */
  readonly sittings: readonly CandidateSitting[];
  /** The timetabled papers. */
  readonly papers: readonly TimetabledPaper[];
}

/**
 * Draws the board of one exam room for one session, one landscape page.
 *
 * @param input - the plan, the room, the session's sittings, papers and centre
 * @param options - the creation date written in the file
 * @returns the PDF's bytes (the same input gives the same bytes)
 * @throws RangeError when the room is not one of the plan's rooms
 * @example
 * ```ts
 * declare const timetable: CentreTimetable; declare const plan: SeatingPlan; declare const papers: TimetabledPaper[];
 * const session = timetable.sessions[0]!;
 * writeFileSync('board.pdf', await roomBoardPdf({ centre: { centreNumber: '99999' }, plan, roomId: 'hall', sittings: session.sittings, papers }));
 * ```
 */
export async function roomBoardPdf(input: RoomBoardInput, options: PdfOptions = {}): Promise<Uint8Array> {
  const room = input.plan.rooms.find((r) => r.roomId === input.roomId);
  if (!room) throw new RangeError(`Room ${input.roomId} is not in seating plan ${input.plan.id}`);
  const pdf = new PdfWriter({ title: `Exam room board ${room.roomName} ${input.plan.id}` }, { ...options, pageSize: 'A4' });
  const { width, height } = pdf.addPage('landscape');
  const m = 40;
  const inner = width - 2 * m;
  pdf.text(`Centre number ${input.centre.centreNumber}`, m, m + 30, { size: 30, weight: 700 });
  pdf.text(room.roomName, m, m + 30, { size: 22, weight: 700, width: inner, align: 'right' });
  pdf.text(`${dayWords(input.plan.date)} · ${sessionWords(input.plan.session)}`, m, m + 62, { size: 18 });
  pdf.doc.moveTo(m, m + 76).lineTo(width - m, m + 76).lineWidth(1.5).stroke('#111111');
  const seated = new Set(room.seats.map((s) => s.candidateId));
  const paperById = new Map(input.papers.map((p) => [p.id, p]));
  let y = m + 112;
  const size = room.paperIds.length > 3 ? 13 : 17;
  for (const id of room.paperIds) {
    const p = paperById.get(id);
    if (!p) continue;
    const mine = input.sittings.filter((s) => s.paperId === id && seated.has(s.candidateId));
    pdf.text(`${p.awardingBodyId} ${p.componentCode}`, m, y, { size: size + 4, weight: 700 });
    pdf.text(p.title, m + 170, y, { size: size + 4, weight: 700, width: inner - 170 });
    y += size * 1.7;
    pdf.text(`Start ${p.startTime}`, m + 170, y, { size: size + 2, weight: 700 });
    pdf.text(`Finish ${finishTime(p.date, p.startTime, p.durationMinutes)}`, m + 330, y, { size: size + 2, weight: 700 });
    pdf.text(`${durationWords(p.durationMinutes)} · ${mine.filter((s) => s.allowedMinutes === p.durationMinutes).length} candidates`, m + 500, y, { size, width: inner - 500 });
    y += size * 1.5;
    const longer = [...new Set(mine.filter((s) => s.allowedMinutes > p.durationMinutes).map((s) => s.allowedMinutes))].sort((a, b) => a - b);
    for (const minutes of longer) {
      const count = mine.filter((s) => s.allowedMinutes === minutes).length;
      pdf.text(`Finish ${finishTime(p.date, p.startTime, minutes)}`, m + 330, y, { size: size + 2, weight: 700, color: '#8a4b00' });
      pdf.text(`${durationWords(minutes)} · ${count} with extra time`, m + 500, y, { size, color: '#8a4b00', width: inner - 500 });
      y += size * 1.5;
    }
    y += size;
    if (y > height - 80) break;
  }
  pdf.text('Time now: ____________', m, height - m, { size: 12, color: '#333333', width: inner });
  return pdf.finish();
}
