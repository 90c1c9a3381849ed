/**
 * An exam room's usable seats. A room is a grid of seats (rows A, B, … from the front; columns 1, 2, …),
 * some switched off. Candidates must sit at least the rules' spacing apart (1.25 m centre to centre in all
 * directions under the JCQ rules), so where the seat or row pitch is smaller, seats are left empty: the
 * layout picks seats front to back, left to right, taking each one that is at least the spacing from
 * every seat already taken (every other seat, every other row, or a staggered pattern where the diagonal
 * allows). The room's capacity (fire limit) caps the count. The check looks only at seats already taken
 * in the neighbouring cells of a spacing-sized grid, so it is linear in the room's seats whatever the pitch.
 *
 * Rooms from a MIS carry no seat grid: Wonde's rooms have only an id and a name, Arbor's a capacity too.
 * A vendor or host must not invent a pitch (0 is refused, and a guess below the real pitch plans
 * candidates closer than the rules allow). Pass the rows, columns and the centre-to-centre pitches the
 * centre measured; where the desks are set out at the rules' spacing and only their count is known, pass
 * `seatPitchMetres` and `rowPitchMetres` equal to `rules.seatSpacingMetres.value` (every desk is then
 * usable) and the MIS capacity as `capacity`.
 */
import type { Room } from '../domain/room.js';
import { checkArray, checkNumber, checkObject, EXAM_TIME_LIMITS, PITCH_RULE, positiveCount, SPACING_RULE, count } from './examTimeLimits.js';

/**
 * A usable seat.
 *
 * @example
 * ```ts
 * declare const room: Room;
 * const seat: Seat | undefined = roomLayout(room, 1.25).seats[0];
 * seat && `${seat.code} at ${seat.xMetres} m, ${seat.yMetres} m`;
 * ```
 */
export interface Seat {
  /** `A1` = row A (front), column 1. */
  readonly code: string;
  /** 0-based row from the front. */
  readonly row: number;
  /** 0-based column from the left. */
  readonly column: number;
  /** Centre of the seat across the room, metres from the first column. */
  readonly xMetres: number;
  /** Centre of the seat back from the front row, metres. */
  readonly yMetres: number;
}

/**
 * A room's usable seats and why the others are not.
 *
 * @example
 * ```ts
 * declare const room: Room;
 * const layout: RoomLayout = roomLayout(room, jcq.examRoomRules('2025/26').seatSpacingMetres.value);
 * `${layout.seats.length} usable of ${layout.gridSeats}`;
 * ```
 */
export interface RoomLayout {
  readonly roomId: string;
  /** Usable seats, front to back, left to right. */
  readonly seats: readonly Seat[];
  /** Seats in the grid. */
  readonly gridSeats: number;
  /** Seats switched off. */
  readonly disabledSeats: number;
  /** Seats left empty to keep the spacing. */
  readonly skippedForSpacing: number;
  /** Seats beyond the room's capacity. */
  readonly cappedByCapacity: number;
  readonly spacingMetres: number;
  /** Disabled-seat codes that are not in the grid (ignored). */
  readonly issues: readonly string[];
}

/**
 * The code of a seat: row letter(s) then column number (`A1`, `Z12`, `AA3`).
 *
 * @param row - 0-based row
 * @param column - 0-based column
 * @throws ExamcycleError `invalid_value` for a row or column that is not a whole number from 0 to 9,999
 * @example
 * ```ts
 * seatCode(0, 0); // 'A1'
 * seatCode(26, 2); // 'AA3'
 * ```
 */
export function seatCode(row: number, column: number): string {
  checkNumber(row, 'row', count(EXAM_TIME_LIMITS.maxRowsOrColumns - 1));
  checkNumber(column, 'column', count(EXAM_TIME_LIMITS.maxRowsOrColumns - 1));
  return codeOf(row, column);
}

/** {@link seatCode} without the checks, for indices already in a checked grid. */
function codeOf(row: number, column: number): string {
  let letters = '';
  let r = row + 1;
  while (r > 0) {
    const m = (r - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    r = Math.floor((r - 1) / 26);
  }
  return `${letters}${column + 1}`;
}

/**
 * The 0-based row and column of a seat code, or undefined when it is not one (nor one that fits a grid
 * within {@link EXAM_TIME_LIMITS}).
 *
 * @param code - e.g. `B7`
 * @example
 * ```ts
 * parseSeatCode('B7'); // { row: 1, column: 6 }
 * ```
 */
export function parseSeatCode(code: string): { row: number; column: number } | undefined {
  if (typeof code !== 'string' || code.length > 40) return undefined;
  const m = /^([A-Z]{1,4})([1-9]\d{0,5})$/.exec(code.trim().toUpperCase());
  if (!m) return undefined;
  let row = 0;
  for (const ch of m[1]!) row = row * 26 + (ch.charCodeAt(0) - 64);
  const column = Number(m[2]);
  if (row > EXAM_TIME_LIMITS.maxRowsOrColumns || column > EXAM_TIME_LIMITS.maxRowsOrColumns) return undefined;
  return { row: row - 1, column: column - 1 };
}

const EPSILON = 1e-9;

/** A layout worked out, with what it was worked out from (a room object may be changed after). */
interface LayoutMemo {
  readonly room: Pick<Room, 'id' | 'name' | 'rows' | 'columns' | 'seatPitchMetres' | 'rowPitchMetres' | 'capacity'>;
  readonly disabledSeats: readonly string[];
  readonly spacingMetres: number;
  readonly layout: RoomLayout;
}

/** Layouts by room object: a session-by-session seating plan works each room out once. */
const layoutMemo = new WeakMap<Room, LayoutMemo[]>();

function memoFits(m: LayoutMemo, room: Room, spacingMetres: number): boolean {
  const r = m.room;
  if (m.spacingMetres !== spacingMetres || r.id !== room.id || r.name !== room.name || r.rows !== room.rows || r.columns !== room.columns) return false;
  if (r.seatPitchMetres !== room.seatPitchMetres || r.rowPitchMetres !== room.rowPitchMetres || r.capacity !== room.capacity) return false;
  const off = room.disabledSeats ?? [];
  if (!Array.isArray(off) || off.length !== m.disabledSeats.length) return false;
  for (let i = 0; i < off.length; i++) if (off[i] !== m.disabledSeats[i]) return false;
  return true;
}

/**
 * The usable seats of a room at a minimum spacing.
 *
 * @param room - the room: `rows` and `columns` whole numbers from 1 to 10,000 (at most 100,000 seats), pitches
 *   more than 0 and at most 100 m, `capacity` (if any) a whole number from 1
 * @param spacingMetres - minimum distance between candidates, centre to centre (`rules.seatSpacingMetres.value`), 0 to 100 m
 * @returns the layout; the same room object at the same spacing, unchanged since, gives the same (read-only) layout
 *   object without working it out again
 * @throws ExamcycleError `invalid_value` naming the field (`room.seatPitchMetres`, `room.rows`, `spacingMetres`, …) for a number out of range
 * @example
 * ```ts
 * // 1 m pitch both ways at 1.25 m spacing: a staggered pattern (the diagonal is 1.41 m).
 * roomLayout({ id: 'hall', name: 'Hall', rows: 3, columns: 4, seatPitchMetres: 1, rowPitchMetres: 1, disabledSeats: [], suitableFor: [] }, 1.25).seats.map((s) => s.code);
 * // ['A1', 'A3', 'B2', 'B4', 'C1', 'C3']
 * ```
 */
export function roomLayout(room: Room, spacingMetres: number): RoomLayout {
  checkObject(room, 'room');
  const memos = layoutMemo.get(room);
  if (memos) for (const m of memos) if (memoFits(m, room, spacingMetres)) return m.layout;
  const rows = checkNumber(room.rows, 'room.rows', positiveCount(EXAM_TIME_LIMITS.maxRowsOrColumns));
  const columns = checkNumber(room.columns, 'room.columns', positiveCount(EXAM_TIME_LIMITS.maxRowsOrColumns));
  if (rows * columns > EXAM_TIME_LIMITS.maxGridSeats) checkNumber(rows * columns, 'room.rows × room.columns', positiveCount(EXAM_TIME_LIMITS.maxGridSeats));
  const sp = checkNumber(room.seatPitchMetres, 'room.seatPitchMetres', PITCH_RULE);
  const rp = checkNumber(room.rowPitchMetres, 'room.rowPitchMetres', PITCH_RULE);
  const capacity = room.capacity === undefined ? undefined : checkNumber(room.capacity, 'room.capacity', positiveCount(Number.MAX_SAFE_INTEGER));
  const spacing = checkNumber(spacingMetres, 'spacingMetres', SPACING_RULE);
  const disabledCodes = room.disabledSeats ?? [];
  checkArray(disabledCodes, 'room.disabledSeats');
  const off = new Uint8Array(rows * columns);
  const issues: string[] = [];
  let disabled = 0;
  for (const code of disabledCodes) {
    const at = parseSeatCode(code as string);
    if (!at || at.row >= rows || at.column >= columns) {
      issues.push(`Disabled seat "${String(code)}" is not in the ${rows} × ${columns} grid of ${String(room.name)}`);
      continue;
    }
    const i = at.row * columns + at.column;
    if (!off[i]) disabled++;
    off[i] = 1;
  }
  const minSq = spacing * spacing - EPSILON;
  const spaced = minSq > 0;
  // Taken seats by cell of a grid whose cells are at least the spacing across (in whole seats and rows), so
  // a seat closer than the spacing is in the same or a neighbouring cell: linked lists in typed arrays.
  const cellCols = spaced ? Math.min(columns, Math.max(1, Math.ceil(spacing / sp))) : 1;
  const cellRows = spaced ? Math.min(rows, Math.max(1, Math.ceil(spacing / rp))) : 1;
  const across = Math.ceil(columns / cellCols);
  const head = new Int32Array(spaced ? across * Math.ceil(rows / cellRows) : 0).fill(-1);
  const next = new Int32Array(spaced ? rows * columns : 0);
  const seats: Seat[] = [];
  let skipped = 0;
  for (let r = 0; r < rows; r++) {
    const cy = Math.floor(r / cellRows);
    for (let c = 0; c < columns; c++) {
      const k = r * columns + c;
      if (off[k]) continue;
      const cx = Math.floor(c / cellCols);
      let ok = true;
      if (spaced) {
        for (let y = Math.max(0, cy - 1); y <= cy && ok; y++) {
          for (let x = Math.max(0, cx - 1); x <= Math.min(across - 1, cx + 1) && ok; x++) {
            for (let t = head[y * across + x]!; t !== -1; t = next[t]!) {
              const dx = (c - (t % columns)) * sp;
              const dy = (r - Math.floor(t / columns)) * rp;
              if (dx * dx + dy * dy < minSq) {
                ok = false;
                break;
              }
            }
          }
        }
      }
      if (!ok) {
        skipped++;
        continue;
      }
      if (spaced) {
        const cell = cy * across + cx;
        next[k] = head[cell]!;
        head[cell] = k;
      }
      seats.push({ code: codeOf(r, c), row: r, column: c, xMetres: c * sp, yMetres: r * rp });
    }
  }
  const limit = capacity ?? seats.length;
  const capped = Math.max(0, seats.length - limit);
  const layout: RoomLayout = {
    roomId: room.id,
    seats: capped ? seats.slice(0, limit) : seats,
    gridSeats: rows * columns,
    disabledSeats: disabled,
    skippedForSpacing: skipped,
    cappedByCapacity: capped,
    spacingMetres: spacing,
    issues,
  };
  const memo: LayoutMemo = {
    room: { id: room.id, name: room.name, rows, columns, seatPitchMetres: sp, rowPitchMetres: rp, capacity },
    disabledSeats: [...(disabledCodes as readonly string[])],
    spacingMetres,
    layout,
  };
  // A few per room (spacings, or the room changed and back); the oldest goes first.
  if (!memos) layoutMemo.set(room, [memo]);
  else if (memos.push(memo) > 4) memos.shift();
  return layout;
}
