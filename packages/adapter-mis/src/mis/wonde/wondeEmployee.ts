/**
 * The Wonde employee → core {@link StaffMember} mapping. The name is `forename surname` (the legal names
 * when those are missing); roles come from the employee's job titles (`employment_details.role_text` /
 * `job_title` and the `roles` include's names) through {@link staffRolesFromTitles}, with
 * `employment_details.teaching_staff` making a `teacher`; `employment_details.current: false` makes the
 * member inactive; the email is the first valid of `contact_details.emails.work`, `.email`, `.primary`.
 * Core requires at least one role, so an employee whose titles give none is an issue (with the titles) and
 * is left out: examcycle never guesses a role, and the caller can decide with its own `staffRoles`.
 */
import { z } from 'zod';
import { staffMemberSchema, type ExamcycleIssue, type Instant, type IssueLocation, type StaffMember } from '@examcycle/core';
import { misIssue, misSchemaIssues } from '../misIssue.js';
import type { MisIssueCode } from '../MisPort.js';
import { staffRolesFromTitles, type MisStaffRoles } from '../staffRolesFromTitles.js';
import { wondeInstant } from './wondeDate.js';
import { wondeInclude } from './wondeListing.js';

const wondeDateSchema = z.object({ date: z.string(), timezone_type: z.number(), timezone: z.string() });
const text = z.string().nullish();

/** The fields of a Wonde employee this mapping reads (others are allowed and ignored). */
const wondeEmployeeSchema = z.looseObject({
  id: z.string().min(1),
  title: text,
  surname: text,
  forename: text,
  legal_surname: text,
  legal_forename: text,
  updated_at: wondeDateSchema.nullish(),
  employment_details: wondeInclude(z.looseObject({ current: z.boolean().nullish(), teaching_staff: z.boolean().nullish(), role_text: text, job_title: text })),
  roles: z.object({ data: z.array(z.looseObject({ name: text, role: text, title: text })) }).nullish(),
  contact_details: wondeInclude(z.looseObject({ emails: z.looseObject({ work: text, email: text, primary: text }).nullish() })),
});

/**
 * An employee mapped: the staff member (when it could be), when Wonde last changed it, and the issues met.
 *
 * @example
 * ```ts
 * const mapped: WondeEmployeeMapping = wondeEmployeeToStaff({ id: 'A921', forename: 'Sam', surname: 'Okafor', employment_details: { data: { role_text: 'Exams Officer' } } });
 * if (mapped.staff === undefined) console.warn(mapped.issues.map((i) => i.message));
 * ```
 */
export interface WondeEmployeeMapping {
  readonly staff?: StaffMember;
  readonly updatedAt?: Instant;
  readonly issues: readonly ExamcycleIssue<MisIssueCode>[];
}

function objectOf<T>(include: { data: T } | null | undefined): Exclude<T, unknown[]> | undefined {
  const data = include?.data;
  return data === undefined || Array.isArray(data) ? undefined : (data as Exclude<T, unknown[]>);
}

/**
 * Maps one Wonde employee payload to a staff member, with the issues met.
 *
 * @param raw - one element of an employees page's `data`
 * @param at - where it came from, for the issues: the source and its index in the listing
 * @param staffRoles - the caller's own role decision; when it returns `undefined`, the titles decide
 * @example
 * ```ts
 * const raw = { id: 'A921', forename: 'Sam', surname: 'Okafor', employment_details: { data: { role_text: 'Exams Officer' } } };
 * const { staff, issues } = wondeEmployeeToStaff(raw, { file: 'wonde:employees', path: [0] });
 * staff?.roles; // ['exams_officer']
 * ```
 */
export function wondeEmployeeToStaff(raw: unknown, at: IssueLocation = { file: 'wonde:employees' }, staffRoles?: MisStaffRoles): WondeEmployeeMapping {
  const parsed = wondeEmployeeSchema.safeParse(raw);
  if (!parsed.success) return { issues: misSchemaIssues(at, raw, parsed.error.issues, 'employee') };
  const e = parsed.data;
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  const note = (field: string, message: string, value?: string, code: MisIssueCode = 'invalid_value', severity: 'error' | 'warning' = 'warning'): void => {
    issues.push(misIssue(at, code, severity, message, { recordId: e.id, field, ...(value === undefined ? {} : { value }) }));
  };
  const updatedAt = e.updated_at ? wondeInstant(e.updated_at) : undefined;
  if (e.updated_at && updatedAt === undefined) note('updated_at', `Unreadable updated_at "${e.updated_at.date}" (${e.updated_at.timezone})`, e.updated_at.date, 'malformed_response');
  const changed = updatedAt === undefined ? {} : { updatedAt };

  const name = [e.forename ?? e.legal_forename, e.surname ?? e.legal_surname]
    .map((x) => x?.trim() ?? '')
    .filter((x) => x !== '')
    .join(' ');
  if (name === '') {
    note('surname', 'No forename or surname: the employee cannot be a staff member', undefined, 'invalid_value', 'error');
    return { ...changed, issues };
  }

  const employment = objectOf(e.employment_details);
  const titles = [employment?.role_text, employment?.job_title, ...(e.roles?.data ?? []).map((r) => r.name ?? r.role ?? r.title)].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const teachingStaff = employment?.teaching_staff ?? undefined;
  const context = { id: e.id, ...(teachingStaff === undefined ? {} : { teachingStaff }) };
  const fromTitles = staffRolesFromTitles(titles, context);
  const roles = staffRoles?.(titles, context) ?? fromTitles.roles;
  if (roles.length === 0) {
    note('roles', `No examcycle role from the job titles ${titles.length === 0 ? '(none given)' : titles.map((t) => `"${t}"`).join(', ')}: the employee is left out; give roles with the staffRoles option`, titles.join('; '), 'invalid_value', 'error');
    return { ...changed, issues };
  }
  if (fromTitles.unmapped.length > 0 && staffRoles === undefined) {
    note('roles', `Job titles with no examcycle role: ${fromTitles.unmapped.map((t) => `"${t}"`).join(', ')}`, fromTitles.unmapped.join('; '));
  }

  const contact = objectOf(e.contact_details);
  const emails = [contact?.emails?.work, contact?.emails?.email, contact?.emails?.primary].map((x) => x?.trim()).filter((x): x is string => x !== undefined && x !== '');
  const email = emails.find((x) => z.email().safeParse(x).success);
  if (email === undefined && emails.length > 0) note('contact_details.emails', `No valid email among ${emails.map((x) => `"${x}"`).join(', ')}: left blank`, emails[0]);

  const staff = staffMemberSchema.safeParse({ id: e.id, name, ...(email === undefined ? {} : { email }), roles: [...roles], active: employment?.current !== false });
  if (!staff.success) {
    for (const i of staff.error.issues) note(i.path.join('.'), i.message, undefined, 'invalid_value', 'error');
    return { ...changed, issues };
  }
  return { staff: staff.data, ...changed, issues };
}
