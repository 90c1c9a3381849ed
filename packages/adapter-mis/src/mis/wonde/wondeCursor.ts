/**
 * Wonde's `since` cursor. Wonde filters a listing with `updated_after=YYYY-MM-DD HH:MM:SS` (UTC, as its
 * official client writes it); the cursor examcycle hands back is the latest `updated_at` seen less one
 * second, as an ISO instant, so a change made in the same second as the last one seen is fetched again
 * rather than missed (pulls are idempotent upserts, so seeing it twice is harmless).
 */
import { DateTime } from 'luxon';
import { ExamcycleError, type Instant } from '@examcycle/core';
import type { MisCursor } from '../MisPort.js';

/**
 * The `updated_after` value for a cursor.
 *
 * @param since - a cursor from an earlier Wonde pull (an ISO instant)
 * @throws ExamcycleError `invalid_value` when it is not a Wonde cursor (a cursor from elsewhere is a programmer error)
 * @internal
 */
export function wondeUpdatedAfter(since: MisCursor): string {
  const at = DateTime.fromISO(since, { setZone: true });
  if (!at.isValid) throw new ExamcycleError('invalid_value', `Not a Wonde cursor: "${since}"`, { details: { since } });
  return at.toUTC().toFormat('yyyy-MM-dd HH:mm:ss');
}

/**
 * The cursor after a pull: one second before the latest change seen, or the old cursor when nothing changed.
 *
 * @param instants - the `updated_at` (and deletion) instants met in the pull
 * @param since - the cursor the pull started from, if any
 * @internal
 */
export function wondeNextCursor(instants: readonly Instant[], since?: MisCursor): MisCursor | undefined {
  let latest: DateTime | undefined;
  for (const i of instants) {
    const at = DateTime.fromISO(i, { setZone: true });
    if (at.isValid && (latest === undefined || at > latest)) latest = at;
  }
  return latest === undefined ? since : (latest.minus({ seconds: 1 }).toUTC().toISO() ?? since);
}
