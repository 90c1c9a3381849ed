/**
 * The statement of entry: what a candidate is told before the exams so they can check it: their legal
 * names and numbers exactly as entered (certificates will carry them), each entry with its components,
 * the date, session, start and allowed time of every timetabled paper, and their access arrangements.
 */
import type { AccessArrangementKind } from '../domain/accessArrangement.js';
import type { Session } from '../domain/paper.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { CalendarDate } from '../time/clock.js';
import { timetableCandidate, type CentreTimetable } from './centreTimetable.js';
import { sittingPaper } from './examTimeLimits.js';

/**
 * One component on a statement of entry.
 *
 * @example
 * ```ts
 * declare const soe: StatementOfEntry;
 * const component: StatementComponent | undefined = soe.entries[0]?.components[0];
 * component?.paper?.title ?? 'non-exam assessment';
 * ```
 */
export interface StatementComponent {
  readonly componentCode: string;
  /** Absent when the component has no timetabled paper (usually non-exam assessment). */
  readonly paper?: {
    readonly paperId: string;
    readonly title: string;
    readonly date: CalendarDate;
    readonly session: Session;
    readonly startTime: string;
    readonly durationMinutes: number;
    readonly allowedMinutes: number;
  };
}

/**
 * A candidate's statement of entry.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const soe: StatementOfEntry = statementOfEntry(timetable, 'c-0042');
 * `${soe.legalSurname}, ${soe.legalForenames}: ${soe.entries.length} entries`;
 * ```
 */
export interface StatementOfEntry {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly centreNumber: string;
  readonly uci?: string;
  readonly legalSurname: string;
  readonly legalForenames: string;
  readonly dateOfBirth: CalendarDate;
  readonly entries: readonly {
    readonly entryId: string;
    readonly seriesId: string;
    readonly awardingBodyId: string;
    readonly entryCode: string;
    readonly components: readonly StatementComponent[];
  }[];
  readonly accessArrangements: readonly AccessArrangementKind[];
  /** What the candidate must check, in words. */
  readonly notes: readonly string[];
}

/**
 * A candidate's statement of entry from the centre timetable.
 *
 * @param timetable - the centre timetable
 * @param candidateId - the candidate
 * @throws ExamcycleError `invalid_value` when the candidate has no entries on the timetable
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const soe = statementOfEntry(timetable, 'c-0042');
 * soe.entries.map((e) => `${e.awardingBodyId} ${e.entryCode}`);
 * ```
 */
export function statementOfEntry(timetable: CentreTimetable, candidateId: string): StatementOfEntry {
  const tc = timetableCandidate(timetable, candidateId);
  if (!tc) {
    throw new ExamcycleError('invalid_value', `Candidate ${candidateId} has no entries on this timetable`, { location: { field: 'candidateId', value: candidateId } });
  }
  const c = tc.candidate;
  const entries = [...tc.entries]
    .sort((a, b) => (a.awardingBodyId + a.entryCode < b.awardingBodyId + b.entryCode ? -1 : a.awardingBodyId + a.entryCode > b.awardingBodyId + b.entryCode ? 1 : 0))
    .map((e) => ({
      entryId: e.id,
      seriesId: e.seriesId,
      awardingBodyId: e.awardingBodyId,
      entryCode: e.entryCode,
      components: e.componentCodes.map((code): StatementComponent => {
        const s = tc.sittings.find((x) => x.entryId === e.id && sittingPaper(x, 'candidate.sittings[]').componentCode === code);
        return s
          ? { componentCode: code, paper: { paperId: s.paperId, title: s.paper.title, date: s.date, session: s.session, startTime: s.startTime, durationMinutes: s.paper.durationMinutes, allowedMinutes: s.allowedMinutes } }
          : { componentCode: code };
      }),
    }));
  const notes = [
    'Check that your names, date of birth and entries are correct: certificates carry the names exactly as entered.',
    'Tell the exams office at once about any mistake or missing entry.',
  ];
  if (tc.allowance.extraTimePercent > 0 || tc.allowance.restBreakMinutesPerHour > 0) {
    notes.push(`Allowed times include your extra time (${tc.allowance.extraTimePercent}%) and rest breaks (${tc.allowance.restBreakMinutesPerHour} min per hour).`);
  }
  return {
    candidateId,
    candidateNumber: tc.candidateNumber,
    centreNumber: c.centreNumber,
    ...(c.uci ? { uci: c.uci } : {}),
    legalSurname: c.legalSurname,
    legalForenames: c.legalForenames,
    dateOfBirth: c.dateOfBirth,
    entries,
    accessArrangements: tc.arrangementKinds,
    notes,
  };
}
