import { describe, expect, it } from 'vitest';
import { ediFileName, isEdiSeries, parseEdiFileName, seriesIdOf } from '@examcycle/adapter-mis';

describe('ediFileName (dcccccbb.Xnn)', () => {
  it('names a centre file from its type, centre, awarding body and the last two digits of the sequence', () => {
    expect(ediFileName('E', '12345', '70', 3)).toBe('E1234570.X03');
    expect(ediFileName('a', '12345', '01', 112)).toBe('A1234501.X12');
  });
});

describe('parseEdiFileName', () => {
  it('reads centre files case-insensitively', () => {
    expect(parseEdiFileName('r1234570.x02')).toEqual({ dataType: 'R', centreNumber: '12345', awardingBodyId: '70', sequence: '02', zip: false });
  });

  it('reads basedata names like S6A25_70.X01 and zipped sets like Z6A25_70.zip', () => {
    expect(parseEdiFileName('S6A25_70.X01')).toEqual({ dataType: 'S', series: { code: '6A', year: '25', language: '_' }, awardingBodyId: '70', sequence: '01', zip: false });
    expect(parseEdiFileName('downloads/zba12_01.zip')).toMatchObject({ dataType: 'Z', series: { code: 'ba', year: '12' }, awardingBodyId: '01', zip: true });
  });

  it('rejects names that are not EDI files', () => {
    expect(parseEdiFileName('results.csv')).toBeUndefined();
    expect(parseEdiFileName('S6A25_70.zip')).toBeUndefined();
    expect(parseEdiFileName('E123470.X01')).toBeUndefined();
  });
});

describe('EDI series codes', () => {
  it('maps the JCQ months to core series ids and leaves others unmapped', () => {
    expect(seriesIdOf({ code: '6A', year: '26' })).toBe('june-2026');
    expect(seriesIdOf({ code: 'BG', year: '25' })).toBe('november-2025');
    expect(seriesIdOf({ code: '1a', year: '26' })).toBe('january-2026');
    expect(seriesIdOf({ code: '9W', year: '25' })).toBeUndefined();
    expect(isEdiSeries({ code: '6A', year: '26' })).toBe(true);
    expect(isEdiSeries({ code: 'D1', year: '26' })).toBe(false);
  });
});
