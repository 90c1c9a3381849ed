/**
 * zod schemas for the exam identifiers, built on the check-character functions, so every record that
 * carries a UCI, ULN, UPN, candidate or centre number rejects a wrong one with `bad_check_character`.
 */
import { z } from 'zod';
import { isValidCandidateNumber, isValidCentreNumber } from '../identifiers/candidateNumber.js';
import { isValidUci } from '../identifiers/uci.js';
import { isValidUln } from '../identifiers/uln.js';
import { isValidUpn } from '../identifiers/upn.js';

/** The `params.code` a failed identifier refinement carries, for adapters to report. */
export const BAD_CHECK_CHARACTER = 'bad_check_character';

/** A UCI with a correct check letter. */
export const uciSchema = z.string().refine(isValidUci, {
  error: 'Not a valid UCI: 13 characters whose last is the check letter',
  params: { code: BAD_CHECK_CHARACTER },
});
/** A ULN with a correct check digit. */
export const ulnSchema = z.string().refine(isValidUln, {
  error: 'Not a valid ULN: 10 digits, not starting with 0, weighted sum mod 11 = 10',
  params: { code: BAD_CHECK_CHARACTER },
});
/** A UPN (permanent or temporary) with a correct check letter. */
export const upnSchema = z.string().refine(isValidUpn, {
  error: 'Not a valid UPN: 13 characters whose first is the check letter',
  params: { code: BAD_CHECK_CHARACTER },
});
/** A four-digit candidate number, 0001–9999. */
export const candidateNumberSchema = z.string().refine(isValidCandidateNumber, {
  error: 'Not a valid candidate number: four digits, 0001 to 9999',
  params: { code: 'invalid_value' },
});
/** A five-digit centre number. */
export const centreNumberSchema = z.string().refine(isValidCentreNumber, {
  error: 'Not a valid centre number: five digits',
  params: { code: 'invalid_value' },
});

/** An ISO 8601 instant with an offset. */
export const instantSchema = z.iso.datetime({ offset: true });
/** A `YYYY-MM-DD` date. */
export const calendarDateSchema = z.iso.date();
/** An `HH:mm` wall-clock time in Europe/London. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Not an HH:mm time');
/** An academic year, e.g. `2025/26`. */
export const academicYearSchema = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'Not an academic year like 2025/26')
  .refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), 'The two years must be consecutive');
