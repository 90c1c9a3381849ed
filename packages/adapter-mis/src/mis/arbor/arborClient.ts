/**
 * Arbor's REST API as its official PHP SDK (`arbor-education/sis-sdk-php`, `RestGateway`) speaks it:
 *
 * - a resource type's URL segment is its plural (the SDK's `PluralizeFilter`: `…s` → `…ses`, `…y` →
 *   `…ies` unless `…ay`, else `+s`) in dashed lower case (`CamelCaseToDash`): `CandidateAssessableEntry` →
 *   `/rest-v2/candidate-assessable-entries`, `UkJcq_UciAssignment` → `/rest-v2/uk-jcq_uci-assignments`;
 * - a listing answers `{ <lowerCamelPlural>: [...] }`, one object `{ <lowerCamelType>: {...} }`;
 * - filters are `filters.<property>.<operator>=<value>` (`equals`, `from`, `to`, `after`, `before`,
 *   `search`, `in`; a related object is given by its href, a datetime as `Y-m-d H:i:s`), pages are `page`
 *   and `page-size`;
 * - create is `POST /rest-v2/<resource>` with `{ request: { <type>: {...} } }`, update is `PUT <href>` with
 *   the changed properties the same way;
 * - the change log is `GET /rest-v2/<resource>/changelog?from-revision=N`, answering `{ changes: [{
 *   changedObject, changeType, fromRevision, toRevision }] }`;
 * - an answer may carry `{ response: { code, reason, errors } }`, whose code the SDK treats as the status;
 * - a listing item may be only an identity (`{ entityType, href }`): the full object is read from its href
 *   (a bounded number at a time, see `arborLinks`), as the SDK loads an object whose property is missing;
 *   one gone by then (HTTP 404) stays a link, which the mappings report as a record they cannot read.
 *
 * A session caches each object fetched by href for the length of one operation, so a pull reads each
 * related object once but never serves a stale one to a later pull.
 */
import { ExamcycleError, isExamcycleError } from '@examcycle/core';
import type { MisHttp } from '../misHttp.js';
import { misMalformed } from '../misMalformed.js';
import type { ArborEntity } from './arborEntity.js';
import { followArborLinks } from './arborLinks.js';

/**
 * Where a resource type lives: its listing path and the JSON roots of a listing and of one object.
 *
 * @example
 * ```ts
 * const { path, listRoot }: ArborResource = arborResource('Room'); // '/rest-v2/rooms', 'rooms'
 * ```
 */
export interface ArborResource {
  readonly type: string;
  readonly path: string;
  readonly listRoot: string;
  readonly itemRoot: string;
}

function pluralize(type: string): string {
  if (type.endsWith('s')) return `${type.slice(0, -1)}ses`;
  if (type.endsWith('y')) return type.endsWith('ay') ? `${type}s` : `${type.slice(0, -1)}ies`;
  return `${type}s`;
}

function camelToDash(value: string): string {
  return value.replace(/(?<=[A-Z])([A-Z]+)([A-Z][A-Za-z])/g, '$1-$2').replace(/(?<=[a-z0-9])([A-Z])/g, '-$1');
}

const lcfirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The path and JSON roots of an Arbor resource type, by the SDK's naming rule.
 *
 * @param type - the resource type, e.g. `CandidateRegistration` or `UkDfe_UpnAssignment`
 * @example
 * ```ts
 * arborResource('CandidateAssessableEntry');
 * // { type, path: '/rest-v2/candidate-assessable-entries', listRoot: 'candidateAssessableEntries', itemRoot: 'candidateAssessableEntry' }
 * ```
 */
export function arborResource(type: string): ArborResource {
  const plural = pluralize(type);
  return { type, path: `/rest-v2/${camelToDash(plural).toLowerCase()}`, listRoot: lcfirst(plural), itemRoot: lcfirst(type) };
}

/**
 * A reference to an Arbor object, as Arbor writes one inside another.
 *
 * @param type - its resource type
 * @param href - its href
 * @internal
 */
export function arborRef(type: string, href: string): { readonly entityType: string; readonly href: string } {
  return { entityType: type, href };
}

/** One operation's view of Arbor: listings, objects by href (cached for the operation), writes and the change log. */
export interface ArborSession {
  /** Every object of a type, page after page, optionally filtered (`{ 'student.equals': href }`). */
  list(type: string, filters?: Readonly<Record<string, string>>): Promise<ArborEntity[]>;
  /** One object by its href (read once per session). */
  get(href: string, type: string): Promise<ArborEntity>;
  /** Creates an object; answers it as Arbor stored it. */
  create(type: string, fields: Readonly<Record<string, unknown>>): Promise<ArborEntity>;
  /** Changes some properties of an object; answers it as Arbor stored it. */
  update(href: string, type: string, fields: Readonly<Record<string, unknown>>): Promise<ArborEntity>;
  /** The raw change-log items of a type after a revision, and the URL that gave them. */
  changelog(type: string, fromRevision: number): Promise<{ readonly url: string; readonly changes: readonly unknown[] }>;
}

/** Options for {@link createArborClient}. */
export interface ArborClientOptions {
  /** The school's host, without a trailing slash. */
  readonly root: string;
  readonly pageSize: number;
  readonly maxPages: number;
  /** The most link fetches in flight when a listing holds identities rather than objects. */
  readonly linkConcurrency: number;
}

/**
 * Whether an error is Arbor saying an object does not exist (HTTP 404).
 *
 * @param error - anything thrown
 * @internal
 */
export function isArborNotFound(error: unknown): boolean {
  return isExamcycleError(error) && error.details?.['status'] === 404;
}

/**
 * Arbor's reason for refusing a write it could read (HTTP 400 or 422, a validation failure), or `undefined`
 * for any other failure.
 *
 * @param error - anything thrown by a write
 * @internal
 */
export function arborRefusal(error: unknown): string | undefined {
  if (!isExamcycleError(error)) return undefined;
  const status = error.details?.['status'];
  if (status !== 400 && status !== 422) return undefined;
  const body = error.details?.['body'];
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { response?: { reason?: unknown; errors?: Array<{ message?: unknown }> } };
      const message = parsed.response?.errors?.[0]?.message ?? parsed.response?.reason;
      if (typeof message === 'string') return message;
    } catch {
      return body.slice(0, 200);
    }
    return body.slice(0, 200);
  }
  return error.message;
}

function checkResponseCode(body: unknown, method: string, url: string): void {
  const response = typeof body === 'object' && body !== null ? (body as { response?: { code?: unknown; reason?: unknown } }).response : undefined;
  const code = typeof response?.code === 'number' ? response.code : typeof response?.code === 'string' ? Number(response.code) : undefined;
  if (code === undefined || !Number.isFinite(code) || code < 400) return;
  const details = { status: code, body: JSON.stringify(body).slice(0, 500) };
  const reason = typeof response?.reason === 'string' ? `: ${response.reason}` : '';
  if (code === 401 || code === 403) throw new ExamcycleError('not_authorised', `${method} ${url}: Arbor answered ${code}${reason}`, { retryable: false, details, location: { file: url } });
  if (code === 429) throw new ExamcycleError('rate_limited', `${method} ${url}: Arbor answered 429${reason}`, { retryable: true, details, location: { file: url } });
  throw new ExamcycleError('unreachable', `${method} ${url}: Arbor answered ${code}${reason}`, { retryable: code >= 500, details, location: { file: url } });
}

/**
 * Creates the Arbor client over the shared JSON client.
 *
 * @param http - the JSON client (auth, typed errors, Retry-After)
 * @param options - host, page size and the paging guard
 * @internal
 */
export function createArborClient(http: MisHttp, options: ArborClientOptions): { session(): ArborSession } {
  const { root, pageSize, maxPages, linkConcurrency } = options;
  const urlOf = (href: string): string => (/^https?:\/\//.test(href) ? href : `${root}${href.startsWith('/') ? '' : '/'}${href}`);
  const getJson = async (url: string): Promise<unknown> => {
    const body = await http.getJson(url);
    checkResponseCode(body, 'GET', url);
    return body;
  };
  const send = async (method: 'POST' | 'PUT', url: string, payload: unknown): Promise<unknown> => {
    const body = await http.sendJson(method, url, payload);
    checkResponseCode(body, method, url);
    return body;
  };
  const objectIn = (body: unknown, resource: ArborResource, url: string): ArborEntity => {
    const item = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[resource.itemRoot] : undefined;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw misMalformed(`Arbor ${url} did not return a "${resource.itemRoot}" object`, { endpoint: `arbor:${resource.itemRoot}`, url, field: resource.itemRoot });
    }
    return item as ArborEntity;
  };

  return {
    session(): ArborSession {
      const cache = new Map<string, Promise<ArborEntity>>();
      const session: ArborSession = {
        async list(type, filters = {}) {
          const resource = arborResource(type);
          const all: ArborEntity[] = [];
          for (let page = 1; ; page += 1) {
            const params = new URLSearchParams();
            for (const [k, v] of Object.entries(filters)) params.set(`filters.${k}`, v);
            params.set('page', String(page));
            params.set('page-size', String(pageSize));
            const url = `${root}${resource.path}?${params.toString()}`;
            const endpoint = `arbor:${resource.listRoot}`;
            if (page > maxPages) throw misMalformed(`Arbor listing ${resource.path} does not end`, { endpoint, url, field: 'page' });
            const body = await getJson(url);
            const items = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[resource.listRoot] : undefined;
            if (!Array.isArray(items)) throw misMalformed(`Arbor ${resource.path} did not return a "${resource.listRoot}" list`, { endpoint, url, field: resource.listRoot });
            for (const [i, item] of items.entries()) {
              if (typeof item !== 'object' || item === null || Array.isArray(item)) {
                throw misMalformed(`Arbor ${resource.path} item ${all.length} is not an object`, { endpoint, url, recordIndex: all.length, field: `${resource.listRoot}[${i}]`, value: JSON.stringify(item) ?? String(item) });
              }
              all.push(item as ArborEntity);
            }
            if (items.length < pageSize) {
              // An object deleted between the listing and its fetch stays a link, for the mapping to report.
              const load = (href: string): Promise<ArborEntity | undefined> => session.get(href, type).catch((error: unknown) => (isArborNotFound(error) ? undefined : Promise.reject(error)));
              return followArborLinks(all, load, linkConcurrency);
            }
          }
        },
        get(href, type) {
          const cached = cache.get(href);
          if (cached) return cached;
          const url = urlOf(href);
          const loaded = getJson(url).then((body) => objectIn(body, arborResource(type), url));
          cache.set(href, loaded);
          loaded.catch(() => cache.delete(href));
          return loaded;
        },
        async create(type, fields) {
          const resource = arborResource(type);
          const url = `${root}${resource.path}`;
          const made = objectIn(await send('POST', url, { request: { [resource.itemRoot]: { entityType: type, ...fields } } }), resource, url);
          if (typeof made.href === 'string') cache.set(made.href, Promise.resolve(made));
          return made;
        },
        async update(href, type, fields) {
          const resource = arborResource(type);
          const url = urlOf(href);
          const changed = objectIn(await send('PUT', url, { request: { [resource.itemRoot]: { entityType: type, href, ...fields } } }), resource, url);
          cache.set(href, Promise.resolve(changed));
          return changed;
        },
        async changelog(type, fromRevision) {
          const resource = arborResource(type);
          const url = `${root}${resource.path}/changelog${fromRevision > 0 ? `?from-revision=${fromRevision}` : ''}`;
          const body = await getJson(url);
          if (typeof body !== 'object' || body === null) throw misMalformed(`Arbor ${resource.path}/changelog did not return an object`, { endpoint: `arbor:${resource.listRoot}/changelog`, url });
          const changes = (body as { changes?: unknown }).changes;
          if (changes === undefined) return { url, changes: [] };
          if (!Array.isArray(changes)) throw misMalformed(`Arbor ${resource.path}/changelog "changes" is not a list`, { endpoint: `arbor:${resource.listRoot}/changelog`, url, field: 'changes' });
          return { url, changes };
        },
      };
      return session;
    },
  };
}
