import { examSeries, type ExamRoomRules, type FeeBandDecision, type KeyDate, type ResultsAccessDecision, type RulesPack } from '@examcycle/core';
import { compileRules, jcq, toICalendar, withOverrides, type CentreOverridesInput, type FiredRule } from '@examcycle/rules-jcq';
import { describe, expectTypeOf, it } from 'vitest';

describe('types', () => {
  it('exposes the pack as core\'s RulesPack and its answers as core\'s types', () => {
    expectTypeOf(jcq).toEqualTypeOf<RulesPack>();
    expectTypeOf(withOverrides).returns.toEqualTypeOf<RulesPack>();
    expectTypeOf(jcq.keyDates).returns.toEqualTypeOf<readonly KeyDate[]>();
    expectTypeOf(jcq.feeBand).returns.toEqualTypeOf<FeeBandDecision>();
    expectTypeOf(jcq.resultsAccess).returns.toEqualTypeOf<ResultsAccessDecision>();
  });

  it('takes a series\' academic year into examRoomRules without a cast', () => {
    const series = examSeries('june', 2026);
    expectTypeOf(jcq.examRoomRules(series.academicYear)).toEqualTypeOf<ExamRoomRules>();
    // @ts-expect-error an academic year is `${number}/${number}`, not any string
    jcq.examRoomRules('summer 2026');
  });

  it('needs the centre for a calendar, so its UIDs cannot collide with another centre\'s', () => {
    expectTypeOf(toICalendar([], { generatedAt: '2026-01-05T09:00:00Z', centre: { centreNumber: '68199' } })).toEqualTypeOf<string>();
    // @ts-expect-error a calendar without its centre
    toICalendar([], { generatedAt: '2026-01-05T09:00:00Z' });
  });

  it('types the compiled evaluator and the overlay input', () => {
    expectTypeOf(compileRules([]).run({})).toEqualTypeOf<readonly FiredRule[]>();
    expectTypeOf<CentreOverridesInput['centre']>().toHaveProperty('name');
    // @ts-expect-error an overlay needs the centre it belongs to
    const overlay: CentreOverridesInput = { fees: [] };
    void overlay;
  });
});
