/**
 * Who may take each examTime action (booking.) under the JCQ pack, with its source.
 */
import type { Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The examTime rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param _edition - the edition in force
 * @example
 * ```ts
 * examTimeAuthorities(edition2025_26).length >= 0; // true
 * ```
 */
export function examTimeAuthorities(_edition: Edition): readonly Authority[] {
  return [];
}
