/**
 * The Wonde mapping of the MIS port. Wonde is a read API over many MIS: students come from
 * `GET https://{domain}/v1.0/schools/{school}/students?include=education_details`, paged through
 * `meta.pagination.next`, with Bearer-token auth. Deltas use Wonde's `updated_after` filter; the cursor is
 * the latest `updated_at` seen less one second, so a change made in the same second is fetched again
 * rather than missed (upserts are idempotent). Wonde's official client has no exam, staff-role, room-grid
 * or access-arrangement mapping examcycle could rely on, so those operations are not supported here.
 */
import { DateTime } from 'luxon';
import { ExamcycleError, type ExamClock } from '@examcycle/core';
import { createMisHttp, type MisFetch } from '../misHttp.js';
import { misUnsupported, type MisCandidate, type MisIssue, type MisOperation, type MisPort } from '../MisPort.js';
import { wondePageSchema, wondeStudentToCandidate } from './wondeStudent.js';

/** Options for {@link createWondeMis}. */
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
   * Students per page.
   * @default 200
   */
  readonly perPage?: number;
  /**
   * A guard against a paging loop.
   * @default 1000
   */
  readonly maxPages?: number;
}

/**
 * Creates the Wonde MIS.
 *
 * @param options - token, school id, domain, transport
 * @example
 * ```ts
 * const wonde = createWondeMis({ token: process.env.WONDE_TOKEN!, schoolId: 'A1930499544' });
 * const { records, issues, cursor } = await wonde.pullCandidates();
 * const later = await wonde.pullCandidates({ since: cursor });
 * ```
 */
export function createWondeMis(options: WondeMisOptions): MisPort {
  const { token, schoolId, domain = 'api.wonde.com', perPage = 200, maxPages = 1000 } = options;
  const http = createMisHttp({
    headers: { Authorization: `Bearer ${token}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const base = `https://${domain}/v1.0/schools/${encodeURIComponent(schoolId)}`;
  const none = (op: MisOperation): Promise<never> => misUnsupported('wonde', op, 'no Wonde endpoint gives it in the form examcycle needs');

  return {
    name: 'wonde',
    supports: new Set<MisOperation>(['pullCandidates']),
    async pullCandidates(pull = {}) {
      const params = new URLSearchParams({ include: 'education_details', per_page: String(perPage) });
      if (pull.since !== undefined) {
        const since = DateTime.fromISO(pull.since, { setZone: true });
        if (!since.isValid) throw new ExamcycleError('invalid_value', `Not a Wonde cursor: "${pull.since}"`, { details: { since: pull.since } });
        params.set('updated_after', since.toUTC().toFormat('yyyy-MM-dd HH:mm:ss'));
      }
      let url: string | undefined = `${base}/students?${params.toString()}`;
      const visited = new Set<string>();
      const records: MisCandidate[] = [];
      const issues: MisIssue[] = [];
      let latest: DateTime | undefined;
      let index = 0;
      while (url !== undefined) {
        if (visited.has(url) || visited.size >= maxPages) {
          throw new ExamcycleError('malformed_response', `Wonde paging does not end (page ${visited.size + 1}: ${url})`, { location: { file: url, field: 'meta.pagination.next' } });
        }
        visited.add(url);
        const body = await http.getJson(url);
        const page = wondePageSchema.safeParse(body);
        if (!page.success) {
          const first = page.error.issues[0];
          throw new ExamcycleError('malformed_response', `Wonde students page is not { data: [...] }: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`, {
            location: { file: url, field: first?.path.join('.') ?? 'data' },
          });
        }
        for (const raw of page.data.data) {
          const mapped = wondeStudentToCandidate(raw, `wonde:students[${index}]`);
          index += 1;
          issues.push(...mapped.issues);
          if (mapped.candidate === undefined) continue;
          records.push(mapped.candidate);
          if (mapped.candidate.updatedAt !== undefined) {
            const at = DateTime.fromISO(mapped.candidate.updatedAt, { setZone: true });
            if (latest === undefined || at > latest) latest = at;
          }
        }
        const next = page.data.meta?.pagination?.next;
        url = next === undefined || next === null || next === '' ? undefined : next;
      }
      const cursor = latest !== undefined ? latest.minus({ seconds: 1 }).toUTC().toISO()! : pull.since;
      return { records, deletedIds: [], issues, ...(cursor === undefined ? {} : { cursor }), complete: pull.since === undefined };
    },
    pullStaff: () => none('pullStaff'),
    pullRooms: () => none('pullRooms'),
    pullAccessArrangements: () => none('pullAccessArrangements'),
    pushEntries: () => none('pushEntries'),
    pushSeating: () => none('pushSeating'),
    pullResults: () => none('pullResults'),
  };
}
