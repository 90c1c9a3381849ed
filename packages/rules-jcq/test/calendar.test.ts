import { isExamcycleError } from '@examcycle/core';
import { bankHolidays, easterSunday, isWorkingDay, ONE_OFF_BANK_HOLIDAYS, workingDaysBetween, jcq } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '@examcycle/core';

/** England & Wales bank holidays as GOV.UK lists them (https://www.gov.uk/bank-holidays). */
const GOV_UK: Record<number, string[]> = {
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

const EASTER: Record<number, string> = {
  2018: '2018-04-01',
  2019: '2019-04-21',
  2020: '2020-04-12',
  2021: '2021-04-04',
  2022: '2022-04-17',
  2023: '2023-04-09',
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2038: '2038-04-25',
  2285: '2285-03-22',
};

const workingDate = fc
  .integer({ min: 0, max: 80 * 365 })
  .map((days) => (DateTime.fromISO('2019-01-01', { zone: 'UTC' }).plus({ days }).toISODate() as CalendarDate));

describe('easterSunday', () => {
  it('gives Easter Day by the Gregorian computus', () => {
    for (const [year, date] of Object.entries(EASTER)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const dt = DateTime.fromISO(easterSunday(year), { zone: 'UTC' });
        expect(dt.weekday).toBe(7);
        expect(dt.toFormat('MMdd') >= '0322' && dt.toFormat('MMdd') <= '0425').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bankHolidays', () => {
  it('matches the GOV.UK England and Wales list for 2019 to 2027, one-off days included', () => {
    for (const [year, dates] of Object.entries(GOV_UK)) expect(bankHolidays(Number(year)).map((h) => h.date)).toEqual(dates);
  });

  it('moves a weekend New Year, Christmas or Boxing Day to a weekday substitute, so no bank holiday is at a weekend', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2018, max: 2099 }), (year) => {
        const days = bankHolidays(year);
        for (const h of days) expect(DateTime.fromISO(h.date, { zone: 'UTC' }).weekday).toBeLessThanOrEqual(5);
        const regular = days.filter((h) => !ONE_OFF_BANK_HOLIDAYS.some((o) => o.date === h.date && o.replaces === undefined));
        expect(regular).toHaveLength(8);
        expect(new Set(days.map((h) => h.date)).size).toBe(days.length);
      }),
      { numRuns: 82 },
    );
  });

  it('records every one-off bank holiday with a primary source (gov.uk)', () => {
    for (const h of ONE_OFF_BANK_HOLIDAYS) {
      expect(h.source.document).toMatch(/GOV\.UK/);
      expect(h.confidence).toBe('primary');
      expect(bankHolidays(Number(h.date.slice(0, 4))).map((b) => b.date)).toContain(h.date);
      if (h.replaces !== undefined) expect(bankHolidays(Number(h.date.slice(0, 4))).map((b) => b.date)).not.toContain(h.replaces);
    }
  });

  it('refuses a year outside the calendar with a typed error', () => {
    expect(() => bankHolidays(2017)).toThrowError(expect.objectContaining({ code: 'invalid_value' }));
    expect(() => bankHolidays(2100)).toThrowError(expect.objectContaining({ code: 'invalid_value' }));
  });
});

describe('addWorkingDays', () => {
  it('counts seven working days past weekends and the Easter bank holidays', () => {
    expect(jcq.addWorkingDays('2026-06-24', 7)).toBe('2026-07-03');
    expect(jcq.addWorkingDays('2026-04-01', 2)).toBe('2026-04-07');
    expect(jcq.addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(jcq.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(jcq.addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
    expect(jcq.addWorkingDays('2026-05-20', 0)).toBe('2026-05-20');
  });

  it('counts across the clock changes without losing or gaining a day', () => {
    expect(jcq.addWorkingDays('2026-03-27', 2)).toBe('2026-03-31');
    expect(jcq.addWorkingDays('2026-10-23', 1)).toBe('2026-10-26');
    expect(workingDaysBetween('2026-03-27', '2026-03-31')).toBe(2);
  });

  it('always lands on a working day, and going back undoes going forward from a working day', () => {
    fc.assert(
      fc.property(workingDate, fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0), (date, n) => {
        const moved = jcq.addWorkingDays(date, n);
        expect(isWorkingDay(moved)).toBe(true);
        expect(workingDaysBetween(date, moved)).toBe(n);
        if (isWorkingDay(date)) expect(jcq.addWorkingDays(moved, -n)).toBe(date);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a malformed date or a fractional count', () => {
    for (const bad of [() => jcq.addWorkingDays('2026-02-30', 1), () => jcq.addWorkingDays('20260101' as CalendarDate, 1), () => jcq.addWorkingDays('2026-01-05', 1.5)]) {
      try {
        bad();
        expect.unreachable();
      } catch (error) {
        expect(isExamcycleError(error) && error.code).toBe('invalid_value');
      }
    }
  });
});
