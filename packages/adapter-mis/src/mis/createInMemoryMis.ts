/**
 * An MIS held in memory, implementing every operation of the port: for tests, examples and as a staging
 * store. Every change bumps a revision, so `since` deltas (and removals) work; pushes are idempotent
 * upserts by stable id that report what was created, updated or unchanged. A failure can be scheduled for
 * the next call of an operation, to exercise an embedder's handling of `unreachable`, `rate_limited` …
 */
import { accessArrangementSchema, entrySchema, ExamcycleError, staffMemberSchema, type AccessArrangement, type Entry, type ExamcycleIssue, type StaffMember } from '@examcycle/core';
import { misIssue } from './misIssue.js';
import type { MisCandidate, MisIssueCode, MisOperation, MisPort, MisPull, MisPullOptions, MisPush, MisResult, MisRoom, MisSeat } from './MisPort.js';
import { MIS_OPERATIONS } from './MisPort.js';

/**
 * The records an in-memory MIS holds, by kind.
 *
 * @example
 * ```ts
 * const room: InMemoryMisRecords['rooms'] = { id: 'hall', name: 'Main hall', capacity: 120 };
 * ```
 */
export interface InMemoryMisRecords {
  candidates: MisCandidate;
  staff: StaffMember;
  rooms: MisRoom;
  accessArrangements: AccessArrangement;
  results: MisResult;
  entries: Entry;
  seating: MisSeat;
}

/**
 * A kind of record the in-memory MIS holds.
 *
 * @example
 * ```ts
 * const mis = createInMemoryMis();
 * const kind: InMemoryMisKind = 'rooms';
 * mis.upsert(kind, { id: 'hall', name: 'Main hall' });
 * ```
 */
export type InMemoryMisKind = keyof InMemoryMisRecords;

/**
 * What the in-memory MIS starts with.
 *
 * @example
 * ```ts
 * const seed: InMemoryMisSeed = { rooms: [{ id: 'hall', name: 'Main hall', capacity: 120, examRoom: true }] };
 * const mis = createInMemoryMis(seed);
 * ```
 */
export type InMemoryMisSeed = { readonly [K in InMemoryMisKind]?: readonly InMemoryMisRecords[K][] };

/**
 * The in-memory MIS: the port, plus the controls a test or an example needs.
 *
 * @example
 * ```ts
 * const mis: InMemoryMis = createInMemoryMis();
 * mis.failNext('pullCandidates', new ExamcycleError('unreachable', 'MIS down for maintenance', { retryable: true }));
 * await mis.pullCandidates().catch((e: unknown) => isExamcycleError(e) && e.retryable); // true
 * ```
 */
export interface InMemoryMis extends MisPort {
  /** Adds or changes a record (as a change made in the MIS). */
  upsert<K extends InMemoryMisKind>(kind: K, record: InMemoryMisRecords[K]): void;
  /** Removes a record (a delta reports its id in `deletedIds`). */
  remove(kind: InMemoryMisKind, id: string): void;
  /** Every record of a kind, as held now. */
  all<K extends InMemoryMisKind>(kind: K): readonly InMemoryMisRecords[K][];
  /** Makes the next call of an operation reject with this error. */
  failNext(operation: MisOperation, error: ExamcycleError): void;
}

interface Stored<T> {
  record: T;
  revision: number;
  json: string;
}

/**
 * Creates an in-memory MIS.
 *
 * @param seed - the records it starts with
 * @example
 * ```ts
 * const mis = createInMemoryMis({ candidates: [{ id: 'S1', legalSurname: 'Jones', legalForenames: 'Siân', dateOfBirth: '2009-03-14' }] });
 * const first = await mis.pullCandidates();
 * mis.upsert('candidates', { id: 'S2', legalSurname: 'Khan', legalForenames: 'Aisha', dateOfBirth: '2009-05-01' });
 * (await mis.pullCandidates({ since: first.cursor! })).records; // [S2]
 * ```
 */
export function createInMemoryMis(seed: InMemoryMisSeed = {}): InMemoryMis {
  let revision = 0;
  const stores = new Map<InMemoryMisKind, Map<string, Stored<unknown>>>();
  const tombstones = new Map<InMemoryMisKind, Map<string, number>>();
  const failures = new Map<MisOperation, ExamcycleError>();
  const storeOf = (kind: InMemoryMisKind): Map<string, Stored<unknown>> => {
    let s = stores.get(kind);
    if (!s) {
      s = new Map();
      stores.set(kind, s);
    }
    return s;
  };
  const put = (kind: InMemoryMisKind, id: string, record: unknown): 'created' | 'updated' | 'unchanged' => {
    const store = storeOf(kind);
    const json = JSON.stringify(record);
    const existing = store.get(id);
    if (existing && existing.json === json) return 'unchanged';
    revision += 1;
    store.set(id, { record, revision, json });
    tombstones.get(kind)?.delete(id);
    return existing ? 'updated' : 'created';
  };
  for (const [kind, records] of Object.entries(seed) as Array<[InMemoryMisKind, readonly { id: string }[]]>) {
    for (const r of records) put(kind, r.id, r);
  }

  const fail = (op: MisOperation): void => {
    const error = failures.get(op);
    if (error) {
      failures.delete(op);
      throw error;
    }
  };

  const pull = async <T>(op: MisOperation, kind: InMemoryMisKind, options: MisPullOptions = {}): Promise<MisPull<T>> => {
    fail(op);
    const since = options.since === undefined ? undefined : Number(options.since);
    if (since !== undefined && (!Number.isInteger(since) || since < 0 || since > revision)) {
      throw new ExamcycleError('invalid_value', `Not a cursor of this MIS: "${options.since}"`, { details: { since: options.since } });
    }
    const records = [...storeOf(kind).values()].filter((s) => since === undefined || s.revision > since).sort((a, b) => a.revision - b.revision).map((s) => s.record as T);
    const deletedIds = since === undefined ? [] : [...(tombstones.get(kind) ?? new Map<string, number>())].filter(([, rev]) => rev > since).map(([id]) => id);
    return { records, deletedIds, issues: [], cursor: String(revision), complete: since === undefined };
  };

  const push = async <T extends { id: string }>(op: MisOperation, kind: InMemoryMisKind, records: readonly T[], validate: (r: T) => ExamcycleIssue<MisIssueCode>[]): Promise<MisPush> => {
    fail(op);
    const created: string[] = [];
    const updated: string[] = [];
    const unchanged: string[] = [];
    const issues: ExamcycleIssue<MisIssueCode>[] = [];
    for (const r of records) {
      const problems = validate(r);
      if (problems.length > 0) {
        issues.push(...problems);
        continue;
      }
      const outcome = put(kind, r.id, r);
      (outcome === 'created' ? created : outcome === 'updated' ? updated : unchanged).push(r.id);
    }
    return { created, updated, unchanged, issues };
  };

  const zodIssues = (file: string, id: string, result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }): ExamcycleIssue<MisIssueCode>[] =>
    result.success ? [] : (result.error?.issues ?? []).map((i) => misIssue({ file }, 'invalid_value', 'error', i.message, { recordId: id, field: i.path.map(String).join('.') }));

  return {
    name: 'in-memory',
    supports: new Set(MIS_OPERATIONS),
    pullCandidates: (o) => pull<MisCandidate>('pullCandidates', 'candidates', o),
    pullStaff: (o) => pull<StaffMember>('pullStaff', 'staff', o),
    pullRooms: (o) => pull<MisRoom>('pullRooms', 'rooms', o),
    pullAccessArrangements: (o) => pull<AccessArrangement>('pullAccessArrangements', 'accessArrangements', o),
    pullResults: (o) => pull<MisResult>('pullResults', 'results', o),
    pushEntries: (entries) => push('pushEntries', 'entries', entries, (e) => zodIssues('in-memory:entries', e.id, entrySchema.safeParse(e))),
    pushSeating: (seats) =>
      push('pushSeating', 'seating', seats, (s) =>
        /^[A-Z]{1,2}\d{1,3}$/.test(s.seat) && s.id !== '' && s.candidateId !== '' && s.paperId !== '' && s.roomId !== ''
          ? []
          : [misIssue({ file: 'in-memory:seating' }, 'invalid_value', 'error', 'A seat needs an id, candidate, paper, room and a seat code like A1', { recordId: s.id, field: 'seat', value: s.seat })],
      ),
    upsert(kind, record) {
      const schema = kind === 'staff' ? staffMemberSchema : kind === 'accessArrangements' ? accessArrangementSchema : kind === 'entries' ? entrySchema : undefined;
      const checked = schema?.safeParse(record);
      if (checked !== undefined && !checked.success) {
        throw new ExamcycleError('invalid_value', `Not a valid ${kind} record: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { cause: checked.error });
      }
      put(kind, (record as { id: string }).id, record);
    },
    remove(kind, id) {
      const store = storeOf(kind);
      if (!store.delete(id)) return;
      revision += 1;
      let t = tombstones.get(kind);
      if (!t) {
        t = new Map();
        tombstones.set(kind, t);
      }
      t.set(id, revision);
    },
    all<K extends InMemoryMisKind>(kind: K) {
      return [...storeOf(kind).values()].sort((a, b) => a.revision - b.revision).map((s) => s.record as InMemoryMisRecords[K]);
    },
    failNext(operation, error) {
      failures.set(operation, error);
    },
  };
}
