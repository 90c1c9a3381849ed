/**
 * The post-results services a centre can request, and the shape of a rules pack's rule for each one: what
 * it needs (the candidate's written consent or not), when it must be in by (the priority or the final
 * post-results deadline), what it gives (a grade or scripts), and where that comes from. Core knows the
 * services by name only; the rules themselves, with their sources, come from the pack
 * (`RulesPack.postResultsServices(academicYear)`), and an enquiry keeps its own service's rule in its
 * context so a restored request decides the same way without the pack.
 */
import { z } from 'zod';
import { sourceRefSchema, type Confidence, type SourceRef } from '../rules/sources.js';

/**
 * The post-results services, by examcycle's name for them.
 *
 * @example
 * ```ts
 * const service: EnquiryService = 'priority_review_of_marking';
 * ```
 */
export type EnquiryService =
  | 'clerical_recheck'
  | 'review_of_marking'
  | 'priority_review_of_marking'
  | 'review_of_moderation'
  | 'access_to_scripts_priority'
  | 'access_to_scripts';

/**
 * Every post-results service examcycle knows, in a fixed order (a pack gives a rule for each).
 *
 * @example
 * ```ts
 * ENQUIRY_SERVICE_IDS.includes('review_of_moderation'); // true
 * ```
 */
export const ENQUIRY_SERVICE_IDS = [
  'clerical_recheck',
  'review_of_marking',
  'priority_review_of_marking',
  'review_of_moderation',
  'access_to_scripts_priority',
  'access_to_scripts',
] as const satisfies readonly EnquiryService[];

/**
 * A rules pack's rule for one post-results service: what it needs and gives, and its source.
 *
 * @example
 * ```ts
 * const rule: EnquiryServiceRule = {
 *   title: 'Review of marking (service 2)', code: '2', consentRequired: true, deadline: 'post_results_final_deadline',
 *   outcome: 'grade', rule: 'jcq.prs.service-2', consentRule: 'jcq.gr.5.13',
 *   source: { document: 'JCQ Post-Results Services', section: 'Section Two', year: '2025/26' }, confidence: 'primary',
 * };
 * ```
 */
export interface EnquiryServiceRule {
  /** The service's name, as the regulation gives it. */
  readonly title: string;
  /** The regulator's number or code for the service (JCQ: `1`, `2`, `2P`, `3`, `ATS`). */
  readonly code: string;
  /** Whether the candidate's written consent is needed before the request goes in. */
  readonly consentRequired: boolean;
  /** The key date the request must be in by. */
  readonly deadline: 'post_results_priority_deadline' | 'post_results_final_deadline';
  /** A review gives a grade; access to scripts gives scripts. */
  readonly outcome: 'grade' | 'scripts';
  /** The pack's rule id for the service (named in refusals about the service itself). */
  readonly rule: string;
  /** The rule id of the consent regulation (collected in writing, after results are published), when consent is required. */
  readonly consentRule?: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  /** Below `primary`: why (the wording read, the school or sector source quoted). */
  readonly note?: string;
}

const CONFIDENCES = ['primary', 'primary-earlier-year', 'secondary', 'pattern', 'reading'] as const;

/**
 * The schema of a service rule as an enquiry keeps it (in its context, and so in every snapshot).
 *
 * @example
 * ```ts
 * enquiryServiceRuleSchema.safeParse(jcq.postResultsServices('2025/26').review_of_marking).success; // true
 * ```
 */
export const enquiryServiceRuleSchema = z.strictObject({
  title: z.string().min(1).max(300),
  code: z.string().max(40),
  consentRequired: z.boolean(),
  deadline: z.enum(['post_results_priority_deadline', 'post_results_final_deadline']),
  outcome: z.enum(['grade', 'scripts']),
  rule: z.string().min(1).max(200),
  consentRule: z.string().min(1).max(200).optional(),
  source: sourceRefSchema,
  confidence: z.enum(CONFIDENCES),
  note: z.string().max(2_000).optional(),
});
