import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { staffRoleSchema } from '@examcycle/core';
import { STAFF_ROLE_TITLES, staffRolesFromTitles } from '@examcycle/adapter-mis';

describe('staffRolesFromTitles', () => {
  it.each([
    ['Exams Officer', ['exams_officer']],
    ['Examinations Manager', ['exams_officer']],
    ['Exams Assistant', ['exams_office_staff']],
    ['Exam Invigilator', ['invigilator']],
    ['SENDCo', ['senco']],
    ['Headteacher', ['head_of_centre']],
    ['Head Teacher', ['head_of_centre']],
    ['Executive Head Teacher', ['head_of_centre']],
    ['Principal', ['head_of_centre']],
    ['Deputy Headteacher', ['senior_leader']],
    ['Assistant Head', ['senior_leader']],
    ['Vice Principal', ['senior_leader']],
    ['Teacher of Mathematics', ['teacher']],
  ])('gives "%s" the role %j', (title, roles) => {
    expect(staffRolesFromTitles([title])).toEqual({ roles, unmapped: [] });
  });

  it.each(['Head of Year 11', 'Head of Maths', 'Cover Supervisor', 'Teaching Assistant', 'Business Manager', 'Principal Examiner', 'Line Manager'])('gives "%s" no role, and returns it as unmapped', (title) => {
    expect(staffRolesFromTitles([title])).toEqual({ roles: [], unmapped: [title] });
  });

  it('makes teaching staff a teacher even when no title says so, and never derives line_manager', () => {
    expect(staffRolesFromTitles(['Head of Maths'], { teachingStaff: true })).toEqual({ roles: ['teacher'], unmapped: ['Head of Maths'] });
    expect(STAFF_ROLE_TITLES.some((r) => r.role === 'line_manager')).toBe(false);
  });

  test.prop([fc.array(fc.oneof(fc.constantFrom('Exams Officer', 'Headteacher', 'Deputy Head', 'SENCo', 'Invigilator', 'Teacher of Art', 'Cover Supervisor', 'Head of Year 7'), fc.string()), { maxLength: 6 }), fc.boolean()], { numRuns: 200, seed: 20261203 })(
    'gives valid, distinct roles in a fixed order, whatever the order of the titles',
    (titles, teachingStaff) => {
      const a = staffRolesFromTitles(titles, { teachingStaff });
      const b = staffRolesFromTitles([...titles].reverse(), { teachingStaff });
      expect(b.roles).toEqual(a.roles);
      expect(new Set(a.roles).size).toBe(a.roles.length);
      for (const role of a.roles) expect(staffRoleSchema.safeParse(role).success).toBe(true);
      expect(a.roles.includes('teacher')).toBe(teachingStaff || titles.some((t) => staffRolesFromTitles([t]).roles.includes('teacher')));
    },
  );
});
