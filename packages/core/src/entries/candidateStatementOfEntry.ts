/**
 * The statement of entry a candidate signs, from the checked entry lists: every entry the departments have
 * signed for the candidate in the series (withdrawn ones listed apart), with their names and numbers
 * exactly as entered (certificates carry them), and what is still being checked. The job descriptions ask
 * exams officers to "ensure all candidates are notified of their examination entries"; the candidate's
 * signature confirms they have checked them. Timetabled papers, dates and allowed times come from core's
 * {@link statementOfEntry} once the timetable is known; this is the earlier statement, made from the entries.
 */
import type { Instant } from '../time/clock.js';
import type { CheckedEntry, EntryCheckingContext } from './entryCheckingMachine.js';

/**
 * One entry on a candidate's statement.
 *
 * @example
 * ```ts
 * declare const lists: EntryCheckingContext[];
 * const entries: readonly StatementEntry[] = candidateStatementOfEntry(lists, 'c-0042').entries;
 * entries.map((e) => `${e.awardingBodyId} ${e.entryCode} ${e.title ?? ''}`);
 * ```
 */
export interface StatementEntry {
  readonly entryId: string;
  readonly department: string;
  readonly awardingBodyId: string;
  readonly entryCode: string;
  readonly title?: string;
  readonly tier?: string;
  readonly componentCodes: readonly string[];
  /** When the head of department's signature covering it was given. */
  readonly signedAt: Instant;
}

/**
 * A candidate's statement of entry for a series, to be signed.
 *
 * @example
 * ```ts
 * declare const lists: EntryCheckingContext[];
 * const soe: CandidateStatementOfEntry = candidateStatementOfEntry(lists, 'c-0042');
 * soe.complete ? soe.declaration : `${soe.pending.length} entries still being checked`;
 * ```
 */
export interface CandidateStatementOfEntry {
  readonly candidateId: string;
  readonly candidateNumber?: string;
  readonly candidateName?: string;
  readonly centreNumber: string;
  readonly seriesId: string;
  /** Signed entries the candidate is entered for, by awarding body and entry code. */
  readonly entries: readonly StatementEntry[];
  /** Signed withdrawals. */
  readonly withdrawn: readonly StatementEntry[];
  /** Entries not yet signed by their department (checking, queried, amended): not on the statement yet. */
  readonly pending: readonly { readonly entryId: string; readonly department: string; readonly entryCode: string; readonly status: CheckedEntry['status'] }[];
  /** Whether every entry of the candidate is signed, so the statement is final for signing. */
  readonly complete: boolean;
  /** What the candidate confirms by signing. */
  readonly declaration: string;
}

const DECLARATION =
  'I have checked my name, candidate number and entries. They are correct, and my name is as I wish it to appear on my certificates. I will tell the exams office at once of any mistake or missing entry.';

/**
 * A candidate's statement of entry from the entry lists of a series (one per department).
 *
 * @param lists - the lists' contexts (`actor.getSnapshot().context` of each department's list)
 * @param candidateId - the candidate
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const science: ActorRefFrom<typeof entryCheckingMachine>, maths: ActorRefFrom<typeof entryCheckingMachine>;
 * const soe = candidateStatementOfEntry([science.getSnapshot().context, maths.getSnapshot().context], 'c-0042');
 * soe.complete; // true once every department has signed
 * soe.entries.map((e) => `${e.awardingBodyId} ${e.entryCode}`);
 * ```
 */
export function candidateStatementOfEntry(lists: readonly EntryCheckingContext[], candidateId: string): CandidateStatementOfEntry {
  const entries: StatementEntry[] = [];
  const withdrawn: StatementEntry[] = [];
  const pending: { entryId: string; department: string; entryCode: string; status: CheckedEntry['status'] }[] = [];
  let candidateNumber: string | undefined;
  let candidateName: string | undefined;
  let centreNumber = '';
  let seriesId = '';
  for (const list of lists) {
    for (const e of list.entries) {
      if (e.candidateId !== candidateId) continue;
      centreNumber ||= list.centreNumber;
      seriesId ||= list.seriesId;
      candidateNumber ??= e.candidateNumber;
      candidateName ??= e.candidateName;
      if (!e.signedAt || e.status !== 'correct') {
        pending.push({ entryId: e.entryId, department: list.department.name, entryCode: e.entryCode, status: e.status });
        continue;
      }
      const line: StatementEntry = {
        entryId: e.entryId,
        department: list.department.name,
        awardingBodyId: e.awardingBodyId,
        entryCode: e.entryCode,
        ...(e.title !== undefined ? { title: e.title } : {}),
        ...(e.tier !== undefined ? { tier: e.tier } : {}),
        componentCodes: e.componentCodes ?? [],
        signedAt: e.signedAt,
      };
      (e.withdrawn ? withdrawn : entries).push(line);
    }
  }
  const order = (a: StatementEntry, b: StatementEntry) => (a.awardingBodyId + ' ' + a.entryCode < b.awardingBodyId + ' ' + b.entryCode ? -1 : a.awardingBodyId + ' ' + a.entryCode > b.awardingBodyId + ' ' + b.entryCode ? 1 : 0);
  return {
    candidateId,
    ...(candidateNumber !== undefined ? { candidateNumber } : {}),
    ...(candidateName !== undefined ? { candidateName } : {}),
    centreNumber: centreNumber || (lists[0]?.centreNumber ?? ''),
    seriesId: seriesId || (lists[0]?.seriesId ?? ''),
    entries: entries.sort(order),
    withdrawn: withdrawn.sort(order),
    pending,
    complete: pending.length === 0 && entries.length + withdrawn.length > 0,
    declaration: DECLARATION,
  };
}
