/**
 * The certificate log export: one line per certificate, readable by people (candidate name and number,
 * London date and time of each step), as kept for the JCQ inspector. The `certificates` record export is
 * the machine round-trip form of the same log.
 */
import { toLondon, type Instant } from '@examcycle/core';
import { listCell, type CsvReport } from './CsvReport.js';

/**
 * One certificate in the log.
 *
 * @example
 * ```ts
 * const line: CertificateLogRow = { candidateNumber: '0001', candidateName: 'EVANS: Siân', series: 'june-2026',
 *   awardingBody: 'AQA', receivedAt: '2026-11-02T09:30:00Z', method: 'collected' };
 * ```
 */
export interface CertificateLogRow {
  readonly candidateNumber: string;
  readonly candidateName: string;
  readonly series: string;
  readonly awardingBody: string;
  readonly awardCodes?: readonly string[];
  /** ISO instants; written as London `yyyy-mm-dd HH:mm`. */
  readonly receivedAt?: Instant;
  readonly issuedAt?: Instant;
  readonly issuedTo?: string;
  readonly method?: 'collected' | 'posted' | 'third_party';
  readonly destroyedAt?: Instant;
  readonly destroyedBy?: string;
}

function london(instant: Instant | undefined): string | undefined {
  return instant === undefined ? undefined : toLondon(instant).toFormat('yyyy-MM-dd HH:mm');
}

/** The certificate log export (`exportCsv('certificate_log', rows)`). @internal */
export const certificateLogReport: CsvReport<CertificateLogRow> = {
  lines: (rows) => rows,
  columns: () => [
    { header: 'CandidateNumber', value: (r) => r.candidateNumber },
    { header: 'CandidateName', value: (r) => r.candidateName },
    { header: 'Series', value: (r) => r.series },
    { header: 'AwardingBody', value: (r) => r.awardingBody },
    { header: 'Awards', value: (r) => listCell(r.awardCodes) },
    { header: 'ReceivedOn', value: (r) => london(r.receivedAt) },
    { header: 'IssuedOn', value: (r) => london(r.issuedAt) },
    { header: 'IssuedTo', value: (r) => r.issuedTo },
    { header: 'Method', value: (r) => r.method },
    { header: 'DestroyedOn', value: (r) => london(r.destroyedAt) },
    { header: 'DestroyedBy', value: (r) => r.destroyedBy },
  ],
};
