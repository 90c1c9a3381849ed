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
import { checkArray, checkNumber, checkObject, checkRatios, count, EXAM_TIME_LIMITS, fitsRule, PITCH_RULE, positiveCount, ruleNumber, sittingPaper, sourcedValue, SPACING_RULE } from './examTimeLimits.js';
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

/**
 * A session's candidate, made in the shape of their {@link SeatAssignment} (`seat`, `row` and `column` are filled
 * in when a seat is found), so a seated candidate costs one object; `variations` is added last, and only when the
 * candidate has some, as the assignment has it.
 */
interface SeatDraft {
  seat: string;
  row: number;
  column: number;
  readonly candidateId: string;
  readonly candidateNumber: string;
  /** Shared by every candidate sitting only that paper; a second paper makes a new array, never a push. */
  paperIds: readonly string[];
  ratioKind: RatioKind;
  readonly arrangementKinds: readonly AccessArrangementKind[];
  /** Created with the first paper sat other than as published. */
  variations?: SeatVariation[];
}

/** A candidate whose arrangements need a room apart from the main rooms. */
interface ApartCandidate {
  readonly draft: SeatDraft;
  /** The arrangements that need a separate room. */
  readonly needs: readonly AccessArrangementKind[];
  /** Whether one of the candidate's arrangements needs a room alone. */
  readonly sole: boolean;
}

/** The session's candidates: those needing a separate room, and the others in the order they are seated. */
interface SessionCandidates {
  readonly apart: ApartCandidate[];
  /**
   * Main candidates grouped by their first paper (papers in sitting order), each group by candidate number then id:
   * the order {@link seatMain} seats them in.
   */
  readonly main: SeatDraft[];
}

/** A paper of a session while its candidates are gathered: its place in sitting order, and its one-paper list. */
interface SessionPaper {
  readonly index: number;
  /** Shared by every candidate sitting only this paper in the session. */
  readonly only: readonly string[];
}

/** A room in use while the plan is made. */
interface OpenRoom {
  readonly room: Room;
  readonly layout: RoomLayout;
  /** Access-arrangement rooms: grown seat by seat; main rooms: set once, when the room is full or the last is seated. */
  seats: SeatAssignment[];
  readonly sole: boolean;
  /** Main rooms: the papers seated, in seating order. */
  readonly paperIds: string[];
}

const NONE: readonly AccessArrangementKind[] = [];
const DEFAULT_SOLE: readonly AccessArrangementKind[] = ['reader', 'scribe', 'separate_invigilation'];

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

const ROWS_RULE = positiveCount(EXAM_TIME_LIMITS.maxRowsOrColumns);
const GRID_RULE = positiveCount(EXAM_TIME_LIMITS.maxGridSeats);
const CAPACITY_RULE = positiveCount(Number.MAX_SAFE_INTEGER);
const SESSION_GRID_RULE = count(EXAM_TIME_LIMITS.maxSessionGridSeats);

/** Checks the rooms' numbers (the field is named only when one is wrong). */
function checkRooms(rooms: readonly Room[]): void {
  let gridSeats = 0;
  for (let i = 0; i < rooms.length; i++) {
    const room = rooms[i]!;
    checkObject(room, `rooms[${i}]`);
    const rows = fitsRule(room.rows, ROWS_RULE) ? room.rows : checkNumber(room.rows, `rooms[${i}].rows`, ROWS_RULE);
    const columns = fitsRule(room.columns, ROWS_RULE) ? room.columns : checkNumber(room.columns, `rooms[${i}].columns`, ROWS_RULE);
    const seats = rows * columns;
    if (seats > EXAM_TIME_LIMITS.maxGridSeats) checkNumber(seats, `rooms[${i}].rows × rooms[${i}].columns`, GRID_RULE);
    if (!fitsRule(room.seatPitchMetres, PITCH_RULE)) checkNumber(room.seatPitchMetres, `rooms[${i}].seatPitchMetres`, PITCH_RULE);
    if (!fitsRule(room.rowPitchMetres, PITCH_RULE)) checkNumber(room.rowPitchMetres, `rooms[${i}].rowPitchMetres`, PITCH_RULE);
    if (room.capacity !== undefined && !fitsRule(room.capacity, CAPACITY_RULE)) checkNumber(room.capacity, `rooms[${i}].capacity`, CAPACITY_RULE);
    gridSeats += seats;
  }
  if (gridSeats > EXAM_TIME_LIMITS.maxSessionGridSeats) checkNumber(gridSeats, 'rooms (seats in every grid)', SESSION_GRID_RULE);
}

/** A room's lines of a plan's explanation, with what they were made from. */
interface RoomExplanation {
  readonly name: string;
  readonly capacity: number | undefined;
  readonly spacing: number;
  readonly layout: Pick<RoomLayout, 'gridSeats' | 'disabledSeats' | 'skippedForSpacing' | 'cappedByCapacity' | 'issues'> & { readonly usable: number; readonly issueCount: number };
  readonly lines: readonly string[];
}

/** A room's lines of the explanation, kept per layout (a room is laid out once for every session of a series). */
const explained = new WeakMap<RoomLayout, RoomExplanation>();

function roomExplanation(room: Room, l: RoomLayout, spacing: number): readonly string[] {
  const kept = explained.get(l);
  // What the lines are made of is compared, not trusted: a layout in `options.layouts` is the caller's object.
  const k = kept?.layout;
  if (
    kept &&
    k &&
    kept.name === room.name &&
    kept.capacity === room.capacity &&
    kept.spacing === spacing &&
    k.usable === l.seats.length &&
    k.gridSeats === l.gridSeats &&
    k.disabledSeats === l.disabledSeats &&
    k.skippedForSpacing === l.skippedForSpacing &&
    k.cappedByCapacity === l.cappedByCapacity &&
    k.issues === l.issues &&
    k.issueCount === l.issues.length
  ) {
    return kept.lines;
  }
  const lines = [
    `${room.name}: ${l.seats.length} usable seats of ${l.gridSeats}` +
      (l.disabledSeats ? `, ${l.disabledSeats} switched off` : '') +
      (l.skippedForSpacing ? `, ${l.skippedForSpacing} left empty for ${spacing} m spacing` : '') +
      (l.cappedByCapacity ? `, ${l.cappedByCapacity} over the capacity of ${room.capacity}` : ''),
    ...l.issues,
  ];
  const layout = { usable: l.seats.length, gridSeats: l.gridSeats, disabledSeats: l.disabledSeats, skippedForSpacing: l.skippedForSpacing, cappedByCapacity: l.cappedByCapacity, issues: l.issues, issueCount: l.issues.length };
  explained.set(l, { name: room.name, capacity: room.capacity, spacing, layout, lines });
  return lines;
}

/**
 * Candidates met so far in a session, by id: an open-addressing table of places in the lists being gathered, hashed
 * on the id's characters. A session has a few hundred candidates, so the table is one small typed array (no
 * per-entry objects, nor the rehashing garbage a `Map` of that size leaves).
 */
interface CandidateTable {
  /**
   * `i + 1` for `main[i]`, `-(i + 1)` for `apart[i]`, 0 when empty; the length is a power of two, at least twice the
   * sittings.
   */
  readonly slots: Int32Array;
  readonly main: SeatDraft[];
  readonly apart: ApartCandidate[];
}

/** An empty table for `n` sittings. */
function candidateTable(n: number): CandidateTable {
  let size = 16;
  while (size < n * 2) size *= 2;
  return { slots: new Int32Array(size), main: [], apart: [] };
}

/** The candidate a table slot's value `k` (not 0) stands for. */
function draftAt(table: CandidateTable, k: number): SeatDraft {
  return k > 0 ? table.main[k - 1]! : table.apart[-k - 1]!.draft;
}

/** The table slot of `id`: where it is, or the empty slot where it goes. */
function slotOf(table: CandidateTable, id: string): number {
  // An id that is not a string (outside the type) is hashed by its text and still matched by identity.
  const text = typeof id === 'string' ? id : String(id);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const mask = table.slots.length - 1;
  let at = h & mask;
  for (;;) {
    const k = table.slots[at]!;
    if (k === 0 || draftAt(table, k).candidateId === id) return at;
    at = (at + 1) & mask;
  }
}

/**
 * The session's candidates, each with their papers in sitting order (published start, then paper id), gathered in
 * one pass that also checks that `sittings` are in that order (a timetable session's are): `undefined` when they
 * are not, and the caller gathers them again from a sorted copy. Main candidates are listed as they are met, which
 * is the seating order unless a paper's sittings come in more than one run (a start moved within the session):
 * then they are sorted into it.
 */
function sessionCandidates(sittings: readonly CandidateSitting[], separate: ReadonlySet<AccessArrangementKind>, sole: ReadonlySet<AccessArrangementKind>, ratios: Readonly<Record<RatioKind, number>>): SessionCandidates | undefined {
  const n = sittings.length;
  const table = candidateTable(n);
  const { apart, main } = table;
  const paperOf = new Map<string, SessionPaper>();
  // What depends only on the paper is looked up once per run of its sittings.
  let paperId: string | undefined;
  let run: SessionPaper = { index: -1, only: [] };
  let lastMainPaper = -1;
  let mainInOrder = true;
  let before: CandidateSitting | undefined;
  for (let i = 0; i < n; i++) {
    const s = sittings[i]!;
    const kind = sittingPaper(s, 'session.sittings[]').kind;
    if (before !== undefined && bySittingOrder(before, s) > 0) return undefined;
    before = s;
    if (s.paperId !== paperId) {
      paperId = s.paperId;
      let p = paperOf.get(paperId);
      if (!p) paperOf.set(paperId, (p = { index: paperOf.size, only: [paperId] }));
      run = p;
    }
    const at = slotOf(table, s.candidateId);
    const k = table.slots[at]!;
    let c: SeatDraft;
    let added = true;
    if (k === 0) {
      const kinds = s.arrangementKinds;
      c = { seat: '', row: 0, column: 0, candidateId: s.candidateId, candidateNumber: s.candidateNumber, paperIds: run.only, ratioKind: 'written', arrangementKinds: kinds };
      const needs = kinds.length === 0 ? NONE : separateNeeds(kinds, separate);
      if (needs.length > 0) table.slots[at] = -apart.push({ draft: c, needs, sole: kinds.some((x) => sole.has(x)) });
      else {
        if (run.index < lastMainPaper || (run.index === lastMainPaper && byCandidate(main[main.length - 1]!, c) > 0)) mainInOrder = false;
        lastMainPaper = run.index;
        table.slots[at] = main.push(c);
      }
    } else {
      c = draftAt(table, k);
      if (!c.paperIds.includes(paperId)) c.paperIds = [...c.paperIds, paperId];
      else added = false;
    }
    if (added && s.variation) (c.variations ??= []).push({ paperId, kind: s.variation.kind, published: s.variation.published, conditions: s.variation.conditions });
    // A written paper never changes the ratio class: 'written' is where every candidate starts.
    if (kind !== 'written') {
      const rk: RatioKind = kind === 'practical' ? 'practical' : kind === 'on_screen' ? 'on_screen' : 'written';
      if (ratios[rk] < ratios[c.ratioKind]) c.ratioKind = rk;
    }
  }
  // Every look-up is done: the main list may be put in seating order now.
  if (!mainInOrder) main.sort((a, b) => paperOf.get(a.paperIds[0]!)!.index - paperOf.get(b.paperIds[0]!)!.index || byCandidate(a, b));
  return { apart, main };
}

/** The arrangements in `kinds` that need a separate room (no array made when there are none, the usual case). */
function separateNeeds(kinds: readonly AccessArrangementKind[], separate: ReadonlySet<AccessArrangementKind>): readonly AccessArrangementKind[] {
  for (let i = 0; i < kinds.length; i++) if (separate.has(kinds[i]!)) return kinds.filter((x) => separate.has(x));
  return NONE;
}

/** The candidate given seat `i` of a layout. */
function seated(c: SeatDraft, l: RoomLayout, i: number): SeatAssignment {
  const s = l.seats[i]!;
  c.seat = s.code;
  c.row = s.row;
  c.column = s.column;
  return c;
}

function unseatedOf(c: SeatDraft, reason: string): UnseatedCandidate {
  return { candidateId: c.candidateId, candidateNumber: c.candidateNumber, paperIds: c.paperIds, arrangementKinds: c.arrangementKinds, reason };
}

/** Whether a room is suitable for every arrangement in `needs`. */
function suits(r: Room, needs: readonly AccessArrangementKind[]): boolean {
  for (const k of needs) if (!r.suitableFor.includes(k)) return false;
  return true;
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
  const { rules, soleOccupantArrangements = DEFAULT_SOLE, gapSeats: gapGiven = 1 } = options;
  const spacing = ruleNumber(rules, 'seatSpacingMetres', SPACING_RULE);
  const ratios = checkRatios(sourcedValue(rules, 'invigilationRatio'), 'rules.invigilationRatio');
  const gapSeats = checkNumber(gapGiven, 'gapSeats', count(EXAM_TIME_LIMITS.maxGridSeats));
  checkArray(input.rooms, 'rooms');
  checkObject(input.session, 'session');
  checkArray(input.session.sittings, 'session.sittings');
  const separateKinds = sourcedValue(rules, 'separateRoomArrangements');
  checkArray(separateKinds, 'rules.separateRoomArrangements');
  checkRooms(input.rooms);
  const separate = new Set<AccessArrangementKind>(separateKinds as readonly AccessArrangementKind[]);
  const sole = new Set(soleOccupantArrangements);
  const { date, session } = input.session;

  const sittings = input.session.sittings;
  const { apart, main: mainCandidates } = sessionCandidates(sittings, separate, sole, ratios) ?? sessionCandidates([...sittings].sort(bySittingOrder), separate, sole, ratios)!;

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
    for (const line of roomExplanation(room, l, spacing)) explanation.push(line);
  }

  const unseated: UnseatedCandidate[] = [];
  // 1. Candidates needing a separate room, sole occupants first, in suitable rooms (smallest first).
  apart.sort((a, b) => Number(b.sole) - Number(a.sole) || byCandidate(a.draft, b.draft));
  const aaOrder = rooms.filter((r) => layoutOf.get(r.id)!.seats.length > 0).sort((a, b) => layoutOf.get(a.id)!.seats.length - layoutOf.get(b.id)!.seats.length || cmp(a.id, b.id));
  const aaRooms = new Map<string, OpenRoom>();
  for (const { draft: c, needs, sole: soleC } of apart) {
    let target: OpenRoom | undefined;
    if (!soleC) {
      for (const r of aaOrder) {
        const open = aaRooms.get(r.id);
        if (open && !open.sole && suits(r, needs) && open.seats.length < open.layout.seats.length) {
          target = open;
          break;
        }
      }
    }
    if (!target) {
      const free = aaOrder.find((r) => !aaRooms.has(r.id) && suits(r, needs));
      if (free) {
        target = { room: free, layout: layoutOf.get(free.id)!, seats: [], sole: soleC, paperIds: [] };
        aaRooms.set(free.id, target);
      }
    }
    if (!target) {
      const anySuitable = rooms.some((r) => suits(r, needs));
      unseated.push(
        unseatedOf(
          c,
          anySuitable
            ? `Every room suitable for ${needs.join(' + ')} is already in use in this session${soleC ? ` (the candidate needs a room alone for ${c.arrangementKinds.filter((k) => sole.has(k)).join(' + ')})` : ''}`
            : `No room is suitable for ${needs.join(' + ')}: mark a room suitable, or add one`,
        ),
      );
      continue;
    }
    target.seats.push(seated(c, target.layout, target.seats.length));
  }

  // 2. Everyone else by paper, by candidate number, an empty seat between papers, largest rooms first.
  const mainRooms = rooms
    .filter((r) => !aaRooms.has(r.id) && layoutOf.get(r.id)!.seats.length > 0)
    .sort((a, b) => layoutOf.get(b.id)!.seats.length - layoutOf.get(a.id)!.seats.length || cmp(a.id, b.id));
  const main: OpenRoom[] = mainRooms.map((room) => ({ room, layout: layoutOf.get(room.id)!, seats: [], sole: false, paperIds: [] }));
  seatMain(main, mainCandidates, gapSeats, (c) => {
    const usable = mainRooms.reduce((t, r) => t + layoutOf.get(r.id)!.seats.length, 0);
    unseated.push(unseatedOf(c, mainRooms.length === 0 ? 'No room with a usable seat is left for the main papers in this session' : `No usable seat left: the ${mainRooms.length} main room(s) have ${usable} usable seats at ${spacing} m spacing, with a gap between papers`));
  });

  const planRooms: RoomPlan[] = [];
  for (const r of aaOrder) {
    const o = aaRooms.get(r.id);
    if (o) planRooms.push(roomPlanOf(o, 'access_arrangements'));
  }
  for (const o of main) if (o.seats.length > 0) planRooms.push(roomPlanOf(o, 'main'));
  unseated.sort(byCandidate);
  return { id: `${date}.${session}`, date, session, spacingMetres: spacing, rooms: planRooms, unseated, explanation };
}

/**
 * Seats the main candidates in their order (by first paper, then candidate), filling the rooms in order with
 * `gapSeats` empty seats between two papers in a room; `unseat` is told of each candidate left without a seat. A
 * room's candidates are a run of `candidates`, so its seats are that run, copied once.
 */
function seatMain(main: readonly OpenRoom[], candidates: readonly SeatDraft[], gapSeats: number, unseat: (c: SeatDraft) => void): void {
  let ri = 0;
  let si = 0;
  let from = 0;
  let lastPaperInRoom: string | undefined;
  let lastIds: readonly string[] | undefined;
  for (let g = 0; g < candidates.length; g++) {
    const c = candidates[g]!;
    const paperId = c.paperIds[0]!;
    while (ri < main.length) {
      const open = main[ri]!;
      if (lastPaperInRoom !== undefined && lastPaperInRoom !== paperId) {
        si += gapSeats;
        lastPaperInRoom = paperId;
      }
      if (si < open.layout.seats.length) break;
      open.seats = candidates.slice(from, g);
      from = g;
      ri++;
      si = 0;
      lastPaperInRoom = undefined;
      lastIds = undefined;
    }
    const open = main[ri];
    if (!open) {
      unseat(c);
      continue;
    }
    seated(c, open.layout, si);
    si++;
    lastPaperInRoom = paperId;
    // Candidates sitting only one paper share its list: the room's papers are looked through once per list.
    const ids = c.paperIds;
    if (ids === lastIds) continue;
    lastIds = ids;
    for (let k = 0; k < ids.length; k++) if (!open.paperIds.includes(ids[k]!)) open.paperIds.push(ids[k]!);
  }
  if (ri < main.length) main[ri]!.seats = candidates.slice(from);
}

function roomPlanOf(o: OpenRoom, use: RoomPlan['use']): RoomPlan {
  return {
    roomId: o.room.id,
    roomName: o.room.name,
    use,
    paperIds: use === 'main' ? o.paperIds : [...new Set(o.seats.flatMap((s) => s.paperIds))],
    seats: o.seats,
    usableSeats: o.layout.seats.length,
  };
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
