/**
 * The results-read benchmark (issue 16): what users call on results day, from a created store to the answer,
 * with the JCQ pack deciding every read (so it lives in rules-jcq's bench: core knows no pack).
 * 1. Statements of results through `createResultsStore().statementOfResults` (the reader checked, every level
 *    decided by the rules pack, the read audited) against what a competent engineer writes first: a Map of
 *    results by candidate, an access check (own results only, the level's release instant passed) and an
 *    audit push. Every candidate reads their statement once per round; equal warm-up and interleaved rounds.
 * 2. Flatness: the same number of reads in a centre with 10× the results (an even sample of 20,000
 *    candidates), and the same reads with a long audit trail already in the store.
 * 3. Results day for the centre: the store created from the raw results, every statement, the analysis and
 *    the matching report (the broadsheet), against the Map version of the same; the total (goal: well under
 *    1 s) and each step's share.
 * Knobs: BENCH_CANDIDATES (2,000), BENCH_ROUNDS (5), BENCH_WARMUP (1), BENCH_TRAIL (20,000 audit lines before the late reads).
 */
import { createResultsStore, examSeries, type Candidate, type Entry, type Qualification, type Result, type Outcome, type ResultsReader, type ResultsStore } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';
import { knob, measure, medianOf, printTable, row, seeded, type SummaryRow } from '../../../scripts/bench/measure.js';

const series = examSeries('june', 2026);
const AT = Date.parse('2026-08-21T09:00:00Z');
const GRADES = ['9', '8', '7', '6', '5', '4', '3', '2', '1', 'U'];

interface Centre {
  readonly candidates: Candidate[];
  readonly qualifications: Qualification[];
  readonly entries: Entry[];
  readonly results: Result[];
}

/** A centre: GCSE candidates on 9 subjects plus English Literature, or A-level on 3 subjects plus a project. */
function centre(count: number, seed: number): Centre {
  const rnd = seeded(seed);
  const qualifications: Qualification[] = [];
  for (let s = 0; s < 24; s += 1) {
    const level = s < 18 ? ('GCSE' as const) : ('GCE' as const);
    const code = `${level === 'GCSE' ? 8 : 7}${String(100 + s)}`;
    qualifications.push({ id: `AQA-${code}`, awardingBodyId: 'AQA', specificationCode: code, title: `${level} subject ${s}`, level, entryOptions: [{ code, title: '', componentCodes: [`${code}1`, `${code}2`] }] });
  }
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  const results: Result[] = [];
  for (let c = 0; c < count; c += 1) {
    const id = `C-${c}`;
    candidates.push({ id, centreNumber: '12345', candidateNumber: String(c + 1).padStart(4, '0'), legalSurname: `Surname${c}`, legalForenames: 'Sam', dateOfBirth: '2008-03-01', kind: 'internal' });
    const gce = c % 5 === 0;
    const subjects = gce ? 4 : 10;
    const first = gce ? 18 : Math.floor(rnd() * 8);
    for (let k = 0; k < subjects; k += 1) {
      const q = qualifications[gce ? 18 + ((first + k) % 6) : (first + k) % 18]!;
      const code = q.specificationCode;
      entries.push({ id: `E-${id}-${code}`, candidateId: id, seriesId: series.id, awardingBodyId: 'AQA', entryCode: code, componentCodes: [`${code}1`, `${code}2`], status: 'accepted', submittedAt: '2026-02-10T10:00:00+00:00', identityVerified: true });
      if (rnd() < 0.995) results.push({ id: `R-${id}-${code}`, candidateId: id, seriesId: series.id, awardingBodyId: 'AQA', awardCode: code, kind: 'qualification', level: q.level, grade: GRADES[Math.floor(rnd() * GRADES.length)]! });
    }
  }
  return { candidates, qualifications, entries, results };
}

/** A read's value, as a caller writes it: a refusal here is a bench defect. */
function valueOf<T>(read: Outcome<T>): T {
  if (!read.ok) throw read.error;
  return read.value;
}

function storeOf(c: Centre, at: { ms: number }): ResultsStore {
  return createResultsStore({ rulesPack: jcq, series, clock: { now: () => at.ms }, results: c.results, entries: c.entries, candidates: c.candidates, qualifications: c.qualifications });
}

/** What a competent engineer writes first: results by candidate in a Map, an access check, an audit push. */
function firstImplementation(c: Centre) {
  const byCandidate = new Map<string, Result[]>();
  for (const r of c.results) {
    const list = byCandidate.get(r.candidateId);
    if (list) list.push(r);
    else byCandidate.set(r.candidateId, [r]);
  }
  const releases = new Map<string, number>();
  for (const k of jcq.keyDates(series)) if (k.kind === 'release_to_candidates' && k.level) releases.set(k.level, Date.parse(k.at));
  const audit: { at: string; by: string; event: string; resultIds: string }[] = [];
  return {
    audit,
    statement(reader: ResultsReader, candidateId: string, now: number): Result[] {
      if (reader.audience !== 'candidate' || reader.id !== candidateId) throw new Error('a candidate reads only their own results');
      const own = (byCandidate.get(candidateId) ?? []).filter((r) => now >= (releases.get(r.level) ?? Number.POSITIVE_INFINITY));
      audit.push({ at: new Date(now).toISOString(), by: reader.id, event: 'results.read.statement', resultIds: own.map((r) => r.id).join(',') });
      return own;
    },
    analysis(now: number): Map<string, Map<string, number>> {
      const bySubject = new Map<string, Map<string, number>>();
      for (const r of c.results) {
        if (now < (releases.get(r.level) ?? Number.POSITIVE_INFINITY)) continue;
        const grades = bySubject.get(r.awardCode) ?? new Map<string, number>();
        grades.set(r.grade, (grades.get(r.grade) ?? 0) + 1);
        bySubject.set(r.awardCode, grades);
      }
      audit.push({ at: new Date(now).toISOString(), by: 'EO', event: 'results.read.analysis', resultIds: '' });
      return bySubject;
    },
    broadsheet(now: number): { matched: number; missing: number } {
      const seen = new Set(c.results.filter((r) => now >= (releases.get(r.level) ?? Number.POSITIVE_INFINITY)).map((r) => `${r.candidateId}|${r.awardCode}`));
      let matched = 0;
      for (const e of c.entries) if (seen.has(`${e.candidateId}|${e.entryCode}`)) matched += 1;
      audit.push({ at: new Date(now).toISOString(), by: 'EO', event: 'results.read.reconcile', resultIds: '' });
      return { matched, missing: c.entries.length - matched };
    },
  };
}

const candidateReaders = (c: Centre): ResultsReader[] => c.candidates.map((x) => ({ audience: 'candidate', id: x.id }));
const EO: ResultsReader = { audience: 'centre_staff', id: 'EO', role: 'exams_officer' };

/** Runs the results-read bench and returns its summary rows. */
export async function benchResultsReads(calibrationMs: number): Promise<SummaryRow[]> {
  const count = knob('BENCH_CANDIDATES', 2_000);
  const rounds = knob('BENCH_ROUNDS', 5);
  const warmup = knob('BENCH_WARMUP', 1);
  const trailReads = knob('BENCH_TRAIL', 20_000);
  const small = centre(count, 2026);
  const large = centre(count * 10, 2027);
  const rows: SummaryRow[] = [];
  const out = (line = '') => process.stdout.write(`${line}\n`);

  // Agreement first: the same results, line for line.
  {
    const clock = { ms: AT };
    const store = storeOf(small, clock);
    const first = firstImplementation(small);
    for (const reader of candidateReaders(small).slice(0, 200)) {
      const a = valueOf(store.statementOfResults(reader, reader.id)).lines.map((l) => l.resultId).sort().join();
      const b = first.statement(reader, reader.id, AT).map((r) => r.id).sort().join();
      if (a !== b) throw new Error(`statements differ for ${reader.id}: ${a} / ${b}`);
    }
  }

  /** Contenders reading `count` statements (every candidate's, or an even sample of a larger centre's). */
  const statementsOf = (c: Centre, label: string) => {
    const clock = { ms: AT };
    const store = storeOf(c, clock);
    const first = firstImplementation(c);
    const step = c.candidates.length / count;
    const readers = candidateReaders(c).filter((_, i) => i % step === 0);
    return {
      store,
      first,
      contenders: [
        {
          name: `statementOfResults (${label})`,
          run: () => {
            let n = 0;
            for (const reader of readers) {
              clock.ms += 1;
              n += valueOf(store.statementOfResults(reader, reader.id)).lines.length;
            }
            return n;
          },
        },
        {
          name: `Map + access check + audit push (${label})`,
          run: () => {
            let n = 0;
            for (const reader of readers) n += first.statement(reader, reader.id, AT + n).length;
            return n;
          },
        },
      ],
    };
  };

  const s = statementsOf(small, `${count.toLocaleString('en-GB')} candidates`);
  const t1 = await measure(s.contenders, { warmup, rounds });
  const title1 = `results: every candidate reads their statement (${count.toLocaleString('en-GB')} reads per round, ${small.results.length.toLocaleString('en-GB')} results)`;
  printTable(title1, t1, t1[1]!.name, count, 'reads');
  rows.push(row('rules-jcq', `statementOfResults, ${count.toLocaleString('en-GB')} candidates × ~9 results`, t1, t1[0]!.name, t1[1]!.name, { maxRatio: 10, calibrationMs }));

  const l = statementsOf(large, `${count.toLocaleString('en-GB')} of ${(count * 10).toLocaleString('en-GB')} candidates`);
  const t2 = await measure(l.contenders, { warmup, rounds });
  const title2 = `results: the same ${count.toLocaleString('en-GB')} reads per round in a centre with 10× the results (${large.results.length.toLocaleString('en-GB')})`;
  printTable(title2, t2, t2[1]!.name, count, 'reads');
  const flatResults = t2[0]!.median / t1[0]!.median;
  out(`  per read with 10× the results: ${flatResults.toFixed(2)}× the time per read with ${small.results.length.toLocaleString('en-GB')} (flat ≈ 1)`);
  rows.push(row('rules-jcq', `statementOfResults, ${count.toLocaleString('en-GB')} reads in a ${(count * 10).toLocaleString('en-GB')}-candidate centre (10× results)`, t2, t2[0]!.name, t2[1]!.name, { maxRatio: 10, calibrationMs, note: `time per read ${flatResults.toFixed(2)}× that with ${small.results.length.toLocaleString('en-GB')} results (flat ≈ 1)` }));

  // A long trail: the store has already answered `trailReads` reads.
  {
    const clock = { ms: AT };
    const store = storeOf(small, clock);
    const readers = candidateReaders(small);
    const batch = () => {
      for (const reader of readers) {
        clock.ms += 1;
        valueOf(store.statementOfResults(reader, reader.id));
      }
    };
    const timeBatch = () => {
      const t0 = performance.now();
      batch();
      return performance.now() - t0;
    };
    batch();
    const early = Math.min(timeBatch(), timeBatch());
    const t0 = performance.now();
    while (store.audit().length < trailReads) batch();
    const filled = performance.now() - t0;
    const late = Math.min(timeBatch(), timeBatch());
    out(`  with ${store.audit().length.toLocaleString('en-GB')} audit lines already in the trail: ${(late / early).toFixed(2)}× the time per read of a fresh store (flat ≈ 1; filling took ${(filled / 1000).toFixed(1)} s)`);
    rows.push({
      package: 'rules-jcq',
      path: `statementOfResults with ${store.audit().length.toLocaleString('en-GB')} audit lines already in the trail`,
      examcycle: { name: 'late reads (best of 2 batches)', minMs: late, medianMs: late, maxMs: late },
      baseline: { name: 'the same reads on a fresh trail', minMs: early, medianMs: early, maxMs: early },
      ratio: late / early,
      goal: 'flat in trail length (≤ 1.5×)',
      met: late / early <= 1.5,
      calibrationMs,
    });
  }

  // Results day: raw results to every statement, the analysis and the broadsheet, each step timed within the round.
  const readers = candidateReaders(small);
  const STEPS = ['store created', 'every statement', 'the analysis', 'the broadsheet'] as const;
  const stepTimes = STEPS.map(() => [] as number[]);
  const t3 = await measure(
    [
      {
        name: 'results day through createResultsStore',
        run: () => {
          const t0 = performance.now();
          const clock = { ms: AT };
          const store = storeOf(small, clock);
          const t1 = performance.now();
          let n = 0;
          for (const reader of readers) n += valueOf(store.statementOfResults(reader, reader.id)).lines.length;
          const t2 = performance.now();
          n += valueOf(store.resultsAnalysis(EO)).subjects.length;
          const t3 = performance.now();
          n += valueOf(store.reconcile(EO)).matched.length;
          const t4 = performance.now();
          [t1 - t0, t2 - t1, t3 - t2, t4 - t3].forEach((ms, i) => stepTimes[i]!.push(ms));
          return n;
        },
      },
      {
        name: 'results day with Maps',
        run: () => {
          const first = firstImplementation(small);
          let n = 0;
          for (const reader of readers) n += first.statement(reader, reader.id, AT).length;
          n += first.analysis(AT).size;
          n += first.broadsheet(AT).matched;
          return n;
        },
      },
    ],
    { warmup, rounds },
  );
  const title3 = `results day: ${count.toLocaleString('en-GB')} candidates, the store created, every statement, the analysis, the broadsheet`;
  printTable(title3, t3, t3[1]!.name, 1, 'days');
  // Each step's share of the day: medians over the measured rounds (the warm-up's are left out).
  const stepMedians = stepTimes.map((xs) => medianOf(xs.slice(warmup)));
  const stepTotal = stepMedians.reduce((a, b) => a + b, 0);
  out(`  results day total: ${t3[0]!.median.toFixed(0)} ms wall (median round; ${t3[0]!.cpuMedian.toFixed(0)} ms of CPU; goal well under 1 s), by step (medians):`);
  for (const [i, step] of STEPS.entries()) out(`    ${step.padEnd(18)} ${stepMedians[i]!.toFixed(1).padStart(8)} ms  ${((100 * stepMedians[i]!) / stepTotal).toFixed(0).padStart(3)}%`);
  rows.push(row('rules-jcq', `results day, ${count.toLocaleString('en-GB')} candidates (every statement, analysis, broadsheet)`, t3, t3[0]!.name, t3[1]!.name, { maxMs: 1000, onCpu: true, text: '< 1 s on one core (median CPU time)', calibrationMs, note: `${t3[0]!.cpuMedian.toFixed(0)} ms of CPU (median round), ${t3[0]!.median.toFixed(0)} ms wall on this loaded machine` }));
  return rows;
}

