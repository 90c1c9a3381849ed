import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { academicYearBounds, academicYearOf, endOfLondonDay, isExamcycleError, londonDate, londonTime, toLondon } from '@examcycle/core';
import type { Instant, CalendarDate } from '@examcycle/core';

describe('time: Europe/London, whatever the host zone', () => {
  it('reads "by the end of the day" as 23:59:59.999 London time, in GMT and in BST', () => {
    expect(endOfLondonDay('2026-02-21')).toBe('2026-02-21T23:59:59.999+00:00');
    expect(endOfLondonDay('2026-04-21')).toBe('2026-04-21T23:59:59.999+01:00');
  });

  it('places 00:01 on restricted release day in BST', () => {
    expect(londonTime('2026-08-12', '00:01')).toBe('2026-08-12T00:01:00.000+01:00');
    expect(Date.parse(londonTime('2026-08-12', '00:01'))).toBe(Date.UTC(2026, 7, 11, 23, 1));
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: clocks go forward at 01:00 GMT; 25 October 2026: back at 02:00 BST.
    expect(endOfLondonDay('2026-03-29')).toBe('2026-03-29T23:59:59.999+01:00');
    expect(londonDate('2026-03-29').toISO()).toBe('2026-03-29T00:00:00.000+00:00');
    expect(endOfLondonDay('2026-10-25')).toBe('2026-10-25T23:59:59.999+00:00');
    expect(londonDate('2026-10-25').toISO()).toBe('2026-10-25T00:00:00.000+01:00');
  });

  it('reads an instant without an offset as London wall-clock time', () => {
    expect(toLondon('2026-08-20T08:00').toISO()).toBe('2026-08-20T08:00:00.000+01:00');
    expect(toLondon('2026-08-20T07:00:00Z').hour).toBe(8);
  });

  it('rejects what is not a date or time with a typed error', () => {
    for (const bad of [() => toLondon('not a date' as Instant), () => londonDate('2026-02-30'), () => londonDate('21/02/2026' as CalendarDate), () => londonTime('2026-02-21', '24:00')]) {
      let caught: unknown;
      try {
        bad();
      } catch (e) {
        caught = e;
      }
      expect(isExamcycleError(caught) && caught.code).toBe('invalid_value');
    }
  });

  it('puts 31 August in one academic year and 1 September in the next', () => {
    expect(academicYearOf('2026-08-31T23:59:59+01:00')).toBe('2025/26');
    expect(academicYearOf('2026-08-31T23:30:00Z')).toBe('2026/27'); // 00:30 BST on 1 September
    expect(academicYearOf('2026-09-01')).toBe('2026/27');
    expect(academicYearOf('1999-12-01')).toBe('1999/00');
    expect(academicYearBounds('2025/26')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(() => academicYearBounds('2025/27')).toThrow(/Not an academic year/);
  });

  fcTest.prop([fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) })])('an instant and its London rendering are the same moment', (ms) => {
    expect(toLondon((toLondon(ms).toISO() as Instant)).toMillis()).toBe(ms);
    expect(toLondon(ms).zoneName).toBe('Europe/London');
  });

  fcTest.prop([fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true })])(
    'the end of a London day is the last millisecond before the next London day starts',
    (d) => {
      const date = (toLondon(d.getTime()).toISODate() as CalendarDate);
      const next = londonDate(date).plus({ days: 1 });
      expect(toLondon(endOfLondonDay(date)).toMillis() + 1).toBe(next.toMillis());
    },
  );
});
