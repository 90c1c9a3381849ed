import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
import { jcq, withOverrides } from '../src/index.js';

const centre = { name: 'Northgate Academy', year: '2025/26' };

describe('centre overlay delegations', () => {
  it('are empty on the pack as shipped: only the roles the regulations name', () => {
    expect(jcq.delegations()).toEqual([]);
  });

  it('are returned by the centre pack, and a second overlay adds to the first', () => {
    const once = withOverrides(jcq, { centre, delegations: [{ action: 'cycle.task.entries.checked', roles: ['head_of_department'], grantedBy: 'hoc-1' }] });
    const twice = withOverrides(once, { centre, delegations: [{ action: 'enquiry.submit', staffIds: ['eos-2'] }] });
    expect(once.delegations()).toEqual([{ action: 'cycle.task.entries.checked', roles: ['head_of_department'], grantedBy: 'hoc-1' }]);
    expect(twice.delegations().map((d) => d.action)).toEqual(['cycle.task.entries.checked', 'enquiry.submit']);
  });

  it('refuses a delegation that names neither roles nor staff, or a role examcycle does not know', () => {
    for (const delegations of [[{ action: 'enquiry.submit' }], [{ action: 'enquiry.submit', roles: ['governor'] }], [{ action: '', roles: ['teacher'] }]]) {
      try {
        withOverrides(jcq, { centre, delegations });
        expect.unreachable();
      } catch (error) {
        expect(isExamcycleError(error) && error.code).toBe('invalid_overrides');
      }
    }
  });
});
