/**
 * The MIS port: what examcycle needs from a centre's Management Information System (SIMS, Arbor, Bromcom,
 * iSAMS, or an aggregator such as Wonde) and what it gives back. Pulls return records keyed by the MIS's
 * stable ids with a `since` cursor for deltas (a source that cannot give deltas returns a complete
 * snapshot and says so); pushes are idempotent upserts by stable id. The port lives in this adapter because
 * only it uses it.
 *
 * Results and rejections follow examcycle's one rule. What is wrong with the data the MIS holds is returned: a
 * record that cannot be mapped, or a value not taken, is an {@link ExamcycleIssue} in the pull's or push's
 * `issues`, and the other records still come. A call that could not be done at all rejects with an
 * {@link ExamcycleError}, as `fetch` does: the service failed (`unreachable`, `not_authorised`,
 * `rate_limited`, or `malformed_response` when its answer is not the API's shape, so there are no records to
 * return), with `retryable` saying whether trying again can help; or the caller erred (`rule_unsupported` for
 * an operation outside `supports`, `invalid_value` for a cursor another MIS or pull gave).
 */
import { ExamcycleError, type AccessArrangement, type CalendarDate, type Entry, type ExamcycleIssue, type Instant, type StaffMember } from '@examcycle/core';

/**
 * An opaque position in an MIS's change stream; pass it back as `since` to get what changed after it.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * const first = await mis.pullCandidates();
 * const since: MisCursor | undefined = first.cursor; // store it with the centre
 * const changed = since === undefined ? first : await mis.pullCandidates({ since });
 * ```
 */
export type MisCursor = string;

/**
 * Options for a pull.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * const options: MisPullOptions = { since: 'arbor-changelog:{"Room":120}' };
 * const { records, deletedIds } = await mis.pullRooms(options);
 * ```
 */
export interface MisPullOptions {
  /** Only what changed after this cursor (from an earlier pull). */
  readonly since?: MisCursor;
}

/**
 * The codes of the {@link ExamcycleIssue}s an MIS mapping reports about one record: a value that cannot be taken
 * (`invalid_value`), an identifier whose check character is wrong (`bad_check_character`), a record the MIS
 * sent in a shape it should not have (`malformed_response`).
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * const pulled = await mis.pullCandidates();
 * const badUpns = pulled.issues.filter((i) => i.code === 'bad_check_character').map((i) => i.subject?.recordId);
 * ```
 */
export type MisIssueCode = 'invalid_value' | 'bad_check_character' | 'malformed_response';

/**
 * The outcome of a pull.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * const pulled: MisPull<MisCandidate> = await mis.pullCandidates();
 * if (pulled.complete) console.info(`${pulled.records.length} candidates; anything else is gone`);
 * for (const issue of pulled.issues) console.warn(issue.severity, issue.location?.file, issue.subject?.recordId, issue.message);
 * ```
 */
export interface MisPull<T> {
  /** New and changed records (all of them when `complete`). */
  readonly records: readonly T[];
  /** Ids removed since the cursor (a delta only). */
  readonly deletedIds: readonly string[];
  /**
   * Records that could not be mapped (`severity: 'error'`, not in `records`) or were mapped with a caveat
   * (`'warning'`): `location.file` is the source and resource (`wonde:students`), `location.path` the record's
   * index in the listing and the field's path, `subject.recordId` the MIS id.
   */
  readonly issues: readonly ExamcycleIssue<MisIssueCode>[];
  /** Pass as `since` next time; absent when the source gives no deltas. */
  readonly cursor?: MisCursor;
  /** `true` when `records` is everything (a snapshot), so anything missing from it is gone. */
  readonly complete: boolean;
}

/**
 * The outcome of a push: which stable ids were created, updated or already up to date.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * declare const entries: Entry[];
 * const pushed: MisPush = await mis.pushEntries(entries);
 * console.info(`${pushed.created.length} created, ${pushed.updated.length} updated, ${pushed.unchanged.length} unchanged`);
 * pushed.issues.map((i) => `${i.subject?.recordId}: ${i.message}`);
 * ```
 */
export interface MisPush {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  /** Records refused, with why (`subject.recordId` is the record's stable id). */
  readonly issues: readonly ExamcycleIssue<MisIssueCode>[];
}

/**
 * A candidate as an MIS holds them: legal names and identifiers, some of which an MIS may not have.
 *
 * @example
 * ```ts
 * const pupil: MisCandidate = { id: 'A1329183376', upn: 'A123456789012', legalSurname: 'Ng', legalForenames: 'Mai Lin', dateOfBirth: '2009-03-14', sex: 'F' };
 * const { candidate } = candidateFromMis(pupil, { centreNumber: '12345', candidateNumber: '0042' });
 * ```
 */
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

/**
 * A room as an MIS knows it (its seat grid is set up in examcycle).
 *
 * @example
 * ```ts
 * const hall: MisRoom = { id: '41', name: 'Main hall', capacity: 120, examRoom: true };
 * ```
 */
export interface MisRoom {
  readonly id: string;
  readonly name: string;
  /** How many candidates it takes, where the MIS says (for an exam room, its exam capacity). */
  readonly capacity?: number;
  /** Whether the MIS marks it as an exam (invigilation) room, where it says. */
  readonly examRoom?: boolean;
}

/**
 * A seat given to a candidate for a paper.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * const seat: MisSeat = { id: '8300/1H/c-7', candidateId: 'c-7', paperId: '8300/1H', roomId: 'hall', seat: 'B4' };
 * await mis.pushSeating([seat]);
 * ```
 */
export interface MisSeat {
  /** A stable id, e.g. `${paperId}/${candidateId}`. */
  readonly id: string;
  readonly candidateId: string;
  readonly paperId: string;
  readonly roomId: string;
  /** Row letter and column, e.g. `A1`. */
  readonly seat: string;
}

/**
 * A result as an MIS holds it.
 *
 * @example
 * ```ts
 * const result: MisResult = { id: '803', candidateId: '701', awardCode: '8300H', grade: '7', receivedAt: '2026-08-20T08:00:00.000+01:00' };
 * ```
 */
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

/**
 * The operations of the port.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * const op: MisOperation = 'pullAccessArrangements';
 * if (mis.supports.has(op)) await mis.pullAccessArrangements();
 * ```
 */
export type MisOperation = 'pullCandidates' | 'pullStaff' | 'pullRooms' | 'pullAccessArrangements' | 'pushEntries' | 'pushSeating' | 'pullResults';

/**
 * Every operation, in a stable order.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * const missing = MIS_OPERATIONS.filter((op) => !mis.supports.has(op)); // e.g. Wonde: the pushes, results and arrangements
 * ```
 */
export const MIS_OPERATIONS: readonly MisOperation[] = ['pullCandidates', 'pullStaff', 'pullRooms', 'pullAccessArrangements', 'pushEntries', 'pushSeating', 'pullResults'];

/**
 * The MIS port. An operation outside `supports` rejects with a `rule_unsupported` error (not retryable).
 *
 * @example
 * ```ts
 * async function syncCandidates(mis: MisPort, since?: MisCursor): Promise<MisCursor | undefined> {
 *   const pulled = await mis.pullCandidates(since === undefined ? {} : { since });
 *   console.info(`${mis.name}: ${pulled.records.length} changed, ${pulled.deletedIds.length} removed`);
 *   return pulled.cursor;
 * }
 * await syncCandidates(createInMemoryMis());
 * ```
 */
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

/**
 * Why an MIS mapping cannot do an operation: the MIS's API does not offer it, or this adapter does not map it.
 *
 * @example
 * ```ts
 * declare const mis: MisPort;
 * try {
 *   await mis.pushEntries([]);
 * } catch (error) {
 *   if (isExamcycleError(error) && error.code === 'rule_unsupported') {
 *     const reason = error.details?.['reason'] as MisUnsupportedReason; // 'not_offered_by_api' for Wonde
 *   }
 * }
 * ```
 */
export type MisUnsupportedReason = 'not_offered_by_api' | 'not_mapped';

/**
 * The rejection of an operation an MIS does not support: a `rule_unsupported` {@link ExamcycleError}, not
 * retryable, with `details.mis`, `details.operation` and `details.reason`.
 *
 * @param mis - the MIS's name
 * @param operation - the operation asked for
 * @param why - what the MIS lacks, in words
 * @param reason - whether the MIS's API does not offer it or the adapter does not map it
 * @internal
 */
export function misUnsupported(mis: string, operation: MisOperation, why: string, reason: MisUnsupportedReason = 'not_mapped'): Promise<never> {
  return Promise.reject(new ExamcycleError('rule_unsupported', `${mis} does not support ${operation}: ${why}`, { retryable: false, details: { mis, operation, reason } }));
}
