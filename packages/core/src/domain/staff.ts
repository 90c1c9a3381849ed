/**
 * Staff members and their roles in the exams office's vocabulary. Roles decide who may do what:
 * who reads results on restricted release day, who makes the EOPS declaration, who signs off a purge.
 */
import { z } from 'zod';

/**
 * The roles a staff member can hold (several at once).
 *
 * @example
 * ```ts
 * staffRoleSchema.safeParse('caretaker').success; // false: not a role in the exams office's vocabulary
 * ```
 */
export const staffRoleSchema = z.enum([
  'head_of_centre',
  'senior_leader',
  'line_manager',
  'exams_officer',
  'exams_office_staff',
  'teacher',
  /** Checks and signs off the entries for their department (entry checking); a subject or curriculum leader. */
  'head_of_department',
  'senco',
  'invigilator',
]);
/**
 * A staff role.
 *
 * @example
 * ```ts
 * const role: StaffRole = 'exams_officer';
 * ```
 */
export type StaffRole = z.infer<typeof staffRoleSchema>;

/**
 * A staff member.
 *
 * @example
 * ```ts
 * const eo = staffMemberSchema.parse({ id: 'staff-2', name: 'Jo Smith', email: 'exams@example.sch.uk', roles: ['exams_officer'] });
 * ```
 */
export const staffMemberSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.email().optional(),
  roles: z.array(staffRoleSchema).min(1),
  active: z.boolean().default(true),
});
/**
 * A staff member.
 *
 * @example
 * ```ts
 * const head: StaffMember = { id: 'staff-1', name: 'Dr A Head', roles: ['head_of_centre'], active: true };
 * ```
 */
export type StaffMember = z.infer<typeof staffMemberSchema>;
