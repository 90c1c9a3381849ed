/**
 * An exam room's usable seats. A room is a grid of seats (rows A, B, … from the front; columns 1, 2, …),
 * some switched off. Candidates must sit at least the rules' spacing apart (1.25 m centre to centre in all
 * directions under the JCQ rules), so where the seat or row pitch is smaller, seats are left empty: the
 * layout picks seats front to back, left to right, taking each one that is at least the spacing from
 * every seat already taken (every other seat, every other row, or a staggered pattern where the diagonal
 * allows). The room's capacity (fire limit) caps the count.
 */
import type { Room } from '../domain/room.js';

/** A usable seat. */
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

/** A room's usable seats and why the others are not. */
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
 * @example
 * ```ts
 * seatCode(0, 0); // 'A1'
 * seatCode(26, 2); // 'AA3'
 * ```
 */
export function seatCode(row: number, column: number): string {
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
 * The 0-based row and column of a seat code, or undefined when it is not one.
 *
 * @param code - e.g. `B7`
 * @example
 * ```ts
 * parseSeatCode('B7'); // { row: 1, column: 6 }
 * ```
 */
export function parseSeatCode(code: string): { row: number; column: number } | undefined {
  const m = /^([A-Z]+)([1-9]\d*)$/.exec(code.trim().toUpperCase());
  if (!m) return undefined;
  let row = 0;
  for (const ch of m[1]!) row = row * 26 + (ch.charCodeAt(0) - 64);
  return { row: row - 1, column: Number(m[2]) - 1 };
}

const EPSILON = 1e-9;

/**
 * The usable seats of a room at a minimum spacing.
 *
 * @param room - the room
 * @param spacingMetres - minimum distance between candidates, centre to centre (`rules.seatSpacingMetres.value`)
 * @example
 * ```ts
 * // 1 m pitch both ways at 1.25 m spacing: a staggered pattern (the diagonal is 1.41 m).
 * roomLayout({ id: 'hall', name: 'Hall', rows: 3, columns: 4, seatPitchMetres: 1, rowPitchMetres: 1, disabledSeats: [], suitableFor: [] }, 1.25).seats.map((s) => s.code);
 * // ['A1', 'A3', 'B2', 'B4', 'C1', 'C3']
 * ```
 */
export function roomLayout(room: Room, spacingMetres: number): RoomLayout {
  const { rows, columns, seatPitchMetres: sp, rowPitchMetres: rp } = room;
  const off = new Uint8Array(rows * columns);
  const issues: string[] = [];
  let disabled = 0;
  for (const code of room.disabledSeats) {
    const at = parseSeatCode(code);
    if (!at || at.row >= rows || at.column >= columns) {
      issues.push(`Disabled seat "${code}" is not in the ${rows} × ${columns} grid of ${room.name}`);
      continue;
    }
    const i = at.row * columns + at.column;
    if (!off[i]) disabled++;
    off[i] = 1;
  }
  const taken = new Uint8Array(rows * columns);
  const minSq = spacingMetres * spacingMetres - EPSILON;
  const reachRows = spacingMetres > 0 ? Math.ceil(spacingMetres / rp) : 0;
  const reachCols = spacingMetres > 0 ? Math.ceil(spacingMetres / sp) : 0;
  const seats: Seat[] = [];
  let skipped = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (off[r * columns + c]) continue;
      let ok = true;
      for (let dr = 0; dr <= reachRows && ok && r - dr >= 0; dr++) {
        const rr = r - dr;
        for (let dc = -reachCols; dc <= reachCols; dc++) {
          if (dr === 0 && dc >= 0) break;
          const cc = c + dc;
          if (cc < 0 || cc >= columns || !taken[rr * columns + cc]) continue;
          const dx = dc * sp;
          const dy = dr * rp;
          if (dx * dx + dy * dy < minSq) {
            ok = false;
            break;
          }
        }
      }
      if (!ok) {
        skipped++;
        continue;
      }
      taken[r * columns + c] = 1;
      seats.push({ code: seatCode(r, c), row: r, column: c, xMetres: c * sp, yMetres: r * rp });
    }
  }
  const limit = room.capacity ?? seats.length;
  const capped = Math.max(0, seats.length - limit);
  return {
    roomId: room.id,
    seats: capped ? seats.slice(0, limit) : seats,
    gridSeats: rows * columns,
    disabledSeats: disabled,
    skippedForSpacing: skipped,
    cappedByCapacity: capped,
    spacingMetres,
    issues,
  };
}
