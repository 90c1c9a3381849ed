import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
import { BASEDATA_ZIP_LIMITS, readBasedata, type BasedataFile, type ReadBasedataOptions } from '@examcycle/adapter-mis';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');
const JUNE = ['S6A26_70.X01', 'O6A26_70.X01', 'C6A26_70.X01', 'L6A26_70.X01'];
/** AQA's November 2025 members, rebuilt from the June fixtures with the BG25 header (the real data members are not public). */
const november = Object.fromEntries(JUNE.map((n) => [n.replace('6A26', 'BG25'), strToU8(fixture(`basedata/${n}`).replaceAll('6A26', 'BG25'))]));
const readme = fixture('samples/AQA-BG25-basedata-Readme.txt');

/** The reading's fatal: a zip past a limit is returned, never thrown (a zip is user data). */
function refusal(files: BasedataFile[], options: ReadBasedataOptions = {}): unknown {
  const reading = readBasedata(files, options);
  if (reading.fatal !== undefined) expect([reading.files, reading.components, reading.issues]).toEqual([[], [], []]);
  return reading.fatal;
}

/** Sets the uncompressed size a zip declares for its first member (local header and central directory). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, size, true);
  for (let i = out.length - 22; i >= 0; i -= 1) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, size, true);
      break;
    }
  }
  return out;
}

describe('readBasedata: a zip recognised by its members, not its name', () => {
  it('reads AQA\'s November 2025 basedata zip served under a content hash (cfc19cd0….zip) with Readme.txt', () => {
    const zip = zipSync({ ...november, 'Readme.txt': strToU8(readme) });
    const name = 'cfc19cd083b276ba9c4f00879a9f743c4a8c337c.zip';
    const set = readBasedata([{ name, content: zip }], { awardingBodyId: 'AQA' });
    expect(set.series).toEqual({ code: 'BG', year: '25', language: '_', awardingBodyId: '70', seriesId: 'november-2025' });
    expect(set.files.map((f) => f.name)).toEqual(['SBG25_70.X01', 'OBG25_70.X01', 'CBG25_70.X01', 'LBG25_70.X01'].map((m) => `${name}/${m}`));
    expect(set.ignoredFiles).toEqual([`${name}/Readme.txt`]);
    expect(set.qualifications.map((q) => q.specificationCode)).toEqual(['8300', '8461', '7357', '9999']);
    expect(set.issues.filter((i) => i.code !== 'invalid_value' || i.location?.field !== 'syllabusCode')).toEqual([]);
  });

  it('knows a zip by its bytes whatever its name, and reads members in sub-folders or with backslashes', () => {
    const zip = zipSync({ 'basedata/SBG25_70.X01': november['SBG25_70.X01']!, 'basedata\\OBG25_70.X01': november['OBG25_70.X01']! });
    const set = readBasedata([{ name: 'download', content: zip }]);
    expect(set.files.map((f) => f.name)).toEqual(['download/basedata/SBG25_70.X01', 'download/basedata/OBG25_70.X01']);
  });
});

describe('readBasedata: zip member names that climb out, are absolute or name a drive are refused', () => {
  it('refuses ../, absolute and drive paths and a control character, reading the rest, and never echoes them into file labels', () => {
    const zip = zipSync({
      '../../SBG25_70.X01': november['SBG25_70.X01']!,
      '/etc/OBG25_70.X01': november['OBG25_70.X01']!,
      'C:\\temp\\CBG25_70.X01': november['CBG25_70.X01']!,
      'x\u0007/LBG25_70.X01': november['LBG25_70.X01']!,
      'ok/LBG25_70.X01': november['LBG25_70.X01']!,
    });
    const set = readBasedata([{ name: 'Z.zip', content: zip }]);
    expect(set.files.map((f) => f.name)).toEqual(['Z.zip/ok/LBG25_70.X01']);
    const refused = set.issues.filter((i) => i.location?.line === undefined);
    expect(refused.map((i) => [i.location?.file, i.location?.value])).toEqual([
      ['Z.zip', '../../SBG25_70.X01'],
      ['Z.zip', '/etc/OBG25_70.X01'],
      ['Z.zip', 'C:\\temp\\CBG25_70.X01'],
      ['Z.zip', 'x\\x07/LBG25_70.X01'],
    ]);
    expect([...set.files.map((f) => f.name), ...set.issues.map((i) => i.location?.file ?? '')].some((l) => l.includes('..') || l.includes('C:'))).toBe(false);
  });
});

describe('readBasedata: zip limits (BASEDATA_ZIP_LIMITS), refused with a limit_exceeded fatal before inflating past them', () => {
  it('documents its defaults', () => {
    expect(BASEDATA_ZIP_LIMITS).toEqual({ maxExpandedBytes: 64 * 1024 * 1024, maxEntries: 100, maxDepth: 2, maxRatio: 200 });
  });

  it('refuses a member declaring more than the total expanded bytes, without inflating it', () => {
    const zip = declareSize(zipSync({ 'SBG25_70.X01': november['SBG25_70.X01']! }), 2 ** 31);
    const error = refusal([{ name: 'Z.zip', content: zip }]);
    expect(isExamcycleError(error) && [error.code, error.details?.['limit'], error.location?.file]).toEqual(['limit_exceeded', 'maxExpandedBytes', 'Z.zip']);
  });

  it('counts the total across members and nested zips, against a caller\'s limit', () => {
    const zip = zipSync({ ...november });
    const error = refusal([{ name: 'Z.zip', content: zip }], { zipLimits: { maxExpandedBytes: 3000 } });
    expect(isExamcycleError(error) && error.details).toEqual({ limit: 'maxExpandedBytes', max: 3000, value: expect.any(Number) });
  });

  it('refuses a member that expands past its compressed size times maxRatio (a zip bomb)', () => {
    const zip = zipSync({ 'SBG25_70.X01': new Uint8Array(8 * 1024 * 1024).fill(0x20) }, { level: 9 });
    expect(zip.length).toBeLessThan(40_000);
    const error = refusal([{ name: 'bomb.zip', content: zip }]);
    expect(isExamcycleError(error) && [error.code, error.details?.['limit']]).toEqual(['limit_exceeded', 'maxRatio']);
  });

  it('stops inflating a member that expands past the size it declares, and reports it unread', () => {
    const liar = declareSize(zipSync({ 'SBG25_70.X01': new Uint8Array(4 * 1024 * 1024).fill(0x20) }, { level: 9 }), 500);
    const before = process.memoryUsage().rss;
    const set = readBasedata([{ name: 'liar.zip', content: liar }]);
    expect(set.issues).toEqual([expect.objectContaining({ code: 'invalid_value', location: expect.objectContaining({ file: 'liar.zip' }), message: expect.stringContaining('expands past the 500 bytes it declares') })]);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses more members than maxEntries from the directory count alone', () => {
    const zip = zipSync(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}.txt`, new Uint8Array(0)])));
    const error = refusal([{ name: 'many.zip', content: zip }]);
    expect(isExamcycleError(error) && [error.code, error.details?.['limit'], error.details?.['value']]).toEqual(['limit_exceeded', 'maxEntries', 101]);
  });

  it('reads a zip inside a zip, and refuses nesting deeper than maxDepth (8 nested zips)', () => {
    const inner = zipSync({ ...november });
    expect(readBasedata([{ name: 'outer.zip', content: zipSync({ 'inner.zip': inner }) }]).files).toHaveLength(4);
    let nested = inner;
    for (let i = 0; i < 8; i += 1) nested = zipSync({ [`level${i}.zip`]: nested });
    const error = refusal([{ name: 'nested.zip', content: nested }]);
    expect(isExamcycleError(error) && [error.code, error.details?.['limit']]).toEqual(['limit_exceeded', 'maxDepth']);
  });

  it('reads a 22-byte bogus end-of-zip record cheaply, as an unreadable zip', () => {
    const eocd = new Uint8Array(22);
    eocd.set([0x50, 0x4b, 0x05, 0x06]);
    new DataView(eocd.buffer).setUint16(10, 65534, true);
    new DataView(eocd.buffer).setUint32(12, 0xfffffff0, true);
    const started = performance.now();
    const set = readBasedata([{ name: 'Z.zip', content: eocd }]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(set.issues.map((i) => i.code)).toEqual(['binary_file']);
  });

  it('refuses a corrupt member by its CRC and reads the others', () => {
    const zip = zipSync({ 'SBG25_70.X01': november['SBG25_70.X01']!, 'OBG25_70.X01': november['OBG25_70.X01']! }, { level: 0 });
    const bad = zip.slice();
    bad[50] = bad[50]! ^ 0xff; // inside the first member's stored data (30-byte header + 12-byte name)
    const set = readBasedata([{ name: 'Z.zip', content: bad }]);
    expect(set.files.map((f) => f.name)).toEqual(['Z.zip/OBG25_70.X01']);
    expect(set.issues[0]?.message).toContain('CRC');
  });

  it('reads deflate garbage in a member as an unread member, not as a thrown parser error', () => {
    const broken = zipSync({ 'SBG25_70.X01': november['SBG25_70.X01']! }).slice();
    broken.fill(0xff, 42, 62);
    const set = readBasedata([{ name: 'Z.zip', content: broken }]);
    expect(set.files).toEqual([]);
    expect(set.issues).toEqual([expect.objectContaining({ code: 'invalid_value', location: expect.objectContaining({ file: 'Z.zip' }), message: expect.stringMatching(/could not be inflated|CRC|expands/) })]);
  });
});
