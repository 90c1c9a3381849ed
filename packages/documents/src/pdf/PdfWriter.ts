/**
 * The page writer every PDF document draws on: pdfkit, with the {@link FontBook}'s faces registered as a
 * document first uses them, text drawn run by run on a common baseline, and the bytes collected in
 * memory. The same input gives the same bytes: the creation date is the caller's (a fixed one by
 * default), the file id is derived from the document info, and no clock is read.
 *
 * @internal
 */
import PDFDocument from 'pdfkit';
import { FontBook, runFeatures, type FontWeight } from '../fonts/FontBook.js';

/**
 * Options every PDF document takes.
 *
 * @example
 * ```ts
 * declare const input: DeskCardsInput;
 * const options: PdfOptions = { createdAt: '2026-05-01T09:00:00Z', pageSize: 'A3' };
 * const bytes = await deskCardsPdf(input, options); // the same input and options give the same bytes
 * ```
 */
export interface PdfOptions {
  /**
   * The creation date written in the file, an ISO instant. Documents are deterministic, so no clock is read.
   * @default '2000-01-01T00:00:00Z'
   */
  readonly createdAt?: string;
  /**
   * The paper size.
   * @default 'A4'
   */
  readonly pageSize?: 'A4' | 'A3';
}

/** How a line of text is drawn. @internal */
export interface TextStyle {
  readonly size: number;
  readonly weight?: FontWeight;
  /** Cut to this width with an ellipsis. */
  readonly width?: number;
  /** Alignment within `width` (left when no width). */
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
}

/** The default creation date: documents carry no clock reading. @internal */
export const FIXED_CREATED_AT = '2000-01-01T00:00:00Z';

const SIZES = { A4: [595.28, 841.89], A3: [841.89, 1190.55] } as const;

/**
 * A PDF being written.
 *
 * @example
 * ```ts
 * const pdf = new PdfWriter({ title: 'Register' }, {});
 * pdf.addPage('portrait');
 * pdf.text('Zoë', 40, 60, { size: 12 });
 * const bytes = await pdf.finish();
 * ```
 * @internal
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts = new FontBook();
  readonly #chunks: Buffer[] = [];
  readonly #ended: Promise<void>;
  readonly #registered = new Set<string>();
  readonly #size: readonly [number, number];
  #pages = 0;

  constructor(info: { readonly title: string; readonly subject?: string }, options: PdfOptions) {
    const { createdAt = FIXED_CREATED_AT, pageSize = 'A4' } = options;
    const created = new Date(createdAt);
    if (Number.isNaN(created.getTime())) throw new RangeError(`createdAt is not an ISO instant: ${createdAt}`);
    this.#size = SIZES[pageSize];
    this.doc = new PDFDocument({
      autoFirstPage: false,
      compress: true,
      info: { Title: info.title, ...(info.subject ? { Subject: info.subject } : {}), Creator: 'examcycle', Producer: 'examcycle (pdfkit)', CreationDate: created, ModDate: created },
      lang: 'en-GB',
      displayTitle: true,
    });
    this.doc.on('data', (c: Buffer) => this.#chunks.push(c));
    this.#ended = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
  }

  /** Pages so far. */
  get pages(): number {
    return this.#pages;
  }

  /** Starts a page; returns its width and height in points. */
  addPage(layout: 'portrait' | 'landscape'): { width: number; height: number } {
    const [w, h] = this.#size;
    const size: [number, number] = layout === 'portrait' ? [w, h] : [h, w];
    this.doc.addPage({ size, margin: 0 });
    this.#pages++;
    return { width: size[0], height: size[1] };
  }

  /** The width of a string at a size. */
  width(text: string, size: number, weight: FontWeight = 400): number {
    return this.fonts.width(text, size, weight);
  }

  /**
   * Draws one line of text with its baseline at `y`; returns the width drawn.
   *
   * @param text - the text (any script the font book has)
   * @param x - left edge, points
   * @param y - baseline, points from the top
   * @param style - size, weight, width to cut to, alignment, colour
   */
  text(text: string, x: number, y: number, style: TextStyle): number {
    const weight = style.weight ?? 400;
    const shown = style.width === undefined ? text : this.fonts.fit(text, style.size, weight, style.width);
    const w = this.fonts.width(shown, style.size, weight);
    let at = x;
    if (style.width !== undefined && style.align === 'center') at = x + (style.width - w) / 2;
    else if (style.width !== undefined && style.align === 'right') at = x + style.width - w;
    this.doc.fillColor(style.color ?? '#000000');
    for (const run of this.fonts.runs(shown, weight)) {
      if (!this.#registered.has(run.face.key)) {
        // pdfkit takes a fontkit font as well as bytes: the book's, which remembers shaped runs.
        this.doc.registerFont(run.face.key, this.fonts.pdfFont(run.face) as unknown as Buffer);
        this.#registered.add(run.face.key);
      }
      this.doc.font(run.face.key).fontSize(style.size);
      const features = runFeatures(run.face, run.text);
      // pdfkit passes `features` through to fontkit, which takes an object of feature switches too.
      this.doc.text(run.text, at, y, { lineBreak: false, baseline: 'alphabetic', ...(features ? { features: features as unknown as PDFKit.Mixins.OpenTypeFeatures[] } : {}) });
      at += this.fonts.width(run.text, style.size, weight);
    }
    return w;
  }

  /**
   * Draws text wrapped to a width at word breaks; returns the baseline after the last line.
   *
   * @param text - the text
   * @param x - left edge
   * @param y - first baseline
   * @param width - the width to wrap to
   * @param style - size and weight
   */
  paragraph(text: string, x: number, y: number, width: number, style: { readonly size: number; readonly weight?: FontWeight; readonly color?: string }): number {
    const weight = style.weight ?? 400;
    const lead = style.size * 1.3;
    let line = '';
    let at = y;
    for (const word of text.split(/\s+/).filter((s) => s.length > 0)) {
      const next = line ? `${line} ${word}` : word;
      if (line && this.fonts.width(next, style.size, weight) > width) {
        this.text(line, x, at, { ...style, weight });
        at += lead;
        line = word;
      } else line = next;
    }
    if (line) {
      this.text(line, x, at, { ...style, weight, width });
      at += lead;
    }
    return at;
  }

  /** Ends the file and returns its bytes. */
  async finish(): Promise<Uint8Array> {
    this.doc.end();
    await this.#ended;
    const all = Buffer.concat(this.#chunks);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  }
}
