/// <reference types="node" />
/**
 * The time-arithmetic benchmark (issue 16): for one million seeded random instants from 1990 to 2100,
 * 1. epoch ms → London ISO (`2026-08-12T00:01:00.000+01:00`): core's `londonIso` (offset table, no luxon)
 *    against luxon (`DateTime.fromMillis(ms, { zone }).toISO()`, the fastest library a user would pick) and
 *    against what a competent engineer writes first: one cached `Intl.DateTimeFormat` and `formatToParts`.
 * 2. ISO instant with offset → epoch ms: core's `instantToMillis` against luxon (`DateTime.fromISO(iso).toMillis()`)
 *    and `Date.parse` (exact for offset forms, but it rolls 30 February over to March instead of refusing it).
 * Every contender is checked to give the same answers first; then each gets the same warm-up pass and the same
 * rounds, interleaved, and the table shows min / median / max ns per instant and the ratio of medians.
 * Run: `npm run bench -w @examcycle/core` (BENCH_ROUNDS, default 3; BENCH_TIME_INSTANTS, default 200,000).
 */
import { DateTime } from 'luxon';
import { instantToMillis, LONDON, londonIso } from '@examcycle/core';
import { calibrate, writeSummary, type SummaryRow } from '../../../scripts/bench/measure.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const N = Number(process.env['BENCH_TIME_INSTANTS'] ?? 200_000);
const print = (line = ''): void => void process.stdout.write(`${line}\n`);

/** mulberry32: the instants come from the seed alone. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2101, 0, 1);
const random = seeded(16);
const instants = Array.from({ length: N }, () => FROM + Math.floor(random() * (TO - FROM)));

/** What a competent engineer writes first without luxon: one cached formatter, `formatToParts`, assembled. */
const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});
function intlLondonIso(ms: number): string {
  const p: Record<string, string> = {};
  for (const { type, value } of londonFormat.formatToParts(ms)) p[type] = value;
  const offset = p['timeZoneName'] === 'GMT' ? '+00:00' : p['timeZoneName']!.slice(3);
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}:${p['second']}.${p['fractionalSecond']}${offset}`;
}

const luxonLondonIso = (ms: number): string => DateTime.fromMillis(ms, { zone: LONDON }).toISO()!;
const luxonToMillis = (iso: string): number => DateTime.fromISO(iso).toMillis();

function stats(xs: readonly number[]): { min: number; median: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
}

/** Times each contender over every input: one warm-up pass each, then `ROUNDS` interleaved rounds. */
function race<I, O>(title: string, inputs: readonly I[], contenders: ReadonlyArray<readonly [string, (x: I) => O]>): { name: string; min: number; median: number; max: number }[] {
  let sink = 0;
  const pass = (fn: (x: I) => O): number => {
    const t0 = performance.now();
    for (let i = 0; i < inputs.length; i += 1) {
      const out = fn(inputs[i]!);
      sink += typeof out === 'string' ? out.length : (out as number) & 1;
    }
    return ((performance.now() - t0) * 1e6) / inputs.length;
  };
  for (const [, fn] of contenders) pass(fn);
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r += 1) contenders.forEach(([, fn], c) => times[c]!.push(pass(fn)));
  const base = stats(times[0]!).median;
  print('');
  print(`${title} (${inputs.length.toLocaleString('en-GB')} instants × ${ROUNDS} rounds, 1 warm-up pass each, interleaved)`);
  print(`  ${'contender'.padEnd(44)} ${'ns per instant: min / median / max'.padEnd(36)} median vs ${contenders[0]![0]}`);
  contenders.forEach(([name], c) => {
    const s = stats(times[c]!);
    print(`  ${name.padEnd(44)} ${`${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)}`.padEnd(36)} ${(s.median / base).toFixed(1)}×`);
  });
  if (sink === 0.5) print('unreachable');
  return contenders.map(([name], c) => ({ name, ...stats(times[c]!) }));
}

const calibrationMs = calibrate();
const summary: SummaryRow[] = [];
/** Summary rows: the first contender against each other one, in ns per instant (stored in the ms fields ÷ 1e6). */
function rows(path: string, timings: ReturnType<typeof race>): void {
  const [mine, ...others] = timings;
  const stat = (t: (typeof timings)[number]) => ({ name: t.name, minMs: t.min / 1e6, medianMs: t.median / 1e6, maxMs: t.max / 1e6 });
  for (const o of others) summary.push({ package: 'core', path: `${path} (per instant) vs ${o.name}`, examcycle: stat(mine!), baseline: stat(o), ratio: mine!.median / o.median, calibrationMs });
}

function checkAgreement(): string[] {
  const sample = instants.slice(0, Math.min(N, 20_000));
  for (const ms of sample) {
    const iso = londonIso(ms);
    if (iso !== luxonLondonIso(ms) || iso !== intlLondonIso(ms)) throw new Error(`contenders disagree on ${ms}: ${iso} ${luxonLondonIso(ms)} ${intlLondonIso(ms)}`);
    if (instantToMillis(iso) !== ms || luxonToMillis(iso) !== ms || Date.parse(iso) !== ms) throw new Error(`contenders disagree reading ${iso}`);
  }
  return sample.map(londonIso);
}

checkAgreement();
print(`Time arithmetic: Europe/London, seeded random instants 1990–2100 (host TZ ${process.env['TZ'] ?? 'unset'}, node ${process.version})`);
rows('londonIso: epoch ms → London ISO', race('epoch ms → London ISO with offset', instants, [
  ['londonIso (offset table)', londonIso],
  ['luxon DateTime.fromMillis(ms, { zone }).toISO()', luxonLondonIso],
  ['Intl.DateTimeFormat formatToParts', intlLondonIso],
] as const));
const isos = instants.map(londonIso);
rows('instantToMillis: ISO → epoch ms', race('ISO instant with offset → epoch ms', isos, [
  ['instantToMillis', instantToMillis],
  ['luxon DateTime.fromISO(iso).toMillis()', luxonToMillis],
  ['Date.parse', Date.parse],
] as const));
writeSummary(new URL('..', import.meta.url), 'time', summary);
