/**
 * The post-results services under the JCQ pack: the JCQ "Post-Results Services" booklet's reviews of
 * results (service 1 clerical re-check, service 2 review of marking, priority service 2P, service 3 review
 * of moderation) and access to scripts (priority copies to support a review of marking; copies for teaching
 * and learning), with what each needs and gives. The booklet itself (June and November 2025 series) names
 * the services and its sections; the service numbers, which deadline each is held to and which need the
 * candidate's written consent (General Regulations 5.13: written, collected after results are published,
 * never in advance) were read in school and sector copies of it, so they are `secondary`.
 */
import type { Confidence, EnquiryService, EnquiryServiceRule, SourceRef } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

const BOOKLET_URL = 'https://www.jcq.org.uk/?p=599';

/** The JCQ Post-Results Services booklet, section `section`, as read for the June and November 2025 series. */
function booklet(section: string): SourceRef {
  return { document: 'JCQ, Post-Results Services: information and guidance to centres (June 2025 and November 2025 series)', section, year: '2024/25', url: BOOKLET_URL };
}

/** The rule id of the consent regulation: written candidate consent, collected after results are published. */
const CONSENT_RULE = 'jcq.gr.5.13';

const NOTES = {
  reviews:
    'The JCQ booklet (Section Two, Reviews of Results) names clerical re-checks, reviews of marking and reviews of moderation; the service numbers and consent wording were read in school copies (Sale Grammar School 2023, quoting GR 5.13: "Candidates must provide their written consent for clerical re-checks, reviews of marking and access to scripts … after the publication of examination results"; Post-results consent form summer 2022, fbaok.co.uk).',
  priority:
    'Priority service 2P: the same review to the earlier (priority) deadline, for externally assessed GCE A-level components (AQA "Review and priority review of marking"; NBS Herts). The deadline it is held to was read in school copies (Simon Balle School; fbaok.co.uk form, "Deadline: 25 August 2022").',
  moderation: 'Service 3 is not available to an individual candidate; candidate consent is not required (St Aidan\'s; NBS Herts, "for information only - this service is not available to individual candidates").',
  scripts:
    'The JCQ booklet (Section Three, Access to Scripts) gives two kinds: priority copies to support a review-of-marking decision, and copies for teaching and learning (released after the post-results deadline: Handsworth School; St Aidan\'s). Consent is required (GR 5.13, as quoted by Sale Grammar School).',
} as const;

/**
 * The post-results services of an edition, each with its source and confidence.
 *
 * @internal
 * @param edition - the edition in force
 */
export function jcqPostResultsServices(edition: Edition): Readonly<Record<EnquiryService, EnquiryServiceRule>> {
  // The booklet read covers the June and November 2025 series (editions 2024/25 and 2025/26); later editions rest on it.
  const read = edition.academicYear === '2024/25' || edition.academicYear === '2025/26';
  const s = (note: string): { confidence: Confidence; note: string } => ({
    confidence: 'secondary',
    note: read ? note : `${note} Read for the 2025 series; not re-read for ${edition.academicYear}.`,
  });
  const reviews = booklet('Section Two: Reviews of Results');
  const scripts = booklet('Section Three: Access to Scripts');
  return {
    clerical_recheck: { title: 'Clerical re-check (service 1)', code: '1', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'grade', rule: 'jcq.prs.service-1', consentRule: CONSENT_RULE, source: reviews, ...s(NOTES.reviews) },
    review_of_marking: { title: 'Review of marking (service 2)', code: '2', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'grade', rule: 'jcq.prs.service-2', consentRule: CONSENT_RULE, source: reviews, ...s(NOTES.reviews) },
    priority_review_of_marking: {
      title: 'Priority review of marking (priority service 2P)',
      code: '2P',
      consentRequired: true,
      deadline: 'post_results_priority_deadline',
      outcome: 'grade',
      rule: 'jcq.prs.service-2p',
      consentRule: CONSENT_RULE,
      source: reviews,
      ...s(NOTES.priority),
    },
    review_of_moderation: { title: 'Review of moderation (service 3)', code: '3', consentRequired: false, deadline: 'post_results_final_deadline', outcome: 'grade', rule: 'jcq.prs.service-3', source: reviews, ...s(NOTES.moderation) },
    access_to_scripts_priority: {
      title: 'Priority copy of a script (to support a review of marking)',
      code: 'ATS',
      consentRequired: true,
      deadline: 'post_results_priority_deadline',
      outcome: 'scripts',
      rule: 'jcq.prs.ats-priority',
      consentRule: CONSENT_RULE,
      source: scripts,
      ...s(NOTES.scripts),
    },
    access_to_scripts: { title: 'Access to scripts (copies for teaching and learning)', code: 'ATS', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'scripts', rule: 'jcq.prs.ats', consentRule: CONSENT_RULE, source: scripts, ...s(NOTES.scripts) },
  };
}
