/**
 * The one outcome every examcycle host returns for a sent event: accepted, or refused with a typed
 * {@link ExamcycleError}, each with the audit line the event wrote. Built from the lines the machine emitted
 * while it handled the event, so the in-process handle ({@link createExamCycle}), EOPS's `sendEops` and the
 * durable runtime agree on what "rejected" means.
 */
import type { AuditLine } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';

/**
 * The outcome of sending an event: accepted, or rejected with a typed error. Both carry the audit line the
 * event wrote; a clock tick that changed nothing writes none.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const outcome: SendOutcome = cycle.send({ type: 'phase.advance', by: { id: 'eo-1', role: 'exams_officer' } });
 * if (!outcome.ok) console.log(outcome.error.code, outcome.error.message);
 * ```
 */
export type SendOutcome = { readonly ok: true; readonly entry?: AuditLine } | { readonly ok: false; readonly error: ExamcycleError; readonly entry?: AuditLine };

/**
 * The outcome of one sent event from the audit lines the machine emitted while handling it, and the error
 * the actor stopped with, if it did.
 *
 * @param lines - the lines emitted for this event (the last one decides)
 * @param failure - the error the actor reported while handling it, or `undefined`
 * @param type - the event's type, for the message when the actor failed
 * @param where - the detail key naming the state the event was refused in (`phase` for the exam cycle)
 * @example
 * ```ts
 * declare const lines: AuditLine[];
 * const outcome = sendOutcomeOf(lines, undefined, 'task.complete');
 * if (!outcome.ok) console.log(outcome.error.code);
 * ```
 */
export function sendOutcomeOf(lines: readonly AuditLine[], failure: unknown, type: string, where = 'state'): SendOutcome {
  const entry = lines[lines.length - 1];
  if (failure !== undefined) {
    return { ok: false, error: new ExamcycleError('event_rejected', `"${type}" stopped the actor with an error`, { cause: failure }), ...(entry ? { entry } : {}) };
  }
  if (entry?.outcome === 'rejected') {
    return {
      ok: false,
      entry,
      error: new ExamcycleError(entry.code ?? 'event_rejected', entry.reason ?? 'Rejected', {
        details: { event: entry.event, [where]: entry.from, ...(entry.details ?? {}) },
        ...(entry.rule ? { rule: entry.rule } : {}),
      }),
    };
  }
  return entry ? { ok: true, entry } : { ok: true };
}
