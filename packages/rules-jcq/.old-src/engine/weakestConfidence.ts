/**
 * A value derived from several sourced values is only as strong as the weakest of them: a restricted
 * release instant built from a pattern-derived results day is a pattern, however firm the 00:01 rule
 * is. The scale, strongest first: primary, primary-earlier-year, secondary, pattern, reading.
 */
import type { Confidence } from '@examcycle/core';

/**
 * The confidence scale, strongest first.
 *
 * @example
 * ```ts
 * CONFIDENCE_SCALE[0]; // 'primary'
 * ```
 */
export const CONFIDENCE_SCALE = ['primary', 'primary-earlier-year', 'secondary', 'pattern', 'reading'] as const satisfies readonly Confidence[];

/**
 * Whether a confidence is below `primary`, so every rendering of the value must show it.
 *
 * @param confidence - a confidence
 * @example
 * ```ts
 * isBelowPrimary('secondary'); // true
 * ```
 */
export function isBelowPrimary(confidence: Confidence): boolean {
  return confidence !== 'primary';
}

/**
 * What a confidence means, in words a reader can act on (used by the iCalendar export and the README).
 *
 * @param confidence - a confidence
 * @example
 * ```ts
 * confidenceLabel('pattern'); // 'PATTERN: derived from earlier years, not read for this year'
 * ```
 */
export function confidenceLabel(confidence: Confidence): string {
  switch (confidence) {
    case 'primary':
      return 'PRIMARY: stated by JCQ, an awarding body or Ofqual for this year';
    case 'primary-earlier-year':
      return 'PRIMARY, EARLIER YEAR: read in an earlier edition of a primary source';
    case 'secondary':
      return 'SECONDARY: stated only by a school, a sector publication or a third-party copy';
    case 'pattern':
      return 'PATTERN: derived from earlier years, not read for this year';
    case 'reading':
      return "READING: the pack's interpretation of softer wording";
  }
}

/**
 * The weakest of some confidences (the one lowest on the scale).
 *
 * @param confidences - the confidences of the inputs
 * @example
 * ```ts
 * weakestConfidence('primary', 'pattern'); // 'pattern'
 * ```
 */
export function weakestConfidence(...confidences: readonly Confidence[]): Confidence {
  let weakest: Confidence = 'primary';
  for (const c of confidences) if (CONFIDENCE_SCALE.indexOf(c) > CONFIDENCE_SCALE.indexOf(weakest)) weakest = c;
  return weakest;
}
