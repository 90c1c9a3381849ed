/**
 * The invigilator booking machine's persistence spec: the schema every restored booking's context must pass
 * (each field the machine reads, with its real type: a session `"XM"`, a `respondBy` that is not an instant,
 * a missing `invigilatorId` or an unknown key are all refused), the migrations from version 1 (audit trail in
 * the context) and version 2 (no `booking.*` grants in the context: it gets the grants the version-2 machine
 * enforced, so a restored booking decides as it did), and when an open offer next needs a clock tick (its
 * `respondBy` instant, when it lapses).
 */
import { z } from 'zod';
import { instantMillis } from '../audit/eventStamp.js';
import { sessionSchema } from '../domain/paper.js';
import { staffRoleSchema } from '../domain/staff.js';
import { calendarDateSchema } from '../domain/identifierSchemas.js';
import { dropContextAudit, type PersistedMachineSpec } from '../persistence/persistedMachine.js';
import type { Instant } from '../time/clock.js';
import { invigilatorBookingMachine, VERSION_2_BOOKING_GRANTS, type InvigilatorBookingContext } from './invigilatorBookingMachine.js';

const instant = z.string().max(64).refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const id = z.string().min(1).max(200);
const role = z.union([staffRoleSchema, z.literal('candidate'), z.literal('system')]);
const actor = z.strictObject({ id, role: role.optional() });
const grant = z.strictObject({
  roles: z.array(role).max(20),
  staffIds: z.array(id).max(1000).optional(),
  rule: z.string().min(1).max(200),
  title: z.string().max(1000).optional(),
});
/** Grants by `booking.*` action id (a plain record: `__proto__` and other keys outside the namespace are refused). */
const GRANT_KEY = /^booking\.[A-Za-z0-9_.-]{1,100}$/;
const grants = z
  .unknown()
  .refine((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => GRANT_KEY.test(k)), { error: 'grants must be keyed by booking.* action ids' })
  .pipe(z.record(z.string().regex(GRANT_KEY), grant));

/**
 * The schema of the invigilator booking machine's persisted context (strict: no unknown keys).
 *
 * @example
 * ```ts
 * declare const actor: ActorRefFrom<typeof invigilatorBookingMachine>;
 * import type { ActorRefFrom } from 'xstate';
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
  offeredBy: actor.optional(),
  grants,
  closedAt: instant.optional(),
  reason: z.string().max(10_000).optional(),
  lastEventAt: instant,
});

/**
 * Migration from snapshot version 2 (no grants in the context) to version 3: adds the grants the version-2
 * machine enforced ({@link VERSION_2_BOOKING_GRANTS}), so a booking restored across the upgrade decides
 * who may answer and cancel exactly as before.
 *
 * @param snapshot - a version-2 xstate persisted snapshot
 * @example
 * ```ts
 * declare const v2Snapshot: Record<string, unknown>;
 * const v3 = addVersion2Grants(v2Snapshot);
 * ```
 */
export function addVersion2Grants(snapshot: Record<string, unknown>): Record<string, unknown> {
  const context = snapshot['context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return snapshot;
  return { ...snapshot, context: { ...(context as Record<string, unknown>), grants: VERSION_2_BOOKING_GRANTS } };
}

/**
 * When a booking next needs a clock tick: its `respondBy` instant while the offer is open (a tick then
 * expires it), otherwise never.
 *
 * @param context - the booking's context
 * @param value - the snapshot's state value
 * @example
 * ```ts
 * declare const actor: ActorRefFrom<typeof invigilatorBookingMachine>;
 * import type { ActorRefFrom } from 'xstate';
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
 * declare const store: ExamcycleStore; declare const clock: ExamClock; declare const booking: ActorRefFrom<typeof invigilatorBookingMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * const runtime = createExamcycleRuntime({ store, clock, machines: [invigilatorBookingPersisted] });
 * const snapshot = booking.getSnapshot();
 * nextBookingWake(snapshot.context, snapshot.value); // the runtime wakes it at respondBy while it is offered
 * ```
 */
export const invigilatorBookingPersisted: PersistedMachineSpec<typeof invigilatorBookingMachine> = {
  machine: invigilatorBookingMachine,
  context: invigilatorBookingContextSchema,
  migrations: { 1: dropContextAudit, 2: addVersion2Grants },
  wakeAt: nextBookingWake as (context: never, value: unknown) => Instant | null,
  tickEvent: 'clock.tick',
};
