/**
 * WOFF 1.0 to a plain OpenType/TrueType file: each table inflated (zlib) and written behind a standard
 * table directory. The `@fontsource` packages ship WOFF and WOFF2; fontkit reads WOFF but inflates every
 * table each time a font is opened (once by the font book, again by pdfkit for each document), so the
 * font book converts a face once and hands both the plain bytes.
 *
 * @internal
 */
import { inflateSync } from 'node:zlib';

/**
 * The SFNT (TTF/OTF) bytes of a WOFF file; any other bytes are returned as they are.
 *
 * @param woff - the file's bytes
 * @throws RangeError for a WOFF file whose table directory points outside the file
 * @example
 * ```ts
 * const ttf = woffToSfnt(readFileSync('noto-sans-latin-400-normal.woff'));
 * ```
 * @internal
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    if (offset + compLength > woff.length) throw new RangeError('WOFF table outside the file');
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  let power = 1;
  let log = 0;
  while (power * 2 <= numTables) {
    power *= 2;
    log++;
  }
  const headerSize = 12 + 16 * numTables;
  const size = tables.reduce((t, x) => t + ((x.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
