/**
 * The fast path of record validation: a record kind's zod object schema compiled, once per file, into a
 * function that takes a row's decoded cells and returns the record zod would return, for the common row
 * that is valid, without building a draft object and without a `safeParse` per row. Each field goes
 * through an {@link Acceptor} compiled from its own schema (so zod's checks decide), the object-level
 * refinements run on the result, and the record is built with the keys in the schema's order and the same
 * presence rules as zod's object parser (an absent optional is left out, a default filled in). Anything
 * it cannot vouch for returns `undefined`, and the importer asks zod in full for the exact issues.
 *
 * @internal
 */
import { z } from 'zod';
import { schemaAcceptor, UNSURE, type Acceptor } from './schemaAcceptor.js';

/** Builds a record from per-field values, or returns `undefined` when zod has to decide. */
export type RecordFastPath = (values: readonly unknown[]) => object | undefined;

/** How a field's key is written, as zod's object parser writes it. */
const Presence = {
  /** Required: the value must be there (zod reports a missing one). */
  Required: 0,
  /** Optional in and out: written when the value was there. */
  WhenPresent: 1,
  /** Defaulted: always written. */
  Always: 2,
  /** Optional in only: written when there was a value in or there is one out. */
  WhenAny: 3,
} as const;
type Presence = (typeof Presence)[keyof typeof Presence];

interface FieldPlan {
  readonly key: string;
  /** Where the field's value is in the row's values, or -1 when the file has no column for it. */
  readonly slot: number;
  readonly accept: Acceptor;
  readonly presence: Presence;
}

/** Marks a field left out of the record. */
const HOLE: unique symbol = Symbol('hole');

function presenceOf(schema: z.core.$ZodType): Presence {
  const { optin, optout } = schema._zod;
  if (optin === undefined) return Presence.Required;
  if (optout === 'optional') return optin === 'optional' ? Presence.WhenPresent : Presence.WhenAny;
  return optin === 'defaulted' ? Presence.Always : Presence.WhenAny;
}

/** Whether the host lets a builder be compiled (zod's own `jitless` setting says no, as does a CSP without eval). */
function mayCompile(): boolean {
  if (z.config().jitless === true) return false;
  try {
    return typeof new Function('return 1') === 'function';
  } catch {
    return false;
  }
}

/**
 * The object builder: keys in the schema's order, the leading always-written ones in one object literal,
 * so every record of a file has one shape per pattern of optional fields (as fast as a hand-written
 * literal). Compiled from the schema's keys, which are code, never from the file; a host that forbids
 * compiling gets the same objects built key by key.
 */
function objectBuilder(fields: readonly FieldPlan[]): (outs: readonly unknown[]) => object {
  if (mayCompile()) {
    let lead = 0;
    while (lead < fields.length && (fields[lead]!.presence === Presence.Required || fields[lead]!.presence === Presence.Always)) lead += 1;
    const literal = fields
      .slice(0, lead)
      .map((f, i) => `${JSON.stringify(f.key)}: outs[${i}]`)
      .join(', ');
    const rest = fields
      .slice(lead)
      .map((f, j) => `if (outs[${lead + j}] !== HOLE) o[${JSON.stringify(f.key)}] = outs[${lead + j}];`)
      .join('\n');
    const make = new Function('HOLE', `return function build(outs) {\nconst o = { ${literal} };\n${rest}\nreturn o;\n};`) as (
      hole: typeof HOLE,
    ) => (outs: readonly unknown[]) => object;
    return make(HOLE);
  }
  return (outs) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i += 1) if (outs[i] !== HOLE) o[fields[i]!.key] = outs[i];
    return o;
  };
}

/** Runs an object schema's own refinements on a built record; true when none objects. */
function objectChecks(schema: z.core.$ZodObject): ((record: object) => boolean) | undefined {
  const checks = schema._zod.def.checks ?? [];
  if (checks.length === 0) return undefined;
  const payload: z.core.ParsePayload = { value: undefined, issues: [] };
  return (record) => {
    payload.value = record;
    let ok = true;
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when !== undefined && !when(payload as z.core.ParsePayload<never>)) continue;
      const ran: unknown = check._zod.check(payload as z.core.ParsePayload<never>);
      if (ran instanceof Promise || payload.issues.length > 0) {
        ok = false;
        payload.issues = [];
        break;
      }
    }
    payload.value = undefined;
    return ok;
  };
}

/**
 * Compiles the fast path for a record kind's schema and a file's columns.
 *
 * @param schema - the record kind's zod object schema (core's `entrySchema`, …)
 * @param slotOf - where each field's value is in a row's values (fields the file lacks are absent)
 * @param derivedId - the fields an id is made of (joined with `:`) when a row has none
 * @returns the fast path, or `undefined` when the schema is not a plain object schema (zod then checks every row)
 * @example
 * ```ts
 * const fast = compileRecordFastPath(roomSchema, new Map([['id', 0], ['name', 1]]), undefined);
 * ```
 */
export function compileRecordFastPath(
  schema: z.ZodType,
  slotOf: ReadonlyMap<string, number>,
  derivedId: readonly string[] | undefined,
): RecordFastPath | undefined {
  const core = schema as unknown as z.core.$ZodType;
  if (core._zod.def.type !== 'object') return undefined;
  const object = core as z.core.$ZodObject;
  const def = object._zod.def;
  if (def.catchall !== undefined || Object.getOwnPropertySymbols(def.shape).length > 0) return undefined;
  const keys = Object.keys(def.shape);
  if (keys.includes('__proto__') || [...slotOf.keys()].some((field) => !keys.includes(field))) return undefined;

  const fields: FieldPlan[] = keys.map((key) => {
    const field = def.shape[key]!;
    return { key, slot: slotOf.get(key) ?? -1, accept: schemaAcceptor(field), presence: presenceOf(field) };
  });
  const idField = keys.indexOf('id');
  const idParts = derivedId?.map((f) => slotOf.get(f) ?? -1);
  if (derivedId !== undefined && (idField < 0 || idParts!.some((s) => s < 0))) return undefined;
  const build = objectBuilder(fields);
  const refine = objectChecks(object);
  const outs: unknown[] = new Array<unknown>(fields.length);

  return (values) => {
    for (let i = 0; i < fields.length; i += 1) {
      const { slot, accept, presence } = fields[i]!;
      let value = slot >= 0 ? values[slot] : undefined;
      if (i === idField && value === undefined && idParts !== undefined) value = joinedId(values, idParts);
      const present = value !== undefined;
      if (!present && presence === Presence.Required) return undefined;
      const out = accept(value);
      if (out === UNSURE) return undefined;
      outs[i] =
        presence === Presence.WhenPresent ? (present ? out : HOLE) : presence === Presence.WhenAny && out === undefined && !present ? HOLE : out;
    }
    const record = build(outs);
    outs.fill(undefined);
    return refine === undefined || refine(record) ? record : undefined;
  };
}

/**
 * A derived id: other fields' values joined with `:`, when all of them are non-empty text.
 *
 * @param values - a row's values
 * @param parts - where the id's fields are in them
 * @example
 * ```ts
 * joinedId(['C1', 'june-2026', 'AQA'], [0, 1, 2]); // 'C1:june-2026:AQA'
 * ```
 */
export function joinedId(values: readonly unknown[], parts: readonly number[]): string | undefined {
  let id = '';
  for (let k = 0; k < parts.length; k += 1) {
    const part = values[parts[k]!];
    if (typeof part !== 'string' || part === '') return undefined;
    id = k === 0 ? part : `${id}:${part}`;
  }
  return id;
}
