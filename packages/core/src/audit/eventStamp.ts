/**
 * The stamp every examcycle machine event carries: when it happened (`at`, an ISO instant) and who sent it
 * (`by`). Each machine's audit trail is chronological, so an event dated before the latest recorded one is
 * refused. This module is that one rule, shared by every machine, so the checks and their wording agree.
 */
import type { ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import type { Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { londonIso } from '../time/londonIso.js';
import type { Actor, AuditEntry, AuditLine } from './auditTrail.js';

/**
 * An instant's epoch milliseconds, or `null` when the value is not an ISO instant (checked without throwing:
 * a bad instant is a refusal, not a crash).
 *
 * @param at - any value
 * @example
 * ```ts
 * instantMillis('2026-08-12T00:01:00+01:00'); // 1786489260000
 * instantMillis('yesterday'); // null
 * ```
 */
export function instantMillis(at: unknown): number | null {
  if (typeof at !== 'string') return null;
  try {
    return instantToMillis(at as Instant);
  } catch {
    return null;
  }
}

/**
 * Whether a value names who did something: an object with a non-empty `id`.
 *
 * @param by - any value
 * @example
 * ```ts
 * isActor({ id: 'eo-1', role: 'exams_officer' }); // true
 * ```
 */
export function isActor(by: unknown): by is Actor {
  return typeof by === 'object' && by !== null && typeof (by as Actor).id === 'string' && (by as Actor).id.length > 0;
}

/**
 * Who sent a refused event, as the trail keeps them: their id and role only, copied. The host's own object may
 * carry more (a name, an email) that has no place in an append-only log, and may change after the line is written.
 */
function keptSender(by: Actor): Actor {
  return by.role !== undefined ? { id: by.id, role: by.role } : { id: by.id };
}

/** Options for {@link stampRejection}. */
export interface StampRules {
  /**
   * Whether the event must name who sent it. The exam cycle's clock ticks come from the system and may omit it.
   * @default true
   */
  readonly requireBy?: boolean;
}

/**
 * Why an event's stamp is refused (no valid instant, no sender, or dated before the latest recorded event),
 * or `undefined` when it is acceptable.
 *
 * @param event - the event's `at` and `by`
 * @param lastEventAt - the instant of the latest recorded event, or `null` before the first
 * @param rules - whether `by` is required
 * @example
 * ```ts
 * const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
 * stampRejection({ at: '2026-01-01T09:00:00Z', by: officer }, '2026-02-01T09:00:00Z')?.code; // 'invalid_value'
 * ```
 */
export function stampRejection(
  event: { readonly at?: unknown; readonly by?: unknown },
  lastEventAt: Instant | null,
  { requireBy = true }: StampRules = {},
): { readonly code: ExamcycleErrorCode; readonly reason: string } | undefined {
  const at = instantMillis(event.at);
  if (at === null) return { code: 'invalid_value', reason: `The event has no valid instant (at): ${JSON.stringify(event.at) ?? 'undefined'}` };
  if ((requireBy || event.by !== undefined) && !isActor(event.by)) return { code: 'not_authorised', reason: 'The event does not say who sent it (by)' };
  const last = instantMillis(lastEventAt);
  if (last !== null && at < last) {
    return { code: 'invalid_value', reason: `The event is dated ${String(event.at)}, before the latest recorded event (${String(lastEventAt)}): the trail is chronological` };
  }
  return undefined;
}

/** Why an event was refused: a code, the reason in words, and the rule that decided when one did. */
export interface Refusal {
  readonly code: ExamcycleErrorCode;
  readonly reason: string;
  readonly rule?: string;
}

/**
 * The line that records a refused event, and the new latest instant: the audit line (`outcome: 'rejected'`,
 * with its reason, code and rule), dated at the event's own instant when that is valid and not before the
 * latest recorded one, otherwise at the latest recorded instant, so the log stays chronological. Machines
 * assign `lastEventAt` and emit `{ type: 'audit', line }`; the runtime appends the line to the store's log.
 *
 * @param context - the machine's latest instant
 * @param event - the refused event
 * @param state - the state it was refused in
 * @param why - the refusal
 * @param details - what the line is about (a certificate id, a booking id)
 * @example
 * ```ts
 * declare const context: CertificateContext;
 * declare const event: CertificateEvent;
 * declare const enqueue: { assign(values: object): void; emit(e: object): void };
 * const { lastEventAt, line } = rejectionLine(context, event, 'unclaimed', { code: 'retention_not_expired', reason: 'kept until 2027-11-20' });
 * enqueue.assign({ lastEventAt });
 * enqueue.emit({ type: 'audit', line });
 * ```
 */
export function rejectionLine(
  context: { readonly lastEventAt: Instant },
  event: { readonly type: string; readonly at?: unknown; readonly by?: unknown },
  state: string,
  why: Refusal,
  details?: AuditEntry['details'],
): { lastEventAt: Instant; line: AuditLine } {
  const at = instantMillis(event.at);
  const validAt = at !== null && at >= (instantMillis(context.lastEventAt) ?? -Infinity);
  const when = validAt && at !== null ? londonIso(at) : context.lastEventAt;
  return {
    lastEventAt: when,
    line: {
      at: when,
      ...(isActor(event.by) ? { by: keptSender(event.by) } : {}),
      event: String(event.type),
      from: state,
      to: state,
      outcome: 'rejected',
      reason: why.reason,
      code: why.code,
      ...(why.rule ? { rule: why.rule } : {}),
      ...(details ? { details } : {}),
    },
  };
}
