/**
 * The Exams Officer Professional Standards (EOPS) tracker export: one line per exams officer and academic
 * year, one column per EOPS step, each cell `done` or `not done`. The columns are exactly `Exams Officer,
 * Centre, Academic Year, Values & Attributes Statement, Knowledge & Understanding, Key Skills, Values &
 * Attributes Agreement, Certificate`; core's `eopsTracker` produces the rows (core's `EopsTrackerRow`).
 */
import type { EopsTrackerRow } from '@examcycle/core';
import type { CsvReport } from './CsvReport.js';

const done = (b: boolean): string => (b ? 'done' : 'not done');

/** The EOPS tracker export (`exportCsv('eops_tracker', rows)`). @internal */
export const eopsTrackerReport: CsvReport<EopsTrackerRow> = {
  lines: (rows) => rows,
  columns: () => [
    { header: 'Exams Officer', value: (r) => r.officerName },
    { header: 'Centre', value: (r) => r.centreNumber },
    { header: 'Academic Year', value: (r) => r.academicYear },
    { header: 'Values & Attributes Statement', value: (r) => done(r.valuesAndAttributesStatement) },
    { header: 'Knowledge & Understanding', value: (r) => done(r.knowledgeAndUnderstanding) },
    { header: 'Key Skills', value: (r) => done(r.keySkills) },
    { header: 'Values & Attributes Agreement', value: (r) => done(r.valuesAndAttributesAgreement) },
    { header: 'Certificate', value: (r) => done(r.certificate) },
  ],
};
