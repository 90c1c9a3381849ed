import { describe, expect, it } from 'vitest';
import { ExamcycleError, isExamcycleError, type Entry } from '@examcycle/core';
import { MIS_OPERATIONS, candidateFromMis, createInMemoryMis, type MisCandidate } from '@examcycle/adapter-mis';

const siân: MisCandidate = { id: 'S1', upn: 'B820123400101', legalSurname: 'Jones', legalForenames: 'Siân', dateOfBirth: '2009-03-14', sex: 'F' };
const aisha: MisCandidate = { id: 'S2', legalSurname: 'Khan', legalForenames: 'Aisha', dateOfBirth: '2009-05-01' };
const entry = (id: string, code: string): Entry => ({ id, candidateId: 'S1', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: code, componentCodes: [], status: 'draft', identityVerified: false });

describe('createInMemoryMis (the MIS port in memory)', () => {
  it('supports every operation of the port', () => {
    expect([...createInMemoryMis().supports]).toEqual([...MIS_OPERATIONS]);
  });

  it('gives a complete snapshot, then only what changed or was removed since the cursor', async () => {
    const mis = createInMemoryMis({ candidates: [siân] });
    const first = await mis.pullCandidates();
    expect(first).toMatchObject({ records: [siân], complete: true, deletedIds: [] });
    mis.upsert('candidates', aisha);
    mis.upsert('candidates', siân);
    mis.remove('candidates', 'S1');
    const delta = await mis.pullCandidates({ since: first.cursor! });
    expect(delta).toMatchObject({ records: [aisha], deletedIds: ['S1'], complete: false });
    expect((await mis.pullCandidates({ since: delta.cursor! })).records).toEqual([]);
  });

  it('upserts entries idempotently by their stable id', async () => {
    const mis = createInMemoryMis();
    expect(await mis.pushEntries([entry('e1', '8300H'), entry('e2', '8461H')])).toEqual({ created: ['e1', 'e2'], updated: [], unchanged: [], issues: [] });
    expect(await mis.pushEntries([entry('e1', '8300H'), entry('e2', '8461F')])).toEqual({ created: [], updated: ['e2'], unchanged: ['e1'], issues: [] });
    expect(mis.all('entries').map((e) => e.entryCode)).toEqual(['8300H', '8461F']);
  });

  it('refuses invalid pushed records with an issue and keeps the rest', async () => {
    const mis = createInMemoryMis();
    const out = await mis.pushEntries([{ ...entry('e1', '8300H'), entryCode: 'TOOLONG1' }, entry('e2', '8461H')]);
    expect(out.created).toEqual(['e2']);
    expect(out.issues).toEqual([expect.objectContaining({ subject: { recordId: 'e1' }, location: expect.objectContaining({ file: 'in-memory:entries', field: 'entryCode' }), code: 'invalid_value' })]);
    const seats = await mis.pushSeating([{ id: 'p1/S1', candidateId: 'S1', paperId: 'p1', roomId: 'hall', seat: 'A1' }, { id: 'p1/S2', candidateId: 'S2', paperId: 'p1', roomId: 'hall', seat: '1A' }]);
    expect([seats.created, seats.issues.map((i) => i.subject?.recordId)]).toEqual([['p1/S1'], ['p1/S2']]);
  });

  it('fails the next call of an operation on demand, with the typed error given', async () => {
    const mis = createInMemoryMis({ candidates: [siân] });
    mis.failNext('pullCandidates', new ExamcycleError('rate_limited', 'slow down', { retryable: true }));
    const error = await mis.pullCandidates().catch((e: unknown) => e);
    expect(isExamcycleError(error) && [error.code, error.retryable]).toEqual(['rate_limited', true]);
    expect((await mis.pullCandidates()).records).toHaveLength(1);
  });

  it('rejects a cursor it never gave', async () => {
    const error = await createInMemoryMis().pullStaff({ since: 'yesterday' }).catch((e: unknown) => e);
    expect(isExamcycleError(error) && error.code).toBe('invalid_value');
  });

  it('checks staff and access arrangements against core when they are added', async () => {
    const mis = createInMemoryMis();
    expect(() => mis.upsert('staff', { id: 's1', name: 'A Teacher', roles: [], active: true })).toThrowError(expect.objectContaining({ code: 'invalid_value' }));
    mis.upsert('accessArrangements', { id: 'aa1', candidateId: 'S1', kind: 'extra_time', extraTimePercent: 25, approval: 'aao_approved', evidenceHeld: true });
    mis.upsert('rooms', { id: 'hall', name: 'Main hall', capacity: 120 });
    expect((await mis.pullAccessArrangements()).records).toHaveLength(1);
    expect((await mis.pullRooms()).records).toEqual([{ id: 'hall', name: 'Main hall', capacity: 120 }]);
    expect((await mis.pullResults()).records).toEqual([]);
  });
});

describe('candidateFromMis', () => {
  it('adds the centre and candidate number and checks the candidate against core', () => {
    expect(candidateFromMis(siân, { centreNumber: '12345', candidateNumber: '0001' }).candidate).toMatchObject({ id: 'S1', centreNumber: '12345', candidateNumber: '0001', kind: 'internal' });
  });

  it('reports a missing candidate number or date of birth instead of guessing', () => {
    const { candidate, issues } = candidateFromMis({ ...aisha, dateOfBirth: undefined } as unknown as MisCandidate, { centreNumber: '12345' });
    expect(candidate).toBeUndefined();
    expect(issues.map((i) => i.location?.field).sort()).toEqual(['candidateNumber', 'dateOfBirth']);
  });
});
