/**
 * What an accepted EOPS event does: pure functions from the state and an event (already passed by the
 * charts' guards) to the changed fields, for the centre ({@link applyCentreEvent}: accounts, the year) and
 * for one officer's year ({@link applyRecordEvent}: targets, signatures, meetings, the certificate), and the
 * audit line that records an event. The machines' actions assign the change and emit the line (the store's
 * append-only log keeps it, not the context); nothing here reads a clock or does I/O.
 *
 * @internal
 */
import type { Actor, AuditEntry, AuditLine } from '../audit/auditTrail.js';
import type { Refusal } from '../audit/eventStamp.js';
import { instantMillis } from '../audit/eventStamp.js';
import { instantSchema } from '../domain/identifierSchemas.js';
import { isoDate, academicYearOf, toLondon, type Instant } from '../time/clock.js';
import type { EopsAccount, EopsContext, EopsLeaderRole, EopsRecord, EopsTarget } from './eopsContext.js';
import type { EopsEvent } from './eopsEvents.js';
import type { EopsForwardedEvent } from './eopsOfficerYearEvents.js';
import { eopsProgress } from './eopsProgress.js';
import { inductionChecklist, tickInduction } from './inductionChecklist.js';

/**
 * The audit details an event carries: which account, officer, target or item it was about, and the year.
 *
 * @param event - the event as sent
 * @param context - the centre's context (for the academic year)
 * @internal
 * @example
 * ```ts
 * declare const context: EopsContext;
 * eopsAuditDetails({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1' }, context); // { officerId: 'eo-1', targetId: 'ku-1', academicYear: '2025/26' }
 * ```
 */
export function eopsAuditDetails(event: unknown, context: Pick<EopsContext, 'academicYear'>): AuditEntry['details'] {
  if (typeof event !== 'object' || event === null) return undefined;
  const e = event as Record<string, unknown>;
  const details: Record<string, string> = {};
  for (const key of ['accountId', 'officerId', 'targetId', 'itemId', 'status'] as const) {
    if (typeof e[key] === 'string') details[key] = e[key];
  }
  if (typeof e.user === 'object' && e.user !== null && typeof (e.user as { id?: unknown }).id === 'string') details.accountId = (e.user as { id: string }).id;
  if (typeof e.target === 'object' && e.target !== null && typeof (e.target as { id?: unknown }).id === 'string') details.targetId = (e.target as { id: string }).id;
  if (typeof e.meeting === 'object' && e.meeting !== null && typeof (e.meeting as { kind?: unknown }).kind === 'string') details.kind = (e.meeting as { kind: string }).kind;
  if (context.academicYear) details.academicYear = context.academicYear;
  return Object.keys(details).length ? details : undefined;
}

/**
 * Who sent an event, as recorded: only `id` and `role` (whatever else the host put on `by` is not kept).
 *
 * @param by - the sender
 * @internal
 * @example
 * ```ts
 * actorOf({ id: 'eo-1', role: 'exams_officer' }); // { id: 'eo-1', role: 'exams_officer' }
 * ```
 */
export function actorOf(by: Actor): Actor {
  return by.role === undefined ? { id: by.id } : { id: by.id, role: by.role };
}

function nameOf(context: EopsContext, id: string): string {
  return context.accounts.find((a) => a.id === id)?.name ?? id;
}

function updateAccount(context: EopsContext, id: string, change: (a: EopsAccount) => EopsAccount): readonly EopsAccount[] {
  return context.accounts.map((a) => (a.id === id ? change(a) : a));
}

/**
 * A new officer's record for the centre's current year (`officer.register`).
 *
 * @param context - the centre's context
 * @param e - the registration
 * @internal
 * @example
 * ```ts
 * declare const context: EopsContext;
 * const at = '2025-09-02T09:15:00+01:00';
 * const by: Actor = { id: 'slt-1', role: 'senior_leader' };
 * newEopsRecord(context, { type: 'officer.register', officerId: 'eo-1', experience: 'new', at, by }).induction.length; // the toolkit's checklist
 * ```
 */
export function newEopsRecord(context: EopsContext, e: Extract<EopsEvent, { type: 'officer.register' }>): EopsRecord {
  const by = actorOf(e.by);
  const startedOn = e.startedOn ?? isoDate(toLondon(e.at));
  const induction = e.induction ? inductionChecklist(startedOn, e.induction) : e.experience === 'new' ? inductionChecklist(startedOn) : [];
  return {
    officerId: e.officerId,
    officerName: nameOf(context, e.officerId),
    centreNumber: context.centre!.centreNumber,
    academicYear: context.academicYear!,
    experience: e.experience,
    startedOn,
    registeredBy: by,
    registeredAt: e.at,
    targets: [],
    valuesAndAttributes: { statement: null, agreement: null },
    meetings: [],
    schedule: [],
    induction: tickInduction(induction, 'registration', by, e.at),
    certificateRequest: null,
    declaration: null,
    certificate: null,
    lapsedAt: null,
  };
}

/**
 * The centre's context fields an accepted centre event changes (accounts, the academic year). Officer-year
 * events change the officer-year's record instead ({@link applyRecordEvent}).
 *
 * @param context - the context before
 * @param e - an accepted event
 * @internal
 * @example
 * ```ts
 * declare const context: EopsContext;
 * const at = '2025-09-02T09:15:00+01:00';
 * const by: Actor = { id: 'slt-1', role: 'senior_leader' };
 * applyCentreEvent(context, { type: 'account.approve', accountId: 'eo-1', at, by }).accounts;
 * ```
 */
export function applyCentreEvent(context: EopsContext, e: EopsEvent): Partial<EopsContext> {
  switch (e.type) {
    case 'centre.register':
      return {
        centre: { centreNumber: e.centre.centreNumber, name: e.centre.name },
        academicYear: academicYearOf(e.at),
        accounts: [
          { id: e.user.id, name: e.user.name, email: e.user.email ?? null, roles: [...e.user.roles], status: 'active', admin: true, registeredAt: e.at, decidedBy: null, decidedAt: null },
        ],
      };
    case 'account.register':
      return {
        accounts: [
          ...context.accounts,
          { id: e.user.id, name: e.user.name, email: e.user.email ?? null, roles: [...e.user.roles], status: 'pending', admin: false, registeredAt: e.at, decidedBy: null, decidedAt: null },
        ],
      };
    case 'account.approve':
      return { accounts: updateAccount(context, e.accountId, (a) => ({ ...a, status: 'active', admin: e.admin ?? false, decidedBy: e.by.id, decidedAt: e.at })) };
    case 'account.grantAdmin':
      return { accounts: updateAccount(context, e.accountId, (a) => ({ ...a, admin: true })) };
    case 'account.revokeAdmin':
      return { accounts: updateAccount(context, e.accountId, (a) => ({ ...a, admin: false })) };
    case 'account.deactivate':
      return { accounts: updateAccount(context, e.accountId, (a) => ({ ...a, status: 'deactivated', decidedBy: e.by.id, decidedAt: e.at })) };
    case 'account.activate':
      return { accounts: updateAccount(context, e.accountId, (a) => ({ ...a, status: 'active', decidedBy: e.by.id, decidedAt: e.at })) };
    case 'account.update': {
      const { name, email, roles } = e.changes;
      return {
        accounts: updateAccount(context, e.accountId, (a) => ({
          ...a,
          ...(name !== undefined ? { name } : {}),
          ...(email !== undefined ? { email } : {}),
          ...(roles !== undefined ? { roles: [...roles] } : {}),
        })),
      };
    }
    case 'account.delete':
      // The details go; what must be kept stays: every certified officer-year of the officer.
      return {
        accounts: context.accounts.filter((a) => a.id !== e.accountId),
        officerYears: context.officerYears.filter((y) => y.officerId !== e.accountId || y.certified),
      };
    case 'officer.register':
      return { officerYears: [...context.officerYears, { officerId: e.officerId, academicYear: context.academicYear!, step: 'inProgress', certified: false }] };
    case 'year.rollover':
      return {
        academicYear: academicYearOf(e.at),
        officerYears: context.officerYears.map((y) => (y.step === 'lapsed' ? y : { ...y, step: 'lapsed' })),
      };
    default:
      return {};
  }
}

/**
 * The record of an officer's year after an accepted officer event.
 *
 * @param record - the record before
 * @param e - the event as the centre forwarded it (with the sender's and the centre's names)
 * @internal
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const at = '2025-09-02T09:15:00+01:00';
 * const by: Actor = { id: 'slt-1', role: 'senior_leader' };
 * applyRecordEvent(record, { type: 'valuesAndAttributes.sign', officerId: 'eo-1', at, by, senderName: 'Amber Giles', centreName: 'Plume Academy' });
 * ```
 */
export function applyRecordEvent(record: EopsRecord, e: EopsForwardedEvent): EopsRecord {
  const by = actorOf(e.by);
  switch (e.type) {
    case 'target.agree': {
      const t = e.target;
      const common = {
        id: t.id,
        ownArea: t.ownArea ?? null,
        description: t.description,
        methods: [...t.methods],
        otherMethod: t.otherMethod ?? null,
        successMeasure: t.successMeasure,
        dueBy: t.dueBy,
        agreedBy: by,
        agreedAt: e.at,
        confirmedBy: null,
        confirmedAt: null,
        status: 'open' as const,
        markedBy: null,
        markedAt: null,
        note: null,
      };
      const added: EopsTarget = t.strand === 'key_skills' ? { ...common, strand: t.strand, area: t.area } : { ...common, strand: t.strand, area: t.area };
      // A new target reopens the year: a certificate request made before it no longer stands.
      return { ...record, targets: [...record.targets, added], certificateRequest: null };
    }
    case 'target.confirm':
      return { ...record, targets: record.targets.map((t) => (t.id === e.targetId ? { ...t, confirmedBy: by, confirmedAt: e.at } : t)) };
    case 'target.mark': {
      const marked: EopsRecord = {
        ...record,
        targets: record.targets.map((t) =>
          t.id !== e.targetId
            ? t
            : e.status === 'open'
              ? { ...t, status: 'open', markedBy: null, markedAt: null, note: e.note ?? null }
              : { ...t, status: e.status, markedBy: by, markedAt: e.at, note: e.note ?? null },
        ),
      };
      // A mark that leaves a criterion unmet (a target reopened, say) withdraws a certificate request.
      return eopsProgress(marked).missing.length ? { ...marked, certificateRequest: null } : marked;
    }
    case 'valuesAndAttributes.sign': {
      const signature = { by, name: e.senderName, at: e.at };
      const asOfficer = e.by.id === e.officerId;
      return {
        ...record,
        valuesAndAttributes: asOfficer ? { ...record.valuesAndAttributes, statement: signature } : { ...record.valuesAndAttributes, agreement: signature },
        // The agreement (the second signature) completes the statement: it ticks the induction item it fulfils.
        induction: asOfficer ? record.induction : tickInduction(record.induction, 'values_and_attributes', by, e.at),
      };
    }
    case 'meeting.record':
      return {
        ...record,
        meetings: [
          ...record.meetings,
          {
            heldOn: e.meeting.heldOn,
            kind: e.meeting.kind ?? null,
            progress: e.meeting.progress,
            wentWell: e.meeting.wentWell,
            notSoWell: e.meeting.notSoWell,
            nextFocus: e.meeting.nextFocus,
            recordedBy: by,
            recordedAt: e.at,
          },
        ],
        induction: e.meeting.kind ? tickInduction(record.induction, `meeting:${e.meeting.kind}`, by, e.at) : record.induction,
      };
    case 'meetings.plan':
      return { ...record, schedule: e.schedule.map((m) => ({ date: m.date, kind: m.kind, halfTerm: m.halfTerm })) };
    case 'induction.complete':
      return { ...record, induction: record.induction.map((i) => (i.id === e.itemId ? { ...i, completedBy: by, completedAt: e.at } : i)) };
    case 'certificate.request':
      return { ...record, certificateRequest: { by, name: e.senderName, at: e.at } };
    case 'standards.declare':
      return {
        ...record,
        declaration: { by, name: e.senderName, at: e.at },
        certificate: {
          id: `${record.centreNumber}/${record.officerId}/${record.academicYear}`,
          officerId: record.officerId,
          officerName: record.officerName,
          centreNumber: record.centreNumber,
          centreName: e.centreName,
          academicYear: record.academicYear,
          issuedOn: isoDate(toLondon(e.at)),
          issuedAt: e.at,
          authorisedBy: { id: e.by.id, name: e.senderName, role: e.by.role as EopsLeaderRole },
        },
      };
  }
}

/**
 * The audit line of an accepted event.
 *
 * @param context - the centre's context the details are read against (the year)
 * @param event - the accepted event
 * @param from - the state or step before
 * @param to - the state or step after
 * @param extra - more details (e.g. the certificates a deletion kept)
 * @internal
 * @example
 * ```ts
 * declare const context: EopsContext;
 * declare const event: EopsEvent;
 * acceptedLine(context, event, 'registered', 'registered').outcome; // 'accepted'
 * ```
 */
export function acceptedLine(context: Pick<EopsContext, 'academicYear'>, event: EopsEvent, from: string, to: string, extra?: Record<string, string>): AuditLine {
  const base = eopsAuditDetails(event, context);
  const details = extra ? { ...base, ...extra } : base;
  return { at: event.at, by: actorOf(event.by), event: event.type, from, to, outcome: 'accepted', ...(details ? { details } : {}) };
}

/**
 * The audit line of a rejected event, with its reason and code, and the new latest instant when the event
 * moves it on. The line is dated by the event when it has a valid instant that keeps the log chronological,
 * otherwise by the latest recorded instant (`unknown` before any).
 *
 * @param context - the centre's context
 * @param event - the event as sent
 * @param state - the state (or officer-year step) it was refused in
 * @param why - the refusal
 * @internal
 * @example
 * ```ts
 * declare const context: EopsContext;
 * declare const event: EopsEvent;
 * rejectEopsEvent(context, event, 'registered', { code: 'not_authorised', reason: '…' }).line.outcome; // 'rejected'
 * ```
 */
export function rejectEopsEvent(context: Pick<EopsContext, 'academicYear' | 'lastEventAt'>, event: unknown, state: string, why: Refusal): { readonly lastEventAt?: Instant; readonly line: AuditLine } {
  const e = (typeof event === 'object' && event !== null ? event : {}) as { type?: unknown; at?: unknown; by?: unknown };
  const validAt = instantSchema.safeParse(e.at).success && (context.lastEventAt === null || (instantMillis(e.at) ?? -Infinity) >= (instantMillis(context.lastEventAt) ?? Infinity));
  const at: Instant | 'unknown' = validAt ? (e.at as Instant) : (context.lastEventAt ?? 'unknown');
  const sender = typeof e.by === 'object' && e.by !== null ? (e.by as { id?: unknown; role?: unknown }) : undefined;
  // Only the sender's id and role go on the line, and only when they are strings: the log keeps no host junk.
  const by = typeof sender?.id === 'string' ? ({ id: sender.id, ...(typeof sender.role === 'string' ? { role: sender.role } : {}) } as Actor) : undefined;
  const details = eopsAuditDetails(event, context);
  return {
    ...(at !== 'unknown' && at !== context.lastEventAt ? { lastEventAt: at } : {}),
    line: {
      // 'unknown' only when the centre's first event is refused without a valid stamp: the line keeps the gap visible.
      at: at as Instant,
      ...(by ? { by } : {}),
      event: typeof e.type === 'string' ? e.type : '(no type)',
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
