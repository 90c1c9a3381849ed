/**
 * CSV in and out at a synthetic centre (centre 99999; every name and identifier invented): a candidate
 * list as Bromcom-style headers with Welsh names, an apostrophe, a comma and a formula in a surname, UK
 * and Excel serial dates; and a departmental entries list keyed by UCI. It prints what the import found
 * (records, and every issue with its line and column), checks entries against candidates, writes a
 * seating plan and a results broadsheet (the formula neutralised), and shows that the candidates export
 * reads back to the same records.
 */
import { readFileSync } from 'node:fs';
import type { Candidate, Entry } from '@examcycle/core';
import { exportCsv, importCsv, type BroadsheetRow, type SeatingPlanRow } from '@examcycle/adapter-csv';

const load = (name: string): Uint8Array => readFileSync(new URL(`../data/${name}`, import.meta.url));

/** The printed name on room documents: `SURNAME: Forenames`. */
const roomName = (c: Candidate): string => `${c.legalSurname.toUpperCase()}: ${c.legalForenames}`;

/**
 * Runs the example.
 *
 * @param print - where each line goes
 * @example
 * ```ts
 * await main(console.log);
 * ```
 */
export async function main(print: (line: string) => void): Promise<void> {
  print('1. Candidates (csv-candidates.csv: Admission Number, Exam Number, UCI, Legal Surname, Legal Forenames, Preferred Name, DOB, Sex)');
  const candidates = importCsv('candidates', load('csv-candidates.csv'), { file: 'csv-candidates.csv', defaults: { CentreNumber: '99999' } });
  print(`   ${candidates.rowsRead} rows read: ${candidates.records.length} candidates, ${candidates.issues.length} issue(s)`);
  for (const c of candidates.records) print(`   ${c.candidateNumber}  ${c.uci ?? '-'}  ${roomName(c)}  born ${c.dateOfBirth}`);
  for (const i of candidates.issues) print(`   issue at line ${String(i.location?.line)}: ${i.message} [${i.code}]`);

  print('');
  print('2. Entries (csv-entries.csv, candidates referred to by UCI)');
  const entries = importCsv('entries', load('csv-entries.csv'), { file: 'csv-entries.csv' });
  print(`   ${entries.rowsRead} rows read: ${entries.records.length} entries, ${entries.issues.length} issue(s)`);
  for (const i of entries.issues) print(`   issue at line ${String(i.location?.line)}: ${i.message} [${i.code}]`);
  const byUci = new Map(candidates.records.map((c) => [c.uci, c]));
  const orphans = entries.records.filter((e) => !byUci.has(e.candidateId));
  for (const e of orphans) print(`   entry ${e.entryCode} (${e.awardingBodyId}) is for ${e.candidateId}, who is not in the candidate list`);

  print('');
  print('3. Seating plan, AQA GCSE Mathematics Paper 1, Thursday 21 May 2026 AM, Sports Hall (5 seats a row)');
  const sitting = entries.records
    .filter((e: Entry) => e.componentCodes.some((c) => c.startsWith('8300/1')))
    .map((e) => ({ entry: e, candidate: byUci.get(e.candidateId) }))
    .filter((x): x is { entry: Entry; candidate: Candidate } => x.candidate !== undefined)
    .sort((a, b) => a.candidate.candidateNumber.localeCompare(b.candidate.candidateNumber));
  const seats: SeatingPlanRow[] = sitting.map(({ entry, candidate }, i) => ({
    date: '2026-05-21',
    session: 'AM',
    startTime: '09:00',
    room: 'Sports Hall',
    seat: `${String.fromCharCode(65 + Math.floor(i / 5))}${(i % 5) + 1}`,
    candidateNumber: candidate.candidateNumber,
    candidateName: roomName(candidate),
    componentCode: entry.componentCodes.find((c) => c.startsWith('8300/1'))!,
    componentTitle: `Mathematics Paper 1 (${entry.entryCode.endsWith('H') ? 'Higher' : 'Foundation'})`,
    awardingBody: entry.awardingBodyId,
    durationMinutes: 90,
  }));
  for (const line of exportCsv('seating_plan', seats).trimEnd().split('\r\n')) print(`   ${line}`);

  print('');
  print('4. Results broadsheet (synthetic grades; the formula in a surname is neutralised with a leading quote)');
  const grades = ['7', '4', '8', '6', '5'];
  const rows: BroadsheetRow[] = candidates.records.map((c, i) => ({
    candidateNumber: c.candidateNumber,
    ...(c.uci === undefined ? {} : { uci: c.uci }),
    surname: c.legalSurname,
    forenames: c.legalForenames,
    results: entries.records
      .filter((e) => e.candidateId === c.uci)
      .map((e) => ({ awardingBody: e.awardingBodyId, awardCode: e.entryCode, title: e.awardingBodyId === 'AQA' ? 'Mathematics' : 'Welsh Second Language', grade: grades[i % grades.length]! })),
  }));
  for (const line of exportCsv('results_broadsheet', rows).trimEnd().split('\r\n')) print(`   ${line}`);

  print('');
  const written = exportCsv('candidates', candidates.records, { bom: true });
  const again = importCsv('candidates', written);
  const same = JSON.stringify(again.records) === JSON.stringify(candidates.records);
  print(`5. Round trip: ${candidates.records.length} candidates written (${written.length} characters, with a byte-order mark for Excel) and read back: ${same ? 'identical' : 'DIFFERENT'}`);
}
