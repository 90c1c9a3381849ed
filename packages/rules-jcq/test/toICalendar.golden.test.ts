import { examSeries, isExamcycleError, londonDate, toLondon, type KeyDate } from '@examcycle/core';
import fc from 'fast-check';
import { jcq, toICalendar } from '@examcycle/rules-jcq';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Instant, CalendarDate } from '@examcycle/core';

/** Every series of every shipped edition, in reverse time order (so the writer's sort does the work). */
function everyEdition(): KeyDate[] {
  const all: KeyDate[] = [];
  for (const year of [2024, 2025, 2026, 2027]) {
    for (const month of ['november', 'january', 'march', 'june'] as const) {
      try {
        all.push(...jcq.keyDates(examSeries(month, year)));
      } catch (error) {
        // no edition covers this series
        if (!isExamcycleError(error) || error.code !== 'unknown_series') throw error;
      }
    }
  }
  return all.reverse();
}

const golden = (name: string) => readFileSync(new URL(`./fixtures/icalendar/${name}`, import.meta.url), 'utf8');

describe('toICalendar (golden files)', () => {
  it('writes every edition byte for byte as the golden calendar, in Europe/London with a VTIMEZONE, UIDs under centre 68199', () => {
    const keyDates = everyEdition();
    expect(keyDates.length).toBe(139);
    expect(toICalendar(keyDates, { generatedAt: '2026-01-05T09:00:00Z', centre: { centreNumber: '68199' } })).toBe(golden('every-edition.london.ics'));
  });

  it('writes every edition byte for byte as the golden calendar in UTC, with a custom name, centre, UID domain and recurring kinds', () => {
    const ics = toICalendar(everyEdition(), {
      generatedAt: '2026-01-05T09:00:00+01:00',
      centre: { centreNumber: '10001' },
      timeZone: 'UTC',
      calendarName: 'Centre; exams, 2026',
      uidDomain: 'example.org',
      recurringKinds: ['ncn_register_update'],
    });
    expect(ics).toBe(golden('every-edition.utc.ics'));
  });

  it('ends an all-day event on the next calendar day and writes a timed one in UTC exactly as luxon reads them, for any date 1900 to 2100', () => {
    const [template] = everyEdition();
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 86_399_999 }), (d, msOfDay) => {
        const date = d.toISOString().slice(0, 10) as CalendarDate;
        const at = (new Date(Date.parse(`${date}T00:00:00Z`) + msOfDay).toISOString() as Instant);
        const allDay = { ...template!, id: 'x/all-day', dueRule: 'end_of_day' as const, date, at };
        const timed = { ...template!, id: 'x/timed', dueRule: 'at_time' as const, date, at };
        const lines = toICalendar([allDay, timed], { generatedAt: at, centre: { centreNumber: '68199' }, timeZone: 'UTC', recurringKinds: [] }).split('\r\n');
        const stamp = toLondon(at).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
        expect(lines).toContain(`DTEND;VALUE=DATE:${(londonDate(date).plus({ days: 1 }).toISODate() as CalendarDate).replaceAll('-', '')}`);
        expect(lines).toContain(`DTSTART:${stamp}`);
        expect(lines).toContain(`DTSTAMP:${stamp}`);
      }),
      { seed: 20260105, numRuns: 300 },
    );
  });
});
