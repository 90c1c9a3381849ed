import { afterAll, describe, expect, it } from 'vitest';
import { examSeries, createDurableResultsStore, type RulesPack } from '@examcycle/core';
import { createPostgresStore } from '@examcycle/store-postgres';
import { PG_URL, dropRunSchemas, runSchema } from './serverDatabase.js';

/** A pack that allows every read: this suite checks storage, not release rules. */
const openPack: Pick<RulesPack, 'resultsAccess' | 'keyDates' | 'authorities' | 'delegations'> = {
  keyDates: () => [],
  authorities: () => [{ action: 'results.received', roles: ['exams_officer'], title: 'test: the exams officer loads results', source: { document: 'test', year: '2025/26' }, confidence: 'reading' }],
  delegations: () => [],
  resultsAccess: () => ({ allowed: true, rule: 'test.open', reason: 'test', source: { document: 'test', year: '2025/26' }, confidence: 'primary' }) as never,
};

const series = examSeries('june', 2026);
const eo = { id: 'EO', role: 'exams_officer' } as const;

function result(candidateId: string, i: number) {
  return { id: `R-${candidateId}-${i}`, candidateId, seriesId: series.id, awardingBodyId: 'AQA', awardCode: `C${String(i).padStart(3, '0')}`, level: 'GCSE', grade: '5' };
}

describe.skipIf(!PG_URL)('results store on a PostgreSQL server (serialisable transactions)', () => {
  afterAll(() => dropRunSchemas());

  it('two workers adding results for the same candidates at once lose none of them', async () => {
    const schema = runSchema('results');
    const a = await createPostgresStore({ connectionString: PG_URL!, schema });
    const b = await createPostgresStore({ connectionString: PG_URL!, schema });
    const clock = { now: () => Date.parse('2026-08-20T09:00:00Z') };
    try {
      const open = (store: typeof a) => createDurableResultsStore({ store, centreNumber: '12345', rulesPack: openPack, series, clock });
      const [ra, rb] = await Promise.all([open(a), open(b)]);
      const writes: Promise<{ readonly ok: boolean }>[] = [];
      for (let i = 0; i < 20; i += 1) {
        for (const c of ['C-1', 'C-2']) {
          writes.push(ra.addResults([result(c, i * 2)], eo));
          writes.push(rb.addResults([result(c, i * 2 + 1)], eo));
        }
      }
      expect((await Promise.all(writes)).every((w) => w.ok)).toBe(true);
      const fresh = await open(a);
      for (const c of ['C-1', 'C-2']) {
        const statement = await fresh.statementOfResults({ audience: 'centre_staff', id: 'EO', role: 'exams_officer' }, c);
        expect(statement.ok && statement.value.lines.length).toBe(40);
      }
      const audit = await a.readAudit({ centreNumber: '12345', machine: 'results', id: series.id });
      expect(audit.filter((l) => l.event === 'results.received').length).toBe(80);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
