/**
 * The entries reader reads the usual detail line straight from its text (issue 16): a valid centre and candidate
 * number, a `SURNAME:FORENAMES` name, sex, a real date of birth, valid identifiers where given, no optional numbers
 * or documentation group, and unflagged entry codes filled in order. Every other line goes the long way, through the
 * layout's codec and `entryRecordFromValues`. The quick reading must take only lines the codec reads without an
 * issue, strict or not, and give the very record the long way gives, key order included.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { upnCheckCharacter, type Candidate, type Entry } from '@examcycle/core';
import { decodeEdiRecord, ediLines, ENTRIES_DETAIL_LAYOUT, readEntriesFile, writeEntriesFile, type EdiEntryRecord, type WriteEntriesFileOptions } from '@examcycle/adapter-mis';
import { candidateOfRow } from './fixtures/ediCandidate.js';
import { entriesReadCache, entryRecordFromValues, quickEntryRecord, type EntriesReadCache } from '../src/edi/entriesRecord.js';

const CENTRE = '12345';
const options: WriteEntriesFileOptions = { centreNumber: CENTRE, awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' }, series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-02-10' };

/** What the long way reads a line as, with the reader's own centre check: the record and every issue. */
function longWay(line: string, lineNo: number, seriesYear: number | undefined, centre: string | undefined, strict: boolean): { record: EdiEntryRecord | undefined; issues: unknown[] } {
  const decoded = decodeEdiRecord(line, ENTRIES_DETAIL_LAYOUT, { line: lineNo }, { strict });
  const issues: unknown[] = [...decoded.issues];
  const record = decoded.values === undefined ? undefined : entryRecordFromValues(decoded.values, { line: lineNo }, seriesYear, issues as never[], entriesReadCache());
  if (record !== undefined && centre !== undefined && record.centreNumber !== centre) issues.push('another centre');
  return { record, issues };
}

/** The quick record equals the long way's, field for field and in the same order. */
function expectSameRecord(quick: EdiEntryRecord, line: string, lineNo: number, seriesYear: number | undefined, centre: string | undefined): void {
  for (const strict of [true, false]) {
    const reference = longWay(line, lineNo, seriesYear, centre, strict);
    expect(reference.issues).toEqual([]);
    expect(Object.keys(quick)).toEqual(Object.keys(reference.record!));
    expect(quick).toStrictEqual(reference.record);
  }
}

const word = fc.stringMatching(/^[A-Z][A-Z'-]{0,6}[A-Z]$/);
const codeArb = fc.constantFrom('8300F', '8300H', '7357', '8461H', '1MA1F', 'Y300', 'QB0001', 'QB0002', 'A1');

/** A small centre: candidates with and without sex, UCI, UPN and ULN, and up to 30 entries (continuation records). */
const centreArb = fc
  .uniqueArray(
    fc.record({
      number: fc.integer({ min: 1, max: 9999 }),
      surname: word,
      forenames: fc.array(word, { maxLength: 2 }).map((w) => w.join(' ')),
      dob: fc.constantFrom('2009-03-14', '2010-02-28', '2008-12-01', '1990-06-30'),
      sex: fc.constantFrom<'M' | 'F' | undefined>('M', 'F', undefined),
      uci: fc.boolean(),
      upn: fc.boolean(),
      uln: fc.constantFrom<string | undefined>(undefined, '9123456786'),
      codes: fc.uniqueArray(codeArb, { maxLength: 9 }),
    }),
    { minLength: 1, maxLength: 8, selector: (r) => r.number },
  )
  .map((rows) => {
    const candidates: Candidate[] = rows.map((r, i) => {
      const upnBody = `${String(r.number).padStart(3, '1')}12345678`.slice(0, 11) + 'A';
      const upn = r.upn ? upnCheckCharacter(upnBody) : undefined;
      return candidateOfRow(CENTRE, i, r, { ...(upn === undefined ? {} : { upn: upn + upnBody }), ...(r.uln === undefined ? {} : { uln: r.uln }) });
    });
    const entries: Entry[] = rows.flatMap((r, i) =>
      // thirteen or more codes make a continuation record
      [...r.codes, ...(r.number % 3 === 0 ? ['C1', 'C2', 'C3', 'C4', 'C5'] : [])].map((code, j) => ({ id: `e${i}-${j}`, candidateId: `c${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: code, componentCodes: [], status: 'submitted' as const, identityVerified: false })),
    );
    return { candidates, entries };
  });

/** The detail lines of a written entries file. */
function detailLines(candidates: readonly Candidate[], entries: readonly Entry[]): string[] {
  const out = writeEntriesFile(candidates, entries, options);
  expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return ediLines(out.content!).filter((l) => l.charAt(1) === '5');
}

/** Changes to a line: characters a codec takes or refuses (space, digits, case, colon, outside ASCII), at any column. */
const damageArb = fc.array(
  fc.record({
    at: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 108 }) }, { weight: 2, arbitrary: fc.integer({ min: 108, max: 191 }) }),
    char: fc.constantFrom(' ', '0', '9', 'A', 'a', 'M', 'F', ':', "'", 'é', '\t', 'E', 'C', 'X'),
  }),
  { maxLength: 5 },
);

describe('readEntriesFile reads the usual line straight from its text', () => {
  test.prop([centreArb], { seed: 4218, numRuns: 200 })('takes every usual line quickly, into the record the codec and entryRecordFromValues make of it', ({ candidates, entries }) => {
    const cache = entriesReadCache();
    detailLines(candidates, entries).forEach((line, i) => {
      const quick = quickEntryRecord(line, i + 3, 2026, CENTRE, cache);
      expect(quick, line).toBeDefined();
      expectSameRecord(quick!, line, i + 3, 2026, CENTRE);
    });
  });

  test.prop([centreArb, fc.array(damageArb, { minLength: 1, maxLength: 20 }), fc.constantFrom<number | undefined>(2026, 2026, undefined), fc.constantFrom<string | undefined>(CENTRE, CENTRE, undefined, '68199')], {
    seed: 4219,
    numRuns: 400,
  })('takes a damaged line only when the codec reads it without an issue, strict or not, and then as the codec does (one cache across the file)', ({ candidates, entries }, damages, seriesYear, centre) => {
    const cache: EntriesReadCache = entriesReadCache();
    detailLines(candidates, entries).forEach((line, i) => {
      const chars = [...line];
      for (const d of damages[i % damages.length]!) chars[d.at] = d.char;
      const damaged = chars.join('');
      const quick = quickEntryRecord(damaged, i + 3, seriesYear, centre, cache);
      if (quick !== undefined) expectSameRecord(quick, damaged, i + 3, seriesYear, centre);
    });
  });

  it('leaves to the long way: a flag, a gap between slots, optional numbers, a bad name, lower case, another centre, no series year', () => {
    const [line] = detailLines(
      [{ id: 'c0', centreNumber: CENTRE, candidateNumber: '0001', legalSurname: 'SMITH', legalForenames: 'JO', dateOfBirth: '2009-03-14', sex: 'F', kind: 'internal' }],
      [
        { id: 'e0', candidateId: 'c0', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300F', componentCodes: [], status: 'submitted', identityVerified: false },
        { id: 'e1', candidateId: 'c0', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '7357', componentCodes: [], status: 'submitted', identityVerified: false },
      ],
    );
    const at = (s: string, col: number, text: string): string => s.slice(0, col - 1) + text + s.slice(col - 1 + text.length);
    const cache = entriesReadCache();
    expect(quickEntryRecord(line!, 3, 2026, CENTRE, cache)).toMatchObject({ candidateName: 'SMITH:JO', sex: 'F', dateOfBirth: '2009-03-14', entries: [{ code: '8300F', flag: '' }, { code: '7357', flag: '' }] });
    const others: Record<string, [string, number | undefined, string | undefined]> = {
      flag: [at(line!, 115, 'A'), 2026, CENTRE],
      gap: [at(at(line!, 116, '      '), 123, 'X1'), 2026, CENTRE],
      optionalCentre: [at(line!, 97, '68199'), 2026, CENTRE],
      documentationGroup: [at(line!, 106, 'G'), 2026, CENTRE],
      twoColons: [at(line!, 13, 'SMITH:JO:X'), 2026, CENTRE],
      noColon: [at(line!, 13, 'SMITHJO  '), 2026, CENTRE],
      lowerName: [at(line!, 13, 'smith'), 2026, CENTRE],
      lowerSex: [at(line!, 53, 'f'), 2026, CENTRE],
      notADate: [at(line!, 54, '310209'), 2026, CENTRE],
      paddedCode: [at(line!, 109, ' 8300F'), 2026, CENTRE],
      anotherCentre: [line!, 2026, '68199'],
      noSeriesYear: [line!, undefined, CENTRE],
      short: [line!.trimEnd(), 2026, CENTRE],
    };
    for (const [why, [other, year, centre]] of Object.entries(others)) expect(quickEntryRecord(other, 3, year, centre, cache), why).toBeUndefined();
    // the long way still reads a flagged slot, with no issue
    expect(longWay(others['flag']![0], 3, 2026, CENTRE, true).record?.entries).toEqual([{ code: '8300F', flag: 'A' }, { code: '7357', flag: '' }]);
  });

  it('reads the same file the same: usual lines, flagged ones and continuation records', () => {
    const candidates: Candidate[] = [
      { id: 'c0', centreNumber: CENTRE, candidateNumber: '0001', legalSurname: 'SMITH', legalForenames: 'JO', dateOfBirth: '2009-03-14', sex: 'F', kind: 'internal' },
      { id: 'c1', centreNumber: CENTRE, candidateNumber: '0002', legalSurname: "O'NEIL", legalForenames: 'SAM', dateOfBirth: '2009-05-01', kind: 'internal' },
    ];
    const codes = ['8300F', '7357', '8461H', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'B1', 'B2'];
    const entries: Entry[] = candidates.flatMap((c, i) => codes.slice(0, i === 0 ? 14 : 2).map((code, j) => ({ id: `e${i}-${j}`, candidateId: c.id, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: code, componentCodes: [], status: 'submitted' as const, identityVerified: false })));
    const out = writeEntriesFile(candidates, entries, options);
    const read = readEntriesFile(out.content!, { strict: true });
    expect(read.issues).toEqual([]);
    expect(read.candidates.map((c) => [c.candidateName, c.entries.length, c.lines])).toEqual([
      ['SMITH:JO', 14, [3, 4]],
      ["O'NEIL:SAM", 2, [5]],
    ]);
  });
});
