/**
 * From an MIS's job titles to examcycle's staff roles, conservatively. Roles decide who may read results
 * before release or sign the EOPS declaration, so a title becomes a role only when it says so in so many
 * words: "Exams Officer", "Head Teacher", "Deputy Head", "SENCo", "Head of Department", "Invigilator", "Teacher of Maths". A
 * title that matches no rule ("Head of Year", "Cover Supervisor", "Business Manager") gives no role and is
 * returned as unmapped, for the caller to report; `line_manager` (the exams officer's line manager) is a
 * relationship no title states, so it is never derived. A person the MIS flags as teaching staff is a
 * `teacher` even when no title says so.
 */
import type { StaffRole } from '@examcycle/core';

/**
 * One rule: a job title (normalised: lower case, punctuation as spaces, single spaces) that gives a role.
 *
 * @example
 * ```ts
 * const bursar: StaffRoleTitleRule = { pattern: /\bexams? (and|&) data manager\b/, role: 'exams_officer' };
 * ```
 */
export interface StaffRoleTitleRule {
  readonly pattern: RegExp;
  readonly role: StaffRole;
}

/**
 * The rules, in order; the first that matches a title decides its role.
 *
 * @example
 * ```ts
 * STAFF_ROLE_TITLES.find((rule) => rule.pattern.test('exams officer'))?.role; // 'exams_officer'
 * ```
 */
export const STAFF_ROLE_TITLES: readonly StaffRoleTitleRule[] = [
  { pattern: /\b(exams?|examinations?) (officer|manager)\b/, role: 'exams_officer' },
  { pattern: /\b(exams?|examinations?) (assistant|administrator|clerk|coordinator|co ordinator|office)\b/, role: 'exams_office_staff' },
  { pattern: /\b(lead |senior )?invigilators?\b/, role: 'invigilator' },
  { pattern: /\b(senco|sendco|special educational needs (and disabilities )?co ?ordinator)\b/, role: 'senco' },
  { pattern: /^(executive )?(head ?teacher|head of (school|centre|center)|principal)$/, role: 'head_of_centre' },
  { pattern: /^(deputy|assistant|associate|vice) (head ?teacher|head|principal)\b|\bsenior leader(ship)?\b/, role: 'senior_leader' },
  { pattern: /\bhead of (department|faculty|subject)\b|\b(subject|curriculum|faculty) (leader|lead)\b/, role: 'head_of_department' },
  { pattern: /\bteacher\b/, role: 'teacher' },
];

const ORDER: readonly StaffRole[] = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'head_of_department', 'teacher', 'senco', 'invigilator'];

/**
 * Decides a staff member's roles from the MIS's titles; `undefined` leaves it to {@link staffRolesFromTitles}.
 *
 * @example
 * ```ts
 * const staffRoles: MisStaffRoles = (titles) => (titles.includes('Data Manager') ? ['exams_office_staff'] : undefined);
 * const wonde = createWondeMis({ token: 'secret', schoolId: 'A1930499544', staffRoles });
 * ```
 */
export type MisStaffRoles = (titles: readonly string[], context: { readonly id: string; readonly teachingStaff?: boolean }) => readonly StaffRole[] | undefined;

/**
 * The examcycle roles a person's MIS job titles give, and the titles that gave none.
 *
 * @param titles - job titles or role names from the MIS
 * @param options - `teachingStaff`: whether the MIS flags the person as teaching staff
 * @example
 * ```ts
 * staffRolesFromTitles(['Teacher of Maths', 'Exams Officer']); // { roles: ['exams_officer', 'teacher'], unmapped: [] }
 * staffRolesFromTitles(['Head of Year 11'], { teachingStaff: true }); // { roles: ['teacher'], unmapped: ['Head of Year 11'] }
 * ```
 */
export function staffRolesFromTitles(titles: readonly string[], options: { readonly teachingStaff?: boolean } = {}): { readonly roles: readonly StaffRole[]; readonly unmapped: readonly string[] } {
  const roles = new Set<StaffRole>();
  const unmapped: string[] = [];
  for (const title of titles) {
    const normalised = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (normalised === '') continue;
    const rule = STAFF_ROLE_TITLES.find((r) => r.pattern.test(normalised));
    if (rule === undefined) unmapped.push(title.trim());
    else roles.add(rule.role);
  }
  if (options.teachingStaff === true) roles.add('teacher');
  return { roles: ORDER.filter((r) => roles.has(r)), unmapped };
}
