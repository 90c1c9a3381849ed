/**
 * A value derived from several sourced values is only as confirmed as the weakest of them: a restricted
 * release instant built from an unconfirmed results day is unconfirmed, however firm the 00:01 rule is.
 */
import type { Confidence } from '@examcycle/core';

/**
 * The weakest of some confidences: `unconfirmed` if any is.
 *
 * @param confidences - the confidences of the inputs
 * @example
 * ```ts
 * weakestConfidence('confirmed', 'unconfirmed'); // 'unconfirmed'
 * ```
 */
export function weakestConfidence(...confidences: readonly Confidence[]): Confidence {
  return confidences.includes('unconfirmed') ? 'unconfirmed' : 'confirmed';
}
