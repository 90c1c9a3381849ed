import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { collectAudit, eopsMachine, eopsPersisted, isExamcycleError, lastEopsRejection, persistSnapshot, restoreSnapshot, type AuditLine } from '@examcycle/core';
import goldenV1 from './fixtures/eops.v1.json' with { type: 'json' };
import goldenV2 from './fixtures/eops.v2.json' with { type: 'json' };
import { eventsArb } from './eopsArbitraries.js';
import { as, auditOf, centreActor } from './eopsFixture.js';
import { goldenRun } from './eopsGoldenRun.js';

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

/** Restores through the EOPS spec (its migrations and context schema), as the runtime does. */
function restore(json: unknown) {
  return restoreSnapshot(eopsMachine, json, { spec: eopsPersisted });
}

describe('eopsMachine persistence', () => {
  it('persists with the machine id eops and snapshot version 2', () => {
    expect(persistSnapshot(goldenRun())).toMatchObject({ format: 'examcycle.snapshot', machine: 'eops', version: 2 });
  });

  it('matches the golden v2 fixture (no audit in the context), so an accidental format change fails here', async () => {
    const saved = persistSnapshot(goldenRun());
    expect(saved.snapshot).not.toHaveProperty('context.audit');
    await expect(`${JSON.stringify(saved, null, 2)}\n`).toMatchFileSnapshot('./fixtures/eops.v2.json');
  });

  it('restores the committed golden v2 fixture into an actor equal to the run, which carries on where it stopped', () => {
    const restored = restore(goldenV2);
    const audit = collectAudit(restored);
    restored.start();
    const original = goldenRun();
    expect(restored.getSnapshot().value).toBe('registered');
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);
    restored.send({ type: 'standards.declare', officerId: 'eo-1', at: '2025-10-01T09:00:00+01:00', by: as.slt });
    expect(lastEopsRejection(audit)).toMatchObject({ code: 'guard_failed', rule: 'eops.certificate-criteria' });
    restored.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: '2025-10-01T09:05:00+01:00', by: as.lm });
    expect(audit).toHaveLength(2);
    expect(audit.at(-1)).toMatchObject({ outcome: 'accepted', event: 'valuesAndAttributes.sign' });
  });

  it('still restores the committed golden v1 fixture (audit in the context) through the migration, dropping the audit and filling the fields added since', () => {
    expect(goldenV1.version).toBe(1);
    expect(goldenV1.snapshot.context.audit.length).toBeGreaterThan(0);
    const restored = restore(goldenV1);
    const audit = collectAudit(restored);
    restored.start();
    const { audit: _dropped, ...v1Context } = goldenV1.snapshot.context;
    const context = restored.getSnapshot().context;
    // Everything v1 held is kept as it was; the new fields arrive empty (a v1 target was agreed by one person).
    expect(context).toMatchObject(v1Context);
    expect(context.records.flatMap((r) => r.targets.map((t) => [t.confirmedBy, t.confirmedAt]))).toEqual(context.records.flatMap((r) => r.targets.map(() => [null, null])));
    expect(context.records.flatMap((r) => r.meetings.map((m) => m.kind))).toEqual(context.records.flatMap((r) => r.meetings.map(() => null)));
    expect(context.records.flatMap((r) => r.induction.map((i) => i.fulfilledBy)).every((f) => f === null)).toBe(true);
    expect(context.records.map((r) => r.certificateRequest)).toEqual(context.records.map(() => null));
    expect(context.records.filter((r) => r.certificate).map((r) => r.officerId)).toEqual(['eo-2']);
    expect(persistSnapshot(restored)).toMatchObject({ machine: 'eops', version: 2 });
    restored.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: '2025-10-01T09:05:00+01:00', by: as.lm });
    expect(audit).toEqual([expect.objectContaining({ outcome: 'accepted', event: 'valuesAndAttributes.sign' })]);
  });

  it('refuses a snapshot of another machine, of a newer version, or of version 1 without the migration', () => {
    const mismatch = errorOf(() => restore({ ...goldenV2, machine: 'examCycle' }));
    expect(isExamcycleError(mismatch) && mismatch.code).toBe('snapshot_machine_mismatch');
    const newer = errorOf(() => restore({ ...goldenV2, version: 3 }));
    expect(isExamcycleError(newer) && newer.code).toBe('snapshot_version_unsupported');
    const noMigration = errorOf(() => restoreSnapshot(eopsMachine, goldenV1, { spec: { ...eopsPersisted, migrations: {} } }));
    expect(isExamcycleError(noMigration) && noMigration.code).toBe('snapshot_version_unsupported');
  });

  it('refuses a v2 snapshot whose context still carries an audit array (an unknown key), naming the path', () => {
    const withAudit = { ...goldenV2, snapshot: { ...goldenV2.snapshot, context: { ...goldenV2.snapshot.context, audit: [] } } };
    const error = errorOf(() => restore(withAudit));
    expect(isExamcycleError(error) && error.code).toBe('snapshot_invalid');
    expect(isExamcycleError(error) && error.details).toMatchObject({ path: 'snapshot.context' });
  });

  test.prop([eventsArb, fc.nat()], { numRuns: 60, seed: 202509021 })('behaves after restore(persist(actor)) exactly as the original, for any events, emitting the same audit lines', (events, cut) => {
    const k = cut % (events.length + 1);
    const { actor: original } = centreActor('2025-09-02T06:00:00.000Z');
    events.slice(0, k).forEach((e) => original.send(e));
    const restored = restore(JSON.parse(JSON.stringify(persistSnapshot(original))));
    const restoredAudit: AuditLine[] = collectAudit(restored);
    restored.start();
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);
    const originalAudit = auditOf(original);
    const mark = originalAudit.length;
    for (const e of events.slice(k)) {
      original.send(e);
      restored.send(e);
    }
    expect(restored.getSnapshot().value).toEqual(original.getSnapshot().value);
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);
    expect(restoredAudit).toEqual(originalAudit.slice(mark));
    expect(persistSnapshot(restored)).toEqual(persistSnapshot(original));
  }, 30_000);
});
