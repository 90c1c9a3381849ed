/**
 * The results reader reads the usual line straight from its text (issue 16): a UCI, no ULN, an entry code, a
 * result code and a grade, with nothing else but an endorsement or a three-digit score. Every other line goes
 * the long way, through the layout's codec and `resultRecordFromValues`. The quick reading must take only lines
 * the codec reads without an issue, strict or not, and give the very record the long way gives, key order
 * included; and a reading must not keep the file's text alive through the strings it keeps.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { uciCheckCharacter } from '@examcycle/core';
import { decodeEdiRecord, ediLines, readEdiFile, readResultsFile, resultsLayoutFor, writeResultsFile, type EdiResultInput, type EdiResultRecord, type WriteResultsFileOptions } from '@examcycle/adapter-mis';
import { quickResultRecord, quickResultsCache, resultRecordFromValues, type QuickResultsCache } from '../src/edi/resultsRecord.js';
import { opaqueFieldsOf } from '../src/edi/readResultsFile.js';

const options: WriteResultsFileOptions = { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' };

function uciFor(centre: string, candidate: number): string {
  const body = `${centre}026${String(candidate).padStart(4, '0')}`;
  return body + uciCheckCharacter(body)!;
}

/** What the long way reads a line as: the record and every issue, strict or lenient. */
function longWay(line: string, lineNo: number, strict: boolean): { record: EdiResultRecord | undefined; issues: unknown[] } {
  const type = strict ? line.charAt(46) : line.charAt(46).toUpperCase();
  const layout = resultsLayoutFor(type);
  if (layout === undefined) return { record: undefined, issues: ['no layout'] };
  const decoded = decodeEdiRecord(line, layout, { line: lineNo }, { strict });
  const issues: unknown[] = [...decoded.issues];
  const record = decoded.values === undefined ? undefined : resultRecordFromValues(decoded.values, { line: lineNo }, opaqueFieldsOf(layout), issues as never[]);
  return { record, issues };
}

/** The quick record equals the long way's, field for field and in the same order (the same hidden class). */
function expectSameRecord(quick: EdiResultRecord, line: string, lineNo: number): void {
  for (const strict of [true, false]) {
    const reference = longWay(line, lineNo, strict);
    expect(reference.issues).toEqual([]);
    expect(Object.keys(quick)).toEqual(Object.keys(reference.record!));
    expect(quick).toStrictEqual(reference.record);
  }
}

/** Usual results: a few candidates (some with two UCIs across the file), a few codes, each result type's usual shape. */
const usualArb = fc.array(
  fc
    .record({
      centre: fc.constantFrom('12345', '12345', '68199'),
      candidate: fc.integer({ min: 1, max: 6 }),
      otherUci: fc.boolean(),
      entryCode: fc.constantFrom('8300F', '8300H', '7357', 'E0001', 'A1', 'QB0001'),
      sameCode: fc.boolean(),
      // six-character codes that differ only in their last column, and shorter ones
      resultCode: fc.constantFrom('8300', 'U1', 'QDA1X1', 'QDA1X2'),
      kind: fc.constantFrom('grade', 'endorsed', 'U', 'M'),
      type: fc.constantFrom('1', '2', '3'),
      grade: fc.constantFrom('9', '4', 'A*', 'U', 'X', 'L2', '1'),
      endorsement: fc.constantFrom('P', 'M', 'D', 'D*'),
      score: fc.integer({ min: 0, max: 999 }),
    })
    .map((r): EdiResultInput => {
      const uci = r.otherUci ? uciFor(r.centre, r.candidate + 100) : uciFor(r.centre, r.candidate);
      const who = { centreNumber: r.centre, candidateNumber: String(r.candidate).padStart(4, '0'), uci, entryCode: r.entryCode, resultCode: r.sameCode ? r.entryCode : r.resultCode };
      if (r.kind === 'U') return { ...who, resultType: 'U', uniformMark: r.score, grade: r.grade };
      if (r.kind === 'M') return { ...who, resultType: 'M', mark: r.score, grade: r.grade };
      return { ...who, resultType: r.type as '1', grade: r.grade, ...(r.kind === 'endorsed' ? { endorsement: r.endorsement } : {}) };
    }),
  { minLength: 1, maxLength: 30 },
);

/** The detail lines of a written results file. */
function detailLines(results: readonly EdiResultInput[]): string[] {
  const out = writeResultsFile(results, options);
  expect(out.issues).toEqual([]);
  return ediLines(out.content!).filter((l) => l.startsWith('R5'));
}

/** Changes to a line: characters a codec takes or refuses (space, digits, case, outside ASCII), at any column. */
const damageArb = fc.array(
  fc.record({ at: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 61, max: 191 }) }), char: fc.constantFrom(' ', '0', '9', 'A', 'a', 'P', '*', 'é', '\t', 'R', '1', 'U', 'M', 'B', '3') }),
  { maxLength: 6 },
);

describe('readResultsFile reads the usual line straight from its text', () => {
  test.prop([usualArb], { seed: 4216, numRuns: 200 })('takes every usual line quickly, into the record the codec and resultRecordFromValues make of it', (results) => {
    const cache = quickResultsCache();
    detailLines(results).forEach((line, i) => {
      const quick = quickResultRecord(line, i + 3, cache);
      expect(quick, line).toBeDefined();
      expectSameRecord(quick!, line, i + 3);
    });
  });

  test.prop([usualArb, fc.array(damageArb, { minLength: 1, maxLength: 30 })], { seed: 4217, numRuns: 400 })(
    'takes a damaged line only when the codec reads it without an issue, strict or not, and then as the codec does (one cache across the file)',
    (results, damages) => {
      const cache: QuickResultsCache = quickResultsCache();
      let taken = 0;
      detailLines(results).forEach((line, i) => {
        const chars = [...line];
        for (const d of damages[i % damages.length]!) chars[d.at] = d.char;
        const damaged = chars.join('');
        const quick = quickResultRecord(damaged, i + 3, cache);
        if (quick === undefined) return;
        taken += 1;
        expectSameRecord(quick, damaged, i + 3);
      });
      expect(taken).toBeLessThanOrEqual(results.length);
    },
  );

  it('leaves to the long way: a ULN, a second grade, an absence, undescribed columns, a short line, lower case, B and C', () => {
    const [line] = detailLines([{ centreNumber: '12345', candidateNumber: '0001', uci: uciFor('12345', 1), entryCode: '8300F', resultCode: '8300F', resultType: '1', grade: '7' }]);
    const at = (s: string, col: number, text: string): string => s.slice(0, col - 1) + text + s.slice(col - 1 + text.length);
    const cache = quickResultsCache();
    expect(quickResultRecord(line!, 3, cache)).toEqual({ line: 3, centreNumber: '12345', candidateNumber: '0001', uci: uciFor('12345', 1), resultCode: '8300F', resultType: '1', entryCode: '8300F', grade: '7' });
    const others = {
      uln: at(line!, 25, '9123456786'),
      secondGrade: at(line!, 50, '6'),
      absence: at(line!, 56, 'A'),
      unused: at(line!, 60, 'Z'),
      undescribed: at(line!, 120, 'SMITH'),
      short: line!.trimEnd(),
      lowerType: at(at(line!, 47, 'u'), 48, '212'),
      typeB: at(line!, 47, 'B'),
      paddedCode: at(line!, 35, ' 8300'),
      lowerUci: at(line!, 12, uciFor('12345', 1).toLowerCase()),
      badCheck: at(line!, 24, uciFor('12345', 1).endsWith('A') ? 'B' : 'A'),
      noGrade: at(line!, 48, '  '),
      spacedGrade: at(line!, 48, ' 7'),
      spacedEndorsement: at(line!, 52, ' P'),
    };
    for (const [why, other] of Object.entries(others)) expect(quickResultRecord(other, 3, cache), why).toBeUndefined();
    // the long way still reads the ones it can, e.g. the ULN, with no issue
    expect(longWay(others.uln, 3, true).record).toMatchObject({ uln: '9123456786', grade: '7' });
  });

  it('reads the same file the same, with the usual lines and the rest interleaved', () => {
    const results: EdiResultInput[] = [
      { centreNumber: '12345', candidateNumber: '0001', uci: uciFor('12345', 1), entryCode: '8300F', resultCode: '8300F', resultType: '1', grade: '7' },
      { centreNumber: '12345', candidateNumber: '0001', uci: uciFor('12345', 1), uln: '9123456786', entryCode: '8300F', resultCode: '8300F', resultType: '1', grade: '7' },
      { centreNumber: '12345', candidateNumber: '0001', uci: uciFor('12345', 1), entryCode: '8464H', resultCode: '8464H', resultType: 'U', uniformMark: 7, grade: '4' },
      { centreNumber: '12345', candidateNumber: '0002', entryCode: '7357', resultCode: '7357', resultType: 'M', mark: 241, grade: 'A*' },
      { centreNumber: '12345', candidateNumber: '0003', uci: uciFor('12345', 3), entryCode: '8300H', resultCode: '8300H', resultType: '1', grade: 'X', absence: { grade: 'A' } },
      { centreNumber: '12345', candidateNumber: '0003', uci: uciFor('12345', 3), entryCode: '8300H', resultCode: '8300', resultType: '2', grade: 'L2', endorsement: 'D' },
    ];
    const out = writeResultsFile(results, options);
    const read = readResultsFile(out.content!, { strict: true });
    expect(read.issues).toEqual([]);
    expect(read.results).toEqual(out.results);
    expect(read.results[5]).toEqual({ line: 8, centreNumber: '12345', candidateNumber: '0003', uci: uciFor('12345', 3), resultCode: '8300', resultType: '2', entryCode: '8300H', grade: 'L2', endorsement: 'D' });
  });
});

describe('readEdiFile: a decoder\'s quickRecord', () => {
  it('is tried first; the record it returns is kept without the codec, and a line it leaves goes to layoutFor and toRecord', () => {
    const results: EdiResultInput[] = [1, 2, 3].map((n) => ({ centreNumber: '12345', candidateNumber: String(n).padStart(4, '0'), uci: uciFor('12345', n), entryCode: '8300F', resultCode: '8300F', resultType: '1', grade: String(n) }));
    const content = writeResultsFile(results, options).content!;
    const long: number[] = [];
    const read = readEdiFile<string>(content, {
      dataTypes: ['R'],
      kind: 'centre',
      detail: {
        quickRecord: (line, where) => (line.charAt(10) === '2' ? undefined : `quick ${where.line}`),
        layoutFor: (line) => resultsLayoutFor(line.charAt(46))!,
        toRecord: (values, where) => {
          long.push(where.line);
          return `long ${where.line} ${values['grade']}`;
        },
      },
    });
    expect(read.issues).toEqual([]);
    expect(read.centres[0]!.details).toEqual(['quick 3', 'long 4 2', 'quick 5']);
    expect(long).toEqual([4]);
  });
});

// A real collector, to weigh what a reading keeps (the flag must be set before the context is made).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('readResultsFile keeps its records, not the file', () => {
  it("the results of a 100,000-line file, kept, do not keep the file's text alive (measured with a real collector)", () => {
    const results: EdiResultInput[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const n = (i % 2_000) + 1;
      results.push({ centreNumber: '12345', candidateNumber: String(n).padStart(4, '0'), uci: uciFor('12345', n), entryCode: `E${i % 50}`, resultCode: `E${i % 50}`, resultType: '1', grade: String((i % 9) + 1) });
    }
    const content = writeResultsFile(results, options).content!;
    gc();
    const before = process.memoryUsage().heapUsed;
    // the file as a reader gets it, bytes: the reader decodes them into one text of its own, 19.4 MB
    const kept = readResultsFile(new TextEncoder().encode(content)).results;
    gc();
    const bytes = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(100_000);
    // 100,000 records of shared strings are about 11 MB; a record's UCI kept as a view of the text kept it
    // all (measured: 17.5 MB)
    expect(bytes).toBeLessThan(content.length * 0.75);
  });
});
