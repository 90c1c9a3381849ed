/**
 * The Exams Officer Professional Standards (EOPS) as an xstate v5 machine: one actor per centre.
 *
 * Structure. The actor holds the centre's accounts (the first user registers the centre and administers it;
 * others ask to join and an administrator approves, grants administration rights or deactivates them) and
 * one record per exams officer per academic year (targets, the two Values & Attributes signatures, meetings,
 * induction, SLT declaration, certificate). One actor per centre rather than one per officer-year because
 * every rule of the Standards depends on the centre's accounts: who is a senior leader / line manager, who
 * is an administrator, whose account is deactivated; and because renewal keeps history: `year.rollover`
 * lapses every record of the ending year, the next year's records start empty when officers are registered
 * again, and the old records stay in the same snapshot for the tracker's academic-year choice.
 *
 * States: `unregistered` (only `centre.register`), then `registered`. Every event carries `at` and `by`;
 * every accepted and every rejected event is appended to `context.audit` (a rejection with its reason, an
 * {@link ExamcycleError} code and the rule that decided). Context changes only through `assign`; the rules
 * are one pure guard, the changes one pure function; there is no I/O and no clock: time is each event's `at`.
 */
import { enqueueActions, setup, type Actor as XActor, type AnyActorRef, type SnapshotFrom } from 'xstate';
import type { AuditEntry } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { applyEopsEvent, rejectEopsEvent } from './applyEopsEvent.js';
import type { EopsCertificate, EopsContext } from './eopsContext.js';
import type { EopsEvent } from './eopsEvents.js';
import { currentRecord, eopsRejectionOf, type EopsMachineState } from './eopsRejection.js';

/** Events the machine emits for hosts to subscribe to with `actor.on(...)` (to email a certificate, say). */
export type EopsEmitted =
  | { readonly type: 'eops.rejected'; readonly entry: AuditEntry }
  | { readonly type: 'eops.certified'; readonly certificate: EopsCertificate };

const stay = {
  guard: { type: 'acceptable' as const, params: { state: 'registered' as const } },
  actions: { type: 'accept' as const, params: { from: 'registered' as const, to: 'registered' as const } },
};

/**
 * The EOPS machine (id `eops`, snapshot version 1). Start one actor per centre; persist it with
 * `persistSnapshot` and restore it with `restoreSnapshot(eopsMachine, json)`.
 *
 * @example
 * ```ts
 * const actor = createActor(eopsMachine).start();
 * const slt = { id: 'slt-1', role: 'senior_leader' } as const;
 * actor.send({ type: 'centre.register', centre: { centreNumber: '12345', name: 'Plume Academy' }, user: { id: 'slt-1', name: 'Nanda Hassan', roles: ['senior_leader'] }, at: '2025-09-02T09:00:00+01:00', by: slt });
 * actor.send({ type: 'account.register', user: { id: 'eo-1', name: 'Amber Giles', roles: ['exams_officer'] }, at: '2025-09-02T09:05:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * actor.send({ type: 'account.approve', accountId: 'eo-1', at: '2025-09-02T09:10:00+01:00', by: slt });
 * actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: '2025-09-02T09:15:00+01:00', by: slt });
 * ```
 */
export const eopsMachine = setup({
  types: {
    context: {} as EopsContext,
    events: {} as EopsEvent,
    emitted: {} as EopsEmitted,
  },
  guards: {
    /** The event passes every EOPS rule in this state. */
    acceptable: ({ context, event }, params: { state: EopsMachineState }) => eopsRejectionOf(context, params.state, event) === undefined,
  },
  actions: {
    /** Applies an accepted event and writes its audit line; emits `eops.certified` when a certificate is issued. */
    accept: enqueueActions(({ context, event, enqueue }, params: { from: EopsMachineState; to: EopsMachineState }) => {
      const change = applyEopsEvent(context, event, params.from, params.to);
      enqueue.assign(change);
      if (event.type === 'standards.declare') {
        const certificate = currentRecord({ ...context, ...change }, event.officerId)?.certificate;
        if (certificate) enqueue.emit({ type: 'eops.certified', certificate });
      }
    }),
    /** Records a rejected event with its reason, code and rule, and emits `eops.rejected`. */
    reject: enqueueActions(({ context, event, enqueue }, params: { state: EopsMachineState }) => {
      const why = eopsRejectionOf(context, params.state, event) ?? { code: 'event_rejected' as const, reason: `"${String(event.type)}" is not accepted in ${params.state}` };
      const change = rejectEopsEvent(context, event, params.state, why);
      enqueue.assign(change);
      const entry = change.audit?.[change.audit.length - 1];
      if (entry) enqueue.emit({ type: 'eops.rejected', entry });
    }),
  },
}).createMachine({
  id: 'eops',
  version: '1',
  context: () => ({ centre: null, academicYear: null, accounts: [], records: [], audit: [], lastEventAt: null }),
  initial: 'unregistered',
  states: {
    unregistered: {
      on: {
        'centre.register': {
          guard: { type: 'acceptable', params: { state: 'unregistered' } },
          target: 'registered',
          actions: { type: 'accept', params: { from: 'unregistered', to: 'registered' } },
        },
        // Anything else, and a registration that failed its guard, is recorded as rejected.
        '*': { actions: { type: 'reject', params: { state: 'unregistered' } } },
      },
    },
    registered: {
      on: {
        'account.register': stay,
        'account.approve': stay,
        'account.grantAdmin': stay,
        'account.revokeAdmin': stay,
        'account.deactivate': stay,
        'account.activate': stay,
        'officer.register': stay,
        'target.agree': stay,
        'target.mark': stay,
        'valuesAndAttributes.sign': stay,
        'meeting.record': stay,
        'meetings.plan': stay,
        'induction.complete': stay,
        'standards.declare': stay,
        'year.rollover': stay,
        // A guard that failed above falls through to here, as does any other event (a second centre.register).
        '*': { actions: { type: 'reject', params: { state: 'registered' } } },
      },
    },
  },
});

/** A snapshot of the EOPS machine. */
export type EopsSnapshot = SnapshotFrom<typeof eopsMachine>;

/** A running EOPS actor. */
export type EopsActor = XActor<typeof eopsMachine>;

/**
 * The last event's rejection as a typed error, or undefined when the last event was accepted.
 *
 * @param snapshot - an EOPS snapshot (or anything with its audit trail)
 * @example
 * ```ts
 * actor.send({ type: 'standards.declare', officerId: 'eo-1', at, by: { id: 'eo-1', role: 'exams_officer' } });
 * lastEopsRejection(actor.getSnapshot())?.code; // 'not_authorised'
 * ```
 */
export function lastEopsRejection(snapshot: { readonly context: Pick<EopsContext, 'audit'> }): ExamcycleError | undefined {
  const entry = snapshot.context.audit[snapshot.context.audit.length - 1];
  if (!entry || entry.outcome !== 'rejected') return undefined;
  return new ExamcycleError(entry.code ?? 'event_rejected', entry.reason ?? `"${entry.event}" was rejected`, {
    ...(entry.rule ? { rule: entry.rule } : {}),
    details: { event: entry.event, state: entry.from, seq: entry.seq, ...(entry.details ?? {}) },
  });
}

/** The outcome of {@link sendEops}: accepted, or rejected with a typed error; both carry the audit line. */
export type EopsSendOutcome =
  | { readonly ok: true; readonly entry: AuditEntry }
  | { readonly ok: false; readonly error: ExamcycleError; readonly entry: AuditEntry | undefined };

/**
 * Sends an event to an EOPS actor and says whether it was accepted, with the typed error when not.
 *
 * @param actor - a started EOPS actor
 * @param event - the event
 * @example
 * ```ts
 * const outcome = sendEops(actor, { type: 'standards.declare', officerId: 'eo-1', at, by: slt });
 * if (!outcome.ok) console.log(outcome.error.message); // which criteria are still missing
 * ```
 */
export function sendEops(actor: AnyActorRef & { getSnapshot(): EopsSnapshot }, event: EopsEvent): EopsSendOutcome {
  const previous = actor.getSnapshot();
  if (previous.status !== 'active') {
    // xstate drops events sent to a stopped actor: say so rather than pretend.
    return { ok: false, entry: undefined, error: new ExamcycleError('event_rejected', `The actor is ${previous.status}; "${event.type}" was not processed`) };
  }
  actor.send(event);
  const snapshot = actor.getSnapshot();
  const entry = snapshot.context.audit[snapshot.context.audit.length - 1];
  if (snapshot.context.audit.length === previous.context.audit.length || !entry) {
    return { ok: false, entry, error: new ExamcycleError('event_rejected', `"${event.type}" was not processed`) };
  }
  if (entry.outcome === 'rejected') return { ok: false, entry, error: lastEopsRejection(snapshot)! };
  return { ok: true, entry };
}
