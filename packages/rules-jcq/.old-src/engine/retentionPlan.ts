/**
 * Turns retention decisions into a plan for one instant: what must be purged now (past the centre's
 * destruction limit), what may be destroyed now (past its minimum), and what must be kept, with until
 * when and why. A record with no known end is always kept.
 */
import { toLondon, type Instant, type RetentionDecision, type RetentionPlan } from '@examcycle/core';

/**
 * Sorts decisions into a retention plan as of an instant.
 *
 * @param decisions - one decision per record
 * @param now - the instant the plan is for (from the caller's clock)
 * @example
 * ```ts
 * planRetention([decision], '2027-01-01T00:00:00Z').mayDestroy.length; // 1 when its minimum has passed
 * ```
 */
export function planRetention(decisions: readonly RetentionDecision[], now: Instant): RetentionPlan {
  const at = toLondon(now);
  const ms = at.toMillis();
  const mayDestroy: RetentionDecision[] = [];
  const keep: RetentionDecision[] = [];
  const mustPurge: RetentionDecision[] = [];
  for (const d of decisions) {
    if (d.mustPurgeBy !== null && ms >= toLondon(d.mustPurgeBy).toMillis()) mustPurge.push(d);
    else if (d.mayDestroyFrom !== null && ms >= toLondon(d.mayDestroyFrom).toMillis()) mayDestroy.push(d);
    else keep.push(d);
  }
  return { asOf: at.toISO()!, mayDestroy, keep, mustPurge };
}
