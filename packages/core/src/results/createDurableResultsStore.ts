/**
 * The durable results store: the same reads, writes and decisions as {@link createResultsStore}, with its
 * state — results, nominations, third-party authorities, applied enquiry outcomes — and its audit log kept
 * in an {@link ExamcycleStore} under `{ tenant, centreNumber, machine: 'results', id: seriesId }`. Every
 * operation runs in one `store.transaction`: it loads what it needs, decides through the rules pack
 * ({@link decideResultsRead}, {@link decideNomination}, …), writes, and appends its audit line, so a read
 * is never answered without its line and a refusal is recorded before it is thrown.
 *
 * Records, one collection each: `candidates` (one record per candidate: their results and the enquiry
 * outcomes applied to them, so a statement loads one record), `nominations` (by staff id), `authorities`
 * (by candidate and third party) and `outcomes` (by enquiry id, so an outcome is applied once).
 */
import type { Outcome } from '../errors/Outcome.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';
import type { Actor, AuditEntry, AuditLine } from '../audit/auditTrail.js';
import type { QualificationLevel } from '../domain/qualification.js';
import type { Result } from '../domain/result.js';
import type { ExamSeries } from '../domain/series.js';
import { ExamcycleError, isExamcycleError } from '../errors/ExamcycleError.js';
import type { ExamcycleObserver } from '../observe/ExamcycleObserver.js';
import { notifyObserver } from '../observe/notifyObserver.js';
import type { ResultsAccessDecision } from '../rules/RulesPack.js';
import type { AuditRange, ExamcycleStore, StoreKey, StoreTransaction } from '../store/ExamcycleStore.js';
import type { Instant } from '../time/clock.js';
import { decideResultsRead, readAuditLine, resultsReadRequest, type ResultsReadGrant, type ResultsReadKind, type ResultsReadRequest, type ResultsRefusal } from './decideResultsRead.js';
import { checkGradeChange, checkResults, decideAuthority, decideGradeChange, decideLateCashIn, decideNomination, decideRevocation, isGradeChangeTarget, lateCashInKey, resultsReceivedLine } from './decideResultsWrite.js';
import { resultsContext } from './resultsContext.js';
import { resultsWriteGrants } from './resultsWriteGrants.js';
import { indexResults, type ResultsIndex } from './resultsIndex.js';
import { aggregateLevels, analysisFrom, pressGateTimes, pressReleaseDraftFrom, pressReleaseFrom, reconciliationFrom, released, statementFrom, statementLines } from './resultsReports.js';
import type {
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
  StatementOfResults,
  ThirdPartyAuthority,
} from './ResultsStore.js';

/**
 * Options for {@link createDurableResultsStore}: those of {@link createResultsStore} (results come in through
 * `addResults`, audited), and where to keep them.
 *
 * @example
 * ```ts
 * declare const clock: { now(): number };
 * const options: CreateDurableResultsStoreOptions = { store: createMemoryStore(), centreNumber: '12345', tenant: 'trust-a', rulesPack: jcq, series: examSeries('june', 2026), clock };
 * ```
 */
export interface CreateDurableResultsStoreOptions extends Omit<ResultsStoreOptions, 'results'> {
  /** Where the results store keeps its state and audit log. */
  readonly store: ExamcycleStore;
  /** The centre's five-digit number (part of the key). */
  readonly centreNumber: string;
  /** A tenant, e.g. a multi-academy trust; omitted for a single-tenant database. */
  readonly tenant?: string;
  /**
   * Hears of every read the store denies (`onReadDenied`), besides its audit line. A callback that throws is ignored.
   * @default none
   */
  readonly observer?: ExamcycleObserver;
}

/** A read's options. */
type ReadOptions = { readonly level?: QualificationLevel };

/**
 * A results store kept in an {@link ExamcycleStore}: the operations of {@link ResultsStore}, asynchronous, with
 * the same error rule — a refused read or write resolves to `{ ok: false, error }` (its audit line committed);
 * a programmer error, or a store that fails (`store_failed`, retryable), rejects.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore, clock: { now(): number }, staff: StaffMember[], rows: unknown[];
 * const results = await createDurableResultsStore({ store, centreNumber: '12345', rulesPack: jcq, series: examSeries('june', 2026), clock, staff });
 * await results.addResults(rows, { id: 'EO', role: 'exams_officer' }, 'a2c.edi');
 * const read = await results.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1');
 * if (!read.ok) read.error.code; // 'access_denied' before 08:00 on results day
 * (await results.audit()).at(-1)?.event; // 'results.read.statement'
 * ```
 */
export interface DurableResultsStore {
  readonly series: ExamSeries;
  /** Where the state and audit log live. */
  readonly key: StoreKey;
  /** The store's current instant. */
  now(): Instant;
  addResults(results: readonly unknown[], by: Actor, source?: string): Promise<Outcome<{ readonly added: number; readonly replaced: number; readonly issues: readonly ExamcycleIssue<'invalid_value'>[] }>>;
  nominate(request: NominationRequest): Promise<Outcome<Nomination>>;
  revokeNomination(request: { readonly staffId: string; readonly by: Actor }): Promise<Outcome<void>>;
  nominations(): Promise<readonly Nomination[]>;
  authoriseThirdParty(request: Parameters<ResultsStore['authoriseThirdParty']>[0]): Promise<Outcome<ThirdPartyAuthority>>;
  /** Records a submitted late cash-in (exams office only); see {@link ResultsStore.recordLateCashIn}. */
  recordLateCashIn(request: Parameters<ResultsStore['recordLateCashIn']>[0]): Promise<Outcome<LateCashInSubmission>>;
  statementOfResults(reader: ResultsReader, candidateId: string, options?: ReadOptions): Promise<Outcome<StatementOfResults>>;
  reconcile(reader: ResultsReader, options?: ReadOptions): Promise<Outcome<ResultsReconciliation>>;
  resultsAnalysis(reader: ResultsReader, options?: ReadOptions): Promise<Outcome<ResultsAnalysisReport>>;
  /** Whether a press release may go out now for a level; reads no results (and so is not audited). */
  pressReleaseGate(level: QualificationLevel): Promise<ResultsAccessDecision>;
  pressRelease(request: { readonly by: Actor; readonly level?: QualificationLevel }): Promise<Outcome<PressRelease>>;
  /** Drafts the press release (exams office only) from restricted release day; see {@link ResultsStore.draftPressRelease}. */
  draftPressRelease(request: { readonly by: Actor; readonly level?: QualificationLevel }): Promise<Outcome<PressReleaseDraft>>;
  applyEnquiryOutcome(change: EnquiryGradeChange, by: Actor): Promise<Outcome<AppliedGradeChange>>;
  /** The audit log: every read (allowed and denied), nomination and write, numbered by the store. */
  audit(range?: AuditRange): Promise<readonly AuditEntry[]>;
}

/** One candidate's record: their results of the series and the enquiry outcomes applied to them. */
interface CandidateRecord {
  readonly results: readonly Result[];
  readonly changes: readonly AppliedGradeChange[];
}

const COLLECTION = { candidates: 'candidates', nominations: 'nominations', authorities: 'authorities', outcomes: 'outcomes', lateCashIns: 'lateCashIns' } as const;

/** A refusal kept with its transaction; `programmerError` ones are thrown after it commits, the rest returned. */
type Refused = { readonly ok: false; readonly error: ExamcycleError; readonly programmerError?: true };
/** An outcome inside the store, whose refusal may be a programmer error (thrown, not returned). */
type Decided<T> = { readonly ok: true; readonly value: T } | Refused;

function authorityId(candidateId: string, thirdPartyId: string): string {
  return `${encodeURIComponent(candidateId)}/${encodeURIComponent(thirdPartyId)}`;
}

function candidateRecord(data: unknown): CandidateRecord {
  const d = data as Partial<CandidateRecord> | null;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.results) || !Array.isArray(d.changes)) {
    throw new ExamcycleError('store_failed', 'A stored candidate record of the results store is malformed');
  }
  return d as CandidateRecord;
}

/**
 * Opens the results store of a centre for a series, kept in an {@link ExamcycleStore}: reopening it (in
 * this process or another) sees the same results, nominations, authorities, applied outcomes and audit.
 *
 * @param options - the options of {@link createResultsStore} (without `results`), the store, the centre number and an optional tenant
 * @throws ExamcycleError `invalid_value` without a clock, a store or a five-digit centre number
 * @example
 * ```ts
 * declare const clock: { now(): number };
 * const store = createMemoryStore();
 * const results = await createDurableResultsStore({ store, centreNumber: '12345', rulesPack: jcq, series: examSeries('june', 2026), clock });
 * await results.nominate({ staffId: 'T-BIO', by: { id: 'HEAD', role: 'head_of_centre' }, reason: 'Head of biology', subjects: ['AQA-7402'] });
 * const again = await createDurableResultsStore({ store, centreNumber: '12345', rulesPack: jcq, series: examSeries('june', 2026), clock });
 * (await again.nominations()).map((n) => n.staffId); // ['T-BIO']
 * ```
 */
export async function createDurableResultsStore(options: CreateDurableResultsStoreOptions): Promise<DurableResultsStore> {
  const { store, centreNumber, tenant } = options;
  if (typeof store !== 'object' || store === null || typeof store.transaction !== 'function') {
    throw new ExamcycleError('invalid_value', 'createDurableResultsStore needs an ExamcycleStore (store)', { details: { option: 'store' } });
  }
  if (typeof centreNumber !== 'string' || !/^\d{5}$/.test(centreNumber)) {
    throw new ExamcycleError('invalid_value', 'A centre number is five digits', { details: { option: 'centreNumber', value: String(centreNumber) } });
  }
  const ctx = resultsContext(options, 'createDurableResultsStore');
  const { series } = ctx;
  const grants = resultsWriteGrants(options.rulesPack, series);
  const key: StoreKey = { ...(tenant !== undefined ? { tenant } : {}), centreNumber, machine: 'results', id: series.id };

  /** Runs `fn` in one transaction; a refusal's audit line is kept with the transaction and its error thrown after. */
  async function run<T>(fn: (tx: StoreTransaction) => Promise<Decided<T>>): Promise<Decided<T>> {
    let out: Decided<T>;
    try {
      out = await store.transaction(fn);
    } catch (cause) {
      if (isExamcycleError(cause)) throw cause;
      throw new ExamcycleError('store_failed', `The results store could not complete: ${cause instanceof Error ? cause.message : String(cause)}`, { cause, retryable: true });
    }
    if (!out.ok) {
      if (out.programmerError) throw out.error;
      return { ok: false, error: out.error };
    }
    return out;
  }
  /** The value of an operation that refuses nothing (a listing). */
  async function value<T>(out: Promise<Decided<T>>): Promise<T> {
    const o = await out;
    if (!o.ok) throw o.error;
    return o.value;
  }
  const append = (tx: StoreTransaction, line: AuditLine) => tx.appendAudit(key, [line]);
  async function refuse(tx: StoreTransaction, r: ResultsRefusal): Promise<Refused> {
    await append(tx, r.line);
    return r.programmerError ? { ok: false, error: r.error, programmerError: true } : { ok: false, error: r.error };
  }
  async function loadCandidates(tx: StoreTransaction, ids?: readonly string[]): Promise<Map<string, CandidateRecord>> {
    const rows = await tx.loadRecords(key, COLLECTION.candidates, ids);
    return new Map(rows.map((r) => [r.id, candidateRecord(r.data)]));
  }
  async function loadIndex(tx: StoreTransaction): Promise<ResultsIndex> {
    const records = await loadCandidates(tx);
    return indexResults(
      (function* () {
        for (const r of records.values()) yield* r.results;
      })(),
      series.id,
    );
  }

  /** Checks and decides a read inside a transaction, loading only what the decision needs. */
  async function read<T>(
    tx: StoreTransaction,
    kind: ResultsReadKind,
    reader: unknown,
    candidateId: unknown,
    opts: unknown,
    answer: (req: ResultsReadRequest, grant: ResultsReadGrant, data: { own?: CandidateRecord; index?: ResultsIndex; lateCashIns?: readonly LateCashInSubmission[] }) => { value: T; line: AuditLine },
  ): Promise<Decided<T>> {
    const t = ctx.nowMillis();
    const at = ctx.instantOf(t);
    const req = resultsReadRequest(ctx, kind, reader, candidateId, opts, at);
    const denied = (r: ResultsRefusal): Promise<Refused> => {
      const readerId = req.ok ? req.reader.id : r.line.by?.id;
      notifyObserver(options.observer, 'onReadDenied', { store: 'results', key: { ...key }, read: kind, code: r.error.code, reason: r.error.message, ...(r.error.rule !== undefined ? { rule: r.error.rule } : {}), ...(typeof readerId === 'string' ? { readerId } : {}) });
      return refuse(tx, r);
    };
    if (!req.ok) return denied(req);
    const nomination = req.reader.audience === 'centre_staff' ? ((await tx.loadRecords(key, COLLECTION.nominations, [req.reader.id]))[0]?.data as Partial<Nomination> | undefined) : undefined;
    const nominated = nomination !== undefined;
    // A nomination kept before nominations named subjects opens no subject.
    const nominatedSubjects = nominated ? (Array.isArray(nomination.subjects) ? nomination.subjects.filter((x): x is string => typeof x === 'string') : []) : undefined;
    const thirdParty = req.reader.audience === 'parent' || req.reader.audience === 'other_institution';
    const authorised = req.candidateId !== undefined && thirdParty && (await tx.loadRecords(key, COLLECTION.authorities, [authorityId(req.candidateId, req.reader.id)])).length > 0;
    let own: CandidateRecord | undefined;
    let index: ResultsIndex | undefined;
    let levels: QualificationLevel[];
    if (req.candidateId !== undefined) {
      own = (await loadCandidates(tx, [req.candidateId])).get(req.candidateId);
      levels = [...new Set((own?.results ?? []).filter((r) => r.seriesId === series.id).map((r) => r.level))].sort();
    } else {
      index = await loadIndex(tx);
      levels = aggregateLevels(ctx, index);
    }
    const ownResults = own?.results.filter((r) => r.seriesId === series.id);
    const grant = decideResultsRead(ctx, req, { nominated, authorised, levels, ...(nominatedSubjects ? { nominatedSubjects } : {}), ...(ownResults ? { own: ownResults } : {}) }, at, t);
    if (!grant.ok) return denied(grant);
    const lateCashIns = kind === 'reconcile' ? (await tx.loadRecords(key, COLLECTION.lateCashIns)).map((r) => r.data as LateCashInSubmission) : undefined;
    const { value, line } = answer(req, grant, { ...(own ? { own } : {}), ...(index ? { index } : {}), ...(lateCashIns ? { lateCashIns } : {}) });
    await append(tx, line);
    return { ok: true, value };
  }

  const write = <T>(decide: (at: Instant) => { ok: true; value: T; line: AuditLine } | ResultsRefusal, apply: (tx: StoreTransaction, value: T) => Promise<void>) =>
    run<T>(async (tx) => {
      const out = decide(ctx.now());
      if (!out.ok) return refuse(tx, out);
      await apply(tx, out.value);
      await append(tx, out.line);
      return { ok: true, value: out.value };
    });

  return {
    series,
    key,
    now: ctx.now,

    addResults(input, by, source = 'results') {
      return run<{ added: number; replaced: number; issues: readonly ExamcycleIssue<'invalid_value'>[] }>(async (tx) => {
        const at = ctx.now();
        const checked = checkResults(ctx, input, by, source, at, grants);
        if (!checked.ok) return refuse(tx, checked);
        const byCandidate = new Map<string, Result[]>();
        for (const r of checked.value.results) {
          const list = byCandidate.get(r.candidateId);
          if (list) list.push(r);
          else byCandidate.set(r.candidateId, [r]);
        }
        const stored = await loadCandidates(tx, [...byCandidate.keys()]);
        let added = 0;
        let replaced = 0;
        const records = [...byCandidate].map(([candidateId, incoming]) => {
          const before = stored.get(candidateId) ?? { results: [], changes: [] };
          const merged = new Map(before.results.map((r) => [r.id, r]));
          for (const r of incoming) {
            if (merged.has(r.id)) replaced += 1;
            else added += 1;
            merged.set(r.id, r);
          }
          return { id: candidateId, data: { results: [...merged.values()], changes: before.changes } satisfies CandidateRecord };
        });
        await tx.putRecords(key, COLLECTION.candidates, records);
        await append(tx, resultsReceivedLine(checked.value, at, source, { added, replaced }));
        return { ok: true, value: { added, replaced, issues: checked.value.issues } };
      });
    },

    nominate(request) {
      return write(
        (at) => decideNomination(ctx, request, at, grants),
        (tx, n) => tx.putRecords(key, COLLECTION.nominations, [{ id: n.staffId, data: n }]),
      );
    },

    async revokeNomination(request) {
      const out = await write(
        (at) => decideRevocation(ctx, request, at, grants),
        (tx, staffId) => tx.deleteRecords(key, COLLECTION.nominations, [staffId]),
      );
      return out.ok ? { ok: true, value: undefined } : out;
    },

    nominations() {
      return value(run(async (tx) => ({ ok: true, value: (await tx.loadRecords(key, COLLECTION.nominations)).map((r) => r.data as Nomination) })));
    },

    authoriseThirdParty(request) {
      return write(
        (at) => decideAuthority(ctx, request, at, grants),
        (tx, a) => tx.putRecords(key, COLLECTION.authorities, [{ id: authorityId(a.candidateId, a.thirdPartyId), data: a }]),
      );
    },

    recordLateCashIn(request) {
      return write(
        (at) => decideLateCashIn(ctx, request, at, grants),
        (tx, c) => tx.putRecords(key, COLLECTION.lateCashIns, [{ id: lateCashInKey(c), data: c }]),
      );
    },

    statementOfResults(reader, candidateId, opts) {
      return run((tx) =>
        read(tx, 'statement', reader, candidateId, opts, (req, grant, { own }) => {
          const id = req.candidateId!;
          const value = statementFrom(ctx, id, statementLines(ctx, (own?.results ?? []).filter((r) => r.seriesId === series.id), own?.changes ?? []), grant);
          return { value, line: readAuditLine(ctx, req, grant, { results: value.lines.length, resultIds: value.lines.map((l) => l.resultId) }) };
        }),
      );
    },

    reconcile(reader, opts) {
      return run((tx) =>
        read(tx, 'reconcile', reader, undefined, opts, (req, grant, { index, lateCashIns }) => ({
          value: reconciliationFrom(ctx, index!, grant, lateCashIns ?? []),
          line: readAuditLine(ctx, req, grant, { results: released(index!.all, grant.allowed).length }),
        })),
      );
    },

    resultsAnalysis(reader, opts) {
      return run((tx) =>
        read(tx, 'analysis', reader, undefined, opts, (req, grant, { index }) => {
          const rs = released(index!.all, grant.allowed);
          return { value: analysisFrom(ctx, rs, grant), line: readAuditLine(ctx, req, grant, { results: rs.length }) };
        }),
      );
    },

    async pressReleaseGate(level) {
      try {
        return ctx.rulesPack.resultsAccess({ audience: 'press', at: ctx.now(), series, level });
      } catch (cause) {
        throw new ExamcycleError('rule_unsupported', `The rules pack could not decide the press-release gate: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
    },

    pressRelease(request) {
      const r = (typeof request === 'object' && request !== null ? request : {}) as { by?: { id?: unknown }; level?: unknown };
      const reader = { audience: 'press', id: typeof r.by === 'object' && r.by !== null ? r.by.id : undefined };
      return run((tx) =>
        read(tx, 'pressRelease', reader, undefined, r.level === undefined ? {} : { level: r.level }, (req, grant, { index }) => {
          const rs = released(index!.all, grant.allowed);
          return { value: pressReleaseFrom(ctx, rs, grant), line: readAuditLine(ctx, req, grant, { results: rs.length, extra: { releasedBy: req.reader.id } }) };
        }),
      );
    },

    draftPressRelease(request) {
      const r = (typeof request === 'object' && request !== null ? request : {}) as { by?: { id?: unknown; role?: unknown }; level?: unknown };
      const by = typeof r.by === 'object' && r.by !== null ? r.by : {};
      const reader = { audience: 'centre_staff', id: by.id, ...(by.role !== undefined ? { role: by.role } : {}) };
      return run((tx) =>
        read(tx, 'pressReleaseDraft', reader, undefined, r.level === undefined ? {} : { level: r.level }, (req, grant, { index }) => {
          const rs = released(index!.all, grant.allowed);
          return { value: pressReleaseDraftFrom(ctx, rs, grant, req.by, pressGateTimes(ctx, grant.allowed)), line: readAuditLine(ctx, req, grant, { results: rs.length, extra: { draftedBy: req.reader.id } }) };
        }),
      );
    },

    applyEnquiryOutcome(change, by) {
      return run<AppliedGradeChange>(async (tx) => {
        const at = ctx.now();
        const checked = checkGradeChange(ctx, change, by, at, grants);
        if (!checked.ok) return refuse(tx, checked);
        const c = checked.value.change;
        const own = (await loadCandidates(tx, [c.candidateId])).get(c.candidateId);
        const target = own?.results.find((r) => isGradeChangeTarget(c, r));
        const already = (await tx.loadRecords(key, COLLECTION.outcomes, [c.enquiryId])).length > 0;
        const out = decideGradeChange(ctx, checked.value, target, already, at);
        if (!out.ok) return refuse(tx, out);
        const { applied, updated } = out.value;
        const data: CandidateRecord = { results: own!.results.map((r) => (r.id === updated.id ? updated : r)), changes: [...own!.changes, applied] };
        await tx.putRecords(key, COLLECTION.candidates, [{ id: c.candidateId, data }]);
        await tx.putRecords(key, COLLECTION.outcomes, [{ id: c.enquiryId, data: applied }]);
        await append(tx, out.line);
        return { ok: true, value: applied };
      });
    },

    audit(range) {
      return value(run(async (tx) => ({ ok: true, value: await tx.readAudit(key, range) })));
    },
  };
}
