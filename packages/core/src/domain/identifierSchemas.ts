/**
 * zod schemas for the exam identifiers, built on the check-character functions, so every record that
 * carries a UCI, ULN, UPN, candidate or centre number rejects a wrong one with `bad_check_character`.
 */
import { z } from 'zod';
import { isValidCandidateNumber, isValidCentreNumber } from '../identifiers/candidateNumber.js';
import { isValidUci } from '../identifiers/uci.js';
import { isValidUln } from '../identifiers/uln.js';
import { isValidUpn } from '../identifiers/upn.js';
import type { AcademicYear, CalendarDate, Instant } from '../time/clock.js';

/**
 * The `params.code` a failed identifier refinement carries, for adapters to report.
 *
 * @example
 * ```ts
 * const checked = uciSchema.safeParse('99999A12345B');
 * const issue = checked.success ? undefined : checked.error.issues[0];
 * if (issue?.code === 'custom' && issue.params?.['code'] === BAD_CHECK_CHARACTER) console.log('the UCI check letter is wrong');
 * ```
 */
export const BAD_CHECK_CHARACTER = 'bad_check_character';

/**
 * A UCI with a correct check letter.
 *
 * @example
 * ```ts
 * uciSchema.safeParse('not a UCI').success; // false
 * ```
 */
export const uciSchema = z.string().refine(isValidUci, {
  error: 'Not a valid UCI: 13 characters whose last is the check letter',
  params: { code: BAD_CHECK_CHARACTER },
});
/**
 * A ULN with a correct check digit.
 *
 * @example
 * ```ts
 * ulnSchema.safeParse('1234567890').success; // false unless the check digit agrees
 * ```
 */
export const ulnSchema = z.string().refine(isValidUln, {
  error: 'Not a valid ULN: 10 digits, not starting with 0, weighted sum mod 11 = 10',
  params: { code: BAD_CHECK_CHARACTER },
});
/**
 * A UPN (permanent or temporary) with a correct check letter.
 *
 * @example
 * ```ts
 * upnSchema.safeParse('A123456789012').success; // false unless the check letter agrees
 * ```
 */
export const upnSchema = z.string().refine(isValidUpn, {
  error: 'Not a valid UPN: 13 characters whose first is the check letter',
  params: { code: BAD_CHECK_CHARACTER },
});
/**
 * A four-digit candidate number, 0001–9999.
 *
 * @example
 * ```ts
 * candidateNumberSchema.parse('0001'); // '0001': four digits, leading zeros kept
 * ```
 */
export const candidateNumberSchema = z.string().refine(isValidCandidateNumber, {
  error: 'Not a valid candidate number: four digits, 0001 to 9999',
  params: { code: 'invalid_value' },
});
/**
 * A five-digit centre number.
 *
 * @example
 * ```ts
 * centreNumberSchema.safeParse('12').success; // false: a centre number has five digits
 * ```
 */
export const centreNumberSchema = z.string().refine(isValidCentreNumber, {
  error: 'Not a valid centre number: five digits',
  params: { code: 'invalid_value' },
});

/**
 * An ISO 8601 instant with an offset; its output is an {@link Instant} (zod's ISO check, typed as the template).
 *
 * @example
 * ```ts
 * const at: Instant = instantSchema.parse('2026-08-13T08:00:00+01:00');
 * ```
 */
export const instantSchema: z.ZodType<Instant, string> = z.iso.datetime({ offset: true }) as unknown as z.ZodType<Instant, string>;
/**
 * A `YYYY-MM-DD` date; its output is a {@link CalendarDate}.
 *
 * @example
 * ```ts
 * const day: CalendarDate = calendarDateSchema.parse('2026-08-20');
 * ```
 */
export const calendarDateSchema: z.ZodType<CalendarDate, string> = z.iso.date() as unknown as z.ZodType<CalendarDate, string>;
/**
 * An `HH:mm` wall-clock time in Europe/London.
 *
 * @example
 * ```ts
 * clockTimeSchema.parse('13:30'); // '13:30'
 * ```
 */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Not an HH:mm time');
/**
 * An academic year, e.g. `2025/26`; its output is an {@link AcademicYear}.
 *
 * @example
 * ```ts
 * const year: AcademicYear = academicYearSchema.parse('2025/26');
 * ```
 */
export const academicYearSchema: z.ZodType<AcademicYear, string> = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'Not an academic year like 2025/26')
  .refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), 'The two years must be consecutive') as unknown as z.ZodType<AcademicYear, string>;
