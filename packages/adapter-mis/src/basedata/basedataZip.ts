/**
 * Reading a basedata zip within limits. The zip's central directory is read first (found from the end of
 * the file, checked against the file's own length), so every declared size, count and name is known
 * before a byte is inflated; each member is then inflated in small chunks through fflate's streaming
 * `Inflate`, counting the bytes it yields, and stopped the moment it passes its declared size or the
 * budget. A zip bomb, a thousand-member zip or a bogus end record therefore costs at most the limits,
 * never the memory or time its declarations ask for.
 *
 * Member names are plain relative paths: a name with `..` segments, an absolute path, a drive letter or a
 * control character is refused (reported, not read); backslashes are read as `/`.
 */
import { ExamcycleError } from '@examcycle/core';
import { Inflate } from 'fflate';

/**
 * The limits a basedata zip is read within. Every one is checked before the bytes it guards are inflated.
 *
 * @example
 * ```ts
 * declare const zip: Uint8Array;
 * const zipLimits: BasedataZipLimits = { maxExpandedBytes: 16 * 1024 * 1024, maxDepth: 1 };
 * const { fatal } = readBasedata([{ name: 'Z6A26_70.zip', content: zip }], { zipLimits });
 * fatal?.code; // 'limit_exceeded' past a limit
 * ```
 */
export interface BasedataZipLimits {
  /**
   * The most bytes all members of all zips of one call may expand to, nested zips included.
   * @default 67108864 (64 MiB; a large awarding body's basedata set is a few MiB)
   */
  readonly maxExpandedBytes?: number;
  /**
   * The most members one zip may hold (directories included).
   * @default 100
   */
  readonly maxEntries?: number;
  /**
   * How deep zips may nest: 1 reads a zip but not a zip inside it.
   * @default 2
   */
  readonly maxDepth?: number;
  /**
   * The largest ratio of expanded to compressed size a member may have once it expands past 1 MiB
   * (fixed-width EDI text compresses well, but not a thousandfold).
   * @default 200
   */
  readonly maxRatio?: number;
}

/**
 * The zip limits used when none are given; each can be set through `readBasedata`'s `zipLimits`.
 *
 * @example
 * ```ts
 * import { BASEDATA_ZIP_LIMITS, readBasedata, type BasedataFile } from '@examcycle/adapter-mis';
 * declare const files: BasedataFile[];
 * readBasedata(files, { zipLimits: { ...BASEDATA_ZIP_LIMITS, maxExpandedBytes: 16 * 1024 * 1024 } });
 * ```
 */
export const BASEDATA_ZIP_LIMITS: Required<BasedataZipLimits> = { maxExpandedBytes: 64 * 1024 * 1024, maxEntries: 100, maxDepth: 2, maxRatio: 200 };

/** Size past which {@link BasedataZipLimits.maxRatio} applies. */
const RATIO_FLOOR = 1024 * 1024;
/** Compressed bytes pushed to the inflater at a time: a push can yield at most ~1032 times this. */
const CHUNK = 4096;

/** One member of a zip: its normalised name and content, or why it was not read. */
export type ZipMember =
  | { readonly name: string; readonly content: Uint8Array }
  | { readonly name: string; readonly refused: string };

/** A budget shared by every zip of one call. */
export interface ZipBudget {
  expanded: number;
}

/**
 * Whether bytes start like a zip (a local file header, or the end record of an empty zip), whatever the
 * file is called.
 *
 * @param bytes - the file
 * @internal
 */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

function safeText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).slice(0, 120);
}

/**
 * A member name as a plain relative path (`/` separators), or why it is refused.
 *
 * @param raw - the name as the zip stores it
 * @internal
 */
export function memberPath(raw: string): { readonly path: string } | { readonly refused: string } {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return { refused: 'holds a control character' };
  const path = raw.replace(/\\/g, '/');
  if (path.startsWith('/')) return { refused: 'is an absolute path' };
  if (/^[A-Za-z]:/.test(path)) return { refused: 'names a drive' };
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return { refused: 'climbs out of the zip (..)' };
  return { path: segments.filter((s) => s !== '' && s !== '.').join('/') + (path.endsWith('/') ? '/' : '') };
}

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const CRC_TABLE = /* @__PURE__ */ (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i += 1) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * Reads a zip's members within the limits: refused names and unreadable members are returned as
 * `refused`; a zip past a limit is a thrown `limit_exceeded` error, raised before the bytes past it are
 * inflated; a zip whose structure cannot be read is a thrown `binary_file` error.
 *
 * @param bytes - the zip
 * @param label - its name, for errors
 * @param limits - the limits (all set)
 * @param budget - expanded bytes already used by this call
 * @throws ExamcycleError `limit_exceeded` past a limit, `binary_file` when it is not a readable zip
 * @internal
 */
export function readZipMembers(bytes: Uint8Array, label: string, limits: Required<BasedataZipLimits>, budget: ZipBudget): ZipMember[] {
  const bad = (message: string): ExamcycleError => new ExamcycleError('binary_file', `${label} could not be unzipped: ${message}`, { location: { file: label } });
  const over = (limit: keyof BasedataZipLimits, value: number, message: string): ExamcycleError =>
    new ExamcycleError('limit_exceeded', `${label}: ${message}`, { location: { file: label }, details: { limit, max: limits[limit], value } });

  // End of central directory: 22 bytes plus a comment of at most 65,535, searched from the end only.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06 && i + 22 + u16(bytes, i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no end of central directory record');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bad('ZIP64 archives are not read');
  if (cdOffset + cdSize > eocd || count * 46 > cdSize) throw bad('the central directory lies outside the file');
  if (count > limits.maxEntries) throw over('maxEntries', count, `holds ${count} members; at most ${limits.maxEntries} are read`);

  const members: ZipMember[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > cdOffset + cdSize || u32(bytes, p) !== 0x02014b50) throw bad(`central directory entry ${n + 1} is damaged`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressed = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    if (p + 46 + nameLength > cdOffset + cdSize) throw bad(`central directory entry ${n + 1} is damaged`);
    const rawName = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    p += 46 + nameLength + extraLength + commentLength;

    const named = memberPath(rawName);
    if ('refused' in named) {
      members.push({ name: safeText(rawName), refused: `the member name ${named.refused}: not read` });
      continue;
    }
    if (named.path.endsWith('/') || named.path === '') continue; // a directory
    const name = named.path;
    if (flags & 1) {
      members.push({ name, refused: 'is encrypted: not read' });
      continue;
    }
    if (method !== 0 && method !== 8) {
      members.push({ name, refused: `uses compression method ${method}: not read` });
      continue;
    }
    if (budget.expanded + size > limits.maxExpandedBytes) {
      throw over('maxExpandedBytes', budget.expanded + size, `${name} would expand the input past ${limits.maxExpandedBytes} bytes`);
    }
    if (size > RATIO_FLOOR && size > compressed * limits.maxRatio) {
      throw over('maxRatio', compressed === 0 ? size : Math.round(size / compressed), `${name} expands ${size} bytes from ${compressed}, past the ratio ${limits.maxRatio}`);
    }
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) {
      members.push({ name, refused: 'has no local header where the directory says: not read' });
      continue;
    }
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressed > bytes.length) {
      members.push({ name, refused: 'is cut short: not read' });
      continue;
    }
    const data = bytes.subarray(start, start + compressed);
    let content: Uint8Array;
    if (method === 0) {
      if (compressed !== size) {
        members.push({ name, refused: 'is stored with two different sizes: not read' });
        continue;
      }
      content = data;
    } else {
      const inflated = inflateCapped(data, size);
      if (typeof inflated === 'string') {
        members.push({ name, refused: inflated });
        continue;
      }
      content = inflated;
    }
    if (crc32(content) !== crc) {
      members.push({ name, refused: 'fails its CRC check: not read' });
      continue;
    }
    budget.expanded += content.length;
    members.push({ name, content });
  }
  return members;
}

/** Inflates at most `size` bytes; more is a lie about the size, refused (and never held). */
function inflateCapped(data: Uint8Array, size: number): Uint8Array | string {
  const out = new Uint8Array(size);
  let at = 0;
  let overflow = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (at + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, at);
    at += chunk.length;
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !overflow; i += CHUNK) {
      const end = Math.min(i + CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (cause) {
    return `could not be inflated (${cause instanceof Error ? cause.message : String(cause)}): not read`;
  }
  if (overflow) return `expands past the ${size} bytes it declares (stopped there): not read`;
  if (!done || at !== size) return `expands to ${at} bytes, not the ${size} it declares: not read`;
  return out;
}
