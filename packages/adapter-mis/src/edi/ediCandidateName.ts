/**
 * Candidate names as EDI entries carry them: `SURNAME:FORENAMES`, upper case, at most 40 characters, in
 * the character set A–Z, `' . : ( ) / -` and space (Pearson; AQA: a surname-only name ends with a colon;
 * Aspen writes no space after the colon). Letters with diacritics are transliterated (Siân → SIAN) and
 * every such change is reported; a character that cannot be represented is an issue, never dropped
 * silently.
 */

/**
 * One change made to a name so it fits the EDI character set.
 *
 * @example
 * ```ts
 * const changes: readonly NameChange[] = toEdiCandidateName('Jones', 'Siân').changes;
 * changes[0]?.from; // 'â'
 * ```
 */
export interface NameChange {
  readonly field: 'legalSurname' | 'legalForenames';
  /** The character(s) as given. */
  readonly from: string;
  /** What was written instead (empty when removed). */
  readonly to: string;
  /** 0-based index in the (trimmed) name part. */
  readonly index: number;
  readonly reason: 'transliterated' | 'removed' | 'spacing';
}

/**
 * A name part that cannot be written.
 *
 * @example
 * ```ts
 * const problems: readonly NameProblem[] = toEdiCandidateName('', 'Anna').problems;
 * problems.map((p) => `${p.field}: ${p.message}`);
 * ```
 */
export interface NameProblem {
  readonly field: 'legalSurname' | 'legalForenames' | 'candidateName';
  readonly value: string;
  readonly message: string;
}

/**
 * The EDI form of a name, the changes made and what could not be represented.
 *
 * @example
 * ```ts
 * const out: EdiCandidateName = toEdiCandidateName('Jones', 'Siân');
 * out.name; // 'JONES:SIAN'
 * ```
 */
export interface EdiCandidateName {
  /** `SURNAME:FORENAMES`; absent when a problem stops it. */
  readonly name?: string;
  readonly changes: readonly NameChange[];
  readonly problems: readonly NameProblem[];
}

/**
 * Options for {@link toEdiCandidateName}.
 *
 * @example
 * ```ts
 * const options: EdiCandidateNameOptions = { unrepresentable: 'remove' };
 * toEdiCandidateName('Nguyễn', 'Anh', options).changes;
 * ```
 */
export interface EdiCandidateNameOptions {
  /**
   * What to do with a character that has no representation: `'reject'` the name (an issue), or `'remove'`
   * the character (reported as a change).
   * @default 'reject'
   */
  readonly unrepresentable?: 'reject' | 'remove';
  /**
   * The longest name the field holds.
   * @default 40
   */
  readonly maxLength?: number;
}

const ALLOWED = /^[A-Z'.()/\- ]$/;
/** Letters and marks NFD does not decompose into A–Z, and punctuation with a plain equivalent. */
const SPECIAL: Readonly<Record<string, string>> = {
  Æ: 'AE', æ: 'AE', Œ: 'OE', œ: 'OE', Ø: 'O', ø: 'O', Ł: 'L', ł: 'L', Đ: 'D', đ: 'D', Ð: 'D', ð: 'D',
  Þ: 'TH', þ: 'TH', ß: 'SS', ẞ: 'SS', ı: 'I', Ħ: 'H', ħ: 'H', Ŧ: 'T', ŧ: 'T', Ŋ: 'NG', ŋ: 'NG',
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u02BC': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
};

/** The characters a name part may hold as they are (A–Z in either case, `' . ( ) / -` and space), by character code. */
const PLAIN = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128);
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.()/- ") t[ch.charCodeAt(0)] = 1;
  return t;
})();

/**
 * Whether a name part is written as it is, only upper-cased: every character plain, no space at either end and
 * none doubled. {@link convertPart} then reports nothing and returns `value.toUpperCase()`.
 */
function isPlainPart(value: string): boolean {
  const n = value.length;
  if (n === 0 || value.charCodeAt(0) === 0x20 || value.charCodeAt(n - 1) === 0x20) return false;
  let space = false;
  for (let i = 0; i < n; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 128 || PLAIN[c] !== 1) return false;
    if (c === 0x20) {
      if (space) return false;
      space = true;
    } else space = false;
  }
  return true;
}

function convertPart(field: 'legalSurname' | 'legalForenames', value: string, mode: 'reject' | 'remove', changes: NameChange[], problems: NameProblem[]): string {
  if (isPlainPart(value)) return value.toUpperCase();
  const trimmed = value.trim();
  const collapsed = trimmed.replace(/\s+/g, ' ');
  if (collapsed !== trimmed) changes.push({ field, from: trimmed, to: collapsed, index: 0, reason: 'spacing' });
  let out = '';
  const chars = Array.from(collapsed);
  let index = 0;
  for (const ch of chars) {
    const upper = ch.toUpperCase();
    if (ch !== ':' && Array.from(upper).every((c) => ALLOWED.test(c)) && /^[A-Za-z'.()/\- ]$/.test(ch)) {
      out += upper;
    } else {
      const special = SPECIAL[ch];
      const stripped = special ?? upper.normalize('NFD').replace(/\p{M}+/gu, '');
      if (ch !== ':' && stripped.length > 0 && Array.from(stripped).every((c) => ALLOWED.test(c))) {
        changes.push({ field, from: ch, to: stripped, index, reason: 'transliterated' });
        out += stripped;
      } else if (mode === 'remove') {
        changes.push({ field, from: ch, to: '', index, reason: 'removed' });
      } else {
        problems.push({ field, value: collapsed, message: `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) in ${field} cannot be written in an EDI name (A-Z ' . ( ) / - and space)` });
      }
    }
    index += ch.length;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * Writes legal names as the EDI `SURNAME:FORENAMES`, transliterating what it can and reporting every change.
 *
 * @param legalSurname - the legal surname
 * @param legalForenames - the legal forenames (may be empty)
 * @param options - what to do with characters that cannot be represented; the maximum length
 * @example
 * ```ts
 * toEdiCandidateName('Jones', 'Siân'); // { name: 'JONES:SIAN', changes: [{ field: 'legalForenames', from: 'â', to: 'A', index: 2, reason: 'transliterated' }], problems: [] }
 * toEdiCandidateName('Tang Po Heng', '').name; // 'TANG PO HENG:'
 * ```
 */
export function toEdiCandidateName(legalSurname: string, legalForenames: string, options: EdiCandidateNameOptions = {}): EdiCandidateName {
  const { unrepresentable = 'reject', maxLength = 40 } = options;
  const changes: NameChange[] = [];
  const problems: NameProblem[] = [];
  const surname = convertPart('legalSurname', legalSurname, unrepresentable, changes, problems);
  const forenames = convertPart('legalForenames', legalForenames, unrepresentable, changes, problems);
  if (surname === '' && problems.every((p) => p.field !== 'legalSurname')) {
    problems.push({ field: 'legalSurname', value: legalSurname, message: 'The legal surname is empty' });
  }
  const name = `${surname}:${forenames}`;
  if (name.length > maxLength) {
    problems.push({ field: 'candidateName', value: name, message: `"${name}" has ${name.length} characters; an EDI name holds ${maxLength}` });
  }
  return problems.length > 0 ? { changes, problems } : { name, changes, problems };
}
