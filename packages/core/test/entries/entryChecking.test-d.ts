import { type ContextFrom, type EmittedFrom, type EventFromLogic } from 'xstate';
import { describe, expectTypeOf, it } from 'vitest';
import {
  entryCheckingMachine,
  type Outcome,
  type ConflictDeclaration,
  type ConflictsRegister,
  type EntryCheckingContext,
  type EntryCheckingEmitted,
  type EntryCheckingEvent,
  type EntryCheckingRule,
} from '@examcycle/core';

describe('entryCheckingMachine types', () => {
  it('infers its context, events and emitted events', () => {
    expectTypeOf<ContextFrom<typeof entryCheckingMachine>>().toEqualTypeOf<EntryCheckingContext>();
    expectTypeOf<EventFromLogic<typeof entryCheckingMachine>>().toEqualTypeOf<EntryCheckingEvent>();
    expectTypeOf<EmittedFrom<typeof entryCheckingMachine>>().toEqualTypeOf<EntryCheckingEmitted>();
  });

  it('names its rules as a union of guard names', () => {
    expectTypeOf<'senderHeadsThisDepartment'>().toExtend<EntryCheckingRule>();
    // @ts-expect-error not a rule of entry checking
    expectTypeOf<'hodSigns'>().toExtend<EntryCheckingRule>();
  });

  it('marks an entry only with a verdict it knows', () => {
    expectTypeOf<Extract<EntryCheckingEvent, { type: 'entry.mark' }>['verdict']>().toEqualTypeOf<'correct' | 'queried' | 'incorrect'>();
  });
});

describe('ConflictsRegister types', () => {
  it('returns typed outcomes, not thrown refusals', () => {
    expectTypeOf<ReturnType<ConflictsRegister['signOff']>>().toEqualTypeOf<Promise<Outcome<ConflictDeclaration>>>();
  });
});
