/**
 * An invigilator booking as a statechart: the exams officer books an invigilator for a session (the offer),
 * the invigilator accepts or declines their own booking, the exams office or the invigilator cancels it,
 * and an offer not answered by its `respondBy` instant expires (by a delayed transition on the actor's
 * clock while it runs, and by a `clock.tick` at or after `respondBy`, which {@link createInvigilatorBooking}
 * and the durable runtime send on restore). Who may do what comes from the rules pack's `booking.*`
 * authorities, resolved into grants when the booking starts and kept in its context, so a restored booking
 * decides the same way without the pack.
 *
 * Each rule is one named guard in the regulation's words ({@link BOOKING_RULES}); a transition takes its
 * target only when every rule holds, and the first rule that fails refuses the event with that rule's
 * code and reason. Every accepted and every refused event is emitted as one audit line
 * (`{ type: 'audit', line }`) for the store's append-only log; the context holds the booking's state.
 */
import { and, enqueueActions, not, setup } from 'xstate';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { instantMillis, isActor, rejectionLine, stampRejection, type Refusal } from '../audit/eventStamp.js';
import type { Session } from '../domain/paper.js';
import { authorise, grantsFor, type RoleGrants } from '../rules/authority.js';
import type { RulesPack } from '../rules/RulesPack.js';
import { academicYearOf, londonTime, type CalendarDate, type Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';

/**
 * What starts a booking.
 *
 * @example
 * ```ts
 * const input: InvigilatorBookingInput = {
 *   bookingId: 'bk-0001', invigilatorId: 'inv-1', date: '2026-06-01', session: 'AM',
 *   offeredAt: '2026-05-01T09:00:00+01:00', respondBy: '2026-05-08T17:00:00+01:00',
 *   by: { id: 'eo-1', role: 'exams_officer' }, rulesPack: jcq,
 * };
 * const booking = createActor(invigilatorBookingMachine, { input }).start();
 * ```
 */
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
  /**
   * Who made the offer. The offer opens only when their role may take `booking.offer`; without it (or
   * with a role the grants do not list) the booking ends in `notOffered`, refused `not_authorised`.
   */
  readonly by?: Actor;
  /**
   * The rules pack whose `booking.*` authorities (for the academic year of the session) and centre
   * delegations decide who may offer, answer and cancel. Resolved into grants at start.
   */
  readonly rulesPack?: Pick<RulesPack, 'authorities' | 'delegations'>;
  /**
   * Grants already resolved ({@link grantsFor} with prefix `booking.`); used instead of `rulesPack`.
   * With neither, nothing is granted and every step is refused `not_authorised` (the strict reading, as in
   * every machine); {@link VERSION_2_BOOKING_GRANTS} is what a migrated version-2 booking decides by.
   */
  readonly grants?: RoleGrants;
}

/**
 * The booking's context: plain JSON, persisted with the snapshot (its audit lines go to the store).
 *
 * @example
 * ```ts
 * declare const booking: ActorRefFrom<typeof invigilatorBookingMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * const context: InvigilatorBookingContext = booking.getSnapshot().context;
 * console.log(context.invigilatorId, context.date, context.session, context.respondBy);
 * ```
 */
export interface InvigilatorBookingContext {
  readonly bookingId: string;
  readonly invigilatorId: string;
  readonly date: CalendarDate;
  readonly session: Session;
  readonly offeredAt: Instant;
  readonly respondBy: Instant;
  /** When the actor started on its clock; the expiry delay runs from here. */
  readonly startedAt: Instant;
  /** Who made the offer. */
  readonly offeredBy?: Actor;
  /** Who may take each `booking.*` action at this centre, resolved when the booking started. */
  readonly grants: RoleGrants;
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
  /** Who sent it, in which role. */
  readonly by: Actor;
}

/**
 * The events a booking takes. A clock tick may omit `by` (the runtime's deadline worker sends it).
 *
 * @example
 * ```ts
 * declare const booking: ActorRefFrom<typeof invigilatorBookingMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * const accept: InvigilatorBookingEvent = { type: 'accept', at: '2026-05-02T18:00:00+01:00', by: { id: 'inv-1', role: 'invigilator' } };
 * booking.send(accept);
 * ```
 */
export type InvigilatorBookingEvent =
  | (Stamped & { readonly type: 'accept' })
  | (Stamped & { readonly type: 'decline'; readonly reason?: string })
  | (Stamped & { readonly type: 'cancel'; readonly reason?: string })
  | { readonly type: 'clock.tick'; readonly at: Instant; readonly by?: Actor };

/**
 * Events a booking emits for hosts to subscribe to with `actor.on(...)`: its audit lines, and each refusal.
 *
 * @example
 * ```ts
 * declare const booking: ActorRefFrom<typeof invigilatorBookingMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * booking.on('audit', (emitted: Extract<InvigilatorBookingEmitted, { type: 'audit' }>) => console.log(emitted.line.event, emitted.line.outcome));
 * ```
 */
export type InvigilatorBookingEmitted = AuditEmitted | { readonly type: 'event.rejected'; readonly entry: AuditLine };

/** The actor expiries are recorded by. */
const SYSTEM: Actor = { id: 'system', role: 'system' };

/**
 * The grants a booking decides by when it is started without a rules pack or grants, and that a
 * version-2 snapshot (from before roles came from the pack) is migrated with: exactly what the version-2
 * machine enforced (the invigilator answers; the invigilator or exams office staff, the head of centre or
 * a senior leader cancel; offers were not checked, so the exams office and senior staff may offer). Hosts
 * pass `rulesPack` so the pack's sourced table decides instead.
 *
 * @example
 * ```ts
 * authorise(VERSION_2_BOOKING_GRANTS, { id: 't-1', role: 'teacher' }, 'booking.cancel').allowed; // false
 * ```
 */
export const VERSION_2_BOOKING_GRANTS: RoleGrants = {
  'booking.accept': { roles: ['invigilator'], rule: 'examcycle.booking.v2', title: 'The invigilator answers their own booking' },
  'booking.cancel': { roles: ['invigilator', 'exams_officer', 'exams_office_staff', 'head_of_centre', 'senior_leader'], rule: 'examcycle.booking.v2', title: 'The invigilator or exams office staff cancel a booking' },
  'booking.decline': { roles: ['invigilator'], rule: 'examcycle.booking.v2', title: 'The invigilator answers their own booking' },
  'booking.offer': { roles: ['exams_officer', 'exams_office_staff', 'head_of_centre', 'senior_leader'], rule: 'examcycle.booking.v2', title: 'The exams office books invigilators' },
};

function millis(at: Instant): number {
  return instantToMillis(at);
}

type BookingEvent = InvigilatorBookingEvent | { readonly type: string; readonly at?: unknown; readonly by?: unknown };

/** The action id an answering or cancelling event takes (`booking.accept`, …). */
function actionOf(event: BookingEvent): string {
  return `booking.${event.type}`;
}

/**
 * One rule of a booking: whether it holds for an event, and the refusal when it does not.
 *
 * @example
 * ```ts
 * declare const context: InvigilatorBookingContext; declare const at: Instant;
 * const rule: BookingRule = BOOKING_RULES.answeredByTheBookedInvigilator;
 * rule.holds(context, { type: 'accept', at, by: { id: context.invigilatorId, role: 'invigilator' } }); // true
 * ```
 */
export interface BookingRule {
  readonly holds: (context: InvigilatorBookingContext, event: BookingEvent) => boolean;
  readonly refusal: (context: InvigilatorBookingContext, event: BookingEvent) => Refusal;
}

/** The rules, by guard name (see {@link BOOKING_RULES}). */
const rules = {
  /** The offer was made by someone who may book invigilators (`booking.offer`). */
  bookedBySomeoneWhoMayBookInvigilators: {
    holds: (context) => authorise(context.grants, context.offeredBy, 'booking.offer').allowed,
    refusal: (context) => {
      const d = authorise(context.grants, context.offeredBy, 'booking.offer');
      return d.allowed ? { code: 'not_authorised', reason: 'The offer is authorised' } : { code: d.code, reason: d.reason, rule: d.rule };
    },
  },
  /** The event says when (a valid instant, not before the latest recorded one) and who sent it. */
  datedAndSignedInOrder: {
    holds: (context, event) => stampRejection(event, context.lastEventAt, { requireBy: true }) === undefined,
    refusal: (context, event) => ({ ...stampRejection(event, context.lastEventAt, { requireBy: true })!, rule: 'examcycle.event-stamp' }),
  },
  /** The sender's role may take the action under the pack's `booking.*` authorities and the centre's delegations. */
  senderMayTakeThisAction: {
    holds: (context, event) => authorise(context.grants, isActor(event.by) ? event.by : undefined, actionOf(event)).allowed,
    refusal: (context, event) => {
      const d = authorise(context.grants, isActor(event.by) ? event.by : undefined, actionOf(event));
      return d.allowed ? { code: 'not_authorised', reason: 'Authorised' } : { code: d.code, reason: d.reason, rule: d.rule };
    },
  },
  /** An invigilator answers only their own booking. */
  answeredByTheBookedInvigilator: {
    holds: (context, event) => isActor(event.by) && event.by.id === context.invigilatorId,
    refusal: (context, event) => ({ code: 'not_authorised', reason: `Only the invigilator booked (${context.invigilatorId}) may ${event.type} the offer`, rule: 'examcycle.booking.own-booking' }),
  },
  /** An invigilator cancels only their own booking; the exams office cancels any. */
  anInvigilatorCancelsOnlyTheirOwnBooking: {
    holds: (context, event) => isActor(event.by) && (event.by.role !== 'invigilator' || event.by.id === context.invigilatorId),
    refusal: (context) => ({ code: 'not_authorised', reason: `An invigilator may cancel only their own booking; this one is ${context.invigilatorId}'s`, rule: 'examcycle.booking.own-booking' }),
  },
  /** The offer is answered by its respond-by instant. */
  answeredByTheRespondByInstant: {
    holds: (context, event) => (instantMillis(event.at) ?? Infinity) <= millis(context.respondBy),
    refusal: (context) => ({ code: 'deadline_passed', reason: `The offer had to be answered by ${context.respondBy}`, rule: 'examcycle.booking.respond-by' }),
  },
  /** A clock tick is well formed (a valid instant; a sender, if named, that is an actor), whatever its date. */
  tickIsWellFormed: {
    holds: (_context, event) => event.type === 'clock.tick' && stampRejection(event, null, { requireBy: false }) === undefined,
    refusal: (_context, event) => ({ ...(stampRejection(event, null, { requireBy: false }) ?? { code: 'event_rejected' as const, reason: 'Not a clock tick' }), rule: 'examcycle.event-stamp' }),
  },
  /** The respond-by instant has passed (the tick is at or after it). */
  respondByHasPassed: {
    holds: (context, event) => (instantMillis(event.at) ?? -Infinity) >= millis(context.respondBy),
    refusal: (context) => ({ code: 'event_rejected', reason: `The offer is open until ${context.respondBy}` }),
  },
} satisfies Record<string, BookingRule>;

/**
 * A rule's name: also the name of its guard.
 *
 * @example
 * ```ts
 * const name: BookingRuleName = 'answeredByTheBookedInvigilator';
 * const rule = BOOKING_RULES[name];
 * ```
 */
export type BookingRuleName = keyof typeof rules;

/**
 * The booking's rules, one per guard, in the words of the regulation or the job description: whether it
 * holds for an event, and the code, reason and rule of the refusal when it does not. The machine's guards
 * are these; a refused event's audit line carries the first rule that failed.
 *
 * @example
 * ```ts
 * declare const context: InvigilatorBookingContext; declare const event: InvigilatorBookingEvent;
 * BOOKING_RULES.answeredByTheRespondByInstant.refusal(context, event).code; // 'deadline_passed'
 * ```
 */
export const BOOKING_RULES: Readonly<Record<BookingRuleName, BookingRule>> = rules;

/** One rule, by name. */
function rule(name: BookingRuleName): BookingRule {
  return BOOKING_RULES[name];
}

/** The rules an accept or decline must meet, in the order they are checked. */
const ANSWER_RULES = ['datedAndSignedInOrder', 'senderMayTakeThisAction', 'answeredByTheBookedInvigilator', 'answeredByTheRespondByInstant'] as const satisfies readonly BookingRuleName[];
/** The rules a cancellation must meet, in the order they are checked. */
const CANCEL_RULES = ['datedAndSignedInOrder', 'senderMayTakeThisAction', 'anInvigilatorCancelsOnlyTheirOwnBooking'] as const satisfies readonly BookingRuleName[];

/** Why an event is not accepted in a state at all (the chart has no transition for it there). */
function notInThisState(state: string, event: BookingEvent): Refusal {
  if (event.type === 'accept' || event.type === 'decline') return { code: 'event_rejected', reason: `The booking is ${state}; it can no longer be ${event.type === 'accept' ? 'accepted' : 'declined'}` };
  if (event.type === 'cancel') return { code: 'event_rejected', reason: `The booking is ${state}; there is nothing to cancel` };
  return { code: 'event_rejected', reason: `"${String(event.type)}" is not accepted when ${state}` };
}

/** Resolves the booking's grants from its input: explicit grants, else the pack's, else none (nothing granted). */
function grantsOf(input: InvigilatorBookingInput): RoleGrants {
  if (input.grants) return input.grants;
  if (input.rulesPack) return grantsFor(input.rulesPack.authorities(academicYearOf(londonTime(input.date, '12:00'))), input.rulesPack.delegations(), ['booking.']);
  return {};
}

type RefuseParams = { readonly state: string; readonly failed: BookingRuleName | 'notInThisState' };

/** A transition list for an event: refused by the first failing rule, else taken to `target`. */
function ruled<TTarget extends string>(state: string, rules: readonly BookingRuleName[], target: TTarget) {
  return [
    // `not`/`and` of named guards, typed by the machine's setup where the transitions are used.
    ...rules.map((name) => ({ guard: not(name as never) as never, actions: { type: 'refuse' as const, params: { state, failed: name } } })),
    { guard: and(rules as never) as never, target, actions: { type: 'record' as const, params: { state, to: target } } },
  ];
}

/** The refusal of every other event in a state. */
function otherwiseRefused(state: string) {
  return { actions: { type: 'refuse' as const, params: { state, failed: 'notInThisState' as const } } };
}

/** Ticks in a closed or answered state: a well-formed one is idle, a malformed one refused. */
function idleTicks(state: string) {
  return [{ guard: 'tickIsWellFormed' as const }, { actions: { type: 'refuse' as const, params: { state, failed: 'tickIsWellFormed' as const } } }];
}

/**
 * The invigilator booking machine: `offered → accepted | declined | expired | cancelled` (an accepted
 * booking may still be cancelled), and `notOffered` when the offer was made by someone who may not book
 * invigilators. Snapshot version 3: the `booking.*` grants live in the context.
 *
 * @example
 * ```ts
 * const clock = new SimulatedClock();
 * const actor = createActor(invigilatorBookingMachine, {
 *   clock,
 *   input: { bookingId: 'b1', invigilatorId: 'inv-1', date: '2026-06-01', session: 'AM', offeredAt: '2026-05-01T09:00:00+01:00', respondBy: '2026-05-08T17:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' }, rulesPack: jcq },
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
    bookedBySomeoneWhoMayBookInvigilators: ({ context }) => rule('bookedBySomeoneWhoMayBookInvigilators').holds(context, { type: 'offer' }),
    datedAndSignedInOrder: ({ context, event }) => rule('datedAndSignedInOrder').holds(context, event),
    senderMayTakeThisAction: ({ context, event }) => rule('senderMayTakeThisAction').holds(context, event),
    answeredByTheBookedInvigilator: ({ context, event }) => rule('answeredByTheBookedInvigilator').holds(context, event),
    anInvigilatorCancelsOnlyTheirOwnBooking: ({ context, event }) => rule('anInvigilatorCancelsOnlyTheirOwnBooking').holds(context, event),
    answeredByTheRespondByInstant: ({ context, event }) => rule('answeredByTheRespondByInstant').holds(context, event),
    tickIsWellFormed: ({ context, event }) => rule('tickIsWellFormed').holds(context, event),
    respondByHasPassed: ({ context, event }) => rule('respondByHasPassed').holds(context, event),
  },
  actions: {
    /** Emits the offer line when a new booking is offered (a restore does not repeat it). */
    offer: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({
        type: 'audit',
        line: { at: context.offeredAt, ...(context.offeredBy ? { by: context.offeredBy } : {}), event: 'offer', from: 'offered', to: 'offered', outcome: 'accepted', details: { bookingId: context.bookingId, invigilatorId: context.invigilatorId } },
      });
    }),
    /** Records an offer made by someone who may not book invigilators: the booking never opens. */
    refuseOffer: enqueueActions(({ context, enqueue }) => {
      const why = rule('bookedBySomeoneWhoMayBookInvigilators').refusal(context, { type: 'offer' });
      const line: AuditLine = {
        at: context.offeredAt,
        ...(context.offeredBy ? { by: context.offeredBy } : {}),
        event: 'offer',
        from: 'notOffered',
        to: 'notOffered',
        outcome: 'rejected',
        reason: why.reason,
        code: why.code,
        ...(why.rule ? { rule: why.rule } : {}),
        details: { bookingId: context.bookingId, invigilatorId: context.invigilatorId },
      };
      enqueue.assign({ closedAt: context.offeredAt });
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
    }),
    /** Records an accepted answer or cancellation. */
    record: enqueueActions(({ context, event, enqueue }, params: { state: string; to: string }) => {
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
    /** Records a refused event with the failed rule's code and reason, and emits `event.rejected`; the state does not change. */
    refuse: enqueueActions(({ context, event, enqueue }, params: RefuseParams) => {
      const why = params.failed === 'notInThisState' ? notInThisState(params.state, event) : rule(params.failed).refusal(context, event);
      const { lastEventAt, line } = rejectionLine(context, event, params.state, why, { bookingId: context.bookingId });
      enqueue.assign({ lastEventAt });
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
    }),
  },
}).createMachine({
  id: 'invigilatorBooking',
  version: '3',
  context: ({ input }) => {
    const offeredAt = londonIso(instantToMillis(input.offeredAt));
    return {
      bookingId: input.bookingId,
      invigilatorId: input.invigilatorId,
      date: input.date,
      session: input.session,
      offeredAt,
      respondBy: londonIso(instantToMillis(input.respondBy)),
      startedAt: londonIso(instantToMillis(input.startedAt ?? input.offeredAt)),
      ...(input.by ? { offeredBy: input.by } : {}),
      grants: grantsOf(input),
      lastEventAt: offeredAt,
    };
  },
  initial: 'booking',
  states: {
    booking: {
      always: [
        { guard: 'bookedBySomeoneWhoMayBookInvigilators', target: 'offered', actions: 'offer' },
        { target: 'notOffered', actions: 'refuseOffer' },
      ],
    },
    offered: {
      after: { expiry: { target: 'expired', actions: 'expire' } },
      on: {
        'clock.tick': [
          { guard: and(['tickIsWellFormed', 'respondByHasPassed']), target: 'expired', actions: 'expire' },
          ...idleTicks('offered'),
        ],
        accept: ruled('offered', ANSWER_RULES, 'accepted'),
        decline: ruled('offered', ANSWER_RULES, 'declined'),
        cancel: ruled('offered', CANCEL_RULES, 'cancelled'),
        '*': otherwiseRefused('offered'),
      },
    },
    accepted: {
      on: {
        cancel: ruled('accepted', CANCEL_RULES, 'cancelled'),
        'clock.tick': idleTicks('accepted'),
        '*': otherwiseRefused('accepted'),
      },
    },
    declined: { tags: ['closed'], on: { 'clock.tick': idleTicks('declined'), '*': otherwiseRefused('declined') } },
    expired: { tags: ['closed'], on: { 'clock.tick': idleTicks('expired'), '*': otherwiseRefused('expired') } },
    cancelled: { tags: ['closed'], on: { 'clock.tick': idleTicks('cancelled'), '*': otherwiseRefused('cancelled') } },
    notOffered: { tags: ['closed'], on: { 'clock.tick': idleTicks('notOffered'), '*': otherwiseRefused('notOffered') } },
  },
});
