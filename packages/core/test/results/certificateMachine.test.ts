import { fc, test as fcTest } from '@fast-check/vitest';
import { getShortestPaths } from '@xstate/graph';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_HISTORY_KEPT,
  collectAudit,
  certificateMachine,
  certificateOverdue,
  certificateRetainedRecords,
  persistSnapshot,
  restoreCertificate,
  restoreSnapshot,
  toLondon,
  type CertificateEvent,
  type CertificateInput,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { june2026 } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';

const EO = { id: 'EO', role: 'exams_officer' } as const;

function input(extra: Partial<CertificateInput> = {}): CertificateInput {
  return {
    certificate: { id: 'CERT-C-3', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300F'] },
    rulesPack: fixturePack,
    series: june2026,
    createdAt: '2026-09-01T09:00:00+01:00',
    by: EO,
    ...extra,
  };
}

function start(extra: Partial<CertificateInput> = {}) {
  const actor = createActor(certificateMachine, { input: input(extra) });
  const audit = collectAudit(actor);
  actor.start();
  return { actor, audit, snap: () => actor.getSnapshot(), last: () => audit.at(-1)! };
}

const received = (at: Instant, dateOfIssue?: Instant): CertificateEvent => ({ type: 'certificate.received', at, by: EO, ...(dateOfIssue ? { dateOfIssue } : {}) });
const checked = (at: Instant, correct = true): CertificateEvent => ({ type: 'certificate.checked', at, by: EO, correct, ...(correct ? {} : { problems: ['surname misspelt'] }) });

function toUnclaimed(extra: Partial<CertificateInput> = {}) {
  const s = start(extra);
  s.actor.send(received('2026-11-04T10:00:00Z'));
  s.actor.send(checked('2026-11-04T11:00:00Z'));
  s.actor.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
  return s;
}

describe('certificateMachine', () => {
  it('expects the certificate by the series\' expected date and flags a late one', () => {
    const { actor, snap, last } = start();
    expect(snap().context.expectedBy).toBe('2026-11-06T23:59:59.999+00:00');
    expect(certificateOverdue(snap().context, '2026-11-06T23:00:00Z')).toBe(false);
    expect(certificateOverdue(snap().context, '2026-11-07T00:00:00Z')).toBe(true);
    actor.send(received('2026-11-09T09:00:00Z'));
    expect(last()).toMatchObject({ event: 'certificate.received', outcome: 'accepted', details: { late: true } });
    expect(certificateOverdue(snap().context, '2026-11-10T00:00:00Z')).toBe(false);
  });

  it('issues a checked certificate to the candidate who collects it', () => {
    const { actor, audit, snap } = start();
    actor.send(received('2026-11-04T10:00:00Z'));
    actor.send(checked('2026-11-04T11:00:00Z'));
    actor.send({ type: 'certificate.issued', at: '2026-11-20T18:30:00Z', by: EO, method: 'collected', to: 'C-3' });
    expect(snap().status).toBe('done');
    expect(snap().context.handover).toMatchObject({ method: 'collected', to: 'C-3' });
    expect(audit.map((a) => `${a.event}:${a.from}>${a.to}`)).toEqual([
      'certificate.expected:expected>expected',
      'certificate.received:expected>received',
      'certificate.checked:received>checked',
      'certificate.issued:checked>issued',
    ]);
    expect(certificateRetainedRecords(snap().context)).toEqual([]);
  });

  it('lets a third party collect only with the candidate\'s written authority', () => {
    const { actor, audit, snap } = start();
    actor.send(received('2026-11-04T10:00:00Z'));
    actor.send(checked('2026-11-04T11:00:00Z'));
    actor.send({ type: 'certificate.issued', at: '2026-11-20T18:30:00Z', by: EO, method: 'collected', to: 'Mrs Chen' });
    actor.send({ type: 'certificate.issued', at: '2026-11-20T18:31:00Z', by: EO, method: 'third_party', to: 'Mrs Chen' });
    actor.send({ type: 'certificate.issued', at: '2026-11-20T18:32:00Z', by: EO, method: 'third_party', to: 'Mrs Chen', authority: { written: true, signedBy: 'C-2', signedAt: '2026-11-19T09:00:00Z' } });
    expect(snap().value).toBe('checked');
    expect(audit.slice(-3).map((a) => a.code)).toEqual(['consent_missing', 'consent_missing', 'consent_missing']);
    actor.send({ type: 'certificate.issued', at: '2026-11-20T18:33:00Z', by: EO, method: 'third_party', to: 'Mrs Chen', authority: { written: true, signedBy: 'C-3', signedAt: '2026-11-19T09:00:00Z', reference: 'letter' } });
    expect(snap().context.handover).toMatchObject({ method: 'third_party', to: 'Mrs Chen', authority: { signedBy: 'C-3', reference: 'letter' } });
  });

  it('returns a wrong certificate to the awarding body, or destroys it in the centre, as that awarding body requires', () => {
    const aqa = start();
    aqa.actor.send(received('2026-11-04T10:00:00Z'));
    aqa.actor.send(checked('2026-11-04T11:00:00Z', false));
    expect(aqa.snap().value).toBe('incorrect');
    aqa.actor.send({ type: 'certificate.disposed', at: '2026-11-04T12:00:00Z', by: EO, disposal: 'destroy_in_centre' });
    expect(aqa.last()).toMatchObject({ outcome: 'rejected', code: 'event_rejected', rule: 'incorrect-certificates/AQA' });
    aqa.actor.send({ type: 'certificate.disposed', at: '2026-11-04T12:05:00Z', by: EO, disposal: 'return_to_awarding_body', reference: 'recorded delivery RD123' });
    expect(aqa.snap().value).toBe('awaitingReplacement');
    aqa.actor.send(received('2026-11-25T10:00:00Z'));
    aqa.actor.send(checked('2026-11-25T10:30:00Z'));
    expect(aqa.snap().value).toBe('checked');
    expect(aqa.snap().context.checks.map((c) => c.correct)).toEqual([false, true]);

    const pearson = start({ certificate: { id: 'CERT-P', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'PEARSON' }, incorrectCertificates: { PEARSON: 'destroy_in_centre' } });
    pearson.actor.send(received('2026-11-04T10:00:00Z'));
    pearson.actor.send(checked('2026-11-04T11:00:00Z', false));
    pearson.actor.send({ type: 'certificate.disposed', at: '2026-11-04T12:00:00Z', by: EO, disposal: 'destroy_in_centre' });
    expect(pearson.snap().value).toBe('awaitingReplacement');
  });

  it('needs what is wrong with a certificate that fails its check', () => {
    const { actor, last } = start();
    actor.send(received('2026-11-04T10:00:00Z'));
    actor.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: false });
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'invalid_value' });
  });

  it('retains an unclaimed certificate at least 12 months from issue before it may be destroyed', () => {
    const { actor, snap, last } = toUnclaimed();
    expect(snap().hasTag('retained')).toBe(true);
    expect(snap().context.retention).toMatchObject({ mayDestroyFrom: '2027-11-04T10:00:00.000+00:00' });
    actor.send({ type: 'certificate.destroyed', at: '2027-11-04T09:59:59.999Z', by: EO, method: 'shredded' });
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'retention_not_expired' });
    expect(last().reason).toContain('2027-11-04T10:00:00.000+00:00');
    actor.send({ type: 'certificate.destroyed', at: '2027-11-04T10:00:00Z', by: EO, method: 'confidential_waste', witnessedBy: 'J. Hart' });
    expect(snap().value).toBe('destroyed');
    expect(snap().context.destruction).toMatchObject({ method: 'confidential_waste', witnessedBy: 'J. Hart', by: EO });
    expect(certificateRetainedRecords(snap().context)).toEqual([expect.objectContaining({ kind: 'certificate_destruction_record', destroyedAt: '2027-11-04T10:00:00.000+00:00' })]);
  });

  it('runs the 12 months from the date of issue on the certificate when it is given', () => {
    const s = start();
    s.actor.send(received('2026-11-04T10:00:00Z', '2026-10-28T00:00:00Z'));
    s.actor.send(checked('2026-11-04T11:00:00Z'));
    s.actor.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
    // Twelve calendar months in London: 00:00 GMT on 28 October 2026 is 00:00 BST on 28 October 2027.
    expect(s.snap().context.retention?.mayDestroyFrom).toBe('2027-10-28T00:00:00.000+01:00');
  });

  it('keeps the destruction record 4 years from destruction before it may be purged', () => {
    const { actor, snap, last } = toUnclaimed();
    actor.send({ type: 'certificate.destroyed', at: '2027-11-10T10:00:00Z', by: EO, method: 'shredded' });
    expect(snap().hasTag('destructionRecordKept')).toBe(true);
    actor.send({ type: 'certificate.recordPurged', at: '2031-11-10T09:00:00Z', by: EO });
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'retention_not_expired' });
    actor.send({ type: 'certificate.recordPurged', at: '2031-11-10T10:00:00Z', by: EO });
    expect(snap().value).toBe('purged');
    expect(certificateRetainedRecords(snap().context)).toEqual([]);
  });

  it('refuses to start the retention clock when the rules pack cannot decide it', () => {
    const broken = { ...fixturePack, retention: () => { throw new Error('no retention rule'); } };
    const { actor, snap, last } = start({ rulesPack: broken });
    actor.send(received('2026-11-04T10:00:00Z'));
    actor.send(checked('2026-11-04T11:00:00Z'));
    actor.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
    expect(snap().value).toBe('checked');
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'rule_unsupported' });
  });

  it('replaces one rule with .provide() (a pack-free retentionExpired), keeping the others (destruction still secure)', () => {
    const early = certificateMachine.provide({ guards: { retentionExpired: () => true } });
    const actor = createActor(early, { input: input() });
    const audit = collectAudit(actor);
    actor.start();
    actor.send(received('2026-11-04T10:00:00Z'));
    actor.send(checked('2026-11-04T11:00:00Z'));
    actor.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
    actor.send({ type: 'certificate.destroyed', at: '2026-12-19T10:00:00Z', by: EO, method: 'bin' as never });
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'invalid_value' });
    actor.send({ type: 'certificate.destroyed', at: '2026-12-19T10:01:00Z', by: EO, method: 'shredded' });
    expect(actor.getSnapshot().value).toBe('destroyed');
  });

  it('destroys only securely', () => {
    const { actor, last } = toUnclaimed();
    actor.send({ type: 'certificate.destroyed', at: '2028-01-01T10:00:00Z', by: EO, method: 'bin' as never });
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'invalid_value' });
  });

  it('still issues an unclaimed certificate the candidate comes back for', () => {
    const { actor, snap } = toUnclaimed();
    actor.send({ type: 'certificate.issued', at: '2027-03-01T10:00:00Z', by: EO, method: 'posted', to: 'C-3, 1 High Street' });
    expect(snap().value).toBe('issued');
  });

  it('refuses steps out of order and records them', () => {
    const { actor, audit, snap } = start();
    actor.send({ type: 'certificate.destroyed', at: '2026-11-01T10:00:00Z', by: EO, method: 'shredded' });
    actor.send(checked('2026-11-01T10:01:00Z'));
    expect(snap().value).toBe('expected');
    expect(audit.slice(1).map((a) => [a.event, a.outcome, a.code])).toEqual([
      ['certificate.destroyed', 'rejected', 'event_rejected'],
      ['certificate.checked', 'rejected', 'event_rejected'],
    ]);
  });

  it('keeps only the pack\'s id in a snapshot, and refuses retention steps until the pack is bound again', () => {
    const { actor } = toUnclaimed();
    const saved = JSON.parse(JSON.stringify(persistSnapshot(actor))) as { snapshot: { context: { rules: unknown } } };
    expect(saved.snapshot.context.rules).toEqual({ packId: 'fixture' });
    const plain = restoreSnapshot(certificateMachine, saved);
    const plainAudit = collectAudit(plain);
    plain.start();
    plain.send({ type: 'certificate.destroyed', at: '2028-01-01T10:00:00Z', by: EO, method: 'shredded' });
    expect(plainAudit).toEqual([expect.objectContaining({ outcome: 'rejected', code: 'rule_unsupported' })]);
    const bound = restoreCertificate(saved, { rulesPack: fixturePack }).start();
    bound.send({ type: 'certificate.destroyed', at: '2028-01-01T10:00:00Z', by: EO, method: 'shredded' });
    expect(bound.getSnapshot().value).toBe('destroyed');
    expect(() => restoreCertificate(saved, { rulesPack: { ...fixturePack, id: 'other' } })).toThrow(expect.objectContaining({ code: 'snapshot_invalid' }));
  });

  it('keeps a context that does not grow with the events it sees: refusals leave it be, and only the latest checks are kept', () => {
    const { actor, audit, snap } = start();
    const size = () => JSON.stringify(snap().context).length - snap().context.lastEventAt.length;
    const before = size();
    for (let i = 0; i < 50; i += 1) actor.send({ type: 'certificate.destroyed', at: '2026-10-01T10:00:00Z', by: EO, method: 'shredded' });
    expect(size()).toBe(before);
    let t = toLondon('2026-11-01T10:00:00Z');
    for (let i = 0; i < 15; i += 1) {
      actor.send(received(((t = t.plus({ days: 1 })).toISO() as Instant)));
      actor.send(checked(((t = t.plus({ hours: 1 })).toISO() as Instant), false));
      actor.send({ type: 'certificate.disposed', at: ((t = t.plus({ hours: 1 })).toISO() as Instant), by: EO, disposal: 'return_to_awarding_body' });
    }
    expect(snap().value).toBe('awaitingReplacement');
    expect(snap().context.checks).toHaveLength(CERTIFICATE_HISTORY_KEPT);
    expect(snap().context.disposals).toHaveLength(CERTIFICATE_HISTORY_KEPT);
    expect(audit.filter((l) => l.event === 'certificate.checked' && l.outcome === 'accepted')).toHaveLength(15);
  });

  it('refuses steps whose free text is not text, or whose sender has a role examcycle does not know', () => {
    const { actor, audit, snap } = start();
    actor.send({ ...received('2026-11-04T10:00:00Z'), by: { id: 'EO', role: 'wizard' } } as unknown as CertificateEvent);
    actor.send(received('2026-11-04T10:00:00Z'));
    actor.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: false, problems: 'surname' } as unknown as CertificateEvent);
    actor.send(checked('2026-11-04T11:00:00Z', false));
    actor.send({ type: 'certificate.disposed', at: '2026-11-04T12:00:00Z', by: EO, disposal: 'return_to_awarding_body', reference: 42 } as unknown as CertificateEvent);
    expect(snap().value).toBe('incorrect');
    expect(audit.slice(1).map((l) => [l.event, l.outcome, l.code])).toEqual([
      ['certificate.received', 'rejected', 'not_authorised'],
      ['certificate.received', 'accepted', undefined],
      ['certificate.checked', 'rejected', 'invalid_value'],
      ['certificate.checked', 'accepted', undefined],
      ['certificate.disposed', 'rejected', 'invalid_value'],
    ]);
  });

  it('refuses a retention step when the rules pack answers with something that is not a decision', () => {
    const odd = { ...fixturePack, retention: () => ({ recordId: 'CERT-C-3', kind: 'unclaimed_certificate', keepUntil: 'soon' }) as never };
    const { actor, last, snap } = start({ rulesPack: odd });
    actor.send(received('2026-11-04T10:00:00Z'));
    actor.send(checked('2026-11-04T11:00:00Z'));
    actor.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
    expect(snap().value).toBe('checked');
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'rule_unsupported' });
    expect(last().reason).toContain('no usable retention decision');
  });

  it('fails to start, with a typed error, when the input would make a context that cannot be restored', () => {
    const bad = [
      { certificate: { id: '', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA' } },
      { certificate: { id: 'X', candidateId: 3, seriesId: 'june-2026', awardingBodyId: 'AQA' } },
      { rulesPack: { id: 'fixture' } },
      { incorrectCertificates: { AQA: 'bin' } },
    ] as unknown as Partial<CertificateInput>[];
    for (const extra of bad) {
      const snap = createActor(certificateMachine, { input: input(extra) }).getSnapshot();
      expect(snap.status).toBe('error');
      expect(snap.error).toMatchObject({ code: 'invalid_value' });
    }
  });

  it('emits the start line once, when a new certificate starts', () => {
    const { audit } = start();
    expect(audit).toEqual([
      { at: '2026-09-01T09:00:00.000+01:00', by: EO, event: 'certificate.expected', from: 'expected', to: 'expected', outcome: 'accepted', details: { certificateId: 'CERT-C-3', candidateId: 'C-3', expectedBy: '2026-11-06T23:59:59.999+00:00' } },
    ]);
  });

  // Property: whatever is sent, whenever, nothing is destroyed or purged early.
  const ms = (at: Instant) => toLondon(at).toMillis();
  const stepArb = fc.record({
    hours: fc.integer({ min: 0, max: 24 * 500 }),
    kind: fc.constantFrom('received', 'checked', 'disposed', 'issued', 'unclaimed', 'destroyed', 'purged'),
    flag: fc.boolean(),
    issueDaysBefore: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  });
  fcTest.prop([fc.array(stepArb, { maxLength: 14 })], { numRuns: 200, seed: 20261104 })('never destroys a certificate within 12 months of issue nor purges its record within 4 years of destruction', (steps) => {
    const { actor, audit, snap } = start();
    let t = ms('2026-10-01T09:00:00Z');
    for (const s of steps) {
      if (snap().status === 'done') break;
      t += s.hours * 3_600_000;
      const at = (toLondon(t).toISO() as Instant);
      const e: CertificateEvent =
        s.kind === 'received'
          ? received(at, s.issueDaysBefore === undefined ? undefined : (toLondon(t - s.issueDaysBefore * 86_400_000).toISO() as Instant))
          : s.kind === 'checked'
            ? checked(at, s.flag)
            : s.kind === 'disposed'
              ? { type: 'certificate.disposed', at, by: EO, disposal: s.flag ? 'return_to_awarding_body' : 'destroy_in_centre' }
              : s.kind === 'issued'
                ? { type: 'certificate.issued', at, by: EO, method: s.flag ? 'collected' : 'third_party', to: s.flag ? 'C-3' : 'Aunt' }
                : s.kind === 'unclaimed'
                  ? { type: 'certificate.unclaimed', at, by: EO }
                  : s.kind === 'destroyed'
                    ? { type: 'certificate.destroyed', at, by: EO, method: 'shredded' }
                    : { type: 'certificate.recordPurged', at, by: EO };
      const before = audit.length;
      actor.send(e);
      expect(audit.length).toBe(before + 1);
    }
    const c = snap().context;
    if (c.destruction) {
      expect(c.dateOfIssue).not.toBeNull();
      expect(ms(c.destruction.at)).toBeGreaterThanOrEqual(toLondon(c.dateOfIssue!).plus({ months: 12 }).toMillis());
    }
    if (c.purged) expect(ms(c.purged.at)).toBeGreaterThanOrEqual(toLondon(c.destruction!.at).plus({ years: 4 }).toMillis());
    if (c.handover?.method === 'third_party') expect(c.handover.authority?.signedBy).toBe('C-3');
  });

  describe('paths (@xstate/graph)', () => {
    const events: CertificateEvent[] = [
      received('2026-11-04T10:00:00Z'),
      checked('2026-11-04T11:00:00Z', true),
      checked('2026-11-04T11:30:00Z', false),
      { type: 'certificate.disposed', at: '2026-11-05T10:00:00Z', by: EO, disposal: 'return_to_awarding_body' },
      received('2026-11-20T10:00:00Z'),
      checked('2026-11-20T11:00:00Z', true),
      { type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO },
      { type: 'certificate.issued', at: '2027-01-10T10:00:00Z', by: EO, method: 'collected', to: 'C-3' },
      { type: 'certificate.destroyed', at: '2027-06-01T10:00:00Z', by: EO, method: 'shredded' },
      { type: 'certificate.destroyed', at: '2027-12-01T10:00:00Z', by: EO, method: 'shredded' },
      { type: 'certificate.recordPurged', at: '2029-12-01T10:00:00Z', by: EO },
      { type: 'certificate.recordPurged', at: '2031-12-01T10:00:00Z', by: EO },
    ];
    const serializeState = (s: { value: unknown; context: { lastEventAt: string; checks: readonly unknown[] } }) => JSON.stringify([s.value, s.context.lastEventAt, s.context.checks.length]);

    it('reaches every state, and no path destroys or purges early', () => {
      const paths = getShortestPaths(certificateMachine, { input: input(), events, serializeState: serializeState as never });
      expect(new Set(paths.map((p) => String(p.state.value)))).toEqual(new Set(['expected', 'received', 'checked', 'incorrect', 'awaitingReplacement', 'issued', 'unclaimed', 'destroyed', 'purged']));
      for (const p of paths) {
        const c = p.state.context;
        if (c.destruction) expect(ms(c.destruction.at)).toBeGreaterThanOrEqual(toLondon(c.dateOfIssue!).plus({ months: 12 }).toMillis());
        if (c.purged) expect(ms(c.purged.at)).toBeGreaterThanOrEqual(toLondon(c.destruction!.at).plus({ years: 4 }).toMillis());
      }
      const purged = paths.find((p) => p.state.value === 'purged')!;
      expect(purged.steps.map((s) => (s.event as { at?: string }).at ?? s.event.type)).toEqual([
        'xstate.init',
        '2026-11-04T10:00:00Z',
        '2026-11-04T11:00:00Z',
        '2026-12-18T16:00:00Z',
        '2027-12-01T10:00:00Z',
        '2031-12-01T10:00:00Z',
      ]);
    });
  });
});
