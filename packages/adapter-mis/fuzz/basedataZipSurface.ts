/**
 * The basedata zip surface: the June fixture set zipped as an awarding body would (named or under a content
 * hash, with a Readme), then broken as a careless or hostile sender would: bytes flipped or cut, member
 * sizes misdeclared, zip bombs, zips nested deep, hundreds of members, `../`, absolute, drive and
 * backslash names, and bogus end-of-zip records. Nothing may be thrown at all (a zip past a limit is the
 * reading's `fatal`), no input may take a second, and in a zip whose bytes are intact every safely named member
 * is read or reported.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readBasedata } from '@examcycle/adapter-mis';
import { mutateBytes, type FuzzRandom } from './fuzzRandom.js';
import type { FuzzOutcome, FuzzSurface } from './runSurface.js';

const MEMBERS: Readonly<Record<string, Uint8Array>> = Object.fromEntries(
  ['S6A26_70.X01', 'O6A26_70.X01', 'C6A26_70.X01', 'L6A26_70.X01'].map((n) => [n, strToU8(readFileSync(new URL(`../test/fixtures/basedata/${n}`, import.meta.url), 'latin1'))]),
);
const UNSAFE = ['../', '../../../', '/', '/etc/', 'C:\\', 'c:/', '..\\..\\', 'a/../../', 'x\u0000/', '\u0007'];

let bomb: Uint8Array | undefined;
/** 16 MiB of spaces deflated to about 16 kB (built once). */
function bombBytes(): Uint8Array {
  bomb ??= zipSync({ 'S6A26_70.X01': new Uint8Array(16 * 1024 * 1024).fill(0x20) }, { level: 9 });
  return bomb;
}

function setDeclaredSizes(zip: Uint8Array, rng: FuzzRandom): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i += 1) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50 && rng.chance(0.7)) view.setUint32(i + 24, rng.pick([0, 1, 100, 0x7fffffff, 0xffffffff, rng.int(1 << 20)]), true);
    if (sig === 0x06054b50 && rng.chance(0.3)) view.setUint16(i + 10, rng.pick([0, 1, 0xffff, rng.int(500)]), true);
  }
  return out;
}

function bogusEndRecord(rng: FuzzRandom): Uint8Array {
  const out = new Uint8Array(22 + rng.int(64));
  for (let i = 0; i < out.length; i += 1) out[i] = rng.int(256);
  out.set([0x50, 0x4b, 0x05, 0x06], 0);
  const view = new DataView(out.buffer);
  view.setUint16(20, out.length - 22, true);
  if (rng.chance(0.5)) view.setUint16(10, rng.pick([0, 100, 65534, 65535]), true);
  return out;
}

/** Every basedata zip shape, sound and broken. */
export const basedataZipSurface: FuzzSurface = {
  name: 'basedata-zip',
  prepare() {
    bombBytes();
  },
  run(rng): FuzzOutcome {
    const members: Zippable = {};
    const safe: string[] = [];
    for (const [name, content] of Object.entries(MEMBERS)) {
      if (!rng.chance(0.8)) continue;
      const prefix = rng.chance(0.2) ? rng.pick(UNSAFE) : rng.chance(0.2) ? rng.pick(['sub/', 'a\\b\\', './']) : '';
      members[prefix + name] = content;
      if (!UNSAFE.includes(prefix)) safe.push(name);
    }
    if (rng.chance(0.3)) members['Readme.txt'] = strToU8('AQA BASEDATA INFORMATION');
    if (rng.chance(0.1)) for (let i = 0; i < rng.int(300); i += 1) members[`extra${i}.txt`] = new Uint8Array(0);
    let zip: Uint8Array = zipSync(members, { level: rng.pick([0, 6, 9] as const) });
    for (let depth = rng.chance(0.2) ? rng.int(10) : 0; depth > 0; depth -= 1) zip = zipSync({ [`nested${depth}.zip`]: zip });
    let intact = true;
    switch (rng.int(8)) {
      case 0:
        zip = mutateBytes(zip, rng);
        intact = false;
        break;
      case 1:
        zip = setDeclaredSizes(zip, rng);
        intact = false;
        break;
      case 2:
        zip = bombBytes();
        intact = false;
        break;
      case 3:
        zip = bogusEndRecord(rng);
        intact = false;
        break;
      default:
        break;
    }
    const name = rng.pick(['Z6A26_70.zip', 'cfc19cd083b276ba9c4f00879a9f743c4a8c337c.zip', 'download', 'basedata.ZIP']);
    let read: ReturnType<typeof readBasedata>;
    try {
      read = readBasedata([{ name, content: zip }], rng.chance(0.2) ? { zipLimits: { maxExpandedBytes: 1 + rng.int(20_000) } } : {});
    } catch (error) {
      // readBasedata returns a zip past a limit as its fatal; even an ExamcycleError thrown here is a defect
      throw new Error(`readBasedata threw on data: ${error instanceof Error ? error.message : String(error)}`);
    }
    // a fatal (a limit passed) accounts for the whole set: nothing was read
    if (!intact || Object.keys(members).length > 100 || read.fatal !== undefined) return { rowsLost: 0 };
    const accounted = [...read.files.map((f) => f.name), ...read.issues.map((i) => `${i.location?.file ?? ''} ${i.location?.value ?? ''} ${i.message}`)];
    return { rowsLost: safe.filter((m) => !accounted.some((a) => a.includes(m))).length };
  },
};
