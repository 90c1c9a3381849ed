import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { instantToMillis, londonTime } from '@examcycle/core';
import { publishedStartMillis } from '../../src/examTime/publishedStart.js';
import type { Instant } from '@examcycle/core';
import type { CalendarDate } from '@examcycle/core';

const pad = (n: number): string => String(n).padStart(2, '0');
const day = fc.integer({ min: Date.UTC(1990, 0, 2), max: Date.UTC(2100, 11, 30) }).map((ms) => (new Date(ms).toISOString() as Instant).slice(0, 10));
const clockChangeDay = fc.integer({ min: 1991, max: 2099 }).chain((y) =>
  fc.constantFrom(3, 10).map((m) => {
    const last = new Date(Date.UTC(y, m, 0));
    last.setUTCDate(last.getUTCDate() - last.getUTCDay());
    return (last.toISOString() as Instant).slice(0, 10);
  }),
);
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`);

describe('publishedStartMillis', () => {
  fcTest.prop([fc.oneof(day, clockChangeDay), hhmm], { seed: 20261203, numRuns: 2000 })('a published start is the instant londonTime gives, on any day from 1990 to 2100, clock changes included', (date, time) => {
    expect(publishedStartMillis(date as CalendarDate, time)).toBe(instantToMillis(londonTime(date as CalendarDate, time)));
  });

  it('reads a time examcycle does not write (9:00) as londonTime does', () => {
    expect(publishedStartMillis('2026-06-10', '9:00')).toBe(instantToMillis(londonTime('2026-06-10', '9:00')));
  });

  it('refuses an invalid date or time as londonTime does', () => {
    expect(() => publishedStartMillis('2026-02-30', '09:00')).toThrow(/Not a valid YYYY-MM-DD date/);
    expect(() => publishedStartMillis('2026-06-10', '24:00')).toThrow(/Not a valid HH:mm time/);
  });
});
