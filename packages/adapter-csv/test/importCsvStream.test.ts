/**
 * importCsvStream: the same records and issues as the whole-string import whatever the chunking (a chunk
 * boundary inside a CRLF, a quoted cell, a multi-byte character or the byte-order mark), in batches of the
 * asked size, from a Node Readable, and stopping cleanly when the consumer stops.
 */
import { Readable } from 'node:stream';
import type { ImportResult, RecordKind, RecordKinds } from '@examcycle/core';
import { exportCsv, importCsv, importCsvStream, type CsvImportBatch, type CsvImportOptions, type CsvSource } from '@examcycle/adapter-csv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsOf } from './domainArbitraries.js';

async function collect<K extends RecordKind>(
  kind: K,
  source: CsvSource,
  batchSize = 1000,
  options: CsvImportOptions = {},
): Promise<{ result: ImportResult<RecordKinds[K]>; batches: CsvImportBatch<RecordKinds[K]>[] }> {
  const batches: CsvImportBatch<RecordKinds[K]>[] = [];
  for await (const batch of importCsvStream(kind, source, { ...options, batchSize })) batches.push(batch);
  const fatal = batches.at(-1)?.fatal;
  return {
    batches,
    result: {
      records: batches.flatMap((b) => b.records),
      issues: batches.flatMap((b) => b.issues),
      rowsRead: batches.reduce((n, b) => n + b.rowsRead, 0),
      ...(fatal === undefined ? {} : { fatal }),
    },
  };
}

function chunk(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    out.push(bytes.subarray(from, to));
    from = to;
  }
  return out;
}

const BYTES = [0x22, 0x2c, 0x0d, 0x0a, 0x41, 0x30, 0x00, 0xff, 0xc3];
const file = fc
  .tuple(
    fc.array(recordsOf('entries'), { maxLength: 6 }),
    fc.boolean(),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BYTES)), { maxLength: 2 }),
  )
  .map(([records, bom, flips]) => {
    const bytes = new TextEncoder().encode(exportCsv('entries', records, { bom }));
    for (const [at, byte] of flips) if (bytes.length > 0) bytes[at % bytes.length] = byte;
    return bytes;
  });

describe('importCsvStream', () => {
  it('agrees with importCsv on every file, however it is cut into chunks and batches', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (bytes, cuts, batchSize) => {
        const whole = importCsv('entries', bytes);
        const { result, batches } = await collect('entries', chunk(bytes, cuts), batchSize);
        expect(result.fatal?.code).toBe(whole.fatal?.code);
        expect(result.fatal?.location).toEqual(whole.fatal?.location);
        expect(result.records).toEqual(whole.records);
        expect(result.issues).toEqual(whole.issues);
        expect(result.rowsRead).toBe(whole.rowsRead);
        for (const b of batches.slice(0, -1)) expect(b.fatal).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with importCsv when the chunks are strings cut anywhere, even inside a surrogate pair', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordsOf('candidates'), { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), async (records, cuts) => {
        const text = exportCsv('candidates', records);
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [...at, text.length].map((to, i, all) => text.slice(i === 0 ? 0 : all[i - 1], to));
        const { result } = await collect('candidates', pieces);
        expect(result).toEqual(importCsv('candidates', text));
      }),
      { numRuns: 100 },
    );
  });

  it('reads a Node Readable in batches of at least batchSize rows, each at most one 64 KiB parsing step more', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `c${i},june-2026,AQA,8300H`);
    const text = ['CandidateId,Series,AwardingBody,EntryCode', ...rows].join('\r\n');
    const { batches, result } = await collect('entries', Readable.from([Buffer.from(text)]), 1000);
    expect(result.records).toHaveLength(10_000);
    expect(batches.length).toBeGreaterThanOrEqual(4);
    for (const b of batches.slice(0, -1)) expect(b.rowsRead).toBeGreaterThanOrEqual(1000);
    for (const b of batches) expect(b.rowsRead).toBeLessThan(1000 + (64 * 1024) / 20);
  });

  it('yields the fatal error as the last batch, after the good rows before it', async () => {
    const text = `Room,Rows,Columns,SeatPitchMetres,RowPitchMetres\nHall,1,1,1,1\n"${'x'.repeat(70_000)}\n`;
    const { batches } = await collect('rooms', [text], 1000, { maxRowChars: 1000 });
    expect(batches.at(-1)?.fatal?.code).toBe('malformed_row');
    expect(batches.flatMap((b) => b.records).map((r) => r.name)).toEqual(['Hall']);
  });

  it('stops reading the source when the consumer stops', async () => {
    let pulled = 0;
    async function* source() {
      yield 'CandidateId,Series,AwardingBody,EntryCode\n';
      for (let i = 0; i < 1000; i += 1) {
        pulled += 1;
        yield `c${i},june-2026,AQA,8300H\n`;
      }
    }
    for await (const batch of importCsvStream('entries', source(), { batchSize: 10 })) {
      expect(batch.records.length).toBeGreaterThan(0);
      break;
    }
    expect(pulled).toBeLessThan(50);
  });

  it('lets an error of the source itself propagate unchanged', async () => {
    async function* broken(): AsyncGenerator<string> {
      yield 'Room,Rows,Columns,SeatPitchMetres,RowPitchMetres\nHall,10,8,1.25,1.25\n';
      throw new Error('disk gone');
    }
    await expect(collect('rooms', broken())).rejects.toThrow('disk gone');
  });
});
