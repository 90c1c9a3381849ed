/**
 * Properties: the importer's validation agrees with core's zod schemas, row by row. Most rows of a file
 * are valid, so the importer vouches for a valid row with acceptors compiled from the schema and only
 * asks `safeParse` when one is unsure; these properties check that shortcut against zod itself on
 * random rows, valid and invalid (too long, too short, empty, out of range, impossible dates, instants
 * zod refuses, code points that are two UTF-16 units, missing required cells, derived ids, the
 * check-only identifier columns): a row becomes a record exactly when zod accepts what the file says,
 * the record is exactly zod's output (keys in zod's order, defaults filled in), and a refused row is
 * reported at its line. Both builds of the shortcut are covered: compiled, and the loop used when zod
 * is set `jitless` (hosts that forbid `new Function`).
 */
import {
  RECORD_KINDS,
  accessArrangementSchema,
  candidateSchema,
  certificateSchema,
  entrySchema,
  invigilatorSchema,
  resultSchema,
  roomSchema,
  timetabledPaperSchema,
  type RecordKind,
} from '@examcycle/core';
import { csvColumnSet, exportCsv, importCsv, type CsvColumn } from '@examcycle/adapter-csv';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordsOf, uci } from './domainArbitraries.js';

const SCHEMAS: { readonly [K in RecordKind]: z.ZodType } = {
  candidates: candidateSchema,
  entries: entrySchema,
  timetable: timetabledPaperSchema,
  rooms: roomSchema,
  invigilators: invigilatorSchema,
  access_arrangements: accessArrangementSchema,
  results: resultSchema,
  certificates: certificateSchema,
};

/** Texts a cell reads back exactly, some of which core's schemas refuse (too long for a code or a grade, empty). */
const TEXTS = ['', 'x', 'AB', 'ABC', 'ABCDEF', 'ABCDEFG', '😀', '😀😀', '😀😀😀', '😀😀😀😀', '😀😀😀😀😀😀😀', 'Siân', 'a'.repeat(40), '=1+1', '-5'];
const NUMBERS = [-3, -1, 0, 1, 1.5, 2.25, 25, 90, 100, 101, 150, 1e-7];
const INSTANTS = ['2026-02-20T10:00:00+00:00', '2026-06-01T09:30:00.5+01:00', '2026-02-20T10:00:00Z', '2026-02-30T10:00:00+00:00', '2026-02-20T10:00+00:00'];
const DATES = ['2026-02-28', '2024-02-29', '2026-02-29', '1999-12-31'];

/** Values of a column's kind, valid and invalid, that an export writes and an import reads back unchanged (or refuses). */
function valuesFor(column: CsvColumn): fc.Arbitrary<unknown> {
  const { name } = column.codec;
  const options = (list: string) => list.slice('one of '.length).split(', ');
  if (name.startsWith('list of one of ')) return fc.subarray(options(name.slice('list of '.length)));
  if (name.startsWith('list of date')) return fc.constant([]);
  if (name.startsWith('list of ')) return fc.constantFrom([], ['a'], ['AB', 'CD'], ['😀'], ['8300/1H', '8300/2H']);
  if (name.startsWith('one of ')) return fc.constantFrom(...options(name), 'bogus');
  switch (name) {
    case 'Y/N':
      return fc.boolean();
    case 'date':
      return fc.constantFrom(...DATES);
    case 'time':
      return fc.constantFrom('09:00', '23:59', '13:30');
    case 'date and time':
      return fc.constantFrom(...INSTANTS);
    case 'whole number':
    case 'percentage':
    case 'number':
    case 'minutes':
      return fc.constantFrom(...NUMBERS);
    case '4 digits':
      return fc.constantFrom('0000', '0001', '1234', '9999', '12345', 'ABCD');
    case '5 digits':
      return fc.constantFrom('00000', '12345', '68199', '99999', '123456', 'ABCDE');
    case 'identifier':
      return fc.oneof(uci, fc.constantFrom('X', 'ABC123', '681990012058Z'));
    case 'series':
      return fc.constantFrom('june-2026', '6A25', 'X');
    default:
      return fc.constantFrom(...TEXTS);
  }
}

/** A valid record with up to three fields replaced (by a value of the field's kind, valid or not) or removed. */
function nearRecords(kind: RecordKind): fc.Arbitrary<Record<string, unknown>> {
  const columns = csvColumnSet(kind).columns.filter((c) => c.field !== undefined);
  const change = fc.tuple(fc.constantFrom(...columns), fc.boolean()).chain(([column, remove]) =>
    (remove ? fc.constant(undefined) : valuesFor(column)).map((value) => [column.field!, value] as const),
  );
  return fc
    .tuple(recordsOf(kind), fc.array(change, { maxLength: 3 }))
    .map(([record, changes]) => {
      const near: Record<string, unknown> = { ...(record as Record<string, unknown>) };
      for (const [field, value] of changes) {
        if (value === undefined) delete near[field];
        else near[field] = value;
      }
      return near;
    });
}

/**
 * What core's schema makes of a row, independently of the importer: the draft a file says (an empty
 * cell leaves a field out, or reads as its column's default; a stand-in column fills a missing one; a
 * missing id is derived), then `safeParse`, and the check-only identifier columns.
 */
function zodVerdict(kind: RecordKind, near: Readonly<Record<string, unknown>>, checks: Readonly<Record<string, string>> = {}): { ok: true; record: unknown } | { ok: false } {
  const set = csvColumnSet(kind);
  const read = new Map<string, unknown>();
  for (const column of set.columns) {
    let value: unknown = column.field === undefined ? checks[column.header] : near[column.field];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) value = column.default !== undefined && column.default !== '' ? column.default : column.codec.empty === 'empty_string' ? '' : undefined;
    read.set(column.header, value);
  }
  for (const column of set.columns) {
    if (read.get(column.header) === undefined && column.fallback !== undefined) read.set(column.header, read.get(column.fallback));
  }
  const draft: Record<string, unknown> = {};
  for (const column of set.columns) {
    const value = read.get(column.header);
    if (column.field !== undefined && value !== undefined) draft[column.field] = value;
  }
  if (draft['id'] === undefined && set.derivedId !== undefined) {
    const parts = set.derivedId.map((f) => draft[f]);
    if (parts.every((p) => typeof p === 'string' && p !== '')) draft['id'] = parts.join(':');
  }
  const checksPass = set.columns.every((column) => {
    const value = read.get(column.header);
    return column.check === undefined || value === undefined || column.check.safeParse(value).success;
  });
  const parsed = SCHEMAS[kind].safeParse(draft);
  return parsed.success && checksPass ? { ok: true, record: parsed.data } : { ok: false };
}

/** The physical line each data row starts on, counting the line breaks inside quoted cells. */
function rowLines(header: string, rows: readonly string[]): number[] {
  const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
  let line = 1 + breaks(header);
  return rows.map((row) => {
    const at = line;
    line += breaks(row);
    return at;
  });
}

/** Imports rows and checks them against zod's verdicts; counts how many were valid and invalid. */
function agreeWithZod(kind: RecordKind, rows: readonly string[], header: string, verdicts: ReturnType<typeof zodVerdict>[], seen: { valid: number; invalid: number }): void {
  const result = importCsv(kind, header + rows.join(''));
  expect(result.fatal).toBeUndefined();
  expect(result.rowsRead).toBe(rows.length);
  const expected = verdicts.flatMap((v) => (v.ok ? [v.record] : []));
  expect(result.records).toStrictEqual(expected);
  result.records.forEach((record, i) => expect(Object.keys(record)).toEqual(Object.keys(expected[i] as object)));
  const lines = rowLines(header, rows);
  const refused = new Set(lines.filter((_, i) => !verdicts[i]!.ok));
  expect(new Set(result.issues.map((issue) => issue.location?.line))).toEqual(refused);
  seen.valid += expected.length;
  seen.invalid += refused.size;
}

/** Splits an export into its header line and one text per row (a row may span lines inside quotes). */
function headerAndRows(kind: RecordKind, records: readonly Record<string, unknown>[]): { header: string; rows: string[] } {
  const header = exportCsv(kind, [], {});
  const rows = records.map((r) => exportCsv(kind, [r] as never, { header: false }));
  return { header, rows };
}

function agreement(mode: string): void {
  describe(`importCsv validation (${mode})`, () => {
    for (const kind of RECORD_KINDS) {
      it(`makes a ${kind} record of exactly the rows core's schema accepts, and the very record it returns`, () => {
        const seen = { valid: 0, invalid: 0 };
        fc.assert(
          fc.property(fc.array(nearRecords(kind), { minLength: 1, maxLength: 4 }), (nears) => {
            const { header, rows } = headerAndRows(kind, nears);
            agreeWithZod(kind, rows, header, nears.map((near) => zodVerdict(kind, near)), seen);
          }),
          { numRuns: 80 },
        );
        expect(seen.valid).toBeGreaterThan(0);
        expect(seen.invalid).toBeGreaterThan(0);
      });
    }

    for (const kind of ['entries', 'access_arrangements', 'results', 'certificates'] as const) {
      it(`checks the centre number, candidate number and UCI of ${kind} as core's identifier schemas do, the UCI standing in for a missing candidate id`, () => {
        const seen = { valid: 0, invalid: 0 };
        const centre = fc.constantFrom('', '68199', '00000', '99999', 'ABCDE');
        const candidate = fc.constantFrom('', '0001', '9999', '0000', '12345');
        const ucis = fc.oneof(uci, uci.map((u) => `${u.slice(0, -1)}${u.endsWith('A') ? 'B' : 'A'}`), fc.constant(''));
        const row = fc.record({ near: nearRecords(kind), centre, candidate, uci: ucis, dropId: fc.boolean() });
        fc.assert(
          fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (items) => {
            const nears = items.map(({ near, dropId }) => {
              if (!dropId) return near;
              const { candidateId: _, ...rest } = near;
              return rest;
            });
            const { header, rows } = headerAndRows(kind, nears);
            const extended = rows.map((r, i) => `${r.slice(0, -2)},${items[i]!.centre},${items[i]!.candidate},${items[i]!.uci}\r\n`);
            const verdicts = nears.map((near, i) =>
              zodVerdict(kind, near, { CentreNumber: items[i]!.centre, CandidateNumber: items[i]!.candidate, UCI: items[i]!.uci }),
            );
            agreeWithZod(kind, extended, `${header.slice(0, -2)},CentreNumber,CandidateNumber,UCI\r\n`, verdicts, seen);
          }),
          { numRuns: 60 },
        );
        expect(seen.valid).toBeGreaterThan(0);
        expect(seen.invalid).toBeGreaterThan(0);
      });
    }
  });
}

agreement('compiled');

describe('under zod jitless', () => {
  let before: boolean | undefined;
  beforeAll(() => {
    before = z.config().jitless;
    z.config({ jitless: true });
  });
  afterAll(() => {
    z.config({ jitless: before });
  });
  agreement('jitless, no code compiled');
});

describe('importCsv records', () => {
  it('gives every record its own default list, so changing one entry never changes another', () => {
    const { records } = importCsv('entries', 'CandidateId,Series,AwardingBody,EntryCode\r\nC1,june-2026,AQA,8300F\r\nC2,june-2026,AQA,8300F\r\n');
    expect(records).toHaveLength(2);
    expect(records[0]!.componentCodes).toEqual([]);
    expect(records[0]!.componentCodes).not.toBe(records[1]!.componentCodes);
  });

  it('reads a code of six code points even when it is longer in UTF-16 (zod counts code points)', () => {
    const { records, issues } = importCsv('entries', 'CandidateId,Series,AwardingBody,EntryCode\r\nC1,june-2026,AQA,😀😀😀😀😀😀\r\nC2,june-2026,AQA,😀😀😀😀😀😀😀\r\n');
    expect(records.map((r) => r.entryCode)).toEqual(['😀😀😀😀😀😀']);
    expect(issues).toMatchObject([{ code: 'invalid_value', location: { line: 3, field: 'EntryCode' } }]);
  });

  it('names the record that needs its extra-time percentage (the schema refinement), fast path or not', () => {
    const { records, issues } = importCsv('access_arrangements', 'CandidateId,Arrangement,ExtraTimePercent\r\nC1,extra_time,25\r\nC2,extra_time,\r\n');
    expect(records).toEqual([{ id: 'C1:extra_time', candidateId: 'C1', kind: 'extra_time', extraTimePercent: 25, approval: 'none', evidenceHeld: false }]);
    expect(issues).toMatchObject([{ code: 'invalid_value', location: { line: 3 } }]);
  });
});
