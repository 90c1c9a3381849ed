/**
 * How a driver's failure reaches the caller: every error from `pg` or PGlite becomes a typed
 * `ExamcycleError('store_failed')` with the driver's error as its `cause`, retryable when PostgreSQL says a
 * retry can succeed (serialization failures, deadlocks, lost connections, a server shutting down).
 * An `ExamcycleError` (a `conflict`, a `snapshot_invalid`, a handler's own) passes through unchanged.
 */
import { ExamcycleError, isExamcycleError } from '@examcycle/core';

/** SQLSTATE classes and codes after which the same call may succeed. */
const RETRYABLE = /^(08|40|53|57P0[1-3])/;

/**
 * Wraps a driver error as `store_failed` (an examcycle error is returned as it is).
 *
 * @internal
 * @param error - what the driver threw
 * @param operation - the store method, for the message
 * @example
 * ```ts
 * import type { Queryable } from './driver/Queryable.js';
 * declare const q: Queryable; declare const sql: string;
 * try { await q.query(sql); } catch (e) { throw storeFailure(e, 'saveSnapshot'); }
 * ```
 */
export function storeFailure(error: unknown, operation: string): ExamcycleError {
  if (isExamcycleError(error)) return error;
  const sqlState = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const code = typeof sqlState === 'string' ? sqlState : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const network = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated/i.test(message);
  return new ExamcycleError('store_failed', `The store could not ${operation}: ${message}`, {
    cause: error,
    retryable: network || (code !== undefined && RETRYABLE.test(code)),
    details: { operation, ...(code !== undefined ? { sqlState: code } : {}) },
  });
}

/**
 * Runs `fn`, turning whatever a driver throws into {@link storeFailure}.
 *
 * @internal
 * @param operation - the store method, for the message
 * @param fn - the work
 * @example
 * ```ts
 * import type { Queryable } from './driver/Queryable.js';
 * declare const q: Queryable; declare const sql: string; declare const params: unknown[];
 * const result = await guarded('loadSnapshot', () => q.query(sql, params));
 * ```
 */
export async function guarded<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw storeFailure(error, operation);
  }
}
