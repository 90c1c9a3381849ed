/**
 * Pushing seats to Arbor: a candidate's sitting of a paper is a `CandidateAssessableEntry`
 * (`candidateEntry` → `CandidateEntry.candidate`, `qualificationAssessableInstance`), and its `seat` is a
 * `RoomLayoutSeat` (`roomLayout`, `x`, `y`) of one of the room's `RoomLayout`s (`room`). Setting the seat is
 * an update of the sitting, so a seat already set is `unchanged` and pushing twice changes nothing;
 * examcycle creates no sitting (the entry makes it).
 *
 * - The paper is the `QualificationAssessableInstance` whose id (or href) is `paperInstance(paperId)`, by
 *   default the paper id itself.
 * - The room's layout is `roomLayouts[roomId]` when given, else the room's only layout.
 * - Seat `A1` is row A, column 1; by default that is `x` 1 (the column) and `y` 1 (the row, A = 1), which
 *   is to be confirmed against an Arbor sandbox; `seatCoordinates` replaces it.
 */
import { misIssue } from '../misIssue.js';
import type { MisIssueCode, MisPush, MisSeat } from '../MisPort.js';
import { arborRefusal, arborRef, type ArborSession } from './arborClient.js';
import type { ExamcycleIssue } from '@examcycle/core';
import { arborId, isArborRef, type ArborEntity } from './arborEntity.js';

/** The caller's choices for pushing seats. */
export interface ArborSeatingContext {
  /** The `QualificationAssessableInstance` (id or href) of a paper; by default the paper id. */
  readonly paperInstance?: (paperId: string) => string;
  /** The `RoomLayout` (id or href) to seat a room by, for rooms with more than one. */
  readonly roomLayouts?: Readonly<Record<string, string>>;
  /** A seat code's grid position; by default `A1` → `{ x: 1, y: 1 }`. */
  readonly seatCoordinates?: (seat: string) => { readonly x: number; readonly y: number } | undefined;
}

/**
 * The default grid position of a seat code: the column is `x`, the row letters (A = 1 … Z = 26, AA = 27) `y`.
 *
 * @param seat - e.g. `B12`
 * @example
 * ```ts
 * arborSeatCoordinates('B12'); // { x: 12, y: 2 }
 * ```
 */
export function arborSeatCoordinates(seat: string): { readonly x: number; readonly y: number } | undefined {
  const m = /^([A-Z]{1,2})(\d{1,3})$/.exec(seat);
  if (!m) return undefined;
  const y = [...m[1]!].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
  return { x: Number(m[2]), y };
}

const hrefOf = (path: string, idOrHref: string): string => (idOrHref.startsWith('/') ? idOrHref : `${path}/${idOrHref}`);

/**
 * Sets candidates' seats on their Arbor sittings.
 *
 * @param s - the Arbor session
 * @param seats - examcycle's seats
 * @param context - how papers, layouts and seat codes map to Arbor
 * @internal
 */
export async function arborPushSeating(s: ArborSession, seats: readonly MisSeat[], context: ArborSeatingContext): Promise<MisPush> {
  const updated: string[] = [];
  const unchanged: string[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  const note = (seat: MisSeat, field: string, message: string, value?: string): void => {
    issues.push(misIssue({ file: 'arbor:candidateAssessableEntries' }, 'invalid_value', 'error', message, { field, ...(value === undefined ? {} : { value }), recordId: seat.id }));
  };
  let candidates: Map<string, string> | undefined;
  const layouts = new Map<string, Promise<ArborEntity[]>>();
  const layoutSeats = new Map<string, Promise<ArborEntity[]>>();
  const position = context.seatCoordinates ?? arborSeatCoordinates;

  for (const seat of seats) {
    if (seat.id === '' || seat.candidateId === '' || seat.paperId === '' || seat.roomId === '') {
      note(seat, 'id', 'A seat needs an id, candidate, paper and room');
      continue;
    }
    const xy = position(seat.seat);
    if (xy === undefined) {
      note(seat, 'seat', `"${seat.seat}" is not a seat code like A1`, seat.seat);
      continue;
    }
    if (candidates === undefined) {
      candidates = new Map();
      for (const c of await s.list('Candidate')) if (isArborRef(c['student']) && typeof c.href === 'string' && !candidates.has(arborId(c['student'].href))) candidates.set(arborId(c['student'].href), c.href);
    }
    const candidate = candidates.get(seat.candidateId);
    if (candidate === undefined) {
      note(seat, 'candidateId', `No Arbor candidate for student ${seat.candidateId}`, seat.candidateId);
      continue;
    }
    const instance = hrefOf('/rest-v2/qualification-assessable-instances', context.paperInstance?.(seat.paperId) ?? seat.paperId);
    const sittings: ArborEntity[] = [];
    for (const sitting of await s.list('CandidateAssessableEntry', { 'qualificationAssessableInstance.equals': instance, 'candidateEntry.candidate.equals': candidate })) {
      if (!isArborRef(sitting['qualificationAssessableInstance']) || sitting['qualificationAssessableInstance'].href !== instance || !isArborRef(sitting['candidateEntry'])) continue;
      const entry = await s.get(sitting['candidateEntry'].href, 'CandidateEntry');
      if (isArborRef(entry['candidate']) && entry['candidate'].href === candidate) sittings.push(sitting);
    }
    const sitting = sittings[0];
    if (sitting === undefined || sittings.length > 1 || typeof sitting.href !== 'string') {
      note(seat, 'paperId', sittings.length > 1 ? `${sittings.length} Arbor sittings of ${instance} for this candidate: cannot tell which` : `No Arbor sitting of ${instance} for this candidate: enter them first`, seat.paperId);
      continue;
    }
    const given = context.roomLayouts?.[seat.roomId];
    let layout: string | undefined = given === undefined ? undefined : hrefOf('/rest-v2/room-layouts', given);
    if (layout === undefined) {
      const room = hrefOf('/rest-v2/rooms', seat.roomId);
      let listed = layouts.get(room);
      if (listed === undefined) {
        listed = s.list('RoomLayout', { 'room.equals': room });
        layouts.set(room, listed);
      }
      const options = (await listed).filter((l) => typeof l.href === 'string' && (!isArborRef(l['room']) || l['room'].href === room));
      if (options.length !== 1) {
        note(seat, 'roomId', `Room ${seat.roomId} has ${options.length} layouts in Arbor: pass roomLayouts`, seat.roomId);
        continue;
      }
      layout = options[0]!.href;
    }
    let listedSeats = layoutSeats.get(layout!);
    if (listedSeats === undefined) {
      listedSeats = s.list('RoomLayoutSeat', { 'roomLayout.equals': layout! });
      layoutSeats.set(layout!, listedSeats);
    }
    const target = (await listedSeats).find((r) => Number(r['x']) === xy.x && Number(r['y']) === xy.y && typeof r.href === 'string' && (!isArborRef(r['roomLayout']) || r['roomLayout'].href === layout));
    if (target === undefined || typeof target.href !== 'string') {
      note(seat, 'seat', `Layout ${layout} has no seat at x ${xy.x}, y ${xy.y} (${seat.seat})`, seat.seat);
      continue;
    }
    if (isArborRef(sitting['seat']) && sitting['seat'].href === target.href) {
      unchanged.push(seat.id);
      continue;
    }
    try {
      await s.update(sitting.href, 'CandidateAssessableEntry', { seat: arborRef('RoomLayoutSeat', target.href) });
      updated.push(seat.id);
    } catch (error) {
      const refusal = arborRefusal(error);
      if (refusal === undefined) throw error;
      note(seat, 'seat', `Arbor refused the seat: ${refusal}`, seat.seat);
    }
  }
  return { created: [], updated, unchanged, issues };
}
