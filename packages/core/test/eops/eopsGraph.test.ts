import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { eopsMachine, type EopsEvent, type EopsSnapshot } from '@examcycle/core';
import { CENTRE, as, centreActor, kuTarget, ksTarget, users } from './eopsFixture.js';

// One instant for every event keeps the state space finite (the trail only has to be chronological).
const at = '2025-09-02T09:00:00.000+01:00';
const o = 'eo-1';

/** The officer's year: the steps between registration and the certificate, and the wrong-person variants. */
const YEAR: EopsEvent[] = [
  { type: 'target.agree', officerId: o, target: kuTarget(), at, by: as.slt },
  { type: 'target.agree', officerId: o, target: ksTarget(), at, by: as.slt },
  // "the exams officer and senior leader must agree": the officer confirms; the proposer confirming is refused
  { type: 'target.confirm', officerId: o, targetId: 'ku-1', at, by: as.amber },
  { type: 'target.confirm', officerId: o, targetId: 'ks-1', at, by: as.amber },
  { type: 'target.confirm', officerId: o, targetId: 'ku-1', at, by: as.slt },
  { type: 'valuesAndAttributes.sign', officerId: o, at, by: as.amber },
  { type: 'valuesAndAttributes.sign', officerId: o, at, by: as.slt },
  { type: 'target.mark', officerId: o, targetId: 'ku-1', status: 'achieved', at, by: as.amber },
  { type: 'target.mark', officerId: o, targetId: 'ks-1', status: 'achieved', at, by: as.amber },
  // "you are ready to request your Certificate of Achievement"
  { type: 'certificate.request', officerId: o, at, by: as.amber },
  { type: 'standards.declare', officerId: o, at, by: as.slt },
  { type: 'standards.declare', officerId: o, at, by: as.amber },
];

/** The whole process from an unregistered centre, with detours (not applicable, deactivation). */
const EVENTS: EopsEvent[] = [
  { type: 'centre.register', centre: CENTRE, user: users.slt, at, by: as.slt },
  { type: 'account.register', user: users.amber, at, by: as.amber },
  { type: 'account.approve', accountId: o, at, by: as.slt },
  { type: 'account.deactivate', accountId: o, at, by: as.slt },
  { type: 'account.activate', accountId: o, at, by: as.slt },
  { type: 'officer.register', officerId: o, experience: 'experienced', at, by: as.slt },
  ...YEAR,
  { type: 'target.mark', officerId: o, targetId: 'ku-1', status: 'not_applicable', at, by: as.amber },
];

/** A state as the Standards see it: the machine state, the officer's account and where their year stands. */
function serializeState(s: EopsSnapshot): string {
  const c = s.context;
  const r = c.records[0];
  return JSON.stringify([
    s.value,
    c.accounts.map((a) => `${a.id}:${a.status}`),
    r ? [...r.targets].map((t) => `${t.id}:${t.status}:${t.confirmedBy?.id ?? '-'}`).sort() : null,
    r?.certificateRequest?.by.id ?? null,
    r ? [r.valuesAndAttributes.statement?.by.id ?? null, r.valuesAndAttributes.agreement?.by.id ?? null] : null,
    r?.certificate?.authorisedBy.id ?? null,
  ]);
}

const certified = (s: EopsSnapshot) => s.context.records.some((r) => r.certificate !== null);

describe('eopsMachine paths (@xstate/graph)', () => {
  const paths = getShortestPaths(eopsMachine, { events: EVENTS, serializeState });

  it('reaches the certificate in fourteen steps at the shortest: register, join, approve, register the officer, two targets each proposed and confirmed, two signatures, two marks, the request, declare', () => {
    const toCertificate = getShortestPaths(eopsMachine, { events: EVENTS, serializeState, toState: certified });
    expect(toCertificate).toHaveLength(1);
    const steps = toCertificate[0]!.steps.filter((s) => s.event.type !== ('xstate.init' as string)).map((s) => `${s.event.type}/${s.event.by.id}`);
    expect(steps).toHaveLength(14);
    expect(steps.at(-1)).toBe('standards.declare/slt-1');
    expect(steps.at(-2)).toBe('certificate.request/eo-1');
    expect(steps.slice(0, 4)).toEqual(['centre.register/slt-1', 'account.register/eo-1', 'account.approve/slt-1', 'officer.register/slt-1']);
  });

  it('in every reachable state, a certificate has all four criteria and was authorised by the senior leader, never the officer', () => {
    expect(paths.length).toBeGreaterThan(50);
    const certifiedStates = paths.map((p) => p.state).filter(certified);
    expect(certifiedStates.length).toBeGreaterThan(0);
    for (const s of certifiedStates) {
      const r = s.context.records[0]!;
      expect(r.valuesAndAttributes.statement?.by.id).toBe(o);
      expect(r.valuesAndAttributes.agreement?.by.id).toBe('slt-1');
      expect(r.targets.map((t) => t.status).sort()).toEqual(['achieved', 'achieved']);
      // "the exams officer and senior leader must agree": proposed by the leader, confirmed by the officer
      expect(r.targets.map((t) => [t.agreedBy.id, t.confirmedBy?.id])).toEqual([['slt-1', o], ['slt-1', o]]);
      expect(r.certificateRequest?.by.id).toBe(o);
      expect(r.certificate?.authorisedBy.id).toBe('slt-1');
    }
  });

  it('never reaches a state where a not-applicable Knowledge & Understanding target alone is certified', () => {
    for (const p of paths) {
      const r = p.state.context.records[0];
      if (r?.targets.some((t) => t.strand === 'knowledge_and_understanding' && t.status === 'not_applicable')) expect(r.certificate).toBeNull();
    }
  });

  it('has 560 simple paths from registration to the certificate: every order of the steps the Standards allow, the request and the declaration last', { timeout: 60_000 }, () => {
    const { actor, at: next } = centreActor();
    actor.send({ type: 'officer.register', officerId: o, experience: 'experienced', at: next(), by: as.slt });
    const late = (e: EopsEvent): EopsEvent => ({ ...e, at: '2025-09-03T09:00:00.000+01:00' });
    const simple = getSimplePaths(eopsMachine, { events: YEAR.map(late), fromState: actor.getSnapshot(), serializeState, toState: certified });
    // 8 steps before the request, in three chains (agree, confirm, mark for each strand; the officer signs before the leader): 8!/(3!·3!·2!)
    expect(simple).toHaveLength(560);
    for (const p of simple) {
      const types = p.steps.filter((s) => s.event.type !== ('xstate.init' as string)).map((s) => `${s.event.type}/${s.event.by.id}`);
      expect(types.at(-1)).toBe('standards.declare/slt-1');
      expect(types.at(-2)).toBe('certificate.request/eo-1');
      expect(types).not.toContain('target.confirm/slt-1');
      expect(types.indexOf('valuesAndAttributes.sign/eo-1')).toBeLessThan(types.indexOf('valuesAndAttributes.sign/slt-1'));
      expect(types).not.toContain('standards.declare/eo-1');
    }
  });
});
