import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { collectAudit, examCycleContextSchema, examCycleMachine, isExamcycleError, persistSnapshot, restoreSnapshot, type PersistedSnapshot } from '@examcycle/core';
import { START, officer } from '../machines/cycleFixture.js';
import { goldenRun } from '../machines/goldenRun.js';

function refusal(fn: () => unknown): { code: string; path: unknown } | 'restored' {
  try {
    fn();
    return 'restored';
  } catch (e) {
    if (!isExamcycleError(e)) throw e;
    return { code: e.code, path: e.details?.['path'] };
  }
}

function withSnapshot(patch: (s: Record<string, unknown>) => Record<string, unknown>): PersistedSnapshot {
  const saved = JSON.parse(JSON.stringify(persistSnapshot(goldenRun()))) as PersistedSnapshot;
  return { ...saved, snapshot: patch(saved.snapshot as Record<string, unknown>) };
}

function withContext(patch: (c: Record<string, unknown>) => Record<string, unknown>): PersistedSnapshot {
  return withSnapshot((s) => ({ ...s, context: patch(s['context'] as Record<string, unknown>) }));
}

describe('restoreSnapshot: nothing restores half-way', () => {
  it.each(['error', 'done', 'stopped', undefined, 'ACTIVE'])('refuses an actor whose status was %s, naming snapshot.status', (status) => {
    expect(refusal(() => restoreSnapshot(examCycleMachine, withSnapshot((s) => ({ ...s, status }))))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.status' });
  });

  it.each(['toString', '__proto__', 'constructor', 'holiday', '', 'closed.x'])('refuses the state value %j, which is not a state of the cycle', (value) => {
    expect(refusal(() => restoreSnapshot(examCycleMachine, withSnapshot((s) => ({ ...s, value }))))).toMatchObject({ code: 'snapshot_invalid' });
  });

  it('refuses a state value that is an object or a number', () => {
    for (const value of [{ entries: 'x' }, 42, null, ['entries']]) {
      expect(refusal(() => restoreSnapshot(examCycleMachine, withSnapshot((s) => ({ ...s, value }))))).toMatchObject({ code: 'snapshot_invalid', path: expect.stringMatching(/^snapshot\.value/) });
    }
  });

  it('refuses child actors the cycle never spawns', () => {
    expect(refusal(() => restoreSnapshot(examCycleMachine, withSnapshot((s) => ({ ...s, children: { x: { src: 'evil' } } }))))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.children' });
  });

  it('refuses a context whose tasks are gone, naming the path', () => {
    expect(refusal(() => restoreSnapshot(examCycleMachine, withContext(({ tasks: _t, ...c }) => c)))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.context.tasks' });
  });

  it('refuses a task status torn to "dpen"', () => {
    const r = refusal(() =>
      restoreSnapshot(examCycleMachine, withContext((c) => ({ ...c, tasks: (c['tasks'] as Record<string, unknown>[]).map((t, i) => (i === 2 ? { ...t, status: 'dpen' } : t)) }))),
    );
    expect(r).toEqual({ code: 'snapshot_invalid', path: 'snapshot.context.tasks.2.status' });
  });

  it('refuses an instant that is not one, and an unknown key at the top of the context', () => {
    expect(refusal(() => restoreSnapshot(examCycleMachine, withContext((c) => ({ ...c, lastEventAt: 'yesterday' }))))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.context.lastEventAt' });
    expect(refusal(() => restoreSnapshot(examCycleMachine, withContext((c) => ({ ...c, extra: 1 }))))).toMatchObject({ code: 'snapshot_invalid' });
  });

  it('does not emit the start line again when a snapshot is restored', () => {
    const actor = restoreSnapshot(examCycleMachine, persistSnapshot(goldenRun()));
    const lines = collectAudit(actor);
    actor.start();
    expect(lines).toEqual([]);
  });
});

/** Mutations of a real snapshot, as torn writes, hostile edits and version drift would make them. */
const leafPaths = (u: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
  if (u === null || typeof u !== 'object') return [prefix];
  const entries = Array.isArray(u) ? u.map((v, i) => [i, v] as const) : Object.entries(u);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
};

const BASE = JSON.parse(JSON.stringify(persistSnapshot(goldenRun()))) as PersistedSnapshot;
const PATHS = leafPaths(BASE).filter((p) => p.length > 0);
const junk = fc.oneof(
  fc.constantFrom(null, undefined, '', 'dpen', 'toString', '__proto__', 'error', 'done', -1, 0, 1e308, Number.NaN, true, [], {}, { __proto__: { polluted: true } }),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value: junk }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('proto' as const), path: fc.constantFrom(...PATHS) }),
);

function apply(root: unknown, m: { kind: 'set' | 'delete' | 'proto'; path: (string | number)[]; value?: unknown }): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const k of m.path.slice(0, -1)) {
    const next = node[k];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = m.path[m.path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (m.kind === 'proto') {
    // What JSON.parse makes of a "__proto__" key: an own property, not the prototype.
    return JSON.parse(JSON.stringify(copy).replace(`"${String(last)}":`, '"__proto__":'));
  } else node[last] = m.value === undefined ? undefined : (JSON.parse(JSON.stringify(m.value)) as unknown);
  return copy;
}

describe('restoreSnapshot on mutated snapshots', () => {
  fcTest.prop([fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 400, seed: 20261203 })(
    'every mutated snapshot is refused typed or restores into a state the cycle can reach, and then works',
    (mutations) => {
      const bad = mutations.reduce<unknown>((s, m) => apply(s, m), BASE);
      let actor;
      try {
        actor = restoreSnapshot(examCycleMachine, bad);
      } catch (e) {
        expect(isExamcycleError(e)).toBe(true);
        return;
      }
      const snap = actor.getSnapshot();
      expect(['planning', 'entries', 'preExams', 'examTime', 'results', 'postResults', 'certificates', 'closed']).toContain((snap.value as { phase: string }).phase);
      expect(examCycleContextSchema.safeParse(snap.context).success).toBe(true);
      expect(snap.status).toBe('active');
      let crashed: unknown;
      actor.subscribe({ error: (e) => (crashed = e) });
      actor.start();
      actor.send({ type: 'clock.tick', at: '2030-01-01T00:00:00Z' });
      actor.send({ type: 'task.complete', taskId: 'entries.gathered', at: '2030-01-01T00:00:00Z', by: officer });
      expect(crashed).toBeUndefined();
      expect(actor.getSnapshot().status).toBe('active');
    },
  );

  it('a fresh cycle in every phase passes its own context schema', () => {
    const actor = createActor(examCycleMachine, { input: { centre: { centreNumber: '68199', name: 'X' }, series: goldenRun().getSnapshot().context.series, startedAt: START, tasks: [] } }).start();
    for (let i = 0; i < 8; i += 1) {
      expect(examCycleContextSchema.safeParse(actor.getSnapshot().context).success).toBe(true);
      actor.send({ type: 'phase.advance', at: START, by: officer });
    }
    expect(actor.getSnapshot().value).toMatchObject({ phase: 'closed' });
  });
});

describe('restoreSnapshot: regressions found by the long fuzz run', () => {
  it('refuses a snapshot whose children key was renamed __proto__ (fuzz snapshots, invigilatorBooking, seed 20261203)', () => {
    const text = JSON.stringify(persistSnapshot(goldenRun())).replace('"children":', '"__proto__":');
    expect(refusal(() => restoreSnapshot(examCycleMachine, JSON.parse(text)))).toMatchObject({ code: 'snapshot_invalid' });
  });

  it('refuses a snapshot without its children', () => {
    expect(refusal(() => restoreSnapshot(examCycleMachine, withSnapshot(({ children: _c, ...s }) => s)))).toEqual({ code: 'snapshot_invalid', path: 'snapshot.children' });
  });
});
