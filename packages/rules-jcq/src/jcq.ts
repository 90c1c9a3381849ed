/**
 * The JCQ rules pack: core's `RulesPack` contract answered from the editions, with an optional centre
 * overlay. `jcq` is the pack as shipped; {@link withOverrides} layers a centre's values on it and returns
 * a new pack. The pack is pure: the same question gets the same answer, whatever the host's time zone.
 */
import {
  academicYearOf,
  isExamcycleError,
  type AcademicYear,
  type CheckFacts,
  type ExamSeries,
  type KeyDate,
  type RetainedRecord,
  type RulesPack,
} from '@examcycle/core';
import { jcqAuthorities } from './authority/jcqAuthorities.js';
import { addWorkingDays } from './calendar/addWorkingDays.js';
import { jcqCycleTasks } from './tasks/jcqCycleTasks.js';
import { jcqPostResultsServices } from './tasks/jcqPostResultsServices.js';
import { jcqCheckRules } from './checks/jcqCheckRules.js';
import type { Edition } from './editions/Edition.js';
import { JCQ_EDITIONS, editionFor, seriesEditionFor } from './editions/editions.js';
import { compileRules, type CompiledRules } from './engine/compileRules.js';
import { eopsRulesOf, examRoomRulesOf } from './engine/examRoomRules.js';
import { decideFeeBand } from './engine/feeBand.js';
import { buildKeyDates, sortKeyDates } from './engine/keyDates.js';
import { decideResultsAccess } from './engine/resultsAccess.js';
import { decideRetention } from './engine/retention.js';
import { runChecks } from './engine/runChecks.js';
import { seriesFromId } from './engine/seriesFromId.js';
import type { CentreOverrides } from './overrides/centreOverridesSchema.js';
import { feePriceOf } from './overrides/feePrices.js';
import { centreSourceOf, deriveInternalDeadlines } from './overrides/internalDeadlines.js';
import type { Instant } from '@examcycle/core';

/**
 * How a JCQ pack is built: its editions and, for a centre's pack, its overlay.
 *
 * @example
 * ```ts
 * const config: JcqPackConfig = { editions: [edition2025_26] };
 * createJcqPack(config).academicYears; // ['2025/26']
 * ```
 */
export interface JcqPackConfig {
  readonly editions: readonly Edition[];
  readonly overrides?: CentreOverrides;
}

const CONFIG = Symbol.for('examcycle.rules-jcq.config');

/**
 * The configuration a pack was built with, when it was built by this package.
 *
 * @internal
 * @param pack - any rules pack
 */
export function jcqPackConfigOf(pack: RulesPack): JcqPackConfig | undefined {
  return (pack as unknown as Record<symbol, JcqPackConfig | undefined>)[CONFIG];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The edition whose rules apply to an instant: its academic year's, or the nearest edition's. */
function editionForInstant(editions: readonly Edition[], at: Instant): Edition {
  const year = academicYearOf(at);
  const found = editions.find((e) => e.academicYear === year);
  if (found !== undefined) return found;
  const first = editions[0]!;
  const last = editions[editions.length - 1]!;
  return year < first.academicYear ? first : last;
}

/**
 * Builds a JCQ rules pack from editions and an optional centre overlay.
 *
 * @param config - the editions and the validated overlay
 * @example
 * ```ts
 * const pack = createJcqPack({ editions: JCQ_EDITIONS });
 * pack.keyDates(examSeries('june', 2026)).length > 0; // true
 * ```
 */
export function createJcqPack(config: JcqPackConfig): RulesPack {
  const { editions, overrides } = config;
  const cache = new Map<string, readonly KeyDate[]>();
  let compiled: CompiledRules | undefined;

  const keyDates = (series: ExamSeries): readonly KeyDate[] => {
    const cacheKey = `${String(series.id)}|${String(series.month)}|${String(series.year)}|${String(series.academicYear)}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const base = buildKeyDates(editions, series);
    const all = overrides === undefined ? base : sortKeyDates([...base, ...deriveInternalDeadlines(base, overrides, series)]);
    const frozen = deepFreeze(all);
    cache.set(cacheKey, frozen);
    return frozen;
  };

  const bySeriesId = new Map<string, readonly KeyDate[]>();
  const keyDatesOfId = (seriesId: string): readonly KeyDate[] => {
    let found = bySeriesId.get(seriesId);
    if (found === undefined) {
      found = keyDates(seriesFromId(seriesId));
      bySeriesId.set(seriesId, found);
    }
    return found;
  };
  const keyDatesOf = (seriesId: string): readonly KeyDate[] | undefined => {
    try {
      return keyDatesOfId(seriesId);
    } catch (error) {
      if (isExamcycleError(error) && error.code === 'unknown_series') return undefined;
      throw error;
    }
  };

  const fees = overrides?.fees ?? [];
  const authoritiesByYear = new Map<AcademicYear, ReturnType<typeof jcqAuthorities>>();
  const pack: RulesPack = {
    id: overrides === undefined ? 'jcq' : `jcq+${overrides.centre.name}`,
    name: overrides === undefined ? 'JCQ' : `JCQ with ${overrides.centre.name}'s overlay`,
    academicYears: editions.map((e) => e.academicYear),
    keyDates,
    feeBand: (entry, series) => decideFeeBand(keyDates(series), entry, series.id, fees.length === 0 ? undefined : (band, e) => feePriceOf(fees, band, e)),
    resultsAccess: (request) => {
      const { edition, series } = seriesEditionFor(editions, request.series);
      return decideResultsAccess(request, {
        edition,
        keyDates: keyDates(request.series),
        resultsDays: series.resultsDays,
        allowNominatedStaff: overrides?.results?.allowNominatedStaff ?? edition.rules.results.nominatedStaffOnRestrictedRelease.value,
      });
    },
    retention: (record: RetainedRecord) =>
      decideRetention(record, {
        edition: editionForInstant(editions, record.issuedAt ?? record.destroyedAt ?? record.approvedAt ?? record.createdAt),
        keyDatesOf,
        centrePolicy: overrides?.retention ?? {},
        centreSource: overrides === undefined ? undefined : centreSourceOf(overrides),
      }),
    examRoomRules: (academicYear: AcademicYear) => examRoomRulesOf(editionFor(editions, academicYear)),
    eopsRules: (academicYear: AcademicYear) => eopsRulesOf(editionFor(editions, academicYear)),
    check: (facts: readonly CheckFacts[]) =>
      runChecks(facts, (compiled ??= compileRules(jcqCheckRules)), {
        keyDatesOf: keyDatesOfId,
        resultsAccess: (request) => pack.resultsAccess(request),
        editionFor: (academicYear) => editionFor(editions, academicYear),
      }),
    addWorkingDays,
    // The table is data: built once per academic year (every certificate, enquiry and booking asks for it).
    authorities: (academicYear: AcademicYear) => authoritiesByYear.get(academicYear) ?? authoritiesByYear.set(academicYear, Object.freeze(jcqAuthorities(editionFor(editions, academicYear)))).get(academicYear)!,
    delegations: () => overrides?.delegations ?? [],
    cycleTasks: (series: ExamSeries) => jcqCycleTasks(seriesEditionFor(editions, series).edition, series, keyDates(series)),
    postResultsServices: (academicYear: AcademicYear) => jcqPostResultsServices(editionFor(editions, academicYear)),
  };
  Object.defineProperty(pack, CONFIG, { value: config, enumerable: false });
  return pack;
}

/**
 * The JCQ rules pack for the 2024/25, 2025/26 and 2026/27 academic years.
 *
 * @example
 * ```ts
 * import { jcq } from '@examcycle/rules-jcq';
 * import { examSeries } from '@examcycle/core';
 * jcq.keyDates(examSeries('june', 2026)).find((k) => k.kind === 'restricted_release')?.at; // '2026-08-12T00:01:00.000+01:00'
 * ```
 */
export const jcq: RulesPack = /* @__PURE__ */ createJcqPack({ editions: JCQ_EDITIONS });

