import { createPostgresStore } from '@examcycle/store-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnWorker } from './processes/spawnWorker.js';
import { dropRunSchemas, PG_URL, runSchema } from './serverDatabase.js';

const key = { centreNumber: '10000', machine: 'examCycle', id: 'june-2026' };
const other = { centreNumber: '10001', machine: 'examCycle', id: 'june-2026' };
const envelope = (n: number) => ({ format: 'examcycle.snapshot' as const, machine: 'examCycle', version: 1, snapshot: { value: 'planning', context: { n } } });
const line = (event: string) => ({ at: '2026-06-01T09:00:00.000+01:00' as const, event, from: 'a', to: 'a', outcome: 'accepted' as const });

/** Retries `fn` until it returns true (the server notices a killed client's socket, then releases its locks). */
async function eventually(fn: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (await fn()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe.skipIf(!PG_URL)('a worker process killed mid-transaction (SIGKILL)', () => {
  afterAll(() => dropRunSchemas());

  it('leaves nothing it wrote visible and loses nothing else', async () => {
    const schema = runSchema('killtx');
    const store = await createPostgresStore({ connectionString: PG_URL ?? '', schema });
    await store.saveSnapshot(key, envelope(1), { expectedRevision: null, audit: [line('before')] });
    await store.saveSnapshot(other, envelope(7), { expectedRevision: null });
    const worker = spawnWorker(['hold-transaction', PG_URL ?? '', schema]);
    await worker.waitFor(/^HOLDING$/);
    worker.child.kill('SIGKILL');
    expect((await worker.exited).signal).toBe('SIGKILL');
    // Once the server has rolled the dead transaction back, the row is free again: a save at revision 1 goes through.
    expect(await eventually(async () => (await store.loadSnapshot(key))?.revision === 1)).toBe(true);
    expect((await store.loadSnapshot(key))?.saved).toEqual(envelope(1));
    expect((await store.readAudit(key)).map((e) => e.event)).toEqual(['before']);
    expect(await store.loadRecords(key, 'results')).toEqual([]);
    expect(await store.readCounter({ centreNumber: key.centreNumber }, 'edi')).toBe(0);
    expect(await store.loadSnapshot(other)).toEqual({ saved: envelope(7), revision: 1 });
    expect((await store.saveSnapshot(key, envelope(2), { expectedRevision: 1, audit: [line('after')] })).revision).toBe(2);
    expect((await store.readAudit(key)).map((e) => [e.seq, e.event])).toEqual([[1, 'before'], [2, 'after']]);
    const got: string[] = [];
    await store.deliverSignals((s) => void got.push(s.id));
    expect(got).toEqual([]);
    await store.close();
  });

  it('redelivers the signal a killed worker had claimed, exactly once', async () => {
    const schema = runSchema('killsignal');
    const store = await createPostgresStore({ connectionString: PG_URL ?? '', schema });
    const signal = (id: string) => ({ id, type: 'deadline.overdue', at: '2026-06-01T09:00:00.000+01:00' as const, payload: { id } });
    await store.saveSnapshot(key, envelope(1), { expectedRevision: null, signals: [signal('first'), signal('second')] });
    const worker = spawnWorker(['hold-signal', PG_URL ?? '', schema]);
    expect(await worker.waitFor(/^CLAIMED /)).toBe('CLAIMED first');
    // While the worker holds it, no one else is handed it.
    const meanwhile: string[] = [];
    await store.deliverSignals((s) => void meanwhile.push(s.id));
    expect(meanwhile).toEqual(['second']);
    worker.child.kill('SIGKILL');
    await worker.exited;
    const after: string[] = [];
    expect(await eventually(async () => (await store.deliverSignals((s) => void after.push(s.id))).delivered > 0)).toBe(true);
    expect(after).toEqual(['first']);
    expect((await store.deliverSignals(() => undefined)).delivered).toBe(0);
    await store.close();
  });
});
