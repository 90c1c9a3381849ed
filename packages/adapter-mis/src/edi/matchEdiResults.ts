/**
 * Matches the results of a JCQ EDI results file to the centre's candidates and entries, as a results import must
 * (core's `matchResults` is the other step: core results against entries, by entry code): by centre, candidate
 * number and UCI (Aspen matches on UCI first, then ULN, then candidate number). Every mismatch is a typed
 * finding (unknown candidate, UCI mismatch, candidate number mismatch, result without entry, entry without
 * result, wrong centre, duplicate result); no result and no entry is dropped from the account.
 */
import type { Candidate, Entry } from '@examcycle/core';
import type { EdiResultRecord } from './resultsRecord.js';

/**
 * The kinds of finding {@link matchEdiResults} reports.
 *
 * @example
 * ```ts
 * const waiting: EdiResultFindingKind = 'entry_without_result';
 * ```
 */
export type EdiResultFindingKind =
  | 'wrong_centre'
  | 'unknown_candidate'
  | 'uci_mismatch'
  | 'uln_mismatch'
  | 'candidate_number_mismatch'
  | 'uci_not_recorded'
  | 'result_without_entry'
  | 'entry_without_result'
  | 'duplicate_result';

/**
 * One finding of {@link matchEdiResults}: what, where in the file, and which candidate and entry it concerns.
 *
 * @example
 * ```ts
 * declare const match: EdiResultsMatch;
 * const unmatched: EdiResultFinding[] = match.findings.filter((f) => f.severity === 'error');
 * ```
 */
export interface EdiResultFinding {
  readonly kind: EdiResultFindingKind;
  /** `error`: the result is not matched. `warning`: matched, but something needs attention. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The results line, for findings about a result. */
  readonly line?: number;
  readonly centreNumber?: string;
  readonly candidateNumber?: string;
  readonly uci?: string;
  readonly code?: string;
  readonly candidateId?: string;
  readonly entryId?: string;
}

/**
 * A result from an EDI results file matched to a candidate and, where one exists, an entry.
 *
 * @example
 * ```ts
 * declare const match: EdiResultsMatch;
 * const byEntry = new Map(match.matches.map((m: EdiResultMatch) => [m.entryId, m.result.grade]));
 * ```
 */
export interface EdiResultMatch {
  readonly result: EdiResultRecord;
  readonly candidateId: string;
  readonly entryId?: string;
}

/**
 * What {@link matchEdiResults} matches results against.
 *
 * @example
 * ```ts
 * declare const candidates: Candidate[];
 * declare const entries: Entry[];
 * const context: EdiResultsMatchContext = { centreNumber: '12345', candidates, entries };
 * ```
 */
export interface EdiResultsMatchContext {
  /** The centre the results should be for. */
  readonly centreNumber: string;
  readonly candidates: readonly Candidate[];
  /** The entries the results answer (withdrawn and rejected entries expect no result). */
  readonly entries: readonly Entry[];
}

/**
 * The outcome of {@link matchEdiResults}: every result matched, and every mismatch as a finding.
 *
 * @example
 * ```ts
 * declare const match: EdiResultsMatch;
 * console.info(`${match.matches.length} results matched, ${match.findings.length} findings`);
 * ```
 */
export interface EdiResultsMatch {
  readonly matches: readonly EdiResultMatch[];
  readonly findings: readonly EdiResultFinding[];
}

/**
 * Matches results to candidates and entries and reports every mismatch.
 *
 * @param results - the results read from a file
 * @param context - the centre, its candidates and the entries made
 * @example
 * ```ts
 * declare const text: string;
 * declare const candidates: Candidate[];
 * declare const entries: Entry[];
 * const read = readResultsFile(text, { file: 'R12345.X1A' });
 * const { matches, findings } = matchEdiResults(read.results, { centreNumber: '12345', candidates, entries });
 * findings.filter((f) => f.kind === 'entry_without_result'); // entries still waiting for a result
 * ```
 */
export function matchEdiResults(results: readonly EdiResultRecord[], context: EdiResultsMatchContext): EdiResultsMatch {
  const { centreNumber, candidates, entries } = context;
  const byNumber = new Map<string, Candidate>();
  const byUci = new Map<string, Candidate>();
  const byUln = new Map<string, Candidate>();
  for (const c of candidates) {
    if (c.centreNumber === centreNumber) byNumber.set(c.candidateNumber, c);
    if (c.uci !== undefined) byUci.set(c.uci, c);
    if (c.uln !== undefined) byUln.set(c.uln, c);
  }
  const entriesByCandidate = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = entriesByCandidate.get(e.candidateId) ?? [];
    list.push(e);
    entriesByCandidate.set(e.candidateId, list);
  }
  const matches: EdiResultMatch[] = [];
  const findings: EdiResultFinding[] = [];
  const answered = new Set<string>();
  const seen = new Map<string, number>();

  for (const r of results) {
    const where = {
      line: r.line,
      centreNumber: r.centreNumber,
      candidateNumber: r.candidateNumber,
      ...(r.uci === undefined ? {} : { uci: r.uci }),
      code: r.resultCode,
    };
    if (r.centreNumber !== centreNumber) {
      findings.push({ kind: 'wrong_centre', severity: 'error', ...where, message: `Result for centre ${r.centreNumber}, not ${centreNumber}` });
      continue;
    }
    const numbered = byNumber.get(r.candidateNumber);
    const uciMatch = r.uci === undefined ? undefined : byUci.get(r.uci);
    let candidate: Candidate | undefined;
    if (numbered !== undefined && (r.uci === undefined || numbered.uci === r.uci)) {
      candidate = numbered;
    } else if (numbered !== undefined && numbered.uci === undefined && uciMatch === undefined) {
      candidate = numbered;
      findings.push({ kind: 'uci_not_recorded', severity: 'warning', ...where, candidateId: numbered.id, message: `Candidate ${r.candidateNumber} has no UCI recorded; the result carries ${r.uci}` });
    } else if (numbered !== undefined) {
      findings.push({
        kind: 'uci_mismatch',
        severity: 'error',
        ...where,
        candidateId: numbered.id,
        message: `Candidate ${r.candidateNumber} has UCI ${numbered.uci ?? 'none'}; the result carries ${r.uci}${uciMatch ? `, which is candidate ${uciMatch.candidateNumber}'s` : ''}`,
      });
      continue;
    } else if (uciMatch !== undefined) {
      candidate = uciMatch;
      findings.push({ kind: 'candidate_number_mismatch', severity: 'warning', ...where, candidateId: uciMatch.id, message: `UCI ${r.uci} is candidate ${uciMatch.candidateNumber}, but the result says ${r.candidateNumber}` });
    } else {
      findings.push({ kind: 'unknown_candidate', severity: 'error', ...where, message: `No candidate ${r.candidateNumber}${r.uci ? ` or UCI ${r.uci}` : ''} at centre ${centreNumber}` });
      continue;
    }
    if (r.uln !== undefined && candidate.uln !== undefined && candidate.uln !== r.uln) {
      findings.push({ kind: 'uln_mismatch', severity: 'warning', ...where, candidateId: candidate.id, message: `Candidate ${candidate.candidateNumber} has ULN ${candidate.uln}; the result carries ${r.uln}` });
    }
    const key = `${candidate.id}/${r.entryCode ?? ''}/${r.resultCode}/${r.resultType}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      findings.push({ kind: 'duplicate_result', severity: 'warning', ...where, candidateId: candidate.id, message: `A second ${r.resultCode} result for candidate ${candidate.candidateNumber} (first on line ${earlier})` });
    } else {
      seen.set(key, r.line);
    }
    const own = entriesByCandidate.get(candidate.id) ?? [];
    const entry = own.find((e) => e.entryCode === (r.entryCode ?? r.resultCode)) ?? own.find((e) => e.entryCode === r.resultCode);
    if (entry === undefined) {
      findings.push({ kind: 'result_without_entry', severity: 'error', ...where, candidateId: candidate.id, message: `Candidate ${candidate.candidateNumber} has a ${r.entryCode ?? r.resultCode} result but no entry for it` });
      matches.push({ result: r, candidateId: candidate.id });
      continue;
    }
    answered.add(entry.id);
    matches.push({ result: r, candidateId: candidate.id, entryId: entry.id });
  }

  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (const e of entries) {
    if (e.status === 'withdrawn' || e.status === 'rejected' || answered.has(e.id)) continue;
    const c = byId.get(e.candidateId);
    findings.push({
      kind: 'entry_without_result',
      severity: 'warning',
      ...(c === undefined ? {} : { centreNumber: c.centreNumber, candidateNumber: c.candidateNumber, ...(c.uci === undefined ? {} : { uci: c.uci }) }),
      code: e.entryCode,
      candidateId: e.candidateId,
      entryId: e.id,
      message: `Entry ${e.entryCode} for candidate ${c?.candidateNumber ?? e.candidateId} has no result in this file`,
    });
  }
  return { matches, findings };
}
