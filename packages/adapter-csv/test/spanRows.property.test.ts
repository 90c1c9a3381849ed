/**
 * Properties of the importer's fast reading of plain rows: the splitter hands such a row over as spans of the
 * text, and the assembler takes a cell that repeats the one above it without reading it again, a value it has
 * read before (a list as a copy), and a field value the schema vouched for on the row above without asking again. These
 * hold it to the straightforward reading on seeded random files full of repeats: the same file parsed by
 * csv-parse and fed to the assembler cell by cell (each row read in full) gives the very records, issues and
 * rows read that `importCsv` gives; and the compiled record check agrees with zod on runs of rows that repeat
 * the row above, whatever zod makes of them.
 */
import { RECORD_KINDS, type RecordKind } from '@examcycle/core';
import { csvColumnSet, exportCsv, importCsv } from '@examcycle/adapter-csv';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordAssembler } from '../src/internal/RecordAssembler.js';
import { compileRecordFastPath, lastValueAcceptor } from '../src/internal/recordFastPath.js';
import { schemaAcceptor } from '../src/internal/schemaAcceptor.js';
import { csvParseOptions } from '../src/internal/RowReader.js';
import { recordsOf } from './domainArbitraries.js';

const SEED = 20261203;

/** The straightforward reading: csv-parse's rows, each handed to the assembler as cells and read in full. */
function readCellByCell(kind: RecordKind, text: string): unknown {
  const assembler = new RecordAssembler(csvColumnSet(kind), { file: 'f.csv', synonyms: {}, defaults: {} });
  const rows = parse(text, csvParseOptions(1_000_000)) as string[][];
  for (const cells of rows) assembler.row(cells, true, false, true);
  assembler.finish();
  return { records: assembler.records, issues: assembler.issues, rowsRead: assembler.rowsRead, fatal: assembler.fatal?.code };
}

function readByImport(kind: RecordKind, text: string): unknown {
  const result = importCsv(kind, text, { file: 'f.csv' });
  return { records: result.records, issues: result.issues, rowsRead: result.rowsRead, fatal: result.fatal?.code };
}

/** A record of the kind made of fields from a small pool of records, so that cells repeat row after row. */
function pooledRows(kind: RecordKind): fc.Arbitrary<Record<string, unknown>[]> {
  const fields = csvColumnSet(kind).columns.flatMap((c) => (c.field === undefined ? [] : [c.field]));
  return fc.array(recordsOf(kind) as fc.Arbitrary<Record<string, unknown>>, { minLength: 1, maxLength: 3 }).chain((pool) =>
    fc.array(
      fc.array(fc.nat(pool.length - 1), { minLength: fields.length, maxLength: fields.length }).map((picks) => {
        const row: Record<string, unknown> = {};
        fields.forEach((field, f) => {
          const value = pool[picks[f]!]![field];
          if (value !== undefined) row[field] = value;
        });
        return row;
      }),
      { minLength: 1, maxLength: 12 },
    ),
  );
}

/** What may happen to one exported row's text: kept, repeated, blanked, given a control character, a stray cell, another line ending, … */
const rowChange = fc.constantFrom('keep', 'keep', 'keep', 'keep', 'repeat', 'repeat', 'blank', 'spaces', 'empty', 'tab', 'bell', 'extra', 'short', 'lf', 'cr', 'padded', 'escaped', 'zero');

function changed(row: string, previous: string, change: string, width: number): string {
  const body = row.endsWith('\r\n') ? row.slice(0, -2) : row;
  switch (change) {
    case 'repeat':
      return previous === '' ? row : previous;
    case 'blank':
      return `${','.repeat(width - 1)}\r\n`;
    case 'spaces':
      return `${Array.from({ length: width }, () => ' ').join(',')}\r\n`;
    case 'empty':
      return '\r\n';
    case 'tab':
      return `${body.replace(/,(?=[^,"]*$)/, ',\t')}\r\n`;
    case 'bell':
      return `${body.replace(/^([^,"]*)/, '$1\u0007')}\r\n`;
    case 'extra':
      return `${body},x\r\n`;
    case 'short':
      return `${body.replace(/,[^,"]*$/, '')}\r\n`;
    case 'lf':
      return `${body}\n`;
    case 'cr':
      return `${body}\r`;
    case 'padded':
      return `${body.replace(/,([^,"]+),/, ', $1 ,')}\r\n`;
    case 'escaped':
      return `${body.replace(/^([^,"]*)/, '"$1""x"')}\r\n`;
    case 'zero':
      return `${body.replace(/,[^,"]*$/, ',-0')}\r\n`;
    default:
      return row;
  }
}

describe('importCsv reading plain rows as spans of the text', () => {
  for (const kind of RECORD_KINDS) {
    it(`gives the ${kind} records, issues and rows read that reading every cell of every row in full gives, cells repeating the row above or not`, () => {
      const width = exportCsv(kind, []).split(',').length;
      fc.assert(
        fc.property(pooledRows(kind), fc.array(rowChange, { minLength: 12, maxLength: 12 }), fc.boolean(), (records, changes, lastBreak) => {
          const header = exportCsv(kind, [], {});
          let previous = '';
          const rows = records.map((record, i) => {
            const row = changed(exportCsv(kind, [record] as never, { header: false }), previous, changes[i]!, width);
            previous = row;
            return row;
          });
          let text = header + rows.join('');
          if (!lastBreak) text = text.replace(/(\r\n|\r|\n)$/, '');
          const read = readByImport(kind, text) as { records: readonly Record<string, unknown>[] };
          expect(read).toStrictEqual(readCellByCell(kind, text));
          // a list read before is handed out as a copy: no two records share one
          const lists = read.records.flatMap((record) => Object.values(record).filter((v) => Array.isArray(v)));
          expect(new Set(lists).size).toBe(lists.length);
        }),
        { seed: SEED, numRuns: 60 },
      );
    });
  }
});

/** Values of every kind a row may hold, valid for some fields and not for others, with the twins a remembered answer could confuse. */
const ANY_VALUE = fc.constantFrom<unknown>(
  undefined, '', 'x', 'AB', 'ABCDEFG', '😀😀😀', 'june-2026', 'AQA', '2026-02-20T10:00:00+00:00', '2026-02-30T10:00:00+00:00', '2026-02-28',
  'draft', 'accepted', 'bogus', 'GCSE', 'qualification', 'AM', '09:00', true, false, 0, -0, 1.5, -3, Number.NaN, Infinity, [], ['a', 'b'], [1],
);

/** A field of a valid record left as it is. */
const KEEP = Symbol('keep');

describe('the compiled record check, on rows that repeat the row above', () => {
  const schemas = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, csvColumnSet(kind).schema])) as Record<RecordKind, z.ZodType>;
  for (const kind of RECORD_KINDS) {
    it(`vouches for a ${kind} row only when zod accepts it, with zod's very record, however often a value repeats`, () => {
      const schema = schemas[kind];
      const keys = Object.keys((schema as unknown as z.ZodObject).shape);
      const slotOf = new Map(keys.map((key, i) => [key, i]));
      const derivedId = csvColumnSet(kind).derivedId;
      let vouched = 0;
      fc.assert(
        fc.property(
          fc.array(
            fc
              .tuple(recordsOf(kind) as fc.Arbitrary<Record<string, unknown>>, fc.array(fc.oneof({ arbitrary: fc.constant(KEEP), weight: 12 }, { arbitrary: ANY_VALUE, weight: 1 }), { minLength: keys.length, maxLength: keys.length }))
              .map(([record, swaps]) => keys.map((key, i) => (swaps[i] === KEEP ? record[key] : swaps[i]))),
            { minLength: 1, maxLength: 4 },
          ),
          fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }),
          (pool, picks) => {
            const fast = compileRecordFastPath(schema, slotOf, derivedId)!;
            for (const pick of picks) {
              const values = pool[pick % pool.length]!;
              const draft: Record<string, unknown> = {};
              keys.forEach((key, i) => {
                if (values[i] !== undefined) draft[key] = values[i];
              });
              if (derivedId !== undefined && draft['id'] === undefined) {
                const parts = derivedId.map((field) => draft[field]);
                if (parts.every((part) => typeof part === 'string' && part !== '')) draft['id'] = parts.join(':');
              }
              const record = fast(values);
              const parsed = schema.safeParse(draft);
              if (record === undefined) continue;
              vouched += 1;
              expect(parsed.success).toBe(true);
              expect(record).toStrictEqual(parsed.data);
              expect(Object.keys(record)).toEqual(Object.keys(parsed.data as object));
            }
          },
        ),
        { seed: SEED, numRuns: 300 },
      );
      expect(vouched).toBeGreaterThan(0);
    });
  }
});

describe('lastValueAcceptor', () => {
  it('answers a value equal to the last but not the same afresh: -0 after 0 is -0', () => {
    const accept = lastValueAcceptor(schemaAcceptor(z.number().min(-1)));
    expect(Object.is(accept(0), 0)).toBe(true);
    expect(Object.is(accept(-0), -0)).toBe(true);
  });

  it('never hands out one object twice: a transform of a repeated value is made again', () => {
    const accept = lastValueAcceptor(schemaAcceptor(z.string().transform((s) => ({ s }))));
    const first = accept('a');
    const second = accept('a');
    expect(second).toStrictEqual(first);
    expect(second).not.toBe(first);
  });
});
