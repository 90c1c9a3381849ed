/**
 * Results as CSV: one row per qualification grade or component mark, keyed by candidate, series,
 * awarding body and award code, with the grade (at most two characters, as in JCQ EDI; blank while
 * pending), raw mark and UMS. A file without an id column gets one derived as
 * `candidateId:seriesId:awardingBodyId:awardCode:kind`.
 */
import { qualificationLevelSchema, resultSchema } from '@examcycle/core';
import { decimal, instant, oneOf, optionalText, text } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';
import { awardingBodyColumn, candidateIdColumn, checkColumns, seriesColumn } from './sharedColumns.js';
import { LEVEL_SPELLINGS } from './timetableColumns.js';

/**
 * The results column set.
 *
 * @param excelSerial - whether Excel serial numbers are read in date columns
 * @example
 * ```ts
 * resultColumns(true).kind; // 'results'
 * ```
 */
export function resultColumns(excelSerial: boolean): CsvColumnSet<'results'> {
  return {
    kind: 'results',
    schema: resultSchema,
    derivedId: ['candidateId', 'seriesId', 'awardingBodyId', 'awardCode', 'kind'],
    columns: [
      { header: 'ResultId', field: 'id', synonyms: ['Id'], required: false, codec: optionalText },
      candidateIdColumn,
      seriesColumn,
      awardingBodyColumn,
      { header: 'AwardCode', field: 'awardCode', synonyms: ['Entry Code', 'Option Code', 'Qualification Code'], required: true, codec: optionalText },
      { header: 'ResultKind', field: 'kind', synonyms: ['Result Type'], required: false, default: 'qualification', codec: oneOf(['qualification', 'component']) },
      { header: 'Level', field: 'level', synonyms: ['Qualification Level'], required: true, codec: oneOf(qualificationLevelSchema.options, LEVEL_SPELLINGS) },
      { header: 'Grade', field: 'grade', synonyms: ['Qualification Grade', 'Overall Grade', 'Result'], required: true, codec: text },
      { header: 'Mark', field: 'mark', synonyms: ['Raw Mark', 'Total Mark', 'Qualification Mark'], required: false, codec: decimal },
      { header: 'UniformMark', field: 'uniformMark', synonyms: ['UMS', 'UMS Mark'], required: false, codec: decimal },
      { header: 'Endorsement', field: 'endorsement', synonyms: [], required: false, codec: optionalText },
      { header: 'ReceivedAt', field: 'receivedAt', synonyms: ['Received On', 'Date Received'], required: false, codec: instant(excelSerial) },
      ...checkColumns,
    ],
  };
}
