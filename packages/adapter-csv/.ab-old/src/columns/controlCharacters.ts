/**
 * Control characters (C0, U+0000–U+001F, and DEL, U+007F) have no place in an examcycle value: ids,
 * names, codes and titles are single lines of printable text. A cell holding one (`\x0eENT-5`, a name
 * with a line break or a tab inside it) is refused with an issue instead of being kept, and the exporter
 * refuses to write one, so it cannot travel in either direction. Spaces, tabs and line breaks at either
 * end of a cell are trimmed before this check, as every cell is.
 */

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Where the first control character of a text is, or -1 if it has none (a linear scan).
 *
 * @param text - the text to look at
 * @example
 * ```ts
 * controlCharacterAt('\u000eENT-5'); // 0
 * controlCharacterAt('Siân'); // -1
 * ```
 */
export function controlCharacterAt(text: string): number {
  return CONTROL.test(text) ? text.search(CONTROL) : -1;
}

/**
 * Names a control character as `U+000E`.
 *
 * @param text - the text holding it
 * @param at - its index
 * @example
 * ```ts
 * controlCharacterName('\u007f', 0); // 'U+007F'
 * ```
 */
export function controlCharacterName(text: string, at: number): string {
  return `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
}
