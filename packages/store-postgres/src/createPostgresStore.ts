/**
 * `createPostgresStore`: the examcycle storage contract on PostgreSQL, over a node-postgres pool for a server
 * (`{ connectionString }`) or over embedded PGlite (`{ dataDir }`, or nothing for memory) — the same schema and
 * the same SQL on both. Opening applies the schema migrations. Deadline signals are claimed with
 * `FOR UPDATE SKIP LOCKED` so several worker processes share one outbox and each signal reaches one of them.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  ExamcycleError,
  isExamcycleError,
  type ClaimedSignal,
  type DeliverSignalsOptions,
  type DeliverSignalsResult,
  type ExamcycleStore,
  type OutboxSignal,
  type StoreTransaction,
} from '@examcycle/core';
import { openPgDriver } from './driver/pgDriver.js';
import { openPgliteDriver } from './driver/pgliteDriver.js';
import type { Driver, Queryable } from './driver/Queryable.js';
import { migrate } from './schema/migrations.js';
import { sqlStoreTransaction } from './sqlStoreTransaction.js';
import { guarded, storeFailure } from './storeFailure.js';
import { keyFromRow } from './storeKeyColumns.js';

/** Options shared by both databases. */
interface CommonOptions {
  /**
   * The PostgreSQL schema the tables live in (created if missing). Letters, digits and `_`.
   * @default 'public'
   */
  readonly schema?: string;
}

/**
 * A PostgreSQL server through a node-postgres pool.
 *
 * @example
 * ```ts
 * const options: PostgresServerOptions = { connectionString: 'postgres://examcycle@db.internal:5432/exams', schema: 'trust_a', maxConnections: 20 };
 * const store = await createPostgresStore(options);
 * ```
 */
export interface PostgresServerOptions extends CommonOptions {
  /** E.g. `postgres://examcycle@db.internal:5432/examcycle`. */
  readonly connectionString: string;
  /**
   * Most connections the pool opens. Each `transaction` and each signal being delivered holds one.
   * @default 10
   */
  readonly maxConnections?: number;
}

/**
 * Embedded PostgreSQL (PGlite): in a data folder, in memory, or an instance the caller opened.
 *
 * @example
 * ```ts
 * const onDisk: PgliteOptions = { dataDir: './examcycle-data' };
 * const inMemory: PgliteOptions = {};
 * const store = await createPostgresStore(onDisk);
 * ```
 */
export interface PgliteOptions extends CommonOptions {
  /** The folder PGlite keeps its files in (created if missing). Omitted: in memory, gone on close. */
  readonly dataDir?: string;
}

/**
 * An embedded PGlite the caller opened and will close (e.g. to share one database among several schemas).
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const pglite = new PGlite('./examcycle-data');
 * const options: PgliteInstanceOptions = { pglite, schema: 'centre_12345' };
 * const store = await createPostgresStore(options);
 * await store.close(); // closes the store, not your PGlite
 * await pglite.close();
 * ```
 */
export interface PgliteInstanceOptions extends CommonOptions {
  readonly pglite: PGlite;
}

/**
 * Options for {@link createPostgresStore}: a server, or embedded PGlite.
 *
 * @example
 * ```ts
 * const options: PostgresStoreOptions = process.env.DATABASE_URL ? { connectionString: process.env.DATABASE_URL } : { dataDir: './examcycle-data' };
 * const store = await createPostgresStore(options);
 * ```
 */
export type PostgresStoreOptions = PostgresServerOptions | PgliteOptions | PgliteInstanceOptions;

const DEFAULT_DELIVER_LIMIT = 100;

/**
 * Opens a store on PostgreSQL and brings its schema up to date.
 *
 * - `{ connectionString }`: a server, through a `pg` pool; several processes may share it.
 * - `{ dataDir }`: embedded PGlite in that folder (one process at a time); `{}`: PGlite in memory.
 *
 * @param options - where the database is, and the schema to use
 * @returns the open store; `close()` releases it
 * @throws ExamcycleError `store_failed` when the database cannot be reached or its schema is newer than this library
 * @example
 * ```ts
 * import { createPostgresStore } from '@examcycle/store-postgres';
 * declare const cycle: ExamCycle;
 *
 * const store = await createPostgresStore({ dataDir: './examcycle-data' });
 * const key = { centreNumber: '12345', machine: 'examCycle', id: 'june-2026' };
 * const loaded = await store.loadSnapshot(key); // undefined the first time
 * await store.saveSnapshot(key, cycle.persist(), { expectedRevision: loaded?.revision ?? null });
 * await store.close();
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions = {}): Promise<ExamcycleStore> {
  const schema = quoteSchema(options.schema ?? 'public');
  const driver = await guarded('open the database', () =>
    'connectionString' in options
      ? openPgDriver({ connectionString: options.connectionString, max: options.maxConnections ?? 10 })
      : openPgliteDriver('pglite' in options ? { pglite: options.pglite } : options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
  );
  try {
    await migrate(driver, schema);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  return postgresStore(driver, schema);
}

function postgresStore(driver: Driver, schema: string): ExamcycleStore {
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw new ExamcycleError('store_failed', 'The store is closed', { details: { reason: 'closed' } });
  };
  const direct = sqlStoreTransaction(driver, schema, (fn) => driver.transaction(fn));
  // Ids of signals this store has claimed and not yet finished (PGlite: the claim; a server: a second guard).
  const inFlight = new Set<string>();
  let claiming: Promise<unknown> = Promise.resolve();

  const checked = <K extends keyof StoreTransaction>(name: K): StoreTransaction[K] =>
    (async (...args: unknown[]) => {
      assertOpen();
      return (direct[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as StoreTransaction[K];

  async function claimNext(q: Queryable, tenant: string | undefined, skip: readonly string[]) {
    const { rows } = await q.query<{ outbox_id: string; tenant: string; centre: string; machine: string; id: string; signal: string }>(
      `SELECT outbox_id::text AS outbox_id, tenant, centre, machine, id, signal::text AS signal FROM ${schema}.signals
       WHERE delivered_at IS NULL AND ($1::text IS NULL OR tenant = $1::text)
         AND outbox_id NOT IN (SELECT (jsonb_array_elements_text($2::jsonb))::bigint)
       ORDER BY outbox_id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [tenant ?? null, JSON.stringify(skip)],
    );
    const row = rows[0];
    if (!row) return undefined;
    const signal: ClaimedSignal = { ...(JSON.parse(row.signal) as OutboxSignal), key: keyFromRow(row) };
    return { outboxId: row.outbox_id, signal };
  }

  const markDelivered = (q: Queryable, outboxId: string) =>
    q.query(`UPDATE ${schema}.signals SET delivered_at = now() WHERE outbox_id = $1::bigint AND delivered_at IS NULL`, [outboxId]);

  type Attempt = { readonly signal: ClaimedSignal; readonly error?: unknown; readonly outboxId: string } | undefined;

  /** A server: the row stays locked (and so claimed) until the handler returns and the mark commits. */
  async function deliverOneLocked(handler: (signal: ClaimedSignal) => void | Promise<void>, tenant: string | undefined, skip: readonly string[]): Promise<Attempt> {
    return guarded('deliverSignals', () =>
      driver.transaction(async (q): Promise<Attempt> => {
        const claimed = await claimNext(q, tenant, skip);
        if (!claimed) return undefined;
        try {
          await handler(claimed.signal);
        } catch (error) {
          return { signal: claimed.signal, error, outboxId: claimed.outboxId };
        }
        await markDelivered(q, claimed.outboxId);
        return { signal: claimed.signal, outboxId: claimed.outboxId };
      }),
    );
  }

  /** PGlite (one connection, one process): claimed in this process, the handler runs outside any transaction. */
  async function deliverOneInProcess(handler: (signal: ClaimedSignal) => void | Promise<void>, tenant: string | undefined, skip: readonly string[]): Promise<Attempt> {
    const claim = claiming.then(() => guarded('deliverSignals', () => claimNext(driver, tenant, [...skip, ...inFlight])));
    claiming = claim.catch(() => undefined);
    const claimed = await claim;
    if (!claimed) return undefined;
    inFlight.add(claimed.outboxId);
    try {
      try {
        await handler(claimed.signal);
      } catch (error) {
        return { signal: claimed.signal, error, outboxId: claimed.outboxId };
      }
      await guarded('deliverSignals', () => markDelivered(driver, claimed.outboxId));
      return { signal: claimed.signal, outboxId: claimed.outboxId };
    } finally {
      inFlight.delete(claimed.outboxId);
    }
  }

  return {
    loadSnapshot: checked('loadSnapshot'),
    saveSnapshot: checked('saveSnapshot'),
    appendAudit: checked('appendAudit'),
    readAudit: checked('readAudit'),
    putRecords: checked('putRecords'),
    deleteRecords: checked('deleteRecords'),
    loadRecords: checked('loadRecords'),
    nextCounter: checked('nextCounter'),
    readCounter: checked('readCounter'),
    listKeys: checked('listKeys'),

    async transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      assertOpen();
      // On a server, transactions are SERIALIZABLE, so a read-then-write (the results store loading a
      // candidate's record and writing it back) never loses another worker's write: PostgreSQL refuses one of
      // two overlapping transactions (SQLSTATE 40001) and it is run again here on fresh data. PGlite has one
      // connection, so its transactions never overlap.
      for (let attempt = 1; ; attempt += 1) {
        let open = true;
        try {
          return await driver.transaction(async (q) => {
            if (!driver.singleConnection) await q.query('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
            const inner = sqlStoreTransaction(q, schema, (work) => work(q));
            const tx = Object.fromEntries(
              Object.entries(inner).map(([name, method]) => [
                name,
                (...args: unknown[]) =>
                  open
                    ? (method as (...a: unknown[]) => Promise<unknown>)(...args)
                    : Promise.reject(new ExamcycleError('store_failed', `Transaction already ended: ${name} was called on a finished transaction`)),
              ]),
            ) as unknown as StoreTransaction;
            try {
              return await fn(tx);
            } finally {
              open = false;
            }
          });
        } catch (error) {
          if (attempt < SERIALIZATION_ATTEMPTS && isSerializationFailure(error)) {
            await backoff(attempt);
            continue;
          }
          throw guardedError(error);
        }
      }
    },

    async deliverSignals(handler, options: DeliverSignalsOptions = {}): Promise<DeliverSignalsResult> {
      assertOpen();
      const limit = options.limit ?? DEFAULT_DELIVER_LIMIT;
      const failed: { signal: ClaimedSignal; error: unknown }[] = [];
      const skip: string[] = [];
      let delivered = 0;
      while (delivered + failed.length < limit) {
        const attempt = driver.singleConnection
          ? await deliverOneInProcess(handler, options.tenant, skip)
          : await deliverOneLocked(handler, options.tenant, skip);
        if (!attempt) break;
        if ('error' in attempt) {
          failed.push({ signal: attempt.signal, error: attempt.error });
          skip.push(attempt.outboxId);
        } else {
          delivered += 1;
        }
      }
      return { delivered, failed };
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await guarded('close', () => driver.close());
    },
  };
}

/** How many times a transaction refused for a serialisation conflict is run again before it is reported. */
const SERIALIZATION_ATTEMPTS = 30;

let spread = 0;
/** Waits a little longer after each refused attempt, spread so that two retrying workers drift apart. */
function backoff(attempt: number): Promise<void> {
  spread = (spread + 1) % 7;
  const ms = Math.min(250, 2 ** Math.min(attempt, 8)) * (1 + spread / 7);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** PostgreSQL's "could not serialize access" (40001) and deadlock (40P01), directly or as a cause. */
function isSerializationFailure(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (code === '40001' || code === '40P01') return true;
  }
  return false;
}

/** A user's error from a transaction passes through; a driver's becomes `store_failed`. */
function guardedError(error: unknown): unknown {
  const fromDriver = typeof error === 'object' && error !== null && 'severity' in error && !isExamcycleError(error);
  return fromDriver ? storeFailure(error, 'run the transaction') : error;
}

function quoteSchema(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new ExamcycleError('invalid_value', `Not a schema name examcycle accepts: ${JSON.stringify(schema)} (letters, digits and _)`, {
      details: { field: 'schema' },
    });
  }
  return `"${schema}"`;
}
