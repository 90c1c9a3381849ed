/**
 * The centre timetable: the awarding bodies' timetabled papers that the centre's candidates are entered
 * for, by session, and each candidate's personal timetable. An entry links to papers through its awarding
 * body, series and component codes; withdrawn and rejected entries sit nothing. Every sitting carries the
 * candidate's allowed minutes (extra time and rest breaks included), so clash limits see real durations.
 */
import type { AccessArrangement, AccessArrangementKind } from '../domain/accessArrangement.js';
import type { Candidate } from '../domain/candidate.js';
import type { Entry } from '../domain/entry.js';
import type { Session, TimetabledPaper } from '../domain/paper.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';
import type { CalendarDate, Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { publishedStartMillis } from './publishedStart.js';
import { EXAM_TIME_LIMITS } from './examTimeLimits.js';
import { allowedMinutes, arrangementKindsOf, arrangementNumberProblem, timeAllowanceOf, type TimeAllowance } from './timeAllowance.js';

/**
 * How a paper is assessed (written, practical, on screen).
 *
 * @example
 * ```ts
 * const kind: PaperKind = 'on_screen';
 * ```
 */
export type PaperKind = TimetabledPaper['kind'];

/**
 * One candidate sitting one timetabled paper: the awarding body's paper (shared by every sitting of it), and what is
 * the candidate's own — their entry, their allowed minutes, their access arrangements, and where and when they sit it
 * (the published slot unless a clash resolution moved it).
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const sitting: CandidateSitting | undefined = timetable.candidates[0]?.sittings[0];
 * sitting && `${sitting.date} ${sitting.startTime} ${sitting.paper.title} (${sitting.allowedMinutes} min)`;
 * ```
 */
export interface CandidateSitting {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly entryId: string;
  /** The paper's id (`paper.id`). */
  readonly paperId: string;
  /**
   * The awarding body's timetabled paper, as given to {@link buildCentreTimetable}: its series, awarding body,
   * component code, title, level, kind, published slot and published duration. One object, shared by every sitting
   * of the paper; read it, never change it.
   */
  readonly paper: TimetabledPaper;
  /** Where the candidate sits it: the published date unless {@link CandidateSitting.variation} moved it. */
  readonly date: CalendarDate;
  readonly session: Session;
  /** The start, `HH:mm` London time: the published start unless the sitting was moved. */
  readonly startTime: string;
  /** The start as an instant. */
  readonly startsAt: Instant;
  /** The candidate's allowed minutes: the paper's published duration plus extra time and rest breaks. */
  readonly allowedMinutes: number;
  /** The candidate's access-arrangement kinds (for rooming and the seating plan). */
  readonly arrangementKinds: readonly AccessArrangementKind[];
  /**
   * How the candidate's sitting differs from the published timetable after a clash resolution was applied
   * ({@link applyClashResolution}); absent when the paper is sat as published. `date`, `session`,
   * `startTime` and `startsAt` above are where the candidate actually sits it.
   */
  readonly variation?: SittingVariation;
}

/**
 * A candidate's sitting changed by an applied clash resolution.
 *
 * @example
 * ```ts
 * declare const sitting: CandidateSitting;
 * const v: SittingVariation | undefined = sitting.variation;
 * v && `${v.kind}, published ${v.published.date} ${v.published.session}`;
 * ```
 */
export interface SittingVariation {
  /** The clash it resolves (`<candidateId>.<date>.<AM|PM|day>`). */
  readonly clashId: string;
  /**
   * `consecutive_in_session`: sat in its published session, one after the other with a supervised break;
   * `move_to_other_session`: moved to the other session of the same day; `overnight_supervision`: deferred to
   * the next morning (or an afternoon freed by it) under overnight supervision.
   */
  readonly kind: 'consecutive_in_session' | 'move_to_other_session' | 'overnight_supervision';
  /** The awarding body's published slot of the paper. */
  readonly published: { readonly date: CalendarDate; readonly session: Session; readonly startTime: string; readonly startsAt: Instant };
  /** Consecutive sitting: this paper's place in the sitting order (1 first). */
  readonly order?: number;
  /** Conditions the centre must keep (supervision, question paper security), as the resolution lists them. */
  readonly conditions: readonly string[];
}

/**
 * One session (a date's morning or afternoon) of the centre timetable.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const session: TimetableSession | undefined = timetable.sessions.find((s) => s.key === '2026-06-01.AM');
 * session?.paperIds.length;
 * ```
 */
export interface TimetableSession {
  /** `YYYY-MM-DD.AM` or `YYYY-MM-DD.PM`. */
  readonly key: string;
  readonly date: CalendarDate;
  readonly session: Session;
  /** Papers sat in the session, by published start then id. */
  readonly paperIds: readonly string[];
  /** Every sitting in the session, by paper then candidate number. */
  readonly sittings: readonly CandidateSitting[];
  /** Distinct candidates in the session. */
  readonly candidateCount: number;
}

/**
 * A candidate on the centre timetable, with their personal timetable.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const c: TimetableCandidate | undefined = timetable.candidates.find((x) => x.candidateNumber === '0042');
 * c?.allowance.extraTimePercent;
 * ```
 */
export interface TimetableCandidate {
  readonly candidate: Candidate;
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly allowance: TimeAllowance;
  readonly arrangementKinds: readonly AccessArrangementKind[];
  /** The candidate's live entries (not withdrawn or rejected): the entry records given, in id order. */
  readonly entries: readonly Entry[];
  /** The candidate's sittings in time order (start, then paper id). */
  readonly sittings: readonly CandidateSitting[];
}

/**
 * The codes {@link buildCentreTimetable} reports.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const nea: TimetableIssueCode = 'component_not_timetabled';
 * timetable.issues.filter((i) => i.code !== nea).map((i) => i.message);
 * ```
 */
export type TimetableIssueCode = 'unknown_candidate' | 'no_components' | 'component_not_timetabled' | 'duplicate_paper' | 'duplicate_sitting' | 'duplicate_candidate' | 'invalid_paper' | 'invalid_arrangement';

/**
 * The centre timetable.
 *
 * @example
 * ```ts
 * declare const input: CentreTimetableInput;
 * const timetable: CentreTimetable = buildCentreTimetable(input);
 * timetable.issues.filter((i) => i.severity === 'error');
 * ```
 */
export interface CentreTimetable {
  /** Papers with at least one candidate, by date, session, start and id. */
  readonly papers: readonly TimetabledPaper[];
  /** Sessions with at least one sitting, in time order. */
  readonly sessions: readonly TimetableSession[];
  /** Candidates with at least one live entry, by candidate number. */
  readonly candidates: readonly TimetableCandidate[];
  /**
   * What could not be placed, and why (a component with no timetabled paper is usually NEA): `error` when a paper,
   * candidate, entry or arrangement was left out, `warning` when it was taken and only part of it could be placed.
   */
  readonly issues: readonly ExamcycleIssue<TimetableIssueCode>[];
}

/**
 * What the centre timetable is built from.
 *
 * @example
 * ```ts
 * declare const papers: TimetabledPaper[], entries: Entry[], candidates: Candidate[];
 * const input: CentreTimetableInput = { papers, entries, candidates };
 * buildCentreTimetable(input).sessions.length;
 * ```
 */
export interface CentreTimetableInput {
  /** The awarding bodies' timetabled papers for the series. */
  readonly papers: readonly TimetabledPaper[];
  /** The centre's entries. */
  readonly entries: readonly Entry[];
  /** The centre's candidates. */
  readonly candidates: readonly Candidate[];
  /** Access arrangements (extra time, rest breaks, rooms). */
  readonly accessArrangements?: readonly AccessArrangement[];
}

const LIVE_STATUSES: ReadonlySet<Entry['status']> = new Set(['draft', 'submitted', 'accepted', 'amended']);
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function byPaperTime(a: TimetabledPaper, b: TimetabledPaper): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.session !== b.session ? (a.session === 'AM' ? -1 : 1) : a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A copy of `xs` in id order (no sort when it already is: the usual case for a MIS export). */
function inIdOrder<T extends { readonly id: string }>(xs: readonly T[]): readonly T[] {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]!.id > xs[i]!.id) return [...xs].sort(byId);
  return xs;
}

/** A usable paper while the timetable is built: its place in time order, its start, and who sits it. */
interface PaperSlot {
  readonly paper: TimetabledPaper;
  readonly startsAt: Instant;
  /** Position in (date, session, start, id) order among the usable papers. */
  rank: number;
  /** Index of its (date, session) among the usable papers' sessions. */
  session: number;
  /** How many candidates sit it. */
  count: number;
}

/** Usable papers by series, then awarding body, then component code (no key strings built per lookup). */
type PapersByKey = Map<string, Map<string, Map<string, PaperSlot>>>;

/** A candidate while the timetable is built. */
interface CandidateState {
  readonly candidate: Candidate;
  readonly allowance: TimeAllowance;
  readonly kinds: AccessArrangementKind[];
  readonly entries: Entry[];
  /** The candidate's number among the states, from 1 (what {@link EntryContext.takenBy} holds). */
  readonly number: number;
  /** The papers the candidate sits, in entry order: their first and last item in {@link SittingItems} (-1 when none). */
  first: number;
  last: number;
  count: number;
  /** Whether another candidate's entries came between two of this one's: `takenBy` is then not the whole answer. */
  interleaved: boolean;
}

/**
 * The papers the candidates sit, as one linked list per candidate in typed arrays (no arrays per candidate): item `i`
 * is the paper of rank `rank[i]`, from the candidate's entry `entry[i]` (its place in the candidate's `entries`), and
 * `next[i]` is the candidate's next item (-1 after the last).
 */
interface SittingItems {
  rank: Int32Array;
  entry: Int32Array;
  next: Int32Array;
  count: number;
}

/** What the entries are matched against, and where their issues go. */
interface EntryContext {
  readonly issues: ExamcycleIssue<TimetableIssueCode>[];
  readonly paperByKey: PapersByKey;
  readonly candidateById: ReadonlyMap<string, Candidate>;
  readonly arrangementsByCandidate: ReadonlyMap<string, AccessArrangement[]>;
  readonly states: Map<string, CandidateState>;
  readonly items: SittingItems;
  /** By paper rank: the number of the candidate who last took the paper (0 when none has). */
  readonly takenBy: Int32Array;
  // Entries in id order usually come a candidate at a time, from one awarding body at a time: the last lookups are kept.
  lastState: CandidateState | undefined;
  lastSeries: string | undefined;
  lastBody: string | undefined;
  lastCodes: Map<string, PaperSlot> | undefined;
}

/**
 * Builds the centre timetable from the papers the candidates are entered for: each live entry's
 * component codes are matched to timetabled papers of the same awarding body and series. Input order does
 * not matter; the same input always gives the same timetable.
 *
 * @param input - papers, entries, candidates and access arrangements; a paper whose duration is not a whole number
 *   of minutes from 1 to 1,440, or an arrangement whose extra time or rest breaks are out of range, becomes an issue
 * @example
 * ```ts
 * declare const papers: TimetabledPaper[], entries: Entry[], candidates: Candidate[], accessArrangements: AccessArrangement[];
 * const timetable = buildCentreTimetable({ papers, entries, candidates, accessArrangements });
 * timetable.sessions.map((s) => `${s.key}: ${s.candidateCount} candidates`);
 * ```
 */
export function buildCentreTimetable(input: CentreTimetableInput): CentreTimetable {
  const issues: ExamcycleIssue<TimetableIssueCode>[] = [];
  // Each phase is a function of its own, and the per-item work of the long loops too: the steps run once per
  // timetable, so small functions are what the JIT optimizes early (one large function is compiled again per loop).
  const paperByKey: PapersByKey = new Map();
  const slots = usablePapers(input.papers, paperByKey, issues);
  const context: EntryContext = {
    issues,
    paperByKey,
    candidateById: candidatesById(input.candidates, issues),
    arrangementsByCandidate: arrangementsByCandidate(input.accessArrangements ?? [], issues),
    states: new Map(),
    items: sittingItems(input.entries.length * 3 + 16),
    takenBy: new Int32Array(slots.length),
    lastState: undefined,
    lastSeries: undefined,
    lastBody: undefined,
    lastCodes: undefined,
  };
  const entries = inIdOrder(input.entries);
  for (let i = 0; i < entries.length; i++) placeEntry(context, entries[i]!);

  const ordered = inCandidateOrder([...context.states.values()]);
  // Each candidate's sittings in paper order, then each paper's sittings in candidate order, and each session's
  // distinct candidates counted on the way.
  const candidates: TimetableCandidate[] = [];
  const sessionCandidates = new Int32Array(slots.length === 0 ? 0 : slots[slots.length - 1]!.session + 1);
  const scratch: SittingScratch = { ranks: new Int32Array(64), entries: new Int32Array(64), made: [] };
  const places = sittingPlaces(slots, context.items.count);
  for (let i = 0; i < ordered.length; i++) candidates.push(timetableCandidateOf(ordered[i]!, i, slots, context.items, sessionCandidates, scratch, places));
  const { papers, sessions } = sessionsOf(slots, sessionCandidates, candidates, places);
  return { papers, sessions, candidates, issues };
}

/** The usable papers in time order (rank and session set), each indexed in `paperByKey`; the others become issues. */
function usablePapers(input: readonly TimetabledPaper[], paperByKey: PapersByKey, issues: ExamcycleIssue<TimetableIssueCode>[]): PaperSlot[] {
  const paperIds = new Set<string>();
  const slots: PaperSlot[] = [];
  for (const paper of inIdOrder(input)) {
    if (typeof paper.startTime !== 'string' || !HHMM.test(paper.startTime) || !Number.isInteger(paper.durationMinutes) || paper.durationMinutes <= 0 || paper.durationMinutes > EXAM_TIME_LIMITS.maxDurationMinutes) {
      issues.push({ code: 'invalid_paper', severity: 'error', subject: { paperId: paper.id }, location: { value: `${String(paper.startTime)} ${String(paper.durationMinutes)}` }, message: `Paper ${paper.id} needs an HH:mm start and a whole duration from 1 to ${EXAM_TIME_LIMITS.maxDurationMinutes} minutes` });
      continue;
    }
    let at: Instant;
    try {
      at = londonIso(publishedStartMillis(paper.date, paper.startTime));
    } catch (cause) {
      issues.push({ code: 'invalid_paper', severity: 'error', subject: { paperId: paper.id }, location: { value: paper.date }, message: `Paper ${paper.id} has an invalid date: ${(cause as Error).message}` });
      continue;
    }
    if (paperIds.has(paper.id)) {
      issues.push({ code: 'duplicate_paper', severity: 'error', subject: { paperId: paper.id }, location: { value: paper.id }, message: `Paper id ${paper.id} is used twice; the first is used` });
      continue;
    }
    let bodies = paperByKey.get(paper.seriesId);
    if (!bodies) paperByKey.set(paper.seriesId, (bodies = new Map()));
    let codes = bodies.get(paper.awardingBodyId);
    if (!codes) bodies.set(paper.awardingBodyId, (codes = new Map()));
    const seen = codes.get(paper.componentCode);
    if (seen) {
      issues.push({
        code: 'duplicate_paper',
        severity: 'error',
        subject: { paperId: paper.id },
        location: { value: `${paper.seriesId}|${paper.awardingBodyId}|${paper.componentCode}` },
        message: `Papers ${seen.paper.id} and ${paper.id} are both ${paper.awardingBodyId} component ${paper.componentCode} in ${paper.seriesId}; ${seen.paper.id} is used`,
      });
      continue;
    }
    const slot: PaperSlot = { paper, startsAt: at, rank: 0, session: 0, count: 0 };
    codes.set(paper.componentCode, slot);
    paperIds.add(paper.id);
    slots.push(slot);
  }
  // Time order once: a candidate's sittings, a session's papers and the sessions all follow it.
  slots.sort((a, b) => byPaperTime(a.paper, b.paper));
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    const before = slots[i - 1];
    s.rank = i;
    s.session = !before ? 0 : before.paper.date === s.paper.date && before.paper.session === s.paper.session ? before.session : before.session + 1;
  }
  return slots;
}

/** Candidates by id, the first of a repeated id kept. */
function candidatesById(input: readonly Candidate[], issues: ExamcycleIssue<TimetableIssueCode>[]): Map<string, Candidate> {
  const candidateById = new Map<string, Candidate>();
  for (const c of input) {
    if (candidateById.has(c.id)) {
      issues.push({ code: 'duplicate_candidate', severity: 'error', subject: { candidateId: c.id }, message: `Candidate ${c.id} is listed twice; the first is used` });
      continue;
    }
    candidateById.set(c.id, c);
  }
  return candidateById;
}

/** Usable access arrangements by candidate; one with a number out of range becomes an issue. */
function arrangementsByCandidate(input: readonly AccessArrangement[], issues: ExamcycleIssue<TimetableIssueCode>[]): Map<string, AccessArrangement[]> {
  const byCandidate = new Map<string, AccessArrangement[]>();
  for (const a of input) {
    const problem = arrangementNumberProblem(a);
    if (problem) {
      issues.push({
        code: 'invalid_arrangement',
        severity: 'error',
        subject: { candidateId: a.candidateId, recordId: a.id },
        location: { field: problem.field, value: String(problem.value) },
        message: `Access arrangement ${a.id} (${a.kind}) has ${problem.field} ${String(problem.value)}; it must be a whole number from 0 to ${problem.rule.max}, so the arrangement is left out of the time allowed`,
      });
      continue;
    }
    const list = byCandidate.get(a.candidateId);
    if (list) list.push(a);
    else byCandidate.set(a.candidateId, [a]);
  }
  return byCandidate;
}

/** One entry: kept on its candidate (when live), and its components matched to papers. */
function placeEntry(context: EntryContext, entry: Entry): void {
  if (!LIVE_STATUSES.has(entry.status)) return;
  const last = context.lastState;
  let state = last !== undefined && last.candidate.id === entry.candidateId ? last : context.states.get(entry.candidateId);
  if (!state) {
    const candidate = context.candidateById.get(entry.candidateId);
    if (!candidate) {
      context.issues.push({ code: 'unknown_candidate', severity: 'error', subject: { entryId: entry.id, candidateId: entry.candidateId }, message: `Entry ${entry.id} is for candidate ${entry.candidateId}, who is not on the candidate list` });
      return;
    }
    const own = context.arrangementsByCandidate.get(candidate.id) ?? [];
    // Most candidates have no arrangements: their (own, empty) list of kinds needs no set of kinds sorted.
    state = { candidate, allowance: timeAllowanceOf(candidate.id, own), kinds: own.length === 0 ? [] : arrangementKindsOf(candidate.id, own), entries: [], number: context.states.size + 1, first: -1, last: -1, count: 0, interleaved: false };
    context.states.set(candidate.id, state);
  } else if (state !== last && state.count > 0) state.interleaved = true;
  context.lastState = state;
  const candidate = state.candidate;
  const componentCodes = entry.componentCodes;
  state.entries.push(entry);
  if (componentCodes.length === 0) {
    context.issues.push({ code: 'no_components', severity: 'warning', subject: { entryId: entry.id, candidateId: candidate.id }, location: { field: 'componentCodes', value: entry.entryCode }, message: `Entry ${entry.id} (${entry.awardingBodyId} ${entry.entryCode}) lists no components, so no papers can be timetabled for it` });
    return;
  }
  if (entry.seriesId !== context.lastSeries || entry.awardingBodyId !== context.lastBody) {
    context.lastSeries = entry.seriesId;
    context.lastBody = entry.awardingBodyId;
    context.lastCodes = context.paperByKey.get(entry.seriesId)?.get(entry.awardingBodyId);
  }
  const codes = context.lastCodes;
  for (const code of componentCodes) {
    const slot = codes?.get(code);
    if (!slot) {
      context.issues.push({
        code: 'component_not_timetabled',
        severity: 'warning',
        subject: { entryId: entry.id, candidateId: candidate.id },
        location: { field: 'componentCodes', value: code },
        message: `${entry.awardingBodyId} component ${code} of entry ${entry.entryCode} has no timetabled paper in ${entry.seriesId} (non-exam assessment, or a missing timetable row)`,
      });
      continue;
    }
    if (context.takenBy[slot.rank] === state.number || (state.interleaved && hasItem(context.items, state.first, slot.rank))) {
      context.issues.push({ code: 'duplicate_sitting', severity: 'warning', subject: { entryId: entry.id, candidateId: candidate.id, paperId: slot.paper.id }, message: `Candidate ${candidate.candidateNumber} is entered for paper ${slot.paper.id} more than once; it is sat once` });
      continue;
    }
    context.takenBy[slot.rank] = state.number;
    slot.count++;
    addItem(context.items, state, slot.rank, state.entries.length - 1);
  }
}

/** Room for `n` items. */
function sittingItems(n: number): SittingItems {
  return { rank: new Int32Array(n), entry: new Int32Array(n), next: new Int32Array(n), count: 0 };
}

/** Appends paper `rank`, from the candidate's entry `entry`, to the candidate's items (the columns doubled when full). */
function addItem(items: SittingItems, state: CandidateState, rank: number, entry: number): void {
  if (items.count === items.rank.length) {
    const size = items.count * 2;
    const rankColumn = new Int32Array(size);
    const entryColumn = new Int32Array(size);
    const nextColumn = new Int32Array(size);
    rankColumn.set(items.rank);
    entryColumn.set(items.entry);
    nextColumn.set(items.next);
    items.rank = rankColumn;
    items.entry = entryColumn;
    items.next = nextColumn;
  }
  const i = items.count++;
  items.rank[i] = rank;
  items.entry[i] = entry;
  items.next[i] = -1;
  if (state.last < 0) state.first = i;
  else items.next[state.last] = i;
  state.last = i;
  state.count++;
}

/** Whether the list from item `first` holds paper `rank`. */
function hasItem(items: SittingItems, first: number, rank: number): boolean {
  for (let t = first; t !== -1; t = items.next[t]!) if (items.rank[t] === rank) return true;
  return false;
}

/** Candidate number, then id. */
function byCandidateNumber(a: CandidateState, b: CandidateState): number {
  const x = a.candidate;
  const y = b.candidate;
  return x.candidateNumber < y.candidateNumber ? -1 : x.candidateNumber > y.candidateNumber ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** `states` sorted by candidate number, then id (no sort when they already are: entries usually come a candidate at a time, in order). */
function inCandidateOrder(states: CandidateState[]): CandidateState[] {
  for (let i = 1; i < states.length; i++) if (byCandidateNumber(states[i - 1]!, states[i]!) > 0) return states.sort(byCandidateNumber);
  return states;
}

/** What {@link timetableCandidateOf} reuses from one candidate to the next (each column grown when a candidate has more papers). */
interface SittingScratch {
  /** The candidate's papers by rank, and the entry each comes from alongside. */
  ranks: Int32Array;
  entries: Int32Array;
  readonly made: CandidateSitting[];
}

/**
 * Where the sittings go in session order (by paper rank, then candidate) without an array per paper: paper `rank`'s
 * sittings take the places from the sum of the earlier papers' counts, and the place `at` names the sitting as
 * `candidates[candidate[at]].sittings[index[at]]`. `next[rank]` is the paper's next free place (its end once filled).
 */
interface SittingPlaces {
  readonly next: Int32Array;
  readonly candidate: Int32Array;
  readonly index: Int32Array;
}

/** The places of `total` sittings, each paper's run starting after the earlier papers'. */
function sittingPlaces(slots: readonly PaperSlot[], total: number): SittingPlaces {
  const next = new Int32Array(slots.length);
  let at = 0;
  for (let r = 0; r < slots.length; r++) {
    next[r] = at;
    at += slots[r]!.count;
  }
  return { next, candidate: new Int32Array(total), index: new Int32Array(total) };
}

/**
 * A candidate's timetable: their sittings made in paper order (a candidate's papers have distinct ranks), each also
 * given its place in session order, and each session the candidate sits counted once.
 */
function timetableCandidateOf(state: CandidateState, ci: number, slots: readonly PaperSlot[], items: SittingItems, sessionCandidates: Int32Array, scratch: SittingScratch, places: SittingPlaces): TimetableCandidate {
  const n = state.count;
  if (scratch.ranks.length < n) {
    scratch.ranks = new Int32Array(n * 2);
    scratch.entries = new Int32Array(n * 2);
  }
  const ranks = scratch.ranks;
  const from = scratch.entries;
  // Insertion sort by rank: a candidate has a few dozen papers at most, usually entered nearly in time order.
  let m = 0;
  for (let t = state.first; t !== -1; t = items.next[t]!) {
    const rank = items.rank[t]!;
    let q = m - 1;
    while (q >= 0 && ranks[q]! > rank) {
      ranks[q + 1] = ranks[q]!;
      from[q + 1] = from[q]!;
      q--;
    }
    ranks[q + 1] = rank;
    from[q + 1] = items.entry[t]!;
    m++;
  }
  const c = state.candidate;
  const entries = state.entries;
  const { extraTimePercent, restBreakMinutesPerHour } = state.allowance;
  const made = scratch.made;
  let lastSession = -1;
  for (let i = 0; i < n; i++) {
    const rank = ranks[i]!;
    const slot = slots[rank]!;
    made[i] = sittingOf(c, entries[from[i]!]!.id, slot, extraTimePercent, restBreakMinutesPerHour, state.kinds);
    const at = places.next[rank]!++;
    places.candidate[at] = ci;
    places.index[at] = i;
    if (slot.session !== lastSession) {
      sessionCandidates[slot.session]!++;
      lastSession = slot.session;
    }
  }
  // One array of exactly the candidate's sittings (no growing by push).
  const sittings = made.slice(0, n);
  return { candidate: c, candidateId: c.id, candidateNumber: c.candidateNumber, allowance: state.allowance, arrangementKinds: state.kinds, entries, sittings };
}

/** One candidate's sitting of one paper. */
function sittingOf(c: Candidate, entryId: string, slot: PaperSlot, extraTimePercent: number, restBreakMinutesPerHour: number, kinds: readonly AccessArrangementKind[]): CandidateSitting {
  const paper = slot.paper;
  return {
    candidateId: c.id,
    candidateNumber: c.candidateNumber,
    entryId,
    paperId: paper.id,
    paper,
    date: paper.date,
    session: paper.session,
    startTime: paper.startTime,
    startsAt: slot.startsAt,
    allowedMinutes: allowedMinutes(paper.durationMinutes, extraTimePercent, restBreakMinutesPerHour),
    arrangementKinds: kinds,
  };
}

/** The papers with sittings, and the sessions, each with its sittings gathered from their places. */
function sessionsOf(slots: readonly PaperSlot[], sessionCandidates: Int32Array, candidates: readonly TimetableCandidate[], places: SittingPlaces): { papers: TimetabledPaper[]; sessions: TimetableSession[] } {
  const papers: TimetabledPaper[] = [];
  const sessions: TimetableSession[] = [];
  let open: PaperSlot[] = [];
  for (const slot of slots) {
    if (slot.count === 0) continue;
    const p = slot.paper;
    papers.push(p);
    if (open.length > 0 && (open[0]!.paper.date !== p.date || open[0]!.paper.session !== p.session)) {
      sessions.push(sessionOf(open, sessionCandidates, candidates, places));
      open = [];
    }
    open.push(slot);
  }
  if (open.length > 0) sessions.push(sessionOf(open, sessionCandidates, candidates, places));
  return { papers, sessions };
}

/** One session of papers `open` (in rank order): its sittings are the places from the first paper's to the last's end. */
function sessionOf(open: readonly PaperSlot[], sessionCandidates: Int32Array, candidates: readonly TimetableCandidate[], places: SittingPlaces): TimetableSession {
  const first = open[0]!;
  const last = open[open.length - 1]!;
  const paperIds: string[] = [];
  for (const s of open) paperIds.push(s.paper.id);
  const sittings: CandidateSitting[] = [];
  const end = places.next[last.rank]!;
  for (let at = places.next[first.rank]! - first.count; at < end; at++) sittings.push(candidates[places.candidate[at]!]!.sittings[places.index[at]!]!);
  const p = first.paper;
  return { key: `${p.date}.${p.session}`, date: p.date, session: p.session, paperIds, sittings, candidateCount: sessionCandidates[first.session]! };
}

const candidateIndex = new WeakMap<readonly TimetableCandidate[], { readonly length: number; readonly byId: ReadonlyMap<string, TimetableCandidate> }>();

/**
 * A candidate of a timetable by id (the first listed, as `timetable.candidates.find` gives), through an index
 * built once per timetable, so a document per candidate for the whole centre is linear, not quadratic.
 *
 * @internal
 * @param timetable - the centre timetable
 * @param candidateId - the candidate
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * timetableCandidate(timetable, 'c-0042')?.sittings.length;
 * ```
 */
export function timetableCandidate(timetable: Pick<CentreTimetable, 'candidates'>, candidateId: string): TimetableCandidate | undefined {
  const list = timetable.candidates;
  let index = candidateIndex.get(list);
  if (!index || index.length !== list.length) {
    const byId = new Map<string, TimetableCandidate>();
    for (const c of list) if (!byId.has(c.candidateId)) byId.set(c.candidateId, c);
    index = { length: list.length, byId };
    candidateIndex.set(list, index);
  }
  return index.byId.get(candidateId);
}

/**
 * A line of a personal timetable: a sitting with its finishing instant.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const line: PersonalTimetableLine | undefined = personalTimetable(timetable, 'c-0042').days[0]?.lines[0];
 * line?.finishesAt;
 * ```
 */
export interface PersonalTimetableLine extends CandidateSitting {
  /** The published start plus the candidate's allowed minutes. */
  readonly finishesAt: Instant;
}

/**
 * A candidate's personal timetable, by day.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const mine: PersonalTimetable = personalTimetable(timetable, 'c-0042');
 * mine.days.map((d) => `${d.date}: ${d.totalAllowedMinutes} min`);
 * ```
 */
export interface PersonalTimetable {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly name: string;
  readonly allowance: TimeAllowance;
  readonly days: readonly { readonly date: CalendarDate; readonly lines: readonly PersonalTimetableLine[]; readonly totalAllowedMinutes: number }[];
}

/**
 * A candidate's personal timetable: their papers by day, each with the published start and the time the
 * candidate finishes (extra time and rest breaks included).
 *
 * @param timetable - the centre timetable
 * @param candidateId - the candidate
 * @throws ExamcycleError `invalid_value` when the candidate has no entries on the timetable
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * personalTimetable(timetable, 'c-0042').days[0]?.lines.map((l) => `${l.startTime} ${l.paper.title}`);
 * ```
 */
export function personalTimetable(timetable: CentreTimetable, candidateId: string): PersonalTimetable {
  const tc = timetableCandidate(timetable, candidateId);
  if (!tc) {
    throw new ExamcycleError('invalid_value', `Candidate ${candidateId} has no entries on this timetable`, { location: { field: 'candidateId', value: candidateId } });
  }
  const days: { date: CalendarDate; lines: PersonalTimetableLine[]; totalAllowedMinutes: number }[] = [];
  for (const s of tc.sittings) {
    const line: PersonalTimetableLine = { ...s, finishesAt: londonIso(instantToMillis(s.startsAt) + s.allowedMinutes * 60_000) };
    const day = days[days.length - 1];
    if (day && day.date === s.date) {
      day.lines.push(line);
      day.totalAllowedMinutes += s.allowedMinutes;
    } else days.push({ date: s.date, lines: [line], totalAllowedMinutes: s.allowedMinutes });
  }
  const c = tc.candidate;
  return {
    candidateId,
    candidateNumber: tc.candidateNumber,
    name: `${c.legalSurname}${c.legalForenames ? `, ${c.legalForenames}` : ''}`,
    allowance: tc.allowance,
    days,
  };
}
