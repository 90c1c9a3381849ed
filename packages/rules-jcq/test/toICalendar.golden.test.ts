import { examSeries, isExamcycleError, type KeyDate } from '@examcycle/core';
import { jcq, toICalendar } from '@examcycle/rules-jcq';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

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
  it('writes every edition byte for byte as the golden calendar, in Europe/London with a VTIMEZONE', () => {
    const keyDates = everyEdition();
    expect(keyDates.length).toBe(139);
    expect(toICalendar(keyDates, { generatedAt: '2026-01-05T09:00:00Z' })).toBe(golden('every-edition.london.ics'));
  });

  it('writes every edition byte for byte as the golden calendar in UTC, with a custom name, UID domain and recurring kinds', () => {
    const ics = toICalendar(everyEdition(), {
      generatedAt: '2026-01-05T09:00:00+01:00',
      timeZone: 'UTC',
      calendarName: 'Centre; exams, 2026',
      uidDomain: 'example.org',
      recurringKinds: ['ncn_register_update'],
    });
    expect(ics).toBe(golden('every-edition.utc.ics'));
  });
});
