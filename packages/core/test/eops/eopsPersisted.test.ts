import { fc, test } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { eopsRecords, collectAudit, eopsContextSchema, eopsMachine, eopsPersisted, eopsRecordSchema, eopsV2Migration, isExamcycleError, persistSnapshot, restoreSnapshot, type EopsContext, type EopsEvent } from '@examcycle/core';
import goldenV2 from './fixtures/eops.v2.json' with { type: 'json' };
import { eventsArb } from './eopsArbitraries.js';
import { as, centreActor, completeCriteria, startEops, users } from './eopsFixture.js';
import { goldenRun } from './eopsGoldenRun.js';
import type { Instant } from '@examcycle/core';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const golden = (): { [key: string]: Json } => clone(goldenV2.snapshot.context) as unknown as { [key: string]: Json };

/** The first issue's path of a (version 3) centre context, dotted, or `ok` when it passes. */
function v3Problem(context: unknown): string {
  const parsed = eopsContextSchema.safeParse(context);
  return parsed.success ? 'ok' : parsed.error.issues[0]!.path.join('.');
}

/**
 * The first issue's path of a context in the version-2 view (the records in the context, as the golden v2
 * fixture holds them), dotted, or `ok`: the view is brought to version 3 as a restore does (each record its
 * own officer-year), then the centre, each record and the centre's children are checked; paths are given in
 * the view's terms (`records.<i>.…`).
 */
function firstProblem(view: unknown): string {
  const records = (view as { records?: unknown }).records;
  if (!Array.isArray(records)) return 'records';
  let migrated: Record<string, unknown>;
  try {
    migrated = eopsV2Migration({ status: 'active', value: 'registered', context: view as never });
  } catch {
    return 'records';
  }
  const centre = eopsContextSchema.safeParse(migrated['context']);
  if (!centre.success) return centre.error.issues[0]!.path.map((k) => (k === 'officerYears' ? 'records' : String(k))).join('.');
  for (const [i, r] of records.entries()) {
    const parsed = eopsRecordSchema.safeParse(r);
    if (!parsed.success) return ['records', i, ...parsed.error.issues[0]!.path].join('.');
  }
  const problem = eopsPersisted.check?.(migrated);
  if (!problem) return 'ok';
  const m = /officerYear:([^:]+):(\d{4}\/\d{2})\.snapshot\.context\.(\w+)/.exec(problem[0]);
  const i = m ? records.findIndex((r: { officerId?: string; academicYear?: string }) => r.officerId === m[1] && r.academicYear === m[2]) : -1;
  return m ? `records.${i}.${m[3]}` : problem[0];
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Every path in a JSON value (objects' keys and arrays' indexes), parents before children. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function mutate(root: { [key: string]: Json }, path: (string | number)[], replacement: Json | undefined): void {
  let node = root as Json;
  for (const k of path.slice(0, -1)) node = (node as Record<string, Json>)[k as string]!;
  const last = path[path.length - 1]!;
  if (Array.isArray(node)) {
    if (replacement === undefined) node.splice(last as number, 1);
    else node[last as number] = replacement;
  } else if (replacement === undefined) delete (node as Record<string, Json>)[last as string];
  else (node as Record<string, Json>)[last as string] = replacement;
}

/** Which path of the golden context to change, and its new value (`undefined`: delete it). */
const mutationArb = fc.record({
  pick: fc.nat(),
  replacement: fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.constantFrom('dpen', '__proto__', 'toString', '', -1, 1e308, null, [], {})),
});

/**
 * Restores the golden context with one mutation: a refusal must be a typed `snapshot_invalid`; a restored
 * actor must take every event without an error, emit one line for each, and keep a valid context.
 */
function restoreMutated({ pick, replacement }: { pick: number; replacement: unknown }, events: readonly EopsEvent[]): 'refused' | 'restored' {
  const context = golden();
  const paths = pathsOf(context);
  mutate(context, paths[pick % paths.length]!, replacement as Json | undefined);
  const saved = { ...clone(goldenV2), snapshot: { ...clone(goldenV2.snapshot), context } };
  let actor;
  try {
    actor = restoreSnapshot(eopsMachine, JSON.parse(JSON.stringify(saved)), { spec: eopsPersisted });
  } catch (e) {
    expect(isExamcycleError(e) && e.code).toBe('snapshot_invalid');
    return 'refused';
  }
  const errors: unknown[] = [];
  actor.subscribe({ error: (e) => errors.push(e) });
  const audit = collectAudit(actor);
  actor.start();
  for (const e of events) actor.send(e);
  expect(errors).toEqual([]);
  expect(audit).toHaveLength(events.length);
  expect(v3Problem(actor.getSnapshot().context)).toBe('ok');
  return 'restored';
}

describe('eopsPersisted: the schema of a persisted EOPS context', () => {
  it('accepts the context in every state the machine reaches: new, refused before registration, registered, certified, rolled over', () => {
    const fresh = startEops();
    expect(v3Problem(fresh.getSnapshot().context)).toBe('ok');
    fresh.send({ type: 'account.register', user: users.amber, at: '2025-09-02T08:00:00Z', by: as.amber });
    expect(fresh.getSnapshot().context.lastEventAt).toBe('2025-09-02T08:00:00Z');
    expect(v3Problem(fresh.getSnapshot().context)).toBe('ok');
    const { actor, at } = centreActor();
    expect(v3Problem(actor.getSnapshot().context)).toBe('ok');
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.slt });
    completeCriteria(actor, at, 'eo-1', as.amber);
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt });
    expect(eopsRecords(actor)[0]?.certificate).not.toBeNull();
    expect(v3Problem(actor.getSnapshot().context)).toBe('ok');
    actor.send({ type: 'year.rollover', at: '2026-09-01T00:00:00+01:00', by: as.system });
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: '2026-09-02T09:00:00+01:00', by: as.slt });
    expect(eopsRecords(actor).map((r) => r.academicYear)).toEqual(['2025/26', '2026/27']);
    expect(v3Problem(actor.getSnapshot().context)).toBe('ok');
    expect(v3Problem(goldenRun().getSnapshot().context)).toBe('ok');
    expect(firstProblem(golden())).toBe('ok');
  });

  test.prop([eventsArb], { numRuns: 25, seed: 202509041 })('accepts the context after every event of any sequence', (events) => {
    const { actor } = centreActor('2025-09-02T06:00:00.000Z');
    for (const e of events) {
      actor.send(e);
      expect(v3Problem(actor.getSnapshot().context)).toBe('ok');
    }
  }, 30_000);

  it('refuses missing fields, misspelt statuses and roles, wrong types and bad instants, naming the path', () => {
    const cases: [string, (c: any) => void, string][] = [
      ['no accounts', (c) => delete c.accounts, 'accounts'],
      ['no records', (c) => delete c.records, 'records'],
      ['no lastEventAt', (c) => delete c.lastEventAt, 'lastEventAt'],
      ['accounts not an array', (c) => (c.accounts = 'slt-1'), 'accounts'],
      ['account status "actve"', (c) => (c.accounts[0].status = 'actve'), 'accounts.0.status'],
      ['account admin "yes"', (c) => (c.accounts[0].admin = 'yes'), 'accounts.0.admin'],
      ['account role "head"', (c) => (c.accounts[0].roles = ['head']), 'accounts.0.roles.0'],
      ['account with no roles', (c) => (c.accounts[0].roles = []), 'accounts.0.roles'],
      ['account missing its name', (c) => delete c.accounts[1].name, 'accounts.1.name'],
      ['target status "dpen"', (c) => (c.records[1].targets[0].status = 'dpen'), 'records.1.targets.0.status'],
      ['target of an unknown strand', (c) => (c.records[1].targets[0].strand = 'values'), 'records.1.targets.0.strand'],
      ['key skills target in a knowledge area', (c) => (c.records[1].targets[1].area = 'jcq_regulations'), 'records.1.targets.1.area'],
      ['experience "veteran"', (c) => (c.records[0].experience = 'veteran'), 'records.0.experience'],
      ['lastEventAt "yesterday"', (c) => (c.lastEventAt = 'yesterday'), 'lastEventAt'],
      ['registeredAt without an offset', (c) => (c.accounts[0].registeredAt = '2025-09-02T08:01:00'), 'accounts.0.registeredAt'],
      ['academic year "2025/27"', (c) => (c.academicYear = '2025/27'), 'academicYear'],
      ['centre number "12"', (c) => (c.centre.centreNumber = '12'), 'centre.centreNumber'],
      ['meetings as an object', (c) => (c.records[0].meetings = {}), 'records.0.meetings'],
      ['a signature by an actor with no role', (c) => delete c.records[0].valuesAndAttributes.statement.by.role, 'records.0.valuesAndAttributes.statement.by.role'],
      ['a certificate authorised by an exams officer', (c) => (c.records[1].certificate.authorisedBy.role = 'exams_officer'), 'records.1.certificate.authorisedBy.role'],
      ['an unknown top-level key', (c) => (c.audit = []), ''],
      ['an unknown key in a record', (c) => (c.records[0].notes = 'x'), 'records.0'],
      // what the machine keeps true across fields
      ['a centre without an academic year', (c) => (c.academicYear = null), 'academicYear'],
      ['an account listed twice', (c) => c.accounts.push(clone(c.accounts[1])), 'accounts.4.id'],
      ['no active administrator', (c) => (c.accounts[0].admin = false), 'accounts'],
      ['two records for one officer-year', (c) => c.records.push(clone(c.records[0])), 'records.2'],
      ['a record of an officer with no account', (c) => (c.records[0].officerId = 'ghost'), 'records.0.officerId'],
      ['a record of another centre', (c) => (c.records[0].centreNumber = '54321'), 'records.0.centreNumber'],
      ['a record of a later year', (c) => (c.records[0].academicYear = '2026/27'), 'records.0.academicYear'],
      ['a certificate without a declaration', (c) => (c.records[1].declaration = null), 'records.1.certificate'],
      ['a target listed twice', (c) => c.records[1].targets.push(clone(c.records[1].targets[0])), 'records.1.targets.2.id'],
      ['an unregistered centre with accounts', (c) => Object.assign(c, { centre: null, academicYear: null }), 'accounts'],
      // the fields issue 18 added
      ['a meeting of kind "apprasial"', (c) => (c.records[0].meetings[0].kind = 'apprasial'), 'records.0.meetings.0.kind'],
      ['a scheduled meeting of kind "lunch"', (c) => (c.records[0].schedule[0].kind = 'lunch'), 'records.0.schedule.0.kind'],
      ['an induction item ticked by "meeting:lunch"', (c) => (c.records[0].induction[0].fulfilledBy = 'meeting:lunch'), 'records.0.induction.0.fulfilledBy'],
      ['a target without its confirmation', (c) => delete c.records[1].targets[0].confirmedBy, 'records.1.targets.0.confirmedBy'],
      ['a certificate request by an actor with no role', (c) => delete c.records[1].certificateRequest.by.role, 'records.1.certificateRequest.by.role'],
      ['a record without its certificate request field', (c) => delete c.records[0].certificateRequest, 'records.0.certificateRequest'],
    ];
    for (const [name, change, path] of cases) {
      const context = golden();
      change(context);
      expect([name, firstProblem(context)]).toEqual([name, path]);
    }
  });

  it('keeps a certified record whose officer’s account was deleted ("permanently delete the details"; the certificate is kept), and no other', () => {
    const context = golden() as any;
    context.accounts = context.accounts.filter((a: { id: string }) => a.id !== 'eo-2');
    expect(firstProblem(context)).toBe('ok');
    context.accounts = context.accounts.filter((a: { id: string }) => a.id !== 'eo-1');
    expect(firstProblem(context)).toBe('records.0.officerId');
  });

  it('refuses __proto__ and constructor keys anywhere (as JSON.parse makes them: own keys)', () => {
    const text = JSON.stringify(golden());
    const withProto = [
      text.replace('{"centre":', '{"__proto__":{"admin":true},"centre":'),
      text.replace('{"id":"slt-1",', '{"__proto__":{"admin":true},"id":"slt-1",'),
      text.replace('{"officerId":"eo-1",', '{"constructor":{"prototype":{}},"officerId":"eo-1",'),
      text.replace('"valuesAndAttributes":{', '"valuesAndAttributes":{"__proto__":null,'),
    ];
    const found = withProto.map((json) => {
      expect(json).not.toBe(text);
      return firstProblem(JSON.parse(json)) || '(context)';
    });
    expect(found).toEqual(['(context)', 'accounts.0', 'records.0', 'records.0.valuesAndAttributes']);
  });

  it('makes restoreSnapshot refuse a mutated snapshot with a typed snapshot_invalid naming the path', () => {
    const saved = clone(goldenV2);
    (saved.snapshot.context.records[1]!.targets[0] as { status: string }).status = 'dpen';
    const error = errorOf(() => restoreSnapshot(eopsMachine, saved, { spec: eopsPersisted }));
    expect(isExamcycleError(error) && error.code).toBe('snapshot_invalid');
    // A v2 record becomes its officer-year's snapshot: the path names that child.
    expect(isExamcycleError(error) && error.details).toMatchObject({ machine: 'eops', path: 'snapshot.children.officerYear:eo-2:2025/26.snapshot.context.targets.0.status' });
  });

  test.prop([mutationArb, eventsArb], { numRuns: 150, seed: 202509042 })(
    'either refuses a randomly mutated snapshot (typed) or restores an actor that never crashes on any events',
    (mutation, events) => {
      expect(['refused', 'restored']).toContain(restoreMutated(mutation, events));
    },
    30_000,
  );

  it('restores some mutated snapshots and refuses others (the fuzz test is not vacuous)', { timeout: 30_000 }, () => {
    const outcomes = fc.sample(fc.tuple(mutationArb, eventsArb), { seed: 202509043, numRuns: 300 }).map(([m, e]) => restoreMutated(m, e));
    // 300 runs since issue 18 (a larger golden context: more paths whose random replacement the schema refuses)
    expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(60);
    expect(outcomes.filter((o) => o === 'restored').length).toBeGreaterThan(10);
  });
});

describe('eopsPersisted: the spec', () => {
  it('is the EOPS machine with the v1 and v2 migrations, its officer-year children and the year rollover as its tick', () => {
    expect(eopsPersisted.machine).toBe(eopsMachine);
    expect(eopsPersisted.context).toBe(eopsContextSchema);
    expect(Object.keys(eopsPersisted.migrations ?? {})).toEqual(['1', '2']);
    expect(eopsPersisted.tickEvent).toBe('year.rollover');
  });

  it('wakes a registered centre at midnight (London) starting the next academic year, and never before registration', () => {
    const wakeAt = eopsPersisted.wakeAt!;
    const fresh = createActor(eopsMachine).start().getSnapshot();
    expect(wakeAt(fresh.context as never, fresh.value)).toBeNull();
    const { actor } = centreActor();
    const snap = actor.getSnapshot();
    expect(wakeAt(snap.context as never, snap.value)).toBe('2026-09-01T00:00:00.000+01:00');
  });

  it('renews the Standards when the runtime sends its tick at the wake-up instant, and not a millisecond before', () => {
    const { actor } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: '2025-09-03T09:00:00+01:00', by: as.slt });
    const wakeAt = eopsPersisted.wakeAt!(actor.getSnapshot().context as never, actor.getSnapshot().value)!;
    const tick = (at: Instant) => ({ type: eopsPersisted.tickEvent, at, by: { id: 'examcycle', role: 'system' } }) as const;
    actor.send(tick('2026-08-31T23:59:59.999+01:00') as never);
    expect(actor.getSnapshot().context.academicYear).toBe('2025/26');
    actor.send(tick(wakeAt) as never);
    const context: EopsContext = actor.getSnapshot().context;
    expect(context.academicYear).toBe('2026/27');
    expect(eopsRecords(actor)[0]?.lapsedAt).toBe(wakeAt);
    expect(eopsPersisted.wakeAt!(context as never, actor.getSnapshot().value)).toBe('2027-09-01T00:00:00.000+01:00');
  });

  it('round-trips: what the machine persists restores through the spec and persists the same', () => {
    const saved = persistSnapshot(goldenRun());
    expect(persistSnapshot(restoreSnapshot(eopsMachine, clone(saved), { spec: eopsPersisted }))).toEqual(saved);
  });
});
