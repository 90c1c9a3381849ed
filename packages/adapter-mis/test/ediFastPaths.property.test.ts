/**
 * The EDI entries reader and writer take fast paths (issue 16): the reader shares each unflagged entry code's
 * slot and each date of birth across a file's lines, the writer pads each field by a quick check of the value
 * and falls back to the reference check only when that cannot decide, and a plain name is only upper-cased.
 * Each fast path must agree with the reference path on seeded random input, good and damaged: these tests
 * compare them through the public API.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type CalendarDate, type Candidate, type Entry } from '@examcycle/core';
import {
  birthCentury,
  decodeEdiRecord,
  ediLines,
  ediText,
  encodeEdiRecord,
  ENTRIES_DETAIL_LAYOUT,
  ENTRY_SLOTS_PER_RECORD,
  fromEdiDate,
  readEntriesFile,
  toEdiCandidateName,
  toEdiDate,
  writeEntriesFile,
  type EdiEntriesCandidate,
  type EdiEntrySlot,
  type WriteEntriesFileOptions,
} from '@examcycle/adapter-mis';
import { candidateOfRow } from './fixtures/ediCandidate.js';

const CENTRE = '12345';
const AQA = { id: 'AQA', name: 'AQA', ediId: '70' };
const options = (candidateStatus: string): WriteEntriesFileOptions => ({ centreNumber: CENTRE, awardingBody: AQA, series: { code: '6A', year: '26' }, sequence: 5, producedOn: '2026-02-10', candidateStatus });

const word = fc.stringMatching(/^[A-Za-z][A-Za-z'-]{0,6}[A-Za-z]$/);
/** Dates of birth, most of them on a few days of the year in different years (a cache by `ddmmyy` must tell them apart). */
const dobArb = fc
  .record({ y: fc.integer({ min: 1927, max: 2026 }), m: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 12 })), d: fc.oneof(fc.constant(14), fc.integer({ min: 1, max: 28 })) })
  .map(
  ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as CalendarDate,
);
/** Entry codes, a few of them awkward: lower case, spaces at either end, too long, outside ASCII. */
const codeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('8300F', '8300H', '7357', '8461H', '1MA1F', 'Y300') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Z0-9][A-Z0-9/]{0,5}$/) },
  { weight: 1, arbitrary: fc.constantFrom('ab1', ' A1', 'A1 ', 'ABCDEFG', 'Ä1', '') },
);

const centreArb = fc
  .record({
    candidateStatus: fc.constantFrom('C', 'C', 'C', '', ' ', 'c', 'CC', 'é', '1'),
    rows: fc.uniqueArray(
      fc.record({
        number: fc.integer({ min: 1, max: 9999 }),
        surname: word,
        forenames: fc.array(word, { maxLength: 2 }).map((w) => w.join(' ')),
        dob: dobArb,
        sex: fc.constantFrom<string | undefined>('M', 'F', 'F', undefined, 'm', ' ', 'X', 'MF'),
        uci: fc.boolean(),
        codes: fc.array(codeArb, { maxLength: 30 }),
      }),
      { minLength: 1, maxLength: 8, selector: (r) => r.number },
    ),
  })
  .map(({ candidateStatus, rows }) => {
    // a sex outside M/F is what an untyped caller can pass: the writer must refuse it
    const candidates: Candidate[] = rows.map((r, i) => candidateOfRow(CENTRE, i, r));
    const entries: Entry[] = rows.flatMap((r, i) =>
      r.codes.map((code, j) => ({ id: `e${i}-${j}`, candidateId: `c${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: code, componentCodes: [], status: 'submitted' as const, identityVerified: false })),
    );
    return { candidateStatus, candidates, entries };
  });

/** The values of one detail record by field name, as the reference encoder takes them. */
function recordValues(c: EdiEntriesCandidate, slots: readonly EdiEntrySlot[]): Record<string, string> {
  const values: Record<string, string> = {
    dataType: c.dataType,
    recordType: '5',
    candidateStatus: c.candidateStatus,
    centreNumber: c.centreNumber,
    candidateNumber: c.candidateNumber,
    candidateName: c.candidateName,
    sex: c.sex,
    dateOfBirth: c.dateOfBirth === undefined ? '000000' : toEdiDate(c.dateOfBirth),
    uci: c.uci ?? '',
    upn: c.upn ?? '',
    uln: c.uln ?? '',
    qualifierFlag: c.qualifierFlag,
    optionalCentreNumber: c.optionalCentreNumber ?? '',
    optionalCandidateNumber: c.optionalCandidateNumber ?? '',
    documentationGroup: c.documentationGroup,
  };
  slots.forEach((s, i) => {
    values[`entryCode${i + 1}`] = s.code;
    values[`entryFlag${i + 1}`] = s.flag;
  });
  return values;
}

describe('writeEntriesFile, quick field checks', () => {
  test.prop([centreArb], { seed: 1616, numRuns: 300 })('writes every detail line byte for byte as encodeEdiRecord writes its values, and refuses what it refuses', ({ candidateStatus, candidates, entries }) => {
    const out = writeEntriesFile(candidates, entries, options(candidateStatus));
    const lines = out.content === undefined ? [] : ediLines(out.content);
    for (const c of out.candidates) {
      c.lines.forEach((lineNo, k) => {
        const encoded = encodeEdiRecord(recordValues(c, c.entries.slice(k * ENTRY_SLOTS_PER_RECORD, (k + 1) * ENTRY_SLOTS_PER_RECORD)), ENTRIES_DETAIL_LAYOUT);
        expect(encoded.ok ? encoded.line : encoded.issues).toBe(lines[lineNo - 1]);
      });
    }
    // a candidate the writer refused at encoding is one the reference encoder refuses, for the same reasons
    const written = new Set(out.candidates.map((c) => c.candidateNumber));
    for (const candidate of candidates) {
      const encodingIssues = out.issues.filter((i) => i.subject?.candidateId === candidate.id && (i.location?.field === 'candidateStatus' || i.location?.field === 'sex') && i.severity === 'error');
      if (written.has(candidate.candidateNumber)) expect(encodingIssues).toEqual([]);
      if (encodingIssues.length === 0) continue;
      const name = toEdiCandidateName(candidate.legalSurname, candidate.legalForenames).name!;
      const reference = encodeEdiRecord(
        { dataType: 'E', recordType: '5', candidateStatus, centreNumber: CENTRE, candidateNumber: candidate.candidateNumber, candidateName: name, sex: candidate.sex ?? '', dateOfBirth: toEdiDate(candidate.dateOfBirth), uci: candidate.uci ?? '' },
        ENTRIES_DETAIL_LAYOUT,
      );
      expect(reference.ok).toBe(false);
      if (!reference.ok) expect(encodingIssues.map((i) => i.message)).toEqual(reference.issues.map((i) => i.message));
    }
  });
});

describe('readEntriesFile, shared slots and dates', () => {
  const flipArb = fc.array(fc.record({ at: fc.nat(), byte: fc.constantFrom(0x20, 0x30, 0x39, 0x41, 0x61, 0x3a, 0xe9) }), { maxLength: 6 });

  test.prop([centreArb, flipArb], { seed: 1617, numRuns: 300 })('reads every detail line as decodeEdiRecord and the birth-century rule read it, good or damaged', ({ candidates, entries }, flips) => {
    const out = writeEntriesFile(candidates, entries, options('C'));
    if (out.content === undefined) return;
    const bytes = new Uint8Array([...out.content].map((ch) => ch.charCodeAt(0)));
    // damage only detail records (lines 3 on), so the headers still give the series year
    const detailStart = 2 * 194;
    for (const f of flips) if (bytes.length > detailStart + 4 * 194) bytes[detailStart + (f.at % (bytes.length - detailStart - 2 * 194))] = f.byte;
    const reading = readEntriesFile(bytes);
    const byLine = new Map(reading.records.map((r) => [r.line, r]));
    ediLines(ediText(bytes)).forEach((line, i) => {
      if (line.charAt(1) !== '5') return;
      const decoded = decodeEdiRecord(line, ENTRIES_DETAIL_LAYOUT, { line: i + 1 });
      const record = byLine.get(i + 1);
      if (record === undefined) {
        expect(reading.issues.some((issue) => issue.location?.line === i + 1 && issue.severity === 'error')).toBe(true);
        return;
      }
      const v = decoded.values!;
      const slots: EdiEntrySlot[] = [];
      for (let k = 1; k <= ENTRY_SLOTS_PER_RECORD; k += 1) if (v[`entryCode${k}`] !== '') slots.push({ code: v[`entryCode${k}`]!, flag: v[`entryFlag${k}`]! });
      expect(record.entries).toEqual(slots);
      expect(record.dateOfBirth).toBe(fromEdiDate(v['dateOfBirth']!, birthCentury(2026)));
      expect([record.candidateName, record.sex, record.uci ?? '', record.candidateStatus]).toEqual([v['candidateName'], v['sex'], v['uci'], v['candidateStatus']]);
    });
  });
});

describe('toEdiCandidateName, plain names', () => {
  const partArb = fc.stringMatching(/^[A-Za-z'.()/\- :éÆ\t]{0,12}$/);

  test.prop([partArb, partArb], { seed: 1618, numRuns: 1000 })('reads a name the same with spaces around it (a plain name is only upper-cased)', (surname, forenames) => {
    const plain = toEdiCandidateName(surname, forenames);
    const padded = toEdiCandidateName(` ${surname} `, `  ${forenames} `);
    expect({ name: plain.name, changes: plain.changes, problems: plain.problems.map((p) => p.message) }).toEqual({
      name: padded.name,
      changes: padded.changes,
      problems: padded.problems.map((p) => p.message),
    });
    if (/^[A-Za-z'.()/-]+( [A-Za-z'.()/-]+)*$/.test(surname) && /^([A-Za-z'.()/-]+( [A-Za-z'.()/-]+)*)?$/.test(forenames) && `${surname}:${forenames}`.length <= 40) {
      expect(plain).toEqual({ name: `${surname.toUpperCase()}:${forenames.toUpperCase()}`, changes: [], problems: [] });
    }
  });
});
