/**
 * Candidate and centre numbers. A candidate number is 4 digits, 0001–9999, allocated by the centre and
 * fixed for the series (AQA "Entry fields"; Pearson "Registration and entry data"). A centre number
 * (the National Centre Number) is 5 digits (the first five characters of a UCI).
 */

/**
 * Whether a string is a valid candidate number: exactly four digits, not `0000`.
 *
 * @param value - e.g. `'0042'`
 * @example
 * ```ts
 * isValidCandidateNumber('0042'); // true
 * isValidCandidateNumber('42'); // false: always four digits
 * ```
 */
export function isValidCandidateNumber(value: string): boolean {
  return typeof value === 'string' && /^\d{4}$/.test(value) && value !== '0000';
}

/**
 * Whether a string is a valid centre number: exactly five digits, not `00000`.
 *
 * @param value - e.g. `'68199'`
 * @example
 * ```ts
 * isValidCentreNumber('68199'); // true
 * ```
 */
export function isValidCentreNumber(value: string): boolean {
  return typeof value === 'string' && /^\d{5}$/.test(value) && value !== '00000';
}
