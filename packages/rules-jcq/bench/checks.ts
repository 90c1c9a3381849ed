/**
 * Benchmark of `jcq.check` on RAW facts (what users call: ISO instants, a series id, a UCI), against
 * (1) a hand-written if-chain over the same raw facts making the same findings (what a competent engineer
 * writes first: `Date.parse`, a deadline per series, `isValidUci`), and (2) json-rules-engine run the way a
 * user would: one engine with the pack's rule JSON, the user's own fact preparation, every entry's run
 * awaited. A last table times the compiled evaluator alone on prepared facts against a
 * hand-written function over the same prepared facts. Every contender in a table gets the same warm-up and
 * the same interleaved rounds; min / median / max are printed with ratios on medians. Findings are checked
 * to agree entry by entry before anything is timed. Synthetic data from a fixed seed.
 *
 * Knobs: BENCH_ENTRIES (200,000; the goal is stated per 1 M, scaled linearly), BENCH_ROUNDS (5), BENCH_WARMUP (1), BENCH_JRE_ENTRIES (5,000: the
 * json-rules-engine table's entries), BENCH_JRE_BATCH (1: each run awaited in turn), BENCH_COMPILED_ROUNDS (21: the
 * compiled evaluator's table, short runs whose median needs more rounds to settle). `npm run bench -w @examcycle/rules-jcq`.
 */
import { examSeries, isValidUci, toLondon, type CheckFacts, type Finding } from '@examcycle/core';
import { compileRules, jcq, jcqCheckRules, prepareCheckFacts, editionFor, JCQ_EDITIONS, type RuleFacts } from '@examcycle/rules-jcq';
import { Engine } from 'json-rules-engine';
import { knob, measure, printTable, seeded, type Timing } from '../../../scripts/bench/measure.js';

const june = jcq.keyDates(examSeries('june', 2026));
const ENTRY_MS = toLondon(june.find((k) => k.kind === 'entry_deadline')!.at).toMillis();
const VERY_LATE_MS = toLondon(june.find((k) => k.kind === 'very_late_deadline')!.at).toMillis();
const DAY = 86_400_000;
const STATUSES = ['submitted', 'accepted', 'amended', 'withdrawn', 'draft'] as const;
const UCIS = ['681990012058G', '681990012058X', ''] as const;

/** An instant as a MIS writes it: half in UTC (`Z`), half with a `+01:00` offset (the same instant). */
function isoOf(ms: number, rnd: () => number): string {
  return rnd() < 0.5 ? new Date(ms).toISOString() : new Date(ms + 3_600_000).toISOString().replace('Z', '+01:00');
}

/** Raw entries as a centre's MIS holds them: 10 per candidate, ISO instants, a series id, a UCI. */
export function rawEntries(count: number, seed: number): CheckFacts[] {
  const rnd = seeded(seed);
  const out: CheckFacts[] = new Array(count);
  let uci: string | undefined;
  for (let i = 0; i < count; i += 1) {
    if (i % 10 === 0) uci = rnd() < 0.97 ? UCIS[0] : rnd() < 0.5 ? UCIS[1] : rnd() < 0.5 ? UCIS[2] : undefined;
    const status = rnd() < 0.9 ? STATUSES[Math.floor(rnd() * 3)]! : STATUSES[3 + Math.floor(rnd() * 2)]!;
    const submittedMs = ENTRY_MS - 40 * DAY + Math.floor(rnd() * 120 * DAY);
    out[i] = {
      subject: { kind: 'entry', id: `c${Math.floor(i / 10)}-e${i % 10}` },
      entry: {
        seriesId: 'june-2026',
        status,
        identityVerified: rnd() < 0.98,
        submittedAt: isoOf(submittedMs, rnd),
        ...(status === 'withdrawn' ? { withdrawnAt: isoOf(submittedMs + Math.floor(rnd() * 90 * DAY), rnd) } : {}),
      },
      candidate: uci === undefined ? {} : { uci },
    };
  }
  return out;
}

const RULE = Object.fromEntries(jcqCheckRules.map((r) => [r.name, r.event.params as { rule: string; severity: Finding['severity']; message: string; source: Finding['source'] }]));
/** No explanation: the hand-written checks and json-rules-engine say which rule fired, not why (one shared empty list). */
const NO_EXPLANATION: readonly string[] = Object.freeze([]);
const finding = (rule: string, subject: Finding['subject']): Finding => {
  const p = RULE[rule]!;
  return { rule: p.rule, severity: p.severity, subject, message: p.message, source: p.source, explanation: NO_EXPLANATION };
};

interface RawEntry {
  readonly seriesId: string;
  readonly status: string;
  readonly identityVerified?: boolean;
  readonly submittedAt?: string;
  readonly withdrawnAt?: string;
}

/** What a competent engineer writes first: the same checks as an if-chain over the raw facts. */
export function handWrittenRaw(facts: readonly CheckFacts[]): Finding[] {
  const deadlines = new Map<string, { entry: number; veryLate: number }>();
  const out: Finding[] = [];
  for (const f of facts) {
    const e = f['entry'] as RawEntry;
    // One subject per entry, shared by its findings (as jcq.check does).
    const subject = { kind: f.subject.kind, id: f.subject.id };
    let d = deadlines.get(e.seriesId);
    if (d === undefined) {
      const [month, year] = e.seriesId.split('-') as ['june', string];
      const dates = jcq.keyDates(examSeries(month, Number(year)));
      d = {
        entry: Date.parse(dates.find((k) => k.kind === 'entry_deadline')!.at),
        veryLate: Date.parse(dates.find((k) => k.kind === 'very_late_deadline')!.at),
      };
      deadlines.set(e.seriesId, d);
    }
    const submitted = e.submittedAt === undefined ? undefined : Date.parse(e.submittedAt);
    if (submitted !== undefined && submitted > d.entry && submitted <= d.veryLate) out.push(finding('jcq.entries.late-entry', subject));
    if (submitted !== undefined && submitted > d.veryLate) out.push(finding('jcq.entries.very-late-entry', subject));
    if ((e.status === 'submitted' || e.status === 'accepted' || e.status === 'amended') && e.identityVerified !== true) {
      out.push(finding('jcq.entries.identity-not-verified', subject));
    }
    const uci = (f['candidate'] as { uci?: string } | undefined)?.uci;
    if (uci === undefined || uci === '') out.push(finding('jcq.entries.missing-uci', subject));
    else if (!isValidUci(uci)) out.push(finding('jcq.entries.invalid-uci', subject));
    if (e.status === 'withdrawn' && e.withdrawnAt !== undefined && Date.parse(e.withdrawnAt) > d.veryLate) {
      out.push(finding('jcq.entries.withdrawal-after-refund-deadline', subject));
    }
  }
  return out;
}

interface PreparedEntry {
  readonly subject: CheckFacts['subject'];
  readonly entry: { status: string; identityVerified: boolean; submittedAtMs?: number; withdrawnAtMs?: number };
  readonly deadlines: { entryDeadlineMs: number; veryLateDeadlineMs: number };
  readonly candidate: { hasUci: boolean; uciValid: boolean };
}

/**
 * The same checks by hand over prepared facts (epoch ms): for each entry, the names of the rules that fired
 * (an array only when one fires), as the compiled evaluator returns its fired rules. Returns how many fired.
 */
export function handWrittenPrepared(facts: readonly RuleFacts[]): number {
  let fired = 0;
  for (const raw of facts) {
    const f = raw as unknown as PreparedEntry;
    if (f.subject.kind !== 'entry') continue;
    let out: string[] | undefined;
    const { entry: e, deadlines: d } = f;
    const s = e.submittedAtMs;
    if (s !== undefined && s > d.entryDeadlineMs && s <= d.veryLateDeadlineMs) (out ??= []).push('jcq.entries.late-entry');
    if (s !== undefined && s > d.veryLateDeadlineMs) (out ??= []).push('jcq.entries.very-late-entry');
    if ((e.status === 'submitted' || e.status === 'accepted' || e.status === 'amended') && e.identityVerified !== true) (out ??= []).push('jcq.entries.identity-not-verified');
    if (f.candidate.hasUci !== true) (out ??= []).push('jcq.entries.missing-uci');
    else if (f.candidate.uciValid === false) (out ??= []).push('jcq.entries.invalid-uci');
    if (e.status === 'withdrawn' && e.withdrawnAtMs !== undefined && e.withdrawnAtMs > d.veryLateDeadlineMs) (out ??= []).push('jcq.entries.withdrawal-after-refund-deadline');
    if (out !== undefined) fired += out.length;
  }
  return fired;
}

/**
 * json-rules-engine as a user runs it: one engine, their own fact preparation, each entry's run awaited in turn
 * (`batch` > 1 awaits that many at once; on the 2-core machine batches of 1,000 were 3–5× slower per entry than
 * awaiting each run, so the default is the faster way).
 */
async function jsonRulesEngine(engine: Engine, facts: readonly CheckFacts[], batch: number): Promise<Finding[]> {
  const out: Finding[] = [];
  const deadlines = { entryDeadlineMs: ENTRY_MS, veryLateDeadlineMs: VERY_LATE_MS };
  for (let start = 0; start < facts.length; start += batch) {
    const slice = facts.slice(start, start + batch);
    const results = await Promise.all(
      slice.map((f) => {
        const e = f['entry'] as RawEntry;
        const uci = (f['candidate'] as { uci?: string } | undefined)?.uci;
        return engine.run({
          subject: f.subject,
          entry: {
            status: e.status,
            identityVerified: e.identityVerified ?? false,
            submittedAtMs: e.submittedAt === undefined ? undefined : Date.parse(e.submittedAt),
            withdrawnAtMs: e.withdrawnAt === undefined ? undefined : Date.parse(e.withdrawnAt),
          },
          deadlines,
          candidate: { hasUci: uci !== undefined && uci !== '', uciValid: uci !== undefined && isValidUci(uci) },
        });
      }),
    );
    results.forEach((r, i) => {
      const s = slice[i]!.subject;
      const subject = { kind: s.kind, id: s.id };
      for (const ev of r.events) out.push(finding(String(ev.params?.['rule']), subject));
    });
  }
  return out;
}

/** Rule names per subject id, sorted: how two contenders' findings are compared. */
function byEntry(findings: readonly Finding[]): Map<string, string> {
  const m = new Map<string, string[]>();
  for (const f of findings) {
    const list = m.get(f.subject.id) ?? [];
    list.push(f.rule);
    m.set(f.subject.id, list);
  }
  return new Map([...m].map(([k, v]) => [k, v.sort().join(',')]));
}

function sameFindings(a: readonly Finding[], b: readonly Finding[], what: string): void {
  const x = byEntry(a);
  const y = byEntry(b);
  if (x.size !== y.size || [...x].some(([k, v]) => y.get(k) !== v)) throw new Error(`findings differ: ${what}`);
}

/** Runs the checks bench and returns its timings for the summary. */
export async function benchChecks(): Promise<{ table: string; timings: Timing[]; reference: string; units: number }[]> {
  const entries = knob('BENCH_ENTRIES', 200_000);
  const rounds = knob('BENCH_ROUNDS', 5);
  const warmup = knob('BENCH_WARMUP', 1);
  const jreEntries = knob('BENCH_JRE_ENTRIES', 5_000);
  const jreBatch = knob('BENCH_JRE_BATCH', 1);
  // The compiled evaluator's table is short runs (15–50 ms) whose medians swing with where a scavenge lands: at 5
  // rounds the ratio read 2.1–3.5× from run to run on one idle machine, at 21 it read 2.2–2.4×. Both contenders
  // get the same rounds; they cost about 2 s.
  const compiledRounds = knob('BENCH_COMPILED_ROUNDS', 21);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const raw = rawEntries(entries, 20260221);
  const engine = new Engine(structuredClone(jcqCheckRules) as never, { allowUndefinedFacts: true });

  // Agreement first: every contender makes the same findings on every entry.
  const sample = raw.slice(0, Math.min(jreEntries, raw.length));
  const mine = jcq.check(raw);
  sameFindings(mine, handWrittenRaw(raw), 'jcq.check vs hand-written');
  sameFindings(jcq.check(sample), await jsonRulesEngine(engine, sample, jreBatch), 'jcq.check vs json-rules-engine');
  out(`findings agree on every entry (jcq.check, hand-written, json-rules-engine on ${sample.length.toLocaleString('en-GB')}): ${mine.length.toLocaleString('en-GB')} findings`);

  const results: { table: string; timings: Timing[]; reference: string; units: number }[] = [];
  const t1 = await measure(
    [
      { name: 'jcq.check (raw facts)', run: () => jcq.check(raw) },
      { name: 'jcq.check, every explanation read', run: () => jcq.check(raw).reduce((n, f) => n + f.explanation.length, 0) },
      { name: 'hand-written if-chain (raw facts)', run: () => handWrittenRaw(raw) },
    ],
    { warmup, rounds },
  );
  const title1 = `checks: ${entries.toLocaleString('en-GB')} raw entries through every check (${rounds} rounds, ${warmup} warm-up)`;
  printTable(title1, t1, 'hand-written if-chain (raw facts)', entries, 'entries');
  results.push({ table: title1, timings: t1, reference: 'hand-written if-chain (raw facts)', units: entries });

  const t2 = await measure(
    [
      { name: 'jcq.check (raw facts)', run: () => jcq.check(sample) },
      { name: 'hand-written if-chain (raw facts)', run: () => handWrittenRaw(sample) },
      { name: jreBatch <= 1 ? 'json-rules-engine (user prep, each run awaited)' : `json-rules-engine (user prep, batches of ${jreBatch})`, run: () => jsonRulesEngine(engine, sample, jreBatch) },
    ],
    { warmup, rounds },
  );
  const title2 = `checks: ${sample.length.toLocaleString('en-GB')} raw entries, with json-rules-engine`;
  printTable(title2, t2, 'hand-written if-chain (raw facts)', sample.length, 'entries');
  results.push({ table: title2, timings: t2, reference: 'hand-written if-chain (raw facts)', units: sample.length });

  const ctx = { keyDatesOf: () => june, resultsAccess: jcq.resultsAccess, editionFor: (y: string) => editionFor(JCQ_EDITIONS, y) };
  const prepared = raw.map((f) => {
    const p = prepareCheckFacts(f, ctx);
    if (!p.ok) throw new Error(`bench facts invalid: ${JSON.stringify(p.issues)}`);
    return p.facts;
  });
  const compiled = compileRules(jcqCheckRules);
  const runCompiled = () => {
    let n = 0;
    for (let i = 0; i < prepared.length; i += 1) n += compiled.run(prepared[i]!).length;
    return n;
  };
  if (runCompiled() !== handWrittenPrepared(prepared)) throw new Error('compiled and hand-written disagree on prepared facts');
  const t3 = await measure(
    [
      { name: 'compiled rules (prepared facts)', run: runCompiled },
      { name: 'hand-written function (prepared facts)', run: () => handWrittenPrepared(prepared) },
    ],
    { warmup, rounds: compiledRounds },
  );
  const title3 = `checks: the compiled evaluator alone, ${entries.toLocaleString('en-GB')} prepared entries (preparation untimed, ${compiledRounds} rounds)`;
  printTable(title3, t3, 'hand-written function (prepared facts)', entries, 'entries');
  results.push({ table: title3, timings: t3, reference: 'hand-written function (prepared facts)', units: entries });
  return results;
}
