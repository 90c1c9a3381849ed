import { readFileSync, writeFileSync } from 'node:fs';
import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  entryCheckingContextSchema,
  entryCheckingMachine,
  entryCheckingPersisted,
  isExamcycleError,
  persistedSpecFor,
  persistSnapshot,
  restoreSnapshot,
  shippedMachineSpecs,
  collectAudit,
  type PersistedSnapshot,
} from '@examcycle/core';
import { hodScience, officer, scienceInput, seniorLeader } from './entryCheckingFixture.js';
import type { Instant } from '@examcycle/core';

const goldenUrl = new URL('./fixtures/entryChecking.v1.json', import.meta.url);

/** A list driven through every step once, each event stamped: the golden run. */
function goldenRun() {
  const actor = createActor(entryCheckingMachine, { input: scienceInput(3), clock: new SimulatedClock() }).start();
  const t = (d: number, h: number): Instant => `2026-01-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z` as Instant;
  actor.send({ type: 'send', at: t(5, 10), by: officer });
  actor.send({ type: 'entry.mark', entryId: 'e001', verdict: 'correct', at: t(6, 9), by: hodScience });
  actor.send({ type: 'entry.mark', entryId: 'e002', verdict: 'queried', comment: 'Higher tier?', at: t(6, 10), by: hodScience });
  actor.send({ type: 'entry.mark', entryId: 'e003', verdict: 'correct', at: t(6, 11), by: hodScience });
  actor.send({ type: 'query.answer', entryId: 'e002', answer: 'Foundation, as agreed', at: t(7, 9), by: officer });
  actor.send({ type: 'entry.mark', entryId: 'e002', verdict: 'correct', at: t(7, 10), by: hodScience });
  actor.send({ type: 'sign', at: t(8, 9), by: hodScience });
  actor.send({ type: 'decline', reason: 'Check e003 is still on roll', entryIds: ['e003'], at: t(9, 9), by: seniorLeader });
  actor.send({ type: 'clock.tick', at: t(25, 9) });
  return actor;
}

/** A list in each state it can reach. */
function inEveryState() {
  const make = () => createActor(entryCheckingMachine, { input: scienceInput(2), clock: new SimulatedClock() }).start();
  const preparing = make();
  const checking = make();
  checking.send({ type: 'send', at: '2026-01-05T10:00:00Z', by: officer });
  const authorising = make();
  authorising.send({ type: 'send', at: '2026-01-05T10:00:00Z', by: officer });
  for (const id of ['e001', 'e002']) authorising.send({ type: 'entry.mark', entryId: id, verdict: 'correct', at: '2026-01-06T10:00:00Z', by: hodScience });
  authorising.send({ type: 'sign', at: '2026-01-07T10:00:00Z', by: hodScience });
  const released = createActor(entryCheckingMachine, { snapshot: authorising.getPersistedSnapshot(), input: scienceInput(2) }).start();
  released.send({ type: 'authorise', at: '2026-01-08T10:00:00Z', by: seniorLeader });
  const submitted = createActor(entryCheckingMachine, { snapshot: released.getPersistedSnapshot(), input: scienceInput(2) }).start();
  submitted.send({ type: 'submit', at: '2026-01-09T10:00:00Z', by: officer });
  return { preparing, checking, authorising, released, submitted };
}

function refusal(fn: () => unknown): { code: string; path: unknown } | 'restored' {
  try {
    fn();
    return 'restored';
  } catch (e) {
    if (!isExamcycleError(e)) throw e;
    return { code: e.code, path: e.details?.['path'] };
  }
}

describe('entryCheckingPersisted (snapshot version 1)', () => {
  it('is one of the machines examcycle ships, found by id for restoreSnapshot and the runtime', () => {
    expect(shippedMachineSpecs()).toContain(entryCheckingPersisted);
    expect(persistedSpecFor(entryCheckingMachine)).toBe(entryCheckingPersisted);
  });

  it('persists exactly the golden snapshot (an accidental format change fails here), and restores it', () => {
    const actor = goldenRun();
    const saved = JSON.parse(JSON.stringify(persistSnapshot(actor))) as unknown;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenUrl, `${JSON.stringify(saved, null, 2)}\n`);
    const golden = JSON.parse(readFileSync(goldenUrl, 'utf8')) as unknown;
    expect(saved).toEqual(golden);
    const restored = restoreSnapshot(entryCheckingMachine, golden, { clock: new SimulatedClock() }).start();
    expect(restored.getSnapshot().value).toBe('checking');
    expect(restored.getSnapshot().context).toEqual(JSON.parse(JSON.stringify(actor.getSnapshot().context)));
    restored.send({ type: 'query.answer', entryId: 'e003', answer: 'Still on roll', at: '2026-01-26T09:00:00Z', by: officer });
    expect(restored.getSnapshot().context.entries[2]!.status).toBe('unchecked');
  });

  it('does not emit the start line again when a list is restored', () => {
    const restored = restoreSnapshot(entryCheckingMachine, persistSnapshot(goldenRun()));
    const lines = collectAudit(restored);
    restored.start();
    expect(lines).toEqual([]);
  });

  it('keeps no audit trail in the context, and the context does not grow with refusals or idle ticks', () => {
    const actor = inEveryState().checking;
    const size = JSON.stringify(actor.getSnapshot().context).length;
    for (let i = 0; i < 30; i++) actor.send({ type: 'authorise', at: '2026-01-05T11:00:00Z', by: seniorLeader });
    for (let i = 0; i < 30; i++) actor.send({ type: 'clock.tick', at: '2026-01-05T12:00:00Z' });
    expect(JSON.stringify(actor.getSnapshot().context).length).toBe(size - '2026-01-05T10:00:00.000+00:00'.length + '2026-01-05T12:00:00.000+00:00'.length);
  });

  it('a fresh snapshot passes the context schema in every state a list can reach', () => {
    for (const [name, actor] of Object.entries(inEveryState())) {
      expect(actor.getSnapshot().value).toBe(name);
      const saved = JSON.parse(JSON.stringify(persistSnapshot(actor))) as { snapshot: { context: unknown } };
      expect(entryCheckingContextSchema.safeParse(saved.snapshot.context).success, name).toBe(true);
    }
  });

  it('refuses contexts with torn statuses, foreign grants, bad instants, unknown keys and __proto__ keys, naming the path', () => {
    const saved = JSON.parse(JSON.stringify(persistSnapshot(goldenRun()))) as PersistedSnapshot & { snapshot: { context: Record<string, unknown> } };
    const withContext = (patch: (c: Record<string, unknown>) => Record<string, unknown>) => ({ ...saved, snapshot: { ...saved.snapshot, context: patch(saved.snapshot.context) } });
    const entries = saved.snapshot.context['entries'] as Record<string, unknown>[];
    expect(refusal(() => restoreSnapshot(entryCheckingMachine, withContext((c) => ({ ...c, entries: entries.map((e, i) => (i === 1 ? { ...e, status: 'corect' } : e)) }))))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.context.entries.1.status' });
    expect(refusal(() => restoreSnapshot(entryCheckingMachine, withContext((c) => ({ ...c, grants: { 'results.read': { roles: ['teacher'], rule: 'x' } } }))))).toMatchObject({ code: 'snapshot_invalid' });
    expect(refusal(() => restoreSnapshot(entryCheckingMachine, withContext((c) => ({ ...c, lastEventAt: 'yesterday' }))))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.context.lastEventAt' });
    expect(refusal(() => restoreSnapshot(entryCheckingMachine, withContext((c) => ({ ...c, audit: [] }))))).toMatchObject({ code: 'snapshot_invalid' });
    expect(refusal(() => restoreSnapshot(entryCheckingMachine, withContext(({ headOfDepartmentIds: _h, ...c }) => c)))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.context.headOfDepartmentIds' });
    const proto = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(saved.snapshot.context).slice(1)}`) as Record<string, unknown>;
    expect(refusal(() => restoreSnapshot(entryCheckingMachine, withContext(() => proto)))).toMatchObject({ code: 'snapshot_invalid' });
    expect(refusal(() => restoreSnapshot(entryCheckingMachine, { ...saved, snapshot: { ...saved.snapshot, value: 'approved' } }))).toMatchObject({ code: 'snapshot_invalid', path: 'snapshot.value' });
  });

  it('wakes an open list at the next edge of a deadline signal, and a submitted one never', () => {
    const states = inEveryState();
    const wake = (a: { getSnapshot(): { context: unknown; value: unknown } }) => entryCheckingPersisted.wakeAt?.(a.getSnapshot().context as never, a.getSnapshot().value);
    // Signed is due 2026-01-30 (internal deadline): due soon from 2026-01-23, seven days before.
    expect(wake(states.checking)).toBe('2026-01-23T23:59:59.999+00:00');
    expect(wake(states.submitted)).toBeNull();
    expect(entryCheckingPersisted.tickEvent).toBe('clock.tick');
  });
});

/** Mutations of a real snapshot, as torn writes and hostile edits would make them. */
const leafPaths = (u: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
  if (u === null || typeof u !== 'object') return [prefix];
  const entries = Array.isArray(u) ? u.map((v, i) => [i, v] as const) : Object.entries(u);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
};
const BASE = JSON.parse(JSON.stringify(persistSnapshot(goldenRun()))) as PersistedSnapshot;
const PATHS = leafPaths(BASE).filter((p) => p.length > 0);
const junk = fc.oneof(fc.constantFrom(null, '', 'corect', 'toString', '__proto__', -1, 0, 1e308, true, [], {}), fc.string({ maxLength: 8 }), fc.integer());

describe('validateSnapshot on mutated entry-list snapshots', () => {
  fcTest.prop([fc.array(fc.record({ path: fc.constantFrom(...PATHS), value: junk, remove: fc.boolean() }), { minLength: 1, maxLength: 3 })], { numRuns: 300, seed: 20261215 })(
    'every mutated snapshot is refused typed, or restores into a list that still takes events',
    (mutations) => {
      const copy = JSON.parse(JSON.stringify(BASE)) as Record<string | number, unknown>;
      for (const m of mutations) {
        let node: Record<string | number, unknown> = copy;
        for (const k of m.path.slice(0, -1)) {
          const next = node[k];
          if (next === null || typeof next !== 'object') break;
          node = next as Record<string | number, unknown>;
        }
        const last = m.path[m.path.length - 1]!;
        if (m.remove) delete node[last];
        else node[last] = JSON.parse(JSON.stringify(m.value)) as unknown;
      }
      let actor;
      try {
        actor = restoreSnapshot(entryCheckingMachine, copy);
      } catch (e) {
        expect(isExamcycleError(e)).toBe(true);
        return;
      }
      actor.start();
      actor.send({ type: 'clock.tick', at: '2027-01-01T00:00:00Z' });
      actor.send({ type: 'sign', at: '2027-01-01T00:00:01Z', by: hodScience });
      expect(actor.getSnapshot().status).toBe('active');
      expect(entryCheckingContextSchema.safeParse(JSON.parse(JSON.stringify(actor.getSnapshot().context))).success).toBe(true);
    },
  );
});
