import type { FeeBandDecision, KeyDate, ResultsAccessDecision, RulesPack } from '@examcycle/core';
import { compileRules, feeBand, jcq, keyDates, resultsAccess, withOverrides, type CentreOverridesInput, type FiredRule } from '@examcycle/rules-jcq';
import { describe, expectTypeOf, it } from 'vitest';

describe('types', () => {
  it('exposes the pack as core\'s RulesPack and its answers as core\'s types', () => {
    expectTypeOf(jcq).toEqualTypeOf<RulesPack>();
    expectTypeOf(withOverrides).returns.toEqualTypeOf<RulesPack>();
    expectTypeOf(keyDates).returns.toEqualTypeOf<readonly KeyDate[]>();
    expectTypeOf(feeBand).returns.toEqualTypeOf<FeeBandDecision>();
    expectTypeOf(resultsAccess).returns.toEqualTypeOf<ResultsAccessDecision>();
  });

  it('types the compiled evaluator and the overlay input', () => {
    expectTypeOf(compileRules([]).run({})).toEqualTypeOf<readonly FiredRule[]>();
    expectTypeOf<CentreOverridesInput['centre']>().toHaveProperty('name');
    // @ts-expect-error an overlay needs the centre it belongs to
    const overlay: CentreOverridesInput = { fees: [] };
    void overlay;
  });
});
