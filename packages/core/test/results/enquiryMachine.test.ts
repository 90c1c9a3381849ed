import { fc, test as fcTest } from '@fast-check/vitest';
import { getShortestPaths } from '@xstate/graph';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  ENQUIRY_GUARD_REFUSALS,
  collectAudit,
  enquiryGradeChange,
  enquiryMachine,
  toLondon,
  type EnquiryEmitted,
  type EnquiryEvent,
  type EnquiryInput,
  type EnquiryService,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { fixturePostResultsServices as ENQUIRY_SERVICES } from '../fixtures/fixturePostResultsServices.js';
import { june2026 } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';

const EO = { id: 'EO', role: 'exams_officer' } as const;
const PUBLISHED_GCE = '2026-08-13T08:00:00.000+01:00';

function input(service: EnquiryService = 'review_of_marking', extra: Partial<EnquiryInput> = {}): EnquiryInput {
  return {
    id: 'EAR-1',
    candidateId: 'C-1',
    series: june2026,
    level: 'GCE',
    awardingBodyId: 'AQA',
    awardCode: '7402',
    componentCodes: ['74021'],
    resultId: 'R-C-1-7402',
    service,
    originalGrade: 'B',
    rulesPack: fixturePack,
    createdAt: '2026-08-13T09:00:00+01:00',
    by: EO,
    ...extra,
  };
}

function start(service: EnquiryService = 'review_of_marking', extra: Partial<EnquiryInput> = {}) {
  const actor = createActor(enquiryMachine, { input: input(service, extra) });
  const emitted: EnquiryEmitted[] = [];
  actor.on('*', (e) => {
    if (e.type !== 'audit') emitted.push(e);
  });
  const audit = collectAudit(actor);
  actor.start();
  return { actor, emitted, audit, snap: () => actor.getSnapshot(), last: () => audit.at(-1)! };
}

const consent = (at: Instant, signedAt = at, extra: Partial<{ written: boolean; signedBy: string }> = {}): EnquiryEvent => ({
  type: 'consent.capture',
  at,
  by: EO,
  consent: { written: true, signedBy: 'C-1', signedAt, reference: 'consent form 17', ...extra },
});
const submit = (at: Instant, feePence?: number): EnquiryEvent => ({ type: 'enquiry.submit', at, by: EO, ...(feePence !== undefined ? { feePence } : {}) });

describe('enquiryMachine', () => {
  it('takes a review of marking from written consent to submission, outcome and closure', () => {
    const { actor, emitted, audit, snap } = start();
    expect(snap().context.resultsPublishedAt).toBe(PUBLISHED_GCE);
    expect(snap().context.deadline).toMatchObject({ kind: 'post_results_final_deadline', at: '2026-09-24T23:59:59.999+01:00', keyDateId: 'june-2026/post_results_final_deadline' });
    actor.send(consent('2026-08-13T10:00:00+01:00', '2026-08-13T09:55:00+01:00'));
    expect(snap().value).toBe('consented');
    actor.send(submit('2026-08-14T09:00:00+01:00', 4850));
    expect(snap().value).toBe('submitted');
    expect(snap().context.fee).toEqual({ pence: 4850, recordedAt: '2026-08-14T09:00:00.000+01:00', refunded: null });
    actor.send({ type: 'enquiry.outcome', at: '2026-09-01T12:00:00+01:00', by: EO, grade: 'A', mark: 195, feeRefunded: true });
    expect(snap().context.outcome).toMatchObject({ kind: 'grade', from: 'B', grade: 'A', change: 'up', mark: 195 });
    expect(snap().context.fee?.refunded).toBe(true);
    expect(emitted).toEqual([{ type: 'enquiry.gradeChanged', change: expect.objectContaining({ enquiryId: 'EAR-1', from: 'B', to: 'A', direction: 'up', resultId: 'R-C-1-7402' }) }]);
    actor.send({ type: 'enquiry.close', at: '2026-09-02T09:00:00+01:00', by: EO });
    expect(snap().status).toBe('done');
    expect(audit.map((a) => [a.event, a.from, a.to, a.outcome])).toEqual([
      ['enquiry.request', 'requested', 'requested', 'accepted'],
      ['consent.capture', 'requested', 'consented', 'accepted'],
      ['enquiry.submit', 'consented', 'submitted', 'accepted'],
      ['enquiry.outcome', 'submitted', 'outcome', 'accepted'],
      ['enquiry.close', 'outcome', 'closed', 'accepted'],
    ]);
  });

  it('refuses consent collected before results were published (JCQ GR 5.13: not in advance)', () => {
    const { actor, snap, last } = start();
    actor.send(consent('2026-08-13T10:00:00+01:00', '2026-08-13T07:59:00+01:00'));
    expect(snap().value).toBe('requested');
    expect(last()).toMatchObject({ event: 'consent.capture', outcome: 'rejected', code: 'consent_missing', rule: 'fixture.prs.consent' });
  });

  it('refuses consent that is not written, or not the candidate\'s own', () => {
    const { actor, audit, snap } = start();
    actor.send(consent('2026-08-13T10:00:00+01:00', '2026-08-13T10:00:00+01:00', { written: false }));
    actor.send(consent('2026-08-13T10:01:00+01:00', '2026-08-13T10:00:00+01:00', { signedBy: 'PARENT' }));
    expect(snap().value).toBe('requested');
    expect(audit.filter((a) => a.outcome === 'rejected').map((a) => a.code)).toEqual(['consent_missing', 'consent_missing']);
  });

  it('refuses to submit a review of marking without the candidate\'s written consent', () => {
    const { actor, snap, last } = start();
    actor.send(submit('2026-08-14T09:00:00+01:00'));
    expect(snap().value).toBe('requested');
    expect(last()).toMatchObject({ event: 'enquiry.submit', outcome: 'rejected', code: 'consent_missing' });
  });

  it('refuses a request after the final deadline, naming the deadline', () => {
    const { actor, snap, last } = start();
    actor.send(consent('2026-09-20T10:00:00+01:00'));
    actor.send(submit('2026-09-25T00:00:00+01:00'));
    expect(snap().value).toBe('consented');
    expect(last()).toMatchObject({ code: 'deadline_passed', rule: 'june-2026/post_results_final_deadline' });
    expect(last().reason).toContain('2026-09-24T23:59:59.999+01:00');
  });

  it('checks a priority review of marking (2P) against the priority deadline', () => {
    const onTime = start('priority_review_of_marking');
    onTime.actor.send(consent('2026-08-20T23:00:00+01:00'));
    onTime.actor.send(submit('2026-08-20T23:59:59+01:00'));
    expect(onTime.snap().value).toBe('submitted');
    const late = start('priority_review_of_marking');
    late.actor.send(consent('2026-08-20T23:00:00+01:00'));
    late.actor.send(submit('2026-08-21T00:00:00+01:00'));
    expect(late.last()).toMatchObject({ code: 'deadline_passed', rule: 'june-2026/post_results_priority_deadline' });
  });

  it('submits a review of moderation without candidate consent, and refuses consent for it', () => {
    const { actor, snap, last } = start('review_of_moderation');
    actor.send(consent('2026-08-14T09:00:00+01:00'));
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'event_rejected' });
    actor.send(submit('2026-08-14T09:05:00+01:00'));
    expect(snap().value).toBe('submitted');
    expect(ENQUIRY_SERVICES.review_of_moderation.consentRequired).toBe(false);
  });

  it('replaces one rule with .provide(), keeping the others (beforeEnquiryDeadline lifted; consent still required)', () => {
    const lenient = enquiryMachine.provide({ guards: { beforeEnquiryDeadline: () => true } });
    const actor = createActor(lenient, { input: input() });
    const audit = collectAudit(actor);
    actor.start();
    actor.send(submit('2026-09-30T10:00:00+01:00'));
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'consent_missing' });
    actor.send(consent('2026-09-30T10:01:00+01:00'));
    actor.send(submit('2026-09-30T10:02:00+01:00'));
    expect(actor.getSnapshot().value).toBe('submitted');
  });

  it('refuses with the code, reason and rule of the guard that failed (ENQUIRY_GUARD_REFUSALS)', () => {
    const { actor, snap, last } = start();
    actor.send(consent('2026-09-20T10:00:00+01:00'));
    const late = submit('2026-09-25T00:00:00+01:00');
    actor.send(late);
    expect(last()).toMatchObject(ENQUIRY_GUARD_REFUSALS.beforeEnquiryDeadline(snap().context, late));
  });

  it('refuses any request before results are published to the candidate', () => {
    const { actor, last } = start('review_of_moderation', { createdAt: '2026-08-12T09:00:00+01:00' });
    actor.send(submit('2026-08-12T10:00:00+01:00'));
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'event_rejected' });
  });

  it('ends access to scripts with the scripts, not a grade', () => {
    const { actor, snap, last } = start('access_to_scripts_priority');
    actor.send(consent('2026-08-13T10:00:00+01:00'));
    actor.send(submit('2026-08-13T10:05:00+01:00'));
    actor.send({ type: 'enquiry.outcome', at: '2026-08-15T10:00:00+01:00', by: EO, grade: 'A' });
    expect(last()).toMatchObject({ outcome: 'rejected', code: 'event_rejected' });
    actor.send({ type: 'enquiry.scriptsReceived', at: '2026-08-16T10:00:00+01:00', by: EO, note: 'copy by email' });
    expect(snap().context.outcome).toMatchObject({ kind: 'scripts' });
    expect(enquiryGradeChange(snap().context)).toBeNull();
  });

  it('records a lowered grade: there is no grade protection', () => {
    const { actor, emitted, snap } = start();
    actor.send(consent('2026-08-13T10:00:00+01:00'));
    actor.send(submit('2026-08-13T11:00:00+01:00'));
    actor.send({ type: 'enquiry.outcome', at: '2026-08-30T10:00:00+01:00', by: EO, grade: 'C' });
    expect(snap().context.outcome).toMatchObject({ change: 'down', grade: 'C' });
    expect(emitted[0]).toMatchObject({ type: 'enquiry.gradeChanged', change: { direction: 'down', from: 'B', to: 'C' } });
    expect(snap().context.fee?.refunded).toBeNull();
  });

  it('emits no grade change when the grade is unchanged', () => {
    const { actor, emitted, snap } = start();
    actor.send(consent('2026-08-13T10:00:00+01:00'));
    actor.send(submit('2026-08-13T11:00:00+01:00'));
    actor.send({ type: 'enquiry.outcome', at: '2026-08-30T10:00:00+01:00', by: EO, grade: 'b', feeRefunded: false });
    expect(snap().context.outcome).toMatchObject({ change: 'unchanged' });
    expect(emitted).toEqual([]);
  });

  it('refuses an outcome grade it cannot rank unless the awarding body\'s order is given', () => {
    const a = start('review_of_marking', { originalGrade: 'Q1' });
    a.actor.send(consent('2026-08-13T10:00:00+01:00'));
    a.actor.send(submit('2026-08-13T11:00:00+01:00'));
    a.actor.send({ type: 'enquiry.outcome', at: '2026-08-30T10:00:00+01:00', by: EO, grade: 'Q2' });
    expect(a.last()).toMatchObject({ code: 'invalid_value' });
    const b = start('review_of_marking', { originalGrade: 'Q1', gradeOrder: ['Q2', 'Q1'] });
    b.actor.send(consent('2026-08-13T10:00:00+01:00'));
    b.actor.send(submit('2026-08-13T11:00:00+01:00'));
    b.actor.send({ type: 'enquiry.outcome', at: '2026-08-30T10:00:00+01:00', by: EO, grade: 'Q2' });
    expect(b.snap().context.outcome).toMatchObject({ change: 'up' });
  });

  it('lets a request be withdrawn before submission only', () => {
    const a = start();
    a.actor.send({ type: 'enquiry.withdraw', at: '2026-08-13T10:00:00+01:00', by: EO, reason: 'candidate changed their mind' });
    expect(a.snap().value).toBe('withdrawn');
    const b = start('review_of_moderation');
    b.actor.send(submit('2026-08-13T11:00:00+01:00'));
    b.actor.send({ type: 'enquiry.withdraw', at: '2026-08-13T12:00:00+01:00', by: EO, reason: 'x' });
    expect(b.snap().value).toBe('submitted');
  });

  it('refuses events without who sent them, with a bad instant, or earlier than the last one', () => {
    const { actor, audit, snap } = start();
    actor.send({ ...consent('2026-08-13T10:00:00+01:00'), by: undefined } as unknown as EnquiryEvent);
    actor.send({ ...consent('not a date' as Instant) });
    actor.send(consent('2026-08-13T08:30:00+01:00'));
    expect(audit.slice(1).map((a) => a.code)).toEqual(['not_authorised', 'invalid_value', 'invalid_value']);
    expect(snap().value).toBe('requested');
  });

  it('refuses events whose free text, mark or refund flag has the wrong type, or whose sender has an unknown role', () => {
    const { actor, audit, snap } = start();
    actor.send({ ...consent('2026-08-13T10:00:00+01:00'), by: { id: 'EO', role: 'wizard' } } as unknown as EnquiryEvent);
    actor.send({ ...consent('2026-08-13T10:00:00+01:00'), consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T10:00:00+01:00', reference: 17 } } as unknown as EnquiryEvent);
    actor.send(consent('2026-08-13T10:00:00+01:00'));
    actor.send({ ...submit('2026-08-13T11:00:00+01:00'), reference: ['AQA'] } as unknown as EnquiryEvent);
    actor.send(submit('2026-08-13T11:00:00+01:00'));
    actor.send({ type: 'enquiry.outcome', at: '2026-08-30T10:00:00+01:00', by: EO, grade: 'A', mark: '190' } as unknown as EnquiryEvent);
    actor.send({ type: 'enquiry.outcome', at: '2026-08-30T10:00:00+01:00', by: EO, grade: 'A', feeRefunded: 'yes' } as unknown as EnquiryEvent);
    expect(snap().value).toBe('submitted');
    expect(audit.filter((l) => l.outcome === 'rejected').map((l) => [l.event, l.code])).toEqual([
      ['consent.capture', 'not_authorised'],
      ['consent.capture', 'invalid_value'],
      ['enquiry.submit', 'invalid_value'],
      ['enquiry.outcome', 'invalid_value'],
      ['enquiry.outcome', 'invalid_value'],
    ]);
  });

  it('emits the start line once, when a new request starts, and keeps no history in the context', () => {
    const { actor, audit, snap } = start();
    expect(audit).toEqual([
      {
        at: '2026-08-13T09:00:00.000+01:00',
        by: EO,
        event: 'enquiry.request',
        from: 'requested',
        to: 'requested',
        outcome: 'accepted',
        details: { enquiryId: 'EAR-1', service: 'review_of_marking', candidateId: 'C-1', awardCode: '7402', deadline: '2026-09-24T23:59:59.999+01:00' },
      },
    ]);
    const size = JSON.stringify(snap().context).length;
    for (let i = 0; i < 50; i += 1) actor.send(submit('2026-08-13T09:00:00+01:00'));
    expect(audit).toHaveLength(51);
    expect(JSON.stringify(snap().context).length).toBe(size);
    expect(snap().context).not.toHaveProperty('audit');
  });

  it('fails to start, with a typed error, when the input would make a context that cannot be restored', () => {
    for (const extra of [{ id: '' }, { awardCode: 7402 }, { level: 'A-level' }, { componentCodes: [74021] }, { gradeOrder: 'A*,A' }] as unknown as Partial<EnquiryInput>[]) {
      const snap = createActor(enquiryMachine, { input: input('review_of_marking', extra) }).getSnapshot();
      expect(snap.status).toBe('error');
      expect(snap.error).toMatchObject({ code: 'invalid_value' });
    }
  });

  it('fails to start for an unknown service, with a typed error', () => {
    const actor = createActor(enquiryMachine, { input: input('re_mark' as EnquiryService) });
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('error');
    expect(snap.error).toMatchObject({ code: 'invalid_value' });
  });

  // Property: the machine never submits without consent or after the deadline, whatever is sent when.
  const ms = (at: Instant) => toLondon(at).toMillis();
  const services = Object.keys(ENQUIRY_SERVICES) as EnquiryService[];
  const stepArb = fc.record({
    minutes: fc.integer({ min: 0, max: 60 * 24 * 12 }),
    kind: fc.constantFrom('consent', 'submit', 'outcome', 'scripts', 'close', 'withdraw'),
    signedBeforeMinutes: fc.integer({ min: 0, max: 60 * 30 }),
    written: fc.boolean(),
    own: fc.boolean(),
  });
  fcTest.prop([fc.constantFrom(...services), fc.integer({ min: ms('2026-08-12T00:00:00+01:00'), max: ms('2026-09-26T00:00:00+01:00') }), fc.array(stepArb, { maxLength: 12 })], { numRuns: 200, seed: 20260813 })(
    'never submits without written consent given after publication, nor after the deadline',
    (service, t0, steps) => {
      const createdAt = (toLondon(t0).toISO() as Instant);
      const { actor, audit, snap } = start(service, { createdAt });
      let t = t0;
      for (const s of steps) {
        t += s.minutes * 60_000;
        const at = (toLondon(t).toISO() as Instant);
        const e: EnquiryEvent =
          s.kind === 'consent'
            ? consent(at, (toLondon(t - s.signedBeforeMinutes * 60_000).toISO() as Instant), { written: s.written, signedBy: s.own ? 'C-1' : 'C-9' })
            : s.kind === 'submit'
              ? submit(at)
              : s.kind === 'outcome'
                ? { type: 'enquiry.outcome', at, by: EO, grade: 'A' }
                : s.kind === 'scripts'
                  ? { type: 'enquiry.scriptsReceived', at, by: EO }
                  : s.kind === 'close'
                    ? { type: 'enquiry.close', at, by: EO }
                    : { type: 'enquiry.withdraw', at, by: EO, reason: 'r' };
        if (snap().status === 'done') break;
        const before = audit.length;
        actor.send(e);
        expect(audit.length).toBe(before + 1);
      }
      const c = snap().context;
      const deadline = ms(ENQUIRY_SERVICES[service].deadline === 'post_results_priority_deadline' ? '2026-08-20T23:59:59.999+01:00' : '2026-09-24T23:59:59.999+01:00');
      if (c.submittedAt) {
        const sub = ms(c.submittedAt);
        expect(sub).toBeLessThanOrEqual(deadline);
        expect(sub).toBeGreaterThanOrEqual(ms(PUBLISHED_GCE));
        if (ENQUIRY_SERVICES[service].consentRequired) {
          expect(c.consent).not.toBeNull();
          expect(ms(c.consent!.signedAt)).toBeGreaterThanOrEqual(ms(PUBLISHED_GCE));
          expect(ms(c.consent!.signedAt)).toBeLessThanOrEqual(sub);
          expect(c.consent!.signedBy).toBe('C-1');
        }
      }
      for (const a of audit.filter((x) => x.event === 'enquiry.submit' && x.outcome === 'rejected')) expect(a.code).toBeTruthy();
    },
  );

  describe('paths (@xstate/graph)', () => {
    const events: EnquiryEvent[] = [
      consent('2026-08-13T07:00:00+01:00'),
      consent('2026-08-14T10:00:00+01:00'),
      submit('2026-08-15T10:00:00+01:00', 4850),
      submit('2026-09-25T10:00:00+01:00'),
      { type: 'enquiry.outcome', at: '2026-09-26T10:00:00+01:00', by: EO, grade: 'A' },
      { type: 'enquiry.outcome', at: '2026-09-26T11:00:00+01:00', by: EO, grade: 'C' },
      { type: 'enquiry.scriptsReceived', at: '2026-09-26T12:00:00+01:00', by: EO },
      { type: 'enquiry.close', at: '2026-09-27T10:00:00+01:00', by: EO },
      { type: 'enquiry.withdraw', at: '2026-08-16T10:00:00+01:00', by: EO, reason: 'changed mind' },
    ];
    const serializeState = (s: { value: unknown; context: { consent: unknown; submittedAt: unknown; outcome: unknown; lastEventAt: string; closedAt: unknown } }) =>
      JSON.stringify([s.value, !!s.context.consent, s.context.submittedAt, s.context.outcome, s.context.lastEventAt, s.context.closedAt]);

    it.each(['review_of_marking', 'priority_review_of_marking', 'review_of_moderation', 'access_to_scripts'] as const)(
      'every path of a %s request keeps consent before submission and the deadline',
      (service) => {
        const paths = getShortestPaths(enquiryMachine, { input: input(service), events, serializeState: serializeState as never });
        const reached = new Set(paths.map((p) => String(p.state.value)));
        expect(reached).toEqual(new Set(service === 'review_of_moderation' ? ['requested', 'submitted', 'outcome', 'closed', 'withdrawn'] : ['requested', 'consented', 'submitted', 'outcome', 'closed', 'withdrawn']));
        for (const p of paths) {
          for (const step of p.steps) {
            const c = step.state.context;
            if (c.submittedAt) {
              expect(ms(c.submittedAt)).toBeLessThanOrEqual(ms(c.deadline!.at));
              if (ENQUIRY_SERVICES[service].consentRequired) expect(ms(c.consent!.signedAt)).toBeGreaterThanOrEqual(ms(PUBLISHED_GCE));
            }
          }
        }
        const closed = paths.find((p) => p.state.value === 'closed')!;
        expect(closed.steps.map((s) => s.event.type)).toEqual(ENQUIRY_SERVICES[service].consentRequired ? ['xstate.init', 'consent.capture', 'enquiry.submit', expect.any(String), 'enquiry.close'] : ['xstate.init', 'enquiry.submit', expect.any(String), 'enquiry.close']);
      },
    );
  });
});
