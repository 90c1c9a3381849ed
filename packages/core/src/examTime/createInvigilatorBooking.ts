/**
 * Starting or restoring an invigilator booking on a clock so its expiry is right either way: a new offer's
 * expiry runs from the clock's now; a restored one (validated against the booking's persisted-context schema,
 * version-1 snapshots migrated) is ticked at once and otherwise has its expiry scheduled on the clock again.
 */
import { createActor, type Actor as XActor } from 'xstate';
import type { Actor, AuditLine } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { restoreWithSpec } from '../persistence/persistSnapshot.js';
import type { ExamClock, Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { invigilatorBookingMachine, type InvigilatorBookingInput } from './invigilatorBookingMachine.js';
import { invigilatorBookingPersisted } from './invigilatorBookingPersisted.js';

function millis(at: Instant): number {
  return instantToMillis(at);
}

/** Where a started booking's audit lines go, for {@link createInvigilatorBooking}. */
interface AuditSink {
  /**
   * Called with every audit line the booking emits, from the offer line of a new booking (or the expiry a
   * restore catches up on) onwards: subscribed before the actor starts, so no line is missed. Hosts with a
   * store append the lines to its log; without it, the lines are not kept.
   */
  readonly onAudit?: (line: AuditLine) => void;
}

/**
 * Options for {@link createInvigilatorBooking}: a clock, and either a new offer or a persisted booking.
 *
 * @example
 * ```ts
 * declare const clock: ExamClock;
 * declare const saved: string; // the booking as the host stored it (JSON)
 * const restore: CreateInvigilatorBookingOptions = { clock, snapshot: JSON.parse(saved) };
 * ```
 */
export type CreateInvigilatorBookingOptions =
  | (AuditSink & { readonly clock: ExamClock; readonly input: Omit<InvigilatorBookingInput, 'startedAt'>; readonly snapshot?: undefined })
  | (AuditSink & { readonly clock: ExamClock; readonly snapshot: unknown; readonly input?: undefined });

/**
 * Creates a started booking actor on a clock, or restores a persisted one (version 1 snapshots, with the audit trail in
 * the context, are migrated), so that its expiry is right either way: a new offer's expiry runs from the
 * clock's now; a restored offer is ticked at once (it expires if `respondBy` has passed) and otherwise has
 * its expiry scheduled on the clock again.
 *
 * @param options - the clock, the offer or the persisted booking, and where the audit lines go
 * @throws ExamcycleError `invalid_value` with neither input nor snapshot; `snapshot_*` for a snapshot that does not restore
 * @example
 * ```ts
 * declare const clock: ExamClock;
 * declare const saved: string; // the booking as the host stored it (JSON)
 * const log: AuditLine[] = [];
 * const actor = createInvigilatorBooking({ clock, snapshot: JSON.parse(saved), onAudit: (line) => log.push(line) });
 * actor.getSnapshot().value; // 'expired' if the offer lapsed while the host was down
 * ```
 */
export function createInvigilatorBooking(options: CreateInvigilatorBookingOptions): XActor<typeof invigilatorBookingMachine> {
  const { clock, onAudit } = options;
  const now = londonIso(clock.now());
  const system: Actor = { id: 'examcycle', role: 'system' };
  const listen = (actor: XActor<typeof invigilatorBookingMachine>) => {
    if (onAudit) actor.on('audit', (e) => onAudit(e.line));
    return actor;
  };
  if (options.snapshot === undefined) {
    if (!options.input) throw new ExamcycleError('invalid_value', 'createInvigilatorBooking needs either input (a new offer) or snapshot (a restored one)');
    const startedAt = millis(now) > millis(options.input.offeredAt) ? now : options.input.offeredAt;
    return listen(createActor(invigilatorBookingMachine, { clock, input: { ...options.input, startedAt } })).start();
  }
  const actor = listen(restoreWithSpec(invigilatorBookingMachine, options.snapshot, { clock, spec: invigilatorBookingPersisted })).start();
  actor.send({ type: 'clock.tick', at: now, by: system });
  if (actor.getSnapshot().value === 'offered') {
    const wait = Math.max(0, millis(actor.getSnapshot().context.respondBy) - clock.now());
    clock.setTimeout(() => {
      if (actor.getSnapshot().status === 'active') actor.send({ type: 'clock.tick', at: londonIso(clock.now()), by: system });
    }, wait);
  }
  return actor;
}
