/**
 * The EOPS rules of who may do what, and when: the machine's one guard. Given the context, the machine's
 * state and an event, it says why the event must be rejected (an error code, a reason in the Standards'
 * words and the rule that decided), or nothing when it may be applied. It is pure and reads no clock: time
 * is the event's own `at`.
 *
 * @internal
 */
import type { Actor } from '../audit/auditTrail.js';
import { stampRejection } from '../audit/eventStamp.js';
import type { ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { academicYearBounds, academicYearOf, toLondon, type AcademicYear, type CalendarDate } from '../time/clock.js';
import { EOPS_LEADER_ROLES, type EopsAccount, type EopsContext, type EopsRecord, type EopsRole } from './eopsContext.js';
import { eopsEventSchema, type EopsEvent } from './eopsEvents.js';
import { eopsProgress } from './eopsProgress.js';

/** The EOPS machine's top-level states. @internal */
export type EopsMachineState = 'unregistered' | 'registered';

/** Why an event was rejected. @internal */
export interface EopsRejection {
  readonly code: ExamcycleErrorCode;
  readonly reason: string;
  /** The rule that decided, e.g. `eops.slt-declaration`. */
  readonly rule?: string;
}

type Reject = EopsRejection;
const LEADERS: readonly string[] = EOPS_LEADER_ROLES;

function reject(code: ExamcycleErrorCode, reason: string, rule?: string): Reject {
  return rule ? { code, reason, rule } : { code, reason };
}

function startYear(year: AcademicYear): number {
  return Number(year.slice(0, 4));
}

function withinYear(date: CalendarDate, year: AcademicYear): boolean {
  const { start, end } = academicYearBounds(year);
  return date >= start && date <= end;
}

/** The active account acting in a role it holds, or why not. */
function acting(context: EopsContext, by: Actor): EopsAccount | Reject {
  const account = context.accounts.find((a) => a.id === by.id);
  if (!account) return reject('not_authorised', `"${by.id}" has no account at this centre`, 'eops.accounts');
  if (account.status === 'pending') return reject('not_authorised', `${account.name}'s request to join the centre has not been approved yet`, 'eops.accounts');
  if (account.status === 'deactivated') return reject('not_authorised', `${account.name}'s account is deactivated`, 'eops.accounts');
  if (by.role === undefined) return reject('not_authorised', `${account.name} must say which role they act in`, 'eops.accounts');
  if (!(account.roles as readonly string[]).includes(by.role)) {
    return reject('not_authorised', `${account.name} does not hold the ${by.role.replace(/_/g, ' ')} role at this centre`, 'eops.accounts');
  }
  return account;
}

function isRejection(x: unknown): x is Reject {
  return typeof x === 'object' && x !== null && 'code' in x && 'reason' in x;
}

function administrator(context: EopsContext, by: Actor): EopsAccount | Reject {
  const account = acting(context, by);
  if (isRejection(account)) return account;
  if (!account.admin) return reject('not_authorised', `Only a centre administrator manages accounts; ${account.name} is not one`, 'eops.accounts');
  return account;
}

function target(context: EopsContext, accountId: string): EopsAccount | Reject {
  return context.accounts.find((a) => a.id === accountId) ?? reject('invalid_value', `No account "${accountId}" at this centre`);
}

function otherActiveAdmins(context: EopsContext, accountId: string): number {
  return context.accounts.filter((a) => a.id !== accountId && a.admin && a.status === 'active').length;
}

/**
 * The officer's record for the centre's current academic year, or undefined.
 *
 * @param context - the machine's context
 * @param officerId - the officer's account id
 * @internal
 * @example
 * ```ts
 * currentRecord(snapshot.context, 'eo-1')?.targets;
 * ```
 */
export function currentRecord(context: EopsContext, officerId: string): EopsRecord | undefined {
  return context.records.find((r) => r.officerId === officerId && r.academicYear === context.academicYear);
}

/**
 * Who may work on an officer's record: the officer themselves (in any role they hold) or a senior leader /
 * line manager of the centre; the officer's account must be active; a certified record is closed to changes
 * of the Standards themselves.
 */
function onRecord(context: EopsContext, e: { officerId: string; by: Actor }, closedWhenCertified: boolean): EopsRecord | Reject {
  const actor = acting(context, e.by);
  if (isRejection(actor)) return actor;
  const record = currentRecord(context, e.officerId);
  if (!record) return reject('guard_failed', `"${e.officerId}" is not registered for the Standards in ${context.academicYear}`, 'eops.registration');
  const officer = context.accounts.find((a) => a.id === e.officerId);
  if (officer?.status !== 'active') return reject('guard_failed', `${record.officerName}'s account is not active`, 'eops.accounts');
  if (e.by.id !== e.officerId && !LEADERS.includes(e.by.role ?? '')) {
    return reject('not_authorised', `Only ${record.officerName} or a senior leader / line manager works on ${record.officerName}'s Standards`, 'eops.record-access');
  }
  if (closedWhenCertified && record.certificate) {
    return reject('guard_failed', `${record.officerName}'s Standards for ${record.academicYear} are certified: the record is closed`, 'eops.certified');
  }
  return record;
}

function userRoles(roles: readonly EopsRole[], by: Actor): Reject | undefined {
  if (by.role === undefined || !(roles as readonly string[]).includes(by.role)) {
    return reject('not_authorised', `The registering user must act in one of their own roles (${roles.join(', ')})`, 'eops.accounts');
  }
  return undefined;
}

function checkAccountEvent(context: EopsContext, e: Extract<EopsEvent, { accountId: string }>): Reject | undefined {
  const admin = administrator(context, e.by);
  if (isRejection(admin)) return admin;
  const account = target(context, e.accountId);
  if (isRejection(account)) return account;
  switch (e.type) {
    case 'account.approve':
      return account.status === 'pending' ? undefined : reject('guard_failed', `${account.name} is not waiting for approval (${account.status})`);
    case 'account.grantAdmin':
      if (account.status !== 'active') return reject('guard_failed', `${account.name}'s account is not active`);
      return account.admin ? reject('guard_failed', `${account.name} is already an administrator`) : undefined;
    case 'account.revokeAdmin':
      if (!account.admin) return reject('guard_failed', `${account.name} is not an administrator`);
      return otherActiveAdmins(context, account.id) === 0 ? reject('guard_failed', 'The centre would have no active administrator', 'eops.accounts') : undefined;
    case 'account.deactivate':
      if (account.status === 'deactivated') return reject('guard_failed', `${account.name}'s account is already deactivated`);
      if (account.admin && account.status === 'active' && otherActiveAdmins(context, account.id) === 0) {
        return reject('guard_failed', 'The centre would have no active administrator', 'eops.accounts');
      }
      return undefined;
    case 'account.activate':
      return account.status === 'deactivated' ? undefined : reject('guard_failed', `${account.name}'s account is not deactivated (${account.status})`);
    case 'account.update': {
      const record = currentRecord(context, account.id);
      const roles = e.changes.roles;
      if (roles && new Set(roles).size !== roles.length) return reject('invalid_value', 'A role is listed twice');
      if (roles && !roles.includes('exams_officer') && record && !record.certificate) {
        return reject('guard_failed', `${account.name} is registered for the Standards in ${record.academicYear}: the exams officer role stays until the year is certified or ends`, 'eops.accounts');
      }
      return undefined;
    }
    case 'account.delete':
      if (account.admin && account.status === 'active' && otherActiveAdmins(context, account.id) === 0) {
        return reject('guard_failed', 'The centre would have no active administrator', 'eops.accounts');
      }
      return undefined;
  }
}

/** Which side of the agreement someone is on for an officer's target: the officer themselves, or a leader. */
function side(by: Actor, officerId: string): 'officer' | 'leader' {
  return by.id === officerId ? 'officer' : 'leader';
}

function checkTargetInput(record: EopsRecord, e: Extract<EopsEvent, { type: 'target.agree' }>): Reject | undefined {
  const t = e.target;
  if (record.targets.some((x) => x.id === t.id)) return reject('invalid_value', `A target "${t.id}" already exists for ${record.officerName} in ${record.academicYear}`);
  if (t.area === 'own' && t.ownArea === undefined) return reject('invalid_value', 'A target in their own area must name the area (ownArea)');
  if (t.area !== 'own' && t.ownArea !== undefined) return reject('invalid_value', `ownArea is only for a target in their own area, not "${t.area}"`);
  const other = t.methods.includes('other');
  if (other && t.otherMethod === undefined) return reject('invalid_value', 'A target achieved by another method must name it (otherMethod)');
  if (!other && t.otherMethod !== undefined) return reject('invalid_value', 'otherMethod is only for a target whose methods include "other"');
  if (new Set(t.methods).size !== t.methods.length) return reject('invalid_value', 'A method is listed twice');
  if (!withinYear(t.dueBy, record.academicYear)) return reject('invalid_value', `The target is due by ${t.dueBy}, outside the ${record.academicYear} academic year`);
  return undefined;
}

function checkRegistered(context: EopsContext, e: EopsEvent): Reject | undefined {
  const year = context.academicYear!;
  switch (e.type) {
    case 'centre.register':
      return reject('guard_failed', `The centre is already registered (${context.centre?.centreNumber})`, 'eops.registration');
    case 'account.register': {
      if (context.accounts.some((a) => a.id === e.user.id)) return reject('invalid_value', `"${e.user.id}" already has an account at this centre`);
      if (e.by.id === e.user.id) return userRoles(e.user.roles, e.by);
      const actor = acting(context, e.by);
      return isRejection(actor) ? actor : undefined;
    }
    case 'account.approve':
    case 'account.grantAdmin':
    case 'account.revokeAdmin':
    case 'account.deactivate':
    case 'account.activate':
    case 'account.update':
    case 'account.delete':
      return checkAccountEvent(context, e);
    case 'officer.register': {
      const actor = acting(context, e.by);
      if (isRejection(actor)) return actor;
      if (e.by.id !== e.officerId && !LEADERS.includes(e.by.role ?? '')) {
        return reject('not_authorised', 'An exams officer registers only themselves; a senior leader or line manager registers their exams officer', 'eops.registration');
      }
      const officer = context.accounts.find((a) => a.id === e.officerId);
      if (!officer) return reject('invalid_value', `No account "${e.officerId}" at this centre`);
      if (officer.status !== 'active') return reject('guard_failed', `${officer.name}'s account is not active`, 'eops.accounts');
      if (!officer.roles.includes('exams_officer')) return reject('guard_failed', `${officer.name} is not an exams officer`, 'eops.registration');
      if (currentRecord(context, e.officerId)) return reject('guard_failed', `${officer.name} is already registered for ${year}`, 'eops.registration');
      if (e.startedOn !== undefined && !withinYear(e.startedOn, year)) return reject('invalid_value', `The start date ${e.startedOn} is outside the ${year} academic year`);
      const itemIds = (e.induction ?? []).map((i) => i.id);
      const repeated = itemIds.find((id, i) => itemIds.indexOf(id) !== i);
      if (repeated !== undefined) return reject('invalid_value', `The induction checklist lists "${repeated}" twice`);
      return undefined;
    }
    case 'target.agree': {
      const record = onRecord(context, e, true);
      return isRejection(record) ? record : checkTargetInput(record, e);
    }
    case 'target.confirm': {
      const record = onRecord(context, e, true);
      if (isRejection(record)) return record;
      const t = record.targets.find((x) => x.id === e.targetId);
      if (!t) return reject('invalid_value', `No target "${e.targetId}" for ${record.officerName} in ${record.academicYear}`);
      if (t.confirmedBy) return reject('guard_failed', `Target "${t.id}" is already agreed by both sides`, 'eops.targets-agreed-together');
      const proposer = side(t.agreedBy, e.officerId);
      if (side(e.by, e.officerId) === proposer) {
        const other = proposer === 'officer' ? 'a senior leader / line manager' : record.officerName;
        return reject('not_authorised', `The exams officer and senior leader must agree: target "${t.id}" was proposed by ${proposer === 'officer' ? 'the officer' : 'a senior leader / line manager'}, so ${other} confirms it`, 'eops.targets-agreed-together');
      }
      if (proposer === 'leader' && e.by.role !== 'exams_officer') {
        return reject('not_authorised', `${record.officerName} confirms the target as the exams officer`, 'eops.targets-agreed-together');
      }
      return undefined;
    }
    case 'target.mark': {
      const record = onRecord(context, e, true);
      if (isRejection(record)) return record;
      const t = record.targets.find((x) => x.id === e.targetId);
      if (!t) return reject('invalid_value', `No target "${e.targetId}" for ${record.officerName} in ${record.academicYear}`);
      if (!t.confirmedBy) {
        return reject('guard_failed', `Target "${t.id}" is not yet agreed by both the exams officer and a senior leader / line manager`, 'eops.targets-agreed-together');
      }
      if (t.status === e.status) return reject('guard_failed', `Target "${t.id}" is already ${e.status.replace(/_/g, ' ')}`);
      return undefined;
    }
    case 'valuesAndAttributes.sign': {
      const record = onRecord(context, e, true);
      if (isRejection(record)) return record;
      const { statement, agreement } = record.valuesAndAttributes;
      if (e.by.id === e.officerId) {
        if (e.by.role !== 'exams_officer') {
          return reject('not_authorised', `${record.officerName} signs the statement as the exams officer and cannot countersign it as a senior leader / line manager`, 'eops.values-and-attributes');
        }
        return statement ? reject('guard_failed', `${record.officerName} has already signed the Values & Attributes statement`, 'eops.values-and-attributes') : undefined;
      }
      if (!statement) return reject('guard_failed', `${record.officerName} signs the Values & Attributes statement first; the senior leader / line manager then countersigns it`, 'eops.values-and-attributes');
      return agreement ? reject('guard_failed', `The Values & Attributes agreement is already countersigned by ${agreement.name}`, 'eops.values-and-attributes') : undefined;
    }
    case 'meeting.record': {
      const record = onRecord(context, e, false);
      if (isRejection(record)) return record;
      const today = toLondon(e.at).toISODate()!;
      if (!withinYear(e.meeting.heldOn, year)) return reject('invalid_value', `The meeting on ${e.meeting.heldOn} is outside the ${year} academic year`);
      if (e.meeting.heldOn > today) return reject('invalid_value', `A meeting on ${e.meeting.heldOn} cannot be recorded on ${today}, before it is held`);
      return undefined;
    }
    case 'meetings.plan': {
      const record = onRecord(context, e, false);
      if (isRejection(record)) return record;
      const outside = e.schedule.find((m) => !withinYear(m.date, year));
      if (outside) return reject('invalid_value', `The scheduled meeting on ${outside.date} is outside the ${year} academic year`);
      const unordered = e.schedule.findIndex((m, i) => i > 0 && m.date <= e.schedule[i - 1]!.date);
      if (unordered > 0) return reject('invalid_value', `The schedule must be in date order without repeats (at ${e.schedule[unordered]!.date})`);
      return undefined;
    }
    case 'induction.complete': {
      const record = onRecord(context, e, false);
      if (isRejection(record)) return record;
      const item = record.induction.find((i) => i.id === e.itemId);
      if (!item) return reject('invalid_value', `No induction item "${e.itemId}" for ${record.officerName}${record.induction.length ? '' : ' (only new exams officers have an induction checklist)'}`);
      return item.completedAt ? reject('guard_failed', `Induction item "${item.id}" is already complete`) : undefined;
    }
    case 'certificate.request': {
      const record = onRecord(context, e, true);
      if (isRejection(record)) return record;
      if (e.by.id === e.officerId && e.by.role !== 'exams_officer') return reject('not_authorised', `${record.officerName} requests their certificate as the exams officer`, 'eops.certificate-request');
      if (record.certificateRequest) return reject('guard_failed', `${record.officerName}'s certificate was already requested by ${record.certificateRequest.name}`, 'eops.certificate-request');
      const { missing } = eopsProgress(record);
      if (missing.length) return reject('guard_failed', `The certificate is requested when every criterion is met: ${missing.join('; ')}`, 'eops.certificate-criteria');
      return undefined;
    }
    case 'standards.declare': {
      const actor = acting(context, e.by);
      if (isRejection(actor)) return actor;
      if (e.by.id === e.officerId) {
        return reject('not_authorised', 'An exams officer never makes the SLT declaration for their own Standards, whatever other role they hold', 'eops.slt-declaration');
      }
      if (!LEADERS.includes(e.by.role ?? '')) return reject('not_authorised', 'Only a senior leader or line manager makes the SLT declaration', 'eops.slt-declaration');
      const record = currentRecord(context, e.officerId);
      if (!record) return reject('guard_failed', `"${e.officerId}" is not registered for the Standards in ${year}`, 'eops.registration');
      const officer = context.accounts.find((a) => a.id === e.officerId);
      if (officer?.status !== 'active') return reject('guard_failed', `${record.officerName}'s account is not active`, 'eops.accounts');
      if (record.certificate) return reject('guard_failed', `${record.officerName}'s Standards for ${year} are already certified`, 'eops.certified');
      const { missing } = eopsProgress(record);
      if (missing.length) return reject('guard_failed', `The certificate needs every criterion complete: ${missing.join('; ')}`, 'eops.certificate-criteria');
      if (!record.certificateRequest) return reject('guard_failed', `${record.officerName}'s certificate has not been requested yet: it is requested before the SLT declaration`, 'eops.certificate-request');
      return undefined;
    }
    case 'year.rollover': {
      if (e.by.role !== 'system') {
        const actor = acting(context, e.by);
        if (isRejection(actor)) return actor;
      }
      if (startYear(academicYearOf(e.at)) <= startYear(year)) {
        return reject('guard_failed', `The ${year} academic year runs until ${academicYearBounds(year).end}; its Standards lapse after that`, 'eops.renewal');
      }
      return undefined;
    }
  }
}

/**
 * Why the EOPS machine must reject an event in a state, or undefined when it may be applied.
 *
 * @param context - the machine's context
 * @param state - the machine's state
 * @param event - the event as sent (checked against {@link eopsEventSchema} first)
 * @internal
 * @example
 * ```ts
 * eopsRejectionOf(snapshot.context, 'registered', { type: 'standards.declare', officerId: 'eo-1', at, by: eo });
 * // { code: 'not_authorised', reason: 'An exams officer never makes the SLT declaration …', rule: 'eops.slt-declaration' }
 * ```
 */
export function eopsRejectionOf(context: EopsContext, state: EopsMachineState, event: unknown): EopsRejection | undefined {
  const parsed = eopsEventSchema.safeParse(event);
  const type = typeof event === 'object' && event !== null && 'type' in event ? String((event as { type: unknown }).type) : '(no type)';
  if (!parsed.success) {
    const unknownType = parsed.error.issues.some((i) => i.path.length === 1 && i.path[0] === 'type');
    if (unknownType) return reject('event_rejected', `Unknown event "${type}"`);
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
    return reject('invalid_value', `Malformed "${type}" event: ${issues}`);
  }
  const e = event as EopsEvent;
  const stamp = stampRejection(e, context.lastEventAt);
  if (stamp) return reject(stamp.code, stamp.reason);
  if (state === 'unregistered') {
    if (e.type !== 'centre.register') return reject('event_rejected', 'The centre is not registered yet: its first user registers it', 'eops.registration');
    if (e.by.id !== e.user.id) return reject('not_authorised', "The centre's first user registers the centre themselves", 'eops.registration');
    return userRoles(e.user.roles, e.by);
  }
  if (e.type !== 'year.rollover' && e.type !== 'centre.register' && academicYearOf(e.at) !== context.academicYear) {
    return reject(
      'deadline_passed',
      `The ${context.academicYear} Standards lapsed at the end of ${academicYearBounds(context.academicYear!).end}: roll the year over before anything dated ${toLondon(e.at).toISODate()}`,
      'eops.renewal',
    );
  }
  return checkRegistered(context, e);
}
