/**
 * Small reads of fixed-width EDI text shared by the codec and the readers' quick paths: blank padding made once,
 * digit runs and left-justified text fields checked by character code, as the codec's field checks take them.
 */

/** The character code of a space, the padding of text fields. */
export const SPACE = 0x20;

const SPACES: string[] = [];
/**
 * `n` spaces, made once: a blank field of that width, compared in one step.
 *
 * @internal
 * @param n - the width
 * @example
 * ```ts
 * spaces(3); // '   '
 * ```
 */
export function spaces(n: number): string {
  return (SPACES[n] ??= ' '.repeat(n));
}

/**
 * Whether characters `from` to `to` of a line are all ASCII digits.
 *
 * @internal
 * @param line - a line of the file
 * @param from - the first character
 * @param to - one past the last
 * @example
 * ```ts
 * digitsAt('R512345', 2, 7); // true
 * ```
 */
export function digitsAt(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const digit = line.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return false;
  }
  return true;
}

/**
 * Where a left-justified text field ends once its trailing spaces are trimmed: `from` when it is blank, `-1` when
 * the codec would not take it as it is (it starts with a space, or holds a character outside printable ASCII), as
 * the codec's own text check decides.
 *
 * @internal
 * @param line - a line of the file
 * @param from - the field's first character
 * @param to - one past its last
 * @example
 * ```ts
 * textEnd('8300F ', 0, 6); // 5
 * ```
 */
export function textEnd(line: string, from: number, to: number): number {
  let end = to;
  while (end > from && line.charCodeAt(end - 1) === SPACE) end -= 1;
  if (end === from) return from;
  if (line.charCodeAt(from) === SPACE) return -1;
  for (let i = from; i < end; i += 1) {
    const c = line.charCodeAt(i);
    if (c < SPACE || c > 0x7e) return -1;
  }
  return end;
}
