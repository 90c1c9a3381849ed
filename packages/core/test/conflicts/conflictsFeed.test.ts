import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  conflictFlags,
  createMemoryStore,
  deployInvigilators,
  invigilatorsWithDeclaredConflicts,
  createConflictsRegister,
  type ConflictDeclaration,
  type ExamRoomRules,
  type Invigilator,
  type SeatAssignment,
  type SeatingPlan,
} from '@examcycle/core';
import { fixtureAuthorities } from '../fixtures/fixtureAuthorities.js';
import { KEY_DATES, clockAt, officer } from '../entries/entryCheckingFixture.js';

const SRC = { document: 'examcycle core test fixture', year: '2025/26' };
const rules = { invigilationRatio: { value: { written: 30, practical: 20, on_screen: 20 }, source: SRC, confidence: 'primary' } } as unknown as ExamRoomRules;
const AM = [{ date: '2026-06-01' as const, session: 'AM' as const }];

function invigilator(id: string, extra: Partial<Invigilator> = {}): Invigilator {
  return { id, name: `Invigilator ${id}`, trainedOn: '2024-05-01', lastUpdateOn: '2025-10-01', availability: AM, relativeOfCandidateIds: [], facilitator: false, ...extra };
}

function seats(n: number, from = 1): SeatAssignment[] {
  return Array.from({ length: n }, (_, i) => ({ seat: `A${String(i + 1)}`, row: 0, column: i, candidateId: `c${String(from + i)}`, candidateNumber: String(from + i).padStart(4, '0'), paperIds: ['P'], ratioKind: 'written', arrangementKinds: [] }));
}

function plan(rooms: { id: string; seats: SeatAssignment[] }[]): SeatingPlan {
  return {
    id: '2026-06-01.AM',
    date: '2026-06-01',
    session: 'AM',
    spacingMetres: 1.25,
    rooms: rooms.map((r) => ({ roomId: r.id, roomName: `Room ${r.id}`, use: 'main' as const, paperIds: ['P'], seats: r.seats, usableSeats: r.seats.length })),
    unseated: [],
    explanation: [],
  };
}

/** A register with one declaration: staff member s-a (invigilator "a") is the parent of candidate c3. */
async function declared(): Promise<readonly ConflictDeclaration[]> {
  const register = createConflictsRegister({ store: createMemoryStore(), centreNumber: '12345', seriesId: 'june-2026', clock: clockAt('2026-01-10T09:00:00Z'), keyDates: KEY_DATES, authorities: fixtureAuthorities });
  await register.declare(officer, { id: 'coi-1', staffId: 's-a', staffName: 'Mr Ahmed', kind: 'relative', candidateId: 'c3', relationship: 'Father', awardingBodyIds: ['AQA'] });
  await register.declare(officer, { id: 'coi-2', staffId: 's-b', kind: 'tutor', qualification: { awardingBodyId: 'AQA', entryCode: '8700' }, relationship: 'Tutors English Language privately', awardingBodyIds: ['AQA'] });
  await register.mitigate(officer, 'coi-2', 'A second marker moderates every NEA mark of 8700');
  return register.declarations();
}

describe('invigilatorsWithDeclaredConflicts', () => {
  it('feeds invigilator deployment: a declared relative is never the sole invigilator in the candidate\'s room', async () => {
    const declarations = await declared();
    const pool = invigilatorsWithDeclaredConflicts([invigilator('a', { staffId: 's-a' })], declarations);
    expect(pool[0]!.relativeOfCandidateIds).toEqual(['c3']);
    const d = deployInvigilators({ plan: plan([{ id: 'hall', seats: seats(5) }]), invigilators: pool, summonHelp: { hall: 'radio' } }, { rules });
    expect(d.rooms[0]!.invigilatorIds).toEqual([]);
    expect(d.shortfalls[0]).toMatchObject({ roomId: 'hall', missing: 1 });
    // Without the register, the same pool would have put the parent alone in the room.
    const blind = deployInvigilators({ plan: plan([{ id: 'hall', seats: seats(5) }]), invigilators: [invigilator('a', { staffId: 's-a' })], summonHelp: { hall: 'radio' } }, { rules });
    expect(blind.rooms[0]!.invigilatorIds).toEqual(['a']);
  });

  it('keeps a declared relative out of the candidate\'s room when another invigilator can go', async () => {
    const pool = invigilatorsWithDeclaredConflicts([invigilator('a', { staffId: 's-a' }), invigilator('b')], await declared());
    const d = deployInvigilators({ plan: plan([{ id: 'r1', seats: seats(5) }, { id: 'r2', seats: seats(5, 10) }]), invigilators: pool, summonHelp: { r1: 'radio', r2: 'radio' } }, { rules });
    expect(d.rooms.map((r) => r.invigilatorIds)).toEqual([['b'], ['a']]);
  });

  it('leaves invigilators without declarations as they are, and does not repeat a relative already known', async () => {
    const declarations = await declared();
    const known = invigilator('a', { staffId: 's-a', relativeOfCandidateIds: ['c3', 'c9'] });
    const other = invigilator('z');
    const pool = invigilatorsWithDeclaredConflicts([known, other], declarations);
    expect(pool[0]!.relativeOfCandidateIds).toEqual(['c3', 'c9']);
    expect(pool[1]).toBe(other);
  });
});

describe('conflictFlags', () => {
  it('flags staff with a declared conflict who handle that candidate\'s scripts or marks', async () => {
    const flags = conflictFlags(await declared(), [
      { staffId: 's-a', task: 'scripts', candidateId: 'c3' },
      { staffId: 's-a', task: 'scripts', candidateId: 'c4' },
      { staffId: 's-b', task: 'nea_marking', candidateId: 'c7', awardingBodyId: 'AQA', entryCode: '8700' },
      { staffId: 's-c', task: 'marks', candidateId: 'c3' },
    ]);
    expect(flags).toEqual([
      { staffId: 's-a', declarationId: 'coi-1', task: 'scripts', candidateId: 'c3', message: 'Mr Ahmed handles scripts of candidate c3, with whom they declared a conflict of interest (relative: Father); no mitigation is recorded' },
      {
        staffId: 's-b',
        declarationId: 'coi-2',
        task: 'nea_marking',
        candidateId: 'c7',
        entryCode: '8700',
        message: 's-b handles nea_marking of AQA 8700, with whom they declared a conflict of interest (tutor: Tutors English Language privately)',
        mitigation: 'A second marker moderates every NEA mark of 8700',
      },
    ]);
  });
});

/** A declaration as the register keeps it, for the properties (no store needed). */
function declaration(id: string, staffId: string, candidateId: string): ConflictDeclaration {
  return { id, seriesId: 'june-2026', staffId, kind: 'relative', candidateId, relationship: 'Family', awardingBodyIds: ['AQA'], declaredAt: '2026-01-10T09:00:00.000+00:00', declaredBy: officer, notifications: [] };
}

describe('invigilatorsWithDeclaredConflicts (property)', () => {
  fcTest.prop(
    [
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 40 })), { maxLength: 8 }),
    ],
    { numRuns: 300, seed: 20261205 },
  )('no room ever has, as its sole invigilator, a member of staff who declared a conflict with one of its candidates', (poolSize, roomSizes, links) => {
    const pool = Array.from({ length: poolSize }, (_, i) => invigilator(`i${String(i)}`, { staffId: `s${String(i)}` }));
    const declarations = links.filter(([i]) => i < poolSize).map(([i, c], k) => declaration(`coi-${String(k)}`, `s${String(i)}`, `c${String(c)}`));
    let from = 1;
    const rooms = roomSizes.map((n, r) => {
      const room = { id: `r${String(r)}`, seats: seats(n, from) };
      from += n;
      return room;
    });
    const d = deployInvigilators({ plan: plan(rooms), invigilators: invigilatorsWithDeclaredConflicts(pool, declarations), summonHelp: Object.fromEntries(rooms.map((r) => [r.id, 'radio'])) }, { rules });
    for (const room of d.rooms) {
      if (room.invigilatorIds.length !== 1) continue;
      const staffId = `s${room.invigilatorIds[0]!.slice(1)}`;
      const candidates = new Set(rooms.find((r) => r.id === room.roomId)!.seats.map((x) => x.candidateId));
      expect(declarations.some((x) => x.staffId === staffId && candidates.has(x.candidateId!))).toBe(false);
    }
  });
});

describe('conflictFlags (property)', () => {
  fcTest.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 })), { maxLength: 8 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('scripts', 'marks')), { maxLength: 12 }),
    ],
    { numRuns: 300, seed: 20261206 },
  )('flags exactly the assignments of a member of staff to a candidate they declared, once per declaration', (links, work) => {
    const declarations = links.map(([s, c], k) => declaration(`coi-${String(k)}`, `s${String(s)}`, `c${String(c)}`));
    const assignments = work.map(([s, c, task]) => ({ staffId: `s${String(s)}`, candidateId: `c${String(c)}`, task }));
    const flags = conflictFlags(declarations, assignments);
    const expected = assignments.flatMap((a) => declarations.filter((x) => x.staffId === a.staffId && x.candidateId === a.candidateId).map((x) => `${a.staffId}/${a.candidateId}/${a.task}/${x.id}`));
    expect(flags.map((f) => `${f.staffId}/${f.candidateId ?? ''}/${f.task}/${f.declarationId}`)).toEqual(expected);
  });
});
