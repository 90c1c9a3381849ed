import { examSeries, type KeyDate } from '@examcycle/core';
import { CONFIDENCE_SCALE, JCQ_EDITIONS, confidenceLabel, escapeText, foldContentLine, jcq, keyDates, toICalendar, unconfirmedValues, withOverrides } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { rrulestr } from 'rrule';
import { describe, expect, it } from 'vitest';

interface Property {
  readonly name: string;
  readonly params: Record<string, string>;
  readonly value: string;
}

/** A small RFC 5545 reader: unfolds lines, splits name, parameters and value. */
function parse(ics: string): { events: Property[][]; lines: string[]; all: Property[] } {
  const physical = ics.split('\r\n');
  expect(physical.at(-1)).toBe('');
  const logical: string[] = [];
  for (const line of physical.slice(0, -1)) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const all = logical.map((line) => {
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    return { name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value: line.slice(colon + 1) };
  });
  const events: Property[][] = [];
  let current: Property[] | undefined;
  for (const p of all) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = [];
    else if (p.name === 'END' && p.value === 'VEVENT') {
      events.push(current!);
      current = undefined;
    } else current?.push(p);
  }
  return { events, lines: physical.slice(0, -1), all };
}

function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const get = (event: Property[], name: string) => event.find((p) => p.name === name);
const june = keyDates(examSeries('june', 2026));
const options = { generatedAt: '2026-01-05T09:00:00Z' } as const;

describe('toICalendar', () => {
  it('writes one VEVENT per key date with a stable UID, DTSTAMP from the injected instant, CRLF lines and its title', () => {
    const ics = toICalendar(june, options);
    expect(ics).not.toMatch(/[^\r]\n/);
    const { events, all } = parse(ics);
    expect(all[0]).toEqual({ name: 'BEGIN', params: {}, value: 'VCALENDAR' });
    const recurring = june.filter((k) => k.kind === 'ncn_register_update' || k.kind === 'head_of_centre_declaration');
    expect(events).toHaveLength(june.length - recurring.length + 2);
    for (const k of june.filter((x) => !recurring.includes(x))) {
      const event = events.find((e) => get(e, 'UID')?.value === `${k.id}@rules-jcq.examcycle`)!;
      expect(event).toBeDefined();
      expect(get(event, 'DTSTAMP')?.value).toBe('20260105T090000Z');
      expect(unescape(get(event, 'SUMMARY')!.value)).toBe(k.confidence === 'primary' ? k.title : `${k.title} (${k.confidence})`);
      expect(unescape(get(event, 'DESCRIPTION')!.value)).toContain(k.source.document);
    }
    expect(toICalendar([...june].reverse(), options)).toBe(ics);
  });

  it('writes deadlines as all-day events and restricted release at 00:01 Europe/London with a VTIMEZONE', () => {
    const { events, all } = parse(toICalendar(june, options));
    const entry = events.find((e) => get(e, 'UID')?.value.startsWith('june-2026/entry_deadline@'))!;
    expect(get(entry, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20260221' });
    expect(get(entry, 'DTEND')?.value).toBe('20260222');
    const restricted = events.find((e) => get(e, 'UID')?.value.startsWith('june-2026/restricted_release/GCE@'))!;
    expect(get(restricted, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/London' }, value: '20260812T000100' });
    expect(all.filter((p) => p.name === 'TZID').map((p) => p.value)).toEqual(['Europe/London']);
  });

  it('writes timed events in UTC when asked, without a VTIMEZONE', () => {
    const { events, all } = parse(toICalendar(june, { ...options, timeZone: 'UTC' }));
    const restricted = events.find((e) => get(e, 'UID')?.value.startsWith('june-2026/restricted_release/GCE@'))!;
    expect(get(restricted, 'DTSTART')?.value).toBe('20260811T230100Z');
    expect(all.some((p) => p.value === 'VTIMEZONE')).toBe(false);
  });

  it('writes the annual 31 October NCN update once, as a yearly RRULE that recurs on 31 October', () => {
    const years = [examSeries('november', 2024), examSeries('june', 2026), examSeries('june', 2027)].flatMap((s) => keyDates(s));
    const { events } = parse(toICalendar(years, options));
    const ncn = events.filter((e) => get(e, 'UID')?.value === 'annual/ncn_register_update@rules-jcq.examcycle');
    expect(ncn).toHaveLength(1);
    expect(get(ncn[0]!, 'DTSTART')?.value).toBe('20241031');
    const rule = rrulestr(`DTSTART:${get(ncn[0]!, 'DTSTART')!.value}T000000Z\n${'RRULE:' + get(ncn[0]!, 'RRULE')!.value}`);
    expect(rule.all((_, i) => i < 4).map((d) => d.toISOString().slice(0, 10))).toEqual(['2024-10-31', '2025-10-31', '2026-10-31', '2027-10-31']);
  });

  it('folds every line at 75 octets without splitting a UTF-8 character, and escapes TEXT so it reads back exactly', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 });
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (title, note) => {
        const k: KeyDate = { ...june.find((x) => x.kind === 'entry_deadline')!, id: 'june-2026/test', title, confidence: 'primary', ...(note === undefined ? {} : { note }) };
        const ics = toICalendar([k], options);
        const { events, lines } = parse(ics);
        for (const line of lines) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          expect(line).not.toMatch(LONE_SURROGATE);
        }
        expect(unescape(get(events[0]!, 'SUMMARY')!.value)).toBe(title.replace(/\r\n|\r/g, '\n'));
        if (note !== undefined) expect(unescape(get(events[0]!, 'DESCRIPTION')!.value).endsWith(note.replace(/\r\n|\r/g, '\n'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldContentLine', () => {
  it('keeps a four-byte character whole at the fold', () => {
    const folded = foldContentLine(`SUMMARY:${'x'.repeat(66)}😀`);
    expect(folded.split('\r\n ').map((l) => Buffer.byteLength(l))).toEqual([74, 4]);
  });

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
          const { events } = parse(toICalendar(dates, { generatedAt: '2026-01-05T09:00:00Z', timeZone }));
          for (const event of events) {
            const uid = get(event, 'UID')!.value;
            const summary = unescape(get(event, 'SUMMARY')!.value);
            const description = unescape(get(event, 'DESCRIPTION')!.value);
            // Every key date this event stands for (one, or every year of a recurring obligation).
            const shown = uid.startsWith('annual/')
              ? dates.filter((k) => uid.startsWith(`annual/${k.kind}@`))
              : dates.filter((k) => uid === `${k.id}@rules-jcq.examcycle`);
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

  it('lists every edition value below primary in the generated table, with its confidence', () => {
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
