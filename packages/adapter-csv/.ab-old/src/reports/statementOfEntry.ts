/**
 * The statement of entry export: one line per entry, with the personal details a candidate checks
 * before the entries go to the awarding bodies (legal name, date of birth, candidate number, UCI) and what
 * they are entered for.
 */
import { listCell, type CsvReport } from './CsvReport.js';

/**
 * One entry on a candidate's statement of entry.
 *
 * @example
 * ```ts
 * const line: StatementOfEntryRow = { candidateNumber: '0003', name: 'AP GRUFFYDD: Ffion', dateOfBirth: '2010-01-27',
 *   series: 'june-2026', awardingBody: 'AQA', entryCode: '8300H', title: 'GCSE Mathematics', tier: 'H' };
 * ```
 */
export interface StatementOfEntryRow {
  readonly candidateNumber: string;
  readonly uci?: string;
  /** The legal name as entered, e.g. `AP GRUFFYDD: Ffion`. */
  readonly name: string;
  /** `yyyy-mm-dd`. */
  readonly dateOfBirth?: string;
  readonly series: string;
  readonly awardingBody: string;
  readonly entryCode: string;
  readonly title: string;
  readonly tier?: 'F' | 'H';
  readonly componentCodes?: readonly string[];
  readonly status?: string;
}

/** The statement of entry export (`exportCsv('statement_of_entry', rows)`). @internal */
export const statementOfEntryReport: CsvReport<StatementOfEntryRow> = {
  lines: (rows) => rows,
  columns: () => [
    { header: 'CandidateNumber', value: (r) => r.candidateNumber },
    { header: 'UCI', value: (r) => r.uci },
    { header: 'Name', value: (r) => r.name },
    { header: 'DateOfBirth', value: (r) => r.dateOfBirth },
    { header: 'Series', value: (r) => r.series },
    { header: 'AwardingBody', value: (r) => r.awardingBody },
    { header: 'EntryCode', value: (r) => r.entryCode },
    { header: 'Title', value: (r) => r.title },
    { header: 'Tier', value: (r) => r.tier },
    { header: 'ComponentCodes', value: (r) => listCell(r.componentCodes) },
    { header: 'Status', value: (r) => r.status },
  ],
};
