/**
 * Benchmark: the table-driven EDI reader (every field checked, every line accounted for, trailers
 * counted) against a naive baseline that only splits lines and slices fixed offsets with no checks, on a
 * large synthetic results file and a large entries file. Prints lines per second and the ratio.
 * Run: `npm run bench` in packages/adapter-mis.
 */
import { uciCheckCharacter, type Candidate, type Entry } from '@examcycle/core';
import { readEntriesFile, readResultsFile, writeEntriesFile, writeResultsFile, type EdiResultInput } from '../src/index.js';

const CENTRE = '12345';
const SERIES = { code: '6A', year: '26' };

function resultsFile(count: number): string {
  const results: EdiResultInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = (i % 9999) + 1;
    const body = `${CENTRE}025${String(n).padStart(4, '0')}`;
    const type = i % 3 === 0 ? ('U' as const) : ('1' as const);
    results.push({
      centreNumber: CENTRE,
      candidateNumber: String(n).padStart(4, '0'),
      uci: body + uciCheckCharacter(body)!,
      entryCode: `E${String(i % 500).padStart(4, '0')}`,
      resultCode: `E${String(i % 500).padStart(4, '0')}`,
      resultType: type,
      grade: String((i % 9) + 1),
      ...(type === 'U' ? { uniformMark: i % 1000 } : { endorsement: 'P' }),
    });
  }
  const out = writeResultsFile(results, { centreNumber: CENTRE, awardingBodyId: '70', series: SERIES, sequence: 1, producedOn: '2026-08-20' });
  if (out.content === undefined) throw new Error(JSON.stringify(out.issues.slice(0, 3)));
  return out.content;
}

function entriesFile(candidatesCount: number): string {
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  for (let i = 0; i < candidatesCount; i += 1) {
    const body = `${CENTRE}025${String(i + 1).padStart(4, '0')}`;
    candidates.push({ id: `c${i}`, centreNumber: CENTRE, candidateNumber: String(i + 1).padStart(4, '0'), uci: body + uciCheckCharacter(body)!, legalSurname: `SURNAME ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) % 26))}`, legalForenames: 'FORENAME', dateOfBirth: '2009-03-14', sex: 'F', kind: 'internal' });
    for (let j = 0; j < 20; j += 1) entries.push({ id: `e${i}-${j}`, candidateId: `c${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: `E${String(j).padStart(4, '0')}`, componentCodes: [], status: 'submitted', identityVerified: false });
  }
  const out = writeEntriesFile(candidates, entries, { centreNumber: CENTRE, awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' }, series: SERIES, sequence: 1, producedOn: '2026-02-10' });
  if (out.content === undefined) throw new Error('entries file not written');
  return out.content;
}

/** The baseline: split into lines and slice the fixed offsets, with no validation and no structure. */
function naiveResults(text: string): number {
  let n = 0;
  for (const line of text.split('\r\n')) {
    if (line.charAt(1) !== '5') continue;
    const r = {
      centre: line.slice(2, 7),
      candidate: line.slice(7, 11),
      uci: line.slice(11, 24),
      uln: line.slice(24, 34),
      entry: line.slice(34, 40).trimEnd(),
      code: line.slice(40, 46).trimEnd(),
      type: line.charAt(46),
      grades: line.slice(47, 61),
    };
    if (r.code !== '') n += 1;
  }
  return n;
}

function naiveEntries(text: string): number {
  let n = 0;
  for (const line of text.split('\r\n')) {
    if (line.charAt(1) !== '5') continue;
    const codes: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const c = line.slice(108 + i * 7, 114 + i * 7).trimEnd();
      if (c !== '') codes.push(c);
    }
    const r = { candidate: line.slice(8, 12), name: line.slice(12, 52).trimEnd(), uci: line.slice(59, 72), codes };
    if (r.codes.length > 0) n += 1;
  }
  return n;
}

function time(label: string, lines: number, fn: () => number, runs = 5): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const perSec = (lines / median) * 1000;
  process.stdout.write(`${label.padEnd(44)} ${median.toFixed(1).padStart(8)} ms  ${Math.round(perSec).toLocaleString('en-GB').padStart(12)} lines/s\n`);
  return perSec;
}

const results = resultsFile(200_000);
const resultLines = results.split('\r\n').length - 1;
process.stdout.write(`results file: ${resultLines.toLocaleString('en-GB')} lines, ${(results.length / 1e6).toFixed(1)} MB\n`);
const naiveR = time('baseline: split + slice, no checks', resultLines, () => naiveResults(results));
const readR = time('readResultsFile (checked, accounted)', resultLines, () => {
  const read = readResultsFile(results);
  if (read.issues.length > 0) throw new Error('unexpected issues');
  return read.results.length;
});
process.stdout.write(`ratio readResultsFile / baseline: ${(readR / naiveR).toFixed(2)}\n\n`);

const entries = entriesFile(9999);
const entryLines = entries.split('\r\n').length - 1;
process.stdout.write(`entries file: ${entryLines.toLocaleString('en-GB')} lines (9,999 candidates x 20 entries)\n`);
const naiveE = time('baseline: split + slice, no checks', entryLines, () => naiveEntries(entries));
const readE = time('readEntriesFile (checked, accounted, joined)', entryLines, () => {
  const read = readEntriesFile(entries);
  if (read.issues.length > 0) throw new Error('unexpected issues');
  return read.candidates.length;
});
process.stdout.write(`ratio readEntriesFile / baseline: ${(readE / naiveE).toFixed(2)}\n`);
