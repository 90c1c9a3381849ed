/**
 * An invigilator booking as a small xstate v5 machine, so invigilators can answer an offer: offered →
 * accepted | declined | expired | cancelled. An offer not answered by its `respondBy` instant expires: by a
 * delayed transition on the actor's clock while the actor runs, and by a `clock.tick` at or after `respondBy`
 * (which {@link startInvigilatorBooking} sends when it restores a booking, since a delayed transition does not
 * survive a restart). Only the invigilator may accept or decline; the invigilator or exams office
 * staff may cancel. Every event carries when (`at`) and who (`by`); accepted and rejected events alike go
 * into the audit trail in the context, so a snapshot shows who answered and what was refused.
 */
import { assign, createActor, setup, type Actor as XActor } from 'xstate';
import { appendAudit, type Actor, type AuditEntry } from '../audit/auditTrail.js';
import { rejectionAudit, stampRejection } from '../audit/eventStamp.js';
import type { Session } from '../domain/paper.js';
import type { StaffRole } from '../domain/staff.js';
import { ExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { restoreSnapshot } from '../persistence/persistSnapshot.js';
import { toLondon, type CalendarDate, type ExamClock, type Instant } from '../time/clock.js';

/** What starts a booking. */
export interface InvigilatorBookingInput {
  readonly bookingId: string;
  readonly invigilatorId: string;
  readonly date: CalendarDate;
  readonly session: Session;
  /** When the offer is made (the actor starts then). */
  readonly offeredAt: Instant;
  /** The offer expires if not answered by this instant. */
  readonly respondBy: Instant;
  /** When the actor starts on its clock, if later than the offer: the expiry delay runs from here. Defaults to `offeredAt`. */
  readonly startedAt?: Instant;
  /** Who made the offer. */
  readonly by?: Actor;
}

/** The booking's context: plain JSON, persisted with the snapshot. */
export interface InvigilatorBookingContext {
  readonly bookingId: string;
  readonly invigilatorId: string;
  readonly date: CalendarDate;
  readonly session: Session;
  readonly offeredAt: Instant;
  readonly respondBy: Instant;
  /** When the actor started on its clock; the expiry delay runs from here. */
  readonly startedAt: Instant;
  /** When the booking left `offered` (answered, expired or cancelled). */
  readonly closedAt?: Instant;
  /** The reason given with a decline or cancellation. */
  readonly reason?: string;
  readonly audit: readonly AuditEntry[];
  readonly lastEventAt: Instant;
}

interface Stamped {
  /** When it happened (ISO instant with offset). */
  readonly at: Instant;
  /** Who sent it. */
  readonly by: Actor;
}

/** The events a booking takes. */
export type InvigilatorBookingEvent =
  | (Stamped & { readonly type: 'accept' })
  | (Stamped & { readonly type: 'decline'; readonly reason?: string })
  | (Stamped & { readonly type: 'cancel'; readonly reason?: string })
  | (Stamped & { readonly type: 'clock.tick' });

/** Staff roles that may cancel a booking (besides the invigilator). */
const CANCELLING_ROLES: ReadonlySet<StaffRole | 'candidate' | 'system'> = new Set(['exams_officer', 'exams_office_staff', 'head_of_centre', 'senior_leader']);

function millis(at: Instant): number {
  return toLondon(at).toMillis();
}

/** Why an event is refused in a state, or undefined when it is accepted. */
function rejection(context: InvigilatorBookingContext, state: string, event: InvigilatorBookingEvent): { code: ExamcycleErrorCode; reason: string } | undefined {
  const stamp = stampRejection(event, context.lastEventAt);
  if (stamp) return stamp;
  const self = event.by.id === context.invigilatorId;
  switch (event.type) {
    case 'accept':
    case 'decline':
      if (state !== 'offered') return { code: 'event_rejected', reason: `The booking is ${state}; it can no longer be ${event.type === 'accept' ? 'accepted' : 'declined'}` };
      if (!self) return { code: 'not_authorised', reason: `Only the invigilator (${context.invigilatorId}) may ${event.type} the offer` };
      if (millis(event.at) > millis(context.respondBy)) return { code: 'deadline_passed', reason: `The offer had to be answered by ${context.respondBy}` };
      return undefined;
    case 'cancel':
      if (state !== 'offered' && state !== 'accepted') return { code: 'event_rejected', reason: `The booking is ${state}; there is nothing to cancel` };
      if (!self && !(event.by.role !== undefined && CANCELLING_ROLES.has(event.by.role))) return { code: 'not_authorised', reason: 'Only the invigilator or exams office staff may cancel a booking' };
      return undefined;
    case 'clock.tick':
      return undefined;
    default:
      return { code: 'event_rejected', reason: `Unknown event "${(event as { type: string }).type}"` };
  }
}

/**
 * The invigilator booking machine: `offered → accepted | declined | expired | cancelled` (an accepted
 * booking may still be cancelled).
 *
 * @example
 * ```ts
 * const clock = new SimulatedClock();
 * const actor = createActor(invigilatorBookingMachine, {
 *   clock,
 *   input: { bookingId: 'b1', invigilatorId: 'inv-1', date: '2026-06-01', session: 'AM', offeredAt: '2026-05-01T09:00:00+01:00', respondBy: '2026-05-08T17:00:00+01:00' },
 * }).start();
 * actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: { id: 'inv-1', role: 'invigilator' } });
 * actor.getSnapshot().value; // 'accepted'
 * ```
 */
export const invigilatorBookingMachine = setup({
  types: {
    context: {} as InvigilatorBookingContext,
    events: {} as InvigilatorBookingEvent,
    input: {} as InvigilatorBookingInput,
  },
  delays: {
    /** From the offer to its `respondBy` instant, on the actor's clock. */
    expiry: ({ context }) => Math.max(0, millis(context.respondBy) - millis(context.startedAt)),
  },
  guards: {
    /** The event is acceptable in the given state (see {@link rejection}). */
    acceptable: ({ context, event }, params: { state: string }) => rejection(context, params.state, event) === undefined,
    /** A tick at or after `respondBy`: the offer has lapsed. */
    lapsed: ({ context, event }) => event.type === 'clock.tick' && rejection(context, 'offered', event) === undefined && millis(event.at) >= millis(context.respondBy),
  },
  actions: {
    /** Records an accepted event and closes the offer. */
    accept: assign(({ context, event }, params: { state: string; to: string }) => ({
      closedAt: event.at,
      lastEventAt: event.at,
      ...('reason' in event && event.reason ? { reason: event.reason } : {}),
      audit: appendAudit(context.audit, { at: event.at, by: event.by, event: event.type, from: params.state, to: params.to, outcome: 'accepted', details: { bookingId: context.bookingId } }),
    })),
    /** Records the expiry at the `respondBy` instant (or at the latest recorded one, if a refusal came later). */
    expire: assign(({ context }) => {
      const at = millis(context.lastEventAt) > millis(context.respondBy) ? context.lastEventAt : context.respondBy;
      return {
        closedAt: context.respondBy,
        lastEventAt: at,
        audit: appendAudit(context.audit, { at, by: { id: 'system', role: 'system' }, event: 'expire', from: 'offered', to: 'expired', outcome: 'accepted', details: { bookingId: context.bookingId, respondBy: context.respondBy } }),
      };
    }),
    /** Records a clock tick that changed nothing. */
    tick: assign(({ context, event }, params: { state: string }) => ({
      lastEventAt: toLondon(event.at).toISO()!,
      audit: appendAudit(context.audit, { at: toLondon(event.at).toISO()!, by: event.by, event: event.type, from: params.state, to: params.state, outcome: 'accepted', details: { bookingId: context.bookingId } }),
    })),
    /** Records a refused event with its reason; the state does not change. */
    reject: assign(({ context, event }, params: { state: string }) => {
      const why = rejection(context, params.state, event) ?? { code: 'event_rejected' as const, reason: `"${event.type}" is not accepted when ${params.state}` };
      return rejectionAudit(context, event, params.state, why, { bookingId: context.bookingId });
    }),
  },
}).createMachine({
  id: 'invigilatorBooking',
  version: '1',
  context: ({ input }) => {
    const offeredAt = toLondon(input.offeredAt).toISO()!;
    return {
      bookingId: input.bookingId,
      invigilatorId: input.invigilatorId,
      date: input.date,
      session: input.session,
      offeredAt,
      respondBy: toLondon(input.respondBy).toISO()!,
      startedAt: toLondon(input.startedAt ?? input.offeredAt).toISO()!,
      audit: appendAudit([], { at: offeredAt, ...(input.by ? { by: input.by } : {}), event: 'offer', from: 'offered', to: 'offered', outcome: 'accepted', details: { bookingId: input.bookingId, invigilatorId: input.invigilatorId } }),
      lastEventAt: offeredAt,
    };
  },
  initial: 'offered',
  states: {
    offered: {
      after: { expiry: { target: 'expired', actions: 'expire' } },
      on: {
        'clock.tick': [
          { guard: 'lapsed', target: 'expired', actions: 'expire' },
          { guard: { type: 'acceptable', params: { state: 'offered' } }, actions: { type: 'tick', params: { state: 'offered' } } },
          { actions: { type: 'reject', params: { state: 'offered' } } },
        ],
        accept: { guard: { type: 'acceptable', params: { state: 'offered' } }, target: 'accepted', actions: { type: 'accept', params: { state: 'offered', to: 'accepted' } } },
        decline: { guard: { type: 'acceptable', params: { state: 'offered' } }, target: 'declined', actions: { type: 'accept', params: { state: 'offered', to: 'declined' } } },
        cancel: { guard: { type: 'acceptable', params: { state: 'offered' } }, target: 'cancelled', actions: { type: 'accept', params: { state: 'offered', to: 'cancelled' } } },
        '*': { actions: { type: 'reject', params: { state: 'offered' } } },
      },
    },
    accepted: {
      on: {
        cancel: { guard: { type: 'acceptable', params: { state: 'accepted' } }, target: 'cancelled', actions: { type: 'accept', params: { state: 'accepted', to: 'cancelled' } } },
        'clock.tick': { guard: { type: 'acceptable', params: { state: 'accepted' } }, actions: { type: 'tick', params: { state: 'accepted' } } },
        '*': { actions: { type: 'reject', params: { state: 'accepted' } } },
      },
    },
    declined: {
      tags: ['closed'],
      on: {
        'clock.tick': { guard: { type: 'acceptable', params: { state: 'declined' } }, actions: { type: 'tick', params: { state: 'declined' } } },
        '*': { actions: { type: 'reject', params: { state: 'declined' } } },
      },
    },
    expired: {
      tags: ['closed'],
      on: {
        'clock.tick': { guard: { type: 'acceptable', params: { state: 'expired' } }, actions: { type: 'tick', params: { state: 'expired' } } },
        '*': { actions: { type: 'reject', params: { state: 'expired' } } },
      },
    },
    cancelled: {
      tags: ['closed'],
      on: {
        'clock.tick': { guard: { type: 'acceptable', params: { state: 'cancelled' } }, actions: { type: 'tick', params: { state: 'cancelled' } } },
        '*': { actions: { type: 'reject', params: { state: 'cancelled' } } },
      },
    },
  },
});

/** Options for {@link startInvigilatorBooking}: a clock, and either a new offer or a persisted booking. */
export type StartInvigilatorBookingOptions =
  | { readonly clock: ExamClock; readonly input: Omit<InvigilatorBookingInput, 'startedAt'>; readonly snapshot?: undefined }
  | { readonly clock: ExamClock; readonly snapshot: unknown; readonly input?: undefined };

/**
 * Starts a booking on a clock, or restores a persisted one, so that its expiry is right either way: a new
 * offer's expiry runs from the clock's now; a restored offer is ticked at once (it expires if `respondBy`
 * has passed) and otherwise has its expiry scheduled on the clock again.
 *
 * @param options - the clock, and the offer or the persisted booking
 * @example
 * ```ts
 * const actor = startInvigilatorBooking({ clock, snapshot: JSON.parse(saved) });
 * actor.getSnapshot().value; // 'expired' if the offer lapsed while the host was down
 * ```
 */
export function startInvigilatorBooking(options: StartInvigilatorBookingOptions): XActor<typeof invigilatorBookingMachine> {
  const { clock } = options;
  const now = toLondon(clock.now()).toISO()!;
  const system: Actor = { id: 'examcycle', role: 'system' };
  if (options.snapshot === undefined) {
    if (!options.input) throw new ExamcycleError('invalid_value', 'startInvigilatorBooking needs either input (a new offer) or snapshot (a restored one)');
    const startedAt = millis(now) > millis(options.input.offeredAt) ? now : options.input.offeredAt;
    return createActor(invigilatorBookingMachine, { clock, input: { ...options.input, startedAt } }).start();
  }
  const actor = restoreSnapshot(invigilatorBookingMachine, options.snapshot, { clock }).start();
  actor.send({ type: 'clock.tick', at: now, by: system });
  if (actor.getSnapshot().value === 'offered') {
    const wait = Math.max(0, millis(actor.getSnapshot().context.respondBy) - clock.now());
    clock.setTimeout(() => {
      if (actor.getSnapshot().status === 'active') actor.send({ type: 'clock.tick', at: toLondon(clock.now()).toISO()!, by: system });
    }, wait);
  }
  return actor;
}
