/**
 * The storage contract: what examcycle must keep for a centre, and how. Core defines it; implementations
 * live in their own packages (`@examcycle/store-postgres` for PostgreSQL and embedded PGlite), and
 * {@link createMemoryStore} implements it for tests and single-process use — exactly as TanStack Query's
 * core defines `Persister` and its storage packages implement it.
 *
 * Four kinds of thing are kept, each keyed by a {@link StoreKey} (a tenant, a centre, a machine, an id):
 * - **snapshots** of machines, with a **revision** for optimistic concurrency: a save names the revision it
 *   read, and a stale save fails with a typed `conflict` and writes nothing;
 * - an **append-only audit log** per key, numbered from 1, read back in order and by range;
 * - **records** (the results store's results, nominations, authorities, applied outcomes) by collection;
 * - small **counters** (EDI file sequence numbers) per centre;
 * and an **outbox of deadline signals**, each delivered once to whichever worker claims it.
 */
import type { AuditEntry, AuditLine } from '../audit/auditTrail.js';
import type { PersistedSnapshot } from '../persistence/persistSnapshot.js';
import type { Instant } from '../time/clock.js';

/**
 * Where a thing lives: an optional tenant (a multi-academy trust hosting many centres in one database),
 * the centre number, the machine (or store) kind, and the id of the instance within the centre.
 *
 * @example
 * ```ts
 * const key: StoreKey = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * ```
 */
export interface StoreKey {
  /** A tenant, e.g. a multi-academy trust; omitted for a single-tenant database. */
  readonly tenant?: string;
  /** The centre's five-digit number. */
  readonly centreNumber: string;
  /** The machine id (`examCycle`, `eops`, `enquiry`, `certificate`, `invigilatorBooking`) or store kind (`results`). */
  readonly machine: string;
  /** The instance within the centre, e.g. a series id `june-2026`, an enquiry id, an officer-year. */
  readonly id: string;
}

/**
 * The scope of a counter: a centre within an optional tenant.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const scope: CounterScope = { centreNumber: '99999' };
 * const sequence = await store.nextCounter(scope, 'edi.entries.AQA'); // 1, 2, 3 … across restarts and workers
 * ```
 */
export interface CounterScope {
  readonly tenant?: string;
  readonly centreNumber: string;
}

/**
 * A loaded snapshot and the revision it was saved at.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const stored: StoredSnapshot | undefined = await store.loadSnapshot({ centreNumber: '99999', machine: 'examCycle', id: 'june-2026' });
 * if (stored) console.log(stored.saved.machine, stored.revision);
 * ```
 */
export interface StoredSnapshot {
  readonly saved: PersistedSnapshot;
  /** 1 after the first save, incremented by each save. */
  readonly revision: number;
}

/**
 * A deadline signal waiting in the outbox. `id` is unique within its key: the same id is kept once.
 *
 * @example
 * ```ts
 * const signal: OutboxSignal = { id: 'entries.submitted:overdue', type: 'deadline.overdue', at: '2026-02-22T00:00:00+00:00', payload: { taskId: 'entries.submitted' } };
 * ```
 */
export interface OutboxSignal {
  /** Stable id, e.g. `entries.submitted:overdue:2026-02-21T23:59:59.999+00:00`. */
  readonly id: string;
  /** E.g. `deadline.overdue`, `deadline.dueSoon`. */
  readonly type: string;
  /** When it was raised. */
  readonly at: Instant;
  /** JSON-safe detail (the signal itself). */
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * A signal handed to a worker, with the key it belongs to.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * await store.deliverSignals(async (signal: ClaimedSignal) => {
 *   console.log(signal.key.centreNumber, signal.type, signal.payload); // one worker gets each signal
 * });
 * ```
 */
export interface ClaimedSignal extends OutboxSignal {
  readonly key: StoreKey;
}

/**
 * Options for {@link ExamcycleStore.saveSnapshot}.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore; declare const cycle: ExamCycle;
 * const key = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * const loaded = await store.loadSnapshot(key);
 * const options: SaveSnapshotOptions = { expectedRevision: loaded?.revision ?? null, wakeAt: '2026-02-21T23:59:59.999+00:00' };
 * await store.saveSnapshot(key, cycle.persist(), options); // a stale expectedRevision is a typed `conflict`
 * ```
 */
export interface SaveSnapshotOptions {
  /** The revision the caller read (`null` for a key that must not exist yet). A stale one rejects with `conflict`. */
  readonly expectedRevision: number | null;
  /** Audit lines appended in the same transaction as the snapshot (all or nothing). */
  readonly audit?: readonly AuditLine[];
  /** Signals put in the outbox in the same transaction; a signal id already kept for this key is ignored. */
  readonly signals?: readonly OutboxSignal[];
  /** When a deadline worker should next look at this key (the next due instant), or `null` for never. */
  readonly wakeAt?: Instant | null;
}

/**
 * What a save returns: the new revision and the audit lines as numbered.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore; declare const saved: PersistedSnapshot;
 * const result: SaveSnapshotResult = await store.saveSnapshot({ centreNumber: '99999', machine: 'examCycle', id: 'june-2026' }, saved, { expectedRevision: null });
 * result.revision; // 1 for a new key
 * ```
 */
export interface SaveSnapshotResult {
  readonly revision: number;
  readonly audit: readonly AuditEntry[];
}

/**
 * A range of an audit log: `fromSeq` and `toSeq` inclusive, 1-based; at most `limit` lines.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const range: AuditRange = { fromSeq: 101, limit: 100 };
 * const page = await store.readAudit({ centreNumber: '99999', machine: 'examCycle', id: 'june-2026' }, range);
 * ```
 */
export interface AuditRange {
  readonly fromSeq?: number;
  readonly toSeq?: number;
  readonly limit?: number;
}

/**
 * One stored record of a collection.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const records: StoredRecord<{ readonly grade: string }>[] = [{ id: 'r-1', data: { grade: '7' } }];
 * await store.putRecords({ centreNumber: '99999', machine: 'results', id: 'june-2026' }, 'results', records);
 * ```
 */
export interface StoredRecord<T = unknown> {
  readonly id: string;
  readonly data: T;
}

/**
 * A filter for {@link ExamcycleStore.listKeys}.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const filter: KeyFilter = { machine: 'examCycle', wakeBy: '2026-06-01T09:00:00+01:00', limit: 500 };
 * const due = await store.listKeys(filter); // cycles whose next deadline has come
 * ```
 */
export interface KeyFilter {
  readonly tenant?: string;
  readonly centreNumber?: string;
  readonly machine?: string;
  /** Only keys whose `wakeAt` is at or before this instant. */
  readonly wakeBy?: Instant;
  /** At most this many keys. @default 1000 */
  readonly limit?: number;
}

/**
 * The operations available inside a transaction (everything but transactions, delivery and closing).
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * await store.transaction(async (tx: StoreTransaction) => {
 *   const n = await tx.nextCounter({ centreNumber: '99999' }, 'edi.results');
 *   await tx.putRecords({ centreNumber: '99999', machine: 'results', id: 'june-2026' }, 'files', [{ id: `R${n}`, data: {} }]);
 * }); // both or neither
 * ```
 */
export interface StoreTransaction {
  /** The stored snapshot of a key, or `undefined`. */
  loadSnapshot(key: StoreKey): Promise<StoredSnapshot | undefined>;
  /**
   * Saves a snapshot if the stored revision is `expectedRevision` (or the key is new and it is `null`).
   * @throws ExamcycleError `conflict` (nothing is written) when the revision is stale.
   */
  saveSnapshot(key: StoreKey, saved: PersistedSnapshot, options: SaveSnapshotOptions): Promise<SaveSnapshotResult>;
  /** Appends lines to a key's audit log (never rewrites); returns them numbered. */
  appendAudit(key: StoreKey, lines: readonly AuditLine[]): Promise<readonly AuditEntry[]>;
  /** A key's audit log in order, optionally a range of it. */
  readAudit(key: StoreKey, range?: AuditRange): Promise<readonly AuditEntry[]>;
  /** Inserts or replaces records (by id) in a key's collection. */
  putRecords(key: StoreKey, collection: string, records: readonly StoredRecord[]): Promise<void>;
  /** Removes records (by id) from a key's collection. */
  deleteRecords(key: StoreKey, collection: string, ids: readonly string[]): Promise<void>;
  /** A key's records of a collection, in id order (all of them, or those with the given ids). */
  loadRecords(key: StoreKey, collection: string, ids?: readonly string[]): Promise<readonly StoredRecord[]>;
  /** Increments a named counter of a centre and returns its new value (1 the first time). */
  nextCounter(scope: CounterScope, name: string): Promise<number>;
  /** The current value of a counter (0 when never incremented). */
  readCounter(scope: CounterScope, name: string): Promise<number>;
  /** Keys with a snapshot, in key order. */
  listKeys(filter?: KeyFilter): Promise<readonly StoreKey[]>;
}

/**
 * Options for {@link ExamcycleStore.deliverSignals}.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const options: DeliverSignalsOptions = { tenant: 'trust-a', limit: 50 };
 * await store.deliverSignals(async (s) => console.log(s.type), options);
 * ```
 */
export interface DeliverSignalsOptions {
  /** Only signals of this tenant. */
  readonly tenant?: string;
  /** At most this many signals in this call. @default 100 */
  readonly limit?: number;
}

/**
 * What {@link ExamcycleStore.deliverSignals} did.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const result: DeliverSignalsResult = await store.deliverSignals(async (s) => console.log(s.id));
 * for (const { signal, error } of result.failed) console.error(signal.id, error); // kept for the next call
 * ```
 */
export interface DeliverSignalsResult {
  readonly delivered: number;
  /** Signals whose handler threw: left in the outbox for the next call. */
  readonly failed: readonly { readonly signal: ClaimedSignal; readonly error: unknown }[];
}

/**
 * Where examcycle keeps state. Every implementation passes the same contract test suite.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const store = createMemoryStore();
 * const key = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * const { revision } = await store.saveSnapshot(key, cycle.persist(), { expectedRevision: null });
 * await store.saveSnapshot(key, cycle.persist(), { expectedRevision: revision }); // ok
 * await store.saveSnapshot(key, cycle.persist(), { expectedRevision: revision }); // rejects: conflict
 * await store.close();
 * ```
 */
export interface ExamcycleStore extends StoreTransaction {
  /**
   * Runs `fn` in one transaction: everything it writes is kept together, or nothing is (its error is rethrown).
   * Inside `fn` use only `tx`: a call on the store itself is not part of the transaction, and on a store with
   * one connection (the memory store, PGlite) it waits for the transaction to end, so it never returns.
   * Transactions are serialisable: a read-then-write never loses another worker's write. A store may run `fn`
   * again when the database refuses it for a concurrent change (PostgreSQL's serialisation failures), so keep
   * `fn` free of effects outside `tx`.
   */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /**
   * Claims undelivered signals (each by one caller only, across processes), calls `handler` for each and
   * marks it delivered when the handler returns. A handler that throws leaves its signal for a later call.
   * Delivery is at least once (a process killed between the handler's return and the mark gets it again), so
   * handlers should be idempotent by `signal.id`.
   */
  deliverSignals(handler: (signal: ClaimedSignal) => void | Promise<void>, options?: DeliverSignalsOptions): Promise<DeliverSignalsResult>;
  /** Releases connections; the store cannot be used afterwards. */
  close(): Promise<void>;
}

/**
 * A key as one string, for logs and maps: `tenant/centre/machine/id` (the tenant empty when absent).
 * Each part is percent-encoded, so the form is unambiguous.
 *
 * @param key - a store key
 * @example
 * ```ts
 * formatStoreKey({ centreNumber: '99999', machine: 'examCycle', id: 'june-2026' }); // '/99999/examCycle/june-2026'
 * ```
 */
export function formatStoreKey(key: StoreKey): string {
  return [key.tenant ?? '', key.centreNumber, key.machine, key.id].map(encodeURIComponent).join('/');
}
