import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { collectAudit, EOPS_V2_GRANTS, eopsMachine, eopsPersisted, eopsRecords, isExamcycleError, lastEopsRejection, persistSnapshot, restoreSnapshot, type AuditLine } from '@examcycle/core';
import goldenV1 from './fixtures/eops.v1.json' with { type: 'json' };
import goldenV2 from './fixtures/eops.v2.json' with { type: 'json' };
import goldenV3 from './fixtures/eops.v3.json' with { type: 'json' };
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
  it('persists with the machine id eops and snapshot version 3', () => {
    expect(persistSnapshot(goldenRun())).toMatchObject({ format: 'examcycle.snapshot', machine: 'eops', version: 3 });
  });

  it('matches the golden v3 fixture (one officer-year actor per record), so an accidental format change fails here', async () => {
    const saved = persistSnapshot(goldenRun());
    expect(saved.snapshot).not.toHaveProperty('context.audit');
    expect(Object.keys((saved.snapshot as { children: object }).children)).toEqual(['officerYear:eo-1:2025/26', 'officerYear:eo-2:2025/26']);
    await expect(`${JSON.stringify(saved, null, 2)}\n`).toMatchFileSnapshot('./fixtures/eops.v3.json');
  });

  it('restores the committed golden v3 fixture into an actor equal to the run, which carries on where it stopped', () => {
    const restored = restore(goldenV3);
    restored.start();
    const original = goldenRun();
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);
    expect(eopsRecords(restored)).toEqual(eopsRecords(original));
    expect(persistSnapshot(restored)).toEqual(persistSnapshot(original));
  });

  it('restores the committed golden v2 fixture into one officer-year actor per record, which carries on where it stopped', () => {
    const restored = restore(goldenV2);
    const audit = collectAudit(restored);
    restored.start();
    const original = goldenRun();
    expect(restored.getSnapshot().value).toBe('registered');
    // The records and accounts are as they were; the grants are the ones version 2 enforced.
    expect(eopsRecords(restored)).toEqual(eopsRecords(original));
    expect(restored.getSnapshot().context).toEqual({ ...original.getSnapshot().context, grants: EOPS_V2_GRANTS });
    expect(eopsRecords(restored).map((r) => [r.officerId, restored.getSnapshot().children[`officerYear:${r.officerId}:${r.academicYear}`]?.getSnapshot().value])).toEqual([
      ['eo-1', { inProgress: { targets: 'toAgree', valuesAndAttributes: 'statementSigned' } }],
      ['eo-2', 'certified'],
    ]);
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
    const { records: v1Records, ...v1Centre } = v1Context;
    const context = { ...restored.getSnapshot().context, records: eopsRecords(restored) };
    // Everything v1 held is kept as it was; the new fields arrive empty (a v1 target was agreed by one person).
    expect(context).toMatchObject({ ...v1Centre, records: v1Records });
    expect(context.records.flatMap((r) => r.targets.map((t) => [t.confirmedBy, t.confirmedAt]))).toEqual(context.records.flatMap((r) => r.targets.map(() => [null, null])));
    expect(context.records.flatMap((r) => r.meetings.map((m) => m.kind))).toEqual(context.records.flatMap((r) => r.meetings.map(() => null)));
    expect(context.records.flatMap((r) => r.induction.map((i) => i.fulfilledBy)).every((f) => f === null)).toBe(true);
    expect(context.records.map((r) => r.certificateRequest)).toEqual(context.records.map(() => null));
    expect(context.records.filter((r) => r.certificate).map((r) => r.officerId)).toEqual(['eo-2']);
    expect(persistSnapshot(restored)).toMatchObject({ machine: 'eops', version: 3 });
    restored.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: '2025-10-01T09:05:00+01:00', by: as.lm });
    expect(audit).toEqual([expect.objectContaining({ outcome: 'accepted', event: 'valuesAndAttributes.sign' })]);
  });

  it('refuses a snapshot of another machine, of a newer version, or of version 1 without the migration', () => {
    const mismatch = errorOf(() => restore({ ...goldenV2, machine: 'examCycle' }));
    expect(isExamcycleError(mismatch) && mismatch.code).toBe('snapshot_machine_mismatch');
    const newer = errorOf(() => restore({ ...goldenV3, version: 4 }));
    expect(isExamcycleError(newer) && newer.code).toBe('snapshot_version_unsupported');
    const noMigration = errorOf(() => restoreSnapshot(eopsMachine, goldenV1, { spec: { ...eopsPersisted, migrations: {} } }));
    expect(isExamcycleError(noMigration) && noMigration.code).toBe('snapshot_version_unsupported');
  });

  it('refuses a v2 snapshot whose context still carries an audit array (an unknown key), naming the path', () => {
    const withAudit = { ...goldenV2, snapshot: { ...goldenV2.snapshot, context: { ...goldenV2.snapshot.context, audit: [] } } };
    const error = errorOf(() => restore(withAudit));
    expect(isExamcycleError(error) && error.code).toBe('snapshot_invalid');
    expect(isExamcycleError(error) && error.details).toMatchObject({ path: 'snapshot.context' });
    const v3WithRecords = { ...goldenV3, snapshot: { ...goldenV3.snapshot, context: { ...goldenV3.snapshot.context, records: [] } } };
    expect(errorOf(() => restore(v3WithRecords))).toMatchObject({ code: 'snapshot_invalid' });
  });

  it('refuses a v3 snapshot whose officer-years and children disagree, or whose child is not an officer-year, naming the path', () => {
    type Snap = { snapshot: { value: unknown; context: { officerYears: { step: string }[] }; children: Record<string, { src: string; snapshot: { value: unknown } }> } };
    const pathOf = (change: (s: Snap) => void) => {
      const saved = JSON.parse(JSON.stringify(goldenV3)) as Snap;
      change(saved);
      try {
        restore(saved);
        return ['restored'];
      } catch (error) {
        return isExamcycleError(error) ? [error.code, error.details?.['path']] : ['untyped'];
      }
    };
    expect(pathOf(() => undefined)).toEqual(['restored']);
    expect(pathOf((s) => (s.snapshot.children['officerYear:eo-1:2025/26']!.src = 'evil'))).toEqual(['snapshot_invalid', 'snapshot.children.officerYear:eo-1:2025/26']);
    expect(pathOf((s) => delete s.snapshot.children['officerYear:eo-1:2025/26'])).toEqual(['snapshot_invalid', 'snapshot.children.officerYear:eo-1:2025/26']);
    expect(pathOf((s) => (s.snapshot.children['officerYear:eo-2:2025/26']!.snapshot.value = { inProgress: { targets: 'toAgree', valuesAndAttributes: 'unsigned' } }))).toEqual([
      'snapshot_invalid',
      'snapshot.children.officerYear:eo-2:2025/26.snapshot.value',
    ]);
    expect(pathOf((s) => (s.snapshot.context.officerYears[1]!.step = 'inProgress'))).toEqual(['snapshot_invalid', 'snapshot.context.officerYears.1.certified']);
    // A centre is stored between events, never while it waits for an officer-year's report.
    expect(pathOf((s) => (s.snapshot.value = 'forwarding'))).toEqual(['snapshot_invalid', 'snapshot.value']);
  });

  test.prop([fc.nat(), fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.constantFrom('dpen', '__proto__', 'certified', 'lapsed', '', -1, null, [], {})), eventsArb], { numRuns: 120, seed: 202512034 })(
    'either refuses a golden v3 snapshot mutated anywhere (children too) with a typed snapshot_invalid, or restores an actor that takes any events without an error',
    (pick, replacement, events) => {
      const saved = JSON.parse(JSON.stringify(goldenV3)) as Record<string, unknown>;
      const paths: (string | number)[][] = [];
      const walk = (node: unknown, path: (string | number)[]) => {
        if (node === null || typeof node !== 'object') return;
        for (const [k, v] of Array.isArray(node) ? node.map((x, i) => [i, x] as const) : Object.entries(node)) {
          paths.push([...path, k]);
          walk(v, [...path, k]);
        }
      };
      walk(saved['snapshot'], ['snapshot']);
      const path = paths[pick % paths.length]!;
      let node = saved as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
      if (replacement === undefined) delete node[path[path.length - 1]!];
      else node[path[path.length - 1]!] = replacement;
      let actor;
      try {
        actor = restore(JSON.parse(JSON.stringify(saved)));
      } catch (error) {
        expect(isExamcycleError(error) && error.code).toBe('snapshot_invalid');
        return;
      }
      const errors: unknown[] = [];
      actor.subscribe({ error: (e) => errors.push(e) });
      const audit = collectAudit(actor);
      actor.start();
      for (const e of events) actor.send(e);
      expect(errors).toEqual([]);
      expect(audit).toHaveLength(events.length);
    },
    60_000,
  );

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
