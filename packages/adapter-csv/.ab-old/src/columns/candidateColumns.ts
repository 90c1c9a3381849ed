/**
 * Candidates as CSV. The canonical headers follow the column set proposed for examcycle
 * (research/formats.md §4.3); Bromcom's UCI import template (`Admission Number`, `Exam Number`, `UCI`)
 * and Ofqual's vocabulary (`CentreNo`, `CentreCandidateNumber`, `UniqueCandidateIdentifier`) read as the
 * same columns.
 */
import { candidateSchema } from '@examcycle/core';
import { calendarDate, identifier, oneOf, optionalText, text, yesNo, zeroPadded } from './cellCodecs.js';
import type { CsvColumnSet } from './CsvColumnSet.js';
import { MIS_ID_SYNONYMS } from './sharedColumns.js';

/**
 * The candidates column set.
 *
 * @param excelSerial - whether whole numbers in date columns are Excel serial dates
 * @example
 * ```ts
 * candidateColumns(true).columns[0]!.header; // 'Id'
 * ```
 */
export function candidateColumns(excelSerial: boolean): CsvColumnSet<'candidates'> {
  return {
    kind: 'candidates',
    schema: candidateSchema,
    columns: [
      { header: 'Id', field: 'id', synonyms: [...MIS_ID_SYNONYMS, 'Candidate Id'], required: true, codec: optionalText },
      { header: 'CentreNumber', field: 'centreNumber', synonyms: ['Centre No', 'Centre Num', 'NCN'], required: true, codec: zeroPadded(5, 'centre number') },
      {
        header: 'CandidateNumber',
        field: 'candidateNumber',
        synonyms: ['Exam Number', 'Exam No', 'Centre Candidate Number', 'Candidate No', 'Cand No'],
        required: true,
        codec: zeroPadded(4, 'candidate number'),
      },
      { header: 'UCI', field: 'uci', synonyms: ['Unique Candidate Identifier'], required: false, codec: identifier },
      { header: 'ULN', field: 'uln', synonyms: ['Unique Learner Number'], required: false, codec: identifier },
      { header: 'UPN', field: 'upn', synonyms: ['Unique Pupil Number'], required: false, codec: identifier },
      {
        header: 'LegalSurname',
        field: 'legalSurname',
        synonyms: ['Surname', 'Last Name', 'Family Name', 'Legal Last Name', 'Exam Surname'],
        required: true,
        codec: optionalText,
      },
      {
        header: 'LegalForenames',
        field: 'legalForenames',
        synonyms: ['Forenames', 'Forename', 'First Name', 'First Names', 'Given Name', 'Given Names', 'Legal Forename', 'Legal First Name', 'Exam Forenames'],
        required: true,
        codec: text,
      },
      { header: 'PreferredName', field: 'preferredName', synonyms: ['Preferred Forename', 'Preferred First Name', 'Known As'], required: false, codec: optionalText },
      { header: 'DateOfBirth', field: 'dateOfBirth', synonyms: ['DOB', 'Birth Date'], required: true, codec: calendarDate(excelSerial) },
      { header: 'Sex', field: 'sex', synonyms: ['Gender'], required: false, codec: oneOf(['F', 'M'], { female: 'F', male: 'M' }) },
      {
        header: 'CandidateKind',
        field: 'kind',
        synonyms: ['Candidate Type'],
        required: false,
        codec: oneOf(['internal', 'private'], { external: 'private', on_roll: 'internal' }),
      },
      {
        header: 'ContingencyDayNoticeGiven',
        field: 'contingencyDayNoticeGiven',
        synonyms: ['Contingency Notice', 'Contingency Day Notice'],
        required: false,
        codec: yesNo,
      },
    ],
  };
}
