/**
 * The fonts documents print with, and how a string is split between them. Names in a UK school come in
 * any script (Łukasz, Zoë, Nguyễn, Siân, Arabic, Chinese), and no one font file has them all, so the
 * book holds the OFL Noto Sans faces shipped by the `@fontsource` packages (Noto Sans for Latin, Greek,
 * Cyrillic and Vietnamese; Noto Sans Arabic; Noto Sans SC), each cut by the package into subsets with a
 * Unicode range. A string becomes runs, each in the first face that covers its characters; only the
 * subsets a document uses are read, and the PDF writer embeds only the glyphs it draws (fontkit subsets
 * them). A run in Arabic is shaped by fontkit (joining forms, right to left); a string whose first strong
 * letter is right-to-left has its runs drawn right to left, which puts the words of a name in an RTL
 * script in order (it is not the full Unicode bidirectional algorithm: see the README).
 *
 * @internal
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woffToSfnt.js';

/** The weights documents use. @internal */
export type FontWeight = 400 | 700;

/** One subset file of one face. @internal */
export interface FontFace {
  /** A short unique name, e.g. `noto-sans-latin-700`. */
  readonly key: string;
  readonly family: string;
  readonly weight: FontWeight;
  readonly path: string;
  /** Code point ranges, inclusive, sorted. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** A run of text drawn in one face. @internal */
interface TextRun {
  readonly face: FontFace;
  readonly text: string;
}

/**
 * The OpenType features a run is shaped with (a new object each time: fontkit fills it in). Latin, Greek,
 * Cyrillic and CJK runs leave out glyph composition/decomposition (`ccmp`): every letter the documents
 * print is precomposed in the fonts, and Noto's `ccmp` splits e.g. `ị` into a dotless i and a mark that
 * has no text behind it, which copies out of the PDF as a control character. Arabic keeps every feature.
 *
 * @param face - the run's face
 * @param text - the run's text
 * @internal
 */
export function runFeatures(face: FontFace, text: string): Record<string, boolean> | undefined {
  // Latin-1 text never meets the split (and keeps pdfkit's per-word layout cache, which features bypass).
  return face.family.includes('Arabic') || !BEYOND_LATIN_1.test(text) ? undefined : { ccmp: false };
}

const BEYOND_LATIN_1 = /[^\u0000-\u00ff]/u;

/** The few parts of a fontkit font the book uses. @internal */
interface GlyphFont {
  readonly unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: Record<string, boolean>): { readonly advanceWidth: number };
}

interface FontkitModule {
  create(buffer: Buffer): GlyphFont;
}

/** The `@fontsource` packages, in the order a character looks for a face. */
const PACKAGES = ['@fontsource/noto-sans', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-sc'] as const;

/** Noto Sans subsets first by how often a UK school's names need them. */
const SUBSET_ORDER = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'arabic'];

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;
const MARK = /\p{M}/u;

function parseRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const from = parseInt(m[1]!.replace(/\?/g, '0'), 16);
    const to = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'f'), 16);
    out.push([from, to]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function covers(face: FontFace, cp: number): boolean {
  const r = face.ranges;
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = r[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

let catalogue: readonly FontFace[] | undefined;
const fileCache = new Map<string, Buffer>();
/** Parsed fonts by file: fontkit fonts are read-only once made, so documents share them. */
const fontCache = new Map<string, GlyphFont>();
/** The fonts handed to pdfkit, by file: each remembers its shaped runs across documents. */
const pdfFontCache = new Map<string, object>();
/** Shaped runs remembered per font before the memory is cleared (a centre's names and numbers fit). */
const MAX_REMEMBERED_RUNS = 100_000;

interface ShapedRun {
  readonly glyphs: readonly unknown[];
  readonly positions: readonly Record<string, number>[];
}
let fontkit: FontkitModule | undefined;

function requireHere(): NodeRequire {
  return createRequire(import.meta.url);
}

/** Every subset face of the packages, read once from their `unicode.json`. */
function faces(): readonly FontFace[] {
  if (catalogue) return catalogue;
  const req = requireHere();
  const list: FontFace[] = [];
  for (const pkg of PACKAGES) {
    const dir = dirname(req.resolve(`${pkg}/package.json`));
    const id = pkg.slice('@fontsource/'.length);
    const meta = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as { family: string };
    const unicode = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    const subsets = Object.keys(unicode).sort((a, b) => {
      const ia = SUBSET_ORDER.indexOf(a);
      const ib = SUBSET_ORDER.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
      return Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, ''));
    });
    for (const weight of [400, 700] as const) {
      for (const subset of subsets) {
        const name = subset.replace(/[[\]]/g, '');
        list.push({ key: `${id}-${name}-${weight}`, family: meta.family, weight, path: join(dir, 'files', `${id}-${name}-${weight}-normal.woff`), ranges: parseRanges(unicode[subset]!) });
      }
    }
  }
  catalogue = list;
  return list;
}

/**
 * The plain OpenType bytes of a face, from its WOFF file (fontkit subsets these reliably; its WOFF2
 * reader breaks composite glyphs when subsetting), converted once per process.
 *
 * @param face - the face
 * @internal
 */
function fontFile(face: FontFace): Buffer {
  let bytes = fileCache.get(face.path);
  if (!bytes) {
    bytes = woffToSfnt(readFileSync(face.path));
    fileCache.set(face.path, bytes);
  }
  return bytes;
}

/**
 * Fonts for one document: which face draws each character, and how wide a string is.
 *
 * @example
 * ```ts
 * const book = new FontBook();
 * book.runs('Nguyễn Zoë', 400).map((r) => r.face.key); // ['noto-sans-latin-400', 'noto-sans-vietnamese-400', …]
 * ```
 * @internal
 */
export class FontBook {
  readonly #faceOf = new Map<string, FontFace>();
  readonly #runsOf = new Map<string, TextRun[]>();
  /** Widths at 1 pt, by weight and text. */
  readonly #unitWidth = new Map<string, number>();

  /** The parsed font of a face (fontkit), read on first use. */
  font(face: FontFace): GlyphFont {
    let f = fontCache.get(face.path);
    if (!f) {
      fontkit ??= requireHere()('fontkit') as FontkitModule;
      f = fontkit.create(fontFile(face));
      fontCache.set(face.path, f);
    }
    return f;
  }

  /**
   * The font pdfkit draws a face with: the shared fontkit font, whose `layout` remembers each shaped run
   * (pdfkit keeps its own layout cache per document, so a new document shaped every word again, and
   * shaping is most of a document's time). pdfkit scales the positions it is given in place, so each
   * call gets fresh copies of them.
   */
  pdfFont(face: FontFace): object {
    let wrapped = pdfFontCache.get(face.path);
    if (!wrapped) {
      const target = this.font(face) as unknown as Record<string | symbol, unknown> & { layout(text: string, features?: unknown): ShapedRun };
      const shaped = new Map<string, ShapedRun>();
      const layout = (text: string, features?: Record<string, boolean>): unknown => {
        const key = features ? `${JSON.stringify(features)}|${text}` : text;
        let run = shaped.get(key);
        if (!run) {
          const fresh = target.layout(text, features ? { ...features } : undefined);
          run = { glyphs: fresh.glyphs, positions: fresh.positions.map((p) => ({ ...p })) };
          if (shaped.size >= MAX_REMEMBERED_RUNS) shaped.clear();
          shaped.set(key, run);
        }
        const positions = run.positions.map((p) => ({ ...p }));
        return {
          glyphs: run.glyphs,
          positions,
          get advanceWidth() {
            let w = 0;
            for (const p of positions) w += p['xAdvance'] ?? 0;
            return w;
          },
        };
      };
      wrapped = new Proxy(target, {
        get(t, prop) {
          if (prop === 'layout') return layout;
          const v = Reflect.get(t, prop, t);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
        },
      });
      pdfFontCache.set(face.path, wrapped);
    }
    return wrapped;
  }

  /** The first face of a weight whose range has the character (undefined when none has). */
  faceFor(codePoint: number, weight: FontWeight): FontFace | undefined {
    const k = `${weight}:${codePoint}`;
    if (this.#faceOf.has(k)) return this.#faceOf.get(k);
    const face = faces().find((f) => f.weight === weight && covers(f, codePoint) && this.font(f).hasGlyphForCodePoint(codePoint));
    if (face) this.#faceOf.set(k, face);
    return face;
  }

  /** The first Latin face of a weight (for characters no face has: they print as the missing-glyph box). */
  baseFace(weight: FontWeight): FontFace {
    return faces().find((f) => f.weight === weight)!;
  }

  /**
   * The runs of a string, in drawing order (left to right on the page).
   *
   * @param text - the string
   * @param weight - regular or bold
   */
  runs(text: string, weight: FontWeight): TextRun[] {
    const key = `${weight}:${text}`;
    const known = this.#runsOf.get(key);
    if (known) return known;
    const runs: { face: FontFace; text: string }[] = [];
    let current: { face: FontFace; text: string } | undefined;
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      // A combining mark stays with its letter; a space always comes from the first face (pdfkit spaces
      // words by it, and a space from another subset extracts as a control character).
      if (current && MARK.test(ch) && this.font(current.face).hasGlyphForCodePoint(cp)) {
        current.text += ch;
        continue;
      }
      const face = this.faceFor(cp, weight) ?? current?.face ?? this.baseFace(weight);
      if (current && current.face.key === face.key) current.text += ch;
      else {
        current = { face, text: ch };
        runs.push(current);
      }
    }
    const firstStrong = [...text].find((c) => STRONG.test(c));
    // A right-to-left string: runs right to left, and a run of neutrals (spaces, punctuation) reversed too,
    // so `العلي, محمد` puts the comma just left of the first word.
    const rtl = firstStrong !== undefined && RTL.test(firstStrong);
    const ordered = rtl ? runs.reverse().map((r) => (STRONG.test(r.text) ? r : { face: r.face, text: [...r.text].reverse().join('') })) : runs;
    this.#runsOf.set(key, ordered);
    return ordered;
  }

  /**
   * The width of a string in points at a font size.
   *
   * @param text - the string
   * @param size - font size, points
   * @param weight - regular or bold
   */
  width(text: string, size: number, weight: FontWeight): number {
    const key = `${weight}:${text}`;
    let unit = this.#unitWidth.get(key);
    if (unit === undefined) {
      unit = 0;
      for (const r of this.runs(text, weight)) {
        const f = this.font(r.face);
        unit += f.layout(r.text, runFeatures(r.face, r.text)).advanceWidth / f.unitsPerEm;
      }
      this.#unitWidth.set(key, unit);
    }
    return unit * size;
  }

  /**
   * The string cut to fit a width, with an ellipsis when cut.
   *
   * @param text - the string
   * @param size - font size, points
   * @param weight - regular or bold
   * @param maxWidth - the width available, points
   */
  fit(text: string, size: number, weight: FontWeight, maxWidth: number): string {
    if (this.width(text, size, weight) <= maxWidth) return text;
    const chars = [...text];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.width(`${chars.slice(0, mid).join('').trimEnd()}…`, size, weight) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
  }
}
