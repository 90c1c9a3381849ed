import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createResultsStore, isExamcycleError, toLondon, type ExamcycleError, type QualificationLevel, type ResultsReader } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { candidates, centreResults, entries, june2026, qualifications, staff } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';
import { ok } from './resultsOutcome.js';

/** A clock the test moves by hand. */
function manualClock(at: Instant) {
  let t = toLondon(at).toMillis();
  return {
    now: () => t,
    set: (next: Instant | number) => {
      t = typeof next === 'number' ? next : toLondon(next).toMillis();
    },
  };
}

function store(at: Instant, withDirectory = true) {
  const clock = manualClock(at);
  const s = createResultsStore({
    rulesPack: fixturePack,
    series: june2026,
    clock,
    results: centreResults(),
    entries,
    candidates,
    qualifications,
    ...(withDirectory ? { staff } : {}),
    previousYear: { 'AQA-7402': { 'A*': 1, B: 2, C: 1 } },
  });
  return { s, clock };
}

function caught(fn: () => unknown): ExamcycleError {
  try {
    fn();
  } catch (e) {
    if (isExamcycleError(e)) return e;
    throw e;
  }
  throw new Error('expected an ExamcycleError');
}

const staffReader = (id: string): ResultsReader => ({ audience: 'centre_staff', id });
const HEAD = { id: 'HEAD', role: 'head_of_centre' } as const;
const EO = { id: 'EO', role: 'exams_officer' } as const;

describe('createResultsStore', () => {
  it('refuses to start without a clock: examcycle never reads the host time', () => {
    expect(() => createResultsStore({ rulesPack: fixturePack, series: june2026 })).toThrow(expect.objectContaining({ code: 'invalid_value' }));
  });

  describe('restricted release day', () => {
    it('lets the head of centre and exams office staff read results from 00:01 on restricted release day', () => {
      const { s } = store('2026-08-12T00:01:00+01:00');
      for (const id of ['HEAD', 'EO', 'EOA']) {
        const st = ok(s.statementOfResults(staffReader(id), 'C-1', { level: 'GCE' }));
        expect(st.lines.find((l) => l.awardCode === '7402')?.grade).toBe('B');
      }
    });

    it('denies every read a minute before restricted release, naming the rule and when it opens', () => {
      const { s } = store('2026-08-12T00:00:00+01:00');
      const e = caught(() => ok(s.statementOfResults(staffReader('EO'), 'C-1', { level: 'GCE' })));
      expect(e.code).toBe('access_denied');
      expect(e.rule).toBe('fixture.restricted-release');
      expect(e.details).toMatchObject({ allowedFrom: '2026-08-12T00:01:00.000+01:00', malpracticeRisk: true });
    });

    it('denies other staff on restricted release day unless the head of centre nominated them', () => {
      const { s } = store('2026-08-12T09:00:00+01:00');
      expect(caught(() => ok(s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' }))).rule).toBe('fixture.restricted-release');
      ok(s.nominate({ staffId: 'T-BIO', by: HEAD, reason: 'Head of biology: anomalous results', subjects: ['AQA-7402'] }));
      expect(ok(s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' })).lines.length).toBeGreaterThan(0);
      expect(caught(() => ok(s.statementOfResults(staffReader('T-MATHS'), 'C-1', { level: 'GCE' }))).code).toBe('access_denied');
      ok(s.revokeNomination({ staffId: 'T-BIO', by: HEAD }));
      expect(caught(() => ok(s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' }))).code).toBe('access_denied');
    });

    it('records nominations made by the head of centre only', () => {
      const { s } = store('2026-08-12T09:00:00+01:00');
      const e = caught(() => ok(s.nominate({ staffId: 'T-MATHS', by: EO, reason: 'Head of maths', subjects: ['AQA-8300'] })));
      expect(e.code).toBe('not_authorised');
      expect(e.rule).toBe('results.nominate');
      // Claiming the role is not enough when the directory says otherwise.
      expect(caught(() => ok(s.nominate({ staffId: 'T-MATHS', by: { id: 'SLT', role: 'head_of_centre' }, reason: 'Head of maths', subjects: ['AQA-8300'] }))).code).toBe('not_authorised');
      expect(s.nominations()).toEqual([]);
      const last = s.audit().at(-1)!;
      expect(last).toMatchObject({ event: 'results.nominate', outcome: 'rejected', code: 'not_authorised', by: { id: 'SLT' } });
    });

    it('takes staff roles from the directory, refusing unknown and inactive staff', () => {
      const { s } = store('2026-08-12T09:00:00+01:00');
      expect(caught(() => ok(s.statementOfResults({ audience: 'centre_staff', id: 'T-MATHS', role: 'head_of_centre' }, 'C-1', { level: 'GCE' }))).code).toBe('access_denied');
      expect(caught(() => ok(s.statementOfResults(staffReader('NOBODY'), 'C-1'))).rule).toBe('examcycle.results.staff-directory');
      expect(caught(() => ok(s.statementOfResults(staffReader('GONE'), 'C-1'))).rule).toBe('examcycle.results.staff-directory');
    });

    it('writes every read to the audit trail, allowed and denied', () => {
      const { s } = store('2026-08-12T09:00:00+01:00');
      ok(s.statementOfResults(staffReader('EO'), 'C-1', { level: 'GCE' }));
      caught(() => ok(s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' })));
      const reads = s.audit().filter((a) => a.event === 'results.read.statement');
      expect(reads.map((a) => [a.by?.id, a.outcome, a.from])).toEqual([
        ['EO', 'accepted', 'restricted_release'],
        ['T-BIO', 'rejected', 'restricted_release'],
      ]);
      expect(reads[1]).toMatchObject({ code: 'access_denied', rule: 'fixture.restricted-release', details: { candidateId: 'C-1', level: 'GCE', malpracticeRisk: true } });
    });

    it('shows only the levels already released, and says when the others open', () => {
      const { s } = store('2026-08-12T09:00:00+01:00');
      const st = ok(s.statementOfResults(staffReader('EO'), 'C-1'));
      expect(new Set(st.lines.map((l) => l.level))).toEqual(new Set(['GCE']));
      expect(st.withheld).toEqual([expect.objectContaining({ level: 'GCSE', allowedFrom: '2026-08-19T00:01:00.000+01:00' })]);
      expect(st.provisional).toBe(true);
      expect(st.candidate).toMatchObject({ candidateNumber: '0001', name: 'Ahmed, Sara' });
    });

    it('lets the exams office resolve missing and incomplete results and late cash-ins for released levels only', () => {
      const { s, clock } = store('2026-08-12T09:00:00+01:00');
      const gce = ok(s.reconcile(staffReader('EO')));
      expect(gce.levels).toEqual(['GCE']);
      expect(gce.lateCashIns).toEqual([]);
      expect(gce.missing).toEqual([]);
      expect(gce.unexpected.map((u) => u.reason)).toEqual(['entry_withdrawn']);
      clock.set('2026-08-19T07:00:00+01:00');
      const all = ok(s.reconcile(staffReader('EO')));
      expect(all.lateCashIns.map((c) => `${c.candidateId}/${c.entryCode}`)).toEqual(['C-2/8300H']);
      expect(all.missing.map((m) => m.entry.candidateId)).toEqual(['C-4']);
      expect(all.incomplete.map((m) => m.entry.candidateId)).toEqual(['C-3']);
      expect(caught(() => ok(s.reconcile({ audience: 'candidate', id: 'C-1' }))).rule).toBe('examcycle.results.reconcile-centre-staff-only');
    });
  });

  describe('results day', () => {
    it('releases results to candidates from 08:00 on results day, not a minute before', () => {
      const { s, clock } = store('2026-08-13T07:59:00+01:00');
      const me: ResultsReader = { audience: 'candidate', id: 'C-1' };
      const e = caught(() => ok(s.statementOfResults(me, 'C-1')));
      expect(e).toMatchObject({ code: 'access_denied', rule: 'fixture.candidates' });
      clock.set('2026-08-13T08:00:00+01:00');
      const st = ok(s.statementOfResults(me, 'C-1'));
      expect(st.lines.filter((l) => l.kind === 'qualification').map((l) => [l.awardCode, l.grade])).toEqual([['7402', 'B']]);
      expect(st.withheld.map((w) => w.level)).toEqual(['GCSE']);
    });

    it('lets a candidate read only their own results', () => {
      const { s } = store('2026-08-21T10:00:00+01:00');
      const e = caught(() => ok(s.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-2')));
      expect(e).toMatchObject({ code: 'access_denied', rule: 'examcycle.results.candidate-own-results-only' });
      expect(caught(() => ok(s.resultsAnalysis({ audience: 'candidate', id: 'C-1' }))).rule).toBe('examcycle.results.aggregate-for-centre-and-press');
    });

    it('gives the press and local authorities aggregate data only, from 09:30', () => {
      const { s, clock } = store('2026-08-13T09:29:00+01:00');
      const press: ResultsReader = { audience: 'press', id: 'Gazette' };
      expect(caught(() => ok(s.resultsAnalysis(press, { level: 'GCE' }))).rule).toBe('fixture.press');
      clock.set('2026-08-13T09:30:00+01:00');
      const a = ok(s.resultsAnalysis(press, { level: 'GCE' }));
      expect(a.summary).toEqual({ qualificationResults: 3, graded: 3, pending: 0, candidates: 3 });
      clock.set('2026-08-25T09:30:00+01:00');
      for (const audience of ['press', 'local_authority'] as const) {
        expect(caught(() => ok(s.statementOfResults({ audience, id: 'X' }, 'C-1'))).rule).toBe('examcycle.results.press-aggregate-only');
      }
    });

    it('shows a parent a candidate\'s results only with the candidate\'s written authority', () => {
      const { s } = store('2026-08-13T10:00:00+01:00');
      const parent: ResultsReader = { audience: 'parent', id: 'P-1' };
      expect(caught(() => ok(s.statementOfResults(parent, 'C-1'))).rule).toBe('examcycle.results.third-party-written-authority');
      expect(caught(() => ok(s.authoriseThirdParty({ candidateId: 'C-1', thirdPartyId: 'P-1', written: false, signedAt: '2026-08-13T09:00:00+01:00', by: EO }))).code).toBe('consent_missing');
      ok(s.authoriseThirdParty({ candidateId: 'C-1', thirdPartyId: 'P-1', written: true, signedAt: '2026-08-13T09:00:00+01:00', reference: 'form 12', by: EO }));
      expect(ok(s.statementOfResults(parent, 'C-1')).lines.length).toBeGreaterThan(0);
      expect(caught(() => ok(s.statementOfResults(parent, 'C-2'))).code).toBe('access_denied');
    });

    it('opens the press-release gate at 09:30 and not before', () => {
      const { s, clock } = store('2026-08-20T09:29:59+01:00');
      expect(s.pressReleaseGate('GCSE')).toMatchObject({ allowed: false, allowedFrom: '2026-08-20T09:30:00.000+01:00' });
      expect(caught(() => ok(s.pressRelease({ by: EO, level: 'GCSE' }))).code).toBe('access_denied');
      clock.set('2026-08-20T09:30:00+01:00');
      expect(s.pressReleaseGate('GCSE').allowed).toBe(true);
      const pr = ok(s.pressRelease({ by: EO }));
      expect(pr.levels).toEqual(['GCE', 'GCSE']);
      expect(pr.subjects.map((x) => x.subject)).toEqual(['AQA-7402', 'AQA-8300']);
      expect(JSON.stringify(pr)).not.toContain('C-1');
    });
  });

  describe('analysis', () => {
    it('gives each subject its grade distribution, best grade first, against the previous year', () => {
      const { s } = store('2026-08-12T09:00:00+01:00');
      const a = ok(s.resultsAnalysis(staffReader('EO')));
      const bio = a.subjects.find((x) => x.subject === 'AQA-7402')!;
      expect(bio.distribution.map((d) => [d.grade, d.count, d.cumulativePercent])).toEqual([
        ['A*', 1, 33.3],
        ['B', 1, 66.7],
        ['E', 1, 100],
      ]);
      expect(bio.comparison?.find((c) => c.grade === 'B')).toMatchObject({ percent: 33.3, previousPercent: 50, changePoints: -16.7 });
      expect(a.withheld.map((w) => w.level)).toEqual(['GCSE']);
    });

    it('updates the statement and the analysis when an enquiry changes a grade', () => {
      const { s, clock } = store('2026-08-13T10:00:00+01:00');
      clock.set('2026-09-10T10:00:00+01:00');
      const applied = ok(s.applyEnquiryOutcome(
        { enquiryId: 'EAR-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '7402', level: 'GCE', from: 'B', to: 'A', direction: 'up', at: '2026-09-09T12:00:00+01:00' },
        EO,
      ));
      expect(applied.resultId).toBe('R-C-1-7402');
      const line = ok(s.statementOfResults(staffReader('EO'), 'C-1', { level: 'GCE' })).lines.find((l) => l.awardCode === '7402')!;
      expect(line).toMatchObject({ grade: 'A', changedByEnquiry: { from: 'B', enquiryId: 'EAR-1' } });
      expect(ok(s.resultsAnalysis(staffReader('EO'), { level: 'GCE' })).subjects[0]!.distribution.map((d) => d.grade)).toEqual(['A*', 'A', 'E']);
      expect(caught(() => ok(s.applyEnquiryOutcome({ ...applied, enquiryId: 'EAR-2' }, EO))).message).toContain('not "B"');
      expect(caught(() => ok(s.applyEnquiryOutcome({ ...applied, enquiryId: 'EAR-3' }, { id: 'T-BIO', role: 'teacher' }))).code).toBe('not_authorised');
      expect(s.audit().filter((a) => a.event === 'results.gradeChanged').map((a) => a.outcome)).toEqual(['accepted', 'rejected', 'rejected']);
    });
  });

  it('returns a read the rules deny as a typed refusal with its audit line, and throws only a call a type would have refused', () => {
    const { s } = store('2026-08-13T07:59:00+01:00');
    const early = s.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1', { level: 'GCE' });
    expect(early.ok).toBe(false);
    expect(!early.ok && early.error.code).toBe('access_denied');
    expect(s.audit().at(-1)).toMatchObject({ outcome: 'rejected', code: 'access_denied', event: 'results.read.statement' });
    expect(() => s.statementOfResults(null as unknown as ResultsReader, 'C-1')).toThrow(expect.objectContaining({ code: 'access_denied', rule: 'examcycle.results.reader-identified' }));
    expect(s.audit().at(-1)).toMatchObject({ outcome: 'rejected', code: 'access_denied' });
    expect(() => s.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1', { level: 'A-level' as QualificationLevel })).toThrow(expect.objectContaining({ code: 'invalid_value' }));
    const byTeacher = s.nominate({ staffId: 'T-MATHS', by: { id: 'T-BIO', role: 'teacher' }, reason: 'Head of maths', subjects: ['AQA-8300'] });
    expect(!byTeacher.ok && byTeacher.error.code).toBe('not_authorised');
  });

  it('decides a staff read in the one role the reader acts in, which the staff directory must give them', () => {
    const { s } = store('2026-08-12T09:00:00+01:00');
    const asHead = s.statementOfResults({ audience: 'centre_staff', id: 'T-MATHS', role: 'head_of_centre' }, 'C-1', { level: 'GCE' });
    expect(!asHead.ok && asHead.error.rule).toBe('examcycle.results.staff-directory');
    expect(ok(s.statementOfResults({ audience: 'centre_staff', id: 'EO', role: 'exams_officer' }, 'C-1', { level: 'GCE' })).lines.length).toBeGreaterThan(0);
    // SLT holds two roles and names none: they act in neither, so restricted release stays closed to them.
    expect(s.statementOfResults({ audience: 'centre_staff', id: 'SLT' }, 'C-1', { level: 'GCE' }).ok).toBe(false);
    expect(s.audit().at(-1)?.by).toEqual({ id: 'SLT' });
  });

  it('asks the rules pack once per kind of reader and level between key dates, and again once a key date passes', () => {
    const asked: string[] = [];
    const counting = { ...fixturePack, resultsAccess: (req: Parameters<typeof fixturePack.resultsAccess>[0]) => (asked.push(`${req.audience}:${req.level}`), fixturePack.resultsAccess(req)) };
    let t = toLondon('2026-08-13T07:59:00+01:00').toMillis();
    const s = createResultsStore({ rulesPack: counting, series: june2026, clock: { now: () => t }, results: centreResults() });
    const read = (id: string) => s.statementOfResults({ audience: 'candidate', id }, id, { level: 'GCE' });
    expect(read('C-1').ok).toBe(false);
    t += 30_000;
    expect(read('C-2').ok).toBe(false);
    expect(asked).toEqual(['candidate:GCE']);
    t = toLondon('2026-08-13T08:00:00+01:00').toMillis(); // release to candidates: a key date
    expect(read('C-1').ok).toBe(true);
    t += 1;
    expect(read('C-2').ok).toBe(true);
    expect(asked).toEqual(['candidate:GCE', 'candidate:GCE']);
  });

  it('refuses and records a read the rules pack cannot decide', () => {
    const broken = { ...fixturePack, resultsAccess: () => { throw new Error('no edition for this series'); } };
    const s = createResultsStore({ rulesPack: broken, series: june2026, now: () => '2026-08-13T10:00:00+01:00', results: centreResults() });
    const e = caught(() => ok(s.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1', { level: 'GCE' })));
    expect(e.code).toBe('rule_unsupported');
    expect(s.audit().at(-1)).toMatchObject({ outcome: 'rejected', code: 'rule_unsupported', event: 'results.read.statement' });
  });

  it('reports invalid results as issues with where they were, and keeps the valid ones', () => {
    const { s } = store('2026-08-12T09:00:00+01:00');
    const out = ok(s.addResults([{ id: 'N1', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300F', kind: 'qualification', level: 'GCSE', grade: '444' }, { id: 'N2', candidateId: 'C-3', seriesId: 'november-2026', awardingBodyId: 'AQA', awardCode: '8300F', level: 'GCSE', grade: '4' }, { id: 'R-C-3-8300F', candidateId: 'C-3', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300F', level: 'GCSE', grade: '4' }], EO, 'a2c.edi'));
    expect(out.added).toBe(0);
    expect(out.replaced).toBe(1);
    expect(out.issues.map((i) => [i.location?.path?.[0], i.location?.field, i.location?.value])).toEqual([
      [0, 'grade', '444'],
      [1, 'seriesId', 'november-2026'],
    ]);
    expect(caught(() => ok(s.addResults([], { id: 'T-BIO', role: 'teacher' }))).code).toBe('not_authorised');
  });

  // The property: nobody reads a result before its release instant for them, whatever the role, instant or nominations.
  const GCE = { restricted: '2026-08-12T00:01:00+01:00', candidates: '2026-08-13T08:00:00+01:00', press: '2026-08-13T09:30:00+01:00' };
  const GCSE = { restricted: '2026-08-19T00:01:00+01:00', candidates: '2026-08-20T08:00:00+01:00', press: '2026-08-20T09:30:00+01:00' };
  const ms = (at: Instant) => toLondon(at).toMillis();
  const CORE = new Set(['HEAD', 'EO', 'EOA']);

  const readerArb = fc.oneof(
    fc.record({ audience: fc.constant('centre_staff' as const), id: fc.constantFrom(...staff.map((m) => m.id)) }),
    fc.record({ audience: fc.constantFrom('candidate' as const, 'parent' as const), id: fc.constantFrom('C-1', 'C-2', 'C-3') }),
    fc.record({ audience: fc.constantFrom('press' as const, 'local_authority' as const, 'other_institution' as const), id: fc.constant('X') }),
  );
  const instantArb = fc.integer({ min: ms('2026-08-11T12:00:00+01:00'), max: ms('2026-08-21T12:00:00+01:00') });
  const nominationArb = fc.array(fc.record({ staffId: fc.constantFrom('T-MATHS', 'T-BIO', 'SLT'), by: fc.constantFrom('HEAD', 'EO', 'SLT') }), { maxLength: 4 });
  const opArb = fc.constantFrom('statement', 'analysis', 'reconcile', 'pressRelease');
  const levelArb = fc.constantFrom<QualificationLevel | undefined>('GCE', 'GCSE', undefined);

  fcTest.prop([readerArb, instantArb, nominationArb, opArb, levelArb, fc.constantFrom('C-1', 'C-2', 'C-3')], { numRuns: 300, seed: 20260812 })(
    'no one reads results before their release instant unless allowed, for random roles, instants and nominations',
    (reader, t, noms, op, level, candidateId) => {
      const { s, clock } = store('2026-08-10T12:00:00+01:00');
      const nominated = new Set<string>();
      for (const n of noms) {
        try {
          // Every subject: the scope of a nomination is tested on its own (seedResultsSeason.test.ts).
          ok(s.nominate({ staffId: n.staffId, by: { id: n.by, role: 'head_of_centre' }, reason: 'needs to see results', subjects: ['AQA-7402', 'AQA-8300'] }));
          nominated.add(n.staffId);
        } catch (e) {
          expect((e as ExamcycleError).code).toBe('not_authorised');
          expect(n.by).not.toBe('HEAD');
        }
      }
      clock.set(t);
      const before = s.audit().length;
      const releaseFor = (l: QualificationLevel): number => {
        const d = l === 'GCE' ? GCE : GCSE;
        if (op === 'pressRelease') return ms(d.press as Instant);
        // A nomination opens a teacher's own subjects' statements, never the whole-centre reports.
        if (reader.audience === 'centre_staff') return ms((CORE.has(reader.id) || (nominated.has(reader.id) && op === 'statement') ? d.restricted : d.candidates) as Instant);
        if (reader.audience === 'press' || reader.audience === 'local_authority') return ms(d.press as Instant);
        return ms(d.candidates as Instant);
      };
      const kindAllowed =
        op === 'pressRelease' ||
        (reader.audience === 'centre_staff' && reader.id !== 'GONE') ||
        (op === 'statement' && reader.audience === 'candidate' && reader.id === candidateId) ||
        (op === 'analysis' && (reader.audience === 'press' || reader.audience === 'local_authority'));
      // A statement covers the levels the candidate has results in; the other reads every level of the series.
      const candidateLevels: QualificationLevel[] = [...new Set(centreResults().filter((r) => r.candidateId === candidateId).map((r) => r.level))];
      const levels: QualificationLevel[] = level ? [level] : op === 'statement' ? candidateLevels : ['GCE', 'GCSE'];
      // A statement of "everything" is answered (perhaps empty) once any level of the series is released to the reader.
      const gate: QualificationLevel[] = !level && op === 'statement' ? ['GCE', 'GCSE'] : levels;
      const expectReadable = kindAllowed && (levels.some((l) => t >= releaseFor(l)) || gate.some((l) => t >= releaseFor(l)));
      let seen: QualificationLevel[] = [];
      try {
        if (op === 'statement') seen = ok(s.statementOfResults(reader, candidateId, level ? { level } : {})).lines.map((l) => l.level);
        else if (op === 'analysis') seen = ok(s.resultsAnalysis(reader, level ? { level } : {})).subjects.map((x) => x.level);
        else if (op === 'reconcile') seen = ok(s.reconcile(reader, level ? { level } : {})).matched.map((m) => m.result.level);
        else seen = ok(s.pressRelease({ by: { id: reader.id }, ...(level ? { level } : {}) })).subjects.map((x) => x.level);
        expect(expectReadable).toBe(true);
      } catch (e) {
        if (!isExamcycleError(e)) throw e;
        expect(e.code).toBe('access_denied');
        expect(e.rule).toBeTruthy();
        expect(expectReadable).toBe(false);
      }
      for (const l of seen) expect(t).toBeGreaterThanOrEqual(releaseFor(l));
      expect(s.audit().length).toBeGreaterThan(before);
    },
  );
});

