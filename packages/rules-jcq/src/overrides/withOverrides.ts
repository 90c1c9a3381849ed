/**
 * Layers a centre's overlay on a JCQ pack and returns a new pack: the centre's internal deadlines join
 * the key dates, its prices join the fee bands, its retention periods lengthen (never shorten) the JCQ
 * minimums and fill the kinds JCQ sets none for, and it may keep nominated staff out of restricted
 * release. Overlays stack: a later overlay's values win. An invalid overlay is refused with every zod issue.
 */
import { ExamcycleError, type RulesPack } from '@examcycle/core';
import { createJcqPack, jcqPackConfigOf } from '../jcq.js';
import { centreOverridesSchema, type CentreOverrides } from './centreOverridesSchema.js';

function merge(base: CentreOverrides | undefined, next: CentreOverrides): CentreOverrides {
  if (base === undefined) return next;
  const ids = new Set((next.internalDeadlines ?? []).map((d) => d.id));
  const results = next.results ?? base.results;
  return {
    centre: next.centre,
    internalDeadlines: [...(base.internalDeadlines ?? []).filter((d) => !ids.has(d.id)), ...(next.internalDeadlines ?? [])],
    retention: { ...base.retention, ...next.retention },
    fees: [...(next.fees ?? []), ...(base.fees ?? []).filter((b) => !(next.fees ?? []).some((n) => n.band === b.band && n.awardingBodyId === b.awardingBodyId && n.entryCode === b.entryCode))],
    ...(results === undefined ? {} : { results }),
    // Delegations only add: a later overlay's are kept with the earlier ones.
    ...(base.delegations || next.delegations ? { delegations: [...(base.delegations ?? []), ...(next.delegations ?? [])] } : {}),
  };
}

/**
 * A new pack: `pack` with a centre's overlay on top.
 *
 * @param pack - `jcq`, or a pack `withOverrides` returned
 * @param overrides - the centre's overlay (see {@link centreOverridesSchema})
 * @throws ExamcycleError `invalid_overrides` listing every zod issue, or when `pack` was not built by this package
 * @example
 * ```ts
 * const northgate = withOverrides(jcq, {
 *   centre: { name: 'Northgate Academy', year: '2025/26' },
 *   internalDeadlines: [{ id: 'entries-in', title: 'Entries to the exams office', from: 'entry_deadline', offsetWorkingDays: -10 }],
 *   fees: [{ band: 'late', pence: 1500 }],
 * });
 * ```
 */
export function withOverrides(pack: RulesPack, overrides: unknown): RulesPack {
  const config = jcqPackConfigOf(pack);
  if (config === undefined) {
    throw new ExamcycleError('invalid_overrides', `withOverrides layers a centre overlay on a pack built by @examcycle/rules-jcq; "${pack.id}" is not one`, {
      details: { packId: pack.id },
    });
  }
  const parsed = centreOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
    throw new ExamcycleError(
      'invalid_overrides',
      `The centre overlay is invalid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      { cause: parsed.error, details: { issues } },
    );
  }
  return createJcqPack({ editions: config.editions, overrides: merge(config.overrides, parsed.data) });
}
