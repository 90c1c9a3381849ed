import { fc, test as fcTest } from '@fast-check/vitest';
import { getShortestPaths } from '@xstate/graph';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  ENQUIRY_SERVICE_IDS,
  certificateContextSchema,
  certificateMachine,
  certificateMachineFor,
  certificatePersisted,
  certificatePersistedFor,
  collectAudit,
  enquiryContextSchema,
  enquiryMachine,
  enquiryPersisted,
  isExamcycleError,
  persistSnapshot,
  restoreCertificate,
  restoreSnapshot,
  toLondon,
  type CertificateEvent,
  type EnquiryEvent,
  type EnquiryService,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import certificateGolden from './fixtures/certificate.snapshot.json' with { type: 'json' };
import certificateGoldenV2 from './fixtures/certificate.v2.snapshot.json' with { type: 'json' };
import certificateGoldenV3 from './fixtures/certificate.v3.snapshot.json' with { type: 'json' };
import enquiryGolden from './fixtures/enquiry.snapshot.json' with { type: 'json' };
import enquiryGoldenV2 from './fixtures/enquiry.v2.snapshot.json' with { type: 'json' };
import { june2026 } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';

const EO = { id: 'EO', role: 'exams_officer' } as const;

/** An enquiry submitted and awaiting its outcome, with one refused event on its log. */
function submittedEnquiry() {
  const a = createActor(enquiryMachine, {
    input: {
      id: 'EAR-7',
      candidateId: 'C-1',
      series: june2026,
      level: 'GCE',
      awardingBodyId: 'AQA',
      awardCode: '7402',
      componentCodes: ['74021', '74022'],
      resultId: 'R-C-1-7402',
      service: 'review_of_marking',
      originalGrade: 'B',
      originalMark: 182,
      rulesPack: fixturePack,
      createdAt: '2026-08-13T09:00:00+01:00',
      by: EO,
    },
  });
  const audit = collectAudit(a);
  a.start();
  a.send({ type: 'enquiry.submit', at: '2026-08-13T09:30:00+01:00', by: EO });
  a.send({ type: 'consent.capture', at: '2026-08-13T10:00:00+01:00', by: EO, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T09:55:00+01:00', reference: 'form 7' } });
  a.send({ type: 'enquiry.submit', at: '2026-08-14T09:00:00+01:00', by: EO, feePence: 4850, reference: 'AQA-EAR-0007' });
  return Object.assign(a, { audit });
}

/** A certificate retained unclaimed. */
function unclaimedCertificate() {
  const a = createActor(certificateMachine, {
    input: { certificate: { id: 'CERT-C-4', candidateId: 'C-4', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300F'] }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00', by: EO },
  }).start();
  a.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO, dateOfIssue: '2026-11-02T00:00:00Z' });
  a.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: true });
  a.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
  return a;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('persisted snapshots (version 3: the rules the machine decides by are in its context; the audit log is the store\'s)', () => {
  it('persists an enquiry in the committed version-3 format, with its service rule and grants and no audit trail in it (golden fixture)', async () => {
    const actor = submittedEnquiry();
    const saved = persistSnapshot(actor);
    expect(saved.version).toBe(3);
    expect(saved.snapshot).toMatchObject({ context: { serviceRule: { rule: 'fixture.prs.service-2', consentRequired: true }, grants: { 'enquiry.submit': { rule: 'enquiry.submit' } } } });
    expect(JSON.stringify((saved.snapshot as { context: { serviceRule: unknown } }).context.serviceRule).length).toBeLessThan(600);
    expect(saved.snapshot).toMatchObject({ context: expect.not.objectContaining({ audit: expect.anything() }) });
    expect(actor.audit.map((l) => [l.event, l.outcome])).toEqual([
      ['enquiry.request', 'accepted'],
      ['enquiry.submit', 'rejected'],
      ['consent.capture', 'accepted'],
      ['enquiry.submit', 'accepted'],
    ]);
    await expect(json(saved)).toMatchFileSnapshot('./fixtures/enquiry.v3.snapshot.json');
  });

  it('persists a certificate in the committed version-4 format, holding only the rules pack\'s id, its grants and its handover (golden fixture)', async () => {
    const saved = persistSnapshot(unclaimedCertificate());
    expect(saved.version).toBe(4);
    expect(saved.snapshot).toMatchObject({ context: { handover: null } });
    expect(saved.snapshot).toMatchObject({ context: { grants: { 'certificate.destroyed': { roles: ['head_of_centre', 'exams_officer'] } } } });
    expect((saved.snapshot as { context: { rules: unknown } }).context.rules).toEqual({ packId: 'fixture' });
    await expect(json(saved)).toMatchFileSnapshot('./fixtures/certificate.v4.snapshot.json');
  });

  it('restores the committed version-1 enquiry through the migration and carries it to its outcome', () => {
    expect(enquiryGolden.version).toBe(1);
    expect(enquiryGolden.snapshot.context.audit).toHaveLength(4);
    const actor = restoreSnapshot(enquiryMachine, enquiryGolden, { spec: enquiryPersisted });
    const audit = collectAudit(actor);
    actor.start();
    expect(actor.getSnapshot().value).toBe('submitted');
    expect(actor.getSnapshot().context).not.toHaveProperty('audit');
    const changes: unknown[] = [];
    actor.on('enquiry.gradeChanged', (e) => changes.push(e.change));
    actor.send({ type: 'enquiry.outcome', at: '2026-09-03T10:00:00+01:00', by: EO, grade: 'A', feeRefunded: true });
    actor.send({ type: 'enquiry.close', at: '2026-09-04T10:00:00+01:00', by: EO });
    expect(actor.getSnapshot().status).toBe('done');
    expect(changes).toEqual([expect.objectContaining({ enquiryId: 'EAR-7', from: 'B', to: 'A' })]);
    // No start line on restore: the log already has it.
    expect(audit.map((l) => l.event)).toEqual(['enquiry.outcome', 'enquiry.close']);
  });

  it('restores the committed version-2 enquiry through the migration, deciding by the rules version 2 kept', () => {
    expect(enquiryGoldenV2.version).toBe(2);
    const actor = restoreSnapshot(enquiryMachine, clone(enquiryGoldenV2), { spec: enquiryPersisted });
    const audit = collectAudit(actor);
    actor.start();
    expect(actor.getSnapshot().value).toBe('submitted');
    expect(actor.getSnapshot().context.serviceRule).toMatchObject({ code: '2', consentRequired: true, outcome: 'grade', confidence: 'reading' });
    actor.send({ type: 'enquiry.outcome', at: '2026-09-03T10:00:00+01:00', by: { id: 'T-1', role: 'teacher' }, grade: 'A' });
    actor.send({ type: 'enquiry.outcome', at: '2026-09-03T10:00:00+01:00', by: EO, grade: 'A' });
    actor.send({ type: 'enquiry.close', at: '2026-09-04T10:00:00+01:00', by: EO });
    expect(actor.getSnapshot().status).toBe('done');
    expect(audit.map((l) => [l.event, l.outcome])).toEqual([['enquiry.outcome', 'accepted'], ['enquiry.outcome', 'rejected'], ['enquiry.close', 'accepted']]);
  });

  it('restores the committed version-2 certificate through the migration (version 2 let every role take every step)', () => {
    expect(certificateGoldenV2.version).toBe(2);
    const actor = restoreCertificate(clone(certificateGoldenV2), { rulesPack: fixturePack }).start();
    expect(actor.getSnapshot().value).toBe('unclaimed');
    actor.send({ type: 'certificate.destroyed', at: '2027-11-02T00:00:00Z', by: { id: 'T-1', role: 'teacher' }, method: 'shredded' });
    expect(actor.getSnapshot().value).toBe('destroyed');
  });

  it('restores the committed version-3 certificate through the migration, its handover kept as `issue` read as `handover`', () => {
    expect(certificateGoldenV3.version).toBe(3);
    const unclaimed = restoreCertificate(clone(certificateGoldenV3), { rulesPack: fixturePack }).start();
    expect(unclaimed.getSnapshot().context.handover).toBeNull();
    expect(unclaimed.getSnapshot().context).not.toHaveProperty('issue');
    const handover = { at: '2026-12-01T10:00:00.000+00:00', by: EO, method: 'collected', to: 'C-4' };
    const v3 = clone(certificateGoldenV3) as unknown as { snapshot: Record<string, unknown> & { context: Record<string, unknown> } };
    v3.snapshot.context['issue'] = handover;
    const migrated = certificatePersisted.migrations![3]!(v3.snapshot) as { context: Record<string, unknown> };
    expect(migrated.context['handover']).toEqual(handover);
    expect(migrated.context).not.toHaveProperty('issue');
    expect(certificatePersisted.context.safeParse(migrated.context).success).toBe(true);
  });

  it('restores a version-3 enquiry as it was', () => {
    const saved = persistSnapshot(submittedEnquiry());
    const actor = restoreSnapshot(enquiryMachine, clone(saved), { spec: enquiryPersisted });
    const audit = collectAudit(actor);
    actor.start();
    expect(actor.getSnapshot().context).toEqual((saved.snapshot as { context: unknown }).context);
    actor.send({ type: 'enquiry.outcome', at: '2026-08-13T09:00:00+01:00', by: EO, grade: 'A' });
    expect(audit).toEqual([expect.objectContaining({ event: 'enquiry.outcome', outcome: 'rejected', code: 'invalid_value' })]);
  });

  it('restores the committed version-1 certificate with its rules pack and keeps it until 12 months from issue', () => {
    expect(certificateGolden.version).toBe(1);
    const actor = restoreCertificate(certificateGolden, { rulesPack: fixturePack });
    const audit = collectAudit(actor);
    actor.start();
    expect(actor.getSnapshot().value).toBe('unclaimed');
    expect(actor.getSnapshot().context).not.toHaveProperty('audit');
    actor.send({ type: 'certificate.destroyed', at: '2027-11-01T23:59:59Z', by: EO, method: 'shredded' });
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'retention_not_expired' });
    actor.send({ type: 'certificate.destroyed', at: '2027-11-02T00:00:00Z', by: EO, method: 'shredded' });
    expect(actor.getSnapshot().value).toBe('destroyed');
    expect(audit.map((l) => l.event)).toEqual(['certificate.destroyed', 'certificate.destroyed']);
  });

  it('restores a certificate with the host\'s rules pack through the plain restore path (no special restore)', () => {
    const spec = certificatePersistedFor(fixturePack);
    expect(spec.machine).toBe(certificateMachineFor(fixturePack));
    expect(spec.machine.id).toBe(certificateMachine.id);
    for (const saved of [certificateGolden, clone(persistSnapshot(unclaimedCertificate()))]) {
      const actor = restoreSnapshot(spec.machine, saved, { spec }).start();
      actor.send({ type: 'certificate.destroyed', at: '2027-11-02T00:00:00Z', by: EO, method: 'shredded' });
      expect(actor.getSnapshot().value).toBe('destroyed');
      expect(actor.getSnapshot().context.recordRetention).toMatchObject({ kind: 'certificate_destruction_record', mayDestroyFrom: '2031-11-02T00:00:00.000+00:00' });
    }
  });

  it('refuses to restore a certificate kept under another rules pack, and refuses its retention steps under another pack', () => {
    const other = { ...fixturePack, id: 'other' };
    const err = thrown(() => restoreSnapshot(certificateMachineFor(other), certificateGolden, { spec: certificatePersistedFor(other) }));
    expect(isExamcycleError(err) && { code: err.code, details: err.details }).toEqual({ code: 'snapshot_invalid', details: { machine: 'certificate', path: 'snapshot.context.rules.packId' } });
    expect(() => restoreCertificate(certificateGolden, { rulesPack: other })).toThrow(expect.objectContaining({ code: 'snapshot_invalid' }));
    const actor = restoreSnapshot(certificateMachineFor(other), certificateGolden, { spec: certificatePersisted });
    const audit = collectAudit(actor);
    actor.start();
    actor.send({ type: 'certificate.destroyed', at: '2028-01-01T10:00:00Z', by: EO, method: 'shredded' });
    expect(actor.getSnapshot().value).toBe('unclaimed');
    expect(audit[0]).toMatchObject({ outcome: 'rejected', code: 'rule_unsupported' });
    expect(audit[0]!.reason).toContain('"fixture", not "other"');
  });

  it('binds a machine only to something that is a rules pack, and gives one machine per pack', () => {
    expect(certificateMachineFor(fixturePack)).toBe(certificateMachineFor(fixturePack));
    expect(certificatePersistedFor(fixturePack)).toBe(certificatePersistedFor(fixturePack));
    expect(() => certificateMachineFor({ id: 'x' } as never)).toThrow(expect.objectContaining({ code: 'invalid_value' }));
    expect(() => certificateMachineFor(null as never)).toThrow(expect.objectContaining({ code: 'invalid_value' }));
  });

  it('migrates a version-1 certificate to the latest ten checks and disposals (the log keeps every one)', () => {
    const v1 = clone(certificateGolden) as unknown as { snapshot: Record<string, unknown> & { context: Record<string, unknown> } };
    const check = (v1.snapshot.context['checks'] as unknown[])[0];
    v1.snapshot.context['checks'] = Array.from({ length: 12 }, () => check);
    const migrated = certificatePersisted.migrations![3]!(certificatePersisted.migrations![2]!(certificatePersisted.migrations![1]!(v1.snapshot))) as { context: Record<string, unknown> };
    expect(migrated.context).not.toHaveProperty('audit');
    expect(migrated.context['checks']).toHaveLength(10);
    expect(certificatePersisted.context.safeParse(migrated.context).success).toBe(true);
  });

  it('refuses a snapshot of one machine for the other', () => {
    const err = thrown(() => restoreSnapshot(certificateMachine, enquiryGolden));
    expect(isExamcycleError(err) && err.code).toBe('snapshot_machine_mismatch');
  });
});

describe('persisted context schemas (enquiryContextSchema, certificateContextSchema)', () => {
  const enquiryInput = (service: EnquiryService) => ({
    id: 'EAR-9',
    candidateId: 'C-1',
    series: june2026,
    level: 'GCE' as const,
    awardingBodyId: 'AQA',
    awardCode: '7402',
    service,
    originalGrade: 'B',
    rulesPack: fixturePack,
    createdAt: '2026-08-13T09:00:00+01:00' as const,
    by: EO,
  });
  const certificateInput = { certificate: { id: 'CERT-9', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA' }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00' as const, by: EO };

  const enquiryEvents: EnquiryEvent[] = [
    { type: 'consent.capture', at: '2026-08-14T10:00:00+01:00', by: EO, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-14T09:00:00+01:00', reference: 'form' } },
    { type: 'enquiry.submit', at: '2026-08-15T10:00:00+01:00', by: EO, feePence: 4850, reference: 'AQA-1' },
    { type: 'enquiry.outcome', at: '2026-09-26T10:00:00+01:00', by: EO, grade: 'A', mark: 190, feeRefunded: true, note: 'up' },
    { type: 'enquiry.scriptsReceived', at: '2026-09-26T12:00:00+01:00', by: EO, note: 'by email' },
    { type: 'enquiry.close', at: '2026-09-27T10:00:00+01:00', by: EO },
    { type: 'enquiry.withdraw', at: '2026-08-16T10:00:00+01:00', by: EO, reason: 'changed mind' },
  ];
  const certificateEvents: CertificateEvent[] = [
    { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO, dateOfIssue: '2026-11-02T00:00:00Z' },
    { type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: true },
    { type: 'certificate.checked', at: '2026-11-04T11:30:00Z', by: EO, correct: false, problems: ['surname misspelt'] },
    { type: 'certificate.disposed', at: '2026-11-05T10:00:00Z', by: EO, disposal: 'return_to_awarding_body', reference: 'RD1' },
    { type: 'certificate.received', at: '2026-11-20T10:00:00Z', by: EO },
    { type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO },
    { type: 'certificate.issued', at: '2027-01-10T10:00:00Z', by: EO, method: 'third_party', to: 'Aunt', authority: { written: true, signedBy: 'C-3', signedAt: '2027-01-01T10:00:00Z', reference: 'letter' } },
    { type: 'certificate.destroyed', at: '2027-12-01T10:00:00Z', by: EO, method: 'shredded', witnessedBy: 'J. Hart' },
    { type: 'certificate.recordPurged', at: '2031-12-01T10:00:00Z', by: EO },
  ];

  it.each([...ENQUIRY_SERVICE_IDS] as EnquiryService[])('passes the context of a %s request in every state it can reach', (service) => {
    const paths = getShortestPaths(enquiryMachine, { input: enquiryInput(service), events: enquiryEvents });
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const p of paths) {
      const parsed = enquiryContextSchema.safeParse(clone(p.state.context));
      expect(parsed.success, `${String(p.state.value)}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('passes the context of a certificate in every state it can reach', () => {
    const paths = getShortestPaths(certificateMachine, { input: certificateInput, events: certificateEvents });
    expect(new Set(paths.map((p) => String(p.state.value)))).toEqual(new Set(['expected', 'received', 'checked', 'incorrect', 'awaitingReplacement', 'issued', 'unclaimed', 'destroyed', 'purged']));
    for (const p of paths) {
      const parsed = certificateContextSchema.safeParse(clone(p.state.context));
      expect(parsed.success, `${String(p.state.value)}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  // Property: whatever a host sends (well-typed or not), every snapshot the machines keep restores.
  const junk = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  const by = fc.oneof(
    { arbitrary: fc.constant<unknown>(EO), weight: 12 },
    fc.constant<unknown>({ id: 'EO', role: 'wizard' }),
    fc.constant<unknown>({ id: 'x'.repeat(201) }),
    fc.constant<unknown>({ id: 'T', role: 'teacher', name: 'extra key' }),
    fc.constant<unknown>(undefined),
  );
  const step = fc.record({ minutes: fc.integer({ min: -60, max: 60 * 24 * 6 }), kind: fc.integer({ min: 0, max: 8 }), flag: fc.boolean(), a: junk, b: junk, by });

  fcTest.prop([fc.constantFrom(...([...ENQUIRY_SERVICE_IDS] as EnquiryService[])), fc.array(step, { maxLength: 12 })], { numRuns: 150, seed: 11_2026 })(
    'every enquiry snapshot kept after any events passes its schema and restores',
    (service, steps) => {
      const actor = createActor(enquiryMachine, { input: enquiryInput(service) }).start();
      let t = toLondon('2026-08-13T09:00:00+01:00').toMillis();
      for (const s of steps) {
        if (actor.getSnapshot().status !== 'active') break;
        t += s.minutes * 60_000;
        const at = (toLondon(t).toISO() as Instant);
        const events: unknown[] = [
          { type: 'consent.capture', at, by: s.by, consent: { written: s.flag || s.a, signedBy: 'C-1', signedAt: at, reference: s.b } },
          { type: 'enquiry.submit', at, by: s.by, feePence: s.flag ? 100 : s.a, reference: s.b },
          { type: 'enquiry.outcome', at, by: s.by, grade: s.flag ? 'A' : s.a, mark: s.b, feeRefunded: s.a, note: s.b },
          { type: 'enquiry.scriptsReceived', at, by: s.by, note: s.a },
          { type: 'enquiry.close', at, by: s.by },
          { type: 'enquiry.withdraw', at, by: s.by, reason: s.flag ? 'r' : s.a },
          { type: 'enquiry.unknown', at, by: s.by },
          { type: 'consent.capture', at: s.a, by: s.by, consent: s.b },
          { type: 'enquiry.outcome', at, by: s.by, grade: 'C' },
        ];
        actor.send(events[s.kind] as EnquiryEvent);
        const saved = clone(persistSnapshot(actor));
        if (actor.getSnapshot().status !== 'active') break;
        const parsed = enquiryContextSchema.safeParse((saved.snapshot as { context: unknown }).context);
        expect(parsed.success, parsed.error?.message).toBe(true);
        expect(restoreSnapshot(enquiryMachine, saved, { spec: enquiryPersisted }).getSnapshot().value).toEqual(actor.getSnapshot().value);
      }
    },
  );

  fcTest.prop([fc.array(step, { maxLength: 14 })], { numRuns: 150, seed: 12_2026 })('every certificate snapshot kept after any events passes its schema and restores', (steps) => {
    const actor = createActor(certificateMachine, { input: certificateInput }).start();
    const spec = certificatePersistedFor(fixturePack);
    let t = toLondon('2026-10-01T09:00:00Z').toMillis();
    for (const s of steps) {
      if (actor.getSnapshot().status !== 'active') break;
      t += s.minutes * 60_000 * 30;
      const at = (toLondon(t).toISO() as Instant);
      const events: unknown[] = [
        { type: 'certificate.received', at, by: s.by, dateOfIssue: s.flag ? undefined : s.a },
        { type: 'certificate.checked', at, by: s.by, correct: s.flag, problems: s.flag ? s.a : ['wrong'] },
        { type: 'certificate.disposed', at, by: s.by, disposal: s.flag ? 'return_to_awarding_body' : s.a, reference: s.b },
        { type: 'certificate.issued', at, by: s.by, method: s.flag ? 'third_party' : s.a, to: 'Aunt', authority: { written: true, signedBy: 'C-3', signedAt: at, reference: s.b } },
        { type: 'certificate.unclaimed', at, by: s.by },
        { type: 'certificate.destroyed', at, by: s.by, method: s.flag ? 'shredded' : s.a, witnessedBy: s.b },
        { type: 'certificate.recordPurged', at, by: s.by },
        { type: 'certificate.checked', at, by: s.by, correct: false, problems: s.a },
        { type: 'certificate.issued', at, by: s.by, method: 'collected', to: s.flag ? 'C-3' : s.a },
      ];
      actor.send(events[s.kind] as CertificateEvent);
      if (actor.getSnapshot().status !== 'active') break;
      const saved = clone(persistSnapshot(actor));
      const parsed = spec.context.safeParse((saved.snapshot as { context: unknown }).context);
      expect(parsed.success, parsed.error?.message).toBe(true);
      expect(restoreSnapshot(spec.machine, saved, { spec }).getSnapshot().value).toEqual(actor.getSnapshot().value);
    }
  });

  /** A kept context with one change made by `mutate` (on a JSON copy, as a torn or tampered write would be). */
  function mutated<T>(context: T, mutate: (c: Record<string, any>) => void): unknown {
    const c = clone(context) as Record<string, any>;
    mutate(c);
    return c;
  }

  it('refuses enquiry contexts with a field missing, a wrong status string, a wrong type or an unknown key', () => {
    const enquiry = submittedEnquiry();
    enquiry.send({ type: 'enquiry.outcome', at: '2026-09-01T10:00:00+01:00', by: EO, grade: 'A', feeRefunded: true });
    const context = enquiry.getSnapshot().context;
    expect(enquiryContextSchema.safeParse(clone(context)).success).toBe(true);
    for (const key of Object.keys(context)) {
      expect(enquiryContextSchema.safeParse(mutated(context, (c) => delete c[key])).success, `without ${key}`).toBe(false);
    }
    const bad: Record<string, (c: Record<string, any>) => void> = {
      'service "re_mark"': (c) => (c.request.service = 're_mark'),
      'outcome change "dpen"': (c) => (c.outcome.change = 'dpen'),
      'outcome kind "scripts" for a review of marking': (c) => (c.outcome = { kind: 'scripts', at: c.outcome.at, by: c.outcome.by }),
      'level "A-level"': (c) => (c.request.level = 'A-level'),
      'deadline kind of another service': (c) => (c.deadline.kind = 'post_results_priority_deadline'),
      'confidence "sure"': (c) => (c.deadline.confidence = 'sure'),
      'fee in pence as a string': (c) => (c.fee.pence = '4850'),
      'fee in fractional pence': (c) => (c.fee.pence = 48.5),
      'unwritten consent': (c) => (c.consent.written = false),
      'consent signed by someone else': (c) => (c.consent.signedBy = 'PARENT'),
      'lastEventAt "yesterday"': (c) => (c.lastEventAt = 'yesterday'),
      'submittedAt a number': (c) => (c.submittedAt = 1786489260000),
      'submittedBy without an id': (c) => (c.submittedBy = { role: 'exams_officer' }),
      'submittedBy with an unknown role': (c) => (c.submittedBy = { id: 'EO', role: 'wizard' }),
      'componentCodes not an array': (c) => (c.request.componentCodes = '74021'),
      'a version-1 audit trail': (c) => (c.audit = []),
      'an unknown key in the request': (c) => (c.request.extra = 1),
    };
    for (const [what, mutate] of Object.entries(bad)) expect(enquiryContextSchema.safeParse(mutated(context, mutate)).success, what).toBe(false);
    const withProto = JSON.parse(JSON.stringify(context).replace('{"request":{', '{"__proto__":{"polluted":true},"request":{')) as unknown;
    expect(Object.keys(withProto as object)).toContain('__proto__');
    expect(enquiryContextSchema.safeParse(withProto).success).toBe(false);
    const nestedProto = JSON.parse(JSON.stringify(context).replace('"fee":{', '"fee":{"__proto__":{"pence":1},')) as unknown;
    expect(enquiryContextSchema.safeParse(nestedProto).success).toBe(false);
  });

  it('refuses certificate contexts with a field missing, a wrong status string, a wrong type or an unknown key', () => {
    const certificate = unclaimedCertificate();
    const context = certificate.getSnapshot().context;
    expect(certificateContextSchema.safeParse(clone(context)).success).toBe(true);
    for (const key of Object.keys(context)) {
      expect(certificateContextSchema.safeParse(mutated(context, (c) => delete c[key])).success, `without ${key}`).toBe(false);
    }
    const bad: Record<string, (c: Record<string, any>) => void> = {
      'incorrectDisposal "bin"': (c) => (c.incorrectDisposal = 'bin'),
      'handover method "dpen"': (c) => (c.handover = { at: c.receivedAt, by: EO, method: 'dpen', to: 'C-4' }),
      'destruction method "bin"': (c) => (c.destruction = { at: c.receivedAt, by: EO, method: 'bin' }),
      'retention kind "dpen"': (c) => (c.retention.kind = 'dpen'),
      'retention mayDestroyFrom "soon"': (c) => (c.retention.mayDestroyFrom = 'soon'),
      'retention with an unknown key': (c) => (c.retention.extra = true),
      'a check "correct" as a string': (c) => (c.checks[0].correct = 'yes'),
      'a check with problems as a string': (c) => (c.checks[0].problems = 'surname'),
      'eleven checks': (c) => (c.checks = Array.from({ length: 11 }, () => c.checks[0])),
      'pack id as a number': (c) => (c.rules.packId = 1),
      'pack with more than its id': (c) => (c.rules.pack = {}),
      'receivedAt "yesterday"': (c) => (c.receivedAt = 'yesterday'),
      'a version-1 audit trail': (c) => (c.audit = []),
    };
    for (const [what, mutate] of Object.entries(bad)) expect(certificateContextSchema.safeParse(mutated(context, mutate)).success, what).toBe(false);
    const withProto = JSON.parse(JSON.stringify(context).replace('{"certificate":{', '{"__proto__":{"polluted":true},"certificate":{')) as unknown;
    expect(certificateContextSchema.safeParse(withProto).success).toBe(false);
  });

  it('turns a tampered certificate snapshot into a typed snapshot_invalid naming the field', () => {
    const saved = clone(persistSnapshot(unclaimedCertificate())) as { snapshot: { context: Record<string, unknown> } };
    saved.snapshot.context['incorrectDisposal'] = 'bin';
    const err = thrown(() => restoreCertificate(saved, { rulesPack: fixturePack }));
    expect(isExamcycleError(err) && { code: err.code, details: err.details }).toMatchInlineSnapshot(`
      {
        "code": "snapshot_invalid",
        "details": {
          "machine": "certificate",
          "path": "snapshot.context.incorrectDisposal",
        },
      }
    `);
  });
});
