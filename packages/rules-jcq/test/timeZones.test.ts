import { examSeries, planRetention, toLondon, type ResultsAccessRequest } from '@examcycle/core';
import { jcq, toICalendar, veryLateArrival } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Instant } from '@examcycle/core';

const ZONES = ['America/New_York', 'Pacific/Auckland', 'Europe/London'] as const;
const ORIGINAL_TZ = process.env['TZ'];
const SERIES = [examSeries('november', 2024), examSeries('june', 2025), examSeries('november', 2025), examSeries('march', 2026), examSeries('june', 2026), examSeries('june', 2027)];

/** Instants either side of the 2026 clock changes (29 March 01:00 UTC, 25 October 01:00 UTC). */
const CLOCK_CHANGES: Instant[] = ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00Z', '2026-03-28T23:30:00Z', '2026-10-25T00:59:59Z', '2026-10-25T01:00:00Z', '2026-10-25T01:30:00+01:00', '2026-10-25T01:30:00+00:00'];

function answers(): unknown {
  const june = examSeries('june', 2026);
  const entry = (submittedAt: Instant) => ({ id: 'e', submittedAt, awardingBodyId: 'AQA', entryCode: '8300F' });
  const read = (at: Instant): ResultsAccessRequest => ({ audience: 'centre_staff', role: 'teacher', at, series: june, level: 'GCSE' });
  return {
    keyDates: SERIES.map((s) => jcq.keyDates(s)),
    fees: [...CLOCK_CHANGES, '2026-02-21T23:59:59.999Z', '2026-04-21T22:59:59.999Z', '2026-04-21T23:00:00Z' as Instant].map((at) => jcq.feeBand(entry(at as Instant), june)),
    reads: ['2026-08-19T00:00:59+01:00', '2026-08-19T00:01:00+01:00', '2026-08-20T06:59:59Z', '2026-08-20T07:00:00Z'].map((at) => jcq.resultsAccess(read(at as Instant))),
    plan: planRetention({
      rulesPack: jcq,
      records: CLOCK_CHANGES.map((at, i) => ({ id: `c${i}`, kind: 'unclaimed_certificate' as const, createdAt: at, issuedAt: at })),
      asOf: '2027-03-29T00:30:00Z',
    }),
    workingDays: (['2026-03-27', '2026-10-23', '2026-12-24'] as const).map((d) => jcq.addWorkingDays(d, 3)),
    arrival: veryLateArrival({ date: '2026-03-30', startTime: '09:00', durationMinutes: 90 }, '2026-03-30T09:00:01Z'),
    ics: toICalendar(jcq.keyDates(june), { generatedAt: '2026-03-29T01:00:00Z', centre: { centreNumber: '68199' } }),
  };
}

describe('time zones', () => {
  afterAll(() => {
    if (ORIGINAL_TZ === undefined) delete process.env['TZ'];
    else process.env['TZ'] = ORIGINAL_TZ;
  });

  it('gives every answer identically under TZ=America/New_York, Pacific/Auckland and Europe/London, across the clock changes', () => {
    const results = ZONES.map((zone) => {
      process.env['TZ'] = zone;
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      return JSON.stringify(answers());
    });
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });

  it('answers the same whatever offset notation the input instant is written in', () => {
    const offsets = ['UTC', 'UTC-5', 'UTC+13', 'UTC+5:30', 'Europe/London', 'America/New_York', 'Pacific/Auckland'];
    const start = toLondon('2026-01-01T00:00:00Z').toMillis();
    const end = toLondon('2026-09-01T00:00:00Z').toMillis();
    const june = examSeries('june', 2026);
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.constantFrom(...offsets), fc.constantFrom(...offsets), (ms, a, b) => {
        const at = (zone: string) => (toLondon(ms).setZone(zone).toISO() as Instant);
        const entry = (submittedAt: Instant) => ({ id: 'e', submittedAt, awardingBodyId: 'AQA', entryCode: 'X' });
        expect(jcq.feeBand(entry(at(a)), june)).toEqual(jcq.feeBand(entry(at(b)), june));
        const read = (when: Instant) => jcq.resultsAccess({ audience: 'candidate', at: when, series: june, level: 'GCE' });
        expect(read(at(a))).toEqual(read(at(b)));
        const record = (when: Instant) => jcq.retention({ id: 'r', kind: 'ats_consent', createdAt: when });
        expect(record(at(a))).toEqual(record(at(b)));
      }),
      { numRuns: 200 },
    );
  });
});
