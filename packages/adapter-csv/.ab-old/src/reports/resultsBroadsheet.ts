/**
 * The results broadsheet export: one line per candidate, one column per award, as SIMS's "Certification
 * Results Broadsheet" lays it out. Leading columns are `CandidateNumber, UCI, UPN, Surname, Forenames`;
 * each award's column is headed `<AwardingBody>-<AwardCode> <Title>` (research/formats.md §4.3), ordered
 * by awarding body then award code, and holds the grade. With `broadsheetMarks`, a `… Mark` and a `… UMS`
 * column follow each grade. Two results for one candidate and award cannot share a cell, so they are
 * refused with `unrepresentable_value` rather than one silently dropped.
 */
import { ExamcycleError } from '@examcycle/core';
import type { CsvReport, ReportColumn } from './CsvReport.js';

/**
 * One result on the broadsheet.
 *
 * @example
 * ```ts
 * const result: BroadsheetResult = { awardingBody: 'AQA', awardCode: '8700', title: 'English Language', grade: '6' };
 * ```
 */
export interface BroadsheetResult {
  readonly awardingBody: string;
  readonly awardCode: string;
  readonly title: string;
  /** At most two characters in JCQ EDI; blank while pending. */
  readonly grade: string;
  readonly mark?: number;
  readonly uniformMark?: number;
}

/**
 * One candidate on the broadsheet, with all their results.
 *
 * @example
 * ```ts
 * const row: BroadsheetRow = { candidateNumber: '0002', surname: 'Evans', forenames: 'Llŷr',
 *   results: [{ awardingBody: 'AQA', awardCode: '8700', title: 'English Language', grade: '9' }] };
 * ```
 */
export interface BroadsheetRow {
  readonly candidateNumber: string;
  readonly uci?: string;
  readonly upn?: string;
  readonly surname: string;
  readonly forenames: string;
  readonly results: readonly BroadsheetResult[];
}

/** A candidate with their results by award. */
interface BroadsheetLine {
  readonly row: BroadsheetRow;
  readonly byAward: ReadonlyMap<string, BroadsheetResult>;
}

const awardKey = (r: BroadsheetResult): string => `${r.awardingBody}\u0000${r.awardCode}`;

/** The results broadsheet export (`exportCsv('results_broadsheet', rows)`). @internal */
export const resultsBroadsheetReport: CsvReport<BroadsheetRow, BroadsheetLine> = {
  lines: (rows) =>
    rows.map((row) => {
      const byAward = new Map<string, BroadsheetResult>();
      for (const result of row.results) {
        const key = awardKey(result);
        if (byAward.has(key)) {
          throw new ExamcycleError(
            'unrepresentable_value',
            `Candidate ${row.candidateNumber} has two ${result.awardingBody} ${result.awardCode} results; a broadsheet has one cell per candidate and award`,
            { location: { field: 'results', value: `${result.awardingBody}-${result.awardCode}` }, details: { candidateNumber: row.candidateNumber } },
          );
        }
        byAward.set(key, result);
      }
      return { row, byAward };
    }),
  columns: (rows, settings) => {
    const awards = new Map<string, BroadsheetResult>();
    for (const row of rows) for (const result of row.results) if (!awards.has(awardKey(result))) awards.set(awardKey(result), result);
    const ordered = [...awards.entries()].sort(([, a], [, b]) =>
      a.awardingBody === b.awardingBody ? (a.awardCode < b.awardCode ? -1 : a.awardCode > b.awardCode ? 1 : 0) : a.awardingBody < b.awardingBody ? -1 : 1,
    );
    const columns: ReportColumn<BroadsheetLine>[] = [
      { header: 'CandidateNumber', value: (l) => l.row.candidateNumber },
      { header: 'UCI', value: (l) => l.row.uci },
      { header: 'UPN', value: (l) => l.row.upn },
      { header: 'Surname', value: (l) => l.row.surname },
      { header: 'Forenames', value: (l) => l.row.forenames },
    ];
    for (const [key, award] of ordered) {
      const label = `${award.awardingBody}-${award.awardCode} ${award.title}`.trim();
      columns.push({ header: label, value: (l) => l.byAward.get(key)?.grade });
      if (settings.broadsheetMarks) {
        columns.push({ header: `${label} Mark`, value: (l) => l.byAward.get(key)?.mark });
        columns.push({ header: `${label} UMS`, value: (l) => l.byAward.get(key)?.uniformMark });
      }
    }
    return columns;
  },
};
