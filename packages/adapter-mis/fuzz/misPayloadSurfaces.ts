/**
 * The MIS payload surfaces: Wonde listings (students, employees, rooms, with paging) and Arbor objects
 * (listed in full or as identities with links) answered from the test fixtures with their values replaced
 * by what a careless or hostile API might send: nulls, numbers for strings, strings for numbers and
 * booleans (`"35"`, `"false"`), huge strings, arrays, nested objects, prototype keys, missing keys, looping
 * pages, HTTP errors and bodies that are not JSON. Nothing may be thrown but an `ExamcycleError`, and
 * every record of a listing that is read becomes a record or an issue.
 */
import { readFileSync } from 'node:fs';
import { createArborMis, createWondeMis, type MisFetch, type MisPull } from '@examcycle/adapter-mis';
import { createArborServer, type ArborObject } from '../test/arborServer.js';
import type { FuzzRandom } from './fuzzRandom.js';
import type { FuzzOutcome, FuzzSurface } from './runSurface.js';

const wondeFixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../test/fixtures/wonde/${name}`, import.meta.url), 'utf8'));
const WONDE: Readonly<Record<string, readonly unknown[]>> = {
  students: [wondeFixture('students-page-1.json'), wondeFixture('students-page-2.json')],
  employees: [wondeFixture('employees-page-1.json'), wondeFixture('employees-page-2.json')],
  rooms: [wondeFixture('rooms.json')],
};
const ARBOR: readonly ArborObject[] = JSON.parse(readFileSync(new URL('../test/fixtures/arbor/exams-objects.json', import.meta.url), 'utf8')) as ArborObject[];

function hostileValue(rng: FuzzRandom, original: unknown): unknown {
  switch (rng.int(14)) {
    case 0: return null;
    case 1: return rng.int(1000) - 500;
    case 2: return '';
    case 3: return 'x'.repeat(rng.int(100_000));
    case 4: return [original, original];
    case 5: return { data: original, __proto__: { polluted: true } };
    case 6: return typeof original === 'number' ? String(original) : typeof original === 'boolean' ? String(original) : original;
    case 7: return rng.pick(['false', 'true', '35', ' 35 ', '-1', '1e309', 'NaN', '0']);
    case 8: return true;
    case 9: return JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as unknown;
    case 10: return '\u0000\u202e\ud800';
    case 11: return 1e308 * 10;
    case 12: return { entityType: 'Room', href: rng.pick(['/rest-v2/rooms/41', '/rest-v2/rooms/999', '', 'https://elsewhere.example/x']) };
    default: return undefined;
  }
}

/** A deep copy with some values replaced (rate per value), keys dropped or added. */
function mutateJson(value: unknown, rng: FuzzRandom, rate: number, depth = 0): unknown {
  if (depth > 12) return value;
  if (rng.chance(rate)) return hostileValue(rng, value);
  if (Array.isArray(value)) return value.map((v) => mutateJson(v, rng, rate, depth + 1)).filter(() => !rng.chance(rate / 2));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!rng.chance(rate / 3)) out[k] = mutateJson(v, rng, rate, depth + 1);
    if (rng.chance(rate)) out[rng.pick(['__proto__', 'constructor', 'extra', 'href'])] = hostileValue(rng, undefined);
    return out;
  }
  return value;
}

function countListed(pages: readonly unknown[]): number {
  let n = 0;
  for (const p of pages) {
    const data = typeof p === 'object' && p !== null ? (p as { data?: unknown }).data : undefined;
    if (Array.isArray(data)) n += data.length;
  }
  return n;
}

function lost(pull: MisPull<unknown>, listed: number): number {
  // A row left out is accounted for by an error issue at its own place (`wonde:employees` at path [3, …], or
  // `arbor:/rest-v2/rooms/44`): two rows that share a mangled id are still two rows (keying by the id undercounted
  // them: the 100,000-input run's 9 "lost" Wonde rows). A warning's row was taken, so it is among the records.
  const place = (i: (typeof pull.issues)[number]): string => {
    const path = i.location?.path ?? [];
    const fieldDepth = i.location?.field === undefined ? 0 : i.location.field.split('.').length;
    return `${i.location?.file ?? ''}|${path.slice(0, path.length - fieldDepth).join('/')}`;
  };
  const keys = new Set(pull.issues.filter((i) => i.severity === 'error').map(place));
  return Math.max(0, listed - pull.records.length - keys.size);
}

/** Wonde students, employees and rooms. */
export const wondeSurface: FuzzSurface = {
  name: 'wonde-payloads',
  async run(rng): Promise<FuzzOutcome> {
    const kind = rng.pick(['students', 'employees', 'rooms'] as const);
    const rate = rng.pick([0, 0.01, 0.05, 0.2]);
    const served: unknown[] = [];
    const fetch: MisFetch = async (url) => {
      const u = new URL(url);
      if (rng.chance(0.03)) return new Response(rng.pick(['<html>', '', '{"data":', 'null']), { status: rng.pick([200, 500, 404, 401, 429, 302]) });
      if (u.pathname.endsWith('/deletions')) return Response.json({ data: [], meta: { pagination: { next: null } } });
      const pages = WONDE[kind]!;
      const index = Math.min(Number(u.searchParams.get('page') ?? '1') - 1, pages.length - 1);
      let page = mutateJson(pages[index], rng, rate) as Record<string, unknown> | null;
      if (rng.chance(0.05) && typeof page === 'object' && page !== null) page = { ...page, meta: { pagination: { next: url } } };
      served.push(page);
      return Response.json(page);
    };
    const mis = createWondeMis({ token: 't', schoolId: 'A1930499544', fetch, perPage: 3 });
    const pull = kind === 'students' ? await mis.pullCandidates() : kind === 'employees' ? await mis.pullStaff() : await mis.pullRooms();
    return { rowsLost: lost(pull as MisPull<unknown>, countListed(served)) };
  },
};

/** Arbor objects, in full listings or as identities with links. */
export const arborSurface: FuzzSurface = {
  name: 'arbor-payloads',
  async run(rng): Promise<FuzzOutcome> {
    const rate = rng.pick([0, 0.01, 0.05, 0.2]);
    const seed = ARBOR.map((o) => {
      const m = mutateJson(o, rng, rate);
      return typeof m === 'object' && m !== null && !Array.isArray(m) ? ({ ...m, entityType: o.entityType, href: rng.chance(0.97) ? o.href : `${o.href}x` } as ArborObject) : o;
    });
    const server = createArborServer(seed, { identities: rng.chance(0.5) });
    const mis = createArborMis({ baseUrl: 'https://fuzz.uk.arbor.sc', username: 'u', password: 'p', fetch: server.fetch, deltas: rng.chance(0.5), linkConcurrency: 1 + rng.int(6) });
    const op = rng.pick(['pullRooms', 'pullCandidates', 'pullStaff', 'pullAccessArrangements', 'pullResults'] as const);
    const pull = (await mis[op]()) as MisPull<unknown>;
    if (op !== 'pullRooms') return { rowsLost: 0 };
    return { rowsLost: lost(pull, seed.filter((o) => o.entityType === 'Room').length) };
  },
};
