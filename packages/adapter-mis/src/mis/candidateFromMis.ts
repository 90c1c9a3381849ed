/**
 * Turns an MIS candidate into core's {@link Candidate}: the centre number and, where the MIS holds none,
 * the candidate number come from the centre; everything else is checked by core's candidate schema, so a
 * missing date of birth or a bad identifier is an issue, not a guess.
 */
import { candidateSchema, type Candidate } from '@examcycle/core';
import type { MisCandidate, MisIssue } from './MisPort.js';

/** What the centre adds to an MIS candidate. */
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
 * const { candidate, issues } = candidateFromMis(pulled, { centreNumber: '12345', candidateNumber: '0042' });
 * ```
 */
export function candidateFromMis(mis: MisCandidate, options: CandidateFromMisOptions): { readonly candidate?: Candidate; readonly issues: readonly MisIssue[] } {
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
      return {
        where: `candidate:${mis.id}`,
        recordId: mis.id,
        field,
        code: params?.code === 'bad_check_character' ? 'bad_check_character' : 'invalid_value',
        message: `${field}: ${i.message}`,
      };
    }),
  };
}
