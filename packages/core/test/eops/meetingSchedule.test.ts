import { fc, test } from '@fast-check/vitest';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isExamcycleError, meetingSchedule, type EopsRules, type ScheduledMeeting, type ExamTimeWindow, type TermPeriod } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { ok } from '../results/resultsOutcome.js';
import type { CalendarDate } from '@examcycle/core';

/** An illustrative centre's half terms for 2025/26 (test data, not regulation). */
const TERMS: TermPeriod[] = [
  { name: 'Autumn 1', start: '2025-09-03', end: '2025-10-24' },
  { name: 'Autumn 2', start: '2025-11-03', end: '2025-12-19' },
  { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
  { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
  { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
  { name: 'Summer 2', start: '2026-06-01', end: '2026-07-22' },
];
const EXAMS: ExamTimeWindow[] = [{ start: '2026-05-11', end: '2026-06-24' }];
const base = fixturePack.eopsRules('2025/26');

function rules(over: { early?: 'weekly' | 'fortnightly'; earlyWeeks?: number; experienced?: 'monthly' | 'half_termly' } = {}): EopsRules {
  return {
    ...base,
    newOfficerCadence: { ...base.newOfficerCadence, value: { early: over.early ?? 'fortnightly', examTime: 'weekly', earlyWeeks: over.earlyWeeks ?? 12 } },
    experiencedOfficerCadence: { ...base.experiencedOfficerCadence, value: over.experienced ?? 'half_termly' },
  };
}

const show = (ms: readonly ScheduledMeeting[]) => ms.map((m) => `${m.date} ${m.kind}`);
const day = (d: string) => DateTime.fromISO(d, { zone: 'utc' });

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('meetingSchedule', () => {
  it('meets an experienced exams officer half-termly: a start meeting, then at the end of every half term', () => {
    const meetings = ok(meetingSchedule({ termDates: TERMS, officerExperience: 'experienced', rules: rules() }));
    expect(show(meetings)).toEqual([
      '2025-09-03 start',
      '2025-10-24 half_termly',
      '2025-12-19 half_termly',
      '2026-02-13 half_termly',
      '2026-03-27 half_termly',
      '2026-05-22 half_termly',
      '2026-07-22 half_termly',
    ]);
    expect(meetings.map((m) => m.halfTerm)).toEqual(['Autumn 1', 'Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2']);
  });

  it('meets an experienced exams officer monthly, moving a meeting that falls in a holiday to the next school day', () => {
    const meetings = ok(meetingSchedule({ termDates: TERMS, officerExperience: 'experienced', rules: rules({ experienced: 'monthly' }), from: '2025-09-15' }));
    expect(show(meetings)).toEqual([
      '2025-09-15 start',
      '2025-10-15 monthly',
      '2025-11-17 monthly', // the 15th is a Saturday
      '2025-12-15 monthly',
      '2026-01-15 monthly',
      '2026-02-23 monthly', // the 15th is a Sunday before the February half term
      '2026-03-16 monthly',
      '2026-04-15 monthly',
      '2026-05-15 monthly',
      '2026-06-15 monthly',
      '2026-07-15 monthly',
    ]);
  });

  it('meets a new exams officer fortnightly early on, monthly after, and weekly during exam time, with the case study’s first-week, first-month and first-term reviews', () => {
    const meetings = ok(meetingSchedule({ termDates: TERMS, officerExperience: 'new', examTime: EXAMS, rules: rules() }));
    expect(show(meetings)).toEqual([
      '2025-09-03 start',
      '2025-09-09 first_week', // "At the end of the first week to review the first week in post"
      '2025-09-17 early',
      '2025-10-02 first_month', // "At the end of the first month to review the first month in post": that week's early meeting gives way
      '2025-10-15 early',
      '2025-11-03 early', // the 29 October falls in the half-term holiday
      '2025-11-12 early',
      '2025-12-02 first_term', // "At the end of the first term to review the first three months in post"
      '2026-01-05 monthly', // 3 January is in the holiday
      '2026-02-03 monthly',
      '2026-03-03 monthly',
      '2026-04-13 monthly', // 3 April is in the Easter holiday
      '2026-05-04 monthly',
      '2026-05-11 exam_time',
      '2026-05-18 exam_time',
      '2026-06-01 exam_time', // the week of 25 May is the half-term holiday; the 3 June meeting is this week's
      '2026-06-08 exam_time',
      '2026-06-15 exam_time',
      '2026-06-22 exam_time',
      '2026-07-03 monthly', // 3 August is in the summer holiday: no meeting
    ]);
  });

  it('meets a new exams officer weekly early on when the rules say weekly', () => {
    const meetings = ok(meetingSchedule({ termDates: TERMS, officerExperience: 'new', rules: rules({ early: 'weekly', earlyWeeks: 4 }), from: '2025-09-08' }));
    // the end-of-first-week review shares the first week with the first day's start meeting, as in case study 2
    expect(show(meetings).slice(0, 6)).toEqual(['2025-09-08 start', '2025-09-12 first_week', '2025-09-15 early', '2025-09-22 early', '2025-09-29 early', '2025-10-07 first_month']);
  });

  it('meets an officer new to the centre at the early cadence, then like an experienced officer, without weekly exam-time meetings', () => {
    const meetings = ok(meetingSchedule({ termDates: TERMS, officerExperience: 'new_to_centre', examTime: EXAMS, rules: rules({ earlyWeeks: 6 }) }));
    expect(show(meetings)).toEqual([
      '2025-09-03 start',
      '2025-09-17 early',
      '2025-10-01 early',
      '2025-10-24 half_termly',
      '2025-12-19 half_termly',
      '2026-02-13 half_termly',
      '2026-03-27 half_termly',
      '2026-05-22 half_termly',
      '2026-07-22 half_termly',
    ]);
  });

  it('starts from the officer’s first day when they join mid-year, at the next school day', () => {
    const meetings = ok(meetingSchedule({ termDates: TERMS, officerExperience: 'new', rules: rules({ earlyWeeks: 2 }), from: '2026-01-03', newOfficerLaterCadence: 'half_termly' }));
    expect(show(meetings).slice(0, 5)).toEqual(['2026-01-05 start', '2026-01-09 first_week', '2026-02-04 first_month', '2026-02-13 half_termly', '2026-03-27 first_term']); // the first three months end in the Easter holiday: their review is the last school day before
  });

  it('reads term dates given as London instants', () => {
    const asInstants = TERMS.map((t) => ({ ...t, start: `${t.start}T00:00:00+01:00` as const, end: `${t.end}T00:00:00+00:00` as const }));
    expect(ok(meetingSchedule({ termDates: asInstants, officerExperience: 'experienced', rules: rules() }))).toEqual(
      ok(meetingSchedule({ termDates: TERMS, officerExperience: 'experienced', rules: rules() })),
    );
  });

  it('has no meetings when no school day is left in the year', () => {
    expect(ok(meetingSchedule({ termDates: TERMS, officerExperience: 'new', rules: rules(), from: '2026-07-23' }))).toEqual([]);
  });

  it("refuses the centre's missing, unreadable, reversed or overlapping term dates, exam time and a start or appraisal outside the year, as an outcome", () => {
    const cases: [ReturnType<typeof meetingSchedule>, string, RegExp][] = [
      [meetingSchedule({ termDates: [], officerExperience: 'new', rules: rules() }), 'termDates', /term dates/],
      [meetingSchedule({ termDates: [{ start: '2025-10-01', end: '2025-09-01' }], officerExperience: 'new', rules: rules() }), 'termDates', /ends \(2025-09-01\) before it starts/],
      [meetingSchedule({ termDates: [TERMS[0]!, { name: 'Clash', start: '2025-10-20', end: '2025-10-30' }], officerExperience: 'new', rules: rules() }), 'termDates', /Autumn 1 and Clash overlap/],
      [meetingSchedule({ termDates: [{ start: 'autumn' as CalendarDate, end: '2025-10-30' }], officerExperience: 'new', rules: rules() }), 'termDates[0].start', /termDates\[0\]\.start is not a date/],
      [meetingSchedule({ termDates: TERMS, officerExperience: 'new', rules: rules(), from: '2025-08-20', academicYear: '2025/26' }), 'from', /2025-08-20 is outside the 2025\/26 academic year/],
      [meetingSchedule({ termDates: TERMS, officerExperience: 'new', rules: rules(), examTime: [{ start: '2026-06-01', end: '2026-05-01' }] }), 'examTime[0]', /ends before it starts/],
      [meetingSchedule({ termDates: TERMS, officerExperience: 'experienced', rules: rules(), appraisal: '2026-09-07' }), 'appraisal', /outside the 2025\/26 academic year/],
    ];
    for (const [outcome, field, message] of cases) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(isExamcycleError(outcome.error) && outcome.error.code).toBe('invalid_value');
      expect(outcome.error.location?.field).toBe(field);
      expect(outcome.error.message).toMatch(message);
    }
  });

  it('throws invalid_value for EOPS rules of another academic year (the host passed the wrong rules)', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => meetingSchedule({ termDates: TERMS, officerExperience: 'new', rules: rules(), from: '2025-09-01', academicYear: '2026/27' }), /rules are for 2025\/26, the schedule for 2026\/27/],
      [() => meetingSchedule({ termDates: TERMS, officerExperience: 'new', rules: rules(), from: '2026-09-01' }), /rules are for 2025\/26/],
    ];
    for (const [fn, message] of cases) {
      const e = errorOf(fn);
      expect(isExamcycleError(e) && e.code).toBe('invalid_value');
      expect((e as Error).message).toMatch(message);
    }
  });
});

// Random half terms in 2025/26: a start a few days into September, then terms and holidays of random lengths.
const termsArb = fc
  .record({
    offset: fc.integer({ min: 0, max: 14 }),
    blocks: fc.array(fc.record({ length: fc.integer({ min: 0, max: 60 }), gap: fc.integer({ min: 1, max: 21 }) }), { minLength: 1, maxLength: 7 }),
  })
  .map(({ offset, blocks }) => {
    const terms: TermPeriod[] = [];
    let cursor = day('2025-09-01').plus({ days: offset });
    blocks.forEach((b, i) => {
      const end = cursor.plus({ days: b.length });
      if ((end.toISODate() as CalendarDate) <= '2026-08-31') terms.push({ name: `T${i + 1}`, start: (cursor.toISODate() as CalendarDate), end: (end.toISODate() as CalendarDate) });
      cursor = end.plus({ days: b.gap + 1 });
    });
    return terms.length ? terms : [{ name: 'T1', start: '2025-09-03' as const, end: '2025-10-24' as const }];
  });
const dateArb = (from: string, maxDays: number) => fc.integer({ min: 0, max: maxDays }).map((n) => (day(from).plus({ days: n }).toISODate() as CalendarDate));
const optionsArb = fc.record({
  termDates: termsArb,
  officerExperience: fc.constantFrom('new', 'new_to_centre', 'experienced'),
  examTime: fc.array(fc.tuple(dateArb('2025-09-01', 364), fc.integer({ min: 0, max: 45 })).map(([s, n]) => ({ start: s, end: (day(s).plus({ days: n }).toISODate() as CalendarDate) })), { maxLength: 2 }),
  from: fc.option(dateArb('2025-09-01', 330), { nil: undefined }),
  early: fc.constantFrom('weekly', 'fortnightly'),
  earlyWeeks: fc.integer({ min: 1, max: 20 }),
  experienced: fc.constantFrom('monthly', 'half_termly'),
  later: fc.constantFrom('monthly', 'half_termly'),
});

type Options = typeof optionsArb extends fc.Arbitrary<infer T> ? T : never;

function run(o: Options) {
  return ok(meetingSchedule({
    termDates: o.termDates,
    officerExperience: o.officerExperience,
    examTime: o.examTime.filter((w) => w.end <= '2026-08-31'),
    rules: rules({ early: o.early, earlyWeeks: o.earlyWeeks, experienced: o.experienced }),
    newOfficerLaterCadence: o.later,
    ...(o.from ? { from: o.from } : {}),
  }));
}

function isSchoolDay(date: string, terms: readonly TermPeriod[]): boolean {
  return day(date).weekday <= 5 && terms.some((t) => date >= (t.start as string) && date <= (t.end as string));
}

describe('meetingSchedule properties', () => {
  test.prop([optionsArb], { numRuns: 200, seed: 202509031 })('never puts a meeting outside term time, at a weekend, or before the start', (o) => {
    const meetings = run(o);
    for (const m of meetings) {
      expect(isSchoolDay(m.date, o.termDates)).toBe(true);
      if (o.from) expect(m.date >= o.from).toBe(true);
      expect(m.date <= '2026-08-31').toBe(true);
    }
  }, 30_000);

  test.prop([optionsArb], { numRuns: 200, seed: 202509032 })('opens with a start meeting on the first school day, then at most one meeting a week, in date order', (o) => {
    const meetings = run(o);
    const from = o.from ?? '2025-09-01';
    let first: string | undefined;
    for (let d = day(from); (d.toISODate() as CalendarDate) <= '2026-08-31'; d = d.plus({ days: 1 })) {
      if (isSchoolDay((d.toISODate() as CalendarDate), o.termDates)) {
        first = (d.toISODate() as CalendarDate);
        break;
      }
    }
    if (first === undefined) {
      expect(meetings).toEqual([]);
      return;
    }
    expect(meetings[0]).toMatchObject({ date: first, kind: 'start' });
    expect(meetings.filter((m) => m.kind === 'start')).toHaveLength(1);
    // the end-of-first-week review is the one meeting that may share a week (the start's)
    const weeks = meetings.filter((m) => m.kind !== 'first_week').map((m) => `${day(m.date).weekYear}-${day(m.date).weekNumber}`);
    expect(new Set(weeks).size).toBe(weeks.length);
    expect(meetings.filter((m) => m.kind === 'first_week').length).toBeLessThanOrEqual(1);
    expect(meetings.map((m) => m.date)).toEqual(meetings.map((m) => m.date).sort());
  }, 30_000);

  test.prop([optionsArb], { numRuns: 200, seed: 202509033 })('meets a new exams officer in every week of exam time that has a school day', (o) => {
    const input = { ...o, officerExperience: 'new' as const };
    const meetings = run(input);
    const weeks = new Set(meetings.map((m) => `${day(m.date).weekYear}-${day(m.date).weekNumber}`));
    const start = meetings[0]?.date;
    for (const w of input.examTime.filter((x) => x.end <= '2026-08-31')) {
      for (let d = day(w.start); (d.toISODate() as CalendarDate) <= w.end; d = d.plus({ days: 1 })) {
        const date = (d.toISODate() as CalendarDate);
        if (start !== undefined && date >= start && isSchoolDay(date, o.termDates)) expect(weeks.has(`${d.weekYear}-${d.weekNumber}`)).toBe(true);
      }
    }
  }, 30_000);

  test.prop([optionsArb], { numRuns: 200, seed: 202509034 })('meets a half-termly experienced officer in the last week of every half term after the start', (o) => {
    const input = { ...o, officerExperience: 'experienced' as const, experienced: 'half_termly' as const };
    const meetings = run(input);
    const start = meetings[0]?.date;
    const weeks = new Set(meetings.map((m) => `${day(m.date).weekYear}-${day(m.date).weekNumber}`));
    for (const t of o.termDates) {
      let last: DateTime | undefined;
      for (let d = day(t.end as string); (d.toISODate() as CalendarDate) >= (t.start as string); d = d.minus({ days: 1 })) {
        if (d.weekday <= 5) {
          last = d;
          break;
        }
      }
      if (start !== undefined && last && (last.toISODate() as CalendarDate) >= start) expect(weeks.has(`${last.weekYear}-${last.weekNumber}`)).toBe(true);
    }
  }, 30_000);
});
