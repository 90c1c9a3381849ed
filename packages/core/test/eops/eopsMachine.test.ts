import { describe, expect, it } from 'vitest';
import { eopsRecords,
  EOPS_KEY_SKILL_AREAS,
  EOPS_KNOWLEDGE_AREAS,
  eopsProgress,
  eopsRegistrationDue,
  inductionChecklist,
  isExamcycleError,
  lastEopsRejection,
  overdueInductionItems,
  sendEops,
  type EopsActor,
  type EopsCertificate,
  type EopsEvent,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { CENTRE, as, auditOf, centreActor, clockFrom, completeCriteria, kuTarget, ksTarget, startEops, users } from './eopsFixture.js';
import type { Instant } from '@examcycle/core';

function lastEntry(actor: EopsActor) {
  return auditOf(actor).at(-1)!;
}

function rejection(actor: EopsActor) {
  return lastEopsRejection(auditOf(actor));
}

function record(actor: EopsActor, officerId: string, year = '2025/26') {
  return eopsRecords(actor, { officerId, academicYear: year })[0]!;
}

function registered(experience: 'new' | 'new_to_centre' | 'experienced' = 'experienced') {
  const { actor, at } = centreActor();
  actor.send({ type: 'officer.register', officerId: 'eo-1', experience, at: at(), by: as.slt });
  return { actor, at };
}

describe('eopsMachine: registration', () => {
  it('records nothing but a rejection until the first user registers the centre', () => {
    const actor = startEops();
    actor.send({ type: 'account.register', user: users.amber, at: '2025-09-02T08:00:00Z', by: as.amber });
    expect(actor.getSnapshot().value).toBe('unregistered');
    expect(rejection(actor)).toMatchObject({ code: 'event_rejected', rule: 'eops.registration' });
  });

  it('makes the first user (senior leader, line manager or exams officer) the centre administrator', () => {
    for (const [user, by] of [
      [users.slt, as.slt],
      [users.lm, as.lm],
      [users.amber, as.amber],
    ] as const) {
      const actor = startEops();
      actor.send({ type: 'centre.register', centre: CENTRE, user, at: '2025-09-02T08:00:00Z', by });
      const snap = actor.getSnapshot();
      expect(snap.value).toBe('registered');
      expect(snap.context.centre).toEqual(CENTRE);
      expect(snap.context.academicYear).toBe('2025/26');
      expect(snap.context.accounts).toEqual([expect.objectContaining({ id: user.id, status: 'active', admin: true })]);
    }
  });

  it('refuses a centre registered on behalf of someone else, in a role they do not hold, or with a bad centre number', () => {
    const cases: [EopsEvent, string][] = [
      [{ type: 'centre.register', centre: CENTRE, user: users.slt, at: '2025-09-02T08:00:00Z', by: as.lm }, 'not_authorised'],
      [{ type: 'centre.register', centre: CENTRE, user: users.slt, at: '2025-09-02T08:00:00Z', by: { id: 'slt-1', role: 'exams_officer' } }, 'not_authorised'],
      [{ type: 'centre.register', centre: { centreNumber: '1234', name: 'X' }, user: users.slt, at: '2025-09-02T08:00:00Z', by: as.slt }, 'invalid_value'],
    ];
    for (const [event, code] of cases) {
      const actor = startEops();
      actor.send(event);
      expect(actor.getSnapshot().value).toBe('unregistered');
      expect(rejection(actor)?.code).toBe(code);
    }
  });

  it('lets other users register and ask to join; they wait for an administrator to approve them', () => {
    const actor = startEops();
    const at = clockFrom('2025-09-02T08:00:00Z');
    actor.send({ type: 'centre.register', centre: CENTRE, user: users.slt, at: at(), by: as.slt });
    actor.send({ type: 'account.register', user: users.amber, at: at(), by: as.amber });
    expect(actor.getSnapshot().context.accounts.find((a) => a.id === 'eo-1')).toMatchObject({ status: 'pending', admin: false });
    // a pending user cannot act yet
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.amber });
    expect(rejection(actor)).toMatchObject({ code: 'not_authorised' });
    expect(rejection(actor)?.message).toMatch(/not been approved/);
    const approvedAt = at();
    actor.send({ type: 'account.approve', accountId: 'eo-1', at: approvedAt, by: as.slt });
    expect(actor.getSnapshot().context.accounts.find((a) => a.id === 'eo-1')).toMatchObject({ status: 'active', admin: false, decidedBy: 'slt-1', decidedAt: approvedAt });
  });

  it('lets only an administrator approve, and may give administration rights on approval or later', () => {
    const actor = startEops();
    const at = clockFrom('2025-09-02T08:00:00Z');
    actor.send({ type: 'centre.register', centre: CENTRE, user: users.slt, at: at(), by: as.slt });
    actor.send({ type: 'account.register', user: users.lm, at: at(), by: as.lm });
    actor.send({ type: 'account.register', user: users.amber, at: at(), by: as.amber });
    actor.send({ type: 'account.approve', accountId: 'lm-1', admin: true, at: at(), by: as.slt });
    actor.send({ type: 'account.approve', accountId: 'eo-1', at: at(), by: as.lm });
    expect(lastEntry(actor).outcome).toBe('accepted');
    actor.send({ type: 'account.register', user: users.niamh, at: at(), by: as.niamh });
    actor.send({ type: 'account.approve', accountId: 'eo-2', at: at(), by: as.amber });
    expect(rejection(actor)).toMatchObject({ code: 'not_authorised' });
    actor.send({ type: 'account.grantAdmin', accountId: 'eo-1', at: at(), by: as.lm });
    actor.send({ type: 'account.approve', accountId: 'eo-2', at: at(), by: as.amber });
    expect(lastEntry(actor).outcome).toBe('accepted');
    expect(actor.getSnapshot().context.accounts.map((a) => [a.id, a.admin])).toEqual([
      ['slt-1', true],
      ['lm-1', true],
      ['eo-1', true],
      ['eo-2', false],
    ]);
  });

  it('deactivates an account, which can no longer act, and activates it again', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'account.deactivate', accountId: 'lm-1', at: at(), by: as.slt });
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.lm });
    expect(rejection(actor)?.message).toMatch(/deactivated/);
    actor.send({ type: 'account.activate', accountId: 'lm-1', at: at(), by: as.slt });
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.lm });
    expect(lastEntry(actor).outcome).toBe('accepted');
  });

  it('never leaves the centre without an active administrator', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'account.deactivate', accountId: 'slt-1', at: at(), by: as.slt });
    expect(rejection(actor)).toMatchObject({ code: 'guard_failed', message: 'The centre would have no active administrator' });
    actor.send({ type: 'account.revokeAdmin', accountId: 'slt-1', at: at(), by: as.slt });
    expect(rejection(actor)?.code).toBe('guard_failed');
    actor.send({ type: 'account.grantAdmin', accountId: 'lm-1', at: at(), by: as.slt });
    actor.send({ type: 'account.revokeAdmin', accountId: 'slt-1', at: at(), by: as.slt });
    expect(lastEntry(actor).outcome).toBe('accepted');
  });

  it('declines a request to join by deactivating the pending account', () => {
    const actor = startEops();
    const at = clockFrom('2025-09-02T08:00:00Z');
    actor.send({ type: 'centre.register', centre: CENTRE, user: users.slt, at: at(), by: as.slt });
    actor.send({ type: 'account.register', user: users.amber, at: at(), by: as.amber });
    actor.send({ type: 'account.deactivate', accountId: 'eo-1', at: at(), by: as.slt });
    actor.send({ type: 'account.approve', accountId: 'eo-1', at: at(), by: as.slt });
    expect(rejection(actor)?.code).toBe('guard_failed');
    expect(actor.getSnapshot().context.accounts.find((a) => a.id === 'eo-1')!.status).toBe('deactivated');
  });

  it('registers an exams officer for the academic year, by a senior leader / line manager or by the officer themselves', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.lm });
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.niamh });
    expect(eopsRecords(actor).map((r) => [r.officerId, r.academicYear, r.experience, r.registeredBy.id])).toEqual([
      ['eo-1', '2025/26', 'new', 'lm-1'],
      ['eo-2', '2025/26', 'experienced', 'eo-2'],
    ]);
  });

  it('refuses to register someone who is not an exams officer, an officer registered by another officer, or a second registration in a year', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'lm-1', experience: 'new', at: at(), by: as.slt });
    expect(rejection(actor)).toMatchObject({ code: 'guard_failed' });
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.niamh });
    expect(rejection(actor)).toMatchObject({ code: 'not_authorised' });
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.slt });
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.slt });
    expect(rejection(actor)?.message).toBe('Amber Giles is already registered for 2025/26');
  });

  it('refuses an actor acting in a role they do not hold', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: { id: 'eo-1', role: 'senior_leader' } });
    expect(rejection(actor)?.message).toBe('Amber Giles does not hold the senior leader role at this centre');
  });
});

describe('eopsMachine: agreeing targets', () => {
  it('offers exactly the Knowledge & Understanding and Key Skills areas of the Standards, or their own', () => {
    expect(EOPS_KNOWLEDGE_AREAS.map((a) => a.id)).toEqual([
      'jcq_regulations',
      'awarding_body_processes',
      'key_dates',
      'qualification_information',
      'mis_updates',
      'centre_specific_processes',
      'new_exams_officer_induction',
      'own',
    ]);
    expect(EOPS_KEY_SKILL_AREAS.map((a) => a.id)).toEqual([
      'time_management',
      'people_management',
      'contingency_planning',
      'prioritising',
      'problem_solving',
      'communication',
      'handling_difficult_conversations',
      'presentation',
      'decision_making',
      'managing_deadlines',
      'working_collaboratively',
      'own',
    ]);
  });

  it('records each target with how it will be achieved, how success is measured, by when, and who agreed it', () => {
    const { actor, at } = registered();
    const when = at();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: when, by: as.lm });
    expect(record(actor, 'eo-1').targets).toEqual([
      {
        ...kuTarget(),
        ownArea: null,
        otherMethod: null,
        agreedBy: as.lm,
        agreedAt: when,
        confirmedBy: null,
        confirmedAt: null,
        status: 'open',
        markedBy: null,
        markedAt: null,
        note: null,
      },
    ]);
  });

  it('needs the area named for an own target and the method named for another method', () => {
    const { actor, at } = registered();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: { ...kuTarget(), area: 'own' }, at: at(), by: as.lm });
    expect(rejection(actor)?.message).toMatch(/must name the area/);
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: { ...ksTarget(), methods: ['other'] }, at: at(), by: as.lm });
    expect(rejection(actor)?.message).toMatch(/must name it/);
    actor.send({
      type: 'target.agree',
      officerId: 'eo-1',
      target: { ...ksTarget(), area: 'own', ownArea: 'Invigilator training delivery', methods: ['other'], otherMethod: 'Shadowing an external trainer' },
      at: at(),
      by: as.amber,
    });
    expect(record(actor, 'eo-1').targets[0]).toMatchObject({ area: 'own', ownArea: 'Invigilator training delivery', otherMethod: 'Shadowing an external trainer', agreedBy: as.amber });
  });

  it('refuses a target due outside the academic year, a repeated target id, an unknown area, or one agreed by another exams officer', () => {
    const { actor, at } = registered();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: { ...kuTarget(), dueBy: '2026-09-01' }, at: at(), by: as.lm });
    expect(rejection(actor)?.code).toBe('invalid_value');
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: { ...kuTarget(), area: 'time_management' } as never, at: at(), by: as.lm });
    expect(rejection(actor)?.message).toMatch(/^Malformed "target.agree" event: target.area/);
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.niamh });
    expect(rejection(actor)?.code).toBe('not_authorised');
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm });
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm });
    expect(rejection(actor)?.message).toMatch(/already exists/);
  });

  it('marks each target achieved or not applicable, and can reopen it', () => {
    const { actor, at } = registered();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm });
    actor.send({ type: 'target.confirm', officerId: 'eo-1', targetId: 'ku-1', at: at(), by: as.amber });
    const when = at();
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'not_applicable', note: 'No changes this year', at: when, by: as.amber });
    expect(record(actor, 'eo-1').targets[0]).toMatchObject({ status: 'not_applicable', markedBy: as.amber, markedAt: when, note: 'No changes this year' });
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'not_applicable', at: at(), by: as.amber });
    expect(rejection(actor)?.code).toBe('guard_failed');
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'open', at: at(), by: as.lm });
    expect(record(actor, 'eo-1').targets[0]).toMatchObject({ status: 'open', markedBy: null, markedAt: null });
  });
});

describe('eopsMachine: Values & Attributes', () => {
  it('is signed by the exams officer and countersigned by a senior leader / line manager, each with who and when', () => {
    const { actor, at } = registered();
    const t1 = at();
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: t1, by: as.amber });
    const t2 = at();
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: t2, by: as.slt });
    expect(record(actor, 'eo-1').valuesAndAttributes).toEqual({
      statement: { by: as.amber, name: 'Amber Giles', at: t1 },
      agreement: { by: as.slt, name: 'Nanda Hassan', at: t2 },
    });
  });

  it('is countersigned only after the officer has signed', () => {
    const { actor, at } = registered();
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.slt });
    expect(rejection(actor)).toMatchObject({ code: 'guard_failed', rule: 'eops.values-and-attributes' });
    expect(record(actor, 'eo-1').valuesAndAttributes).toEqual({ statement: null, agreement: null });
  });

  it('cannot be countersigned by the officer themselves, even when they are also a senior leader', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-2', at: at(), by: as.niamh });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-2', at: at(), by: as.niamhAsLeader });
    expect(rejection(actor)).toMatchObject({ code: 'not_authorised', rule: 'eops.values-and-attributes' });
    expect(record(actor, 'eo-2').valuesAndAttributes.agreement).toBeNull();
  });

  it('is not signed by another exams officer', () => {
    const { actor, at } = registered();
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.niamh });
    expect(rejection(actor)?.code).toBe('not_authorised');
  });
});

describe('eopsMachine: regular meetings and induction', () => {
  it('records progress, what went well or not, and the focus for the next review', () => {
    const { actor, at } = registered();
    const when = at();
    const meeting = { heldOn: '2025-09-02' as const, progress: 'Targets agreed', wentWell: 'Entries timeline', notSoWell: 'MIS access', nextFocus: 'Access arrangements' };
    actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting, at: when, by: as.lm });
    expect(record(actor, 'eo-1').meetings).toEqual([{ ...meeting, kind: null, recordedBy: as.lm, recordedAt: when }]);
  });

  it('does not record a meeting before it is held, or outside the academic year', () => {
    const { actor, at } = registered();
    const meeting = { heldOn: '2025-09-30' as const, progress: 'p', wentWell: 'w', notSoWell: 'n', nextFocus: 'f' };
    actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting, at: at(), by: as.lm });
    expect(rejection(actor)?.message).toMatch(/before it is held/);
    actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting: { ...meeting, heldOn: '2025-08-29' }, at: at(), by: as.lm });
    expect(rejection(actor)?.message).toMatch(/outside the 2025\/26 academic year/);
  });

  it('stores the agreed schedule, in date order within the year', () => {
    const { actor, at } = registered();
    const schedule = [
      { date: '2025-09-03', kind: 'start', halfTerm: 'Autumn 1' },
      { date: '2025-10-24', kind: 'half_termly', halfTerm: 'Autumn 1' },
    ] as const;
    actor.send({ type: 'meetings.plan', officerId: 'eo-1', schedule: [...schedule].reverse(), at: at(), by: as.lm });
    expect(rejection(actor)?.code).toBe('invalid_value');
    actor.send({ type: 'meetings.plan', officerId: 'eo-1', schedule, at: at(), by: as.lm });
    expect(record(actor, 'eo-1').schedule).toEqual(schedule);
  });

  it('gives a new exams officer the induction checklist (first week, first month, first three months) with due dates', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', startedOn: '2025-09-01', at: at(), by: as.lm });
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.lm });
    const induction = record(actor, 'eo-1').induction;
    // every item as the checklist dates it; registration has ticked its own item
    expect(induction.filter((i) => i.id !== 'eops-registration')).toEqual(inductionChecklist('2025-09-01').filter((i) => i.id !== 'eops-registration'));
    expect(new Set(induction.map((i) => `${i.period} ${i.dueOn}`))).toEqual(new Set(['first_week 2025-09-07', 'first_month 2025-09-30', 'first_three_months 2025-11-30']));
    expect(record(actor, 'eo-2').induction).toEqual([]);
    const when = at();
    actor.send({ type: 'induction.complete', officerId: 'eo-1', itemId: 'first-day-targets', at: when, by: as.amber });
    expect(record(actor, 'eo-1').induction[0]).toMatchObject({ completedBy: as.amber, completedAt: when });
    actor.send({ type: 'induction.complete', officerId: 'eo-2', itemId: 'first-day-targets', at: at(), by: as.niamh });
    expect(rejection(actor)?.message).toMatch(/only new exams officers/);
    const overdue = overdueInductionItems(record(actor, 'eo-1').induction, '2025-09-08T08:00:00+01:00');
    expect(overdue.map((i) => i.id)).toEqual(['first-week-review']);
  });
});

describe('eopsMachine: SLT declaration and certificate', () => {
  it('issues the certificate (officer, centre, academic year, date, who authorised) when a senior leader declares', () => {
    const { actor, at } = registered();
    completeCriteria(actor, at, 'eo-1', as.amber);
    const certified: EopsCertificate[] = [];
    actor.on('eops.certified', (e) => certified.push(e.certificate));
    const when = '2025-09-02T15:00:00.000Z';
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: when, by: as.slt });
    const expected: EopsCertificate = {
      id: '12345/eo-1/2025/26',
      officerId: 'eo-1',
      officerName: 'Amber Giles',
      centreNumber: '12345',
      centreName: 'Plume Academy',
      academicYear: '2025/26',
      issuedOn: '2025-09-02',
      issuedAt: when,
      authorisedBy: { id: 'slt-1', name: 'Nanda Hassan', role: 'senior_leader' },
    };
    expect(record(actor, 'eo-1').certificate).toEqual(expected);
    expect(record(actor, 'eo-1').declaration).toEqual({ by: as.slt, name: 'Nanda Hassan', at: when });
    expect(certified).toEqual([expected]);
  });

  it('dates the certificate by the London day, not the UTC one', () => {
    const { actor, at } = registered();
    completeCriteria(actor, at, 'eo-1', as.amber);
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: '2025-09-02T23:30:00.000Z', by: as.lm });
    expect(record(actor, 'eo-1').certificate?.issuedOn).toBe('2025-09-03');
  });

  it('never lets the exams officer declare their own Standards, even when they also hold a senior leader role', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
    completeCriteria(actor, at, 'eo-2', as.niamh);
    // As the exams officer the pack refuses her (the SLT declaration is a senior leader's / line manager's);
    // as a senior leader, the Standards do: "officerNotDeclaringOwnStandards".
    actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.niamh });
    expect(rejection(actor)).toMatchObject({ code: 'not_authorised', rule: 'eops.standards.declare' });
    actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.niamhAsLeader });
    expect(rejection(actor)).toMatchObject({ code: 'not_authorised', rule: 'eops.slt-declaration' });
    actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.amber });
    expect(rejection(actor)?.message).toMatch(/only senior leader or line manager may do this, not "eo-1" acting as exams officer$/);
    expect(record(actor, 'eo-2').certificate).toBeNull();
  });

  it('is impossible unless Knowledge & Understanding, Key Skills and both Values & Attributes signatures are complete', () => {
    const steps: EopsEvent['type'][] = [];
    const { actor, at } = registered();
    const send = (e: EopsEvent) => {
      actor.send(e);
      steps.push(e.type);
      actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt });
      return rejection(actor);
    };
    expect(send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm })?.message).toBe(
      'The certificate needs every criterion complete: Values & Attributes statement: not signed by the exams officer; Knowledge & Understanding: 1 target(s) not yet agreed by both the exams officer and a senior leader / line manager; Key Skills: no target agreed; Values & Attributes agreement: not countersigned by a senior leader / line manager',
    );
    expect(send({ type: 'target.confirm', officerId: 'eo-1', targetId: 'ku-1', at: at(), by: as.amber })?.message).toMatch(/Knowledge & Understanding: 1 target\(s\) not yet marked achieved or not applicable/);
    expect(send({ type: 'target.agree', officerId: 'eo-1', target: ksTarget(), at: at(), by: as.lm })?.rule).toBe('eops.certificate-criteria');
    expect(send({ type: 'target.confirm', officerId: 'eo-1', targetId: 'ks-1', at: at(), by: as.amber })?.rule).toBe('eops.certificate-criteria');
    expect(send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber })?.code).toBe('guard_failed');
    expect(send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'not_applicable', at: at(), by: as.amber })?.code).toBe('guard_failed');
    expect(send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ks-1', status: 'achieved', at: at(), by: as.amber })?.message).toMatch(
      /Knowledge & Understanding: every target is not applicable, none achieved; Values & Attributes agreement/,
    );
    expect(send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.amber })?.message).toMatch(/^The certificate needs every criterion complete: Values & Attributes agreement/);
    // every criterion met: the declaration now waits for the request ("ready to request your Certificate")
    expect(send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.lm })?.rule).toBe('eops.certificate-request');
    expect(send({ type: 'certificate.request', officerId: 'eo-1', at: at(), by: as.amber })).toBeUndefined();
    expect(record(actor, 'eo-1').certificate).not.toBeNull();
  });

  it('closes the certified record to changes of the Standards, and does not certify twice', () => {
    const { actor, at } = registered();
    completeCriteria(actor, at, 'eo-1', as.amber);
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt });
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.lm });
    expect(rejection(actor)).toMatchObject({ code: 'guard_failed', rule: 'eops.certified' });
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'open', at: at(), by: as.lm });
    expect(rejection(actor)?.rule).toBe('eops.certified');
    actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting: { heldOn: '2025-09-02', progress: 'Certified', wentWell: 'All', notSoWell: 'None', nextFocus: 'Next year' }, at: at(), by: as.lm });
    expect(lastEntry(actor).outcome).toBe('accepted');
  });

  it('does not certify an officer whose account is deactivated', () => {
    const { actor, at } = registered();
    completeCriteria(actor, at, 'eo-1', as.amber);
    actor.send({ type: 'account.deactivate', accountId: 'eo-1', at: at(), by: as.slt });
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt });
    expect(rejection(actor)?.message).toBe("Amber Giles's account is not active");
  });
});

describe('eopsMachine: renewal', () => {
  it('lapses the Standards at the end of the academic year; the next year starts fresh and keeps the history', () => {
    const { actor, at } = registered();
    completeCriteria(actor, at, 'eo-1', as.amber);
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt });
    actor.send({ type: 'year.rollover', at: '2026-08-31T22:00:00.000Z', by: as.system });
    expect(rejection(actor)).toMatchObject({ code: 'guard_failed', rule: 'eops.renewal' });
    actor.send({ type: 'year.rollover', at: '2026-08-31T23:00:00.000Z', by: as.system });
    const snap = actor.getSnapshot();
    expect(snap.context.academicYear).toBe('2026/27');
    expect(record(actor, 'eo-1').lapsedAt).toBe('2026-08-31T23:00:00.000Z');
    expect(record(actor, 'eo-1').certificate?.academicYear).toBe('2025/26');
    // the old record is closed: it is no longer the current one
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'open', at: '2026-09-02T08:00:00Z', by: as.lm });
    expect(rejection(actor)?.message).toBe('"eo-1" is not registered for the Standards in 2026/27');
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'experienced', at: '2026-09-02T08:01:00Z', by: as.lm });
    const fresh = record(actor, 'eo-1', '2026/27');
    expect(fresh).toMatchObject({ academicYear: '2026/27', targets: [], valuesAndAttributes: { statement: null, agreement: null }, certificate: null, lapsedAt: null });
    expect(eopsProgress(fresh).missing).toHaveLength(4);
    expect(eopsRecords(actor)).toHaveLength(2);
  });

  it('lists the exams officers still to register this academic year, overdue after the rules pack’s registration-by date', () => {
    const { actor, at } = registered();
    const rules = fixturePack.eopsRules('2025/26');
    expect(eopsRegistrationDue(actor.getSnapshot(), rules, '2025-10-31T23:00:00+00:00')).toEqual([
      { officerId: 'eo-2', officerName: 'Niamh Gregory', academicYear: '2025/26', registrationBy: '2025-10-31', overdue: false, source: rules.registrationBy.source, confidence: rules.registrationBy.confidence },
    ]);
    expect(eopsRegistrationDue(actor.getSnapshot(), rules, '2025-11-01T00:00:00+00:00')[0]?.overdue).toBe(true);
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
    expect(eopsRegistrationDue(actor.getSnapshot(), rules, '2025-11-01T00:00:00+00:00')).toEqual([]);
    expect(eopsRegistrationDue(actor.getSnapshot(), fixturePack.eopsRules('2026/27'), '2026-09-02T00:00:00+01:00').map((d) => d.officerId)).toEqual(['eo-1', 'eo-2']);
  });

  it('refuses anything dated after the year has ended until the year is rolled over', () => {
    const { actor, at } = registered();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: '2026-09-01T08:00:00+01:00', by: as.lm });
    expect(rejection(actor)).toMatchObject({ code: 'deadline_passed', rule: 'eops.renewal' });
    actor.send({ type: 'year.rollover', at: at(), by: as.system });
    expect(rejection(actor)?.code).toBe('invalid_value');
  });
});

describe('eopsMachine: audit trail', () => {
  it('emits one line for every accepted and every rejected event, with who, when, outcome and reason', () => {
    const { actor, at } = registered();
    const audit = auditOf(actor);
    const before = audit.length;
    const t1 = at();
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: t1, by: as.amber });
    const t2 = at();
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: t2, by: as.amber });
    expect(audit).toHaveLength(before + 2);
    expect(audit.slice(-2)).toEqual([
      {
        at: t1,
        by: as.amber,
        event: 'standards.declare',
        from: 'registered',
        to: 'registered',
        outcome: 'rejected',
        reason: 'Senior leader/line manager authorises the Certificate of Achievement by declaring that the exams officer has achieved the Standards: only senior leader or line manager may do this, not "eo-1" acting as exams officer',
        code: 'not_authorised',
        rule: 'eops.standards.declare',
        details: { officerId: 'eo-1', academicYear: '2025/26' },
      },
      // An officer's event is decided by the officer's year: its line names the year's step.
      { at: t2, by: as.amber, event: 'valuesAndAttributes.sign', from: 'inProgress', to: 'inProgress', outcome: 'accepted', details: { officerId: 'eo-1', academicYear: '2025/26' } },
    ]);
  });

  it('keeps the audit out of the context: two hundred rejected events leave the context as it was but for the latest instant', () => {
    const { actor, at } = registered();
    const before = actor.getSnapshot().context;
    let last: Instant = '2025-09-02T08:00:00.000Z';
    for (let i = 0; i < 200; i += 1) {
      last = at();
      actor.send({ type: 'standards.declare', officerId: 'eo-1', at: last, by: as.amber });
    }
    expect(auditOf(actor).filter((l) => l.outcome === 'rejected')).toHaveLength(200);
    expect(actor.getSnapshot().context).toEqual({ ...before, lastEventAt: last });
    expect('audit' in actor.getSnapshot().context).toBe(false);
  });

  it('emits event.rejected and eops.rejected with the same line as the audit, and nothing for an accepted event', () => {
    const { actor, at } = registered();
    const lines: unknown[] = [];
    const rejected: unknown[] = [];
    const eopsRejected: unknown[] = [];
    actor.on('audit', (e) => lines.push(e.line));
    actor.on('event.rejected', (e) => rejected.push(e.entry));
    actor.on('eops.rejected', (e) => eopsRejected.push(e.entry));
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.amber });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    expect(lines).toHaveLength(2);
    expect(rejected).toEqual([lines[0]]);
    expect(eopsRejected).toEqual([lines[0]]);
  });

  it('keeps only the id and role of the sender, whatever else the host puts on it', () => {
    const { actor, at } = registered();
    const by = { ...as.amber, session: { token: 'secret' } };
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by });
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by });
    expect(record(actor, 'eo-1').valuesAndAttributes.statement?.by).toEqual(as.amber);
    expect(auditOf(actor).slice(-2).map((l) => l.by)).toEqual([as.amber, as.amber]);
  });

  it('gives the last rejection as a typed ExamcycleError, and nothing after an accepted event', () => {
    const { actor, at } = registered();
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.amber });
    const error = lastEopsRejection(auditOf(actor));
    expect(isExamcycleError(error)).toBe(true);
    expect(error?.toJSON()).toMatchInlineSnapshot(`
      {
        "code": "not_authorised",
        "details": {
          "academicYear": "2025/26",
          "event": "standards.declare",
          "officerId": "eo-1",
          "state": "registered",
        },
        "message": "Senior leader/line manager authorises the Certificate of Achievement by declaring that the exams officer has achieved the Standards: only senior leader or line manager may do this, not "eo-1" acting as exams officer",
        "name": "ExamcycleError",
        "rule": "eops.standards.declare",
      }
    `);
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    expect(lastEopsRejection(auditOf(actor))).toBeUndefined();
    expect(lastEopsRejection([])).toBeUndefined();
  });

  it('sendEops says ok, or not ok with the typed error, with the line the actor emitted (the exam cycle’s SendOutcome)', () => {
    const { actor, at } = registered();
    const audit = auditOf(actor);
    const accepted = sendEops(actor, { type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    expect(accepted).toMatchObject({ ok: true, entry: { outcome: 'accepted', event: 'valuesAndAttributes.sign' } });
    expect(accepted.entry).toBe(audit.at(-1));
    const outcome = sendEops(actor, { type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('guard_failed');
      expect(outcome.entry).toBe(audit.at(-1));
      expect(outcome.error.details).toMatchObject({ event: 'valuesAndAttributes.sign', state: 'inProgress', officerId: 'eo-1' });
    }
    const lines = audit.length;
    actor.stop();
    const stopped = sendEops(actor, { type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.lm });
    expect(stopped).toMatchObject({ ok: false, error: { code: 'event_rejected' }, entry: { outcome: 'rejected', code: 'event_rejected', event: 'valuesAndAttributes.sign' } });
    expect(stopped.ok || stopped.error.message).toMatch(/^The actor is stopped/);
    expect(audit).toHaveLength(lines);
  });

  it('records malformed and unknown events as rejected, never applies them, and keeps the trail chronological', () => {
    const { actor, at } = registered();
    const t = at();
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: 'yesterday', by: as.amber } as never);
    expect(lastEntry(actor)).toMatchObject({ outcome: 'rejected', code: 'invalid_value', reason: 'Malformed "valuesAndAttributes.sign" event: at: Invalid ISO datetime' });
    actor.send({ type: 'officer.promote', at: t, by: as.slt } as never);
    expect(lastEntry(actor)).toMatchObject({ outcome: 'rejected', code: 'event_rejected', reason: 'Unknown event "officer.promote"', at: t });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: '2025-09-01T08:00:00Z', by: as.amber });
    expect(lastEntry(actor)).toMatchObject({ outcome: 'rejected', code: 'invalid_value', at: t });
    expect(record(actor, 'eo-1').valuesAndAttributes.statement).toBeNull();
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: { id: 'eo-1' } });
    expect(lastEntry(actor).reason).toBe('Amber Giles must say which role they act in');
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: { id: 'stranger', role: 'senior_leader' } });
    expect(lastEntry(actor).reason).toBe('"stranger" has no account at this centre');
  });
});
