/**
 * The long fuzz run of the rules pack's hot paths (`npm run fuzz -w @examcycle/rules-jcq`): `jcq.check` on raw
 * entries (shapes a MIS writes and near misses), each entry's findings against the zod-and-luxon reference path, and
 * `toICalendar` on mutated key dates (Unicode, separators, newlines, odd dates). Each surface runs `FUZZ_INPUTS`
 * seeded inputs (100,000 by default; `FUZZ_SEED` sets the seed). Writes `fuzz-report.json` in the package folder and
 * prints the same as a table; exits non-zero if any input failed, listing the first failures.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { examSeries, isExamcycleError, type CheckFacts, type KeyDate } from '@examcycle/core';
import { compileRules, editionFor, jcq, jcqCheckRules, JCQ_EDITIONS, toICalendar } from '@examcycle/rules-jcq';
import { prepareThroughZod } from '../src/engine/prepareCheckFacts.js';
import { seriesFromId } from '../src/engine/seriesFromId.js';

const inputs = Number(process.env['FUZZ_INPUTS'] ?? 100_000);
const seed = Number(process.env['FUZZ_SEED'] ?? 16);
const MB = 1024 * 1024;

/** mulberry32. */
function seeded(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = seeded(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const rssMb = () => Math.round(process.memoryUsage().rss / MB);
const failures: string[] = [];

function instant(): unknown {
  const ms = 1_760_000_000_000 + Math.floor(rnd() * 40_000_000_000);
  const iso = new Date(ms).toISOString();
  return pick<unknown>([
    iso,
    iso.replace('Z', '+01:00'),
    iso.replace('.000Z', 'Z'),
    iso.replace('.000Z', '.1234567-05:30'),
    iso.slice(0, 16) + 'Z',
    iso.replace('Z', '+0100'),
    iso.replace('T', ' '),
    iso.replace(/-\d\dT/, '-30T'),
    iso.slice(0, 10),
    '',
    12,
    null,
    undefined,
  ]);
}

function rawEntry(i: number): CheckFacts {
  const entry: Record<string, unknown> = {
    seriesId: pick(['june-2026', 'june-2026', 'november-2025', 'june-2025', 'march-2026', 'june-2031', 'summer', '']),
    status: pick(['draft', 'submitted', 'accepted', 'amended', 'withdrawn', 'rejected', 'Submitted', 3]),
  };
  if (rnd() < 0.9) entry['submittedAt'] = instant();
  if (rnd() < 0.3) entry['withdrawnAt'] = instant();
  if (rnd() < 0.8) entry['identityVerified'] = pick<unknown>([true, true, false, 'yes', undefined]);
  const facts: Record<string, unknown> = { subject: { kind: 'entry', id: rnd() < 0.02 ? '' : `e${i}` }, entry: rnd() < 0.02 ? pick<unknown>([null, [], 'x']) : entry };
  if (rnd() < 0.9) facts['candidate'] = pick<unknown>([{ uci: '681990012058G' }, { uci: '681990012058X' }, { uci: '' }, {}, { uci: 5 }, null]);
  return facts as CheckFacts;
}

const compiled = compileRules(jcqCheckRules);
const ctx = {
  keyDatesOf: (id: string) => jcq.keyDates(seriesFromId(id)),
  resultsAccess: (r: Parameters<typeof jcq.resultsAccess>[0]) => jcq.resultsAccess(r),
  editionFor: (y: string) => editionFor(JCQ_EDITIONS, y),
};

function referenceRules(input: CheckFacts): string {
  const prepared = prepareThroughZod(input, ctx);
  return prepared.ok ? compiled.run(prepared.facts).map((f) => String(f.event.params?.['rule'] ?? f.rule)).join(',') : 'jcq.check.invalid-facts';
}

interface Row {
  package: string;
  surface: string;
  inputs: number;
  untypedThrows: number;
  rowsLost: number;
  unauthorisedReads: number;
  over1s: number;
  peakRssMb: number;
  seconds: number;
}
const rows: Row[] = [];

function surface(name: string, run: (index: number) => { threw: boolean; lost: number; problem?: string }): void {
  let untypedThrows = 0;
  let rowsLost = 0;
  let over1s = 0;
  let peak = rssMb();
  const started = performance.now();
  for (let index = 0; index < inputs; index += 1) {
    const t0 = performance.now();
    const r = run(index);
    if (performance.now() - t0 > 1000) over1s += 1;
    if (r.threw) untypedThrows += 1;
    rowsLost += r.lost;
    if (r.problem !== undefined && failures.length < 20) failures.push(`${name} #${index}: ${r.problem}`);
    if ((index & 255) === 0) peak = Math.max(peak, rssMb());
  }
  rows.push({ package: '@examcycle/rules-jcq', surface: name, inputs, untypedThrows, rowsLost, unauthorisedReads: 0, over1s, peakRssMb: Math.max(peak, rssMb()), seconds: Math.round((performance.now() - started) / 100) / 10 });
}

surface('check-raw-entries', (index) => {
  const entries = Array.from({ length: 1 + Math.floor(rnd() * 8) }, (_, i) => rawEntry(index * 10 + i));
  try {
    const findings = jcq.check(entries);
    let lost = 0;
    let problem: string | undefined;
    for (const e of entries) {
      const mine = findings.filter((f) => f.subject.id === e.subject.id).map((f) => f.rule).join(',');
      const expected = referenceRules(e);
      if (mine !== expected && e.subject.id !== '') {
        lost += 1;
        problem ??= `${JSON.stringify(e)}: ${mine} vs reference ${expected}`;
      }
    }
    return problem === undefined ? { threw: false, lost } : { threw: false, lost, problem };
  } catch (error) {
    return { threw: true, lost: 0, problem: `threw ${String(error)}` };
  }
});

const base: KeyDate[] = [];
for (const m of ['november', 'june'] as const) base.push(...jcq.keyDates(examSeries(m, 2025 + (m === 'june' ? 1 : 0))));
const TEXT = ['Entries, late; very late', 'line\nbreak', 'back\\slash', 'é'.repeat(40), '😀'.repeat(30), 'x'.repeat(200), '\uD800', ''];

surface('toICalendar', () => {
  const picked = base.filter(() => rnd() < 0.2).map((k) => {
    const mutated: Record<string, unknown> = { ...k, title: `${k.title} ${pick(TEXT)}` };
    if (rnd() < 0.3) mutated['note'] = pick(TEXT);
    if (rnd() < 0.1) mutated['date'] = pick(['2028-02-29', '2026-12-31', '2026-02-30', 'tomorrow']);
    if (rnd() < 0.1) mutated['at'] = pick(['2026-03-29T00:30:00Z', '2026-10-25T01:30:00+01:00', 'soon']);
    return mutated as unknown as KeyDate;
  });
  try {
    const ics = toICalendar(picked, { generatedAt: '2026-01-05T09:00:00Z', centre: { centreNumber: '68199' }, timeZone: rnd() < 0.5 ? 'UTC' : 'Europe/London', recurringKinds: [] });
    const events = ics.split('\r\nBEGIN:VEVENT\r\n').length - 1;
    const lost = new Set(picked.map((k) => k.id)).size - events;
    const long = ics.split('\r\n').find((l) => Buffer.byteLength(l) > 75);
    if (long !== undefined) return { threw: false, lost: 1, problem: `a line over 75 octets: ${long.slice(0, 40)}` };
    return lost === 0 ? { threw: false, lost } : { threw: false, lost, problem: `${String(lost)} events missing` };
  } catch (error) {
    // a malformed date or instant is refused with a typed error; anything else is a defect
    return isExamcycleError(error) ? { threw: false, lost: 0 } : { threw: true, lost: 0, problem: `threw ${String(error)}` };
  }
});

writeFileSync(new URL('../fuzz-report.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
const columns = ['surface', 'inputs', 'untypedThrows', 'rowsLost', 'unauthorisedReads', 'over1s', 'peakRssMb', 'seconds'] as const;
process.stdout.write(`${columns.map((c) => c.padStart(c === 'surface' ? 20 : 12)).join(' ')}\n`);
for (const r of rows) process.stdout.write(`${columns.map((c) => String(r[c]).padStart(c === 'surface' ? 20 : 12)).join(' ')}\n`);
for (const f of failures) process.stdout.write(`FAIL ${f}\n`);
if (rows.some((r) => r.untypedThrows > 0 || r.rowsLost > 0 || r.over1s > 0)) process.exitCode = 1;
