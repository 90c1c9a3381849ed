/**
 * The certificate log as CSV: which certificates arrived from which awarding body, when, to whom and how
 * they were issued, and when unclaimed ones were destroyed and by whom. A file without an id column gets
 * one derived as `candidateId:seriesId:awardingBodyId`.
 */
import { certificateSchema } from '@examcycle/core';
import { instant, listOf, oneOf, optionalText } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';
import { awardingBodyColumn, candidateIdColumn, checkColumns, seriesColumn } from './sharedColumns.js';

/**
 * The certificates column set.
 *
 * @param excelSerial - whether Excel serial numbers are read in date columns
 * @example
 * ```ts
 * certificateColumns(true).derivedId; // ['candidateId', 'seriesId', 'awardingBodyId']
 * ```
 */
export function certificateColumns(excelSerial: boolean): CsvColumnSet<'certificates'> {
  const when = instant(excelSerial);
  return {
    kind: 'certificates',
    schema: certificateSchema,
    derivedId: ['candidateId', 'seriesId', 'awardingBodyId'],
    columns: [
      { header: 'CertificateId', field: 'id', synonyms: ['Id'], required: false, codec: optionalText },
      candidateIdColumn,
      seriesColumn,
      awardingBodyColumn,
      { header: 'AwardCodes', field: 'awardCodes', synonyms: ['Awards', 'Award Code', 'Qualifications'], required: false, codec: listOf() },
      { header: 'ReceivedAt', field: 'receivedAt', synonyms: ['Received On', 'Date Received'], required: false, codec: when },
      { header: 'IssuedAt', field: 'issuedAt', synonyms: ['Issued On', 'Date Issued'], required: false, codec: when },
      { header: 'IssuedTo', field: 'issuedTo', synonyms: ['Collected By'], required: false, codec: optionalText },
      { header: 'Method', field: 'method', synonyms: ['Issue Method', 'How Issued'], required: false, codec: oneOf(['collected', 'posted', 'third_party']) },
      { header: 'DestroyedAt', field: 'destroyedAt', synonyms: ['Destroyed On', 'Date Destroyed'], required: false, codec: when },
      { header: 'DestroyedBy', field: 'destroyedBy', synonyms: [], required: false, codec: optionalText },
      ...checkColumns,
    ],
  };
}
