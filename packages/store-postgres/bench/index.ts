/**
 * The store-postgres benchmark, in one run, on embedded PGlite and (when EXAMCYCLE_PG_URL is set) a PostgreSQL server:
 *
 * 1. Persisted writes per second through `saveSnapshot` (the snapshot UPDATE with its revision check, plus one
 *    audit line, in one transaction) against a bare autocommit `INSERT` of the same JSON into a one-column
 *    jsonb table on the same database and driver: the fastest way a user could persist that JSON at all.
 *    Same JSON (a ~5 kB exam-cycle-like snapshot), one writer awaiting each write, an untimed warm-up round for
 *    each, then interleaved rounds (the order alternating), min / median / max per side and the ratio of medians.
 * 2. Persisted exam-cycle events per second through the durable runtime (`runtime.send`: the event checked by
 *    the machine, its audit line, signals and the revision-checked save) against a bare `INSERT` of the very JSON
 *    the runtime stores for that cycle, on the same database: what users call against the least any persistence
 *    of that state could cost.
 * 3. The cost of one audit append with 1,000 lines already in the key's log and with BENCH_AUDIT_LINES (20,000): median per append
 *    after equal warm-up; flat means the ratio is near 1.
 *
 * Run: `npm run bench -w @examcycle/store-postgres` (BENCH_ROUNDS, 5 by default; BENCH_WRITES per round, 200).
 * Figures go to stdout as a table and to `.bench-out/bench.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { createExamcycleRuntime, examCyclePersisted, examSeries, type AuditLine, type ExamClock, type ExamcycleStore, type PersistedSnapshot } from '@examcycle/core';
import { createPostgresStore } from '@examcycle/store-postgres';
import pg from 'pg';
import { calibrate, writeSummary, type SummaryRow } from '../../../scripts/bench/measure.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const WRITES = Number(process.env['BENCH_WRITES'] ?? 200);
const URL_ = process.env['EXAMCYCLE_PG_URL'] || undefined;
const AUDIT_LINES = Number(process.env['BENCH_AUDIT_LINES'] ?? 20_000);

interface Target {
  readonly name: string;
  readonly store: ExamcycleStore;
  readonly bare: (json: string) => Promise<unknown>;
  readonly done: () => Promise<void>;
}

function snapshot(n: number): PersistedSnapshot {
  const tasks = Array.from({ length: 40 }, (_, i) => ({
    id: `task-${i}`,
    status: i < n % 40 ? 'done' : 'open',
    due: '2026-02-21T23:59:59.999+00:00',
    owner: { id: `staff-${i % 7}`, role: 'examsOfficer' },
    notes: 'Entries submitted to the awarding body via the secure portal; confirmation filed.',
  }));
  return { format: 'examcycle.snapshot', machine: 'examCycle', version: 1, snapshot: { status: 'active', value: { cycle: 'entries' }, context: { n, centreNumber: '12345', series: 'june-2026', tasks } } };
}

const line = (n: number): AuditLine => ({ at: '2026-06-01T09:00:00.000+01:00', by: { id: 'eo-1', role: 'system' }, event: 'task.complete', from: 'entries', to: 'entries', outcome: 'accepted', details: { n } });

async function pgliteTarget(): Promise<Target> {
  const db = await PGlite.create();
  const store = await createPostgresStore({ pglite: db, schema: 'bench' });
  await db.exec('CREATE TABLE bench.bare (id bigserial PRIMARY KEY, data jsonb NOT NULL)');
  return { name: 'PGlite (in memory)', store, bare: (json) => db.query('INSERT INTO bench.bare (data) VALUES ($1::jsonb)', [json]), done: async () => (await store.close(), await db.close()) };
}

async function serverTarget(url: string): Promise<Target> {
  const schema = `examcycle_bench_${process.pid}`;
  const store = await createPostgresStore({ connectionString: url, schema });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`CREATE TABLE "${schema}".bare (id bigserial PRIMARY KEY, data jsonb NOT NULL)`);
  return {
    name: 'PostgreSQL server',
    store,
    bare: (json) => pool.query(`INSERT INTO "${schema}".bare (data) VALUES ($1::jsonb)`, [json]),
    done: async () => {
      await store.close();
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0] ?? 0, median: s[Math.floor(s.length / 2)] ?? 0, max: s.at(-1) ?? 0 };
};

async function writes(target: Target) {
  const key = { centreNumber: '12345', machine: 'examCycle', id: 'bench' };
  let revision: number | null = null;
  let n = 0;
  const saves = async () => {
    const t = performance.now();
    for (let i = 0; i < WRITES; i += 1) {
      n += 1;
      revision = (await target.store.saveSnapshot(key, snapshot(n), { expectedRevision: revision, audit: [line(n)] })).revision;
    }
    return WRITES / ((performance.now() - t) / 1000);
  };
  const bare = async () => {
    const t = performance.now();
    for (let i = 0; i < WRITES; i += 1) {
      n += 1;
      await target.bare(JSON.stringify(snapshot(n)));
    }
    return WRITES / ((performance.now() - t) / 1000);
  };
  await saves();
  await bare();
  const store: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    if (r % 2 === 0) {
      store.push(await saves());
      base.push(await bare());
    } else {
      base.push(await bare());
      store.push(await saves());
    }
  }
  return { store: stats(store), bare: stats(base) };
}

async function events(target: Target) {
  let now = Date.parse('2025-09-02T08:00:00Z');
  const clock: ExamClock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  const runtime = createExamcycleRuntime({ store: target.store, clock });
  const series = examSeries('june', 2026);
  const centre = { centreNumber: '54321', name: 'Bench Academy' };
  const cycle = await runtime.open(examCyclePersisted, { centreNumber: centre.centreNumber, id: series.id }, { input: { centre, series, keyDates: [], tasks: [{ id: 'planning.annual-plan', phase: 'planning', title: 'Annual exam plan and internal deadlines published' }], startedAt: '2025-09-01T09:00:00.000+01:00' } });
  const by = { id: 'eo-1', role: 'exams_officer' } as const;
  let i = 0;
  const sends = async () => {
    const t = performance.now();
    for (let k = 0; k < WRITES; k += 1) {
      now += 60_000;
      i += 1;
      const outcome = await cycle.send(i % 2 === 1 ? { type: 'task.complete', taskId: 'planning.annual-plan', by } : { type: 'task.reopen', taskId: 'planning.annual-plan', reason: 'bench', by });
      if (!outcome.ok) throw outcome.error;
    }
    return WRITES / ((performance.now() - t) / 1000);
  };
  const stored = JSON.stringify((await target.store.loadSnapshot(cycle.key))!.saved);
  const bare = async () => {
    const t = performance.now();
    for (let k = 0; k < WRITES; k += 1) await target.bare(stored);
    return WRITES / ((performance.now() - t) / 1000);
  };
  await sends();
  await bare();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    if (r % 2 === 0) {
      a.push(await sends());
      b.push(await bare());
    } else {
      b.push(await bare());
      a.push(await sends());
    }
  }
  cycle.close();
  return { runtime: stats(a), bare: stats(b), bytes: stored.length };
}

async function auditFlat(target: Target) {
  const key = { centreNumber: '12345', machine: 'examCycle', id: 'audit-flat' };
  const fill = async (to: number) => {
    let count = (await target.store.readAudit(key)).length;
    while (count < to) {
      const batch = Math.min(1000, to - count);
      await target.store.appendAudit(key, Array.from({ length: batch }, (_, i) => line(count + i)));
      count += batch;
    }
  };
  const perAppend = async () => {
    for (let i = 0; i < 50; i += 1) await target.store.appendAudit(key, [line(i)]);
    const times: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const t = performance.now();
      await target.store.appendAudit(key, [line(i)]);
      times.push(performance.now() - t);
    }
    return stats(times).median * 1000;
  };
  await fill(1000);
  const at1k = await perAppend();
  await fill(AUDIT_LINES);
  const at100k = await perAppend();
  return { at1kUs: at1k, at100kUs: at100k };
}

const rows: Record<string, string | number>[] = [];
const summary: SummaryRow[] = [];
const calibrationMs = calibrate();
/** A rate (per second: min / median / max) as ms per operation (so the slowest rate is the max). */
const perOp = (name: string, r: { min: number; median: number; max: number }) => ({ name, minMs: 1000 / r.max, medianMs: 1000 / r.median, maxMs: 1000 / r.min });
const targets = [await pgliteTarget(), ...(URL_ ? [await serverTarget(URL_)] : [])];
for (const target of targets) {
  const w = await writes(target);
  const e = await events(target);
  const a = await auditFlat(target);
  await target.done();
  rows.push({
    database: target.name,
    'saveSnapshot+audit /s (min/med/max)': `${w.store.min.toFixed(0)} / ${w.store.median.toFixed(0)} / ${w.store.max.toFixed(0)}`,
    'bare INSERT /s (min/med/max)': `${w.bare.min.toFixed(0)} / ${w.bare.median.toFixed(0)} / ${w.bare.max.toFixed(0)}`,
    'ratio (medians)': Number((w.store.median / w.bare.median).toFixed(2)),
    'runtime.send /s (min/med/max)': `${e.runtime.min.toFixed(0)} / ${e.runtime.median.toFixed(0)} / ${e.runtime.max.toFixed(0)}`,
    'bare INSERT of its JSON /s': `${e.bare.min.toFixed(0)} / ${e.bare.median.toFixed(0)} / ${e.bare.max.toFixed(0)}`,
    'event ratio (medians)': Number((e.runtime.median / e.bare.median).toFixed(2)),
    'cycle JSON bytes': e.bytes,
    'append µs @1k': Number(a.at1kUs.toFixed(0)),
    'append µs @100k': Number(a.at100kUs.toFixed(0)),
    [`audit ${AUDIT_LINES / 1000}k/1k`]: Number((a.at100kUs / a.at1kUs).toFixed(2)),
  });
  summary.push(
    { package: 'store-postgres', path: `${target.name}: saveSnapshot + audit line vs a bare INSERT of the same JSON`, examcycle: perOp('saveSnapshot + audit', w.store), baseline: perOp('bare INSERT', w.bare), ratio: w.bare.median / w.store.median, calibrationMs },
    { package: 'store-postgres', path: `${target.name}: runtime.send (persisted cycle event) vs a bare INSERT of its JSON`, examcycle: perOp('runtime.send', e.runtime), baseline: perOp('bare INSERT', e.bare), ratio: e.bare.median / e.runtime.median, calibrationMs },
    {
      package: 'store-postgres',
      path: `${target.name}: audit append with ${AUDIT_LINES.toLocaleString('en-GB')} lines in the log vs with 1,000`,
      examcycle: { name: `append @${AUDIT_LINES}`, minMs: a.at100kUs / 1000, medianMs: a.at100kUs / 1000, maxMs: a.at100kUs / 1000 },
      baseline: { name: 'append @1,000', minMs: a.at1kUs / 1000, medianMs: a.at1kUs / 1000, maxMs: a.at1kUs / 1000 },
      ratio: a.at100kUs / a.at1kUs,
      goal: 'flat in log length (≤ 1.5×)',
      met: a.at100kUs / a.at1kUs <= 1.5,
      calibrationMs,
    },
  );
}
console.log(`store-postgres bench: ${ROUNDS} rounds × ${WRITES} writes, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}${URL_ ? '' : ' (EXAMCYCLE_PG_URL not set: server skipped)'}`);
console.table(rows);
mkdirSync(new URL('../.bench-out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.bench-out/bench.json', import.meta.url), `${JSON.stringify({ rounds: ROUNDS, writes: WRITES, load: loadavg(), rows }, null, 2)}\n`);
writeSummary(new URL('..', import.meta.url), 'store', summary);
