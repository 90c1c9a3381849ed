/**
 * Arbor deltas through its change log, as the official SDK (`RestGateway::getChanges`) and an independent
 * Ruby client read it: `GET /rest-v2/<resource>/changelog?from-revision=N` lists each change after revision
 * N with the changed object, the change type and the revision it made. The `since` cursor examcycle hands
 * back is `arbor-changelog:` followed by the highest revision seen per resource type, as JSON; a pull's
 * record may be built from several types (a candidate from `Candidate`, `Student`, `Person` and the UCI and
 * UPN assignments), so the cursor holds one revision for each.
 *
 * The change-type values are not public: one that says delete or remove is read as a removal.
 */
import { ExamcycleError } from '@examcycle/core';
import type { ExamcycleIssue } from '@examcycle/core';
import type { MisCursor, MisIssueCode } from '../MisPort.js';
import { misMalformed } from '../misMalformed.js';
import { arborResource, type ArborSession } from './arborClient.js';
import type { ArborEntity } from './arborEntity.js';

/** One change of one object. */
export interface ArborChange {
  readonly type: string;
  readonly changeType: string;
  readonly object: ArborEntity;
  readonly toRevision: number;
  /** Whether the change removed the object. */
  readonly removed: boolean;
}

/** What a pull of one kind gives, full or delta, before the cursor is added. */
export interface ArborPart<T> {
  readonly records: readonly T[];
  readonly issues: readonly ExamcycleIssue<MisIssueCode>[];
  readonly deletedIds: readonly string[];
  /** The objects read that records are built from (for the observer). */
  readonly rows: number;
}

/** The highest revision seen, per resource type. */
export type ArborRevisions = Readonly<Record<string, number>>;

const PREFIX = 'arbor-changelog:';

/**
 * The cursor for a set of revisions.
 *
 * @param revisions - the highest revision seen per resource type
 * @internal
 */
export function encodeArborCursor(revisions: ArborRevisions): MisCursor {
  return `${PREFIX}${JSON.stringify(Object.fromEntries(Object.entries(revisions).sort(([a], [b]) => a.localeCompare(b))))}`;
}

/**
 * The revisions in a cursor, for the resource types a pull reads.
 *
 * @param cursor - a cursor from an earlier Arbor pull of the same kind
 * @param types - the resource types the pull reads
 * @throws ExamcycleError `invalid_value` when it is not such a cursor
 * @internal
 */
export function decodeArborCursor(cursor: MisCursor, types: readonly string[]): ArborRevisions {
  const invalid = (why: string): ExamcycleError => new ExamcycleError('invalid_value', `Not an Arbor cursor for ${types.join(', ')}: ${why}`, { details: { since: cursor } });
  if (!cursor.startsWith(PREFIX)) throw invalid(`"${cursor.slice(0, 40)}"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor.slice(PREFIX.length));
  } catch (cause) {
    throw new ExamcycleError('invalid_value', `Not an Arbor cursor: its revisions are not JSON`, { cause, details: { since: cursor } });
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('no revisions');
  const revisions: Record<string, number> = {};
  for (const type of types) {
    const rev = (parsed as Record<string, unknown>)[type];
    if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 0) throw invalid(`no revision for ${type}`);
    revisions[type] = rev;
  }
  return revisions;
}

function revisionOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The changes of some resource types after the given revisions (from revision 0 when there are none), and
 * the highest revision now seen per type.
 *
 * @param s - the Arbor session
 * @param types - the resource types to read
 * @param since - the revisions to start after
 * @internal
 */
export async function arborChanges(s: ArborSession, types: readonly string[], since?: ArborRevisions): Promise<{ readonly changes: readonly ArborChange[]; readonly revisions: ArborRevisions }> {
  const changes: ArborChange[] = [];
  const revisions: Record<string, number> = {};
  for (const type of types) {
    const from = since?.[type] ?? 0;
    let highest = from;
    const { url, changes: items } = await s.changelog(type, from);
    const endpoint = `arbor:${arborResource(type).listRoot}/changelog`;
    items.forEach((item, index) => {
      const c = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
      const object = c?.['changedObject'];
      const to = revisionOf(c?.['toRevision']);
      const changeType = c?.['changeType'];
      if (typeof object !== 'object' || object === null || to === undefined || typeof changeType !== 'string') {
        throw misMalformed(`Arbor ${type} change ${index} lacks changedObject, changeType or toRevision`, { endpoint, url, recordIndex: index, field: `changes[${index}]`, value: JSON.stringify(item) ?? '' });
      }
      if (to <= from) return;
      highest = Math.max(highest, to);
      changes.push({ type, changeType, object: object as ArborEntity, toRevision: to, removed: /delet|remov/i.test(changeType) });
    });
    revisions[type] = highest;
  }
  return { changes, revisions };
}
