/**
 * Instants on the checks' hot path: an ISO 8601 instant that carries its offset (`Z` or `±HH:MM`, the only
 * shape the check facts accept) names one moment whatever the zone, so its epoch milliseconds come from
 * `Date.parse` without a time-zone lookup. Anything outside that exact shape goes through luxon, as before.
 */
import { toLondon, type Instant } from '@examcycle/core';
import { z } from 'zod';

/** zod's own `z.iso.datetime({ offset: true })` pattern: the strings `Date.parse` reads exactly as luxon does. */
const WITH_OFFSET = /* @__PURE__ */ z.core.regexes.datetime({ offset: true });

/**
 * The epoch milliseconds of an instant: `Date.parse` for an RFC 3339 instant with an offset (fractions beyond
 * milliseconds truncated, as luxon does), luxon's Europe/London reading for anything else.
 *
 * @internal
 * @param value - an ISO 8601 instant
 * @throws ExamcycleError `invalid_value` when it is not a valid instant
 * @example
 * ```ts
 * epochMsOf('2026-03-01T10:00:00+01:00'); // 1772355600000
 * ```
 */
export function epochMsOf(value: Instant): number {
  if (WITH_OFFSET.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return toLondon(value).toMillis();
}
