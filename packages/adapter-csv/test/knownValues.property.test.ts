/**
 * The values a column keeps by their cell's text while a file is read: a cell that repeats one read before
 * (not only on the row above) takes the value kept for it, so every record that repeats it shares one
 * string. These hold the keeping to the straightforward reading (every cell of every row read in full, with
 * nothing kept) on seeded random files whose columns repeat their cells a little, a lot or never, in numbers
 * on both sides of the column's room, and pin the room itself: it starts at `FIRST_KNOWN`, doubles for a
 * column that keeps repeating, stops at `MAX_KNOWN`, and a column of distinct cells is given up. A record's
 * list stays its own, and a kept value is text of its own, not a slice that would keep a streamed chunk alive.
 */
import { RECORD_KINDS, type Entry, type RecordKind } from '@examcycle/core';
import { csvColumnSet, exportCsv, importCsvStream } from '@examcycle/adapter-csv';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FIRST_KNOWN, MAX_KEPT_CHARS, MAX_KNOWN, RecordAssembler } from '../src/internal/RecordAssembler.js';
import { ImportSession } from '../src/internal/ImportSession.js';
import { csvParseOptions } from '../src/internal/RowReader.js';
import { recordsOf } from './domainArbitraries.js';

const SEED = 20261204;

/** What a reading gives, as the tests compare it. */
interface Reading {
  readonly records: readonly Record<string, unknown>[];
  readonly issues: unknown;
  readonly rowsRead: number;
  readonly fatal: string | undefined;
}

/** A column's kept values, as the assembler holds them (null: given up), and its room. */
interface KnownState {
  readonly known: (Map<string, unknown> | null | undefined)[];
  readonly knownRoom: number[];
}

/** The straightforward reading: csv-parse's rows, each handed to the assembler as cells and read in full (nothing kept). */
function readCellByCell(kind: RecordKind, text: string): Reading {
  const assembler = new RecordAssembler<Record<string, unknown>>(csvColumnSet(kind), { file: 'f.csv', synonyms: {}, defaults: {} });
  const rows = parse(text, csvParseOptions(1_000_000)) as string[][];
  for (const cells of rows) assembler.row(cells, true, false, true);
  assembler.finish();
  return { records: assembler.records, issues: assembler.issues, rowsRead: assembler.rowsRead, fatal: assembler.fatal?.code };
}

/** The import as `importCsv` runs it, with the assembler's kept values to look at. */
function readByImport(kind: RecordKind, text: string): { reading: Reading; state: KnownState } {
  const session = new ImportSession(kind, { file: 'f.csv' });
  session.pushText(text);
  session.finish();
  const result = session.result();
  const state = session['assembler'] as unknown as KnownState;
  return { reading: { records: result.records as readonly Record<string, unknown>[], issues: result.issues, rowsRead: result.rowsRead, fatal: result.fatal?.code }, state };
}

/** A small generator of picks from a seed (the property's randomness stays fast-check's seed). */
function picker(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

/**
 * How a column picks its cell from the pool, row by row: evenly; among the first few; mostly the first ones
 * but now and then any; in pairs (a, b, a, b, c, d, c, d: every cell twice, never as on the row above); in
 * turn (every cell new until the pool runs out).
 */
const COLUMN_MODES = ['even', 'few', 'skewed', 'pairs', 'turn'] as const;
type ColumnMode = (typeof COLUMN_MODES)[number];

function pickAt(mode: ColumnMode, row: number, n: number, pick: (n: number) => number): number {
  switch (mode) {
    case 'even':
      return pick(n);
    case 'few':
      return pick(Math.min(n, 1 + pick(8)));
    case 'skewed':
      return Math.floor(n * (pick(1024) / 1024) ** 3);
    case 'pairs':
      return (2 * Math.floor(row / 4) + (row % 2)) % n;
    case 'turn':
      return row % n;
  }
}

/**
 * A record with no `"` in its text (a `"` in a name becomes `q`): a row with a `""` escape is read in full
 * whatever it holds, and these files are to be read mostly from what the columns keep.
 */
function unquoted(record: Record<string, unknown>): Record<string, unknown> {
  const plain = (v: unknown): unknown => (typeof v === 'string' ? v.replaceAll('"', 'q') : Array.isArray(v) ? v.map(plain) : v);
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, plain(value)]));
}

/** Rows whose every field comes from a pool of records, picked per column by that column's mode. */
function pooledFile(kind: RecordKind, pool: readonly Record<string, unknown>[], rows: number, modes: readonly ColumnMode[], seed: number): Record<string, unknown>[] {
  const fields = csvColumnSet(kind).columns.flatMap((c) => (c.field === undefined ? [] : [c.field]));
  const pick = picker(seed);
  const out: Record<string, unknown>[] = [];
  for (let r = 0; r < rows; r += 1) {
    const row: Record<string, unknown> = {};
    fields.forEach((field, f) => {
      const value = pool[pickAt(modes[f % modes.length]!, r, pool.length, pick)]![field];
      if (value !== undefined) row[field] = value;
    });
    out.push(row);
  }
  return out;
}

/**
 * What may happen to one exported row: kept, its second cell padded with spaces, the row before repeated,
 * blanked, a control character in its first cell, its last cell lost (a fault: the row is read in full). A
 * quote is never put inside a cell: from such a row on, csv-parse would read the file.
 */
const rowChange = fc.constantFrom('keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'padded', 'repeat', 'blank', 'bell', 'short');

function changed(row: string, previous: string, change: string, width: number): string {
  switch (change) {
    case 'padded':
      return row.replace(/^([^,"]*),([^,"]+),/, '$1, $2 ,');
    case 'repeat':
      return previous === '' ? row : previous;
    case 'blank':
      return `${','.repeat(width - 1)}\r\n`;
    case 'bell':
      return row.replace(/^([^,"]+),/, '$1\u0007,');
    case 'short':
      return row.replace(/,[^,"]*\r\n$/, '\r\n');
    default:
      return row;
  }
}

describe('importCsv keeping the values a column repeats', () => {
  for (const kind of RECORD_KINDS) {
    it(`gives the ${kind} records, issues and rows read that reading every cell in full gives, columns repeating a little, a lot or never`, () => {
      const width = exportCsv(kind, []).split(',').length;
      let grown = 0;
      let givenUp = 0;
      // the record's own id and a check-only column are never kept: not given up by what they held
      const neverKept = csvColumnSet(kind).columns.map((c) => c.field === 'id' || c.check !== undefined);
      fc.assert(
        fc.property(
          fc
            .oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 300, max: 700 }))
            .chain((n) => fc.array((recordsOf(kind) as fc.Arbitrary<Record<string, unknown>>).map(unquoted), { minLength: n, maxLength: n })),
          fc.integer({ min: 1, max: 4 }),
          fc.array(fc.constantFrom(...COLUMN_MODES), { minLength: 1, maxLength: 6 }),
          fc.array(rowChange, { minLength: 64, maxLength: 64 }),
          fc.integer(),
          (pool, perRecord, modes, changes, seed) => {
            const rowCount = Math.min(2_000, pool.length * perRecord + 1);
            const header = exportCsv(kind, [], {});
            let previous = '';
            const rows = pooledFile(kind, pool, rowCount, modes, seed).map((record, i) => {
              const row = changed(exportCsv(kind, [record] as never, { header: false }), previous, changes[i % changes.length]!, width);
              previous = row;
              return row;
            });
            const text = header + rows.join('');
            const { reading, state } = readByImport(kind, text);
            expect(reading).toStrictEqual(readCellByCell(kind, text));
            // a list read before is handed out as a copy: no two records share one
            const lists = reading.records.flatMap((record) => Object.values(record).filter((v) => Array.isArray(v)));
            expect(new Set(lists).size).toBe(lists.length);
            if (state.knownRoom.some((room) => room > FIRST_KNOWN)) grown += 1;
            if (state.known.some((kept, i) => kept === null && !neverKept[i])) givenUp += 1;
          },
        ),
        { seed: SEED, numRuns: 12 },
      );
      // the runs read columns on both sides of the first room: some grew past it, some were given up at it
      expect(grown).toBeGreaterThan(0);
      expect(givenUp).toBeGreaterThan(0);
    });
  }
});

/** The column of `field` in the entries set (as the assembler numbers its columns). */
function entryColumn(field: string): number {
  return csvColumnSet('entries').columns.findIndex((c) => c.field === field);
}

/** Entries whose candidate repeats in pairs (a, b, a, b, c, d, c, d, …) over `candidates`, each row with an entry code of its own and a list of `lists`. */
function pairedEntries(rows: number, candidates: number, lists: number): Entry[] {
  return Array.from({ length: rows }, (_, i) => {
    const pair = (2 * Math.floor(i / 4) + (i % 2)) % candidates;
    return {
      id: `E${i}`,
      candidateId: `CAND-${String(pair).padStart(6, '0')}`,
      seriesId: 'june-2026',
      awardingBodyId: 'AQA',
      entryCode: `X${i.toString(36)}`,
      componentCodes: [`${pair % lists}/1`, `${pair % lists}/2`],
      status: 'accepted',
      submittedAt: '2026-02-20T10:00:00+00:00',
      identityVerified: true,
    } as Entry;
  });
}

describe('the room a column keeps values in', () => {
  it(`starts at ${FIRST_KNOWN}, doubles while the column repeats, and stops at ${MAX_KNOWN}; a column of cells all new is given up when full`, () => {
    const text = exportCsv('entries', pairedEntries(10_000, 5_000, 600));
    const { reading, state } = readByImport('entries', text);
    expect(reading).toStrictEqual(readCellByCell('entries', text));

    // 5,000 candidates, each twice but never on the row above: kept up to the cap, and still looked up
    const candidate = entryColumn('candidateId');
    expect(state.knownRoom[candidate]).toBe(MAX_KNOWN);
    expect(state.known[candidate]?.size).toBe(MAX_KNOWN);
    // 600 lists: all kept, in room doubled from the first
    const lists = entryColumn('componentCodes');
    expect(state.known[lists]?.size).toBe(600);
    expect(state.knownRoom[lists]).toBe(1024);
    // an entry code new on every row: given up once the first room was full, never grown
    const code = entryColumn('entryCode');
    expect(state.known[code]).toBeNull();
    expect(state.knownRoom[code]).toBe(FIRST_KNOWN);
    // the record's own id is never kept, not even while there is room
    expect(state.known[entryColumn('id')]).toBeNull();
    expect(readByImport('entries', exportCsv('entries', pairedEntries(8, 2, 1))).state.known[entryColumn('id')]).toBeNull();
  });

  it(`keeps no value read from a cell longer than ${MAX_KEPT_CHARS} characters`, () => {
    const long = (n: number): string => `C${String(n).repeat(MAX_KEPT_CHARS)}`.slice(0, MAX_KEPT_CHARS + 1);
    const entries = pairedEntries(40, 4, 1).map((entry, i) => ({ ...entry, candidateId: i % 4 < 2 ? long(i % 2) : `C${i % 2}` }));
    const { reading, state } = readByImport('entries', exportCsv('entries', entries));
    expect(reading.records.map((r) => r['candidateId'])).toEqual(entries.map((e) => e.candidateId));
    expect([...state.known[entryColumn('candidateId')]!.keys()]).toEqual(['C0', 'C1']);
  });

  it('gives up a column whose cells were found kept fewer than half as many times as it holds values, though they repeat later', () => {
    // each candidate twice, the second time 300 rows on: the first room fills before any cell is found kept
    const entries = pairedEntries(600, 600, 1).map((entry, i) => ({ ...entry, candidateId: `CAND-${i % 300}` }));
    const { reading, state } = readByImport('entries', exportCsv('entries', entries));
    expect(reading.records.map((r) => r['candidateId'])).toEqual(entries.map((e) => e.candidateId));
    expect(state.known[entryColumn('candidateId')]).toBeNull();
  });
});

describe('a record read from a kept value', () => {
  it("holds a list of its own: changing one record's components changes no record read after it from the same cell", async () => {
    const entries = pairedEntries(40, 4, 4);
    const text = exportCsv('entries', entries);
    async function* source(): AsyncGenerator<string> {
      for (const line of text.split(/(?<=\n)/)) yield line;
    }
    const seen: Record<string, unknown>[] = [];
    for await (const batch of importCsvStream('entries', source(), { batchSize: 1 })) {
      for (const record of batch.records as readonly Record<string, unknown>[]) {
        seen.push({ ...record, componentCodes: [...(record['componentCodes'] as string[])] });
        // the consumer edits what it was given before the next row is read
        (record['componentCodes'] as string[]).push('EDITED');
        (record['componentCodes'] as string[])[0] = 'CHANGED';
      }
    }
    expect(seen).toEqual(entries.map((entry) => ({ ...entry, componentCodes: [...entry.componentCodes] })));
  });

  it('keeps no streamed chunk alive: a value first read in a chunk is kept as text of its own', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const CHUNKS = 40;
    /**
     * Each chunk: rows with the chunk's own instant and the instants of the chunks before (so the column keeps
     * being found kept), then 256 KiB of blank lines (each short enough for the splitter: csv-parse reads a longer one).
     */
    const instant = (k: number): string => `2026-02-20T10:${String(Math.floor(k / 60)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}+00:00`;
    const chunk = (k: number): string => {
      let rows = '';
      for (let j = 0; j < 8; j += 1) rows += `C${k}-${j},june-2026,AQA,E${j},${instant(j % 2 === 0 ? k : Math.floor((k * j) / 8))}\r\n`;
      return rows + `${' '.repeat(4096)}\r\n`.repeat(64);
    };
    const heap: number[] = [];
    async function* source(): AsyncGenerator<string> {
      yield 'CandidateId,Series,AwardingBody,EntryCode,SubmittedAt\r\n';
      for (let k = 0; k < CHUNKS; k += 1) {
        if (k === 4 || k === CHUNKS - 1) {
          gc();
          heap.push(process.memoryUsage().heapUsed);
        }
        yield chunk(k);
      }
    }
    let records = 0;
    for await (const batch of importCsvStream('entries', source(), { batchSize: 8 })) records += batch.records.length;
    expect(records).toBe(8 * CHUNKS);
    // 35 chunks of 256 KiB in between: kept by their instants, the heap would grow by about 9 MB
    expect(heap[1]! - heap[0]!).toBeLessThan(3_000_000);
  });
});
