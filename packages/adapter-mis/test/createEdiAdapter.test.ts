import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type CounterScope, type ExamcycleStore } from '@examcycle/core';
import { createEdiAdapter, writeResultsFile } from '@examcycle/adapter-mis';
import { AQA, candidates, entries, entry } from './fixtures/centre.js';

const at = (iso: string) => ({ now: () => Date.parse(iso) });

describe('createEdiAdapter', () => {
  it('gives each file of a series the next sequence number and names it from it', async () => {
    const edi = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-02-10T10:00:00Z') });
    const june = { code: '6A', year: '26' };
    expect(await edi.nextSequence(june)).toBe(1);
    expect((await edi.writeEntries(candidates, entries, { series: june })).fileName).toBe('E1234570.X01');
    expect((await edi.writeEntries(candidates, entries, { series: june, dataType: 'A' })).fileName).toBe('A1234570.X02');
    const november = entries.map((e) => ({ ...e, seriesId: 'november-2026' }));
    expect((await edi.writeEntries(candidates, november, { series: { code: 'BG', year: '26' } })).fileName).toBe('E1234570.X01');
    expect(await edi.nextSequence(june)).toBe(3);
  });

  it('does not use up a sequence number when nothing was written', async () => {
    const edi = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-02-10T10:00:00Z'), firstSequence: 5 });
    const bad = { code: '6', year: '26' };
    expect((await edi.writeEntries(candidates, entries, { series: bad })).content).toBeUndefined();
    expect(await edi.nextSequence(bad)).toBe(5);
  });

  it('continues the numbering across a restart: two adapters sharing one counter store (issue 11)', async () => {
    const counts = new Map<string, number>();
    const store: Pick<ExamcycleStore, 'nextCounter'> = {
      nextCounter: async (scope: CounterScope, name: string) => {
        const key = `${scope.tenant ?? ''}|${scope.centreNumber}|${name}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return counts.get(key)!;
      },
    };
    const june = { code: '6A', year: '26' };
    const before = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-02-10T10:00:00Z'), sequences: store });
    expect((await before.writeEntries(candidates, entries, { series: june })).fileName).toBe('E1234570.X01');
    expect((await before.writeEntries(candidates, entries, { series: june, dataType: 'A' })).fileName).toBe('A1234570.X02');
    const after = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-02-11T10:00:00Z'), sequences: store });
    const third = await after.writeEntries(candidates, entries, { series: june, dataType: 'A' });
    expect(third.fileName).toBe('A1234570.X03');
    expect(after.readEntries(third.content!).centreHeaders[0]?.sequenceNumber).toBe('003');
    expect(await after.nextSequence(june)).toBeUndefined(); // this port has no readCounter
    expect([...counts]).toEqual([['|12345|edi.sequence:70:6A26', 3]]);
  });

  it('keeps the numbers in core\'s store: per centre, tenant, awarding body and series, readable by nextSequence', async () => {
    const store = createMemoryStore();
    const june = { code: '6A', year: '26' };
    const a = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-02-10T10:00:00Z'), sequences: store, tenant: 'trust-1' });
    await a.writeEntries(candidates, entries, { series: june });
    const b = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-02-10T10:00:00Z'), sequences: store, tenant: 'trust-1' });
    expect(await b.nextSequence(june)).toBe(2);
    expect((await b.writeEntries(candidates, entries, { series: june })).fileName).toBe('E1234570.X02');
    expect(await store.readCounter({ tenant: 'trust-1', centreNumber: '12345' }, 'edi.sequence:70:6A26')).toBe(2);
    const otherTenant = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-02-10T10:00:00Z'), sequences: store });
    expect(await otherTenant.nextSequence(june)).toBe(1);
    expect(await b.writeEntries(candidates, entries, { series: june, sequence: 40 }).then((o) => o.fileName)).toBe('E1234570.X40');
    expect(await b.nextSequence(june)).toBe(3); // a number given by the caller does not move the counter
  });

  it('dates the file by the London day of its clock (23:30 UTC on 30 June is 1 July in London)', async () => {
    const edi = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-06-30T23:30:00Z'), postcode: 'AB1 2CD' });
    const out = await edi.writeEntries(candidates, entries, { series: { code: '6A', year: '26' } });
    const read = edi.readEntries(out.content!);
    expect(read.structure.centres[0]?.trailer?.dateProduced).toBe('2026-07-01');
    expect(read.centreHeaders[0]?.postcode).toBe('AB1 2CD');
  });

  it('matches a results file to the entries made with its awarding body only', () => {
    const edi = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-08-20T07:00:00Z') });
    const file = writeResultsFile([{ centreNumber: '12345', candidateNumber: '0002', uci: '123450250002D', entryCode: '8300F', resultCode: '8300F', resultType: '1', grade: '4' }], {
      centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20',
    });
    const read = edi.readResults(file.content!, { candidates, entries: [entries[3]!, entry('c2', 'H640', 'submitted', 'OCR')] });
    expect(read.findings).toEqual([]);
    expect(read.matches).toHaveLength(1);
    expect(edi.readResults(file.content!).findings).toEqual([]);
  });

  it('reads basedata as its awarding body', () => {
    const edi = createEdiAdapter({ centreNumber: '12345', awardingBody: AQA, clock: at('2026-01-12T09:00:00Z') });
    const content = readFileSync(new URL('./fixtures/basedata/C6A26_70.X01', import.meta.url), 'latin1');
    expect(edi.readBasedata([{ name: 'C6A26_70.X01', content }]).components[0]?.awardingBodyId).toBe('AQA');
  });
});
