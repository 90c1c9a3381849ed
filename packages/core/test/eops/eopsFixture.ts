/**
 * A small centre for the EOPS tests: a senior leader who registers it, a line manager, two exams officers
 * (one of them also a senior leader, to test that nobody declares their own Standards), and helpers that
 * drive an actor through the year with explicit instants. Every actor started here has its emitted audit
 * lines collected (the store's log in a real host), read back with {@link auditOf}.
 */
import { DateTime } from 'luxon';
import { createActor } from 'xstate';
import { collectAudit, eopsMachine, grantsFor, type AuditLine, type EopsActor, type EopsEvent, type EopsTargetInput, type EopsUserInput, type RoleGrants } from '@examcycle/core';
import { fixtureEopsAuthorities } from '../fixtures/authorities/eopsAuthorities.js';
import type { Instant } from '@examcycle/core';

/** The fixture pack's `eops.*` grants, resolved as a host does at start. */
export const EOPS_GRANTS: RoleGrants = grantsFor(fixtureEopsAuthorities, [], ['eops.']);

const trails = new WeakMap<EopsActor, AuditLine[]>();

/** Collects an actor's audit lines from now on (call before `start()` to include everything). */
export function trackAudit(actor: EopsActor): AuditLine[] {
  const lines = collectAudit(actor);
  trails.set(actor, lines);
  return lines;
}

/** A new, started EOPS actor whose audit lines are collected. */
export function startEops(): EopsActor {
  const actor = createActor(eopsMachine, { input: { grants: EOPS_GRANTS } });
  trackAudit(actor);
  return actor.start();
}

/** The audit lines an actor started by this fixture has emitted, in order. */
export function auditOf(actor: EopsActor): readonly AuditLine[] {
  const lines = trails.get(actor);
  if (!lines) throw new Error('this actor was not started by the EOPS fixture');
  return lines;
}

export const CENTRE = { centreNumber: '12345', name: 'Plume Academy' } as const;

export const users = {
  slt: { id: 'slt-1', name: 'Nanda Hassan', roles: ['senior_leader'] },
  lm: { id: 'lm-1', name: 'Hayden Taylor', roles: ['line_manager'] },
  amber: { id: 'eo-1', name: 'Amber Giles', roles: ['exams_officer'] },
  niamh: { id: 'eo-2', name: 'Niamh Gregory', roles: ['exams_officer', 'senior_leader'] },
} as const satisfies Record<string, EopsUserInput>;

export const as = {
  slt: { id: 'slt-1', role: 'senior_leader' },
  lm: { id: 'lm-1', role: 'line_manager' },
  amber: { id: 'eo-1', role: 'exams_officer' },
  niamh: { id: 'eo-2', role: 'exams_officer' },
  niamhAsLeader: { id: 'eo-2', role: 'senior_leader' },
  system: { id: 'examcycle', role: 'system' },
} as const;

/** Instants a minute apart from a start, so the trail stays chronological. */
export function clockFrom(start: Instant) {
  let t = DateTime.fromISO(start, { zone: 'utc' });
  return () => {
    t = t.plus({ minutes: 1 });
    return (t.toISO() as Instant);
  };
}

export const kuTarget = (id = 'ku-1'): EopsTargetInput => ({
  id,
  strand: 'knowledge_and_understanding',
  area: 'jcq_regulations',
  description: "Keep up to date with this year's JCQ regulation changes",
  methods: ['face_to_face_training', 'personal_research'],
  successMeasure: 'Changes summarised for SLT by the autumn half term',
  dueBy: '2025-12-19',
});

export const ksTarget = (id = 'ks-1'): EopsTargetInput => ({
  id,
  strand: 'key_skills',
  area: 'contingency_planning',
  description: 'Write the exams contingency plan',
  methods: ['peer_support'],
  successMeasure: 'Plan approved by the head of centre',
  dueBy: '2026-03-27',
});

/** A registered centre with the SLT, the line manager and both officers approved. */
export function centreActor(start: Instant = '2025-09-02T08:00:00.000Z'): { actor: EopsActor; at: () => Instant } {
  const at = clockFrom(start);
  const actor = startEops();
  const send = (e: EopsEvent) => actor.send(e);
  send({ type: 'centre.register', centre: CENTRE, user: users.slt, at: at(), by: as.slt });
  for (const [key, user] of [['lm', users.lm], ['amber', users.amber], ['niamh', users.niamh]] as const) {
    send({ type: 'account.register', user, at: at(), by: as[key] });
    send({ type: 'account.approve', accountId: user.id, at: at(), by: as.slt });
  }
  return { actor, at };
}

/** Agrees a target together: the line manager proposes it and the officer confirms it. */
export function agreeTarget(actor: EopsActor, at: () => Instant, officerId: string, officerAs: { id: string; role: 'exams_officer' }, target: EopsTargetInput) {
  actor.send({ type: 'target.agree', officerId, target, at: at(), by: as.lm });
  actor.send({ type: 'target.confirm', officerId, targetId: target.id, at: at(), by: officerAs });
}

/** Sends every criterion an officer needs for the certificate (targets agreed together, both signatures, marks), without the request. */
export function meetCriteria(actor: EopsActor, at: () => Instant, officerId: string, officerAs: { id: string; role: 'exams_officer' }) {
  agreeTarget(actor, at, officerId, officerAs, kuTarget());
  agreeTarget(actor, at, officerId, officerAs, ksTarget());
  actor.send({ type: 'valuesAndAttributes.sign', officerId, at: at(), by: officerAs });
  actor.send({ type: 'valuesAndAttributes.sign', officerId, at: at(), by: as.lm });
  actor.send({ type: 'target.mark', officerId, targetId: 'ku-1', status: 'achieved', at: at(), by: officerAs });
  actor.send({ type: 'target.mark', officerId, targetId: 'ks-1', status: 'achieved', at: at(), by: officerAs });
}

/** Sends every step an officer needs for the certificate, except the declaration: the criteria, then the officer's request. */
export function completeCriteria(actor: EopsActor, at: () => Instant, officerId: string, officerAs: { id: string; role: 'exams_officer' }) {
  meetCriteria(actor, at, officerId, officerAs);
  actor.send({ type: 'certificate.request', officerId, at: at(), by: officerAs });
}
