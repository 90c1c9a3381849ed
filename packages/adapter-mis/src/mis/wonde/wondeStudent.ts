/**
 * The Wonde student → {@link MisCandidate} mapping. Legal names come from `legal_surname` and
 * `legal_forename` (with `middle_names` joined on, as JCQ names carry every forename); the UPN from the
 * `education_details` include (`education_details.data.upn`); the date of birth from its date object;
 * `gender` `FEMALE` / `MALE` to `F` / `M`; the ULN from `education_details.learner_number` where the
 * school shares it. A fallback to the preferred names, an unmapped gender or an identifier that fails its
 * check is an issue. Wonde is not known to expose UCI or candidate number.
 */
import { z } from 'zod';
import { isValidUln, isValidUpn, type ExamcycleIssue, type IssueLocation } from '@examcycle/core';
import { misIssue, misSchemaIssues } from '../misIssue.js';
import type { MisCandidate, MisIssueCode } from '../MisPort.js';
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
 * Maps one Wonde student payload to an MIS candidate, with the issues met; no candidate when it cannot be mapped
 * (its issues are then errors; a value left out or a fallback taken is a warning).
 *
 * @param raw - one element of a students page's `data`
 * @param at - where it came from, for the issues: the source and its index in the listing
 * @example
 * ```ts
 * const raw = { id: 'A1329183376', legal_surname: 'Ng', legal_forename: 'Mai', gender: 'FEMALE' };
 * const { candidate, issues } = wondeStudentToCandidate(raw, { file: 'wonde:students', path: [0] });
 * candidate?.legalForenames; // 'Mai'
 * ```
 */
export function wondeStudentToCandidate(raw: unknown, at: IssueLocation = { file: 'wonde:students' }): { readonly candidate?: MisCandidate; readonly issues: readonly ExamcycleIssue<MisIssueCode>[] } {
  const parsed = wondeStudentSchema.safeParse(raw);
  if (!parsed.success) return { issues: misSchemaIssues(at, raw, parsed.error.issues, 'student') };
  const s = parsed.data;
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  const note = (field: string, message: string, value?: string, code: MisIssueCode = 'invalid_value', severity: 'error' | 'warning' = 'warning'): void => {
    issues.push(misIssue(at, code, severity, message, { recordId: s.id, field, ...(value === undefined ? {} : { value }) }));
  };
  const legalSurname = s.legal_surname ?? undefined;
  const surname = legalSurname ?? s.surname ?? undefined;
  if (surname === undefined || surname.trim() === '') {
    note('legal_surname', 'No legal_surname or surname: the student cannot be a candidate', undefined, 'invalid_value', 'error');
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
