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
import type { CandidateSitting, SittingVariation } from './centreTimetable.js';
import { checkArray, checkNumber, checkObject, checkRatios, count, EXAM_TIME_LIMITS, PITCH_RULE, positiveCount, ruleNumber, sourcedValue, SPACING_RULE } from './examTimeLimits.js';
import { roomLayout, type RoomLayout } from './roomLayout.js';

/**
 * The ratio class a candidate counts in for invigilation.
 *
 * @example
 * ```ts
 * declare const seat: SeatAssignment;
 * const kind: RatioKind = seat.ratioKind; // 'written', 'practical' or 'on_screen'
 * jcq.examRoomRules('2025/26').invigilationRatio.value[kind];
 * ```
 */
export type RatioKind = 'written' | 'practical' | 'on_screen';

/**
 * One seated candidate.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan;
 * const seat: SeatAssignment | undefined = plan.rooms[0]?.seats[0];
 * seat && `${seat.seat}: ${seat.candidateNumber} (${seat.paperIds.join(', ')})`;
 * ```
 */
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

/**
 * A paper sat in this session other than as published ({@link SittingVariation}), for the seating plan.
 *
 * @example
 * ```ts
 * declare const seat: SeatAssignment;
 * const moved: readonly SeatVariation[] = seat.variations ?? [];
 * moved.map((v) => `${v.paperId} (${v.kind}): ${v.conditions.join('; ')}`);
 * ```
 */
export interface SeatVariation {
  readonly paperId: string;
  readonly kind: SittingVariation['kind'];
  /** The paper's published slot. */
  readonly published: SittingVariation['published'];
  readonly conditions: readonly string[];
}

/**
 * One room of a seating plan.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan;
 * const hall: RoomPlan | undefined = plan.rooms.find((r) => r.use === 'main');
 * hall && `${hall.roomName}: ${hall.seats.length} of ${hall.usableSeats} seats`;
 * ```
 */
export interface RoomPlan {
  readonly roomId: string;
  readonly roomName: string;
  /** `main`: candidates by paper; `access_arrangements`: candidates needing a separate room. */
  readonly use: 'main' | 'access_arrangements';
  readonly paperIds: readonly string[];
  readonly seats: readonly SeatAssignment[];
  readonly usableSeats: number;
}

/**
 * A candidate who could not be seated, and why.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan;
 * const missing: readonly UnseatedCandidate[] = plan.unseated;
 * missing.map((u) => `${u.candidateNumber}: ${u.reason}`);
 * ```
 */
export interface UnseatedCandidate {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly paperIds: readonly string[];
  readonly arrangementKinds: readonly AccessArrangementKind[];
  readonly reason: string;
}

/**
 * A seating plan for one session.
 *
 * @example
 * ```ts
 * declare const session: TimetableSession, rooms: Room[];
 * const plan: SeatingPlan = planSeating({ session, rooms }, { rules: jcq.examRoomRules('2025/26') });
 * plan.explanation.join('\n');
 * ```
 */
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

/**
 * What a seating plan is made from.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable, rooms: Room[];
 * const input: PlanSeatingInput = { session: timetable.sessions[0]!, rooms };
 * planSeating(input, { rules: jcq.examRoomRules('2025/26') });
 * ```
 */
export interface PlanSeatingInput {
  /** The session: its date, morning or afternoon, and every sitting in it (a {@link TimetableSession}). */
  readonly session: { readonly date: CalendarDate; readonly session: Session; readonly sittings: readonly CandidateSitting[] };
  /** The rooms available in the session. */
  readonly rooms: readonly Room[];
}

/**
 * Options for {@link planSeating}.
 *
 * @example
 * ```ts
 * declare const input: PlanSeatingInput;
 * const options: PlanSeatingOptions = { rules: jcq.examRoomRules('2025/26'), soleOccupantArrangements: ['reader', 'scribe'], gapSeats: 2 };
 * planSeating(input, options);
 * ```
 */
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
  /**
   * Room layouts already worked out with {@link roomLayout} at the rules' spacing. When absent they are worked out,
   * once per room object: {@link roomLayout} keeps each room's, so a plan for every session of a series lays each
   * room out once.
   */
  readonly layouts?: readonly RoomLayout[];
}

interface SessionCandidate {
  readonly candidateId: string;
  readonly candidateNumber: string;
  /** Shared by every candidate sitting only that paper; a second paper makes a new array, never a push. */
  paperIds: readonly string[];
  /** Created with the first paper sat other than as published. */
  variations: SeatVariation[] | undefined;
  readonly arrangementKinds: readonly AccessArrangementKind[];
  /** The arrangements among them that need a separate room. */
  readonly needs: readonly AccessArrangementKind[];
  /** Whether one of them needs a room alone. */
  readonly sole: boolean;
  ratioKind: RatioKind;
}

const NONE: readonly AccessArrangementKind[] = [];

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sitting order: published start, paper id, candidate number, candidate id. */
function bySittingOrder(a: CandidateSitting, b: CandidateSitting): number {
  if (a.startTime !== b.startTime) return a.startTime < b.startTime ? -1 : 1;
  if (a.paperId !== b.paperId) return a.paperId < b.paperId ? -1 : 1;
  return byCandidate(a, b);
}

/** Candidate number, then candidate id. */
function byCandidate(a: { readonly candidateNumber: string; readonly candidateId: string }, b: { readonly candidateNumber: string; readonly candidateId: string }): number {
  if (a.candidateNumber !== b.candidateNumber) return a.candidateNumber < b.candidateNumber ? -1 : 1;
  return cmp(a.candidateId, b.candidateId);
}

/** `xs` in `order`, sorted only when it is not already (a timetable session's sittings are). */
function sorted<T>(xs: readonly T[], order: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < xs.length; i++) if (order(xs[i - 1]!, xs[i]!) > 0) return [...xs].sort(order);
  return xs;
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
 * declare const timetable: CentreTimetable, rooms: Room[];
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

  // Candidates, each with their papers in sitting order (published start, then paper id). Main candidates are
  // grouped by their first paper as they are met, which is candidate-number order within the paper.
  const sittings = sorted(input.session.sittings, bySittingOrder);
  const byId = new Map<string, SessionCandidate>();
  const groups = new Map<string, SessionCandidate[]>();
  const apart: SessionCandidate[] = [];
  const papers = new Set<string>();
  const only = new Map<string, readonly string[]>();
  let lastPaper: string | undefined;
  for (const s of sittings) {
    if (s.paperId !== lastPaper) papers.add((lastPaper = s.paperId));
    let c = byId.get(s.candidateId);
    let added = true;
    if (!c) {
      const kinds = s.arrangementKinds;
      const needs = kinds.length === 0 ? NONE : kinds.filter((k) => separate.has(k));
      let paperIds = only.get(s.paperId);
      if (!paperIds) only.set(s.paperId, (paperIds = [s.paperId]));
      c = { candidateId: s.candidateId, candidateNumber: s.candidateNumber, paperIds, variations: undefined, arrangementKinds: kinds, needs, sole: needs.length > 0 && kinds.some((k) => sole.has(k)), ratioKind: 'written' };
      byId.set(s.candidateId, c);
      if (needs.length > 0) apart.push(c);
      else {
        const g = groups.get(s.paperId);
        if (g) g.push(c);
        else groups.set(s.paperId, [c]);
      }
    } else if (!c.paperIds.includes(s.paperId)) c.paperIds = [...c.paperIds, s.paperId];
    else added = false;
    if (added && s.variation) (c.variations ??= []).push({ paperId: s.paperId, kind: s.variation.kind, published: s.variation.published, conditions: s.variation.conditions });
    const rk: RatioKind = s.kind === 'practical' ? 'practical' : s.kind === 'on_screen' ? 'on_screen' : 'written';
    if (ratios[rk] < ratios[c.ratioKind]) c.ratioKind = rk;
  }
  // A paper's sittings can be split by a start moved within the session: keep each group in candidate order.
  for (const [paperId, g] of groups) groups.set(paperId, sorted(g, byCandidate) as SessionCandidate[]);

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
    return c.variations
      ? { seat: s.code, row: s.row, column: s.column, candidateId: c.candidateId, candidateNumber: c.candidateNumber, paperIds: c.paperIds, ratioKind: c.ratioKind, arrangementKinds: c.arrangementKinds, variations: c.variations }
      : { seat: s.code, row: s.row, column: s.column, candidateId: c.candidateId, candidateNumber: c.candidateNumber, paperIds: c.paperIds, ratioKind: c.ratioKind, arrangementKinds: c.arrangementKinds };
  };
  const unseated: UnseatedCandidate[] = [];
  const unseat = (c: SessionCandidate, reason: string): void => {
    unseated.push({ candidateId: c.candidateId, candidateNumber: c.candidateNumber, paperIds: c.paperIds, arrangementKinds: c.arrangementKinds, reason });
  };

  // 1. Candidates needing a separate room, sole occupants first, in suitable rooms (smallest first).
  apart.sort((a, b) => Number(b.sole) - Number(a.sole) || byCandidate(a, b));
  const aaOrder = rooms.filter((r) => layoutOf.get(r.id)!.seats.length > 0).sort((a, b) => layoutOf.get(a.id)!.seats.length - layoutOf.get(b.id)!.seats.length || cmp(a.id, b.id));
  interface OpenRoom {
    room: Room;
    layout: RoomLayout;
    seats: SeatAssignment[];
    sole: boolean;
    /** Main rooms: the papers seated, in seating order. */
    paperIds: string[];
  }
  const aaRooms = new Map<string, OpenRoom>();
  for (const c of apart) {
    const needs = c.needs;
    const suits = (r: Room) => needs.every((k) => r.suitableFor.includes(k));
    const soleC = c.sole;
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
        target = { room: free, layout: layoutOf.get(free.id)!, seats: [], sole: soleC, paperIds: [] };
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
  const main: OpenRoom[] = mainRooms.map((room) => ({ room, layout: layoutOf.get(room.id)!, seats: [], sole: false, paperIds: [] }));
  let ri = 0;
  let si = 0;
  let lastPaperInRoom: string | undefined;
  for (const paperId of papers) {
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
      for (const p of c.paperIds) if (!open.paperIds.includes(p)) open.paperIds.push(p);
    }
  }

  const toPlan = (o: OpenRoom, use: RoomPlan['use']): RoomPlan => ({
    roomId: o.room.id,
    roomName: o.room.name,
    use,
    paperIds: use === 'main' ? o.paperIds : [...new Set(o.seats.flatMap((s) => s.paperIds))],
    seats: o.seats,
    usableSeats: o.layout.seats.length,
  });
  const planRooms = [
    ...aaOrder.filter((r) => aaRooms.has(r.id)).map((r) => toPlan(aaRooms.get(r.id)!, 'access_arrangements')),
    ...main.filter((o) => o.seats.length > 0).map((o) => toPlan(o, 'main')),
  ];
  unseated.sort(byCandidate);
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
 * declare const plan: SeatingPlan;
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
