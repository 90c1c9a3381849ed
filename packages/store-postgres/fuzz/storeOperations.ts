/**
 * The store-operations fuzz surface: seeded random sequences of every store operation (saves with right,
 * stale and nonsense revisions, audit lines, signals with repeated ids, records, counters, listings,
 * deliveries, transactions that commit or throw) run on a store under test and on core's memory store, the
 * reference. Each input lives under a tenant of its own, so inputs never see each other. An input passes when
 * every operation gives the same result (or the same error code) on both, nothing but an `ExamcycleError`
 * (or the input's own thrown error) escapes, and no read returns another tenant's data.
 */
import { isExamcycleError, type AuditLine, type ExamcycleStore, type Instant, type OutboxSignal, type PersistedSnapshot, type StoreKey } from '@examcycle/core';

/** A seeded generator (mulberry32): the only randomness the surface uses. */
export interface FuzzRandom {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/**
 * A seeded generator.
 *
 * @example
 * ```ts
 * const rng = fuzzRandom(7); rng.int(10);
 * ```
 */
export function fuzzRandom(seed: number): FuzzRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)] as (typeof xs)[number],
    chance: (p) => next() < p,
  };
}

/** One operation of an input, applied the same way to both stores. */
type Operation = (store: Pick<ExamcycleStore, 'loadSnapshot' | 'saveSnapshot' | 'appendAudit' | 'readAudit' | 'putRecords' | 'deleteRecords' | 'loadRecords' | 'nextCounter' | 'readCounter' | 'listKeys'> & Partial<Pick<ExamcycleStore, 'transaction' | 'deliverSignals'>>) => Promise<unknown>;

/** What one input found. */
export interface InputOutcome {
  /** Operations whose result differed from the memory store's. */
  readonly mismatches: readonly string[];
  /** Errors that were not `ExamcycleError`s (nor the input's own). */
  readonly untypedThrows: number;
  /** Reads that returned another tenant's key. */
  readonly unauthorisedReads: number;
}

const THROWN = 'fuzz: the transaction gives up';
const INSTANTS: Instant[] = ['2026-02-21T23:59:59.999+00:00', '2026-06-01T10:00:00+01:00', '2026-06-01T09:00:00.000Z', '2026-12-31T23:00:00-05:00'];

/**
 * Generates one input (a sequence of operations) under `tenant`.
 *
 * @example
 * ```ts
 * const ops = generateInput(fuzzRandom(1), 'fuzz-1');
 * ```
 */
export function generateInput(rng: FuzzRandom, tenant: string): { readonly name: string; readonly run: Operation }[] {
  const keys: StoreKey[] = Array.from({ length: 3 }, (_, i) => ({ tenant, centreNumber: rng.pick(['12345', '54321']), machine: rng.pick(['examCycle', 'eops', 'results']), id: `k${i}` }));
  const revisions = new Map<number, number | null>();
  const snapshot = (): PersistedSnapshot => ({
    format: 'examcycle.snapshot',
    machine: 'examCycle',
    version: 1,
    snapshot: { value: rng.pick(['planning', 'entries', { a: 'b' }]), context: { n: rng.int(1000), s: rng.pick(['', 'é', '試験', 'a"b\\c']), list: Array.from({ length: rng.int(4) }, () => rng.int(9)) } },
  });
  const line = (): AuditLine => ({ at: rng.pick(INSTANTS), event: rng.pick(['task.complete', 'clock.tick', 'results.read']), from: 'a', to: 'b', outcome: rng.pick(['accepted', 'rejected'] as const), ...(rng.chance(0.3) ? { details: { n: rng.int(5), ok: rng.chance(0.5), none: null } } : {}) });
  const signal = (): OutboxSignal => ({ id: rng.pick(['s1', 's2', 's3', 'deadline:overdue']), type: 'deadline.overdue', at: rng.pick(INSTANTS), payload: { n: rng.int(3) } });
  const ops: { name: string; run: Operation }[] = [];
  const count = 4 + rng.int(10);
  const simple = (): { name: string; run: Operation } => {
    const k = rng.int(keys.length);
    const key = keys[k] as StoreKey;
    switch (rng.int(11)) {
      case 0:
      case 1: {
        const known = revisions.get(k);
        const expectedRevision = rng.pick<number | null>([known ?? null, known ?? null, null, (known ?? 0) + 1, Math.max(0, (known ?? 1) - 1)]);
        const saved = snapshot();
        const audit = Array.from({ length: rng.int(3) }, line);
        const signals = Array.from({ length: rng.int(3) }, signal);
        const wake = rng.pick<Instant | null | undefined>([undefined, null, ...INSTANTS]);
        revisions.set(k, (known ?? 0) + 1);
        return {
          name: `saveSnapshot ${k} @${String(expectedRevision)}`,
          run: (s) => s.saveSnapshot(key, saved, { expectedRevision, audit, signals, ...(wake === undefined ? {} : { wakeAt: wake }) }),
        };
      }
      case 2:
        return { name: `loadSnapshot ${k}`, run: (s) => s.loadSnapshot(key) };
      case 3: {
        const lines = Array.from({ length: 1 + rng.int(3) }, line);
        return { name: `appendAudit ${k}`, run: (s) => s.appendAudit(key, lines) };
      }
      case 4: {
        const range = rng.pick([undefined, { fromSeq: 1 + rng.int(4) }, { toSeq: rng.int(5) }, { fromSeq: rng.int(3), toSeq: rng.int(6), limit: rng.int(4) }]);
        return { name: `readAudit ${k}`, run: (s) => s.readAudit(key, range) };
      }
      case 5: {
        const records = Array.from({ length: rng.int(4) }, () => ({ id: rng.pick(['a', 'b', 'c', 'B']), data: rng.pick<unknown>([1, 'x', { grade: 'A*' }, [1, 2], null]) }));
        const collection = rng.pick(['results', 'nominations']);
        return { name: `putRecords ${k} ${collection}`, run: (s) => s.putRecords(key, collection, records) };
      }
      case 6: {
        const ids = Array.from({ length: rng.int(3) }, () => rng.pick(['a', 'b', 'c', 'zz']));
        const collection = rng.pick(['results', 'nominations']);
        return rng.chance(0.5)
          ? { name: `deleteRecords ${k} ${collection}`, run: (s) => s.deleteRecords(key, collection, ids) }
          : ((only) => ({ name: `loadRecords ${k} ${collection}`, run: (s: Parameters<Operation>[0]) => s.loadRecords(key, collection, only) }))(rng.chance(0.5) ? ids : undefined);
      }
      case 7: {
        const scope = { tenant, centreNumber: key.centreNumber };
        const name = rng.pick(['edi', 'other']);
        return rng.chance(0.6) ? { name: 'nextCounter', run: (s) => s.nextCounter(scope, name) } : { name: 'readCounter', run: (s) => s.readCounter(scope, name) };
      }
      case 8: {
        const filter = { tenant, ...(rng.chance(0.5) ? { wakeBy: rng.pick(INSTANTS) } : {}), ...(rng.chance(0.3) ? { machine: key.machine } : {}), ...(rng.chance(0.2) ? { limit: 1 + rng.int(2) } : {}) };
        return { name: 'listKeys', run: (s) => s.listKeys(filter) };
      }
      default: {
        const limit = 1 + rng.int(3);
        const fail = rng.pick(['s1', 's2', 'none']);
        return {
          name: `deliverSignals fail=${fail}`,
          run: async (s) => {
            const got: unknown[] = [];
            const result = await s.deliverSignals?.(
              (sig) => {
                got.push(sig);
                if (sig.id === fail) throw new Error('handler failed');
              },
              { tenant, limit },
            );
            return { got, delivered: result?.delivered, failed: result?.failed.map((f) => f.signal) };
          },
        };
      }
    }
  };
  for (let i = 0; i < count; i += 1) {
    if (rng.chance(0.15)) {
      const inner = Array.from({ length: 1 + rng.int(3) }, simple).filter((op) => !op.name.startsWith('deliverSignals'));
      const throws = rng.chance(0.4);
      ops.push({
        name: `transaction[${inner.map((op) => op.name).join(', ')}]${throws ? ' throws' : ''}`,
        run: (s) =>
          (s.transaction as ExamcycleStore['transaction'])(async (tx) => {
            const out: unknown[] = [];
            for (const op of inner) out.push(await settle(op.run(tx)));
            if (throws) throw new Error(THROWN);
            return out;
          }),
      });
    } else {
      ops.push(simple());
    }
  }
  return ops;
}

async function settle(p: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await p };
  } catch (error) {
    return { error: isExamcycleError(error) ? error.code : error instanceof Error && error.message === THROWN ? THROWN : `untyped: ${String(error)}` };
  }
}

/** Sorts object keys so results compare whatever order a database returns a JSON object's keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function foreignTenant(value: unknown, tenant: string): number {
  let found = 0;
  JSON.stringify(value, (k, v: unknown) => {
    if (k === 'tenant' && v !== tenant) found += 1;
    return v;
  });
  return found;
}

/**
 * Runs one input on the store under test and on the reference, and compares.
 *
 * @example
 * ```ts
 * const outcome = await runInput(generateInput(rng, 't1'), store, reference, 't1');
 * ```
 */
export async function runInput(ops: readonly { readonly name: string; readonly run: Operation }[], store: ExamcycleStore, reference: ExamcycleStore, tenant: string): Promise<InputOutcome> {
  const mismatches: string[] = [];
  let untypedThrows = 0;
  let unauthorisedReads = 0;
  for (const op of ops) {
    const [got, want] = [await settle(op.run(store)), await settle(op.run(reference))];
    const text = canonical(got);
    if (text.includes('"untyped: ')) untypedThrows += 1;
    unauthorisedReads += foreignTenant(got, tenant);
    if (text !== canonical(want)) mismatches.push(`${op.name}: store ${text.slice(0, 300)} ≠ memory ${canonical(want).slice(0, 300)}`);
  }
  return { mismatches, untypedThrows, unauthorisedReads };
}
