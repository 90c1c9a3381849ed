/**
 * Decides an entry's fee band from the instant it was submitted: standard up to the end of the entry
 * deadline day, late until the end of the very late deadline day, very late after. Prices are never
 * invented: a price appears only when the centre's overlay supplies one.
 */
import { ExamcycleError, toLondon, type Entry, type FeeBand, type FeeBandDecision, type KeyDate } from '@examcycle/core';
import { weakestConfidence } from './weakestConfidence.js';

/** The entry fields a fee band depends on. */
export type FeeBandEntry = Pick<Entry, 'id' | 'submittedAt' | 'awardingBodyId' | 'entryCode'>;

/** Looks up a price in pence for a band and entry; `undefined` when the centre has set none. */
export type FeePriceLookup = (band: FeeBand, entry: FeeBandEntry) => number | undefined;

function find(keyDates: readonly KeyDate[], kind: KeyDate['kind'], seriesId: string): KeyDate {
  const found = keyDates.find((k) => k.kind === kind);
  if (found === undefined) {
    throw new ExamcycleError('unknown_series', `The ${seriesId} series has no ${kind.replaceAll('_', ' ')}`, { details: { seriesId } });
  }
  return found;
}

/**
 * The fee band of an entry.
 *
 * @param keyDates - the series' key dates
 * @param entry - the entry; `submittedAt` is required
 * @param seriesId - the series id, for messages
 * @param priceOf - the centre's price lookup, if any
 * @throws ExamcycleError `invalid_value` when the entry has not been submitted
 * @example
 * ```ts
 * decideFeeBand(jcq.keyDates(examSeries('june', 2026)), { id: 'e1', submittedAt: '2026-02-22T09:00:00Z', awardingBodyId: 'AQA', entryCode: '8300F' }, 'june-2026').band; // 'late'
 * ```
 */
export function decideFeeBand(
  keyDates: readonly KeyDate[],
  entry: FeeBandEntry,
  seriesId: string,
  priceOf?: FeePriceLookup,
): FeeBandDecision {
  if (entry.submittedAt === undefined) {
    throw new ExamcycleError('invalid_value', `Entry ${entry.id} has not been submitted: its fee band is decided by when it is submitted`, {
      location: { field: 'submittedAt' },
      details: { entryId: entry.id },
    });
  }
  const submitted = toLondon(entry.submittedAt);
  const entryDeadline = find(keyDates, 'entry_deadline', seriesId);
  const veryLate = find(keyDates, 'very_late_deadline', seriesId);
  const lateEnds = keyDates.find((k) => k.kind === 'late_fee_period_ends') ?? veryLate;
  const at = submitted.toMillis();
  const when = submitted.toISO()!;
  let band: FeeBand;
  let deadline: KeyDate;
  let reason: string;
  if (at <= toLondon(entryDeadline.at).toMillis()) {
    band = 'standard';
    deadline = entryDeadline;
    reason = `Submitted ${when}, by the entry deadline (${entryDeadline.at}): the standard fee.`;
  } else if (at <= toLondon(veryLate.at).toMillis()) {
    band = 'late';
    deadline = lateEnds;
    reason = `Submitted ${when}, after the entry deadline (${entryDeadline.at}): a late entry fee, until the very late deadline (${veryLate.at}).`;
  } else {
    band = 'very_late';
    deadline = veryLate;
    reason = `Submitted ${when}, after the very late deadline (${veryLate.at}): the very late fee; amendments pay a fee and withdrawals are not refunded.`;
  }
  const price = priceOf?.(band, entry);
  return {
    band,
    ...(price === undefined ? {} : { pricePence: price }),
    reason,
    deadline,
    source: deadline.source,
    confidence: weakestConfidence(entryDeadline.confidence, veryLate.confidence),
  };
}
