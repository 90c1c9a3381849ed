/**
 * The seating plan of one room as a one-page PDF for printing and for the exam-room door: the same
 * drawing as {@link seatingPlanSvg}, with the Noto faces its names need embedded (subset to the glyphs
 * used), so every name prints as written whatever fonts the printer has.
 */
import { PdfWriter, type PdfOptions } from '../pdf/PdfWriter.js';
import { seatingPlanDrawing, type DrawnBox, type SeatingPlanDocumentInput, type SeatingPlanDocumentOptions } from './seatingPlanDrawing.js';

function drawBox(pdf: PdfWriter, b: DrawnBox): void {
  const doc = pdf.doc;
  doc.save();
  doc.lineWidth(0.6);
  if (b.dashed) doc.dash(2, { space: 1.5 });
  doc.rect(b.x, b.y, b.w, b.h).fillAndStroke(b.fill, b.stroke);
  doc.undash();
  if (b.crossed) doc.moveTo(b.x, b.y).lineTo(b.x + b.w, b.y + b.h).moveTo(b.x + b.w, b.y).lineTo(b.x, b.y + b.h).stroke(b.stroke);
  doc.restore();
}

/**
 * Draws the seating plan of one room as a one-page PDF.
 *
 * @param input - the session's plan (core's `planSeating`), the room, candidates (for names), papers and the centre
 * @param options - where the invigilator desk is, the creation date written in the file
 * @returns the PDF's bytes (the same input gives the same bytes)
 * @throws RangeError when the room is not one of the plan's rooms
 * @example
 * ```ts
 * declare const plan: SeatingPlan; declare const hall: Room; declare const papers: TimetabledPaper[]; declare const candidates: Candidate[];
 * writeFileSync('hall.pdf', await seatingPlanPdf({ centre: { centreNumber: '99999' }, plan, room: hall, candidates, papers }));
 * ```
 */
export async function seatingPlanPdf(input: SeatingPlanDocumentInput, options: SeatingPlanDocumentOptions & PdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PdfWriter({ title: 'Seating plan' }, { ...options, pageSize: 'A4' });
  const d = seatingPlanDrawing(input, options, pdf.fonts);
  pdf.doc.info.Title = d.title;
  pdf.addPage(d.layout);
  for (const b of d.boxes) drawBox(pdf, b);
  for (const c of d.cells) {
    drawBox(pdf, { x: c.x, y: c.y, w: c.w, h: c.h, fill: c.fill, stroke: c.state === 'seated' ? '#111111' : c.state === 'unused' ? '#cccccc' : '#8a8a8a', dashed: c.state === 'free' || c.state === 'unused', crossed: c.state === 'off' });
    for (const t of c.texts) pdf.text(t.text, t.anchor === 'middle' ? t.x - c.w : t.x, t.y, { size: t.size, weight: t.weight, color: t.color, ...(t.anchor === 'middle' ? { width: 2 * c.w, align: 'center' as const } : {}) });
  }
  for (const t of d.texts) {
    const w = pdf.width(t.text, t.size, t.weight);
    const x = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
    pdf.text(t.text, x, t.y, { size: t.size, weight: t.weight, color: t.color });
  }
  return pdf.finish();
}
