import { createActor, type SnapshotFrom } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';
import {
  certificateMachine,
  createResultsStore,
  enquiryGradeChange,
  enquiryMachine,
  planRetention,
  type CertificateContext,
  type CertificateEvent,
  type CertificateInput,
  type EnquiryContext,
  type EnquiryEvent,
  type EnquiryGradeChange,
  type EnquiryInput,
  type EnquiryService,
  type ExamcycleError,
  type Outcome,
  type ResultsStore,
  type RetentionSchedule,
  type StatementOfResults,
} from '@examcycle/core';

declare const enquiryInput: EnquiryInput;
declare const certificateInput: CertificateInput;

describe('enquiryMachine types', () => {
  it('infers the context and events from the machine', () => {
    const actor = createActor(enquiryMachine, { input: enquiryInput });
    expectTypeOf(actor.getSnapshot().context).toEqualTypeOf<EnquiryContext>();
    expectTypeOf<Parameters<typeof actor.send>[0]>().toEqualTypeOf<EnquiryEvent>();
    expectTypeOf<SnapshotFrom<typeof enquiryMachine>['context']['request']['service']>().toEqualTypeOf<EnquiryService>();
    expectTypeOf(enquiryGradeChange).returns.toEqualTypeOf<EnquiryGradeChange | null>();
  });

  it('requires every event to carry when and by whom', () => {
    const actor = createActor(enquiryMachine, { input: enquiryInput });
    // @ts-expect-error `at` and `by` are required
    actor.send({ type: 'enquiry.close' });
    // @ts-expect-error consent is an object with who signed and when
    actor.send({ type: 'consent.capture', at: '2026-08-13T10:00:00+01:00', by: { id: 'EO' }, consent: true });
    actor.send({ type: 'enquiry.close', at: '2026-08-13T10:00:00+01:00', by: { id: 'EO', role: 'exams_officer' } });
  });

  it('takes only the known services', () => {
    // @ts-expect-error there is no "remark" service
    const bad: EnquiryService = 'remark';
    expectTypeOf<'priority_review_of_marking'>().toMatchTypeOf<EnquiryService>();
    void bad;
  });
});

describe('certificateMachine types', () => {
  it('infers the context and events, and needs a rules pack with retention', () => {
    const actor = createActor(certificateMachine, { input: certificateInput });
    expectTypeOf(actor.getSnapshot().context).toEqualTypeOf<CertificateContext>();
    expectTypeOf<Parameters<typeof actor.send>[0]>().toEqualTypeOf<CertificateEvent>();
    expectTypeOf<CertificateInput['rulesPack']>().toHaveProperty('retention');
    // @ts-expect-error destruction says how
    actor.send({ type: 'certificate.destroyed', at: '2027-12-01T10:00:00Z', by: { id: 'EO' } });
  });
});

describe('createResultsStore types', () => {
  it('returns a store whose reads give typed results', () => {
    const store = createResultsStore({ rulesPack: {} as never, series: {} as never, now: () => 0 });
    expectTypeOf(store).toEqualTypeOf<ResultsStore>();
    expectTypeOf(store.statementOfResults).returns.toEqualTypeOf<Outcome<StatementOfResults>>();
    const read = store.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1');
    if (read.ok) expectTypeOf(read.value).toEqualTypeOf<StatementOfResults>();
    else expectTypeOf(read.error).toEqualTypeOf<ExamcycleError>();
    // @ts-expect-error a reader names its audience
    store.statementOfResults({ id: 'C-1' }, 'C-1');
    expectTypeOf<ExamcycleError['code']>().extract<'access_denied'>().toEqualTypeOf<'access_denied'>();
  });

  it('plans retention into a schedule', () => {
    expectTypeOf(planRetention).returns.toEqualTypeOf<RetentionSchedule>();
  });
});
