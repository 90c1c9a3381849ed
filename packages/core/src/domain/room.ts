/** Exam rooms as a grid of seats, some switched off, with the access arrangements each room suits. */
import { z } from 'zod';
import { accessArrangementKindSchema } from './accessArrangement.js';

/**
 * A room.
 *
 * @example
 * ```ts
 * const hall = roomSchema.parse({ id: 'hall', name: 'Main hall', rows: 8, columns: 8, seatPitchMetres: 1.25, rowPitchMetres: 1.25, disabledSeats: ['A1'] });
 * ```
 */
export const roomSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  rows: z.number().int().positive(),
  columns: z.number().int().positive(),
  /** Centre-to-centre distance between neighbouring seats in a row, metres. */
  seatPitchMetres: z.number().positive(),
  /** Centre-to-centre distance between rows, metres. */
  rowPitchMetres: z.number().positive(),
  /** Seats switched off, as seat codes (`A1` = row A, column 1). */
  disabledSeats: z.array(z.string()).default([]),
  /** The most candidates the room may hold (fire limit), if lower than its seats. */
  capacity: z.number().int().positive().optional(),
  /** The access arrangements this room can host (a separate room for a reader, a room with word processors). */
  suitableFor: z.array(accessArrangementKindSchema).default([]),
});
/**
 * A room.
 *
 * @example
 * ```ts
 * const annexe: Room = { id: 'annexe', name: 'Annexe (readers)', rows: 2, columns: 3, seatPitchMetres: 2, rowPitchMetres: 2, disabledSeats: [], suitableFor: ['reader', 'separate_invigilation'] };
 * ```
 */
export type Room = z.infer<typeof roomSchema>;
