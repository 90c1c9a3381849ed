/**
 * A synthetic centre as the CSV files a centre has on results day (no real personal data; seeded, so every
 * run sees the same centre): candidates, entries, the awarding body's timetable, rooms, access arrangements
 * and the results that came in (one per entry), each written with adapter-csv's `exportCsv` so the text is
 * exactly what `importCsv` reads. The qualifications (titles, levels, entry options) come alongside as
 * objects, as a centre's basedata would.
 *
 * The default centre: 2,000 candidates and 24,000 entries. Year 11 (80%) sits 14 GCSEs, one from each of 14
 * option blocks; year 13 (20%) sits 4 A-levels, one from each of 4 blocks. A block's papers fall in its own
 * stretch of the 30-day series, so clashes are the exception (a few subjects are timetabled off-block).
 * Extra time, rest breaks, readers and word processors come at realistic rates.
 */
import { exportCsv } from '@examcycle/adapter-csv';
import type { AccessArrangement, Candidate, Entry, Qualification, QualificationLevel, Result, StaffMember, TimetabledPaper, CalendarDate } from '@examcycle/core';
import { seeded } from '../../scripts/bench/measure.js';
import { syntheticArrangements, syntheticRooms } from '../../packages/core/bench/syntheticSeries.js';

/** The centre's CSV files, as text, and the basedata that comes with them. */
export interface SyntheticCentreCsv {
  readonly csv: {
    readonly candidates: string;
    readonly entries: string;
    readonly timetable: string;
    readonly rooms: string;
    readonly accessArrangements: string;
    readonly results: string;
  };
  readonly qualifications: readonly Qualification[];
  readonly staff: readonly StaffMember[];
  /** How many candidates and entries the files hold. */
  readonly counts: { readonly candidates: number; readonly entries: number; readonly papers: number };
}

const SERIES_ID = 'june-2026';
const GCSE_BLOCKS = 14;
const GCE_BLOCKS = 4;
const SUBJECTS_PER_BLOCK = 4;
const GCSE_GRADES = ['9', '8', '7', '6', '5', '4', '3', '2', '1', 'U'] as const;
const GCE_GRADES = ['A*', 'A', 'B', 'C', 'D', 'E', 'U'] as const;

/** The weekdays of the summer series: `count` exam days from Monday 11 May 2026 (no bank holiday in the way). */
function seriesDays(count: number): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let t = Date.UTC(2026, 4, 11); days.length < count; t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(t).toISOString().slice(0, 10) as CalendarDate);
  }
  return days;
}

/**
 * Generates the centre: `candidateCount` candidates (12 entries each on average), as CSV text.
 *
 * @param candidateCount - how many candidates (a multiple of 5 keeps the 80/20 split exact)
 * @param seed - the generator's seed
 * @example
 * ```ts
 * const centre = syntheticCentreCsv(2_000);
 * importCsv('entries', centre.csv.entries).records.length; // 24,000
 * ```
 */
export function syntheticCentreCsv(candidateCount = 2_000, seed = 2026): SyntheticCentreCsv {
  const rnd = seeded(seed);
  const days = seriesDays(30);
  const slots = days.length * 2;
  const papers: TimetabledPaper[] = [];
  const qualifications: Qualification[] = [];
  const subjects: { level: 'GCSE' | 'GCE'; block: number; qualification: Qualification }[] = [];

  const addSubject = (level: 'GCSE' | 'GCE', block: number, blocks: number, index: number): void => {
    const code = `${level === 'GCSE' ? '8' : '7'}${String(index).padStart(3, '0')}`;
    const paperCount = level === 'GCE' ? 3 : 2 + (index % 2);
    const perBlock = Math.floor(slots / blocks);
    const offBlock = rnd() < 0.05;
    const used = new Set<number>();
    const componentCodes: string[] = [];
    for (let k = 0; k < paperCount; k += 1) {
      let slot: number;
      do slot = offBlock ? Math.floor(rnd() * slots) : block * perBlock + Math.floor(rnd() * perBlock);
      while (used.has(slot));
      used.add(slot);
      const component = `${code}${k + 1}`;
      const session = slot & 1 ? 'PM' : 'AM';
      papers.push({
        id: `AQA-${component}`,
        seriesId: SERIES_ID,
        awardingBodyId: 'AQA',
        componentCode: component,
        title: `${level} ${code} paper ${k + 1}`,
        level,
        kind: rnd() < 0.05 ? 'practical' : 'written',
        date: days[slot >> 1]!,
        session,
        startTime: session === 'AM' ? '09:00' : '13:30',
        durationMinutes: level === 'GCE' ? 120 + 30 * Math.floor(rnd() * 2) : 60 + 15 * Math.floor(rnd() * 6),
      });
      componentCodes.push(component);
    }
    const qualification: Qualification = { id: `AQA-${code}`, awardingBodyId: 'AQA', specificationCode: code, title: `${level} subject ${code}`, level, entryOptions: [{ code, title: '', componentCodes }] };
    qualifications.push(qualification);
    subjects.push({ level, block, qualification });
  };
  let index = 0;
  for (let b = 0; b < GCSE_BLOCKS; b += 1) for (let s = 0; s < SUBJECTS_PER_BLOCK; s += 1) addSubject('GCSE', b, GCSE_BLOCKS, (index += 1));
  for (let b = 0; b < GCE_BLOCKS; b += 1) for (let s = 0; s < SUBJECTS_PER_BLOCK + 1; s += 1) addSubject('GCE', b, GCE_BLOCKS, (index += 1));

  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  const results: Result[] = [];
  const accessArrangements: AccessArrangement[] = [];
  for (let i = 0; i < candidateCount; i += 1) {
    const id = `C${String(i + 1).padStart(5, '0')}`;
    candidates.push({ id, centreNumber: '68199', candidateNumber: String(i + 1).padStart(4, '0'), legalSurname: `Surname${i}`, legalForenames: 'Sam', dateOfBirth: '2009-01-01', kind: 'internal' });
    const level: 'GCSE' | 'GCE' = i % 5 === 4 ? 'GCE' : 'GCSE';
    const blocks = level === 'GCSE' ? GCSE_BLOCKS : GCE_BLOCKS;
    const grades: readonly string[] = level === 'GCSE' ? GCSE_GRADES : GCE_GRADES;
    for (let b = 0; b < blocks; b += 1) {
      const inBlock = subjects.filter((s) => s.level === level && s.block === b);
      const q = inBlock[Math.floor(rnd() * inBlock.length)]!.qualification;
      const option = q.entryOptions[0]!;
      entries.push({ id: `${id}-${option.code}`, candidateId: id, seriesId: SERIES_ID, awardingBodyId: 'AQA', entryCode: option.code, componentCodes: option.componentCodes, status: 'accepted', submittedAt: '2026-02-20T10:00:00+00:00', identityVerified: true });
      const gradeAt = Math.min(grades.length - 1, Math.floor(rnd() * rnd() * grades.length + rnd() * 3));
      results.push({ id: `R-${id}-${option.code}`, candidateId: id, seriesId: SERIES_ID, awardingBodyId: 'AQA', awardCode: option.code, kind: 'qualification', level: q.level as QualificationLevel, grade: grades[gradeAt]!, receivedAt: level === 'GCE' ? '2026-08-12T00:01:00+01:00' : '2026-08-19T00:01:00+01:00' });
    }
    accessArrangements.push(...syntheticArrangements(id, rnd));
  }

  const rooms = syntheticRooms(1.25);
  const staff: StaffMember[] = [
    { id: 'HEAD', name: 'Dr R. Okafor', roles: ['head_of_centre'], active: true },
    { id: 'EO', name: 'S. Lewis', roles: ['exams_officer'], active: true },
  ];
  return {
    csv: {
      candidates: exportCsv('candidates', candidates),
      entries: exportCsv('entries', entries),
      timetable: exportCsv('timetable', papers),
      rooms: exportCsv('rooms', rooms),
      accessArrangements: exportCsv('access_arrangements', accessArrangements),
      results: exportCsv('results', results),
    },
    qualifications,
    staff,
    counts: { candidates: candidates.length, entries: entries.length, papers: papers.length },
  };
}
