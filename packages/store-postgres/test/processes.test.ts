import { mkdirSync, writeFileSync } from 'node:fs';
import { createPostgresStore } from '@examcycle/store-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnWorker } from './processes/spawnWorker.js';
import { dropRunSchemas, PG_URL, runSchema, sql } from './serverDatabase.js';

const WORKERS = 4;
const KEYS = 200;
const EVENTS = 250;
const SEED = 20260601;

interface WorkerReport {
  worker: number;
  accepted: string[];
  conflicts: number;
  signals: string[];
  delivered: string[];
}

describe.skipIf(!PG_URL)('several worker processes on one PostgreSQL server', () => {
  afterAll(() => dropRunSchemas());

  it(`${WORKERS} processes × ${KEYS} centres × ${EVENTS} random read-modify-write events each: every accepted write audited once, no lost update, every signal delivered once`, async () => {
    const schema = runSchema('processes');
    await (await createPostgresStore({ connectionString: PG_URL ?? '', schema })).close();
    const started = performance.now();
    const workers = Array.from({ length: WORKERS }, (_, w) => spawnWorker(['rmw', PG_URL ?? '', schema, String(w), String(KEYS), String(EVENTS), String(SEED)]));
    const exits = await Promise.all(workers.map((w) => w.exited));
    const seconds = (performance.now() - started) / 1000;
    for (const exit of exits) expect(exit, exit.stderr).toMatchObject({ code: 0 });
    const reports = workers.map((w) => JSON.parse(w.lines.at(-1) ?? '{}') as WorkerReport);

    const accepted = reports.flatMap((r) => r.accepted);
    const conflicts = reports.reduce((n, r) => n + r.conflicts, 0);
    expect(accepted).toHaveLength(WORKERS * EVENTS);

    // No lost update: each key's counter and revision equal the writes accepted for it.
    const perKey = new Map<number, number>();
    for (const a of accepted) perKey.set(Number(a.split(':')[0]), (perKey.get(Number(a.split(':')[0])) ?? 0) + 1);
    const snapshots = await sql<{ centre: string; revision: number; n: number }>(
      `SELECT centre, revision, (data #>> '{snapshot,context,n}')::int AS n FROM "${schema}".snapshots`,
    );
    expect(snapshots).toHaveLength(perKey.size);
    for (const row of snapshots) {
      const expected = perKey.get(Number(row.centre) - 10000);
      expect([row.n, row.revision]).toEqual([expected, expected]);
    }

    // Every accepted write's audit line exactly once, numbered 1..n per key, and nothing else in the log.
    const audit = await sql<{ centre: string; seq: number; token: string }>(
      `SELECT centre, seq, entry #>> '{details,token}' AS token FROM "${schema}".audit ORDER BY centre, seq`,
    );
    expect(audit.map((a) => `${Number(a.centre) - 10000}:${a.token}`).sort()).toEqual([...accepted].sort());
    const seqsByKey = new Map<string, number[]>();
    for (const a of audit) seqsByKey.set(a.centre, [...(seqsByKey.get(a.centre) ?? []), a.seq]);
    for (const seqs of seqsByKey.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    // Every signal of an accepted write delivered exactly once across the workers; none from a refused save.
    const raised = reports.flatMap((r) => r.signals).sort();
    const delivered = reports.flatMap((r) => r.delivered).sort();
    expect(delivered).toEqual(raised);
    expect(new Set(delivered).size).toBe(delivered.length);
    const undelivered = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "${schema}".signals WHERE delivered_at IS NULL`);
    expect(undelivered[0]?.n).toBe('0');

    const figures = {
      workers: WORKERS,
      keys: KEYS,
      eventsPerWorker: EVENTS,
      accepted: accepted.length,
      conflictsRetried: conflicts,
      auditLines: audit.length,
      signalsRaised: raised.length,
      signalsDelivered: delivered.length,
      duplicateDeliveries: delivered.length - new Set(delivered).size,
      lostUpdates: 0,
      seconds: Number(seconds.toFixed(1)),
    };
    mkdirSync(new URL('../.bench-out/', import.meta.url), { recursive: true });
    writeFileSync(new URL('../.bench-out/processes.json', import.meta.url), `${JSON.stringify(figures)}\n`);
  }, 300_000);
});

interface CycleReport {
  worker: number;
  outcomes: { key: number; seq: number; ok: boolean; event: string }[];
  delivered: string[];
}

describe.skipIf(!PG_URL)('several worker processes running exam cycles through the durable runtime', () => {
  afterAll(() => dropRunSchemas());

  it(`${WORKERS} processes × 100 centres × 150 random cycle events each: every event's audit line once, revisions without gaps, every signal delivered once`, async () => {
    const schema = runSchema('cycles');
    await (await createPostgresStore({ connectionString: PG_URL ?? '', schema })).close();
    const started = performance.now();
    const workers = Array.from({ length: WORKERS }, (_, w) => spawnWorker(['cycle', PG_URL ?? '', schema, String(w), '100', '150', String(SEED)]));
    const exits = await Promise.all(workers.map((w) => w.exited));
    const seconds = (performance.now() - started) / 1000;
    for (const exit of exits) expect(exit, exit.stderr).toMatchObject({ code: 0 });
    const reports = workers.map((w) => JSON.parse(w.lines.at(-1) ?? '{}') as CycleReport);
    const outcomes = reports.flatMap((r) => r.outcomes);

    // Each event a worker was told was saved has its own audit line (centre, seq): never two workers the same.
    const told = outcomes.map((o) => `${20000 + o.key}:${o.seq}`);
    expect(new Set(told).size).toBe(told.length);
    const audit = await sql<{ centre: string; seq: number; event: string; outcome: string }>(
      `SELECT centre, seq, entry->>'event' AS event, entry->>'outcome' AS outcome FROM "${schema}".audit ORDER BY centre, seq`,
    );
    const inLog = new Map(audit.map((a) => [`${a.centre}:${a.seq}`, a]));
    for (const o of outcomes) {
      const line = inLog.get(`${20000 + o.key}:${o.seq}`);
      expect(line?.event).toBe(o.event);
      expect(line?.outcome).toBe(o.ok ? 'accepted' : 'rejected');
    }
    // No lost update: every save appended exactly one line, so a key's revision is its number of lines, and
    // the lines are numbered 1..n with no gap.
    const snapshots = await sql<{ centre: string; revision: number }>(`SELECT centre, revision FROM "${schema}".snapshots`);
    const linesPerCentre = new Map<string, number[]>();
    for (const a of audit) linesPerCentre.set(a.centre, [...(linesPerCentre.get(a.centre) ?? []), a.seq]);
    for (const row of snapshots) {
      const seqs = linesPerCentre.get(row.centre) ?? [];
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(row.revision).toBe(seqs.length);
    }
    // Every signal in the outbox delivered exactly once across the workers.
    const delivered = reports.flatMap((r) => r.delivered);
    expect(new Set(delivered).size).toBe(delivered.length);
    const outbox = await sql<{ n: string; undelivered: string }>(`SELECT count(*)::text AS n, count(*) FILTER (WHERE delivered_at IS NULL)::text AS undelivered FROM "${schema}".signals`);
    expect(outbox[0]).toEqual({ n: String(delivered.length), undelivered: '0' });
    expect(delivered.length).toBeGreaterThan(0);

    mkdirSync(new URL('../.bench-out/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL('../.bench-out/cycles.json', import.meta.url),
      `${JSON.stringify({ workers: WORKERS, centres: 100, eventsPerWorker: 150, saved: outcomes.length, auditLines: audit.length, signalsDelivered: delivered.length, duplicateDeliveries: 0, lostUpdates: 0, seconds: Number(seconds.toFixed(1)) })}\n`,
    );
  }, 300_000);
});
