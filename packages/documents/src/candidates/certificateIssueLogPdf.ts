/**
 * The certificate issue log as kept for the JCQ inspector: one line per certificate (candidate, series,
 * awarding body, awards), when it was received, when, how and to whom it was issued (collected, posted or
 * to a third party with the candidate's written authority), and its destruction when unclaimed, with a
 * column for the collector's signature. From the certificate machines' contexts.
 */
import type { Candidate, CertificateContext } from '@examcycle/core';
import type { DocumentCentre } from '../DocumentCentre.js';
import { drawHeading, drawTable } from '../pdf/PdfTable.js';
import { PdfWriter, type PdfOptions } from '../pdf/PdfWriter.js';
import { candidateIndex, candidateName } from '../words/candidateName.js';
import { dateTimeWords } from '../words/examDay.js';

/**
 * What the certificate issue log is drawn from.
 *
 * @example
 * ```ts
 * declare const contexts: CertificateContext[]; declare const candidates: Candidate[];
 * const input: CertificateIssueLogInput = { centre: { centreNumber: '99999' }, certificates: contexts, candidates, title: 'June 2026' };
 * const pdf = await certificateIssueLogPdf(input);
 * ```
 */
export interface CertificateIssueLogInput {
  readonly centre: DocumentCentre;
  /** The certificates: each certificate machine's context (`actor.getSnapshot().context`). */
  readonly certificates: readonly CertificateContext[];
  /** The candidates (names and numbers). */
  readonly candidates: readonly Candidate[];
  /** A heading line, e.g. the series. */
  readonly title?: string;
}

const METHOD_WORDS = { collected: 'Collected', posted: 'Posted', third_party: 'Third party' } as const;

/**
 * Draws the certificate issue log, by candidate number then series and awarding body.
 *
 * @param input - the certificate contexts, candidates and centre
 * @param options - the creation date written in the file
 * @returns the PDF's bytes (the same input gives the same bytes)
 * @example
 * ```ts
 * declare const centre: DocumentCentre; declare const actors: ActorRefFrom<typeof certificateMachine>[]; declare const candidates: Candidate[];
 * import type { ActorRefFrom } from 'xstate';
 * writeFileSync('certificate-log.pdf', await certificateIssueLogPdf({ centre, certificates: actors.map((a) => a.getSnapshot().context), candidates }));
 * ```
 */
export async function certificateIssueLogPdf(input: CertificateIssueLogInput, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PdfWriter({ title: 'Certificate issue log' }, options);
  const byId = candidateIndex(input.candidates);
  const rows = input.certificates
    .map((ctx) => {
      const cert = ctx.certificate;
      const c = byId.get(cert.candidateId);
      const handover = ctx.handover;
      const to = handover ? `${handover.to}${handover.authority ? ` (written authority signed by ${handover.authority.signedBy})` : ''}` : '';
      return [
        c?.candidateNumber ?? '',
        c ? candidateName(c) : cert.candidateId,
        `${cert.awardingBodyId} ${cert.seriesId}`,
        cert.awardCodes.join(', '),
        ctx.receivedAt ? dateTimeWords(ctx.receivedAt) : '',
        handover ? dateTimeWords(handover.at) : ctx.destruction ? `Destroyed ${dateTimeWords(ctx.destruction.at)}` : '',
        handover ? METHOD_WORDS[handover.method] : ctx.destruction ? ctx.destruction.method.replace(/_/g, ' ') : '',
        to,
        '',
      ];
    })
    .sort((a, b) => (a[0]! + a[2]! < b[0]! + b[2]! ? -1 : a[0]! + a[2]! > b[0]! + b[2]! ? 1 : 0));
  drawTable(pdf, {
    layout: 'landscape',
    heading: (p, page, margin) => drawHeading(p, page, margin, { title: 'Certificate issue log', centre: `Centre ${input.centre.centreNumber}`, lines: [input.title ?? `${rows.length} certificate${rows.length === 1 ? '' : 's'}`] }),
    columns: [
      { header: 'Cand. no.', share: 0.85 },
      { header: 'Candidate name', share: 2.3 },
      { header: 'Board, series', share: 1.4 },
      { header: 'Awards', share: 1.1 },
      { header: 'Received', share: 1.5 },
      { header: 'Issued / destroyed', share: 1.9 },
      { header: 'How', share: 0.9 },
      { header: 'To', share: 2 },
      { header: 'Signature', share: 1.4 },
    ],
    rows,
    signatures: ['Exams officer'],
    footer: 'Certificate issue log',
    empty: 'No certificate received yet.',
  });
  return pdf.finish();
}
