/**
 * One officer's year as its own actor: its states are the toolkit's steps ("Agree targets", the Values &
 * Attributes statement signed and agreed, "request your Certificate of Achievement", the SLT declaration),
 * the regions follow the record, and the state a record shows is the state the chart reaches (so records of
 * snapshot version 2 are brought into their own actors in the right step).
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { collectAudit, eopsMachine, eopsOfficerYearMachine, eopsOfficerYearStep, eopsOfficerYearValue, eopsRecords, officerYearId, sendEops, type EopsActor } from '@examcycle/core';
import { eventsArb } from './eopsArbitraries.js';
import { agreeTarget, as, CENTRE, centreActor, clockFrom, completeCriteria, EOPS_GRANTS, kuTarget, ksTarget, users } from './eopsFixture.js';

/** The officer-year actor's state value. */
function stepOf(actor: EopsActor, officerId = 'eo-1', year = '2025/26'): unknown {
  return actor.getSnapshot().children[officerYearId(officerId, year as never)]?.getSnapshot().value;
}

describe('eopsOfficerYearMachine', () => {
  it('is spawned by the centre when the officer is registered for the year, one actor per officer per year', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.lm });
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
    expect(Object.keys(actor.getSnapshot().children)).toEqual(['officerYear:eo-1:2025/26', 'officerYear:eo-2:2025/26']);
    expect(actor.getSnapshot().context.officerYears).toEqual([
      { officerId: 'eo-1', academicYear: '2025/26', step: 'inProgress', certified: false },
      { officerId: 'eo-2', academicYear: '2025/26', step: 'inProgress', certified: false },
    ]);
  });

  it('goes through the toolkit\'s steps: targets agreed, then achieved; the statement signed, then agreed; the request; the SLT declaration', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: at(), by: as.lm });
    expect(stepOf(actor)).toEqual({ inProgress: { targets: 'toAgree', valuesAndAttributes: 'unsigned' } });
    agreeTarget(actor, at, 'eo-1', as.amber, kuTarget());
    expect(stepOf(actor)).toEqual({ inProgress: { targets: 'toAgree', valuesAndAttributes: 'unsigned' } });
    agreeTarget(actor, at, 'eo-1', as.amber, ksTarget());
    expect(stepOf(actor)).toEqual({ inProgress: { targets: 'agreed', valuesAndAttributes: 'unsigned' } });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    expect(stepOf(actor)).toEqual({ inProgress: { targets: 'agreed', valuesAndAttributes: 'statementSigned' } });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.lm });
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.amber });
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ks-1', status: 'achieved', at: at(), by: as.amber });
    expect(stepOf(actor)).toEqual({ inProgress: { targets: 'achieved', valuesAndAttributes: 'agreed' } });
    actor.send({ type: 'certificate.request', officerId: 'eo-1', at: at(), by: as.amber });
    expect(stepOf(actor)).toBe('certificateRequested');
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt });
    expect(stepOf(actor)).toBe('certified');
    expect(actor.getSnapshot().context.officerYears[0]).toMatchObject({ step: 'certified', certified: true });
    actor.send({ type: 'year.rollover', at: '2026-09-01T00:00:00+01:00', by: as.system });
    expect(stepOf(actor)).toBe('lapsed');
    expect(actor.getSnapshot().context.officerYears[0]).toMatchObject({ step: 'lapsed', certified: true });
  });

  it('withdraws the certificate request when a new target reopens the year, or a mark leaves a criterion unmet', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: at(), by: as.lm });
    agreeTarget(actor, at, 'eo-1', as.amber, kuTarget());
    agreeTarget(actor, at, 'eo-1', as.amber, ksTarget());
    for (const by of [as.amber, as.lm]) actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by });
    for (const targetId of ['ku-1', 'ks-1']) actor.send({ type: 'target.mark', officerId: 'eo-1', targetId, status: 'achieved', at: at(), by: as.amber });
    actor.send({ type: 'certificate.request', officerId: 'eo-1', at: at(), by: as.amber });
    const reopened = sendEops(actor, { type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'open', at: at(), by: as.amber });
    expect(reopened).toMatchObject({ ok: true, entry: { from: 'certificateRequested', to: 'inProgress' } });
    expect(eopsRecords(actor)[0]?.certificateRequest).toBeNull();
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.amber });
    actor.send({ type: 'certificate.request', officerId: 'eo-1', at: at(), by: as.amber });
    expect(sendEops(actor, { type: 'target.agree', officerId: 'eo-1', target: kuTarget('ku-2'), at: at(), by: as.lm })).toMatchObject({ ok: true, entry: { from: 'certificateRequested', to: 'inProgress' } });
    expect(stepOf(actor)).toEqual({ inProgress: { targets: 'toAgree', valuesAndAttributes: 'agreed' } });
  });

  it('gives a refusal the reason of the first guard that failed', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
    // certificateRequested is not reached yet: the chart refuses the declaration, and says which rule.
    expect(sendEops(actor, { type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.niamhAsLeader })).toMatchObject({ ok: false, error: { code: 'not_authorised', rule: 'eops.slt-declaration' } });
    expect(sendEops(actor, { type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'guard_failed', rule: 'eops.certificate-criteria' } });
    expect(sendEops(actor, { type: 'valuesAndAttributes.sign', officerId: 'eo-2', at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'guard_failed', rule: 'eops.values-and-attributes' } });
  });

  it('lets .provide() replace one rule, and the refusal then names that rule', () => {
    // A centre whose policy is stricter than the toolkit: no certificate request this year, whatever the record shows.
    const strict = eopsMachine.provide({ actors: { officerYear: eopsOfficerYearMachine.provide({ guards: { everyCriterionMet: () => false } }) } });
    const actor = createActor(strict, { input: { grants: EOPS_GRANTS } });
    const audit = collectAudit(actor);
    actor.start();
    const at = clockFrom('2025-09-02T08:00:00.000Z');
    actor.send({ type: 'centre.register', centre: CENTRE, user: users.slt, at: at(), by: as.slt });
    for (const [user, by] of [[users.amber, as.amber], [users.lm, as.lm]] as const) {
      actor.send({ type: 'account.register', user, at: at(), by });
      actor.send({ type: 'account.approve', accountId: user.id, at: at(), by: as.slt });
    }
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: at(), by: as.slt });
    completeCriteria(actor, at, 'eo-1', as.amber);
    expect(audit.at(-1)).toMatchObject({ event: 'certificate.request', outcome: 'rejected', rule: 'eops.certificate-criteria' });
    expect(stepOf(actor)).toEqual({ inProgress: { targets: 'achieved', valuesAndAttributes: 'agreed' } });
  });

  test.prop([eventsArb], { numRuns: 60, seed: 202512033 })('is, after any events, in the state its record shows (the v2 migration puts each record in that state)', (events) => {
    const { actor } = centreActor('2025-09-02T06:00:00.000Z');
    for (const e of events) {
      actor.send(e);
      for (const [id, child] of Object.entries(actor.getSnapshot().children)) {
        const snapshot = child!.getSnapshot() as { value: unknown; context: Parameters<typeof eopsOfficerYearValue>[0] };
        expect([id, snapshot.value]).toEqual([id, eopsOfficerYearValue(snapshot.context)]);
        expect(actor.getSnapshot().context.officerYears.find((y) => officerYearId(y.officerId, y.academicYear) === id)?.step).toBe(eopsOfficerYearStep(snapshot.value));
      }
    }
  }, 60_000);
});
