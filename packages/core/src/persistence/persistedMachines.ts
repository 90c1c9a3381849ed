/**
 * The persistence specs of examcycle's own machines, found by machine id, so `restoreSnapshot(machine, json)`
 * validates a context without the host naming its schema. Built on first use (the machines import the
 * persistence module, so a table built at load time would see them half-initialised).
 */
import type { AnyStateMachine } from 'xstate';
import { entryCheckingPersisted } from '../entries/entryCheckingPersisted.js';
import { eopsPersisted } from '../eops/eopsPersisted.js';
import { invigilatorBookingPersisted } from '../examTime/invigilatorBookingPersisted.js';
import { examCyclePersisted } from '../machines/examCyclePersisted.js';
import { certificatePersisted } from '../results/certificatePersisted.js';
import { enquiryPersisted } from '../results/enquiryPersisted.js';
import type { PersistedMachineSpec } from './persistedMachine.js';

let table: ReadonlyMap<string, PersistedMachineSpec> | undefined;

/**
 * Every machine examcycle ships, with its persistence spec.
 *
 * @example
 * ```ts
 * shippedMachineSpecs().map((s) => s.machine.id); // ['examCycle', …]
 * ```
 */
export function shippedMachineSpecs(): readonly PersistedMachineSpec[] {
  return [examCyclePersisted, eopsPersisted, enquiryPersisted, certificatePersisted, invigilatorBookingPersisted, entryCheckingPersisted];
}

/**
 * The persistence spec of one of examcycle's machines, by its id, or `undefined` for a machine it does not ship.
 *
 * @param machine - a machine
 * @example
 * ```ts
 * declare const context: ExamCycleContext;
 * persistedSpecFor(examCycleMachine)?.context.safeParse(context).success;
 * ```
 */
export function persistedSpecFor(machine: AnyStateMachine): PersistedMachineSpec | undefined {
  table ??= new Map(shippedMachineSpecs().map((s) => [s.machine.id, s]));
  return table.get(machine.id);
}
