/**
 * Persisted snapshots: a machine's state as JSON, carrying which machine and which format version it is,
 * so a host can store it, restart, and restore a working actor. An old version is brought forward by a
 * migration hook; a snapshot of another machine, or of an unknown version, is refused with a typed error.
 */
import { createActor, type Actor as XActor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { ExamClock } from '../time/clock.js';
import type { PersistedMachineSpec, SnapshotMigrations } from './persistedMachine.js';
import { validateSnapshot } from './validateSnapshot.js';

export type { SnapshotMigrations } from './persistedMachine.js';

/**
 * The JSON form of a persisted machine.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const saved: PersistedSnapshot = cycle.persist();
 * saved.machine; // 'examCycle'
 * const json = JSON.stringify(saved); // plain JSON, for any store
 * ```
 */
export interface PersistedSnapshot {
  readonly format: 'examcycle.snapshot';
  /** The machine id, e.g. `examCycle`. */
  readonly machine: string;
  /** The snapshot format version of that machine. */
  readonly version: number;
  /** xstate's persisted snapshot (plain JSON). */
  readonly snapshot: unknown;
}

const persistedSchema = z.object({
  format: z.literal('examcycle.snapshot'),
  machine: z.string().min(1),
  version: z.number().int().positive(),
  snapshot: z.record(z.string(), z.unknown()),
});


/**
 * The snapshot format version of a machine, from its `version` field (a positive integer string).
 *
 * @param machine - an examcycle machine
 * @example
 * ```ts
 * snapshotVersion(examCycleMachine); // 1
 * ```
 */
export function snapshotVersion(machine: AnyStateMachine): number {
  const v = Number(machine.version ?? '1');
  return Number.isInteger(v) && v > 0 ? v : 1;
}

/**
 * Persists an actor's state as JSON-safe data with `{ machine, version }`.
 *
 * @param actor - a running (or stopped) actor of an examcycle machine
 * @example
 * ```ts
 * declare const input: ExamCycleInput;
 * const actor = createActor(examCycleMachine, { input }).start();
 * const saved = JSON.stringify(persistSnapshot(actor));
 * ```
 */
export function persistSnapshot(actor: AnyActorRef & { logic: unknown }): PersistedSnapshot {
  const shared = persistedView(actor);
  return { ...shared, snapshot: jsonCopy(shared.snapshot, '') };
}

/**
 * Persists a machine's snapshot held without an actor (a batch's result) exactly as {@link persistSnapshot}
 * persists an actor in that state.
 *
 * @internal
 * @param machine - the examcycle machine the snapshot is of
 * @param snapshot - a snapshot of that machine
 */
export function persistMachineSnapshot(machine: AnyStateMachine, snapshot: unknown): PersistedSnapshot {
  return envelope(machine, jsonCopy(machine.getPersistedSnapshot(snapshot as never), ''));
}

/**
 * The persisted form of an actor's state without copying it: xstate's persisted snapshot shares the actor's
 * (immutable) context. For a caller that hands it straight to a store, which copies every value in as JSON
 * ({@link ExamcycleStore.saveSnapshot}), so the runtime does not copy the state twice per event.
 *
 * @internal
 * @param actor - a running (or stopped) actor of an examcycle machine
 * @example
 * ```ts
 * declare const input: ExamCycleInput;
 * const actor = createActor(examCycleMachine, { input }).start();
 * declare const store: ExamcycleStore;
 * const key: StoreKey = { centreNumber: '99999', machine: 'examCycle', id: 'june-2026' };
 * const expectedRevision = 3;
 * await store.saveSnapshot(key, persistedView(actor), { expectedRevision });
 * ```
 */
export function persistedView(actor: AnyActorRef & { logic: unknown }): PersistedSnapshot {
  return envelope(actor.logic as AnyStateMachine, actor.getPersistedSnapshot());
}

/** The persisted form around a machine's persisted snapshot: its format, machine id and version. */
function envelope(machine: AnyStateMachine, snapshot: unknown): PersistedSnapshot {
  return { format: 'examcycle.snapshot', machine: machine.id, version: snapshotVersion(machine), snapshot };
}

/**
 * A deep copy with exactly `JSON.parse(JSON.stringify(value))`'s result (`toJSON` called, `undefined`,
 * functions and symbols dropped from objects and `null` in arrays, non-finite numbers `null`, boxed primitives
 * unwrapped, a `__proto__` key kept as an own field, a cycle or a BigInt a `TypeError`), without the text.
 */
function jsonCopy(value: unknown, key: string, seen: unknown[] = []): unknown {
  let v = value;
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(k: string): unknown }).toJSON(key);
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      break;
    default:
      return undefined;
  }
  if (v === null) return null;
  if (v instanceof Number || v instanceof String || v instanceof Boolean) return jsonCopy(v.valueOf(), key, seen);
  if (seen.includes(v)) throw new TypeError('Converting circular structure to JSON');
  seen.push(v);
  let out: unknown;
  if (Array.isArray(v)) {
    const arr: unknown[] = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i += 1) arr[i] = jsonCopy(v[i], String(i), seen) ?? null;
    out = arr;
  } else {
    const obj: Record<string, unknown> = {};
    const src = v as Record<string, unknown>;
    for (const k of Object.keys(src)) {
      const c = jsonCopy(src[k], k, seen);
      if (c === undefined) continue;
      if (k === '__proto__') Object.defineProperty(obj, k, { value: c, writable: true, enumerable: true, configurable: true });
      else obj[k] = c;
    }
    out = obj;
  }
  seen.pop();
  return out;
}

/**
 * Options for {@link restoreSnapshot} and {@link restoreWithSpec}.
 *
 * @example
 * ```ts
 * declare const saved: unknown;
 * const options: RestoreOptions<ExamCycleInput> = { clock: new SimulatedClock() };
 * const actor = restoreSnapshot(examCycleMachine, saved, options); // validated: a bad snapshot is `snapshot_invalid`
 * ```
 */
export interface RestoreOptions<TInput> {
  /** Upgrades from older versions, applied in order (added to, and taking precedence over, the machine's own). */
  readonly migrations?: SnapshotMigrations;
  /**
   * The persistence spec (context schema, migrations) of the machine. `restoreSnapshot` finds examcycle's own
   * machines' specs by id; pass one for a machine examcycle does not ship.
   */
  readonly spec?: PersistedMachineSpec;
  /** The clock the restored actor schedules on (xstate's `SimulatedClock` in tests). */
  readonly clock?: ExamClock;
  /** Input, for machines that read it on restore. */
  readonly input?: TInput;
}

/**
 * Restores a persisted snapshot with an explicit persistence spec (or none: then the context is not checked
 * against a schema). Hosts call {@link restoreSnapshot}, which finds the spec of examcycle's own machines.
 *
 * @param machine - the machine the snapshot was taken from
 * @param persisted - the parsed JSON from {@link persistSnapshot}
 * @param options - the spec, migrations, clock and input
 * @throws ExamcycleError `snapshot_invalid`, `snapshot_machine_mismatch` or `snapshot_version_unsupported`
 * @example
 * ```ts
 * const saved = readFileSync('june-2026.json', 'utf8');
 * const actor = restoreWithSpec(examCycleMachine, JSON.parse(saved), { spec: examCyclePersisted }).start();
 * ```
 */
export function restoreWithSpec<TMachine extends AnyStateMachine>(
  machine: TMachine,
  persisted: unknown,
  options: RestoreOptions<unknown> = {},
): XActor<TMachine> {
  const parsed = persistedSchema.safeParse(persisted);
  if (!parsed.success) {
    throw new ExamcycleError('snapshot_invalid', `Not an examcycle snapshot: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, {
      cause: parsed.error,
    });
  }
  const { machine: id, version } = parsed.data;
  if (id !== machine.id) {
    throw new ExamcycleError('snapshot_machine_mismatch', `Snapshot is of machine "${id}", not "${machine.id}"`, {
      details: { expected: machine.id, found: id },
    });
  }
  const target = snapshotVersion(machine);
  const spec = options.spec;
  const migrations: SnapshotMigrations = { ...(spec?.migrations ?? {}), ...(options.migrations ?? {}) };
  let snapshot = parsed.data.snapshot;
  if (version > target) {
    throw new ExamcycleError('snapshot_version_unsupported', `Snapshot version ${version} is newer than this library's ${target} for "${id}"`, {
      details: { found: version, current: target },
    });
  }
  for (let v = version; v < target; v += 1) {
    const migrate = Object.prototype.hasOwnProperty.call(migrations, v) ? migrations[v] : undefined;
    if (!migrate) {
      throw new ExamcycleError('snapshot_version_unsupported', `No migration from version ${v} of "${id}" (current ${target})`, {
        details: { found: version, current: target },
      });
    }
    try {
      snapshot = migrate(snapshot);
    } catch (cause) {
      throw new ExamcycleError('snapshot_invalid', `Snapshot of "${id}" could not be migrated from version ${v}: ${(cause as Error).message}`, { cause, details: { machine: id, path: 'snapshot' } });
    }
  }
  validateSnapshot(machine, snapshot, spec?.context, spec);
  try {
    const resolved = machine.resolveState(snapshot as never);
    return createActor(machine, {
      snapshot: { ...snapshot, value: resolved.value } as never,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.input !== undefined ? { input: options.input } : {}),
    } as never) as XActor<TMachine>;
  } catch (cause) {
    throw new ExamcycleError('snapshot_invalid', `Snapshot of "${id}" does not fit the machine: ${(cause as Error).message}`, { cause });
  }
}
