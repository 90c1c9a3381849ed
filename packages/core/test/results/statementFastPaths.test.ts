/**
 * The fast paths of a results store's statements (issue 16), each checked against the straightforward path it
 * replaces: the insertion sort of a statement against the collator, the index built from one copy against a
 * filter and a grouping, the candidate block without a regular expression, the pack's decisions kept by
 * audience, role and level against a key string, the read request and its audit line built as one literal
 * against the field-by-field build, and the in-process store's cached rows (shared level lists, joined ids)
 * against the durable store, which builds every statement from its candidate's record.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createDurableResultsStore,
  createMemoryStore,
  createResultsStore,
  toLondon,
  type Candidate,
  type Instant,
  type Outcome,
  type QualificationLevel,
  type Result,
  type ResultsAudience,
  type ResultsReader,
  type StaffRole,
  type StatementLine,
  type StatementOfResults,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { readAuditLine, resultsReadRequest, type ResultsReadGrant, type ResultsReadRequest } from '../../src/results/decideResultsRead.js';
import { resultsContext, type LevelOutcome } from '../../src/results/resultsContext.js';
import { indexResults } from '../../src/results/resultsIndex.js';
import { statementHeader } from '../../src/results/resultsReports.js';
import { byAwardCodeThenKind, sortForStatement, statementOrder } from '../../src/results/statementOrder.js';
import { candidates, centreResults, june2026, qualifications, staff } from './syntheticCentre.js';
import { ok } from './resultsOutcome.js';

const SEED = 20261203;
// A real collector, to see what a store keeps once a caller lets go of a statement (the flag is set before the context is made).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ms = (at: Instant): number => toLondon(at).toMillis();
const EO = { id: 'EO', role: 'exams_officer' } as const;

const codeArb = fc.constantFrom('7402', '74021', '74022', '8300H', '8300F', '83001H', '83002F', 'FSM2', 'X9', 'x10');
const kindArb = fc.constantFrom<Result['kind']>('qualification', 'component');
const levelArb = fc.constantFrom<QualificationLevel>('GCE', 'GCSE', 'functional_skills');

describe('a statement in statement order', () => {
  const lineArb = fc.record({ awardCode: codeArb, kind: fc.constantFrom('qualification', 'component', 'Component'), n: fc.nat() });
  fcTest.prop([fc.array(lineArb, { maxLength: 80 }), fc.array(lineArb, { maxLength: 60 })], { numRuns: 500, seed: SEED })(
    'sorts a short statement by insertion and a long one by positions, exactly as the collator does, ties in their order',
    (series, own) => {
      const order = statementOrder([...series, ...own]);
      const sorted = sortForStatement(own, order);
      const want = own.slice().sort(byAwardCodeThenKind);
      expect(sorted).toHaveLength(want.length);
      sorted.forEach((line, i) => expect(line).toBe(want[i]));
    },
  );
});

describe('the results index', () => {
  const resultArb = fc.record({
    candidateId: fc.constantFrom('C-1', 'C-2', 'C-3'),
    seriesId: fc.constantFrom('june-2026', 'june-2026', 'november-2026'),
    awardCode: codeArb,
    level: levelArb,
  });
  fcTest.prop([fc.array(resultArb, { maxLength: 60 })], { numRuns: 300, seed: SEED })(
    'keeps the series\' results in the order given, by candidate, with the levels present, and leaves every other series out',
    (rows) => {
      const results = rows.map((r, i) => ({ ...r, id: `R-${i}`, awardingBodyId: 'AQA', kind: 'qualification', grade: 'B' }) as Result);
      const index = indexResults(new Map(results.map((r) => [r.id, r])).values(), 'june-2026');
      const kept = results.filter((r) => r.seriesId === 'june-2026');
      expect(index.all).toEqual(kept);
      expect(index.all.every((r, i) => r === kept[i])).toBe(true);
      const byCandidate = new Map<string, Result[]>();
      for (const r of kept) byCandidate.set(r.candidateId, [...(byCandidate.get(r.candidateId) ?? []), r]);
      expect(index.byCandidate).toEqual(byCandidate);
      expect(index.levels).toEqual([...new Set(kept.map((r) => r.level))].sort());
    },
  );
});

describe('the candidate block of a statement', () => {
  const nameArb = fc.oneof(fc.constantFrom('', ',', ', ', ' ', 'Jo, ', 'Jo,', 'Ann-Marie'), fc.string({ maxLength: 6 }));
  fcTest.prop([nameArb, nameArb, fc.option(fc.constantFrom('', 'UCI-1'), { nil: undefined })], { numRuns: 400, seed: SEED })(
    'names the candidate "Surname, Forenames" as the regular expression did, without a trailing comma',
    (surname, forenames, uci) => {
      const c = { id: 'C-1', centreNumber: '12345', candidateNumber: '0001', legalSurname: surname, legalForenames: forenames, dateOfBirth: '2008-03-01', kind: 'internal', ...(uci === undefined ? {} : { uci }) } as Candidate;
      const ctx = resultsContext({ rulesPack: fixturePack, series: june2026, now: () => 0, candidates: [c] });
      const want = { candidateNumber: c.candidateNumber, centreNumber: c.centreNumber, name: `${surname}, ${forenames}`.replace(/, $/, ''), ...(c.uci ? { uci: c.uci } : {}) };
      const got = statementHeader(ctx, 'C-1');
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(Object.isFrozen(got)).toBe(true);
    },
  );
});

describe('the rules pack\'s decisions, kept per instant window', () => {
  const askArb = fc.record({
    audience: fc.constantFrom<ResultsAudience>('centre_staff', 'candidate', 'press'),
    role: fc.constantFrom<StaffRole | undefined>(undefined, 'teacher', 'exams_officer'),
    nominated: fc.boolean(),
    // A store's own results are not parsed: a level may be a number, or its digits as text.
    level: fc.constantFrom<unknown>('GCE', 'GCSE', 'project', 5, '5', undefined, 'undefined'),
  });
  fcTest.prop([fc.array(askArb, { minLength: 1, maxLength: 40 })], { numRuns: 300, seed: SEED })(
    'asks the pack once per audience, role, nomination and level (as its text), and answers every ask with that decision',
    (asks) => {
      let calls = 0;
      const pack = {
        ...fixturePack,
        resultsAccess: (req: Parameters<typeof fixturePack.resultsAccess>[0]) => {
          calls += 1;
          return { ...fixturePack.resultsAccess({ ...req, level: 'GCSE' }), rule: `call-${calls}` };
        },
      };
      const ctx = resultsContext({ rulesPack: pack, series: june2026, now: () => 0 });
      const t = ms('2026-08-20T09:00:00+01:00');
      const at = ctx.instantOf(t);
      // The straightforward path: one key string per ask.
      const seen = new Map<string, LevelOutcome>();
      for (const a of asks) {
        const key = `${a.audience}\u0000${a.role ?? ''}\u0000${a.nominated ? 1 : 0}\u0000${String(a.level)}`;
        const got = ctx.packDecision(a.audience, a.role, a.nominated, a.level as QualificationLevel, t, at);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, got);
          // A new key is a new question to the pack, asked now.
          expect('decision' in got && got.decision.rule).toBe(`call-${seen.size}`);
        } else expect(got).toBe(first);
      }
      expect(calls).toBe(seen.size);
    },
  );
});

describe('a read\'s request and audit line', () => {
  const readerArb = fc.constantFrom<ResultsReader>({ audience: 'centre_staff', id: 'EO' }, { audience: 'centre_staff', id: 'T-MATHS', role: 'teacher' }, { audience: 'candidate', id: 'C-1' }, { audience: 'press', id: 'X' });
  const kindArb = fc.constantFrom('statement' as const, 'analysis' as const, 'reconcile' as const);
  fcTest.prop([readerArb, kindArb, fc.option(fc.constantFrom<QualificationLevel>('GCE', 'GCSE'), { nil: undefined }), fc.option(fc.constantFrom('R-1,R-2', ['R-1', 'R-3']), { nil: undefined }), fc.boolean()], { numRuns: 300, seed: SEED })(
    'keeps the fields, values and key order of the field-by-field build',
    (reader, kind, level, resultIds, scoped) => {
      const ctx = resultsContext({ rulesPack: fixturePack, series: june2026, now: () => 0, staff });
      const at = ctx.instantOf(ms('2026-08-20T09:00:00+01:00'));
      const req = resultsReadRequest(ctx, kind, reader, 'C-1', level === undefined ? undefined : { level }, at);
      if (!req.ok) throw req.error;
      // The straightforward path: the request built field by field, in the order it has always had.
      const want: Record<string, unknown> = { ok: true, kind, event: `results.read.${kind}`, reader: { ...reader }, role: req.role, by: req.by };
      if (kind === 'statement') want['candidateId'] = 'C-1';
      if (level !== undefined) want['level'] = level;
      want['details'] = kind === 'statement' ? { candidateId: 'C-1' } : {};
      expect(Object.keys(req)).toEqual(Object.keys(want));
      expect(req).toEqual(want);

      const grant: ResultsReadGrant = { ok: true, at, t: ms(at), allowed: ['GCE', 'GCSE'], withheld: [], ...(scoped ? { nominationScope: { levels: ['GCE'], subjects: ['AQA-7402'] } } : {}) };
      const line = readAuditLine(ctx, req as ResultsReadRequest, grant, { results: 2, ...(resultIds === undefined ? {} : { resultIds }) });
      const details: Record<string, unknown> = { ...(kind === 'statement' ? { candidateId: 'C-1' } : {}), audience: reader.audience, level: level ?? null, levels: 'GCE,GCSE', withheld: '', results: 2 };
      if (resultIds !== undefined) details['resultIds'] = typeof resultIds === 'string' ? resultIds : resultIds.join(',');
      if (scoped) Object.assign(details, { nominatedSubjects: 'AQA-7402', nominatedLevels: 'GCE' });
      expect(Object.keys(line.details!)).toEqual(Object.keys(details));
      expect(line.details).toEqual(details);
    },
  );
});

describe('a statement of results from the in-process store', () => {
  const GCE_RESTRICTED = ms('2026-08-13T00:01:00+01:00');
  const GCSE_PRESS = ms('2026-08-20T09:30:00+01:00');
  const candidateIds = ['C-1', 'C-2', 'C-3', 'C-4'];
  const candidatesOf = (forenames: readonly string[]): Candidate[] =>
    candidateIds.map((id, i) => ({ id, centreNumber: '12345', candidateNumber: String(i + 1).padStart(4, '0'), legalSurname: `Surname${i}`, legalForenames: forenames[i] ?? '', dateOfBirth: '2008-03-01', kind: 'internal' }));
  const resultArb = fc.record({ candidateId: fc.constantFrom(...candidateIds), awardCode: codeArb, kind: kindArb, level: levelArb, grade: fc.constantFrom('A', 'B', '7', '') });
  const readArb = fc.record({
    reader: fc.constantFrom<ResultsReader>({ audience: 'centre_staff', id: 'EO' }, { audience: 'centre_staff', id: 'T-MATHS' }, { audience: 'centre_staff', id: 'SLT', role: 'teacher' }, { audience: 'candidate', id: 'C-2' }, { audience: 'parent', id: 'P-1' }),
    candidateId: fc.constantFrom(...candidateIds, 'C-404'),
    level: fc.constantFrom<QualificationLevel | undefined>(undefined, undefined, 'GCE', 'GCSE'),
    t: fc.integer({ min: GCE_RESTRICTED - 3_600_000, max: GCSE_PRESS }),
    regrade: fc.boolean(),
  });
  /** The read lines of a trail, as text without the store's own numbering. */
  const readAudit = (lines: readonly { event: string }[]): string => JSON.stringify(lines.filter((l) => l.event.startsWith('results.read.')), (k, v: unknown) => (k === 'seq' ? undefined : v));
  /** An outcome as text: the value, or the refusal's code, rule, message and details. */
  const outcomeText = (o: Outcome<unknown>): string => JSON.stringify(o.ok ? o : { code: o.error.code, rule: o.error.rule, message: o.error.message, details: o.error.details });

  fcTest.prop([fc.array(resultArb, { maxLength: 40 }), fc.array(fc.constantFrom('Sara', '', 'Jo, '), { minLength: 4, maxLength: 4 }), fc.array(readArb, { minLength: 1, maxLength: 12 })], { numRuns: 60, seed: SEED })(
    'shows and audits exactly what the durable store, which builds every statement from the candidate\'s record, does',
    async (rows, forenames, reads) => {
      const results = rows.map((r, i) => ({ ...r, id: `R-${r.candidateId}-${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA' }) as Result);
      let t = GCE_RESTRICTED;
      const options = { rulesPack: fixturePack, series: june2026, clock: { now: () => t }, candidates: candidatesOf(forenames), qualifications, staff };
      const mem = createResultsStore(options);
      const durable = await createDurableResultsStore({ ...options, store: createMemoryStore(), centreNumber: '12345' });
      ok(mem.addResults(results, EO, 'fuzz'));
      await ok(durable.addResults(results, EO, 'fuzz'));
      const nomination = { staffId: 'T-MATHS', by: { id: 'HEAD', role: 'head_of_centre' as const }, reason: 'Head of maths', subjects: ['AQA-8300'] };
      ok(mem.nominate(nomination));
      await ok(durable.nominate(nomination));
      for (const read of reads) {
        t = read.t;
        if (read.regrade && results.length > 0) {
          // A changed result clears the cached rows: the next statement is built again.
          const again = [{ ...results[read.t % results.length]!, grade: 'C' }];
          ok(mem.addResults(again, EO, 'fuzz'));
          await ok(durable.addResults(again, EO, 'fuzz'));
        }
        const opts = read.level === undefined ? undefined : { level: read.level };
        const got = mem.statementOfResults(read.reader, read.candidateId, opts);
        const want = await durable.statementOfResults(read.reader, read.candidateId, opts);
        expect(outcomeText(got)).toBe(outcomeText(want));
        if (got.ok) expect(got.value.lines.every((l) => Object.isFrozen(l))).toBe(true);
      }
      expect(readAudit(mem.audit())).toBe(readAudit(await durable.audit()));
    },
  );
});

describe('a statement\'s lines, built for each read', () => {
  const AFTER_RESULTS = ms('2026-09-10T10:00:00+01:00');
  const EO_READER: ResultsReader = { audience: 'centre_staff', id: 'EO' };
  const storeOf = () => createResultsStore({ rulesPack: fixturePack, series: june2026, now: () => AFTER_RESULTS, candidates, qualifications, staff, results: centreResults() });
  const readOf = (store: ReturnType<typeof storeOf>) => (): StatementOfResults => ok(store.statementOfResults(EO_READER, 'C-1'));

  it('keeps no line of a statement once its caller lets go of it (measured with a real collector)', async () => {
    const read = readOf(storeOf());
    const want = JSON.stringify(read());
    const refs: WeakRef<StatementLine>[] = [];
    (() => {
      for (const line of read().lines) refs.push(new WeakRef(line));
    })();
    expect(refs).toHaveLength(5);
    // A weak reference holds its target until the end of the job that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    expect(JSON.stringify(read())).toBe(want);
  });

  it('hands each read lines of its own: changing the list a read returned, or trying to change a line, leaves the next read as it was', () => {
    const read = readOf(storeOf());
    const first = read();
    const want = JSON.stringify(first);
    const lines = first.lines as StatementLine[];
    const line = lines[0]!;
    expect(() => {
      (line as { grade: string }).grade = 'A*';
    }).toThrow(TypeError);
    lines.reverse();
    lines.push({ ...line, resultId: 'R-FORGED' });
    lines.length = 1;
    const second = read();
    expect(JSON.stringify(second)).toBe(want);
    expect(second.lines).not.toBe(first.lines);
    expect(second.lines).not.toContain(line);
    expect(second.lines.every((l) => Object.isFrozen(l))).toBe(true);
  });

  it('keeps one frozen actor per reader and role in the trail, shared by their reads, and the right one past a thousand readers', () => {
    const store = storeOf();
    const reads: { reader: ResultsReader; candidateId: string; by: { id: string; role?: string } }[] = [
      { reader: EO_READER, candidateId: 'C-1', by: { id: 'EO', role: 'exams_officer' } },
      { reader: EO_READER, candidateId: 'C-2', by: { id: 'EO', role: 'exams_officer' } },
      { reader: { audience: 'centre_staff', id: 'SLT', role: 'teacher' }, candidateId: 'C-1', by: { id: 'SLT', role: 'teacher' } },
      { reader: { audience: 'centre_staff', id: 'SLT' }, candidateId: 'C-1', by: { id: 'SLT' } },
      // More readers than the store remembers: each still gets their own id and role.
      ...Array.from({ length: 1_500 }, (_, i) => ({ reader: { audience: 'candidate', id: `C-${i + 1}` } as ResultsReader, candidateId: `C-${i + 1}`, by: { id: `C-${i + 1}`, role: 'candidate' } })),
      { reader: EO_READER, candidateId: 'C-3', by: { id: 'EO', role: 'exams_officer' } },
      { reader: { audience: 'candidate', id: 'C-2' }, candidateId: 'C-2', by: { id: 'C-2', role: 'candidate' } },
    ];
    for (const r of reads) ok(store.statementOfResults(r.reader, r.candidateId));
    const lines = store.audit().filter((e) => e.event === 'results.read.statement');
    expect(lines).toHaveLength(reads.length);
    lines.forEach((line, i) => {
      expect(JSON.stringify(line.by)).toBe(JSON.stringify(reads[i]!.by));
      expect(Object.isFrozen(line.by)).toBe(true);
    });
    expect(lines[1]!.by).toBe(lines[0]!.by);
    expect(lines[3]!.by).not.toBe(lines[2]!.by);
    expect(() => {
      (lines[0]!.by as { id: string }).id = 'SOMEONE-ELSE';
    }).toThrow(TypeError);
    expect(store.audit().filter((e) => e.event === 'results.read.statement')[1]!.by?.id).toBe('EO');
  });

  const resultArb = fc.record({ candidateId: fc.constantFrom('C-1', 'C-2', 'C-3'), awardCode: codeArb, kind: kindArb, level: levelArb, grade: fc.constantFrom('A', 'B', '7', '') });
  const enquiryArb = fc.record({ pick: fc.nat(), to: fc.constantFrom('A*', 'A', 'C', '9', 'U'), readBetween: fc.boolean() });
  const readerArb = fc.constantFrom<ResultsReader>(EO_READER, { audience: 'candidate', id: 'C-2' });
  /** An outcome as text: the value, or the refusal's code, rule, message and details. */
  const outcomeText = (o: Outcome<unknown>): string => JSON.stringify(o.ok ? o : { code: o.error.code, rule: o.error.rule, message: o.error.message, details: o.error.details });
  const readAudit = (lines: readonly { event: string }[]): string => JSON.stringify(lines.filter((l) => l.event.startsWith('results.read.')), (k, v: unknown) => (k === 'seq' ? undefined : v));

  fcTest.prop([fc.array(resultArb, { minLength: 1, maxLength: 24 }), fc.array(enquiryArb, { minLength: 1, maxLength: 8 }), readerArb, fc.constantFrom<QualificationLevel | undefined>(undefined, 'GCE', 'GCSE')], { numRuns: 60, seed: 20261204 })(
    'marks each line an enquiry changed (the grade before the first change, the latest enquiry) as the durable store does',
    async (rows, enquiries, reader, level) => {
      const results = rows.map((r, i) => ({ ...r, id: `R-${r.candidateId}-${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA' }) as Result);
      const options = { rulesPack: fixturePack, series: june2026, clock: { now: () => AFTER_RESULTS }, candidates, qualifications, staff };
      const mem = createResultsStore(options);
      const durable = await createDurableResultsStore({ ...options, store: createMemoryStore(), centreNumber: '12345' });
      ok(mem.addResults(results, EO, 'fuzz'));
      await ok(durable.addResults(results, EO, 'fuzz'));
      const grades = new Map(results.map((r) => [r.id, r.grade]));
      const opts = level === undefined ? undefined : { level };
      for (const [k, e] of enquiries.entries()) {
        const target = results[e.pick % results.length]!;
        const change = { enquiryId: `EAR-${k}`, candidateId: target.candidateId, seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: target.awardCode, level: target.level, resultId: target.id, from: grades.get(target.id)!, to: e.to, direction: 'up' as const, at: '2026-09-09T12:00:00+01:00' as Instant };
        const a = mem.applyEnquiryOutcome(change, EO);
        const b = await durable.applyEnquiryOutcome(change, EO);
        expect(outcomeText(a)).toBe(outcomeText(b));
        if (a.ok) grades.set(target.id, e.to);
        if (e.readBetween) {
          // A read between two changes caches the candidate's row: the next change must clear it.
          expect(outcomeText(mem.statementOfResults(reader, target.candidateId, opts))).toBe(outcomeText(await durable.statementOfResults(reader, target.candidateId, opts)));
        }
      }
      for (const candidateId of ['C-1', 'C-2', 'C-3']) {
        const got = mem.statementOfResults(reader, candidateId, opts);
        expect(outcomeText(got)).toBe(outcomeText(await durable.statementOfResults(reader, candidateId, opts)));
        if (got.ok) expect(got.value.lines.every((l) => Object.isFrozen(l) && (l.changedByEnquiry === undefined || Object.isFrozen(l.changedByEnquiry)))).toBe(true);
      }
      expect(readAudit(mem.audit())).toBe(readAudit(await durable.audit()));
    },
  );
});
