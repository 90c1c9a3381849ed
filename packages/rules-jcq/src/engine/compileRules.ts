/**
 * Compiles json-rules-engine rule JSON to synchronous closures, for the hot path: the same JSON the
 * checks are authored in, evaluated without promises, an almanac or a JSONPath parser. The compiled
 * evaluator agrees with json-rules-engine (run with `allowUndefinedFacts: true`) on every construct it
 * accepts, including its quirks (`any: []` holds; a path into a non-object returns the fact itself;
 * the numeric operators first check the fact parses as a number). Anything else (custom or decorated
 * operators, condition references, `onSuccess`/`onFailure`, unknown keys, `in` against a fact) is
 * refused at compile time with `rule_unsupported`, and a dynamic or async fact is refused when met:
 * the evaluator never evaluates a rule differently.
 */
import { ExamcycleError } from '@examcycle/core';
import type { RuleEvent, RuleJson } from './RuleJson.js';

/**
 * The facts one evaluation runs over: plain data, by fact name.
 *
 * @example
 * ```ts
 * const facts: RuleFacts = { entry: { submittedAtMs: 1772359200000 }, deadlines: { entryDeadlineMs: 1771718399999 } };
 * ```
 */
export type RuleFacts = Readonly<Record<string, unknown>>;

/**
 * A rule that fired, with the conditions that held, in words.
 *
 * @example
 * ```ts
 * const compiled = compileRules([{ name: 'late', conditions: { all: [{ fact: 'entry', path: '$.daysLate', operator: 'greaterThan', value: 0, name: 'submitted late' }] }, event: { type: 'late' } }]);
 * const [fired]: readonly FiredRule[] = compiled.run({ entry: { daysLate: 3 } });
 * fired?.explanation; // ['submitted late: entry.daysLate (3) is greater than 0']
 * ```
 */
export interface FiredRule {
  readonly rule: string;
  readonly priority: number;
  readonly event: RuleEvent;
  /** The conditions that held, in words; worked out from the facts on first read (the hot path never pays for it). */
  readonly explanation: readonly string[];
}

/**
 * Rules compiled by {@link compileRules}: their report order and a synchronous `run`.
 *
 * @example
 * ```ts
 * const compiled: CompiledRules = compileRules(jcqCheckRules);
 * compiled.rules[0]?.name; // 'jcq.entries.late-entry'
 * compiled.run({ subject: { kind: 'room_session', id: 'hall-am' }, invigilation: { present: 1, required: 2 } }).map((f) => f.rule); // ['jcq.invigilation.ratio-breached']
 * ```
 */
export interface CompiledRules {
  /** The rules, in the order they report (priority, highest first, then as given). */
  readonly rules: readonly { readonly name: string; readonly priority: number; readonly event: RuleEvent }[];
  /** Evaluates every rule over one set of facts and returns those that fired. */
  run(facts: RuleFacts): readonly FiredRule[];
}

/** A rule in report order, with its compiled conditions. */
interface OrderedRule {
  readonly name: string;
  readonly priority: number;
  readonly event: RuleEvent;
  readonly root: Node;
}

/**
 * What evaluates a {@link CompiledRules}: the positions (in `rules`) of the rules that hold over a set of
 * facts, written into a buffer the caller owns, so a run that fires nothing allocates nothing; and a fired
 * rule's explanation, worked out only when asked. `runChecks` uses it to make findings without a
 * {@link FiredRule} in between.
 *
 * @internal
 */
export interface RuleEvaluator {
  /** The rules, in report order; the indexes below are positions in it. */
  readonly rules: readonly OrderedRule[];
  /** Writes the indexes of the rules that hold over `facts` into `out` (length ≥ `rules.length`), in report order; returns how many. */
  readonly indexes: (facts: RuleFacts, out: Int32Array) => number;
}

/**
 * The conditions of rule `index` of `evaluator` that held over `facts`, in words.
 *
 * @internal
 */
export function explainRule(evaluator: RuleEvaluator, index: number, facts: RuleFacts): string[] {
  const out: string[] = [];
  evaluator.rules[index]!.root.explain(facts, out);
  return out;
}

const EVALUATORS = /* @__PURE__ */ new WeakMap<CompiledRules, RuleEvaluator>();

/**
 * The evaluator behind rules {@link compileRules} compiled; `undefined` for any other {@link CompiledRules}.
 *
 * @internal
 */
export function evaluatorOf(compiled: CompiledRules): RuleEvaluator | undefined {
  return EVALUATORS.get(compiled);
}

/** A fired rule; its explanation is worked out from the facts on first read. */
class Fired implements FiredRule {
  readonly rule: string;
  readonly priority: number;
  readonly event: RuleEvent;
  #explanation: string[] | undefined;
  readonly #root: Node;
  readonly #facts: RuleFacts;

  constructor(ordered: OrderedRule, facts: RuleFacts) {
    this.rule = ordered.name;
    this.priority = ordered.priority;
    this.event = ordered.event;
    this.#root = ordered.root;
    this.#facts = facts;
  }

  get explanation(): readonly string[] {
    if (this.#explanation === undefined) {
      this.#explanation = [];
      this.#root.explain(this.#facts, this.#explanation);
    }
    return this.#explanation;
  }

  /** The plain-data form, explanation included. */
  toJSON(): { rule: string; priority: number; event: RuleEvent; explanation: readonly string[] } {
    return { rule: this.rule, priority: this.priority, event: this.event, explanation: this.explanation };
  }
}

const NOTHING_FIRED: readonly FiredRule[] = /* @__PURE__ */ Object.freeze([]);

/**
 * The operators the compiler supports (json-rules-engine's defaults).
 *
 * @example
 * ```ts
 * SUPPORTED_OPERATORS.includes('greaterThan'); // true
 * ```
 */
export const SUPPORTED_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

type Operator = (typeof SUPPORTED_OPERATORS)[number];
type Getter = (facts: RuleFacts) => unknown;

/** A leaf `equal` against a literal: rules that open with the same one share its read in a run. */
interface Guard {
  readonly key: string;
  readonly get: Getter;
  readonly literal: unknown;
}

interface Node {
  readonly test: (facts: RuleFacts) => boolean;
  /** For a leaf `equal` against a literal. */
  readonly guard?: Guard;
  /** For an `all` whose first condition is a guard: the guard, and the test of the rest. */
  readonly guarded?: { readonly guard: Guard; readonly rest: (facts: RuleFacts) => boolean; readonly conditions: readonly Node[] };
  readonly explain: (facts: RuleFacts, out: string[]) => void;
  readonly text: string;
  /** The same test as JavaScript source over `f`, for the generated evaluator (see {@link Emitter}). */
  readonly emit: (e: Emitter) => string;
}

/**
 * A value the generated evaluator has in hand: `pre` reads it into its local if that may not have happened yet
 * in this run (`null` once it certainly has), and `value` names the local (or is a literal).
 */
interface Emitted {
  readonly pre: string | null;
  readonly value: string;
}

/**
 * Writes the source of the generated evaluator: every fact is read once per run into a local (`F0`, `F1`…:
 * the own-property check and the dynamic/async refusals made there, by the first rule that reads it), and
 * every path into a fact once per run into another (`c0`, `c1`…) by a small function with its segments as
 * literals, so the engine sees monomorphic property reads. A read the code has certainly made by that point
 * (the first condition of every rule runs; the first of an `all` or `any` runs whenever the rest does) is
 * emitted as its bare local, so the straight-line code is small enough for the engine to inline its helpers.
 * Strings, booleans, `null` and finite numbers are written as literals; anything else goes into `K`. Whether
 * the facts object is plain is worked out once per run (`fp`). The source is only ever made of literals from
 * the rule JSON quoted with `JSON.stringify`, path segments that matched {@link PATH}, and names this module
 * chooses.
 */
class Emitter {
  readonly constants: unknown[] = [];
  readonly getters: string[] = [];
  readonly #getterIndex = new Map<string, number>();
  readonly #factIndex = new Map<string, number>();
  readonly #slotIndex = new Map<string, number>();
  /** Per-run locals: one per fact, one per fact and path. */
  facts = 0;
  slots = 0;
  /** The locals certainly read at the point being emitted. */
  #known = new Set<string>();

  /** The locals certainly read so far, to go back to once a condition that may not run has been emitted. */
  save(): Set<string> {
    return new Set(this.#known);
  }

  restore(known: Set<string>): void {
    this.#known = known;
  }

  constant(value: unknown): string {
    this.constants.push(value);
    return `k${String(this.constants.length - 1)}`;
  }

  /** A literal from the rule JSON: primitives as source (a JSON string is a JavaScript string literal), the rest through `K`. */
  literal(value: unknown): string {
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
    if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) return String(value);
    return this.constant(value);
  }

  /** The fact, read once per run: the first rule to read it reads it (and refuses, if need be). */
  #fact(ruleName: string, fact: string): Emitted {
    let index = this.#factIndex.get(fact);
    if (index === undefined) {
      index = this.facts;
      this.facts += 1;
      this.#factIndex.set(fact, index);
      const f = JSON.stringify(fact);
      this.getters.push(
        [
          `function fact${String(index)}(f, fp, rule) {`,
          `  let v = f[${f}];`,
          `  if (v !== undefined && !(${String(!(fact in Object.prototype))} && fp) && !hasOwn.call(f, ${f})) v = undefined;`,
          `  if (typeof v === 'function') refuseAtRun(rule, ${f}, 'a function (a dynamic fact)');`,
          `  if (typeof v === 'object' && v !== null && typeof v.then === 'function') refuseAtRun(rule, ${f}, 'a promise (an async fact)');`,
          '  return v;',
          '}',
        ].join('\n'),
      );
    }
    const F = `F${String(index)}`;
    if (this.#known.has(F)) return { pre: null, value: F };
    this.#known.add(F);
    return { pre: `(${F} !== UNREAD ? ${F} : (${F} = fact${String(index)}(f, fp, ${JSON.stringify(ruleName)})))`, value: F };
  }

  read(ruleName: string, fact: string, segments: readonly string[] | null): Emitted {
    if (segments === null || segments.length === 0) return this.#fact(ruleName, fact);
    const key = JSON.stringify([fact, segments]);
    let slot = this.#slotIndex.get(key);
    if (slot === undefined) {
      slot = this.slots;
      this.slots += 1;
      this.#slotIndex.set(key, slot);
    }
    const c = `c${String(slot)}`;
    if (this.#known.has(c)) return { pre: null, value: c };
    const value = this.#fact(ruleName, fact);
    this.#known.add(c);
    return { pre: `(${c} !== UNREAD ? ${c} : (${c} = ${this.getter(fact, segments)}(${value.pre ?? value.value}, ${JSON.stringify(ruleName)})))`, value: c };
  }

  /** A path into a fact's value: `undefined` where a segment is not an own property, the fact itself when it is not an object. */
  getter(fact: string, segments: readonly string[]): string {
    const key = JSON.stringify([fact, segments]);
    let index = this.#getterIndex.get(key);
    if (index === undefined) {
      index = this.#getterIndex.size;
      this.#getterIndex.set(key, index);
      const f = JSON.stringify(fact);
      // A defined value read under a name Object.prototype lacks, from an object whose prototype is
      // Object.prototype or null, is the object's own: `hasOwnProperty` is called only where that does not settle it.
      // The prototype is read here, not in a shared helper, so each read site sees one shape and the engine folds it.
      const lines = [`function g${String(index)}(v, rule) {`, '  let w, p;', `  if (v === null || typeof v !== 'object') return v;`];
      segments.forEach((segment, depth) => {
        const sg = JSON.stringify(segment);
        const fast = !(segment in Object.prototype);
        lines.push(
          // The first segment reads an object (checked above); a deeper one may meet any value.
          depth === 0 ? '' : '  if (!v) return undefined;',
          `  w = v[${sg}];`,
          fast
            ? `  if (w === undefined || ((p = getPrototypeOf(v)) !== OP && p !== null && !hasOwn.call(v, ${sg}))) return undefined;`
            : `  if (w === undefined || !hasOwn.call(v, ${sg})) return undefined;`,
          '  v = w;',
        );
      });
      lines.push(
        `  if (v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function') refuseAtRun(rule, ${f}, 'holding a promise at its path (an async value)');`,
        '  return v;',
        '}',
      );
      this.getters.push(lines.filter((line) => line !== '').join('\n'));
    }
    return `g${String(index)}`;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
const PATH = /^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\[(0|[1-9][0-9]*)\]))*$/;
const SEGMENT = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(0|[1-9][0-9]*)\]/g;
const OPERATOR_WORDS: Record<Operator, string> = {
  equal: 'equals',
  notEqual: 'does not equal',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is greater than',
  greaterThanInclusive: 'is at least',
  in: 'is one of',
  notIn: 'is not one of',
  contains: 'contains',
  doesNotContain: 'does not contain',
};

function refuse(ruleName: string, where: string, message: string): never {
  throw new ExamcycleError('rule_unsupported', `Rule "${ruleName}" at ${where}: ${message}`, {
    rule: ruleName,
    details: { path: where },
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(ruleName: string, where: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) refuse(ruleName, where, `"${key}" is not supported (allowed here: ${allowed.join(', ')})`);
  }
}

function checkPriority(ruleName: string, where: string, priority: unknown): void {
  if (priority !== undefined && !(typeof priority === 'number' && Number.isInteger(priority) && priority >= 1)) {
    refuse(ruleName, `${where}.priority`, 'priority must be a positive whole number');
  }
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function refuseAtRun(ruleName: string, fact: string, what: string): never {
  throw new ExamcycleError('rule_unsupported', `Rule "${ruleName}": fact "${fact}" is ${what}; the compiled evaluator takes plain data only`, {
    rule: ruleName,
    details: { fact },
  });
}

function compilePath(ruleName: string, where: string, path: unknown): readonly string[] | null {
  if (path === undefined || path === '') return null;
  if (typeof path !== 'string' || !PATH.test(path)) {
    refuse(ruleName, `${where}.path`, `path ${JSON.stringify(path)} is outside the supported JSONPath subset ($, .name, [index])`);
  }
  const segments: string[] = [];
  for (const m of path.matchAll(SEGMENT)) segments.push(m[1] ?? m[2]!);
  return segments;
}

/** Reads a fact (and a path into it) exactly as json-rules-engine's almanac and jsonpath-plus do. */
function compileGetter(ruleName: string, where: string, fact: unknown, path: unknown): { get: Getter; label: string; emit: (e: Emitter) => Emitted } {
  if (typeof fact !== 'string' || fact.length === 0) refuse(ruleName, `${where}.fact`, 'fact must be a non-empty string');
  const segments = compilePath(ruleName, where, path);
  const label = segments === null ? fact : `${fact}${(path as string).slice(1)}`;
  const emit = (e: Emitter) => e.read(ruleName, fact, segments);
  const read = (facts: RuleFacts): unknown => {
    const v = hasOwn.call(facts, fact) ? facts[fact] : undefined;
    if (typeof v === 'function') refuseAtRun(ruleName, fact, 'a function (a dynamic fact)');
    if (typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function') refuseAtRun(ruleName, fact, 'a promise (an async fact)');
    return v;
  };
  const settled = (v: unknown): unknown => {
    if (isThenable(v)) refuseAtRun(ruleName, fact, 'holding a promise at its path (an async value)');
    return v;
  };
  if (segments === null || segments.length === 0) return { get: read, label, emit };
  if (segments.length === 1) {
    const s0 = segments[0]!;
    return {
      label,
      emit,
      get: (facts) => {
        const v = read(facts);
        if (v === null || typeof v !== 'object') return v;
        return hasOwn.call(v, s0) ? settled((v as Record<string, unknown>)[s0]) : undefined;
      },
    };
  }
  return {
    label,
    emit,
    get: (facts) => {
      let v = read(facts);
      if (v === null || typeof v !== 'object') return v;
      for (const segment of segments) {
        if (!v || !Object.hasOwn(v as object, segment)) return undefined;
        v = (v as Record<string, unknown>)[segment];
      }
      return settled(v);
    },
  };
}

/** json-rules-engine's number validator: `Number.parseFloat(a).toString() !== 'NaN'`, with a fast path for numbers. */
function numeric(a: unknown): boolean {
  return typeof a === 'number' ? !Number.isNaN(a) : Number.parseFloat(a as string).toString() !== 'NaN';
}

type Comparator = (a: unknown, b: unknown) => boolean;

/** json-rules-engine's default operators, one monomorphic function each. */
const COMPARATORS: Record<Operator, Comparator> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
};

/**
 * The comparators as the generated evaluator writes them, over two locals or literals (read once, so each may
 * appear twice). A number compares directly: `NaN` fails every ordering, as json-rules-engine's number check
 * makes it; anything else goes through the comparator (the helpers are passed in by name).
 */
const EMITTED: Record<Operator, (a: string, b: string) => string> = {
  equal: (a, b) => `${a} === ${b}`,
  notEqual: (a, b) => `${a} !== ${b}`,
  in: (a, b) => `${b}.indexOf(${a}) > -1`,
  notIn: (a, b) => `${b}.indexOf(${a}) === -1`,
  contains: (a, b) => `contains(${a}, ${b})`,
  doesNotContain: (a, b) => `doesNotContain(${a}, ${b})`,
  lessThan: (a, b) => `(typeof ${a} === 'number' ? ${a} < ${b} : lessThan(${a}, ${b}))`,
  lessThanInclusive: (a, b) => `(typeof ${a} === 'number' ? ${a} <= ${b} : lessThanInclusive(${a}, ${b}))`,
  greaterThan: (a, b) => `(typeof ${a} === 'number' ? ${a} > ${b} : greaterThan(${a}, ${b}))`,
  greaterThanInclusive: (a, b) => `(typeof ${a} === 'number' ? ${a} >= ${b} : greaterThanInclusive(${a}, ${b}))`,
};

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function compileLeaf(ruleName: string, where: string, c: Record<string, unknown>): Node {
  checkKeys(ruleName, where, c, ['fact', 'operator', 'value', 'path', 'params', 'priority', 'name']);
  checkPriority(ruleName, where, c['priority']);
  if (c['params'] !== undefined && !isPlainObject(c['params'])) refuse(ruleName, `${where}.params`, 'params must be an object');
  if (!('value' in c)) refuse(ruleName, where, 'a condition needs a value');
  const operator = c['operator'];
  if (typeof operator !== 'string' || !(SUPPORTED_OPERATORS as readonly string[]).includes(operator)) {
    refuse(ruleName, `${where}.operator`, `operator ${JSON.stringify(operator)} is not supported (supported: ${SUPPORTED_OPERATORS.join(', ')})`);
  }
  const op = operator as Operator;
  const left = compileGetter(ruleName, where, c['fact'], c['path']);
  const raw = c['value'];
  let right: Getter;
  let rightEmit: ((e: Emitter) => Emitted) | undefined;
  let rightLabel: string;
  let literal: unknown;
  let hasLiteral = false;
  if (isPlainObject(raw) && Object.prototype.hasOwnProperty.call(raw, 'fact')) {
    if (op === 'in' || op === 'notIn') refuse(ruleName, `${where}.value`, `"${op}" needs a literal array, not a fact reference`);
    checkKeys(ruleName, `${where}.value`, raw, ['fact', 'path', 'params']);
    if (raw['params'] !== undefined && !isPlainObject(raw['params'])) refuse(ruleName, `${where}.value.params`, 'params must be an object');
    const ref = compileGetter(ruleName, `${where}.value`, raw['fact'], raw['path']);
    right = ref.get;
    rightEmit = ref.emit;
    rightLabel = ref.label;
  } else {
    if ((op === 'in' || op === 'notIn') && !Array.isArray(raw)) refuse(ruleName, `${where}.value`, `"${op}" needs an array value`);
    right = () => raw;
    literal = raw;
    hasLiteral = true;
    rightLabel = show(raw);
  }
  const name = typeof c['name'] === 'string' ? c['name'] : undefined;
  if (c['name'] !== undefined && name === undefined) refuse(ruleName, `${where}.name`, 'name must be a string');
  const text = `${left.label} ${OPERATOR_WORDS[op]} ${rightLabel}`;
  const cmp = COMPARATORS[op];
  const get = left.get;
  const test: (facts: RuleFacts) => boolean = hasLiteral ? (facts) => cmp(get(facts), literal) : (facts) => cmp(get(facts), right(facts));
  const guard: Guard | undefined =
    op === 'equal' && hasLiteral ? { key: `${String(c['fact'])}|${typeof c['path'] === 'string' ? c['path'] : ''}`, get, literal } : undefined;
  return {
    test,
    ...(guard === undefined ? {} : { guard }),
    text: name ?? text,
    // `in`/`notIn` read their array once per evaluation, as the closure does (an `in` needs a literal array).
    emit: (e) => {
      // Left, then right, as the closure reads them; each read into its local first where it may not have been.
      const a = left.emit(e);
      const b: Emitted = rightEmit === undefined ? { pre: null, value: op === 'in' || op === 'notIn' ? e.constant(literal) : e.literal(literal) } : rightEmit(e);
      const reads = [a.pre, b.pre].filter((pre) => pre !== null);
      return `(${[...reads, EMITTED[op](a.value, b.value)].join(', ')})`;
    },
    explain: (facts, out) => {
      const a = get(facts);
      const b = right(facts);
      if (cmp(a, b)) {
        const detail = `${left.label} (${show(a)}) ${OPERATOR_WORDS[op]} ${rightLabel === show(b) ? rightLabel : `${rightLabel} (${show(b)})`}`;
        out.push(name === undefined ? detail : `${name}: ${detail}`);
      }
    },
  };
}

/**
 * `all` or `any` as source: the first condition always runs, so what it reads stays read for the rest and
 * after; what the others read is certain only until the chain ends.
 */
function emitChain(e: Emitter, children: readonly Node[], operator: ' && ' | ' || '): string {
  if (children.length === 0) return 'true';
  const first = children[0]!.emit(e);
  const afterFirst = e.save();
  const rest = children.slice(1).map((n) => n.emit(e));
  e.restore(afterFirst);
  return `(${[first, ...rest].join(operator)})`;
}

function compileCondition(ruleName: string, where: string, c: unknown): Node {
  if (!isPlainObject(c)) refuse(ruleName, where, 'a condition must be an object');
  if (Object.prototype.hasOwnProperty.call(c, 'condition')) refuse(ruleName, where, 'condition references (shared conditions) are not supported');
  const booleans = ['all', 'any', 'not'].filter((k) => Object.prototype.hasOwnProperty.call(c, k));
  if (booleans.length === 0) return compileLeaf(ruleName, where, c);
  if (booleans.length > 1) refuse(ruleName, where, `a condition may have only one of all, any and not (found ${booleans.join(', ')})`);
  const kind = booleans[0] as 'all' | 'any' | 'not';
  checkKeys(ruleName, where, c, [kind, 'priority', 'name']);
  checkPriority(ruleName, where, c['priority']);
  const name = c['name'];
  if (name !== undefined && typeof name !== 'string') refuse(ruleName, `${where}.name`, 'name must be a string');
  if (kind === 'not') {
    if (Array.isArray(c['not'])) refuse(ruleName, `${where}.not`, '"not" takes one condition, not an array');
    const inner = compileCondition(ruleName, `${where}.not`, c['not']);
    const text = name ?? `not (${inner.text})`;
    return {
      test: (facts) => !inner.test(facts),
      emit: (e) => `!${inner.emit(e)}`,
      text,
      explain: (facts, out) => {
        if (!inner.test(facts)) out.push(name ?? `it is not the case that ${inner.text}`);
      },
    };
  }
  const list = c[kind];
  if (!Array.isArray(list)) refuse(ruleName, `${where}.${kind}`, `"${kind}" must be an array`);
  const children = list.map((child, i) => compileCondition(ruleName, `${where}.${kind}[${String(i)}]`, child));
  const text = name ?? `${kind} of (${children.map((n) => n.text).join('; ')})`;
  if (kind === 'all') {
    const count = children.length;
    const allFrom =
      (start: number) =>
      (facts: RuleFacts): boolean => {
        for (let i = start; i < count; i += 1) if (!children[i]!.test(facts)) return false;
        return true;
      };
    const first = children[0];
    return {
      test: allFrom(0),
      emit: (e) => emitChain(e, children, ' && '),
      ...(first?.guard === undefined ? {} : { guarded: { guard: first.guard, rest: allFrom(1), conditions: children } }),
      text,
      explain: (facts, out) => {
        for (const child of children) child.explain(facts, out);
      },
    };
  }
  return {
    // json-rules-engine: an empty "any" holds.
    emit: (e) => emitChain(e, children, ' || '),
    test: (facts) => {
      if (children.length === 0) return true;
      for (let i = 0; i < children.length; i += 1) if (children[i]!.test(facts)) return true;
      return false;
    },
    text,
    explain: (facts, out) => {
      for (const child of children) if (child.test(facts)) child.explain(facts, out);
    },
  };
}

/**
 * Compiles json-rules-engine rules to a synchronous evaluator.
 *
 * @param rules - the rule JSON
 * @throws ExamcycleError `rule_unsupported` for any construct the compiler does not support, with where it is
 * @example
 * ```ts
 * const compiled = compileRules([
 *   { name: 'late', conditions: { all: [{ fact: 'entry', path: '$.submittedAtMs', operator: 'greaterThan', value: { fact: 'deadlines', path: '$.entryMs' } }] }, event: { type: 'late' } },
 * ]);
 * compiled.run({ entry: { submittedAtMs: 2 }, deadlines: { entryMs: 1 } })[0]?.rule; // 'late'
 * ```
 */
export function compileRules(rules: readonly RuleJson[]): CompiledRules {
  if (!Array.isArray(rules)) {
    throw new ExamcycleError('rule_unsupported', 'compileRules takes an array of rules');
  }
  const compiled = (rules as readonly unknown[]).map((rule, index) => {
    const where = `rules[${String(index)}]`;
    if (!isPlainObject(rule)) refuse(`#${String(index)}`, where, 'a rule must be an object');
    const name = rule['name'];
    if (typeof name !== 'string' || name.length === 0) refuse(`#${String(index)}`, `${where}.name`, 'every rule needs a name');
    checkKeys(name, where, rule, ['name', 'conditions', 'event', 'priority']);
    checkPriority(name, where, rule['priority']);
    const conditions = rule['conditions'];
    if (!isPlainObject(conditions) || !['all', 'any', 'not'].some((k) => Object.prototype.hasOwnProperty.call(conditions, k))) {
      refuse(name, `${where}.conditions`, 'the root condition must be all, any or not');
    }
    const root = compileCondition(name, `${where}.conditions`, conditions);
    const event = rule['event'];
    if (!isPlainObject(event) || typeof event['type'] !== 'string') refuse(name, `${where}.event`, 'the event needs a string type');
    checkKeys(name, `${where}.event`, event, ['type', 'params']);
    if (event['params'] !== undefined && !isPlainObject(event['params'])) refuse(name, `${where}.event.params`, 'params must be an object');
    const ruleEvent: RuleEvent = event['params'] === undefined ? { type: event['type'] } : { type: event['type'], params: event['params'] };
    const priority = (rule['priority'] as number | undefined) ?? 1;
    return { name, priority, event: ruleEvent, root, index };
  });
  const ordered = [...compiled].sort((a, b) => b.priority - a.priority || a.index - b.index);
  // Rules that open with the same `equal` (e.g. on the subject's kind) read it once per run.
  const guardKeys: string[] = [];
  const guardGetters: Getter[] = [];
  const plan = ordered.map((r) => {
    const g = r.root.guarded;
    if (g === undefined) return { ...r, guardIndex: -1, literal: undefined as unknown, rest: r.root.test };
    let index = guardKeys.indexOf(g.guard.key);
    if (index === -1) {
      index = guardKeys.length;
      guardKeys.push(g.guard.key);
      guardGetters.push(g.guard.get);
    }
    return { ...r, guardIndex: index, literal: g.guard.literal, rest: g.rest };
  });
  const guardValues: unknown[] = new Array<unknown>(guardKeys.length);
  const guardRead = new Uint8Array(guardKeys.length);
  const interpreted = (facts: RuleFacts, out: Int32Array): number => {
    let n = 0;
    guardRead.fill(0);
    for (let i = 0; i < plan.length; i += 1) {
      const r = plan[i]!;
      let holds: boolean;
      if (r.guardIndex === -1) {
        holds = r.rest(facts);
      } else {
        const g = r.guardIndex;
        if (guardRead[g] === 0) {
          guardValues[g] = guardGetters[g]!(facts);
          guardRead[g] = 1;
        }
        holds = guardValues[g] === r.literal && r.rest(facts);
      }
      if (holds) out[n++] = i;
    }
    return n;
  };
  const evaluator: RuleEvaluator = { rules: ordered, indexes: generated(ordered) ?? interpreted };
  const indexes = evaluator.indexes;
  // One buffer for the indexes of a run; a run started while another is under way (a getter in the facts
  // that runs the rules again) gets its own.
  const scratch = new Int32Array(ordered.length);
  let depth = 0;
  const result: CompiledRules = {
    rules: ordered.map(({ name, priority, event }) => ({ name, priority, event })),
    run: (facts) => {
      const out = depth === 0 ? scratch : new Int32Array(ordered.length);
      let n: number;
      depth += 1;
      try {
        n = indexes(facts, out);
      } finally {
        depth -= 1;
      }
      if (n === 0) return NOTHING_FIRED;
      const fired = new Array<FiredRule>(n);
      for (let k = 0; k < n; k += 1) fired[k] = new Fired(ordered[out[k]!]!, facts);
      return fired;
    },
  };
  EVALUATORS.set(result, evaluator);
  return result;
}

/** Two guards read the same fact and path and compare with the same literal. */
function sameGuard(a: Guard | undefined, b: Guard): boolean {
  return a !== undefined && a.key === b.key && Object.is(a.literal, b.literal);
}

/**
 * The rules as one generated function: straight-line code with the fact names and paths as literals, the
 * same reads, comparisons and refusals as the closures, in the same order, writing the index of each rule
 * that holds into `out`. `undefined` where the host forbids generating code (a Content-Security-Policy
 * without `unsafe-eval`): the closures run instead.
 */
function generated(ordered: readonly OrderedRule[]): ((facts: RuleFacts, out: Int32Array) => number) | undefined {
  const e = new Emitter();
  // Rules in a row that open with the same guard (e.g. `subject.kind` equal to 'entry') test it once, around
  // their other conditions: the first of those then always runs when the guard holds.
  const body: string[] = [];
  for (let i = 0; i < ordered.length; ) {
    const guarded = ordered[i]!.root.guarded;
    if (guarded === undefined) {
      body.push(`  if (${ordered[i]!.root.emit(e)}) out[n++] = ${String(i)};`);
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < ordered.length && sameGuard(ordered[end]!.root.guarded?.guard, guarded.guard)) end += 1;
    body.push(`  if (${guarded.conditions[0]!.emit(e)}) {`);
    const known = e.save();
    for (let k = i; k < end; k += 1) {
      body.push(`    if (${emitChain(e, ordered[k]!.root.guarded!.conditions.slice(1), ' && ')}) out[n++] = ${String(k)};`);
    }
    e.restore(known);
    body.push('  }');
    i = end;
  }
  const source = [
    "'use strict';",
    // A defined value read from a plain object (prototype Object.prototype or null) under a name Object.prototype
    // does not have is the object's own: `hasOwnProperty` is called only where that does not settle it.
    'const OP = Object.prototype;',
    'const getPrototypeOf = Object.getPrototypeOf;',
    ...e.constants.map((_, i) => `const k${String(i)} = K[${String(i)}];`),
    ...e.getters,
    'const UNREAD = {};',
    'return function indexes(f, out) {',
    '  let n = 0;',
    "  const fp = f !== null && typeof f === 'object' && (getPrototypeOf(f) === OP || getPrototypeOf(f) === null);",
    ...Array.from({ length: e.facts }, (_, i) => `  let F${String(i)} = UNREAD;`),
    ...Array.from({ length: e.slots }, (_, i) => `  let c${String(i)} = UNREAD;`),
    ...body,
    '  return n;',
    '};',
  ].join('\n');
  let make: (...args: unknown[]) => (facts: RuleFacts, out: Int32Array) => number;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source is built from literals only (see Emitter)
    make = new Function(
      'K', 'hasOwn', 'refuseAtRun', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
      source,
    ) as typeof make;
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  const c = COMPARATORS;
  return make(e.constants, hasOwn, refuseAtRun, c.contains, c.doesNotContain, c.lessThan, c.lessThanInclusive, c.greaterThan, c.greaterThanInclusive);
}
