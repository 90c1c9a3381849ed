/**
 * Arbor staff: `Staff` (its `person`) with the `Person`'s names, and roles from the person's current
 * `BusinessRoleAssignment`s (`businessRole`, `startDate`, `endDate`): each `BusinessRole`'s
 * `userDefinedName`, else `businessRoleName`, else `code`, is a job title for
 * {@link staffRolesFromTitles}, and a role with `teachingStaff: true` makes a `teacher`. An assignment is
 * current when it has started and not ended on the clock's London date; without a clock, when it has no
 * end date. A member whose titles give no examcycle role is an issue and left out. Arbor keeps emails in a
 * separate resource that is not mapped, so `email` is not set.
 */
import { DateTime } from 'luxon';
import { LONDON, staffMemberSchema, type ExamClock, type ExamcycleIssue, type StaffMember } from '@examcycle/core';
import { misIssue } from '../misIssue.js';
import type { MisIssueCode } from '../MisPort.js';
import { staffRolesFromTitles, type MisStaffRoles } from '../staffRolesFromTitles.js';
import type { ArborChange, ArborPart } from './arborChangelog.js';
import { isArborNotFound, type ArborSession } from './arborClient.js';
import { arborAt, arborBoolean, arborCalendarDate, arborId, arborText, isArborRef, type ArborEntity } from './arborEntity.js';

/** The resource types a staff member is built from (and whose change logs a delta reads). */
export const ARBOR_STAFF_TYPES: readonly string[] = ['Staff', 'Person', 'BusinessRoleAssignment'];

/** What the staff mapping needs besides the session. */
export interface ArborStaffContext {
  readonly clock?: ExamClock;
  readonly staffRoles?: MisStaffRoles;
}

function isCurrent(assignment: ArborEntity, today: string | undefined): boolean {
  const start = arborCalendarDate(assignment['startDate']);
  const end = arborCalendarDate(assignment['endDate']);
  const hasEnd = assignment['endDate'] !== undefined && assignment['endDate'] !== null;
  if (today === undefined) return !hasEnd;
  return (start === undefined || start <= today) && (!hasEnd || (end !== undefined && end >= today));
}

async function build(s: ArborSession, staff: readonly ArborEntity[], assignments: readonly ArborEntity[], context: ArborStaffContext): Promise<{ records: StaffMember[]; issues: ExamcycleIssue<MisIssueCode>[]; rows: number }> {
  const today = context.clock === undefined ? undefined : DateTime.fromMillis(context.clock.now(), { zone: LONDON }).toISODate()!;
  const byPerson = new Map<string, ArborEntity[]>();
  for (const a of assignments) {
    if (!isArborRef(a['person']) || !isCurrent(a, today)) continue;
    byPerson.set(a['person'].href, [...(byPerson.get(a['person'].href) ?? []), a]);
  }
  const records: StaffMember[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  for (const [i, member] of staff.entries()) {
    const at = arborAt(member.href, 'staffs', i);
    if (typeof member.href !== 'string' || !isArborRef(member['person'])) {
      issues.push(misIssue(at, 'malformed_response', 'error', 'A staff member needs its href and a person reference', { field: typeof member.href !== 'string' ? 'href' : 'person' }));
      continue;
    }
    const id = arborId(member.href);
    const note = (field: string, message: string, value?: string, severity: 'error' | 'warning' = 'error'): void => {
      issues.push(misIssue(at, 'invalid_value', severity, message, { field, ...(value === undefined ? {} : { value }), recordId: id }));
    };
    const person = await s.get(member['person'].href, 'Person');
    const name = [arborText(person['preferredFirstName']) ?? arborText(person['legalFirstName']), arborText(person['preferredLastName']) ?? arborText(person['legalLastName'])]
      .map((x) => x?.trim() ?? '')
      .filter((x) => x !== '')
      .join(' ');
    if (name === '') {
      note('person.legalLastName', 'No name: the staff member cannot be mapped');
      continue;
    }
    const titles: string[] = [];
    let teachingStaff = false;
    for (const a of byPerson.get(member['person'].href) ?? []) {
      if (!isArborRef(a['businessRole'])) continue;
      const role = await s.get(a['businessRole'].href, 'BusinessRole');
      const title = arborText(role['userDefinedName']) ?? arborText(role['businessRoleName']) ?? arborText(role['code']);
      if (title !== undefined && title.trim() !== '') titles.push(title.trim());
      if (arborBoolean(role['teachingStaff']) === true) teachingStaff = true;
    }
    const roleContext = { id, teachingStaff };
    const fromTitles = staffRolesFromTitles(titles, roleContext);
    const roles = context.staffRoles?.(titles, roleContext) ?? fromTitles.roles;
    if (roles.length === 0) {
      note('roles', `No examcycle role from the current business roles ${titles.length === 0 ? '(none)' : titles.map((t) => `"${t}"`).join(', ')}: the member is left out; give roles with the staffRoles option`, titles.join('; '));
      continue;
    }
    if (fromTitles.unmapped.length > 0 && context.staffRoles === undefined) note('roles', `Business roles with no examcycle role: ${fromTitles.unmapped.map((t) => `"${t}"`).join(', ')}`, fromTitles.unmapped.join('; '), 'warning');
    const parsed = staffMemberSchema.safeParse({ id, name, roles: [...roles], active: true });
    if (!parsed.success) {
      for (const problem of parsed.error.issues) note(problem.path.join('.'), problem.message);
      continue;
    }
    records.push(parsed.data);
  }
  return { records, issues, rows: staff.length };
}

/**
 * Every Arbor staff member with an examcycle role.
 *
 * @param s - the Arbor session
 * @param context - the clock (for current roles) and the caller's role decision
 * @internal
 */
export async function arborStaff(s: ArborSession, context: ArborStaffContext): Promise<ArborPart<StaffMember>> {
  const staff = await s.list('Staff');
  const assignments = await s.list('BusinessRoleAssignment');
  return { ...(await build(s, staff, assignments, context)), deletedIds: [] };
}

/**
 * The staff an Arbor delta touches, rebuilt; those gone (HTTP 404) are in `deletedIds`.
 *
 * @param s - the Arbor session
 * @param changes - the changes of {@link ARBOR_STAFF_TYPES} since the cursor
 * @param context - the clock and the caller's role decision
 * @internal
 */
export async function arborStaffChanges(s: ArborSession, changes: readonly ArborChange[], context: ArborStaffContext): Promise<ArborPart<StaffMember>> {
  const hrefs = new Set<string>();
  for (const change of changes) {
    const o = change.object;
    const personHref = change.type === 'Person' ? o.href : isArborRef(o['person']) ? o['person'].href : undefined;
    if (change.type === 'Staff' && typeof o.href === 'string') hrefs.add(o.href);
    else if (typeof personHref === 'string') for (const st of await s.list('Staff', { 'person.equals': personHref })) if (typeof st.href === 'string') hrefs.add(st.href);
  }
  const staff: ArborEntity[] = [];
  const assignments: ArborEntity[] = [];
  const deletedIds: string[] = [];
  for (const href of hrefs) {
    let member: ArborEntity;
    try {
      member = await s.get(href, 'Staff');
    } catch (error) {
      if (!isArborNotFound(error)) throw error;
      deletedIds.push(arborId(href));
      continue;
    }
    staff.push(member);
    if (isArborRef(member['person'])) assignments.push(...(await s.list('BusinessRoleAssignment', { 'person.equals': member['person'].href })));
  }
  return { ...(await build(s, staff, assignments, context)), deletedIds };
}
