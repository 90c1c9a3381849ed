/**
 * Builders for the exam-time tests: candidates, papers, entries, rooms and invigilators with sensible
 * defaults, and fast-check arbitraries for random centres. Test data, not regulation data.
 */
import { fc } from '@fast-check/vitest';
import type { AccessArrangement, AccessArrangementKind, Candidate, Entry, Invigilator, QualificationLevel, Room, Session, TimetabledPaper } from '@examcycle/core';
import type { CalendarDate } from '@examcycle/core';

export const SERIES = 'june-2026';

export function candidate(id: string, candidateNumber: string, extra: Partial<Candidate> = {}): Candidate {
  return { id, centreNumber: '68199', candidateNumber, legalSurname: `Surname${candidateNumber}`, legalForenames: 'Alex', dateOfBirth: '2009-03-01', kind: 'internal', ...extra };
}

export function paper(id: string, date: CalendarDate, session: Session, durationMinutes: number, extra: Partial<TimetabledPaper> = {}): TimetabledPaper {
  return {
    id,
    seriesId: SERIES,
    awardingBodyId: 'AQA',
    componentCode: id,
    title: `Paper ${id}`,
    level: 'GCSE',
    kind: 'written',
    date,
    session,
    startTime: session === 'AM' ? '09:00' : '13:30',
    durationMinutes,
    ...extra,
  };
}

export function entry(id: string, candidateId: string, componentCodes: string[], extra: Partial<Entry> = {}): Entry {
  return { id, candidateId, seriesId: SERIES, awardingBodyId: 'AQA', entryCode: `E${id}`.slice(0, 6), componentCodes, status: 'accepted', identityVerified: true, ...extra };
}

export function arrangement(candidateId: string, kind: AccessArrangementKind, extra: Partial<AccessArrangement> = {}): AccessArrangement {
  return { id: `${candidateId}-${kind}`, candidateId, kind, approval: 'aao_approved', evidenceHeld: true, ...(kind === 'extra_time' ? { extraTimePercent: 25 } : {}), ...extra };
}

export function room(id: string, rows: number, columns: number, extra: Partial<Room> = {}): Room {
  return { id, name: `Room ${id}`, rows, columns, seatPitchMetres: 1.25, rowPitchMetres: 1.25, disabledSeats: [], suitableFor: [], ...extra };
}

export function invigilator(id: string, extra: Partial<Invigilator> = {}): Invigilator {
  return { id, name: `Invigilator ${id}`, trainedOn: '2024-05-01', lastUpdateOn: '2025-10-01', availability: [], relativeOfCandidateIds: [], facilitator: false, ...extra };
}

export const eo = { id: 'eo-1', role: 'exams_officer' } as const;

/** A random small centre: papers over a few days, candidates entered for some of them, some with extra time. */
export interface RandomCentre {
  readonly papers: TimetabledPaper[];
  readonly candidates: Candidate[];
  readonly entries: Entry[];
  readonly arrangements: AccessArrangement[];
}

const DATES = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-05'];
const LEVELS: QualificationLevel[] = ['GCSE', 'GCE', 'functional_skills'];

export const randomCentre: fc.Arbitrary<RandomCentre> = fc
  .record({
    papers: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: DATES.length - 1 }),
        pm: fc.boolean(),
        duration: fc.integer({ min: 30, max: 180 }),
        level: fc.constantFrom(...LEVELS),
        start: fc.constantFrom('09:00', '09:15', '13:30', '13:45'),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    candidates: fc.array(
      fc.record({
        picks: fc.array(fc.nat(), { maxLength: 8 }),
        extra: fc.constantFrom(0, 0, 25, 50, 33),
        rest: fc.constantFrom(0, 0, 5, 10),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  })
  .map(({ papers, candidates }) => {
    const ps = papers.map((p, i) =>
      paper(`P${String(i).padStart(2, '0')}`, DATES[p.day]! as CalendarDate, p.pm ? 'PM' : 'AM', p.duration, {
        level: p.level,
        startTime: p.pm ? (p.start < '12:00' ? '13:30' : p.start) : p.start < '12:00' ? p.start : '09:00',
      }),
    );
    const cs = candidates.map((_, i) => candidate(`c${i}`, String(i + 1).padStart(4, '0')));
    const es: Entry[] = [];
    const as: AccessArrangement[] = [];
    candidates.forEach((c, i) => {
      const codes = [...new Set(c.picks.map((k) => ps[k % ps.length]!.componentCode))];
      if (codes.length) es.push(entry(`e${i}`, `c${i}`, codes));
      if (c.extra) as.push(arrangement(`c${i}`, 'extra_time', { extraTimePercent: c.extra }));
      if (c.rest) as.push(arrangement(`c${i}`, 'rest_breaks', { restBreakMinutesPerHour: c.rest }));
    });
    return { papers: ps, candidates: cs, entries: es, arrangements: as };
  });
