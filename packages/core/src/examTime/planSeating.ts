/**
 * Seating plans for one session. Candidates whose access arrangements need a room apart from the main
 * hall (reader, scribe, prompter, rest breaks, word processor, separate invigilation: the list comes from
 * the rules pack) are placed first, in rooms suited to every arrangement they have; a reader, scribe or
 * separately invigilated candidate has the room alone. Everyone else is seated by paper (published start,
 * then paper id), by candidate number within each paper, with an empty seat between papers, filling the
 * largest rooms first. A candidate sitting two papers in the session (a consecutive clash resolution) has
 * one seat. The same input always gives the same plan, and a candidate who cannot be seated is listed
 * with the reason. The signed plan is a centre record with a retention rule ({@link seatingPlanRecord}).
 */
import type { AccessArrangementKind } from '../domain/accessArrangement.js';
import type { Room } from '../domain/room.js';
import type { Session } from '../domain/paper.js';
import type { ExamRoomRules, RetainedRecord } from '../rules/RulesPack.js';
import type { CalendarDate, Instant } from '../time/clock.js';
import type { CandidateSitting, PaperKind, SittingVariation } from './centreTimetable.js';
import { checkArray, checkNumber, checkObject, checkRatios, count, EXAM_TIME_LIMITS, PITCH_RULE, positiveCount, ruleNumber, sourcedValue, SPACING_RULE } from './examTimeLimits.js';
import { roomLayout, type RoomLayout } from './roomLayout.js';

/** The ratio class a candidate counts in for invigilation. */
export type RatioKind = 'written' | 'practical' | 'on_screen';

/** One seated candidate. */
export interface SeatAssignment {
  readonly seat: string;
  readonly row: number;
  readonly column: number;
  readonly candidateId: string;
  readonly candidateNumber: string;
  /** The papers the candidate sits in this session, in sitting order. */
  readonly paperIds: readonly string[];
  /** The ratio class the candidate counts in (the most demanding of their papers). */
  readonly ratioKind: RatioKind;
  /** Access arrangements, shown on the plan. */
  readonly arrangementKinds: readonly AccessArrangementKind[];
  /**
   * Papers the candidate sits here other than as published, after an applied clash resolution (moved from
   * another session, or sat consecutively): shown on the plan with the conditions to keep. Absent when none.
   */
  readonly variations?: readonly SeatVariation[];
}

/** A paper sat in this session other than as published ({@link SittingVariation}), for the seating plan. */
export interface SeatVariation {
  readonly paperId: string;
  readonly kind: SittingVariation['kind'];
  /** The paper's published slot. */
  readonly published: SittingVariation['published'];
  readonly conditions: readonly string[];
}

/** One room of a seating plan. */
export interface RoomPlan {
  readonly roomId: string;
  readonly roomName: string;
  /** `main`: candidates by paper; `access_arrangements`: candidates needing a separate room. */
  readonly use: 'main' | 'access_arrangements';
  readonly paperIds: readonly string[];
  readonly seats: readonly SeatAssignment[];
  readonly usableSeats: number;
}

/** A candidate who could not be seated, and why. */
export interface UnseatedCandidate {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly paperIds: readonly string[];
  readonly arrangementKinds: readonly AccessArrangementKind[];
  readonly reason: string;
}

/** A seating plan for one session. */
export interface SeatingPlan {
  /** `YYYY-MM-DD.AM` or `YYYY-MM-DD.PM`. */
  readonly id: string;
  readonly date: CalendarDate;
  readonly session: Session;
  readonly spacingMetres: number;
  /** Rooms in use: access-arrangement rooms first, then main rooms in filling order. */
  readonly rooms: readonly RoomPlan[];
  readonly unseated: readonly UnseatedCandidate[];
  /** How the rooms' seats were worked out, in words. */
  readonly explanation: readonly string[];
}

/** What a seating plan is made from. */
export interface PlanSeatingInput {
  /** The session: its date, morning or afternoon, and every sitting in it (a {@link TimetableSession}). */
  readonly session: { readonly date: CalendarDate; readonly session: Session; readonly sittings: readonly CandidateSitting[] };
  /** The rooms available in the session. */
  readonly rooms: readonly Room[];
}

/** Options for {@link planSeating}. */
export interface PlanSeatingOptions {
  /** The exam-room rules in force (spacing, separate-room arrangements, ratios). */
  readonly rules: ExamRoomRules;
  /**
   * Arrangements that need a room to the candidate alone (a centre policy, not a JCQ value).
   * @default ['reader', 'scribe', 'separate_invigilation']
   */
  readonly soleOccupantArrangements?: readonly AccessArrangementKind[];
  /**
   * Empty seats left between two papers' groups in a room.
   * @default 1
   */
  readonly gapSeats?: number;
  /** Room layouts already worked out with {@link roomLayout} at the rules' spacing (computed when absent). */
  readonly layouts?: readonly RoomLayout[];
}

interface SessionCandidate {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly paperIds: string[];
  readonly variations: SeatVariation[];
  readonly kinds: Set<PaperKind>;
  readonly arrangementKinds: readonly AccessArrangementKind[];
  ratioKind: RatioKind;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Plans the seating of one session.
 *
 * @param input - the session's sittings and the rooms available
 * @param options - the rules, and centre choices
 * @throws ExamcycleError `invalid_value` naming the field for a number out of range (a room's rows or pitch, the
 *   rules' spacing or ratios, `gapSeats`; see {@link roomLayout} and {@link EXAM_TIME_LIMITS})
 * @example
 * ```ts
 * const rules = jcq.examRoomRules('2025/26');
 * const plan = planSeating({ session: timetable.sessions[0]!, rooms }, { rules });
 * plan.unseated.map((u) => `${u.candidateNumber}: ${u.reason}`);
 * ```
 */
export function planSeating(input: PlanSeatingInput, options: PlanSeatingOptions): SeatingPlan {
  checkObject(input, 'input');
  checkObject(options, 'options');
  const { rules, soleOccupantArrangements = ['reader', 'scribe', 'separate_invigilation'], gapSeats: gapGiven = 1 } = options;
  const spacing = ruleNumber(rules, 'seatSpacingMetres', SPACING_RULE);
  const ratios = checkRatios(sourcedValue(rules, 'invigilationRatio'), 'rules.invigilationRatio');
  const gapSeats = checkNumber(gapGiven, 'gapSeats', count(EXAM_TIME_LIMITS.maxGridSeats));
  checkArray(input.rooms, 'rooms');
  checkObject(input.session, 'session');
  checkArray(input.session.sittings, 'session.sittings');
  const separateKinds = sourcedValue(rules, 'separateRoomArrangements');
  checkArray(separateKinds, 'rules.separateRoomArrangements');
  let gridSeats = 0;
  input.rooms.forEach((room, i) => {
    checkObject(room, `rooms[${i}]`);
    const seats = checkNumber(room.rows, `rooms[${i}].rows`, positiveCount(EXAM_TIME_LIMITS.maxRowsOrColumns)) * checkNumber(room.columns, `rooms[${i}].columns`, positiveCount(EXAM_TIME_LIMITS.maxRowsOrColumns));
    if (seats > EXAM_TIME_LIMITS.maxGridSeats) checkNumber(seats, `rooms[${i}].rows × rooms[${i}].columns`, positiveCount(EXAM_TIME_LIMITS.maxGridSeats));
    checkNumber(room.seatPitchMetres, `rooms[${i}].seatPitchMetres`, PITCH_RULE);
    checkNumber(room.rowPitchMetres, `rooms[${i}].rowPitchMetres`, PITCH_RULE);
    if (room.capacity !== undefined) checkNumber(room.capacity, `rooms[${i}].capacity`, positiveCount(Number.MAX_SAFE_INTEGER));
    gridSeats += seats;
  });
  if (gridSeats > EXAM_TIME_LIMITS.maxSessionGridSeats) checkNumber(gridSeats, 'rooms (seats in every grid)', count(EXAM_TIME_LIMITS.maxSessionGridSeats));
  const separate = new Set<AccessArrangementKind>(separateKinds as readonly AccessArrangementKind[]);
  const sole = new Set(soleOccupantArrangements);
  const { date, session } = input.session;

  // Candidates, each with their papers in sitting order (published start, then paper id).
  const sittings = [...input.session.sittings].sort((a, b) => cmp(a.startTime, b.startTime) || cmp(a.paperId, b.paperId) || cmp(a.candidateNumber, b.candidateNumber) || cmp(a.candidateId, b.candidateId));
  const byCandidate = new Map<string, SessionCandidate>();
  for (const s of sittings) {
    let c = byCandidate.get(s.candidateId);
    if (!c) {
      c = { candidateId: s.candidateId, candidateNumber: s.candidateNumber, paperIds: [], variations: [], kinds: new Set(), arrangementKinds: s.arrangementKinds, ratioKind: 'written' };
      byCandidate.set(s.candidateId, c);
    }
    if (!c.paperIds.includes(s.paperId)) {
      c.paperIds.push(s.paperId);
      if (s.variation) c.variations.push({ paperId: s.paperId, kind: s.variation.kind, published: s.variation.published, conditions: s.variation.conditions });
    }
    c.kinds.add(s.kind);
  }
  for (const c of byCandidate.values()) {
    let best: RatioKind = 'written';
    for (const k of c.kinds) {
      const rk: RatioKind = k === 'practical' ? 'practical' : k === 'on_screen' ? 'on_screen' : 'written';
      if (ratios[rk] < ratios[best]) best = rk;
    }
    c.ratioKind = best;
  }
  const candidates = [...byCandidate.values()].sort((a, b) => cmp(a.candidateNumber, b.candidateNumber) || cmp(a.candidateId, b.candidateId));

  const layoutOf = new Map<string, RoomLayout>();
  for (const l of options.layouts ?? []) if (l.spacingMetres === spacing) layoutOf.set(l.roomId, l);
  const rooms = [...input.rooms].sort((a, b) => cmp(a.id, b.id));
  const explanation: string[] = [];
  for (const room of rooms) {
    let l = layoutOf.get(room.id);
    if (!l) {
      l = roomLayout(room, spacing);
      layoutOf.set(room.id, l);
    }
    explanation.push(
      `${room.name}: ${l.seats.length} usable seats of ${l.gridSeats}` +
        (l.disabledSeats ? `, ${l.disabledSeats} switched off` : '') +
        (l.skippedForSpacing ? `, ${l.skippedForSpacing} left empty for ${spacing} m spacing` : '') +
        (l.cappedByCapacity ? `, ${l.cappedByCapacity} over the capacity of ${room.capacity}` : ''),
      ...l.issues,
    );
  }

  const seat = (c: SessionCandidate, l: RoomLayout, i: number): SeatAssignment => {
    const s = l.seats[i]!;
    return { seat: s.code, row: s.row, column: s.column, candidateId: c.candidateId, candidateNumber: c.candidateNumber, paperIds: c.paperIds, ratioKind: c.ratioKind, arrangementKinds: c.arrangementKinds, ...(c.variations.length ? { variations: c.variations } : {}) };
  };
  const unseated: UnseatedCandidate[] = [];
  const unseat = (c: SessionCandidate, reason: string): void => {
    unseated.push({ candidateId: c.candidateId, candidateNumber: c.candidateNumber, paperIds: c.paperIds, arrangementKinds: c.arrangementKinds, reason });
  };

  // 1. Candidates needing a separate room, sole occupants first, in suitable rooms (smallest first).
  const needsOf = (c: SessionCandidate) => c.arrangementKinds.filter((k) => separate.has(k));
  const apart = candidates.filter((c) => needsOf(c).length > 0);
  const isSole = (c: SessionCandidate) => c.arrangementKinds.some((k) => sole.has(k));
  apart.sort((a, b) => Number(isSole(b)) - Number(isSole(a)));
  const aaOrder = rooms.filter((r) => layoutOf.get(r.id)!.seats.length > 0).sort((a, b) => layoutOf.get(a.id)!.seats.length - layoutOf.get(b.id)!.seats.length || cmp(a.id, b.id));
  interface OpenRoom {
    room: Room;
    layout: RoomLayout;
    seats: SeatAssignment[];
    sole: boolean;
  }
  const aaRooms = new Map<string, OpenRoom>();
  for (const c of apart) {
    const needs = needsOf(c);
    const suits = (r: Room) => needs.every((k) => r.suitableFor.includes(k));
    const soleC = isSole(c);
    let target: OpenRoom | undefined;
    if (!soleC) {
      for (const r of aaOrder) {
        const open = aaRooms.get(r.id);
        if (open && !open.sole && suits(r) && open.seats.length < open.layout.seats.length) {
          target = open;
          break;
        }
      }
    }
    if (!target) {
      const free = aaOrder.find((r) => !aaRooms.has(r.id) && suits(r));
      if (free) {
        target = { room: free, layout: layoutOf.get(free.id)!, seats: [], sole: soleC };
        aaRooms.set(free.id, target);
      }
    }
    if (!target) {
      const anySuitable = rooms.some(suits);
      unseat(
        c,
        anySuitable
          ? `Every room suitable for ${needs.join(' + ')} is already in use in this session${soleC ? ` (the candidate needs a room alone for ${c.arrangementKinds.filter((k) => sole.has(k)).join(' + ')})` : ''}`
          : `No room is suitable for ${needs.join(' + ')}: mark a room suitable, or add one`,
      );
      continue;
    }
    target.seats.push(seat(c, target.layout, target.seats.length));
  }

  // 2. Everyone else by paper, by candidate number, an empty seat between papers, largest rooms first.
  const mainRooms = rooms
    .filter((r) => !aaRooms.has(r.id) && layoutOf.get(r.id)!.seats.length > 0)
    .sort((a, b) => layoutOf.get(b.id)!.seats.length - layoutOf.get(a.id)!.seats.length || cmp(a.id, b.id));
  const groups = new Map<string, SessionCandidate[]>();
  for (const c of candidates) {
    if (needsOf(c).length > 0) continue;
    const first = c.paperIds[0]!;
    const g = groups.get(first);
    if (g) g.push(c);
    else groups.set(first, [c]);
  }
  const paperOrder = [...new Set(sittings.map((s) => s.paperId))];
  const main: OpenRoom[] = mainRooms.map((room) => ({ room, layout: layoutOf.get(room.id)!, seats: [], sole: false }));
  const papersIn = new Map<string, string[]>();
  let ri = 0;
  let si = 0;
  let lastPaperInRoom: string | undefined;
  for (const paperId of paperOrder) {
    const group = groups.get(paperId);
    if (!group) continue;
    for (const c of group) {
      while (ri < main.length) {
        const open = main[ri]!;
        if (lastPaperInRoom !== undefined && lastPaperInRoom !== paperId) {
          si += gapSeats;
          lastPaperInRoom = paperId;
        }
        if (si < open.layout.seats.length) break;
        ri++;
        si = 0;
        lastPaperInRoom = undefined;
      }
      const open = main[ri];
      if (!open) {
        const usable = mainRooms.reduce((t, r) => t + layoutOf.get(r.id)!.seats.length, 0);
        unseat(c, mainRooms.length === 0 ? 'No room with a usable seat is left for the main papers in this session' : `No usable seat left: the ${mainRooms.length} main room(s) have ${usable} usable seats at ${spacing} m spacing, with a gap between papers`);
        continue;
      }
      open.seats.push(seat(c, open.layout, si));
      si++;
      lastPaperInRoom = paperId;
      const list = papersIn.get(open.room.id) ?? [];
      for (const p of c.paperIds) if (!list.includes(p)) list.push(p);
      papersIn.set(open.room.id, list);
    }
  }

  const toPlan = (o: OpenRoom, use: RoomPlan['use']): RoomPlan => ({
    roomId: o.room.id,
    roomName: o.room.name,
    use,
    paperIds: use === 'main' ? (papersIn.get(o.room.id) ?? []) : [...new Set(o.seats.flatMap((s) => s.paperIds))],
    seats: o.seats,
    usableSeats: o.layout.seats.length,
  });
  const planRooms = [
    ...aaOrder.filter((r) => aaRooms.has(r.id)).map((r) => toPlan(aaRooms.get(r.id)!, 'access_arrangements')),
    ...main.filter((o) => o.seats.length > 0).map((o) => toPlan(o, 'main')),
  ];
  unseated.sort((a, b) => cmp(a.candidateNumber, b.candidateNumber) || cmp(a.candidateId, b.candidateId));
  return { id: `${date}.${session}`, date, session, spacingMetres: spacing, rooms: planRooms, unseated, explanation };
}

/**
 * The seating plan as a centre record whose retention the rules pack decides (kept with the attendance
 * register of the sitting).
 *
 * @param plan - the seating plan used
 * @param record - when it was made, and its series
 * @example
 * ```ts
 * jcq.retention(seatingPlanRecord(plan, { createdAt: '2026-06-01T08:30:00+01:00', seriesId: 'june-2026' }));
 * ```
 */
export function seatingPlanRecord(plan: Pick<SeatingPlan, 'id'>, record: { readonly createdAt: Instant; readonly seriesId?: string }): RetainedRecord {
  return {
    id: `seating-plan.${plan.id}`,
    kind: 'seating_plan',
    subject: plan.id,
    createdAt: record.createdAt,
    ...(record.seriesId !== undefined ? { seriesId: record.seriesId } : {}),
  };
}
