/**
 * The Exams Officer Professional Standards (EOPS) as xstate v5 statecharts: one actor per centre, and one
 * child actor per exams officer per academic year ({@link eopsOfficerYearMachine}) whose states are the
 * toolkit's steps (targets agreed, Values & Attributes signed and countersigned, certificate requested, the
 * SLT declaration, lapsed at the year's end).
 *
 * Why spawned children rather than separate store keys: every rule of an officer's year first needs the
 * centre's accounts (is the sender an active account acting in a role they hold, is the officer's account
 * active, is the sender a senior leader / line manager) and the pack's grants, which live in the centre's
 * actor; a child decides its Standards' rules with the centre's checks already passed, in the same event and
 * the same store transaction, so the centre and its officers' years can never disagree. The officer-years
 * persist inside the centre's snapshot (one key per centre), and a host keeps one handle (`sendEops`, the
 * runtime's `open`) for the whole centre.
 *
 * The centre (`unregistered` → `registered`) holds the accounts (the first user registers the centre and
 * administers it; others ask to join and an administrator approves, grants administration rights or
 * deactivates them), the grants (`eops.*` authorities resolved from the rules pack at start: input
 * `{ grants }`), and the list of officer-years it has spawned. An officer event passes the centre's guards
 * and is forwarded to the officer's current year, which applies it or refuses it and reports back; the centre
 * writes the line. `year.rollover` lapses every current year; the next year's actors start when officers are
 * registered again, and the old ones stay for the tracker's academic-year choice.
 *
 * Every guard is named after the rule it checks ({@link CENTRE_GUARDS}, {@link OFFICER_YEAR_GUARDS}) and
 * combined with xstate's `and` / `not`; a refused event's reason is the refusal of the first guard that
 * failed. Every accepted and every refused event emits exactly one audit line, `{ type: 'audit', line }`
 * (a refusal with its reason, an {@link ExamcycleError} code and the rule that decided), which the runtime
 * appends to the store's log: the context holds the state, never its history. There is no I/O and no
 * clock: time is each event's `at`.
 */
import { enqueueActions, setup, type Actor as XActor, type AnyActorRef, type SnapshotFrom } from 'xstate';
import type { AuditEmitted, AuditEntry, AuditLine } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { SendOutcome } from '../machines/createExamCycle.js';
import type { RoleGrants } from '../rules/authority.js';
import type { AcademicYear } from '../time/clock.js';
import { acceptedLine, applyCentreEvent, newEopsRecord, rejectEopsEvent } from './applyEopsEvent.js';
import { CENTRE_GUARDS, type CentreGuard } from './eopsCentreGuards.js';
import { EOPS_LEADER_ROLES, type EopsAccount, type EopsCertificate, type EopsContext, type EopsRecord, type EopsRole } from './eopsContext.js';
import type { EopsEvent } from './eopsEvents.js';
import type { EopsForwardedEvent, EopsOfficerYearReport } from './eopsOfficerYearEvents.js';
import { eopsOfficerYearMachine, eopsOfficerYearStep } from './eopsOfficerYearMachine.js';
import { allOf, firstRefusal, guardsOf, type GuardCheck } from './eopsRefusal.js';

/**
 * Someone a host may email about an officer's Standards: the officer, or an active senior leader / line manager.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * actor.on('eops.certificateRequested', (e) => {
 *   const to: readonly EopsRecipient[] = e.recipients;
 *   to.map((r) => r.email); // the senior leaders to notify
 * });
 * ```
 */
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
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * actor.on('eops.certified', (e: Extract<EopsEmitted, { type: 'eops.certified' }>) => {
 *   console.log(`${e.certificate.officerName}: certificate ${e.certificate.id}`);
 * });
 * ```
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

/**
 * The child id of an officer's year at the centre.
 *
 * @param officerId - the officer's account id
 * @param academicYear - the academic year
 * @example
 * ```ts
 * officerYearId('eo-1', '2025/26'); // 'officerYear:eo-1:2025/26'
 * ```
 */
export function officerYearId(officerId: string, academicYear: AcademicYear): string {
  return `officerYear:${officerId}:${academicYear}`;
}

/**
 * What the EOPS centre actor is started with.
 *
 * @example
 * ```ts
 * const input: EopsInput = { grants: grantsFor(jcq.authorities('2025/26'), [], ['eops.']) };
 * const actor = createActor(eopsMachine, { input }).start();
 * ```
 */
export interface EopsInput {
  /**
   * Who may take each `eops.*` action: `grantsFor(pack.authorities(year), overlay.delegations, ['eops.'])`.
   * Without grants nothing is authorised (the strict reading: what the pack does not give, nobody may do).
   */
  readonly grants?: RoleGrants;
}

type Check = GuardCheck<CentreGuard>;

/** The event's own checks, first on every transition. */
const STAMPED: readonly Check[] = ['eventWellFormed', 'stampInOrder'];
/** An event of the current year, from an active account acting in a role it holds, that the pack authorises. */
const ACTING: readonly Check[] = [...STAMPED, 'withinCurrentAcademicYear', 'senderActsForCentre', 'authorisedByPack'];
const ADMINISTERING: readonly Check[] = [...ACTING, 'senderAdministersCentre', 'accountExists'];
const ON_OFFICER_YEAR: readonly Check[] = [...ACTING, 'officerRegisteredThisYear', 'officerAccountActive', 'examsOfficerWorksOnOwnStandards'];

function centreAccepts(checks: readonly Check[], then: { readonly target?: string; readonly action?: 'accept' | 'registerOfficer' | 'forward' | 'rollOver' } = {}) {
  const { action = 'accept', ...rest } = then;
  return [
    { guard: allOf(checks), ...rest, actions: { type: action } },
    { actions: { type: 'refuse' as const, params: { checks } } },
  ] as never;
}

function centreRefuses(checks: readonly Check[]) {
  return { actions: { type: 'refuse' as const, params: { checks } } } as never;
}

/** The officer-year actor of a child id, from inside the centre's actions. */
function childOf(self: AnyActorRef, id: string): AnyActorRef | undefined {
  return (self.getSnapshot() as { children: Record<string, AnyActorRef | undefined> }).children[id];
}

/**
 * The EOPS centre machine (id `eops`, snapshot version 3: the officer-years are spawned child actors, the
 * grants are in the context). Start one actor per centre with the pack's grants; host it through the runtime
 * with {@link eopsPersisted}, or persist it with `persistSnapshot` and restore it with `restoreSnapshot`.
 *
 * @example
 * ```ts
 * const grants = grantsFor(jcq.authorities('2025/26'), [], ['eops.']);
 * const actor = createActor(eopsMachine, { input: { grants } });
 * const audit = collectAudit(actor);
 * actor.start();
 * const slt = { id: 'slt-1', role: 'senior_leader' } as const;
 * actor.send({ type: 'centre.register', centre: { centreNumber: '99999', name: 'Plume Academy' }, user: { id: 'slt-1', name: 'Nanda Hassan', roles: ['senior_leader'] }, at: '2025-09-02T09:00:00+01:00', by: slt });
 * actor.send({ type: 'account.register', user: { id: 'eo-1', name: 'Amber Giles', roles: ['exams_officer'] }, at: '2025-09-02T09:05:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * actor.send({ type: 'account.approve', accountId: 'eo-1', at: '2025-09-02T09:10:00+01:00', by: slt });
 * actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: '2025-09-02T09:15:00+01:00', by: slt });
 * audit.length; // 4
 * ```
 */
export const eopsMachine = setup({
  types: {
    context: {} as EopsContext,
    events: {} as EopsEvent | EopsOfficerYearReport,
    emitted: {} as EopsEmitted,
    input: {} as EopsInput | undefined,
  },
  actors: { officerYear: eopsOfficerYearMachine },
  guards: guardsOf(CENTRE_GUARDS),
  actions: {
    /** Applies an accepted centre event, emits its line and the host events it causes. */
    accept: enqueueActions(({ context, event, enqueue, self }) => {
      const e = event as EopsEvent;
      const change = applyCentreEvent(context, e);
      const after: EopsContext = { ...context, ...change, lastEventAt: e.at };
      enqueue.assign({ ...change, lastEventAt: e.at });
      const state = context.centre === null ? 'unregistered' : 'registered';
      let extra: Record<string, string> | undefined;
      if (e.type === 'account.update' && e.changes.name !== undefined) {
        // The officer's open year carries the new name; a certificate keeps the name it was issued in.
        const current = context.officerYears.find((y) => y.officerId === e.accountId && y.academicYear === context.academicYear);
        if (current) enqueue.sendTo(officerYearId(current.officerId, current.academicYear), { type: 'officer.rename', name: e.changes.name });
      }
      if (e.type === 'account.delete') {
        // The details go; the certified years (their certificates) stay.
        const kept = context.officerYears.filter((y) => y.officerId === e.accountId && y.certified);
        for (const y of context.officerYears) if (y.officerId === e.accountId && !y.certified) enqueue.stopChild(officerYearId(y.officerId, y.academicYear));
        const certificates = kept.map((y) => (childOf(self, officerYearId(y.officerId, y.academicYear))?.getSnapshot() as { context: EopsRecord } | undefined)?.context.certificate?.id).filter((x): x is string => !!x);
        extra = { keptCertificates: certificates.length ? certificates.join(', ') : 'none' };
      }
      enqueue.emit({ type: 'audit', line: acceptedLine(after, e, state, 'registered', extra) });
      if (e.type === 'account.approve') {
        const account = after.accounts.find((a) => a.id === e.accountId)!;
        enqueue.emit({ type: 'eops.accountApproved', account: recipient(account), approvedBy: e.by.id });
      }
    }),
    /** Spawns the officer's year, emits its line and the registration confirmation (seed 004). */
    registerOfficer: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Extract<EopsEvent, { type: 'officer.register' }>;
      const record = newEopsRecord(context, e);
      const after: EopsContext = { ...context, ...applyCentreEvent(context, e), lastEventAt: e.at };
      enqueue.spawnChild('officerYear', { id: officerYearId(record.officerId, record.academicYear), input: { record } });
      enqueue.assign({ officerYears: after.officerYears, lastEventAt: e.at });
      enqueue.emit({ type: 'audit', line: acceptedLine(after, e, 'registered', 'registered') });
      enqueue.emit({
        type: 'eops.registrationConfirmed',
        officerId: record.officerId,
        officerName: record.officerName,
        academicYear: record.academicYear,
        centre: after.centre!,
        recipients: recipientsFor(after, record.officerId),
      });
    }),
    /** Forwards an officer event to the officer's current year, with the sender's and the centre's names. */
    forward: enqueueActions(({ context, event, enqueue }) => {
      const e = event as EopsForwardedEvent;
      const senderName = context.accounts.find((a) => a.id === e.by.id)?.name ?? e.by.id;
      enqueue.assign({ lastEventAt: e.at });
      enqueue.sendTo(officerYearId(e.officerId, context.academicYear!), { ...e, senderName, centreName: context.centre!.name } as never);
    }),
    /** The year ended: every current officer-year lapses; the centre moves to the new year. */
    rollOver: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Extract<EopsEvent, { type: 'year.rollover' }>;
      for (const y of context.officerYears) if (y.step !== 'lapsed') enqueue.sendTo(officerYearId(y.officerId, y.academicYear), { type: 'year.rollover', at: e.at, by: e.by });
      enqueue.assign({ ...applyCentreEvent(context, e), lastEventAt: e.at });
      enqueue.emit({ type: 'audit', line: acceptedLine(context, e, 'registered', 'registered') });
    }),
    /** An officer-year reported a forwarded event: the centre writes its line (and the host events). */
    report: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'officerYear.report') return;
      const snapshot = childOf(self, event.officerYearId)?.getSnapshot() as { value: unknown; context: EopsRecord } | undefined;
      const step = snapshot ? eopsOfficerYearStep(snapshot.value) : event.from;
      const record = snapshot?.context;
      enqueue.assign({
        officerYears: context.officerYears.map((y) =>
          officerYearId(y.officerId, y.academicYear) === event.officerYearId ? { ...y, step: step as typeof y.step, certified: record?.certificate != null } : y,
        ),
      });
      if (event.outcome === 'rejected') {
        const { line } = rejectEopsEvent({ ...context, lastEventAt: null }, event.event, event.from, event.refusal);
        enqueue.emit({ type: 'audit', line });
        enqueue.emit({ type: 'event.rejected', entry: line });
        enqueue.emit({ type: 'eops.rejected', entry: line });
        return;
      }
      enqueue.emit({ type: 'audit', line: acceptedLine(context, event.event, event.from, step) });
      if (!record) return;
      if (event.event.type === 'certificate.request' && record.certificateRequest) {
        const by = record.certificateRequest;
        enqueue.emit({
          type: 'eops.certificateRequested',
          officerId: record.officerId,
          officerName: record.officerName,
          academicYear: record.academicYear,
          requestedBy: { id: by.by.id, name: by.name },
          recipients: recipientsFor(context, record.officerId),
        });
      }
      if (event.event.type === 'standards.declare' && record.certificate) enqueue.emit({ type: 'eops.certified', certificate: record.certificate });
    }),
    /** Emits a refused event's line with the refusal of the first guard that failed, then `event.rejected` and `eops.rejected`. */
    refuse: enqueueActions(({ context, event, enqueue, check }, params: { checks: readonly Check[] }) => {
      const state = context.centre === null ? 'unregistered' : 'registered';
      // The guards are evaluated as the machine has them (`check`), so one replaced with `.provide()` decides the reason too.
      const why = firstRefusal(CENTRE_GUARDS, params.checks, { context, event }, (name) => check(name as never)) ?? { code: 'event_rejected' as const, reason: `"${String(event.type)}" is not accepted in ${state}` };
      const { lastEventAt, line } = rejectEopsEvent(context, event, state, why);
      if (lastEventAt !== undefined) enqueue.assign({ lastEventAt });
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
      enqueue.emit({ type: 'eops.rejected', entry: line });
    }),
  },
}).createMachine({
  id: 'eops',
  version: '3',
  // No start line: a new actor has no instant or author until the centre's first user registers it.
  context: ({ input }) => ({ centre: null, academicYear: null, accounts: [], grants: input?.grants ?? {}, officerYears: [], lastEventAt: null }),
  initial: 'unregistered',
  states: {
    unregistered: {
      on: {
        'centre.register': centreAccepts([...STAMPED, 'firstUserRegistersThemselves', 'registrantActsInOwnRole', 'authorisedByPack'], { target: 'registered' }),
        // Anything else is refused: the centre is not registered yet.
        '*': centreRefuses([...STAMPED, 'centreRegistered']),
      },
    },
    registered: {
      on: {
        'centre.register': centreRefuses([...STAMPED, { not: 'centreRegistered' }]),
        'account.register': centreAccepts([...STAMPED, 'withinCurrentAcademicYear', 'newAccount', 'registrantActsInOwnRole', 'colleagueRegisteredByCentreUser', 'authorisedByPack']),
        'account.approve': centreAccepts([...ADMINISTERING, 'accountAwaitingApproval']),
        'account.grantAdmin': centreAccepts([...ADMINISTERING, 'accountActive', { not: 'accountAdministers' }]),
        'account.revokeAdmin': centreAccepts([...ADMINISTERING, 'accountAdministers', 'anotherActiveAdministrator']),
        'account.deactivate': centreAccepts([...ADMINISTERING, { not: 'accountDeactivated' }, 'centreKeepsAnAdministrator']),
        'account.activate': centreAccepts([...ADMINISTERING, 'accountDeactivated']),
        'account.update': centreAccepts([...ADMINISTERING, 'rolesListedOnce', 'examsOfficerRoleKeptWhileRegistered']),
        'account.delete': centreAccepts([...ADMINISTERING, 'centreKeepsAnAdministrator']),
        'officer.register': centreAccepts(
          [
            ...ACTING,
            'registersOwnStandardsUnlessLeader',
            'officerHasAccount',
            'officerAccountActive',
            'officerIsExamsOfficer',
            { not: 'officerRegisteredThisYear' },
            'startDateWithinYear',
            'inductionItemsListedOnce',
          ],
          { action: 'registerOfficer' },
        ),
        'target.agree': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'target.confirm': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'target.mark': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'valuesAndAttributes.sign': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'meeting.record': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'meetings.plan': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'induction.complete': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'certificate.request': centreAccepts(ON_OFFICER_YEAR, { action: 'forward', target: 'forwarding' }),
        'standards.declare': centreAccepts([...ACTING, 'officerRegisteredThisYear', 'officerAccountActive'], { action: 'forward', target: 'forwarding' }),
        'year.rollover': centreAccepts([...STAMPED, 'authorisedByPack', 'academicYearEnded'], { action: 'rollOver' }),
        // Anything else (an unknown or malformed event, or a report nobody is waiting for) is refused.
        '*': centreRefuses(STAMPED),
      },
    },
    // An officer's event was forwarded to the officer's year: the centre waits for its report (it comes within
    // the same send, so a stored centre is never here) and takes nothing else meanwhile.
    forwarding: {
      on: {
        'officerYear.report': { target: 'registered', actions: 'report' },
        '*': centreRefuses(STAMPED),
      },
    },
  },
});

/**
 * A snapshot of the EOPS machine.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const snapshot: EopsSnapshot = actor.getSnapshot();
 * eopsRegistrationDue(snapshot, jcq.eopsRules('2025/26'), '2025-11-03T09:00:00Z');
 * ```
 */
export type EopsSnapshot = SnapshotFrom<typeof eopsMachine>;

/**
 * A running EOPS actor.
 *
 * @example
 * ```ts
 * const actor: EopsActor = createActor(eopsMachine, { input: { grants: grantsFor(jcq.authorities('2025/26'), [], ['eops.']) } }).start();
 * actor.getSnapshot().value; // the centre's EOPS state
 * ```
 */
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
 * declare const actor: EopsActor;
 * const at = '2025-09-02T09:20:00+01:00';
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
 * What {@link sendEops} needs of an actor: its snapshot, `send`, and `on` for the audit line.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const like: EopsActorLike = actor; // what sendEops needs: getSnapshot, send, on
 * sendEops(like, { type: 'certificate.request', officerId: 'eo-1', at: '2026-07-01T09:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * ```
 */
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
 * declare const actor: EopsActor;
 * const at = '2026-07-20T09:00:00+01:00';
 * const slt: Actor = { id: 'slt-1', role: 'senior_leader' };
 * const outcome = sendEops(actor, { type: 'standards.declare', officerId: 'eo-1', at, by: slt });
 * if (!outcome.ok) console.log(outcome.error.message); // which criteria are still missing
 * ```
 */
export function sendEops(actor: EopsActorLike, event: EopsEvent): SendOutcome {
  const previous = actor.getSnapshot();
  const state = String(previous.value);
  const refused = (reason: string): SendOutcome => {
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
