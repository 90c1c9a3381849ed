/**
 * A string cut from a file's text, as a string of its own. V8 keeps a slice of 13 characters or more (a UCI) as a
 * view of the text it was cut from, so one kept slice keeps the whole decoded file alive (19 MB for 100,000 result
 * lines). The copy is one short string; shorter slices are copies already, and the value is the same either way.
 * The results reader copies each candidate's UCI once. The entries reader does not: copying every name, UCI and
 * UPN took its reading from 2.3× to 2.7× its split-and-slice baseline (measured).
 *
 * @internal
 * @param s - a slice of a file's text
 * @example
 * ```ts
 * ownString('123450260001X'); // '123450260001X', not a view of the line it came from
 * ```
 */
export function ownString(s: string): string {
  // a concatenation of 14 characters is a rope; slicing it flattens the rope into a new 14-character text and
  // takes a view of that, so the file's text is no longer referred to
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
