/**
 * Type tests for the calls integrators make first (issue 17, "Types"): a series' academic year goes straight into
 * a pack, a date is not an instant, the cycle's and the runtime's inputs are checked, a send outcome narrows on
 * `ok`, and an issue's code narrows to the codes a function reports.
 */
import { SimulatedClock } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createExamCycle,
  createExamcycleRuntime,
  createMemoryStore,
  examCyclePersisted,
  examSeries,
  examSeriesSchema,
  instantSchema,
  calendarDateSchema,
  isInstant,
  parseCalendarDate,
  parseInstant,
  toLondon,
  type AcademicYear,
  type CalendarDate,
  type ExamcycleError,
  type ExamcycleIssue,
  type ExamRoomRules,
  type ImportResult,
  type Instant,
  type IssueCode,
  type RulesPack,
  type SendOutcome,
  type Candidate,
} from '@examcycle/core';

declare const jcq: RulesPack;
const centre = { centreNumber: '68199', name: 'Northgate Academy' };

describe('academic years', () => {
  it('types a series academic year as YYYY/YY, so it goes into a pack without a cast', () => {
    const series = examSeries('june', 2026);
    expectTypeOf(series.academicYear).toEqualTypeOf<AcademicYear>();
    expectTypeOf(jcq.examRoomRules(series.academicYear)).toEqualTypeOf<ExamRoomRules>();
    expectTypeOf(examSeriesSchema.parse({}).academicYear).toEqualTypeOf<AcademicYear>();
    // @ts-expect-error a plain string is not an academic year
    jcq.examRoomRules('2025-26' as string);
  });
});

describe('instants and dates', () => {
  it('takes literal instants and dates as themselves', () => {
    const at: Instant = '2026-08-13T08:00:00+01:00';
    const day: CalendarDate = '2026-08-20';
    expectTypeOf(at).toMatchTypeOf<string>();
    expectTypeOf(day).toMatchTypeOf<string>();
  });

  it('refuses a date where an instant is wanted, and an instant where a date is', () => {
    const day: CalendarDate = '2026-08-20';
    // @ts-expect-error a calendar date is not an instant
    const at: Instant = day;
    // @ts-expect-error a date literal is not an instant
    const literal: Instant = '2026-08-20';
    // @ts-expect-error an instant is not a calendar date
    const back: CalendarDate = '2026-08-20T08:00:00+01:00';
    expectTypeOf([at, literal, back]).toBeArray();
  });

  it('refuses a plain string until it is parsed or checked', () => {
    const fromDatabase: string = '2026-08-13T08:00:00+01:00';
    // @ts-expect-error a string must be parsed first
    toLondon(fromDatabase);
    expectTypeOf(parseInstant(fromDatabase)).toEqualTypeOf<Instant>();
    expectTypeOf(parseCalendarDate('2026-08-20')).toEqualTypeOf<CalendarDate>();
    if (isInstant(fromDatabase)) expectTypeOf(fromDatabase).toEqualTypeOf<Instant>();
  });

  it('has the zod schemas output the template types', () => {
    expectTypeOf(instantSchema.parse('2026-08-13T08:00:00+01:00')).toEqualTypeOf<Instant>();
    expectTypeOf(calendarDateSchema.parse('2026-08-20')).toEqualTypeOf<CalendarDate>();
  });
});

describe('starting a cycle', () => {
  it('checks createExamCycle input: a centre, a series and, optionally, when it started', () => {
    const clock = new SimulatedClock();
    createExamCycle({ clock, input: { centre, series: examSeries('june', 2026), rulesPack: jcq } });
    createExamCycle({ clock, input: { centre, series: examSeries('june', 2026), rulesPack: jcq, startedAt: '2025-09-01T09:00:00+01:00' } });
    // @ts-expect-error the series is an ExamSeries, not its id
    createExamCycle({ clock, input: { centre, series: 'june-2026', rulesPack: jcq } });
    // @ts-expect-error startedAt is an instant, not a date
    createExamCycle({ clock, input: { centre, series: examSeries('june', 2026), rulesPack: jcq, startedAt: '2025-09-01' } });
  });

  it("checks runtime.open input against the machine's own input", async () => {
    const runtime = createExamcycleRuntime({ store: createMemoryStore(), clock: new SimulatedClock() });
    const key = { centreNumber: '68199', id: 'june-2026' };
    await runtime.open(examCyclePersisted, key, { input: { centre, series: examSeries('june', 2026), rulesPack: jcq, startedAt: '2025-09-01T09:00:00+01:00' } });
    // @ts-expect-error the exam cycle's input needs its series
    await runtime.open(examCyclePersisted, key, { input: { centre, startedAt: '2025-09-01T09:00:00+01:00' } });
  });
});

describe('outcomes and issues', () => {
  it('narrows a send outcome on ok: only a refusal has an error', () => {
    const outcome = {} as SendOutcome;
    if (outcome.ok) {
      // @ts-expect-error an accepted event has no error
      void outcome.error;
    } else {
      expectTypeOf(outcome.error).toEqualTypeOf<ExamcycleError>();
      expectTypeOf(outcome.error.code).toMatchTypeOf<string>();
    }
  });

  it("narrows an issue's code to the codes a function reports", () => {
    const issue = {} as ExamcycleIssue<'invalid_value' | 'missing_column'>;
    expectTypeOf(issue.code).toEqualTypeOf<'invalid_value' | 'missing_column'>();
    expectTypeOf<ExamcycleIssue['code']>().toEqualTypeOf<IssueCode>();
    // @ts-expect-error not a code this function reports
    const wrong: ExamcycleIssue<'invalid_value'> = { code: 'missing_column', severity: 'error', message: 'x' };
    // @ts-expect-error an issue always says how bad it is
    const noSeverity: ExamcycleIssue = { code: 'invalid_value', message: 'x' };
    // @ts-expect-error a column is a 1-based number, never a header name
    const headerAsColumn: ExamcycleIssue = { code: 'invalid_value', severity: 'error', message: 'x', location: { column: 'UCI' } };
    expectTypeOf([wrong, noSeverity, headerAsColumn]).toBeArray();
  });

  it('reports import issues in the one issue shape', () => {
    expectTypeOf<ImportResult<Candidate>['issues']>().toEqualTypeOf<readonly ExamcycleIssue[]>();
  });
});
