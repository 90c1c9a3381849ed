/**
 * The argument checks every {@link ExamcycleStore} implementation makes the same way, so a bad key, id or
 * value is the same typed `invalid_value` on the memory store, PGlite and a PostgreSQL server (the contract
 * suite checks it on each).
 */
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { CounterScope, StoreKey } from './ExamcycleStore.js';

/**
 * Checks a store key: a non-empty centre number, machine and id, and a string tenant when there is one.
 *
 * @param key - the key a caller passed
 * @throws ExamcycleError `invalid_value` naming the field
 * @example
 * ```ts
 * checkStoreKey({ centreNumber: '99999', machine: 'examCycle', id: 'june-2026' });
 * ```
 */
export function checkStoreKey(key: StoreKey): void {
  for (const part of ['centreNumber', 'machine', 'id'] as const) {
    if (typeof key[part] !== 'string' || key[part].length === 0) {
      throw new ExamcycleError('invalid_value', `A store key needs a non-empty ${part}`, { details: { field: part } });
    }
  }
  if (key.tenant !== undefined && typeof key.tenant !== 'string') {
    throw new ExamcycleError('invalid_value', 'A store key tenant must be a string', { details: { field: 'tenant' } });
  }
}

/**
 * Checks a counter scope: a non-empty centre number.
 *
 * @param scope - the scope a caller passed
 * @throws ExamcycleError `invalid_value`
 * @example
 * ```ts
 * checkCounterScope({ centreNumber: '99999' });
 * ```
 */
export function checkCounterScope(scope: CounterScope): void {
  if (typeof scope.centreNumber !== 'string' || scope.centreNumber.length === 0) {
    throw new ExamcycleError('invalid_value', 'A counter scope needs a non-empty centreNumber', { details: { field: 'centreNumber' } });
  }
}

/**
 * Checks an id (a record's, a signal's): a non-empty string.
 *
 * @param id - the id a caller passed
 * @param what - what it names, for the message (`record id`)
 * @throws ExamcycleError `invalid_value`
 * @example
 * ```ts
 * declare const record: { id: unknown };
 * checkStoreId(record.id, 'record id');
 * ```
 */
export function checkStoreId(id: unknown, what: string): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new ExamcycleError('invalid_value', `A ${what} must be a non-empty string`, { details: { field: what } });
  }
  return id;
}

/**
 * A value as the JSON text a store keeps, or a typed refusal for one JSON cannot hold (a cycle, a BigInt, a
 * function or `undefined` at the top).
 *
 * @param value - the value to keep
 * @param what - what it is, for the message (`snapshot`, `audit line`)
 * @throws ExamcycleError `invalid_value`
 * @example
 * ```ts
 * declare const saved: PersistedSnapshot;
 * const text = storeJson(saved, 'snapshot');
 * ```
 */
export function storeJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (cause) {
    throw new ExamcycleError('invalid_value', `The ${what} is not JSON-safe`, { cause });
  }
  if (json === undefined) throw new ExamcycleError('invalid_value', `The ${what} is not JSON-safe`);
  return json;
}
