/**
 * Ranking grades, so an enquiry's outcome can be called up, down or unchanged and a grade distribution can
 * be listed best first. Grades come as the awarding bodies send them (up to two characters in EDI); the
 * common scales are known here, and a caller can pass its own order for anything else.
 */

/**
 * The grade scales examcycle knows, best grade first: GCSE 9–1, letter grades (GCE A*–E, legacy GCSE
 * A*–G), and vocational Distinction*–Pass. `U` (unclassified) is the lowest grade of each.
 *
 * @example
 * ```ts
 * GRADE_SCALES.numeric[0]; // '9'
 * ```
 */
export const GRADE_SCALES = {
  numeric: ['9', '8', '7', '6', '5', '4', '3', '2', '1', 'U'],
  letter: ['A*', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'U'],
  vocational: ['D*', 'D', 'M', 'P', 'U'],
} as const satisfies Record<string, readonly string[]>;

/** Double-award grades sent as two digits (`98` for 9-8 combined science): ranked by total, then first digit. */
const DOUBLE_NUMERIC = /^[1-9][1-9]$/;

/** Whether a grade is already as {@link normalise} leaves it: digits, capitals, `*` and `+` only. */
function isNormal(grade: string): boolean {
  if (typeof grade !== 'string') return false;
  for (let i = 0; i < grade.length; i += 1) {
    const c = grade.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 42 || c === 43)) return false;
  }
  return true;
}

function normalise(grade: string): string {
  return isNormal(grade) ? grade : grade.trim().toUpperCase().replace(/-/g, '');
}

function doubleRank(g: string): number {
  return (Number(g[0]) + Number(g[1])) * 10 + Number(g[0]);
}

/**
 * Compares two grades: positive when `a` is the better grade, negative when worse, 0 when equal, and
 * `null` when they cannot be ranked (not on one known scale nor in `order`).
 *
 * @param a - a grade, e.g. `'7'` or `'A*'`
 * @param b - another grade
 * @param order - the awarding body's order, best first, when the grades are on no known scale
 * @example
 * ```ts
 * compareGrades('7', '6'); // > 0 (up)
 * compareGrades('B', 'A'); // < 0 (down)
 * compareGrades('X1', 'X2'); // null
 * ```
 */
export function compareGrades(a: string, b: string, order?: readonly string[]): number | null {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return 0;
  return compareNormal(x, y, scalesOf(order));
}

/** The scales to rank on: the caller's order (normalised) first, then the known scales. */
function scalesOf(order: readonly string[] | undefined): readonly (readonly string[])[] {
  return order ? [order.map(normalise), ...Object.values(GRADE_SCALES)] : Object.values(GRADE_SCALES);
}

/** {@link compareGrades} of two different normalised grades. */
function compareNormal(x: string, y: string, scales: readonly (readonly string[])[]): number | null {
  for (const scale of scales) {
    const i = scale.indexOf(x);
    const j = scale.indexOf(y);
    if (i >= 0 && j >= 0) return j - i;
  }
  const dx = DOUBLE_NUMERIC.test(x) ? doubleRank(x) : x === 'U' ? 0 : null;
  const dy = DOUBLE_NUMERIC.test(y) ? doubleRank(y) : y === 'U' ? 0 : null;
  if (dx !== null && dy !== null && (DOUBLE_NUMERIC.test(x) || DOUBLE_NUMERIC.test(y))) return dx - dy;
  return null;
}

/**
 * Sorts grades best first; grades that cannot be ranked keep their first-seen order after the ranked ones.
 *
 * @param grades - the grades to sort (duplicates are kept)
 * @param order - an explicit order, best first
 * @example
 * ```ts
 * sortGrades(['4', '9', 'U', '7']); // ['9', '7', '4', 'U']
 * ```
 */
export function sortGrades(grades: readonly string[], order?: readonly string[]): string[] {
  // compareGrades pair by pair, with each grade normalised once and the scales built once (at the first pair that needs them).
  const normal: string[] = [];
  for (let i = 0; i < grades.length; i += 1) normal.push(normalise(grades[i]!));
  let scales: readonly (readonly string[])[] | undefined;
  const compare = (i: number, j: number): number | null => (normal[i] === normal[j] ? 0 : compareNormal(normal[i]!, normal[j]!, (scales ??= scalesOf(order))));
  const ranked: number[] = [];
  const unranked: string[] = [];
  for (let i = 0; i < grades.length; i += 1) {
    let ok = true;
    for (let j = 0; j < grades.length && ok; j += 1) ok = compare(i, j) !== null;
    if (ok) ranked.push(i);
    else unranked.push(grades[i]!);
  }
  return [...ranked.sort((p, q) => compare(q, p) ?? 0).map((i) => grades[i]!), ...unranked];
}
