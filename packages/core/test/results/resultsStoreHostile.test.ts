import { describe, expect, it } from 'vitest';
import {
  createResultsStore,
  ExamcycleError,
  isExamcycleError,
  toLondon,
  type QualificationLevel,
  type Result,
  type ResultsReader,
  type RulesPack,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { june2026, staff } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';
import { ok } from './resultsOutcome.js';

/** Like the JCQ pack: GCE and GCSE have release instants; any other level has none and the pack throws. */
const jcqLikePack: Pick<RulesPack, 'resultsAccess' | 'keyDates' | 'authorities' | 'delegations'> = {
  keyDates: (series) => fixturePack.keyDates(series),
  authorities: (year) => fixturePack.authorities(year),
  delegations: () => [],
  resultsAccess(req) {
    if (req.level !== 'GCE' && req.level !== 'GCSE') throw new ExamcycleError('unknown_series', `The pack knows no ${req.level} results day for ${req.series.id}`);
    return fixturePack.resultsAccess(req);
  },
};

function result(candidateId: string, awardCode: string, level: QualificationLevel, grade = 'B'): Result {
  return { id: `R-${candidateId}-${awardCode}`, candidateId, seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode, kind: 'qualification', level, grade };
}

const RESULTS: Result[] = [
  result('C-1', '7402', 'GCE', 'B'),
  result('C-1', '8300H', 'GCSE', '7'),
  result('C-1', 'FSM2', 'functional_skills', 'P'),
  result('C-1', '7993', 'project', 'A'),
  result('C-A', '7402', 'GCE', 'A'),
  result('C-B', '8300H', 'GCSE', '5'),
  result('C-F', 'FSM2', 'functional_skills', 'P'),
  result('__proto__', '7402', 'GCE', 'C'),
  result('constructor', '8300H', 'GCSE', '4'),
];

function store(at: Instant, pack: Pick<RulesPack, 'resultsAccess' | 'keyDates' | 'authorities' | 'delegations'> = jcqLikePack) {
  let t = toLondon(at).toMillis();
  const s = createResultsStore({ rulesPack: pack, series: june2026, clock: { now: () => t }, results: RESULTS, staff });
  return { s, set: (next: Instant) => (t = toLondon(next).toMillis()) };
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

const EO: ResultsReader = { audience: 'centre_staff', id: 'EO' };
const LEVEL_NAMES = /\b(GCE|GCSE|functional_skills|project|entry_level|other)\b/;

describe('results store under hostile reads (issue 12)', () => {
  describe('decides per result, not per statement', () => {
    it('releases the GCE and GCSE lines of a statement although the pack has no release time for functional skills or a project', () => {
      const { s } = store('2026-08-20T08:00:00+01:00');
      const st = ok(s.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1'));
      expect(st.lines.map((l) => [l.awardCode, l.grade])).toEqual([
        ['7402', 'B'],
        ['8300H', '7'],
      ]);
      expect(st.withheld.map((w) => w.level)).toEqual(['functional_skills', 'project']);
      expect(st.withheld[0]).toMatchObject({ rule: 'examcycle.results.pack-undecided', reason: expect.stringContaining('no functional_skills results day') });
    });

    it('gives the analysis and the press release for the released levels and withholds the undecidable ones', () => {
      const { s } = store('2026-08-20T09:30:00+01:00');
      const press: ResultsReader = { audience: 'press', id: 'Gazette' };
      const a = ok(s.resultsAnalysis(press));
      expect(a.levels).toEqual(['GCE', 'GCSE']);
      expect(a.summary.qualificationResults).toBe(6);
      expect(a.withheld.map((w) => w.level)).toEqual(['functional_skills', 'project']);
      const pr = ok(s.pressRelease({ by: { id: 'EO', role: 'exams_officer' } }));
      expect(pr.subjects.map((x) => x.level).sort()).toEqual(['GCE', 'GCSE']);
      expect(ok(s.reconcile(EO)).levels).toEqual(['GCE', 'GCSE']);
    });

    it('refuses a read of only an undecidable level with the pack\'s typed reason', () => {
      const { s } = store('2026-08-20T09:30:00+01:00');
      const e = caught(() => ok(s.statementOfResults(EO, 'C-1', { level: 'functional_skills' })));
      expect(e.code).toBe('unknown_series');
      expect(s.audit().at(-1)).toMatchObject({ event: 'results.read.statement', outcome: 'rejected', code: 'unknown_series' });
    });
  });

  describe('the audit records exactly what was returned', () => {
    it('writes the levels, the withheld levels and the result ids a statement returned', () => {
      const { s } = store('2026-08-13T08:00:00+01:00');
      const st = ok(s.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1'));
      expect(st.lines.map((l) => l.resultId)).toEqual(['R-C-1-7402']);
      expect(s.audit().at(-1)).toMatchObject({
        event: 'results.read.statement',
        outcome: 'accepted',
        by: { id: 'C-1', role: 'candidate' },
        details: { candidateId: 'C-1', levels: 'GCE', withheld: 'GCSE,functional_skills,project', results: 1, resultIds: 'R-C-1-7402' },
      });
    });

    it('writes one line per read, never one per level', () => {
      const { s } = store('2026-08-20T09:30:00+01:00');
      const before = s.audit().length;
      ok(s.resultsAnalysis(EO));
      ok(s.statementOfResults(EO, 'C-1'));
      caught(() => ok(s.reconcile({ audience: 'candidate', id: 'C-1' })));
      expect(s.audit().length - before).toBe(3);
    });
  });

  describe('a missing or malformed reader is a typed refusal, audited', () => {
    const garbage: unknown[] = [null, undefined, 42, 'EO', [], {}, { audience: 'centre_staff' }, { id: 'EO' }, { audience: 'wizard', id: 'EO' }, { audience: 'candidate', id: '' }, { audience: 'centre_staff', id: 'T-BIO', role: 'overlord' }, Object.create(null)];

    it.each(garbage.map((g) => [JSON.stringify(g) ?? String(g), g]))('refuses the reader %s on every read, naming the rule, and records it', (_name, reader) => {
      const { s } = store('2026-08-21T10:00:00+01:00');
      const reads = [
        () => ok(s.statementOfResults(reader as ResultsReader, 'C-1')),
        () => ok(s.reconcile(reader as ResultsReader)),
        () => ok(s.resultsAnalysis(reader as ResultsReader)),
      ];
      for (const read of reads) {
        const before = s.audit().length;
        const e = caught(read);
        expect(e).toMatchObject({ code: 'access_denied', rule: 'examcycle.results.reader-identified' });
        expect(s.audit()).toHaveLength(before + 1);
        expect(s.audit().at(-1)).toMatchObject({ outcome: 'rejected', code: 'access_denied', rule: 'examcycle.results.reader-identified' });
      }
    });

    it('refuses a press release by no identifiable actor, and a malformed candidate id or level, with typed errors', () => {
      const { s } = store('2026-08-21T10:00:00+01:00');
      expect(caught(() => ok(s.pressRelease({ by: null as never }))).code).toBe('access_denied');
      expect(caught(() => ok(s.pressRelease(undefined as never))).code).toBe('access_denied');
      expect(caught(() => ok(s.statementOfResults(EO, 42 as unknown as string))).code).toBe('invalid_value');
      expect(caught(() => ok(s.statementOfResults(EO, 'C-1', { level: 'A-level' as QualificationLevel }))).code).toBe('invalid_value');
      expect(caught(() => ok(s.resultsAnalysis(EO, null as never))).code).toBe('invalid_value');
      expect(s.audit().slice(-5).map((a) => a.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    });

    it('refuses writes by no identifiable actor with not_authorised, recorded', () => {
      const { s } = store('2026-08-21T10:00:00+01:00');
      expect(caught(() => ok(s.nominate({ staffId: 'T-BIO', by: null as never, reason: 'Head of biology', subjects: ['AQA-7402'] }))).code).toBe('not_authorised');
      expect(caught(() => ok(s.addResults([], undefined as never))).code).toBe('not_authorised');
      expect(caught(() => ok(s.applyEnquiryOutcome(null as never, { id: 'EO', role: 'exams_officer' }))).code).toBe('invalid_value');
      expect(s.audit().map((a) => a.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
    });
  });

  describe('a denial before release does not reveal which levels a candidate has results in', () => {
    it('refuses candidates with GCE, GCSE, functional skills or no results alike, naming no level', () => {
      const { s } = store('2026-08-13T07:59:00+01:00');
      const refusals = ['C-1', 'C-A', 'C-B', 'C-F', 'C-NONE'].map((id) => caught(() => ok(s.statementOfResults({ audience: 'candidate', id }, id))));
      const shapes = refusals.map((e) => ({ code: e.code, rule: e.rule, message: e.message.replace(/"C-[A-Z0-9]+"/, '"…"'), details: { ...e.details, candidateId: '…' } }));
      for (const shape of shapes) expect(shape).toEqual(shapes[0]);
      for (const e of refusals) {
        expect(e.message).not.toMatch(LEVEL_NAMES);
        expect(JSON.stringify(e.details)).not.toMatch(LEVEL_NAMES);
      }
      expect(refusals[0]).toMatchObject({ code: 'access_denied', rule: 'fixture.candidates', details: { allowedFrom: '2026-08-13T08:00:00.000+01:00' } });
    });

    it('answers a candidate whose only results are still withheld with an empty statement once the series has opened to them', () => {
      const { s } = store('2026-08-13T08:00:00+01:00');
      const st = ok(s.statementOfResults({ audience: 'candidate', id: 'C-B' }, 'C-B'));
      expect(st.lines).toEqual([]);
      expect(st.withheld.map((w) => w.level)).toEqual(['GCSE']);
    });
  });

  it('reads the results of candidates whose ids are __proto__ and constructor like any other', () => {
    const { s } = store('2026-08-21T10:00:00+01:00');
    expect(ok(s.statementOfResults({ audience: 'candidate', id: '__proto__' }, '__proto__')).lines.map((l) => l.resultId)).toEqual(['R-__proto__-7402']);
    expect(ok(s.statementOfResults(EO, 'constructor')).lines.map((l) => l.resultId)).toEqual(['R-constructor-8300H']);
    expect(ok(s.statementOfResults(EO, 'toString')).lines).toEqual([]);
  });

  it('asks the pack whether a nomination opens results early, and does not assume it does (issue 13)', () => {
    const noNominated: typeof jcqLikePack = {
      ...jcqLikePack,
      keyDates: jcqLikePack.keyDates,
      resultsAccess: (req) => jcqLikePack.resultsAccess({ ...req, nominatedByHeadOfCentre: false }),
    };
    const { s } = store('2026-08-12T09:00:00+01:00', noNominated);
    ok(s.nominate({ staffId: 'T-BIO', by: { id: 'HEAD', role: 'head_of_centre' }, reason: 'Head of biology', subjects: ['AQA-7402'] }));
    expect(caught(() => ok(s.statementOfResults({ audience: 'centre_staff', id: 'T-BIO' }, 'C-1', { level: 'GCE' }))).rule).toBe('fixture.restricted-release');
  });
});
