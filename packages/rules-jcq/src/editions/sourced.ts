/**
 * Builders for {@link Sourced} values, so an edition reads as a table: the value, its source, and, for
 * an unconfirmed value, why it is unconfirmed (the note is required then).
 */
import type { SourceRef, Sourced } from '@examcycle/core';

/**
 * A value its cited source states.
 *
 * @param value - the value
 * @param source - the document that states it
 * @param note - what the source says exactly, when useful
 * @example
 * ```ts
 * confirmed('2026-08-13', documents.aqaOnboardingJune('2025/26'));
 * ```
 */
export function confirmed<T>(value: T, source: SourceRef, note?: string): Sourced<T> {
  return note === undefined ? { value, source, confidence: 'confirmed' } : { value, source, confidence: 'confirmed', note };
}

/**
 * A value no source confirms for this year: inferred from a pattern, stated only by a secondary source,
 * or commonly quoted. The note says why.
 *
 * @param value - the value
 * @param source - the document the value or its pattern comes from
 * @param note - why it is unconfirmed
 * @example
 * ```ts
 * unconfirmed('2026-02-21', documents.aqaEntries('2023/24'), 'Same fixed date as June 2015, 2017 and 2024');
 * ```
 */
export function unconfirmed<T>(value: T, source: SourceRef, note: string): Sourced<T> {
  return { value, source, confidence: 'unconfirmed', note };
}
