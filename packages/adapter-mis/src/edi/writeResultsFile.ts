/**
 * Writes a results (R) file as an awarding body would: for simulations, examples and tests of a results
 * import, since centres only receive these files. Each result becomes one detail record laid out by its
 * result type; the control records carry the centre, series and sequence number.
 */
import type { CalendarDate } from '@examcycle/core';
import type { EdiIssue } from './EdiIssue.js';
import { ediFileName } from './ediFileName.js';
import { decodeEdiRecord, encodeEdiRecord } from './ediRecordCodec.js';
import type { EdiSeries } from './ediSeries.js';
import { resultsLayoutFor } from './layouts/resultsLayouts.js';
import { opaqueFieldsOf } from './readResultsFile.js';
import { resultRecordFromValues, resultRecordToValues, type EdiResultInput, type EdiResultRecord } from './resultsRecord.js';
import { writeEdiFile, type EdiSoftware } from './writeEdiFile.js';

/** Options for {@link writeResultsFile}. */
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

/** A written results file, or the issues that stopped it. */
export interface ResultsFileOutput {
  readonly fileName: string;
  /** Absent when any result could not be written. */
  readonly content?: string;
  /** The results as written (as a reader will read them), with their line numbers. */
  readonly results: readonly EdiResultRecord[];
  /** Problems, with `line` the 0-based index of the result in the input. */
  readonly issues: readonly EdiIssue[];
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
  const issues: EdiIssue[] = [];
  const lines: string[] = [];
  const written: EdiResultRecord[] = [];
  results.forEach((result, index) => {
    const values = resultRecordToValues(result);
    if (typeof values === 'string') {
      issues.push({ line: index, recordType: 'R5', field: 'resultType', code: 'unrepresentable_value', message: values });
      return;
    }
    const layout = resultsLayoutFor(result.resultType)!;
    const out = encodeEdiRecord(values, layout);
    if (!out.ok) {
      issues.push(...out.issues.map((i) => ({ ...i, line: index, recordType: 'R5' })));
      return;
    }
    // what a reader will see: the record read back from the encoded line
    const where = { line: lines.length + 3 };
    const decoded = decodeEdiRecord(out.line, layout, where);
    const made: { record?: EdiResultRecord; issues: readonly EdiIssue[] } = decoded.values === undefined ? { issues: decoded.issues } : resultRecordFromValues(decoded.values, where, opaqueFieldsOf(layout));
    if (made.record === undefined || made.issues.length > 0) {
      issues.push(...made.issues.map((i) => ({ ...i, line: index, code: 'unrepresentable_value' as const })));
      return;
    }
    lines.push(out.line);
    written.push(made.record);
  });
  if (issues.length > 0) return { fileName, results: [], issues };
  const file = writeEdiFile({ dataType: 'R', centreOrSeries: centreNumber, awardingBodyId, series, sequence, producedOn, software }, lines);
  if (!file.ok) return { fileName, results: [], issues: file.issues };
  return { fileName, content: file.content, results: written, issues };
}
