/**
 * A candidate's personal exam timetable, one page each: every paper by day with the published start, the
 * time the candidate finishes (extra time and rest breaks included), the awarding body and component,
 * and, when the session's seating plans are given, the room and seat. From core's `personalTimetable`.
 */
import type { PersonalTimetable, SeatingPlan } from '@examcycle/core';
import type { DocumentCentre } from '../DocumentCentre.js';
import { PdfWriter, type PdfOptions } from '../pdf/PdfWriter.js';
import { clockTime, dayWords, durationWords } from '../words/examDay.js';

/**
 * What candidate timetables are drawn from.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable; declare const plans: SeatingPlan[];
 * const timetables = timetable.candidates.map((c) => personalTimetable(timetable, c.candidateId));
 * const input: CandidateTimetableInput = { centre: { centreNumber: '99999' }, timetables, plans };
 * const pdf = await candidateTimetablePdf(input);
 * ```
 */
export interface CandidateTimetableInput {
  readonly centre: DocumentCentre;
  /** Timetables from core's `personalTimetable(timetable, candidateId)`. */
  readonly timetables: readonly PersonalTimetable[];
  /** Seating plans of the sessions (core's `planSeating`), to print each paper's room and seat. */
  readonly plans?: readonly SeatingPlan[];
}

/**
 * Draws each candidate's personal exam timetable.
 *
 * @param input - the personal timetables, the centre, and (optionally) the sessions' seating plans
 * @param options - the creation date written in the file
 * @returns the PDF's bytes (the same input gives the same bytes)
 * @example
 * ```ts
 * declare const timetable: CentreTimetable; declare const plans: SeatingPlan[];
 * const timetables = timetable.candidates.map((c) => personalTimetable(timetable, c.candidateId));
 * writeFileSync('timetables.pdf', await candidateTimetablePdf({ centre: { centreNumber: '99999' }, timetables, plans }));
 * ```
 */
export async function candidateTimetablePdf(input: CandidateTimetableInput, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PdfWriter({ title: 'Candidate exam timetables' }, options);
  const m = 40;
  const seatOf = new Map<string, string>();
  for (const plan of input.plans ?? []) for (const room of plan.rooms) for (const s of room.seats) seatOf.set(`${plan.id}|${s.candidateId}`, `${room.roomName}, seat ${s.seat}`);
  for (const t of input.timetables) {
    let { width, height } = pdf.addPage('portrait');
    const inner = width - 2 * m;
    pdf.text('Your exam timetable', m, m + 16, { size: 18, weight: 700 });
    pdf.text(`Centre ${input.centre.centreNumber}${input.centre.name ? ` · ${input.centre.name}` : ''}`, m, m + 16, { size: 10, weight: 700, width: inner, align: 'right' });
    pdf.text(t.name, m, m + 42, { size: 13, weight: 700, width: inner });
    pdf.text(`Candidate number ${t.candidateNumber}`, m, m + 58, { size: 10.5 });
    const allowance = [t.allowance.extraTimePercent ? `${t.allowance.extraTimePercent}% extra time` : '', t.allowance.restBreakMinutesPerHour ? `${t.allowance.restBreakMinutesPerHour} min rest breaks per hour` : ''].filter(Boolean).join(', ');
    if (allowance) pdf.text(`Your finishing times include ${allowance}.`, m, m + 74, { size: 10, color: '#8a4b00', width: inner });
    let y = m + 100;
    for (const day of t.days) {
      if (y > height - 80) {
        ({ width, height } = pdf.addPage('portrait'));
        y = m + 20;
      }
      pdf.text(dayWords(day.date), m, y, { size: 11.5, weight: 700 });
      pdf.text(`${durationWords(day.totalAllowedMinutes)} in all`, m, y, { size: 9, width: inner, align: 'right', color: '#555555' });
      y += 6;
      pdf.doc.moveTo(m, y).lineTo(width - m, y).lineWidth(0.5).stroke('#999999');
      y += 14;
      for (const l of day.lines) {
        pdf.text(`${l.session} ${l.startTime} – ${clockTime(l.finishesAt)}`, m, y, { size: 10, weight: 700 });
        pdf.text(`${l.paper.awardingBodyId} ${l.paper.componentCode}`, m + 120, y, { size: 10, width: 90 });
        pdf.text(l.paper.title, m + 215, y, { size: 10, width: inner - 215 });
        const where = seatOf.get(`${l.date}.${l.session}|${t.candidateId}`);
        y += 13;
        pdf.text(`${durationWords(l.allowedMinutes)}${where ? ` · ${where}` : ''}`, m + 215, y, { size: 8.5, color: '#555555', width: inner - 215 });
        y += 16;
      }
      y += 6;
    }
    pdf.text(`Exam timetable · ${t.candidateNumber}`, m, height - m + 10, { size: 7.5, color: '#555555' });
  }
  if (input.timetables.length === 0) {
    pdf.addPage('portrait');
    pdf.text('No timetable to print.', m, m + 20, { size: 11 });
  }
  return pdf.finish();
}
