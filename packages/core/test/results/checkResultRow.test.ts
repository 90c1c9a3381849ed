import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { resultSchema } from '@examcycle/core';
import { checkResultRow } from '../../src/results/checkResultRow.js';

/** A field of a row: absent, present but undefined, plainly valid, or wrong in some way zod must explain. */
const field = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<{ present: boolean; value: unknown }> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({ present: false, value: undefined }) },
    { weight: 1, arbitrary: fc.constant({ present: true, value: undefined }) },
    { weight: 6, arbitrary: valid.map((value) => ({ present: true, value })) },
    { weight: 2, arbitrary: invalid.map((value) => ({ present: true, value })) },
  );

const id = field(fc.constantFrom('R-1', 'C-0001', 'june-2026', 'AQA', '8300H', 'é'), fc.constantFrom('', 7, null, ['x']));
const rowArb = fc
  .record({
    id,
    candidateId: id,
    seriesId: id,
    awardingBodyId: id,
    awardCode: id,
    kind: field(fc.constantFrom('qualification', 'component'), fc.constantFrom('Qualification', '', 1)),
    level: field(fc.constantFrom('GCSE', 'GCE', 'functional_skills', 'other'), fc.constantFrom('A-level', 'gcse', '', 3)),
    grade: field(fc.constantFrom('', '7', 'A*', '  ', '98'), fc.constantFrom('ABC', 9, null)),
    mark: field(fc.integer({ min: -5, max: 400 }), fc.constantFrom(Number.NaN, Infinity, '12', null)),
    uniformMark: field(fc.double({ min: 0, max: 300, noNaN: true }), fc.constantFrom(Number.NaN, -Infinity, '1')),
    endorsement: field(fc.constantFrom('Pass', 'Merit', ''), fc.constantFrom(1, null, false)),
    receivedAt: field(
      fc.constantFrom('2026-08-19T00:01:00+01:00', '2026-08-13T07:00:00Z', '2026-08-13T07:00:00.123+01:00'),
      fc.constantFrom('2026-08-19 00:01', '2026-02-29T00:00:00Z', '2026-08-19T00:01+01:00', '2026-08-19', 20260819),
    ),
    extra: field(fc.string(), fc.constant(undefined)),
  })
  .chain((fields) =>
    fc.constantFrom('plain', 'null-prototype', 'class').map((shape) => {
      const row: Record<string, unknown> = shape === 'null-prototype' ? Object.create(null) : shape === 'class' ? new (class Row {})() : {};
      for (const [k, f] of Object.entries(fields)) if (f.present) row[k] = f.value;
      return row;
    }),
  );

describe('checkResultRow (a results file row checked without zod)', () => {
  fcTest.prop([rowArb], { numRuns: 3000, seed: 20260819 })('gives exactly what resultSchema gives for the rows it accepts, fields in the schema order, and leaves the rest to zod', (row) => {
    const fast = checkResultRow(row, new Map());
    const parsed = resultSchema.safeParse(row);
    if (fast !== undefined) {
      expect(parsed.success).toBe(true);
      expect(fast).toStrictEqual(parsed.data);
      expect(Object.keys(fast)).toEqual(Object.keys(parsed.data!));
    }
  });

  it('accepts the usual row of a results file (every field plainly valid), defaulting the kind as zod does', () => {
    const row = { id: 'R-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300H', level: 'GCSE', grade: '7', mark: 61, receivedAt: '2026-08-19T00:01:00+01:00', note: 'dropped' };
    const fast = checkResultRow(row, new Map());
    expect(fast).toStrictEqual(resultSchema.parse(row));
    expect(fast).not.toBe(row);
    expect(Object.keys(fast!)).toEqual(['id', 'candidateId', 'seriesId', 'awardingBodyId', 'awardCode', 'kind', 'level', 'grade', 'mark', 'receivedAt']);
  });

  it('leaves to zod a field present but undefined, a prototype other than Object.prototype, and a receivedAt zod refuses', () => {
    const ok = { id: 'R-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300H', level: 'GCSE', grade: '7' };
    expect(checkResultRow({ ...ok, mark: undefined }, new Map())).toBeUndefined();
    expect(checkResultRow(Object.assign(Object.create(null), ok), new Map())).toBeUndefined();
    const instants = new Map<string, boolean>();
    expect(checkResultRow({ ...ok, receivedAt: '2026-08-19 00:01' }, instants)).toBeUndefined();
    expect(checkResultRow({ ...ok, receivedAt: '2026-08-19 00:01' }, instants)).toBeUndefined();
    expect(instants.get('2026-08-19 00:01')).toBe(false);
  });
});
