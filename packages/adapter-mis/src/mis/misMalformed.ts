/**
 * The one way the MIS mappings report a response they cannot read: a `malformed_response`
 * {@link ExamcycleError}, never retryable (asking again gets the same answer), saying where: the endpoint
 * (e.g. `wonde:employees`), the URL, and, when one record is at fault, its index in the listing and the
 * field.
 */
import { ExamcycleError } from '@examcycle/core';

/** Where a malformed response was met. */
export interface MisMalformedWhere {
  /** The source and resource, e.g. `wonde:students`, `arbor:rooms`. */
  readonly endpoint: string;
  /** The URL that answered. */
  readonly url: string;
  /** The record's position in the whole listing (0-based, across pages), when one record is at fault. */
  readonly recordIndex?: number;
  /** The field at fault, e.g. `data` or `rooms[3].href`. */
  readonly field?: string;
  /** The offending value, shortened. */
  readonly value?: string;
}

/**
 * A `malformed_response` error with where it happened.
 *
 * @param message - what is wrong
 * @param where - endpoint, URL, record index and field
 * @internal
 */
export function misMalformed(message: string, where: MisMalformedWhere): ExamcycleError {
  return new ExamcycleError('malformed_response', message, {
    retryable: false,
    location: { file: where.url, ...(where.field === undefined ? {} : { field: where.field }), ...(where.value === undefined ? {} : { value: where.value.slice(0, 80) }) },
    details: { endpoint: where.endpoint, ...(where.recordIndex === undefined ? {} : { recordIndex: where.recordIndex }) },
  });
}
