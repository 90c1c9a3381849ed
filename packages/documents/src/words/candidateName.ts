/**
 * A candidate's name as exam-room documents print it: the legal surname in capitals, then the legal
 * forenames (`EVANS, Siân`), exactly as entered with the awarding bodies. Scripts without case (Arabic,
 * Chinese) are unchanged by the capitals.
 */
import type { Candidate } from '@examcycle/core';

/**
 * The printed name of a candidate.
 *
 * @param candidate - the candidate (legal names)
 * @example
 * ```ts
 * candidateName({ legalSurname: "O'Brien", legalForenames: 'Zoë' }); // "O'BRIEN, Zoë"
 * ```
 */
export function candidateName(candidate: Pick<Candidate, 'legalSurname' | 'legalForenames'>): string {
  const surname = candidate.legalSurname.toLocaleUpperCase('en-GB');
  return candidate.legalForenames ? `${surname}, ${candidate.legalForenames}` : surname;
}

/**
 * Looks candidates up by id, for documents that print names.
 *
 * @param candidates - the candidates
 * @example
 * ```ts
 * declare const candidates: Candidate[];
 * candidateIndex(candidates).get('c-1')?.candidateNumber;
 * ```
 */
export function candidateIndex(candidates: readonly Candidate[]): ReadonlyMap<string, Candidate> {
  return new Map(candidates.map((c) => [c.id, c]));
}
