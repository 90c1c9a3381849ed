/**
 * A stateful fake of Arbor's REST API for the push, delta and idempotency tests: it holds objects by href
 * and answers as the official SDK expects (listings `{ <plural>: [...] }` with `filters.<path>.equals` and
 * `page` / `page-size`, one object `{ <type>: {...} }`, POST to create, PUT to change, and
 * `/changelog?from-revision=N`). Every change bumps a revision and is logged, so the change log is real.
 * Paths are an explicit table here, independent of the adapter's naming rule.
 */
import type { MisFetch, MisResponse } from '@examcycle/adapter-mis';
import { respond } from './recordedFetch.js';

export interface ArborObject {
  entityType: string;
  href: string;
  [key: string]: unknown;
}

const RESOURCES: Record<string, { type: string; list: string; item: string }> = {
  'candidates': { type: 'Candidate', list: 'candidates', item: 'candidate' },
  'students': { type: 'Student', list: 'students', item: 'student' },
  'persons': { type: 'Person', list: 'persons', item: 'person' },
  'uk-jcq_uci-assignments': { type: 'UkJcq_UciAssignment', list: 'ukJcq_UciAssignments', item: 'ukJcq_UciAssignment' },
  'uk-dfe_upn-assignments': { type: 'UkDfe_UpnAssignment', list: 'ukDfe_UpnAssignments', item: 'ukDfe_UpnAssignment' },
  'staffs': { type: 'Staff', list: 'staffs', item: 'staff' },
  'business-role-assignments': { type: 'BusinessRoleAssignment', list: 'businessRoleAssignments', item: 'businessRoleAssignment' },
  'business-roles': { type: 'BusinessRole', list: 'businessRoles', item: 'businessRole' },
  'rooms': { type: 'Room', list: 'rooms', item: 'room' },
  'room-layouts': { type: 'RoomLayout', list: 'roomLayouts', item: 'roomLayout' },
  'room-layout-seats': { type: 'RoomLayoutSeat', list: 'roomLayoutSeats', item: 'roomLayoutSeat' },
  'access-arrangements': { type: 'AccessArrangement', list: 'accessArrangements', item: 'accessArrangement' },
  'candidate-access-arrangements': { type: 'CandidateAccessArrangement', list: 'candidateAccessArrangements', item: 'candidateAccessArrangement' },
  'candidate-entries': { type: 'CandidateEntry', list: 'candidateEntries', item: 'candidateEntry' },
  'candidate-assessable-entries': { type: 'CandidateAssessableEntry', list: 'candidateAssessableEntries', item: 'candidateAssessableEntry' },
  'candidate-registrations': { type: 'CandidateRegistration', list: 'candidateRegistrations', item: 'candidateRegistration' },
  'qualification-awards': { type: 'QualificationAward', list: 'qualificationAwards', item: 'qualificationAward' },
  'qualification-availability-instances': { type: 'QualificationAvailabilityInstance', list: 'qualificationAvailabilityInstances', item: 'qualificationAvailabilityInstance' },
  'qualification-assessable-instances': { type: 'QualificationAssessableInstance', list: 'qualificationAssessableInstances', item: 'qualificationAssessableInstance' },
  'awarding-organizations': { type: 'AwardingOrganization', list: 'awardingOrganizations', item: 'awardingOrganization' },
  'qualification-results': { type: 'QualificationResult', list: 'qualificationResults', item: 'qualificationResult' },
  'qualification-grades': { type: 'QualificationGrade', list: 'qualificationGrades', item: 'qualificationGrade' },
};

interface Change {
  type: string;
  changeType: 'create' | 'update' | 'delete';
  changedObject: ArborObject;
  fromRevision: number;
  toRevision: number;
}

export interface ArborServer {
  readonly fetch: MisFetch;
  readonly requests: string[];
  /** Adds or changes an object (as a change made in Arbor). */
  put(object: ArborObject): void;
  /** Removes an object (as a deletion made in Arbor). */
  remove(href: string): void;
  /** Every object of a type, by href, as held now. */
  all(type: string): ArborObject[];
  get(href: string): ArborObject | undefined;
  /** Makes the next write answer this status with an Arbor error body. */
  refuseNextWrite(status: number, message: string): void;
  /** The most requests that were in flight at once. */
  readonly maxInFlight: () => number;
}

export interface ArborServerOptions {
  /** Listings answer identities with links (`{ entityType, href }`), as Arbor's API does, not the objects. */
  readonly identities?: boolean;
}

export function createArborServer(seed: readonly ArborObject[], options: ArborServerOptions = {}): ArborServer {
  let inFlight = 0;
  let maxInFlight = 0;
  const store = new Map<string, ArborObject>();
  const log: Change[] = [];
  const requests: string[] = [];
  let revision = 0;
  let nextId = 5000;
  let refusal: { status: number; message: string } | undefined;
  const record = (changeType: Change['changeType'], object: ArborObject): void => {
    log.push({ type: object.entityType, changeType, changedObject: structuredClone(object), fromRevision: revision, toRevision: revision + 1 });
    revision += 1;
  };
  const put = (object: ArborObject): void => {
    record(store.has(object.href) ? 'update' : 'create', object);
    store.set(object.href, structuredClone(object));
  };
  for (const o of seed) put(o);

  const valueAt = (object: ArborObject, path: readonly string[]): unknown => {
    let current: unknown = object;
    for (const key of path) {
      if (typeof current !== 'object' || current === null) return undefined;
      let o = current as Record<string, unknown>;
      if (!(key in o) && typeof o['href'] === 'string') o = (store.get(o['href']) as Record<string, unknown> | undefined) ?? o;
      current = o[key];
    }
    return current;
  };
  const matches = (object: ArborObject, filters: Array<[string[], string]>): boolean =>
    filters.every(([path, value]) => {
      const v = valueAt(object, path);
      if (typeof v === 'object' && v !== null && typeof (v as { href?: unknown }).href === 'string') return (v as { href: string }).href === value;
      return v !== undefined && v !== null && String(v) === value;
    });

  const fetch: MisFetch = async (url, init) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return answer(url, init);
    } finally {
      inFlight -= 1;
    }
  };
  const answer = (url: string, init: Parameters<MisFetch>[1]): MisResponse => {
    requests.push(`${init.method} ${url.replace(/^https:\/\/[^/]+/, '')}`);
    const u = new URL(url);
    const [, api, segment, id] = u.pathname.split('/');
    const resource = segment === undefined ? undefined : RESOURCES[segment];
    if (api !== 'rest-v2' || resource === undefined) return respond(404, { response: { code: 404, reason: 'Not Found' } });
    if (init.method === 'GET' && id === 'changelog') {
      const from = Number(u.searchParams.get('from-revision') ?? '0');
      return respond(200, { changes: log.filter((c) => c.type === resource.type && c.toRevision > from) });
    }
    if (init.method === 'GET' && id === undefined) {
      const filters: Array<[string[], string]> = [];
      for (const [k, v] of u.searchParams) {
        if (!k.startsWith('filters.')) continue;
        const parts = k.slice('filters.'.length).split('.');
        if (parts.pop() !== 'equals') return respond(400, { response: { code: 400, reason: `operator not supported by the fake: ${k}` } });
        filters.push([parts, v]);
      }
      const page = Number(u.searchParams.get('page') ?? '1');
      const size = Number(u.searchParams.get('page-size') ?? '100');
      const items = [...store.values()].filter((o) => o.entityType === resource.type && matches(o, filters));
      const listed = items.slice((page - 1) * size, page * size);
      return respond(200, { [resource.list]: options.identities ? listed.map((o) => ({ entityType: o.entityType, href: o.href })) : listed });
    }
    if (init.method === 'GET') {
      const object = store.get(`/rest-v2/${segment}/${id}`);
      return object ? respond(200, { [resource.item]: object }) : respond(404, { response: { code: 404, reason: 'Not Found' } });
    }
    if (refusal !== undefined) {
      const { status, message } = refusal;
      refusal = undefined;
      return respond(status, { response: { code: status, reason: 'Validation failed', errors: [{ exception: 'ValidationException', message, trace: [] }] } });
    }
    const fields = (JSON.parse(init.body ?? '{}') as { request?: Record<string, Record<string, unknown>> }).request?.[resource.item];
    if (fields === undefined) return respond(422, { response: { code: 422, reason: `no ${resource.item} in the request` } });
    if (init.method === 'POST' && id === undefined) {
      const made: ArborObject = { ...fields, entityType: resource.type, href: `/rest-v2/${segment}/${nextId++}` };
      put(made);
      return respond(201, { [resource.item]: made });
    }
    if (init.method === 'PUT' && id !== undefined) {
      const href = `/rest-v2/${segment}/${id}`;
      const current = store.get(href);
      if (!current) return respond(404, { response: { code: 404, reason: 'Not Found' } });
      const changed: ArborObject = { ...current, ...fields, entityType: current.entityType, href };
      put(changed);
      return respond(200, { [resource.item]: changed });
    }
    return respond(405, { response: { code: 405, reason: 'Method not allowed' } });
  };

  return {
    fetch,
    requests,
    put,
    remove(href) {
      const object = store.get(href);
      if (!object) return;
      store.delete(href);
      record('delete', object);
    },
    all: (type) => [...store.values()].filter((o) => o.entityType === type).sort((a, b) => a.href.localeCompare(b.href)).map((o) => structuredClone(o)),
    get: (href) => {
      const o = store.get(href);
      return o === undefined ? undefined : structuredClone(o);
    },
    refuseNextWrite(status, message) {
      refusal = { status, message };
    },
    maxInFlight: () => maxInFlight,
  };
}
