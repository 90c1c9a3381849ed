/**
 * How the library calls a host's {@link ExamcycleObserver}: safely (a callback that throws, or returns a
 * rejected promise, is caught and ignored, so watching never changes an outcome) and with durations from the
 * observer's own clock only.
 */
import type { ExamcycleObserver, ObserverHook } from './ExamcycleObserver.js';

type HookPayload<K extends ObserverHook> = Parameters<NonNullable<ExamcycleObserver[K]>>[0];

/**
 * Calls one of the observer's callbacks, if the host gave it; anything it throws is ignored.
 *
 * @param observer - the host's observer, or nothing
 * @param hook - which callback
 * @param payload - what happened
 * @example
 * ```ts
 * declare const options: { observer?: ExamcycleObserver };
 * notifyObserver(options.observer, 'onImport', { source: 'csv', kind: 'candidates', rows: 3, records: 3, issues: {} });
 * ```
 */
export function notifyObserver<K extends ObserverHook>(observer: ExamcycleObserver | undefined, hook: K, payload: HookPayload<K>): void {
  if (observer === undefined || observer === null) return;
  try {
    const callback = (observer as Partial<Record<ObserverHook, unknown>>)[hook];
    if (typeof callback !== 'function') return;
    const returned: unknown = callback.call(observer, payload);
    if (typeof returned === 'object' && returned !== null && typeof (returned as { then?: unknown }).then === 'function') {
      (returned as PromiseLike<unknown>).then(undefined, ignoreObserverFailure);
    }
  } catch (failure) {
    ignoreObserverFailure(failure);
  }
}

/** An observer's failure is the host's to see in its own code; the library carries on as if it had not watched. */
function ignoreObserverFailure(_failure: unknown): void {}

/**
 * Starts a stopwatch on the observer's clock: the returned function gives the milliseconds since, or
 * `undefined` when the observer has no clock (or its clock fails or goes backwards).
 *
 * @param observer - the host's observer, or nothing
 * @example
 * ```ts
 * import { durationOf } from '@examcycle/core';
 * declare const observer: ExamcycleObserver | undefined;
 * const rows = 3, records = 3, issues = {};
 * const elapsed = observerStopwatch(observer);
 * // … work …
 * notifyObserver(observer, 'onImport', { source: 'csv', rows, records, issues, ...durationOf(elapsed()) });
 * ```
 */
export function observerStopwatch(observer: ExamcycleObserver | undefined): () => number | undefined {
  const read = (): number | undefined => {
    try {
      const now = observer?.now;
      if (typeof now !== 'function') return undefined;
      const t: unknown = now.call(observer);
      return typeof t === 'number' && Number.isFinite(t) ? t : undefined;
    } catch (failure) {
      ignoreObserverFailure(failure);
      return undefined;
    }
  };
  const start = read();
  return () => {
    if (start === undefined) return undefined;
    const end = read();
    return end === undefined || end < start ? undefined : end - start;
  };
}

/**
 * `{ durationMs }` when a duration was measured, `{}` otherwise (for `exactOptionalPropertyTypes` payloads).
 *
 * @param ms - a measured duration, or nothing
 * @example
 * ```ts
 * import { durationOf } from '@examcycle/core';
 * declare const elapsed: () => number | undefined;
 * ({ source: 'csv', ...durationOf(elapsed()) });
 * ```
 */
export function durationOf(ms: number | undefined): { readonly durationMs?: number } {
  return ms === undefined ? {} : { durationMs: ms };
}

/**
 * Issues counted by code, for {@link ObservedImport.issues}.
 *
 * @param issues - issues with a `code`
 * @example
 * ```ts
 * countIssuesByCode([{ code: 'invalid_value' }, { code: 'invalid_value' }]); // { invalid_value: 2 }
 * ```
 */
export function countIssuesByCode<C extends string>(issues: Iterable<{ readonly code: C }>): Partial<Record<C, number>> {
  const counts: Partial<Record<C, number>> = {};
  for (const issue of issues) counts[issue.code] = (counts[issue.code] ?? 0) + 1;
  return counts;
}
