/**
 * The one error type of examcycle. Every package throws (or returns) an {@link ExamcycleError} with a
 * literal `code`, a normalised `cause` and, for data problems, where it happened. It is branded with
 * `Symbol.for('examcycle.error')` so {@link isExamcycleError} works across duplicated installs, where
 * `instanceof` would not.
 */
import type { IssueLocation } from './IssueLocation.js';

/**
 * Every reason examcycle reports. Adapters translate parser and format failures into these.
 *
 * @example
 * ```ts
 * declare const outcome: SendOutcome;
 * const code: ExamcycleErrorCode | undefined = outcome.ok ? undefined : outcome.error.code;
 * if (code === 'not_authorised') console.log('Ask the exams officer to complete this task');
 * ```
 */
export type ExamcycleErrorCode =
  // data in
  | 'malformed_row'
  | 'missing_column'
  | 'bad_check_character'
  | 'invalid_value'
  | 'empty_file'
  | 'binary_file'
  | 'truncated_quote'
  | 'wrong_header'
  | 'malformed_record'
  | 'trailer_mismatch'
  | 'unrepresentable_value'
  /** An input past a documented size limit (a zip's expanded bytes, entries, nesting or ratio), refused before it is expanded. */
  | 'limit_exceeded'
  // machines and policy
  | 'event_rejected'
  | 'guard_failed'
  | 'access_denied'
  | 'deadline_passed'
  | 'consent_missing'
  | 'retention_not_expired'
  /** The actor may not do this, or the credentials were refused (an MIS's HTTP 401/403, not retryable). */
  | 'not_authorised'
  // persistence
  | 'snapshot_invalid'
  | 'snapshot_machine_mismatch'
  | 'snapshot_version_unsupported'
  | 'conflict'
  | 'store_failed'
  // rules packs
  | 'rule_unsupported'
  | 'invalid_overrides'
  | 'unknown_series'
  // MIS port
  | 'unreachable'
  | 'rate_limited'
  | 'malformed_response';

/**
 * Options for {@link ExamcycleError}.
 *
 * @example
 * ```ts
 * const options: ExamcycleErrorOptions = { location: { file: 'entries.csv', line: 12, field: 'candidate_number' }, rule: 'examcycle.entries.candidate-number' };
 * const error = new ExamcycleError('invalid_value', 'Candidate number "12a4" is not four digits', options);
 * const outcome: SendOutcome = { ok: false, error }; // user data: a typed result, not a throw
 * ```
 */
export interface ExamcycleErrorOptions {
  /** Where the problem was found, for data errors. */
  readonly location?: IssueLocation;
  /** The underlying error; normalised to an `Error`. */
  readonly cause?: unknown;
  /** Whether trying again may help (MIS port errors); `false` when omitted. */
  readonly retryable?: boolean;
  /** The rule or regulation that decided, e.g. `'jcq.restricted-release'`. */
  readonly rule?: string;
  /** Extra machine-readable detail. */
  readonly details?: Readonly<Record<string, unknown>>;
}

const BRAND = Symbol.for('examcycle.error');

/**
 * The base error of examcycle.
 *
 * @example
 * ```ts
 * throw new ExamcycleError('missing_column', 'Column "UCI" is required', { location: { file: 'candidates.csv', line: 1 } });
 * ```
 */
export class ExamcycleError extends Error {
  /** The literal reason. */
  readonly code: ExamcycleErrorCode;
  /** Where it happened, when it came from data. */
  readonly location: IssueLocation | undefined;
  /** Whether a retry can help. */
  readonly retryable: boolean;
  /** The rule that decided, when a policy denied something. */
  readonly rule: string | undefined;
  /** Extra machine-readable detail. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  declare readonly cause: Error | undefined;

  constructor(code: ExamcycleErrorCode, message: string, options: ExamcycleErrorOptions = {}) {
    const cause = options.cause === undefined ? undefined : normaliseCause(options.cause);
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ExamcycleError';
    this.code = code;
    this.location = options.location;
    this.retryable = options.retryable ?? false;
    this.rule = options.rule;
    this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** A plain JSON form (for logs and audit trails). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.location ? { location: this.location } : {}),
      ...(this.rule ? { rule: this.rule } : {}),
      ...(this.retryable ? { retryable: true } : {}),
      ...(this.details ? { details: this.details } : {}),
      ...(this.cause ? { cause: { name: this.cause.name, message: this.cause.message } } : {}),
    };
  }
}

function normaliseCause(cause: unknown): Error {
  if (cause instanceof Error) return cause;
  return new Error(typeof cause === 'string' ? cause : JSON.stringify(cause) ?? String(cause));
}

/**
 * Whether a value is an {@link ExamcycleError}, even one thrown by another copy of `@examcycle/core`.
 *
 * @param u - any value
 * @example
 * ```ts
 * const data: unknown = JSON.parse(readFileSync('june-2026.json', 'utf8'));
 * try { restoreSnapshot(examCycleMachine, data); } catch (e) { if (isExamcycleError(e)) console.error(e.code); }
 * ```
 */
export function isExamcycleError(u: unknown): u is ExamcycleError {
  return typeof u === 'object' && u !== null && (u as Record<symbol, unknown>)[BRAND] === true;
}
