/**
 * The results store of one centre for one series, in process. Results come in from the adapters; every
 * read of them (a statement of results, the matching report, the analysis, the press release) goes through
 * the rules pack's `resultsAccess` decision, level by level, and is written to the store's audit trail,
 * allowed or denied, with exactly what it returned. On restricted release day only the head of centre,
 * exams office staff and staff the pack lets a nomination open results to may read; candidates read their
 * own results from 08:00 on results day; the press and local authorities read aggregate data only, from
 * 09:30 (JCQ "Publication of results"; SecEd checklist). A teacher whom the head of centre nominated (with
 * a reason, for their own subjects) and whom only that nomination lets in reads those subjects' statement
 * lines and never the whole-centre reports; the exams office drafts the press release on restricted
 * release day and it is released from 09:30; late cash-ins are recorded as submitted. A denied read returns
 * `{ ok: false, error }` with an {@link ExamcycleError} `access_denied` naming the rule that decided; only a
 * programmer error (no identifiable reader, an argument of the wrong type) throws.
 *
 * Reads are built for results day: each candidate's results are put in statement order (and their ids joined
 * for the audit line) once per change to their results, and the pack's release decisions are kept per instant
 * window ({@link resultsContext}), so a read costs a few lookups, the decision, its lines and one audit line,
 * however many results and audit lines the store holds. The lines are built per read and belong to the caller:
 * the store keeps none of them once the caller lets go of the statement.
 * {@link createDurableResultsStore} is the durable twin: the same decisions ({@link decideResultsRead}), kept in an {@link ExamcycleStore}.
 */
import type { Outcome } from '../errors/Outcome.js';
import type { AuditEntry, AuditLine } from '../audit/auditTrail.js';
import type { QualificationLevel } from '../domain/qualification.js';
import type { Result } from '../domain/result.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { decideResultsRead, readAuditLine, resultsReadRequest, type ResultsReadKind, type ResultsReadRequest, type ResultsReadGrant, type ResultsRefusal } from './decideResultsRead.js';
import { checkGradeChange, checkResults, decideAuthority, decideGradeChange, decideLateCashIn, decideNomination, decideRevocation, isGradeChangeTarget, lateCashInKey, resultsReceivedLine, type ResultsWrite } from './decideResultsWrite.js';
import { resultsContext } from './resultsContext.js';
import { resultsWriteGrants } from './resultsWriteGrants.js';
import { indexResults, type ResultsIndex } from './resultsIndex.js';
import { aggregateLevels, analysisFrom, pressGateTimes, pressReleaseDraftFrom, pressReleaseFrom, reconciliationFrom, releasedLines, releasedOf, statementHeader, statementWith } from './resultsReports.js';
import { sortForStatement, type StatementOrder } from './statementOrder.js';
import type { AppliedGradeChange, LateCashInSubmission, Nomination, ResultsStore, ResultsStoreOptions, StatementOfResults, ThirdPartyAuthority } from './ResultsStore.js';

export type {
  AppliedGradeChange,
  EnquiryGradeChange,
  LateCashInSubmission,
  Nomination,
  NominationRequest,
  PressRelease,
  PressReleaseDraft,
  ResultsAnalysisReport,
  ResultsReader,
  ResultsReconciliation,
  ResultsStore,
  ResultsStoreOptions,
  ResultsSummary,
  StatementLine,
  StatementOfResults,
  ThirdPartyAuthority,
  WithheldLevel,
} from './ResultsStore.js';

const NO_CHANGES: readonly AppliedGradeChange[] = Object.freeze([]);

/** The ids of a statement's results, joined with commas (as `sorted.map((r) => r.id).join(',')`, without the mapped copy). */
const idBuffer: string[] = [];
function joinedIds(sorted: readonly Result[]): string {
  for (let i = 0; i < sorted.length; i += 1) idBuffer[i] = sorted[i]!.id;
  idBuffer.length = sorted.length;
  const ids = idBuffer.join(',');
  idBuffer.length = 0;
  return ids;
}

/** The candidate's results in statement order: the index's own list when it is already in that order, else a sorted copy. */
function inStatementOrder(own: readonly Result[], order: StatementOrder): readonly Result[] {
  const sorted = sortForStatement(own, order);
  for (let i = 0; i < own.length; i += 1) if (sorted[i] !== own[i]) return sorted;
  return own;
}

/**
 * What a statement of one candidate reads, built at their first read after a change and kept until the next:
 * the results, not their lines. Each read builds the lines it shows, so they are the caller's alone and die
 * with the caller's statement; the store keeps only what every later read shares.
 */
interface StatementRow {
  /** The candidate's results of the series, in statement order. */
  readonly own: readonly Result[];
  /** The levels they have results in, sorted: the levels a statement decides. */
  readonly levels: readonly QualificationLevel[];
  /** The enquiry outcomes applied to their results, in the order applied (usually none). */
  readonly changes: readonly AppliedGradeChange[];
  /** Every result's id in statement order, joined for the audit line of a statement that shows them all. */
  readonly ids: string;
  readonly header: StatementOfResults['candidate'];
}

/**
 * Creates a results store for one series: results in, every read checked by the rules pack and audited.
 *
 * @param options - the rules pack, the series, a clock (or `now`), and the centre's data
 * @throws ExamcycleError `invalid_value` without a clock or `now`
 * @example
 * ```ts
 * declare const clock: { now(): number };
 * declare const results: Result[], entries: Entry[], candidates: Candidate[];
 * const store = createResultsStore({ rulesPack: jcq, series: examSeries('june', 2026), clock, results, entries, candidates });
 * store.nominate({ staffId: 'T-9', by: { id: 'HEAD', role: 'head_of_centre' }, reason: 'Head of biology', subjects: ['AQA-7402'] });
 * const read = store.statementOfResults({ audience: 'candidate', id: 'C-0001' }, 'C-0001');
 * if (read.ok) read.value.lines; // else read.error.code: 'access_denied' before 08:00 on results day
 * ```
 */
export function createResultsStore(options: ResultsStoreOptions): ResultsStore {
  const ctx = resultsContext(options);
  const { series, rulesPack } = ctx;
  const grants = resultsWriteGrants(options.rulesPack, series);
  const results = new Map<string, Result>();
  for (const r of options.results ?? []) results.set(r.id, r);
  const nominations = new Map<string, Nomination>();
  const authorities = new Set<string>();
  const lateCashIns = new Map<string, LateCashInSubmission>();
  const changes: AppliedGradeChange[] = [];
  const changesByResult = new Map<string, AppliedGradeChange[]>();
  // Appended in place (a read costs the same however long the trail is); `audit()` hands out a copy.
  const trail: AuditEntry[] = [];
  let index: ResultsIndex | undefined;
  // Per candidate, built at the first statement after a change (cleared with the index).
  const rows = new Map<string, StatementRow>();
  const headers = new Map<string, StatementOfResults['candidate']>();
  // The one-level lists of `levelsOf`, shared by every row of that level (rows only read them).
  const singleLevels = new Map<QualificationLevel, readonly QualificationLevel[]>();

  /** The levels a candidate has results in, sorted; one shared list per level for the usual candidate with one level. */
  const levelsOf = (own: readonly Result[]): readonly QualificationLevel[] => {
    const first = own[0]?.level;
    let i = 1;
    while (i < own.length && own[i]!.level === first) i += 1;
    if (first !== undefined && i === own.length) {
      let one = singleLevels.get(first);
      if (one === undefined) singleLevels.set(first, (one = Object.freeze([first])));
      return one;
    }
    const levels: QualificationLevel[] = [];
    for (const r of own) if (!levels.includes(r.level)) levels.push(r.level);
    return levels.sort();
  };

  const indexed = (): ResultsIndex => (index ??= indexResults(results.values(), series.id));
  const changed = (): void => {
    index = undefined;
    rows.clear();
  };
  const rowOf = (candidateId: string): StatementRow => {
    let row = rows.get(candidateId);
    if (row === undefined) {
      const ix = indexed();
      const own = inStatementOrder(ix.byCandidate.get(candidateId) ?? [], ix.order());
      let header = headers.get(candidateId);
      if (header === undefined && ctx.candidateById.has(candidateId)) headers.set(candidateId, (header = statementHeader(ctx, candidateId)));
      row = { own, levels: levelsOf(own), changes: changesByResultOf(candidateId), ids: joinedIds(own), header };
      // Kept for candidates the store knows; an id with no results and no record (a typo, a probe) is not remembered.
      if (own.length > 0 || header !== undefined) rows.set(candidateId, row);
    }
    return row;
  };
  const record = (line: AuditLine): void => {
    trail.push({ seq: trail.length + 1, ...line });
  };
  /** An answered read's line, built field by field (no spread: one per read). */
  const recordRead = (line: AuditLine): void => {
    trail.push({ seq: trail.length + 1, at: line.at, by: line.by!, event: line.event, from: line.from, to: line.to, outcome: line.outcome, details: line.details! });
  };
  // Refusals of user data and events are returned as `{ ok: false, error }`; a call a type would have refused throws.
  const refusals = new WeakSet<object>();
  const refuse = (r: ResultsRefusal): never => {
    record(r.line);
    if (r.programmerError !== true) refusals.add(r.error);
    throw r.error;
  };
  /** A refusal the store threw, as `{ ok: false, error }`; anything else (a programmer error, a bug) is thrown on. */
  function refusalOutcome(e: unknown): { ok: false; error: ExamcycleError } {
    if (typeof e === 'object' && e !== null && refusals.has(e)) return { ok: false, error: e as ExamcycleError };
    throw e;
  }
  function outcome<T>(run: () => T): Outcome<T> {
    try {
      return { ok: true, value: run() };
    } catch (e) {
      return refusalOutcome(e);
    }
  }
  const keep = <T>(w: ResultsWrite<T> | ResultsRefusal): T => {
    if (!w.ok) return refuse(w);
    record(w.line);
    return w.value;
  };
  const authorityKey = (candidateId: string, thirdPartyId: string) => `${candidateId}\u0000${thirdPartyId}`;

  /** Checks and decides a read; returns the request, the grant and (for a statement) the candidate's row, or records and throws the refusal. */
  function read(kind: ResultsReadKind, reader: unknown, candidateId: unknown, opts: unknown): { req: ResultsReadRequest; grant: ResultsReadGrant; row: StatementRow | undefined } {
    const t = ctx.nowMillis();
    const at = ctx.instantOf(t);
    const req = resultsReadRequest(ctx, kind, reader, candidateId, opts, at);
    if (!req.ok) return refuse(req);
    const row = req.candidateId !== undefined ? rowOf(req.candidateId) : undefined;
    const nomination = req.reader.audience === 'centre_staff' ? nominations.get(req.reader.id) : undefined;
    const authorised = req.candidateId !== undefined && (req.reader.audience === 'parent' || req.reader.audience === 'other_institution') && authorities.has(authorityKey(req.candidateId, req.reader.id));
    const levels = row ? row.levels : aggregateLevels(ctx, indexed());
    const facts = nomination
      ? row
        ? { nominated: true, nominatedSubjects: nomination.subjects, own: row.own, authorised, levels }
        : { nominated: true, nominatedSubjects: nomination.subjects, authorised, levels }
      : row
        ? { nominated: false, own: row.own, authorised, levels }
        : { nominated: false, authorised, levels };
    const grant = decideResultsRead(ctx, req, facts, at, t);
    if (!grant.ok) return refuse(grant);
    return { req, grant, row };
  }

  return {
    series,
    now: ctx.now,

    addResults(input, by, source = 'results') {
      return outcome(() => {
        const at = ctx.now();
        const checked = checkResults(ctx, input, by, source, at, grants);
        if (!checked.ok) return refuse(checked);
        let added = 0;
        let replaced = 0;
        for (const r of checked.value.results) {
          // One hash lookup per result: a new id grows the map, a known one replaces its result in place.
          const size = results.size;
          results.set(r.id, r);
          if (results.size === size) replaced += 1;
          else added += 1;
        }
        changed();
        record(resultsReceivedLine(checked.value, at, source, { added, replaced }));
        return { added, replaced, issues: checked.value.issues };
      });
    },

    nominate(request) {
      return outcome(() => {
        const nomination = keep(decideNomination(ctx, request, ctx.now(), grants));
        nominations.set(nomination.staffId, nomination);
        return nomination;
      });
    },

    revokeNomination(request) {
      return outcome(() => {
        nominations.delete(keep(decideRevocation(ctx, request, ctx.now(), grants)));
      });
    },

    nominations() {
      return [...nominations.values()];
    },

    authoriseThirdParty(request) {
      return outcome(() => {
        const authority: ThirdPartyAuthority = keep(decideAuthority(ctx, request, ctx.now(), grants));
        authorities.add(authorityKey(authority.candidateId, authority.thirdPartyId));
        return authority;
      });
    },

    recordLateCashIn(request) {
      return outcome(() => {
        const submission = keep(decideLateCashIn(ctx, request, ctx.now(), grants));
        lateCashIns.set(lateCashInKey(submission), submission);
        return submission;
      });
    },

    statementOfResults(reader, candidateId, opts) {
      // No closure per read (`outcome` takes one): the read is a named function, its refusal handled here.
      try {
        return { ok: true, value: statementOf(reader, candidateId, opts) };
      } catch (e) {
        return refusalOutcome(e);
      }
    },

    reconcile(reader, opts) {
      return outcome(() => {
        const { req, grant } = read('reconcile', reader, undefined, opts);
        const report = reconciliationFrom(ctx, indexed(), grant, [...lateCashIns.values()]);
        record(readAuditLine(ctx, req, grant, { results: releasedOf(indexed(), grant.allowed).length }));
        return report;
      });
    },

    resultsAnalysis(reader, opts) {
      return outcome(() => {
        const { req, grant } = read('analysis', reader, undefined, opts);
        const rs = releasedOf(indexed(), grant.allowed);
        const report = analysisFrom(ctx, rs, grant);
        record(readAuditLine(ctx, req, grant, { results: rs.length }));
        return report;
      });
    },

    pressReleaseGate(level) {
      try {
        return rulesPack.resultsAccess({ audience: 'press', at: ctx.now(), series, level });
      } catch (cause) {
        throw new ExamcycleError('rule_unsupported', `The rules pack could not decide the press-release gate: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
    },

    pressRelease(request) {
      return outcome(() => {
        const r = (typeof request === 'object' && request !== null ? request : {}) as { by?: { id?: unknown }; level?: unknown };
        const reader = { audience: 'press', id: typeof r.by === 'object' && r.by !== null ? r.by.id : undefined };
        const { req, grant } = read('pressRelease', reader, undefined, r.level === undefined ? {} : { level: r.level });
        const rs = releasedOf(indexed(), grant.allowed);
        const report = pressReleaseFrom(ctx, rs, grant);
        record(readAuditLine(ctx, req, grant, { results: rs.length, extra: { releasedBy: req.reader.id } }));
        return report;
      });
    },

    draftPressRelease(request) {
      return outcome(() => {
        const r = (typeof request === 'object' && request !== null ? request : {}) as { by?: { id?: unknown; role?: unknown }; level?: unknown };
        const by = typeof r.by === 'object' && r.by !== null ? r.by : {};
        const reader = { audience: 'centre_staff', id: by.id, ...(by.role !== undefined ? { role: by.role } : {}) };
        const { req, grant } = read('pressReleaseDraft', reader, undefined, r.level === undefined ? {} : { level: r.level });
        const rs = releasedOf(indexed(), grant.allowed);
        const report = pressReleaseDraftFrom(ctx, rs, grant, req.by, pressGateTimes(ctx, grant.allowed));
        record(readAuditLine(ctx, req, grant, { results: rs.length, extra: { draftedBy: req.reader.id } }));
        return report;
      });
    },

    applyEnquiryOutcome(change, by) {
      return outcome(() => {
        const at = ctx.now();
        const checked = checkGradeChange(ctx, change, by, at, grants);
        if (!checked.ok) return refuse(checked);
        const c = checked.value.change;
        const target = c.resultId ? results.get(c.resultId) : (indexed().byCandidate.get(c.candidateId) ?? []).find((r) => isGradeChangeTarget(c, r));
        const out = keep(decideGradeChange(ctx, checked.value, target, changes.some((x) => x.enquiryId === c.enquiryId), at));
        results.set(out.updated.id, out.updated);
        changed();
        changes.push(out.applied);
        const list = changesByResult.get(out.applied.resultId);
        if (list) list.push(out.applied);
        else changesByResult.set(out.applied.resultId, [out.applied]);
        return out.applied;
      });
    },

    audit() {
      return trail.slice();
    },
  };

  /** A statement of results: decided, its lines built from the candidate's row, and audited (or the refusal recorded and thrown). */
  function statementOf(reader: unknown, candidateId: unknown, opts: unknown): StatementOfResults {
    const { req, grant, row } = read('statement', reader, candidateId, opts);
    const { own, changes, ids, header } = row!;
    const lines = releasedLines(ctx, own, changes, grant);
    // Every line shown (the usual read): the ids joined once per change, not once per read.
    recordRead(readAuditLine(ctx, req, grant, { results: lines.length, resultIds: lines.length === own.length ? ids : lines.map((l) => l.resultId) }));
    return statementWith(ctx, req.candidateId!, lines, grant, header);
  }

  function changesByResultOf(candidateId: string): readonly AppliedGradeChange[] {
    // No enquiry outcome applied yet (results day): nothing to look up per result.
    if (changesByResult.size === 0) return NO_CHANGES;
    const own = indexed().byCandidate.get(candidateId) ?? [];
    return own.flatMap((r) => changesByResult.get(r.id) ?? []);
  }
}
