/**
 * Type tests: the kind chosen decides the record type an import gives and the row type an export takes.
 */
import type { Candidate, EopsTrackerRow, Entry, ExamcycleError, ExamcycleIssue, ImportResult } from '@examcycle/core';
import { createCsvAdapter, exportCsv, importCsv, importCsvStream, type CsvImportBatch } from '@examcycle/adapter-csv';
import { describe, expectTypeOf, it } from 'vitest';

describe('adapter-csv types', () => {
  it('infers the record type from the kind', () => {
    expectTypeOf(importCsv('candidates', '')).toEqualTypeOf<ImportResult<Candidate>>();
    expectTypeOf(importCsvStream('entries', [''])).toEqualTypeOf<AsyncGenerator<CsvImportBatch<Entry>, void, undefined>>();
    expectTypeOf(importCsv('entries', '').issues).toEqualTypeOf<readonly ExamcycleIssue[]>();
    expectTypeOf(importCsv('entries', '').fatal).toEqualTypeOf<ExamcycleError | undefined>();
    expectTypeOf(createCsvAdapter().import('candidates', '')).toEqualTypeOf<Promise<ImportResult<Candidate>>>();
  });

  it('takes the row type of the kind exported', () => {
    expectTypeOf(exportCsv<'eops_tracker'>).parameter(1).toEqualTypeOf<Iterable<EopsTrackerRow>>();
    // @ts-expect-error an EOPS row is not a candidate
    exportCsv('candidates', [{ officerName: 'x' }]);
    // @ts-expect-error not a kind
    importCsv('staff', '');
  });
});
