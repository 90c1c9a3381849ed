/**
 * Arbor candidates: `Candidate` (student, candidate number) joined with the `Student` (ULN), its `Person`
 * (legal names, date of birth, gender), and the student's current `UkJcq_UciAssignment` (not cancelled)
 * and `UkDfe_UpnAssignment` (not ended). The record's id is the student's id, which is stable across
 * academic years. A full pull lists all five; a delta rebuilds the students its changes touch (a changed
 * person is traced to its student through `filters.person.equals`).
 */
import { isValidUci, isValidUln, isValidUpn, type ExamcycleIssue } from '@examcycle/core';
import { misIssue } from '../misIssue.js';
import type { MisCandidate, MisIssueCode } from '../MisPort.js';
import type { ArborChange, ArborPart } from './arborChangelog.js';
import type { ArborSession } from './arborClient.js';
import { arborAt, arborCalendarDate, arborId, arborInstant, arborText, isArborRef, type ArborEntity } from './arborEntity.js';

/** The resource types a candidate is built from (and whose change logs a delta reads). */
export const ARBOR_CANDIDATE_TYPES: readonly string[] = ['Candidate', 'Student', 'Person', 'UkJcq_UciAssignment', 'UkDfe_UpnAssignment'];


function currentByStudent(items: readonly ArborEntity[], valueKey: string, endKey: string, startKey: string): Map<string, string> {
  const best = new Map<string, { value: string; start: string }>();
  for (const item of items) {
    if (!isArborRef(item['student'])) continue;
    if (item[endKey] !== undefined && item[endKey] !== null) continue;
    const value = arborText(item[valueKey]);
    if (value === undefined) continue;
    const start = arborInstant(item[startKey]) ?? '';
    const student = item['student'].href;
    const prev = best.get(student);
    if (prev === undefined || start > prev.start) best.set(student, { value: value.trim(), start });
  }
  return new Map([...best].map(([k, v]) => [k, v.value]));
}

async function build(s: ArborSession, candidates: readonly ArborEntity[], ucis: Map<string, string>, upns: Map<string, string>): Promise<{ records: MisCandidate[]; issues: ExamcycleIssue<MisIssueCode>[]; rows: number }> {
  const records: MisCandidate[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  const seen = new Map<string, string>();
  for (const [i, c] of candidates.entries()) {
    const at = arborAt(c.href, 'candidates', i);
    const note = (field: string, message: string, code: MisIssueCode, value?: string, recordId?: string, severity: 'error' | 'warning' = 'error'): void => {
      issues.push(misIssue(at, code, severity, message, { field, ...(value === undefined ? {} : { value }), ...(recordId === undefined ? {} : { recordId }) }));
    };
    if (!isArborRef(c['student'])) {
      note('student', 'The candidate has no student reference', 'malformed_response');
      continue;
    }
    const studentHref = c['student'].href;
    const id = arborId(studentHref);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      note('student', `A second candidate record for student ${id} (first: ${earlier}); the first is kept`, 'invalid_value', c.href, id);
      continue;
    }
    const student = await s.get(studentHref, 'Student');
    if (!isArborRef(student['person'])) {
      note('student.person', 'The student has no person reference', 'malformed_response', undefined, id);
      continue;
    }
    const person = await s.get(student['person'].href, 'Person');
    const surname = arborText(person['legalLastName'])?.trim();
    if (!surname) {
      note('person.legalLastName', 'No legal last name: the student cannot be a candidate', 'invalid_value', undefined, id);
      continue;
    }
    const first = arborText(person['legalFirstName'])?.trim() ?? '';
    const middle = arborText(person['legalMiddleNames'])?.trim() ?? '';
    const preferred = arborText(person['preferredFirstName'])?.trim();
    const dob = arborCalendarDate(person['dateOfBirth']);
    if (person['dateOfBirth'] !== undefined && person['dateOfBirth'] !== null && dob === undefined) note('person.dateOfBirth', 'Unreadable date of birth', 'malformed_response', JSON.stringify(person['dateOfBirth']), id, 'warning');
    const genderRaw = person['gender'];
    const gender = (typeof genderRaw === 'object' && genderRaw !== null ? (arborText((genderRaw as ArborEntity)['code']) ?? arborText((genderRaw as ArborEntity)['displayName'])) : arborText(genderRaw))?.toUpperCase();
    const sex = gender === 'F' || gender === 'FEMALE' ? 'F' : gender === 'M' || gender === 'MALE' ? 'M' : undefined;
    if (gender !== undefined && sex === undefined) note('person.gender', `Gender "${gender}" has no EDI sex code (M/F): left blank`, 'invalid_value', gender, id, 'warning');
    const numberRaw = arborText(c['candidateNumber']);
    let candidateNumber: string | undefined;
    if (numberRaw !== undefined) {
      const padded = numberRaw.padStart(4, '0');
      if (/^\d{4}$/.test(padded) && padded !== '0000') candidateNumber = padded;
      else note('candidateNumber', `Candidate number "${numberRaw}" is not 1–9999`, 'invalid_value', numberRaw, id, 'warning');
    }
    const checked = (field: string, value: string | undefined, valid: (v: string) => boolean, label: string): Record<string, string> => {
      if (value === undefined || value === '') return {};
      if (valid(value)) return { [field]: value };
      note(field, `${label} "${value}" fails its check character: not taken`, 'bad_check_character', value, id, 'warning');
      return {};
    };
    seen.set(id, c.href ?? `candidates[${i}]`);
    records.push({
      id,
      ...checked('uci', ucis.get(studentHref), isValidUci, 'UCI'),
      ...checked('upn', upns.get(studentHref), isValidUpn, 'UPN'),
      ...checked('uln', arborText(student['uniqueLearnerNumber'])?.trim(), isValidUln, 'ULN'),
      ...(candidateNumber === undefined ? {} : { candidateNumber }),
      legalSurname: surname,
      legalForenames: [first, middle].filter((x) => x !== '').join(' '),
      ...(preferred && preferred !== first ? { preferredName: preferred } : {}),
      ...(dob === undefined ? {} : { dateOfBirth: dob }),
      ...(sex === undefined ? {} : { sex }),
    });
  }
  return { records, issues, rows: candidates.length };
}

/**
 * Every Arbor candidate.
 *
 * @param s - the Arbor session
 * @internal
 */
export async function arborCandidates(s: ArborSession): Promise<ArborPart<MisCandidate>> {
  const candidates = await s.list('Candidate');
  const ucis = currentByStudent(await s.list('UkJcq_UciAssignment'), 'uci', 'cancelledDatetime', 'issuedDatetime');
  const upns = currentByStudent(await s.list('UkDfe_UpnAssignment'), 'upn', 'endDatetime', 'startDatetime');
  return { ...(await build(s, candidates, ucis, upns)), deletedIds: [] };
}

/**
 * The candidates an Arbor delta touches, rebuilt; a student whose candidate record was removed is in `deletedIds`.
 *
 * @param s - the Arbor session
 * @param changes - the changes of {@link ARBOR_CANDIDATE_TYPES} since the cursor
 * @internal
 */
export async function arborCandidateChanges(s: ArborSession, changes: readonly ArborChange[]): Promise<ArborPart<MisCandidate>> {
  const students = new Set<string>();
  const removedCandidate = new Set<string>();
  for (const change of changes) {
    const o = change.object;
    if (change.type === 'Student' && typeof o.href === 'string') students.add(o.href);
    else if (change.type === 'Person' && typeof o.href === 'string') {
      for (const st of await s.list('Student', { 'person.equals': o.href })) if (typeof st.href === 'string') students.add(st.href);
    } else if (isArborRef(o['student'])) {
      students.add(o['student'].href);
      if (change.type === 'Candidate' && change.removed) removedCandidate.add(o['student'].href);
    } else if (change.type === 'Candidate' && !change.removed && typeof o.href === 'string') {
      const c = await s.get(o.href, 'Candidate');
      if (isArborRef(c['student'])) students.add(c['student'].href);
    }
  }
  const candidates: ArborEntity[] = [];
  const ucis: ArborEntity[] = [];
  const upns: ArborEntity[] = [];
  const deletedIds: string[] = [];
  for (const student of students) {
    const found = await s.list('Candidate', { 'student.equals': student });
    if (found.length === 0) {
      if (removedCandidate.has(student)) deletedIds.push(arborId(student));
      continue;
    }
    candidates.push(...found);
    ucis.push(...(await s.list('UkJcq_UciAssignment', { 'student.equals': student })));
    upns.push(...(await s.list('UkDfe_UpnAssignment', { 'student.equals': student })));
  }
  const built = await build(s, candidates, currentByStudent(ucis, 'uci', 'cancelledDatetime', 'issuedDatetime'), currentByStudent(upns, 'upn', 'endDatetime', 'startDatetime'));
  return { ...built, deletedIds };
}
