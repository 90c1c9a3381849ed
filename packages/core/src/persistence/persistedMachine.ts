/**
 * What the runtime and {@link restoreSnapshot} need to know about a machine to keep it durably: the machine,
 * a schema of its persisted context (everything a restored snapshot's context must be), the migrations from
 * earlier snapshot versions, and when it next needs a clock tick. Each examcycle machine publishes one.
 */
import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { Instant } from '../time/clock.js';

/**
 * Migrations by the version they upgrade from: `{ 1: (s) => upgradedToVersion2 }`.
 *
 * @example
 * ```ts
 * const migrations: SnapshotMigrations = {
 *   1: (snapshot) => ({ ...snapshot, context: { ...(snapshot['context'] as object), retries: 0 } }), // version 1 → 2
 * };
 * ```
 */
export type SnapshotMigrations = Readonly<Record<number, (snapshot: Record<string, unknown>) => Record<string, unknown>>>;

/**
 * A machine's persistence spec.
 *
 * @example
 * ```ts
 * export const enquiryPersisted: PersistedMachineSpec<typeof enquiryMachine> = {
 *   machine: enquiryMachine,
 *   context: enquiryContextSchema,
 *   migrations: { 1: dropContextAudit },
 * };
 * ```
 */
export interface PersistedMachineSpec<TMachine extends AnyStateMachine = AnyStateMachine> {
  /** The machine (its `id` names it in snapshots and store keys; its `version` is the snapshot format). */
  readonly machine: TMachine;
  /** The schema a restored context must pass; strict about every field the machine reads. */
  readonly context: z.ZodType;
  /** Upgrades from earlier snapshot versions, by the version they upgrade from. */
  readonly migrations?: SnapshotMigrations;
  /**
   * The next instant the machine needs a clock tick to raise a signal or expire something, from a
   * snapshot's context and state value; `null` when it needs none. The deadline worker wakes it then.
   */
  readonly wakeAt?: (context: never, value: unknown) => Instant | null;
  /** The event type the runtime sends as a clock tick (`clock.tick`), when the machine takes one. */
  readonly tickEvent?: string;
  /**
   * The child actors the machine spawns, by their `src` (e.g. EOPS's `officerYear`): a restored snapshot's
   * children must each be one of these, and pass its spec. Without it, a snapshot with children is refused.
   */
  readonly children?: Readonly<Record<string, PersistedMachineSpec>>;
  /**
   * What must hold across the state value, the context and the children of a snapshot whose context passed
   * the schema: the first problem as `[path, message]`, or `undefined`.
   */
  readonly check?: (snapshot: Record<string, unknown>) => readonly [string, string] | undefined;
}

/**
 * Migration from snapshot version 1 (audit trail kept in the context) to version 2 (audit in the store's
 * log): drops `context.audit`. Runtimes that restore a version-1 snapshot copy those lines into the store
 * first (see {@link createExamcycleRuntime}).
 *
 * @param snapshot - a version-1 xstate persisted snapshot
 * @example
 * ```ts
 * const v1Snapshot = JSON.parse(readFileSync('june-2026.v1.json', 'utf8'));
 * const v2 = dropContextAudit(v1Snapshot);
 * ```
 */
export function dropContextAudit(snapshot: Record<string, unknown>): Record<string, unknown> {
  const context = snapshot['context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return snapshot;
  const { audit: _audit, ...rest } = context as Record<string, unknown>;
  return { ...snapshot, context: rest };
}
