/**
 * A table laid over as many pages as it needs, for the documents that are lists (the attendance
 * register, the certificate issue log): the document's heading on every page, the column headings
 * repeated, rows cut to their column with an ellipsis rather than wrapped (a register line is one line),
 * signature lines after the last row, and "page n of m" with the document's name at the foot.
 *
 * @internal
 */
import type { FontWeight } from '../fonts/FontBook.js';
import type { PdfWriter } from './PdfWriter.js';

/** A column: its heading, share of the width, alignment. @internal */
export interface PdfColumn {
  readonly header: string;
  /** A share of the table's width (shares are normalised). */
  readonly share: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly weight?: FontWeight;
}

/** A table document. @internal */
export interface PdfTableSpec {
  readonly layout: 'portrait' | 'landscape';
  /** Draws the heading of a page; returns the y the table starts at. */
  readonly heading: (pdf: PdfWriter, page: { readonly width: number; readonly height: number }, margin: number) => number;
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Lines to sign under the last row (e.g. `Invigilator`). */
  readonly signatures?: readonly string[];
  /** The document's name at the foot of each page. */
  readonly footer: string;
  /** Text shown when there are no rows. */
  readonly empty?: string;
}

const MARGIN = 36;
const ROW = 18;
const SIZE = 9;

/**
 * Draws a table document into a PDF, from a new page.
 *
 * @param pdf - the writer
 * @param spec - heading, columns, rows, signature lines, footer
 * @internal
 */
export function drawTable(pdf: PdfWriter, spec: PdfTableSpec): void {
  const probe = pdf.addPage(spec.layout);
  const { width, height } = probe;
  const tableW = width - 2 * MARGIN;
  const shares = spec.columns.reduce((t, c) => t + c.share, 0);
  const widths = spec.columns.map((c) => (c.share / shares) * tableW);
  const signatureH = (spec.signatures?.length ?? 0) * 30 + (spec.signatures?.length ? 10 : 0);
  const bottom = height - MARGIN - 18;

  // How many rows fit: the heading's height is the same on every page.
  let pageStart = spec.heading(pdf, probe, MARGIN);
  const perPage = Math.max(1, Math.floor((bottom - pageStart - ROW) / ROW));
  const rows = spec.rows;
  let pages = Math.max(1, Math.ceil(rows.length / perPage));
  const lastRows = rows.length - (pages - 1) * perPage;
  if (rows.length > 0 && pageStart + ROW * (lastRows + 1) + signatureH > bottom) pages += 1;

  let i = 0;
  for (let page = 1; page <= pages; page++) {
    if (page > 1) {
      pdf.addPage(spec.layout);
      pageStart = spec.heading(pdf, probe, MARGIN);
    }
    let y = pageStart;
    // Column headings.
    pdf.doc.rect(MARGIN, y, tableW, ROW).fill('#e6e6e6');
    let x = MARGIN;
    spec.columns.forEach((c, k) => {
      pdf.text(c.header, x + 4, y + ROW - 5.5, { size: SIZE - 0.5, weight: 700, width: widths[k]! - 8, align: c.align ?? 'left' });
      x += widths[k]!;
    });
    y += ROW;
    const end = Math.min(rows.length, i + perPage);
    for (; i < end; i++) {
      const row = rows[i]!;
      if (i % 2 === 1) pdf.doc.rect(MARGIN, y, tableW, ROW).fill('#f5f5f5');
      x = MARGIN;
      spec.columns.forEach((c, k) => {
        const cell = row[k] ?? '';
        if (cell) pdf.text(cell, x + 4, y + ROW - 5.5, { size: SIZE, weight: c.weight ?? 400, width: widths[k]! - 8, align: c.align ?? 'left' });
        x += widths[k]!;
      });
      pdf.doc.moveTo(MARGIN, y + ROW).lineTo(MARGIN + tableW, y + ROW).lineWidth(0.4).stroke('#bbbbbb');
      y += ROW;
    }
    if (rows.length === 0 && page === 1) {
      pdf.text(spec.empty ?? 'Nothing to list.', MARGIN + 4, y + ROW - 5.5, { size: SIZE, color: '#555555' });
      y += ROW;
    }
    if (page === pages && spec.signatures?.length) {
      let sy = y + 34;
      for (const who of spec.signatures) {
        pdf.text(`${who}:`, MARGIN, sy, { size: SIZE, weight: 700 });
        pdf.doc.moveTo(MARGIN + 110, sy + 2).lineTo(MARGIN + 330, sy + 2).lineWidth(0.6).stroke('#333333');
        pdf.text('Date:', MARGIN + 345, sy, { size: SIZE, weight: 700 });
        pdf.doc.moveTo(MARGIN + 375, sy + 2).lineTo(Math.min(MARGIN + 470, width - MARGIN), sy + 2).lineWidth(0.6).stroke('#333333');
        sy += 30;
      }
    }
    pdf.text(spec.footer, MARGIN, height - MARGIN + 4, { size: 7.5, color: '#555555', width: tableW - 80 });
    pdf.text(`Page ${page} of ${pages}`, MARGIN, height - MARGIN + 4, { size: 7.5, color: '#555555', width: tableW, align: 'right' });
  }
}

/**
 * Draws the heading block most documents share: a title, the centre on the right, and detail lines.
 *
 * @param pdf - the writer
 * @param page - the page size
 * @param margin - the page margin
 * @param heading - title, centre line and detail lines
 * @returns the y below the heading
 * @internal
 */
export function drawHeading(pdf: PdfWriter, page: { readonly width: number }, margin: number, heading: { readonly title: string; readonly centre: string; readonly lines: readonly string[] }): number {
  pdf.text(heading.title, margin, margin + 16, { size: 16, weight: 700 });
  pdf.text(heading.centre, margin, margin + 16, { size: 10, weight: 700, width: page.width - 2 * margin, align: 'right' });
  let y = margin + 34;
  for (const line of heading.lines) {
    pdf.text(line, margin, y, { size: 9.5, width: page.width - 2 * margin });
    y += 13;
  }
  return y + 6;
}
