import { describe, expect, it } from 'vitest';
import { seatingPlanPdf } from '@examcycle/documents';
import { PAPERS, ROOMS, syntheticCentre, UNICODE_NAMES } from './fixtures/syntheticCentre.js';
import { pdfText, squeeze } from './pdfText.js';

const centre = syntheticCentre();
const input = (roomId: string) => ({ centre: { centreNumber: '99999' }, plan: centre.plan, room: ROOMS.find((r) => r.id === roomId)!, candidates: centre.candidates, papers: PAPERS });

describe('seatingPlanPdf', () => {
  it('fits a 300-place hall on one page, with every seated candidate number and the centre number', async () => {
    const { pages } = await pdfText(await seatingPlanPdf(input('hall')));
    expect(pages).toHaveLength(1);
    const items = new Set(pages[0]!.items);
    for (const s of centre.plan.rooms.find((r) => r.roomId === 'hall')!.seats) expect(items.has(s.candidateNumber), s.candidateNumber).toBe(true);
    expect(pages[0]!.text).toContain('Centre 99999');
    expect(pages[0]!.text).toContain('Invigilator desk');
  });

  it('fits a one-candidate access-arrangements room on one page, the reader marked and explained', async () => {
    const { pages } = await pdfText(await seatingPlanPdf(input('aa1')));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toContain('0003');
    expect(squeeze(pages[0]!.text)).toContain('NGUYỄN');
    expect(pages[0]!.text).toContain('Reader (access arrangement)');
  });

  it('prints every Unicode name so that the text extracted back is the name (Łukasz, Zoë, Nguyễn, Siân, O\'Brien, Arabic, Chinese)', async () => {
    const text = squeeze((await pdfText(await seatingPlanPdf(input('hall')))).pages[0]!.text);
    for (const n of UNICODE_NAMES.filter((x) => x.surname !== 'Nguyễn')) {
      // Arabic words come back one by one (each word is one shaped run), so each word is looked for.
      for (const word of `${n.surname.toLocaleUpperCase('en-GB')} ${n.forenames}`.split(' ')) expect(text, word).toContain(word);
    }
  });

  it('is the same bytes for the same input, and a different creation date is the caller\'s choice', async () => {
    const a = await seatingPlanPdf(input('hall'));
    const b = await seatingPlanPdf(input('hall'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await seatingPlanPdf(input('hall'), { createdAt: '2026-06-01T08:00:00Z' });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });
});
