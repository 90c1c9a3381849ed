/**
 * Looks up a centre's fee price for an entry's band: the most specific price wins (awarding body and
 * entry code, then entry code, then awarding body, then any), and a later overlay's price beats an
 * earlier one's. No price is ever invented: without a matching price there is none.
 */
import type { FeeBand } from '@examcycle/core';
import type { FeeBandEntry } from '../engine/feeBand.js';
import type { CentreOverrides } from './centreOverridesSchema.js';

type FeePrice = NonNullable<CentreOverrides['fees']>[number];

function specificity(p: FeePrice): number {
  return (p.entryCode === undefined ? 0 : 2) + (p.awardingBodyId === undefined ? 0 : 1);
}

/**
 * The centre's price in pence for an entry's fee band, if it has set one.
 *
 * @internal
 * @param fees - the overlay's prices, later overlays first
 * @param band - the fee band
 * @param entry - the entry
 */
export function feePriceOf(fees: readonly FeePrice[], band: FeeBand, entry: FeeBandEntry): number | undefined {
  let best: FeePrice | undefined;
  for (const p of fees) {
    if (p.band !== band) continue;
    if (p.awardingBodyId !== undefined && p.awardingBodyId !== entry.awardingBodyId) continue;
    if (p.entryCode !== undefined && p.entryCode !== entry.entryCode) continue;
    if (best === undefined || specificity(p) > specificity(best)) best = p;
  }
  return best?.pence;
}
