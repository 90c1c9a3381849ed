/**
 * The CSV fuzz surface: hostile and careless files of every record kind, made from valid records and
 * then broken the ways upstream systems break them (random characters among quotes, commas, line breaks,
 * NULs, control characters and byte-order marks; a file cut short; huge cells; quote bombs; `__proto__`
 * and `constructor` as headers, cells and option keys; BOMs; mixed line endings; blank lines; bytes that
 * are not UTF-8), each with its oracle: the rows no mutation touched, and the line each now starts on.
 * {@link runCase} imports one and judges it: no throw at all (a fatal result must be an ExamcycleError),
 * every untouched valid row comes back as its record or as an issue at its line (or lies at or after the
 * fatal error's line), no record holds a control character, and how long it took.
 *
 * Randomness comes only from the seed (a mulberry32 generator and fast-check's seeded sampling), so a
 * failing case is reproduced from `(kind, seed, index)`.
 */
import { exportCsv, importCsv, importCsvStream, type CsvImportOptions } from '@examcycle/adapter-csv';
import { isExamcycleError, type RecordKind } from '@examcycle/core';
import fc from 'fast-check';
import { recordsOf } from '../test/domainArbitraries.js';

/**
 * A seeded generator of numbers in [0, 1) (mulberry32).
 *
 * @param seed - the seed
 * @example
 * ```ts
 * const rand = seededRandom(42);
 * rand(); // the same number every run
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid rows of one kind to build files from: each row's CSV line and the record it imports as alone. */
export interface RowPool {
  readonly kind: RecordKind;
  readonly header: string;
  readonly rows: readonly { readonly line: string; readonly json: string }[];
}

/**
 * A pool of valid rows of a kind, sampled from the round-trip arbitraries with a fixed seed.
 *
 * @param kind - the record kind
 * @param seed - fast-check's seed
 * @param size - how many records to sample
 * @example
 * ```ts
 * const pool = rowPool('entries', 1, 200);
 * ```
 */
export function rowPool(kind: RecordKind, seed: number, size = 200): RowPool {
  const header = exportCsv(kind, []).replace(/\r\n$/, '');
  const rows: { line: string; json: string }[] = [];
  for (const record of fc.sample(recordsOf(kind), { seed, numRuns: size })) {
    const line = exportCsv(kind, [record] as never, { header: false }).replace(/\r\n$/, '');
    const alone = importCsv(kind, `${header}\r\n${line}\r\n`);
    if (alone.records.length === 1 && alone.issues.length === 0 && alone.fatal === undefined) rows.push({ line, json: JSON.stringify(alone.records[0]) });
  }
  return { kind, header, rows };
}

/** One fuzz input and its oracle. */
export interface FuzzCase {
  readonly kind: RecordKind;
  readonly input: string | Uint8Array;
  readonly options: CsvImportOptions;
  /** The rows that must come back as their record, or as an issue at their line. */
  readonly expected: readonly { readonly line: number; readonly json: string }[];
  /** Input size in bytes (UTF-8). */
  readonly size: number;
  /** The mutations applied, for a failure report. */
  readonly mutations: readonly string[];
}

const HOSTILE = ['"', ',', '\r', '\n', '\r\n', '\u0000', '\u000e', '\u007f', '\u001b', '\uFEFF', "'", '=', ' ', '\t', ';', 'é', '😀', '""', '",', ',"'];
const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const EOLS = ['\r\n', '\n', '\r'];

interface DraftRow {
  text: string;
  eol: string;
  json: string | undefined;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function int(rand: () => number, below: number): number {
  return Math.floor(rand() * below);
}

/** A huge cell of a shape that has tripped parsers and regular expressions. */
function hugeCell(rand: () => number): string {
  const n = rand() < 0.05 ? 300_000 + int(rand, 600_000) : 1000 + int(rand, 60_000);
  const shapes = [
    () => '9'.repeat(n) + 'x',
    () => '1.'.repeat(n >> 1),
    () => '1'.repeat(n) + '.' + '1'.repeat(8) + 'e',
    () => ' '.repeat(n) + 'x',
    () => 'x'.repeat(n),
    () => 'T'.repeat(n) + '1',
    () => '2026-05-12 '.repeat(n / 11) + 'AM',
    () => "'".repeat(n) + '=',
    () => 'a;'.repeat(n >> 1),
    () => '1h'.repeat(n >> 1),
    () => '0'.repeat(n) + ':00',
  ];
  return pick(rand, shapes)();
}

/** Replaces the `c`-th comma-separated stretch of a line (quotes ignored: good enough to break it). */
function replaceCell(text: string, c: number, value: string): string {
  const cells = text.split(',');
  cells[c % cells.length] = value;
  return cells.join(',');
}

function insertAt(text: string, at: number, value: string, op: number): string {
  if (op === 0) return text.slice(0, at) + value + text.slice(at);
  if (op === 1) return text.slice(0, at) + value + text.slice(at + 1);
  return text.slice(0, at) + text.slice(at + 1);
}

/** Physical line breaks in a text (a CRLF counts once). */
function breaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}

/**
 * Makes one fuzz case of a kind from a seeded generator.
 *
 * @param pool - the kind's valid rows
 * @param rand - the seeded generator (advanced)
 * @example
 * ```ts
 * const c = fuzzCase(rowPool('rooms', 1), seededRandom(7));
 * ```
 */
export function fuzzCase(pool: RowPool, rand: () => number): FuzzCase {
  const mutations: string[] = [];
  let header = pool.header;
  let headerTouched = false;
  const rows: DraftRow[] = [];
  const count = 1 + int(rand, 12);
  for (let i = 0; i < count; i += 1) {
    const row = pick(rand, pool.rows);
    rows.push({ text: row.line, eol: '\r\n', json: row.json });
  }
  let options: CsvImportOptions = {};
  let bom = '';

  // structural changes first: they keep every row valid
  if (rand() < 0.15) {
    const key = pick(rand, PROTO);
    header += `,${key}`;
    for (const r of rows) r.text += `,${pick(rand, [key, '{}', 'x', ''])}`;
    mutations.push(`column ${key}`);
  }
  if (rand() < 0.2) {
    for (const r of rows) if (rand() < 0.5) r.eol = pick(rand, EOLS);
    mutations.push('mixed line endings');
  }
  if (rand() < 0.1) {
    const r = pick(rand, rows);
    r.eol += pick(rand, ['\r\n', '\n', ' \r\n', ',,,\r\n']);
    mutations.push('blank line');
  }
  if (rand() < 0.1) {
    bom = '\uFEFF';
    mutations.push('bom');
  }
  if (rand() < 0.1) {
    rows[rows.length - 1]!.eol = '';
    mutations.push('no final line break');
  }
  if (rand() < 0.05) {
    options = JSON.parse('{"synonyms":{"__proto__":["Id"],"constructor":["x"]},"defaults":{"__proto__":"y","constructor":"z","toString":"w"}}') as CsvImportOptions;
    mutations.push('proto option keys');
  }

  // then the breaking ones, each on a row (which then need not come back)
  const breaking = 1 + int(rand, 3);
  let cutAt: number | undefined;
  for (let k = 0; k < breaking; k += 1) {
    const r = pick(rand, rows);
    const what = rand();
    if (what < 0.04) {
      const at = int(rand, header.length + 1);
      header = insertAt(header, at, pick(rand, [...HOSTILE, ...PROTO]), int(rand, 3));
      headerTouched = true;
      mutations.push('header character');
    } else if (what < 0.06) {
      header = replaceCell(header, int(rand, 20), pick(rand, PROTO));
      headerTouched = true;
      mutations.push('proto header');
    } else if (what < 0.5) {
      r.text = insertAt(r.text, int(rand, r.text.length + 1), pick(rand, HOSTILE), int(rand, 3));
      r.json = undefined;
      mutations.push('character');
    } else if (what < 0.62) {
      const at = r.text.length === 0 ? 0 : [0, ...[...r.text.matchAll(/,/g)].map((m) => (m.index ?? 0) + 1)][int(rand, 8)] ?? 0;
      r.text = r.text.slice(0, at) + pick(rand, ['"', '"', '""', '"""', '"x', '" ']) + r.text.slice(at);
      r.json = undefined;
      mutations.push('quote bomb');
    } else if (what < 0.68) {
      r.text = replaceCell(r.text, int(rand, 20), `"${'"'.repeat(1 + int(rand, 2000))}`);
      r.json = undefined;
      mutations.push('quote run');
    } else if (what < 0.74) {
      const huge = hugeCell(rand);
      r.text = replaceCell(r.text, int(rand, 20), rand() < 0.3 ? `"${huge}"` : huge);
      r.json = undefined;
      mutations.push(`huge cell ${huge.length}`);
    } else if (what < 0.8) {
      r.text = replaceCell(r.text, int(rand, 20), pick(rand, PROTO));
      r.json = undefined;
      mutations.push('proto cell');
    } else if (what < 0.86) {
      r.text = replaceCell(r.text, int(rand, 20), pick(rand, ['\u000eENT-5', 'A\u007fB', 'x\u0000', '\u0001', 'Smith\tJo', '\u001f']));
      r.json = undefined;
      mutations.push('control character');
    } else if (what < 0.9) {
      r.text = r.text.slice(0, int(rand, r.text.length + 1)) + '\uFEFF' + r.text.slice(int(rand, r.text.length + 1));
      r.json = undefined;
      mutations.push('bom inside');
    } else if (what < 0.95) {
      // the file cut short in this row: only the first cut counts (the rows after it are gone)
      if (cutAt !== undefined && rows.indexOf(r) >= cutAt) continue;
      cutAt = rows.indexOf(r);
      r.text = r.text.slice(0, int(rand, r.text.length + 1));
      r.eol = '';
      r.json = undefined;
      mutations.push('cut short');
    } else {
      r.text = `${r.text},${pick(rand, ['x', '', '"a,b"', '1'])}`;
      r.json = undefined;
      mutations.push('extra cell');
    }
  }
  const kept = cutAt === undefined ? rows : rows.slice(0, cutAt + 1);

  let text = `${bom}${header}\r\n`;
  const expected: { line: number; json: string }[] = [];
  for (const r of kept) {
    const line = 1 + breaks(text);
    text += r.text;
    if (r.json !== undefined && !headerTouched) expected.push({ line, json: r.json });
    text += r.eol;
  }

  let input: string | Uint8Array = text;
  if (rand() < 0.3) {
    const bytes = new TextEncoder().encode(text);
    if (rand() < 0.15 && kept.length > 0) {
      // a byte that is not UTF-8: the file is binary_file from its line on (the fatal error covers the rows after it)
      const at = Math.max(0, bytes.length - 1 - int(rand, Math.max(1, bytes.length >> 1)));
      const out = new Uint8Array(bytes.length + 1);
      out.set(bytes.subarray(0, at));
      out[at] = pick(rand, [0xff, 0xc3, 0x80, 0xfe]);
      out.set(bytes.subarray(at), at + 1);
      input = out;
      mutations.push('bad byte');
    } else {
      input = bytes;
      mutations.push('bytes');
    }
  }
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  return { kind: pool.kind, input, options, expected, size, mutations };
}

/** What one case showed. */
export interface FuzzVerdict {
  /** A throw that is not an ExamcycleError, or a fatal result that is not one. */
  readonly untypedThrow: boolean;
  /** A throw of an ExamcycleError (importCsv never throws on data, so this is a defect too). */
  readonly typedThrow: boolean;
  /** Untouched valid rows neither a record nor an issue at their line (plus records holding a control character). */
  readonly rowsLost: number;
  readonly ms: number;
  readonly size: number;
  /** The first thing wrong, for a failure report. */
  readonly problem: string | undefined;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Imports one case and judges it.
 *
 * @param c - the case
 * @example
 * ```ts
 * runCase(fuzzCase(rowPool('rooms', 1), seededRandom(7))).rowsLost; // 0
 * ```
 */
export function runCase(c: FuzzCase): FuzzVerdict {
  const started = performance.now();
  let result;
  try {
    result = importCsv(c.kind, c.input, c.options);
  } catch (error) {
    const ms = performance.now() - started;
    const typed = isExamcycleError(error);
    return { untypedThrow: !typed, typedThrow: typed, rowsLost: 0, ms, size: c.size, problem: `threw ${String(error)}` };
  }
  const ms = performance.now() - started;
  if (result.fatal !== undefined && !isExamcycleError(result.fatal)) {
    return { untypedThrow: true, typedThrow: false, rowsLost: 0, ms, size: c.size, problem: 'fatal is not an ExamcycleError' };
  }
  const fatalLine = result.fatal === undefined ? Infinity : (result.fatal.location?.line ?? 1);
  const issueLines = new Set(result.issues.map((i) => i.location?.line));
  const got = new Map<string, number>();
  let lost = 0;
  let problem: string | undefined;
  for (const record of result.records) {
    const json = JSON.stringify(record);
    got.set(json, (got.get(json) ?? 0) + 1);
    if (CONTROL.test(Object.values(record as object).flat().filter((v) => typeof v === 'string').join(''))) {
      lost += 1;
      problem ??= `a record holds a control character: ${json.slice(0, 120)}`;
    }
  }
  for (const row of c.expected) {
    if (row.line >= fatalLine || issueLines.has(row.line)) continue;
    const n = got.get(row.json) ?? 0;
    if (n > 0) {
      got.set(row.json, n - 1);
      continue;
    }
    lost += 1;
    problem ??= `line ${row.line} lost: ${row.json.slice(0, 120)}`;
  }
  return { untypedThrow: false, typedThrow: false, rowsLost: lost, ms, size: c.size, problem };
}

/**
 * The seed of input `index` of a surface, so any input is made again from `(seed, surface, index)` alone.
 *
 * @param seed - the run's seed
 * @param surface - the surface's number
 * @param index - the input's number
 * @example
 * ```ts
 * fuzzCase(pool, seededRandom(caseSeed(12, 0, 4711)));
 * ```
 */
export function caseSeed(seed: number, surface: number, index: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ Math.imul(surface + 1, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/**
 * Imports one case through {@link importCsvStream} cut into random chunks (bytes cut inside characters,
 * text cut inside surrogate pairs, random batch sizes) and says how it differs from the whole import, if
 * it does: the same records, issues and fatal error are owed whatever the chunking.
 *
 * @param c - the case
 * @param rand - the seeded generator for the chunking
 * @example
 * ```ts
 * await streamDifference(c, seededRandom(1)); // undefined
 * ```
 */
export async function streamDifference(c: FuzzCase, rand: () => number): Promise<string | undefined> {
  const whole = importCsv(c.kind, c.input, c.options);
  const chunks: (string | Uint8Array)[] = [];
  // text as bytes only when it is well-formed UTF-16 (a lone surrogate is U+FFFD in bytes, which a string refuses)
  const wellFormed = typeof c.input !== 'string' || !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(c.input);
  const source = rand() < 0.5 || !wellFormed ? c.input : typeof c.input === 'string' ? new TextEncoder().encode(c.input) : c.input;
  for (let at = 0; at < source.length; ) {
    const n = 1 + int(rand, rand() < 0.5 ? 16 : 100_000);
    chunks.push(source.slice(at, at + n));
    at += n;
  }
  const records: unknown[] = [];
  const issues: unknown[] = [];
  let fatal: string | undefined;
  for await (const batch of importCsvStream(c.kind, chunks, { ...c.options, batchSize: 1 + int(rand, 50) })) {
    records.push(...batch.records);
    issues.push(...batch.issues);
    if (batch.fatal !== undefined) fatal = `${batch.fatal.code}@${batch.fatal.location?.line}`;
  }
  const wholeFatal = whole.fatal === undefined ? undefined : `${whole.fatal.code}@${whole.fatal.location?.line}`;
  if (fatal !== wholeFatal) return `fatal ${fatal} streamed, ${wholeFatal} whole`;
  if (JSON.stringify(records) !== JSON.stringify(whole.records)) return 'records differ';
  if (JSON.stringify(issues) !== JSON.stringify(whole.issues)) return 'issues differ';
  return undefined;
}
