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
import type { CalendarDate, Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { publishedStartMillis } from './publishedStart.js';
import { EXAM_TIME_LIMITS } from './examTimeLimits.js';
import { allowedMinutes, arrangementKindsOf, arrangementNumberProblem, timeAllowanceOf, type TimeAllowance } from './timeAllowance.js';

/** How a paper is assessed (written, practical, on screen). */
export type PaperKind = TimetabledPaper['kind'];

/** One candidate sitting one timetabled paper. */
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

/** A candidate's sitting changed by an applied clash resolution. */
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

/** One session (a date's morning or afternoon) of the centre timetable. */
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

/** An entry as the timetable keeps it (for the statement of entry). */
export interface TimetableEntry {
  readonly entryId: string;
  readonly seriesId: string;
  readonly awardingBodyId: string;
  readonly entryCode: string;
  readonly componentCodes: readonly string[];
  readonly status: Entry['status'];
}

/** A candidate on the centre timetable, with their personal timetable. */
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

/** Why part of the input could not be placed on the timetable. */
export interface TimetableIssue {
  readonly code: 'unknown_candidate' | 'no_components' | 'component_not_timetabled' | 'duplicate_paper' | 'duplicate_sitting' | 'duplicate_candidate' | 'invalid_paper' | 'invalid_arrangement';
  readonly message: string;
  readonly entryId?: string;
  readonly candidateId?: string;
  readonly paperId?: string;
  readonly value?: string;
}

/** The centre timetable. */
export interface CentreTimetable {
  /** Papers with at least one candidate, by date, session, start and id. */
  readonly papers: readonly TimetabledPaper[];
  /** Sessions with at least one sitting, in time order. */
  readonly sessions: readonly TimetableSession[];
  /** Candidates with at least one live entry, by candidate number. */
  readonly candidates: readonly TimetableCandidate[];
  /** What could not be placed, and why (a component with no timetabled paper is usually NEA). */
  readonly issues: readonly TimetableIssue[];
}

/** What the centre timetable is built from. */
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

/** The session key of a date and session, `YYYY-MM-DD.AM`. */
function sessionKey(date: CalendarDate, session: Session): string {
  return `${date}.${session}`;
}

/** Orders sittings by start instant, then paper id. */
function bySittingTime(a: CandidateSitting, b: CandidateSitting): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.session !== b.session ? (a.session === 'AM' ? -1 : 1) : a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : 0;
}

function byPaperTime(a: TimetabledPaper, b: TimetabledPaper): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.session !== b.session ? (a.session === 'AM' ? -1 : 1) : a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
 * const timetable = buildCentreTimetable({ papers, entries, candidates, accessArrangements });
 * timetable.sessions.map((s) => `${s.key}: ${s.candidateCount} candidates`);
 * ```
 */
export function buildCentreTimetable(input: CentreTimetableInput): CentreTimetable {
  const issues: TimetableIssue[] = [];
  const arrangements = input.accessArrangements ?? [];

  const paperByKey = new Map<string, TimetabledPaper>();
  const paperById = new Map<string, TimetabledPaper>();
  const startsAt = new Map<string, Instant>();
  for (const paper of [...input.papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (typeof paper.startTime !== 'string' || !HHMM.test(paper.startTime) || !Number.isInteger(paper.durationMinutes) || paper.durationMinutes <= 0 || paper.durationMinutes > EXAM_TIME_LIMITS.maxDurationMinutes) {
      issues.push({ code: 'invalid_paper', paperId: paper.id, value: `${String(paper.startTime)} ${String(paper.durationMinutes)}`, message: `Paper ${paper.id} needs an HH:mm start and a whole duration from 1 to ${EXAM_TIME_LIMITS.maxDurationMinutes} minutes` });
      continue;
    }
    let at: Instant;
    try {
      at = londonIso(publishedStartMillis(paper.date, paper.startTime));
    } catch (cause) {
      issues.push({ code: 'invalid_paper', paperId: paper.id, value: paper.date, message: `Paper ${paper.id} has an invalid date: ${(cause as Error).message}` });
      continue;
    }
    if (paperById.has(paper.id)) {
      issues.push({ code: 'duplicate_paper', paperId: paper.id, value: paper.id, message: `Paper id ${paper.id} is used twice; the first is used` });
      continue;
    }
    const key = `${paper.seriesId}|${paper.awardingBodyId}|${paper.componentCode}`;
    const seen = paperByKey.get(key);
    if (seen) {
      issues.push({ code: 'duplicate_paper', paperId: paper.id, value: key, message: `Papers ${seen.id} and ${paper.id} are both ${paper.awardingBodyId} component ${paper.componentCode} in ${paper.seriesId}; ${seen.id} is used` });
      continue;
    }
    paperByKey.set(key, paper);
    paperById.set(paper.id, paper);
    startsAt.set(paper.id, at);
  }

  const candidateById = new Map<string, Candidate>();
  for (const c of input.candidates) {
    if (candidateById.has(c.id)) {
      issues.push({ code: 'duplicate_candidate', candidateId: c.id, message: `Candidate ${c.id} is listed twice; the first is used` });
      continue;
    }
    candidateById.set(c.id, c);
  }

  const entriesByCandidate = new Map<string, TimetableEntry[]>();
  const sittingsByCandidate = new Map<string, CandidateSitting[]>();
  const seenPapers = new Map<string, Set<string>>();
  const allowanceCache = new Map<string, { allowance: TimeAllowance; kinds: AccessArrangementKind[] }>();
  const arrangementsByCandidate = new Map<string, AccessArrangement[]>();
  for (const a of arrangements) {
    const problem = arrangementNumberProblem(a);
    if (problem) {
      issues.push({
        code: 'invalid_arrangement',
        candidateId: a.candidateId,
        value: String(problem.value),
        message: `Access arrangement ${a.id} (${a.kind}) has ${problem.field} ${String(problem.value)}; it must be a whole number from 0 to ${problem.rule.max}, so the arrangement is left out of the time allowed`,
      });
      continue;
    }
    const list = arrangementsByCandidate.get(a.candidateId);
    if (list) list.push(a);
    else arrangementsByCandidate.set(a.candidateId, [a]);
  }

  const entries = [...input.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of entries) {
    if (!LIVE_STATUSES.has(entry.status)) continue;
    const candidate = candidateById.get(entry.candidateId);
    if (!candidate) {
      issues.push({ code: 'unknown_candidate', entryId: entry.id, candidateId: entry.candidateId, message: `Entry ${entry.id} is for candidate ${entry.candidateId}, who is not on the candidate list` });
      continue;
    }
    const te: TimetableEntry = {
      entryId: entry.id,
      seriesId: entry.seriesId,
      awardingBodyId: entry.awardingBodyId,
      entryCode: entry.entryCode,
      componentCodes: [...entry.componentCodes],
      status: entry.status,
    };
    const list = entriesByCandidate.get(candidate.id);
    if (list) list.push(te);
    else entriesByCandidate.set(candidate.id, [te]);
    if (entry.componentCodes.length === 0) {
      issues.push({ code: 'no_components', entryId: entry.id, candidateId: candidate.id, value: entry.entryCode, message: `Entry ${entry.id} (${entry.awardingBodyId} ${entry.entryCode}) lists no components, so no papers can be timetabled for it` });
      continue;
    }
    let cached = allowanceCache.get(candidate.id);
    if (!cached) {
      const own = arrangementsByCandidate.get(candidate.id) ?? [];
      cached = { allowance: timeAllowanceOf(candidate.id, own), kinds: arrangementKindsOf(candidate.id, own) };
      allowanceCache.set(candidate.id, cached);
    }
    const keyPrefix = `${entry.seriesId}|${entry.awardingBodyId}|`;
    let sat = seenPapers.get(candidate.id);
    if (!sat) seenPapers.set(candidate.id, (sat = new Set<string>()));
    for (const code of entry.componentCodes) {
      const paper = paperByKey.get(keyPrefix + code);
      if (!paper) {
        issues.push({ code: 'component_not_timetabled', entryId: entry.id, candidateId: candidate.id, value: code, message: `${entry.awardingBodyId} component ${code} of entry ${entry.entryCode} has no timetabled paper in ${entry.seriesId} (non-exam assessment, or a missing timetable row)` });
        continue;
      }
      if (sat.has(paper.id)) {
        issues.push({ code: 'duplicate_sitting', entryId: entry.id, candidateId: candidate.id, paperId: paper.id, message: `Candidate ${candidate.candidateNumber} is entered for paper ${paper.id} more than once; it is sat once` });
        continue;
      }
      sat.add(paper.id);
      const sitting: CandidateSitting = {
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
        startsAt: startsAt.get(paper.id)!,
        durationMinutes: paper.durationMinutes,
        allowedMinutes: allowedMinutes(paper.durationMinutes, cached.allowance.extraTimePercent, cached.allowance.restBreakMinutesPerHour),
        arrangementKinds: cached.kinds,
      };
      const own = sittingsByCandidate.get(candidate.id);
      if (own) own.push(sitting);
      else sittingsByCandidate.set(candidate.id, [sitting]);
    }
  }

  const candidates: TimetableCandidate[] = [];
  for (const [id, ents] of entriesByCandidate) {
    const candidate = candidateById.get(id)!;
    const cached = allowanceCache.get(id) ?? { allowance: timeAllowanceOf(id, arrangementsByCandidate.get(id) ?? []), kinds: arrangementKindsOf(id, arrangementsByCandidate.get(id) ?? []) };
    candidates.push({
      candidate,
      candidateId: id,
      candidateNumber: candidate.candidateNumber,
      allowance: cached.allowance,
      arrangementKinds: cached.kinds,
      entries: ents,
      sittings: (sittingsByCandidate.get(id) ?? []).sort(bySittingTime),
    });
  }
  candidates.sort((a, b) => (a.candidateNumber < b.candidateNumber ? -1 : a.candidateNumber > b.candidateNumber ? 1 : a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0));

  const bySession = new Map<string, CandidateSitting[]>();
  const usedPapers = new Map<string, TimetabledPaper>();
  for (const c of candidates) {
    for (const s of c.sittings) {
      const key = sessionKey(s.date, s.session);
      const list = bySession.get(key);
      if (list) list.push(s);
      else bySession.set(key, [s]);
      if (!usedPapers.has(s.paperId)) usedPapers.set(s.paperId, paperById.get(s.paperId)!);
    }
  }
  const papers = [...usedPapers.values()].sort(byPaperTime);
  const paperRank = new Map(papers.map((p, i) => [p.id, i]));
  const sessions: TimetableSession[] = [...bySession.entries()]
    .map(([key, sittings]) => {
      const first = sittings[0]!;
      // Candidates were visited in candidate-number order, so each paper's sittings already are: grouping them
      // by paper (in paper order) is the stable sort by (paper, candidate number), without comparing.
      const byPaper = new Map<string, CandidateSitting[]>();
      for (const s of sittings) {
        const list = byPaper.get(s.paperId);
        if (list) list.push(s);
        else byPaper.set(s.paperId, [s]);
      }
      const paperIds = [...byPaper.keys()].sort((a, b) => paperRank.get(a)! - paperRank.get(b)!);
      const ordered: CandidateSitting[] = [];
      for (const id of paperIds) for (const s of byPaper.get(id)!) ordered.push(s);
      return { key, date: first.date, session: first.session, paperIds, sittings: ordered, candidateCount: new Set(sittings.map((s) => s.candidateId)).size };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

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

/** A line of a personal timetable: a sitting with its finishing instant. */
export interface PersonalTimetableLine extends CandidateSitting {
  /** The published start plus the candidate's allowed minutes. */
  readonly finishesAt: Instant;
}

/** A candidate's personal timetable, by day. */
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
