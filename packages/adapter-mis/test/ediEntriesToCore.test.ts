import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { candidateSchema, entrySchema, examSeries, isExamcycleError, type ObservedImport } from '@examcycle/core';
import { ediEntriesToCore, readEntriesFile, writeEntriesFile, type EdiEntryRecord } from '@examcycle/adapter-mis';
import { AQA, candidates, entries } from './fixtures/centre.js';

const written = writeEntriesFile(candidates, entries, { centreNumber: '12345', awardingBody: AQA, series: { code: '6A', year: '26' }, sequence: 3, producedOn: '2026-02-10' });
const reading = readEntriesFile(written.content!, { file: written.fileName });
const records = reading.records;
const options = { series: examSeries('june', 2026), centre: { centreNumber: '12345' }, awardingBody: { id: 'AQA' }, file: written.fileName } as const;
const byNumber = new Map(candidates.map((c) => [c.candidateNumber, c]));

describe('ediEntriesToCore', () => {
  it('maps the bundled entries file back to the candidates and entries it was written from, valid against core schemas', () => {
    const out = ediEntriesToCore(records, { ...options, candidateId: (r) => byNumber.get(r.candidateNumber)!.id });
    expect(out.issues).toEqual([]);
    expect(out.candidates.map((c) => candidateSchema.parse(c))).toEqual(out.candidates);
    expect(out.entries.map((e) => entrySchema.parse(e))).toEqual(out.entries);
    expect(out.candidates.map(({ id, candidateNumber, uci, uln, upn, dateOfBirth, sex }) => ({ id, candidateNumber, uci, uln, upn, dateOfBirth, sex }))).toEqual(
      candidates.map(({ id, candidateNumber, uci, uln, upn, dateOfBirth, sex }) => ({ id, candidateNumber, uci, uln, upn, dateOfBirth, sex })),
    );
    expect(out.candidates.map((c) => [c.legalSurname, c.legalForenames])).toEqual([['JONES', 'SIAN'], ['ADEYEMI', 'OLAMIDE TOBI'], ['NOWAK', 'LUKASZ'], ['OKAFOR', '']]);
    expect(out.entries.map(({ id: _id, ...e }) => e)).toEqual(entries.map(({ id: _id, ...e }) => e));
  });

  it('gives each candidate the id of the centre and candidate number unless told otherwise, and amendments the status amended', () => {
    const out = ediEntriesToCore(records.map((r) => ({ ...r, dataType: 'A' as const })), options);
    expect(out.candidates.map((c) => c.id)).toEqual(['12345-0001', '12345-0002', '12345-0003', '12345-0004']);
    expect(out.entries[0]).toEqual({ id: '12345-0001.june-2026.AQA.8300H', candidateId: '12345-0001', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', componentCodes: [], status: 'amended', identityVerified: false });
  });

  it('reads a candidate continued on a second record as one candidate, and a conflicting one as an issue at its line', () => {
    const first = records[0]!;
    const more: EdiEntryRecord = { ...first, line: 99, entries: [{ code: '8700', flag: '' }, { code: '8300H', flag: '' }] };
    const clash: EdiEntryRecord = { ...first, line: 100, dateOfBirth: '2009-03-15', entries: [{ code: '8702', flag: '' }] };
    const out = ediEntriesToCore([first, more, clash], options);
    expect(out.candidates).toHaveLength(1);
    expect(out.entries.map((e) => e.entryCode)).toEqual([...first.entries.map((s) => s.code), '8700']);
    expect(out.issues.map((i) => [i.location?.line, i.location?.field, i.code, i.severity ?? 'error'])).toEqual([
      [99, 'entryCode2', 'invalid_value', 'warning'],
      [100, 'dateOfBirth', 'invalid_value', 'error'],
    ]);
  });

  it('leaves out a record for another centre, without a date of birth, or with a code too long, each as an issue at its line', () => {
    const [a, b, c] = records;
    const out = ediEntriesToCore([{ ...a!, centreNumber: '54321' }, { ...b!, dateOfBirth: undefined } as unknown as EdiEntryRecord, { ...c!, entries: [{ code: '8300HXX', flag: '' }] }], options);
    expect(out.issues.map((i) => [i.location?.line, i.location?.file, i.location?.field, i.code])).toEqual([
      [a!.line, written.fileName, 'centreNumber', 'invalid_value'],
      [b!.line, written.fileName, 'dateOfBirth', 'invalid_value'],
      [c!.line, written.fileName, 'entryCode1', 'invalid_value'],
    ]);
    expect(out.candidates.map((x) => x.candidateNumber)).toEqual([c!.candidateNumber]);
    expect(out.entries).toEqual([]);
  });

  it('refuses what is not a list of records, or options without a series, as a programmer error (ExamcycleError)', () => {
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isExamcycleError(e) ? e.code : e;
      }
      return undefined;
    };
    expect(thrown(() => ediEntriesToCore('E5…' as never, options))).toBe('invalid_value');
    expect(thrown(() => ediEntriesToCore(records, { ...options, series: {} as never }))).toBe('invalid_value');
  });

  it('tells an observer the records read, entries made and issues by code; one that throws changes nothing', () => {
    const seen: ObservedImport[] = [];
    let t = 0;
    ediEntriesToCore([...records, { ...records[0]!, line: 50, centreNumber: '54321' }], { ...options, observer: { now: () => (t += 3), onImport: (i) => seen.push(i) } });
    expect(seen).toEqual([{ source: 'edi', kind: 'entries', file: written.fileName, rows: records.length + 1, records: entries.length, issues: { invalid_value: 1 }, durationMs: 3 }]);
    const boom = { now: () => { throw new Error('x'); }, onImport: () => { throw new Error('y'); } };
    expect(ediEntriesToCore(records, { ...options, observer: boom })).toEqual(ediEntriesToCore(records, options));
  });

  const FIELDS = ['line', 'dataType', 'candidateStatus', 'centreNumber', 'candidateNumber', 'candidateName', 'sex', 'dateOfBirth', 'uci', 'upn', 'uln', 'entries'] as const;
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('field' as const), at: fc.nat(), field: fc.constantFrom(...FIELDS), value: fc.oneof(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }), fc.string({ maxLength: 12 }), fc.constant(undefined)) }),
    fc.record({ kind: fc.constant('slot' as const), at: fc.nat(), slot: fc.nat({ max: 4 }), value: fc.oneof(fc.anything({ withNullPrototype: true, withBoxedValues: true }), fc.record({ code: fc.string({ maxLength: 8 }), flag: fc.string({ maxLength: 1 }) })) }),
    fc.record({ kind: fc.constant('record' as const), at: fc.nat(), value: fc.anything({ withNullPrototype: true, withBoxedValues: true, withBigInt: true }) }),
    fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), to: fc.nat() }),
  );
  fcTest.prop([fc.array(mutation, { maxLength: 8 })], { seed: 1731, numRuns: 400 })(
    'mutated records never throw, every output is valid, and no record is lost without an issue at its line',
    (mutations) => {
      const list: unknown[] = records.map((r) => ({ ...r, entries: [...r.entries] }));
      for (const m of mutations) {
        const i = m.at % list.length;
        const target = list[i];
        if (m.kind === 'record') list[i] = m.value;
        else if (m.kind === 'copy') list.splice(m.to % (list.length + 1), 0, target);
        else if (typeof target === 'object' && target !== null) {
          const copy = { ...(target as Record<string, unknown>) };
          if (m.kind === 'field') copy[m.field] = m.value;
          else if (Array.isArray(copy.entries)) copy.entries = Object.assign([...copy.entries], { [m.slot]: m.value });
          list[i] = copy;
        }
      }
      const out = ediEntriesToCore(list as EdiEntryRecord[], options);
      for (const c of out.candidates) expect(candidateSchema.safeParse(c).success).toBe(true);
      for (const e of out.entries) expect(entrySchema.safeParse(e).success).toBe(true);
      const lineOf = (r: unknown) => {
        const line = typeof r === 'object' && r !== null ? (r as { line?: unknown }).line : undefined;
        return typeof line === 'number' && Number.isSafeInteger(line) && line > 0 ? line : 0;
      };
      for (const r of list) {
        if (out.issues.some((i) => (i.location?.line ?? 0) === lineOf(r))) continue;
        const rec = r as EdiEntryRecord;
        const cand = out.candidates.find((c) => c.candidateNumber === rec.candidateNumber);
        expect(cand, `record at line ${lineOf(r)} was lost without an issue`).toBeDefined();
        const codes = new Set(out.entries.filter((e) => e.candidateId === cand!.id).map((e) => e.entryCode));
        for (const slot of rec.entries) expect(codes.has(slot!.code)).toBe(true);
      }
    },
  );
});
