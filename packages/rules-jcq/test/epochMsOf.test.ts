import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { offsetInstantMs } from '../src/engine/epochMsOf.js';

// The hot path's instant reader is internal; this property holds it to zod's pattern and to Date.parse.
const ZOD = z.core.regexes.datetime({ offset: true });

const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
/** Instants near the edges of every field: leap days across centuries, 23/24 hours, 59/60 minutes and seconds, offsets to ±23:59. */
const nearInstant = fc
  .record({
    year: fc.oneof(digits(4), fc.constantFrom('1900', '2000', '2100', '2400', '0000', '2024', '2026', '1600', '1700')),
    month: fc.oneof(digits(2), fc.constantFrom('01', '02', '04', '12', '13', '00')),
    day: fc.oneof(digits(2), fc.constantFrom('28', '29', '30', '31', '32', '00')),
    t: fc.constantFrom('T', 'T', 'T', 't', ' '),
    hour: fc.oneof(digits(2), fc.constantFrom('23', '24')),
    minute: fc.oneof(digits(2), fc.constantFrom('59', '60')),
    second: fc.oneof(digits(2), fc.constantFrom('59', '60'), fc.constant('')),
    fraction: fc.constantFrom('', '', '.', '.0', '.5', '.123', '.999', '.1234567', '.0009', '.12a'),
    zone: fc.oneof(
      fc.constantFrom('Z', 'Z', 'z', '', '+01', '+0100', '+01:00:00', 'ZZ'),
      fc.tuple(fc.constantFrom('+', '-', '−'), fc.oneof(digits(2), fc.constantFrom('23', '24')), fc.oneof(digits(2), fc.constantFrom('59', '60'))).map(([s, h, m]) => `${s}${h}:${m}`),
    ),
  })
  .map((p) => `${p.year}-${p.month}-${p.day}${p.t}${p.hour}:${p.minute}${p.second === '' ? '' : `:${p.second}`}${p.fraction}${p.zone}`);
/** The same with one character replaced, dropped or doubled: every near miss a MIS could write. */
const mutated = fc.tuple(nearInstant, fc.nat(), fc.constantFrom('drop', 'double', '0', '9', ':', '-', 'T', '٣', ' ')).map(([s, at, how]) => {
  const i = at % s.length;
  return how === 'drop' ? s.slice(0, i) + s.slice(i + 1) : how === 'double' ? s.slice(0, i + 1) + s.slice(i) : s.slice(0, i) + how + s.slice(i + 1);
});

describe('offsetInstantMs (the checks\' instant reader)', () => {
  it('accepts exactly the instants zod\'s ISO datetime-with-offset pattern accepts, and reads them to the millisecond Date.parse does', () => {
    fc.assert(
      fc.property(fc.oneof(nearInstant, mutated, fc.string({ maxLength: 40 })), (s) => {
        const ms = offsetInstantMs(s);
        expect(!Number.isNaN(ms), s).toBe(ZOD.test(s));
        if (ZOD.test(s)) expect(ms, s).toBe(Date.parse(s));
      }),
      { seed: 20261203, numRuns: 20_000 },
    );
  });

  it('reads a leap day only in a leap year (every fourth, not a century unless the fourth)', () => {
    expect(offsetInstantMs('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(offsetInstantMs('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(offsetInstantMs('2100-02-29T00:00:00Z')).toBeNaN();
    expect(offsetInstantMs('2026-02-29T00:00:00Z')).toBeNaN();
  });
});
