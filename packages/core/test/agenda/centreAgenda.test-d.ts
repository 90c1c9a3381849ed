import { describe, expectTypeOf, it } from 'vitest';
import type { EopsAgendaInput, EopsRegistrationDue, ScheduledMeeting } from '@examcycle/core';

describe('eopsAgendaDeadlines types', () => {
  it('takes the EOPS queries\' answers as they are', () => {
    expectTypeOf<readonly EopsRegistrationDue[]>().toMatchTypeOf<NonNullable<EopsAgendaInput['registrationDue']>>();
    expectTypeOf<readonly ScheduledMeeting[]>().toMatchTypeOf<NonNullable<EopsAgendaInput['overdueMeetings']>[number]['meetings']>();
  });
});
