/**
 * The Wonde student → {@link MisCandidate} mapping. Legal names come from `legal_surname` and
 * `legal_forename` (with `middle_names` joined on, as JCQ names carry every forename); the UPN from the
 * `education_details` include (`education_details.data.upn`); the date of birth from its date object;
 * `gender` `FEMALE` / `MALE` to `F` / `M`; the ULN from `education_details.learner_number` where the
 * school shares it. A fallback to the preferred names, an unmapped gender or an identifier that fails its
 * check is an issue. Wonde is not known to expose UCI or candidate number.
 */
import { z } from 'zod';
import { isValidUln, isValidUpn } from '@examcycle/core';
import type { MisCandidate, MisIssue } from '../MisPort.js';
import { wondeCalendarDate, wondeInstant } from './wondeDate.js';
import { wondeInclude } from './wondeListing.js';

const wondeDateSchema = z.object({ date: z.string(), timezone_type: z.number(), timezone: z.string() });

/** The fields of a Wonde student this mapping reads (others are allowed and ignored). */
const wondeStudentSchema = z.looseObject({
  id: z.string().min(1),
  mis_id: z.string().nullish(),
  upi: z.string().nullish(),
  surname: z.string().nullish(),
  forename: z.string().nullish(),
  middle_names: z.string().nullish(),
  legal_surname: z.string().nullish(),
  legal_forename: z.string().nullish(),
  gender: z.string().nullish(),
  date_of_birth: wondeDateSchema.nullish(),
  updated_at: wondeDateSchema.nullish(),
  education_details: wondeInclude(z.looseObject({ upn: z.string().nullish(), learner_number: z.string().nullish() })),
});

/**
 * Maps one Wonde student payload to an MIS candidate, with the issues met; no candidate when it cannot be mapped.
 *
 * @param raw - one element of a students page's `data`
 * @param where - e.g. `wonde:students[3]`
 * @example
 * ```ts
 * const { candidate, issues } = wondeStudentToCandidate(page.data[0], 'wonde:students[0]');
 * ```
 */
export function wondeStudentToCandidate(raw: unknown, where: string): { readonly candidate?: MisCandidate; readonly issues: readonly MisIssue[] } {
  const parsed = wondeStudentSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    return {
      issues: parsed.error.issues.map((i) => ({
        where,
        ...(id === undefined ? {} : { recordId: id }),
        field: i.path.join('.'),
        code: 'malformed_response' as const,
        message: `${i.path.join('.') || 'student'}: ${i.message}`,
      })),
    };
  }
  const s = parsed.data;
  const issues: MisIssue[] = [];
  const note = (field: string, message: string, value?: string, code: MisIssue['code'] = 'invalid_value'): void => {
    issues.push({ where, recordId: s.id, field, ...(value === undefined ? {} : { value }), code, message });
  };
  const legalSurname = s.legal_surname ?? undefined;
  const surname = legalSurname ?? s.surname ?? undefined;
  if (surname === undefined || surname.trim() === '') {
    note('legal_surname', 'No legal_surname or surname: the student cannot be a candidate');
    return { issues };
  }
  if (legalSurname === undefined) note('legal_surname', 'No legal_surname; the surname was used');
  let forenames = s.legal_forename ?? undefined;
  if (forenames === undefined) {
    forenames = s.forename ?? '';
    note('legal_forename', 'No legal_forename; the forename was used');
  }
  const legalForenames = [forenames, s.middle_names ?? ''].map((x) => x.trim()).filter((x) => x !== '').join(' ');
  const preferred = s.forename ?? undefined;
  const dob = s.date_of_birth ? wondeCalendarDate(s.date_of_birth) : undefined;
  if (s.date_of_birth && dob === undefined) note('date_of_birth', `Unreadable date of birth "${s.date_of_birth.date}"`, s.date_of_birth.date, 'malformed_response');
  const updatedAt = s.updated_at ? wondeInstant(s.updated_at) : undefined;
  if (s.updated_at && updatedAt === undefined) note('updated_at', `Unreadable updated_at "${s.updated_at.date}" (${s.updated_at.timezone})`, s.updated_at.date, 'malformed_response');
  const gender = s.gender?.toUpperCase();
  const sex = gender === 'FEMALE' || gender === 'F' ? 'F' : gender === 'MALE' || gender === 'M' ? 'M' : undefined;
  if (s.gender && sex === undefined) note('gender', `Gender "${s.gender}" has no EDI sex code (M/F): left blank`, s.gender);
  const education = s.education_details?.data;
  const details = education === undefined || Array.isArray(education) ? undefined : (education as { upn?: string | null; learner_number?: string | null });
  const upnRaw = details?.upn?.trim();
  let upn: string | undefined;
  if (upnRaw) {
    if (isValidUpn(upnRaw)) upn = upnRaw;
    else note('education_details.upn', `UPN "${upnRaw}" fails its check letter: not taken`, upnRaw, 'bad_check_character');
  }
  const ulnRaw = details?.learner_number?.trim();
  let uln: string | undefined;
  if (ulnRaw) {
    if (isValidUln(ulnRaw)) uln = ulnRaw;
    else note('education_details.learner_number', `ULN "${ulnRaw}" fails its check digit: not taken`, ulnRaw, 'bad_check_character');
  }
  return {
    candidate: {
      id: s.id,
      ...(upn === undefined ? {} : { upn }),
      ...(uln === undefined ? {} : { uln }),
      legalSurname: surname.trim(),
      legalForenames,
      ...(preferred !== undefined && preferred.trim() !== '' && preferred.trim() !== forenames.trim() ? { preferredName: preferred.trim() } : {}),
      ...(dob === undefined ? {} : { dateOfBirth: dob }),
      ...(sex === undefined ? {} : { sex }),
      ...(updatedAt === undefined ? {} : { updatedAt }),
    },
    issues,
  };
}
