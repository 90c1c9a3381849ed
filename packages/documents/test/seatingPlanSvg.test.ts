import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { seatingPlanSvg } from '@examcycle/documents';
import { PAPERS, ROOMS, syntheticCentre, UNICODE_NAMES } from './fixtures/syntheticCentre.js';

const centre = syntheticCentre();
const hall = ROOMS.find((r) => r.id === 'hall')!;
const aa1 = ROOMS.find((r) => r.id === 'aa1')!;
const input = (room = hall) => ({ centre: { centreNumber: '99999', name: 'Synthetic Community College' }, plan: centre.plan, room, candidates: centre.candidates, papers: PAPERS });

/** Parses SVG text strictly: any XML error or warning fails the test. */
function parse(svg: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return doc;
}

function groups(doc: Document, cls: string): Element[] {
  return (Array.from(doc.getElementsByTagName('g') as ArrayLike<Element>)).filter((g) => (g.getAttribute('class') ?? '').split(' ').includes(cls));
}

describe('seatingPlanSvg', () => {
  it('is well-formed SVG with one seat element per seated candidate, carrying the seat and candidate number', () => {
    const doc = parse(seatingPlanSvg(input()));
    expect(doc.documentElement?.tagName).toBe('svg');
    const roomPlan = centre.plan.rooms.find((r) => r.roomId === 'hall')!;
    const seats = groups(doc, 'seat');
    expect(seats).toHaveLength(roomPlan.seats.length);
    expect(seats.map((g) => `${g.getAttribute('data-seat')}=${g.getAttribute('data-candidate-number')}`).sort()).toEqual(roomPlan.seats.map((s) => `${s.seat}=${s.candidateNumber}`).sort());
  });

  it('draws every place of the grid: seats switched off crossed, the rest free or left empty', () => {
    const doc = parse(seatingPlanSvg(input()));
    expect(groups(doc, 'off').map((g) => g.getAttribute('data-seat')).sort()).toEqual(['A1', 'A15']);
    const places = groups(doc, 'seat').length + groups(doc, 'place').length;
    expect(places).toBe(hall.rows * hall.columns);
  });

  it('shows the centre number, the room, the session, each paper, the front and the invigilator desk', () => {
    const text = Array.from(parse(seatingPlanSvg(input())).getElementsByTagName('text') as ArrayLike<Element>).map((t) => t.textContent).join('\n');
    expect(text).toContain('Centre 99999');
    expect(text).toContain('Sports hall');
    expect(text).toContain('Tuesday 2 June 2026');
    expect(text).toContain('Morning (AM)');
    expect(text).toContain('AQA 8300/1H GCSE Mathematics Paper 1 (Higher)');
    expect(text).toContain('AQA 8461/1H GCSE Biology Paper 1 (Higher)');
    expect(text).toContain('FRONT');
    expect(text).toContain('Invigilator desk');
  });

  it('marks access-arrangement candidates and explains each mark in the legend', () => {
    const hallDoc = parse(seatingPlanSvg(input()));
    const hallText = Array.from(hallDoc.getElementsByTagName('text') as ArrayLike<Element>).map((t) => t.textContent);
    expect(hallText).toContain('ET');
    expect(hallText).toContain('Extra time (access arrangement)');
    const roomDoc = parse(seatingPlanSvg(input(aa1)));
    const seats = groups(roomDoc, 'seat');
    expect(seats).toHaveLength(1);
    const seatText = Array.from(seats[0]!.getElementsByTagName('text') as ArrayLike<Element>).map((t) => t.textContent);
    expect(seatText).toEqual(['0003', 'NGUYỄN', 'Thị Minh', 'R']);
    expect(Array.from(roomDoc.getElementsByTagName('text') as ArrayLike<Element>).map((t) => t.textContent)).toContain('Reader (access arrangement)');
  });

  it('prints names in their own script, escaped for XML', () => {
    const svg = seatingPlanSvg(input());
    for (const n of UNICODE_NAMES.filter((x) => x.surname !== 'Nguyễn')) {
      expect(svg).toContain(n.forenames);
    }
    expect(svg).toContain('O&apos;BRIEN');
    expect(svg).toContain('العلي');
    expect(svg).toContain('王');
  });

  it('is the same text for the same input', () => {
    expect(seatingPlanSvg(input())).toBe(seatingPlanSvg(input()));
  });

  it('refuses a room that is not in the plan', () => {
    expect(() => seatingPlanSvg(input({ ...hall, id: 'nowhere' }))).toThrow(/not in seating plan/);
  });
});
