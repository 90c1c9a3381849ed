/**
 * Access arrangements as CSV: the candidate, the arrangement (`Extra time`, `Reader`, `Word processor`, …),
 * extra-time percentage (`25%`), rest-break minutes, the approval (AAO or centre-delegated) and whether the
 * centre holds the evidence. A file without an id column gets one derived as `candidateId:kind`.
 */
import { accessArrangementKindSchema, accessArrangementSchema } from '@examcycle/core';
import { calendarDate, integer, oneOf, optionalText, percent, yesNo } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';
import { candidateIdColumn, checkColumns } from './sharedColumns.js';

/**
 * The access arrangements column set.
 *
 * @param excelSerial - whether whole numbers in date columns are Excel serial dates
 * @example
 * ```ts
 * accessArrangementColumns(true).derivedId; // ['candidateId', 'kind']
 * ```
 */
export function accessArrangementColumns(excelSerial: boolean): CsvColumnSet<'access_arrangements'> {
  return {
    kind: 'access_arrangements',
    schema: accessArrangementSchema,
    derivedId: ['candidateId', 'kind'],
    columns: [
      { header: 'ArrangementId', field: 'id', synonyms: ['Id'], required: false, codec: optionalText },
      candidateIdColumn,
      {
        header: 'Arrangement',
        field: 'kind',
        synonyms: ['Arrangement Type', 'Access Arrangement', 'Kind', 'Type'],
        required: true,
        codec: oneOf(accessArrangementKindSchema.options, { supervised_rest_breaks: 'rest_breaks', practical_assistant: 'practical_assistant', wp: 'word_processor' }),
      },
      { header: 'ExtraTimePercent', field: 'extraTimePercent', synonyms: ['Extra Time', 'Extra Time %', 'Extra Time Pct'], required: false, codec: percent },
      { header: 'RestBreakMinutesPerHour', field: 'restBreakMinutesPerHour', synonyms: ['Rest Break Minutes'], required: false, codec: integer },
      {
        header: 'Approval',
        field: 'approval',
        synonyms: ['Approval Status', 'Status'],
        required: false,
        codec: oneOf(['aao_approved', 'centre_delegated', 'pending', 'none'], { approved: 'aao_approved', aao: 'aao_approved', delegated: 'centre_delegated' }),
      },
      { header: 'ApprovedOn', field: 'approvedOn', synonyms: ['Approval Date', 'Date Approved'], required: false, codec: calendarDate(excelSerial) },
      { header: 'ApprovalReference', field: 'approvalReference', synonyms: ['AAO Reference', 'AAO Ref', 'Reference'], required: false, codec: optionalText },
      { header: 'EvidenceHeld', field: 'evidenceHeld', synonyms: ['Evidence', 'Evidence On File'], required: false, codec: yesNo },
      ...checkColumns,
    ],
  };
}
