/**
 * Assembling what a results read returns, once, for both stores: a candidate's statement of results,
 * the matching report, the analysis and the press release, each over the levels the read released and no
 * other. Pure: the store decides first ({@link decideResultsRead}) and passes only what may be shown.
 */
import type { QualificationLevel } from '../domain/qualification.js';
import type { Result } from '../domain/result.js';
import { analyseResults } from './analyseResults.js';
import type { Actor } from '../audit/auditTrail.js';
import type { Instant } from '../time/clock.js';
import { inNominatedSubjects, type ResultsReadGrant } from './decideResultsRead.js';
import { matchResults } from './matchResults.js';
import type { ResultsContext } from './resultsContext.js';
import { entryLevel, type ResultsIndex } from './resultsIndex.js';
import { sortForStatement, type StatementOrder } from './statementOrder.js';
import type { AppliedGradeChange, LateCashInSubmission, PressRelease, PressReleaseDraft, ResultsAnalysisReport, ResultsReconciliation, ResultsSummary, StatementLine, StatementOfResults } from './ResultsStore.js';

/**
 * Totals over some results.
 *
 * @internal
 * @param rs - the results
 * @example
 * ```ts
 * declare const results: Result[];
 * summaryOf(results).graded; // 3
 * ```
 */
export function summaryOf(rs: readonly Result[]): ResultsSummary {
  let qualificationResults = 0;
  let graded = 0;
  const candidates = new Set<string>();
  // A candidate's results usually come together: the set is asked only when the candidate changes.
  let last: string | undefined;
  for (const r of rs) {
    if (r.kind !== 'qualification') continue;
    qualificationResults += 1;
    if (r.grade.trim() !== '') graded += 1;
    if (r.candidateId !== last) candidates.add((last = r.candidateId));
  }
  return { qualificationResults, graded, pending: qualificationResults - graded, candidates: candidates.size };
}

/**
 * The results of the released levels, and no other.
 *
 * @internal
 * @param rs - the results
 * @param levels - the released levels
 * @example
 * ```ts
 * declare const index: Parameters<typeof reconciliationFrom>[1];
 * released(index.all, ['GCE']).every((r) => r.level === 'GCE'); // true
 * ```
 */
export function released(rs: readonly Result[], levels: readonly QualificationLevel[]): Result[] {
  const set = new Set(levels);
  return rs.filter((r) => set.has(r.level));
}

/**
 * The results of the released levels, and no other, from an index: the index's own list (not a copy) when
 * every level it holds is released, as on and after results day; for reading, never for changing.
 *
 * @internal
 * @param index - the results index
 * @param levels - the released levels
 * @example
 * ```ts
 * declare const index: Parameters<typeof reconciliationFrom>[1];
 * releasedOf(index, index.levels) === index.all; // true
 * ```
 */
export function releasedOf(index: ResultsIndex, levels: readonly QualificationLevel[]): readonly Result[] {
  return index.levels.every((l) => levels.includes(l)) ? index.all : released(index.all, levels);
}

/** The enquiry outcomes a statement shows, by result: the grade before the first change and the latest enquiry. */
interface EnquiryMarks {
  readonly firstFrom: ReadonlyMap<string, string>;
  readonly lastEnquiry: ReadonlyMap<string, string>;
}

function enquiryMarks(changes: readonly AppliedGradeChange[]): EnquiryMarks | undefined {
  if (changes.length === 0) return undefined;
  const firstFrom = new Map<string, string>();
  const lastEnquiry = new Map<string, string>();
  for (const c of changes) {
    if (!firstFrom.has(c.resultId)) firstFrom.set(c.resultId, c.from);
    lastEnquiry.set(c.resultId, c.enquiryId);
  }
  return { firstFrom, lastEnquiry };
}

/** One result's line, frozen. */
function lineOf(ctx: ResultsContext, r: Result, marks: EnquiryMarks | undefined): StatementLine {
  const info = ctx.optionOf(r.awardingBodyId, r.awardCode);
  // Built field by field, in the order a line has always had (no spread of optional fields per line).
  const line: { -readonly [K in keyof StatementLine]: StatementLine[K] } = { resultId: r.id, awardCode: r.awardCode, title: info?.title ?? r.awardCode, level: r.level, awardingBodyId: r.awardingBodyId, kind: r.kind, grade: r.grade };
  if (r.mark !== undefined) line.mark = r.mark;
  if (r.uniformMark !== undefined) line.uniformMark = r.uniformMark;
  if (r.endorsement !== undefined) line.endorsement = r.endorsement;
  const enquiryId = marks?.lastEnquiry.get(r.id);
  if (enquiryId !== undefined) line.changedByEnquiry = Object.freeze({ from: marks!.firstFrom.get(r.id)!, enquiryId });
  return Object.freeze(line);
}

/**
 * Every line a candidate's statement can show, one per result of the series, in statement order (award
 * code, then qualification before component), each frozen; a store filters them per read by what the read
 * released ({@link statementFrom}).
 *
 * @internal
 * @param ctx - the store's context (option titles)
 * @param own - the candidate's results of the series
 * @param changes - the enquiry outcomes applied to the candidate's results, in the order applied
 * @param order - the ranks of the series' codes and kinds ({@link statementOrder}), to sort without the collator
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], index: Parameters<typeof reconciliationFrom>[1];
 * statementLines(ctx, index.byCandidate.get('C-1') ?? [], []).map((l) => l.awardCode); // ['7402', '8300H']
 * ```
 */
export function statementLines(ctx: ResultsContext, own: readonly Result[], changes: readonly AppliedGradeChange[], order?: StatementOrder): StatementLine[] {
  const marks = enquiryMarks(changes);
  const sorted = sortForStatement(own, order);
  const lines: StatementLine[] = new Array<StatementLine>(sorted.length);
  for (let i = 0; i < sorted.length; i += 1) lines[i] = lineOf(ctx, sorted[i]!, marks);
  return lines;
}

/**
 * The lines a read shows, built for that read from the candidate's results already in statement order: the
 * lines of {@link statementLines} that {@link statementFrom} would keep, each frozen and new, so a store
 * keeps no line once the caller has let go of the statement.
 *
 * @internal
 * @param ctx - the store's context (option titles, nominated subjects)
 * @param sorted - the candidate's results of the series, in statement order ({@link sortForStatement})
 * @param changes - the enquiry outcomes applied to the candidate's results, in the order applied
 * @param grant - the read's decision
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], sorted: Result[], grant: Parameters<typeof statementFrom>[3];
 * releasedLines(ctx, sorted, [], grant).every((l) => grant.allowed.includes(l.level)); // true
 * ```
 */
export function releasedLines(ctx: ResultsContext, sorted: readonly Result[], changes: readonly AppliedGradeChange[], grant: ResultsReadGrant): StatementLine[] {
  const marks = enquiryMarks(changes);
  const scope = grant.nominationScope;
  const allowed = grant.allowed;
  if (scope === undefined && allReleased(sorted, allowed)) {
    const lines: StatementLine[] = new Array<StatementLine>(sorted.length);
    for (let i = 0; i < sorted.length; i += 1) lines[i] = lineOf(ctx, sorted[i]!, marks);
    return lines;
  }
  const lines: StatementLine[] = [];
  for (const r of sorted) if (isShown(ctx, r, allowed, scope)) lines.push(lineOf(ctx, r, marks));
  return lines;
}

/**
 * The candidate block of a statement (numbers and name), when the store knows the candidate.
 *
 * @internal
 * @param ctx - the store's context (its candidates)
 * @param candidateId - the candidate
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0];
 * statementHeader(ctx, 'C-1')?.name; // 'Adams, Jo'
 * ```
 */
export function statementHeader(ctx: ResultsContext, candidateId: string): StatementOfResults['candidate'] {
  const c = ctx.candidateById.get(candidateId);
  if (!c) return undefined;
  // "Surname, Forenames", without a trailing ", " (no forenames): what `.replace(/, $/, '')` gives, without the regular expression.
  const full = `${c.legalSurname}, ${c.legalForenames}`;
  const name = full.endsWith(', ') ? full.slice(0, -2) : full;
  return Object.freeze(c.uci ? { candidateNumber: c.candidateNumber, centreNumber: c.centreNumber, name, uci: c.uci } : { candidateNumber: c.candidateNumber, centreNumber: c.centreNumber, name });
}

/** Whether every line (or result) is of a released level (a loop, not `every` with a closure: it runs once per statement). */
function allReleased(lines: readonly { readonly level: QualificationLevel }[], allowed: readonly QualificationLevel[]): boolean {
  for (let i = 0; i < lines.length; i += 1) if (!allowed.includes(lines[i]!.level)) return false;
  return true;
}

/** Whether a read shows a line (or a result's line): a released level, and, where only a nomination opened the level, one of the nominated subjects. */
function isShown(ctx: ResultsContext, l: Pick<StatementLine, 'level' | 'awardingBodyId' | 'awardCode'>, allowed: readonly QualificationLevel[], scope: ResultsReadGrant['nominationScope']): boolean {
  return allowed.includes(l.level) && (!scope || !scope.levels.includes(l.level) || inNominatedSubjects(ctx, scope.subjects, l));
}

/**
 * A candidate's statement of results over the released levels: the lines of {@link statementLines} the read
 * released, and no other.
 *
 * @internal
 * @param ctx - the store's context
 * @param candidateId - the candidate
 * @param lines - every line of the candidate's statement ({@link statementLines})
 * @param grant - the read's decision
 * @param header - the candidate block ({@link statementHeader})
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], own: Result[], grant: Parameters<typeof statementFrom>[3];
 * statementFrom(ctx, 'C-1', statementLines(ctx, own, []), grant).lines.length; // 4
 * ```
 */
export function statementFrom(ctx: ResultsContext, candidateId: string, lines: readonly StatementLine[], grant: ResultsReadGrant, header: StatementOfResults['candidate'] = statementHeader(ctx, candidateId)): StatementOfResults {
  const scope = grant.nominationScope;
  const allowed = grant.allowed;
  let shown: StatementLine[];
  if (scope === undefined && allReleased(lines, allowed)) shown = lines.slice();
  // The released levels only; a nominated teacher sees their own subjects' lines only, in the levels the nomination opened.
  else shown = lines.filter((l) => isShown(ctx, l, allowed, scope));
  return statementWith(ctx, candidateId, shown, grant, header);
}

/**
 * A candidate's statement of results with the lines a read shows (already filtered: {@link releasedLines}).
 *
 * @internal
 * @param ctx - the store's context
 * @param candidateId - the candidate
 * @param shown - the lines the read shows, the statement's own list
 * @param grant - the read's decision
 * @param header - the candidate block ({@link statementHeader})
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], sorted: Result[], grant: Parameters<typeof statementFrom>[3];
 * statementWith(ctx, 'C-1', releasedLines(ctx, sorted, [], grant), grant, statementHeader(ctx, 'C-1')).provisional; // true
 * ```
 */
export function statementWith(ctx: ResultsContext, candidateId: string, shown: StatementLine[], grant: ResultsReadGrant, header: StatementOfResults['candidate']): StatementOfResults {
  return header
    ? { candidateId, candidate: header, seriesId: ctx.series.id, provisional: true, generatedAt: grant.at, lines: shown, withheld: grant.withheld }
    : { candidateId, seriesId: ctx.series.id, provisional: true, generatedAt: grant.at, lines: shown, withheld: grant.withheld };
}

/**
 * The matching report over the released levels: entries of those levels (or of no known level) against
 * the released results, using the index (linear in entries and results).
 *
 * @internal
 * @param ctx - the store's context
 * @param index - the results index
 * @param grant - the read's decision
 * @param submitted - the late cash-ins recorded as submitted
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], index: Parameters<typeof reconciliationFrom>[1], grant: Parameters<typeof statementFrom>[3];
 * reconciliationFrom(ctx, index, grant, []).lateCashIns.length; // 1
 * ```
 */
export function reconciliationFrom(ctx: ResultsContext, index: ResultsIndex, grant: ResultsReadGrant, submitted: readonly LateCashInSubmission[]): ResultsReconciliation {
  const set = new Set(grant.allowed);
  const entries = ctx.entries.filter((e) => {
    const level = entryLevel(ctx, index, e);
    return level === undefined || set.has(level);
  });
  const match = matchResults({ entries, results: released(index.all, grant.allowed), seriesId: ctx.series.id, qualifications: ctx.qualifications.filter((q) => set.has(q.level)) });
  // A submission shows only where its option's level is released to the reader (or the option is unknown).
  const lateCashInsSubmitted = submitted.filter((c) => {
    const level = ctx.optionOf(c.awardingBodyId, c.entryCode)?.level;
    return level === undefined || set.has(level);
  });
  return { ...match, seriesId: ctx.series.id, generatedAt: grant.at, levels: grant.allowed, withheld: grant.withheld, lateCashInsSubmitted };
}

/**
 * The results analysis over the released levels.
 *
 * @internal
 * @param ctx - the store's context
 * @param rs - the released results ({@link released})
 * @param grant - the read's decision
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], index: Parameters<typeof reconciliationFrom>[1], grant: Parameters<typeof statementFrom>[3];
 * analysisFrom(ctx, released(index.all, grant.allowed), grant).summary.graded; // 3
 * ```
 */
export function analysisFrom(ctx: ResultsContext, rs: readonly Result[], grant: ResultsReadGrant): ResultsAnalysisReport {
  return {
    seriesId: ctx.series.id,
    generatedAt: grant.at,
    levels: grant.allowed,
    summary: summaryOf(rs),
    subjects: analyseResults(rs, { qualifications: ctx.qualifications, ...(ctx.previousYear ? { previousYear: ctx.previousYear } : {}), ...(ctx.gradeOrder ? { gradeOrder: ctx.gradeOrder } : {}) }),
    withheld: grant.withheld,
  };
}

/**
 * The aggregate data of a press release over the released levels: cohorts and distributions only.
 *
 * @internal
 * @param ctx - the store's context
 * @param rs - the released results ({@link released})
 * @param grant - the read's decision
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], index: Parameters<typeof reconciliationFrom>[1], grant: Parameters<typeof statementFrom>[3];
 * pressReleaseFrom(ctx, released(index.all, grant.allowed), grant).subjects.map((s) => s.subject); // ['AQA-7402']
 * ```
 */
export function pressReleaseFrom(ctx: ResultsContext, rs: readonly Result[], grant: ResultsReadGrant): PressRelease {
  return {
    seriesId: ctx.series.id,
    generatedAt: grant.at,
    levels: grant.allowed,
    summary: summaryOf(rs),
    subjects: analyseResults(rs, { qualifications: ctx.qualifications, ...(ctx.gradeOrder ? { gradeOrder: ctx.gradeOrder } : {}) }).map((s) => ({ subject: s.subject, title: s.title, level: s.level, cohort: s.cohort, distribution: s.distribution })),
    withheld: grant.withheld,
  };
}

/**
 * A press release drafted by the exams office on restricted release day: the aggregates of
 * {@link pressReleaseFrom}, marked as a draft with when each level may be released to the press.
 *
 * @internal
 * @param ctx - the store's context
 * @param rs - the released results ({@link released})
 * @param grant - the read's decision (as exams office staff)
 * @param draftedBy - who drafted it
 * @param releasableFrom - when each level may go to the press (the pack's press gate)
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], rs: Result[], grant: Parameters<typeof statementFrom>[3], EO: Actor;
 * pressReleaseDraftFrom(ctx, rs, grant, EO, [{ level: 'GCE', at: '2026-08-13T09:30:00.000+01:00' }]).status; // 'draft'
 * ```
 */
export function pressReleaseDraftFrom(ctx: ResultsContext, rs: readonly Result[], grant: ResultsReadGrant, draftedBy: Actor, releasableFrom: PressReleaseDraft['releasableFrom']): PressReleaseDraft {
  return { ...pressReleaseFrom(ctx, rs, grant), status: 'draft', draftedBy, releasableFrom };
}

/**
 * When each level's results may go to the press, from the pack's press gate (`null` when it cannot say).
 *
 * @internal
 * @param ctx - the store's context
 * @param levels - the levels drafted
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0];
 * pressGateTimes(ctx, ['GCE']); // [{ level: 'GCE', at: '2026-08-13T09:30:00.000+01:00' }]
 * ```
 */
export function pressGateTimes(ctx: ResultsContext, levels: readonly QualificationLevel[]): { readonly level: QualificationLevel; readonly at: Instant | null }[] {
  return levels.map((level) => {
    try {
      return { level, at: ctx.rulesPack.resultsAccess({ audience: 'press', at: ctx.now(), series: ctx.series, level }).allowedFrom ?? null };
    } catch {
      // The pack cannot say when this level goes to the press: the draft says so with null.
      return { level, at: null };
    }
  });
}

/**
 * The levels an aggregate read decides: every level with results, and the series' release levels.
 *
 * @internal
 * @param ctx - the store's context
 * @param index - the results index
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof statementFrom>[0], index: Parameters<typeof reconciliationFrom>[1];
 * aggregateLevels(ctx, index); // ['GCE', 'GCSE', 'functional_skills']
 * ```
 */
export function aggregateLevels(ctx: ResultsContext, index: ResultsIndex): QualificationLevel[] {
  return [...new Set([...index.levels, ...ctx.releaseLevels()])].sort();
}
