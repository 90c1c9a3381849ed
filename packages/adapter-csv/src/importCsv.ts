/**
 * The whole-string import: a CSV file held in memory, as text or bytes, read into records of one kind.
 * It reads exactly as the streamed import does (same gate, parser and validation).
 */
import { countIssuesByCode, durationOf, notifyObserver, observerStopwatch, type ImportResult, type RecordKind, type RecordKinds } from '@examcycle/core';
import type { CsvImportOptions } from './CsvImportOptions.js';
import { ImportSession } from './internal/ImportSession.js';

/**
 * Imports a whole CSV file of one record kind. Bad input never throws: the result keeps every valid
 * record and one `ExamcycleIssue` (core) per problem (`code`, `message`, and `location`: `file`, `line` (the
 * row's first physical line), `field` (the header), `column` (the 1-based cell position) and the raw `value`);
 * an unreadable file (empty, binary, wrong header, missing column, a quote never closed) sets `fatal` with its
 * code and line.
 *
 * @param kind - the record kind: `candidates`, `entries`, `timetable`, `rooms`, `invigilators`, `access_arrangements`, `results` or `certificates`
 * @param input - the file as text, or as bytes (UTF-8, with or without a byte-order mark)
 * @param options - file name, synonyms, defaults, date reading; see {@link CsvImportOptions}
 * @example
 * ```ts
 * const { records, issues, fatal } = importCsv('candidates', readFileSync('candidates.csv'), { file: 'candidates.csv' });
 * if (fatal) throw fatal;
 * for (const i of issues) console.warn(`line ${i.location?.line} ${i.location?.field}: ${i.message}`);
 * ```
 */
export function importCsv<K extends RecordKind>(kind: K, input: string | Uint8Array, options: CsvImportOptions = {}): ImportResult<RecordKinds[K]> {
  const elapsed = observerStopwatch(options.observer);
  const session = new ImportSession(kind, options);
  if (typeof input === 'string') session.pushText(input);
  else session.pushBytes(input);
  session.finish();
  const result = session.result();
  if (options.observer !== undefined) {
    notifyObserver(options.observer, 'onImport', {
      source: 'csv', kind, ...(options.file !== undefined ? { file: options.file } : {}), rows: result.rowsRead, records: result.records.length,
      issues: countIssuesByCode(result.issues), ...(result.fatal ? { fatal: result.fatal.code } : {}), ...durationOf(elapsed()),
    });
  }
  return result;
}
