import { createActor, type ContextFrom, type EmittedFrom, type EventFromLogic } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';
import {
  EOPS_EVENT_TYPES,
  EOPS_OFFICER_EVENT_TYPES,
  type EopsOfficerEvent,
  eopsMachine,
  eopsOfficerYearMachine,
  eopsRecords,
  eopsAcademicYear,
  eopsTracker,
  keySkillAreasAdvice,
  meetingSchedule,
  sendEops,
  type Finding,
  type AcademicYear,
  type EopsCertificate,
  type EopsContext,
  type EopsEmitted,
  type EopsEvent,
  type EopsOfficerYearEntry,
  type EopsOfficerYearEvent,
  type EopsOfficerYearReport,
  type EopsRecord,
  type EopsTrackerRow,
  type AuditLine,
  type ExamcycleError,
  type ScheduledMeeting,
  type SendOutcome,
  type Outcome,
} from '@examcycle/core';

describe('eopsMachine types', () => {
  it('lists exactly the officer-year events the centre forwards', () => {
    expectTypeOf<(typeof EOPS_OFFICER_EVENT_TYPES)[number]>().toEqualTypeOf<EopsOfficerEvent['type']>();
  });

  it('infers its context and events', () => {
    expectTypeOf<ContextFrom<typeof eopsMachine>>().toEqualTypeOf<EopsContext>();
    // The host's events, and the report an officer-year sends its centre (refused from anyone else).
    expectTypeOf<EventFromLogic<typeof eopsMachine>>().toEqualTypeOf<EopsEvent | EopsOfficerYearReport>();
    expectTypeOf(sendEops).parameter(1).toEqualTypeOf<EopsEvent>();
    expectTypeOf<EmittedFrom<typeof eopsMachine>>().toEqualTypeOf<EopsEmitted>();
    expectTypeOf<EopsContext['officerYears'][number]>().toEqualTypeOf<EopsOfficerYearEntry>();
    expectTypeOf(eopsRecords).returns.toEqualTypeOf<EopsRecord[]>();
    expectTypeOf<ContextFrom<typeof eopsOfficerYearMachine>>().toEqualTypeOf<EopsRecord>();
    expectTypeOf<EventFromLogic<typeof eopsOfficerYearMachine>>().toEqualTypeOf<EopsOfficerYearEvent>();
    expectTypeOf<EopsRecord['certificate']>().toEqualTypeOf<EopsCertificate | null>();
    expectTypeOf<(typeof EOPS_EVENT_TYPES)[number]>().toEqualTypeOf<EopsEvent['type']>();
    expectTypeOf<EopsEvent['type']>().toEqualTypeOf<
      | 'centre.register'
      | 'account.register'
      | 'account.approve'
      | 'account.grantAdmin'
      | 'account.revokeAdmin'
      | 'account.deactivate'
      | 'account.activate'
      | 'account.update'
      | 'account.delete'
      | 'officer.register'
      | 'target.agree'
      | 'target.confirm'
      | 'target.mark'
      | 'valuesAndAttributes.sign'
      | 'meeting.record'
      | 'meetings.plan'
      | 'induction.complete'
      | 'certificate.request'
      | 'standards.declare'
      | 'year.rollover'
    >();
  });

  it('requires when and who on every event, and the area of the strand on a target', () => {
    const actor = createActor(eopsMachine);
    const at = '2025-09-02T09:00:00+01:00';
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at, by: { id: 'slt-1', role: 'senior_leader' } });
    // @ts-expect-error: no `by`
    actor.send({ type: 'standards.declare', officerId: 'eo-1', at });
    // @ts-expect-error: no `at`
    actor.send({ type: 'year.rollover', by: { id: 'examcycle', role: 'system' } });
    // @ts-expect-error: not an EOPS event
    actor.send({ type: 'task.complete', taskId: 'x', at, by: { id: 'eo-1' } });
    const target = { id: 'ks-1', description: 'd', methods: ['peer_support'], successMeasure: 's', dueBy: '2026-03-27' } as const;
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: { ...target, strand: 'key_skills', area: 'time_management' }, at, by: { id: 'slt-1', role: 'senior_leader' } });
    // @ts-expect-error: time management is a Key Skills area, not a Knowledge & Understanding one
    actor.send({ type: 'target.agree', officerId: 'eo-1', target: { ...target, strand: 'knowledge_and_understanding', area: 'time_management' }, at, by: { id: 'slt-1' } });
    expectTypeOf(sendEops).returns.toEqualTypeOf<SendOutcome>();
  });

  it('narrows the send outcome to a typed error', () => {
    const outcome = {} as SendOutcome;
    if (!outcome.ok) expectTypeOf(outcome.error).toEqualTypeOf<ExamcycleError>();
  });

  it('sends with the same outcome as the exam cycle, carrying an audit line, and keeps no audit in the context', () => {
    expectTypeOf<SendOutcome>().toEqualTypeOf<SendOutcome>();
    expectTypeOf<NonNullable<SendOutcome['entry']>>().toEqualTypeOf<AuditLine>();
    expectTypeOf<EopsContext>().not.toHaveProperty('audit');
    expectTypeOf<Extract<EopsEmitted, { type: 'audit' }>['line']>().toEqualTypeOf<AuditLine>();
    expectTypeOf<Extract<EopsEmitted, { type: 'event.rejected' }>['entry']>().toEqualTypeOf<AuditLine>();
  });
});

describe('eopsTracker types', () => {
  it('returns rows of exactly the tracker columns, or a refusal as an outcome', () => {
    expectTypeOf(eopsTracker).returns.toEqualTypeOf<Outcome<EopsTrackerRow[]>>();
    expectTypeOf<keyof EopsTrackerRow>().toEqualTypeOf<
      | 'officerId'
      | 'officerName'
      | 'centreNumber'
      | 'academicYear'
      | 'valuesAndAttributesStatement'
      | 'knowledgeAndUnderstanding'
      | 'keySkills'
      | 'valuesAndAttributesAgreement'
      | 'certificate'
    >();
    expectTypeOf<EopsTrackerRow['academicYear']>().toEqualTypeOf<AcademicYear>();
    expectTypeOf<EopsTrackerRow['certificate']>().toEqualTypeOf<boolean>();
  });

  it('needs a viewer for the administrator’s and the officer’s views', () => {
    const snap = createActor(eopsMachine).getSnapshot();
    expectTypeOf(eopsTracker(snap, { view: 'administrator', viewerId: 'slt-1', onlyCertified: true })).toEqualTypeOf<Outcome<EopsTrackerRow[]>>();
    // @ts-expect-error: the administrator's view needs the viewer
    eopsTracker(snap, { view: 'administrator', onlyCertified: true });
    // @ts-expect-error: the officer's view has no "only certified" filter
    eopsTracker(snap, { view: 'officer', viewerId: 'eo-1', onlyCertified: true });
  });
});

describe('meetingSchedule types', () => {
  it('returns scheduled meetings', () => {
    expectTypeOf(meetingSchedule).returns.toEqualTypeOf<Outcome<ScheduledMeeting[]>>();
    // "include an annual appraisal"; the case study's first-week, first-month and first-term reviews
    expectTypeOf<ScheduledMeeting['kind']>().toEqualTypeOf<'start' | 'first_week' | 'first_month' | 'first_term' | 'early' | 'exam_time' | 'monthly' | 'half_termly' | 'appraisal'>();
  });
});

describe('issue 18 types', () => {
  it('emits the host events a host hangs emails on', () => {
    expectTypeOf<EopsEmitted['type']>().toEqualTypeOf<
      'audit' | 'event.rejected' | 'eops.rejected' | 'eops.registrationConfirmed' | 'eops.accountApproved' | 'eops.certificateRequested' | 'eops.certified'
    >();
  });

  it('gives the Key Skills advice as findings, and takes the toolkit’s "Academic Year: 2025"', () => {
    expectTypeOf(keySkillAreasAdvice).returns.toEqualTypeOf<Finding[]>();
    expectTypeOf(eopsAcademicYear).returns.toEqualTypeOf<AcademicYear>();
    expectTypeOf(eopsTracker).toBeCallableWith({ context: {} as EopsContext }, { academicYear: '2025' });
    // @ts-expect-error -- not a year
    eopsTracker({ context: {} as EopsContext }, { academicYear: 'last year' });
  });
});
