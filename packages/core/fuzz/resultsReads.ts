/**
 * Fuzzing the results store's reads (issue 12): random readers (valid, unknown staff, null, undefined,
 * garbage), roles, audiences, nominations, third-party authorities, candidate ids (including `__proto__`
 * and `constructor`), levels (including levels with no release time) and instants around restricted
 * release and results day. Every answer is compared with an oracle written independently from the rule
 * table (who may read which level from when), so a read that returns a result the reader may not have is an
 * unauthorised read, and a read refused although the table allows it is a wrongful denial. Every read must
 * leave exactly one audit line whose outcome and counts match what was returned, and every failure must be
 * an ExamcycleError. A sample of scenarios runs on the durable store too ({@link createDurableResultsStore} over a
 * memory store) and must answer exactly as the in-process store does.
 */
import {
  createMemoryStore,
  createResultsStore,
  examSeries,
  ExamcycleError,
  isExamcycleError,
  createDurableResultsStore,
  toLondon,
  type AuditEntry,
  type DurableResultsStore,
  type Entry,
  type KeyDate,
  type QualificationLevel,
  type Result,
  type ResultsStore,
  type RulesPack,
  type StaffMember,
  type StaffRole,
} from '@examcycle/core';
import type { FuzzRow } from './fuzzRow.js';
import { prng as rng } from './prng.js';
import type { Instant } from '@examcycle/core';
import type { CalendarDate } from '@examcycle/core';
import { ok } from '../test/results/resultsOutcome.js';


const series = examSeries('june', 2026);
const SRC = { document: 'examcycle results fuzz table', year: '2025/26' };

/** The rule table: the release instants of the levels that have them. Every other level has none. */
const TABLE = {
  GCE: { restricted: '2026-08-12T00:01:00+01:00', candidates: '2026-08-13T08:00:00+01:00', press: '2026-08-13T09:30:00+01:00' },
  GCSE: { restricted: '2026-08-19T00:01:00+01:00', candidates: '2026-08-20T08:00:00+01:00', press: '2026-08-20T09:30:00+01:00' },
} as const;
const ms = (at: Instant) => toLondon(at).toMillis();
const OPENS = {
  GCE: { restricted: ms(TABLE.GCE.restricted), candidates: ms(TABLE.GCE.candidates), press: ms(TABLE.GCE.press) },
  GCSE: { restricted: ms(TABLE.GCSE.restricted), candidates: ms(TABLE.GCSE.candidates), press: ms(TABLE.GCSE.press) },
};
const LEVELS: readonly QualificationLevel[] = ['GCE', 'GCSE', 'functional_skills', 'project', 'entry_level', 'other'];
const RELEASED_LEVELS: readonly QualificationLevel[] = ['GCE', 'GCSE'];
const OFFICE = new Set(['head_of_centre', 'exams_officer', 'exams_office_staff']);

const KEY_DATES: KeyDate[] = (['GCE', 'GCSE'] as const).flatMap((level) =>
  (['restricted_release', 'release_to_candidates', 'release_to_press'] as const).map((kind) => {
    const at = (toLondon(kind === 'restricted_release' ? TABLE[level].restricted : kind === 'release_to_candidates' ? TABLE[level].candidates : TABLE[level].press).toISO() as Instant);
    return { id: `june-2026/${kind}/${level}`, kind, title: kind, seriesId: 'june-2026', at, date: at.slice(0, 10) as CalendarDate, level, dueRule: 'at_time' as const, source: SRC, confidence: 'primary' as const };
  }),
);

/**
 * A pack built from the table, like the JCQ pack: a level with no release time throws `unknown_series`;
 * nominated staff read early only when the centre allows it (`allowNominated`).
 */
function tablePack(allowNominated: boolean): Pick<RulesPack, 'resultsAccess' | 'keyDates' | 'authorities' | 'delegations'> {
  return {
    keyDates: () => KEY_DATES,
    // Who may write: the exams officer loads results, the head of centre nominates (this suite fuzzes reads).
    authorities: () => [
      { action: 'results.received', roles: ['exams_officer'], title: 'fuzz: the exams officer loads results', source: { document: 'fuzz table', year: '2025/26' }, confidence: 'reading' },
      { action: 'results.nominate', roles: ['head_of_centre'], title: 'fuzz: the head of centre nominates', source: { document: 'fuzz table', year: '2025/26' }, confidence: 'reading' },
      { action: 'results.authoriseThirdParty', roles: ['exams_officer'], title: 'fuzz: the exams officer records a third party\'s authority', source: { document: 'fuzz table', year: '2025/26' }, confidence: 'reading' },
    ],
    delegations: () => [],
    resultsAccess(req) {
      if (req.level !== 'GCE' && req.level !== 'GCSE') throw new ExamcycleError('unknown_series', `No ${req.level} results day`, { rule: 'fuzz.no-release-time' });
      const o = TABLE[req.level];
      const roles = req.role === undefined ? [] : typeof req.role === 'string' ? [req.role] : req.role;
      let from: string;
      let rule: string;
      if (req.audience === 'centre_staff') {
        const early = roles.some((r) => OFFICE.has(r)) || (req.nominatedByHeadOfCentre === true && allowNominated);
        from = early ? o.restricted : o.candidates;
        rule = 'fuzz.staff';
      } else if (req.audience === 'press' || req.audience === 'local_authority') {
        from = o.press;
        rule = 'fuzz.press';
      } else {
        from = o.candidates;
        rule = 'fuzz.candidates';
      }
      const allowed = toLondon(req.at).toMillis() >= ms(from as Instant);
      return { allowed, rule, reason: allowed ? 'released' : 'not yet released', allowedFrom: (toLondon(from as Instant).toISO() as Instant), malpracticeRisk: !allowed, source: SRC, confidence: 'primary' };
    },
  };
}

const STAFF: StaffMember[] = [
  { id: 'HEAD', name: 'Head', roles: ['head_of_centre'], active: true },
  { id: 'EO', name: 'Officer', roles: ['exams_officer'], active: true },
  { id: 'EOA', name: 'Assistant', roles: ['exams_office_staff'], active: true },
  { id: 'T-1', name: 'Teacher', roles: ['teacher'], active: true },
  { id: 'T-2', name: 'Teacher', roles: ['teacher', 'senior_leader'], active: true },
  { id: 'GONE', name: 'Left', roles: ['teacher'], active: false },
];
const CANDIDATES = ['C-1', 'C-2', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** The oracle: the instant a reader may first read a level, from the table alone (`Infinity`: never). */
function opensAt(audience: string, roleIds: { office: boolean; nominated: boolean }, allowNominated: boolean, level: QualificationLevel, press: boolean, aggregate = false): number {
  if (level !== 'GCE' && level !== 'GCSE') return Number.POSITIVE_INFINITY;
  const o = OPENS[level];
  if (press || audience === 'press' || audience === 'local_authority') return o.press;
  // A nomination opens the teacher's subjects' statements early, never the whole-centre reports (issue 18).
  if (audience === 'centre_staff') return roleIds.office || (roleIds.nominated && allowNominated && !aggregate) ? o.restricted : o.candidates;
  return o.candidates;
}

interface Scenario {
  readonly allowNominated: boolean;
  readonly results: readonly Result[];
  readonly entries: readonly Entry[];
  readonly nominated: ReadonlySet<string>;
  readonly authorities: ReadonlySet<string>;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** Grades on each level's own scale (a subject's grades are comparable, as in real results). */
const GRADES: Partial<Record<QualificationLevel, readonly string[]>> = { GCE: ['A*', 'A', 'B', 'C', 'E', 'U'], GCSE: ['9', '7', '5', '4', '1', 'U'] };

function scenario(r: () => number): Scenario {
  const results: Result[] = [];
  const entries: Entry[] = [];
  for (const c of CANDIDATES) {
    for (const level of LEVELS) {
      if (r() < 0.45) continue;
      const code = `${level.slice(0, 3).toUpperCase()}1`;
      results.push({ id: `R-${c}-${code}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AB', awardCode: code, kind: 'qualification', level, grade: r() < 0.15 ? '' : pick(r, GRADES[level] ?? ['P', 'M', 'D']) });
      if (r() < 0.5) results.push({ id: `R-${c}-${code}-P1`, candidateId: c, seriesId: series.id, awardingBodyId: 'AB', awardCode: `${code}P`, kind: 'component', level, grade: '', mark: 40 });
      if (r() < 0.8) entries.push({ id: `E-${c}-${code}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AB', entryCode: code, componentCodes: [`${code}P`], status: 'accepted', identityVerified: true });
    }
  }
  // Only teaching staff are nominated (issue 18); the draw stays as it was so every seed keeps its scenario.
  const nominated = new Set(['T-1', 'T-2', 'EO'].filter(() => r() < 0.4).filter((id) => id !== 'EO'));
  const authorities = new Set(CANDIDATES.flatMap((c) => ['P-1', 'UNI'].filter(() => r() < 0.3).map((p) => `${c}\u0000${p}`)));
  return { allowNominated: r() < 0.5, results, entries, nominated, authorities };
}

type Op = 'statement' | 'analysis' | 'reconcile' | 'pressRelease';

interface Read {
  readonly op: Op;
  readonly reader: unknown;
  readonly candidateId: string;
  readonly level: QualificationLevel | undefined;
  readonly at: number;
}

const INSTANTS = [TABLE.GCE.restricted, TABLE.GCE.candidates, TABLE.GCE.press, TABLE.GCSE.restricted, TABLE.GCSE.candidates, TABLE.GCSE.press].map(ms);

function randomRead(r: () => number): Read {
  const around = pick(r, INSTANTS) + Math.round((r() - 0.5) * 4 * 60_000) * (r() < 0.5 ? 1 : 60);
  const at = r() < 0.15 ? ms('2026-08-10T12:00:00+01:00') + Math.floor(r() * 12 * 86_400_000) : around;
  const x = r();
  const reader =
    x < 0.3
      ? { audience: 'centre_staff', id: pick(r, [...STAFF.map((s) => s.id), 'NOBODY']) }
      : x < 0.5
        ? { audience: 'candidate', id: pick(r, CANDIDATES) }
        : x < 0.62
          ? { audience: pick(r, ['parent', 'other_institution']), id: pick(r, ['P-1', 'UNI', 'P-9']) }
          : x < 0.74
            ? { audience: pick(r, ['press', 'local_authority']), id: 'Gazette' }
            : x < 0.8
              ? { audience: 'centre_staff', id: 'T-1', role: 'head_of_centre' }
              : pick<unknown>(r, [null, undefined, 42, 'EO', {}, [], { audience: 'centre_staff' }, { audience: 'wizard', id: 'EO' }, { audience: 'candidate', id: '' }, { id: 'EO' }, Object.create(null)]);
  return { op: pick(r, ['statement', 'statement', 'analysis', 'reconcile', 'pressRelease'] as const), reader, candidateId: pick(r, CANDIDATES), level: r() < 0.35 ? pick(r, LEVELS) : undefined, at };
}

/** What the oracle expects of a read: a refusal, or exactly these result ids. */
type Expected = { readonly refused: true } | { readonly refused: false; readonly resultIds: readonly string[]; readonly levels: readonly QualificationLevel[] };

function expected(s: Scenario, read: Read): Expected {
  const refused = { refused: true } as const;
  const { op, at } = read;
  const press = op === 'pressRelease';
  const raw = press ? { audience: 'press', id: (read.reader as { id?: unknown } | null)?.id } : read.reader;
  if (typeof raw !== 'object' || raw === null) return refused;
  const { audience, id } = raw as { audience?: unknown; id?: unknown };
  if (typeof audience !== 'string' || typeof id !== 'string' || id === '') return refused;
  if (!['centre_staff', 'candidate', 'parent', 'press', 'local_authority', 'other_institution'].includes(audience)) return refused;
  const member = STAFF.find((m) => m.id === id);
  if (audience === 'centre_staff' && (!member || !member.active)) return refused;
  // The role a member of staff acts in: the one they name (which the directory must give them), else their only one.
  const claimed = (raw as { role?: unknown }).role as StaffRole | undefined;
  if (audience === 'centre_staff' && claimed !== undefined && !member!.roles.includes(claimed)) return refused;
  const role = audience === 'centre_staff' ? (claimed ?? (member!.roles.length === 1 ? member!.roles[0] : undefined)) : undefined;
  const who = { office: role !== undefined && OFFICE.has(role), nominated: audience === 'centre_staff' && s.nominated.has(id) && role === 'teacher' };
  const readable = (l: QualificationLevel) => at >= opensAt(audience, who, s.allowNominated, l, press, op !== 'statement');
  if (op === 'statement') {
    if (audience === 'press' || audience === 'local_authority') return refused;
    if (audience === 'candidate' && id !== read.candidateId) return refused;
    if ((audience === 'parent' || audience === 'other_institution') && !s.authorities.has(`${read.candidateId}\u0000${id}`)) return refused;
  }
  if (op === 'reconcile' && audience !== 'centre_staff') return refused;
  if (op === 'analysis' && !['centre_staff', 'press', 'local_authority'].includes(audience)) return refused;
  const pool = op === 'statement' ? s.results.filter((x) => x.candidateId === read.candidateId) : s.results;
  const considered = read.level ? [read.level] : op === 'statement' ? [...new Set(pool.map((x) => x.level))] : [...new Set([...pool.map((x) => x.level), ...RELEASED_LEVELS])];
  const levels = considered.filter(readable).sort();
  if (levels.length === 0) {
    // A statement of everything is answered, empty, once any level of the series is released to the reader.
    if (op === 'statement' && !read.level && RELEASED_LEVELS.some(readable)) return { refused: false, resultIds: [], levels: [] };
    return refused;
  }
  return { refused: false, levels, resultIds: pool.filter((x) => levels.includes(x.level)).map((x) => x.id).sort() };
}

/** The result ids a report carries, wherever they are. */
function idsOf(op: Op, out: unknown): { ids: string[]; levels: QualificationLevel[] } {
  const o = out as Record<string, unknown>;
  const levels = (o['levels'] as QualificationLevel[] | undefined) ?? [];
  if (op === 'statement') return { ids: (o['lines'] as { resultId: string }[]).map((l) => l.resultId), levels: [...new Set((o['lines'] as { level: QualificationLevel }[]).map((l) => l.level))] };
  if (op === 'reconcile') {
    const ids = new Set<string>();
    const add = (r: Result | undefined) => r && ids.add(r.id);
    const m = out as { matched: { result: Result; componentResults: Result[] }[]; incomplete: { result?: Result; componentResults: Result[] }[]; lateCashIns: { componentResults: Result[] }[]; unexpected: { result: Result }[]; duplicates: { results: Result[] }[] };
    for (const x of m.matched) [x.result, ...x.componentResults].forEach(add);
    for (const x of m.incomplete) [x.result, ...x.componentResults].forEach(add);
    for (const x of m.lateCashIns) x.componentResults.forEach(add);
    for (const x of m.unexpected) add(x.result);
    for (const x of m.duplicates) x.results.forEach(add);
    return { ids: [...ids], levels };
  }
  return { ids: [], levels };
}

/**
 * Figures and failures of a run.
 *
 * @example
 * ```ts
 * const { row, failures } = await runResultsReadsFuzz(2000);
 * ```
 */
export interface ResultsReadsFuzzReport {
  readonly row: FuzzRow;
  /** Reads without exactly one matching audit line. */
  readonly auditMismatches: number;
  /** Reads the table allows but the store refused (or answered with fewer results). */
  readonly wrongfulDenials: number;
  /** Reads whose durable answer differed from the in-process one. */
  readonly durableMismatches: number;
  /** Up to 20 descriptions of failures, with the input, to inline as regression tests. */
  readonly failures: readonly string[];
}

const LEVEL_NAMES = /\b(GCE|GCSE|functional_skills|project|entry_level|other)\b/;

/**
 * Runs `inputs` random reads (in scenarios of 50 reads) against the in-process store and, for every
 * `durableEvery`-th scenario, the durable store too.
 *
 * @param inputs - how many reads
 * @param seed - the PRNG seed
 * @param durableEvery - run the durable store on one scenario in this many (0: never)
 * @example
 * ```ts
 * const { row, failures } = await runResultsReadsFuzz(2000, 7);
 * row.unauthorisedReads; // 0
 * ```
 */
export async function runResultsReadsFuzz(inputs: number, seed = 20260812, durableEvery = 10): Promise<ResultsReadsFuzzReport> {
  const r = rng(seed);
  const started = performance.now();
  let untypedThrows = 0;
  let unauthorisedReads = 0;
  let wrongfulDenials = 0;
  let auditMismatches = 0;
  let durableMismatches = 0;
  let over1s = 0;
  let peakRss = process.memoryUsage().rss;
  const failures: string[] = [];
  const fail = (what: string, read: Read, extra = '') => {
    if (failures.length < 20) failures.push(`${what}: ${JSON.stringify({ ...read, at: toLondon(read.at).toISO(), reader: read.reader === undefined ? 'undefined' : read.reader })} ${extra}`);
  };
  let done = 0;
  let scenarioNo = 0;
  while (done < inputs) {
    const s = scenario(r);
    let t = ms('2026-08-10T12:00:00+01:00');
    const clock = { now: () => t };
    const options = { rulesPack: tablePack(s.allowNominated), series, clock, entries: s.entries, staff: STAFF };
    const mem = createResultsStore({ ...options, results: s.results });
    const durable: DurableResultsStore | undefined = durableEvery > 0 && scenarioNo % durableEvery === 0 ? await createDurableResultsStore({ ...options, store: createMemoryStore(), centreNumber: '12345' }) : undefined;
    scenarioNo += 1;
    if (durable) await ok(durable.addResults(s.results, { id: 'EO', role: 'exams_officer' }, 'fuzz'));
    for (const staffId of s.nominated) {
      // Every subject (and component) code: a nomination's subject scope is tested in test/results/seedResultsSeason.test.ts.
      const nomination = { staffId, by: { id: 'HEAD', role: 'head_of_centre' as const }, reason: 'fuzz', subjects: ['fuzz', ...s.results.map((x) => x.awardCode)] };
      ok(mem.nominate(nomination));
      await durable?.nominate(nomination);
    }
    for (const k of s.authorities) {
      const [candidateId, thirdPartyId] = k.split('\u0000') as [string, string];
      const request = { candidateId, thirdPartyId, written: true, signedAt: '2026-08-01T09:00:00+01:00' as const, by: { id: 'EO', role: 'exams_officer' as const } };
      ok(mem.authoriseThirdParty(request));
      await durable?.authoriseThirdParty(request);
    }
    const batch = Math.min(50, inputs - done);
    for (let i = 0; i < batch; i++) {
      const read = randomRead(r);
      t = read.at;
      const want = expected(s, read);
      const before = mem.audit().length;
      const t0 = performance.now();
      const call = (store: ResultsStore) => {
        const opts = read.level ? { level: read.level } : undefined;
        switch (read.op) {
          case 'statement':
            return ok(store.statementOfResults(read.reader as never, read.candidateId, opts));
          case 'analysis':
            return ok(store.resultsAnalysis(read.reader as never, opts));
          case 'reconcile':
            return ok(store.reconcile(read.reader as never, opts));
          case 'pressRelease':
            return ok(store.pressRelease({ by: read.reader as never, ...(read.level ? { level: read.level } : {}) }));
        }
      };
      let out: unknown;
      let error: unknown;
      try {
        out = call(mem);
      } catch (e) {
        error = e;
      }
      if (performance.now() - t0 > 1000) over1s += 1;
      const trail = mem.audit();
      const line: AuditEntry | undefined = trail.length === before + 1 ? trail[trail.length - 1] : undefined;
      if (!line || !line.event.startsWith('results.read.')) {
        auditMismatches += 1;
        fail('audit lines', read, `${trail.length - before} lines`);
      }
      if (error !== undefined) {
        if (!isExamcycleError(error)) {
          untypedThrows += 1;
          fail('untyped throw', read, String(error));
        } else {
          if (line && (line.outcome !== 'rejected' || line.code !== error.code)) {
            auditMismatches += 1;
            fail('audit outcome', read, `${line.outcome} ${line.code} vs ${error.code}`);
          }
          if (!want.refused) {
            wrongfulDenials += 1;
            fail('wrongful denial', read, `${error.code} ${error.rule} ${error.message}`);
          }
          if (read.op === 'statement' && !read.level && (LEVEL_NAMES.test(error.message) || LEVEL_NAMES.test(JSON.stringify(error.details ?? {})))) {
            unauthorisedReads += 1;
            fail('denial names a level', read, error.message);
          }
        }
      } else {
        const got = idsOf(read.op, out);
        if (want.refused) {
          unauthorisedReads += 1;
          fail('read allowed against the table', read, JSON.stringify(got));
        } else {
          const wantIds = new Set(want.resultIds);
          const extra = got.ids.filter((x) => !wantIds.has(x));
          const extraLevels = got.levels.filter((l) => !want.levels.includes(l));
          if (extra.length || extraLevels.length) {
            unauthorisedReads += 1;
            fail('result returned against the table', read, JSON.stringify({ extra, extraLevels }));
          }
          if (read.op === 'statement' && got.ids.length < want.resultIds.length) {
            wrongfulDenials += 1;
            fail('results withheld although released', read, JSON.stringify({ got: got.ids, want: want.resultIds }));
          }
          if (line) {
            const d = line.details ?? {};
            const ok = line.outcome === 'accepted' && (read.op !== 'statement' || (d['results'] === got.ids.length && d['resultIds'] === got.ids.join(',')));
            if (!ok) {
              auditMismatches += 1;
              fail('audit does not record what was returned', read, JSON.stringify(line));
            }
          }
        }
      }
      if (durable) {
        const dBefore = (await durable.audit()).length;
        let dOut: unknown;
        let dError: unknown;
        try {
          const opts = read.level ? { level: read.level } : undefined;
          dOut =
            read.op === 'statement'
              ? await ok(durable.statementOfResults(read.reader as never, read.candidateId, opts))
              : read.op === 'analysis'
                ? await ok(durable.resultsAnalysis(read.reader as never, opts))
                : read.op === 'reconcile'
                  ? await ok(durable.reconcile(read.reader as never, opts))
                  : await ok(durable.pressRelease({ by: read.reader as never, ...(read.level ? { level: read.level } : {}) }));
        } catch (e) {
          dError = e;
        }
        const dAudit = await durable.audit();
        const same =
          dAudit.length === dBefore + 1 &&
          (error === undefined ? dError === undefined && JSON.stringify(normalise(read.op, dOut)) === JSON.stringify(normalise(read.op, out)) : isExamcycleError(dError) && isExamcycleError(error) && dError.code === error.code && dError.message === error.message);
        if (dError !== undefined && !isExamcycleError(dError)) untypedThrows += 1;
        if (!same) {
          durableMismatches += 1;
          fail('durable store answered differently', read, String(dError ?? '') + (process.env.FUZZ_DEBUG ? `\n${JSON.stringify(normalise(read.op, dOut))}\n${JSON.stringify(normalise(read.op, out))}` : ''));
        }
      }
      done += 1;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const row: FuzzRow = {
    package: 'core',
    surface: 'results-reads',
    inputs: done,
    untypedThrows,
    // Lost: results the table released that the read did not return, reads whose audit line is missing or
    // wrong, and durable answers that differ from the in-process store's.
    rowsLost: wrongfulDenials + auditMismatches + durableMismatches,
    unauthorisedReads,
    over1s,
    peakRssMb: Math.round(peakRss / 1048576),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
  return { row, auditMismatches, wrongfulDenials, durableMismatches, failures };
}

/** Reports compared across stores with their lists in a stable order (the durable store keeps records by id). */
function normalise(op: Op, out: unknown): unknown {
  if (op === 'reconcile') {
    const m = out as Record<string, unknown[]>;
    const sortBy = (xs: unknown[]) => [...xs].map((x) => JSON.stringify(x)).sort();
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Array.isArray(v) ? sortBy(v) : v]));
  }
  if (op === 'analysis' || op === 'pressRelease') {
    const o = out as { subjects: unknown[] };
    return { ...o, subjects: [...o.subjects].map((x) => JSON.stringify(x)).sort() };
  }
  return out;
}

/**
 * The long run of the results-reads surface, as one row of `fuzz-report.json`.
 *
 * @param inputs - how many random reads
 * @example
 * ```ts
 * const row = await fuzzResultsReads(Number(process.env.FUZZ_INPUTS ?? 100_000));
 * row.unauthorisedReads; // 0
 * ```
 */
export async function fuzzResultsReads(inputs: number): Promise<FuzzRow> {
  const { row, failures } = await runResultsReadsFuzz(inputs);
  if (failures.length) process.stderr.write(`results-reads failures (first ${failures.length}):\n${failures.join('\n')}\n`);
  return row;
}

