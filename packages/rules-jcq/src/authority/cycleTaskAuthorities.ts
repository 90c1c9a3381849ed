/**
 * Who may take each cycleTask action (cycle.task.) under the JCQ pack, with its source.
 */
import type { Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The cycleTask rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param _edition - the edition in force
 * @example
 * ```ts
 * cycleTaskAuthorities(edition2025_26).length >= 0; // true
 * ```
 */
export function cycleTaskAuthorities(_edition: Edition): readonly Authority[] {
  return [];
}
