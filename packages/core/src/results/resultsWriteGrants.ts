/**
 * Who may make each write of a results store (`results.received`, `results.nominate`,
 * `results.revokeNomination`, `results.authoriseThirdParty`, `results.lateCashIn`, `results.gradeChanged`):
 * the rules pack's authorities for the series' academic year and the centre's delegations, resolved once
 * when the store opens. A pack that states no authorities grants nothing: every write is refused
 * `not_authorised` (the strict reading), never decided by a table of core's own.
 */
import type { ExamSeries } from '../domain/series.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { grantsFor, type RoleGrants } from '../rules/authority.js';
import type { RulesPack } from '../rules/RulesPack.js';
import type { AcademicYear } from '../time/clock.js';

/**
 * The results store's write grants from a rules pack (its `authorities` and `delegations`), for a series.
 *
 * @internal
 * @param rulesPack - the store's rules pack
 * @param series - the store's series (its academic year picks the authorities)
 * @throws ExamcycleError `rule_unsupported` when the pack's authorities cannot be read for the year
 * @example
 * ```ts
 * resultsWriteGrants(jcq, examSeries('june', 2026))['results.nominate']?.roles; // ['head_of_centre']
 * ```
 */
export function resultsWriteGrants(rulesPack: Partial<Pick<RulesPack, 'authorities' | 'delegations'>>, series: ExamSeries): RoleGrants {
  if (typeof rulesPack.authorities !== 'function') return {};
  try {
    const delegations = typeof rulesPack.delegations === 'function' ? rulesPack.delegations() : [];
    return grantsFor(rulesPack.authorities(series.academicYear as AcademicYear), delegations, ['results.']);
  } catch (cause) {
    throw new ExamcycleError('rule_unsupported', `The rules pack gives no authorities for ${series.academicYear}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
