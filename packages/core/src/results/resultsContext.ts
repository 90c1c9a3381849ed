/**
 * What every decision and report of a results store reads besides the stored state: the rules pack, the
 * series, the centre's directory data (staff, candidates, qualifications, entries) indexed once, and the
 * clock. Built once by {@link createResultsStore} and {@link createDurableResultsStore}, so both decide with the
 * same code over the same indexes.
 *
 * It also keeps the rules pack's release decisions: a decision for one (audience, role, nomination, level)
 * is asked once per instant window — the span between two consecutive key-date instants of the series (or a
 * decision's own `allowedFrom`) — and reused for every read in that window, so results day costs one pack
 * call per kind of reader and level, not one per read. A pack's decision may therefore change only at those
 * instants (the JCQ pack's, like any pack whose release times are key dates, does).
 */
import type { Actor } from '../audit/auditTrail.js';
import type { Candidate } from '../domain/candidate.js';
import type { Entry } from '../domain/entry.js';
import type { Qualification, QualificationLevel } from '../domain/qualification.js';
import type { ExamSeries } from '../domain/series.js';
import type { StaffMember, StaffRole } from '../domain/staff.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { KeyDate, ResultsAccessDecision, ResultsAudience, RulesPack } from '../rules/RulesPack.js';
import type { Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { londonIso } from '../time/londonIso.js';
import type { PreviousYearResults } from './analyseResults.js';
import { keyDateFor } from './keyDateFor.js';
import type { ResultsStoreOptions } from './ResultsStore.js';

/**
 * An entry option's title and level.
 *
 * @internal
 * @example
 * ```ts
 * declare const ctx: ResultsContext;
 * ctx.optionOf('AQA', '8300H')?.title; // 'GCSE Mathematics (Higher)'
 * ```
 */
export interface OptionInfo {
  readonly title: string;
  readonly level: QualificationLevel;
}

/**
 * The pack's answer for one level: its decision, or what it threw (or returned instead of a decision).
 *
 * @internal
 * @example
 * ```ts
 * declare const ctx: ResultsContext;
 * const o: LevelOutcome = ctx.packDecision('candidate', undefined, false, 'GCSE', Date.parse('2026-08-20T07:00:00Z'), '2026-08-20T08:00:00.000+01:00');
 * if ('decision' in o) o.decision.allowed; // true
 * ```
 */
export type LevelOutcome = { readonly level: QualificationLevel; readonly decision: ResultsAccessDecision } | { readonly level: QualificationLevel; readonly failure: unknown };

/**
 * The fixed inputs of a results store, indexed once.
 *
 * @internal
 * @example
 * ```ts
 * declare const clock: { now(): number }, staff: StaffMember[];
 * const ctx = resultsContext({ rulesPack: jcq, series: examSeries('june', 2026), clock, staff });
 * ctx.staffById?.get('EO')?.roles; // ['exams_officer']
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
  /** The title and level of an entry option of an awarding body (by body, then code: no key string built per lookup). */
  optionOf(awardingBodyId: string, code: string): OptionInfo | undefined;
  readonly previousYear: PreviousYearResults | undefined;
  readonly gradeOrder: Partial<Record<QualificationLevel, readonly string[]>> | undefined;
  /** The store's current instant, from the injected clock. */
  now(): Instant;
  /** The store's current instant in epoch milliseconds (not checked: {@link ResultsContext.instantOf} checks it). */
  nowMillis(): number;
  /** An instant in epoch milliseconds as the ISO instant examcycle writes (the last one is remembered). */
  instantOf(ms: number): Instant;
  /**
   * The rules pack's decision on a read of one level by one kind of reader at `t` (epoch ms; `at` is the same
   * instant as ISO), asked once per instant window and reused within it; a pack that throws, or returns no
   * decision, gives a `failure`.
   */
  packDecision(audience: ResultsAudience, role: StaffRole | undefined, nominated: boolean, level: QualificationLevel, t: number, at: Instant): LevelOutcome;
  /** The series' key dates (empty when the pack has no edition for the series). */
  keyDates(): readonly KeyDate[];
  /** The levels the series has release instants for, plus GCE and GCSE: the same for every candidate. */
  readonly releaseLevels: () => readonly QualificationLevel[];
  /** The phase of a level at an instant (ISO, or epoch ms), for the audit line's `from`/`to`. */
  phaseAt(level: QualificationLevel | undefined, at: Instant | number): string;
  /**
   * The subject a result (qualification or component) belongs to: its qualification's id when the store
   * knows the qualification, otherwise the result's own award code (the same key as the analysis uses).
   */
  subjectOf(result: { readonly awardingBodyId: string; readonly awardCode: string }): string;
  /** Whether a subject a nomination names is one the centre has: a qualification id, or an option or component code. */
  knowsSubject(subject: string): boolean;
  /**
   * Who read, as the audit trail keeps it: one frozen actor per reader id and role (none: `undefined`), shared
   * by the lines of every read they make (the exams office printing a centre's statements writes one).
   */
  readerActor(id: string, role: Actor['role']): Actor;
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

/** How many readers' actors a store remembers before it forgets them all (and starts again). */
const READERS_KEPT = 1024;

/**
 * Builds the {@link ResultsContext} of a results store from its options.
 *
 * @internal
 * @param options - the store's options (a clock or `now` is required)
 * @throws ExamcycleError `invalid_value` without a clock: examcycle never reads the host time
 * @example
 * ```ts
 * declare const clock: { now(): number };
 * const ctx = resultsContext({ rulesPack: jcq, series: examSeries('june', 2026), clock });
 * ctx.now(); // '2026-08-13T08:00:00.000+01:00'
 * ```
 */
export function resultsContext(options: Omit<ResultsStoreOptions, 'results'>, caller = 'createResultsStore'): ResultsContext {
  const { rulesPack, series, clock, now: nowFn, entries = [], candidates = [], staff, qualifications = [], previousYear, gradeOrder } = options;
  if (!clock && !nowFn) {
    throw new ExamcycleError('invalid_value', `${caller} needs a clock or a now() function: examcycle never reads the host clock`, { details: { option: 'clock' } });
  }
  const optionsByBody = new Map<string, Map<string, OptionInfo>>();
  for (const q of qualifications) {
    for (const o of q.entryOptions) {
      const info = { title: `${q.title}${o.title ? ` (${o.title})` : ''}`, level: q.level };
      let byCode = optionsByBody.get(q.awardingBodyId);
      if (byCode === undefined) optionsByBody.set(q.awardingBodyId, (byCode = new Map()));
      byCode.set(o.code, info);
    }
  }
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
  const clockMillis = (): number => {
    const raw = clock ? clock.now() : nowFn!();
    return typeof raw === 'number' ? raw : instantToMillis(raw);
  };
  // The readers' actors of `readerActor`, by role (`''` for none), then id.
  const readers = new Map<string, Map<string, Actor>>();
  let readerCount = 0;
  let lastMs = Number.NaN;
  let lastIso = '' as Instant;
  // The offset table, not luxon: the same string as `toLondon(ms).toISO()`, and an invalid instant still throws `invalid_value`.
  const instantOf = (ms: number): Instant => (ms === lastMs ? lastIso : ((lastIso = londonIso(ms)), (lastMs = ms), lastIso));

  // The pack's decisions, kept for the instant window [winLo, winHi) they were asked in.
  let bounds: readonly number[] | undefined;
  let winLo = 1;
  let winHi = 0;
  // By audience, then role (`''` for none), then level: a pair of decisions (not nominated, nominated); no key string built per ask.
  const decided = new Map<ResultsAudience, Map<string, Map<QualificationLevel, [LevelOutcome | undefined, LevelOutcome | undefined]>>>();
  const slotOf = (audience: ResultsAudience, role: StaffRole | undefined, level: QualificationLevel): [LevelOutcome | undefined, LevelOutcome | undefined] => {
    let byRole = decided.get(audience);
    if (byRole === undefined) decided.set(audience, (byRole = new Map()));
    const r = role ?? '';
    let byLevel = byRole.get(r);
    if (byLevel === undefined) byRole.set(r, (byLevel = new Map()));
    // Keyed by the level's text, as a key string would be (a store's own results are not parsed, so a level may be any value).
    const l = (typeof level === 'string' ? level : `${level}`) as QualificationLevel;
    let slot = byLevel.get(l);
    if (slot === undefined) byLevel.set(l, (slot = [undefined, undefined]));
    return slot;
  };
  const windowAround = (t: number): void => {
    if (bounds === undefined) {
      const ms = new Set<number>();
      for (const k of keyDates()) {
        try {
          ms.add(instantToMillis(k.at));
        } catch {
          // A key date whose instant cannot be read bounds no window.
        }
      }
      bounds = [...ms].sort((a, b) => a - b);
    }
    // The last bound at or before t and the first after it.
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    winLo = lo === 0 ? Number.NEGATIVE_INFINITY : bounds[lo - 1]!;
    winHi = lo === bounds.length ? Number.POSITIVE_INFINITY : bounds[lo]!;
    decided.clear();
  };
  const ask = (audience: ResultsAudience, role: StaffRole | undefined, nominated: boolean, level: QualificationLevel, t: number, at: Instant): LevelOutcome => {
    try {
      const decision = rulesPack.resultsAccess(
        audience === 'centre_staff' ? { audience, ...(role !== undefined ? { role } : {}), nominatedByHeadOfCentre: nominated, at, series, level } : { audience, at, series, level },
      );
      if (typeof decision !== 'object' || decision === null || typeof decision.allowed !== 'boolean') return { level, failure: new Error('the pack returned no decision') };
      // A decision's own opening instant narrows the window (a pack may open a level between key dates).
      if (decision.allowedFrom !== undefined) {
        let from = Number.NaN;
        try {
          from = instantToMillis(decision.allowedFrom);
        } catch {
          // An unreadable allowedFrom narrows nothing; the decision is still the pack's.
        }
        if (from > t && from < winHi) winHi = from;
        else if (from <= t && from > winLo) winLo = from;
      }
      return { level, decision };
    } catch (failure) {
      return { level, failure };
    }
  };

  return {
    rulesPack,
    series,
    entries,
    qualifications,
    candidateById: new Map(candidates.map((c) => [c.id, c])),
    staffById: staff ? new Map(staff.map((s) => [s.id, s])) : undefined,
    optionOf(awardingBodyId, code) {
      return optionsByBody.get(awardingBodyId)?.get(code);
    },
    previousYear,
    gradeOrder,
    now() {
      return instantOf(clockMillis());
    },
    nowMillis: clockMillis,
    instantOf,
    packDecision(audience, role, nominated, level, t, at) {
      if (!(t >= winLo && t < winHi)) windowAround(t);
      const slot = slotOf(audience, role, level);
      const i = nominated ? 1 : 0;
      let o = slot[i];
      if (o === undefined) slot[i] = o = ask(audience, role, nominated, level, t, at);
      return o;
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
    readerActor(id, role) {
      const r = role ?? '';
      let byId = readers.get(r);
      if (byId === undefined) readers.set(r, (byId = new Map()));
      let by = byId.get(id);
      if (by === undefined) {
        by = Object.freeze(role === undefined ? { id } : { id, role });
        // Bounded: a store read by many people (every candidate, once) forgets them rather than keeping a list of everyone.
        if (readerCount >= READERS_KEPT) {
          for (const m of readers.values()) m.clear();
          readerCount = 0;
        }
        byId.set(id, by);
        readerCount += 1;
      }
      return by;
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
      const t = typeof at === 'number' ? at : instantToMillis(at);
      if (t >= opens.press) return 'published';
      if (t >= opens.candidates) return 'results_day';
      if (t >= opens.restricted) return 'restricted_release';
      return opens.any ? 'embargoed' : 'results';
    },
  };
}
