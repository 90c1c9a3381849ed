/**
 * Acceptors: a quick yes for values a zod schema surely accepts, compiled once from the schema itself.
 * The importer reads most rows of a file as valid; asking zod through `safeParse` for each of them costs
 * more than the checks themselves (a draft object, a result object, issue bookkeeping). An acceptor runs
 * the same checks without that: it tests the type the way zod's parser does for the plain types (string,
 * number, boolean, enum, array, optional, default), runs the schema's own check functions (length, regex,
 * ISO formats, refinements: zod's code, not a copy), and hands anything else to the schema's own parser.
 * It never says no: a value it is not sure of comes back as {@link UNSURE}, and the caller asks zod in
 * full, so what is valid, and every issue's wording, stay zod's.
 *
 * @internal
 */
import type { z } from 'zod';

/** What an acceptor returns when it cannot vouch for a value: the caller must ask zod. */
export const UNSURE: unique symbol = Symbol('unsure');

/**
 * Vouches for a value: returns what zod's parse would output for it (the value itself, a default for a
 * missing one, a copy of an array), or {@link UNSURE}.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const accept: Acceptor = schemaAcceptor(z.string().min(1));
 * accept('8300'); // '8300'
 * accept(''); // UNSURE
 * ```
 */
export type Acceptor = (value: unknown) => unknown;

type Check = z.core.$ZodCheck;
type Payload = z.core.ParsePayload;

/** String formats whose check is exactly a test of the format's pattern (zod's `$ZodCheckStringFormat`). */
const PATTERN_FORMATS = new Set(['datetime', 'date', 'time']);

/** The checks zod runs after a schema's type test: the schema itself when it is a check (a string format), then `def.checks`. */
function checksOf(schema: z.core.$ZodType): readonly Check[] {
  const own = schema._zod.def.checks ?? [];
  return schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check, ...own] : own;
}

/**
 * Runs checks the way zod's `runChecks` does on a value that has no issues yet, on a reused payload; the
 * value out (a check may rewrite it, as `.trim()` does) or {@link UNSURE} on the first issue.
 */
function checker(checks: readonly Check[]): (value: unknown) => unknown {
  if (checks.length === 0) return (value) => value;
  const payload: Payload = { value: undefined, issues: [] };
  return (value) => {
    payload.value = value;
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when !== undefined && !when(payload as z.core.ParsePayload<never>)) continue;
      const ran: unknown = check._zod.check(payload as z.core.ParsePayload<never>);
      if (ran instanceof Promise || payload.issues.length > 0) {
        payload.issues = [];
        payload.value = undefined;
        return UNSURE;
      }
    }
    const out = payload.value;
    payload.value = undefined;
    return out;
  };
}

/**
 * Hands a value to the schema's own parser (type test and checks), for the schemas not read here, in a
 * fresh parse context as `safeParse` gives one (synchronous, forward; zod keeps per-parse state on it).
 */
function byZod(schema: z.core.$ZodType): Acceptor {
  return (value) => {
    const result = schema._zod.run({ value, issues: [] }, { async: false });
    return result instanceof Promise || result.issues.length > 0 ? UNSURE : result.value;
  };
}

/**
 * When every check is a `.min()` or `.max()` length, the lengths in UTF-16 units that surely pass: zod
 * counts a string's code points, one or two units each, so `units <= max` is within the maximum, and
 * `units >= 2 * min` (or `units >= min` for a minimum of 0 or 1) reaches the minimum. Other lengths, and
 * schemas with other checks, go to zod's own check functions.
 */
function sureLengths(checks: readonly Check[]): { readonly min: number; readonly max: number } | undefined {
  let min = 0;
  let max = Infinity;
  for (const check of checks) {
    const def = check._zod.def as z.core.$ZodCheckDef & { minimum?: unknown; maximum?: unknown };
    if (def.check === 'min_length' && typeof def.minimum === 'number') min = Math.max(min, def.minimum <= 1 ? def.minimum : 2 * def.minimum);
    else if (def.check === 'max_length' && typeof def.maximum === 'number') max = Math.min(max, def.maximum);
    else return undefined;
  }
  return { min, max };
}

/** A type test (as zod's parser for that type makes it) followed by the schema's checks. */
function tested(test: (value: unknown) => boolean, checks: readonly Check[]): Acceptor {
  const check = checker(checks);
  const sure = checks.length > 0 ? sureLengths(checks) : undefined;
  if (sure === undefined) return (value) => (test(value) ? check(value) : UNSURE);
  const { min, max } = sure;
  return (value) => {
    if (!test(value)) return UNSURE;
    const { length } = value as { length: number };
    return length >= min && length <= max ? value : check(value);
  };
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

/**
 * A test a value surely passes, written out by the compiled fast path in place of an acceptor call: where it
 * holds, the schema's acceptor returns the value itself (it is the acceptor's own quick yes: the type test,
 * and for a string the lengths {@link sureLengths} vouches for). Where it does not, the acceptor is asked.
 *
 * @example
 * ```ts
 * const sure: SurePass | undefined = surePass(entrySchema.shape.entryCode); // { type: 'string', min: 1, max: 6 }
 * ```
 */
export type SurePass =
  | { readonly type: 'string'; readonly min: number; readonly max: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'number' }
  | { readonly type: 'enum'; readonly values: ReadonlySet<unknown> };

/**
 * The test a value of a schema surely passes (see {@link SurePass}), for the schemas whose acceptor has a
 * plain one: a string with at most length checks, a number, boolean or enumeration with no checks, each
 * optional or defaulted (a present value is the inner schema's); undefined for any other.
 *
 * @param schema - a field's zod schema
 * @example
 * ```ts
 * import { z } from 'zod';
 * surePass(z.string().min(1)); // { type: 'string', min: 1, max: Infinity }
 * surePass(z.iso.datetime()); // undefined: the format is checked
 * ```
 */
export function surePass(schema: z.core.$ZodType): SurePass | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & { coerce?: boolean; format?: string };
  const checks = checksOf(schema);
  switch (def.type) {
    case 'string': {
      if (def.coerce === true || def.format !== undefined) return undefined;
      const sure = checks.length > 0 ? sureLengths(checks) : { min: 0, max: Infinity };
      return sure === undefined ? undefined : { type: 'string', ...sure };
    }
    case 'number':
    case 'boolean':
      return def.coerce === true || checks.length > 0 ? undefined : { type: def.type };
    case 'enum':
      return checks.length > 0 ? undefined : { type: 'enum', values: (schema as z.core.$ZodEnum)._zod.values };
    case 'optional': {
      const inner = (def as z.core.$ZodOptionalDef).innerType;
      return checks.length > 0 || inner._zod.optin !== undefined ? undefined : surePass(inner);
    }
    case 'default':
      return checks.length > 0 ? undefined : surePass((def as z.core.$ZodDefaultDef).innerType);
    default:
      return undefined;
  }
}

/**
 * Compiles an acceptor for a zod schema.
 *
 * @param schema - any zod schema; the types not read here are handed to the schema's own parser
 * @example
 * ```ts
 * const accept = schemaAcceptor(entrySchema.shape.entryCode);
 * accept('8300F') === '8300F'; // zod accepts it
 * accept('8300FFF') === UNSURE; // too long: ask zod for the issue
 * ```
 */
export function schemaAcceptor(schema: z.core.$ZodType): Acceptor {
  const def = schema._zod.def as z.core.$ZodTypeDef & { coerce?: boolean; format?: string };
  const checks = checksOf(schema);
  switch (def.type) {
    case 'string':
      if (def.coerce === true || (def.format !== undefined && !PATTERN_FORMATS.has(def.format))) return byZod(schema);
      return tested(isString, checks);
    case 'number':
      if (def.coerce === true) return byZod(schema);
      return tested(isNumber, checks);
    case 'boolean':
      if (def.coerce === true) return byZod(schema);
      return tested(isBoolean, checks);
    case 'enum': {
      const values = (schema as z.core.$ZodEnum)._zod.values;
      return tested((value) => values.has(value as never), checks);
    }
    case 'optional': {
      const inner = (def as z.core.$ZodOptionalDef).innerType;
      if (checks.length > 0 || inner._zod.optin !== undefined) return byZod(schema);
      const accept = schemaAcceptor(inner);
      return (value) => (value === undefined ? undefined : accept(value));
    }
    case 'default': {
      const { innerType } = def as z.core.$ZodDefaultDef;
      if (checks.length > 0) return byZod(schema);
      const accept = schemaAcceptor(innerType);
      return (value) => {
        // zod's default: a fresh copy of the default for a missing value, not checked (the default is the schema's own)
        if (value === undefined) return (def as z.core.$ZodDefaultDef).defaultValue;
        const out = accept(value);
        return out === undefined ? UNSURE : out;
      };
    }
    case 'array': {
      const element = schemaAcceptor((def as z.core.$ZodArrayDef).element);
      const check = checker(checks);
      return (value) => {
        if (!Array.isArray(value)) return UNSURE;
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i];
          const out = element(item);
          if (out === UNSURE) return UNSURE;
          if (out !== item || copy !== undefined) (copy ??= value.slice(0, i)).push(out);
        }
        return check(copy ?? value);
      };
    }
    default:
      return byZod(schema);
  }
}
