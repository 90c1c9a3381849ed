import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  authorise,
  certificateAction,
  certificateMachine,
  collectAudit,
  createResultsStore,
  enquiryAction,
  enquiryMachine,
  grantsFor,
  isExamcycleError,
  toLondon,
  type Actor,
  type ActorRole,
  type CertificateEvent,
  type EnquiryEvent,
  type EnquiryService,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { candidates, centreResults, entries, june2026, qualifications } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';
import { ok as valueOf } from './resultsOutcome.js';

const ROLES: readonly ActorRole[] = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate', 'system'];
const GRANTS = grantsFor(fixturePack.authorities('2025/26'), fixturePack.delegations());
const at = (ms: number) => (toLondon(ms).toISO() as Instant);

/** A random actor: a role (or none), and an id that is sometimes the candidate's own. */
const actorArb = fc.record({ role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }), own: fc.boolean(), n: fc.integer({ min: 1, max: 3 }) });
function actorOf(a: { role: ActorRole | undefined; own: boolean; n: number }, candidateId: string): Actor {
  const id = a.role === 'candidate' ? (a.own ? candidateId : `C-${a.n + 10}`) : `${a.role ?? 'anon'}-${a.n}`;
  return a.role === undefined ? { id } : { id, role: a.role };
}

/** Whether the grants let this actor take the action (and a candidate acts only for themselves). */
function mayTake(by: Actor, action: string, candidateId?: string): boolean {
  if (!authorise(GRANTS, by, action).allowed) return false;
  return by.role !== 'candidate' || candidateId === undefined || by.id === candidateId;
}

describe('who may do what after results (issue 14: roles on every step)', () => {
  it('refuses a teacher\'s post-results request with not_authorised, audited, naming the rule that decided', () => {
    const actor = createActor(enquiryMachine, {
      input: { id: 'EAR-1', candidateId: 'C-1', series: june2026, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service: 'review_of_moderation', originalGrade: 'B', rulesPack: fixturePack, createdAt: '2026-08-13T09:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } },
    });
    const audit = collectAudit(actor);
    actor.start();
    actor.send({ type: 'enquiry.submit', at: '2026-08-13T10:00:00+01:00', by: { id: 'T-1', role: 'teacher' } });
    expect(audit.at(-1)).toMatchObject({ event: 'enquiry.submit', outcome: 'rejected', code: 'not_authorised', rule: 'enquiry.submit', by: { id: 'T-1', role: 'teacher' } });
    expect(actor.getSnapshot().value).toBe('requested');
  });

  it('lets a centre\'s delegation add a role, resolved at start and kept in the context', () => {
    const pack = { ...fixturePack, delegations: () => [{ action: 'enquiry.submit', roles: ['senior_leader' as const], grantedBy: 'HEAD' }] };
    const actor = createActor(enquiryMachine, {
      input: { id: 'EAR-2', candidateId: 'C-1', series: june2026, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service: 'review_of_moderation', originalGrade: 'B', rulesPack: pack, createdAt: '2026-08-13T09:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } },
    }).start();
    expect(actor.getSnapshot().context.grants['enquiry.submit']?.roles).toContain('senior_leader');
    actor.send({ type: 'enquiry.submit', at: '2026-08-13T10:00:00+01:00', by: { id: 'SLT', role: 'senior_leader' } });
    expect(actor.getSnapshot().value).toBe('submitted');
  });

  it('lets only the head of centre or the exams officer sign off a certificate\'s destruction', () => {
    const actor = createActor(certificateMachine, { input: { certificate: { id: 'CERT-1', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA' }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } } });
    const audit = collectAudit(actor);
    actor.start();
    const EOS = { id: 'EOS', role: 'exams_office_staff' } as const;
    actor.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EOS });
    actor.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EOS, correct: true });
    actor.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EOS });
    actor.send({ type: 'certificate.destroyed', at: '2027-12-01T10:00:00Z', by: EOS, method: 'shredded' });
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised', rule: 'certificate.destroyed' });
    actor.send({ type: 'certificate.destroyed', at: '2027-12-01T10:05:00Z', by: { id: 'HEAD', role: 'head_of_centre' }, method: 'shredded' });
    expect(actor.getSnapshot().value).toBe('destroyed');
  });

  const services: readonly EnquiryService[] = ['review_of_marking', 'review_of_moderation', 'access_to_scripts'];
  fcTest.prop([fc.constantFrom(...services), fc.array(fc.record({ kind: fc.integer({ min: 0, max: 5 }), actor: actorArb }), { maxLength: 14 })], { numRuns: 200, seed: 14_2026 })(
    'random actors with random roles never take an enquiry step their role may not, and every refusal is audited',
    (service, steps) => {
      const actor = createActor(enquiryMachine, {
        input: { id: 'EAR-P', candidateId: 'C-1', series: june2026, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service, originalGrade: 'B', rulesPack: fixturePack, createdAt: '2026-08-13T09:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } },
      });
      const audit = collectAudit(actor);
      actor.start();
      let t = toLondon('2026-08-13T09:00:00+01:00').toMillis();
      for (const s of steps) {
        if (actor.getSnapshot().status !== 'active') break;
        t += 60_000;
        const by = actorOf(s.actor, 'C-1');
        const events: EnquiryEvent[] = [
          { type: 'consent.capture', at: at(t), by, consent: { written: true, signedBy: 'C-1', signedAt: at(t) } },
          { type: 'enquiry.submit', at: at(t), by },
          { type: 'enquiry.outcome', at: at(t), by, grade: 'A' },
          { type: 'enquiry.scriptsReceived', at: at(t), by },
          { type: 'enquiry.close', at: at(t), by },
          { type: 'enquiry.withdraw', at: at(t), by, reason: 'changed their mind' },
        ];
        const e = events[s.kind]!;
        const before = audit.length;
        actor.send(e);
        expect(audit.length).toBe(before + 1);
        const line = audit.at(-1)!;
        if (line.outcome === 'accepted') expect(mayTake(by, enquiryAction(e.type), 'C-1'), `${String(by.role)} took ${e.type}`).toBe(true);
        else if (!mayTake(by, enquiryAction(e.type), 'C-1')) expect(line.code).toBe('not_authorised');
      }
    },
  );

  fcTest.prop([fc.array(fc.record({ kind: fc.integer({ min: 0, max: 6 }), actor: actorArb }), { maxLength: 16 })], { numRuns: 200, seed: 15_2026 })(
    'random actors with random roles never take a certificate step their role may not, and every refusal is audited',
    (steps) => {
      const actor = createActor(certificateMachine, { input: { certificate: { id: 'CERT-P', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA' }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } } });
      const audit = collectAudit(actor);
      actor.start();
      let t = toLondon('2026-11-04T10:00:00Z').toMillis();
      for (const s of steps) {
        if (actor.getSnapshot().status !== 'active') break;
        t += 200 * 24 * 3_600_000; // 200 days a step: retention periods pass within a run
        const by = actorOf(s.actor, 'C-3');
        const events: CertificateEvent[] = [
          { type: 'certificate.received', at: at(t), by },
          { type: 'certificate.checked', at: at(t), by, correct: true },
          { type: 'certificate.issued', at: at(t), by, method: 'posted', to: 'C-3, home address' },
          { type: 'certificate.unclaimed', at: at(t), by },
          { type: 'certificate.destroyed', at: at(t), by, method: 'shredded' },
          { type: 'certificate.recordPurged', at: at(t), by },
          { type: 'certificate.checked', at: at(t), by, correct: false, problems: ['surname misspelt'] },
        ];
        const e = events[s.kind]!;
        const before = audit.length;
        actor.send(e);
        expect(audit.length).toBe(before + 1);
        const line = audit.at(-1)!;
        if (line.outcome === 'accepted') expect(mayTake(by, certificateAction(e.type)), `${String(by.role)} took ${e.type}`).toBe(true);
        else if (!mayTake(by, certificateAction(e.type))) expect(line.code).toBe('not_authorised');
      }
    },
  );

  fcTest.prop([fc.array(fc.record({ kind: fc.integer({ min: 0, max: 4 }), actor: actorArb }), { minLength: 1, maxLength: 12 })], { numRuns: 150, seed: 16_2026 })(
    'random actors with random roles never make a results-store write their role may not, and every refusal is audited',
    (steps) => {
      let t = toLondon('2026-08-13T10:00:00+01:00').toMillis();
      const s = createResultsStore({ rulesPack: fixturePack, series: june2026, now: () => t, results: centreResults(), entries, candidates, qualifications });
      for (const [i, step] of steps.entries()) {
        t += 60_000;
        const by = actorOf(step.actor, 'C-1');
        const writes: [string, () => unknown][] = [
          ['results.nominate', () => valueOf(s.nominate({ staffId: 'T-BIO', by, reason: 'Head of biology', subjects: ['AQA-7402'] }))],
          ['results.authoriseThirdParty', () => valueOf(s.authoriseThirdParty({ candidateId: 'C-1', thirdPartyId: `P-${i}`, written: true, signedAt: '2026-08-13T09:00:00+01:00', by }))],
          ['results.lateCashIn', () => valueOf(s.recordLateCashIn({ candidateId: 'C-2', awardingBodyId: 'AQA', entryCode: '8300H', submittedAt: '2026-08-13T09:00:00+01:00', by }))],
          ['results.received', () => valueOf(s.addResults([], by, 'test'))],
          ['results.revokeNomination', () => valueOf(s.revokeNomination({ staffId: 'T-BIO', by }))],
        ];
        const [action, write] = writes[step.kind]!;
        const before = s.audit().length;
        let ok = true;
        try {
          write();
        } catch (e) {
          if (!isExamcycleError(e)) throw e;
          ok = false;
          if (!mayTake(by, action)) expect(e.code).toBe('not_authorised');
        }
        expect(s.audit().length).toBe(before + 1);
        if (ok) expect(mayTake(by, action), `${String(by.role)} made ${action}`).toBe(true);
        expect(s.audit().at(-1)!.outcome).toBe(ok ? 'accepted' : 'rejected');
      }
    },
  );
});
