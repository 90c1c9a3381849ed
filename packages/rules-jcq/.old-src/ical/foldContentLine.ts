/**
 * RFC 5545 content lines: TEXT values escape backslash, semicolon, comma and newlines (§3.3.11), and
 * lines longer than 75 octets are folded with CRLF and a space (§3.1) at a character boundary, so a
 * multi-byte UTF-8 character (or a surrogate pair) is never split across lines.
 */

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets, joined by CRLF and a space.
 *
 * @param line - an unfolded content line (no CR or LF inside)
 * @example
 * ```ts
 * foldContentLine('SUMMARY:' + 'x'.repeat(100)).split('\r\n ').length; // 2
 * ```
 */
export function foldContentLine(line: string): string {
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
 * @param text - the text
 * @example
 * ```ts
 * escapeText('Entries; late, very late\nfees'); // 'Entries\\; late\\, very late\\nfees'
 * ```
 */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}
