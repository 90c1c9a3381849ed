/**
 * An invigilator booking as a small xstate v5 machine, so invigilators can answer an offer: offered →
 * accepted | declined | expired | cancelled. An offer not answered by its `respondBy` instant expires: by a
 * delayed transition on the actor's clock while the actor runs, and by a `clock.tick` at or after `respondBy`
 * (which {@link startInvigilatorBooking} and the durable runtime send when they restore a booking, since a
 * delayed transition does not survive a restart). Only the invigilator may accept or decline; the
 * invigilator or exams office staff may cancel. Every event carries when (`at`) and who (`by`); every
 * accepted and every rejected event is emitted as one audit line (`{ type: 'audit', line }`) for the
 * store's append-only log, so the context holds the booking's state, not its history. A tick that changes
 * nothing leaves no line.
 */
import { enqueueActions, setup } from 'xstate';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { rejectionLine, stampRejection } from '../audit/eventStamp.js';
import type { Session } from '../domain/paper.js';
import type { StaffRole } from '../domain/staff.js';
import type { ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { toLondon, type CalendarDate, type Instant } from '../time/clock.js';

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

/** The booking's context: plain JSON, persisted with the snapshot (its audit lines go to the store). */
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
  /** The instant of the latest accepted or rejected event. */
  readonly lastEventAt: Instant;
}

interface Stamped {
  /** When it happened (ISO instant with offset). */
  readonly at: Instant;
  /** Who sent it. */
  readonly by: Actor;
}

/** The events a booking takes. A clock tick may omit `by` (the runtime's deadline worker sends it). */
export type InvigilatorBookingEvent =
  | (Stamped & { readonly type: 'accept' })
  | (Stamped & { readonly type: 'decline'; readonly reason?: string })
  | (Stamped & { readonly type: 'cancel'; readonly reason?: string })
  | { readonly type: 'clock.tick'; readonly at: Instant; readonly by?: Actor };

/** Events a booking emits for hosts to subscribe to with `actor.on(...)`: its audit lines, and each refusal. */
export type InvigilatorBookingEmitted = AuditEmitted | { readonly type: 'event.rejected'; readonly entry: AuditLine };

/** Staff roles that may cancel a booking (besides the invigilator). */
const CANCELLING_ROLES: ReadonlySet<StaffRole | 'candidate' | 'system'> = new Set(['exams_officer', 'exams_office_staff', 'head_of_centre', 'senior_leader']);

/** The actor expiries are recorded by. */
const SYSTEM: Actor = { id: 'system', role: 'system' };

function millis(at: Instant): number {
  return toLondon(at).toMillis();
}

/** Why an event is refused in a state, or undefined when it is accepted. */
function rejection(context: InvigilatorBookingContext, state: string, event: InvigilatorBookingEvent): { code: ExamcycleErrorCode; reason: string } | undefined {
  const stamp = stampRejection(event, context.lastEventAt, { requireBy: event.type !== 'clock.tick' });
  if (stamp) return stamp;
  if (event.type === 'clock.tick') return undefined;
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
    default:
      return { code: 'event_rejected', reason: `Unknown event "${(event as { type: string }).type}"` };
  }
}

/** Whether a tick is well formed (a valid instant; a sender, if named, that is an actor), whatever its date. */
function wellFormedTick(event: InvigilatorBookingEvent): boolean {
  return event.type === 'clock.tick' && stampRejection(event, null, { requireBy: false }) === undefined;
}

/**
 * The invigilator booking machine: `offered → accepted | declined | expired | cancelled` (an accepted
 * booking may still be cancelled). Snapshot version 2: the audit trail is emitted, not kept in the context.
 *
 * @example
 * ```ts
 * const clock = new SimulatedClock();
 * const actor = createActor(invigilatorBookingMachine, {
 *   clock,
 *   input: { bookingId: 'b1', invigilatorId: 'inv-1', date: '2026-06-01', session: 'AM', offeredAt: '2026-05-01T09:00:00+01:00', respondBy: '2026-05-08T17:00:00+01:00' },
 * });
 * const audit = collectAudit(actor);
 * actor.start();
 * actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: { id: 'inv-1', role: 'invigilator' } });
 * actor.getSnapshot().value; // 'accepted'
 * audit.map((l) => l.event); // ['offer', 'accept']
 * ```
 */
export const invigilatorBookingMachine = setup({
  types: {
    context: {} as InvigilatorBookingContext,
    events: {} as InvigilatorBookingEvent,
    input: {} as InvigilatorBookingInput,
    emitted: {} as InvigilatorBookingEmitted,
  },
  delays: {
    /** From the offer to its `respondBy` instant, on the actor's clock. */
    expiry: ({ context }) => Math.max(0, millis(context.respondBy) - millis(context.startedAt)),
  },
  guards: {
    /** The event is acceptable in the given state (see {@link rejection}). */
    acceptable: ({ context, event }, params: { state: string }) => rejection(context, params.state, event) === undefined,
    /** A well-formed tick at or after `respondBy`: the offer has lapsed. */
    lapsed: ({ context, event }) => wellFormedTick(event) && millis(event.at) >= millis(context.respondBy),
    /** A well-formed tick before `respondBy`: nothing to do, and nothing to record. */
    idleTick: ({ event }) => wellFormedTick(event),
  },
  actions: {
    /** Emits the offer line when a new booking starts (a root entry action, so a restore does not repeat it). */
    offer: enqueueActions(({ context, event, enqueue }) => {
      const by = (event as { readonly input?: Partial<InvigilatorBookingInput> }).input?.by;
      enqueue.emit({
        type: 'audit',
        line: { at: context.offeredAt, ...(by ? { by } : {}), event: 'offer', from: 'offered', to: 'offered', outcome: 'accepted', details: { bookingId: context.bookingId, invigilatorId: context.invigilatorId } },
      });
    }),
    /** Records an accepted event and closes the offer. */
    accept: enqueueActions(({ context, event, enqueue }, params: { state: string; to: string }) => {
      if (event.type === 'clock.tick') return;
      enqueue.assign({ closedAt: event.at, lastEventAt: event.at, ...('reason' in event && event.reason ? { reason: event.reason } : {}) });
      enqueue.emit({ type: 'audit', line: { at: event.at, by: event.by, event: event.type, from: params.state, to: params.to, outcome: 'accepted', details: { bookingId: context.bookingId } } });
    }),
    /** Records the expiry at the `respondBy` instant (or at the latest recorded one, if a refusal came later). */
    expire: enqueueActions(({ context, enqueue }) => {
      const at = millis(context.lastEventAt) > millis(context.respondBy) ? context.lastEventAt : context.respondBy;
      enqueue.assign({ closedAt: context.respondBy, lastEventAt: at });
      enqueue.emit({ type: 'audit', line: { at, by: SYSTEM, event: 'expire', from: 'offered', to: 'expired', outcome: 'accepted', details: { bookingId: context.bookingId, respondBy: context.respondBy } } });
    }),
    /** Records a refused event with its reason and emits `event.rejected`; the state does not change. */
    reject: enqueueActions(({ context, event, enqueue }, params: { state: string }) => {
      const why = rejection(context, params.state, event) ?? { code: 'event_rejected' as const, reason: `"${event.type}" is not accepted when ${params.state}` };
      const { lastEventAt, line } = rejectionLine(context, event, params.state, why, { bookingId: context.bookingId });
      enqueue.assign({ lastEventAt });
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
    }),
  },
}).createMachine({
  id: 'invigilatorBooking',
  version: '2',
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
      lastEventAt: offeredAt,
    };
  },
  entry: 'offer',
  initial: 'offered',
  states: {
    offered: {
      after: { expiry: { target: 'expired', actions: 'expire' } },
      on: {
        'clock.tick': [
          { guard: 'lapsed', target: 'expired', actions: 'expire' },
          { guard: 'idleTick' },
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
        'clock.tick': [{ guard: 'idleTick' }, { actions: { type: 'reject', params: { state: 'accepted' } } }],
        '*': { actions: { type: 'reject', params: { state: 'accepted' } } },
      },
    },
    declined: {
      tags: ['closed'],
      on: {
        'clock.tick': [{ guard: 'idleTick' }, { actions: { type: 'reject', params: { state: 'declined' } } }],
        '*': { actions: { type: 'reject', params: { state: 'declined' } } },
      },
    },
    expired: {
      tags: ['closed'],
      on: {
        'clock.tick': [{ guard: 'idleTick' }, { actions: { type: 'reject', params: { state: 'expired' } } }],
        '*': { actions: { type: 'reject', params: { state: 'expired' } } },
      },
    },
    cancelled: {
      tags: ['closed'],
      on: {
        'clock.tick': [{ guard: 'idleTick' }, { actions: { type: 'reject', params: { state: 'cancelled' } } }],
        '*': { actions: { type: 'reject', params: { state: 'cancelled' } } },
      },
    },
  },
});
