/**
 * The one contract test suite every examcycle store passes: the memory store, embedded PGlite and a
 * PostgreSQL server run exactly these tests. It covers every method of {@link ExamcycleStore}: revisions and
 * conflicts, the append-only audit log, records, counters, key listing, tenants, transactions, the signal
 * outbox (each signal delivered once, also to concurrent callers) and closing.
 */
import {
  formatStoreKey,
  isExamcycleError,
  type AuditLine,
  type ClaimedSignal,
  type ExamcycleStore,
  type OutboxSignal,
  type PersistedSnapshot,
  type StoreKey,
} from '@examcycle/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** Options for {@link describeStoreContract}. */
export interface StoreContractOptions {
  /**
   * Closes `store` and opens the same database again, for the tests that what was saved survives a restart.
   * Omitted (a store that keeps nothing across opens, like the memory store): those tests are left out.
   */
  readonly reopen?: (store: ExamcycleStore) => Promise<ExamcycleStore>;
  /**
   * Milliseconds each test may take.
   * @default 60000
   */
  readonly timeout?: number;
}

/**
 * Declares the storage contract's tests (vitest `describe`/`it`) for one store implementation.
 * `open` must give an EMPTY store each time it is called (a new memory store, a new schema, a new database).
 *
 * @param name - the implementation's name, shown in the test names
 * @param open - opens an empty store
 * @param options - reopen (for stores that persist) and a per-test timeout
 * @example
 * ```ts
 * import { createMemoryStore } from '@examcycle/core';
 * import { describeStoreContract } from '@examcycle/store-testkit';
 *
 * describeStoreContract('memory', async () => createMemoryStore());
 * ```
 */
export function describeStoreContract(name: string, open: () => Promise<ExamcycleStore>, options: StoreContractOptions = {}): void {
  const timeout = options.timeout ?? 60_000;

  describe(`${name} store (examcycle storage contract)`, { timeout }, () => {
    let store: ExamcycleStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('snapshots and revisions', () => {
      it('loads undefined for a key never saved', async () => {
        expect(await store.loadSnapshot(keyOf('never'))).toBeUndefined();
      });

      it('saves a new key with expectedRevision null at revision 1, and each later save adds 1', async () => {
        const key = keyOf('a');
        expect((await store.saveSnapshot(key, envelope(1), { expectedRevision: null })).revision).toBe(1);
        expect((await store.saveSnapshot(key, envelope(2), { expectedRevision: 1 })).revision).toBe(2);
        expect((await store.saveSnapshot(key, envelope(3), { expectedRevision: 2 })).revision).toBe(3);
        expect(await store.loadSnapshot(key)).toEqual({ saved: envelope(3), revision: 3 });
      });

      it('refuses a save naming a revision it did not read with a typed conflict that writes nothing', async () => {
        const key = keyOf('stale');
        await store.saveSnapshot(key, envelope(1), { expectedRevision: null });
        await store.saveSnapshot(key, envelope(2), { expectedRevision: 1 });
        const error = await rejection(
          store.saveSnapshot(key, envelope(99), { expectedRevision: 1, audit: [line('stale')], signals: [signal('stale')], wakeAt: WAKE }),
        );
        expect(error).toMatchObject({ code: 'conflict', details: { key: formatStoreKey(key), expectedRevision: 1, actualRevision: 2 } });
        expect(await store.loadSnapshot(key)).toEqual({ saved: envelope(2), revision: 2 });
        expect(await store.readAudit(key)).toEqual([]);
        expect(await store.listKeys({ wakeBy: WAKE })).toEqual([]);
        expect(await deliverAll(store)).toEqual([]);
      });

      it('refuses expectedRevision null for a key that exists, and a revision for a key that does not', async () => {
        const key = keyOf('exists');
        await store.saveSnapshot(key, envelope(1), { expectedRevision: null });
        expect(await rejection(store.saveSnapshot(key, envelope(2), { expectedRevision: null }))).toMatchObject({
          code: 'conflict',
          details: { expectedRevision: null, actualRevision: 1 },
        });
        expect(await rejection(store.saveSnapshot(keyOf('missing'), envelope(2), { expectedRevision: 3 }))).toMatchObject({
          code: 'conflict',
          details: { expectedRevision: 3, actualRevision: null },
        });
        expect(await store.loadSnapshot(keyOf('missing'))).toBeUndefined();
      });

      it('lets exactly one of two handles that read revision N save; the loser wrote no snapshot, audit line or signal', async () => {
        const key = keyOf('race');
        await store.saveSnapshot(key, envelope(0), { expectedRevision: null });
        const [a, b] = await Promise.all([store.loadSnapshot(key), store.loadSnapshot(key)]);
        const results = await Promise.allSettled([
          store.saveSnapshot(key, envelope(10), { expectedRevision: a?.revision ?? null, audit: [line('A')], signals: [signal('A')] }),
          store.saveSnapshot(key, envelope(20), { expectedRevision: b?.revision ?? null, audit: [line('B')], signals: [signal('B')] }),
        ]);
        const won = results.findIndex((r) => r.status === 'fulfilled');
        const lost = results.find((r) => r.status === 'rejected');
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(lost?.status === 'rejected' && lost.reason).toMatchObject({ code: 'conflict', details: { expectedRevision: 1, actualRevision: 2 } });
        const winner = won === 0 ? 'A' : 'B';
        expect(await store.loadSnapshot(key)).toEqual({ saved: envelope(won === 0 ? 10 : 20), revision: 2 });
        expect((await store.readAudit(key)).map((e) => e.event)).toEqual([winner]);
        expect((await deliverAll(store)).map((s) => s.id)).toEqual([winner]);
      });

      it('hands out copies: changing a loaded or a saved object changes nothing stored', async () => {
        const key = keyOf('copy');
        const saved = envelope(1) as { snapshot: { context: { n: number; list: number[] } } } & PersistedSnapshot;
        await store.saveSnapshot(key, saved, { expectedRevision: null });
        saved.snapshot.context.list.push(4);
        const loaded = await store.loadSnapshot(key);
        (loaded?.saved.snapshot as { context: { n: number } }).context.n = 999;
        expect(await store.loadSnapshot(key)).toEqual({ saved: envelope(1), revision: 1 });
      });

      it('keeps a snapshot as JSON exactly: nesting, unicode, numbers, empty strings and nulls', async () => {
        const key = keyOf('json');
        const saved: PersistedSnapshot = {
          format: 'examcycle.snapshot',
          machine: 'examCycle',
          version: 1,
          snapshot: { status: 'active', value: { a: 'b' }, context: { name: 'Zoë Ñoño — 試験 🎓', n: -1.5e-7, big: 2 ** 53 - 1, empty: '', none: null, deep: [[{ x: [true, false] }]] } },
        };
        await store.saveSnapshot(key, saved, { expectedRevision: null });
        expect((await store.loadSnapshot(key))?.saved).toEqual(saved);
      });

      it('refuses a key with an empty centre, machine or id as invalid_value', async () => {
        for (const key of [{ ...keyOf('x'), centreNumber: '' }, { ...keyOf('x'), machine: '' }, { ...keyOf('x'), id: '' }]) {
          expect(await rejection(store.saveSnapshot(key, envelope(1), { expectedRevision: null }))).toMatchObject({ code: 'invalid_value' });
        }
      });

      it('refuses, as invalid_value and writing nothing, a revision that is no revision number, an empty signal or record id, a counter without a centre', async () => {
        const key = keyOf('args');
        for (const expectedRevision of [1.5, -1, Number.NaN]) {
          expect(await rejection(store.saveSnapshot(key, envelope(1), { expectedRevision }))).toMatchObject({ code: 'invalid_value' });
        }
        expect(await rejection(store.saveSnapshot(key, envelope(1), { expectedRevision: null, audit: [line('no')], signals: [signal('')] }))).toMatchObject({
          code: 'invalid_value',
        });
        expect(await store.loadSnapshot(key)).toBeUndefined();
        expect(await store.readAudit(key)).toEqual([]);
        expect(await rejection(store.putRecords(key, 'results', [{ id: 'ok', data: 1 }, { id: '', data: 2 }]))).toMatchObject({ code: 'invalid_value' });
        expect(await store.loadRecords(key, 'results')).toEqual([]);
        expect(await rejection(store.nextCounter({ centreNumber: '' }, 'edi'))).toMatchObject({ code: 'invalid_value' });
      });
    });

    describe('audit log', () => {
      it('numbers each key’s lines from 1 in the order appended and reads them back in order', async () => {
        const key = keyOf('log');
        const first = await store.appendAudit(key, [line('e1'), line('e2')]);
        const second = await store.appendAudit(key, [line('e3')]);
        expect(first.map((e) => e.seq)).toEqual([1, 2]);
        expect(second).toEqual([{ seq: 3, ...line('e3') }]);
        expect(await store.readAudit(key)).toEqual([1, 2, 3].map((n) => ({ seq: n, ...line(`e${n}`) })));
        expect((await store.appendAudit(keyOf('other'), [line('x')]))[0]?.seq).toBe(1);
      });

      it('reads a range by fromSeq and toSeq (inclusive) and at most limit lines', async () => {
        const key = keyOf('range');
        await store.appendAudit(key, Array.from({ length: 10 }, (_, i) => line(`e${i + 1}`)));
        const seqs = async (range: Parameters<ExamcycleStore['readAudit']>[1]) => (await store.readAudit(key, range)).map((e) => e.seq);
        expect(await seqs({ fromSeq: 4, toSeq: 6 })).toEqual([4, 5, 6]);
        expect(await seqs({ fromSeq: 8 })).toEqual([8, 9, 10]);
        expect(await seqs({ toSeq: 2 })).toEqual([1, 2]);
        expect(await seqs({ fromSeq: 3, limit: 2 })).toEqual([3, 4]);
        expect(await seqs({ fromSeq: 11 })).toEqual([]);
        expect(await store.readAudit(keyOf('empty'))).toEqual([]);
      });

      it('numbers the lines of a save after those already in the log and returns them numbered', async () => {
        const key = keyOf('saved-lines');
        await store.appendAudit(key, [line('before')]);
        const result = await store.saveSnapshot(key, envelope(1), { expectedRevision: null, audit: [line('s1'), line('s2')] });
        expect(result.audit).toEqual([{ seq: 2, ...line('s1') }, { seq: 3, ...line('s2') }]);
        expect((await store.readAudit(key)).map((e) => e.event)).toEqual(['before', 's1', 's2']);
      });

      it('gives concurrent appends to one key distinct consecutive numbers and loses none', async () => {
        const key = keyOf('busy');
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendAudit(key, [line(`c${i}`)])));
        const log = await store.readAudit(key);
        expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(new Set(log.map((e) => e.event)).size).toBe(20);
      });

      it('is append-only: changing a returned entry changes nothing in the log', async () => {
        const key = keyOf('frozen');
        const [entry] = await store.appendAudit(key, [line('kept')]);
        (entry as { event: string }).event = 'changed';
        const [read] = await store.readAudit(key);
        (read as { event: string }).event = 'changed';
        expect(await store.readAudit(key)).toEqual([{ seq: 1, ...line('kept') }]);
      });
    });

    describe('records', () => {
      it('puts, replaces by id, loads in id order (all or by ids) and deletes records', async () => {
        const key = keyOf('results', 'results');
        await store.putRecords(key, 'results', [
          { id: 'c', data: { grade: 'C' } },
          { id: 'a', data: { grade: 'A' } },
          { id: 'b', data: { grade: 'B', marks: [1, 2] } },
        ]);
        expect((await store.loadRecords(key, 'results')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
        await store.putRecords(key, 'results', [{ id: 'a', data: { grade: 'A*' } }]);
        expect(await store.loadRecords(key, 'results', ['a', 'b', 'zz'])).toEqual([
          { id: 'a', data: { grade: 'A*' } },
          { id: 'b', data: { grade: 'B', marks: [1, 2] } },
        ]);
        await store.deleteRecords(key, 'results', ['b', 'missing']);
        expect((await store.loadRecords(key, 'results')).map((r) => r.id)).toEqual(['a', 'c']);
        expect(await store.loadRecords(key, 'results', [])).toEqual([]);
      });

      it('keeps each key’s and each collection’s records apart', async () => {
        const k1 = keyOf('r1', 'results');
        const k2 = keyOf('r2', 'results');
        await store.putRecords(k1, 'results', [{ id: 'x', data: 1 }]);
        await store.putRecords(k1, 'nominations', [{ id: 'x', data: 2 }]);
        await store.putRecords(k2, 'results', [{ id: 'x', data: 3 }]);
        expect(await store.loadRecords(k1, 'results')).toEqual([{ id: 'x', data: 1 }]);
        expect(await store.loadRecords(k1, 'nominations')).toEqual([{ id: 'x', data: 2 }]);
        expect(await store.loadRecords(k2, 'results')).toEqual([{ id: 'x', data: 3 }]);
        await store.deleteRecords(k1, 'results', ['x']);
        expect(await store.loadRecords(k1, 'nominations')).toHaveLength(1);
        expect(await store.loadRecords(k2, 'results')).toHaveLength(1);
      });

      it('hands out copies of records', async () => {
        const key = keyOf('rc', 'results');
        const data = { grade: 'A', list: [1] };
        await store.putRecords(key, 'results', [{ id: 'a', data }]);
        data.list.push(2);
        const [loaded] = await store.loadRecords(key, 'results');
        (loaded?.data as { grade: string }).grade = 'U';
        expect(await store.loadRecords(key, 'results')).toEqual([{ id: 'a', data: { grade: 'A', list: [1] } }]);
      });
    });

    describe('counters', () => {
      it('reads 0 for a counter never incremented and counts 1, 2, 3 per centre and name', async () => {
        const scope = { centreNumber: '12345' };
        expect(await store.readCounter(scope, 'edi')).toBe(0);
        expect([await store.nextCounter(scope, 'edi'), await store.nextCounter(scope, 'edi'), await store.nextCounter(scope, 'edi')]).toEqual([1, 2, 3]);
        expect(await store.readCounter(scope, 'edi')).toBe(3);
        expect(await store.nextCounter(scope, 'other')).toBe(1);
        expect(await store.nextCounter({ centreNumber: '54321' }, 'edi')).toBe(1);
      });

      it('gives concurrent increments distinct values with none lost', async () => {
        const scope = { centreNumber: '12345' };
        const values = await Promise.all(Array.from({ length: 30 }, () => store.nextCounter(scope, 'edi')));
        expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
        expect(await store.readCounter(scope, 'edi')).toBe(30);
      });
    });

    describe('listing keys', () => {
      it('lists saved keys in key order, filtered by tenant, centre and machine, at most limit', async () => {
        const keys: StoreKey[] = [
          { centreNumber: '22222', machine: 'eops', id: 'y1' },
          { centreNumber: '11111', machine: 'examCycle', id: 'b' },
          { centreNumber: '11111', machine: 'examCycle', id: 'a' },
          { tenant: 'trust', centreNumber: '11111', machine: 'examCycle', id: 'a' },
        ];
        for (const key of keys) await store.saveSnapshot(key, envelope(1), { expectedRevision: null });
        await store.appendAudit(keyOf('audit-only'), [line('no snapshot')]);
        expect(await store.listKeys()).toEqual([keys[2], keys[1], keys[0], keys[3]]);
        expect(await store.listKeys({ centreNumber: '11111' })).toEqual([keys[2], keys[1], keys[3]]);
        expect(await store.listKeys({ machine: 'eops' })).toEqual([keys[0]]);
        expect(await store.listKeys({ tenant: 'trust' })).toEqual([keys[3]]);
        expect(await store.listKeys({ limit: 2 })).toEqual([keys[2], keys[1]]);
      });

      it('lists by wakeBy the keys due at or before an instant, whatever its offset; null never wakes; omitted keeps the last', async () => {
        const early = keyOf('early');
        const late = keyOf('late');
        const never = keyOf('never-wakes');
        await store.saveSnapshot(early, envelope(1), { expectedRevision: null, wakeAt: '2026-06-01T10:00:00.000+01:00' });
        await store.saveSnapshot(late, envelope(1), { expectedRevision: null, wakeAt: '2026-06-02T09:00:00.000Z' });
        await store.saveSnapshot(never, envelope(1), { expectedRevision: null, wakeAt: null });
        expect(await store.listKeys({ wakeBy: '2026-06-01T09:00:00.000Z' })).toEqual([early]);
        expect(await store.listKeys({ wakeBy: '2026-06-01T08:59:59.999Z' })).toEqual([]);
        expect(await store.listKeys({ wakeBy: '2026-12-31T00:00:00.000Z' })).toEqual([early, late]);
        await store.saveSnapshot(early, envelope(2), { expectedRevision: 1 });
        expect(await store.listKeys({ wakeBy: '2026-06-01T09:00:00.000Z' })).toEqual([early]);
        await store.saveSnapshot(early, envelope(3), { expectedRevision: 2, wakeAt: null });
        expect(await store.listKeys({ wakeBy: '2026-12-31T00:00:00.000Z' })).toEqual([late]);
      });
    });

    describe('tenants', () => {
      it('keeps tenants apart: the same centre, machine and id under two tenants are two things', async () => {
        const plain = keyOf('shared');
        const a = { ...plain, tenant: 'trust-a' };
        const b = { ...plain, tenant: 'trust-b' };
        await store.saveSnapshot(a, envelope(1), { expectedRevision: null, audit: [line('a')], signals: [signal('s')] });
        await store.saveSnapshot(b, envelope(2), { expectedRevision: null, audit: [line('b')], signals: [signal('s')] });
        expect(await store.loadSnapshot(plain)).toBeUndefined();
        expect((await store.loadSnapshot(a))?.saved).toEqual(envelope(1));
        expect((await store.loadSnapshot(b))?.saved).toEqual(envelope(2));
        expect((await store.readAudit(b)).map((e) => [e.seq, e.event])).toEqual([[1, 'b']]);
        await store.putRecords(a, 'results', [{ id: 'r', data: 'a' }]);
        expect(await store.loadRecords(b, 'results')).toEqual([]);
        await store.nextCounter({ tenant: 'trust-a', centreNumber: plain.centreNumber }, 'edi');
        expect(await store.readCounter({ tenant: 'trust-b', centreNumber: plain.centreNumber }, 'edi')).toBe(0);
        expect(await store.readCounter({ centreNumber: plain.centreNumber }, 'edi')).toBe(0);
        const got: ClaimedSignal[] = [];
        await store.deliverSignals((s) => void got.push(s), { tenant: 'trust-b' });
        expect(got.map((s) => s.key)).toEqual([b]);
        expect((await deliverAll(store)).map((s) => s.key)).toEqual([a]);
      });
    });

    describe('transactions', () => {
      it('keeps everything a transaction wrote when it returns, and it sees its own writes', async () => {
        const key = keyOf('tx');
        const result = await store.transaction(async (tx) => {
          await tx.saveSnapshot(key, envelope(1), { expectedRevision: null, audit: [line('t1')] });
          await tx.putRecords(key, 'results', [{ id: 'a', data: 1 }]);
          const n = await tx.nextCounter({ centreNumber: key.centreNumber }, 'edi');
          expect((await tx.loadSnapshot(key))?.revision).toBe(1);
          expect(await tx.readAudit(key)).toHaveLength(1);
          return n;
        });
        expect(result).toBe(1);
        expect((await store.loadSnapshot(key))?.revision).toBe(1);
        expect(await store.loadRecords(key, 'results')).toHaveLength(1);
        expect(await store.readCounter({ centreNumber: key.centreNumber }, 'edi')).toBe(1);
      });

      it('keeps nothing of a transaction that throws, and rethrows its error', async () => {
        const key = keyOf('tx-undo');
        await store.saveSnapshot(key, envelope(1), { expectedRevision: null, audit: [line('kept')] });
        await store.putRecords(key, 'results', [{ id: 'a', data: 'kept' }]);
        const boom = new Error('handler failed');
        const error = await rejection(
          store.transaction(async (tx) => {
            await tx.saveSnapshot(key, envelope(2), { expectedRevision: 1, audit: [line('gone')], signals: [signal('gone')], wakeAt: WAKE });
            await tx.appendAudit(key, [line('gone too')]);
            await tx.putRecords(key, 'results', [{ id: 'a', data: 'gone' }, { id: 'b', data: 'gone' }]);
            await tx.deleteRecords(key, 'results', ['a']);
            await tx.nextCounter({ centreNumber: key.centreNumber }, 'edi');
            await tx.saveSnapshot(keyOf('tx-new'), envelope(1), { expectedRevision: null });
            throw boom;
          }),
        );
        expect(error).toBe(boom);
        expect(await store.loadSnapshot(key)).toEqual({ saved: envelope(1), revision: 1 });
        expect(await store.loadSnapshot(keyOf('tx-new'))).toBeUndefined();
        expect((await store.readAudit(key)).map((e) => e.event)).toEqual(['kept']);
        expect(await store.loadRecords(key, 'results')).toEqual([{ id: 'a', data: 'kept' }]);
        expect(await store.readCounter({ centreNumber: key.centreNumber }, 'edi')).toBe(0);
        expect(await store.listKeys({ wakeBy: WAKE })).toEqual([]);
        expect(await deliverAll(store)).toEqual([]);
        // The log goes on from where the kept lines end.
        expect((await store.appendAudit(key, [line('next')]))[0]?.seq).toBe(2);
      });

      it('rolls back the writes before a conflict inside a transaction that rethrows it', async () => {
        const key = keyOf('tx-conflict');
        await store.saveSnapshot(key, envelope(1), { expectedRevision: null });
        const error = await rejection(
          store.transaction(async (tx) => {
            await tx.appendAudit(key, [line('before conflict')]);
            await tx.saveSnapshot(key, envelope(2), { expectedRevision: 7 });
          }),
        );
        expect(error).toMatchObject({ code: 'conflict' });
        expect(await store.readAudit(key)).toEqual([]);
      });

      it('runs concurrent read-modify-write transactions on one key without losing an update', async () => {
        const key = keyOf('tx-rmw');
        await store.saveSnapshot(key, envelope(0), { expectedRevision: null });
        const bump = async (): Promise<void> => {
          for (;;) {
            try {
              await store.transaction(async (tx) => {
                const read = await tx.loadSnapshot(key);
                const n = (read?.saved.snapshot as { context: { n: number } }).context.n;
                await tx.saveSnapshot(key, envelope(n + 1), { expectedRevision: read?.revision ?? null, audit: [line(`to ${n + 1}`)] });
              });
              return;
            } catch (error) {
              if (!(isExamcycleError(error) && error.code === 'conflict')) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, bump));
        expect(await store.loadSnapshot(key)).toEqual({ saved: envelope(8), revision: 9 });
        expect(await store.readAudit(key)).toHaveLength(8);
      });
    });

    describe('signal outbox', () => {
      it('delivers each signal once, with its key and payload, in the order saved; a second call delivers nothing', async () => {
        const key = keyOf('signals');
        await store.saveSnapshot(key, envelope(1), { expectedRevision: null, signals: [signal('one'), signal('two')] });
        await store.saveSnapshot(key, envelope(2), { expectedRevision: 1, signals: [signal('three')] });
        const got: ClaimedSignal[] = [];
        const result = await store.deliverSignals((s) => void got.push(s));
        expect(result).toEqual({ delivered: 3, failed: [] });
        expect(got).toEqual([{ ...signal('one'), key }, { ...signal('two'), key }, { ...signal('three'), key }]);
        expect(await store.deliverSignals(() => undefined)).toEqual({ delivered: 0, failed: [] });
      });

      it('ignores a signal id already kept for the key, delivered or not; the same id under another key is another signal', async () => {
        const key = keyOf('dup');
        await store.saveSnapshot(key, envelope(1), { expectedRevision: null, signals: [signal('s1'), signal('s1')] });
        await store.saveSnapshot(key, envelope(2), { expectedRevision: 1, signals: [signal('s1')] });
        expect((await deliverAll(store)).map((s) => s.id)).toEqual(['s1']);
        await store.saveSnapshot(key, envelope(3), { expectedRevision: 2, signals: [signal('s1'), signal('s2')] });
        await store.saveSnapshot(keyOf('dup-other'), envelope(1), { expectedRevision: null, signals: [signal('s1')] });
        expect((await deliverAll(store)).map((s) => `${s.key.id}:${s.id}`)).toEqual(['dup:s2', 'dup-other:s1']);
      });

      it('leaves the signal of a handler that throws for a later call, reports it, and still delivers the others', async () => {
        const key = keyOf('failing');
        await store.saveSnapshot(key, envelope(1), { expectedRevision: null, signals: [signal('bad'), signal('good')] });
        const boom = new Error('mail server down');
        const result = await store.deliverSignals((s) => {
          if (s.id === 'bad') throw boom;
        });
        expect(result.delivered).toBe(1);
        expect(result.failed).toEqual([{ signal: { ...signal('bad'), key }, error: boom }]);
        expect((await deliverAll(store)).map((s) => s.id)).toEqual(['bad']);
      });

      it('delivers at most limit signals a call, and only the tenant asked for', async () => {
        for (let i = 0; i < 5; i += 1) {
          await store.saveSnapshot(keyOf(`lim${i}`), envelope(1), { expectedRevision: null, signals: [signal(`s${i}`)] });
        }
        await store.saveSnapshot({ ...keyOf('t'), tenant: 'trust' }, envelope(1), { expectedRevision: null, signals: [signal('t')] });
        expect((await store.deliverSignals(() => undefined, { limit: 2 })).delivered).toBe(2);
        expect((await store.deliverSignals(() => undefined, { tenant: 'trust' })).delivered).toBe(1);
        expect((await store.deliverSignals(() => undefined, { tenant: 'trust' })).delivered).toBe(0);
        expect((await store.deliverSignals(() => undefined)).delivered).toBe(3);
      });

      it('never hands one signal to two concurrent deliverSignals calls', async () => {
        const signals = Array.from({ length: 24 }, (_, i) => signal(`c${i}`));
        await store.saveSnapshot(keyOf('concurrent'), envelope(1), { expectedRevision: null, signals });
        const seen: string[] = [];
        const handler = async (s: ClaimedSignal): Promise<void> => {
          seen.push(s.id);
          await new Promise((resolve) => setTimeout(resolve, 1));
        };
        const results = await Promise.all([1, 2, 3].map(() => store.deliverSignals(handler)));
        expect(results.reduce((n, r) => n + r.delivered, 0)).toBe(24);
        expect([...seen].sort()).toEqual(signals.map((s) => s.id).sort());
        expect(await store.deliverSignals(handler)).toEqual({ delivered: 0, failed: [] });
      });
    });

    describe('closing', () => {
      it('refuses every call after close with a typed store_failed', async () => {
        await store.close();
        expect(await rejection(store.loadSnapshot(keyOf('closed')))).toMatchObject({ code: 'store_failed' });
        expect(await rejection(store.saveSnapshot(keyOf('closed'), envelope(1), { expectedRevision: null }))).toMatchObject({ code: 'store_failed' });
        expect(await rejection(store.deliverSignals(() => undefined))).toMatchObject({ code: 'store_failed' });
        await store.close();
      });
    });

    const reopen = options.reopen;
    if (reopen) {
      describe('after a restart', () => {
        it('keeps snapshots, audit, records, counters and undelivered signals across close and reopen', async () => {
          const key = keyOf('durable');
          await store.saveSnapshot(key, envelope(1), { expectedRevision: null, audit: [line('one')], signals: [signal('due'), signal('sent')], wakeAt: WAKE });
          await store.deliverSignals(async (s) => {
            if (s.id === 'due') throw new Error('not now');
          });
          await store.putRecords(key, 'results', [{ id: 'a', data: { grade: 'A' } }]);
          await store.nextCounter({ centreNumber: key.centreNumber }, 'edi');
          store = await reopen(store);
          expect(await store.loadSnapshot(key)).toEqual({ saved: envelope(1), revision: 1 });
          expect(await store.readAudit(key)).toEqual([{ seq: 1, ...line('one') }]);
          expect(await store.loadRecords(key, 'results')).toEqual([{ id: 'a', data: { grade: 'A' } }]);
          expect(await store.nextCounter({ centreNumber: key.centreNumber }, 'edi')).toBe(2);
          expect(await store.listKeys({ wakeBy: WAKE })).toEqual([key]);
          expect((await deliverAll(store)).map((s) => s.id)).toEqual(['due']);
          await expect(store.saveSnapshot(key, envelope(2), { expectedRevision: null })).rejects.toMatchObject({ code: 'conflict' });
        });
      });
    }
  });
}

const WAKE = '2026-03-01T00:00:00.000Z';

function keyOf(id: string, machine = 'examCycle'): StoreKey {
  return { centreNumber: '12345', machine, id };
}

function envelope(n: number): PersistedSnapshot {
  return { format: 'examcycle.snapshot', machine: 'examCycle', version: 1, snapshot: { status: 'active', value: 'planning', context: { n, list: [1, 2, 3] } } };
}

function line(event: string): AuditLine {
  return { at: '2026-06-01T09:00:00.000+01:00', by: { id: 'eo-1', role: 'system' }, event, from: 'planning', to: 'planning', outcome: 'accepted', details: { note: event } };
}

function signal(id: string): OutboxSignal {
  return { id, type: 'deadline.overdue', at: '2026-02-22T00:00:00.000+00:00', payload: { deadline: 'entries.submitted', id } };
}

async function deliverAll(store: ExamcycleStore): Promise<ClaimedSignal[]> {
  const got: ClaimedSignal[] = [];
  await store.deliverSignals((s) => void got.push(s), { limit: 10_000 });
  return got;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}
