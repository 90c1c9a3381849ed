/** A science department's June 2026 entry list, its people, and the key dates it falls due on (fixture data). */
import { SimulatedClock } from 'xstate';
import { createExamcycleRuntime, createMemoryStore, endOfLondonDay, type Actor, type EntryCheckingInput, type EntryForChecking, type KeyDate, type SourceRef } from '@examcycle/core';
import { fixtureAuthorities } from '../fixtures/fixtureAuthorities.js';

const SRC: SourceRef = { document: 'examcycle core test fixture', year: '2025/26' };

/** The June 2026 entry deadline, a centre internal deadline for checking, and the conflicts-of-interest date. */
export const KEY_DATES: readonly KeyDate[] = [
  { id: 'june-2026/internal_deadline/entries-checked', kind: 'internal_deadline', title: 'Entries checked by departments', seriesId: 'june-2026', at: endOfLondonDay('2026-01-30'), date: '2026-01-30', dueRule: 'end_of_day', source: { document: 'Northgate Academy exams policy', year: '2025/26' }, confidence: 'primary' },
  { id: 'june-2026/entry_deadline', kind: 'entry_deadline', title: 'entry deadline', seriesId: 'june-2026', at: endOfLondonDay('2026-02-21'), date: '2026-02-21', dueRule: 'end_of_day', source: SRC, confidence: 'primary' },
  { id: 'june-2026/conflicts_of_interest_declaration', kind: 'conflicts_of_interest_declaration', title: 'conflicts of interest', seriesId: 'june-2026', at: endOfLondonDay('2026-02-21'), date: '2026-02-21', dueRule: 'end_of_day', source: SRC, confidence: 'primary' },
];

export const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
export const assistant: Actor = { id: 'eos-1', role: 'exams_office_staff' };
export const hodScience: Actor = { id: 'hod-sci', role: 'head_of_department' };
export const hodMaths: Actor = { id: 'hod-maths', role: 'head_of_department' };
export const teacherScience: Actor = { id: 't-sci', role: 'teacher' };
export const seniorLeader: Actor = { id: 'sl-1', role: 'senior_leader' };
export const headOfCentre: Actor = { id: 'hoc-1', role: 'head_of_centre' };

/** `n` science entries (combined science, trilogy) for candidates 1001… */
export function scienceEntries(n: number): EntryForChecking[] {
  return Array.from({ length: n }, (_, i) => ({
    entryId: `e${String(i + 1).padStart(3, '0')}`,
    candidateId: `c${String(1001 + i)}`,
    candidateNumber: String(1001 + i),
    candidateName: `Candidate ${String(1001 + i)}`,
    awardingBodyId: 'AQA',
    entryCode: '8464',
    title: 'GCSE Combined Science: Trilogy',
    componentCodes: ['8464B1F', '8464C1F'],
    tier: 'F',
  }));
}

/** The input of the science list. */
export function scienceInput(n = 3, extra: Partial<EntryCheckingInput> = {}): EntryCheckingInput {
  return {
    listId: 'june-2026/science',
    centreNumber: '12345',
    seriesId: 'june-2026',
    department: { id: 'sci', name: 'Science' },
    headOfDepartmentIds: ['hod-sci'],
    checkerIds: ['t-sci'],
    entries: scienceEntries(n),
    startedAt: '2026-01-05T09:00:00Z',
    authorities: fixtureAuthorities,
    keyDates: KEY_DATES,
    deadlines: { signed: { keyDateId: 'june-2026/internal_deadline/entries-checked' }, authorised: { daysBeforeEntryDeadline: 14 } },
    by: officer,
    ...extra,
  };
}

/** A clock set to an instant. */
export function clockAt(iso: string): SimulatedClock {
  const clock = new SimulatedClock();
  clock.set(Date.parse(iso));
  return clock;
}

/** The durable runtime on a memory store, and the clock it runs on. */
export function hosted(now = '2026-01-05T09:00:00Z') {
  const clock = clockAt(now);
  const store = createMemoryStore();
  const runtime = createExamcycleRuntime({ store, clock });
  return { clock, store, runtime };
}
