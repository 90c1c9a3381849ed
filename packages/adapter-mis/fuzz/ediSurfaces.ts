/**
 * Fuzz surfaces for every EDI file type the package reads: entries and amendments (E, A), results (R) and
 * basedata (S, O, C, L). Each input is a file written by the package's own writers (or a basedata
 * fixture), read as text or bytes, mutated or not. The reader's promise is checked: every line ends as a
 * record (control or detail) or at least one issue, and nothing but an `ExamcycleError` is thrown.
 */
import { readFileSync } from 'node:fs';
import { uciCheckCharacter, type CalendarDate, type Candidate, type Entry, type ExamcycleIssue } from '@examcycle/core';
import { RESULT_TYPES, ediText, readBasedata, readEntriesFile, readResultsFile, writeEntriesFile, writeResultsFile, type EdiFileReading, type EdiResultInput, type ResultType } from '@examcycle/adapter-mis';
import { latin1Bytes, mutateText, type FuzzRandom } from './fuzzRandom.js';
import type { FuzzOutcome, FuzzSurface } from './runSurface.js';

const AQA = { id: 'AQA', name: 'AQA', ediId: '70' } as const;
const CODES = ['8300F', '8300H', '8461H', '8464F', '7357', '7408', 'H640', '8702', '8035', '8145', '8062', '8692', '8582', '8552', '8525', '8658'];
const NAMES = ['JONES', "O'BRIEN", 'NOWAK', 'SMITH-JONES', 'AL KHAN', 'LEE', 'MCDONALD', 'D.SOUZA'];

/** Lines of a reading that are a record or have an issue; the rest were lost. */
function lostLines(structure: EdiFileReading<{ readonly line: number }>, issues: readonly ExamcycleIssue[]): number {
  if (structure.fatal !== undefined) return 0;
  const seen = new Set<number>(issues.map((i) => i.location?.line ?? 0));
  if (structure.header) seen.add(structure.header.line);
  if (structure.trailer) seen.add(structure.trailer.line);
  for (const c of structure.centres) {
    if (c.header) seen.add(c.header.line);
    if (c.trailer) seen.add(c.trailer.line);
    for (const d of c.details) seen.add(d.line);
  }
  let lost = 0;
  for (let line = 1; line <= structure.lineCount; line += 1) if (!seen.has(line)) lost += 1;
  return lost;
}

function candidatesAndEntries(rng: FuzzRandom): { candidates: Candidate[]; entries: Entry[] } {
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  const count = 1 + rng.int(25);
  for (let i = 0; i < count; i += 1) {
    const number = String(i + 1 + rng.int(50) * 100).padStart(4, '0');
    const body = `12345026${number}`;
    const uci = rng.chance(0.7) ? `${body}${uciCheckCharacter(body) ?? ''}` : undefined;
    candidates.push({
      id: `c${i}`,
      centreNumber: '12345',
      candidateNumber: number,
      legalSurname: rng.pick(NAMES),
      legalForenames: rng.pick(['ANNA', 'SIÂN', 'OLAMIDE TOBI', 'LUKASZ', '']),
      dateOfBirth: `2009-0${1 + rng.int(9)}-1${rng.int(10)}` as CalendarDate,
      kind: 'internal',
      ...(uci === undefined || uci.length !== 13 ? {} : { uci }),
      ...(rng.chance(0.8) ? { sex: rng.pick(['F', 'M'] as const) } : {}),
    });
    const codes = new Set(Array.from({ length: 1 + rng.int(15) }, () => rng.pick(CODES)));
    for (const code of codes) entries.push({ id: `e${i}-${code}`, candidateId: `c${i}`, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: code, componentCodes: [], status: 'submitted', identityVerified: false });
  }
  return { candidates, entries };
}

function maybeMutated(text: string, rng: FuzzRandom): string | Uint8Array {
  const changed = rng.chance(0.8) ? mutateText(text, rng) : text;
  return rng.chance(0.5) ? latin1Bytes(changed) : changed;
}

/** Entries and amendments files. */
export const ediEntriesSurface: FuzzSurface = {
  name: 'edi-entries',
  run(rng): FuzzOutcome {
    const { candidates, entries } = candidatesAndEntries(rng);
    const file = writeEntriesFile(candidates, entries, { dataType: rng.pick(['E', 'A'] as const), centreNumber: '12345', awardingBody: AQA, series: { code: '6A', year: '26' }, sequence: 1 + rng.int(99), producedOn: '2026-02-10' });
    const read = readEntriesFile(maybeMutated(file.content ?? '', rng), { file: file.fileName, strict: rng.chance(0.3), padShortLines: rng.chance(0.3) });
    return { rowsLost: lostLines(read.structure, read.issues) };
  },
};

function resultInput(rng: FuzzRandom, number: string): EdiResultInput {
  const type: ResultType = rng.pick(RESULT_TYPES);
  const code = rng.pick(CODES);
  const base = { centreNumber: '12345', candidateNumber: number, entryCode: code, resultCode: code, resultType: type };
  const grade = rng.pick(['9', '4', 'A*', 'U', 'X', 'L2', '77', '']);
  if (type === 'U') return { ...base, uniformMark: rng.int(1000), grade };
  if (type === 'M') return { ...base, mark: rng.int(1000), grade };
  if (type === 'B' || type === 'C') return { ...base, score: rng.int(10_000), grade };
  return { ...base, grade, ...(rng.chance(0.2) ? { endorsement: 'D' } : {}) };
}

/** Results files of every result type. */
export const ediResultsSurface: FuzzSurface = {
  name: 'edi-results',
  run(rng): FuzzOutcome {
    const results = Array.from({ length: 1 + rng.int(40) }, () => resultInput(rng, String(1 + rng.int(9999)).padStart(4, '0')));
    const file = writeResultsFile(results, { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' });
    const read = readResultsFile(maybeMutated(file.content ?? '', rng), { file: file.fileName, strict: rng.chance(0.3), padShortLines: rng.chance(0.3) });
    return { rowsLost: lostLines(read.structure, read.issues) };
  },
};

const BASEDATA = ['S6A26_70.X01', 'O6A26_70.X01', 'C6A26_70.X01', 'L6A26_70.X01'].map((name) => ({
  name,
  text: readFileSync(new URL(`../test/fixtures/basedata/${name}`, import.meta.url), 'latin1'),
}));

/** Basedata S, O, C and L files, one at a time. A detail line (column 2 = 5) is a record or an issue. */
export const ediBasedataSurface: FuzzSurface = {
  name: 'edi-basedata',
  run(rng): FuzzOutcome {
    const { name, text } = rng.pick(BASEDATA);
    const content = maybeMutated(text, rng);
    const read = readBasedata([{ name, content }], { strict: rng.chance(0.3), padShortLines: rng.chance(0.3) });
    const lines = ediText(content).split(/\r?\n/);
    const issueLines = new Set(read.issues.map((i) => i.location?.line));
    const details = lines.filter((l, i) => l.charAt(1) === '5' && !issueLines.has(i + 1)).length;
    const records = { S: read.syllabuses, O: read.options, C: read.componentRecords, L: read.links }[name.charAt(0) as 'S' | 'O' | 'C' | 'L'].length;
    return { rowsLost: Math.max(0, details - records) };
  },
};
