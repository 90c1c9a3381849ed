/**
 * The officers' records of a centre, read from its officer-year actors: each officer's year lives in its own
 * child actor of the centre's EOPS actor, so the tracker, the registration check and a host's screens read
 * them through here, from a running actor, its snapshot, or a persisted snapshot's JSON.
 */
import type { AcademicYear } from '../time/clock.js';
import type { EopsContext, EopsRecord } from './eopsContext.js';

/** A child as a snapshot holds it: a running actor (`getSnapshot()`), or its persisted JSON (`{ snapshot }`). */
type ChildLike = { getSnapshot(): unknown } | { readonly snapshot: unknown };

/**
 * An EOPS centre state the records are read from: an actor, its snapshot, or a persisted snapshot's JSON.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const source: EopsRecordsSource = actor; // a running actor, or a restored snapshot
 * eopsRecords(source, { academicYear: '2025/26' }).map((r) => r.officerName);
 * ```
 */
export type EopsRecordsSource =
  | { getSnapshot(): { readonly context: EopsContext; readonly children: unknown } }
  | { readonly context: EopsContext; readonly children?: unknown };

function recordOf(child: unknown): EopsRecord | undefined {
  if (typeof child !== 'object' || child === null) return undefined;
  const c = child as ChildLike;
  const snapshot = 'getSnapshot' in c && typeof c.getSnapshot === 'function' ? c.getSnapshot() : (c as { snapshot?: unknown }).snapshot;
  return (snapshot as { context?: EopsRecord } | undefined)?.context;
}

/**
 * Every officer's record of a centre, every year (or filtered), in the order the officers were registered.
 *
 * @param source - the centre's EOPS actor, its snapshot (`actor.getSnapshot()`), or a persisted snapshot
 *   (`persistSnapshot(actor).snapshot`)
 * @param filter - only one officer's, and / or one academic year's, records
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const [amber] = eopsRecords(actor, { officerId: 'eo-1', academicYear: '2025/26' });
 * amber?.targets.length;
 * ```
 */
export function eopsRecords(source: EopsRecordsSource, filter: { readonly officerId?: string; readonly academicYear?: AcademicYear | string } = {}): EopsRecord[] {
  const state = 'getSnapshot' in source && typeof source.getSnapshot === 'function' ? source.getSnapshot() : (source as { context: EopsContext; children?: unknown });
  const children = (state.children ?? {}) as Record<string, unknown>;
  const out: EopsRecord[] = [];
  for (const year of state.context.officerYears) {
    if (filter.officerId !== undefined && year.officerId !== filter.officerId) continue;
    if (filter.academicYear !== undefined && year.academicYear !== filter.academicYear) continue;
    const record = recordOf(children[`officerYear:${year.officerId}:${year.academicYear}`]);
    if (record) out.push(record);
  }
  return out;
}

/**
 * One officer's record for the centre's current academic year, or undefined when they are not registered.
 *
 * @param source - the centre's EOPS actor or snapshot
 * @param officerId - the officer's account id
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * eopsCurrentRecord(actor, 'eo-1')?.certificate;
 * ```
 */
export function eopsCurrentRecord(source: EopsRecordsSource, officerId: string): EopsRecord | undefined {
  const state = 'getSnapshot' in source && typeof source.getSnapshot === 'function' ? source.getSnapshot() : (source as { context: EopsContext });
  const year = state.context.academicYear;
  return year === null ? undefined : eopsRecords(source, { officerId, academicYear: year })[0];
}
