/**
 * The store's operations as SQL over a {@link Queryable}: the same statements for a `pg` pool, a `pg`
 * client inside a transaction, PGlite and a PGlite transaction. Snapshots are saved with
 * `UPDATE … WHERE revision = $expected` (or `INSERT … ON CONFLICT DO NOTHING` for a new key); zero rows is
 * a `conflict`, found before anything else of the save is written. Audit sequence numbers come from a
 * per-key head row, so appends to one key queue on its lock and the cost of an append does not grow with the log.
 */
import {
  checkStoreId,
  ExamcycleError,
  formatStoreKey,
  storeJson,
  toLondon,
  type AuditEntry,
  type AuditLine,
  type AuditRange,
  type CounterScope,
  type KeyFilter,
  type OutboxSignal,
  type PersistedSnapshot,
  type SaveSnapshotOptions,
  type SaveSnapshotResult,
  type StoredRecord,
  type StoredSnapshot,
  type StoreKey,
  type StoreTransaction,
} from '@examcycle/core';
import type { Queryable } from './driver/Queryable.js';
import { parseSnapshotEnvelope } from './snapshotEnvelope.js';
import { guarded } from './storeFailure.js';
import { keyColumns, keyFromRow, scopeColumns } from './storeKeyColumns.js';

/** Runs `fn` so that all it writes is kept together: in a new transaction, or in the one already open. */
export type Atomic = <T>(fn: (q: Queryable) => Promise<T>) => Promise<T>;

const KEY = 'tenant = $1 AND centre = $2 AND machine = $3 AND id = $4';
const MAX_SEQ = 2_147_483_647;
const DEFAULT_LIST_LIMIT = 1000;

/**
 * The {@link StoreTransaction} operations over SQL.
 *
 * @internal
 * @param q - where plain reads and single statements run
 * @param s - the quoted schema name
 * @param atomic - how several statements are kept together
 * @example
 * ```ts
 * import type { Driver } from './driver/Queryable.js';
 * declare const driver: Driver;
 * const ops = sqlStoreTransaction(driver, '"public"', (fn) => driver.transaction(fn));
 * ```
 */
export function sqlStoreTransaction(q: Queryable, s: string, atomic: Atomic): StoreTransaction {
  return {
    loadSnapshot: (key) =>
      guarded('loadSnapshot', async () => {
        const { rows } = await q.query<{ data: string; revision: number }>(
          `SELECT data::text AS data, revision FROM ${s}.snapshots WHERE ${KEY}`,
          keyColumns(key),
        );
        const row = rows[0];
        return row ? ({ saved: parseSnapshotEnvelope(key, row.data), revision: row.revision } satisfies StoredSnapshot) : undefined;
      }),

    saveSnapshot: (key, saved, options) => saveSnapshot(s, atomic, key, saved, options),

    appendAudit: (key, lines) => {
      const prepared = prepareAudit(lines);
      return guarded('appendAudit', () => insertAudit(q, s, key, prepared));
    },

    readAudit: (key, range: AuditRange = {}) =>
      guarded('readAudit', async () => {
        const { rows } = await q.query<{ seq: number; entry: string }>(
          `SELECT seq, entry::text AS entry FROM ${s}.audit WHERE ${KEY} AND seq >= $5 AND seq <= $6 ORDER BY seq LIMIT $7`,
          [...keyColumns(key), clampSeq(range.fromSeq, 1), clampSeq(range.toSeq, MAX_SEQ), range.limit ?? null],
        );
        return rows.map((row) => ({ seq: row.seq, ...(JSON.parse(row.entry) as AuditLine) }) as AuditEntry);
      }),

    putRecords: (key, collection, records) => {
      const byId = new Map<string, { id: string; data: unknown }>();
      for (const record of records) byId.set(checkStoreId(record.id, 'record id'), { id: record.id, data: JSON.parse(storeJson(record.data, 'record')) as unknown });
      if (byId.size === 0) return Promise.resolve();
      return guarded('putRecords', async () => {
        await q.query(
          `INSERT INTO ${s}.records (tenant, centre, machine, id, collection, record_id, data)
           SELECT $1, $2, $3, $4, $5, e->>'id', e->'data' FROM jsonb_array_elements($6::jsonb) AS e
           ON CONFLICT (tenant, centre, machine, id, collection, record_id) DO UPDATE SET data = EXCLUDED.data`,
          [...keyColumns(key), collection, JSON.stringify([...byId.values()])],
        );
      });
    },

    deleteRecords: (key, collection, ids) => {
      if (ids.length === 0) return Promise.resolve();
      return guarded('deleteRecords', async () => {
        await q.query(
          `DELETE FROM ${s}.records WHERE ${KEY} AND collection = $5 AND record_id IN (SELECT jsonb_array_elements_text($6::jsonb))`,
          [...keyColumns(key), collection, JSON.stringify(ids)],
        );
      });
    },

    loadRecords: (key, collection, ids) =>
      guarded('loadRecords', async () => {
        const only = ids === undefined ? '' : ' AND record_id IN (SELECT jsonb_array_elements_text($6::jsonb))';
        const { rows } = await q.query<{ record_id: string; data: string }>(
          `SELECT record_id, data::text AS data FROM ${s}.records WHERE ${KEY} AND collection = $5${only} ORDER BY record_id COLLATE "C"`,
          [...keyColumns(key), collection, ...(ids === undefined ? [] : [JSON.stringify(ids)])],
        );
        return rows.map((row): StoredRecord => ({ id: row.record_id, data: JSON.parse(row.data) as unknown }));
      }),

    nextCounter: (scope, name) =>
      guarded('nextCounter', async () => {
        const { rows } = await q.query<{ value: string }>(
          `INSERT INTO ${s}.counters (tenant, centre, name, value) VALUES ($1, $2, $3, 1)
           ON CONFLICT (tenant, centre, name) DO UPDATE SET value = ${s}.counters.value + 1 RETURNING value::text AS value`,
          [...scopeColumns(scope), name],
        );
        return Number(rows[0]?.value);
      }),

    readCounter: (scope: CounterScope, name) =>
      guarded('readCounter', async () => {
        const { rows } = await q.query<{ value: string }>(
          `SELECT value::text AS value FROM ${s}.counters WHERE tenant = $1 AND centre = $2 AND name = $3`,
          [...scopeColumns(scope), name],
        );
        return rows[0] ? Number(rows[0].value) : 0;
      }),

    listKeys: (filter: KeyFilter = {}) => {
      const wakeBy = filter.wakeBy === undefined ? null : toLondon(filter.wakeBy).toUTC().toISO();
      return guarded('listKeys', async () => {
        const { rows } = await q.query<{ tenant: string; centre: string; machine: string; id: string }>(
          `SELECT tenant, centre, machine, id FROM ${s}.snapshots
           WHERE ($1::text IS NULL OR tenant = $1::text) AND ($2::text IS NULL OR centre = $2::text)
             AND ($3::text IS NULL OR machine = $3::text) AND ($4::timestamptz IS NULL OR wake_at <= $4::timestamptz)
           ORDER BY tenant COLLATE "C", centre COLLATE "C", machine COLLATE "C", id COLLATE "C" LIMIT $5`,
          [filter.tenant ?? null, filter.centreNumber ?? null, filter.machine ?? null, wakeBy, filter.limit ?? DEFAULT_LIST_LIMIT],
        );
        return rows.map(keyFromRow);
      });
    },
  };
}

async function saveSnapshot(
  s: string,
  atomic: Atomic,
  key: StoreKey,
  saved: PersistedSnapshot,
  options: SaveSnapshotOptions,
): Promise<SaveSnapshotResult> {
  // Everything is checked and copied before the first statement: a bad argument writes nothing.
  const columns = keyColumns(key);
  const expected = options.expectedRevision;
  if (expected !== null && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new ExamcycleError('invalid_value', `expectedRevision must be null or a revision number, not ${String(expected)}`, {
      details: { field: 'expectedRevision' },
    });
  }
  const data = storeJson(saved, 'snapshot');
  const lines = prepareAudit(options.audit ?? []);
  const signals = (options.signals ?? []).map((signal) => {
    checkStoreId(signal.id, 'signal id');
    return JSON.parse(storeJson(signal, 'signal')) as OutboxSignal;
  });
  const wakeAt = options.wakeAt === undefined || options.wakeAt === null ? null : toLondon(options.wakeAt).toUTC().toISO();
  const keepWake = options.wakeAt === undefined;

  return guarded('saveSnapshot', () =>
    atomic(async (q) => {
      const { rows } =
        expected === null
          ? await q.query<{ revision: number }>(
              `INSERT INTO ${s}.snapshots (tenant, centre, machine, id, data, revision, wake_at)
               VALUES ($1, $2, $3, $4, $5::jsonb, 1, $6::timestamptz) ON CONFLICT DO NOTHING RETURNING revision`,
              [...columns, data, wakeAt],
            )
          : await q.query<{ revision: number }>(
              `UPDATE ${s}.snapshots SET data = $5::jsonb, revision = revision + 1, updated_at = now(),
                 wake_at = ${keepWake ? 'wake_at' : '$7::timestamptz'}
               WHERE ${KEY} AND revision = $6 RETURNING revision`,
              [...columns, data, expected, ...(keepWake ? [] : [wakeAt])],
            );
      const row = rows[0];
      if (!row) {
        const actual = await q.query<{ revision: number }>(`SELECT revision FROM ${s}.snapshots WHERE ${KEY}`, columns);
        const actualRevision = actual.rows[0]?.revision ?? null;
        const where = formatStoreKey(key);
        throw new ExamcycleError(
          'conflict',
          `Snapshot ${where} is at revision ${String(actualRevision)}, not ${String(expected)}: it was saved by someone else since it was read`,
          { details: { key: where, expectedRevision: expected, actualRevision } },
        );
      }
      const audit = await insertAudit(q, s, key, lines);
      if (signals.length > 0) {
        await q.query(
          `INSERT INTO ${s}.signals (tenant, centre, machine, id, signal_id, signal)
           SELECT $1, $2, $3, $4, x.e->>'id', x.e FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY x.n
           ON CONFLICT (tenant, centre, machine, id, signal_id) DO NOTHING`,
          [...columns, JSON.stringify(signals)],
        );
      }
      return { revision: row.revision, audit };
    }),
  );
}

/** Audit lines as plain JSON without a caller's `seq` (the log numbers them). */
function prepareAudit(lines: readonly AuditLine[]): AuditLine[] {
  return lines.map((line) => {
    const { seq: _ignored, ...rest } = JSON.parse(storeJson(line, 'audit line')) as AuditLine & { seq?: unknown };
    return rest;
  });
}

async function insertAudit(q: Queryable, s: string, key: StoreKey, lines: readonly AuditLine[]): Promise<AuditEntry[]> {
  if (lines.length === 0) return [];
  const { rows } = await q.query<{ seq: number }>(
    `WITH head AS (
       INSERT INTO ${s}.audit_heads (tenant, centre, machine, id, last_seq) VALUES ($1, $2, $3, $4, $6::integer)
       ON CONFLICT (tenant, centre, machine, id) DO UPDATE SET last_seq = ${s}.audit_heads.last_seq + $6::integer
       RETURNING last_seq
     )
     INSERT INTO ${s}.audit (tenant, centre, machine, id, seq, entry)
     SELECT $1, $2, $3, $4, head.last_seq - $6::integer + x.n::integer, x.e
     FROM head, jsonb_array_elements($5::jsonb) WITH ORDINALITY AS x(e, n)
     RETURNING seq`,
    [...keyColumns(key), JSON.stringify(lines), lines.length],
  );
  const first = Math.min(...rows.map((row) => row.seq));
  return lines.map((line, i) => ({ seq: first + i, ...line }) as AuditEntry);
}

function clampSeq(value: number | undefined, fallback: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.max(0, Math.min(MAX_SEQ, Math.trunc(value)));
}

