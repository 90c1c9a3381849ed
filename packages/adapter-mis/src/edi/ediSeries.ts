/**
 * EDI exam series: a month character (1–9 = January–September, A/B/C = October–December) and the
 * awarding body's series letter, e.g. `6A` (AQA June), `BG` (AQA November), with a two-digit year. The
 * letter is the awarding body's own choice and OCR writes it in lower case. A series maps onto core's
 * series id (`june-2025`) only for the JCQ months (January, March, June, November).
 */
import type { SeriesMonth } from '@examcycle/core';

/**
 * An EDI series: code (month character + letter) and two-digit year.
 *
 * @example
 * ```ts
 * const june: EdiSeries = { code: '6A', year: '26' };
 * seriesIdOf(june); // 'june-2026'
 * ```
 */
export interface EdiSeries {
  /** e.g. `6A`, `BG`, `1a`. */
  readonly code: string;
  /** Two digits, e.g. `25`. */
  readonly year: string;
}

const MONTHS: Readonly<Record<string, SeriesMonth>> = { '1': 'january', '3': 'march', '6': 'june', B: 'november', b: 'november' };

/**
 * Whether a series code and year are well formed: `[1-9A-Ca-c]` then a letter or digit, and two digits.
 *
 * @param series - the series
 * @example
 * ```ts
 * isEdiSeries({ code: '6A', year: '25' }); // true
 * ```
 */
export function isEdiSeries(series: EdiSeries): boolean {
  return /^[1-9A-Ca-c][A-Za-z0-9]$/.test(series.code) && /^\d{2}$/.test(series.year);
}

/**
 * Core's series id for an EDI series (`june-2025`), or `undefined` when its month is not a JCQ series month.
 *
 * @param series - the series
 * @example
 * ```ts
 * seriesIdOf({ code: 'BG', year: '25' }); // 'november-2025'
 * seriesIdOf({ code: '9W', year: '25' }); // undefined: a registrations series
 * ```
 */
export function seriesIdOf(series: EdiSeries): string | undefined {
  const month = MONTHS[series.code.charAt(0)];
  if (month === undefined || !/^\d{2}$/.test(series.year)) return undefined;
  return `${month}-${2000 + Number(series.year)}`;
}
