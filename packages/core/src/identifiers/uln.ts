/**
 * The Unique Learner Number (ULN): 10 digits, first digit not zero, weights 10..1 whose sum mod 11 is 10.
 * Source: HESA Student record, field ULN (worked example 9276308686).
 */

/**
 * Whether a string is a valid ULN.
 *
 * @param value - ten digits
 * @example
 * ```ts
 * isValidUln('9276308686'); // true
 * isValidUln('0000000042'); // false: the checksum passes, but a ULN never starts with 0
 * ```
 */
export function isValidUln(value: string): boolean {
  if (typeof value !== 'string' || !/^[1-9]\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += (value.charCodeAt(i) - 48) * (10 - i);
  return sum % 11 === 10;
}
