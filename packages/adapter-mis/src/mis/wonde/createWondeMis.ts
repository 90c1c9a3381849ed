/**
 * The Wonde mapping of the MIS port. Wonde is a read API over many MIS, with Bearer-token auth and every
 * listing paged through `meta.pagination.next`:
 *
 * - candidates from `students?include=education_details` ({@link wondeStudentToCandidate});
 * - staff and their roles from `employees?include=employment_details,roles,contact_details`
 *   ({@link wondeEmployeeToStaff});
 * - rooms from `rooms` ({@link wondeRoomToMisRoom}).
 *
 * Deltas use Wonde's `updated_after` filter with the cursor of the last pull (see `wondeCursor`) and the
 * `deletions` endpoint for removals. The Wonde API offers no exams, entries, results, seating or
 * access-arrangement endpoint (its official clients list every endpoint it has), so those operations reject
 * with a `rule_unsupported` error whose `details.reason` is `not_offered_by_api`.
 */
import type { ExamClock, ExamcycleIssue, ExamcycleObserver, Instant, IssueLocation, StaffMember } from '@examcycle/core';
import { createMisHttp, type MisFetch } from '../misHttp.js';
import { misUnsupported, type MisCandidate, type MisIssueCode, type MisOperation, type MisPort, type MisPull, type MisPullOptions, type MisRoom } from '../MisPort.js';
import { observeMisPull } from '../observeMisPull.js';
import type { MisStaffRoles } from '../staffRolesFromTitles.js';
import { wondeNextCursor, wondeUpdatedAfter } from './wondeCursor.js';
import { wondeDeletions } from './wondeDeletions.js';
import { wondeEmployeeToStaff } from './wondeEmployee.js';
import { wondeListing } from './wondeListing.js';
import { wondeRoomToMisRoom } from './wondeRoom.js';
import { wondeStudentToCandidate } from './wondeStudent.js';

/**
 * Options for {@link createWondeMis}.
 *
 * @example
 * ```ts
 * const options: WondeMisOptions = { token: 'secret', schoolId: 'A1930499544', domain: 'api.wonde.com', perPage: 100 };
 * const wonde = createWondeMis(options);
 * ```
 */
export interface WondeMisOptions {
  /** The school's Wonde access token. */
  readonly token: string;
  /** The school's Wonde id, e.g. `A1930499544`. */
  readonly schoolId: string;
  /**
   * The school's regional API domain (from its `region` object).
   * @default 'api.wonde.com'
   */
  readonly domain?: string;
  /**
   * A fetch-compatible transport.
   * @default globalThis.fetch
   */
  readonly fetch?: MisFetch;
  /** With a clock, Retry-After on 429 is waited out and retried. */
  readonly clock?: ExamClock;
  /**
   * Records per page.
   * @default 200
   */
  readonly perPage?: number;
  /**
   * A guard against a paging loop.
   * @default 1000
   */
  readonly maxPages?: number;
  /**
   * The includes asked for with employees (where job titles, the teaching-staff flag and emails live).
   * @default ['employment_details', 'roles', 'contact_details']
   */
  readonly employeeIncludes?: readonly string[];
  /** Decides a staff member's roles from their Wonde job titles; by default {@link staffRolesFromTitles}. */
  readonly staffRoles?: MisStaffRoles;
  /**
   * Hears of each pull when it ends (`onImport`, source `wonde`, kind `candidates`, `staff` or `rooms`, file the
   * resource such as `wonde:students`; `rows` the objects Wonde sent, `records` those mapped, issues by code), or
   * of its failure (`fatal`) before the rejection passes on. A callback that throws is ignored.
   * @default undefined
   */
  readonly observer?: ExamcycleObserver;
}

/** Maps one record of a listing, at its place in the listing. */
type WondeMap<T> = (raw: unknown, at: IssueLocation) => { readonly record?: T; readonly updatedAt?: Instant; readonly issues: readonly ExamcycleIssue<MisIssueCode>[] };

const NOT_OFFERED = 'the Wonde API offers no exams, entries, results, seating or access-arrangement endpoint (its endpoints are students, employees, rooms, classes, groups, attendance, behaviour, assessment marksheets and the like); use the MIS itself or the JCQ EDI files for this';

/**
 * Creates the Wonde MIS.
 *
 * @param options - token, school id, domain, transport
 * @example
 * ```ts
 * const wonde = createWondeMis({ token: process.env['WONDE_TOKEN']!, schoolId: 'A1930499544' });
 * const { records, issues, cursor } = await wonde.pullCandidates();
 * const later = cursor === undefined ? undefined : await wonde.pullCandidates({ since: cursor });
 * const staff = await wonde.pullStaff();
 * ```
 */
export function createWondeMis(options: WondeMisOptions): MisPort {
  const { token, schoolId, domain = 'api.wonde.com', perPage = 200, maxPages = 1000, employeeIncludes = ['employment_details', 'roles', 'contact_details'], staffRoles, observer } = options;
  const http = createMisHttp({
    headers: { Authorization: `Bearer ${token}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const base = `https://${domain}/v1.0/schools/${encodeURIComponent(schoolId)}`;

  /** One Wonde listing, mapped record by record, with `updated_after` and deletions for a delta. */
  const pullOnce = async <T>(
    resource: string,
    deletionType: string,
    includes: readonly string[],
    map: WondeMap<T>,
    { since }: MisPullOptions = {},
  ): Promise<{ readonly pull: MisPull<T>; readonly rows: number }> => {
    const updatedAfter = since === undefined ? undefined : wondeUpdatedAfter(since);
    const params = new URLSearchParams({ ...(includes.length === 0 ? {} : { include: includes.join(',') }), per_page: String(perPage) });
    if (updatedAfter !== undefined) params.set('updated_after', updatedAfter);
    const items = await wondeListing(http, `${base}/${resource}?${params.toString()}`, `wonde:${resource}`, maxPages);
    const records: T[] = [];
    const issues: ExamcycleIssue<MisIssueCode>[] = [];
    const instants: Instant[] = [];
    items.forEach((raw, index) => {
      const mapped = map(raw, { file: `wonde:${resource}`, path: [index] });
      issues.push(...mapped.issues);
      if (mapped.updatedAt !== undefined) instants.push(mapped.updatedAt);
      if (mapped.record !== undefined) records.push(mapped.record);
    });
    let deletedIds: readonly string[] = [];
    if (updatedAfter !== undefined) {
      const deletions = await wondeDeletions(http, `${base}/deletions?${new URLSearchParams({ type: deletionType, updated_after: updatedAfter, per_page: String(perPage) }).toString()}`, deletionType, maxPages);
      deletedIds = deletions.ids;
      issues.push(...deletions.issues);
    }
    const cursor = wondeNextCursor(instants, since);
    return { pull: { records, deletedIds, issues, ...(cursor === undefined ? {} : { cursor }), complete: since === undefined }, rows: items.length };
  };

  const pull = <T>(kind: string, resource: string, deletionType: string, includes: readonly string[], map: WondeMap<T>, options?: MisPullOptions): Promise<MisPull<T>> =>
    observeMisPull(observer, { source: 'wonde', kind, file: `wonde:${resource}` }, () => pullOnce(resource, deletionType, includes, map, options));

  const none = (op: MisOperation): Promise<never> => misUnsupported('wonde', op, NOT_OFFERED, 'not_offered_by_api');

  return {
    name: 'wonde',
    supports: new Set<MisOperation>(['pullCandidates', 'pullStaff', 'pullRooms']),
    pullCandidates: (o) =>
      pull<MisCandidate>('candidates', 'students', 'student', ['education_details'], (raw, at) => {
        const m = wondeStudentToCandidate(raw, at);
        return { ...(m.candidate === undefined ? {} : { record: m.candidate, ...(m.candidate.updatedAt === undefined ? {} : { updatedAt: m.candidate.updatedAt }) }), issues: m.issues };
      }, o),
    pullStaff: (o) =>
      pull<StaffMember>('staff', 'employees', 'employee', employeeIncludes, (raw, at) => {
        const m = wondeEmployeeToStaff(raw, at, staffRoles);
        return { ...(m.staff === undefined ? {} : { record: m.staff }), ...(m.updatedAt === undefined ? {} : { updatedAt: m.updatedAt }), issues: m.issues };
      }, o),
    pullRooms: (o) =>
      pull<MisRoom>('rooms', 'rooms', 'room', [], (raw, at) => {
        const m = wondeRoomToMisRoom(raw, at);
        return { ...(m.room === undefined ? {} : { record: m.room }), ...(m.updatedAt === undefined ? {} : { updatedAt: m.updatedAt }), issues: m.issues };
      }, o),
    pullAccessArrangements: () => none('pullAccessArrangements'),
    pushEntries: () => none('pushEntries'),
    pushSeating: () => none('pushSeating'),
    pullResults: () => none('pullResults'),
  };
}
