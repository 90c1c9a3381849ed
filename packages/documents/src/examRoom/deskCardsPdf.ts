/**
 * Desk cards: one card per seated candidate, eight to an A4 page (cut along the lines), with the seat,
 * the candidate's name in large type, candidate number, UCI, the paper(s) sat in the session and the
 * access arrangements, so the invigilators can check identity and arrangements at the desk.
 */
import type { Candidate, SeatingPlan, TimetabledPaper } from '@examcycle/core';
import type { DocumentCentre } from '../DocumentCentre.js';
import { PdfWriter, type PdfOptions } from '../pdf/PdfWriter.js';
import { arrangementWords } from '../words/arrangementLabels.js';
import { candidateIndex, candidateName } from '../words/candidateName.js';
import { dayWords, sessionWords } from '../words/examDay.js';

/**
 * What desk cards are drawn from.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan; declare const candidates: Candidate[]; declare const papers: TimetabledPaper[];
 * const input: DeskCardsInput = { centre: { centreNumber: '99999' }, plan, candidates, papers, roomIds: ['hall'] };
 * const pdf = await deskCardsPdf(input);
 * ```
 */
export interface DeskCardsInput {
  readonly centre: DocumentCentre;
  /** The session's plan, from core's `planSeating`. */
  readonly plan: SeatingPlan;
  /** The candidates (names and UCIs). */
  readonly candidates: readonly Candidate[];
  /** The timetabled papers (titles and start times). */
  readonly papers: readonly TimetabledPaper[];
  /** Only these rooms (every room of the plan when absent). */
  readonly roomIds?: readonly string[];
}

/**
 * Draws a desk card for every seated candidate of a session, room by room in seat order.
 *
 * @param input - the plan, candidates, papers and centre
 * @param options - the creation date written in the file
 * @returns the PDF's bytes (the same input gives the same bytes)
 * @example
 * ```ts
 * declare const plan: SeatingPlan; declare const papers: TimetabledPaper[]; declare const candidates: Candidate[];
 * writeFileSync('desk-cards.pdf', await deskCardsPdf({ centre: { centreNumber: '99999' }, plan, candidates, papers }));
 * ```
 */
export async function deskCardsPdf(input: DeskCardsInput, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PdfWriter({ title: `Desk cards ${input.plan.id}` }, { ...options, pageSize: 'A4' });
  const byId = candidateIndex(input.candidates);
  const paperById = new Map(input.papers.map((p) => [p.id, p]));
  const cards = input.plan.rooms.filter((r) => !input.roomIds || input.roomIds.includes(r.roomId)).flatMap((room) => room.seats.map((seat) => ({ room, seat })));
  const cols = 2;
  const rows = 4;
  let page = { width: 0, height: 0 };
  const margin = 24;
  cards.forEach(({ room, seat }, i) => {
    const k = i % (cols * rows);
    if (k === 0) page = pdf.addPage('portrait');
    const w = (page.width - 2 * margin) / cols;
    const h = (page.height - 2 * margin) / rows;
    const x = margin + (k % cols) * w;
    const y = margin + Math.floor(k / cols) * h;
    const doc = pdf.doc;
    doc.save().lineWidth(0.5).dash(3, { space: 3 }).rect(x, y, w, h).stroke('#999999').undash().restore();
    const inner = w - 24;
    const c = byId.get(seat.candidateId);
    pdf.text(`${room.roomName} · seat ${seat.seat}`, x + 12, y + 20, { size: 9, weight: 700, width: inner, color: '#444444' });
    pdf.text(`Centre ${input.centre.centreNumber}`, x + 12, y + 20, { size: 9, width: inner, align: 'right', color: '#444444' });
    pdf.text(c ? candidateName(c) : seat.candidateId, x + 12, y + 48, { size: 17, weight: 700, width: inner });
    pdf.text(`Candidate number ${seat.candidateNumber}`, x + 12, y + 70, { size: 11, weight: 700, width: inner });
    pdf.text(`UCI ${c?.uci ?? '—'}`, x + 12, y + 86, { size: 10, width: inner });
    let ly = y + 104;
    for (const id of seat.paperIds) {
      const p = paperById.get(id);
      pdf.text(p ? `${p.awardingBodyId} ${p.componentCode} ${p.title} · ${p.startTime}` : id, x + 12, ly, { size: 9, width: inner });
      ly += 12;
    }
    const aa = arrangementWords(seat.arrangementKinds);
    if (aa.length) pdf.text(`Access arrangements: ${aa.join(', ')}`, x + 12, Math.max(ly + 4, y + h - 30), { size: 9, weight: 700, width: inner, color: '#8a4b00' });
    pdf.text(`${dayWords(input.plan.date)} · ${sessionWords(input.plan.session)}`, x + 12, y + h - 12, { size: 8, width: inner, color: '#666666' });
  });
  if (cards.length === 0) {
    page = pdf.addPage('portrait');
    pdf.text(`No candidate is seated in session ${input.plan.id}.`, margin, margin + 20, { size: 11 });
  }
  return pdf.finish();
}
