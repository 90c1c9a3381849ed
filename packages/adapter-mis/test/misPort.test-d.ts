import { describe, expectTypeOf, it } from 'vitest';
import type { AccessArrangement, Entry, StaffMember, StaffRole } from '@examcycle/core';
import type { ExamcycleIssue } from '@examcycle/core';
import { createArborMis, createInMemoryMis, createWondeMis, parseCtf, staffRolesFromTitles, type MisCandidate, type MisIssueCode, type MisPort, type MisPull, type MisPush, type MisSeat } from '@examcycle/adapter-mis';

describe('MisPort types', () => {
  it('pulls typed records and pushes entries and seats', () => {
    expectTypeOf<MisPort['pullCandidates']>().returns.resolves.toEqualTypeOf<MisPull<MisCandidate>>();
    expectTypeOf<MisPort['pullStaff']>().returns.resolves.toEqualTypeOf<MisPull<StaffMember>>();
    expectTypeOf<MisPort['pullAccessArrangements']>().returns.resolves.toEqualTypeOf<MisPull<AccessArrangement>>();
    expectTypeOf<MisPort['pushEntries']>().parameter(0).toEqualTypeOf<readonly Entry[]>();
    expectTypeOf<MisPort['pushSeating']>().returns.resolves.toEqualTypeOf<MisPush>();
  });

  it('reports issues in core\'s one issue shape, with the codes an MIS mapping can give', () => {
    expectTypeOf<MisPull<MisCandidate>['issues'][number]>().toEqualTypeOf<ExamcycleIssue<MisIssueCode>>();
    expectTypeOf<MisPush['issues'][number]['code']>().toEqualTypeOf<'invalid_value' | 'bad_check_character' | 'malformed_response'>();
    expectTypeOf(parseCtf('<CTfile/>').issues).toEqualTypeOf<readonly ExamcycleIssue<MisIssueCode>[]>();
    const issue = parseCtf('<CTfile/>').issues[0];
    // @ts-expect-error: a CTF reading never reports a CSV code
    if (issue?.code === 'missing_column') throw new Error('unreachable');
  });

  it('gives every mapping the same port, and the in-memory MIS its kinds', () => {
    expectTypeOf(createWondeMis).returns.toEqualTypeOf<MisPort>();
    expectTypeOf(createArborMis).returns.toEqualTypeOf<MisPort>();
    expectTypeOf(staffRolesFromTitles([]).roles).toEqualTypeOf<readonly StaffRole[]>();
    // @ts-expect-error: staffRoles must give core's roles
    createWondeMis({ token: 't', schoolId: 's', staffRoles: () => ['caretaker'] });
    const mis = createInMemoryMis();
    expectTypeOf(mis.all('seating')).toEqualTypeOf<readonly MisSeat[]>();
    expectTypeOf(mis.all('candidates')).toEqualTypeOf<readonly MisCandidate[]>();
    // @ts-expect-error: not a kind the in-memory MIS holds
    mis.all('timetable');
    // @ts-expect-error: a seat is not a candidate
    mis.upsert('candidates', { id: 's', candidateId: 'c', paperId: 'p', roomId: 'r', seat: 'A1' } satisfies MisSeat);
  });
});
