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
import type { QualificationLevel } from '../domain/qualification.js';
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
 * One candidate sitting one timetabled paper.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const sitting: CandidateSitting | undefined = timetable.candidates[0]?.sittings[0];
 * sitting && `${sitting.date} ${sitting.startTime} ${sitting.title} (${sitting.allowedMinutes} min)`;
 * ```
 */
export interface CandidateSitting {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly entryId: string;
  readonly paperId: string;
  readonly seriesId: string;
  readonly awardingBodyId: string;
  readonly componentCode: string;
  readonly title: string;
  readonly level: QualificationLevel;
  readonly kind: PaperKind;
  readonly date: CalendarDate;
  readonly session: Session;
  /** The awarding body's published start, `HH:mm` London time. */
  readonly startTime: string;
  /** The published start as an instant. */
  readonly startsAt: Instant;
  /** The published duration. */
  readonly durationMinutes: number;
  /** The candidate's allowed minutes: published duration plus extra time and rest breaks. */
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
 * An entry as the timetable keeps it (for the statement of entry).
 *
 * @example
 * ```ts
 * declare const candidate: TimetableCandidate;
 * const entry: TimetableEntry | undefined = candidate.entries[0];
 * entry?.componentCodes.join(', ');
 * ```
 */
export interface TimetableEntry {
  readonly entryId: string;
  readonly seriesId: string;
  readonly awardingBodyId: string;
  readonly entryCode: string;
  readonly componentCodes: readonly string[];
  readonly status: Entry['status'];
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
  /** The candidate's live entries (not withdrawn or rejected). */
  readonly entries: readonly TimetableEntry[];
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
  /** Its sittings, by candidate number. */
  readonly sittings: CandidateSitting[];
}

/** A candidate while the timetable is built. */
interface CandidateState {
  readonly candidate: Candidate;
  readonly allowance: TimeAllowance;
  readonly kinds: AccessArrangementKind[];
  readonly entries: TimetableEntry[];
  /** Sittings in entry order, and their papers alongside. */
  readonly sittings: CandidateSitting[];
  readonly slots: PaperSlot[];
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
  const arrangements = input.accessArrangements ?? [];

  // Papers by series, then awarding body, then component code (no key strings built per lookup).
  const paperByKey = new Map<string, Map<string, Map<string, PaperSlot>>>();
  const paperIds = new Set<string>();
  const slots: PaperSlot[] = [];
  for (const paper of inIdOrder(input.papers)) {
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
    const slot: PaperSlot = { paper, startsAt: at, rank: 0, session: 0, sittings: [] };
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

  const candidateById = new Map<string, Candidate>();
  for (const c of input.candidates) {
    if (candidateById.has(c.id)) {
      issues.push({ code: 'duplicate_candidate', severity: 'error', subject: { candidateId: c.id }, message: `Candidate ${c.id} is listed twice; the first is used` });
      continue;
    }
    candidateById.set(c.id, c);
  }

  const arrangementsByCandidate = new Map<string, AccessArrangement[]>();
  for (const a of arrangements) {
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
    const list = arrangementsByCandidate.get(a.candidateId);
    if (list) list.push(a);
    else arrangementsByCandidate.set(a.candidateId, [a]);
  }

  const states = new Map<string, CandidateState>();
  // Entries in id order usually come a candidate at a time, from one awarding body at a time: the last lookups are kept.
  let lastState: CandidateState | undefined;
  let lastSeries: string | undefined;
  let lastBody: string | undefined;
  let lastCodes: Map<string, PaperSlot> | undefined;
  for (const entry of inIdOrder(input.entries)) {
    if (!LIVE_STATUSES.has(entry.status)) continue;
    let state = lastState !== undefined && lastState.candidate.id === entry.candidateId ? lastState : states.get(entry.candidateId);
    if (!state) {
      const candidate = candidateById.get(entry.candidateId);
      if (!candidate) {
        issues.push({ code: 'unknown_candidate', severity: 'error', subject: { entryId: entry.id, candidateId: entry.candidateId }, message: `Entry ${entry.id} is for candidate ${entry.candidateId}, who is not on the candidate list` });
        continue;
      }
      const own = arrangementsByCandidate.get(candidate.id) ?? [];
      state = { candidate, allowance: timeAllowanceOf(candidate.id, own), kinds: arrangementKindsOf(candidate.id, own), entries: [], sittings: [], slots: [] };
      states.set(candidate.id, state);
    }
    lastState = state;
    const candidate = state.candidate;
    state.entries.push({
      entryId: entry.id,
      seriesId: entry.seriesId,
      awardingBodyId: entry.awardingBodyId,
      entryCode: entry.entryCode,
      componentCodes: [...entry.componentCodes],
      status: entry.status,
    });
    if (entry.componentCodes.length === 0) {
      issues.push({ code: 'no_components', severity: 'warning', subject: { entryId: entry.id, candidateId: candidate.id }, location: { field: 'componentCodes', value: entry.entryCode }, message: `Entry ${entry.id} (${entry.awardingBodyId} ${entry.entryCode}) lists no components, so no papers can be timetabled for it` });
      continue;
    }
    if (entry.seriesId !== lastSeries || entry.awardingBodyId !== lastBody) {
      lastSeries = entry.seriesId;
      lastBody = entry.awardingBodyId;
      lastCodes = paperByKey.get(lastSeries)?.get(lastBody);
    }
    const codes = lastCodes;
    const { extraTimePercent, restBreakMinutesPerHour } = state.allowance;
    for (const code of entry.componentCodes) {
      const slot = codes?.get(code);
      if (!slot) {
        issues.push({
          code: 'component_not_timetabled',
          severity: 'warning',
          subject: { entryId: entry.id, candidateId: candidate.id },
          location: { field: 'componentCodes', value: code },
          message: `${entry.awardingBodyId} component ${code} of entry ${entry.entryCode} has no timetabled paper in ${entry.seriesId} (non-exam assessment, or a missing timetable row)`,
        });
        continue;
      }
      if (state.slots.includes(slot)) {
        issues.push({ code: 'duplicate_sitting', severity: 'warning', subject: { entryId: entry.id, candidateId: candidate.id, paperId: slot.paper.id }, message: `Candidate ${candidate.candidateNumber} is entered for paper ${slot.paper.id} more than once; it is sat once` });
        continue;
      }
      const paper = slot.paper;
      state.slots.push(slot);
      state.sittings.push({
        candidateId: candidate.id,
        candidateNumber: candidate.candidateNumber,
        entryId: entry.id,
        paperId: paper.id,
        seriesId: paper.seriesId,
        awardingBodyId: paper.awardingBodyId,
        componentCode: paper.componentCode,
        title: paper.title,
        level: paper.level,
        kind: paper.kind,
        date: paper.date,
        session: paper.session,
        startTime: paper.startTime,
        startsAt: slot.startsAt,
        durationMinutes: paper.durationMinutes,
        allowedMinutes: allowedMinutes(paper.durationMinutes, extraTimePercent, restBreakMinutesPerHour),
        arrangementKinds: state.kinds,
      });
    }
  }

  const ordered = [...states.values()].sort((a, b) => {
    const x = a.candidate;
    const y = b.candidate;
    return x.candidateNumber < y.candidateNumber ? -1 : x.candidateNumber > y.candidateNumber ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  // Each candidate's sittings in paper order (a candidate's ranks are distinct: `rank × n + i` sorts as numbers),
  // then each paper's sittings in candidate order, and each session's distinct candidates counted on the way.
  const candidates: TimetableCandidate[] = [];
  const sessionCandidates = new Int32Array(slots.length === 0 ? 0 : slots[slots.length - 1]!.session + 1);
  for (const state of ordered) {
    const n = state.sittings.length;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = state.slots[i]!.rank * n + i;
    keys.sort();
    const sittings: CandidateSitting[] = [];
    let lastSession = -1;
    for (let i = 0; i < n; i++) {
      const j = keys[i]! % n;
      const s = state.sittings[j]!;
      const slot = state.slots[j]!;
      sittings.push(s);
      slot.sittings.push(s);
      if (slot.session !== lastSession) {
        sessionCandidates[slot.session]!++;
        lastSession = slot.session;
      }
    }
    const c = state.candidate;
    candidates.push({ candidate: c, candidateId: c.id, candidateNumber: c.candidateNumber, allowance: state.allowance, arrangementKinds: state.kinds, entries: state.entries, sittings });
  }

  const papers: TimetabledPaper[] = [];
  const sessions: TimetableSession[] = [];
  let open: { key: string; date: CalendarDate; session: Session; paperIds: string[]; sittings: CandidateSitting[]; candidateCount: number } | undefined;
  for (const slot of slots) {
    if (slot.sittings.length === 0) continue;
    const p = slot.paper;
    papers.push(p);
    if (!open || open.date !== p.date || open.session !== p.session) {
      open = { key: `${p.date}.${p.session}`, date: p.date, session: p.session, paperIds: [], sittings: [], candidateCount: sessionCandidates[slot.session]! };
      sessions.push(open);
    }
    open.paperIds.push(p.id);
    for (const s of slot.sittings) open.sittings.push(s);
  }

  return { papers, sessions, candidates, issues };
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
 * personalTimetable(timetable, 'c-0042').days[0]?.lines.map((l) => `${l.startTime} ${l.title}`);
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
