/**
 * The Unique Pupil Number (UPN): 13 characters, a check letter then 12 characters weighted 2..13 mod 23
 * into `ABCDEFGHJKLMNPQRTUVWXYZ` (no I, O, S). A temporary UPN ends in a letter, valued by the same table.
 * Characters 2–4 are a local authority code. Source: UK Government Data Standards Catalogue, Unique Pupil
 * Number v2.0; DfE MTC `upn.service.js` vectors (R201100018042, T20110001804V).
 */

const LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * The check letter for the last 12 characters of a UPN, or `undefined` when they are not a UPN body.
 *
 * @param body - characters 2–13
 * @example
 * ```ts
 * upnCheckCharacter('201100018042'); // 'R'
 * ```
 */
export function upnCheckCharacter(body: string): string | undefined {
  if (!/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const ch = body[i]!;
    const value = i === 11 && /[A-Z]/.test(ch) ? LETTERS.indexOf(ch) : ch.charCodeAt(0) - 48;
    sum += value * (i + 2);
  }
  return LETTERS[sum % 23];
}

/**
 * Whether a string is a valid UPN (permanent or temporary). The local authority code (characters 2–4)
 * must not be `000`.
 *
 * @param value - the pupil's UPN
 * @example
 * ```ts
 * isValidUpn('R201100018042'); // true
 * isValidUpn('Q207000016049'); // false: a vendor's published "corrected" UPN; P is right
 * ```
 */
export function isValidUpn(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 13) return false;
  if (value.slice(1, 4) === '000') return false;
  return upnCheckCharacter(value.slice(1)) === value[0];
}

/**
 * Whether a valid UPN is temporary (its last character is a letter).
 *
 * @param value - a UPN
 * @example
 * ```ts
 * isTemporaryUpn('T20110001804V'); // true
 * ```
 */
export function isTemporaryUpn(value: string): boolean {
  return isValidUpn(value) && /[A-Z]$/.test(value);
}
