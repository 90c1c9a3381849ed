import { examSeries, isExamcycleError, toLondon } from '@examcycle/core';
import { jcq, withOverrides } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@examcycle/core';

const june2026 = examSeries('june', 2026);
const deadline = jcq.keyDates(june2026).find((k) => k.kind === 'entry_deadline')!;
const veryLate = jcq.keyDates(june2026).find((k) => k.kind === 'very_late_deadline')!;
const entry = (submittedAt: Instant) => ({ id: 'e1', submittedAt, awardingBodyId: 'AQA', entryCode: '8300F' });
const OFFSETS = ['Z', '+00:00', '+01:00', '-05:00', '+13:00', '+05:30', '-09:30'];

/** An instant in epoch ms written with a given offset. */
function withOffset(ms: number, offset: string): string {
  const dt = toLondon(ms).setZone(offset === 'Z' ? 'UTC' : `UTC${offset}`);
  return offset === 'Z' ? (dt.toUTC().toISO() as Instant) : (dt.toISO() as Instant);
}

describe('feeBand', () => {
  it('charges the standard fee up to 23:59:59.999 on the entry deadline and a late fee from the next millisecond', () => {
    expect(jcq.feeBand(entry('2026-02-21T23:59:59.999Z'), june2026).band).toBe('standard');
    expect(jcq.feeBand(entry('2026-02-22T00:00:00.000Z'), june2026).band).toBe('late');
    expect(jcq.feeBand(entry('2026-02-21T18:59:59.999-05:00'), june2026).band).toBe('standard');
    expect(jcq.feeBand(entry('2026-02-21T19:00:00-05:00'), june2026).band).toBe('late');
  });

  it('charges the very late fee after the very late deadline, counted in BST', () => {
    expect(jcq.feeBand(entry('2026-04-21T23:59:59+01:00'), june2026).band).toBe('late');
    expect(jcq.feeBand(entry('2026-04-21T23:00:00Z'), june2026).band).toBe('very_late');
    expect(jcq.feeBand(entry('2026-04-21T23:00:00Z'), june2026).deadline.id).toBe('june-2026/very_late_deadline');
  });

  it('never charges a late fee for an entry made by the deadline, whatever the offset it is written in', () => {
    const start = toLondon('2025-09-01T00:00:00Z').toMillis();
    const end = toLondon('2026-08-31T00:00:00Z').toMillis();
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.constantFrom(...OFFSETS), (ms, offset) => {
        const decision = jcq.feeBand(entry(withOffset(ms, offset) as Instant), june2026);
        const late = ms > toLondon(deadline.at).toMillis();
        const veryLateNow = ms > toLondon(veryLate.at).toMillis();
        expect(decision.band).toBe(late ? (veryLateNow ? 'very_late' : 'late') : 'standard');
        expect(jcq.feeBand(entry(withOffset(ms, 'Z') as Instant), june2026)).toEqual(decision);
      }),
      { numRuns: 300 },
    );
  });

  it('never invents a price: only a centre overlay supplies one, most specific first', () => {
    expect('pricePence' in jcq.feeBand(entry('2026-03-01T09:00:00Z'), june2026)).toBe(false);
    const centre = withOverrides(jcq, {
      centre: { name: 'Northgate Academy', year: '2025/26' },
      fees: [
        { band: 'late', pence: 1500 },
        { band: 'late', awardingBodyId: 'AQA', pence: 1800 },
        { band: 'late', awardingBodyId: 'AQA', entryCode: '8300F', pence: 2100 },
      ],
    });
    expect(centre.feeBand(entry('2026-03-01T09:00:00Z'), june2026).pricePence).toBe(2100);
    expect(centre.feeBand({ ...entry('2026-03-01T09:00:00Z'), entryCode: '8461H' }, june2026).pricePence).toBe(1800);
    expect(centre.feeBand({ ...entry('2026-03-01T09:00:00Z'), awardingBodyId: 'OCR' }, june2026).pricePence).toBe(1500);
    expect('pricePence' in centre.feeBand(entry('2026-01-01T09:00:00Z'), june2026)).toBe(false);
  });

  it('refuses an entry that has not been submitted', () => {
    try {
      jcq.feeBand({ id: 'e9', awardingBodyId: 'AQA', entryCode: '8300F' }, june2026);
      expect.unreachable();
    } catch (error) {
      expect(isExamcycleError(error) && { code: error.code, location: error.location }).toEqual({ code: 'invalid_value', location: { field: 'submittedAt' } });
    }
  });
});
