/**
 * Text extracted back from a PDF, page by page, with pdfjs-dist (v4, legacy build: Node 20), as a reader
 * or a screen reader gets it: each page's text items joined in drawing order.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The pages' text: `items` as drawn, `text` all of them joined by spaces. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: { items: string[]; text: string }[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: { items: string[]; text: string }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const items = content.items.map((it) => ('str' in it ? it.str : '')).filter((s) => s.length > 0);
    pages.push({ items, text: items.join(' ') });
  }
  await doc.destroy();
  return { pages };
}

/** Text with every space removed (runs of one name may be drawn as separate items). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
