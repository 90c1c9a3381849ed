import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createResultsStore,
  isExamcycleError,
  createDurableResultsStore,
  toLondon,
  type ExamcycleError,
  type ExamcycleStore,
  type ResultsReader,
  type StoreTransaction,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { candidates, centreResults, entries, june2026, qualifications, staff } from './syntheticCentre.js';
import type { Instant } from '@examcycle/core';
import { ok } from './resultsOutcome.js';

function manualClock(at: Instant) {
  let t = toLondon(at).toMillis();
  return {
    now: () => t,
    set: (next: Instant) => {
      t = toLondon(next).toMillis();
    },
  };
}

const HEAD = { id: 'HEAD', role: 'head_of_centre' } as const;
const EO = { id: 'EO', role: 'exams_officer' } as const;
const staffReader = (id: string): ResultsReader => ({ audience: 'centre_staff', id });

function open(store: ExamcycleStore, clock: { now(): number }, centreNumber = '12345') {
  return createDurableResultsStore({ store, centreNumber, rulesPack: fixturePack, series: june2026, clock, entries, candidates, qualifications, staff });
}

async function rejection(p: Promise<unknown>): Promise<ExamcycleError> {
  try {
    await p;
  } catch (e) {
    if (isExamcycleError(e)) return e;
    throw e;
  }
  throw new Error('expected an ExamcycleError');
}

/** A store whose transactions record which records each one loaded. */
function spyingStore(inner: ExamcycleStore) {
  const loads: { collection: string; ids: readonly string[] | undefined }[] = [];
  const store: ExamcycleStore = {
    ...inner,
    transaction: (fn) =>
      inner.transaction((tx) => {
        const spied: StoreTransaction = {
          ...tx,
          loadRecords: (key, collection, ids) => {
            loads.push({ collection, ids });
            return tx.loadRecords(key, collection, ids);
          },
        };
        return fn(spied);
      }),
  };
  return { store, loads };
}

describe('createDurableResultsStore (issue 11: the results store is durable)', () => {
  it('keeps nominations, third-party authorities, applied enquiry outcomes and the audit across a reopen', async () => {
    const backing = createMemoryStore();
    const clock = manualClock('2026-08-12T09:00:00+01:00');
    const first = await open(backing, clock);
    await ok(first.addResults(centreResults(), EO, 'a2c.edi'));
    await ok(first.nominate({ staffId: 'T-BIO', by: HEAD, reason: 'Head of biology', subjects: ['AQA-7402'] }));
    clock.set('2026-08-13T10:00:00+01:00');
    await ok(first.authoriseThirdParty({ candidateId: 'C-1', thirdPartyId: 'P-1', written: true, signedAt: '2026-08-13T09:00:00+01:00', by: EO }));
    clock.set('2026-09-10T10:00:00+01:00');
    await ok(first.applyEnquiryOutcome({ enquiryId: 'EAR-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '7402', level: 'GCE', from: 'B', to: 'A', direction: 'up', at: '2026-09-09T12:00:00+01:00' }, EO));
    const before = await first.audit();

    const again = await open(backing, clock);
    expect((await again.nominations()).map((n) => [n.staffId, n.reason])).toEqual([['T-BIO', 'Head of biology']]);
    const parent = await ok(again.statementOfResults({ audience: 'parent', id: 'P-1' }, 'C-1', { level: 'GCE' }));
    expect(parent.lines.find((l) => l.awardCode === '7402')).toMatchObject({ grade: 'A', changedByEnquiry: { from: 'B', enquiryId: 'EAR-1' } });
    expect((await rejection(ok(again.applyEnquiryOutcome({ enquiryId: 'EAR-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '7402', level: 'GCE', from: 'A', to: 'A*', direction: 'up', at: '2026-09-09T12:00:00+01:00' }, EO)))).message).toContain('applied already');
    const after = await again.audit();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((a) => a.seq)).toEqual(after.map((_, i) => i + 1));
    expect(after.slice(before.length).map((a) => [a.event, a.outcome])).toEqual([
      ['results.read.statement', 'accepted'],
      ['results.gradeChanged', 'rejected'],
    ]);
  });

  it('writes an audit line for every read, allowed and denied, in the same transaction as the read', async () => {
    const backing = createMemoryStore();
    const clock = manualClock('2026-08-12T09:00:00+01:00');
    const s = await open(backing, clock);
    await ok(s.addResults(centreResults(), EO));
    const st = await ok(s.statementOfResults(staffReader('EO'), 'C-1'));
    await rejection(ok(s.statementOfResults(staffReader('T-BIO'), 'C-1', { level: 'GCE' })));
    await rejection(ok(s.statementOfResults(null as unknown as ResultsReader, 'C-1')));
    await ok(s.reconcile(staffReader('EO')));
    await ok(s.resultsAnalysis(staffReader('EO')));
    const reads = (await s.audit()).filter((a) => a.event.startsWith('results.read.'));
    expect(reads.map((a) => [a.event, a.by?.id ?? null, a.outcome, a.code ?? null])).toEqual([
      ['results.read.statement', 'EO', 'accepted', null],
      ['results.read.statement', 'T-BIO', 'rejected', 'access_denied'],
      ['results.read.statement', null, 'rejected', 'access_denied'],
      ['results.read.reconcile', 'EO', 'accepted', null],
      ['results.read.analysis', 'EO', 'accepted', null],
    ]);
    expect(reads[0]!.details).toMatchObject({ candidateId: 'C-1', levels: 'GCE', withheld: 'GCSE', results: st.lines.length, resultIds: st.lines.map((l) => l.resultId).join(',') });
  });

  it('answers every read exactly as the in-process store does', async () => {
    const clock = manualClock('2026-08-12T09:00:00+01:00');
    const durable = await open(createMemoryStore(), clock);
    await ok(durable.addResults(centreResults(), EO));
    const mem = createResultsStore({ rulesPack: fixturePack, series: june2026, clock, results: centreResults(), entries, candidates, qualifications, staff });
    for (const at of ['2026-08-12T09:00:00+01:00', '2026-08-19T07:00:00+01:00', '2026-08-21T10:00:00+01:00']) {
      clock.set(at as Instant);
      expect(await ok(durable.statementOfResults(staffReader('EO'), 'C-1'))).toEqual(ok(mem.statementOfResults(staffReader('EO'), 'C-1')));
      expect(await ok(durable.resultsAnalysis(staffReader('EO')))).toEqual(ok(mem.resultsAnalysis(staffReader('EO'))));
      const [d, m] = [await ok(durable.reconcile(staffReader('EO'))), ok(mem.reconcile(staffReader('EO')))];
      expect(d.lateCashIns).toEqual(m.lateCashIns);
      expect(d.missing).toEqual(m.missing);
      expect(d.matched.length).toBe(m.matched.length);
    }
  });

  it('loads only the candidate\'s own record for a statement of results', async () => {
    const { store, loads } = spyingStore(createMemoryStore());
    const clock = manualClock('2026-08-21T10:00:00+01:00');
    const s = await open(store, clock);
    await ok(s.addResults(centreResults(), EO));
    loads.length = 0;
    await ok(s.statementOfResults({ audience: 'candidate', id: 'C-2' }, 'C-2'));
    expect(loads).toEqual([{ collection: 'candidates', ids: ['C-2'] }]);
  });

  it('does not lose either store\'s writes when two stores share one backing store', async () => {
    const backing = createMemoryStore();
    const clock = manualClock('2026-08-12T09:00:00+01:00');
    const [a, b] = await Promise.all([open(backing, clock), open(backing, clock)]);
    const rows = centreResults();
    await Promise.all([
      ok(a.addResults(rows.filter((r) => r.candidateId === 'C-1'), EO, 'a')),
      ok(b.addResults(rows.filter((r) => r.candidateId !== 'C-1'), EO, 'b')),
      ok(a.nominate({ staffId: 'T-BIO', by: HEAD, reason: 'Head of biology', subjects: ['AQA-7402'] })),
      ok(b.nominate({ staffId: 'T-MATHS', by: HEAD, reason: 'Head of maths', subjects: ['AQA-8300'] })),
      ok(a.addResults([{ ...rows[0]!, id: 'EXTRA-1', awardCode: '9999' }], EO, 'a2')),
      ok(b.addResults([{ ...rows[0]!, id: 'EXTRA-2', awardCode: '9998' }], EO, 'b2')),
    ]);
    const c = await open(backing, clock);
    expect((await c.nominations()).map((n) => n.staffId).sort()).toEqual(['T-BIO', 'T-MATHS']);
    const all = await ok(c.resultsAnalysis(staffReader('EO')));
    expect(all.summary.qualificationResults).toBe(rows.filter((r) => r.kind === 'qualification' && r.level === 'GCE').length + 2);
    expect((await ok(c.statementOfResults(staffReader('EO'), 'C-1', { level: 'GCE' }))).lines.map((l) => l.resultId)).toEqual(expect.arrayContaining(['EXTRA-1', 'EXTRA-2']));
    expect((await c.audit()).filter((x) => x.event === 'results.received')).toHaveLength(4);
  });

  it('keeps centres and tenants apart in one backing store', async () => {
    const backing = createMemoryStore();
    const clock = manualClock('2026-08-12T09:00:00+01:00');
    const one = await open(backing, clock, '12345');
    const other = await createDurableResultsStore({ store: backing, centreNumber: '12345', tenant: 'trust-b', rulesPack: fixturePack, series: june2026, clock, staff });
    await ok(one.nominate({ staffId: 'T-BIO', by: HEAD, reason: 'Head of biology', subjects: ['AQA-7402'] }));
    expect(await other.nominations()).toEqual([]);
    expect(other.key).toEqual({ tenant: 'trust-b', centreNumber: '12345', machine: 'results', id: 'june-2026' });
  });

  it('records a refused write in the store before throwing it', async () => {
    const backing = createMemoryStore();
    const clock = manualClock('2026-08-12T09:00:00+01:00');
    const s = await open(backing, clock);
    expect((await rejection(ok(s.nominate({ staffId: 'T-BIO', by: EO, reason: 'Head of biology', subjects: ['AQA-7402'] })))).code).toBe('not_authorised');
    expect((await open(backing, clock).then((x) => x.audit())).at(-1)).toMatchObject({ event: 'results.nominate', outcome: 'rejected', code: 'not_authorised' });
  });

  it('refuses to open without a five-digit centre number, a store or a clock', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-08-12T09:00:00+01:00');
    expect((await rejection(createDurableResultsStore({ store, centreNumber: '12', rulesPack: fixturePack, series: june2026, clock }))).code).toBe('invalid_value');
    expect((await rejection(createDurableResultsStore({ store: undefined as unknown as ExamcycleStore, centreNumber: '12345', rulesPack: fixturePack, series: june2026, clock }))).code).toBe('invalid_value');
    expect((await rejection(createDurableResultsStore({ store, centreNumber: '12345', rulesPack: fixturePack, series: june2026 }))).code).toBe('invalid_value');
  });
});
