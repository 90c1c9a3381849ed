/**
 * The seating plan of one room as an SVG picture: the drawing of {@link seatingPlanDrawing}, in points
 * (an A4 page, portrait or landscape), one `<g class="seat">` per seated candidate carrying its seat
 * code, candidate number and candidate id as data attributes. Text is Unicode with a Noto font stack, so a
 * browser shapes Arabic and draws Chinese with its own fonts; names are cut to fit their seat with the
 * same Noto metrics the PDF uses.
 */
import { FontBook } from '../fonts/FontBook.js';
import { seatingPlanDrawing, type DrawnBox, type DrawnText, type SeatingPlanDocumentInput, type SeatingPlanDocumentOptions } from './seatingPlanDrawing.js';

const FONT_STACK = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif";

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A number as SVG writes it: at most two decimals, no trailing zeros. */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function textEl(t: DrawnText): string {
  return `<text x="${n(t.x)}" y="${n(t.y)}" font-size="${n(t.size)}"${t.weight === 700 ? ' font-weight="700"' : ''}${t.anchor !== 'start' ? ` text-anchor="${t.anchor}"` : ''}${t.color !== '#111111' ? ` fill="${t.color}"` : ''}>${esc(t.text)}</text>`;
}

function boxEl(b: DrawnBox, extra = ''): string {
  const rect = `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" fill="${b.fill}" stroke="${b.stroke}" stroke-width="0.6"${b.dashed ? ' stroke-dasharray="2 1.5"' : ''}${extra}/>`;
  if (!b.crossed) return rect;
  return `${rect}<path d="M${n(b.x)} ${n(b.y)}L${n(b.x + b.w)} ${n(b.y + b.h)}M${n(b.x + b.w)} ${n(b.y)}L${n(b.x)} ${n(b.y + b.h)}" stroke="${b.stroke}" stroke-width="0.6"/>`;
}

/**
 * Draws the seating plan of one room as SVG text.
 *
 * @param input - the session's plan (core's `planSeating`), the room, candidates (for names), papers and the centre
 * @param options - where the invigilator desk is
 * @returns a standalone SVG document (UTF-8 text)
 * @throws RangeError when the room is not one of the plan's rooms
 * @example
 * ```ts
 * declare const session: TimetableSession; declare const rooms: Room[]; declare const rules: ExamRoomRules; declare const hall: Room; declare const papers: TimetabledPaper[]; declare const candidates: Candidate[];
 * const plan = planSeating({ session, rooms }, { rules });
 * writeFileSync('hall.svg', seatingPlanSvg({ centre: { centreNumber: '99999' }, plan, room: hall, candidates, papers }));
 * ```
 */
export function seatingPlanSvg(input: SeatingPlanDocumentInput, options: SeatingPlanDocumentOptions = {}): string {
  const d = seatingPlanDrawing(input, options, new FontBook());
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(d.width)}pt" height="${n(d.height)}pt" viewBox="0 0 ${n(d.width)} ${n(d.height)}" font-family="${FONT_STACK}" fill="#111111">`);
  out.push(`<title>${esc(d.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${n(d.width)}" height="${n(d.height)}" fill="#ffffff"/>`);
  out.push('<g class="furniture">');
  for (const b of d.boxes) out.push(boxEl(b));
  out.push('</g>');
  out.push('<g class="grid">');
  for (const c of d.cells) {
    const box: DrawnBox = { x: c.x, y: c.y, w: c.w, h: c.h, fill: c.fill, stroke: c.state === 'seated' ? '#111111' : c.state === 'unused' ? '#cccccc' : '#8a8a8a', dashed: c.state === 'free' || c.state === 'unused', crossed: c.state === 'off' };
    if (c.state === 'seated') {
      const cand = c.texts[0]?.text ?? '';
      out.push(`<g class="seat" data-seat="${esc(c.code)}" data-candidate-number="${esc(cand)}" data-candidate-id="${esc(c.candidateId ?? '')}">${boxEl(box)}${c.texts.map(textEl).join('')}</g>`);
    } else out.push(`<g class="place ${c.state}" data-seat="${esc(c.code)}">${boxEl(box)}</g>`);
  }
  out.push('</g>');
  out.push('<g class="labels">');
  for (const t of d.texts) out.push(textEl(t));
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
