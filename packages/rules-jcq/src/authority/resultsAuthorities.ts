/**
 * Who may take each results action under the JCQ pack, with its source: the post-results requests
 * (`enquiry.*`: requests go only through the centre, the exams office submits them; the candidate gives
 * written consent), certificates (`certificate.*`: the exams office receives, checks and issues; the head of
 * centre or the exams officer signs off destruction), and the results store's writes (`results.*`: the head of
 * centre and exams office staff handle results; only the head of centre nominates staff for restricted
 * release day). JCQ rarely names a role for a step; where it does not, the row is the pack's `reading`, and
 * its note says what the source does say.
 */
import type { ActorRole, Authority, Confidence, SourceRef } from '@examcycle/core';
import { documents } from '../editions/documents.js';
import type { Edition } from '../editions/Edition.js';

const EXAMS_OFFICE: readonly ActorRole[] = ['exams_officer', 'exams_office_staff'];
const CENTRE: readonly ActorRole[] = ['head_of_centre', ...EXAMS_OFFICE];

function row(action: string, roles: readonly ActorRole[], title: string, source: SourceRef, confidence: Confidence, note?: string): Authority {
  return { action, roles, title, source, confidence, ...(note === undefined ? {} : { note }) };
}

/**
 * The results rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param edition - the edition in force
 */
export function resultsAuthorities(edition: Edition): readonly Authority[] {
  const Y = edition.academicYear;
  const consent: SourceRef = {
    document: 'JCQ General Regulations for Approved Centres, as quoted by Sale Grammar School "Post Results Information 2023"',
    section: '5.13',
    year: '2022/23',
    url: 'https://www.salegrammar.co.uk/6955/post-results-information-2023',
  };
  const consentForm: SourceRef = {
    document: 'JCQ Post-Results Services, Appendix A consent statement, as reproduced in a centre\'s post-results consent form (summer 2022)',
    year: '2021/22',
    url: 'https://fbaok.co.uk/post-results-services-consent-form-summer-2022/',
  };
  const seced = documents.secedResultsChecklist(Y);
  const publication = documents.jcqPublicationOfResults(Y);
  const unclaimed = documents.jcqUnclaimedCertificates(Y);
  return [
    // Post-results requests.
    row('enquiry.consent.capture', ['candidate', ...CENTRE], 'The candidate gives written consent, after results are published; the centre records it', consent, 'secondary',
      '"Candidates must provide their written consent for clerical re-checks, reviews of marking and access to scripts services … after the publication of examination results (GR 5.13)." A candidate may record only their own consent.'),
    row('enquiry.submit', CENTRE, 'Post-results requests are made only through the centre: the exams office submits them, with the head of centre\'s authority', seced, 'secondary',
      'SecEd: "all post-results service requests can only be made through the centre"; the JCQ consent statement gives consent "to the head of my school or college to submit" the request (consent form, summer 2022).'),
    row('enquiry.withdraw', CENTRE, 'The centre withdraws a request it has not yet submitted', consentForm, 'reading',
      'The consent statement is given to the head of centre, who submits through the exams office; the pack reads that the same roles withdraw a request before it goes in.'),
    row('enquiry.outcome', CENTRE, 'The exams office records the awarding body\'s outcome of a review', publication, 'reading', 'The awarding body answers the centre that made the request; JCQ names no role for recording it.'),
    row('enquiry.scriptsReceived', CENTRE, 'The exams office records the scripts received', publication, 'reading', 'Copies of scripts come to the centre that asked for them; JCQ names no role for recording them.'),
    row('enquiry.close', CENTRE, 'The exams office closes a request once its outcome is in', publication, 'reading', 'JCQ names no role; the pack reads that the exams office closes what it submitted.'),
    // Certificates.
    row('certificate.received', CENTRE, 'The exams office receives certificates from the awarding bodies', publication, 'reading', 'JCQ: "Certificates will be issued by Awarding Bodies later in the year"; they come to the centre, which names no role.'),
    row('certificate.checked', CENTRE, 'The exams office checks certificates when they arrive', publication, 'reading', 'JCQ names no role for checking certificates.'),
    row('certificate.disposed', CENTRE, 'The exams office returns or destroys a wrong certificate, as its awarding body requires', publication, 'reading', 'Awarding bodies differ (return it, or destroy it in the centre); none names the role.'),
    row('certificate.issued', CENTRE, 'The exams office issues certificates to candidates (or to a third party with the candidate\'s written authority)', publication, 'reading', 'JCQ names no role for issuing certificates.'),
    row('certificate.unclaimed', CENTRE, 'The exams office records a certificate as unclaimed and keeps it securely', unclaimed, 'reading', 'The notice says unclaimed certificates are kept securely by the centre; it names no role.'),
    row('certificate.destroyed', ['head_of_centre', 'exams_officer'], 'The head of centre or the exams officer signs off the secure destruction of an unclaimed certificate', unclaimed, 'reading',
      'The notice allows secure destruction (shredding or incineration) after 12 months from the date of issue and asks for a record of each; the pack reads that the head of centre, accountable for the centre\'s security, or the exams officer signs it off.'),
    row('certificate.recordPurged', ['head_of_centre', 'exams_officer'], 'The head of centre or the exams officer signs off the purge of a destruction record after 4 years', unclaimed, 'reading',
      'The notice asks that the record of destroyed certificates be kept for 4 years; it names no role for its disposal.'),
    // Results-store writes.
    row('results.received', CENTRE, 'The head of centre and exams office staff take in and check the results files', publication, 'primary',
      'JCQ: "The Head of Centre and exams office staff may check the results files to ensure that each candidate has received the grade(s) that were expected of them."'),
    row('results.received', ['system'], 'Results files downloaded by the centre\'s system for the exams office', publication, 'reading', 'An automatic download (A2C) on the exams office\'s behalf.'),
    row('results.nominate', ['head_of_centre'], 'Only the head of centre nominates teaching staff to see results on restricted release day', seced, 'secondary',
      'SecEd: "those teaching staff who, in the opinion of the head of centre, need to be aware of the information".'),
    row('results.revokeNomination', ['head_of_centre'], 'Only the head of centre withdraws a nomination', seced, 'reading', 'Who nominates withdraws: the pack\'s reading of the SecEd checklist.'),
    row('results.authoriseThirdParty', CENTRE, 'The exams office records a candidate\'s written authority for a third party to see or collect their results', publication, 'reading',
      'JCQ: results are confidential to the candidate; the pack reads that the exams office, which issues results, records a candidate\'s written authority.'),
    row('results.lateCashIn', CENTRE, 'The exams office submits and records late cash-ins', seced, 'secondary', 'SecEd checklist: the exams office should "submit any late \'cash-in\'".'),
    row('results.gradeChanged', CENTRE, 'The exams office records an enquiry\'s outcome on the candidate\'s result', publication, 'reading', 'The outcome comes back to the centre that made the request.'),
    row('results.gradeChanged', ['system'], 'An enquiry\'s outcome applied by the centre\'s system for the exams office', publication, 'reading', 'Applied from the enquiry machine on the exams office\'s behalf.'),
  ];
}
