/**
 * A worker process for the multi-process tests (spawned with `node --import tsx --conditions=@examcycle/source`).
 * Modes (argv[2]):
 * - `rmw`: random read-modify-write events on a JSON counter over many keys: load, +1, save with the revision
 *   read + one audit line + sometimes a signal, retry on conflict; delivers signals now and then and at the end.
 *   Prints one JSON line: what it wrote and what it delivered.
 * - `cycle`: the durable runtime: random exam-cycle events (tasks completed and reopened, results outstanding,
 *   phase advances, clock ticks) over many centres' June 2026 cycles, with conflicts retried by the runtime, the
 *   deadline worker's wakeDue and deliverSignals now and then. Prints one JSON line: every outcome with the
 *   audit sequence number the store gave it, and every signal delivered.
 * - `hold-transaction`: writes inside a transaction, prints HOLDING, and waits to be killed.
 * - `hold-signal`: claims a signal through deliverSignals, prints CLAIMED <id>, and waits to be killed.
 */
import { createExamcycleRuntime, examCyclePersisted, examSeries, isExamcycleError, type ClaimedSignal, type CycleTaskInput, type ExamClock } from '@examcycle/core';
import { createPostgresStore } from '@examcycle/store-postgres';

const [mode = '', url = '', schema = '', workerArg = '0', keysArg = '100', eventsArg = '200', seedArg = '1'] = process.argv.slice(2);
const worker = Number(workerArg);

/** mulberry32: the worker's only randomness, from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyOf = (i: number) => ({ centreNumber: String(10000 + i), machine: 'examCycle', id: 'june-2026' });
const envelope = (n: number) => ({ format: 'examcycle.snapshot' as const, machine: 'examCycle', version: 1, snapshot: { value: 'planning', context: { n } } });
const wait = () => new Promise<never>(() => setInterval(() => undefined, 60_000));

async function rmw(): Promise<void> {
  const store = await createPostgresStore({ connectionString: url, schema, maxConnections: 4 });
  const random = prng(Number(seedArg) * 1000 + worker);
  const keys = Number(keysArg);
  const accepted: string[] = [];
  const signals: string[] = [];
  const delivered: string[] = [];
  let conflicts = 0;
  const deliver = async () => {
    const result = await store.deliverSignals((s: ClaimedSignal) => void delivered.push(`${s.key.centreNumber}/${s.id}`), { limit: 25 });
    return result.delivered;
  };
  for (let e = 0; e < Number(eventsArg); e += 1) {
    // A third of the events go to five hot centres, so workers really collide.
    const k = random() < 0.33 ? Math.floor(random() * 5) : Math.floor(random() * keys);
    const key = keyOf(k);
    const token = `w${worker}-e${e}`;
    const withSignal = random() < 0.3;
    for (;;) {
      const read = await store.loadSnapshot(key);
      const n = read ? (read.saved.snapshot as { context: { n: number } }).context.n : 0;
      try {
        await store.saveSnapshot(key, envelope(n + 1), {
          expectedRevision: read?.revision ?? null,
          audit: [{ at: '2026-06-01T09:00:00.000+01:00', event: 'counter.bump', from: String(n), to: String(n + 1), outcome: 'accepted', details: { token } }],
          ...(withSignal ? { signals: [{ id: token, type: 'deadline.dueSoon', at: '2026-06-01T09:00:00.000+01:00', payload: { token } }] } : {}),
        });
        accepted.push(`${k}:${token}`);
        if (withSignal) signals.push(`${key.centreNumber}/${token}`);
        break;
      } catch (error) {
        if (isExamcycleError(error) && error.code === 'conflict') {
          conflicts += 1;
          continue;
        }
        throw error;
      }
    }
    if (e % 10 === 9) await deliver();
  }
  process.stdout.write(`${JSON.stringify({ phase: 'written' })}\n`);
  // Keep delivering until the outbox has nothing for this worker (others may be delivering too).
  for (let idle = 0; idle < 3; ) idle = (await deliver()) === 0 ? idle + 1 : 0;
  await store.close();
  process.stdout.write(`${JSON.stringify({ worker, accepted, conflicts, signals, delivered })}\n`);
}

const TASKS = ['planning.annual-plan', 'planning.policies-reviewed', 'planning.secure-storage', 'planning.ncn-register', 'entries.gathered', 'entries.submitted'];

async function cycle(): Promise<void> {
  const store = await createPostgresStore({ connectionString: url, schema, maxConnections: 4 });
  const random = prng(Number(seedArg) * 7919 + worker);
  const keys = Number(keysArg);
  const series = examSeries('june', 2026);
  // Every worker's clock walks the same days, so events from different processes interleave in time.
  let now = Date.parse('2025-09-01T08:00:00Z');
  const clock: ExamClock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  const runtime = createExamcycleRuntime({ store, clock, conflictRetries: 20 });
  const outcomes: { key: number; seq: number; ok: boolean; event: string }[] = [];
  const delivered: string[] = [];
  const officer = { id: `eo-${worker}`, role: 'exams_officer' } as const;
  const deliver = () => runtime.deliverSignals((s: ClaimedSignal) => void delivered.push(`${s.key.centreNumber}/${s.id}`), { limit: 50 });
  for (let e = 0; e < Number(eventsArg); e += 1) {
    now += Math.floor(random() * 6 * 3_600_000);
    const k = random() < 0.33 ? Math.floor(random() * 5) : Math.floor(random() * keys);
    const centre = { centreNumber: String(20000 + k), name: `Centre ${k}` };
    const hosted = await runtime.open(examCyclePersisted, { centreNumber: centre.centreNumber, id: series.id }, {
      input: { centre, series, startedAt: '2025-09-01T09:00:00.000+01:00', keyDates: [], tasks: TASKS.map((id): CycleTaskInput => ({ id, phase: id.startsWith('planning') ? 'planning' : 'entries', title: id, dueAt: id.startsWith('planning') ? '2025-09-12T23:59:59.999+01:00' : '2025-09-30T23:59:59.999+01:00' })) },
    });
    const r = random();
    const taskId = TASKS[Math.floor(random() * TASKS.length)]!;
    const event =
      r < 0.45 ? { type: 'task.complete', taskId, by: officer }
      : r < 0.6 ? { type: 'task.reopen', taskId, reason: 'redo', by: officer }
      : r < 0.75 ? { type: 'results.outstanding', count: Math.floor(random() * 3), by: officer }
      : r < 0.9 ? { type: 'phase.advance', by: officer }
      : { type: 'clock.tick', by: { id: 'examcycle', role: 'system' } };
    const outcome = await hosted.send(event as never);
    hosted.close();
    if (!outcome.ok && outcome.error.code === 'conflict') throw new Error(`conflict not resolved in 20 retries: ${outcome.error.message}`);
    if (outcome.entry && 'seq' in outcome.entry) outcomes.push({ key: k, seq: (outcome.entry as { seq: number }).seq, ok: outcome.ok, event: event.type });
    if (e % 10 === 9) {
      await runtime.wakeDue();
      await deliver();
    }
  }
  process.stdout.write(`${JSON.stringify({ phase: 'written' })}\n`);
  for (let idle = 0; idle < 3; ) idle = (await deliver()).delivered === 0 ? idle + 1 : 0;
  await store.close();
  process.stdout.write(`${JSON.stringify({ worker, outcomes, delivered })}\n`);
}

async function holdTransaction(): Promise<void> {
  const store = await createPostgresStore({ connectionString: url, schema, maxConnections: 2 });
  const key = keyOf(0);
  await store.transaction(async (tx) => {
    const read = await tx.loadSnapshot(key);
    await tx.saveSnapshot(key, envelope(999), {
      expectedRevision: read?.revision ?? null,
      audit: [{ at: '2026-06-01T09:00:00.000+01:00', event: 'never.committed', from: 'a', to: 'b', outcome: 'accepted' }],
      signals: [{ id: 'never-committed', type: 'deadline.overdue', at: '2026-06-01T09:00:00.000+01:00', payload: {} }],
    });
    await tx.putRecords(key, 'results', [{ id: 'uncommitted', data: { grade: 'A' } }]);
    await tx.nextCounter({ centreNumber: key.centreNumber }, 'edi');
    process.stdout.write('HOLDING\n');
    await wait();
  });
}

async function holdSignal(): Promise<void> {
  const store = await createPostgresStore({ connectionString: url, schema, maxConnections: 2 });
  await store.deliverSignals(async (signal) => {
    process.stdout.write(`CLAIMED ${signal.id}\n`);
    await wait();
  }, { limit: 1 });
}

const run = mode === 'rmw' ? rmw : mode === 'cycle' ? cycle : mode === 'hold-transaction' ? holdTransaction : mode === 'hold-signal' ? holdSignal : undefined;
if (!run) {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
