/**
 * Exam rooms as CSV: a grid of rows and columns, the seat and row pitch in metres, seats switched off
 * (`A3; B7`), an optional fire capacity, and the access arrangements the room suits. A file without a
 * room id uses the room name as the id.
 */
import { accessArrangementKindSchema, roomSchema } from '@examcycle/core';
import { decimal, integer, listOf, oneOf, optionalText } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';

/**
 * The rooms column set.
 *
 * @example
 * ```ts
 * roomColumns().columns.map((c) => c.header).includes('SeatPitchMetres'); // true
 * ```
 */
export function roomColumns(): CsvColumnSet<'rooms'> {
  return {
    kind: 'rooms',
    schema: roomSchema,
    columns: [
      { header: 'RoomId', field: 'id', synonyms: ['Id'], required: false, codec: optionalText, fallback: 'Room' },
      { header: 'Room', field: 'name', synonyms: ['Room Name', 'Name'], required: true, codec: optionalText },
      { header: 'Rows', field: 'rows', synonyms: ['Row Count', 'Number Of Rows'], required: true, codec: integer },
      { header: 'Columns', field: 'columns', synonyms: ['Cols', 'Column Count', 'Number Of Columns', 'Seats Per Row'], required: true, codec: integer },
      { header: 'SeatPitchMetres', field: 'seatPitchMetres', synonyms: ['Seat Pitch', 'Seat Spacing', 'Seat Spacing Metres'], required: true, codec: decimal },
      { header: 'RowPitchMetres', field: 'rowPitchMetres', synonyms: ['Row Pitch', 'Row Spacing', 'Row Spacing Metres'], required: true, codec: decimal },
      { header: 'DisabledSeats', field: 'disabledSeats', synonyms: ['Unavailable Seats', 'Seats Off'], required: false, codec: listOf() },
      { header: 'Capacity', field: 'capacity', synonyms: ['Max Candidates', 'Fire Capacity'], required: false, codec: integer },
      {
        header: 'SuitableFor',
        field: 'suitableFor',
        synonyms: ['Suitable Arrangements'],
        required: false,
        codec: listOf(oneOf(accessArrangementKindSchema.options)),
      },
    ],
  };
}
