/**
 * The cell codecs the column sets are built from: text, identifiers, numbers, yes/no, dates, times,
 * instants, enumerations with spreadsheet spellings, and `;`-separated lists. Each reads what exams
 * officers actually type (`Yes`, `25%`, `Extra time`, `11/05/2026`) and writes one canonical form, so a
 * file this package wrote reads back to the same records.
 */
import { ExamcycleError } from '@examcycle/core';
import { CellFailure, type CellCodec } from './CellCodec.js';
import { readCalendarDate, readClockTime, readInstant } from './spreadsheetDates.js';

/** The separator written between list items; `;` and `,` are both read. */
const LIST_SEPARATOR = '; ';
const LIST_SPLIT = /[;,]/;
const SCIENTIFIC = /^\d(?:\.\d+)?E\+?\d+$/i;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Free text; an empty cell is the empty string (a legal forename may be blank). */
export const text: CellCodec<string> = {
  name: 'text (may be empty)',
  empty: 'empty_string',
  decode: (t) => t,
  encode: (v) => v,
};

/** Optional free text; an empty cell leaves the field out. */
export const optionalText: CellCodec<string> = { ...text, name: 'text', empty: 'absent' };

/** The codecs whose decoding keeps the cell text as it is (the importer skips calling them). @internal */
export const KEEPS_TEXT: ReadonlySet<CellCodec<unknown>> = new Set<CellCodec<unknown>>([text, optionalText]);

/**
 * An identifier such as a UCI, ULN or UPN: spaces removed and letters upper-cased (`68199 0 01 2058 g`
 * reads as `681990012058G`); a number Excel rewrote in scientific notation is named as such.
 */
export const identifier: CellCodec<string> = {
  name: 'identifier',
  empty: 'absent',
  decode(t) {
    if (SCIENTIFIC.test(t)) {
      return new CellFailure(
        `"${t}" is a number Excel rewrote in scientific notation, so digits are lost: format the column as Text and export again`,
      );
    }
    return t.replace(/\s+/g, '').toUpperCase();
  },
  encode: (v) => v,
};

/**
 * A fixed-width number kept as text (candidate number 4, centre number 5): leading zeros Excel dropped
 * are put back (`42` reads as `0042`).
 *
 * @param width - how many digits the number has
 * @param what - its name, for messages
 * @example
 * ```ts
 * zeroPadded(4, 'candidate number').decode('42'); // '0042'
 * ```
 */
export function zeroPadded(width: number, what: string): CellCodec<string> {
  const digitsOnly = /^\d+$/;
  return {
    name: `${width} digits`,
    empty: 'absent',
    decode(t) {
      if (digitsOnly.test(t) && t.length < width) return t.padStart(width, '0');
      if (SCIENTIFIC.test(t)) return new CellFailure(`"${t}" is not a ${what}: Excel rewrote it in scientific notation`);
      return t;
    },
    encode: (v) => v,
  };
}

/** A whole number, written as a real number. */
export const integer: CellCodec<number> = {
  name: 'whole number',
  empty: 'absent',
  decode: (t) => (INTEGER.test(t) ? Number(t) : new CellFailure(`"${t}" is not a whole number`)),
  encode: (v) => v,
};

/** A whole-number percentage; a trailing `%` is allowed (`25%`). */
export const percent: CellCodec<number> = {
  name: 'percentage',
  empty: 'absent',
  decode: (t) => {
    const body = t.endsWith('%') ? t.slice(0, -1).trimEnd() : t;
    return INTEGER.test(body) ? Number(body) : new CellFailure(`"${t}" is not a whole-number percentage`);
  },
  encode: (v) => v,
};

/** A decimal number (`1.25`, `-5`); thousands separators are refused rather than guessed. */
export const decimal: CellCodec<number> = {
  name: 'number',
  empty: 'absent',
  decode: (t) => (DECIMAL.test(t) ? Number(t) : new CellFailure(`"${t}" is not a number`)),
  encode: (v) => v,
};

const TRUE_WORDS = new Set(['y', 'yes', 'true', '1', 't']);
const FALSE_WORDS = new Set(['n', 'no', 'false', '0', 'f']);

/** Yes or no: reads `Y`/`Yes`/`TRUE`/`1` and `N`/`No`/`FALSE`/`0`; writes `Y` or `N`. */
export const yesNo: CellCodec<boolean> = {
  name: 'Y/N',
  empty: 'absent',
  decode(t) {
    if (t === 'Y') return true;
    if (t === 'N') return false;
    const w = t.toLowerCase();
    if (TRUE_WORDS.has(w)) return true;
    if (FALSE_WORDS.has(w)) return false;
    return new CellFailure(`"${t}" is not yes or no (Y/N)`);
  },
  encode: (v) => (v ? 'Y' : 'N'),
};

/**
 * A calendar date, written `yyyy-mm-dd`.
 *
 * @param excelSerial - whether whole numbers are read as Excel serial dates
 * @example
 * ```ts
 * calendarDate(true).decode('46153'); // '2026-05-11'
 * ```
 */
export function calendarDate(excelSerial: boolean): CellCodec<string> {
  return { name: 'date', empty: 'absent', decode: (t) => readCalendarDate(t, excelSerial), encode: (v) => v };
}

/** A London wall-clock time, written `HH:mm`. */
export const clockTime: CellCodec<string> = { name: 'time', empty: 'absent', decode: readClockTime, encode: (v) => v };

/**
 * An instant, written as the ISO 8601 string it is.
 *
 * @param excelSerial - whether Excel serial numbers are accepted
 * @example
 * ```ts
 * instant(true).decode('2026-02-20'); // '2026-02-20T00:00:00+00:00'
 * ```
 */
export function instant(excelSerial: boolean): CellCodec<string> {
  return { name: 'date and time', empty: 'absent', decode: (t) => readInstant(t, excelSerial), encode: (v) => v };
}

/** Folds spelling for enumerations: lower case, runs of spaces, hyphens and underscores as one `_`. */
function enumKey(t: string): string {
  return t.toLowerCase().replace(/[\s\-_]+/g, '_');
}

/**
 * One of a fixed set of values, read case-insensitively with spaces, hyphens and underscores alike
 * (`Extra time` is `extra_time`), plus spreadsheet spellings (`entered` is `submitted`).
 *
 * @param values - the domain values
 * @param spellings - other spellings, folded, to the value they mean
 * @example
 * ```ts
 * oneOf(['AM', 'PM'], { morning: 'AM', afternoon: 'PM' }).decode('Morning'); // 'AM'
 * ```
 */
export function oneOf<const V extends string>(values: readonly V[], spellings: Readonly<Record<string, V>> = {}): CellCodec<V> {
  const exact = new Map<string, V>(values.map((v) => [v, v]));
  const lookup = new Map<string, V>();
  for (const v of values) lookup.set(enumKey(v), v);
  for (const [k, v] of Object.entries(spellings)) lookup.set(enumKey(k), v);
  return {
    name: `one of ${values.join(', ')}`,
    empty: 'absent',
    decode: (t) => exact.get(t) ?? lookup.get(enumKey(t)) ?? new CellFailure(`"${t}" is not one of ${values.join(', ')}`),
    encode: (v) => v,
  };
}

/**
 * A list, written with `; ` between items; `;` and `,` are both read as separators, items are trimmed
 * and empty ones dropped. An item that contains a separator, is empty or has spaces at either end could
 * not be read back, so writing it fails with `unrepresentable_value`.
 *
 * @param item - the codec of one item (free text when omitted)
 * @example
 * ```ts
 * listOf().decode('8300/1H; 8300/2H'); // ['8300/1H', '8300/2H']
 * ```
 */
export function listOf<T = string>(item: CellCodec<T> = text as unknown as CellCodec<T>): CellCodec<T[]> {
  const keepsText = (item as CellCodec<unknown>) === text;
  /** The items of the list being read, reused from row to row; the list is copied out at its exact length (a kept record holds no spare capacity). */
  const items: T[] = [];
  return {
    name: `list of ${item.name}`,
    empty: 'absent',
    decode(t) {
      let count = 0;
      let start = 0;
      for (let i = 0; i <= t.length; i += 1) {
        const c = i < t.length ? t.charCodeAt(i) : 59;
        if (c !== 59 && c !== 44) continue;
        let a = start;
        let b = i;
        start = i + 1;
        while (a < b && t.charCodeAt(a) <= 32) a += 1;
        while (b > a && t.charCodeAt(b - 1) <= 32) b -= 1;
        if (a === b) continue;
        let p = t.slice(a, b);
        if (p.charCodeAt(0) > 127 || p.charCodeAt(p.length - 1) > 127) p = p.trim();
        if (p === '') continue;
        if (keepsText) {
          items[count++] = p as T;
          continue;
        }
        const v = item.decode(p);
        if (v instanceof CellFailure) {
          items.fill(undefined as T, 0, count);
          return new CellFailure(`list item ${v.message}`, v.code);
        }
        items[count++] = v;
      }
      const out = items.slice(0, count);
      items.fill(undefined as T, 0, count);
      return out;
    },
    encode(values) {
      return values
        .map((v) => {
          const s = String(item.encode(v));
          if (s === '' || LIST_SPLIT.test(s) || s.trim() !== s) {
            throw new ExamcycleError(
              'unrepresentable_value',
              `List item ${JSON.stringify(s)} cannot be written: list items may not be empty, contain ";" or "," or start or end with a space`,
              { location: { value: s } },
            );
          }
          return s;
        })
        .join(LIST_SEPARATOR);
    },
  };
}

const SERIES_NAME = /^(january|jan|march|mar|june|jun|summer|november|nov)[\s\-_]+(\d{4})$/i;
/** Core's own series ids, which read as themselves without the regular expression. */
const CORE_SERIES_ID = /^(?:january|march|june|november)-\d{4}$/;
const SERIES_MONTH: Readonly<Record<string, string>> = {
  january: 'january', jan: 'january', march: 'march', mar: 'march', june: 'june', jun: 'june',
  summer: 'june', november: 'november', nov: 'november',
};

/**
 * An exam series id: Ofqual's `June 2026` (and `june-2026`, `Summer 2026`, `Nov 2026`) reads as core's
 * `june-2026`; anything else (an EDI series code such as `6A25`) is kept as written.
 */
export const seriesId: CellCodec<string> = {
  name: 'series',
  empty: 'absent',
  decode(t) {
    if (CORE_SERIES_ID.test(t)) return t;
    const m = SERIES_NAME.exec(t);
    return m ? `${SERIES_MONTH[m[1]!.toLowerCase()]}-${m[2]}` : t;
  },
  encode: (v) => v,
};

const HOURS_MINUTES = /^(\d{1,2}):(\d{2})$/;
const H_M = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?$/i;

/** A duration in minutes: `90`, `1:30` (hours and minutes) or `1h 30m`; written as whole minutes. */
export const minutes: CellCodec<number> = {
  name: 'minutes',
  empty: 'absent',
  decode(t) {
    if (/^\d+$/.test(t)) return Number(t);
    let m = HOURS_MINUTES.exec(t);
    if (m && Number(m[2]) < 60) return Number(m[1]) * 60 + Number(m[2]);
    m = H_M.exec(t);
    if (m && (m[1] !== undefined || m[2] !== undefined)) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
    return new CellFailure(`"${t}" is not a duration: use minutes (90), h:mm (1:30) or 1h 30m`);
  },
  encode: (v) => v,
};
