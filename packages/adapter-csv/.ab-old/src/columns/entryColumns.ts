/**
 * Entries as CSV: the §4.3 proposal (`Series, AwardingBodyId, CentreNumber, CandidateNumber, UCI,
 * EntryCode, Tier, ComponentCode, Status`) read into core's entry. Centre number, candidate number and
 * UCI are checked with core's identifier schemas; the UCI stands in for the candidate id when the file
 * has none. A file without an id column gets one derived as `candidateId:seriesId:awardingBodyId:entryCode`.
 */
import { entrySchema, entryStatusSchema } from '@examcycle/core';
import { instant, listOf, oneOf, optionalText, yesNo } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';
import { awardingBodyColumn, candidateIdColumn, checkColumns, seriesColumn } from './sharedColumns.js';

/**
 * The entries column set.
 *
 * @param excelSerial - whether Excel serial numbers are read in date columns
 * @example
 * ```ts
 * entryColumns(true).derivedId; // ['candidateId', 'seriesId', 'awardingBodyId', 'entryCode']
 * ```
 */
export function entryColumns(excelSerial: boolean): CsvColumnSet<'entries'> {
  return {
    kind: 'entries',
    schema: entrySchema,
    derivedId: ['candidateId', 'seriesId', 'awardingBodyId', 'entryCode'],
    columns: [
      { header: 'EntryId', field: 'id', synonyms: ['Id'], required: false, codec: optionalText },
      candidateIdColumn,
      seriesColumn,
      awardingBodyColumn,
      { header: 'EntryCode', field: 'entryCode', synonyms: ['Option Code', 'Option', 'Entry Option'], required: true, codec: optionalText },
      { header: 'ComponentCodes', field: 'componentCodes', synonyms: ['Component Code', 'Components'], required: false, codec: listOf() },
      {
        header: 'Status',
        field: 'status',
        synonyms: ['Entry Status'],
        required: false,
        default: 'draft',
        codec: oneOf(entryStatusSchema.options, { entered: 'submitted', sent: 'submitted', pending: 'draft' }),
      },
      { header: 'SubmittedAt', field: 'submittedAt', synonyms: ['Submitted On', 'Date Submitted', 'Entered On'], required: false, codec: instant(excelSerial) },
      { header: 'WithdrawnAt', field: 'withdrawnAt', synonyms: ['Withdrawn On', 'Date Withdrawn'], required: false, codec: instant(excelSerial) },
      { header: 'IdentityVerified', field: 'identityVerified', synonyms: ['Id Verified', 'Identity Checked'], required: false, codec: yesNo },
      ...checkColumns,
    ],
  };
}
