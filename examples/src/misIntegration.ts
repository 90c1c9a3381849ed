/**
 * MIS integration at a synthetic centre (12345; no real personal data): pull candidates from a recorded
 * Wonde payload (two pages of students with `education_details`), turn them into exam candidates with
 * candidate numbers and centre-allocated UCIs, make AQA entries for June 2026, write the JCQ EDI entries
 * file (showing every name transliteration and every candidate that could not be written), then read a
 * synthetic AQA results file back and show every finding of the match: unknown candidate, UCI mismatch,
 * result without entry, entry without result, wrong centre.
 */
import { readFileSync } from 'node:fs';
import { uciCheckCharacter, type Candidate, type Entry } from '@examcycle/core';
import { candidateFromMis, createEdiAdapter, createWondeMis, writeResultsFile, type EdiResultInput, type MisFetch } from '@examcycle/adapter-mis';

const CENTRE = '12345';
const SCHOOL = 'A1930499544';
const AQA = { id: 'AQA', name: 'AQA', ediId: '70' } as const;
const JUNE_2026 = { code: '6A', year: '26' } as const;

/** The recorded Wonde pages, answered by URL instead of the network. */
function recordedWonde(): { fetch: MisFetch; urls: string[] } {
  const page = (n: number): unknown => JSON.parse(readFileSync(new URL(`../data/wonde-students-page-${n}.json`, import.meta.url), 'utf8'));
  const urls: string[] = [];
  const fetch: MisFetch = async (url) => {
    urls.push(url);
    const n = new URL(url).searchParams.get('page') ?? '1';
    return new Response(JSON.stringify(page(Number(n))), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, urls };
}

/** A centre-allocated UCI: centre number, 0, the registration year, a serial and the check letter. */
function centreUci(serial: number): string {
  const body = `${CENTRE}025${String(serial).padStart(4, '0')}`;
  return body + uciCheckCharacter(body)!;
}

/**
 * Runs the MIS integration example.
 *
 * @param print - where each line of output goes
 * @example
 * ```ts
 * await main((line) => process.stdout.write(`${line}\n`));
 * ```
 */
export async function main(print: (line: string) => void): Promise<void> {
  print('MIS integration: Wonde → EDI entries → results back (synthetic centre 12345, AQA, June 2026)');
  print('');

  // 1. Pull candidates from Wonde.
  const wondeFetch = recordedWonde();
  const wonde = createWondeMis({ token: 'recorded-payload', schoolId: SCHOOL, fetch: wondeFetch.fetch, perPage: 3 });
  const pulled = await wonde.pullCandidates();
  print('1. Pull candidates from Wonde (recorded payload)');
  for (const url of wondeFetch.urls) print(`   GET ${url}`);
  print(`   ${pulled.records.length} students mapped; next delta cursor ${pulled.cursor ?? '(none)'}`);
  print(`   ${pulled.issues.length} issue(s):`);
  for (const i of pulled.issues) print(`   - ${i.severity} ${i.location?.file ?? ''}[${i.location?.path?.[0] ?? ''}]${i.subject?.recordId ? ` ${i.subject.recordId}` : ''} ${i.location?.field ?? ''} [${i.code}]: ${i.message}`);
  print('');

  // 2. Exam candidates: Wonde holds no candidate numbers or UCIs, so the centre allocates them.
  print('2. Candidates: candidate numbers and centre-allocated UCIs (Wonde holds neither)');
  const candidates: Candidate[] = [];
  pulled.records.forEach((mis, i) => {
    const made = candidateFromMis({ ...mis, uci: centreUci(i + 1) }, { centreNumber: CENTRE, candidateNumber: String(i + 1).padStart(4, '0') });
    if (made.candidate) {
      candidates.push(made.candidate);
      const c = made.candidate;
      print(`   ${c.candidateNumber}  ${c.legalSurname}, ${c.legalForenames}  UCI ${c.uci ?? '-'}  UPN ${c.upn ?? '-'}  born ${c.dateOfBirth}`);
    } else {
      for (const i2 of made.issues) print(`   ${mis.id}: not a candidate: ${i2.message}`);
    }
  });
  print('');

  // 3. Entries for AQA, June 2026.
  const codes: Record<string, string[]> = {
    A1000000001: ['8300H', '8461H', '8464H'],
    A1000000002: ['8300F', '8461F'],
    A1000000003: ['8300H'],
    A1000000004: ['8300F'],
    A1000000005: ['8300H'],
  };
  const entries: Entry[] = candidates.flatMap((c) =>
    (codes[c.id] ?? []).map((entryCode) => ({ id: `${c.id}-${entryCode}`, candidateId: c.id, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode, componentCodes: [], status: 'draft' as const, identityVerified: true })),
  );
  print(`3. Entries: ${entries.length} AQA entries for ${new Set(entries.map((e) => e.candidateId)).size} candidates`);
  print('');

  // 4. Write the EDI entries file.
  const edi = createEdiAdapter({ centreNumber: CENTRE, awardingBody: AQA, clock: { now: () => Date.parse('2026-02-10T09:30:00Z') }, postcode: 'ZZ1 1ZZ' });
  const written = await edi.writeEntries(candidates, entries, { series: JUNE_2026 });
  print(`4. EDI entries file ${written.fileName}: ${written.counts.candidates} candidates, ${written.counts.detailRecords} detail records, ${written.counts.entries} entries`);
  for (const ch of written.nameChanges) print(`   name change (${ch.candidateId}): "${ch.from}" → "${ch.to}" (${ch.reason})`);
  for (const i of written.issues) print(`   ${i.severity} (${i.subject?.candidateId ?? '-'}) ${i.location?.field ?? ''} [${i.code}]: ${i.message}`);
  const lines = (written.content ?? '').split('\r\n').filter((l) => l !== '');
  print('   The file (columns 1–72 and 109–129 of each 192-character record):');
  for (const l of lines) print(`   ${l.slice(0, 72)}…${l.slice(108, 129).trimEnd()}`);
  const check = edi.readEntries(written.content ?? '', { file: written.fileName });
  print(`   Read back: ${check.candidates.length} candidates, ${check.issues.length} issue(s)`);
  print('');

  // 5. A synthetic results file from AQA, read back and matched.
  const by = (id: string): Candidate => candidates.find((c) => c.id === id)!;
  const result = (c: Candidate, code: string, grade: string, extra: Partial<EdiResultInput> = {}): EdiResultInput => ({
    centreNumber: CENTRE,
    candidateNumber: c.candidateNumber,
    ...(c.uci === undefined ? {} : { uci: c.uci }),
    entryCode: code,
    resultCode: code,
    resultType: '1',
    grade,
    ...extra,
  });
  const siân = by('A1000000001');
  const ola = by('A1000000002');
  const zoë = by('A1000000003');
  const results: EdiResultInput[] = [
    result(siân, '8300H', '8'),
    result(siân, '8461H', '7'),
    result(siân, '8464H', '77'),
    { ...result(ola, '8300F', '5'), resultType: 'U', uniformMark: 212 },
    { ...result(zoë, '8300H', '6'), uci: siân.uci! },
    result(siân, '8700', '6'),
    { ...result(ola, '8300F', '5'), candidateNumber: '0099', uci: centreUci(99) },
    { ...result(siân, '8300H', '8'), centreNumber: '54321' },
  ];
  const resultsFile = writeResultsFile(results, { centreNumber: CENTRE, awardingBodyId: AQA.ediId, series: JUNE_2026, sequence: 1, producedOn: '2026-08-20' });
  const read = edi.readResults(resultsFile.content ?? '', { file: resultsFile.fileName, candidates, entries });
  print(`5. Results file ${resultsFile.fileName} (synthetic): ${read.results.length} results, ${read.matches.length} matched, ${read.issues.length} malformed line(s)`);
  for (const m of read.matches) {
    const c = by(m.candidateId);
    print(`   ${c.candidateNumber} ${c.legalSurname}: ${m.result.resultCode} grade ${m.result.grade ?? '-'}${m.result.uniformMark === undefined ? '' : ` (UMS ${m.result.uniformMark})`}${m.entryId ? '' : ' (no entry)'}`);
  }
  print(`   ${read.findings.length} finding(s):`);
  for (const f of read.findings) print(`   - ${f.severity} ${f.kind}${f.line === undefined ? '' : ` (line ${f.line})`}: ${f.message}`);
}
