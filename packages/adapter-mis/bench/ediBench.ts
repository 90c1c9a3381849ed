/**
 * The EDI benchmark (issue 16): reading and writing fixed-width A2C files, every field validated, against
 * what a competent engineer writes first and no library beats for fixed-width text: reading by `split` and
 * `slice` at the layout's offsets (no checks, no file structure), writing by a template join of padded fields
 * (no checks). Same data for every contender, agreement checked first (records read / lines written), equal
 * warm-up and interleaved rounds, each from a settled heap (a full GC before each run, outside its timing, so no
 * contender pays for the garbage the other left), min / median / max and the ratio of medians; summary rows for
 * `npm run bench`'s closing table. Both readers give the same shape: a record per detail line with every field,
 * and each candidate with their entries joined across continuation records. Knobs: BENCH_EDI_LINES (100,000, the
 * size issue 16 measured: the result lines, and entries detail lines for at most 9,999 candidates of one centre;
 * at 20,000 lines the baseline's round sometimes fits in V8's young generation and sometimes not, and the
 * results-read ratio swung between 2.2× and 4.2× from run to run),
 * BENCH_EDI_ENTRIES (20 entries per candidate: two detail records each), BENCH_ROUNDS (5), BENCH_WARMUP (1).
 */
import { uciCheckCharacter, type Candidate, type Entry } from '@examcycle/core';
import { readEntriesFile, readResultsFile, writeEntriesFile, writeResultsFile, type EdiResultInput } from '@examcycle/adapter-mis';
import { calibrate, knob, measure, printTable, row, writeSummary, type SummaryRow } from '../../../scripts/bench/measure.js';

const CENTRE = '12345';
const SERIES = { code: '6A', year: '26' };
const AWARDING_BODY = { id: 'AQA', name: 'AQA', ediId: '70' };

function resultInputs(count: number): EdiResultInput[] {
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
  return results;
}

function entriesData(candidatesCount: number, perCandidate: number): { candidates: Candidate[]; entries: Entry[] } {
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  for (let i = 0; i < candidatesCount; i += 1) {
    const body = `${CENTRE}025${String(i + 1).padStart(4, '0')}`;
    candidates.push({ id: `c${i}`, centreNumber: CENTRE, candidateNumber: String(i + 1).padStart(4, '0'), uci: body + uciCheckCharacter(body)!, legalSurname: `SURNAME ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`, legalForenames: 'FORENAME', dateOfBirth: '2009-03-14', sex: 'F', kind: 'internal' });
    for (let j = 0; j < perCandidate; j += 1) entries.push({ id: `e${i}-${j}`, candidateId: `c${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: `E${String(j).padStart(4, '0')}`, componentCodes: [], status: 'submitted', identityVerified: false });
  }
  return { candidates, entries };
}

/** Reading, first implementation: split into lines and slice the fixed offsets into records, no validation. */
function sliceResults(text: string): { centre: string; candidate: string; uci: string; uln: string; entry: string; code: string; type: string; grade: string; second: string; endorsement: string }[] {
  const out = [];
  for (const line of text.split('\r\n')) {
    if (line.charAt(0) !== 'R' || line.charAt(1) !== '5') continue;
    out.push({
      centre: line.slice(2, 7),
      candidate: line.slice(7, 11),
      uci: line.slice(11, 24).trimEnd(),
      uln: line.slice(24, 34).trimEnd(),
      entry: line.slice(34, 40).trimEnd(),
      code: line.slice(40, 46).trimEnd(),
      type: line.charAt(46),
      grade: line.slice(47, 49).trimEnd(),
      second: line.slice(49, 51).trimEnd(),
      endorsement: line.slice(51, 53).trimEnd(),
    });
  }
  return out;
}

interface SlicedEntryRecord {
  line: number;
  dataType: string;
  candidateStatus: string;
  centreNumber: string;
  candidateNumber: string;
  candidateName: string;
  sex: string;
  dateOfBirth: string;
  uci: string;
  upn: string;
  uln: string;
  qualifierFlag: string;
  optionalCentreNumber: string;
  optionalCandidateNumber: string;
  documentationGroup: string;
  entries: { code: string; flag: string }[];
}

/**
 * Reading, first implementation: the same shape as `readEntriesFile` (a record per detail line with every
 * field, the date of birth as YYYY-MM-DD, the filled slots; each candidate's records joined), no checks.
 */
function sliceEntries(text: string, seriesYear: number): { records: SlicedEntryRecord[]; candidates: SlicedEntryRecord[] } {
  const records: SlicedEntryRecord[] = [];
  const candidates: SlicedEntryRecord[] = [];
  const lines = text.split('\r\n');
  let current: SlicedEntryRecord | undefined;
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]!;
    if (line.charAt(1) !== '5') continue;
    const entries: { code: string; flag: string }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const code = line.slice(108 + i * 7, 114 + i * 7).trimEnd();
      if (code !== '') entries.push({ code, flag: line.charAt(114 + i * 7).trim() });
    }
    const yy = Number(line.slice(57, 59));
    const record: SlicedEntryRecord = {
      line: n + 1,
      dataType: line.charAt(0),
      candidateStatus: line.charAt(2).trim(),
      centreNumber: line.slice(3, 8),
      candidateNumber: line.slice(8, 12),
      candidateName: line.slice(12, 52).trimEnd(),
      sex: line.charAt(52).trim(),
      dateOfBirth: `${yy > seriesYear % 100 ? 1900 + yy : 2000 + yy}-${line.slice(55, 57)}-${line.slice(53, 55)}`,
      uci: line.slice(59, 72).trimEnd(),
      upn: line.slice(72, 85).trimEnd(),
      uln: line.slice(85, 95).trimEnd(),
      qualifierFlag: line.charAt(95).trim(),
      optionalCentreNumber: line.slice(96, 101).trimEnd(),
      optionalCandidateNumber: line.slice(101, 105).trimEnd(),
      documentationGroup: line.slice(105, 108).trimEnd(),
      entries,
    };
    records.push(record);
    if (current !== undefined && current.centreNumber === record.centreNumber && current.candidateNumber === record.candidateNumber) {
      current.entries = current.entries.concat(entries);
    } else {
      current = { ...record };
      candidates.push(current);
    }
  }
  return { records, candidates };
}

/** Writing, first implementation: one template per record, fields padded, no validation (the same bytes). */
function templateResults(results: readonly EdiResultInput[]): string {
  const out: string[] = [`R1${CENTRE}${AWARDING_BODY.ediId}${SERIES.code}${SERIES.year}SAOSIM  01014`.padEnd(192), `R3${CENTRE}${AWARDING_BODY.ediId}${SERIES.code}${SERIES.year}001`.padEnd(192)];
  for (const r of results) {
    const scores = r.resultType === 'U' ? `${String(r.uniformMark ?? 0).padStart(3, '0')}${(r.grade ?? '').padEnd(2)}` : `${(r.grade ?? '').padEnd(2)}  ${r.endorsement ?? ''}`;
    out.push(`R5${r.centreNumber}${r.candidateNumber}${(r.uci ?? '').padEnd(13)}          ${(r.entryCode ?? '').padEnd(6)}${r.resultCode.padEnd(6)}${r.resultType}${scores}`.padEnd(192));
  }
  out.push(`R7${CENTRE}${String(results.length + 2).padStart(7, '0')}200826`.padEnd(192), `R9${CENTRE}${String(results.length + 4).padStart(7, '0')}0000001`.padEnd(192));
  return `${out.join('\r\n')}\r\n`;
}

function templateEntries(candidates: readonly Candidate[], entries: readonly Entry[]): string {
  const byCandidate = new Map<string, string[]>();
  for (const e of entries) {
    const list = byCandidate.get(e.candidateId);
    if (list) list.push(e.entryCode);
    else byCandidate.set(e.candidateId, [e.entryCode]);
  }
  const out: string[] = [`E1${CENTRE}${AWARDING_BODY.ediId}${SERIES.code}${SERIES.year}SEXAMCYC01014`.padEnd(192), `E3${CENTRE}${AWARDING_BODY.ediId}${SERIES.code}${SERIES.year}001`.padEnd(192)];
  for (const c of candidates) {
    const codes = byCandidate.get(c.id) ?? [];
    const dob = `${c.dateOfBirth.slice(8, 10)}${c.dateOfBirth.slice(5, 7)}${c.dateOfBirth.slice(2, 4)}`;
    const identity = `E5C${CENTRE}${c.candidateNumber}${`${c.legalSurname}:${c.legalForenames}`.toUpperCase().padEnd(40)}${c.sex ?? ' '}${dob}${(c.uci ?? '').padEnd(13)}${' '.repeat(36)}`;
    for (let k = 0; k < codes.length; k += 12) {
      let slots = '';
      for (let j = k; j < Math.min(k + 12, codes.length); j += 1) slots += `${codes[j]!.padEnd(6)} `;
      out.push(`${identity}${slots}`.padEnd(192));
    }
  }
  out.push(`E7${CENTRE}${String(out.length).padStart(7, '0')}100226`.padEnd(192), `E9${CENTRE}${String(out.length + 2).padStart(7, '0')}0000001`.padEnd(192));
  return `${out.join('\r\n')}\r\n`;
}

const lineCount = (text: string) => text.split('\r\n').length - 1;

/** Runs the EDI bench and returns its summary rows. */
export async function benchEdi(calibrationMs: number): Promise<SummaryRow[]> {
  const lines = knob('BENCH_EDI_LINES', 100_000);
  const rounds = knob('BENCH_ROUNDS', 5);
  const warmup = knob('BENCH_WARMUP', 1);
  const rows: SummaryRow[] = [];
  const inputs = resultInputs(lines);
  const perCandidate = Math.max(1, knob('BENCH_EDI_ENTRIES', 20));
  const recordsPerCandidate = Math.ceil(perCandidate / 12);
  const { candidates, entries } = entriesData(Math.min(9999, Math.max(1, Math.round(lines / recordsPerCandidate))), perCandidate);
  const resultsOptions = { centreNumber: CENTRE, awardingBodyId: AWARDING_BODY.ediId, series: SERIES, sequence: 1, producedOn: '2026-08-20' } as const;
  const entriesOptions = { centreNumber: CENTRE, awardingBody: AWARDING_BODY, series: SERIES, sequence: 1, producedOn: '2026-02-10' } as const;

  const results = writeResultsFile(inputs, resultsOptions).content;
  if (results === undefined) throw new Error('results file not written');
  const entriesText = writeEntriesFile(candidates, entries, entriesOptions).content;
  if (entriesText === undefined) throw new Error('entries file not written');
  // Agreement: every reader reads the same records, every writer writes the same bytes.
  const read = readResultsFile(results);
  if (read.issues.length > 0 || read.results.length !== sliceResults(results).length) throw new Error('results readers disagree');
  const readE = readEntriesFile(entriesText);
  const slicedE = sliceEntries(entriesText, 2000 + Number(SERIES.year));
  if (readE.issues.length > 0 || readE.candidates.length !== candidates.length || slicedE.candidates.length !== candidates.length || readE.records.length !== slicedE.records.length) {
    throw new Error('entries readers disagree');
  }
  if (readE.candidates.some((c, i) => c.entries.length !== slicedE.candidates[i]!.entries.length || c.dateOfBirth !== slicedE.candidates[i]!.dateOfBirth)) throw new Error('entries readers join differently');
  if (templateResults(inputs) !== results) throw new Error('results writers disagree');
  if (templateEntries(candidates, entries) !== entriesText) throw new Error('entries writers disagree');
  const resultLines = lineCount(results);
  const entryLines = lineCount(entriesText);
  process.stdout.write(`results file ${resultLines.toLocaleString('en-GB')} lines; entries file ${entryLines.toLocaleString('en-GB')} lines (${candidates.length.toLocaleString('en-GB')} candidates × ${perCandidate} entries)\n`);

  const tables: [string, string, number, { name: string; run: () => unknown }[]][] = [
    [
      'readResultsFile',
      'split + slice, no checks',
      resultLines,
      [
        { name: 'readResultsFile (every field checked)', run: () => readResultsFile(results).results.length },
        { name: 'split + slice, no checks', run: () => sliceResults(results).length },
      ],
    ],
    [
      'readEntriesFile',
      'split + slice, no checks',
      entryLines,
      [
        { name: 'readEntriesFile (every field checked, joined)', run: () => readEntriesFile(entriesText).candidates.length },
        { name: 'split + slice, no checks', run: () => sliceEntries(entriesText, 2000 + Number(SERIES.year)).candidates.length },
      ],
    ],
    [
      'writeResultsFile',
      'template join, no checks',
      resultLines,
      [
        { name: 'writeResultsFile (every field checked)', run: () => writeResultsFile(inputs, resultsOptions).content?.length },
        { name: 'template join, no checks', run: () => templateResults(inputs).length },
      ],
    ],
    [
      'writeEntriesFile',
      'template join, no checks',
      entryLines,
      [
        { name: 'writeEntriesFile (every field checked)', run: () => writeEntriesFile(candidates, entries, entriesOptions).content?.length },
        { name: 'template join, no checks', run: () => templateEntries(candidates, entries).length },
      ],
    ],
  ];
  for (const [path, baseline, units, contenders] of tables) {
    const t = await measure(contenders, { warmup, rounds });
    printTable(`${path}: ${units.toLocaleString('en-GB')} lines (${rounds} rounds, ${warmup} warm-up)`, t, baseline, units, 'lines');
    rows.push(row('adapter-mis', `${path}, ${units.toLocaleString('en-GB')} lines vs ${baseline}`, t, contenders[0]!.name, baseline, { maxRatio: 3, calibrationMs }));
  }
  return rows;
}

const calibrationMs = calibrate();
process.stdout.write(`adapter-mis bench, node ${process.version}; machine load check ${calibrationMs.toFixed(0)} ms (~200 ms on an idle core)\n`);
writeSummary(new URL('..', import.meta.url), 'edi', await benchEdi(calibrationMs));
