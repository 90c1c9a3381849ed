/**
 * The academic year as the EOPS toolkit writes it and as examcycle does. The toolkit's tracker heads its
 * table "Academic Year: 2025" and labels rows "(2025/26)": both mean the year from 1 September 2025 to
 * 31 August 2026. Every EOPS reader that takes a year takes either form, and refuses anything else with a
 * typed error rather than answer with an empty list.
 */
import { academicYearSchema } from '../domain/identifierSchemas.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { AcademicYear } from '../time/clock.js';

/**
 * An academic year as examcycle writes it (`2025/26`) or as the toolkit does (`2025`, the year it starts).
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const year: EopsAcademicYearInput = '2025/26'; // or 2025, the year it starts
 * eopsTracker(actor.getSnapshot(), { academicYear: year });
 * ```
 */
export type EopsAcademicYearInput = AcademicYear | `${number}`;

/**
 * The academic year meant by `2025/26`, `2025` (the toolkit's form: the year it starts), `2025-26` or
 * `2025/2026`.
 *
 * @param value - the year as written
 * @returns the year as `YYYY/YY`
 * @throws ExamcycleError `invalid_value` for anything else (a blank, `25/26`, `2025/27`, …)
 * @example
 * ```ts
 * eopsAcademicYear('2025'); // '2025/26'
 * eopsAcademicYear('2025/26'); // '2025/26'
 * ```
 */
export function eopsAcademicYear(value: string): AcademicYear {
  const text = String(value).trim();
  const start = /^(\d{4})$/.exec(text)?.[1] ?? /^(\d{4})[/-](\d{2}|\d{4})$/.exec(text)?.[1];
  const end = /^\d{4}[/-](\d{2}|\d{4})$/.exec(text)?.[1];
  if (start !== undefined) {
    const next = Number(start) + 1;
    const ok = end === undefined || (end.length === 2 ? Number(end) === next % 100 : Number(end) === next);
    const year = `${start}/${String(next % 100).padStart(2, '0')}`;
    if (ok && academicYearSchema.safeParse(year).success) return year as AcademicYear;
  }
  throw new ExamcycleError('invalid_value', `"${text}" is not an academic year: write it as the toolkit does (2025) or as 2025/26`, {
    location: { field: 'academicYear', value: text },
  });
}
