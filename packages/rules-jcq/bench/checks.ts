/**
 * Benchmark: the compiled evaluator against json-rules-engine (the named baseline) on the same rules (the
 * pack's `jcqCheckRules`) and the same synthetic entries. Run 1: a 2,000-candidate centre (20,000 entries),
 * both engines over every entry. Run 2: 1,000,000 entries through every check with the compiled evaluator;
 * json-rules-engine is measured on a 20,000-entry sample and extrapolated (labelled). Prints entries per
 * second and the ratio. Synthetic data only; randomness from a fixed seed. `npm run bench -w @examcycle/rules-jcq`.
 */
import { examSeries, toLondon, type CheckFacts } from '@examcycle/core';
import { compileRules, jcq, jcqCheckRules, prepareCheckFacts, editionFor, JCQ_EDITIONS, type RuleFacts } from '@examcycle/rules-jcq';
import { Engine } from 'json-rules-engine';
import { performance } from 'node:perf_hooks';

/** mulberry32: a small seeded generator, so every run sees the same entries. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const june = examSeries('june', 2026);
const dates = jcq.keyDates(june);
const entryMs = toLondon(dates.find((k) => k.kind === 'entry_deadline')!.at).toMillis();
const veryLateMs = toLondon(dates.find((k) => k.kind === 'very_late_deadline')!.at).toMillis();
const DAY = 86_400_000;
const STATUSES = ['submitted', 'accepted', 'amended', 'withdrawn', 'draft'] as const;
const UCIS = ['681990012058G', '681990012058X', undefined] as const;

/** Raw entries as a centre's MIS would hold them (ISO instants). */
function rawEntries(candidates: number, perCandidate: number, seed: number): CheckFacts[] {
  const rnd = seeded(seed);
  const out: CheckFacts[] = [];
  for (let c = 0; c < candidates; c += 1) {
    const uci = rnd() < 0.97 ? UCIS[0] : UCIS[rnd() < 0.5 ? 1 : 2];
    for (let e = 0; e < perCandidate; e += 1) {
      const status = rnd() < 0.9 ? STATUSES[Math.floor(rnd() * 3)]! : STATUSES[3 + Math.floor(rnd() * 2)]!;
      const submittedMs = entryMs - 40 * DAY + Math.floor(rnd() * 120 * DAY);
      out.push({
        subject: { kind: 'entry', id: `c${c}-e${e}` },
        entry: {
          seriesId: 'june-2026',
          status,
          identityVerified: rnd() < 0.98,
          submittedAt: toLondon(submittedMs).toISO()!,
          ...(status === 'withdrawn' ? { withdrawnAt: toLondon(submittedMs + Math.floor(rnd() * 90 * DAY)).toISO()! } : {}),
        },
        candidate: uci === undefined ? {} : { uci },
      });
    }
  }
  return out;
}

/** The same entries generated straight as prepared facts (epoch ms), for the 1,000,000 run. */
function preparedEntries(count: number, seed: number): RuleFacts[] {
  const rnd = seeded(seed);
  const deadlines = { entryDeadlineMs: entryMs, veryLateDeadlineMs: veryLateMs };
  const candidates = [
    { hasUci: true, uciValid: true },
    { hasUci: true, uciValid: false },
    { hasUci: false, uciValid: false },
  ];
  const out: RuleFacts[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const status = rnd() < 0.9 ? STATUSES[Math.floor(rnd() * 3)]! : STATUSES[3 + Math.floor(rnd() * 2)]!;
    const submittedAtMs = entryMs - 40 * DAY + Math.floor(rnd() * 120 * DAY);
    out[i] = {
      subject: { kind: 'entry', id: `e${i}` },
      entry: { status, identityVerified: rnd() < 0.98, submittedAtMs, withdrawnAtMs: status === 'withdrawn' ? submittedAtMs + Math.floor(rnd() * 90 * DAY) : undefined },
      deadlines,
      candidate: candidates[rnd() < 0.97 ? 0 : rnd() < 0.5 ? 1 : 2]!,
    };
  }
  return out;
}

async function timeReference(facts: readonly RuleFacts[]): Promise<{ ms: number; events: number[] }> {
  const engine = new Engine(structuredClone(jcqCheckRules) as never, { allowUndefinedFacts: true });
  const events: number[] = [];
  const start = performance.now();
  for (const f of facts) {
    const result = await engine.run(f as Record<string, unknown>);
    events.push(result.events.length);
  }
  return { ms: performance.now() - start, events };
}

function timeCompiled(facts: readonly RuleFacts[], explain = false): { ms: number; events: number[]; findings: number } {
  const compiled = compileRules(jcqCheckRules);
  const events: number[] = new Array(facts.length);
  let findings = 0;
  let lines = 0;
  const start = performance.now();
  for (let i = 0; i < facts.length; i += 1) {
    const fired = compiled.run(facts[i]!);
    events[i] = fired.length;
    findings += fired.length;
    if (explain) for (const f of fired) lines += f.explanation.length;
  }
  const ms = performance.now() - start;
  if (explain && lines === 0 && findings > 0) throw new Error('no explanations were built');
  return { ms, events, findings };
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-GB');
const pad = (s: string, n: number) => s.padEnd(n);

async function main(): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('rules-jcq bench: compiled evaluator vs json-rules-engine (baseline), same rules (jcqCheckRules, 14 rules), same entries');
  out(`node ${process.version}, one core, synthetic data (seeded)`);
  // How much of a core this process gets: a fixed integer loop, ~0.2 s on an idle modern core.
  const calStart = performance.now();
  let x = 0;
  for (let i = 0; i < 200_000_000; i += 1) x = (x + i * 7) | 0;
  out(`machine load check: a 200M-step integer loop took ${fmt(Math.round(performance.now() - calStart))} ms (x=${x})\n`);

  // Run 1: a 2,000-candidate centre.
  const raw = rawEntries(2_000, 10, 20260221);
  const ctx = { keyDatesOf: () => dates, resultsAccess: jcq.resultsAccess, editionFor: (y: string) => editionFor(JCQ_EDITIONS, y) };
  const prepStart = performance.now();
  const centre = raw.map((f) => {
    const p = prepareCheckFacts(f, ctx);
    if (!p.ok) throw new Error(`bench facts invalid: ${JSON.stringify(p.issues)}`);
    return p.facts;
  });
  const prepMs = performance.now() - prepStart;
  timeCompiled(centre); // warm-up
  const ref1 = await timeReference(centre);
  const cmp1 = timeCompiled(centre);
  const cmp1x = timeCompiled(centre, true);
  const agree = ref1.events.every((n, i) => n === cmp1.events[i]);
  out('Run 1: a 2,000-candidate centre, 20,000 entries, every entry through every check in both engines');
  out(`  ${pad('json-rules-engine', 22)} ${pad(`${fmt(Math.round(ref1.ms))} ms`, 12)} ${fmt(rate(centre.length, ref1.ms))} entries/s`);
  out(`  ${pad('compiled', 22)} ${pad(`${fmt(Math.round(cmp1.ms))} ms`, 12)} ${fmt(rate(centre.length, cmp1.ms))} entries/s`);
  out(`  ${pad('compiled + explanations', 22)} ${pad(`${fmt(Math.round(cmp1x.ms))} ms`, 12)} ${fmt(rate(centre.length, cmp1x.ms))} entries/s`);
  out(`  ratio (compiled / json-rules-engine): ${(ref1.ms / cmp1.ms).toFixed(0)}x   events agree on every entry: ${agree ? 'yes' : 'NO'}   events: ${fmt(cmp1.findings)}`);
  out(`  (fact preparation, not part of either engine: ${fmt(Math.round(prepMs))} ms, ${fmt(rate(centre.length, prepMs))} entries/s, ISO instants parsed with luxon)\n`);

  // Run 2: 1,000,000 entries.
  const million = preparedEntries(1_000_000, 20260820);
  timeCompiled(million.slice(0, 50_000)); // warm-up
  const cmp2 = timeCompiled(million);
  const cmp2x = timeCompiled(million, true);
  const sample = million.slice(0, 20_000);
  const ref2 = await timeReference(sample);
  const refPerEntry = ref2.ms / sample.length;
  const refExtrapolated = refPerEntry * million.length;
  const agree2 = ref2.events.every((n, i) => n === cmp2.events[i]);
  out('Run 2: 1,000,000 entries through every check');
  out(`  ${pad('compiled (measured)', 40)} ${pad(`${fmt(Math.round(cmp2.ms))} ms`, 12)} ${fmt(rate(million.length, cmp2.ms))} entries/s   events: ${fmt(cmp2.findings)}`);
  out(`  ${pad('compiled, every explanation built', 40)} ${pad(`${fmt(Math.round(cmp2x.ms))} ms`, 12)} ${fmt(rate(million.length, cmp2x.ms))} entries/s`);
  out(
    `  ${pad('json-rules-engine (20,000 sample, EXTRAPOLATED)', 40)} ${pad(`~${fmt(Math.round(refExtrapolated))} ms`, 12)} ${fmt(rate(sample.length, ref2.ms))} entries/s`,
  );
  out(`  ratio: ${(refExtrapolated / cmp2.ms).toFixed(0)}x   sample events agree: ${agree2 ? 'yes' : 'NO'}`);
  out('');
  const ratio = Math.min(ref1.ms / cmp1.ms, refExtrapolated / cmp2.ms);
  out(`Target: compiled >= 100x json-rules-engine: ${ratio >= 100 ? 'met' : 'NOT met'} (${ratio.toFixed(0)}x)`);
  out(`Target: 1,000,000 entries through every check in < 2 s on one core: ${cmp2.ms < 2000 ? 'met' : 'NOT met'} (${fmt(Math.round(cmp2.ms))} ms)`);
}

await main();
