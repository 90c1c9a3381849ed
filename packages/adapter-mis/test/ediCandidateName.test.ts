import { describe, expect, it } from 'vitest';
import { toEdiCandidateName } from '@examcycle/adapter-mis';

describe('toEdiCandidateName (SURNAME:FORENAMES, A–Z and \' . : ( ) / - only)', () => {
  it('upper-cases names and joins them with a colon and no space', () => {
    expect(toEdiCandidateName('Smith', 'John Paul')).toEqual({ name: 'SMITH:JOHN PAUL', changes: [], problems: [] });
  });

  it('ends a surname-only name with a colon', () => {
    expect(toEdiCandidateName('Tang Po Heng', '').name).toBe('TANG PO HENG:');
  });

  it('transliterates diacritics (Siân → SIAN) and reports each change', () => {
    const out = toEdiCandidateName('Ó Briain', 'Siân Zoë');
    expect(out.name).toBe('O BRIAIN:SIAN ZOE');
    expect(out.changes).toEqual([
      { field: 'legalSurname', from: 'Ó', to: 'O', index: 0, reason: 'transliterated' },
      { field: 'legalForenames', from: 'â', to: 'A', index: 2, reason: 'transliterated' },
      { field: 'legalForenames', from: 'ë', to: 'E', index: 7, reason: 'transliterated' },
    ]);
  });

  it('writes letters with no decomposition by their usual spelling (Łukasz, Æsa, Strauß) and curly apostrophes straight', () => {
    expect(toEdiCandidateName('Strauß', 'Łukasz').name).toBe('STRAUSS:LUKASZ');
    expect(toEdiCandidateName('O’Neill', 'Æsa').name).toBe("O'NEILL:AESA");
  });

  it('keeps the allowed punctuation: apostrophe, full stop, brackets, slash and hyphen', () => {
    expect(toEdiCandidateName("Smith-O'Hara (Jr.)", 'A/B').name).toBe("SMITH-O'HARA (JR.):A/B");
  });

  it('reports a character it cannot represent instead of dropping it', () => {
    const out = toEdiCandidateName('李', 'Wei');
    expect(out.name).toBeUndefined();
    expect(out.problems).toEqual([{ field: 'legalSurname', value: '李', message: expect.stringContaining('U+674E') }]);
  });

  it('removes such a character only when asked, and reports the removal', () => {
    const out = toEdiCandidateName('Smith3', 'Ann', { unrepresentable: 'remove' });
    expect(out.name).toBe('SMITH:ANN');
    expect(out.changes).toEqual([{ field: 'legalSurname', from: '3', to: '', index: 5, reason: 'removed' }]);
  });

  it('refuses a colon inside a name part, since it separates surname from forenames', () => {
    expect(toEdiCandidateName('Smith:Jones', 'Ann').problems).toHaveLength(1);
  });

  it('refuses a name longer than the 40-character field rather than cutting it', () => {
    const out = toEdiCandidateName('Montgomery-Featherstonehaugh', 'Alexandra Elizabeth');
    expect(out.name).toBeUndefined();
    expect(out.problems[0]).toMatchObject({ field: 'candidateName', message: expect.stringContaining('48 characters') });
  });

  it('collapses runs of spaces and reports it', () => {
    const out = toEdiCandidateName(' van  der Berg ', 'Anna');
    expect(out.name).toBe('VAN DER BERG:ANNA');
    expect(out.changes).toEqual([{ field: 'legalSurname', from: 'van  der Berg', to: 'van der Berg', index: 0, reason: 'spacing' }]);
  });
});
