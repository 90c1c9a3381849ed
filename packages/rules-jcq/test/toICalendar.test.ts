/**
 * `toICalendar` read back by an independent parser, ical.js (Mozilla's, the one Thunderbird uses): what a
 * calendar app sees is what the key dates say.
 */
import { examSeries, instantToMillis, isExamcycleError, type KeyDate } from '@examcycle/core';
import { CONFIDENCE_SCALE, JCQ_EDITIONS, confidenceLabel, jcq, toICalendar, unconfirmedValues, withOverrides, type ICalendarOptions } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

const CENTRE = { centreNumber: '68199' } as const;
const options: ICalendarOptions = { generatedAt: '2026-01-05T09:00:00Z', centre: CENTRE };
const RECURRING = ['ncn_register_update', 'head_of_centre_declaration'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parses a calendar with ical.js, registering its VTIMEZONEs so TZID times resolve through them. */
function read(ics: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

const uidOf = (k: KeyDate, centreNumber = CENTRE.centreNumber) => `${centreNumber}/${k.id}@rules-jcq.examcycle`;

/** Every series of every shipped edition. */
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

const june = jcq.keyDates(examSeries('june', 2026));

describe('toICalendar, read back with ical.js', () => {
  it.each(['Europe/London', 'UTC'] as const)('writes every key date of every edition as an event whose UID, DTSTART, DTEND and SUMMARY read back equal (%s)', (timeZone) => {
    const keyDates = everyEdition();
    const { calendar, events } = read(toICalendar(keyDates, { ...options, timeZone }));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.size).toBe(events.length);
    const single = [...new Map(keyDates.map((k) => [k.id, k])).values()].filter((k) => !RECURRING.includes(k.kind));
    expect(events).toHaveLength(single.length + RECURRING.length);
    for (const k of single) {
      const event = byUid.get(uidOf(k));
      expect(event, k.id).toBeDefined();
      expect(event!.summary).toBe(k.confidence === 'primary' ? k.title : `${k.title} (${k.confidence})`);
      expect(event!.description).toContain(k.source.document);
      expect(event!.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-01-05T09:00:00Z');
      if (k.dueRule === 'at_time') {
        // A timed event is the same instant, whether written with TZID=Europe/London (through the VTIMEZONE) or in UTC.
        expect(event!.startDate.isDate).toBe(false);
        expect(event!.startDate.zone.tzid).toBe(timeZone === 'UTC' ? 'UTC' : 'Europe/London');
        expect(event!.startDate.toUnixTime() * 1000, k.id).toBe(instantToMillis(k.at));
      } else {
        // A deadline is an all-day event on its London date, ending the next day.
        expect(event!.startDate.isDate).toBe(true);
        expect(event!.startDate.toString(), k.id).toBe(k.date);
        const next = new Date(`${k.date}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(event!.endDate.toString(), k.id).toBe(next.toISOString().slice(0, 10));
      }
    }
  });

  it('writes restricted release at 00:01 Europe/London as local time with the London VTIMEZONE, and in UTC when asked', () => {
    const restricted = june.find((k) => k.id === 'june-2026/restricted_release/GCE')!;
    const london = read(toICalendar(june, options));
    expect(london.calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/London']);
    const local = london.events.find((e) => e.uid === uidOf(restricted))!;
    expect(local.startDate.toString()).toBe('2026-08-12T00:01:00');
    expect(local.startDate.zone.tzid).toBe('Europe/London');
    const utc = read(toICalendar(june, { ...options, timeZone: 'UTC' }));
    expect(utc.calendar.getAllSubcomponents('vtimezone')).toHaveLength(0);
    expect(utc.events.find((e) => e.uid === uidOf(restricted))!.startDate.toString()).toBe('2026-08-11T23:01:00Z');
  });

  it('writes the annual 31 October NCN update once, as a yearly rule that recurs on 31 October', () => {
    const years = [examSeries('november', 2024), examSeries('june', 2026), examSeries('june', 2027)].flatMap((s) => jcq.keyDates(s));
    const { events } = read(toICalendar(years, options));
    const ncn = events.filter((e) => e.uid === '68199/annual/ncn_register_update@rules-jcq.examcycle');
    expect(ncn).toHaveLength(1);
    expect(ncn[0]!.isRecurring()).toBe(true);
    const it = ncn[0]!.iterator();
    const occurrences = [it.next(), it.next(), it.next(), it.next()].map((t) => t?.toString());
    expect(occurrences).toEqual(['2024-10-31', '2025-10-31', '2026-10-31', '2027-10-31']);
  });

  it('folds every line at 75 octets without splitting a UTF-8 character, and escapes TEXT so ical.js reads SUMMARY and DESCRIPTION back exactly', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 });
    const template = june.find((x) => x.kind === 'entry_deadline')!;
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (title, note) => {
        const k: KeyDate = { ...template, id: 'june-2026/test', title, confidence: 'primary', ...(note === undefined ? {} : { note }) };
        const ics = toICalendar([k], options);
        for (const line of ics.split('\r\n')) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          expect(line).not.toMatch(LONE_SURROGATE);
        }
        const [event] = read(ics).events;
        expect(event!.uid).toBe('68199/june-2026/test@rules-jcq.examcycle');
        expect(event!.summary).toBe(title.replace(/\r\n|\r/g, '\n'));
        if (note !== undefined) expect(event!.description.endsWith(note.replace(/\r\n|\r/g, '\n'))).toBe(true);
      }),
      { seed: 20260105, numRuns: 200 },
    );
  });

  it('reads back a title with separators and a four-byte character at the fold, and escapes the calendar name as TEXT', () => {
    const k: KeyDate = { ...june.find((x) => x.kind === 'entry_deadline')!, id: 'june-2026/emoji', title: `${'x'.repeat(66)}😀; entries, late\\fees`, confidence: 'primary' };
    const ics = toICalendar([k], { ...options, calendarName: 'Centre; exams, 2026' });
    expect(ics.split('\r\n').some((l) => l.startsWith(' 😀'))).toBe(true);
    const { calendar, events } = read(ics);
    expect(events[0]!.summary).toBe(k.title);
    // ical.js keeps an X- property's value as written (it does not know its type); calendar apps read it as TEXT.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Centre\\; exams\\, 2026');
  });
});

describe('toICalendar UIDs', () => {
  it('builds each UID from the centre number and the key date id, so two centres\' calendars never share a UID', () => {
    const a = read(toICalendar(june, options)).events.map((e) => e.uid);
    const b = read(toICalendar(june, { ...options, centre: { centreNumber: '10001' } })).events.map((e) => e.uid);
    expect(a).toHaveLength(b.length);
    expect(a.filter((uid) => b.includes(uid))).toEqual([]);
    expect(a).toContain('68199/june-2026/entry_deadline@rules-jcq.examcycle');
    expect(b).toContain('10001/june-2026/entry_deadline@rules-jcq.examcycle');
  });

  it('gives one centre the same UIDs on every export, whenever it is generated and in whatever order the key dates come', () => {
    const first = read(toICalendar(june, options)).events.map((e) => e.uid).sort();
    const later = read(toICalendar([...june].reverse(), { ...options, generatedAt: '2026-05-01T12:00:00+01:00' })).events.map((e) => e.uid).sort();
    expect(later).toEqual(first);
  });

  it('refuses a centre number that is not five digits (a programmer error: it comes from the centre record)', () => {
    expect(() => toICalendar(june, { ...options, centre: { centreNumber: '6819' } })).toThrow(expect.objectContaining({ code: 'invalid_value' }));
  });
});

describe('toICalendar confidence', () => {
  it('never renders a key date whose confidence is below primary without that confidence, in its SUMMARY and its DESCRIPTION', () => {
    const ALL = ['november', 'january', 'march', 'june'] as const;
    const series = [2024, 2025, 2026, 2027].flatMap((y) => ALL.map((m) => examSeries(m, y))).filter((s) => ['2024/25', '2025/26', '2026/27'].includes(s.academicYear));
    const northgate = withOverrides(jcq, {
      centre: { name: 'Northgate Academy', year: '2025/26' },
      internalDeadlines: [{ id: 'entries-in', title: 'Entries to the exams office', from: 'entry_deadline', offsetWorkingDays: -10 }],
    });
    const pool = series.flatMap((s) => northgate.keyDates(s));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 25, selector: (k) => k.id }),
        fc.array(fc.constantFrom(...CONFIDENCE_SCALE), { minLength: 25, maxLength: 25 }),
        fc.constantFrom('Europe/London' as const, 'UTC' as const),
        (picked, confidences, timeZone) => {
          const dates: KeyDate[] = picked.map((k, i) => ({ ...k, confidence: confidences[i]! }));
          for (const event of read(toICalendar(dates, { ...options, timeZone })).events) {
            const { uid, summary, description } = event;
            // Every key date this event stands for (one, or every year of a recurring obligation).
            const shown = uid.startsWith('68199/annual/') ? dates.filter((k) => uid.startsWith(`68199/annual/${k.kind}@`)) : dates.filter((k) => uid === uidOf(k));
            expect(shown.length, uid).toBeGreaterThan(0);
            for (const k of shown) {
              if (k.confidence === 'primary') continue;
              // The event may show a weaker confidence than this year's (a recurring event is as weak as its weakest year), never a stronger one.
              const idx = CONFIDENCE_SCALE.findIndex((c) => summary.endsWith(`(${c})`));
              expect(idx, `${uid}: ${summary}`).toBeGreaterThanOrEqual(CONFIDENCE_SCALE.indexOf(k.confidence));
              expect(description, uid).toContain(confidenceLabel(CONFIDENCE_SCALE[idx]!));
            }
          }
        },
      ),
      { seed: 13, numRuns: 150 },
    );
  });

  it('lists every edition value below primary in the table of unconfirmed values, with its confidence', () => {
    const rows = unconfirmedValues();
    expect(rows.every((r) => r.confidence !== 'primary')).toBe(true);
    const walk = (node: unknown, out: { confidence: string; value: unknown }[] = []): { confidence: string; value: unknown }[] => {
      if (typeof node !== 'object' || node === null) return out;
      if ('value' in node && 'source' in node && 'confidence' in node) {
        out.push(node as { confidence: string; value: unknown });
        return out;
      }
      for (const child of Object.values(node)) walk(child, out);
      return out;
    };
    const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    for (const v of walk(JCQ_EDITIONS)) {
      if (v.confidence === 'primary') continue;
      expect(rows.some((r) => r.value === show(v.value) && r.confidence === v.confidence), show(v.value)).toBe(true);
    }
  });
});
