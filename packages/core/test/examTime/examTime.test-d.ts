import type { ContextFrom, EventFromLogic, InputFrom } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';
import {
  applyClashResolution,
  invigilatorBookingMachine,
  type AppliedClashResolution,
  type BookingRuleName,
  type CandidateSitting,
  type InvigilatorBookingContext,
  type RoleGrants,
  type RoomDeployment,
  type RulesPack,
  type SeatAssignment,
  type SittingVariation,
} from '@examcycle/core';

describe('exam-time types', () => {
  it('the booking machine keeps its booking.* grants in its context and takes a rules pack or grants as input', () => {
    expectTypeOf<ContextFrom<typeof invigilatorBookingMachine>>().toEqualTypeOf<InvigilatorBookingContext>();
    expectTypeOf<InvigilatorBookingContext['grants']>().toEqualTypeOf<RoleGrants>();
    expectTypeOf<InputFrom<typeof invigilatorBookingMachine>['rulesPack']>().toEqualTypeOf<Pick<RulesPack, 'authorities' | 'delegations'> | undefined>();
    expectTypeOf<EventFromLogic<typeof invigilatorBookingMachine>['type']>().toEqualTypeOf<'accept' | 'decline' | 'cancel' | 'clock.tick'>();
    expectTypeOf<'answeredByTheRespondByInstant'>().toExtend<BookingRuleName>();
    // @ts-expect-error: not a booking rule
    expectTypeOf<'acceptable'>().toExtend<BookingRuleName>();
  });

  it('an applied resolution returns the updated timetable; sittings, seats and rooms gain optional fields only', () => {
    expectTypeOf(applyClashResolution).returns.toEqualTypeOf<AppliedClashResolution>();
    expectTypeOf<CandidateSitting['variation']>().toEqualTypeOf<SittingVariation | undefined>();
    expectTypeOf<SeatAssignment>().toHaveProperty('variations');
    expectTypeOf<RoomDeployment['explanation']>().toEqualTypeOf<string>();
  });
});
