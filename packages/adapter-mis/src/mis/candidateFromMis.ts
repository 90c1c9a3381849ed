/**
 * Turns an MIS candidate into core's {@link Candidate}: the centre number and, where the MIS holds none,
 * the candidate number come from the centre; everything else is checked by core's candidate schema, so a
 * missing date of birth or a bad identifier is an issue, not a guess.
 */
import { candidateSchema, type Candidate, type ExamcycleIssue } from '@examcycle/core';
import { misIssue } from './misIssue.js';
import type { MisCandidate, MisIssueCode } from './MisPort.js';

/**
 * What the centre adds to an MIS candidate.
 *
 * @example
 * ```ts
 * const options: CandidateFromMisOptions = { centreNumber: '12345', candidateNumber: '0042' };
 * ```
 */
export interface CandidateFromMisOptions {
  readonly centreNumber: string;
  /** The candidate number, when the MIS does not hold one (or to override it). */
  readonly candidateNumber?: string;
}

/**
 * Builds a core candidate from an MIS candidate.
 *
 * @param mis - the candidate as pulled
 * @param options - the centre number, and a candidate number where the MIS has none
 * @example
 * ```ts
 * const pulled: MisCandidate = { id: 'A1329183376', upn: 'A123456789012', legalSurname: 'Ng', legalForenames: 'Mai', dateOfBirth: '2009-03-14' };
 * const { candidate, issues } = candidateFromMis(pulled, { centreNumber: '12345', candidateNumber: '0042' });
 * if (candidate === undefined) console.warn(issues.map((i) => i.message));
 * ```
 */
export function candidateFromMis(mis: MisCandidate, options: CandidateFromMisOptions): { readonly candidate?: Candidate; readonly issues: readonly ExamcycleIssue<MisIssueCode>[] } {
  const candidateNumber = options.candidateNumber ?? mis.candidateNumber;
  const parsed = candidateSchema.safeParse({
    id: mis.id,
    centreNumber: options.centreNumber,
    candidateNumber,
    ...(mis.uci === undefined ? {} : { uci: mis.uci }),
    ...(mis.uln === undefined ? {} : { uln: mis.uln }),
    ...(mis.upn === undefined ? {} : { upn: mis.upn }),
    legalSurname: mis.legalSurname,
    legalForenames: mis.legalForenames,
    ...(mis.preferredName === undefined ? {} : { preferredName: mis.preferredName }),
    dateOfBirth: mis.dateOfBirth,
    ...(mis.sex === undefined ? {} : { sex: mis.sex }),
  });
  if (parsed.success) return { candidate: parsed.data, issues: [] };
  return {
    issues: parsed.error.issues.map((i) => {
      const field = i.path.join('.');
      const params = (i as { params?: { code?: string } }).params;
      return misIssue({ file: 'candidate' }, params?.code === 'bad_check_character' ? 'bad_check_character' : 'invalid_value', 'error', `${field}: ${i.message}`, { field, recordId: mis.id });
    }),
  };
}
