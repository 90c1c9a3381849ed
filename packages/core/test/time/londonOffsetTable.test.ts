/**
 * The Europe/London offset table and the luxon-free instant functions (issue 16), checked against luxon, the
 * reference: at every clock change from 1990 to 2100 (to the millisecond, ±1 ms and ±1 h), on every day of the
 * range, and on seeded random instants, wall-clock times and near-ISO strings.
 */
import { fc } from '@fast-check/vitest';
import { DateTime, Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { instantToMillis, isExamcycleError, LONDON, londonDate, londonIso, londonOffsetMinutes, londonTime, londonWallToMillis, toLondon } from '@examcycle/core';
import type { Instant, CalendarDate } from '@examcycle/core';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2101, 0, 1);
const SEED = 16_2026;
/** 0000-01-01T00:00:00Z: the first instant with a four-digit ISO year. */
const YEAR_0 = -62_167_219_200_000;
const luxonNow = Settings.now;

const luxonOffset = (ms: number): number => DateTime.fromMillis(ms, { zone: LONDON }).offset;
const luxonIso = (ms: number): string => (toLondon(ms).toISO() as Instant);

/** Every clock change 1990–2100 as luxon (the host's IANA data) sees it, found by day and narrowed to the ms. */
function luxonTransitions(): number[] {
  const out: number[] = [];
  let before = luxonOffset(FROM);
  for (let day = FROM + DAY; day <= TO; day += DAY) {
    const after = luxonOffset(day);
    if (after !== before) {
      let lo = day - DAY;
      let hi = day;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (luxonOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      out.push(hi);
      before = after;
    }
  }
  return out;
}

/** The value or the error code, so "both refuse with invalid_value" compares equal. */
function outcome(read: () => number): number | string {
  try {
    return read();
  } catch (e) {
    return isExamcycleError(e) ? e.code : `untyped: ${String(e)}`;
  }
}

const transitions = luxonTransitions();

describe('London offset table: British Summer Time 1990–2100 (EU rule from 1996, GB-Eire before)', () => {
  it('has the two clock changes a year luxon has, 222 from 1990 to 2100, each at 01:00 UTC', () => {
    expect(transitions).toHaveLength(222);
    expect(transitions.every((t) => t % DAY === HOUR)).toBe(true);
    expect(londonIso(Date.UTC(1995, 9, 22, 0, 59, 59, 999))).toBe('1995-10-22T01:59:59.999+01:00'); // GB-Eire: Sun ≥ 22 Oct
    expect(londonIso(Date.UTC(1995, 9, 22, 1))).toBe('1995-10-22T01:00:00.000+00:00');
  });

  it('changes the offset at every clock change to the millisecond, and agrees with luxon ±1 ms and ±1 h around it', () => {
    for (const t of transitions) {
      for (const ms of [t - HOUR, t - 1, t, t + 1, t + HOUR]) {
        expect(londonOffsetMinutes(ms)).toBe(luxonOffset(ms));
        expect(londonIso(ms)).toBe(luxonIso(ms));
        expect(instantToMillis(londonIso(ms))).toBe(ms);
      }
    }
  });

  it('agrees with luxon on the offset at midnight and at noon UTC on every day from 1990 to 2100', () => {
    let disagreements = 0;
    for (let day = FROM; day < TO; day += DAY) {
      if (londonOffsetMinutes(day) !== luxonOffset(day) || londonOffsetMinutes(day + DAY / 2) !== luxonOffset(day + DAY / 2)) disagreements += 1;
    }
    expect(disagreements).toBe(0);
  });

  it('defers to luxon outside the table (Local Mean Time before 1847, the far future)', () => {
    for (const ms of [FROM - 1, TO, Date.UTC(1800, 0, 1), Date.UTC(2200, 6, 1), Date.UTC(1971, 6, 1)]) {
      expect(londonOffsetMinutes(ms)).toBe(luxonOffset(ms));
      expect(londonIso(ms)).toBe(luxonIso(ms));
    }
    expect(londonOffsetMinutes(Date.UTC(1800, 0, 1))).toBe(-1.25);
  });
});

describe('londonIso: epoch ms to the London instant examcycle writes', () => {
  it('writes restricted release day 00:01 in BST and Christmas in GMT', () => {
    expect(londonIso(Date.UTC(2026, 7, 11, 23, 1))).toBe('2026-08-12T00:01:00.000+01:00');
    expect(londonIso(Date.UTC(2026, 11, 25, 9))).toBe('2026-12-25T09:00:00.000+00:00');
  });

  it('writes every random instant from 1990 to 2100 exactly as luxon toISO does, and reads it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO - 1 }), (ms) => {
        const iso = londonIso(ms);
        expect(iso).toBe(luxonIso(ms));
        expect(instantToMillis(iso)).toBe(ms);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('gives luxon’s answer for fractional milliseconds, and refuses what is not an instant with invalid_value', () => {
    for (const ms of [1.5, -1.5, Date.UTC(2026, 0, 1) + 0.25]) expect(londonIso(ms)).toBe(luxonIso(ms));
    for (const ms of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1]) expect(outcome(() => instantToMillis(londonIso(ms)))).toBe('invalid_value');
  });
});

describe('instantToMillis: an ISO instant to epoch ms, as toLondon(iso).toMillis() reads it', () => {
  afterEach(() => {
    Settings.now = luxonNow;
  });

  it('reads an instant with an offset exactly, from year 0 to 9999, at any offset', () => {
    const zones = ['utc', 'UTC+1', 'UTC-5', 'UTC+5:30', 'UTC-9:30', 'UTC+14', 'UTC-12'];
    fc.assert(
      fc.property(fc.integer({ min: YEAR_0 + DAY, max: Date.UTC(9999, 11, 30) }), fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 }), (ms, zone, form) => {
        const dt = DateTime.fromMillis(ms, { zone });
        const iso = [dt.toISO(), dt.toISO({ suppressMilliseconds: true }), dt.toISO({ suppressSeconds: true }), dt.toISO({ includeOffset: true, precision: 'minute' })][form]!;
        if (!/^\d{4}-/.test(iso)) return;
        expect(outcome(() => instantToMillis(iso as Instant))).toBe(outcome(() => toLondon(iso as Instant).toMillis()));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('reads every one-, two- and three-digit fraction of a second as luxon does', () => {
    for (let digits = 1; digits <= 3; digits += 1) {
      for (let f = 0; f < 10 ** digits; f += 1) {
        for (const tail of ['Z', '+01:00', '']) {
          const iso = `2026-06-10T09:00:00.${String(f).padStart(digits, '0')}${tail}`;
          expect(instantToMillis(iso as Instant)).toBe(toLondon(iso as Instant).toMillis());
        }
      }
    }
  });

  it('reads London wall-clock time without an offset as luxon does, on every clock-change day 1990–2100', () => {
    for (const t of transitions) {
      const date = londonIso(t).slice(0, 10);
      for (let q = 0; q < 16; q += 1) {
        const wall = `${date}T${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
        expect(instantToMillis(wall as Instant)).toBe(toLondon(wall as Instant).toMillis());
      }
      expect(instantToMillis(date as Instant)).toBe(toLondon(date as Instant).toMillis());
    }
  });

  it('moves a time in the spring gap an hour later, whatever the host’s current date', () => {
    for (const now of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
      Settings.now = () => now;
      expect(instantToMillis('2026-03-29T01:30')).toBe(Date.UTC(2026, 2, 29, 1, 30)); // 02:30 BST
      expect(instantToMillis('2026-03-29T01:30')).toBe(toLondon('2026-03-29T01:30').toMillis());
    }
  });

  it('leaves the autumn overlap hour to luxon, whose reading follows the host’s current date (BST in summer, GMT in winter)', () => {
    Settings.now = () => Date.UTC(2026, 6, 15);
    expect(instantToMillis('2026-10-25T01:30')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    Settings.now = () => Date.UTC(2026, 0, 15);
    expect(instantToMillis('2026-10-25T01:30')).toBe(Date.UTC(2026, 9, 25, 1, 30));
  });

  it('agrees with luxon on random wall-clock and offset strings 1985–2105, valid or not', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const iso = fc
      .tuple(fc.integer({ min: 1985, max: 2105 }), two(13), two(32), two(25), two(61), two(61), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('', 'Z', '+01:00', '-00:00', '+23:59', '+24:00', '-05:30', '+0100', 'z', ' '))
      .map(([y, mo, d, h, mi, s, f, form, tail]) => {
        const date = `${y}-${mo}-${d}`;
        const fraction = String(f).slice(0, form);
        if (form === 0) return date;
        if (form === 1) return `${date}T${h}:${mi}${tail}`;
        if (form === 2) return `${date}T${h}:${mi}:${s}${tail}`;
        return `${date}T${h}:${mi}:${s}.${fraction}${tail}`;
      });
    fc.assert(
      fc.property(iso, (s) => {
        expect(outcome(() => instantToMillis(s as Instant))).toBe(outcome(() => toLondon(s as Instant).toMillis()));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('agrees with luxon on mangled instants (any character of an ISO instant replaced, dropped or doubled)', () => {
    const mangled = fc
      .tuple(fc.integer({ min: FROM, max: TO - 1 }), fc.nat(40), fc.constantFrom(...'0123456789-T:.Z+ zt/'.split('')), fc.integer({ min: 0, max: 2 }))
      .map(([ms, at, c, how]) => {
        const s = londonIso(ms);
        const i = at % s.length;
        return how === 0 ? s.slice(0, i) + c + s.slice(i + 1) : how === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + s[i]! + s.slice(i);
      });
    fc.assert(
      fc.property(mangled, (s) => {
        expect(outcome(() => instantToMillis(s as Instant))).toBe(outcome(() => toLondon(s as Instant).toMillis()));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('refuses what is not an instant with invalid_value, as toLondon does', () => {
    for (const bad of ['yesterday', '', '2026-02-30T09:00Z', '2026-13-01', '2026-06-10T09:00:60Z', '2026-06-10T09:00:00.Z']) {
      expect(outcome(() => instantToMillis(bad as Instant))).toBe('invalid_value');
    }
  });
});

describe('londonWallToMillis: a London wall-clock time on a date, as londonTime resolves it', () => {
  it('places 00:01 on restricted release day in BST', () => {
    expect(londonWallToMillis('2026-08-12', '00:01')).toBe(Date.UTC(2026, 7, 11, 23, 1));
  });

  it('moves 01:30 on the spring-forward day to 02:30 BST and reads 01:30 on the autumn day as the first (BST) pass, as luxon does', () => {
    expect(londonIso(londonWallToMillis('2026-03-29', '01:30'))).toBe('2026-03-29T02:30:00.000+01:00');
    expect(londonIso(londonWallToMillis('2026-10-25', '01:30'))).toBe('2026-10-25T01:30:00.000+01:00');
    expect(londonIso(londonWallToMillis('2026-10-25', '02:00'))).toBe('2026-10-25T02:00:00.000+00:00');
    expect(londonWallToMillis('2026-03-29', '01:30')).toBe(Date.parse(londonTime('2026-03-29', '01:30')));
    expect(londonWallToMillis('2026-10-25', '01:30')).toBe(Date.parse(londonTime('2026-10-25', '01:30')));
  });

  it('agrees with londonTime every quarter hour from 00:00 to 03:45 on every clock-change day 1990–2100', () => {
    for (const t of transitions) {
      const date = londonIso(t).slice(0, 10);
      for (let q = 0; q < 16; q += 1) {
        const time = `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
        expect(londonWallToMillis(date as CalendarDate, time)).toBe(toLondon(londonTime(date as CalendarDate, time)).toMillis());
      }
    }
  });

  it('agrees with luxon on random dates and times 1985–2105, seconds and milliseconds included', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2105, 0, 1) }), fc.integer({ min: 0, max: DAY - 1 }), fc.boolean(), (day, tod, precise) => {
        const date = (DateTime.fromMillis(day, { zone: 'utc' }).toISODate() as CalendarDate);
        const t = DateTime.fromMillis(tod, { zone: 'utc' });
        const time = precise ? t.toFormat('HH:mm:ss.SSS') : t.toFormat('HH:mm');
        const expected = londonDate(date).set({ hour: t.hour, minute: t.minute, ...(precise ? { second: t.second, millisecond: t.millisecond } : {}) }).toMillis();
        expect(londonWallToMillis(date, time)).toBe(expected);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('refuses an impossible date or time with invalid_value', () => {
    for (const [date, time] of [['2026-02-30', '09:00'], ['2026-13-01', '09:00'], ['10/06/2026', '09:00'], ['2026-06-10', '24:00'], ['2026-06-10', '9:00'], ['2026-06-10', '09:60'], ['2026-06-10', '09:00:60']] as const) {
      expect(outcome(() => londonWallToMillis(date as CalendarDate, time))).toBe('invalid_value');
    }
  });
});
