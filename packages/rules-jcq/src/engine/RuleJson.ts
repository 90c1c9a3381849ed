/**
 * The rule JSON the pack's checks are written in: json-rules-engine's format, so a rule can be authored,
 * reviewed and run in json-rules-engine itself, and compiled by {@link compileRules} for the hot path.
 */

/**
 * A reference to a fact (optionally a path into it) used as a condition's value.
 *
 * @example
 * ```ts
 * const deadline: FactReference = { fact: 'deadlines', path: '$.entryDeadlineMs' };
 * ```
 */
export interface FactReference {
  readonly fact: string;
  /** A JSONPath subset: `$`, then `.name` or `[index]` segments, e.g. `$.deadlines.entryDeadlineMs`. */
  readonly path?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * A comparison of a fact (or a path into it) with a value or another fact.
 *
 * @example
 * ```ts
 * const late: FactCondition = {
 *   fact: 'entry',
 *   path: '$.submittedAtMs',
 *   operator: 'greaterThan',
 *   value: { fact: 'deadlines', path: '$.entryDeadlineMs' },
 *   name: 'the entry was submitted after the entry deadline',
 * };
 * ```
 */
export interface FactCondition {
  readonly fact: string;
  /** `equal`, `notEqual`, `lessThan`, `lessThanInclusive`, `greaterThan`, `greaterThanInclusive`, `in`, `notIn`, `contains`, `doesNotContain`. */
  readonly operator: string;
  readonly value: unknown;
  readonly path?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly priority?: number;
  /** What the condition means, in words; used in a finding's explanation. */
  readonly name?: string;
}

/**
 * Every sub-condition holds (an empty list holds).
 *
 * @example
 * ```ts
 * const withdrawnLate: AllCondition = {
 *   all: [
 *     { fact: 'entry', path: '$.status', operator: 'equal', value: 'withdrawn' },
 *     { fact: 'entry', path: '$.withdrawnAtMs', operator: 'greaterThan', value: { fact: 'deadlines', path: '$.veryLateDeadlineMs' } },
 *   ],
 * };
 * ```
 */
export interface AllCondition {
  readonly all: readonly RuleCondition[];
  readonly priority?: number;
  readonly name?: string;
}

/**
 * Some sub-condition holds (json-rules-engine: an empty list holds too).
 *
 * @example
 * ```ts
 * const unapproved: AnyCondition = {
 *   any: [
 *     { fact: 'arrangement', path: '$.approval', operator: 'equal', value: 'none' },
 *     { fact: 'arrangement', path: '$.approval', operator: 'equal', value: 'pending' },
 *   ],
 * };
 * ```
 */
export interface AnyCondition {
  readonly any: readonly RuleCondition[];
  readonly priority?: number;
  readonly name?: string;
}

/**
 * The sub-condition does not hold.
 *
 * @example
 * ```ts
 * const unreported: NotCondition = { not: { fact: 'arrival', path: '$.reported', operator: 'equal', value: true }, name: 'it has not been reported' };
 * ```
 */
export interface NotCondition {
  readonly not: RuleCondition;
  readonly priority?: number;
  readonly name?: string;
}

/**
 * Any condition: a comparison, or `all`, `any` or `not` of conditions.
 *
 * @example
 * ```ts
 * const hasUci: RuleCondition = { fact: 'candidate', path: '$.hasUci', operator: 'equal', value: true };
 * const noUci: RuleCondition = { not: hasUci };
 * ```
 */
export type RuleCondition = FactCondition | AllCondition | AnyCondition | NotCondition;

/**
 * A rule's event: what fires when its conditions hold. The pack's checks put the finding's rule, severity, message and source in `params`.
 *
 * @example
 * ```ts
 * const event: RuleEvent = { type: 'finding', params: { rule: 'centre.entries.no-tier', severity: 'warning', message: 'No tier chosen.' } };
 * ```
 */
export interface RuleEvent {
  readonly type: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * A rule, as json-rules-engine takes it.
 *
 * @example
 * ```ts
 * const rule: RuleJson = {
 *   name: 'centre.entries.missing-uci',
 *   conditions: { all: [{ fact: 'candidate', path: '$.hasUci', operator: 'notEqual', value: true }] },
 *   event: { type: 'finding', params: { rule: 'centre.entries.missing-uci', severity: 'error', message: 'Missing UCI.' } },
 * };
 * compileRules([rule]).run({ candidate: { hasUci: false } }).length; // 1
 * ```
 */
export interface RuleJson {
  readonly name: string;
  readonly conditions: AllCondition | AnyCondition | NotCondition;
  readonly event: RuleEvent;
  /** Higher runs (and reports) first; a positive integer, default 1. */
  readonly priority?: number;
}
