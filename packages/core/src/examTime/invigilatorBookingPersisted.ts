/**
 * The invigilator booking machine's persistence spec: the schema every restored booking's context must pass
 * (each field the machine reads, with its real type: a session `"XM"`, a `respondBy` that is not an instant,
 * a missing `invigilatorId` or an unknown key are all refused), the migration from version 1 (audit trail in
 * the context), and when an open offer next needs a clock tick (its `respondBy` instant, when it lapses).
 */
import { z } from 'zod';
import { instantMillis } from '../audit/eventStamp.js';
import { sessionSchema } from '../domain/paper.js';
import { calendarDateSchema } from '../domain/identifierSchemas.js';
import { dropContextAudit, type PersistedMachineSpec } from '../persistence/persistedMachine.js';
import type { Instant } from '../time/clock.js';
import { invigilatorBookingMachine, type InvigilatorBookingContext } from './invigilatorBookingMachine.js';

const instant = z.string().max(64).refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const id = z.string().min(1).max(200);

/**
 * The schema of the invigilator booking machine's persisted context (strict: no unknown keys).
 *
 * @example
 * ```ts
 * invigilatorBookingContextSchema.safeParse(actor.getSnapshot().context).success; // true
 * ```
 */
export const invigilatorBookingContextSchema = z.strictObject({
  bookingId: id,
  invigilatorId: id,
  date: calendarDateSchema,
  session: sessionSchema,
  offeredAt: instant,
  respondBy: instant,
  startedAt: instant,
  closedAt: instant.optional(),
  reason: z.string().max(10_000).optional(),
  lastEventAt: instant,
});

/**
 * When a booking next needs a clock tick: its `respondBy` instant while the offer is open (a tick then
 * expires it), otherwise never.
 *
 * @param context - the booking's context
 * @param value - the snapshot's state value
 * @example
 * ```ts
 * nextBookingWake(actor.getSnapshot().context, actor.getSnapshot().value); // '2026-05-08T17:00:00.000+01:00'
 * ```
 */
export function nextBookingWake(context: Pick<InvigilatorBookingContext, 'respondBy'>, value: unknown): Instant | null {
  return value === 'offered' ? context.respondBy : null;
}

/**
 * The invigilator booking machine's persistence spec, for the durable runtime and {@link restoreSnapshot}.
 *
 * @example
 * ```ts
 * const runtime = createExamcycleRuntime({ store, clock, machines: [invigilatorBookingPersisted] });
 * invigilatorBookingPersisted.wakeAt?.(snapshot.context as never, snapshot.value); // respondBy while offered
 * ```
 */
export const invigilatorBookingPersisted: PersistedMachineSpec<typeof invigilatorBookingMachine> = {
  machine: invigilatorBookingMachine,
  context: invigilatorBookingContextSchema,
  migrations: { 1: dropContextAudit },
  wakeAt: nextBookingWake as (context: never, value: unknown) => Instant | null,
  tickEvent: 'clock.tick',
};
