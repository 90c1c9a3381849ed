/**
 * What a host can watch without wrapping every call: events a hosted machine accepted or refused, reads the
 * results store denied, imports with their issue counts, and store conflicts. A host passes one
 * {@link ExamcycleObserver} as the `observer` option of `createExamcycleRuntime`, `createDurableResultsStore` and the
 * adapters' import functions, and wires its logger or metrics (OpenTelemetry, Prometheus) to the callbacks.
 * Every callback is optional, and one that throws (or returns a rejected promise) is caught and ignored: an
 * observer never changes what the library does. Durations are measured only with the host's own clock
 * ({@link ExamcycleObserver.now}); core reads no real clock.
 */
import type { ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import type { StoreKey } from '../store/ExamcycleStore.js';

/**
 * An event sent to a hosted machine, and what became of it.
 *
 * @example
 * ```ts
 * const key: StoreKey = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * const seen: ObservedEvent = { machine: 'examCycle', key, type: 'task.complete', outcome: 'rejected', code: 'not_authorised', revision: 3, durationMs: 1.8 };
 * ```
 */
export interface ObservedEvent {
  /** The machine's id (`examCycle`, `eops`, …). */
  readonly machine: string;
  /** Where the actor is stored. */
  readonly key: StoreKey;
  /** The event's type (`clock.tick` for a tick). */
  readonly type: string;
  /** `accepted`: the machine took the event; `rejected`: a refusal, a conflict or a failed save. */
  readonly outcome: 'accepted' | 'rejected';
  /** The refusal's code (`not_authorised`, `deadline_passed`, `conflict`, `store_failed`, …), when rejected. */
  readonly code?: ExamcycleErrorCode;
  /** The revision stored after the send. Absent when the save threw. */
  readonly revision?: number;
  /** Milliseconds from send to outcome, by the observer's clock; absent without {@link ExamcycleObserver.now}. */
  readonly durationMs?: number;
}

/**
 * A read of results the store refused (it is audited as well).
 *
 * @example
 * ```ts
 * const key: StoreKey = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * const denied: ObservedReadDenial = { store: 'results', key, read: 'statement', code: 'access_denied', reason: 'Results are embargoed until 08:00', readerId: 't-17' };
 * ```
 */
export interface ObservedReadDenial {
  /** Which store refused it. */
  readonly store: 'results';
  /** Where the store keeps its state. */
  readonly key: StoreKey;
  /** What was asked for (`statement`, `reconcile`, `analysis`, …). */
  readonly read: string;
  readonly code: ExamcycleErrorCode;
  readonly reason: string;
  /** The rule that refused it, when one did. */
  readonly rule?: string;
  /** Who asked, when the request named a well-formed reader. */
  readonly readerId?: string;
}

/**
 * One import finished: what was read, how many issues of each code, how long it took.
 *
 * @example
 * ```ts
 * const seen: ObservedImport = { source: 'csv', kind: 'candidates', file: 'candidates.csv', rows: 1200, records: 1198, issues: { bad_check_character: 2 }, durationMs: 41 };
 * ```
 */
export interface ObservedImport {
  /** The adapter: `csv`, `edi`, … */
  readonly source: string;
  /** What was imported (`candidates`, `entries`, …). */
  readonly kind?: string;
  /** The file or source name, when given. */
  readonly file?: string;
  /** Rows (or records) read. */
  readonly rows: number;
  /** Records that came out valid. */
  readonly records: number;
  /** Issues by code; a code with none is absent. */
  readonly issues: Readonly<Partial<Record<ExamcycleErrorCode, number>>>;
  /** Set when the input as a whole could not be read. */
  readonly fatal?: ExamcycleErrorCode;
  /** Milliseconds the import took, by the observer's clock; absent without {@link ExamcycleObserver.now}. */
  readonly durationMs?: number;
}

/**
 * A write met a newer revision than the one it read (another worker got there first).
 *
 * @example
 * ```ts
 * const key: StoreKey = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * const seen: ObservedStoreConflict = { machine: 'eops', key, type: 'meeting.held', attempt: 1, willRetry: false };
 * ```
 */
export interface ObservedStoreConflict {
  readonly machine: string;
  readonly key: StoreKey;
  /** The event whose save conflicted. */
  readonly type: string;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  /** Whether the runtime applies the event again to the fresh state (see `conflictRetries`). */
  readonly willRetry: boolean;
}

/**
 * Callbacks a host passes to watch the library. Every one is optional; none may change an outcome (a callback
 * that throws is caught and ignored).
 *
 * @example
 * ```ts
 * declare const logger: { info(fields: object, message: string): void };
 * declare const store: ExamcycleStore;
 * declare const clock: ExamClock;
 * const observer: ExamcycleObserver = {
 *   now: () => performance.now(),
 *   onEvent: (e) => logger.info({ machine: e.machine, type: e.type, outcome: e.outcome, code: e.code }, 'examcycle event'),
 *   onImport: (i) => logger.info({ source: i.source, rows: i.rows, issues: i.issues }, 'examcycle import'),
 * };
 * const runtime = createExamcycleRuntime({ store, clock, observer });
 * ```
 */
export interface ExamcycleObserver {
  /**
   * The host's monotonic clock in milliseconds, used only to measure durations (e.g. `() => performance.now()`).
   * @default none: no duration is measured
   */
  readonly now?: () => number;
  /** An event a hosted machine accepted or refused. */
  readonly onEvent?: (event: ObservedEvent) => void;
  /** A read the results store denied. */
  readonly onReadDenied?: (denial: ObservedReadDenial) => void;
  /** An import finished. */
  readonly onImport?: (result: ObservedImport) => void;
  /** A save met a newer revision. */
  readonly onStoreConflict?: (conflict: ObservedStoreConflict) => void;
}

/**
 * The names of the observer's callbacks.
 *
 * @example
 * ```ts
 * const hook: ObserverHook = 'onImport';
 * ```
 */
export type ObserverHook = 'onEvent' | 'onReadDenied' | 'onImport' | 'onStoreConflict';
