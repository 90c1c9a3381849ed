import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  ExamcycleError,
  certificateMachine,
  certificateMachineFor,
  auditToJsonLines,
  collectAudit,
  persistSnapshot,
  recordCertificates,
  restoreCertificate,
  toLondon,
  type Actor,
  type AuditLine,
  type CertificateEvent,
  type CertificateInput,
  type CertificateSteps,
  type Instant,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { june2026 } from './syntheticCentre.js';

const EO = { id: 'EO', role: 'exams_officer' } as const;
const delegatingPack = { ...fixturePack, delegations: () => [{ action: 'certificate.issued', roles: ['exams_office_staff' as const], grantedBy: 'HEAD' }] };

function input(n: number, extra: Partial<CertificateInput> = {}): CertificateInput {
  return {
    certificate: { id: `CERT-C-${n}`, candidateId: `C-${n}`, seriesId: 'june-2026', awardingBodyId: n % 2 === 0 ? 'AQA' : 'OCR', awardCodes: ['8300F'] },
    rulesPack: fixturePack,
    series: june2026,
    createdAt: '2026-09-01T09:00:00+01:00',
    by: EO,
    ...extra,
  };
}

/** An actor sent the same events: its lines, its persisted snapshot, and each send's outcome in the runtime's terms. */
function asActors(start: CertificateInput | { snapshot: string; rulesPack: typeof fixturePack }, events: readonly CertificateEvent[]) {
  const actor = 'snapshot' in start ? restoreCertificate(JSON.parse(start.snapshot), { rulesPack: start.rulesPack }) : createActor(certificateMachine, { input: start });
  const audit = collectAudit(actor);
  actor.start();
  const outcomes: { ok: boolean; done?: boolean; entry?: AuditLine; code?: string; message?: string }[] = [];
  for (const event of events) {
    const done = actor.getSnapshot().status !== 'active';
    const before = audit.length;
    actor.send(event);
    const line = audit.length > before ? audit.at(-1) : undefined;
    if (done) outcomes.push({ ok: false, done: true });
    else if (line === undefined) outcomes.push({ ok: true });
    else if (line.outcome === 'accepted') outcomes.push({ ok: true, entry: line });
    else outcomes.push({ ok: false, entry: line, code: line.code!, message: line.reason! });
  }
  return { audit, persisted: JSON.stringify(actor.getPersistedSnapshot()), envelope: JSON.stringify(persistSnapshot(actor)), outcomes, status: actor.getSnapshot().status };
}

// Events of every kind, right and wrong: any instant (backwards too), any sender, missing and malformed fields.
const instantArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 24 * 2_000 }).map((h) => toLondon(Date.parse('2026-10-01T09:00:00Z') + h * 3_600_000).toISO() as Instant) },
  { weight: 1, arbitrary: fc.constantFrom('not a date', '', '2026-02-30T10:00:00Z') as fc.Arbitrary<Instant> },
);
const senderArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant(EO) },
  { weight: 1, arbitrary: fc.constantFrom({ id: 'S1', role: 'exams_office_staff' }, { id: 'T1', role: 'teacher' }, { id: 'x'.repeat(201), role: 'exams_officer' }, { id: 'Q', role: 'wizard' }, { id: '' }) },
);
const eventArb: fc.Arbitrary<CertificateEvent> = fc
  .record({
    kind: fc.constantFrom('received', 'checked', 'disposed', 'issued', 'unclaimed', 'destroyed', 'purged', 'unknown'),
    at: instantArb,
    by: senderArb,
    flag: fc.boolean(),
    pick: fc.nat(5),
    dateOfIssue: fc.option(instantArb, { nil: undefined }),
    signedAt: instantArb,
  })
  .map(({ kind, at, by, flag, pick, dateOfIssue, signedAt }) => {
    const base = { at, by } as { at: Instant; by: typeof EO };
    switch (kind) {
      case 'received':
        return { type: 'certificate.received', ...base, ...(dateOfIssue === undefined ? {} : { dateOfIssue }) } as CertificateEvent;
      case 'checked':
        return { type: 'certificate.checked', ...base, correct: pick === 5 ? ('yes' as unknown as boolean) : flag, ...(flag ? {} : { problems: pick % 2 ? ['surname misspelt'] : pick === 4 ? [7 as unknown as string] : [] }) } as CertificateEvent;
      case 'disposed':
        return { type: 'certificate.disposed', ...base, disposal: flag ? 'return_to_awarding_body' : 'destroy_in_centre', ...(pick === 1 ? { reference: 'RET-1' } : pick === 2 ? { reference: 5 as unknown as string } : {}) } as CertificateEvent;
      case 'issued': {
        const method = (['collected', 'posted', 'third_party', 'third_party', 'thrown'] as const)[pick % 5]!;
        const authority = flag ? { written: true, signedBy: 'C-1', signedAt, ...(pick === 3 ? { reference: 'AUTH-1' } : {}) } : undefined;
        return { type: 'certificate.issued', ...base, method, to: pick === 0 ? 'C-1' : pick === 1 ? ' ' : 'Aunt', ...(authority ? { authority } : {}) } as unknown as CertificateEvent;
      }
      case 'unclaimed':
        return { type: 'certificate.unclaimed', ...base } as CertificateEvent;
      case 'destroyed':
        return { type: 'certificate.destroyed', ...base, method: pick === 5 ? 'binned' : 'shredded', ...(pick === 1 ? { witnessedBy: 'S1' } : {}) } as unknown as CertificateEvent;
      case 'purged':
        return { type: 'certificate.recordPurged', ...base } as CertificateEvent;
      default:
        return { type: 'certificate.lost', ...base } as unknown as CertificateEvent;
    }
  });
// A certificate's likely lives, so that every state is reached often: kept unclaimed until destroyed and purged,
// found wrong and replaced, or collected by a third party.
const lifeArb = fc.record({ life: fc.constantFrom('unclaimed', 'wrong', 'thirdParty'), hours: fc.integer({ min: 0, max: 24 * 400 }), flag: fc.boolean() }).map(({ life, hours, flag }): CertificateEvent[] => {
  const at = (ms: number) => toLondon(Date.parse('2026-11-04T10:00:00Z') + ms).toISO() as Instant;
  const hour = 3_600_000;
  const received: CertificateEvent = { type: 'certificate.received', at: at(0), by: EO };
  switch (life) {
    case 'unclaimed':
      return [
        received,
        { type: 'certificate.checked', at: at(hour), by: EO, correct: true },
        { type: 'certificate.unclaimed', at: at(hours * hour), by: EO },
        { type: 'certificate.destroyed', at: at(hours * hour * 2), by: EO, method: 'shredded' },
        { type: 'certificate.recordPurged', at: at(hours * hour * 6), by: EO },
      ];
    case 'wrong':
      return [
        received,
        { type: 'certificate.checked', at: at(hour), by: EO, correct: false, problems: ['surname misspelt'] },
        { type: 'certificate.disposed', at: at(2 * hour), by: EO, disposal: flag ? 'return_to_awarding_body' : 'destroy_in_centre', reference: 'RET-1' },
        { type: 'certificate.received', at: at(hours * hour), by: EO },
      ];
    default:
      return [
        received,
        { type: 'certificate.checked', at: at(hour), by: EO, correct: true },
        { type: 'certificate.issued', at: at(hours * hour), by: EO, method: 'third_party', to: 'Aunt', ...(flag ? { authority: { written: true, signedBy: 'C-1', signedAt: at(hour) } } : {}) },
      ];
  }
});
const certificateArb = fc.record({
  life: fc.option(lifeArb, { nil: undefined }),
  events: fc.array(eventArb, { maxLength: 10 }),
  disposal: fc.constantFrom(undefined, 'destroy_in_centre' as const),
  delegating: fc.boolean(),
  restoreAfter: fc.option(fc.nat(6), { nil: undefined }),
});

describe('recordCertificates', () => {
  fcTest.prop([fc.array(certificateArb, { minLength: 1, maxLength: 6 })], { numRuns: 300, seed: 20261203 })(
    'takes every certificate where an actor sent the same events goes: the same lines, snapshot and outcomes, refusals included',
    (certificates) => {
      const fresh = certificates.map((c, n) => {
        const extra: Partial<CertificateInput> = { ...(c.disposal ? { incorrectCertificates: { AQA: c.disposal } } : {}), ...(c.delegating ? { rulesPack: delegatingPack } : {}) };
        return { input: input(n + 1, extra), events: [...(c.life ?? []), ...c.events] };
      });
      const records = recordCertificates(fresh);
      fresh.forEach((f, n) => {
        const actor = asActors(f.input, f.events);
        const record = records[n]!;
        expect(JSON.stringify(record.audit)).toBe(JSON.stringify(actor.audit));
        expect(JSON.stringify(certificateMachine.getPersistedSnapshot(record.snapshot()))).toBe(actor.persisted);
        expect(record.status).toBe(actor.status);
        expect(record.outcomes.length).toBe(f.events.length);
        record.outcomes.forEach((o, i) => {
          const a = actor.outcomes[i]!;
          expect(o.ok).toBe(a.ok);
          if (a.done) expect(o.ok ? undefined : o.error.code).toBe('event_rejected');
          else expect(JSON.stringify(o.entry)).toBe(JSON.stringify(a.entry));
          if (!o.ok && !a.done) {
            expect(o.error.code).toBe(a.code);
            expect(o.error.message).toBe(a.message);
          }
        });
      });

      // Certificates kept and restored under the host's pack, then taken on: as restored actors are.
      const kept = certificates.flatMap((c, n) => {
        if (c.restoreAfter === undefined || c.delegating) return [];
        const events = fresh[n]!.events;
        const cut = Math.min(c.restoreAfter, events.length);
        const first = asActors(fresh[n]!.input, events.slice(0, cut));
        if (first.status !== 'active') return [];
        return [{ saved: first.envelope, rest: events.slice(cut) }];
      });
      const restored = recordCertificates(
        kept.map((k) => ({ snapshot: restoreCertificate(JSON.parse(k.saved), { rulesPack: fixturePack }).getSnapshot(), events: k.rest })),
        { rulesPack: fixturePack },
      );
      kept.forEach((k, n) => {
        const actor = asActors({ snapshot: k.saved, rulesPack: fixturePack }, k.rest);
        expect(JSON.stringify(restored[n]!.audit)).toBe(JSON.stringify(actor.audit));
        expect(JSON.stringify(certificateMachineFor(fixturePack).getPersistedSnapshot(restored[n]!.snapshot()))).toBe(actor.persisted);
      });
    },
  );

  fcTest.prop([fc.array(fc.oneof(eventArb, fc.anything({ withObjectString: true, withNullPrototype: true }), fc.record({ type: fc.constantFrom('certificate.received', '__proto__', 'constructor', 'certificate.*'), at: fc.anything(), by: fc.anything() })), { maxLength: 12 })], {
    numRuns: 300,
    seed: 20261203,
  })('takes any list of events, hostile ones included, without throwing: one outcome per event, every refusal typed', (events) => {
    const [record] = recordCertificates([{ input: input(1), events: events as CertificateEvent[] }]);
    expect(record!.outcomes).toHaveLength(events.length);
    for (const outcome of record!.outcomes) if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ExamcycleError);
    expect(() => JSON.stringify(record!.persisted())).not.toThrow();
  });

  const receivedAndChecked: readonly CertificateEvent[] = [
    { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO },
    { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: EO, correct: true },
  ];

  it('writes the opening line, then one line per step, and ends issued when the candidate collects', () => {
    const [record] = recordCertificates([
      {
        input: input(1),
        events: [
          ...receivedAndChecked,
          { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by: EO, method: 'collected', to: 'C-1' },
        ],
      },
    ]);
    expect(record!.state).toBe('issued');
    expect(record!.status).toBe('done');
    expect(record!.audit.map((l) => l.event)).toEqual(['certificate.expected', 'certificate.received', 'certificate.checked', 'certificate.issued']);
    expect(record!.outcomes.every((o) => o.ok)).toBe(true);
  });

  it('does not take a step sent after the certificate is issued, and says so', () => {
    const [record] = recordCertificates([
      {
        input: input(1),
        events: [
          ...receivedAndChecked,
          { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by: EO, method: 'collected', to: 'C-1' },
          { type: 'certificate.unclaimed', at: '2026-12-26T15:30:00Z', by: EO },
        ],
      },
    ]);
    expect(record!.audit).toHaveLength(4);
    const last = record!.outcomes[3]!;
    expect(last.ok).toBe(false);
    expect(last.ok ? '' : last.error.message).toMatch(/not taken: the certificate is issued/);
  });

  it('refuses a third party without the candidate\'s written authority, with the rule that refused it', () => {
    const [record] = recordCertificates([
      {
        input: input(1),
        events: [
          ...receivedAndChecked,
          { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by: EO, method: 'third_party', to: 'Aunt' },
        ],
      },
    ]);
    expect(record!.state).toBe('checked');
    const refused = record!.outcomes[2]!;
    expect(refused.ok ? undefined : refused.error.code).toBe('consent_missing');
    expect(refused.ok ? undefined : refused.error.rule).toBe('third-party-collection');
    expect(record!.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'consent_missing' });
  });

  it('refuses the retention steps of a restored certificate until the host gives its pack, as an actor does', () => {
    const actor = createActor(certificateMachine, { input: input(1) }).start();
    actor.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO });
    actor.send({ type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: EO, correct: true });
    const saved = JSON.parse(JSON.stringify(persistSnapshot(actor)));
    const unclaimed: CertificateEvent = { type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO };
    const snapshot = restoreCertificate(saved, { rulesPack: fixturePack }).getSnapshot();
    const [withoutPack] = recordCertificates([{ snapshot: { ...snapshot, context: JSON.parse(JSON.stringify(snapshot.context)) }, events: [unclaimed] }]);
    expect(withoutPack!.outcomes[0]!.ok ? undefined : withoutPack!.outcomes[0]!.error.code).toBe('rule_unsupported');
    const [withPack] = recordCertificates([{ snapshot, events: [unclaimed] }], { rulesPack: fixturePack });
    expect(withPack!.state).toBe('unclaimed');
    expect(withPack!.context.retention?.mayDestroyFrom).not.toBeNull();
  });

  it('keeps a certificate as the store keeps an actor\'s, and a restored actor takes it on from there', () => {
    const received: CertificateEvent = { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO };
    const [record] = recordCertificates([{ input: input(1), events: [received] }]);
    const actor0 = createActor(certificateMachine, { input: input(1) }).start();
    actor0.send(received);
    expect(JSON.stringify(record!.persisted())).toBe(JSON.stringify(persistSnapshot(actor0)));
    const actor = restoreCertificate(JSON.parse(JSON.stringify(record!.persisted())), { rulesPack: fixturePack }).start();
    actor.send({ type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: EO, correct: true });
    expect(actor.getSnapshot().value).toBe('checked');
  });

  it('refuses a certificate whose input cannot start one, naming its place in the batch', () => {
    const bad = { ...input(2), certificate: { ...input(2).certificate, candidateId: '' } };
    const thrown = (() => {
      try {
        recordCertificates([{ input: input(1), events: [] }, { input: bad, events: [] }]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ExamcycleError);
    expect((thrown as ExamcycleError).code).toBe('invalid_value');
    expect((thrown as ExamcycleError).message).toMatch(/^Certificate 2 of the batch: /);
    expect((thrown as ExamcycleError).details?.['index']).toBe(1);
  });

  it('refuses a batch that is not a list, or an item with both an input and a snapshot', () => {
    expect(() => recordCertificates('CERT-1' as never)).toThrow(ExamcycleError);
    const snapshot = createActor(certificateMachine, { input: input(1) }).getSnapshot();
    expect(() => recordCertificates([{ input: input(1), snapshot, events: [] } as never])).toThrow(/input or its snapshot/);
  });

  it('keeps one frozen copy of a sender for a whole batch, and copies it again once the host changes its object', () => {
    // The host's object, with a field the record does not keep.
    const officer: { id: string; role?: Actor['role']; name?: string } = { id: 'EO', role: 'exams_officer', name: 'Ann Other' };
    const steps = (n: number) => ({
      input: { ...input(n), by: officer as Actor },
      events: [
        { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: officer as Actor },
        { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: officer as Actor, correct: true },
        { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by: officer as Actor, method: 'collected', to: `C-${n}` },
      ] satisfies CertificateEvent[],
    });
    const [a, b] = recordCertificates([steps(1), steps(2)]);
    const kept = [...a!.audit, ...b!.audit].map((l) => l.by);
    const first = kept[0]!;
    expect(kept).toHaveLength(8);
    for (const by of kept) expect(by).toBe(first);
    expect(a!.context.checks[0]!.by).toBe(first);
    expect(b!.context.handover!.by).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(JSON.stringify(first)).toBe('{"id":"EO","role":"exams_officer"}');

    // The host changes its object: the next batch keeps the new values, the records already made keep theirs.
    officer.role = 'exams_office_staff';
    const [c] = recordCertificates([steps(3)]);
    expect(c!.audit[0]!.by).toEqual({ id: 'EO', role: 'exams_office_staff' });
    expect(c!.audit[0]!.by).not.toBe(first);
    expect(JSON.stringify(first)).toBe('{"id":"EO","role":"exams_officer"}');
    delete officer.role;
    officer.id = 'EO-2';
    // (Its steps are refused without a role; only the opening line is written by the record's copy.)
    const [d] = recordCertificates([steps(4)]);
    expect(JSON.stringify(d!.audit[0]!.by)).toBe('{"id":"EO-2"}');
    expect(Object.isFrozen(d!.audit[0]!.by)).toBe(true);
    expect(JSON.stringify(a!.audit.map((l) => l.by))).toBe(JSON.stringify(Array(4).fill({ id: 'EO', role: 'exams_officer' })));
  });

  it('starts every certificate with the same frozen empty lists, and a step makes a new list rather than change one', () => {
    const noCodes = { ...input(2), certificate: { id: 'CERT-C-2', candidateId: 'C-2', seriesId: 'june-2026', awardingBodyId: 'AQA' } };
    const [a, b] = recordCertificates([
      { input: input(1), events: [] },
      { input: noCodes, events: receivedAndChecked },
    ]);
    expect(a!.context.checks).toBe(b!.context.disposals);
    expect(b!.context.certificate.awardCodes).toBe(a!.context.disposals);
    expect(Object.isFrozen(a!.context.checks)).toBe(true);
    expect(a!.context.checks).toEqual([]);
    expect(a!.context.certificate.awardCodes).toEqual(['8300F']);
    // The check made a list of its own; its empty list of problems is the shared one.
    expect(b!.context.checks).toHaveLength(1);
    expect(b!.context.checks).not.toBe(a!.context.checks);
    expect(b!.context.checks[0]!.problems).toBe(a!.context.checks);
    expect(a!.context.checks).toHaveLength(0);
  });

  /** A batch that takes every step a certificate has, accepted and refused (the golden file below was written by the first implementation). */
  const everyStep = (): CertificateSteps[] => {
    const T = { id: 'T1', role: 'teacher' } as const;
    return [
      {
        input: input(1),
        events: [
          { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO, dateOfIssue: '2026-11-03T09:00:00Z' },
          { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: EO, correct: true },
          { type: 'certificate.unclaimed', at: '2027-11-04T10:00:00Z', by: EO },
          { type: 'certificate.destroyed', at: '2028-11-04T10:00:00Z', by: EO, method: 'shredded', witnessedBy: 'S1' },
          { type: 'certificate.recordPurged', at: '2035-11-04T10:00:00Z', by: EO },
        ],
      },
      {
        input: input(2, { incorrectCertificates: { AQA: 'destroy_in_centre' } }),
        events: [
          { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO },
          { type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: false, problems: ['surname misspelt', 'wrong grade'] },
          { type: 'certificate.disposed', at: '2026-11-04T12:00:00Z', by: EO, disposal: 'destroy_in_centre', reference: 'RET-1' },
          { type: 'certificate.received', at: '2026-12-04T10:00:00Z', by: EO },
          { type: 'certificate.checked', at: '2026-12-04T11:00:00Z', by: EO, correct: true },
          { type: 'certificate.issued', at: '2026-12-05T10:00:00Z', by: T, method: 'collected', to: 'C-2' },
          { type: 'certificate.issued', at: '2026-12-05T11:00:00Z', by: EO, method: 'collected', to: 'C-2' },
        ],
      },
      {
        input: input(3),
        events: [
          { type: 'certificate.issued', at: '2026-11-04T09:00:00Z', by: EO, method: 'collected', to: 'C-3' },
          { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO },
          { type: 'certificate.checked', at: '2026-11-04T09:30:00Z', by: EO, correct: true },
          { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: EO, correct: true },
          { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by: EO, method: 'third_party', to: 'Aunt', authority: { written: true, signedBy: 'C-3', signedAt: '2026-11-20T10:00:00Z', reference: 'AUTH-1' } },
        ],
      },
      {
        input: input(4),
        events: [
          { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO },
          { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: EO, correct: false },
          { type: 'certificate.disposed', at: '2026-11-04T15:00:00Z', by: EO, disposal: 'return_to_awarding_body' },
        ],
      },
    ];
  };

  it('writes every step\'s line byte for byte as the first implementation did, accepted and refused', async () => {
    const records = recordCertificates(everyStep());
    const lines = records.flatMap((r) => r.audit).map((l, i) => ({ seq: i + 1, ...l }));
    expect(lines).toHaveLength(24);
    await expect(auditToJsonLines(lines)).toMatchFileSnapshot('./fixtures/certificate.audit.jsonl');
  });
});
