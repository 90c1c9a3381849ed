/**
 * The rule JSON the pack's checks are written in: json-rules-engine's format, so a rule can be authored,
 * reviewed and run in json-rules-engine itself, and compiled by {@link compileRules} for the hot path.
 */

/** A reference to a fact (optionally a path into it) used as a condition's value. */
export interface FactReference {
  readonly fact: string;
  /** A JSONPath subset: `$`, then `.name` or `[index]` segments, e.g. `$.deadlines.entryDeadlineMs`. */
  readonly path?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A comparison of a fact (or a path into it) with a value or another fact. */
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

/** Every sub-condition holds (an empty list holds). */
export interface AllCondition {
  readonly all: readonly RuleCondition[];
  readonly priority?: number;
  readonly name?: string;
}

/** Some sub-condition holds (json-rules-engine: an empty list holds too). */
export interface AnyCondition {
  readonly any: readonly RuleCondition[];
  readonly priority?: number;
  readonly name?: string;
}

/** The sub-condition does not hold. */
export interface NotCondition {
  readonly not: RuleCondition;
  readonly priority?: number;
  readonly name?: string;
}

/** Any condition. */
export type RuleCondition = FactCondition | AllCondition | AnyCondition | NotCondition;

/** A rule's event: what fires when its conditions hold. */
export interface RuleEvent {
  readonly type: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A rule, as json-rules-engine takes it. */
export interface RuleJson {
  readonly name: string;
  readonly conditions: AllCondition | AnyCondition | NotCondition;
  readonly event: RuleEvent;
  /** Higher runs (and reports) first; a positive integer, default 1. */
  readonly priority?: number;
}
