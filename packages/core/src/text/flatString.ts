/**
 * A string kept for long, made flat. V8 keeps the result of a concatenation (`+`, a template literal) as a tree
 * of its pieces — a rope — until something reads it character by character; a clash explanation built from twenty
 * pieces stays alive as twenty-odd rope nodes and their leaves, about 2.5 times the bytes of the flat text, and every
 * garbage collection that moves it copies each node. Reading one character flattens the rope in place, so a record
 * that keeps a built string (an explanation, an id made of parts) holds one flat string instead.
 *
 * Worth it only for strings that outlive the call that built them, in bulk (thousands per run); the value is
 * unchanged either way.
 *
 * @internal
 * @param s - a string just built by concatenation
 * @returns `s` itself, flattened
 * @example
 * ```ts
 * const explanation = flatString(`Candidate ${'0042'} has ${2} papers in the AM session of ${'2026-06-01'}`);
 * ```
 */
export function flatString(s: string): string {
  // charCodeAt of a rope flattens it (V8's String::Flatten), in optimised code too; the result is used so that no
  // compiler may drop the read.
  return s.length === 0 || s.charCodeAt(0) >= 0 ? s : s;
}
