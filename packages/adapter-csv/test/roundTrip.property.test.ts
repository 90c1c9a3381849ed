/**
 * Properties: a file exportCsv writes imports back to the very records it was written from, for random
 * records of every kind full of awkward characters, with and without a byte-order mark, under both
 * formula-guard policies, as text or as bytes.
 */
import { RECORD_KINDS } from '@examcycle/core';
import { exportCsv, importCsv } from '@examcycle/adapter-csv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsOf } from './domainArbitraries.js';

describe('exportCsv then importCsv', () => {
  for (const kind of RECORD_KINDS) {
    it(`gives back the same ${kind} records, awkward characters and all`, () => {
      fc.assert(
        fc.property(
          fc.array(recordsOf(kind), { maxLength: 6 }),
          fc.boolean(),
          fc.constantFrom('all' as const, 'except_numbers' as const),
          fc.boolean(),
          (records, bom, formulaGuard, asBytes) => {
            const text = exportCsv(kind, records, { bom, formulaGuard });
            const result = importCsv(kind, asBytes ? new TextEncoder().encode(text) : text);
            expect(result.fatal).toBeUndefined();
            expect(result.issues).toEqual([]);
            expect(result.rowsRead).toBe(records.length);
            expect(result.records).toEqual(records);
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
