/**
 * The statement of entry a candidate checks and signs: their legal names, date of birth, candidate
 * number, UCI and centre exactly as entered (certificates will carry them), their timetable (every paper
 * with its date, session, start, published duration and the time they are allowed), any component with
 * no timetabled paper (non-exam assessment), their access arrangements, what to check, and the lines to
 * sign. One page (or more) per candidate, from core's `statementOfEntry`.
 */
import type { StatementOfEntry } from '@examcycle/core';
import type { DocumentCentre } from '../DocumentCentre.js';
import { PdfWriter, type PdfOptions } from '../pdf/PdfWriter.js';
import { arrangementWords } from '../words/arrangementLabels.js';
import { candidateName } from '../words/candidateName.js';
import { dayWords, durationWords, finishTime } from '../words/examDay.js';

/**
 * What statements of entry are drawn from.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const statements = timetable.candidates.map((c) => statementOfEntry(timetable, c.candidateId));
 * const input: StatementOfEntryInput = { centre: { centreNumber: '99999' }, statements };
 * const pdf = await statementOfEntryPdf(input);
 * ```
 */
export interface StatementOfEntryInput {
  readonly centre: DocumentCentre;
  /** Statements from core's `statementOfEntry(timetable, candidateId)`. */
  readonly statements: readonly StatementOfEntry[];
}

/**
 * Draws each candidate's statement of entry, with their timetable and signature lines.
 *
 * @param input - the statements and the centre
 * @param options - the creation date written in the file
 * @returns the PDF's bytes (the same input gives the same bytes)
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const statements = timetable.candidates.map((c) => statementOfEntry(timetable, c.candidateId));
 * writeFileSync('statements.pdf', await statementOfEntryPdf({ centre: { centreNumber: '99999' }, statements }));
 * ```
 */
export async function statementOfEntryPdf(input: StatementOfEntryInput, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PdfWriter({ title: 'Statements of entry' }, options);
  const m = 40;
  for (const s of input.statements) {
    let { width, height } = pdf.addPage('portrait');
    const inner = width - 2 * m;
    pdf.text('Statement of entry', m, m + 16, { size: 18, weight: 700 });
    pdf.text(`Centre ${s.centreNumber}${input.centre.name ? ` · ${input.centre.name}` : ''}`, m, m + 16, { size: 10, weight: 700, width: inner, align: 'right' });
    const facts: [string, string][] = [
      ['Name (legal)', candidateName(s)],
      ['Candidate number', s.candidateNumber],
      ['UCI', s.uci ?? '—'],
      ['Date of birth', dayWords(s.dateOfBirth).replace(/^\w+ /, '')],
    ];
    let y = m + 46;
    for (const [k, v] of facts) {
      pdf.text(k, m, y, { size: 10, color: '#555555' });
      pdf.text(v, m + 120, y, { size: 11, weight: 700, width: inner - 120 });
      y += 16;
    }
    y += 8;
    pdf.text('Your timetable', m, y, { size: 12, weight: 700 });
    y += 18;
    const lines = s.entries
      .flatMap((e) => e.components.map((c) => ({ e, c })))
      .sort((a, b) => {
        const pa = a.c.paper;
        const pb = b.c.paper;
        if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
        const ka = `${pa.date}${pa.session}${pa.startTime}${pa.paperId}`;
        const kb = `${pb.date}${pb.session}${pb.startTime}${pb.paperId}`;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    const cols = [m, m + 150, m + 215, m + 300, m + 390];
    const head = ['Date', 'Session', 'Component', 'Start – finish', 'Paper'];
    head.forEach((h, i) => pdf.text(h, cols[i]!, y, { size: 9, weight: 700 }));
    y += 5;
    pdf.doc.moveTo(m, y).lineTo(width - m, y).lineWidth(0.5).stroke('#999999');
    y += 13;
    for (const { e, c } of lines) {
      if (y > height - 190) {
        ({ width, height } = pdf.addPage('portrait'));
        y = m + 20;
      }
      const p = c.paper;
      if (p) {
        pdf.text(dayWords(p.date), cols[0]!, y, { size: 9, width: 145 });
        pdf.text(p.session, cols[1]!, y, { size: 9 });
        pdf.text(`${e.awardingBodyId} ${c.componentCode}`, cols[2]!, y, { size: 9, width: 82 });
        pdf.text(`${p.startTime} – ${finishTime(p.date, p.startTime, p.allowedMinutes)}`, cols[3]!, y, { size: 9 });
        const extra = p.allowedMinutes > p.durationMinutes ? ` (${durationWords(p.allowedMinutes)} with your arrangements)` : ` (${durationWords(p.durationMinutes)})`;
        pdf.text(`${p.title}${extra}`, cols[4]!, y, { size: 9, width: width - m - cols[4]! });
      } else {
        pdf.text('Not timetabled', cols[0]!, y, { size: 9, color: '#555555' });
        pdf.text(`${e.awardingBodyId} ${c.componentCode}`, cols[2]!, y, { size: 9, width: 82 });
        pdf.text(`Entry ${e.entryCode}: non-exam assessment or no timetabled paper`, cols[4]!, y, { size: 9, width: width - m - cols[4]!, color: '#555555' });
      }
      y += 14;
    }
    y += 10;
    pdf.text('Entries', m, y, { size: 12, weight: 700 });
    y += 16;
    for (const e of s.entries) {
      pdf.text(`${e.awardingBodyId} ${e.entryCode} (${e.seriesId}): ${e.components.map((c) => c.componentCode).join(', ')}`, m, y, { size: 9, width: inner });
      y += 13;
    }
    y += 6;
    const aa = arrangementWords(s.accessArrangements);
    pdf.text(`Access arrangements: ${aa.length ? aa.join(', ') : 'none'}`, m, y, { size: 10, weight: 700 });
    y += 18;
    for (const note of s.notes) y = pdf.paragraph(note, m, y, inner, { size: 9.5 });
    const sy = Math.max(y + 30, height - 110);
    pdf.text('I have checked my names, date of birth and entries, and they are correct.', m, sy - 24, { size: 10, weight: 700, width: inner });
    pdf.text('Candidate signature:', m, sy, { size: 10 });
    pdf.doc.moveTo(m + 120, sy + 2).lineTo(m + 330, sy + 2).lineWidth(0.6).stroke('#333333');
    pdf.text('Date:', m + 345, sy, { size: 10 });
    pdf.doc.moveTo(m + 380, sy + 2).lineTo(width - m, sy + 2).lineWidth(0.6).stroke('#333333');
    pdf.text(`Statement of entry · ${s.candidateNumber}`, m, height - m + 10, { size: 7.5, color: '#555555' });
  }
  if (input.statements.length === 0) {
    pdf.addPage('portrait');
    pdf.text('No statement of entry to print.', m, m + 20, { size: 11 });
  }
  return pdf.finish();
}
