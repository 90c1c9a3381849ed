/**
 * Columns several record kinds share: the candidate reference (the MIS id, or the UCI when there is
 * none), the series, the awarding body, and the check-only identifiers (centre number, candidate number,
 * UCI) that entries, access arrangements, results and certificate files often carry and that are
 * validated with core's identifier schemas even though the record does not keep them.
 */
import { candidateNumberSchema, centreNumberSchema, uciSchema } from '@examcycle/core';
import { identifier, optionalText, seriesId, zeroPadded } from './cellCodecs.js';
import type { CsvColumn } from './CsvColumnSet.js';

/** Header names that mean the MIS's stable id for a person. */
export const MIS_ID_SYNONYMS = ['Admission Number', 'Admission No', 'Adno', 'MIS Id', 'Student Id', 'Pupil Id', 'Person Id'];

/** The candidate a record belongs to; the UCI stands in when the file has no candidate id. */
export const candidateIdColumn: CsvColumn = {
  header: 'CandidateId',
  field: 'candidateId',
  synonyms: MIS_ID_SYNONYMS,
  required: true,
  codec: optionalText,
  fallback: 'UCI',
};

/** The exam series (`june-2026`; Ofqual's `June 2026` is read as that). */
export const seriesColumn: CsvColumn = {
  header: 'Series',
  field: 'seriesId',
  synonyms: ['Series Id', 'Exam Series', 'Season'],
  required: true,
  codec: seriesId,
};

/** The awarding body (`AQA`, `OCR`, …). */
export const awardingBodyColumn: CsvColumn = {
  header: 'AwardingBody',
  field: 'awardingBodyId',
  synonyms: ['Awarding Body Id', 'Awarding Organisation', 'AO', 'AB', 'Board', 'Exam Board'],
  required: true,
  codec: optionalText,
};

/** Check-only identifier columns, validated with core's schemas when a file carries them. */
export const checkColumns: readonly CsvColumn[] = [
  {
    header: 'CentreNumber',
    synonyms: ['Centre No', 'Centre Num', 'NCN'],
    required: false,
    codec: zeroPadded(5, 'centre number'),
    check: centreNumberSchema,
  },
  {
    header: 'CandidateNumber',
    synonyms: ['Exam Number', 'Exam No', 'Centre Candidate Number', 'Candidate No', 'Cand No'],
    required: false,
    codec: zeroPadded(4, 'candidate number'),
    check: candidateNumberSchema,
  },
  {
    header: 'UCI',
    synonyms: ['Unique Candidate Identifier'],
    required: false,
    codec: identifier,
    check: uciSchema,
  },
];
