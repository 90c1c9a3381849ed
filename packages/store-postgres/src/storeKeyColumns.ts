/**
 * How a {@link StoreKey} maps onto the key columns `(tenant, centre, machine, id)`: an absent tenant is the
 * empty string (so the primary key can hold it), and a key with an empty part is refused as `invalid_value`.
 */
import { checkCounterScope, checkStoreKey, type CounterScope, type StoreKey } from '@examcycle/core';

/**
 * The key's column values, in column order, after checking its parts.
 *
 * @internal
 * @param key - a store key
 * @throws ExamcycleError `invalid_value` for an empty centre, machine or id
 * @example
 * ```ts
 * keyColumns({ centreNumber: '12345', machine: 'examCycle', id: 'june-2026' }); // ['', '12345', 'examCycle', 'june-2026']
 * ```
 */
export function keyColumns(key: StoreKey): [string, string, string, string] {
  checkStoreKey(key);
  return [key.tenant ?? '', key.centreNumber, key.machine, key.id];
}

/**
 * A counter scope's column values `(tenant, centre)`.
 *
 * @internal
 * @param scope - a centre within an optional tenant
 * @example
 * ```ts
 * scopeColumns({ centreNumber: '12345' }); // ['', '12345']
 * ```
 */
export function scopeColumns(scope: CounterScope): [string, string] {
  checkCounterScope(scope);
  return [scope.tenant ?? '', scope.centreNumber];
}

/**
 * A key read back from its columns (an empty tenant is no tenant).
 *
 * @internal
 * @param row - the key columns of a row
 * @example
 * ```ts
 * keyFromRow({ tenant: '', centre: '12345', machine: 'examCycle', id: 'june-2026' });
 * ```
 */
export function keyFromRow(row: { tenant: string; centre: string; machine: string; id: string }): StoreKey {
  return row.tenant
    ? { tenant: row.tenant, centreNumber: row.centre, machine: row.machine, id: row.id }
    : { centreNumber: row.centre, machine: row.machine, id: row.id };
}
