/**
 * Deterministic synthetic data for the exam-time benchmark: a seeded PRNG, a 2,000-candidate centre as
 * domain objects, and a national series (600,000 candidates, 6,000,000 sittings) in the compact column
 * encoding. The timetable is built like the real one: subjects sit in option blocks whose papers do not
 * clash, and a few off-block subjects land anywhere, so clashes are the exception, as in a real series.
 */
import { DateTime } from 'luxon';
import type { AccessArrangement, Candidate, CompactSittings, Entry, Room, TimetabledPaper } from '@examcycle/core';
import { seeded as seededRandom } from '../../../scripts/bench/measure.js';
import type { CalendarDate } from '@examcycle/core';

/** The weekdays of a summer series: 30 exam days from Monday 11 May 2026. */
export function seriesDays(count = 30): CalendarDate[] {
  const days: CalendarDate[] = [];
  let d = DateTime.fromISO('2026-05-11', { zone: 'utc' });
  while (days.length < count) {
    if (d.weekday <= 5) days.push((d.toISODate() as CalendarDate));
    d = d.plus({ days: 1 });
  }
  return days;
}

/** A synthetic centre as domain objects. */
export interface SyntheticCentre {
  readonly papers: TimetabledPaper[];
  readonly candidates: Candidate[];
  readonly entries: Entry[];
  readonly accessArrangements: AccessArrangement[];
  readonly rooms: Room[];
}

/**
 * A candidate's access arrangements at realistic rates: extra time 15% (50% for 2%), a reader 1%, a word
 * processor 2%, rest breaks 1%. Draws two numbers from `rnd` whatever it returns.
 */
export function syntheticArrangements(id: string, rnd: () => number): AccessArrangement[] {
  const out: AccessArrangement[] = [];
  const r = rnd();
  if (r < 0.15) out.push({ id: `${id}-xt`, candidateId: id, kind: 'extra_time', extraTimePercent: r < 0.02 ? 50 : 25, approval: 'aao_approved', evidenceHeld: true });
  const a = rnd();
  if (a < 0.01) out.push({ id: `${id}-rd`, candidateId: id, kind: 'reader', approval: 'aao_approved', evidenceHeld: true });
  else if (a < 0.03) out.push({ id: `${id}-wp`, candidateId: id, kind: 'word_processor', approval: 'centre_delegated', evidenceHeld: true });
  else if (a < 0.04) out.push({ id: `${id}-rb`, candidateId: id, kind: 'rest_breaks', restBreakMinutesPerHour: 10, approval: 'centre_delegated', evidenceHeld: true });
  return out;
}

/**
 * A centre's rooms: two halls, a sports hall (its seat pitch given: 1 m in the exam-time bench), ten
 * classrooms, twelve small access-arrangements rooms and three word-processor rooms.
 */
export function syntheticRooms(sportsHallPitchMetres: number): Room[] {
  const room = (id: string, rows: number, columns: number, pitch: number, suitableFor: Room['suitableFor'] = []): Room => ({ id, name: id, rows, columns, seatPitchMetres: pitch, rowPitchMetres: pitch, disabledSeats: [], suitableFor });
  return [
    room('main-hall', 25, 16, 1.25),
    room('upper-hall', 20, 16, 1.25),
    { ...room('sports-hall', 24, 24, sportsHallPitchMetres), disabledSeats: ['A1', 'A24', 'X1', 'X24'] },
    ...Array.from({ length: 10 }, (_, i) => room(`classroom-${i + 1}`, 6, 5, 1.25)),
    ...Array.from({ length: 12 }, (_, i) => room(`aa-${i + 1}`, 2, 2, 1.5, ['reader', 'computer_reader', 'scribe', 'prompter', 'separate_invigilation', 'rest_breaks'])),
    ...Array.from({ length: 3 }, (_, i) => room(`wp-${i + 1}`, 4, 5, 1.25, ['word_processor', 'rest_breaks'])),
  ];
}

/**
 * A centre of `candidateCount` candidates: GCSE students on 9 subjects, A-level students on 3, with extra
 * time, rest breaks, readers and word processors at realistic rates; halls, classrooms and small rooms.
 */
export function syntheticCentre(candidateCount = 2_000, seed = 2026): SyntheticCentre {
  const rnd = seededRandom(seed);
  const days = seriesDays(30);
  const slots = days.length * 2;
  const blocks = 6;
  const perBlock = Math.floor(slots / blocks);
  const papers: TimetabledPaper[] = [];
  const subjects: { level: 'GCSE' | 'GCE'; block: number; papers: string[] }[] = [];
  const place = (slot: number, id: string, level: 'GCSE' | 'GCE', duration: number): void => {
    const date = days[slot >> 1]!;
    const session = slot & 1 ? 'PM' : 'AM';
    papers.push({ id, seriesId: 'june-2026', awardingBodyId: 'AQA', componentCode: id, title: `${level} ${id}`, level, kind: rnd() < 0.05 ? 'practical' : 'written', date, session, startTime: session === 'AM' ? '09:00' : '13:30', durationMinutes: duration });
  };
  for (let s = 0; s < 60; s++) {
    const level = s < 40 ? 'GCSE' : 'GCE';
    const block = s % blocks;
    const n = level === 'GCE' ? 3 : 2 + (s % 2);
    const offBlock = rnd() < 0.08;
    const ids: string[] = [];
    const used = new Set<number>();
    for (let k = 0; k < n; k++) {
      let slot: number;
      do slot = offBlock ? Math.floor(rnd() * slots) : block * perBlock + Math.floor(rnd() * perBlock);
      while (used.has(slot));
      used.add(slot);
      const id = `S${String(s).padStart(2, '0')}-${k + 1}`;
      place(slot, id, level, level === 'GCE' ? 120 + 30 * Math.floor(rnd() * 2) : 60 + 15 * Math.floor(rnd() * 6));
      ids.push(id);
    }
    subjects.push({ level, block, papers: ids });
  }
  const gcse = subjects.filter((s) => s.level === 'GCSE');
  const gce = subjects.filter((s) => s.level === 'GCE');
  const candidates: Candidate[] = [];
  const entries: Entry[] = [];
  const accessArrangements: AccessArrangement[] = [];
  for (let i = 0; i < candidateCount; i++) {
    const id = `c${i}`;
    const candidateNumber = String(i + 1).padStart(4, '0');
    candidates.push({ id, centreNumber: '68199', candidateNumber, legalSurname: `Surname${i}`, legalForenames: 'Sam', dateOfBirth: '2009-01-01', kind: 'internal', contingencyDayNoticeGiven: rnd() < 0.97 });
    const pool = i % 10 < 7 ? gcse : gce;
    const take = pool === gcse ? 9 : 3;
    const chosen = new Set<number>();
    while (chosen.size < take) chosen.add(Math.floor(rnd() * pool.length));
    for (const k of chosen) {
      const subject = pool[k]!;
      entries.push({ id: `${id}-e${k}`, candidateId: id, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: `E${k}`, componentCodes: subject.papers, status: 'accepted', identityVerified: true });
    }
    accessArrangements.push(...syntheticArrangements(id, rnd));
  }
  return { papers, candidates, entries, accessArrangements, rooms: syntheticRooms(1) };
}

/** A national series in columns, plus what the seating benchmark needs. */
export interface SyntheticNational {
  readonly sittings: CompactSittings;
  /** Per paper: its date and session. */
  readonly paperDate: readonly string[];
  /** Candidates per centre (consecutive candidate numbers). */
  readonly centreSize: number;
}

/**
 * A national series: `candidateCount` candidates, `perCandidate` sittings each (6,000,000 by default), over
 * 60 sessions, 400 subjects of two papers in five option blocks (5% off-block), GCSE and GCE durations,
 * and extra time and rest breaks at national rates. Typed arrays only: about 50 MB.
 */
export function syntheticNational(candidateCount = 600_000, perCandidate = 10, seed = 1_234): SyntheticNational {
  const rnd = seededRandom(seed);
  const days = seriesDays(30);
  const slots = days.length * 2;
  const blocks = perCandidate / 2;
  const perBlock = Math.floor(slots / blocks);
  const subjectsPerBlock = 80;
  const paperCount = blocks * subjectsPerBlock * 2;
  const paperSlot = new Int32Array(paperCount);
  const paperMinutes = new Int32Array(paperCount);
  const paperDayLimit = new Int32Array(paperCount);
  for (let s = 0; s < blocks * subjectsPerBlock; s++) {
    const block = Math.floor(s / subjectsPerBlock);
    const gce = s % 2 === 1;
    const offBlock = rnd() < 0.05;
    const a = offBlock ? Math.floor(rnd() * slots) : block * perBlock + Math.floor(rnd() * perBlock);
    let b: number;
    do b = offBlock ? Math.floor(rnd() * slots) : block * perBlock + Math.floor(rnd() * perBlock);
    while (b === a);
    for (const [k, slot] of [a, b].entries()) {
      const p = s * 2 + k;
      paperSlot[p] = slot;
      paperMinutes[p] = gce ? 120 + 30 * Math.floor(rnd() * 2) : 60 + 15 * Math.floor(rnd() * 6);
      paperDayLimit[p] = gce ? 360 : 330;
    }
  }
  const n = candidateCount * perCandidate;
  const sittingCandidate = new Int32Array(n);
  const sittingPaper = new Int32Array(n);
  const extra = new Uint8Array(candidateCount);
  const rest = new Uint8Array(candidateCount);
  let i = 0;
  for (let c = 0; c < candidateCount; c++) {
    for (let block = 0; block < blocks; block++) {
      // Popular subjects are chosen more often (a squared uniform skews towards the first).
      const s = block * subjectsPerBlock + Math.floor(rnd() * rnd() * subjectsPerBlock);
      sittingCandidate[i] = c;
      sittingPaper[i++] = s * 2;
      sittingCandidate[i] = c;
      sittingPaper[i++] = s * 2 + 1;
    }
    const r = rnd();
    extra[c] = r < 0.03 ? 50 : r < 0.2 ? 25 : 0;
    rest[c] = rnd() < 0.02 ? 10 : 0;
  }
  // Shuffle the sittings: a national file is not sorted by candidate.
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    const c = sittingCandidate[k]!;
    sittingCandidate[k] = sittingCandidate[j]!;
    sittingCandidate[j] = c;
    const p = sittingPaper[k]!;
    sittingPaper[k] = sittingPaper[j]!;
    sittingPaper[j] = p;
  }
  const paperDate = Array.from({ length: paperCount }, (_, p) => days[paperSlot[p]! >> 1]!);
  return {
    sittings: { candidateCount, sittingCandidate, sittingPaper, paperSlot, paperMinutes, paperDayLimit, candidateExtraTimePercent: extra, candidateRestBreakMinutesPerHour: rest },
    paperDate,
    centreSize: 2_000,
  };
}
