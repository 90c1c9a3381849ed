/**
 * How the MIS mappings (Wonde, Arbor, CTF, in-memory) report one record they could not take, or took with a
 * caveat: core's one issue type, {@link ExamcycleIssue}, with the source and resource as `location.file`
 * (`wonde:students`, `arbor:/rest-v2/candidates/12`, `pupils.xml`), where in the payload as `location.path`
 * (the record's index in the listing, then the field's own path), the field, the raw value (shortened), and the
 * record's MIS id as `subject.recordId`.
 */
import type { ExamcycleIssue, IssueLocation } from '@examcycle/core';
import type { MisIssueCode } from './MisPort.js';

/** What one MIS issue says beyond its code, severity and message. */
export interface MisIssueDetail {
  /** The field at fault, dotted for a nested one (`education_details.upn`); appended to the path. */
  readonly field?: string;
  /** The raw value found. */
  readonly value?: string;
  /** The record's id in the MIS. */
  readonly recordId?: string;
}

const MAX_VALUE = 40;

/**
 * One MIS issue, at a record.
 *
 * @param at - the record's source (`file`) and path in the payload, e.g. `{ file: 'wonde:students', path: [3] }`
 * @param code - the reason
 * @param severity - `error` when the record was left out, `warning` when it was taken (the message says how)
 * @param message - what is wrong, in words
 * @param detail - field, raw value and the record's id
 * @internal
 */
export function misIssue(at: IssueLocation, code: MisIssueCode, severity: 'error' | 'warning', message: string, detail: MisIssueDetail = {}): ExamcycleIssue<MisIssueCode> {
  const { field, value, recordId } = detail;
  const path = [...(at.path ?? []), ...(field === undefined || field === '' ? [] : field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)))];
  const location: IssueLocation = {
    ...at,
    ...(path.length === 0 ? {} : { path }),
    ...(field === undefined || field === '' ? {} : { field }),
    ...(value === undefined ? {} : { value: value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value }),
  };
  return { code, severity, message, location, ...(recordId === undefined ? {} : { subject: { recordId } }) };
}

/**
 * The issues of a payload that fails its schema: one `malformed_response` error per schema issue, at the
 * record's path, naming the record's id when the payload has a string `id`.
 *
 * @param at - the record's source and path
 * @param raw - the payload
 * @param issues - the schema's issues (zod's `error.issues`)
 * @param what - the record's kind, for a message about the whole payload (`student`)
 * @internal
 */
export function misSchemaIssues(at: IssueLocation, raw: unknown, issues: ReadonlyArray<{ readonly path: readonly PropertyKey[]; readonly message: string }>, what: string): ExamcycleIssue<MisIssueCode>[] {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
  return issues.map((i) => {
    const field = i.path.map(String).join('.');
    return misIssue(at, 'malformed_response', 'error', `${field || what}: ${i.message}`, { field, ...(id === undefined ? {} : { recordId: id }) });
  });
}
