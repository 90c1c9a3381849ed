/**
 * Finding the key date that applies to one award: a series can hold several key dates of one kind (a
 * results day per level, a priority-copies deadline per awarding body). The most specific one wins: the
 * awarding body's own date, then the level's, then the series-wide date.
 */
import type { QualificationLevel } from '../domain/qualification.js';
import type { KeyDate, KeyDateKind } from '../rules/RulesPack.js';

/** What a key date is looked up for. */
export interface KeyDateScope {
  readonly level?: QualificationLevel;
  readonly awardingBodyId?: string;
}

/**
 * The key date of `kind` that applies to an award: an awarding-body-specific date (for the level, or for
 * every level) first, then the level's date, then a date with neither; `undefined` when the series has none.
 *
 * @internal
 * @param keyDates - the series' key dates, from `rulesPack.keyDates(series)`
 * @param kind - the kind of date wanted
 * @param scope - the award's level and awarding body
 * @example
 * ```ts
 * keyDateFor(jcq.keyDates(examSeries('june', 2026)), 'release_to_candidates', { level: 'GCE' })?.at; // '2026-08-13T08:00:00.000+01:00'
 * ```
 */
export function keyDateFor(keyDates: readonly KeyDate[], kind: KeyDateKind, scope: KeyDateScope = {}): KeyDate | undefined {
  const ofKind = keyDates.filter((k) => k.kind === kind);
  const levelFits = (k: KeyDate) => k.level === undefined || k.level === scope.level;
  return (
    (scope.awardingBodyId === undefined ? undefined : ofKind.find((k) => k.awardingBodyId === scope.awardingBodyId && k.level === scope.level)) ??
    (scope.awardingBodyId === undefined ? undefined : ofKind.find((k) => k.awardingBodyId === scope.awardingBodyId && levelFits(k))) ??
    ofKind.find((k) => k.awardingBodyId === undefined && scope.level !== undefined && k.level === scope.level) ??
    ofKind.find((k) => k.awardingBodyId === undefined && k.level === undefined)
  );
}
