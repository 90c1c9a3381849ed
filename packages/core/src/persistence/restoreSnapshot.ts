/**
 * Restoring a snapshot of one of examcycle's machines: the machine's persistence spec (its context schema and
 * the migrations from every earlier format) is found by the machine's id, so `restoreSnapshot(machine, json)`
 * validates everything without the host naming a schema.
 */
import type { Actor as XActor, AnyStateMachine } from 'xstate';
import { persistedSpecFor } from './persistedMachines.js';
import { restoreWithSpec, type RestoreOptions } from './persistSnapshot.js';

/**
 * Restores a persisted snapshot into a new (not yet started) actor of `machine`, migrating older versions.
 * Everything is validated first (see {@link validateSnapshot}): the status, that the state value is a real
 * state of the machine, that there are no unknown child actors, and the context against the machine's schema.
 *
 * @param machine - the machine the snapshot was taken from
 * @param persisted - the parsed JSON from {@link persistSnapshot}
 * @param options - migrations, clock and input
 * @throws ExamcycleError `snapshot_invalid`, `snapshot_machine_mismatch` or `snapshot_version_unsupported`
 * @example
 * ```ts
 * const saved = readFileSync('june-2026.json', 'utf8');
 * const actor = restoreSnapshot(examCycleMachine, JSON.parse(saved)).start();
 * ```
 */
export function restoreSnapshot<TMachine extends AnyStateMachine>(machine: TMachine, persisted: unknown, options: RestoreOptions<unknown> = {}): XActor<TMachine> {
  const spec = options.spec ?? persistedSpecFor(machine);
  return restoreWithSpec(machine, persisted, { ...options, ...(spec ? { spec } : {}) });
}
