/**
 * What an accepted EOPS event does to the context: a pure function from the context and an event (already
 * passed by the rules in `eopsRejection.ts`) to the changed fields and the audit line that records it; and
 * the line of a rejected event. The machine's actions assign the change and emit the line (the store's
 * append-only log keeps it, not the context); nothing here reads a clock or does I/O.
 *
 * @internal
 */
import type { Actor, AuditEntry, AuditLine } from '../audit/auditTrail.js';
import { instantSchema } from '../domain/identifierSchemas.js';
import { academicYearOf, toLondon } from '../time/clock.js';
import type { EopsAccount, EopsContext, EopsLeaderRole, EopsRecord, EopsTarget } from './eopsContext.js';
import type { EopsEvent } from './eopsEvents.js';
import { inductionChecklist, tickInduction } from './inductionChecklist.js';
import { instantMillis } from '../audit/eventStamp.js';
import { currentRecord, type EopsMachineState, type EopsRejection } from './eopsRejection.js';

type Change = Partial<EopsContext>;

/**
 * What an event does: the context fields it changes (empty for most rejections) and its audit line.
 *
 * @internal
 * @example
 * ```ts
 * const { change, line } = applyEopsEvent(context, event, 'registered', 'registered');
 * ```
 */
export interface EopsOutcome {
  readonly change: Change;
  readonly line: AuditLine;
}

function nameOf(context: EopsContext, id: string): string {
  return context.accounts.find((a) => a.id === id)?.name ?? id;
}

function updateAccount(context: EopsContext, id: string, change: (a: EopsAccount) => EopsAccount): readonly EopsAccount[] {
  return context.accounts.map((a) => (a.id === id ? change(a) : a));
}

function updateRecord(context: EopsContext, officerId: string, change: (r: EopsRecord) => EopsRecord): readonly EopsRecord[] {
  const current = currentRecord(context, officerId);
  return context.records.map((r) => (r === current ? change(r) : r));
}

/**
 * The audit details an event carries: which account, officer, target or item it was about, and the year.
 *
 * @param event - the event as sent
 * @param context - the context (for the academic year)
 * @internal
 * @example
 * ```ts
 * eopsAuditDetails({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1' }, context); // { officerId: 'eo-1', targetId: 'ku-1', academicYear: '2025/26' }
 * // a meeting's kind goes on its line too: { officerId: 'eo-1', kind: 'appraisal', academicYear: '2025/26' }
 * ```
 */
export function eopsAuditDetails(event: unknown, context: EopsContext): AuditEntry['details'] {
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

/** Who sent an event, as recorded: only `id` and `role` (whatever else the host put on `by` is not kept). */
function actorOf(by: Actor): Actor {
  return by.role === undefined ? { id: by.id } : { id: by.id, role: by.role };
}

function applyChange(context: EopsContext, e: EopsEvent): Change {
  const year = context.academicYear!;
  const by = actorOf(e.by);
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
      const current = currentRecord(context, e.accountId);
      return {
        accounts: updateAccount(context, e.accountId, (a) => ({
          ...a,
          ...(name !== undefined ? { name } : {}),
          ...(email !== undefined ? { email } : {}),
          ...(roles !== undefined ? { roles: [...roles] } : {}),
        })),
        // The current year's record carries the new name until it is certified; a certificate keeps the name it was issued in.
        ...(name !== undefined && current && !current.certificate ? { records: updateRecord(context, e.accountId, (r) => ({ ...r, officerName: name })) } : {}),
      };
    }
    case 'account.delete':
      // The details go; what must be kept stays: every certified record (its certificate) of the officer.
      return {
        accounts: context.accounts.filter((a) => a.id !== e.accountId),
        records: context.records.filter((r) => r.officerId !== e.accountId || r.certificate !== null),
      };
    case 'officer.register': {
      const startedOn = e.startedOn ?? toLondon(e.at).toISODate()!;
      const induction = e.induction ? inductionChecklist(startedOn, e.induction) : e.experience === 'new' ? inductionChecklist(startedOn) : [];
      const record: EopsRecord = {
        officerId: e.officerId,
        officerName: nameOf(context, e.officerId),
        centreNumber: context.centre!.centreNumber,
        academicYear: year,
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
      return { records: [...context.records, record] };
    }
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
      return { records: updateRecord(context, e.officerId, (r) => ({ ...r, targets: [...r.targets, added], certificateRequest: null })) };
    }
    case 'target.confirm':
      return {
        records: updateRecord(context, e.officerId, (r) => ({
          ...r,
          targets: r.targets.map((t) => (t.id === e.targetId ? { ...t, confirmedBy: by, confirmedAt: e.at } : t)),
        })),
      };
    case 'target.mark':
      return {
        records: updateRecord(context, e.officerId, (r) => ({
          ...r,
          // Reopening a target withdraws a certificate request.
          certificateRequest: e.status === 'open' ? null : r.certificateRequest,
          targets: r.targets.map((t) =>
            t.id !== e.targetId
              ? t
              : e.status === 'open'
                ? { ...t, status: 'open', markedBy: null, markedAt: null, note: e.note ?? null }
                : { ...t, status: e.status, markedBy: by, markedAt: e.at, note: e.note ?? null },
          ),
        })),
      };
    case 'valuesAndAttributes.sign': {
      const signature = { by, name: nameOf(context, e.by.id), at: e.at };
      const asOfficer = e.by.id === e.officerId;
      return {
        records: updateRecord(context, e.officerId, (r) => ({
          ...r,
          valuesAndAttributes: asOfficer ? { ...r.valuesAndAttributes, statement: signature } : { ...r.valuesAndAttributes, agreement: signature },
          // The agreement (the second signature) completes the statement: it ticks the induction item it fulfils.
          induction: asOfficer ? r.induction : tickInduction(r.induction, 'values_and_attributes', by, e.at),
        })),
      };
    }
    case 'meeting.record':
      return {
        records: updateRecord(context, e.officerId, (r) => ({
          ...r,
          meetings: [
            ...r.meetings,
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
          induction: e.meeting.kind ? tickInduction(r.induction, `meeting:${e.meeting.kind}`, by, e.at) : r.induction,
        })),
      };
    case 'meetings.plan':
      return { records: updateRecord(context, e.officerId, (r) => ({ ...r, schedule: e.schedule.map((m) => ({ date: m.date, kind: m.kind, halfTerm: m.halfTerm })) })) };
    case 'induction.complete':
      return {
        records: updateRecord(context, e.officerId, (r) => ({
          ...r,
          induction: r.induction.map((i) => (i.id === e.itemId ? { ...i, completedBy: by, completedAt: e.at } : i)),
        })),
      };
    case 'certificate.request':
      return { records: updateRecord(context, e.officerId, (r) => ({ ...r, certificateRequest: { by, name: nameOf(context, e.by.id), at: e.at } })) };
    case 'standards.declare': {
      const name = nameOf(context, e.by.id);
      return {
        records: updateRecord(context, e.officerId, (r) => ({
          ...r,
          declaration: { by, name, at: e.at },
          certificate: {
            id: `${r.centreNumber}/${r.officerId}/${r.academicYear}`,
            officerId: r.officerId,
            officerName: r.officerName,
            centreNumber: r.centreNumber,
            centreName: context.centre!.name,
            academicYear: r.academicYear,
            issuedOn: toLondon(e.at).toISODate()!,
            issuedAt: e.at,
            authorisedBy: { id: e.by.id, name, role: e.by.role as EopsLeaderRole },
          },
        })),
      };
    }
    case 'year.rollover':
      return {
        academicYear: academicYearOf(e.at),
        records: context.records.map((r) => (r.lapsedAt === null ? { ...r, lapsedAt: e.at } : r)),
      };
  }
}

/**
 * The context change of an accepted event, and its audit line.
 *
 * @param context - the context before
 * @param event - an accepted event
 * @param from - the state before
 * @param to - the state after
 * @internal
 * @example
 * ```ts
 * applyEopsEvent(context, event, 'registered', 'registered').change.records;
 * ```
 */
export function applyEopsEvent(context: EopsContext, event: EopsEvent, from: EopsMachineState, to: EopsMachineState): EopsOutcome {
  const change = applyChange(context, event);
  const after = { ...context, ...change };
  const base = eopsAuditDetails(event, event.type === 'year.rollover' ? context : after);
  // A deletion's line says what was kept: the certificates issued to the deleted officer.
  const kept = event.type === 'account.delete' ? context.records.filter((r) => r.officerId === event.accountId && r.certificate).map((r) => r.certificate!.id) : undefined;
  const details = kept ? { ...base, keptCertificates: kept.length ? kept.join(', ') : 'none' } : base;
  return {
    change: { ...change, lastEventAt: event.at },
    line: { at: event.at, by: actorOf(event.by), event: event.type, from, to, outcome: 'accepted', ...(details ? { details } : {}) },
  };
}

/**
 * The audit line of a rejected event, with its reason and code, and the new latest instant when the event
 * moves it on; the rest of the context is untouched. The line is dated by the event when it has a valid
 * instant that keeps the log chronological, otherwise by the latest recorded instant (`unknown` before any).
 *
 * @param context - the context
 * @param event - the event as sent
 * @param state - the state it was sent in
 * @param why - the rejection
 * @internal
 * @example
 * ```ts
 * rejectEopsEvent(context, event, 'registered', { code: 'not_authorised', reason: '…' }).line.outcome; // 'rejected'
 * ```
 */
export function rejectEopsEvent(context: EopsContext, event: unknown, state: EopsMachineState, why: EopsRejection): EopsOutcome {
  const e = (typeof event === 'object' && event !== null ? event : {}) as { type?: unknown; at?: unknown; by?: unknown };
  const validAt = instantSchema.safeParse(e.at).success && (context.lastEventAt === null || (instantMillis(e.at) ?? -Infinity) >= (instantMillis(context.lastEventAt) ?? Infinity));
  const at = validAt ? (e.at as string) : (context.lastEventAt ?? 'unknown');
  const sender = typeof e.by === 'object' && e.by !== null ? (e.by as { id?: unknown; role?: unknown }) : undefined;
  // Only the sender's id and role go on the line, and only when they are strings: the log keeps no host junk.
  const by = typeof sender?.id === 'string' ? ({ id: sender.id, ...(typeof sender.role === 'string' ? { role: sender.role } : {}) } as Actor) : undefined;
  const details = eopsAuditDetails(event, context);
  return {
    change: at !== 'unknown' && at !== context.lastEventAt ? { lastEventAt: at } : {},
    line: {
      at,
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
