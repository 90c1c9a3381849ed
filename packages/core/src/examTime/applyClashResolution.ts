/**
 * Applying a chosen clash resolution back to the centre timetable, so everything planned from the timetable
 * follows it: a paper moved to the other session of the day, or deferred to the next morning under
 * overnight supervision, is in the candidate's sittings at the session they actually sit it (with the
 * published slot kept on the sitting), and the timetable's sessions are rebuilt, so the seating plan of
 * each session seats the candidate where they sit and each room's register lists them there. Consecutive
 * sitting keeps the papers in their session, in the order to be sat with a supervised break between them.
 * A resolution that no longer fits the timetable (its paper is not where it says) is not applied and says why.
 */
import type { TimetabledPaper } from '../domain/paper.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';
import { londonTime, toLondon } from '../time/clock.js';
import type { CandidateSitting, CentreTimetable, SittingVariation, TimetableCandidate, TimetableSession } from './centreTimetable.js';
import type { Clash } from './findClashes.js';
import type { ClashResolution, ResolutionProposal } from './resolveClashes.js';
import { sittingPaper } from './examTimeLimits.js';

/**
 * A clash with the proposal the centre chose for it (any of its proposals, not only the recommended one).
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable, resolution: ClashResolution;
 * const overnight = resolution.proposals.find((p) => p.kind === 'overnight_supervision');
 * const chosen: ChosenResolution | undefined = overnight && { clash: resolution.clash, proposal: overnight };
 * if (chosen) applyClashResolution(timetable, chosen);
 * ```
 */
export interface ChosenResolution {
  readonly clash: Clash;
  readonly proposal: ResolutionProposal;
}

/**
 * Why a resolution was not applied: no proposal fits the rules (`no_feasible_proposal`), the chosen one does not
 * (`infeasible_proposal`), or its candidate or paper is not where it says (`sitting_not_found`, `sitting_elsewhere`).
 *
 * @example
 * ```ts
 * declare const result: AppliedClashResolution;
 * const stale: ApplyClashResolutionIssueCode = 'sitting_elsewhere';
 * result.issues.some((i) => i.code === stale); // find the clashes again
 * ```
 */
export type ApplyClashResolutionIssueCode = 'no_feasible_proposal' | 'infeasible_proposal' | 'sitting_not_found' | 'sitting_elsewhere';

/**
 * The timetable after a resolution, and what changed.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable, resolution: ClashResolution;
 * const result: AppliedClashResolution = applyClashResolution(timetable, resolution);
 * result.applied ? result.changed.length : result.issues[0]?.message;
 * ```
 */
export interface AppliedClashResolution {
  /** The timetable with the candidate's sittings and the sessions updated (the input when nothing was applied). */
  readonly timetable: CentreTimetable;
  readonly clashId: string;
  readonly applied: boolean;
  /** The kind of resolution applied. */
  readonly kind?: ResolutionProposal['kind'];
  /** The candidate's sittings that changed, as they now are. */
  readonly changed: readonly CandidateSitting[];
  /** Why it was not applied (one `error`), or none. */
  readonly issues: readonly ExamcycleIssue<ApplyClashResolutionIssueCode>[];
  readonly explanation: string;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders sittings by when the candidate sits them, then paper id (as {@link buildCentreTimetable} does). */
function bySittingTime(a: CandidateSitting, b: CandidateSitting): number {
  return cmp(a.date, b.date) || (a.session !== b.session ? (a.session === 'AM' ? -1 : 1) : 0) || cmp(a.startTime, b.startTime) || cmp(a.paperId, b.paperId);
}

/** The timetable's sessions rebuilt from its candidates' sittings (where each candidate actually sits each paper). */
function sessionsOf(papers: readonly TimetabledPaper[], candidates: readonly TimetableCandidate[]): TimetableSession[] {
  const rank = new Map(papers.map((p, i) => [p.id, i]));
  const bySession = new Map<string, CandidateSitting[]>();
  for (const c of candidates) {
    for (const s of c.sittings) {
      const key = `${s.date}.${s.session}`;
      const list = bySession.get(key);
      if (list) list.push(s);
      else bySession.set(key, [s]);
    }
  }
  return [...bySession.entries()]
    .map(([key, sittings]) => {
      sittings.sort((a, b) => cmp(a.startTime, b.startTime) || (rank.get(a.paperId) ?? 0) - (rank.get(b.paperId) ?? 0) || cmp(a.candidateNumber, b.candidateNumber));
      const first = sittings[0]!;
      return { key, date: first.date, session: first.session, paperIds: [...new Set(sittings.map((s) => s.paperId))], sittings, candidateCount: new Set(sittings.map((s) => s.candidateId)).size };
    })
    .sort((a, b) => cmp(a.key, b.key));
}

function published(s: CandidateSitting): SittingVariation['published'] {
  return s.variation?.published ?? { date: s.date, session: s.session, startTime: s.startTime, startsAt: s.startsAt };
}

/**
 * Applies a clash resolution to the centre timetable: the recommended proposal of a {@link ClashResolution},
 * or the proposal the centre chose ({@link ChosenResolution}). Moves put the candidate's sitting in the
 * session they sit it (the published slot stays on `sitting.variation.published`); consecutive sitting
 * records the order and the supervised break; sitting every paper on the day changes nothing. The
 * timetable's sessions are rebuilt, so {@link planSeating} on a session seats the candidate where they sit
 * and {@link createSittingRecord} lists them on that room's register. The input is not changed.
 *
 * @param timetable - the centre timetable the clash was found on (or one with earlier resolutions applied)
 * @param resolution - a resolution from {@link resolveClashes} (its recommendation is applied) or a chosen proposal
 * @example
 * ```ts
 * declare const timetable: CentreTimetable, rooms: Room[];
 * const rules = jcq.examRoomRules('2025/26');
 * const [maths] = resolveClashes(findClashes(timetable, { rules }), timetable, { rules });
 * const { timetable: applied } = applyClashResolution(timetable, maths!);
 * planSeating({ session: applied.sessions.find((s) => s.key === '2026-06-02.PM')!, rooms }, { rules }); // the candidate sits Maths here
 * ```
 */
export function applyClashResolution(timetable: CentreTimetable, resolution: ClashResolution | ChosenResolution): AppliedClashResolution {
  const clash = resolution.clash;
  const proposal = 'proposal' in resolution ? resolution.proposal : resolution.recommended;
  const unchanged = (code: ApplyClashResolutionIssueCode, message: string, paperId?: string): AppliedClashResolution => ({
    timetable,
    clashId: clash.id,
    applied: false,
    changed: [],
    issues: [{ code, severity: 'error', message, subject: { clashId: clash.id, candidateId: clash.candidateId, ...(paperId === undefined ? {} : { paperId }) } }],
    explanation: message,
  });
  if (!proposal) return unchanged('no_feasible_proposal', `No resolution of ${clash.id} fits the rules; nothing to apply (ask the awarding body for a timetable variation)`);
  if (!proposal.feasible) return unchanged('infeasible_proposal', `The chosen ${proposal.kind.replace(/_/g, ' ')} does not fit the rules: ${proposal.explanation}`);
  const candidate = timetable.candidates.find((c) => c.candidateId === clash.candidateId);
  if (!candidate) return unchanged('sitting_not_found', `Candidate ${clash.candidateNumber} is not on this timetable`);

  const sittings = [...candidate.sittings];
  for (const s of sittings) sittingPaper(s, 'timetable.candidates[].sittings[]');
  const changed: CandidateSitting[] = [];
  const replace = (i: number, next: CandidateSitting) => {
    sittings[i] = next;
    changed.push(next);
  };

  if (proposal.kind === 'consecutive_in_session') {
    const order = proposal.order ?? clash.sittings.map((s) => s.paperId);
    for (const [k, paperId] of order.entries()) {
      const i = sittings.findIndex((s) => s.paperId === paperId);
      if (i < 0) return unchanged('sitting_not_found', `Candidate ${clash.candidateNumber} does not sit ${paperId} on this timetable`, paperId);
      const s = sittings[i]!;
      if (s.date !== clash.date || s.session !== clash.session) return unchanged('sitting_elsewhere', `${s.paper.title} is no longer in the ${String(clash.session)} session of ${clash.date} for candidate ${clash.candidateNumber} (now ${s.date} ${s.session})`, paperId);
      replace(i, { ...s, variation: { clashId: clash.id, kind: 'consecutive_in_session', published: published(s), order: k + 1, conditions: proposal.conditions } });
    }
  } else if (proposal.kind === 'move_to_other_session' || proposal.kind === 'overnight_supervision') {
    for (const move of proposal.moves) {
      const i = sittings.findIndex((s) => s.paperId === move.paperId);
      if (i < 0) return unchanged('sitting_not_found', `Candidate ${clash.candidateNumber} does not sit ${move.paperId} on this timetable`, move.paperId);
      const s = sittings[i]!;
      if (s.date !== move.from.date || s.session !== move.from.session) {
        return unchanged('sitting_elsewhere', `${s.paper.title} is no longer in the ${move.from.session} session of ${move.from.date} for candidate ${clash.candidateNumber} (now ${s.date} ${s.session}); find the clashes again`, move.paperId);
      }
      const startTime = move.to.startsAt ? toLondon(move.to.startsAt).toFormat('HH:mm') : s.startTime;
      replace(i, {
        ...s,
        date: move.to.date,
        session: move.to.session,
        startTime,
        startsAt: londonTime(move.to.date, startTime),
        variation: { clashId: clash.id, kind: proposal.kind, published: published(s), conditions: proposal.conditions },
      });
    }
  }

  sittings.sort(bySittingTime);
  const candidates = timetable.candidates.map((c) => (c === candidate ? { ...c, sittings } : c));
  const moved = changed.filter((s) => s.variation && (s.date !== s.variation.published.date || s.session !== s.variation.published.session));
  const explanation =
    proposal.kind === 'sit_all_on_the_day'
      ? `Candidate ${clash.candidateNumber} sits every paper on ${clash.date} as timetabled: ${proposal.explanation}`
      : proposal.kind === 'consecutive_in_session'
        ? `Candidate ${clash.candidateNumber} sits ${changed.map((s) => s.paper.title).join(', then ')} one after the other in the ${String(clash.session)} session of ${clash.date}, with a supervised break`
        : `Candidate ${clash.candidateNumber} sits ${moved.map((s) => `${s.paper.title} on ${s.date} ${s.session} (published ${s.variation!.published.date} ${s.variation!.published.session})`).join(' and ')}${proposal.kind === 'overnight_supervision' ? ', under overnight supervision' : ''}`;
  return { timetable: { ...timetable, candidates, sessions: sessionsOf(timetable.papers, candidates) }, clashId: clash.id, applied: true, kind: proposal.kind, changed, issues: [], explanation };
}

/**
 * Applies several resolutions in turn ({@link applyClashResolution}); one that no longer fits the timetable
 * after the earlier ones (its paper already moved) is skipped with its issue.
 *
 * @param timetable - the centre timetable
 * @param resolutions - resolutions from {@link resolveClashes}, or chosen proposals
 * @example
 * ```ts
 * declare const timetable: CentreTimetable, clashes: Clash[];
 * const rules = jcq.examRoomRules('2025/26');
 * const { timetable: applied, results } = applyClashResolutions(timetable, resolveClashes(clashes, timetable, { rules }));
 * results.filter((r) => !r.applied).map((r) => r.explanation);
 * ```
 */
export function applyClashResolutions(timetable: CentreTimetable, resolutions: readonly (ClashResolution | ChosenResolution)[]): { readonly timetable: CentreTimetable; readonly results: readonly AppliedClashResolution[] } {
  let current = timetable;
  const results: AppliedClashResolution[] = [];
  for (const r of resolutions) {
    const result = applyClashResolution(current, r);
    current = result.timetable;
    results.push(result);
  }
  return { timetable: current, results };
}

/**
 * The papers sat in one session, each timed as it is sat there: a paper a candidate sits in this session
 * after a clash resolution has this session's date and start (so the room's register classifies a late
 * arrival from the start the candidate was given). For {@link createSittingRecord}'s `papers`.
 *
 * @param timetable - the centre timetable (with resolutions applied)
 * @param sessionKey - `YYYY-MM-DD.AM` or `YYYY-MM-DD.PM`
 * @example
 * ```ts
 * declare const applied: CentreTimetable, plan: SeatingPlan;
 * createSittingRecord({ date: '2026-06-02', session: 'PM', seatingPlanUsed: plan.rooms[0]!, papers: sessionPapers(applied, '2026-06-02.PM') });
 * ```
 */
export function sessionPapers(timetable: CentreTimetable, sessionKey: string): TimetabledPaper[] {
  const session = timetable.sessions.find((s) => s.key === sessionKey);
  if (!session) return [];
  const byId = new Map(timetable.papers.map((p) => [p.id, p]));
  const out: TimetabledPaper[] = [];
  for (const id of session.paperIds) {
    const p = byId.get(id);
    if (!p) continue;
    const asPublished = p.date === session.date && p.session === session.session;
    const sat = session.sittings.find((s) => s.paperId === id);
    out.push(asPublished || !sat ? p : { ...p, date: sat.date, session: sat.session, startTime: sat.startTime });
  }
  return out;
}
