/**
 * The in-memory {@link ExamcycleStore}: the storage contract for tests and single-process hosts. It keeps
 * everything as JSON text, so callers can never mutate what is stored (values are copied in and out), and
 * it serialises every operation, so a {@link ExamcycleStore.transaction} sees no one else's writes and is
 * undone whole when its function throws. It passes the same contract suite as `@examcycle/store-postgres`.
 */
import type { AuditEntry, AuditLine } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { PersistedSnapshot } from '../persistence/persistSnapshot.js';
import { instantToMillis } from '../time/instantToMillis.js';
import {
  formatStoreKey,
  type AuditRange,
  type ClaimedSignal,
  type CounterScope,
  type DeliverSignalsOptions,
  type DeliverSignalsResult,
  type ExamcycleStore,
  type KeyFilter,
  type OutboxSignal,
  type SaveSnapshotOptions,
  type SaveSnapshotResult,
  type StoredRecord,
  type StoredSnapshot,
  type StoreKey,
  type StoreTransaction,
} from './ExamcycleStore.js';
import { checkCounterScope, checkStoreId, checkStoreKey, storeJson } from './storeArguments.js';

interface SnapshotRow {
  readonly key: StoreKey;
  readonly json: string;
  readonly revision: number;
  /** Epoch milliseconds, or `null` for never. */
  readonly wakeAt: number | null;
}

interface SignalRow {
  readonly key: StoreKey;
  readonly json: string;
  delivered: boolean;
  claimed: boolean;
}

interface MemoryState {
  readonly snapshots: Map<string, SnapshotRow>;
  readonly audit: Map<string, string[]>;
  readonly records: Map<string, Map<string, string>>;
  readonly counters: Map<string, number>;
  /** Every signal ever put in the outbox, in the order it was put there (delivery order). */
  readonly outbox: SignalRow[];
  /** `formatStoreKey(key)` → signal ids kept for that key. */
  readonly signalIds: Map<string, Set<string>>;
}

const DEFAULT_LIST_LIMIT = 1000;
const DEFAULT_DELIVER_LIMIT = 100;

/**
 * Creates an empty in-memory store.
 *
 * - Saves are all or nothing: a stale `expectedRevision` rejects with `conflict`
 *   (`details: { key, expectedRevision, actualRevision }`) and writes no snapshot, audit line or signal.
 * - Every operation waits for a running {@link ExamcycleStore.transaction}; inside its function use the
 *   `tx` it is given (calling the store itself there would wait for the transaction to end, which never comes).
 * - Values are copied in and out as JSON, exactly as a database would keep them.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const store = createMemoryStore();
 * const key = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * const { revision } = await store.saveSnapshot(key, cycle.persist(), { expectedRevision: null });
 * const loaded = await store.loadSnapshot(key); // { saved, revision: 1 }
 * await store.saveSnapshot(key, cycle.persist(), { expectedRevision: revision });
 * await store.close();
 * ```
 */
export function createMemoryStore(): ExamcycleStore {
  const state: MemoryState = {
    snapshots: new Map(),
    audit: new Map(),
    records: new Map(),
    counters: new Map(),
    outbox: [],
    signalIds: new Map(),
  };
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after everything queued before it; the queue goes on whether `fn` succeeds or not. */
  function exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = queue.then(() => {
      assertOpen();
      return fn();
    });
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  function assertOpen(): void {
    if (closed) throw new ExamcycleError('store_failed', 'The store is closed', { details: { store: 'memory' } });
  }

  const unlocked = (undo: (() => void)[] | undefined): StoreTransaction => ({
    async loadSnapshot(key) {
      return loadSnapshot(state, key);
    },
    async saveSnapshot(key, saved, options) {
      return saveSnapshot(state, key, saved, options, undo);
    },
    async appendAudit(key, lines) {
      return appendLines(state, key, lines, undo);
    },
    async readAudit(key, range) {
      return readAudit(state, key, range);
    },
    async putRecords(key, collection, records) {
      putRecords(state, key, collection, records, undo);
    },
    async deleteRecords(key, collection, ids) {
      deleteRecords(state, key, collection, ids, undo);
    },
    async loadRecords(key, collection, ids) {
      return loadRecords(state, key, collection, ids);
    },
    async nextCounter(scope, name) {
      return nextCounter(state, scope, name, undo);
    },
    async readCounter(scope, name) {
      return state.counters.get(counterKey(scope, name)) ?? 0;
    },
    async listKeys(filter) {
      return listKeys(state, filter);
    },
  });

  const direct = unlocked(undefined);

  return {
    loadSnapshot: (key) => exclusive(() => direct.loadSnapshot(key)),
    saveSnapshot: (key, saved, options) => exclusive(() => direct.saveSnapshot(key, saved, options)),
    appendAudit: (key, lines) => exclusive(() => direct.appendAudit(key, lines)),
    readAudit: (key, range) => exclusive(() => direct.readAudit(key, range)),
    putRecords: (key, collection, records) => exclusive(() => direct.putRecords(key, collection, records)),
    deleteRecords: (key, collection, ids) => exclusive(() => direct.deleteRecords(key, collection, ids)),
    loadRecords: (key, collection, ids) => exclusive(() => direct.loadRecords(key, collection, ids)),
    nextCounter: (scope, name) => exclusive(() => direct.nextCounter(scope, name)),
    readCounter: (scope, name) => exclusive(() => direct.readCounter(scope, name)),
    listKeys: (filter) => exclusive(() => direct.listKeys(filter)),

    transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      return exclusive(async () => {
        const undo: (() => void)[] = [];
        let open = true;
        const inner = unlocked(undo);
        // Calls through `tx` after the transaction ended are refused rather than written outside it.
        const guarded = Object.fromEntries(
          Object.entries(inner).map(([name, method]) => [
            name,
            (...args: unknown[]) => {
              if (!open) {
                return Promise.reject(
                  new ExamcycleError('store_failed', `Transaction already ended: ${name} was called on a finished transaction`),
                );
              }
              return (method as (...a: unknown[]) => Promise<unknown>)(...args);
            },
          ]),
        ) as unknown as StoreTransaction;
        try {
          const result = await fn(guarded);
          open = false;
          return result;
        } catch (error) {
          open = false;
          for (let i = undo.length - 1; i >= 0; i -= 1) undo[i]?.();
          throw error;
        }
      });
    },

    async deliverSignals(handler, options: DeliverSignalsOptions = {}): Promise<DeliverSignalsResult> {
      const limit = options.limit ?? DEFAULT_DELIVER_LIMIT;
      const claimed = await exclusive(() => {
        const rows: SignalRow[] = [];
        for (const row of state.outbox) {
          if (rows.length >= limit) break;
          if (row.delivered || row.claimed) continue;
          if (options.tenant !== undefined && (row.key.tenant ?? '') !== options.tenant) continue;
          row.claimed = true;
          rows.push(row);
        }
        return rows;
      });
      let delivered = 0;
      const failed: { signal: ClaimedSignal; error: unknown }[] = [];
      for (const row of claimed) {
        const signal: ClaimedSignal = { ...(JSON.parse(row.json) as OutboxSignal), key: copyKey(row.key) };
        try {
          await handler(signal);
          row.delivered = true;
          delivered += 1;
        } catch (error) {
          failed.push({ signal, error });
        } finally {
          row.claimed = false;
        }
      }
      return { delivered, failed };
    },

    close(): Promise<void> {
      return exclusive(() => {
        closed = true;
      }).catch(() => undefined);
    },
  };
}

function loadSnapshot(state: MemoryState, key: StoreKey): StoredSnapshot | undefined {
  const row = state.snapshots.get(keyString(key));
  return row ? { saved: JSON.parse(row.json) as PersistedSnapshot, revision: row.revision } : undefined;
}

function saveSnapshot(
  state: MemoryState,
  key: StoreKey,
  saved: PersistedSnapshot,
  options: SaveSnapshotOptions,
  undo: (() => void)[] | undefined,
): SaveSnapshotResult {
  const id = keyString(key);
  const expected = options.expectedRevision;
  if (expected !== null && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new ExamcycleError('invalid_value', `expectedRevision must be null or a revision number, not ${String(expected)}`, {
      details: { field: 'expectedRevision' },
    });
  }
  const before = state.snapshots.get(id);
  const actualRevision = before?.revision ?? null;
  if (actualRevision !== options.expectedRevision) {
    throw new ExamcycleError(
      'conflict',
      `Snapshot ${id} is at revision ${String(actualRevision)}, not ${String(options.expectedRevision)}: it was saved by someone else since it was read`,
      { details: { key: id, expectedRevision: options.expectedRevision, actualRevision } },
    );
  }
  // Everything is copied (and so checked as JSON) before anything is written: all or nothing.
  const json = storeJson(saved, 'snapshot');
  const lines = (options.audit ?? []).map((line) => storeJson(line, 'audit line'));
  const signals = (options.signals ?? []).map((signal) => ({ id: checkStoreId(signal.id, 'signal id'), json: storeJson(signal, 'signal') }));
  const wakeAt =
    options.wakeAt === undefined ? (before?.wakeAt ?? null) : options.wakeAt === null ? null : instantToMillis(options.wakeAt);

  const revision = (before?.revision ?? 0) + 1;
  state.snapshots.set(id, { key: copyKey(key), json, revision, wakeAt });
  undo?.push(() => {
    if (before) state.snapshots.set(id, before);
    else state.snapshots.delete(id);
  });
  const audit = appendJson(state, key, lines, undo);
  for (const signal of signals) addSignal(state, key, signal.id, signal.json, undo);
  return { revision, audit };
}

function appendLines(state: MemoryState, key: StoreKey, lines: readonly AuditLine[], undo: (() => void)[] | undefined): AuditEntry[] {
  return appendJson(
    state,
    key,
    lines.map((line) => storeJson(line, 'audit line')),
    undo,
  );
}

function appendJson(state: MemoryState, key: StoreKey, lines: readonly string[], undo: (() => void)[] | undefined): AuditEntry[] {
  if (lines.length === 0) return [];
  const id = keyString(key);
  let log = state.audit.get(id);
  if (!log) {
    log = [];
    state.audit.set(id, log);
  }
  const start = log.length;
  const entries: AuditEntry[] = [];
  for (const json of lines) {
    // `seq` first, as a reader of the JSON lines expects; a `seq` the caller passed is not kept.
    const { seq: _ignored, ...line } = JSON.parse(json) as AuditLine & { seq?: unknown };
    const numbered = JSON.stringify({ seq: log.length + 1, ...line });
    log.push(numbered);
    entries.push(JSON.parse(numbered) as AuditEntry);
  }
  const trail = log;
  undo?.push(() => {
    trail.length = start;
  });
  return entries;
}

function readAudit(state: MemoryState, key: StoreKey, range: AuditRange = {}): AuditEntry[] {
  const log = state.audit.get(keyString(key)) ?? [];
  const from = Math.max(1, range.fromSeq ?? 1);
  const to = Math.min(log.length, range.toSeq ?? log.length);
  const out: AuditEntry[] = [];
  for (let seq = from; seq <= to; seq += 1) {
    if (range.limit !== undefined && out.length >= range.limit) break;
    out.push(JSON.parse(log[seq - 1] as string) as AuditEntry);
  }
  return out;
}

function addSignal(state: MemoryState, key: StoreKey, signalId: string, json: string, undo: (() => void)[] | undefined): void {
  const id = keyString(key);
  let ids = state.signalIds.get(id);
  if (!ids) {
    ids = new Set();
    state.signalIds.set(id, ids);
  }
  if (ids.has(signalId)) return;
  ids.add(signalId);
  const row: SignalRow = { key: copyKey(key), json, delivered: false, claimed: false };
  state.outbox.push(row);
  const kept = ids;
  undo?.push(() => {
    kept.delete(signalId);
    const at = state.outbox.lastIndexOf(row);
    if (at >= 0) state.outbox.splice(at, 1);
  });
}

function putRecords(
  state: MemoryState,
  key: StoreKey,
  collection: string,
  records: readonly StoredRecord[],
  undo: (() => void)[] | undefined,
): void {
  const copies = records.map((record) => ({ id: checkStoreId(record.id, 'record id'), json: storeJson(record.data, 'record') }));
  const id = collectionKey(key, collection);
  let rows = state.records.get(id);
  if (!rows) {
    rows = new Map();
    state.records.set(id, rows);
  }
  const target = rows;
  for (const { id: recordId, json } of copies) {
    const before = target.get(recordId);
    target.set(recordId, json);
    undo?.push(() => {
      if (before === undefined) target.delete(recordId);
      else target.set(recordId, before);
    });
  }
}

function deleteRecords(
  state: MemoryState,
  key: StoreKey,
  collection: string,
  ids: readonly string[],
  undo: (() => void)[] | undefined,
): void {
  const rows = state.records.get(collectionKey(key, collection));
  if (!rows) return;
  for (const recordId of ids) {
    const before = rows.get(recordId);
    if (before === undefined) continue;
    rows.delete(recordId);
    undo?.push(() => rows.set(recordId, before));
  }
}

function loadRecords(state: MemoryState, key: StoreKey, collection: string, ids?: readonly string[]): StoredRecord[] {
  const rows = state.records.get(collectionKey(key, collection));
  if (!rows) return [];
  const wanted = ids === undefined ? [...rows.keys()] : [...new Set(ids)].filter((id) => rows.has(id));
  return wanted.sort(compareText).map((id) => ({ id, data: JSON.parse(rows.get(id) as string) as unknown }));
}

function nextCounter(state: MemoryState, scope: CounterScope, name: string, undo: (() => void)[] | undefined): number {
  const id = counterKey(scope, name);
  const before = state.counters.get(id);
  const value = (before ?? 0) + 1;
  state.counters.set(id, value);
  undo?.push(() => {
    if (before === undefined) state.counters.delete(id);
    else state.counters.set(id, before);
  });
  return value;
}

function listKeys(state: MemoryState, filter: KeyFilter = {}): StoreKey[] {
  const wakeBy = filter.wakeBy === undefined ? undefined : instantToMillis(filter.wakeBy);
  const rows = [...state.snapshots.values()].filter(
    (row) =>
      (filter.tenant === undefined || (row.key.tenant ?? '') === filter.tenant) &&
      (filter.centreNumber === undefined || row.key.centreNumber === filter.centreNumber) &&
      (filter.machine === undefined || row.key.machine === filter.machine) &&
      (wakeBy === undefined || (row.wakeAt !== null && row.wakeAt <= wakeBy)),
  );
  rows.sort((a, b) => compareKeys(a.key, b.key));
  return rows.slice(0, filter.limit ?? DEFAULT_LIST_LIMIT).map((row) => copyKey(row.key));
}

/** Key order: tenant (absent first), centre, machine, id, each by code unit (as PostgreSQL's `COLLATE "C"`). */
function compareKeys(a: StoreKey, b: StoreKey): number {
  return (
    compareText(a.tenant ?? '', b.tenant ?? '') ||
    compareText(a.centreNumber, b.centreNumber) ||
    compareText(a.machine, b.machine) ||
    compareText(a.id, b.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A key as stored: an empty tenant is no tenant. */
function copyKey(key: StoreKey): StoreKey {
  checkStoreKey(key);
  return key.tenant
    ? { tenant: key.tenant, centreNumber: key.centreNumber, machine: key.machine, id: key.id }
    : { centreNumber: key.centreNumber, machine: key.machine, id: key.id };
}

function keyString(key: StoreKey): string {
  checkStoreKey(key);
  return formatStoreKey(key);
}

function collectionKey(key: StoreKey, collection: string): string {
  return `${keyString(key)}#${encodeURIComponent(collection)}`;
}

function counterKey(scope: CounterScope, name: string): string {
  checkCounterScope(scope);
  return [scope.tenant ?? '', scope.centreNumber, name].map(encodeURIComponent).join('/');
}


