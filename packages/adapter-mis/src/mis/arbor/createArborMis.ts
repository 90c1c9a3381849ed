/**
 * The Arbor mapping of the MIS port, over Arbor's REST API (`/rest-v2`, HTTP Basic with the app's
 * credentials) and its exams model as the official PHP SDK names it:
 *
 * - candidates from `Candidate`, `Student`, `Person`, `UkJcq_UciAssignment`, `UkDfe_UpnAssignment`;
 * - staff from `Staff`, `Person` and `BusinessRoleAssignment` → `BusinessRole`;
 * - rooms from `Room`;
 * - access arrangements from `CandidateAccessArrangement` → `AccessArrangement`, with the extra time of
 *   `CandidateAssessableEntry`;
 * - results from `QualificationResult` → `CandidateRegistration` → `QualificationAward`;
 * - entries pushed as `CandidateRegistration`s, seats as `CandidateAssessableEntry.seat` → `RoomLayoutSeat`.
 *
 * Deltas read Arbor's change log (see `arborChangelog`): a full pull notes the highest revision of every
 * resource it reads, and a pull `since` that cursor rebuilds only the records the changes touch, with
 * removals. Each operation uses a fresh session, so objects are read once per operation and never stale.
 */
import type { Entry, ExamClock, ExamcycleObserver } from '@examcycle/core';
import { createMisHttp, type MisFetch } from '../misHttp.js';
import type { MisOperation, MisPort, MisPull, MisPullOptions } from '../MisPort.js';
import { MIS_OPERATIONS } from '../MisPort.js';
import { observeMisPull } from '../observeMisPull.js';
import type { MisStaffRoles } from '../staffRolesFromTitles.js';
import { ARBOR_ACCESS_TYPES, arborAccessArrangements, arborAccessChanges } from './arborAccessArrangements.js';
import { ARBOR_CANDIDATE_TYPES, arborCandidateChanges, arborCandidates } from './arborCandidates.js';
import { arborChanges, decodeArborCursor, encodeArborCursor, type ArborChange, type ArborPart } from './arborChangelog.js';
import { createArborClient, type ArborSession } from './arborClient.js';
import { arborPushEntries, type ArborRegistrationFields } from './arborEntries.js';
import { ARBOR_RESULT_TYPES, arborResultChanges, arborResults } from './arborResults.js';
import { ARBOR_ROOM_TYPES, arborRoomChanges, arborRooms } from './arborRooms.js';
import { arborPushSeating } from './arborSeating.js';
import { ARBOR_STAFF_TYPES, arborStaff, arborStaffChanges } from './arborStaff.js';

/**
 * Options for {@link createArborMis}.
 *
 * @example
 * ```ts
 * const options: ArborMisOptions = { baseUrl: 'https://example.uk.arbor.sc', username: 'examcycle-app', password: 'secret', pageSize: 200 };
 * const arbor = createArborMis(options);
 * ```
 */
export interface ArborMisOptions {
  /** The school's Arbor host, e.g. `https://example.uk.arbor.sc`. */
  readonly baseUrl: string;
  /** The application's API user. */
  readonly username: string;
  readonly password: string;
  /**
   * A fetch-compatible transport.
   * @default globalThis.fetch
   */
  readonly fetch?: MisFetch;
  /** With a clock, Retry-After on 429 is waited out and retried, and staff roles are current on its London date. */
  readonly clock?: ExamClock;
  /**
   * Records per listing page.
   * @default 100
   */
  readonly pageSize?: number;
  /**
   * A guard against a listing that never ends.
   * @default 1000
   */
  readonly maxPages?: number;
  /**
   * The most objects fetched at once when a listing gives identities with links (`{ entityType, href }`)
   * rather than the objects; each fetch follows the shared client's retry rules.
   * @default 4
   */
  readonly linkConcurrency?: number;
  /**
   * Whether full pulls read the change logs to hand back a `since` cursor (off: snapshots only, no cursor).
   * @default true
   */
  readonly deltas?: boolean;
  /** Decides a staff member's roles from their Arbor business roles; by default {@link staffRolesFromTitles}. */
  readonly staffRoles?: MisStaffRoles;
  /** The `QualificationAvailabilityInstance` (id or href) of an entry's series; by default found from its dates. */
  readonly availabilityInstance?: (entry: Entry) => string | undefined;
  /** Extra properties written on each registration and kept in step (e.g. Arbor's `entryStatus`). */
  readonly registrationFields?: ArborRegistrationFields;
  /** The `QualificationAssessableInstance` (id or href) of a paper; by default the paper id. */
  readonly paperInstance?: (paperId: string) => string;
  /** The `RoomLayout` (id or href) to seat a room by, for rooms with more than one. */
  readonly roomLayouts?: Readonly<Record<string, string>>;
  /** A seat code's grid position; by default `A1` → `{ x: 1, y: 1 }` ({@link arborSeatCoordinates}). */
  readonly seatCoordinates?: (seat: string) => { readonly x: number; readonly y: number } | undefined;
  /**
   * Hears of each pull when it ends (`onImport`, source `arbor`, kind `candidates`, `staff`, `rooms`,
   * `accessArrangements` or `results`, file `arbor:` and the resource; `rows` the objects read, `records` those
   * mapped, issues by code), or of its failure (`fatal`) before the rejection passes on. A callback that throws
   * is ignored.
   * @default undefined
   */
  readonly observer?: ExamcycleObserver;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Creates the Arbor MIS.
 *
 * @param options - the school's host, API credentials, transport and how entries and seats map
 * @example
 * ```ts
 * declare const clock: ExamClock;
 * declare const entries: Entry[];
 * const arbor = createArborMis({ baseUrl: 'https://example.uk.arbor.sc', username: 'examcycle-app', password: process.env['ARBOR_PASSWORD']!, clock });
 * const { records, cursor } = await arbor.pullCandidates();
 * const changed = cursor === undefined ? undefined : await arbor.pullCandidates({ since: cursor });
 * const { created, issues } = await arbor.pushEntries(entries);
 * ```
 */
export function createArborMis(options: ArborMisOptions): MisPort {
  const { baseUrl, username, password, pageSize = 100, maxPages = 1000, linkConcurrency = 4, deltas = true, clock, staffRoles, observer } = options;
  const http = createMisHttp({
    headers: { Authorization: `Basic ${base64(`${username}:${password}`)}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(clock === undefined ? {} : { clock }),
  });
  const client = createArborClient(http, { root: baseUrl.replace(/\/+$/, ''), pageSize, maxPages, linkConcurrency });
  const staffContext = { ...(clock === undefined ? {} : { clock }), ...(staffRoles === undefined ? {} : { staffRoles }) };

  const pullOnce = async <T>(types: readonly string[], full: (s: ArborSession) => Promise<ArborPart<T>>, delta: (s: ArborSession, changes: readonly ArborChange[]) => Promise<ArborPart<T>>, { since }: MisPullOptions = {}): Promise<{ readonly pull: MisPull<T>; readonly rows: number }> => {
    const s = client.session();
    if (since === undefined) {
      const revisions = deltas ? (await arborChanges(s, types)).revisions : undefined;
      const { rows, ...part } = await full(s);
      return { pull: { ...part, ...(revisions === undefined ? {} : { cursor: encodeArborCursor(revisions) }), complete: true }, rows };
    }
    const from = decodeArborCursor(since, types);
    const { changes, revisions } = await arborChanges(s, types, from);
    const { rows, ...part } = await delta(s, changes);
    return { pull: { ...part, cursor: encodeArborCursor({ ...from, ...revisions }), complete: false }, rows };
  };
  const pull = <T>(kind: string, resource: string, ...args: Parameters<typeof pullOnce<T>>): Promise<MisPull<T>> =>
    observeMisPull(observer, { source: 'arbor', kind, file: `arbor:${resource}` }, () => pullOnce<T>(...args));

  return {
    name: 'arbor',
    supports: new Set<MisOperation>(MIS_OPERATIONS),
    pullCandidates: (o) => pull('candidates', 'candidates', ARBOR_CANDIDATE_TYPES, arborCandidates, arborCandidateChanges, o),
    pullStaff: (o) => pull('staff', 'staff', ARBOR_STAFF_TYPES, (s) => arborStaff(s, staffContext), (s, c) => arborStaffChanges(s, c, staffContext), o),
    pullRooms: (o) => pull('rooms', 'rooms', ARBOR_ROOM_TYPES, arborRooms, arborRoomChanges, o),
    pullAccessArrangements: (o) => pull('accessArrangements', 'candidateAccessArrangements', ARBOR_ACCESS_TYPES, arborAccessArrangements, arborAccessChanges, o),
    pullResults: (o) => pull('results', 'qualificationResults', ARBOR_RESULT_TYPES, arborResults, arborResultChanges, o),
    pushEntries: (entries) =>
      arborPushEntries(client.session(), entries, {
        ...(options.availabilityInstance === undefined ? {} : { availabilityInstance: options.availabilityInstance }),
        ...(options.registrationFields === undefined ? {} : { registrationFields: options.registrationFields }),
      }),
    pushSeating: (seats) =>
      arborPushSeating(client.session(), seats, {
        ...(options.paperInstance === undefined ? {} : { paperInstance: options.paperInstance }),
        ...(options.roomLayouts === undefined ? {} : { roomLayouts: options.roomLayouts }),
        ...(options.seatCoordinates === undefined ? {} : { seatCoordinates: options.seatCoordinates }),
      }),
  };
}
