/**
 * The enquiries-about-results log export: one line per post-results service requested (a review of
 * marking, a clerical re-check, access to scripts …), with the candidate's consent, the dates, the
 * awarding body's reference, the grade and mark before and after, and the fee.
 */
import type { CsvReport } from './CsvReport.js';

/**
 * One post-results enquiry.
 *
 * @example
 * ```ts
 * const eor: EnquiryLogRow = { candidateNumber: '0001', candidateName: 'EVANS: Siân', awardingBody: 'AQA', awardCode: '8700',
 *   service: 'Review of marking', requestedOn: '2026-08-21', originalGrade: '6', feePence: 5050 };
 * ```
 */
export interface EnquiryLogRow {
  readonly candidateNumber: string;
  readonly candidateName: string;
  readonly awardingBody: string;
  readonly awardCode: string;
  readonly title?: string;
  /** The service as the awarding body names it, e.g. `Review of marking`, `Access to scripts`. */
  readonly service: string;
  /** `yyyy-mm-dd` the request reached the exams office. */
  readonly requestedOn: string;
  /** `yyyy-mm-dd` the candidate's written consent was received. */
  readonly consentReceivedOn?: string;
  /** `yyyy-mm-dd` it was submitted to the awarding body. */
  readonly submittedOn?: string;
  readonly reference?: string;
  readonly originalGrade?: string;
  readonly originalMark?: number;
  readonly outcome?: string;
  readonly newGrade?: string;
  readonly newMark?: number;
  /** The fee in pence. */
  readonly feePence?: number;
  readonly status?: string;
}

/** The enquiries-about-results log export (`exportCsv('enquiries_log', rows)`). @internal */
export const enquiriesLogReport: CsvReport<EnquiryLogRow> = {
  lines: (rows) => rows,
  columns: () => [
    { header: 'CandidateNumber', value: (r) => r.candidateNumber },
    { header: 'CandidateName', value: (r) => r.candidateName },
    { header: 'AwardingBody', value: (r) => r.awardingBody },
    { header: 'AwardCode', value: (r) => r.awardCode },
    { header: 'Title', value: (r) => r.title },
    { header: 'Service', value: (r) => r.service },
    { header: 'RequestedOn', value: (r) => r.requestedOn },
    { header: 'ConsentReceivedOn', value: (r) => r.consentReceivedOn },
    { header: 'SubmittedOn', value: (r) => r.submittedOn },
    { header: 'Reference', value: (r) => r.reference },
    { header: 'OriginalGrade', value: (r) => r.originalGrade },
    { header: 'OriginalMark', value: (r) => r.originalMark },
    { header: 'Outcome', value: (r) => r.outcome },
    { header: 'NewGrade', value: (r) => r.newGrade },
    { header: 'NewMark', value: (r) => r.newMark },
    { header: 'FeeGBP', value: (r) => (r.feePence === undefined ? undefined : (r.feePence / 100).toFixed(2)) },
    { header: 'Status', value: (r) => r.status },
  ],
};
