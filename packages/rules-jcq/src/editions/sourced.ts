/**
 * Builders for {@link Sourced} values, so an edition reads as a table: the value, its source, and its
 * confidence on the scale primary › primary-earlier-year › secondary › pattern › reading. Below
 * `primary` the note is required: it says why the value is not primary (whose page, which years, what
 * wording the pack read).
 */
import type { SourceRef, Sourced } from '@examcycle/core';

/**
 * A value stated by JCQ, an awarding body or the regulator for that academic year or series.
 *
 * @internal
 * @param value - the value
 * @param source - the primary document that states it, for that year
 * @param note - what the source says exactly, when useful
 */
export function primary<T>(value: T, source: SourceRef, note?: string): Sourced<T> {
  return note === undefined ? { value, source, confidence: 'primary' } : { value, source, confidence: 'primary', note };
}

/**
 * A rule stated by a primary source, but read in an earlier year's edition.
 *
 * @internal
 * @param value - the value
 * @param source - the earlier edition it was read in (its `year` is that edition's)
 * @param note - what it says, and that the current edition was not read
 */
export function primaryEarlierYear<T>(value: T, source: SourceRef, note: string): Sourced<T> {
  return { value, source, confidence: 'primary-earlier-year', note };
}

/**
 * A value stated only by a school, a sector publication or a third-party copy of a primary document.
 *
 * @internal
 * @param value - the value
 * @param source - the secondary source
 * @param note - who says it, and what the primary sources say or do not say
 */
export function secondary<T>(value: T, source: SourceRef, note: string): Sourced<T> {
  return { value, source, confidence: 'secondary', note };
}

/**
 * A value derived from earlier years' dates; the note names the years.
 *
 * @internal
 * @param value - the value
 * @param source - the document the pattern was read in
 * @param note - the years and dates the pattern rests on
 */
export function pattern<T>(value: T, source: SourceRef, note: string): Sourced<T> {
  return { value, source, confidence: 'pattern', note };
}

/**
 * The pack's own interpretation of softer wording; the note quotes the wording.
 *
 * @internal
 * @param value - the value
 * @param source - the document whose wording was interpreted
 * @param note - the wording, and how the pack read it
 */
export function reading<T>(value: T, source: SourceRef, note: string): Sourced<T> {
  return { value, source, confidence: 'reading', note };
}
