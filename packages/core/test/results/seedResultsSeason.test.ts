/**
 * The results season as examcycle's seed documents describe it (seed 003, SecEd's results-season article;
 * the results duties of seeds 000 and 002), line by line (issue 18). Each test quotes the seed line it
 * checks and fails if the behaviour breaks. Nomination, the press release and late cash-ins run through
 * both results stores: the in-process `createResultsStore` and the durable `createDurableResultsStore`.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  certificateMachine,
  certificateOverdue,
  collectAudit,
  createMemoryStore,
  createResultsStore,
  enquiryMachine,
  examCycleMachine,
  isExamcycleError,
  createDurableResultsStore,
  toLondon,
  type Actor,
  type AuditEntry,
  type EnquiryInput,
  type ExamcycleError,
  type LateCashInSubmission,
  type Nomination,
  type NominationRequest,
  type PressRelease,
  type PressReleaseDraft,
  type QualificationLevel,
  type Result,
  type ResultsAnalysisReport,
  type ResultsReader,
  type ResultsReconciliation,
  type StaffMember,
  type StatementOfResults,
} from '@examcycle/core';
import { FIXTURE_CYCLE_TASKS, FIXTURE_RESULTS_DAY_TASKS } from '../fixtures/fixtureCycleTasks.js';
import { fixturePack } from '../fixtures/fixturePack.js';
import { candidates, centreResults, entries, june2026, qualifications, staff } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';
import { ok } from './resultsOutcome.js';

const HEAD = { id: 'HEAD', role: 'head_of_centre' } as const;
const EO = { id: 'EO', role: 'exams_officer' } as const;
const EOA = { id: 'EOA', role: 'exams_office_staff' } as const;
const staffReader = (id: string): ResultsReader => ({ audience: 'centre_staff', id });

/** The synthetic centre plus a SENCo (not teaching staff) and a second GCE subject with no qualification on file. */
const directory: StaffMember[] = [...staff, { id: 'SENCO', name: 'A. Patel', roles: ['senco'], active: true }];
function results(): Result[] {
  return [
    ...centreResults(),
    { id: 'R-C-1-7357', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '7357', kind: 'qualification', level: 'GCE', grade: 'A', receivedAt: '2026-08-12T00:01:00.000+01:00' },
  ];
}

/** One surface over both stores: every call awaits, so the same test drives each. */
interface SeasonStore {
  setNow(at: Instant): void;
  nominate(request: NominationRequest): Promise<Nomination>;
  statementOfResults(reader: ResultsReader, candidateId: string, options?: { level?: QualificationLevel }): Promise<StatementOfResults>;
  resultsAnalysis(reader: ResultsReader, options?: { level?: QualificationLevel }): Promise<ResultsAnalysisReport>;
  reconcile(reader: ResultsReader): Promise<ResultsReconciliation>;
  draftPressRelease(request: { by: Actor; level?: QualificationLevel }): Promise<PressReleaseDraft>;
  pressRelease(request: { by: Actor; level?: QualificationLevel }): Promise<PressRelease>;
  recordLateCashIn(request: Parameters<ReturnType<typeof createResultsStore>['recordLateCashIn']>[0]): Promise<LateCashInSubmission>;
  audit(): Promise<readonly AuditEntry[]>;
}

function clockAt(at: Instant) {
  let t = toLondon(at).toMillis();
  return { now: () => t, set: (next: Instant) => void (t = toLondon(next).toMillis()) };
}

const STORES: Record<'createResultsStore' | 'createDurableResultsStore', (at: Instant) => Promise<SeasonStore>> = {
  async createResultsStore(at) {
    const clock = clockAt(at);
    const s = createResultsStore({ rulesPack: fixturePack, series: june2026, clock, results: results(), entries, candidates, qualifications, staff: directory });
    return {
      setNow: clock.set,
      nominate: async (r) => ok(s.nominate(r)),
      statementOfResults: async (reader, id, o) => ok(s.statementOfResults(reader, id, o)),
      resultsAnalysis: async (reader, o) => ok(s.resultsAnalysis(reader, o)),
      reconcile: async (reader) => ok(s.reconcile(reader)),
      draftPressRelease: async (r) => ok(s.draftPressRelease(r)),
      pressRelease: async (r) => ok(s.pressRelease(r)),
      recordLateCashIn: async (r) => ok(s.recordLateCashIn(r)),
      audit: async () => s.audit(),
    };
  },
  async createDurableResultsStore(at) {
    const clock = clockAt(at);
    const s = await createDurableResultsStore({ store: createMemoryStore(), centreNumber: '12345', rulesPack: fixturePack, series: june2026, clock, entries, candidates, qualifications, staff: directory });
    await ok(s.addResults(results(), EO, 'a2c.edi'));
    return {
      setNow: clock.set,
      nominate: (r) => ok(s.nominate(r)),
      statementOfResults: (reader, id, o) => ok(s.statementOfResults(reader, id, o)),
      resultsAnalysis: (reader, o) => ok(s.resultsAnalysis(reader, o)),
      reconcile: (reader) => ok(s.reconcile(reader)),
      draftPressRelease: (r) => ok(s.draftPressRelease(r)),
      pressRelease: (r) => ok(s.pressRelease(r)),
      recordLateCashIn: (r) => ok(s.recordLateCashIn(r)),
      audit: () => s.audit(),
    };
  },
};

async function refusal(p: Promise<unknown>): Promise<ExamcycleError> {
  try {
    await p;
  } catch (e) {
    if (isExamcycleError(e)) return e;
    throw e;
  }
  throw new Error('expected an ExamcycleError');
}

const BIOLOGY: NominationRequest = { staffId: 'T-BIO', by: HEAD, reason: 'Head of biology: anomalous results to check', subjects: ['AQA-7402'] };

describe('the results season, seed by seed (issue 18)', () => {
  describe('enquiryMachine: "all post-results service requests can only be made through the centre"', () => {
    function enquiry(extra: Partial<EnquiryInput> = {}) {
      const actor = createActor(enquiryMachine, {
        input: { id: 'EAR-1', candidateId: 'C-1', series: june2026, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service: 'review_of_marking', originalGrade: 'B', rulesPack: fixturePack, createdAt: '2026-08-13T09:00:00+01:00', by: EO, ...extra },
      });
      const audit = collectAudit(actor);
      actor.start();
      return { actor, audit };
    }
    const consentBy = (by: Actor) => ({ type: 'consent.capture' as const, at: '2026-08-13T10:00:00+01:00' as const, by, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T09:55:00+01:00' as const } });

    it('refuses enquiry.submit from a candidate with not_authorised, and audits the refusal ("can only be made through the centre")', () => {
      const { actor, audit } = enquiry();
      actor.send(consentBy({ id: 'C-1', role: 'candidate' }));
      actor.send({ type: 'enquiry.submit', at: '2026-08-13T11:00:00+01:00', by: { id: 'C-1', role: 'candidate' } });
      expect(actor.getSnapshot().value).toBe('consented');
      expect(audit.at(-1)).toMatchObject({ event: 'enquiry.submit', outcome: 'rejected', code: 'not_authorised', rule: 'enquiry.submit', by: { id: 'C-1', role: 'candidate' } });
    });

    it('refuses enquiry.submit from a parent, a teacher or anyone without an exams office role ("through the centre")', () => {
      for (const by of [{ id: 'Mrs Ahmed' }, { id: 'T-BIO', role: 'teacher' as const }, { id: 'SLT', role: 'senior_leader' as const }]) {
        const { actor, audit } = enquiry();
        actor.send(consentBy(EO));
        actor.send({ type: 'enquiry.submit', at: '2026-08-13T11:00:00+01:00', by });
        expect(audit.at(-1), by.id).toMatchObject({ outcome: 'rejected', code: 'not_authorised' });
      }
    });

    it('accepts enquiry.submit from the exams officer, exams office staff and the head of centre', () => {
      for (const by of [EO, EOA, HEAD]) {
        const { actor } = enquiry();
        actor.send(consentBy(EO));
        actor.send({ type: 'enquiry.submit', at: '2026-08-13T11:00:00+01:00', by });
        expect(actor.getSnapshot().value, by.id).toBe('submitted');
      }
    });

    it('takes the candidate\'s own written consent, then the exams office submits ("they must provide written consent for re-marking and access to scripts")', () => {
      const { actor, audit } = enquiry({ service: 'access_to_scripts' });
      actor.send({ type: 'enquiry.submit', at: '2026-08-13T09:30:00+01:00', by: EO });
      expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'consent_missing' });
      actor.send(consentBy({ id: 'C-1', role: 'candidate' }));
      expect(actor.getSnapshot().context.consent).toMatchObject({ written: true, signedBy: 'C-1', capturedBy: { id: 'C-1', role: 'candidate' } });
      actor.send({ type: 'enquiry.submit', at: '2026-08-13T11:00:00+01:00', by: EO });
      expect(actor.getSnapshot().context.submittedBy).toEqual(EO);
    });
  });

  for (const [name, make] of Object.entries(STORES)) {
    describe(`${name}: nomination on restricted release day`, () => {
      it('lets the head of centre nominate teaching staff only ("those teaching staff who, in the opinion of the head of centre, need to be aware")', async () => {
        const s = await make('2026-08-12T09:00:00+01:00');
        const senco = await refusal(s.nominate({ ...BIOLOGY, staffId: 'SENCO' }));
        expect({ code: senco.code, rule: senco.rule }).toEqual({ code: 'invalid_value', rule: 'examcycle.results.nominate-teaching-staff-with-reason' });
        expect((await refusal(s.nominate({ ...BIOLOGY, by: EO }))).code).toBe('not_authorised');
        expect(await s.nominate(BIOLOGY)).toMatchObject({ staffId: 'T-BIO', reason: BIOLOGY.reason, subjects: ['AQA-7402'] });
        expect((await s.audit()).filter((a) => a.event === 'results.nominate').map((a) => a.outcome)).toEqual(['rejected', 'rejected', 'accepted']);
      });

      it('refuses a nomination without a reason or without the teacher\'s own subjects ("in the opinion of the head of centre, need to be aware")', async () => {
        const s = await make('2026-08-12T09:00:00+01:00');
        expect((await refusal(s.nominate({ ...BIOLOGY, reason: ' ' }))).code).toBe('invalid_value');
        expect((await refusal(s.nominate({ ...BIOLOGY, subjects: [] }))).code).toBe('invalid_value');
        expect((await refusal(s.nominate({ ...BIOLOGY, subjects: ['AQA-9999'] }))).code).toBe('invalid_value');
      });

      it('shows a nominated head of biology only biology lines, never another subject\'s lines ("No other members of staff may have access")', async () => {
        const s = await make('2026-08-12T09:00:00+01:00');
        await s.nominate(BIOLOGY);
        const statement = await s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' });
        expect(statement.lines.length).toBeGreaterThan(0);
        expect(statement.lines.map((l) => l.awardCode)).not.toContain('7357');
        expect(statement.lines.every((l) => ['7402', '74021', '74022', '74023'].includes(l.awardCode))).toBe(true);
        // The exams officer sees the whole statement, the other GCE subject included.
        expect((await s.statementOfResults(staffReader('EO'), 'C-1', { level: 'GCE' })).lines.map((l) => l.awardCode)).toContain('7357');
        expect((await s.audit()).at(-2)).toMatchObject({ event: 'results.read.statement', outcome: 'accepted', details: { nominatedSubjects: 'AQA-7402' } });
      });

      it('refuses a nominated head of biology another candidate\'s Maths statement on GCSE restricted release day', async () => {
        const s = await make('2026-08-19T09:00:00+01:00');
        await s.nominate(BIOLOGY);
        const e = await refusal(s.statementOfResults(staffReader('T-BIO'), 'C-3', { level: 'GCSE' }));
        expect({ code: e.code, rule: e.rule }).toEqual({ code: 'access_denied', rule: 'examcycle.results.nominated-own-subjects-only' });
        // GCE results are with all staff from results day; the GCSE Maths line stays withheld.
        const all = await s.statementOfResults(staffReader('T-BIO'), 'C-1');
        expect(all.lines.map((l) => l.level)).not.toContain('GCSE');
        expect(all.withheld).toContainEqual(expect.objectContaining({ level: 'GCSE', rule: 'examcycle.results.nominated-own-subjects-only' }));
      });

      it('refuses a nominated teacher the whole-centre analysis and the matching report before results day', async () => {
        const s = await make('2026-08-12T09:00:00+01:00');
        await s.nominate(BIOLOGY);
        expect((await refusal(s.resultsAnalysis(staffReader('T-BIO')))).rule).toBe('examcycle.results.nominated-own-subjects-only');
        expect((await refusal(s.resultsAnalysis(staffReader('T-BIO'), { level: 'GCE' }))).code).toBe('access_denied');
        expect((await refusal(s.reconcile(staffReader('T-BIO')))).code).toBe('access_denied');
        expect((await s.resultsAnalysis(staffReader('EO'))).levels).toEqual(['GCE']);
        // From 08:00 on results day the teacher reads the GCE analysis as all staff do.
        s.setNow('2026-08-13T08:00:00+01:00');
        expect((await s.resultsAnalysis(staffReader('T-BIO'))).levels).toEqual(['GCE']);
      });
    });

    describe(`${name}: the press release`, () => {
      it('lets the exams officer draft the press release on restricted release day ("Devising a press release")', async () => {
        const s = await make('2026-08-12T10:00:00+01:00');
        const draft = await s.draftPressRelease({ by: EO, level: 'GCE' });
        expect(draft).toMatchObject({ status: 'draft', levels: ['GCE'], draftedBy: EO, releasableFrom: [{ level: 'GCE', at: '2026-08-13T09:30:00.000+01:00' }] });
        expect(draft.summary.qualificationResults).toBeGreaterThan(0);
        expect((await s.audit()).at(-1)).toMatchObject({ event: 'results.read.pressReleaseDraft', outcome: 'accepted', details: { draftedBy: 'EO' } });
        const teacher = await refusal(s.draftPressRelease({ by: { id: 'T-BIO', role: 'teacher' }, level: 'GCE' }));
        expect({ code: teacher.code, rule: teacher.rule }).toEqual({ code: 'access_denied', rule: 'examcycle.results.press-release-drafted-by-exams-office' });
      });

      it('releases it to the press only from 09:30 on results day ("can only be made from 9:30am on results day")', async () => {
        const s = await make('2026-08-12T10:00:00+01:00');
        expect((await refusal(s.pressRelease({ by: EO, level: 'GCE' }))).code).toBe('access_denied');
        s.setNow('2026-08-13T09:29:59+01:00');
        expect((await refusal(s.pressRelease({ by: EO, level: 'GCE' }))).code).toBe('access_denied');
        s.setNow('2026-08-13T09:30:00+01:00');
        expect((await s.pressRelease({ by: EO, level: 'GCE' })).levels).toEqual(['GCE']);
      });
    });

    describe(`${name}: late cash-ins`, () => {
      it('records a late cash-in as submitted, not only listed ("submit any late \'cash-in\'")', async () => {
        const s = await make('2026-08-19T10:00:00+01:00');
        const before = await s.reconcile(staffReader('EO'));
        expect(before.lateCashIns.map((c) => `${c.candidateId} ${c.entryCode}`)).toContain('C-2 8300H');
        expect(before.lateCashInsSubmitted).toEqual([]);
        const submission = { candidateId: 'C-2', awardingBodyId: 'AQA', entryCode: '8300H', submittedAt: '2026-08-19T09:45:00+01:00' as const, reference: 'AQA-LCI-1' };
        expect((await refusal(s.recordLateCashIn({ ...submission, by: { id: 'T-MATHS', role: 'teacher' } }))).code).toBe('not_authorised');
        await s.recordLateCashIn({ ...submission, by: EO });
        const after = await s.reconcile(staffReader('EO'));
        expect(after.lateCashInsSubmitted).toEqual([expect.objectContaining({ candidateId: 'C-2', entryCode: '8300H', submittedAt: '2026-08-19T09:45:00.000+01:00', reference: 'AQA-LCI-1', recordedBy: EO })]);
        expect((await s.audit()).filter((a) => a.event === 'results.lateCashIn').map((a) => a.outcome)).toEqual(['rejected', 'accepted']);
      });
    });
  }

  describe('nomination scope, for random subjects, instants, candidates and reads', () => {
    const ms = (at: Instant) => toLondon(at).toMillis();
    const subjectsArb = fc.subarray(['AQA-7402', 'AQA-8300'], { minLength: 1 });
    const instantArb = fc.integer({ min: ms('2026-08-11T23:00:00+01:00'), max: ms('2026-08-21T09:00:00+01:00') });
    // When all staff may read a level (08:00 on its results day), the nomination no longer limits it.
    const staffOpens: Record<string, number> = { GCE: ms('2026-08-13T08:00:00+01:00'), GCSE: ms('2026-08-20T08:00:00+01:00') };

    fcTest.prop([subjectsArb, instantArb, fc.constantFrom('C-1', 'C-2', 'C-3', 'C-4'), fc.constantFrom('statement', 'analysis', 'reconcile')], { numRuns: 200, seed: 20260818 })(
      'a nominated teacher never reads another subject\'s line nor a whole-centre report before all staff may ("No other members of staff may have access")',
      (subjects, t, candidateId, op) => {
        let now = ms('2026-08-11T12:00:00+01:00');
        const s = createResultsStore({ rulesPack: fixturePack, series: june2026, clock: { now: () => now }, results: results(), entries, candidates, qualifications, staff: directory });
        ok(s.nominate({ staffId: 'T-BIO', by: HEAD, reason: 'needs to see results', subjects }));
        now = t;
        const subjectOf = (code: string) => (code.startsWith('7402') ? 'AQA-7402' : code.startsWith('830') ? 'AQA-8300' : code);
        try {
          if (op === 'statement') {
            for (const line of ok(s.statementOfResults(staffReader('T-BIO'), candidateId)).lines) {
              if (t < staffOpens[line.level]!) expect(subjects).toContain(subjectOf(line.awardCode));
            }
          } else {
            const report = op === 'analysis' ? ok(s.resultsAnalysis(staffReader('T-BIO'))) : ok(s.reconcile(staffReader('T-BIO')));
            for (const level of report.levels) expect(t).toBeGreaterThanOrEqual(staffOpens[level]!);
          }
        } catch (e) {
          if (!isExamcycleError(e)) throw e;
          expect(e.code).toBe('access_denied');
        }
      },
    );
  });

  it('answers garbage sent to the new writes and reads with typed, audited refusals, never a TypeError', () => {
    const s = createResultsStore({ rulesPack: fixturePack, series: june2026, now: () => '2026-08-12T09:00:00+01:00', results: results(), qualifications, staff: directory });
    const codes = [null, undefined, 42, 'x', {}, { by: null }, { by: { id: '' } }].flatMap((junk) =>
      [() => ok(s.draftPressRelease(junk as never)), () => ok(s.recordLateCashIn(junk as never)), () => ok(s.nominate(junk as never))].map((fn) => {
        try {
          fn();
          return 'accepted';
        } catch (e) {
          if (!isExamcycleError(e)) throw e;
          return e.code;
        }
      }),
    );
    expect(new Set(codes)).toEqual(new Set(['access_denied', 'not_authorised']));
    expect(s.audit().every((a) => a.outcome === 'rejected')).toBe(true);
    expect(s.audit()).toHaveLength(codes.length);
  });

  describe('the requirements that already held', () => {
    it('opens results to the exams office at 00:01 on restricted release day, not a minute before ("The day prior to results day is known as restricted release day")', () => {
      const clock = clockAt('2026-08-12T00:00:59+01:00');
      const s = createResultsStore({ rulesPack: fixturePack, series: june2026, clock, results: results(), staff: directory });
      expect(() => ok(s.statementOfResults(staffReader('EO'), 'C-1', { level: 'GCE' }))).toThrow(expect.objectContaining({ code: 'access_denied' }));
      clock.set('2026-08-12T00:01:00+01:00');
      expect(ok(s.statementOfResults(staffReader('EO'), 'C-1', { level: 'GCE' })).lines.length).toBeGreaterThan(0);
    });

    it('gives candidates their own results from 08:00 on results day, and no one else\'s ("candidates receive statements of their results")', () => {
      const clock = clockAt('2026-08-13T07:59:59+01:00');
      const s = createResultsStore({ rulesPack: fixturePack, series: june2026, clock, results: results(), staff: directory });
      const me: ResultsReader = { audience: 'candidate', id: 'C-1' };
      expect(() => ok(s.statementOfResults(me, 'C-1', { level: 'GCE' }))).toThrow(expect.objectContaining({ code: 'access_denied' }));
      clock.set('2026-08-13T08:00:00+01:00');
      expect(ok(s.statementOfResults(me, 'C-1', { level: 'GCE' })).lines.length).toBeGreaterThan(0);
      expect(() => ok(s.statementOfResults(me, 'C-2', { level: 'GCE' }))).toThrow(expect.objectContaining({ code: 'access_denied' }));
    });

    it('expects certificates no later than 7 November ("once all certificates are issued by awarding bodies (which will be no later than November 7)")', () => {
      const actor = createActor(certificateMachine, { input: { certificate: { id: 'CERT-1', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300F'] }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00', by: EO } }).start();
      const expectedBy = actor.getSnapshot().context.expectedBy!;
      expect(toLondon(expectedBy).toMillis()).toBeLessThanOrEqual(toLondon('2026-11-07T23:59:59.999+00:00').toMillis());
      expect(certificateOverdue(actor.getSnapshot().context, '2026-11-08T00:00:00Z')).toBe(true);
    });

    it('keeps an unclaimed certificate 12 months from issue and its destruction record 4 years ("a minimum of 12 months from the date of issue"; "keep a record … for four years")', () => {
      const actor = createActor(certificateMachine, { input: { certificate: { id: 'CERT-1', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300F'] }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00', by: EO } });
      const audit = collectAudit(actor);
      actor.start();
      actor.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO });
      actor.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: true });
      actor.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
      actor.send({ type: 'certificate.destroyed', at: '2027-11-04T09:59:59Z', by: EO, method: 'shredded' });
      expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'retention_not_expired' });
      actor.send({ type: 'certificate.destroyed', at: '2027-11-04T10:00:00Z', by: EO, method: 'shredded' });
      actor.send({ type: 'certificate.recordPurged', at: '2031-11-04T09:59:59Z', by: EO });
      expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'retention_not_expired' });
      actor.send({ type: 'certificate.recordPurged', at: '2031-11-04T10:00:00Z', by: EO });
      expect(actor.getSnapshot().value).toBe('purged');
    });
  });

  describe('results-day logistics are cycle tasks with deadlines (the pack\'s catalogue)', () => {
    const cycle = () =>
      createActor(examCycleMachine, { input: { centre: { centreNumber: '68199', name: 'Synthetic Academy' }, series: june2026, rulesPack: fixturePack, startedAt: '2025-09-01T09:00:00.000+01:00' } }).start();
    const due = (id: string) => cycle().getSnapshot().context.tasks.find((t) => t.id === id);

    it.each([
      ['results.candidates-told-collection-and-enquiries', 'Instructions must be given to candidates prior to results day as to the process for the collection and enquiries', undefined],
      ['results.venue-collection-arrangements', 'Before the end of term, centres should have ensured that the venue for the issuing of results', undefined],
      ['results.collection-by-others-authorised', 'collection by parents/grandparents/carers etc', '2026-08-13T08:00:00.000+01:00'],
      ['results.support-staff-identified', 'Centres must identify staff who will provide support to candidates on results day and their roles', '2026-08-12T00:01:00.000+01:00'],
      ['results.senior-staff-available', 'accessibility of senior members of centre staff immediately after the publication of results', '2026-08-13T08:00:00.000+01:00'],
      ['results.post-results-information-prepared', 'Exams office staff will need to prepare post-results services information for candidates', '2026-08-13T08:00:00.000+01:00'],
      ['results.late-cash-ins-submitted', 'submit any late "cash-in"', '2026-08-13T08:00:00.000+01:00'],
      ['results.press-release-drafted', 'Devising a press release', '2026-08-13T09:30:00.000+01:00'],
      ['results.summaries-analysis-prepared', 'Result summaries beyond individual candidate results', '2026-08-13T08:00:00.000+01:00'],
    ])('tracks %s ("%s") with its due date from the pack\'s key dates, or none where the pack has none', (id, _quote, dueAt) => {
      const task = due(id);
      expect(task, id).toMatchObject({ phase: 'results', status: 'open', source: expect.stringContaining('seed 003') });
      expect(task?.dueAt).toBe(dueAt);
      const input = FIXTURE_RESULTS_DAY_TASKS.find((t) => t.id === id)!;
      expect(input.dueRule, 'every task says when it falls due').toBeTruthy();
    });

    it('puts the logistics in every new cycle, in the results phase, with ids unique in the catalogue', () => {
      const ids = FIXTURE_CYCLE_TASKS.map((t) => t.id);
      expect(FIXTURE_RESULTS_DAY_TASKS.every((t) => ids.includes(t.id) && t.phase === 'results')).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
});
