/**
 * Entry checking and sign-off: a department's entry list checked, signed, authorised and released for
 * submission, with its deadlines, and the statement of entry a candidate signs. Explicit barrel,
 * re-exported by core's main entry.
 */
export { ENTRY_CHECKING_MILESTONES, entryCheckingSignals, entryDeadlineFor, nextEntryCheckingWake, resolveEntryCheckingDeadlines } from './entryCheckingDeadlines.js';
export type { EntryCheckingDeadline, EntryCheckingDeadlineRule, EntryCheckingMilestone, EntryCheckingSignal } from './entryCheckingDeadlines.js';
export { ENTRY_CHECKING_REFUSALS, entryCheckingMachine } from './entryCheckingMachine.js';
export type {
  CheckedEntry,
  EntryCheckStatus,
  EntryCheckingContext,
  EntryCheckingEmitted,
  EntryCheckingEvent,
  EntryCheckingInput,
  EntryCheckingRule,
  EntryCheckingState,
  EntryForChecking,
  EntryVerdict,
} from './entryCheckingMachine.js';
export { entryCheckingContextSchema, entryCheckingPersisted, nextEntryListWake } from './entryCheckingPersisted.js';
export { candidateStatementOfEntry } from './candidateStatementOfEntry.js';
export type { CandidateStatementOfEntry, StatementEntry } from './candidateStatementOfEntry.js';
