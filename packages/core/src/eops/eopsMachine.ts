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
 * Issue 18 (the seeds line by line): an administrator updates or permanently deletes an account's details
 * (`account.update`, `account.delete`; a deleted officer's certified records stay); a target is proposed by
 * one side and confirmed by the other (`target.confirm`: "the exams officer and senior leader must agree");
 * the certificate is requested (`certificate.request`) before the SLT declaration; registration, the
 * Values & Attributes agreement and meetings of a kind tick the induction items they fulfil; and the
 * machine emits the host events a host hangs emails on (see {@link EopsEmitted}).
 *
 * States: `unregistered` (only `centre.register`), then `registered`. Every event carries `at` and `by`;
 * every accepted and every rejected event emits exactly one audit line, `{ type: 'audit', line }` (a
 * rejection with its reason, an {@link ExamcycleError} code and the rule that decided), which the runtime
 * appends to the store's log: the context holds the centre's state, never its history, so a rejected event
 * changes nothing but `lastEventAt`. Context changes only through `assign`; the rules are one pure guard,
 * the changes one pure function; there is no I/O and no clock: time is each event's `at`.
 */
import { enqueueActions, setup, type Actor as XActor, type SnapshotFrom } from 'xstate';
import type { AuditEmitted, AuditEntry, AuditLine } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { SendOutcome } from '../machines/createExamCycle.js';
import { applyEopsEvent, rejectEopsEvent } from './applyEopsEvent.js';
import type { AcademicYear } from '../time/clock.js';
import { EOPS_LEADER_ROLES, type EopsAccount, type EopsCertificate, type EopsContext, type EopsRole } from './eopsContext.js';
import type { EopsEvent } from './eopsEvents.js';
import { currentRecord, eopsRejectionOf, type EopsMachineState } from './eopsRejection.js';

/** Someone a host may email about an officer's Standards: the officer, or an active senior leader / line manager. */
export interface EopsRecipient {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly roles: readonly EopsRole[];
}

/**
 * Events the machine emits for hosts to subscribe to with `actor.on(...)`: one `audit` line for every event
 * it is sent (the runtime appends it to the store's log; {@link collectAudit} gathers them in tests);
 * `event.rejected` (as every examcycle machine) and `eops.rejected` (as before) with the line of a rejected
 * event; and the events a host hangs emails on: `eops.registrationConfirmed` (seed 004: "an email will be
 * sent to the exams officer and senior leader/line manager confirming registration"), `eops.accountApproved`,
 * `eops.certificateRequested` and `eops.certified` (the certificate issued).
 */
export type EopsEmitted =
  | AuditEmitted
  | { readonly type: 'event.rejected'; readonly entry: AuditLine }
  | { readonly type: 'eops.rejected'; readonly entry: AuditLine }
  | {
      readonly type: 'eops.registrationConfirmed';
      readonly officerId: string;
      readonly officerName: string;
      readonly academicYear: AcademicYear;
      readonly centre: { readonly centreNumber: string; readonly name: string };
      /** The officer and the centre's active senior leaders / line managers. */
      readonly recipients: readonly EopsRecipient[];
    }
  | { readonly type: 'eops.accountApproved'; readonly account: EopsRecipient; readonly approvedBy: string }
  | {
      readonly type: 'eops.certificateRequested';
      readonly officerId: string;
      readonly officerName: string;
      readonly academicYear: AcademicYear;
      readonly requestedBy: { readonly id: string; readonly name: string };
      /** The officer and the centre's active senior leaders / line managers (who make the SLT declaration). */
      readonly recipients: readonly EopsRecipient[];
    }
  | { readonly type: 'eops.certified'; readonly certificate: EopsCertificate };

function recipient(a: EopsAccount): EopsRecipient {
  return { id: a.id, name: a.name, email: a.email, roles: [...a.roles] };
}

/** The officer and the centre's active senior leaders / line managers, each once. */
function recipientsFor(context: EopsContext, officerId: string): EopsRecipient[] {
  const leaders: readonly string[] = EOPS_LEADER_ROLES;
  return context.accounts
    .filter((a) => a.status === 'active' && (a.id === officerId || a.roles.some((r) => leaders.includes(r))))
    .map(recipient);
}

/** The host events an accepted event emits besides its audit line. */
function hostEvents(after: EopsContext, event: EopsEvent): EopsEmitted[] {
  switch (event.type) {
    case 'officer.register': {
      const r = currentRecord(after, event.officerId)!;
      return [{ type: 'eops.registrationConfirmed', officerId: r.officerId, officerName: r.officerName, academicYear: r.academicYear, centre: after.centre!, recipients: recipientsFor(after, r.officerId) }];
    }
    case 'account.approve': {
      const account = after.accounts.find((a) => a.id === event.accountId)!;
      return [{ type: 'eops.accountApproved', account: recipient(account), approvedBy: event.by.id }];
    }
    case 'certificate.request': {
      const r = currentRecord(after, event.officerId)!;
      const by = r.certificateRequest!;
      return [{ type: 'eops.certificateRequested', officerId: r.officerId, officerName: r.officerName, academicYear: r.academicYear, requestedBy: { id: by.by.id, name: by.name }, recipients: recipientsFor(after, r.officerId) }];
    }
    case 'standards.declare': {
      const certificate = currentRecord(after, event.officerId)?.certificate;
      return certificate ? [{ type: 'eops.certified', certificate }] : [];
    }
    default:
      return [];
  }
}

const stay = {
  guard: { type: 'acceptable' as const, params: { state: 'registered' as const } },
  actions: { type: 'accept' as const, params: { from: 'registered' as const, to: 'registered' as const } },
};

/**
 * The EOPS machine (id `eops`, snapshot version 2: the audit trail is emitted, not kept in the context).
 * Start one actor per centre; host it through the runtime with {@link eopsPersisted}, or persist it with
 * `persistSnapshot` and restore it with `restoreSnapshot(eopsMachine, json, { migrations: eopsPersisted.migrations })`.
 *
 * @example
 * ```ts
 * const actor = createActor(eopsMachine);
 * const audit = collectAudit(actor);
 * actor.start();
 * const slt = { id: 'slt-1', role: 'senior_leader' } as const;
 * actor.send({ type: 'centre.register', centre: { centreNumber: '12345', name: 'Plume Academy' }, user: { id: 'slt-1', name: 'Nanda Hassan', roles: ['senior_leader'] }, at: '2025-09-02T09:00:00+01:00', by: slt });
 * actor.send({ type: 'account.register', user: { id: 'eo-1', name: 'Amber Giles', roles: ['exams_officer'] }, at: '2025-09-02T09:05:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * actor.send({ type: 'account.approve', accountId: 'eo-1', at: '2025-09-02T09:10:00+01:00', by: slt });
 * actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: '2025-09-02T09:15:00+01:00', by: slt });
 * audit.length; // 4
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
    /** Applies an accepted event and emits its audit line, then the host events it causes (registration confirmed, …). */
    accept: enqueueActions(({ context, event, enqueue }, params: { from: EopsMachineState; to: EopsMachineState }) => {
      const { change, line } = applyEopsEvent(context, event, params.from, params.to);
      enqueue.assign(change);
      enqueue.emit({ type: 'audit', line });
      for (const emitted of hostEvents({ ...context, ...change }, event)) enqueue.emit(emitted);
    }),
    /** Emits a rejected event's audit line with its reason, code and rule, then `event.rejected` and `eops.rejected`. */
    reject: enqueueActions(({ context, event, enqueue }, params: { state: EopsMachineState }) => {
      const why = eopsRejectionOf(context, params.state, event) ?? { code: 'event_rejected' as const, reason: `"${String(event.type)}" is not accepted in ${params.state}` };
      const { change, line } = rejectEopsEvent(context, event, params.state, why);
      if (change.lastEventAt !== undefined) enqueue.assign(change);
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
      enqueue.emit({ type: 'eops.rejected', entry: line });
    }),
  },
}).createMachine({
  id: 'eops',
  version: '2',
  // No start line: a new actor has no instant or author until the centre's first user registers it.
  context: () => ({ centre: null, academicYear: null, accounts: [], records: [], lastEventAt: null }),
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
        'account.update': stay,
        'account.delete': stay,
        'officer.register': stay,
        'target.agree': stay,
        'target.confirm': stay,
        'target.mark': stay,
        'valuesAndAttributes.sign': stay,
        'meeting.record': stay,
        'meetings.plan': stay,
        'induction.complete': stay,
        'certificate.request': stay,
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

/** The typed error of a rejected line (its code, reason and rule; the event, state and what it was about). */
function errorOf(entry: AuditLine | AuditEntry): ExamcycleError {
  return new ExamcycleError(entry.code ?? 'event_rejected', entry.reason ?? `"${entry.event}" was rejected`, {
    ...(entry.rule ? { rule: entry.rule } : {}),
    details: { event: entry.event, state: entry.from, ...('seq' in entry ? { seq: entry.seq } : {}), ...(entry.details ?? {}) },
  });
}

/**
 * The last line's rejection as a typed error, or undefined when the last event was accepted (or there is none).
 *
 * @param audit - the audit lines of an EOPS actor, as {@link collectAudit} gathers them or a store's log returns them
 * @example
 * ```ts
 * const audit = collectAudit(actor); // before actor.start()
 * actor.send({ type: 'standards.declare', officerId: 'eo-1', at, by: { id: 'eo-1', role: 'exams_officer' } });
 * lastEopsRejection(audit)?.code; // 'not_authorised'
 * ```
 */
export function lastEopsRejection(audit: readonly (AuditLine | AuditEntry)[]): ExamcycleError | undefined {
  const entry = audit[audit.length - 1];
  return entry?.outcome === 'rejected' ? errorOf(entry) : undefined;
}

/**
 * The outcome of {@link sendEops}: the same {@link SendOutcome} as the exam cycle's handle and the runtime
 * (accepted, or rejected with a typed error; both carry the audit line).
 */
export type EopsSendOutcome = SendOutcome;

/** What {@link sendEops} needs of an actor: its snapshot, `send`, and `on` for the audit line. */
export type EopsActorLike = Pick<EopsActor, 'getSnapshot' | 'send' | 'on'>;

/**
 * Sends an event to an EOPS actor and says whether it was accepted, with the typed error when not, and the
 * audit line the actor emitted for it. An actor that is not running processes nothing: the outcome is an
 * `event_rejected` error with a line describing the refusal (not emitted: no log saw the event).
 *
 * @param actor - a started EOPS actor
 * @param event - the event
 * @example
 * ```ts
 * const outcome = sendEops(actor, { type: 'standards.declare', officerId: 'eo-1', at, by: slt });
 * if (!outcome.ok) console.log(outcome.error.message); // which criteria are still missing
 * ```
 */
export function sendEops(actor: EopsActorLike, event: EopsEvent): EopsSendOutcome {
  const previous = actor.getSnapshot();
  const state = previous.value as EopsMachineState;
  const refused = (reason: string): EopsSendOutcome => {
    const { line } = rejectEopsEvent(previous.context, event, state, { code: 'event_rejected', reason });
    return { ok: false, entry: line, error: errorOf(line) };
  };
  // xstate drops events sent to a stopped actor: say so rather than pretend.
  if (previous.status !== 'active') return refused(`The actor is ${previous.status}; "${String(event.type)}" was not processed`);
  const lines: AuditLine[] = [];
  const subscription = actor.on('audit', (e) => {
    lines.push(e.line);
  });
  try {
    actor.send(event);
  } finally {
    subscription.unsubscribe();
  }
  const line = lines[lines.length - 1];
  // Sent from inside another event's processing, the event waits in the mailbox: it has no outcome yet.
  if (!line) return refused(`"${String(event.type)}" was not processed (the actor is busy with another event)`);
  return line.outcome === 'rejected' ? { ok: false, entry: line, error: errorOf(line) } : { ok: true, entry: line };
}
