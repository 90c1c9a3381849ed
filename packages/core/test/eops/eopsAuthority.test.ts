/**
 * Roles on EOPS come from the rules pack: the `eops.<event>` authorities (fixture pack here; rules-jcq's
 * `eopsAuthorities` from the EOPS toolkit in a host) are resolved into grants when the centre's actor starts,
 * kept in its context, and every event is authorised against them before the Standards' own rules run. A
 * refusal is a typed `not_authorised` outcome with an audit line. Property: random actors in random roles,
 * under a random pack, never take an EOPS action their role may not.
 */
import { fc, test } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  authorise,
  collectAudit,
  EOPS_EVENT_TYPES,
  eopsMachine,
  eopsRecords,
  grantsFor,
  sendEops,
  type ActorRole,
  type Authority,
  type Delegation,
  type EopsActor,
  type RoleGrants,
} from '@examcycle/core';
import { fixtureEopsAuthorities } from '../fixtures/authorities/eopsAuthorities.js';
import { eventsArb } from './eopsArbitraries.js';
import { as, CENTRE, clockFrom, kuTarget, users } from './eopsFixture.js';
import type { Instant } from '@examcycle/core';

const ROLES: readonly ActorRole[] = ['senior_leader', 'line_manager', 'exams_officer', 'head_of_centre', 'teacher', 'system'];

/** A centre started with these grants, its users joined and approved (as far as the grants allow). */
function centreWith(grants: RoleGrants, start: Instant = '2025-09-02T07:00:00.000Z') {
  const at = clockFrom(start);
  const actor: EopsActor = createActor(eopsMachine, { input: { grants } });
  const audit = collectAudit(actor);
  actor.start();
  actor.send({ type: 'centre.register', centre: CENTRE, user: users.slt, at: at(), by: as.slt });
  for (const [key, user] of [['lm', users.lm], ['amber', users.amber], ['niamh', users.niamh]] as const) {
    actor.send({ type: 'account.register', user, at: at(), by: as[key] });
    actor.send({ type: 'account.approve', accountId: user.id, at: at(), by: as.slt });
  }
  return { actor, audit, at };
}

const FULL = grantsFor(fixtureEopsAuthorities, [], ['eops.']);

/** A pack with the same rows, each action open to a random subset of roles. */
const packArb: fc.Arbitrary<readonly Authority[]> = fc
  .array(fc.subarray([...ROLES]), { minLength: EOPS_EVENT_TYPES.length, maxLength: EOPS_EVENT_TYPES.length })
  .map((subsets) => fixtureEopsAuthorities.map((row, i) => ({ ...row, roles: i < 3 ? row.roles : subsets[i]! })));

describe('eopsMachine: roles from the rules pack', () => {
  test.prop([packArb, eventsArb], { numRuns: 80, seed: 202512031 })('never lets an actor take an EOPS action the pack does not grant their role (random actors, random roles, random packs)', (pack, events) => {
    const grants = grantsFor(pack, [], ['eops.']);
    const { actor, audit } = centreWith(grants);
    for (const e of events) {
      const before = audit.length;
      actor.send(e);
      const line = audit.at(-1)!;
      expect(audit.length).toBe(before + 1);
      if (line.outcome === 'accepted') expect(authorise(grants, e.by, `eops.${e.type}`).allowed).toBe(true);
      else if (!authorise(grants, e.by, `eops.${e.type}`).allowed && line.code === 'not_authorised') expect(line.rule).toMatch(/^(eops\.|examcycle\.authority\.)/);
    }
  }, 60_000);

  it('reaches accepted and pack-refused events in the random runs (the property is not vacuous)', { timeout: 60_000 }, () => {
    const runs = fc.sample(fc.tuple(packArb, eventsArb), { seed: 202512032, numRuns: 60 });
    let accepted = 0;
    let refusedByPack = 0;
    for (const [pack, events] of runs) {
      const { actor, audit } = centreWith(grantsFor(pack, [], ['eops.']));
      for (const e of events) actor.send(e);
      accepted += audit.filter((l) => l.outcome === 'accepted' && l.event !== 'centre.register' && l.event !== 'account.register' && l.event !== 'account.approve').length;
      refusedByPack += audit.filter((l) => l.outcome === 'rejected' && l.code === 'not_authorised' && /^eops\.[a-zA-Z]+\.[a-zA-Z]+$/.test(l.rule ?? '') && l.rule !== 'eops.slt-declaration').length;
    }
    expect(accepted).toBeGreaterThan(100);
    expect(refusedByPack).toBeGreaterThan(100);
  });

  it('refuses an action the pack gives to other roles with not_authorised, and audits it', () => {
    const officersMarkOnly = fixtureEopsAuthorities.map((row) => (row.action === 'eops.target.mark' ? { ...row, roles: ['exams_officer'] as const } : row));
    const { actor, audit, at } = centreWith(grantsFor(officersMarkOnly, [], ['eops.']));
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: at(), by: as.lm });
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm });
    actor.send({ type: 'target.confirm', officerId: 'eo-1', targetId: 'ku-1', at: at(), by: as.amber });
    const outcome = sendEops(actor, { type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.lm });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_authorised', rule: 'eops.target.mark' } });
    expect(audit.at(-1)).toMatchObject({ event: 'target.mark', outcome: 'rejected', code: 'not_authorised', rule: 'eops.target.mark', by: as.lm });
    expect(sendEops(actor, { type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.amber }).ok).toBe(true);
  });

  it("takes a centre's delegation: a named member of staff may take an action their role is not granted", () => {
    const officersMarkOnly = fixtureEopsAuthorities.map((row) => (row.action === 'eops.target.mark' ? { ...row, roles: ['exams_officer'] as const } : row));
    const delegations: Delegation[] = [{ action: 'eops.target.mark', staffIds: ['lm-1'], grantedBy: 'slt-1', note: 'The line manager records progress at reviews' }];
    const { actor, at } = centreWith(grantsFor(officersMarkOnly, delegations, ['eops.']));
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: at(), by: as.lm });
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm });
    actor.send({ type: 'target.confirm', officerId: 'eo-1', targetId: 'ku-1', at: at(), by: as.amber });
    expect(sendEops(actor, { type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.lm }).ok).toBe(true);
    expect(sendEops(actor, { type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'open', at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'not_authorised' } });
  });

  it('authorises nothing without grants (the strict reading: what the pack does not give, nobody may do)', () => {
    const actor = createActor(eopsMachine);
    const audit = collectAudit(actor);
    actor.start();
    const outcome = sendEops(actor, { type: 'centre.register', centre: CENTRE, user: users.slt, at: '2025-09-02T08:00:00Z', by: as.slt });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_authorised', rule: 'examcycle.authority.not-granted' } });
    expect(audit).toHaveLength(1);
    expect(actor.getSnapshot().value).toBe('unregistered');
  });

  it('keeps the grants in the context, so a restored centre decides without the pack', () => {
    const { actor } = centreWith(FULL);
    expect(actor.getSnapshot().context.grants).toEqual(FULL);
    expect(actor.getSnapshot().context.grants['eops.standards.declare']?.roles).toEqual(['senior_leader', 'line_manager']);
  });

  it('"Exams officers can undertake the Standards independently, or alongside a senior leader/line manager": never on another officer\'s', () => {
    const { actor, at } = centreWith(FULL);
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: at(), by: as.lm });
    expect(sendEops(actor, { type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.niamh })).toMatchObject({ ok: false, error: { code: 'not_authorised', rule: 'eops.record-access' } });
    expect(eopsRecords(actor)[0]?.targets).toEqual([]);
  });

  it('"Registrations are approved by a centre administrator": a line manager who is not one is refused', () => {
    const { actor, at } = centreWith(FULL);
    actor.send({ type: 'account.register', user: { id: 'eo-9', name: 'Jonathan Bolton', roles: ['exams_officer'] }, at: at(), by: { id: 'eo-9', role: 'exams_officer' } });
    expect(sendEops(actor, { type: 'account.approve', accountId: 'eo-9', at: at(), by: as.lm })).toMatchObject({ ok: false, error: { code: 'not_authorised', rule: 'eops.accounts' } });
    expect(sendEops(actor, { type: 'account.approve', accountId: 'eo-9', at: at(), by: as.slt }).ok).toBe(true);
  });

  it('refuses, and audits, an officer-year report that no officer-year sent (a host cannot forge one)', () => {
    const { actor, audit, at } = centreWith(FULL);
    const forged = { type: 'officerYear.report', officerYearId: 'officerYear:eo-1:2025/26', from: 'inProgress', outcome: 'accepted', event: { type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt } };
    actor.send(forged as never);
    expect(audit.at(-1)).toMatchObject({ event: 'officerYear.report', outcome: 'rejected', code: 'event_rejected' });
    expect(eopsRecords(actor)).toEqual([]);
  });
});

