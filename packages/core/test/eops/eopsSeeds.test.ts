/**
 * The EOPS seeds, line by line (issue 18): every test quotes the line of seed 001 (the Exams Officer
 * Professional Standards Toolkit) or seed 004 (the registration page) it checks, and fails if the
 * behaviour breaks. The first part covers what issue 18 added; the second what already worked.
 */
import { describe, expect, it } from 'vitest';
import { eopsRecords,
  EOPS_TRACKER_COLUMNS,
  eopsAcademicYear,
  eopsContextSchema,
  eopsTracker,
  isExamcycleError,
  keySkillAreasAdvice,
  meetingSchedule,
  overdueInductionItems,
  sendEops,
  type EopsActor,
  type EopsEmitted,
  type EopsTargetInput,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { ok } from '../results/resultsOutcome.js';
import { as, auditOf, centreActor, completeCriteria, kuTarget, ksTarget, meetCriteria, startEops, users, CENTRE } from './eopsFixture.js';
import type { CalendarDate } from '@examcycle/core';

function record(actor: EopsActor, officerId: string, year = '2025/26') {
  return eopsRecords(actor, { officerId, academicYear: year })[0];
}

function registered(experience: 'new' | 'experienced' = 'experienced', startedOn?: CalendarDate) {
  const { actor, at } = centreActor();
  actor.send({ type: 'officer.register', officerId: 'eo-1', experience, ...(startedOn ? { startedOn } : {}), at: at(), by: as.slt });
  return { actor, at };
}

function emitted<T extends EopsEmitted['type']>(actor: EopsActor, type: T): Extract<EopsEmitted, { type: T }>[] {
  const seen: Extract<EopsEmitted, { type: T }>[] = [];
  actor.on(type, (e) => {
    seen.push(e as Extract<EopsEmitted, { type: T }>);
  });
  return seen;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const skill = (id: string, area: Extract<EopsTargetInput, { strand: 'key_skills' }>['area']): EopsTargetInput => ({ ...ksTarget(id), area } as EopsTargetInput);

describe('seed 001: "To update or permanently delete the details held for an exams officer, click on their name"', () => {
  it('lets a centre administrator update an officer’s name, email and roles (account.update), audited', () => {
    const { actor, at } = registered();
    const outcome = sendEops(actor, { type: 'account.update', accountId: 'eo-1', changes: { name: 'Amber Giles-Shah', email: 'agiles@example.ac.uk' }, at: at(), by: as.slt });
    expect(outcome).toMatchObject({ ok: true, entry: { event: 'account.update', outcome: 'accepted', details: { accountId: 'eo-1' } } });
    expect(actor.getSnapshot().context.accounts.find((a) => a.id === 'eo-1')).toMatchObject({ name: 'Amber Giles-Shah', email: 'agiles@example.ac.uk' });
    // the tracker shows the current year under the new name
    expect(ok(eopsTracker(actor, { officerId: 'eo-1' })).map((r) => r.officerName)).toEqual(['Amber Giles-Shah']);
    expect(sendEops(actor, { type: 'account.update', accountId: 'eo-1', changes: { email: null }, at: at(), by: as.slt }).ok).toBe(true);
  });

  it('refuses an update by someone who is not an administrator, an empty update, or one dropping the officer role mid-year', () => {
    const { actor, at } = registered();
    expect(sendEops(actor, { type: 'account.update', accountId: 'eo-1', changes: { name: 'X' }, at: at(), by: as.amber })).toMatchObject({ ok: false, error: { code: 'not_authorised' } });
    expect(sendEops(actor, { type: 'account.update', accountId: 'eo-1', changes: {}, at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'invalid_value' } });
    expect(sendEops(actor, { type: 'account.update', accountId: 'eo-1', changes: { roles: ['line_manager'] }, at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'guard_failed' } });
  });

  it('deletes the details permanently (account.delete) but keeps what must be kept: the certificate issued', () => {
    const { actor, at } = registered();
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
    completeCriteria(actor, at, 'eo-2', as.niamh);
    actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.slt });
    const deleteAmber = sendEops(actor, { type: 'account.delete', accountId: 'eo-1', at: at(), by: as.slt });
    expect(deleteAmber).toMatchObject({ ok: true, entry: { event: 'account.delete', details: { accountId: 'eo-1', keptCertificates: 'none' } } });
    const deleteNiamh = sendEops(actor, { type: 'account.delete', accountId: 'eo-2', at: at(), by: as.slt });
    expect(deleteNiamh).toMatchObject({ ok: true, entry: { details: { keptCertificates: '12345/eo-2/2025/26' } } });
    const { context } = actor.getSnapshot();
    expect(context.accounts.map((a) => a.id)).toEqual(['slt-1', 'lm-1']);
    expect(record(actor, 'eo-1')).toBeUndefined();
    expect(record(actor, 'eo-2')?.certificate).toMatchObject({ officerName: 'Niamh Gregory', academicYear: '2025/26' });
    // the kept certificate still shows, certified, in the administrator's tracker; the context still persists
    expect(ok(eopsTracker(actor, { view: 'administrator', viewerId: 'slt-1', onlyCertified: true })).map((r) => r.officerName)).toEqual(['Niamh Gregory']);
    expect(eopsContextSchema.safeParse(context).success).toBe(true);
  });

  it('refuses a deletion by a non-administrator, or of the centre’s last active administrator', () => {
    const { actor, at } = registered();
    expect(sendEops(actor, { type: 'account.delete', accountId: 'eo-2', at: at(), by: as.lm })).toMatchObject({ ok: false, error: { code: 'not_authorised' } });
    expect(sendEops(actor, { type: 'account.delete', accountId: 'slt-1', at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'guard_failed', message: 'The centre would have no active administrator' } });
  });
});

describe('seed 001: "An exams officer and senior leader must agree the areas, and the relevant targets"', () => {
  it('takes both: a target proposed by the officer alone cannot be marked until a senior leader / line manager confirms it', () => {
    const { actor, at } = registered();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.amber });
    expect(record(actor, 'eo-1')?.targets[0]).toMatchObject({ agreedBy: as.amber, confirmedBy: null });
    expect(sendEops(actor, { type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.amber })).toMatchObject({
      ok: false,
      error: { code: 'guard_failed', rule: 'eops.targets-agreed-together' },
    });
    // the officer cannot confirm their own proposal
    expect(sendEops(actor, { type: 'target.confirm', officerId: 'eo-1', targetId: 'ku-1', at: at(), by: as.amber })).toMatchObject({
      ok: false,
      error: { code: 'not_authorised', rule: 'eops.targets-agreed-together' },
    });
    expect(sendEops(actor, { type: 'target.confirm', officerId: 'eo-1', targetId: 'ku-1', at: at(), by: as.lm }).ok).toBe(true);
    expect(sendEops(actor, { type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'achieved', at: at(), by: as.amber }).ok).toBe(true);
  });

  it('takes both the other way round: a target a leader proposes is confirmed by the officer, not by another leader', () => {
    const { actor, at } = registered();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: ksTarget(), at: at(), by: as.lm });
    expect(sendEops(actor, { type: 'target.confirm', officerId: 'eo-1', targetId: 'ks-1', at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'not_authorised' } });
    expect(sendEops(actor, { type: 'target.confirm', officerId: 'eo-1', targetId: 'ks-1', at: at(), by: as.amber }).ok).toBe(true);
    expect(sendEops(actor, { type: 'target.confirm', officerId: 'eo-1', targetId: 'ks-1', at: at(), by: as.amber })).toMatchObject({ ok: false, error: { code: 'guard_failed' } });
  });
});

describe('seed 001: "the recommendation is three skill areas"', () => {
  it('advises, as an info finding and not a refusal, when the Key Skills cover more than three areas (case study 1 agrees four)', () => {
    const { actor, at } = registered();
    for (const [id, area] of [['ks-1', 'people_management'], ['ks-2', 'contingency_planning'], ['ks-3', 'handling_difficult_conversations'], ['ks-4', 'decision_making']] as const) {
      expect(sendEops(actor, { type: 'target.agree', officerId: 'eo-1', target: skill(id, area), at: at(), by: as.lm }).ok).toBe(true);
    }
    const [finding, ...rest] = keySkillAreasAdvice(record(actor, 'eo-1')!);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'eops.key-skills-three-areas', severity: 'info', subject: { kind: 'eops_record', id: 'eo-1/2025/26' } });
    expect(finding?.message).toBe("Amber Giles's 2025/26 Key Skills cover 4 skill areas; the toolkit recommends three");
  });

  it('has no advice for three areas (case study 2) and advises when there are fewer', () => {
    const { actor, at } = registered();
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: skill('ks-1', 'time_management'), at: at(), by: as.lm });
    expect(keySkillAreasAdvice(record(actor, 'eo-1')!)[0]?.explanation[1]).toBe('Distinct Key Skills areas agreed: 1 (fewer than three): time_management');
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: skill('ks-2', 'prioritising'), at: at(), by: as.lm });
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: skill('ks-3', 'presentation'), at: at(), by: as.lm });
    expect(keySkillAreasAdvice(record(actor, 'eo-1')!)).toEqual([]);
  });
});

describe('seed 001: "you are ready to request your Certificate of Achievement"', () => {
  it('adds the request before the SLT declaration: no declaration without it, no request before every criterion is met', () => {
    const { actor, at } = registered();
    expect(sendEops(actor, { type: 'certificate.request', officerId: 'eo-1', at: at(), by: as.amber })).toMatchObject({ ok: false, error: { rule: 'eops.certificate-criteria' } });
    meetCriteria(actor, at, 'eo-1', as.amber);
    expect(sendEops(actor, { type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt })).toMatchObject({ ok: false, error: { code: 'guard_failed', rule: 'eops.certificate-request' } });
    const requested = emitted(actor, 'eops.certificateRequested');
    const certified = emitted(actor, 'eops.certified');
    expect(sendEops(actor, { type: 'certificate.request', officerId: 'eo-1', at: at(), by: as.amber }).ok).toBe(true);
    expect(requested).toEqual([
      expect.objectContaining({ officerId: 'eo-1', officerName: 'Amber Giles', academicYear: '2025/26', requestedBy: { id: 'eo-1', name: 'Amber Giles' } }),
    ]);
    expect(requested[0]?.recipients.map((r) => r.id)).toEqual(['slt-1', 'lm-1', 'eo-1', 'eo-2']);
    expect(sendEops(actor, { type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.slt }).ok).toBe(true);
    expect(certified.map((c) => c.certificate.id)).toEqual(['12345/eo-1/2025/26']);
  });

  it('withdraws the request when a target is reopened; another officer cannot request it', () => {
    const { actor, at } = registered();
    completeCriteria(actor, at, 'eo-1', as.amber);
    expect(sendEops(actor, { type: 'certificate.request', officerId: 'eo-1', at: at(), by: as.niamh })).toMatchObject({ ok: false, error: { code: 'not_authorised' } });
    actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status: 'open', at: at(), by: as.amber });
    expect(record(actor, 'eo-1')?.certificateRequest).toBeNull();
  });
});

describe('seed 004: "an email will be sent to the exams officer and senior leader/line manager confirming registration"', () => {
  it('emits eops.registrationConfirmed (the officer and the centre’s leaders, with their emails) and eops.accountApproved for a host’s emails', () => {
    const actor = startEops();
    const approved = emitted(actor, 'eops.accountApproved');
    const confirmed = emitted(actor, 'eops.registrationConfirmed');
    const t = '2025-09-02T09:00:00+01:00';
    actor.send({ type: 'centre.register', centre: CENTRE, user: { ...users.slt, email: 'nhassan@example.ac.uk' }, at: t, by: as.slt });
    actor.send({ type: 'account.register', user: { ...users.amber, email: 'agiles@example.ac.uk' }, at: t, by: as.amber });
    actor.send({ type: 'account.approve', accountId: 'eo-1', at: t, by: as.slt });
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: t, by: as.slt });
    expect(approved).toEqual([{ type: 'eops.accountApproved', account: { id: 'eo-1', name: 'Amber Giles', email: 'agiles@example.ac.uk', roles: ['exams_officer'] }, approvedBy: 'slt-1' }]);
    expect(confirmed).toEqual([
      {
        type: 'eops.registrationConfirmed',
        officerId: 'eo-1',
        officerName: 'Amber Giles',
        academicYear: '2025/26',
        centre: CENTRE,
        recipients: [
          { id: 'slt-1', name: 'Nanda Hassan', email: 'nhassan@example.ac.uk', roles: ['senior_leader'] },
          { id: 'eo-1', name: 'Amber Giles', email: 'agiles@example.ac.uk', roles: ['exams_officer'] },
        ],
      },
    ]);
  });
});

describe('seed 001: "include an annual appraisal"', () => {
  it('accepts a meeting of kind appraisal, planned and held, and schedules one when asked', () => {
    const { actor, at } = registered();
    expect(sendEops(actor, { type: 'meetings.plan', officerId: 'eo-1', schedule: [{ date: '2026-07-01', kind: 'appraisal', halfTerm: 'Summer 2' }], at: at(), by: as.lm }).ok).toBe(true);
    const held = sendEops(actor, { type: 'meeting.record', officerId: 'eo-1', meeting: { heldOn: '2025-09-02', kind: 'appraisal', progress: 'p', wentWell: 'w', notSoWell: 'n', nextFocus: 'f' }, at: at(), by: as.lm });
    expect(held).toMatchObject({ ok: true, entry: { details: { kind: 'appraisal' } } });
    expect(record(actor, 'eo-1')?.meetings[0]?.kind).toBe('appraisal');
    const schedule = ok(meetingSchedule({ termDates: [{ start: '2025-09-03', end: '2026-07-22' }], officerExperience: 'experienced', rules: fixturePack.eopsRules('2025/26'), appraisal: '2026-07-04' }));
    expect(schedule.filter((m) => m.kind === 'appraisal').map((m) => m.date)).toEqual(['2026-07-06']); // 4 July is a Saturday
  });
});

describe('seed 001: the induction checklist, "ticked by the events that fulfil it"', () => {
  it('ticks registration, the Values & Attributes agreement and the first meetings; after both signatures nothing about them is overdue', () => {
    const { actor, at } = registered('new', '2025-09-01');
    const items = () => record(actor, 'eo-1')!.induction;
    expect(items().find((i) => i.id === 'eops-registration')).toMatchObject({ completedBy: as.slt });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.lm });
    actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting: { heldOn: '2025-09-02', kind: 'start', progress: 'p', wentWell: 'w', notSoWell: 'n', nextFocus: 'f' }, at: at(), by: as.lm });
    expect(items().find((i) => i.id === 'values-and-attributes')).toMatchObject({ completedBy: as.lm });
    expect(items().find((i) => i.id === 'first-day-targets')?.completedAt).not.toBeNull();
    const overdue = overdueInductionItems(items(), '2025-10-02T09:00:00+01:00').map((i) => i.id);
    expect(overdue).toEqual(['first-week-review', 'centre-induction', 'first-month-review']);
  });

  it('"Mark uses … checklist to confirm the tasks he will complete during the first week, first month": a centre loads its own checklist', () => {
    const { actor, at } = centreActor();
    const own = [
      { id: 'keys', period: 'first_week', title: 'Keys to the secure storage', source: 'Centre checklist' },
      { id: 'review', period: 'first_month', title: 'First month review', source: 'Centre checklist', fulfilledBy: 'meeting:first_month' },
    ] as const;
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', startedOn: '2025-09-01', induction: own, at: at(), by: as.lm });
    expect(record(actor, 'eo-1')!.induction.map((i) => [i.id, i.dueOn, i.fulfilledBy])).toEqual([
      ['keys', '2025-09-07', null],
      ['review', '2025-09-30', 'meeting:first_month'],
    ]);
    actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting: { heldOn: '2025-09-02', kind: 'first_month', progress: 'p', wentWell: 'w', notSoWell: 'n', nextFocus: 'f' }, at: at(), by: as.lm });
    expect(record(actor, 'eo-1')!.induction[1]?.completedAt).not.toBeNull();
    expect(sendEops(actor, { type: 'officer.register', officerId: 'eo-2', experience: 'new', induction: [own[0], own[0]], at: at(), by: as.lm })).toMatchObject({ ok: false, error: { code: 'invalid_value' } });
  });

  it('"At the end of the first week … At the end of the first month": a new officer’s schedule has both reviews', () => {
    const schedule = ok(meetingSchedule({ termDates: [{ start: '2025-09-01', end: '2025-12-19' }], officerExperience: 'new', rules: fixturePack.eopsRules('2025/26'), from: '2025-09-01' }));
    expect(schedule.filter((m) => m.kind.startsWith('first_') || m.kind === 'start').map((m) => `${m.date} ${m.kind}`)).toEqual([
      '2025-09-01 start',
      '2025-09-05 first_week',
      '2025-09-30 first_month',
      '2025-11-28 first_term',
    ]);
  });
});

describe('seed 001: "Academic Year: 2025" (the toolkit’s form)', () => {
  it('reads 2025 as 2025/26 in every tracker view, never an empty answer', () => {
    const { actor } = registered();
    const full = ok(eopsTracker(actor, { view: 'administrator', viewerId: 'slt-1', academicYear: '2025/26' }));
    expect(full).toHaveLength(1);
    expect(ok(eopsTracker(actor, { view: 'administrator', viewerId: 'slt-1', academicYear: '2025' }))).toEqual(full);
    expect(ok(eopsTracker(actor, { academicYear: '2025' }))).toEqual(full);
    expect(ok(eopsTracker(actor, { view: 'officer', viewerId: 'eo-1', academicYear: '2025' }))).toEqual(full);
    expect(eopsAcademicYear('2025-26')).toBe('2025/26');
  });

  it('refuses a year it cannot read with a typed invalid_value', () => {
    const { actor } = registered();
    for (const bad of ['25/26', '2025/27', '', 'twenty']) {
      const error = thrown(() => eopsTracker(actor, { academicYear: bad as '2025' }));
      expect(isExamcycleError(error) && error.code).toBe('invalid_value');
    }
  });
});

describe('seeds 001 and 004: what already held (issue 18 pins it)', () => {
  it('"The first user registers their centre … They become the centre administrator"; "Registrations are approved by a centre administrator, who can optionally assign administration rights"', () => {
    const { actor, at } = centreActor();
    const accounts = actor.getSnapshot().context.accounts;
    expect(accounts.find((a) => a.id === 'slt-1')).toMatchObject({ admin: true, decidedBy: null });
    expect(accounts.filter((a) => a.id !== 'slt-1').every((a) => a.decidedBy === 'slt-1' && !a.admin)).toBe(true);
    expect(sendEops(actor, { type: 'account.grantAdmin', accountId: 'lm-1', at: at(), by: as.slt }).ok).toBe(true);
    expect(sendEops(actor, { type: 'account.grantAdmin', accountId: 'eo-1', at: at(), by: as.niamh })).toMatchObject({ ok: false, error: { code: 'not_authorised' } });
  });

  it('"Each row in the table is an exams officer" with the five columns, the administrator’s view ("Show only certified users") and the officer’s own', () => {
    const { actor, at } = registered();
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
    completeCriteria(actor, at, 'eo-2', as.niamh);
    actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.slt });
    expect(EOPS_TRACKER_COLUMNS.map((c) => c.label)).toEqual(['Values & Attributes Statement', 'Knowledge & Understanding', 'Key Skills', 'Values & Attributes Agreement', 'Certificate']);
    expect(ok(eopsTracker(actor, { view: 'administrator', viewerId: 'slt-1' })).map((r) => r.officerName)).toEqual(['Amber Giles', 'Niamh Gregory']);
    expect(ok(eopsTracker(actor, { view: 'administrator', viewerId: 'slt-1', onlyCertified: true })).map((r) => r.officerName)).toEqual(['Niamh Gregory']);
    expect(ok(eopsTracker(actor, { view: 'officer', viewerId: 'eo-1' })).map((r) => r.officerId)).toEqual(['eo-1']);
  });

  it('"you and your senior leader must have signed the Values and Attributes Statement": two signatures, officer first', () => {
    const { actor, at } = registered();
    expect(sendEops(actor, { type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.lm })).toMatchObject({ ok: false, error: { rule: 'eops.values-and-attributes' } });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
    actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.lm });
    expect(record(actor, 'eo-1')?.valuesAndAttributes).toMatchObject({ statement: { by: as.amber }, agreement: { by: as.lm } });
  });

  it('"your senior leader must confirm your completion of the Standards by ticking the SLT Declaration": never the officer', () => {
    const { actor, at } = registered();
    completeCriteria(actor, at, 'eo-1', as.amber);
    // The pack grants the SLT declaration to senior leaders and line managers only.
    expect(sendEops(actor, { type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.amber })).toMatchObject({ ok: false, error: { code: 'not_authorised', rule: 'eops.standards.declare' } });
    expect(sendEops(actor, { type: 'standards.declare', officerId: 'eo-1', at: at(), by: as.lm }).ok).toBe(true);
    expect(record(actor, 'eo-1')?.certificate?.authorisedBy).toEqual({ id: 'lm-1', name: 'Hayden Taylor', role: 'line_manager' });
  });

  it('"The Exams Officer Professional Standards renew each academic year" ("between September – August")', () => {
    const { actor } = registered();
    expect(sendEops(actor, { type: 'year.rollover', at: '2026-08-31T23:00:00+01:00', by: as.system })).toMatchObject({ ok: false, error: { rule: 'eops.renewal' } });
    expect(sendEops(actor, { type: 'year.rollover', at: '2026-09-01T00:00:00+01:00', by: as.system }).ok).toBe(true);
    expect(record(actor, 'eo-1')?.lapsedAt).toBe('2026-09-01T00:00:00+01:00');
    expect(record(actor, 'eo-1', '2026/27')).toBeUndefined();
    expect(auditOf(actor).at(-1)).toMatchObject({ event: 'year.rollover', outcome: 'accepted' });
  });
});
