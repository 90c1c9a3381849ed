/**
 * Who may take each eops action (eops.) under the JCQ pack, with its source.
 */
import type { Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The eops rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param _edition - the edition in force
 * @example
 * ```ts
 * eopsAuthorities(edition2025_26).length >= 0; // true
 * ```
 */
export function eopsAuthorities(_edition: Edition): readonly Authority[] {
  return [];
}
