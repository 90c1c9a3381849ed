/**
 * Formula-injection protection (OWASP, "CSV Injection"). A spreadsheet runs a cell that starts with `=`,
 * `+`, `-` or `@` as a formula, and some strip a leading tab or carriage return first; so on export such a
 * cell gets a leading single quote (and is quoted), which spreadsheets show as text. On import one leading
 * quote before those characters is removed again, so a file this package wrote reads back exactly. A cell
 * that already starts with quotes before a dangerous character gets one more, so the mapping is one to one.
 *
 * @internal
 */

const DANGEROUS = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/**
 * Whether a cell's text would be read as a formula (or could be, after a spreadsheet strips a leading
 * tab or carriage return).
 *
 * @param text - the cell text
 * @example
 * ```ts
 * isFormulaLike('=HYPERLINK("http://x")'); // true
 * ```
 */
export function isFormulaLike(text: string): boolean {
  return DANGEROUS.test(text);
}

/**
 * Neutralises a formula-like cell by prefixing a single quote; other text is returned unchanged.
 *
 * @param text - the cell text
 * @example
 * ```ts
 * guardFormula('@SUM(A1)'); // "'@SUM(A1)"
 * ```
 */
export function guardFormula(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

/**
 * Undoes {@link guardFormula}: removes one leading single quote when what follows is formula-like.
 *
 * @param text - the cell text as read
 * @example
 * ```ts
 * restoreFormula("'-5"); // '-5'
 * restoreFormula("'Ofa"); // "'Ofa" (not a guard)
 * ```
 */
export function restoreFormula(text: string): string {
  return text.charCodeAt(0) === 39 && GUARDED.test(text) ? text.slice(1) : text;
}
