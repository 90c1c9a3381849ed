/**
 * Matching the results that came in from the awarding bodies to the centre's entries, so the exams office
 * can resolve, on restricted release day, what is missing or incomplete and which late cash-ins are still
 * to submit (a cash-in tells the awarding body to combine component marks into an overall grade).
 *
 * The categories, for each live entry (submitted, accepted or amended; not draft, withdrawn or rejected):
 * - **matched**: a qualification result for the entry's option code with a grade;
 * - **incomplete**: a qualification result whose grade is still blank (`grade_pending`), or no qualification
 *   result and results for only some of the entry's components (`components_missing`), or every component
 *   present but one without a grade or mark (`component_pending`);
 * - **late cash-in**: no qualification result, but a graded or marked result for every one of the entry's
 *   components (`no_qualification_result`); and, when qualifications are given, a candidate with results for
 *   every component of an option they have no entry for (`no_cash_in_entry`);
 * - **missing**: no qualification result and no component result at all;
 * - **unexpected**: a result that belongs to no live entry (`no_entry`, `entry_withdrawn`, `other_series`);
 * - **duplicates**: two or more qualification results for one candidate and award (the latest received is used).
 */
import type { Entry } from '../domain/entry.js';
import type { Qualification } from '../domain/qualification.js';
import type { Result } from '../domain/result.js';
import { toLondon } from '../time/clock.js';

/** An entry with its qualification result and its component results. */
export interface MatchedEntry {
  readonly entry: Entry;
  readonly result: Result;
  readonly componentResults: readonly Result[];
}

/** Why an entry's results are incomplete. */
export type IncompleteReason = 'grade_pending' | 'components_missing' | 'component_pending';

/** An entry whose results are incomplete. */
export interface IncompleteResult {
  readonly entry: Entry;
  readonly reason: IncompleteReason;
  readonly result?: Result;
  readonly componentResults: readonly Result[];
  /** Components of the entry without any result. */
  readonly missingComponents: readonly string[];
  /** Components with a result but neither a grade nor a mark. */
  readonly pendingComponents: readonly string[];
}

/** Why a cash-in is still to submit. */
export type LateCashInReason = 'no_qualification_result' | 'no_cash_in_entry';

/** A cash-in still to submit for a candidate and option. */
export interface LateCashIn {
  readonly candidateId: string;
  readonly awardingBodyId: string;
  /** The option (cash-in) code to submit. */
  readonly entryCode: string;
  readonly reason: LateCashInReason;
  /** The entry, when the candidate has one for the option. */
  readonly entry?: Entry;
  readonly componentResults: readonly Result[];
}

/** An entry with no result at all. */
export interface MissingResult {
  readonly entry: Entry;
}

/** Why a result matched no live entry. */
export type UnexpectedReason = 'no_entry' | 'entry_withdrawn' | 'other_series';

/** A result that belongs to no live entry. */
export interface UnexpectedResult {
  readonly result: Result;
  readonly reason: UnexpectedReason;
}

/** Qualification results that arrived more than once for one candidate and award. */
export interface DuplicateResults {
  readonly candidateId: string;
  readonly awardingBodyId: string;
  readonly awardCode: string;
  readonly results: readonly Result[];
}

/** The outcome of {@link matchResults}. */
export interface ResultsMatch {
  readonly matched: readonly MatchedEntry[];
  readonly incomplete: readonly IncompleteResult[];
  readonly lateCashIns: readonly LateCashIn[];
  readonly missing: readonly MissingResult[];
  readonly unexpected: readonly UnexpectedResult[];
  readonly duplicates: readonly DuplicateResults[];
}

/** What {@link matchResults} matches. */
export interface MatchResultsInput {
  readonly entries: readonly Entry[];
  readonly results: readonly Result[];
  /** Only entries and results of this series are matched; results of another series are `other_series`. */
  readonly seriesId?: string;
  /** The qualifications, to find components sat for an option with no cash-in entry. */
  readonly qualifications?: readonly Qualification[];
}

const LIVE: ReadonlySet<Entry['status']> = new Set(['submitted', 'accepted', 'amended']);

function key(candidateId: string, awardingBodyId: string, code: string): string {
  return `${candidateId}\u0000${awardingBodyId}\u0000${code}`;
}

function hasOutcome(r: Result): boolean {
  return r.grade.trim() !== '' || r.mark !== undefined;
}

function receivedMillis(r: Result): number {
  return r.receivedAt ? toLondon(r.receivedAt).toMillis() : Number.NEGATIVE_INFINITY;
}

/**
 * Matches results to entries and lists what is missing, incomplete, still to cash in, or unexpected.
 *
 * @param input - the entries, the results, and optionally the series and qualifications
 * @example
 * ```ts
 * const m = matchResults({ entries, results, seriesId: 'june-2026' });
 * m.lateCashIns.map((c) => `${c.candidateId} ${c.entryCode}`);
 * ```
 */
export function matchResults(input: MatchResultsInput): ResultsMatch {
  const { seriesId } = input;
  const entries = input.entries.filter((e) => seriesId === undefined || e.seriesId === seriesId);
  const unexpected: UnexpectedResult[] = [];
  const results: Result[] = [];
  for (const r of input.results) {
    if (seriesId !== undefined && r.seriesId !== seriesId) unexpected.push({ result: r, reason: 'other_series' });
    else results.push(r);
  }

  // Qualification results by candidate/AB/award, latest received last; duplicates listed.
  const qualByKey = new Map<string, Result[]>();
  const compByKey = new Map<string, Result[]>();
  for (const r of results) {
    const map = r.kind === 'component' ? compByKey : qualByKey;
    const k = key(r.candidateId, r.awardingBodyId, r.awardCode);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  const duplicates: DuplicateResults[] = [];
  const latest = new Map<string, Result>();
  for (const [k, rs] of qualByKey) {
    const sorted = [...rs].sort((a, b) => receivedMillis(a) - receivedMillis(b));
    latest.set(k, sorted[sorted.length - 1]!);
    if (rs.length > 1) duplicates.push({ candidateId: rs[0]!.candidateId, awardingBodyId: rs[0]!.awardingBodyId, awardCode: rs[0]!.awardCode, results: rs });
  }
  const latestComponent = (candidateId: string, awardingBodyId: string, code: string): Result | undefined => {
    const rs = compByKey.get(key(candidateId, awardingBodyId, code));
    return rs ? [...rs].sort((a, b) => receivedMillis(a) - receivedMillis(b))[rs.length - 1] : undefined;
  };

  const matched: MatchedEntry[] = [];
  const incomplete: IncompleteResult[] = [];
  const lateCashIns: LateCashIn[] = [];
  const missing: MissingResult[] = [];
  const usedQual = new Set<string>();
  const usedComp = new Set<string>();
  const withdrawnKeys = new Set<string>();
  const entryKeys = new Set<string>();

  for (const entry of entries) {
    const k = key(entry.candidateId, entry.awardingBodyId, entry.entryCode);
    if (!LIVE.has(entry.status)) {
      if (entry.status === 'withdrawn') {
        withdrawnKeys.add(k);
        for (const c of entry.componentCodes) withdrawnKeys.add(key(entry.candidateId, entry.awardingBodyId, c));
      }
      continue;
    }
    entryKeys.add(k);
    const comps = entry.componentCodes.map((c) => ({ code: c, result: latestComponent(entry.candidateId, entry.awardingBodyId, c) }));
    for (const c of entry.componentCodes) usedComp.add(key(entry.candidateId, entry.awardingBodyId, c));
    const componentResults = comps.flatMap((c) => (c.result ? [c.result] : []));
    const missingComponents = comps.filter((c) => !c.result).map((c) => c.code);
    const pendingComponents = comps.filter((c) => c.result && !hasOutcome(c.result)).map((c) => c.code);
    const result = latest.get(k);
    if (result) {
      usedQual.add(k);
      if (result.grade.trim() === '') {
        incomplete.push({ entry, reason: 'grade_pending', result, componentResults, missingComponents, pendingComponents });
      } else {
        matched.push({ entry, result, componentResults });
      }
    } else if (componentResults.length === 0) {
      missing.push({ entry });
    } else if (missingComponents.length > 0) {
      incomplete.push({ entry, reason: 'components_missing', componentResults, missingComponents, pendingComponents });
    } else if (pendingComponents.length > 0) {
      incomplete.push({ entry, reason: 'component_pending', componentResults, missingComponents, pendingComponents });
    } else {
      lateCashIns.push({ candidateId: entry.candidateId, awardingBodyId: entry.awardingBodyId, entryCode: entry.entryCode, reason: 'no_qualification_result', entry, componentResults });
    }
  }

  // Components sat for an option the candidate has no entry for: a cash-in entry is still to make.
  // Indexed once: the candidates with a result for each component (by awarding body and code).
  const componentCandidates = new Map<string, Set<string>>();
  if (input.qualifications?.length) {
    for (const r of results) {
      if (r.kind !== 'component') continue;
      const k = `${r.awardingBodyId}\u0000${r.awardCode}`;
      const set = componentCandidates.get(k);
      if (set) set.add(r.candidateId);
      else componentCandidates.set(k, new Set([r.candidateId]));
    }
  }
  for (const q of input.qualifications ?? []) {
    for (const option of q.entryOptions) {
      if (option.componentCodes.length === 0) continue;
      const candidates = new Set<string>();
      for (const c of option.componentCodes) for (const id of componentCandidates.get(`${q.awardingBodyId}\u0000${c}`) ?? []) candidates.add(id);
      for (const candidateId of candidates) {
        const k = key(candidateId, q.awardingBodyId, option.code);
        if (entryKeys.has(k) || latest.has(k)) continue;
        const componentResults = option.componentCodes.map((c) => latestComponent(candidateId, q.awardingBodyId, c));
        if (componentResults.some((r) => !r || !hasOutcome(r))) continue;
        for (const c of option.componentCodes) usedComp.add(key(candidateId, q.awardingBodyId, c));
        lateCashIns.push({ candidateId, awardingBodyId: q.awardingBodyId, entryCode: option.code, reason: 'no_cash_in_entry', componentResults: componentResults as Result[] });
      }
    }
  }

  for (const r of results) {
    const k = key(r.candidateId, r.awardingBodyId, r.awardCode);
    const used = r.kind === 'component' ? usedComp.has(k) : usedQual.has(k);
    if (!used) unexpected.push({ result: r, reason: withdrawnKeys.has(k) ? 'entry_withdrawn' : 'no_entry' });
  }

  return { matched, incomplete, lateCashIns, missing, unexpected, duplicates };
}
