/**
 * The MIS port: what examcycle needs from a centre's Management Information System (SIMS, Arbor, Bromcom,
 * iSAMS, or an aggregator such as Wonde) and what it gives back. Pulls return records keyed by the MIS's
 * stable ids with a `since` cursor for deltas (a source that cannot give deltas returns a complete
 * snapshot and says so); pushes are idempotent upserts by stable id. Failures are {@link ExamcycleError}s
 * with the codes `unreachable`, `unauthorised`, `rate_limited` and `malformed_response`, whose `retryable`
 * says whether trying again can help. The port lives in this adapter because only it uses it.
 */
import { ExamcycleError, type AccessArrangement, type CalendarDate, type Entry, type ExamcycleErrorCode, type Instant, type StaffMember } from '@examcycle/core';

/** An opaque position in an MIS's change stream; pass it back as `since` to get what changed after it. */
export type MisCursor = string;

/** Options for a pull. */
export interface MisPullOptions {
  /** Only what changed after this cursor (from an earlier pull). */
  readonly since?: MisCursor;
}

/** One problem with one MIS record: where, which record and field, and why. */
export interface MisIssue {
  /** The source and resource, e.g. `wonde:students`, `arbor:/rest-v2/candidates/12`, `ctf:Pupil[3]`. */
  readonly where: string;
  readonly recordId?: string;
  readonly field?: string;
  readonly value?: string;
  readonly code: ExamcycleErrorCode;
  readonly message: string;
}

/** The outcome of a pull. */
export interface MisPull<T> {
  /** New and changed records (all of them when `complete`). */
  readonly records: readonly T[];
  /** Ids removed since the cursor (a delta only). */
  readonly deletedIds: readonly string[];
  /** Records that could not be mapped, with why; they are not in `records`. */
  readonly issues: readonly MisIssue[];
  /** Pass as `since` next time; absent when the source gives no deltas. */
  readonly cursor?: MisCursor;
  /** `true` when `records` is everything (a snapshot), so anything missing from it is gone. */
  readonly complete: boolean;
}

/** The outcome of a push: which stable ids were created, updated or already up to date. */
export interface MisPush {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  /** Records refused, with why. */
  readonly issues: readonly MisIssue[];
}

/** A candidate as an MIS holds them: legal names and identifiers, some of which an MIS may not have. */
export interface MisCandidate {
  /** The MIS's stable id. */
  readonly id: string;
  readonly upn?: string;
  readonly uci?: string;
  readonly uln?: string;
  /** Four digits, where the MIS holds exam candidate numbers. */
  readonly candidateNumber?: string;
  readonly legalSurname: string;
  /** All legal forenames, space separated (may be empty). */
  readonly legalForenames: string;
  readonly preferredName?: string;
  readonly dateOfBirth?: CalendarDate;
  readonly sex?: 'F' | 'M';
  /** When the MIS last changed the record. */
  readonly updatedAt?: Instant;
}

/** A room as an MIS knows it (its seat grid is set up in examcycle). */
export interface MisRoom {
  readonly id: string;
  readonly name: string;
  /** How many candidates it takes, where the MIS says (for an exam room, its exam capacity). */
  readonly capacity?: number;
  /** Whether the MIS marks it as an exam (invigilation) room, where it says. */
  readonly examRoom?: boolean;
}

/** A seat given to a candidate for a paper. */
export interface MisSeat {
  /** A stable id, e.g. `${paperId}/${candidateId}`. */
  readonly id: string;
  readonly candidateId: string;
  readonly paperId: string;
  readonly roomId: string;
  /** Row letter and column, e.g. `A1`. */
  readonly seat: string;
}

/** A result as an MIS holds it. */
export interface MisResult {
  readonly id: string;
  readonly candidateId: string;
  /** The award (option) code, where known. */
  readonly awardCode?: string;
  /** Blank for a missing result. */
  readonly grade: string;
  readonly endorsement?: string;
  readonly mark?: number;
  /** Why there is no result, where the MIS says. */
  readonly missingReason?: string;
  readonly receivedAt?: Instant;
}

/** The operations of the port. */
export type MisOperation = 'pullCandidates' | 'pullStaff' | 'pullRooms' | 'pullAccessArrangements' | 'pushEntries' | 'pushSeating' | 'pullResults';

/** Every operation, in a stable order. */
export const MIS_OPERATIONS: readonly MisOperation[] = ['pullCandidates', 'pullStaff', 'pullRooms', 'pullAccessArrangements', 'pushEntries', 'pushSeating', 'pullResults'];

/** The MIS port. An operation outside `supports` rejects with a `rule_unsupported` error (not retryable). */
export interface MisPort {
  /** e.g. `wonde`, `arbor`, `in-memory`. */
  readonly name: string;
  /** The operations this MIS can do. */
  readonly supports: ReadonlySet<MisOperation>;
  pullCandidates(options?: MisPullOptions): Promise<MisPull<MisCandidate>>;
  pullStaff(options?: MisPullOptions): Promise<MisPull<StaffMember>>;
  pullRooms(options?: MisPullOptions): Promise<MisPull<MisRoom>>;
  pullAccessArrangements(options?: MisPullOptions): Promise<MisPull<AccessArrangement>>;
  pushEntries(entries: readonly Entry[]): Promise<MisPush>;
  pushSeating(seats: readonly MisSeat[]): Promise<MisPush>;
  pullResults(options?: MisPullOptions): Promise<MisPull<MisResult>>;
}

/** Why an MIS mapping cannot do an operation: the MIS's API does not offer it, or this adapter does not map it. */
export type MisUnsupportedReason = 'not_offered_by_api' | 'not_mapped';

/**
 * The rejection of an operation an MIS does not support: a `rule_unsupported` {@link ExamcycleError}, not
 * retryable, with `details.mis`, `details.operation` and `details.reason`.
 *
 * @param mis - the MIS's name
 * @param operation - the operation asked for
 * @param why - what the MIS lacks, in words
 * @param reason - whether the MIS's API does not offer it or the adapter does not map it
 * @example
 * ```ts
 * return misUnsupported('wonde', 'pushEntries', 'the Wonde API has no exam-entry endpoint', 'not_offered_by_api');
 * ```
 * @internal
 */
export function misUnsupported(mis: string, operation: MisOperation, why: string, reason: MisUnsupportedReason = 'not_mapped'): Promise<never> {
  return Promise.reject(new ExamcycleError('rule_unsupported', `${mis} does not support ${operation}: ${why}`, { retryable: false, details: { mis, operation, reason } }));
}
