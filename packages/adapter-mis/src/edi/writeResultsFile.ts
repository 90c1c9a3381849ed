/**
 * Writes a results (R) file as an awarding body would: for simulations, examples and tests of a results
 * import, since centres only receive these files. Each result becomes one detail record laid out by its
 * result type; the control records carry the centre, series and sequence number.
 */
import type { CalendarDate, ExamcycleIssue } from '@examcycle/core';
import { ediFileName } from './ediFileName.js';
import { ediCodec } from './ediRecordCodec.js';
import type { EdiSeries } from './ediSeries.js';
import { resultsLayoutFor } from './layouts/resultsLayouts.js';
import { opaqueFieldsOf } from './readResultsFile.js';
import { resultRecordFromValues, resultRecordToValues, type EdiResultInput, type EdiResultRecord } from './resultsRecord.js';
import { writeEdiFile, type EdiSoftware } from './writeEdiFile.js';

/**
 * Options for {@link writeResultsFile}.
 *
 * @example
 * ```ts
 * const options: WriteResultsFileOptions = { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' };
 * ```
 */
export interface WriteResultsFileOptions {
  readonly centreNumber: string;
  /** The awarding body's two-digit EDI identifier. */
  readonly awardingBodyId: string;
  readonly series: EdiSeries;
  readonly sequence: number;
  readonly producedOn: CalendarDate;
  /**
   * The software named in the file header.
   * @default { name: 'AOSIM', version: '010' }
   */
  readonly software?: EdiSoftware;
}

/**
 * A written results file, or the issues that stopped it.
 *
 * @example
 * ```ts
 * const out: ResultsFileOutput = writeResultsFile([], { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' });
 * out.fileName; // 'R1234570.X01'
 * ```
 */
export interface ResultsFileOutput {
  readonly fileName: string;
  /** Absent when any result could not be written. */
  readonly content?: string;
  /** The results as written (as a reader will read them), with their line numbers. */
  readonly results: readonly EdiResultRecord[];
  /** Problems, each with `location.path` `[index]`, the 0-based index of the result in the input. */
  readonly issues: readonly ExamcycleIssue<'unrepresentable_value'>[];
}

/**
 * Writes a results file.
 *
 * @param results - the results, in order
 * @param options - centre, awarding body, series, sequence, production date
 * @example
 * ```ts
 * const out = writeResultsFile([{ centreNumber: '12345', candidateNumber: '0001', uci: '123450250001G', entryCode: '8300F', resultCode: '8300F', resultType: '1', grade: '5' }],
 *   { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' });
 * out.fileName; // 'R1234570.X01'
 * ```
 */
export function writeResultsFile(results: readonly EdiResultInput[], options: WriteResultsFileOptions): ResultsFileOutput {
  const { centreNumber, awardingBodyId, series, sequence, producedOn, software = { name: 'AOSIM', version: '010' } } = options;
  const fileName = ediFileName('R', centreNumber, awardingBodyId, sequence);
  const issues: ExamcycleIssue<'unrepresentable_value'>[] = [];
  const lines: string[] = [];
  const written: EdiResultRecord[] = [];
  const found: ExamcycleIssue<'malformed_record' | 'bad_check_character'>[] = [];
  results.forEach((result, index) => {
    const values = resultRecordToValues(result);
    if (typeof values === 'string') {
      issues.push({ code: 'unrepresentable_value', severity: 'error', message: values, location: { path: [index], field: 'resultType', recordType: 'R5' } });
      return;
    }
    const layout = resultsLayoutFor(result.resultType)!;
    const codec = ediCodec(layout);
    const out = codec.encode(values);
    if (!('line' in out)) {
      issues.push(...out.issues.map((i) => ({ ...i, location: { ...i.location, path: [index], recordType: 'R5' } })));
      return;
    }
    // what a reader will see: the values the line reads back as (every field passed the reader's checks),
    // through the reader's own record checks (centre and candidate numbers, UCI and ULN check characters)
    const record = resultRecordFromValues(codec.values(out.fields), { line: lines.length + 3 }, opaqueFieldsOf(layout), found);
    if (record === undefined) {
      for (const { location: { line: _line, ...at } = {}, ...i } of found) issues.push({ ...i, code: 'unrepresentable_value', location: { ...at, path: [index] } });
      found.length = 0;
      return;
    }
    lines.push(out.line);
    written.push(record);
  });
  if (issues.length > 0) return { fileName, results: [], issues };
  const file = writeEdiFile({ dataType: 'R', centreOrSeries: centreNumber, awardingBodyId, series, sequence, producedOn, software }, lines);
  if (!file.ok) return { fileName, results: [], issues: file.issues };
  return { fileName, content: file.content, results: written, issues };
}
