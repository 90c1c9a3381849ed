/**
 * What every decision and report of a results store reads besides the stored state: the rules pack, the
 * series, the centre's directory data (staff, candidates, qualifications, entries) indexed once, and the
 * clock. Built once by {@link createResultsStore} and {@link openResultsStore}, so both decide with the
 * same code over the same indexes.
 */
import type { Candidate } from '../domain/candidate.js';
import type { Entry } from '../domain/entry.js';
import type { Qualification, QualificationLevel } from '../domain/qualification.js';
import type { ExamSeries } from '../domain/series.js';
import type { StaffMember } from '../domain/staff.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { KeyDate, RulesPack } from '../rules/RulesPack.js';
import type { Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { londonIso } from '../time/londonIso.js';
import type { PreviousYearResults } from './analyseResults.js';
import { keyDateFor } from './keyDateFor.js';
import type { ResultsStoreOptions } from './ResultsStore.js';

/**
 * An entry option's title and level, by `awardingBodyId \0 optionCode`.
 *
 * @internal
 * @example
 * ```ts
 * ctx.optionInfo.get(optionKey('AQA', '8300H'))?.title; // 'GCSE Mathematics (Higher)'
 * ```
 */
export interface OptionInfo {
  readonly title: string;
  readonly level: QualificationLevel;
}

/**
 * The fixed inputs of a results store, indexed once.
 *
 * @internal
 * @example
 * ```ts
 * const ctx = resultsContext({ rulesPack, series, clock, staff });
 * ctx.staffById.get('EO')?.roles; // ['exams_officer']
 * ```
 */
export interface ResultsContext {
  readonly rulesPack: Pick<RulesPack, 'resultsAccess' | 'keyDates'>;
  readonly series: ExamSeries;
  readonly entries: readonly Entry[];
  readonly qualifications: readonly Qualification[];
  readonly candidateById: ReadonlyMap<string, Candidate>;
  /** `undefined` when the store has no staff directory (readers' own roles are then taken). */
  readonly staffById: ReadonlyMap<string, StaffMember> | undefined;
  readonly optionInfo: ReadonlyMap<string, OptionInfo>;
  readonly previousYear: PreviousYearResults | undefined;
  readonly gradeOrder: Partial<Record<QualificationLevel, readonly string[]>> | undefined;
  /** The store's current instant, from the injected clock. */
  now(): Instant;
  /** The series' key dates (empty when the pack has no edition for the series). */
  keyDates(): readonly KeyDate[];
  /** The levels the series has release instants for, plus GCE and GCSE: the same for every candidate. */
  readonly releaseLevels: () => readonly QualificationLevel[];
  /** The phase of a level at an instant, for the audit line's `from`/`to`. */
  phaseAt(level: QualificationLevel | undefined, at: Instant): string;
  /**
   * The subject a result (qualification or component) belongs to: its qualification's id when the store
   * knows the qualification, otherwise the result's own award code (the same key as the analysis uses).
   */
  subjectOf(result: { readonly awardingBodyId: string; readonly awardCode: string }): string;
  /** Whether a subject a nomination names is one the centre has: a qualification id, or an option or component code. */
  knowsSubject(subject: string): boolean;
}

/**
 * The key of an option (or component) within an awarding body, for maps.
 *
 * @internal
 * @param awardingBodyId - the awarding body
 * @param code - the option or component code
 * @example
 * ```ts
 * optionKey('AQA', '8300H'); // 'AQA\u00008300H'
 * ```
 */
export function optionKey(awardingBodyId: string, code: string): string {
  return `${awardingBodyId}\u0000${code}`;
}

/**
 * Builds the {@link ResultsContext} of a results store from its options.
 *
 * @internal
 * @param options - the store's options (a clock or `now` is required)
 * @throws ExamcycleError `invalid_value` without a clock: examcycle never reads the host time
 * @example
 * ```ts
 * const ctx = resultsContext({ rulesPack: jcq, series, clock });
 * ctx.now(); // '2026-08-13T08:00:00.000+01:00'
 * ```
 */
export function resultsContext(options: Omit<ResultsStoreOptions, 'results'>, caller = 'createResultsStore'): ResultsContext {
  const { rulesPack, series, clock, now: nowFn, entries = [], candidates = [], staff, qualifications = [], previousYear, gradeOrder } = options;
  if (!clock && !nowFn) {
    throw new ExamcycleError('invalid_value', `${caller} needs a clock or a now() function: examcycle never reads the host clock`, { details: { option: 'clock' } });
  }
  const optionInfo = new Map<string, OptionInfo>();
  for (const q of qualifications) for (const o of q.entryOptions) optionInfo.set(optionKey(q.awardingBodyId, o.code), { title: `${q.title}${o.title ? ` (${o.title})` : ''}`, level: q.level });
  // Options and components of a qualification all belong to its subject.
  const subjectByCode = new Map<string, string>();
  const subjects = new Set<string>();
  for (const q of qualifications) {
    subjects.add(q.id);
    for (const o of q.entryOptions) {
      subjectByCode.set(optionKey(q.awardingBodyId, o.code), q.id);
      subjects.add(o.code);
      for (const c of o.componentCodes) {
        subjectByCode.set(optionKey(q.awardingBodyId, c), q.id);
        subjects.add(c);
      }
    }
  }
  let kds: readonly KeyDate[] | undefined;
  let release: readonly QualificationLevel[] | undefined;
  // The release instants of each level, parsed once (phase labels are computed for every audit line).
  const phases = new Map<QualificationLevel, { press: number; candidates: number; restricted: number; any: boolean }>();
  const keyDates = (): readonly KeyDate[] => {
    if (kds === undefined) {
      try {
        kds = rulesPack.keyDates(series);
      } catch {
        // A pack without an edition for the series still decides reads through resultsAccess; only the phase label is lost.
        kds = [];
      }
    }
    return kds;
  };
  return {
    rulesPack,
    series,
    entries,
    qualifications,
    candidateById: new Map(candidates.map((c) => [c.id, c])),
    staffById: staff ? new Map(staff.map((s) => [s.id, s])) : undefined,
    optionInfo,
    previousYear,
    gradeOrder,
    now() {
      const raw = clock ? clock.now() : nowFn!();
      // The offset table, not luxon: the same string as `toLondon(raw).toISO()`, and an invalid instant still throws `invalid_value`.
      return londonIso(typeof raw === 'number' ? raw : instantToMillis(raw));
    },
    keyDates,
    releaseLevels() {
      if (release === undefined) {
        const levels = new Set<QualificationLevel>(['GCE', 'GCSE']);
        for (const k of keyDates()) if (k.level && (k.kind === 'release_to_candidates' || k.kind === 'restricted_release' || k.kind === 'release_to_press')) levels.add(k.level);
        release = [...levels].sort();
      }
      return release;
    },
    subjectOf(result) {
      return subjectByCode.get(optionKey(result.awardingBodyId, result.awardCode)) ?? result.awardCode;
    },
    knowsSubject(subject) {
      return qualifications.length === 0 || subjects.has(subject);
    },
    phaseAt(level, at) {
      if (!level) return 'results';
      let opens = phases.get(level);
      if (!opens) {
        const all = keyDates();
        const when = (kind: 'restricted_release' | 'release_to_candidates' | 'release_to_press') => {
          const k = keyDateFor(all, kind, { level });
          return k === undefined ? Number.POSITIVE_INFINITY : instantToMillis(k.at);
        };
        opens = { press: when('release_to_press'), candidates: when('release_to_candidates'), restricted: when('restricted_release'), any: all.length > 0 };
        phases.set(level, opens);
      }
      const t = instantToMillis(at);
      if (t >= opens.press) return 'published';
      if (t >= opens.candidates) return 'results_day';
      if (t >= opens.restricted) return 'restricted_release';
      return opens.any ? 'embargoed' : 'results';
    },
  };
}
