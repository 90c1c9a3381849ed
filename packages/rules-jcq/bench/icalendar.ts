/**
 * Benchmark of `toICalendar` against a plain template join of the same events (what a user writes first:
 * one VEVENT per key date from its fields, TEXT escaped, the next day for DTEND by `Date` arithmetic, no
 * line folding, no VTIMEZONE or RRULE). Every key date of every shipped edition, equal warm-up and rounds.
 * Knobs: BENCH_ICAL_ROUNDS (200 calls per round is one round's work × BENCH_ICAL_CALLS), BENCH_WARMUP.
 */
import { examSeries, isExamcycleError, type KeyDate } from '@examcycle/core';
import { jcq, toICalendar } from '@examcycle/rules-jcq';
import { knob, measure, printTable, type Timing } from '../../../scripts/bench/measure.js';

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
  return all;
}

const escape = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

/** The template a user writes first. */
function template(keyDates: readonly KeyDate[], stamp: string): string {
  const events = [...keyDates]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map(
      (k) =>
        `BEGIN:VEVENT\r\nUID:68199/${k.id}@example.org\r\nDTSTAMP:${stamp}\r\n` +
        (k.dueRule === 'at_time'
          ? `DTSTART:${new Date(k.at).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z\r\n`
          : `DTSTART;VALUE=DATE:${k.date.replaceAll('-', '')}\r\nDTEND;VALUE=DATE:${nextDay(k.date)}\r\n`) +
        `SUMMARY:${escape(k.title)}\r\nDESCRIPTION:${escape(`${k.source.document} (${k.source.year}), ${k.confidence}${k.note === undefined ? '' : `\n${k.note}`}`)}\r\nEND:VEVENT\r\n`,
    );
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//EN\r\n${events.join('')}END:VCALENDAR\r\n`;
}

/** Runs the iCalendar bench and returns its timings for the summary. */
export async function benchICalendar(): Promise<{ table: string; timings: Timing[]; reference: string; units: number }[]> {
  const rounds = knob('BENCH_ROUNDS', 5);
  const warmup = knob('BENCH_WARMUP', 1);
  const calls = knob('BENCH_ICAL_CALLS', 50);
  const keyDates = everyEdition();
  const options = { generatedAt: '2026-01-05T09:00:00Z', centre: { centreNumber: '68199' } } as const;
  const t = await measure(
    [
      {
        name: 'toICalendar (Europe/London, VTIMEZONE, RRULE)',
        run: () => {
          for (let i = 0; i < calls; i += 1) toICalendar(keyDates, options);
        },
      },
      {
        name: 'toICalendar (UTC)',
        run: () => {
          for (let i = 0; i < calls; i += 1) toICalendar(keyDates, { ...options, timeZone: 'UTC' });
        },
      },
      {
        name: 'template join of the same events',
        run: () => {
          for (let i = 0; i < calls; i += 1) template(keyDates, '20260105T090000Z');
        },
      },
    ],
    { warmup, rounds },
  );
  const title = `toICalendar: ${keyDates.length} key dates (every edition), ${calls} calls per round`;
  printTable(title, t, 'template join of the same events', calls, 'calendars');
  return [{ table: title, timings: t, reference: 'template join of the same events', units: calls }];
}
