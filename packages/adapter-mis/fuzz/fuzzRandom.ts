/**
 * The fuzz suites' only source of randomness: a seeded PRNG (mulberry32), so input `i` of seed `s` is the
 * same on every run and a failure is reproduced from `(seed, index)` alone, and the byte and line
 * mutations a careless or hostile upstream system makes.
 */

/** A seeded random source. */
export interface FuzzRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/**
 * A seeded PRNG (mulberry32).
 *
 * @param seed - any 32-bit integer
 * @example
 * ```ts
 * const rng = fuzzRandom(42);
 * rng.int(10); // the same every run
 * ```
 */
export function fuzzRandom(seed: number): FuzzRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

const TOKENS = [' ', '  ', '0', '9', 'x', 'Z', 'a', '\t', '\r', '\n', '\r\n', '\x00', '\x7f', '\xa0', 'é', '"', "'", ':', '-', '/', '<', '>', '&', ']]>', '?>', '-->', '%s', '\ufeff', 'null', '__proto__', 'constructor'];

/**
 * One to three mutations of a text: a character changed, tokens inserted, a span deleted, a line deleted,
 * duplicated or swapped, a field padded on the left, a number spaced, a letter lower-cased, the text cut
 * short, a very long line, or trailing garbage.
 *
 * @param text - the original
 * @param rng - the random source
 * @example
 * ```ts
 * const changed = mutateText(file, fuzzRandom(7));
 * ```
 */
export function mutateText(text: string, rng: FuzzRandom): string {
  let out = text;
  const times = 1 + rng.int(3);
  for (let k = 0; k < times; k += 1) {
    const at = out.length === 0 ? 0 : rng.int(out.length);
    const lines = out.split('\r\n');
    const li = rng.int(Math.max(1, lines.length));
    switch (rng.int(13)) {
      case 0:
        out = out.slice(0, at) + String.fromCharCode(rng.int(256)) + out.slice(at + 1);
        break;
      case 1:
        out = out.slice(0, at) + rng.pick(TOKENS) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at + 1 + rng.int(40));
        break;
      case 3:
        lines.splice(li, 1);
        out = lines.join('\r\n');
        break;
      case 4:
        lines.splice(li, 0, lines[li] ?? '');
        out = lines.join('\r\n');
        break;
      case 5: {
        const other = rng.int(Math.max(1, lines.length));
        [lines[li], lines[other]] = [lines[other] ?? '', lines[li] ?? ''];
        out = lines.join('\r\n');
        break;
      }
      case 6: // a field padded on the left: a space shifted into a line, the line kept at its length
        lines[li] = `${(lines[li] ?? '').slice(0, at % 60)} ${(lines[li] ?? '').slice(at % 60, -1)}`;
        out = lines.join('\r\n');
        break;
      case 7: // a digit replaced by a space (a spaced number)
        out = out.replace(/\d/g, (d, i: number) => (i >= at && i < at + 3 ? ' ' : d));
        break;
      case 8:
        out = out.slice(0, at) + out.slice(at, at + 1 + rng.int(20)).toLowerCase() + out.slice(at + 1 + rng.int(20));
        break;
      case 9:
        out = out.slice(0, at);
        break;
      case 10:
        lines.splice(li, 0, 'E5'.padEnd(192 + rng.int(20_000), rng.pick(['A', ' ', '9'])));
        out = lines.join('\r\n');
        break;
      case 11:
        out += rng.pick(TOKENS).repeat(1 + rng.int(50));
        break;
      default:
        out = out.replace(/\r\n/g, () => (rng.chance(0.1) ? '\n' : '\r\n'));
    }
  }
  return out;
}

/**
 * Flips, sets or deletes a few bytes, or cuts the bytes short.
 *
 * @param bytes - the original
 * @param rng - the random source
 * @example
 * ```ts
 * const broken = mutateBytes(zip, fuzzRandom(3));
 * ```
 */
export function mutateBytes(bytes: Uint8Array, rng: FuzzRandom): Uint8Array {
  let out = bytes.slice();
  const times = 1 + rng.int(4);
  for (let k = 0; k < times && out.length > 0; k += 1) {
    const at = rng.int(out.length);
    switch (rng.int(4)) {
      case 0:
        out[at] = out[at]! ^ (1 << rng.int(8));
        break;
      case 1:
        out[at] = rng.int(256);
        break;
      case 2:
        out = new Uint8Array([...out.subarray(0, at), ...out.subarray(at + 1 + rng.int(8))]);
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

/**
 * Text as ISO-8859-1 bytes (one byte per character below 256).
 *
 * @param text - the text
 * @example
 * ```ts
 * latin1Bytes('E1'); // Uint8Array [0x45, 0x31]
 * ```
 */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
