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

/**
 * An entry with its qualification result and its component results.
 *
 * @example
 * ```ts
 * declare const m: ResultsMatch;
 * m.matched.map((x: MatchedEntry) => `${x.entry.candidateId} ${x.result.grade}`);
 * ```
 */
export interface MatchedEntry {
  readonly entry: Entry;
  readonly result: Result;
  readonly componentResults: readonly Result[];
}

/**
 * Why an entry's results are incomplete.
 *
 * @example
 * ```ts
 * const reason: IncompleteReason = 'grade_pending';
 * ```
 */
export type IncompleteReason = 'grade_pending' | 'components_missing' | 'component_pending';

/**
 * An entry whose results are incomplete.
 *
 * @example
 * ```ts
 * declare const m: ResultsMatch;
 * m.incomplete.map((x: IncompleteResult) => `${x.entry.entryCode}: ${x.reason} ${x.missingComponents.join(',')}`);
 * ```
 */
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

/**
 * Why a cash-in is still to submit.
 *
 * @example
 * ```ts
 * const reason: LateCashInReason = 'no_qualification_result';
 * ```
 */
export type LateCashInReason = 'no_qualification_result' | 'no_cash_in_entry';

/**
 * A cash-in still to submit for a candidate and option.
 *
 * @example
 * ```ts
 * declare const m: ResultsMatch;
 * m.lateCashIns.map((c: LateCashIn) => `${c.candidateId} ${c.entryCode} (${c.reason})`);
 * ```
 */
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

/**
 * An entry with no result at all.
 *
 * @example
 * ```ts
 * declare const m: ResultsMatch;
 * m.missing.map((x: MissingResult) => x.entry.id);
 * ```
 */
export interface MissingResult {
  readonly entry: Entry;
}

/**
 * Why a result matched no live entry.
 *
 * @example
 * ```ts
 * const reason: UnexpectedReason = 'no_entry';
 * ```
 */
export type UnexpectedReason = 'no_entry' | 'entry_withdrawn' | 'other_series';

/**
 * A result that belongs to no live entry.
 *
 * @example
 * ```ts
 * declare const m: ResultsMatch;
 * m.unexpected.map((x: UnexpectedResult) => `${x.result.id}: ${x.reason}`);
 * ```
 */
export interface UnexpectedResult {
  readonly result: Result;
  readonly reason: UnexpectedReason;
}

/**
 * Qualification results that arrived more than once for one candidate and award.
 *
 * @example
 * ```ts
 * declare const m: ResultsMatch;
 * m.duplicates.map((d: DuplicateResults) => `${d.candidateId} ${d.awardCode} x${d.results.length}`);
 * ```
 */
export interface DuplicateResults {
  readonly candidateId: string;
  readonly awardingBodyId: string;
  readonly awardCode: string;
  readonly results: readonly Result[];
}

/**
 * The outcome of {@link matchResults}.
 *
 * @example
 * ```ts
 * declare const entries: Entry[], results: Result[];
 * const m: ResultsMatch = matchResults({ entries, results });
 * m.missing.length;
 * ```
 */
export interface ResultsMatch {
  readonly matched: readonly MatchedEntry[];
  readonly incomplete: readonly IncompleteResult[];
  readonly lateCashIns: readonly LateCashIn[];
  readonly missing: readonly MissingResult[];
  readonly unexpected: readonly UnexpectedResult[];
  readonly duplicates: readonly DuplicateResults[];
}

/**
 * What {@link matchResults} matches.
 *
 * @example
 * ```ts
 * declare const entries: Entry[], results: Result[];
 * const input: MatchResultsInput = { entries, results, seriesId: 'june-2026' };
 * ```
 */
export interface MatchResultsInput {
  readonly entries: readonly Entry[];
  readonly results: readonly Result[];
  /** Only entries and results of this series are matched; results of another series are `other_series`. */
  readonly seriesId?: string;
  /** The qualifications, to find components sat for an option with no cash-in entry. */
  readonly qualifications?: readonly Qualification[];
}

const LIVE: ReadonlySet<Entry['status']> = new Set(['submitted', 'accepted', 'amended']);

/** What the match knows of one candidate, awarding body and award (or component) code. */
interface Cell {
  /** Qualification results for the award, in the order given. */
  quals: Result[] | undefined;
  /** Component results for the code, in the order given. */
  comps: Result[] | undefined;
  /** The latest qualification result (the one used), once the duplicates are sorted out. */
  latestQual: Result | undefined;
  /** The latest component result, once asked. */
  latestComp: Result | undefined;
  /** A live entry names this option. */
  entry: boolean;
  /** A withdrawn entry names this option or component. */
  withdrawn: boolean;
  usedQual: boolean;
  usedComp: boolean;
}

/**
 * Cells by candidate, then awarding body, then code: three lookups with the strings the records already
 * hold (whose hashes the engine keeps), instead of a key string built and hashed for every lookup.
 */
type Cells = Map<string, Map<string, Map<string, Cell>>>;

function cellOf(cells: Cells, candidateId: string, awardingBodyId: string, code: string): Cell | undefined {
  return cells.get(candidateId)?.get(awardingBodyId)?.get(code);
}

function addCell(cells: Cells, candidateId: string, awardingBodyId: string, code: string): Cell {
  let byBody = cells.get(candidateId);
  if (byBody === undefined) cells.set(candidateId, (byBody = new Map()));
  let byCode = byBody.get(awardingBodyId);
  if (byCode === undefined) byBody.set(awardingBodyId, (byCode = new Map()));
  let cell = byCode.get(code);
  if (cell === undefined) byCode.set(code, (cell = { quals: undefined, comps: undefined, latestQual: undefined, latestComp: undefined, entry: false, withdrawn: false, usedQual: false, usedComp: false }));
  return cell;
}

function hasOutcome(r: Result): boolean {
  return r.grade.trim() !== '' || r.mark !== undefined;
}

function receivedMillis(r: Result): number {
  return r.receivedAt ? toLondon(r.receivedAt).toMillis() : Number.NEGATIVE_INFINITY;
}

/** The latest received of some results (the last of equals, as a stable sort leaves them). */
function latestOf(rs: readonly Result[]): Result {
  return rs.length === 1 ? rs[0]! : [...rs].sort((a, b) => receivedMillis(a) - receivedMillis(b))[rs.length - 1]!;
}

function latestComponent(cell: Cell | undefined): Result | undefined {
  if (cell?.comps === undefined) return undefined;
  return (cell.latestComp ??= latestOf(cell.comps));
}

/**
 * Matches results to entries and lists what is missing, incomplete, still to cash in, or unexpected.
 * Linear in entries and results.
 *
 * @param input - the entries, the results, and optionally the series and qualifications
 * @example
 * ```ts
 * declare const entries: Entry[], results: Result[];
 * const m = matchResults({ entries, results, seriesId: 'june-2026' });
 * m.lateCashIns.map((c) => `${c.candidateId} ${c.entryCode}`);
 * ```
 */
export function matchResults(input: MatchResultsInput): ResultsMatch {
  const { seriesId } = input;
  const unexpected: UnexpectedResult[] = [];
  const results: Result[] = [];
  for (const r of input.results) {
    if (seriesId !== undefined && r.seriesId !== seriesId) unexpected.push({ result: r, reason: 'other_series' });
    else results.push(r);
  }

  // Qualification and component results by candidate/AB/code; qualification awards in the order first seen.
  const cells: Cells = new Map();
  const qualCells: Cell[] = [];
  for (const r of results) {
    const cell = addCell(cells, r.candidateId, r.awardingBodyId, r.awardCode);
    if (r.kind === 'component') (cell.comps ??= []).push(r);
    else if (cell.quals === undefined) {
      cell.quals = [r];
      qualCells.push(cell);
    } else cell.quals.push(r);
  }
  // The latest received qualification result of each award is used; two or more are listed as duplicates.
  const duplicates: DuplicateResults[] = [];
  for (const cell of qualCells) {
    const rs = cell.quals!;
    cell.latestQual = latestOf(rs);
    if (rs.length > 1) duplicates.push({ candidateId: rs[0]!.candidateId, awardingBodyId: rs[0]!.awardingBodyId, awardCode: rs[0]!.awardCode, results: rs });
  }

  const matched: MatchedEntry[] = [];
  const incomplete: IncompleteResult[] = [];
  const lateCashIns: LateCashIn[] = [];
  const missing: MissingResult[] = [];

  for (const entry of input.entries) {
    if (seriesId !== undefined && entry.seriesId !== seriesId) continue;
    const { candidateId, awardingBodyId } = entry;
    if (!LIVE.has(entry.status)) {
      if (entry.status === 'withdrawn') {
        // Only a result's own cell is ever asked whether it was withdrawn: no cell, no result to mark.
        const own = cellOf(cells, candidateId, awardingBodyId, entry.entryCode);
        if (own) own.withdrawn = true;
        for (const c of entry.componentCodes) {
          const comp = cellOf(cells, candidateId, awardingBodyId, c);
          if (comp) comp.withdrawn = true;
        }
      }
      continue;
    }
    const cell = addCell(cells, candidateId, awardingBodyId, entry.entryCode);
    cell.entry = true;
    const componentResults: Result[] = [];
    let allComponents = true;
    for (const c of entry.componentCodes) {
      const comp = cellOf(cells, candidateId, awardingBodyId, c);
      const result = latestComponent(comp);
      if (comp) comp.usedComp = true;
      if (result) componentResults.push(result);
      else allComponents = false;
    }
    const result = cell.latestQual;
    if (result && result.grade.trim() !== '') {
      // The usual case: graded, and the lists of missing and pending components are not reported.
      cell.usedQual = true;
      matched.push({ entry, result, componentResults });
      continue;
    }
    const missingComponents: string[] = [];
    const pendingComponents: string[] = [];
    for (const c of entry.componentCodes) {
      const r = latestComponent(cellOf(cells, candidateId, awardingBodyId, c));
      if (!r) missingComponents.push(c);
      else if (!hasOutcome(r)) pendingComponents.push(c);
    }
    if (result) {
      cell.usedQual = true;
      incomplete.push({ entry, reason: 'grade_pending', result, componentResults, missingComponents, pendingComponents });
    } else if (componentResults.length === 0) {
      missing.push({ entry });
    } else if (!allComponents) {
      incomplete.push({ entry, reason: 'components_missing', componentResults, missingComponents, pendingComponents });
    } else if (pendingComponents.length > 0) {
      incomplete.push({ entry, reason: 'component_pending', componentResults, missingComponents, pendingComponents });
    } else {
      lateCashIns.push({ candidateId, awardingBodyId, entryCode: entry.entryCode, reason: 'no_qualification_result', entry, componentResults });
    }
  }

  // Components sat for an option the candidate has no entry for: a cash-in entry is still to make.
  // Indexed once: the candidates with a result for each component (by awarding body and code).
  const componentCandidates = new Map<string, Map<string, Set<string>>>();
  if (input.qualifications?.length) {
    for (const r of results) {
      if (r.kind !== 'component') continue;
      let byCode = componentCandidates.get(r.awardingBodyId);
      if (byCode === undefined) componentCandidates.set(r.awardingBodyId, (byCode = new Map()));
      const set = byCode.get(r.awardCode);
      if (set) set.add(r.candidateId);
      else byCode.set(r.awardCode, new Set([r.candidateId]));
    }
  }
  for (const q of input.qualifications ?? []) {
    const byCode = componentCandidates.get(q.awardingBodyId);
    if (byCode === undefined) continue;
    for (const option of q.entryOptions) {
      if (option.componentCodes.length === 0) continue;
      const candidates = new Set<string>();
      for (const c of option.componentCodes) for (const id of byCode.get(c) ?? []) candidates.add(id);
      for (const candidateId of candidates) {
        const own = cellOf(cells, candidateId, q.awardingBodyId, option.code);
        if (own && (own.entry || own.quals !== undefined)) continue;
        const comps = option.componentCodes.map((c) => cellOf(cells, candidateId, q.awardingBodyId, c));
        const componentResults = comps.map(latestComponent);
        if (componentResults.some((r) => !r || !hasOutcome(r))) continue;
        for (const comp of comps) comp!.usedComp = true;
        lateCashIns.push({ candidateId, awardingBodyId: q.awardingBodyId, entryCode: option.code, reason: 'no_cash_in_entry', componentResults: componentResults as Result[] });
      }
    }
  }

  for (const r of results) {
    const cell = cellOf(cells, r.candidateId, r.awardingBodyId, r.awardCode)!;
    const used = r.kind === 'component' ? cell.usedComp : cell.usedQual;
    if (!used) unexpected.push({ result: r, reason: cell.withdrawn ? 'entry_withdrawn' : 'no_entry' });
  }

  return { matched, incomplete, lateCashIns, missing, unexpected, duplicates };
}
