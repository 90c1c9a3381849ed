/**
 * The post-results services under the JCQ pack.
 * (Interim: core's table; issue 14 moves the services and their sources here.)
 */
import { ENQUIRY_SERVICES, type EnquiryService, type EnquiryServiceRule } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The post-results services of an edition.
 *
 * @internal
 * @param _edition - the edition in force
 * @example
 * ```ts
 * jcqPostResultsServices(edition2025_26).review_of_marking.consentRequired; // true
 * ```
 */
export function jcqPostResultsServices(_edition: Edition): Readonly<Record<EnquiryService, EnquiryServiceRule>> {
  return ENQUIRY_SERVICES;
}
