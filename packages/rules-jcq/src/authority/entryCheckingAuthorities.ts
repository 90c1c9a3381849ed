/**
 * Who may take each entryChecking action (entryChecking.) under the JCQ pack, with its source.
 */
import type { Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The entryChecking rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param _edition - the edition in force
 * @example
 * ```ts
 * entryCheckingAuthorities(edition2025_26).length >= 0; // true
 * ```
 */
export function entryCheckingAuthorities(_edition: Edition): readonly Authority[] {
  return [];
}
