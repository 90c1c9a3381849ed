/**
 * Tests written against a results store's values: `ok(outcome)` is the value, or throws the refusal, so a
 * test that expects a refusal catches it as it would a thrown error (and a test of the error rule itself
 * looks at the outcome).
 */
import type { Outcome } from '@examcycle/core';

/** The value of a results store's outcome (sync or async); a refusal is thrown. */
export function ok<T>(outcome: Outcome<T>): T;
export function ok<T>(outcome: Promise<Outcome<T>>): Promise<T>;
export function ok<T>(outcome: Outcome<T> | Promise<Outcome<T>>): T | Promise<T>;
export function ok<T>(outcome: Outcome<T> | Promise<Outcome<T>>): T | Promise<T> {
  const value = (o: Outcome<T>): T => {
    if (!o.ok) throw o.error;
    return o.value;
  };
  return outcome instanceof Promise ? outcome.then(value) : value(outcome);
}
