/**
 * The one error type of examcycle. Every package throws (or returns) an {@link ExamcycleError} with a
 * literal `code`, a normalised `cause` and, for data problems, where it happened. It is branded with
 * `Symbol.for('examcycle.error')` so {@link isExamcycleError} works across duplicated installs, where
 * `instanceof` would not.
 */

/** Every reason examcycle reports. Adapters translate parser and format failures into these. */
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
  | 'unauthorised'
  | 'rate_limited'
  | 'malformed_response';

/** Where a problem was found in an input: a file, a line (1-based), a column or field, and the raw value. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  readonly field?: string;
  readonly recordType?: string;
  readonly value?: string;
}

/** Options for {@link ExamcycleError}. */
export interface ExamcycleErrorOptions {
  /** Where the problem was found, for data errors. */
  readonly location?: ErrorLocation;
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
  readonly location: ErrorLocation | undefined;
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
 * try { restoreSnapshot(examCycleMachine, data); } catch (e) { if (isExamcycleError(e)) console.error(e.code); }
 * ```
 */
export function isExamcycleError(u: unknown): u is ExamcycleError {
  return typeof u === 'object' && u !== null && (u as Record<symbol, unknown>)[BRAND] === true;
}
