/**
 * The checks' hot path for entries, the subject a national series has millions of: a hand-rolled reader that
 * takes an entry only when every field is plainly of the shape the zod entry schema accepts (anything in doubt
 * goes through zod, which says what is wrong), reads it into a facts object the caller may reuse, and a compact
 * store of the facts of the entries that made findings, so each finding's explanation can be worked out later
 * from the facts as they were, without a facts object per entry kept alive until then.
 */
import { entryStatusSchema, isExamcycleError, isValidUci, type CheckFacts, type EntryStatus, type KeyDate } from '@examcycle/core';
import { epochMsOf, offsetInstantMs } from './epochMsOf.js';

/** The entry deadlines of a series, in epoch ms, as the rules read them (`deadlines.entryDeadlineMs`). */
export interface EntryDeadlines {
  readonly entryDeadlineMs: number | undefined;
  readonly veryLateDeadlineMs: number | undefined;
}

/** A candidate's UCI, as the rules read it (`candidate.hasUci`, `candidate.uciValid`). */
interface UciState {
  readonly hasUci: boolean;
  readonly uciValid: boolean;
}

/**
 * An entry's facts as the rules read them. Mutable: a run of the checks reads every entry into one.
 *
 * @internal
 */
export interface EntryFacts {
  readonly subject: { readonly kind: 'entry'; id: string };
  readonly entry: { status: EntryStatus; identityVerified: boolean; submittedAtMs: number | undefined; withdrawnAtMs: number | undefined };
  deadlines: EntryDeadlines;
  candidate: UciState;
}

let deadlineCache: WeakMap<readonly KeyDate[], EntryDeadlines> | undefined;

/**
 * The entry deadlines of a series in epoch ms, worked out once per key-date list.
 *
 * @internal
 * @param keyDates - the series' key dates
 */
export function deadlinesOf(keyDates: readonly KeyDate[]): EntryDeadlines {
  deadlineCache ??= new WeakMap();
  let found = deadlineCache.get(keyDates);
  if (found === undefined) {
    const at = (kind: KeyDate['kind']) => {
      const k = keyDates.find((x) => x.kind === kind);
      return k === undefined ? undefined : epochMsOf(k.at);
    };
    found = Object.freeze({ entryDeadlineMs: at('entry_deadline'), veryLateDeadlineMs: at('very_late_deadline') });
    deadlineCache.set(keyDates, found);
  }
  return found;
}

// The three states of a candidate's UCI, shared (and frozen) rather than built per entry; a record keeps the index.
const NO_UCI: UciState = /* @__PURE__ */ Object.freeze({ hasUci: false, uciValid: false });
const VALID_UCI: UciState = /* @__PURE__ */ Object.freeze({ hasUci: true, uciValid: true });
const INVALID_UCI: UciState = /* @__PURE__ */ Object.freeze({ hasUci: true, uciValid: false });
const UCI_STATES: readonly UciState[] = [NO_UCI, VALID_UCI, INVALID_UCI];

const STATUSES: readonly EntryStatus[] = entryStatusSchema.options;
const STATUS_INDEX: ReadonlyMap<unknown, number> = /* @__PURE__ */ new Map<unknown, number>(STATUSES.map((s, i) => [s, i]));
const NO_DEADLINES: EntryDeadlines = /* @__PURE__ */ Object.freeze({ entryDeadlineMs: undefined, veryLateDeadlineMs: undefined });

/**
 * What one run of the checks remembers between entries: the deadlines of each series it has met (and the last
 * one, as a candidate's entries are usually of one series) and the last UCI it checked (a candidate's entries
 * arrive together).
 *
 * @internal
 */
export interface EntryMemo {
  /** The deadlines of each series met, in the order met; `seriesIndex` finds a series' place in it. */
  readonly deadlines: EntryDeadlines[];
  readonly seriesIndex: Map<string, number>;
  lastSeriesId: string | undefined;
  lastSeries: number;
  lastUci: string | undefined;
  lastUciValid: boolean;
  /** The status, UCI state and series of the entry read last, by index: what {@link EntryFactsRecords.keep} records. */
  status: number;
  uci: number;
  series: number;
}

/**
 * A fresh memo for one run of the checks.
 *
 * @internal
 */
export function entryMemo(): EntryMemo {
  return { deadlines: [], seriesIndex: new Map(), lastSeriesId: undefined, lastSeries: -1, lastUci: undefined, lastUciValid: false, status: 0, uci: 0, series: 0 };
}

/**
 * A facts object to read entries into: the shape {@link readEntry} fills, so every entry's facts share one
 * hidden class.
 *
 * @internal
 */
export function emptyEntryFacts(): EntryFacts {
  return {
    subject: { kind: 'entry', id: '' },
    entry: { status: 'draft', identityVerified: false, submittedAtMs: undefined, withdrawnAtMs: undefined },
    deadlines: NO_DEADLINES,
    candidate: NO_UCI,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The epoch ms of an optional instant the entry schema accepts; `undefined` when absent, `NaN` when zod would refuse it. */
function optionalInstantMs(value: unknown): number | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? offsetInstantMs(value) : Number.NaN;
}

/** A series' place in `memo.deadlines`, or -1 for one the pack has no key dates for (zod's path reports it). */
function seriesOf(seriesId: string, keyDatesOf: (seriesId: string) => readonly KeyDate[], memo: EntryMemo): number {
  if (seriesId === memo.lastSeriesId) return memo.lastSeries;
  let index = memo.seriesIndex.get(seriesId);
  if (index === undefined) {
    let deadlines: EntryDeadlines;
    try {
      deadlines = deadlinesOf(keyDatesOf(seriesId));
    } catch (error) {
      if (isExamcycleError(error)) return -1;
      throw error;
    }
    index = memo.deadlines.push(deadlines) - 1;
    memo.seriesIndex.set(seriesId, index);
  }
  memo.lastSeriesId = seriesId;
  memo.lastSeries = index;
  return index;
}

/** The index in {@link UCI_STATES} of a candidate's UCI state; -1 when zod would refuse the candidate. */
function uciState(candidate: unknown, memo: EntryMemo): number {
  if (candidate === undefined) return 0;
  if (!isObject(candidate)) return -1;
  const uci = candidate['uci'];
  if (uci === undefined) return 0;
  if (typeof uci !== 'string') return -1;
  if (uci.length === 0) return 0;
  if (memo.lastUci !== uci) {
    memo.lastUci = uci;
    memo.lastUciValid = isValidUci(uci);
  }
  return memo.lastUciValid ? 1 : 2;
}

/**
 * Reads an entry's facts into `into` when every field is plainly of the shape the zod entry schema accepts
 * (a subset of what zod accepts, so the facts are the same) and its series is one the pack knows; `false`
 * sends the entry through zod, for its facts or its issues. Allocates nothing.
 *
 * @internal
 * @param input - the caller's facts, of subject kind `entry`
 * @param keyDatesOf - the pack's key dates by series id
 * @param memo - from {@link entryMemo}, one per run
 * @param into - where the facts go (from {@link emptyEntryFacts})
 */
export function readEntry(input: CheckFacts, keyDatesOf: (seriesId: string) => readonly KeyDate[], memo: EntryMemo, into: EntryFacts): boolean {
  const subject = input.subject as unknown;
  const entry = input['entry'];
  if (!isObject(subject) || !isObject(entry)) return false;
  const id = subject['id'];
  const seriesId = entry['seriesId'];
  const status = STATUS_INDEX.get(entry['status']);
  const identityVerified = entry['identityVerified'];
  if (typeof id !== 'string' || id.length === 0 || typeof seriesId !== 'string' || status === undefined) return false;
  if (identityVerified !== undefined && typeof identityVerified !== 'boolean') return false;
  const submittedAtMs = optionalInstantMs(entry['submittedAt']);
  const withdrawnAtMs = optionalInstantMs(entry['withdrawnAt']);
  if (Number.isNaN(submittedAtMs) || Number.isNaN(withdrawnAtMs)) return false;
  const candidate = uciState(input['candidate'], memo);
  if (candidate === -1) return false;
  const series = seriesOf(seriesId, keyDatesOf, memo);
  if (series === -1) return false;
  into.subject.id = id;
  const e = into.entry;
  e.status = STATUSES[status]!;
  e.identityVerified = identityVerified ?? false;
  e.submittedAtMs = submittedAtMs;
  e.withdrawnAtMs = withdrawnAtMs;
  into.deadlines = memo.deadlines[series]!;
  into.candidate = UCI_STATES[candidate]!;
  memo.status = status;
  memo.uci = candidate;
  memo.series = series;
  return true;
}

/**
 * The facts of the entries that made findings, kept compactly: two instants in a `Float64Array`, the status,
 * identity, UCI state and series in an `Int32Array` (no pointers, so nothing for the garbage collector to trace). A record is kept when
 * an entry makes its first finding and turned back into facts when a finding's explanation is first read.
 *
 * @internal
 */
export class EntryFactsRecords {
  #instants = new Float64Array(512);
  #flags = new Int32Array(256);
  readonly #memo: EntryMemo;
  #count = 0;

  /** Records of the entries read with `memo` (whose series list they refer to). */
  constructor(memo: EntryMemo) {
    this.#memo = memo;
  }

  /** Keeps the facts {@link readEntry} last read into `facts` (their values, not the object); returns the record's number. */
  keep(facts: EntryFacts): number {
    const record = this.#count;
    if (record === this.#flags.length) {
      const instants = new Float64Array(this.#instants.length * 2);
      instants.set(this.#instants);
      this.#instants = instants;
      const flags = new Int32Array(this.#flags.length * 2);
      flags.set(this.#flags);
      this.#flags = flags;
    }
    const e = facts.entry;
    // NaN marks an absent instant: a present one is never NaN (the reader refuses those).
    this.#instants[record * 2] = e.submittedAtMs ?? Number.NaN;
    this.#instants[record * 2 + 1] = e.withdrawnAtMs ?? Number.NaN;
    const memo = this.#memo;
    this.#flags[record] = memo.status | (e.identityVerified ? 16 : 0) | (memo.uci << 5) | (memo.series << 8);
    this.#count = record + 1;
    return record;
  }

  /** The facts of a record as a fresh object, about `subject`. */
  factsAt(record: number, subject: { readonly kind: 'entry'; readonly id: string }): EntryFacts {
    const submitted = this.#instants[record * 2]!;
    const withdrawn = this.#instants[record * 2 + 1]!;
    const flags = this.#flags[record]!;
    return {
      subject: { kind: subject.kind, id: subject.id },
      entry: {
        status: STATUSES[flags & 15]!,
        identityVerified: (flags & 16) !== 0,
        submittedAtMs: Number.isNaN(submitted) ? undefined : submitted,
        withdrawnAtMs: Number.isNaN(withdrawn) ? undefined : withdrawn,
      },
      deadlines: this.#memo.deadlines[flags >>> 8]!,
      candidate: UCI_STATES[(flags >> 5) & 3]!,
    };
  }
}
