/**
 * The Unique Candidate Identifier (UCI): 13 characters. Positions 1–5 the centre number where the
 * candidate was first entered, 6 `0` (centre-allocated) or an awarding body letter, 7–8 the year of
 * registration, 9–12 a serial, 13 a check letter. Source: JCQ "Unique Candidate Identifiers" and the WJEC
 * worked example (681990012058G).
 */

const CHECK_LETTERS = 'ABCDEFGHKLMRTVWXY';
/** Position-6 letters whose value is agreed by every public implementation (A = 1 … P = 16). */
const POSITION_SIX = /^[0A-P]$/;

function uciBody(body: string): number | undefined {
  if (!/^\d{5}[0-9A-P]\d{6}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const ch = body.charCodeAt(i);
    const value = ch >= 65 ? ch - 64 : ch - 48;
    sum += value * (16 - i);
  }
  return sum % 17;
}

/**
 * The check letter for the first 12 characters of a UCI (weights 16..5, sum mod 17, letters
 * `ABCDEFGHKLMRTVWXY`), or `undefined` when the 12 characters are not a UCI body.
 *
 * @param body - the first 12 characters
 * @example
 * ```ts
 * uciCheckCharacter('681990012058'); // 'G'
 * ```
 */
export function uciCheckCharacter(body: string): string | undefined {
  const r = uciBody(body);
  return r === undefined ? undefined : CHECK_LETTERS[r];
}

/**
 * Whether a string is a valid UCI: 12 characters of the right shape and the right check letter.
 * Upper case only; position 6 is `0` or a letter A–P (the JCQ awarding body letters A, B, C, E, G among them).
 *
 * @param value - the candidate's UCI
 * @example
 * ```ts
 * isValidUci('681990012058G'); // true
 * isValidUci('999990140001X'); // false: AQA's placeholder, the real check letter is B
 * ```
 */
export function isValidUci(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 13) return false;
  if (!POSITION_SIX.test(value[5]!)) return false;
  return uciCheckCharacter(value.slice(0, 12)) === value[12];
}
