/**
 * The JCQ pack's who-may-do-what table for an edition: one row per action, gathered from each area's
 * table (the cycle's tasks, post-results services and certificates, the results store, EOPS, exam time,
 * entry checking). Each row names the regulation or job description it rests on and how firmly.
 */
import type { Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';
import { cycleTaskAuthorities } from './cycleTaskAuthorities.js';
import { entryCheckingAuthorities } from './entryCheckingAuthorities.js';
import { eopsAuthorities } from './eopsAuthorities.js';
import { examTimeAuthorities } from './examTimeAuthorities.js';
import { resultsAuthorities } from './resultsAuthorities.js';

/**
 * Every authority of the JCQ pack for an edition, sorted by action.
 *
 * @internal
 * @param edition - the edition in force
 */
export function jcqAuthorities(edition: Edition): readonly Authority[] {
  return [
    ...cycleTaskAuthorities(edition),
    ...resultsAuthorities(edition),
    ...eopsAuthorities(edition),
    ...examTimeAuthorities(edition),
    ...entryCheckingAuthorities(edition),
  ].sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}
