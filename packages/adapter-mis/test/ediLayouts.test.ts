import { describe, expect, it } from 'vitest';
import { EDI_LAYOUTS, EDI_RECORD_LENGTH, EDI_SOURCES, ENTRIES_DETAIL_LAYOUT, RESULTS_GRADES_LAYOUT, type EdiRecordLayout } from '@examcycle/adapter-mis';

const layouts = Object.values(EDI_LAYOUTS);

function field(layout: EdiRecordLayout, name: string) {
  const f = layout.fields.find((x) => x.field === name);
  if (!f) throw new Error(`no ${name} in ${layout.id}`);
  return f;
}

describe('EDI_LAYOUTS (JCQ formats v14, from the public Aspen implementation)', () => {
  it.each(layouts.map((l) => [l.id, l] as const))('%s covers columns 1 to 192 without gaps or overlaps', (_, layout) => {
    let next = 1;
    for (const f of layout.fields) {
      expect(f.start, `${layout.id}.${f.field}`).toBe(next);
      expect(f.length).toBeGreaterThan(0);
      next = f.start + f.length;
    }
    expect(next - 1).toBe(EDI_RECORD_LENGTH);
  });

  it('names every field once per layout and cites only known sources', () => {
    for (const layout of layouts) {
      const names = layout.fields.map((f) => f.field);
      expect(new Set(names).size, layout.id).toBe(names.length);
      for (const f of layout.fields) {
        for (const s of f.source) expect(EDI_SOURCES[s], `${layout.id}.${f.field} cites ${s}`).toBeDefined();
        if (f.confidence !== 'unknown') expect(f.source.length, `${layout.id}.${f.field} needs a source`).toBeGreaterThan(0);
        if (f.type === 'literal') expect(f.values?.length).toBeGreaterThan(0);
      }
    }
  });

  it('marks every column no source describes as opaque and unknown', () => {
    for (const layout of layouts) {
      for (const f of layout.fields) {
        if (f.confidence === 'unknown') expect(f.type, `${layout.id}.${f.field}`).toBe('opaque');
      }
    }
  });

  it('puts the UCI in positions 60–72 of the entries detail record, as AQA states', () => {
    const uci = field(ENTRIES_DETAIL_LAYOUT, 'uci');
    expect([uci.start, uci.start + uci.length - 1]).toEqual([60, 72]);
    expect(uci.confidence).toBe('corroborated');
    expect(uci.source).toContain('AQA_UCI');
  });

  it('gives the ULN 10 characters (added in v11) and the entries record 12 entry slots', () => {
    expect(field(ENTRIES_DETAIL_LAYOUT, 'uln').length).toBe(10);
    expect(ENTRIES_DETAIL_LAYOUT.fields.filter((f) => f.field.startsWith('entryCode'))).toHaveLength(12);
    expect(field(ENTRIES_DETAIL_LAYOUT, 'entryCode12').start).toBe(186);
  });

  it('gives results grades two characters, as OCR and Pearson state', () => {
    expect(field(RESULTS_GRADES_LAYOUT, 'grade').length).toBe(2);
    expect(field(RESULTS_GRADES_LAYOUT, 'endorsement').length).toBe(2);
  });

  it('marks which fields only the implementation states', () => {
    const counts = { corroborated: 0, implementation: 0, inferred: 0, unknown: 0 };
    for (const layout of layouts) for (const f of layout.fields) counts[f.confidence] += 1;
    expect(counts.implementation).toBeGreaterThan(counts.corroborated);
    expect(counts.unknown).toBeGreaterThan(0);
  });
});
