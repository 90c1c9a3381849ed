import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { eopsMachine, isExamcycleError, lastEopsRejection, persistSnapshot, restoreSnapshot } from '@examcycle/core';
import golden from './fixtures/eops.v1.json' with { type: 'json' };
import { eventsArb } from './eopsArbitraries.js';
import { as, centreActor } from './eopsFixture.js';
import { goldenRun } from './eopsGoldenRun.js';

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('eopsMachine persistence', () => {
  it('persists with the machine id eops and snapshot version 1', () => {
    expect(persistSnapshot(goldenRun())).toMatchObject({ format: 'examcycle.snapshot', machine: 'eops', version: 1 });
  });

  it('matches the golden v1 fixture, so an accidental format change fails here', async () => {
    await expect(`${JSON.stringify(persistSnapshot(goldenRun()), null, 2)}\n`).toMatchFileSnapshot('./fixtures/eops.v1.json');
  });

  it('restores the committed golden fixture into an actor equal to the run, which carries on where it stopped', () => {
    const restored = restoreSnapshot(eopsMachine, golden).start();
    const original = goldenRun();
    expect(restored.getSnapshot().value).toBe('registered');
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);
    const seq = restored.getSnapshot().context.audit.length;
    restored.send({ type: 'standards.declare', officerId: 'eo-1', at: '2025-10-01T09:00:00+01:00', by: as.slt });
    expect(lastEopsRejection(restored.getSnapshot())).toMatchObject({ code: 'guard_failed', rule: 'eops.certificate-criteria' });
    restored.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: '2025-10-01T09:05:00+01:00', by: as.lm });
    expect(restored.getSnapshot().context.audit.at(-1)).toMatchObject({ seq: seq + 2, outcome: 'accepted' });
  });

  it('refuses a snapshot of another machine, or of a newer version', () => {
    const mismatch = errorOf(() => restoreSnapshot(eopsMachine, { ...golden, machine: 'examCycle' }));
    expect(isExamcycleError(mismatch) && mismatch.code).toBe('snapshot_machine_mismatch');
    const newer = errorOf(() => restoreSnapshot(eopsMachine, { ...golden, version: 2 }));
    expect(isExamcycleError(newer) && newer.code).toBe('snapshot_version_unsupported');
  });

  test.prop([eventsArb, fc.nat()], { numRuns: 60 })('behaves after restore(persist(actor)) exactly as the original, for any events', (events, cut) => {
    const k = cut % (events.length + 1);
    const { actor: original } = centreActor('2025-09-02T06:00:00.000Z');
    events.slice(0, k).forEach((e) => original.send(e));
    const restored = restoreSnapshot(eopsMachine, JSON.parse(JSON.stringify(persistSnapshot(original)))).start();
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);
    for (const e of events.slice(k)) {
      original.send(e);
      restored.send(e);
    }
    expect(restored.getSnapshot().value).toEqual(original.getSnapshot().value);
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);
    expect(persistSnapshot(restored)).toEqual(persistSnapshot(original));
  }, 30_000);
});
