/**
 * How the MIS mappings tell a host's {@link ExamcycleObserver} of a pull, as the file readers do of an import:
 * one `onImport` when the pull ends, with the MIS as `source` (`wonde`, `arbor`), what was pulled as `kind`,
 * the objects read as `rows`, the records mapped, the issues by code and the duration on the host's clock; a pull
 * that rejects (`unreachable`, `not_authorised`, `rate_limited`, `malformed_response`) is reported with `fatal`
 * before the rejection passes on (anything else thrown is a fault of the library or the transport, and passes on
 * unreported).
 */
import { countIssuesByCode, durationOf, isExamcycleError, notifyObserver, observerStopwatch, type ExamcycleObserver } from '@examcycle/core';
import type { MisPull } from './MisPort.js';

/** What a pull is, for the observer. */
export interface ObservedMisPull {
  /** The MIS, e.g. `wonde`. */
  readonly source: string;
  /** What is pulled, e.g. `candidates`. */
  readonly kind: string;
  /** The source and resource, e.g. `wonde:students`. */
  readonly file: string;
}

/**
 * Runs a pull and tells the observer how it went; the pull's outcome is unchanged.
 *
 * @param observer - the host's observer, or nothing
 * @param what - the MIS, the kind and the resource
 * @param run - the pull, giving the outcome and the number of objects read
 * @internal
 */
export async function observeMisPull<T>(observer: ExamcycleObserver | undefined, what: ObservedMisPull, run: () => Promise<{ readonly pull: MisPull<T>; readonly rows: number }>): Promise<MisPull<T>> {
  if (observer === undefined) return (await run()).pull;
  const elapsed = observerStopwatch(observer);
  try {
    const { pull, rows } = await run();
    notifyObserver(observer, 'onImport', { ...what, rows, records: pull.records.length, issues: countIssuesByCode(pull.issues), ...durationOf(elapsed()) });
    return pull;
  } catch (error) {
    if (isExamcycleError(error)) notifyObserver(observer, 'onImport', { ...what, rows: 0, records: 0, issues: {}, fatal: error.code, ...durationOf(elapsed()) });
    throw error;
  }
}
