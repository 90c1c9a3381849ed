/**
 * Invigilators as CSV: training dates, the sessions each is available for (`2026-05-11 AM; 12/05/2026 PM`),
 * the candidates each is related to (so they are kept apart), and whether they are trained as an
 * access-arrangement facilitator.
 */
import { invigilatorSchema, sessionSchema, type Session } from '@examcycle/core';
import { CellFailure, type CellCodec } from './CellCodec.js';
import { calendarDate, listOf, oneOf, optionalText, yesNo } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';

/** One available session. */
interface Availability {
  date: string;
  session: Session;
}

function availabilityItem(excelSerial: boolean): CellCodec<Availability> {
  const date = calendarDate(excelSerial);
  const session = oneOf(sessionSchema.options, { morning: 'AM', afternoon: 'PM' });
  return {
    name: 'date and session',
    empty: 'absent',
    decode(t) {
      const at = t.lastIndexOf(' ');
      if (at < 0) return new CellFailure(`"${t}" is not a date and a session such as "2026-05-11 AM"`);
      const d = date.decode(t.slice(0, at).trim());
      if (d instanceof CellFailure) return d;
      const s = session.decode(t.slice(at + 1));
      if (s instanceof CellFailure) return s;
      return { date: d, session: s };
    },
    encode: (v) => `${v.date} ${v.session}`,
  };
}

/**
 * The invigilators column set.
 *
 * @param excelSerial - whether whole numbers in date columns are Excel serial dates
 * @example
 * ```ts
 * invigilatorColumns(true).kind; // 'invigilators'
 * ```
 */
export function invigilatorColumns(excelSerial: boolean): CsvColumnSet<'invigilators'> {
  return {
    kind: 'invigilators',
    schema: invigilatorSchema,
    columns: [
      { header: 'InvigilatorId', field: 'id', synonyms: ['Id'], required: true, codec: optionalText },
      { header: 'Name', field: 'name', synonyms: ['Full Name', 'Invigilator Name', 'Invigilator'], required: true, codec: optionalText },
      { header: 'StaffId', field: 'staffId', synonyms: ['Staff Code', 'Employee Id'], required: false, codec: optionalText },
      { header: 'TrainedOn', field: 'trainedOn', synonyms: ['Training Date', 'Date Trained', 'Initial Training'], required: false, codec: calendarDate(excelSerial) },
      {
        header: 'LastUpdateOn',
        field: 'lastUpdateOn',
        synonyms: ['Last Update', 'Annual Update', 'Last Training Update'],
        required: false,
        codec: calendarDate(excelSerial),
      },
      { header: 'Availability', field: 'availability', synonyms: ['Available', 'Available Sessions'], required: false, codec: listOf(availabilityItem(excelSerial)) },
      { header: 'RelativeOfCandidateIds', field: 'relativeOfCandidateIds', synonyms: ['Related Candidates', 'Relative Of'], required: false, codec: listOf() },
      { header: 'Facilitator', field: 'facilitator', synonyms: ['AA Facilitator', 'Access Arrangement Facilitator'], required: false, codec: yesNo },
    ],
  };
}
