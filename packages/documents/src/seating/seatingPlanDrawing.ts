/**
 * The seating plan of one room as a drawing, before it is written as SVG or PDF: the room's grid to
 * scale (seat pitch across, row pitch back from the front), each grid place as a seat with its candidate
 * (number, name, arrangement marks, a tint per paper), a free seat, a seat left empty for spacing or
 * capacity, or a seat switched off; the front of the room with the invigilator desk; the heading (centre,
 * room, date, session, papers) and a legend that explains every mark used. The page is chosen so the
 * whole room fits one page: portrait for a deep room, landscape for a wide one, a 300-seat hall and a
 * one-candidate room alike. Both writers draw exactly this, so the SVG and the PDF agree.
 *
 * @internal
 */
import { roomLayout, seatCode, type AccessArrangementKind, type Candidate, type Room, type SeatingPlan, type TimetabledPaper } from '@examcycle/core';
import type { DocumentCentre } from '../DocumentCentre.js';
import type { FontBook, FontWeight } from '../fonts/FontBook.js';
import { ARRANGEMENT_LABELS, sortedKinds } from '../words/arrangementLabels.js';
import { candidateIndex } from '../words/candidateName.js';
import { dayWords } from '../words/examDay.js';

/**
 * What a seating plan document is drawn from.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan; declare const candidates: Candidate[]; declare const papers: TimetabledPaper[]; declare const hall: Room;
 * const input: SeatingPlanDocumentInput = { centre: { centreNumber: '99999' }, plan, room: hall, candidates, papers };
 * const svg = seatingPlanSvg(input);
 * ```
 */
export interface SeatingPlanDocumentInput {
  /** The centre (its number is printed on the plan). */
  readonly centre: DocumentCentre;
  /** The session's plan, from core's `planSeating`. */
  readonly plan: SeatingPlan;
  /** The room to draw: its grid, pitches and switched-off seats (one of the plan's rooms). */
  readonly room: Room;
  /** The candidates (for names). */
  readonly candidates: readonly Candidate[];
  /** The timetabled papers (for titles and times). */
  readonly papers: readonly TimetabledPaper[];
}

/**
 * Options for the seating plan documents.
 *
 * @example
 * ```ts
 * declare const input: SeatingPlanDocumentInput;
 * const options: SeatingPlanDocumentOptions = { invigilatorDesk: 'left' };
 * const pdf = await seatingPlanPdf(input, options);
 * ```
 */
export interface SeatingPlanDocumentOptions {
  /**
   * Where the invigilator desk is along the front of the room.
   * @default 'centre'
   */
  readonly invigilatorDesk?: 'left' | 'centre' | 'right';
}

/** A grid place's state. @internal */
export type CellState = 'seated' | 'free' | 'unused' | 'off';

/** A drawn text line. @internal */
export interface DrawnText {
  readonly text: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
  readonly weight: FontWeight;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly color: string;
}

/** A grid place. @internal */
export interface PlanCell {
  readonly code: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly state: CellState;
  readonly candidateId?: string;
  readonly fill: string;
  readonly texts: readonly DrawnText[];
}

/** A box with a label (the front, the desk, a legend swatch). @internal */
export interface DrawnBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  readonly stroke: string;
  readonly dashed?: boolean;
  readonly crossed?: boolean;
}

/** The drawing. @internal */
export interface SeatingPlanDrawing {
  readonly width: number;
  readonly height: number;
  readonly layout: 'portrait' | 'landscape';
  readonly title: string;
  readonly boxes: readonly DrawnBox[];
  readonly cells: readonly PlanCell[];
  readonly texts: readonly DrawnText[];
}

const PAGE = { portrait: [595.28, 841.89], landscape: [841.89, 595.28] } as const;
const MARGIN = 28;
const INK = '#111111';
const GREY = '#8a8a8a';
/** Light tints, one per paper in the room (repeating after six). */
const PAPER_TINTS = ['#e8f1fb', '#fdf0d9', '#e6f5e6', '#f6e6f3', '#eeeeee', '#e3f4f4'];

function hhmm(minutes: number): string {
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Works out the drawing of one room of a seating plan.
 *
 * @param input - the plan, the room, candidates and papers
 * @param options - where the invigilator desk is
 * @param fonts - the font book (to fit names to seats)
 * @throws RangeError when the room is not one of the plan's rooms
 * @internal
 */
export function seatingPlanDrawing(input: SeatingPlanDocumentInput, options: SeatingPlanDocumentOptions, fonts: FontBook): SeatingPlanDrawing {
  const { centre, plan, room, candidates, papers } = input;
  const { invigilatorDesk = 'centre' } = options;
  const roomPlan = plan.rooms.find((r) => r.roomId === room.id);
  if (!roomPlan) throw new RangeError(`Room ${room.id} is not in seating plan ${plan.id} (rooms: ${plan.rooms.map((r) => r.roomId).join(', ') || 'none'})`);
  const layout = roomLayout(room, plan.spacingMetres);
  const byId = candidateIndex(candidates);
  const paperById = new Map(papers.map((p) => [p.id, p]));
  const paperIndex = new Map(roomPlan.paperIds.map((id, i) => [id, i]));

  const roomW = room.columns * room.seatPitchMetres;
  const roomH = room.rows * room.rowPitchMetres;
  const orientation = roomH >= roomW ? 'portrait' : 'landscape';
  const [width, height] = PAGE[orientation];

  // Heading.
  const texts: DrawnText[] = [];
  const boxes: DrawnBox[] = [];
  const t = (text: string, x: number, y: number, size: number, weight: FontWeight = 400, anchor: DrawnText['anchor'] = 'start', color = INK) => texts.push({ text, x, y, size, weight, anchor, color });
  const day = dayWords(plan.date);
  const title = `Seating plan: ${roomPlan.roomName}, ${day} ${plan.session === 'AM' ? 'morning' : 'afternoon'}`;
  t(`Seating plan — ${roomPlan.roomName}`, MARGIN, MARGIN + 14, 16, 700);
  t(`Centre ${centre.centreNumber}${centre.name ? ` · ${centre.name}` : ''}`, width - MARGIN, MARGIN + 14, 10, 700, 'end');
  t(`${day} · ${plan.session === 'AM' ? 'Morning (AM)' : 'Afternoon (PM)'} session · ${roomPlan.seats.length} candidate${roomPlan.seats.length === 1 ? '' : 's'} · ${plan.spacingMetres} m spacing`, MARGIN, MARGIN + 30, 9);
  let y = MARGIN + 44;
  roomPlan.paperIds.forEach((id, i) => {
    const p = paperById.get(id);
    const line = p ? `${p.awardingBodyId} ${p.componentCode} ${p.title} · starts ${p.startTime} · ${hhmm(p.durationMinutes)}` : id;
    boxes.push({ x: MARGIN, y: y - 7.5, w: 9, h: 9, fill: PAPER_TINTS[i % PAPER_TINTS.length]!, stroke: GREY });
    t(fonts.fit(line, 8.5, 400, width - 2 * MARGIN - 14), MARGIN + 14, y, 8.5);
    y += 12;
  });

  // Legend (bottom), built first so the grid takes what is left.
  const kindsUsed = sortedKinds(roomPlan.seats.flatMap((s) => s.arrangementKinds as AccessArrangementKind[]));
  const legend: { box: Omit<DrawnBox, 'x' | 'y'>; mark?: string; text: string }[] = [
    { box: { w: 12, h: 9, fill: '#ffffff', stroke: INK }, text: 'Seat: candidate number, name' },
    { box: { w: 12, h: 9, fill: '#ffffff', stroke: GREY, dashed: true }, text: 'Free seat' },
    { box: { w: 12, h: 9, fill: '#f4f4f4', stroke: '#cccccc', dashed: true }, text: `Left empty (${plan.spacingMetres} m spacing or capacity)` },
    { box: { w: 12, h: 9, fill: '#dddddd', stroke: GREY, crossed: true }, text: 'Seat switched off' },
    ...kindsUsed.map((k) => ({ box: { w: 12, h: 9, fill: '#fff4d6', stroke: '#b06a00' }, mark: ARRANGEMENT_LABELS[k].mark, text: `${ARRANGEMENT_LABELS[k].words} (access arrangement)` })),
  ];
  const colW = 190;
  const perRow = Math.max(1, Math.floor((width - 2 * MARGIN) / colW));
  const legendRows = Math.ceil(legend.length / perRow);
  const legendTop = height - MARGIN - legendRows * 13 - 12;
  t('Legend', MARGIN, legendTop, 8.5, 700);
  legend.forEach((item, i) => {
    const lx = MARGIN + (i % perRow) * colW;
    const ly = legendTop + 13 + Math.floor(i / perRow) * 13;
    boxes.push({ ...item.box, x: lx, y: ly - 8 });
    if (item.mark) t(item.mark, lx + 6, ly - 1, 6.5, 700, 'middle', '#8a4b00');
    t(item.text, lx + 17, ly, 8);
  });

  // The front of the room and the invigilator desk, then the grid to scale.
  const labelW = 16;
  const frontH = 26;
  const top = y + 4;
  const availW = width - 2 * MARGIN - labelW;
  const availH = legendTop - 14 - top - frontH - labelW;
  const scale = Math.min(availW / roomW, availH / roomH, 90 / Math.min(room.seatPitchMetres, room.rowPitchMetres));
  const gridW = roomW * scale;
  const gx = MARGIN + labelW + (availW - gridW) / 2;
  const frontY = top;
  // The front band is at least wide enough for its labels, even over a one-seat room.
  const frontW = Math.max(gridW, 280);
  const fx = gx + (gridW - frontW) / 2;
  boxes.push({ x: fx, y: frontY, w: frontW, h: frontH - 6, fill: '#f0f0f0', stroke: GREY });
  const deskW = Math.min(120, Math.max(80, frontW / 4));
  const deskX = invigilatorDesk === 'left' ? fx + 4 : invigilatorDesk === 'right' ? fx + frontW - deskW - 4 : fx + (frontW - deskW) / 2;
  boxes.push({ x: deskX, y: frontY + 3, w: deskW, h: frontH - 12, fill: '#ffffff', stroke: INK });
  t('Invigilator desk', deskX + deskW / 2, frontY + frontH / 2, 7, 700, 'middle');
  const frontLabelX = invigilatorDesk === 'left' ? fx + frontW - 6 : fx + 6;
  t('FRONT', frontLabelX, frontY + frontH / 2, 7, 700, invigilatorDesk === 'left' ? 'end' : 'start', GREY);
  const gy = frontY + frontH + labelW - 4;

  const cw = room.seatPitchMetres * scale;
  const ch = room.rowPitchMetres * scale;
  const labelSize = Math.min(8, Math.max(4, Math.min(cw, ch) * 0.35));
  for (let c = 0; c < room.columns; c++) t(String(c + 1), gx + c * cw + cw / 2, gy - 4, labelSize, 400, 'middle', GREY);

  const off = new Set((room.disabledSeats ?? []).map((s) => s.trim().toUpperCase()));
  const usable = new Set(layout.seats.map((s) => s.code));
  const seated = new Map(roomPlan.seats.map((s) => [s.seat, s]));
  const cells: PlanCell[] = [];
  const pad = Math.min(cw, ch) * 0.08;
  const innerW = cw - 2 * pad;
  const innerH = ch - 2 * pad;
  const numberSize = Math.max(3, Math.min(16, innerH * 0.24, innerW / 3.2));
  const nameSize = Math.max(2.5, Math.min(11, innerH * 0.15, numberSize * 0.62));
  const markSize = Math.max(2.5, Math.min(11, innerH * 0.15, numberSize * 0.62));
  for (let r = 0; r < room.rows; r++) {
    const rowCode = seatCode(r, 0).slice(0, -1);
    t(rowCode, gx - 4, gy + r * ch + ch / 2 + labelSize / 3, labelSize, 400, 'end', GREY);
    for (let c = 0; c < room.columns; c++) {
      const code = seatCode(r, c);
      const x = gx + c * cw + pad;
      const cy = gy + r * ch + pad;
      const s = seated.get(code);
      if (s) {
        const cand = byId.get(s.candidateId);
        // Surname (capitals) and forenames on lines of their own, each cut to the seat's width.
        const surname = cand ? cand.legalSurname.toLocaleUpperCase('en-GB') : s.candidateId;
        const forenames = cand?.legalForenames ?? '';
        const marks = sortedKinds(s.arrangementKinds).map((k) => ARRANGEMENT_LABELS[k].mark);
        const pi = paperIndex.get(s.paperIds[0] ?? '') ?? 0;
        const cx = x + innerW / 2;
        const fitW = innerW * 0.94;
        const top0 = cy + Math.min(innerH * 0.3, numberSize * 1.15);
        const lines: DrawnText[] = [{ text: s.candidateNumber, x: cx, y: top0, size: numberSize, weight: 700, anchor: 'middle', color: INK }];
        let ly = top0 + nameSize * 1.2;
        lines.push({ text: fonts.fit(surname, nameSize, 700, fitW), x: cx, y: ly, size: nameSize, weight: 700, anchor: 'middle', color: INK });
        if (forenames) {
          ly += nameSize * 1.15;
          lines.push({ text: fonts.fit(forenames, nameSize, 400, fitW), x: cx, y: ly, size: nameSize, weight: 400, anchor: 'middle', color: INK });
        }
        if (marks.length) lines.push({ text: fonts.fit(marks.join(' '), markSize, 700, fitW), x: cx, y: ly + markSize * 1.2, size: markSize, weight: 700, anchor: 'middle', color: '#8a4b00' });
        cells.push({ code, x, y: cy, w: innerW, h: innerH, state: 'seated', candidateId: s.candidateId, fill: marks.length ? '#fff4d6' : PAPER_TINTS[pi % PAPER_TINTS.length]!, texts: lines });
      } else if (off.has(code)) cells.push({ code, x, y: cy, w: innerW, h: innerH, state: 'off', fill: '#dddddd', texts: [] });
      else if (usable.has(code)) cells.push({ code, x, y: cy, w: innerW, h: innerH, state: 'free', fill: '#ffffff', texts: [] });
      else cells.push({ code, x, y: cy, w: innerW, h: innerH, state: 'unused', fill: '#f4f4f4', texts: [] });
    }
  }
  t(`Grid to scale: ${room.columns} × ${room.rows} places, ${room.seatPitchMetres} m across, ${room.rowPitchMetres} m between rows · plan ${plan.id}`, MARGIN, legendTop - 12, 7, 400, 'start', GREY);
  return { width, height, layout: orientation, title, boxes, cells, texts };
}

