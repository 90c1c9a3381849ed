/**
 * The streamed import: a CSV file read chunk by chunk from a Node `Readable` (or any async iterable of
 * bytes or strings) and yielded as batches of records and issues, in bounded memory, so a 1 GB entries
 * file never sits in memory whole.
 */
import { countIssuesByCode, durationOf, notifyObserver, observerStopwatch, type ExamcycleErrorCode, type RecordKind, type RecordKinds } from '@examcycle/core';
import type { CsvImportBatch, CsvImportOptions, CsvSource } from './CsvImportOptions.js';
import { ImportSession, IMPORT_DEFAULTS } from './internal/ImportSession.js';
import { PIECE_BYTES } from './internal/RowReader.js';

/**
 * Imports a CSV stream of one record kind, yielding a batch every `batchSize` rows (and a last one).
 * Memory stays bounded by the batch size and a 64 KiB parsing step, whatever the source's chunk size.
 * Data problems never throw: they are issues in the batches, and an unreadable input is a last batch
 * with `fatal` set. Errors of the source itself (a file that cannot be opened) propagate unchanged.
 *
 * @param kind - the record kind
 * @param source - a Node `Readable`, or any (async) iterable of `Uint8Array` or string chunks
 * @param options - see {@link CsvImportOptions}; `batchSize` sets the rows per batch
 * @example
 * ```ts
 * declare function saveEntries(entries: readonly Entry[]): Promise<void>;
 * for await (const batch of importCsvStream('entries', createReadStream('entries.csv'), { file: 'entries.csv' })) {
 *   if (batch.fatal) throw batch.fatal;
 *   await saveEntries(batch.records);
 *   for (const issue of batch.issues) console.warn(`line ${issue.location?.line}: ${issue.message}`);
 * }
 * ```
 */
export async function* importCsvStream<K extends RecordKind>(
  kind: K,
  source: CsvSource,
  options: CsvImportOptions = {},
): AsyncGenerator<CsvImportBatch<RecordKinds[K]>, void, undefined> {
  const batchSize = Math.max(1, options.batchSize ?? IMPORT_DEFAULTS.batchSize);
  const session = new ImportSession(kind, options);
  const elapsed = observerStopwatch(options.observer);
  const seen = { rows: 0, records: 0, issues: {} as Partial<Record<ExamcycleErrorCode, number>> };
  const counted = (batch: CsvImportBatch<RecordKinds[K]>): CsvImportBatch<RecordKinds[K]> => {
    seen.rows += batch.rowsRead;
    seen.records += batch.records.length;
    for (const [code, n] of Object.entries(countIssuesByCode(batch.issues)) as [ExamcycleErrorCode, number][]) seen.issues[code] = (seen.issues[code] ?? 0) + n;
    return batch;
  };
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      for (let at = 0; at < chunk.length && session.fatal === undefined; at += PIECE_BYTES) {
        session.pushText(chunk.slice(at, at + PIECE_BYTES));
        if (session.fatal === undefined && session.pendingRows >= batchSize) yield counted(session.takeBatch());
      }
    } else {
      for (let at = 0; at < chunk.length && session.fatal === undefined; at += PIECE_BYTES) {
        session.pushBytes(chunk.subarray(at, at + PIECE_BYTES));
        if (session.fatal === undefined && session.pendingRows >= batchSize) yield counted(session.takeBatch());
      }
    }
    if (session.fatal !== undefined) break;
  }
  session.finish();
  const last = counted(session.takeBatch());
  notifyObserver(options.observer, 'onImport', {
    source: 'csv', kind, ...(options.file !== undefined ? { file: options.file } : {}), rows: seen.rows, records: seen.records,
    issues: seen.issues, ...(last.fatal ? { fatal: last.fatal.code } : {}), ...durationOf(elapsed()),
  });
  if (last.rowsRead > 0 || last.fatal !== undefined || last.records.length > 0 || last.issues.length > 0) yield last;
}
