import { describe, expect, it } from 'vitest';
import type { Candidate, ExamcycleObserver, ObservedImport } from '@examcycle/core';
import { createCsvAdapter, exportCsv, importCsv, importCsvStream } from '@examcycle/adapter-csv';

const candidates: Candidate[] = [
  { id: 'c1', centreNumber: '68199', candidateNumber: '0001', legalSurname: 'Jones', legalForenames: 'Siân', dateOfBirth: '2010-01-15', kind: 'internal' },
  { id: 'c2', centreNumber: '68199', candidateNumber: '0002', legalSurname: 'Evans', legalForenames: 'Rhys', dateOfBirth: '2009-11-02', kind: 'internal' },
];
const good = exportCsv('candidates', candidates);
const [header, ...rows] = good.split('\r\n');
const bad = [header, ...rows.slice(0, 2), rows[0]!.replace('0001', '00X1').replace('c1', 'c3'), ''].join('\r\n');

function watching(now?: () => number) {
  const seen: ObservedImport[] = [];
  const observer: ExamcycleObserver = { onImport: (i) => seen.push(i), ...(now ? { now } : {}) };
  return { seen, observer };
}

describe('importCsv: hosts can watch', () => {
  it('tells the host how many rows and records an import read, its issues by code, and how long it took by the host clock', () => {
    let t = 0;
    const { seen, observer } = watching(() => (t += 7));
    const result = importCsv('candidates', bad, { file: 'year11.csv', observer });
    expect(result.issues.length).toBeGreaterThan(0);
    expect(seen).toEqual([{ source: 'csv', kind: 'candidates', file: 'year11.csv', rows: 3, records: 2, issues: { [result.issues[0]!.code]: result.issues.length }, durationMs: 7 }]);
  });

  it('tells the host once per streamed import, with the counts of every batch', async () => {
    const { seen, observer } = watching();
    const batches = [];
    for await (const b of importCsvStream('candidates', bad.split(/(?<=\r\n)/), { observer, batchSize: 1 })) batches.push(b);
    expect(batches.length).toBeGreaterThan(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ source: 'csv', kind: 'candidates', rows: 3, records: 2 });
    expect(seen[0]).not.toHaveProperty('durationMs');
  });

  it('tells the host of a fatal import with its code', async () => {
    const { seen, observer } = watching();
    await createCsvAdapter({ observer }).import('candidates', '');
    expect(seen.map((s) => s.fatal)).toEqual(['empty_file']);
  });

  it('imports the same with an observer that throws as without one', () => {
    const observer: ExamcycleObserver = {
      now: () => {
        throw new Error('clock down');
      },
      onImport: () => {
        throw new Error('logger down');
      },
    };
    expect(importCsv('candidates', bad, { observer })).toEqual(importCsv('candidates', bad));
  });
});
