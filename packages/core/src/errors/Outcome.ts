/**
 * The one result shape of a call on user data that can be refused: the value, or a typed
 * {@link ExamcycleError} (already audited where the call audits). Results stores, the conflicts register and the
 * other stores of records return it; a machine event returns {@link SendOutcome}, which also carries the audit line.
 */
import type { ExamcycleError } from './ExamcycleError.js';

/**
 * The value, or the typed refusal. Only a programmer error throws (docs/errors.md).
 *
 * @example
 * ```ts
 * declare const store: ResultsStore;
 * const read: Outcome<StatementOfResults> = store.statementOfResults({ audience: 'candidate', id: 'C-0001' }, 'C-0001');
 * if (read.ok) console.log(read.value.lines.length);
 * else console.log(read.error.code); // 'access_denied' before 08:00 on results day
 * ```
 */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExamcycleError };
