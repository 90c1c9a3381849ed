import { describe, expectTypeOf, it } from 'vitest';
import { createExamcycleRuntime, createDurableResultsStore, type ExamcycleErrorCode, type ExamcycleObserver, type ExamcycleRuntimeOptions, type CreateDurableResultsStoreOptions, type StoreKey } from '@examcycle/core';

describe('ExamcycleObserver', () => {
  it('infers each callback payload from the hook, with literal outcomes and error codes', () => {
    const observer: ExamcycleObserver = {
      onEvent: (e) => {
        expectTypeOf(e.outcome).toEqualTypeOf<'accepted' | 'rejected'>();
        expectTypeOf(e.code).toEqualTypeOf<ExamcycleErrorCode | undefined>();
        expectTypeOf(e.key).toEqualTypeOf<StoreKey>();
        expectTypeOf(e.durationMs).toEqualTypeOf<number | undefined>();
      },
      onImport: (i) => {
        expectTypeOf(i.issues).toEqualTypeOf<Readonly<Partial<Record<ExamcycleErrorCode, number>>>>();
      },
      onReadDenied: (d) => expectTypeOf(d.store).toEqualTypeOf<'results'>(),
      onStoreConflict: (c) => expectTypeOf(c.willRetry).toBeBoolean(),
    };
    expectTypeOf(observer).toMatchTypeOf<NonNullable<ExamcycleRuntimeOptions['observer']>>();
    expectTypeOf<CreateDurableResultsStoreOptions['observer']>().toEqualTypeOf<ExamcycleObserver | undefined>();
    expectTypeOf(createExamcycleRuntime).parameter(0).toHaveProperty('observer');
    expectTypeOf(createDurableResultsStore).parameter(0).toHaveProperty('observer');
  });

  it('refuses a callback for a hook that does not exist', () => {
    // @ts-expect-error: no such hook
    const wrong: ExamcycleObserver = { onEverything: () => undefined };
    expectTypeOf(wrong).toEqualTypeOf<ExamcycleObserver>();
  });
});
