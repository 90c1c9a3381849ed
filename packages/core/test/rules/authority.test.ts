import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { authorise, grantsFor, type ActorRole, type Authority } from '@examcycle/core';

const SRC = { document: 'examcycle core test fixture', year: '2025/26' };
const ROLES: readonly ActorRole[] = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate', 'system'];

const TABLE: readonly Authority[] = [
  { action: 'cycle.task.entries.submitted', roles: ['exams_officer'], title: 'The exams officer submits entries', source: SRC, confidence: 'primary' },
  { action: 'cycle.task.planning.ncn-register', roles: ['head_of_centre'], title: 'The head of centre confirms the NCN register update', source: SRC, confidence: 'primary' },
  { action: 'enquiry.submit', roles: ['exams_officer', 'exams_office_staff'], title: 'Post-results requests go through the exams office', source: SRC, confidence: 'primary' },
];

describe('authorise', () => {
  it('lets the role the regulation names take the action', () => {
    const grants = grantsFor(TABLE);
    expect(authorise(grants, { id: 'eo-1', role: 'exams_officer' }, 'cycle.task.entries.submitted')).toEqual({ allowed: true, action: 'cycle.task.entries.submitted', rule: 'cycle.task.entries.submitted' });
  });

  it('refuses a teacher submitting entries with not_authorised and says who may', () => {
    const decision = authorise(grantsFor(TABLE), { id: 't-1', role: 'teacher' }, 'cycle.task.entries.submitted');
    expect(decision).toMatchInlineSnapshot(`
      {
        "action": "cycle.task.entries.submitted",
        "allowed": false,
        "code": "not_authorised",
        "reason": "The exams officer submits entries: only exams officer may do this, not "t-1" acting as teacher",
        "rule": "cycle.task.entries.submitted",
      }
    `);
  });

  it('refuses an action no rule grants (the strict reading)', () => {
    const decision = authorise(grantsFor(TABLE), { id: 'hoc', role: 'head_of_centre' }, 'cycle.task.unknown');
    expect(decision).toMatchObject({ allowed: false, code: 'not_authorised', rule: 'examcycle.authority.not-granted' });
  });

  it('refuses an actor who does not say which role they act in', () => {
    expect(authorise(grantsFor(TABLE), { id: 'eo-1' }, 'cycle.task.entries.submitted').allowed).toBe(false);
    expect(authorise(grantsFor(TABLE), undefined, 'cycle.task.entries.submitted').allowed).toBe(false);
  });

  it('lets a centre delegate to more roles and to named staff, without taking a role away', () => {
    const grants = grantsFor(TABLE, [
      { action: 'cycle.task.entries.submitted', roles: ['exams_office_staff'] },
      { action: 'cycle.task.planning.ncn-register', staffIds: ['deputy-1'], grantedBy: 'hoc' },
    ]);
    expect(authorise(grants, { id: 'eos-1', role: 'exams_office_staff' }, 'cycle.task.entries.submitted').allowed).toBe(true);
    expect(authorise(grants, { id: 'eo-1', role: 'exams_officer' }, 'cycle.task.entries.submitted').allowed).toBe(true);
    expect(authorise(grants, { id: 'deputy-1', role: 'senior_leader' }, 'cycle.task.planning.ncn-register')).toMatchObject({ allowed: true, rule: 'centre.delegation' });
    expect(authorise(grants, { id: 'deputy-2', role: 'senior_leader' }, 'cycle.task.planning.ncn-register').allowed).toBe(false);
  });

  it('keeps only the actions a machine asks for, as plain JSON', () => {
    const grants = grantsFor(TABLE, [], ['enquiry.']);
    expect(Object.keys(grants)).toEqual(['enquiry.submit']);
    expect(JSON.parse(JSON.stringify(grants))).toEqual(grants);
  });

  it('treats a prototype key as an action nobody holds', () => {
    expect(authorise(grantsFor(TABLE), { id: 'x', role: 'exams_officer' }, '__proto__').allowed).toBe(false);
    expect(authorise(grantsFor(TABLE), { id: 'x', role: 'exams_officer' }, 'constructor').allowed).toBe(false);
  });

  test.prop([fc.constantFrom(...ROLES), fc.constantFrom(...TABLE.map((a) => a.action)), fc.string()], { seed: 1411 })(
    'never allows a role the table and delegations do not name',
    (role, action, id) => {
      const allowed = authorise(grantsFor(TABLE), { id, role }, action).allowed;
      expect(allowed).toBe(TABLE.some((a) => a.action === action && a.roles.includes(role)));
    },
  );
});
