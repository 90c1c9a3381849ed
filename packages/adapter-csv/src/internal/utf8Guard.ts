/**
 * The byte gate in front of the CSV parser. It passes on only complete, valid UTF-8 (holding back a
 * character split across chunks), removes a UTF-8 byte-order mark, and stops at the first sign that the
 * input is not CSV text: a NUL byte, a UTF-16 byte-order mark, bytes that are not UTF-8 (a Windows-1252
 * "CSV" from Excel, a spreadsheet or image renamed `.csv`), or, for text handed over as a JS string,
 * U+FFFD replacement characters (the string was decoded from bytes that were not UTF-8). It counts line
 * breaks as it goes, so a problem is reported at its physical line.
 *
 * @internal
 */
import { Buffer, isUtf8 } from 'node:buffer';

/** Why the input is not UTF-8 CSV text, and the physical line where that was found. */
export interface InputProblem {
  readonly line: number;
  readonly message: string;
}

/** What the guard lets through: the bytes safe to parse, and the problem that stopped it, if one did. */
export interface GuardedBytes {
  /** Valid UTF-8 up to the problem (or the whole chunk, less a trailing incomplete character). */
  readonly bytes: Buffer;
  readonly problem?: InputProblem;
}

const EMPTY = Buffer.alloc(0);
const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

/** A Buffer view of the same bytes (no copy), for Node's native byte search. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Line breaks (CRLF, LF or a lone CR) in `bytes[0, end)`; `afterCR` says the previous chunk ended with CR. */
function countBreaks(bytes: Buffer, end: number, afterCR: boolean): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n += 1;
  for (let i = bytes.indexOf(13); i !== -1 && i < end; i = bytes.indexOf(13, i + 1)) {
    if (i + 1 >= end || bytes[i + 1] !== 10) n += 1;
  }
  if (afterCR && end > 0 && bytes[0] === 10) n -= 1;
  return n;
}

/** Line breaks (CRLF, LF or a lone CR) in `text[0, end)`; `afterCR` says the previous chunk ended with CR. */
function countTextBreaks(text: string, end: number, afterCR: boolean): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  for (let i = text.indexOf('\r'); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) {
    if (i + 1 >= end || text.charCodeAt(i + 1) !== 10) n += 1;
  }
  if (afterCR && end > 0 && text.charCodeAt(0) === 10) n -= 1;
  return n;
}

/** A NUL, a U+FFFD, or a surrogate (paired or not: a pair is checked where it is found). */
const TEXT_SUSPECT = /[\u0000\uFFFD\uD800-\uDFFF]/g;

/** The offset of the first NUL, U+FFFD or unpaired surrogate in `text`, or -1 (a string's UTF-8 has them where these are). */
function firstTextProblem(text: string): { readonly offset: number; readonly nul: boolean } | undefined {
  TEXT_SUSPECT.lastIndex = 0;
  for (let m = TEXT_SUSPECT.exec(text); m !== null; m = TEXT_SUSPECT.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        TEXT_SUSPECT.lastIndex = i + 2;
        continue;
      }
    }
    return { offset: i, nul: c === 0 };
  }
  return undefined;
}

/** What the guard lets through of text: the text safe to parse, and the problem that stopped it, if one did. */
export interface GuardedText {
  readonly text: string;
  readonly problem?: InputProblem;
}

/** Where a chunk's trailing incomplete UTF-8 character starts (the chunk length when there is none). */
function completeLength(bytes: Uint8Array): number {
  const len = bytes.length;
  let i = len - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i -= 1;
    continuation += 1;
  }
  if (i < 0) return len;
  const lead = bytes[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > 1 && i + need > len ? i : len;
}

/** The offset of the first byte that does not start a valid UTF-8 character. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let n: number;
    let cp: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, cp, min] = [1, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, cp, min] = [2, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, cp, min] = [3, c & 0x07, 0x10000];
    else return i;
    if (i + n > b.length - 1) return i;
    for (let k = 1; k <= n; k += 1) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Checks chunks of bytes on their way to the parser.
 *
 * @example
 * ```ts
 * const guard = new Utf8Guard();
 * const { bytes, problem } = guard.push(new TextEncoder().encode('Id,Name\r\n'), false);
 * ```
 */
export class Utf8Guard {
  private line = 1;
  private afterCR = false;
  /**
   * The last text let through, its line breaks not counted yet: they are counted only when a line is needed
   * (the next chunk, the end), so a whole-string import, whose one chunk needs none, never counts them.
   */
  private uncounted = '';
  private started = false;
  private carry: Buffer = EMPTY;

  private rejectReplacement = false;

  /** Whether text can be checked as text: no bytes of an incomplete character or of a file's first 3 bytes are held back. */
  get readyForText(): boolean {
    return this.carry.length === 0;
  }

  /**
   * Takes the next chunk of text (a JS string, whole characters but for a trailing high surrogate, which the
   * caller holds back): the text exactly as {@link push} would pass its UTF-8 on, without encoding it. A first
   * byte-order mark is removed; a NUL, a U+FFFD or an unpaired surrogate (which UTF-8 encoding turns into
   * U+FFFD) stops it, at its line, with the message `push` gives.
   *
   * @param text - the next characters of the input; only when {@link readyForText}
   */
  pushText(text: string): GuardedText {
    this.count();
    let body = text;
    if (!this.started && body.length > 0) {
      this.started = true;
      if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
    }
    const found = firstTextProblem(body);
    if (found !== undefined) {
      const line = this.line + countTextBreaks(body, found.offset, this.afterCR);
      const message = found.nul
        ? 'The file holds NUL bytes: it is a binary file (a spreadsheet, an image, UTF-16 text), not CSV text'
        : "The text holds U+FFFD replacement characters: it was decoded from bytes that were not UTF-8; pass the file's bytes instead";
      return { text: body.slice(0, found.offset), problem: { line, message } };
    }
    this.uncounted = body;
    return { text: body };
  }

  /** Counts the line breaks of the text let through last, if they are not counted yet. */
  private count(): void {
    const text = this.uncounted;
    if (text === '') return;
    this.uncounted = '';
    this.line += countTextBreaks(text, text.length, this.afterCR);
    this.afterCR = text.charCodeAt(text.length - 1) === 13;
  }

  /**
   * Takes the next chunk; returns the bytes that are safe to parse, or the problem found.
   *
   * @param chunk - the next bytes of the input
   * @param fromText - the chunk was a JS string, so U+FFFD in it means it was decoded from non-UTF-8 bytes
   */
  push(chunk: Uint8Array, fromText: boolean): GuardedBytes {
    this.count();
    this.rejectReplacement = fromText;
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : asBuffer(chunk);
    this.carry = EMPTY;
    if (!this.started) {
      if (data.length < 3) {
        this.carry = Buffer.from(data);
        return { bytes: EMPTY };
      }
      const start = this.start(data);
      if (!Buffer.isBuffer(start)) return { bytes: EMPTY, problem: start };
      data = start;
    }
    const complete = completeLength(data);
    const body = complete === data.length ? data : data.subarray(0, complete);
    const found = this.inspect(body);
    if (found !== undefined) return { bytes: body.subarray(0, found.offset), problem: found.problem };
    if (complete < data.length) this.carry = Buffer.from(data.subarray(complete));
    this.line += countBreaks(body, body.length, this.afterCR);
    if (body.length > 0) this.afterCR = body[body.length - 1] === 13;
    return { bytes: body };
  }

  /** Ends the input: bytes still held back are an incomplete character (or a file shorter than 3 bytes). */
  end(): GuardedBytes {
    if (!this.started) {
      const tail = this.carry;
      this.carry = EMPTY;
      if (tail.length === 0) return { bytes: EMPTY };
      const start = this.start(tail);
      if (!Buffer.isBuffer(start)) return { bytes: EMPTY, problem: start };
      const found = this.inspect(start);
      return found === undefined ? { bytes: start } : { bytes: start.subarray(0, found.offset), problem: found.problem };
    }
    if (this.carry.length > 0) {
      this.count();
      return { bytes: EMPTY, problem: { line: this.line, message: 'The file ends in the middle of a UTF-8 character: it is not UTF-8 text, or it was cut short' } };
    }
    return { bytes: EMPTY };
  }

  private start(data: Buffer): Buffer | InputProblem {
    this.started = true;
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
      return { line: 1, message: 'The file is UTF-16 text, not UTF-8: save it from Excel as "CSV UTF-8 (Comma delimited)"' };
    }
    if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3);
    return data;
  }

  /** The first problem in a body of complete characters, and its offset. */
  private inspect(body: Buffer): { offset: number; problem: InputProblem } | undefined {
    const nul = body.indexOf(0);
    const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    const replacement = this.rejectReplacement ? body.indexOf(REPLACEMENT) : -1;
    const offset = Math.min(...[nul, invalid, replacement].filter((i) => i >= 0));
    if (!Number.isFinite(offset)) return undefined;
    const line = this.lineAt(body, offset);
    if (offset === nul) {
      return { offset, problem: { line, message: 'The file holds NUL bytes: it is a binary file (a spreadsheet, an image, UTF-16 text), not CSV text' } };
    }
    if (offset === invalid) {
      const byte = body[offset] ?? 0;
      return {
        offset,
        problem: { line, message: `The file is not UTF-8 text (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}): save it as "CSV UTF-8", or it is not a CSV file` },
      };
    }
    return {
      offset,
      problem: { line, message: "The text holds U+FFFD replacement characters: it was decoded from bytes that were not UTF-8; pass the file's bytes instead" },
    };
  }

  private lineAt(body: Buffer, offset: number): number {
    return this.line + countBreaks(body, offset, this.afterCR);
  }
}
