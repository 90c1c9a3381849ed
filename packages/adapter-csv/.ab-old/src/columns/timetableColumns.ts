/**
 * Timetabled papers as CSV, with Ofqual's exam-timetable vocabulary (`ExamSeries`, `AwardingOrganisation`,
 * `UnitOrComponentCode`, `UnitOrComponentTitle`, `QualificationLevel`, `AssessmentStartDate`, `Session`)
 * read as the same columns. A file without an id column gets one derived as
 * `awardingBodyId:componentCode:date:session`.
 */
import { componentKindSchema, qualificationLevelSchema, sessionSchema, timetabledPaperSchema } from '@examcycle/core';
import { calendarDate, clockTime, minutes, oneOf, optionalText, text } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';
import { awardingBodyColumn, seriesColumn } from './sharedColumns.js';

/** Spreadsheet spellings of the qualification levels. */
export const LEVEL_SPELLINGS = {
  a_level: 'GCE', as_level: 'GCE', as: 'GCE', a2: 'GCE', gce_a_level: 'GCE', gce_as_level: 'GCE', alevel: 'GCE',
  entry: 'entry_level', elc: 'entry_level', entry_level_certificate: 'entry_level',
  fs: 'functional_skills', epq: 'project', extended_project: 'project',
} as const;

/**
 * The timetable column set.
 *
 * @param excelSerial - whether whole numbers in date columns are Excel serial dates
 * @example
 * ```ts
 * timetableColumns(true).kind; // 'timetable'
 * ```
 */
export function timetableColumns(excelSerial: boolean): CsvColumnSet<'timetable'> {
  return {
    kind: 'timetable',
    schema: timetabledPaperSchema,
    derivedId: ['awardingBodyId', 'componentCode', 'date', 'session'],
    columns: [
      { header: 'PaperId', field: 'id', synonyms: ['Id'], required: false, codec: optionalText },
      seriesColumn,
      awardingBodyColumn,
      { header: 'ComponentCode', field: 'componentCode', synonyms: ['Unit Or Component Code', 'Paper Code', 'Unit Code', 'Component'], required: true, codec: optionalText },
      { header: 'Title', field: 'title', synonyms: ['Unit Or Component Title', 'Component Title', 'Paper Title'], required: false, default: '', codec: text },
      { header: 'Level', field: 'level', synonyms: ['Qualification Level'], required: true, codec: oneOf(qualificationLevelSchema.options, LEVEL_SPELLINGS) },
      { header: 'ComponentKind', field: 'kind', synonyms: ['Assessment Type', 'Paper Type'], required: false, codec: oneOf(componentKindSchema.options, { onscreen: 'on_screen' }) },
      { header: 'Date', field: 'date', synonyms: ['Exam Date', 'Assessment Start Date', 'Paper Date'], required: true, codec: calendarDate(excelSerial) },
      { header: 'Session', field: 'session', synonyms: ['AM/PM', 'Sitting'], required: true, codec: oneOf(sessionSchema.options, { morning: 'AM', afternoon: 'PM' }) },
      { header: 'StartTime', field: 'startTime', synonyms: ['Start', 'Starts At', 'Start Time (London)'], required: true, codec: clockTime },
      {
        header: 'DurationMinutes',
        field: 'durationMinutes',
        synonyms: ['Duration', 'Duration Mins', 'Duration (mins)', 'Length', 'Time Allowed', 'Minutes'],
        required: true,
        codec: minutes,
      },
    ],
  };
}
