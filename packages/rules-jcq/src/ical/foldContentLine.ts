/**
 * RFC 5545 content lines: TEXT values escape backslash, semicolon, comma and newlines (§3.3.11), and
 * lines longer than 75 octets are folded with CRLF and a space (§3.1) at a character boundary, so a
 * multi-byte UTF-8 character (or a surrogate pair) is never split across lines. Internal to
 * `toICalendar`; tests read its output back with ical.js.
 */

const ASCII = /^[\x00-\x7f]*$/;
const NEEDS_ESCAPE = /[\\;,\r\n]/;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets, joined by CRLF and a space:
 * `SUMMARY:` and 100 `x`s become two lines.
 *
 * @internal
 * @param line - an unfolded content line (no CR or LF inside)
 */
export function foldContentLine(line: string): string {
  // At most 3 octets per UTF-16 unit (a surrogate pair is 4 octets for 2 units): short lines fit as they are.
  if (line.length <= 25) return line;
  if (ASCII.test(line)) {
    if (line.length <= 75) return line;
    let out = line.slice(0, 75);
    for (let i = 75; i < line.length; i += 74) out += `\r\n ${line.slice(i, i + 74)}`;
    return out;
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // a continuation line starts with a space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * Escapes a TEXT value: `\` as `\\`, `;` as `\;`, `,` as `\,`, and any newline as `\n`.
 *
 * @internal
 * @param text - the text
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}
