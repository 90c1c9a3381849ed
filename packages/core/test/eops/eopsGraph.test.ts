/**
 * The officer-year chart explored with @xstate/graph: every order of the steps the Standards allow from a
 * registered officer's year to the certificate, and no reachable state where a certificate stands without its
 * criteria or was declared by the officer. The chart runs on its own here (its report to the centre is a
 * no-op); the centre's rules (accounts, the pack's roles) are tested in eopsMachine.test.ts.
 */
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { eopsOfficerYearMachine, eopsRecords, type EopsForwardedEvent, type EopsOfficerYearSnapshot, type EopsRecord } from '@examcycle/core';
import { as, centreActor, kuTarget, ksTarget } from './eopsFixture.js';

// One instant for every event keeps the state space finite.
const at = '2025-09-03T09:00:00.000+01:00';
const o = 'eo-1';
const names: Record<string, string> = { 'eo-1': 'Amber Giles', 'slt-1': 'Nanda Hassan' };
const fwd = (e: Record<string, unknown> & { type: string; by: { id: string; role: string } }) =>
  ({ officerId: o, at, ...e, senderName: names[e.by.id]!, centreName: 'Plume Academy' }) as unknown as EopsForwardedEvent;

/** The officer's year: the steps between registration and the certificate, and the wrong-person variants. */
const YEAR: EopsForwardedEvent[] = [
  fwd({ type: 'target.agree', target: kuTarget(), by: as.slt }),
  fwd({ type: 'target.agree', target: ksTarget(), by: as.slt }),
  // "the exams officer and senior leader must agree": the officer confirms; the proposer confirming is refused
  fwd({ type: 'target.confirm', targetId: 'ku-1', by: as.amber }),
  fwd({ type: 'target.confirm', targetId: 'ks-1', by: as.amber }),
  fwd({ type: 'target.confirm', targetId: 'ku-1', by: as.slt }),
  fwd({ type: 'valuesAndAttributes.sign', by: as.amber }),
  fwd({ type: 'valuesAndAttributes.sign', by: as.slt }),
  fwd({ type: 'target.mark', targetId: 'ku-1', status: 'achieved', by: as.amber }),
  fwd({ type: 'target.mark', targetId: 'ks-1', status: 'achieved', by: as.amber }),
  // "you are ready to request your Certificate of Achievement"
  fwd({ type: 'certificate.request', by: as.amber }),
  fwd({ type: 'standards.declare', by: as.slt }),
  fwd({ type: 'standards.declare', by: { id: o, role: 'senior_leader' } }),
];

/** With a detour: a target marked not applicable. */
const EVENTS: EopsForwardedEvent[] = [...YEAR, fwd({ type: 'target.mark', targetId: 'ku-1', status: 'not_applicable', by: as.amber })];

function newRecord(): EopsRecord {
  const { actor, at: next } = centreActor();
  actor.send({ type: 'officer.register', officerId: o, experience: 'experienced', at: next(), by: as.slt });
  return eopsRecords(actor)[0]!;
}

const machine = eopsOfficerYearMachine.provide({ actions: { report: () => {} } });
const record = newRecord();

/** A state as the Standards see it: the chart's state and where the year's record stands. */
function serializeState(s: EopsOfficerYearSnapshot): string {
  const r = s.context;
  return JSON.stringify([
    s.value,
    [...r.targets].map((t) => `${t.id}:${t.status}:${t.confirmedBy?.id ?? '-'}`).sort(),
    r.certificateRequest?.by.id ?? null,
    [r.valuesAndAttributes.statement?.by.id ?? null, r.valuesAndAttributes.agreement?.by.id ?? null],
    r.certificate?.authorisedBy.id ?? null,
  ]);
}

const certified = (s: EopsOfficerYearSnapshot) => s.context.certificate !== null;
const stepsOf = (p: { steps: readonly { event: { type: string } }[] }) =>
  p.steps.filter((s) => s.event.type !== 'xstate.init').map((s) => `${s.event.type}/${(s.event as EopsForwardedEvent).by.id}${(s.event as EopsForwardedEvent).by.role === 'senior_leader' && (s.event as EopsForwardedEvent).by.id === o ? '(as leader)' : ''}`);

describe('eopsOfficerYearMachine paths (@xstate/graph)', () => {
  const paths = getShortestPaths(machine, { events: EVENTS, serializeState, input: { record } } as never) as unknown as { state: EopsOfficerYearSnapshot; steps: { event: { type: string } }[] }[];

  it('reaches the certificate in ten steps at the shortest: two targets each proposed and confirmed, two signatures, two marks, the request, the SLT declaration', () => {
    const toCertificate = getShortestPaths(machine, { events: EVENTS, serializeState, toState: certified, input: { record } } as never);
    expect(toCertificate).toHaveLength(1);
    const steps = stepsOf(toCertificate[0]!);
    expect(steps).toHaveLength(10);
    expect(steps.slice(-2)).toEqual(['certificate.request/eo-1', 'standards.declare/slt-1']);
    expect(toCertificate[0]!.state.value).toBe('certified');
  });

  it('in every reachable state, a certificate has all four criteria and was authorised by the senior leader, never the officer', () => {
    expect(paths.length).toBeGreaterThan(50);
    const certifiedStates = paths.map((p) => p.state).filter(certified);
    expect(certifiedStates.length).toBeGreaterThan(0);
    for (const s of certifiedStates) {
      const r = s.context;
      expect(s.value).toBe('certified');
      expect(r.valuesAndAttributes.statement?.by.id).toBe(o);
      expect(r.valuesAndAttributes.agreement?.by.id).toBe('slt-1');
      expect(r.targets.map((t) => t.status).sort()).toEqual(['achieved', 'achieved']);
      // "the exams officer and senior leader must agree": proposed by the leader, confirmed by the officer
      expect(r.targets.map((t) => [t.agreedBy.id, t.confirmedBy?.id])).toEqual([['slt-1', o], ['slt-1', o]]);
      expect(r.certificateRequest?.by.id).toBe(o);
      expect(r.certificate?.authorisedBy.id).toBe('slt-1');
    }
  });

  it('is in the step its record shows in every reachable state (the regions follow the record)', () => {
    for (const p of paths) {
      const r = p.state.context;
      const value = p.state.value as string | { inProgress: { targets: string; valuesAndAttributes: string } };
      if (typeof value === 'string') continue;
      expect(value.inProgress.valuesAndAttributes).toBe(r.valuesAndAttributes.agreement ? 'agreed' : r.valuesAndAttributes.statement ? 'statementSigned' : 'unsigned');
      if (value.inProgress.targets === 'achieved') expect(r.targets.filter((t) => t.status === 'achieved').length).toBeGreaterThan(0);
      if (value.inProgress.targets !== 'toAgree') expect(r.targets.every((t) => t.confirmedBy !== null)).toBe(true);
    }
  });

  it('never reaches a state where a not-applicable Knowledge & Understanding target alone is certified', () => {
    for (const p of paths) {
      const r = p.state.context;
      if (r.targets.some((t) => t.strand === 'knowledge_and_understanding' && t.status === 'not_applicable')) expect(r.certificate).toBeNull();
    }
  });

  it('has 560 simple paths from registration to the certificate: every order of the steps the Standards allow, the request and the declaration last', { timeout: 60_000 }, () => {
    const simple = getSimplePaths(machine, { events: YEAR, serializeState, toState: certified, input: { record } } as never);
    // 8 steps before the request, in three chains (agree, confirm, mark for each strand; the officer signs before the leader): 8!/(3!·3!·2!)
    expect(simple).toHaveLength(560);
    for (const p of simple) {
      const types = stepsOf(p);
      expect(types.slice(-2)).toEqual(['certificate.request/eo-1', 'standards.declare/slt-1']);
      expect(types).not.toContain('target.confirm/slt-1');
      expect(types.indexOf('valuesAndAttributes.sign/eo-1')).toBeLessThan(types.indexOf('valuesAndAttributes.sign/slt-1'));
      expect(types).not.toContain('standards.declare/eo-1(as leader)');
    }
  });
});
