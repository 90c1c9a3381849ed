/**
 * The fast path of record validation: a record kind's zod object schema compiled, once per file, into a
 * function that takes a row's decoded values and returns the record zod would return, for the common row
 * that is valid, without building a draft object and without a `safeParse` per row. Each field goes
 * through an {@link Acceptor} compiled from its own schema (so zod's checks decide), the object-level
 * refinements run on the result, and the record is built with the keys in the schema's order and zod's
 * presence rules (an absent optional is left out, a default filled in). Anything it cannot vouch for
 * returns `undefined`, and the importer asks zod in full for the exact issues.
 *
 * Like zod's own object parser, it compiles straight-line code (one call site per field, one object
 * literal per record) when the host allows it, generated from the schema's keys and never from the file;
 * under zod's `jitless` setting, or where `new Function` is forbidden, the same steps run in a loop.
 *
 * @internal
 */
import { z } from 'zod';
import { schemaAcceptor, surePass, UNSURE, type Acceptor, type SurePass } from './schemaAcceptor.js';

/** Builds a record from a row's values (indexed as the importer's column plans are), or returns `undefined` when zod has to decide. */
export type RecordFastPath = (values: readonly unknown[]) => object | undefined;

/** How a field's key is written, as zod's object parser writes it. */
const Presence = {
  /** Required: the value must be there (zod reports a missing one). */
  Required: 0,
  /** Optional in and out (`.optional()`): written when a value was there; a missing one is not checked. */
  WhenPresent: 1,
  /** Defaulted (`.default()`): always written. */
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
  /** A test a value surely passes (the acceptor would return it), when the field's schema has a plain one. */
  readonly sure: SurePass | undefined;
  readonly presence: Presence;
  /** Where the fields of a derived id are, for the `id` field of a kind that derives one. */
  readonly idParts: readonly number[] | undefined;
}

/**
 * The compiled factories, by their source (which the schema's keys and the file's columns decide): each
 * import of a file shaped as one before reuses its factory, so the fast paths it makes share the code V8 has
 * optimised already, rather than each starting cold from a fresh `new Function`.
 */
const factories = new Map<string, (...a: unknown[]) => RecordFastPath>();

/** The most fields written only sometimes for which the compiled path has an object literal per set of them (2^4 = 16). */
const WHOLE_LITERAL_FIELDS = 4;

/** The most compiled factories kept (files of a few shapes per kind are the rule; past this the cache starts again). */
const MAX_FACTORIES = 64;

/** Marks a field left out of the record. */
const HOLE: unique symbol = Symbol('hole');

function presenceOf(schema: z.core.$ZodType): Presence {
  const { optin, optout } = schema._zod;
  if (optin === undefined) return Presence.Required;
  if (optout === 'optional') return optin === 'optional' ? Presence.WhenPresent : Presence.WhenAny;
  return optin === 'defaulted' ? Presence.Always : Presence.WhenAny;
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

/** What a {@link lastValueAcceptor} holds before its first value. */
const NOTHING: unique symbol = Symbol('nothing');

/**
 * An acceptor that remembers the last string or yes/no it vouched for, and the output it gave: a file's
 * rows repeat the row above in most columns (the importer hands such a cell on as the very same value), and
 * an acceptor's answer is a function of the value alone, so the repeat is answered without asking again.
 * Numbers are asked every time (`0` and `-0` are equal but not the same), and so is anything else, and an
 * output that is an object (a transform's) is never handed out twice.
 *
 * @param accept - the field's acceptor
 * @example
 * ```ts
 * import { schemaAcceptor } from './schemaAcceptor.js';
 * const accept = lastValueAcceptor(schemaAcceptor(instantSchema));
 * accept('2026-02-20T10:00:00+00:00'); // checked
 * accept('2026-02-20T10:00:00+00:00'); // the same answer, not checked again
 * ```
 */
export function lastValueAcceptor(accept: Acceptor): Acceptor {
  let lastIn: unknown = NOTHING;
  let lastOut: unknown;
  return (value) => {
    if (value === lastIn) return lastOut;
    const out = accept(value);
    if (out !== UNSURE && (typeof value === 'string' || typeof value === 'boolean') && typeof out !== 'object' && typeof out !== 'function') {
      lastIn = value;
      lastOut = out;
    }
    return out;
  };
}

/** Runs an object schema's own refinements on a built record, as zod's `runChecks` does after the shape; true when none objects. */
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

/** Whether the host lets code be compiled: not under zod's `jitless` setting, nor where `new Function` throws (a strict CSP). */
function mayCompile(): boolean {
  if (z.config().jitless === true) return false;
  try {
    return (new Function('return 1') as () => number)() === 1;
  } catch {
    return false;
  }
}

/** The fast path as a loop over the field plans (for hosts that forbid compiling code). */
function interpreted(fields: readonly FieldPlan[], refine: ((record: object) => boolean) | undefined): RecordFastPath {
  const outs: unknown[] = new Array<unknown>(fields.length);
  return (values) => {
    for (let i = 0; i < fields.length; i += 1) {
      const { slot, accept, presence, idParts } = fields[i]!;
      let value = slot >= 0 ? values[slot] : undefined;
      if (value === undefined && idParts !== undefined) value = joinedId(values, idParts);
      if (value === undefined && presence === Presence.Required) return undefined;
      if (value === undefined && presence === Presence.WhenPresent) {
        outs[i] = HOLE;
        continue;
      }
      const out = accept(value);
      if (out === UNSURE) return undefined;
      outs[i] = presence === Presence.WhenAny && out === undefined && value === undefined ? HOLE : out;
    }
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i += 1) if (outs[i] !== HOLE) record[fields[i]!.key] = outs[i];
    outs.fill(undefined);
    return refine === undefined || refine(record) ? record : undefined;
  };
}

/**
 * A {@link SurePass} as a condition on the value `v` (an enumeration's values are the argument `set`); only
 * numbers (lengths) are spliced in.
 */
function sureTest(sure: SurePass, v: string, set: string): string {
  switch (sure.type) {
    case 'string': {
      const min = sure.min > 0 ? ` && ${v}.length >= ${sure.min}` : '';
      const max = Number.isFinite(sure.max) ? ` && ${v}.length <= ${sure.max}` : '';
      return `typeof ${v} === 'string'${min}${max}`;
    }
    case 'boolean':
      return `typeof ${v} === 'boolean'`;
    case 'number':
      return `typeof ${v} === 'number' && Number.isFinite(${v})`;
    case 'enum':
      return `${set}.has(${v})`;
  }
}

/**
 * The fast path as straight-line code: per field, its value, its own acceptor call and the early exit;
 * then the record as one object literal for the fields it has (up to {@link WHOLE_LITERAL_FIELDS} fields
 * written only sometimes), or else one literal holding the leading always-written fields and the others added in the
 * schema's order. Only numbers and `JSON.stringify`-quoted schema keys are spliced into the source.
 */
function compiled(fields: readonly FieldPlan[], refine: ((record: object) => boolean) | undefined): RecordFastPath {
  const lines: string[] = [];
  fields.forEach(({ slot, presence, idParts, sure }, i) => {
    lines.push(`let v${i} = ${slot >= 0 ? `values[${slot}]` : 'undefined'};`);
    if (idParts !== undefined) lines.push(`if (v${i} === undefined) v${i} = joinedId(values, idParts${i});`);
    if (presence === Presence.Required) lines.push(`if (v${i} === undefined) return undefined;`);
    const test = sure === undefined ? undefined : sureTest(sure, `v${i}`, `sure${i}`);
    const call = test === undefined ? `accept${i}(v${i})` : `(${test} ? v${i} : accept${i}(v${i}))`;
    lines.push(`const o${i} = ${presence === Presence.WhenPresent ? `v${i} === undefined ? HOLE : ${call}` : call};`);
    lines.push(`if (o${i} === UNSURE) return undefined;`);
  });
  const always = (f: FieldPlan): boolean => f.presence === Presence.Required || f.presence === Presence.Always;
  const written = (f: FieldPlan, i: number): string => (f.presence === Presence.WhenPresent ? `o${i} !== HOLE` : `o${i} !== undefined || v${i} !== undefined`);
  const entry = (f: FieldPlan, i: number): string => `${JSON.stringify(f.key)}: o${i}`;
  const sometimes = fields.flatMap((f, i) => (always(f) ? [] : [i]));
  if (sometimes.length <= WHOLE_LITERAL_FIELDS) {
    // one whole object literal per set of the fields written only sometimes: the record is made in one step,
    // its keys in the schema's order, with no property added after it is made
    lines.push('let written = 0;');
    sometimes.forEach((i, bit) => lines.push(`if (${written(fields[i]!, i)}) written |= ${1 << bit};`));
    lines.push('let record;', 'switch (written) {');
    for (let set = 0; set < 1 << sometimes.length; set += 1) {
      const keys = fields.flatMap((f, i) => (always(f) || (set & (1 << sometimes.indexOf(i))) !== 0 ? [entry(f, i)] : []));
      lines.push(`  case ${set}: record = { ${keys.join(', ')} }; break;`);
    }
    lines.push('}');
  } else {
    let lead = 0;
    while (lead < fields.length && always(fields[lead]!)) lead += 1;
    lines.push(`const record = { ${fields.slice(0, lead).map(entry).join(', ')} };`);
    fields.slice(lead).forEach((f, j) => {
      const i = lead + j;
      const set = `record[${JSON.stringify(f.key)}] = o${i};`;
      lines.push(always(f) ? set : `if (${written(f, i)}) ${set}`);
    });
  }
  lines.push('return refine === undefined || refine(record) ? record : undefined;');

  const names = ['UNSURE', 'HOLE', 'joinedId', 'refine', ...fields.flatMap((_, i) => [`accept${i}`, `idParts${i}`, `sure${i}`])];
  const args = [UNSURE, HOLE, joinedId, refine, ...fields.flatMap((f) => [f.accept, f.idParts, f.sure?.type === 'enum' ? f.sure.values : undefined])];
  const body = `return function recordFastPath(values) {\n${lines.join('\n')}\n};`;
  let factory = factories.get(body);
  if (factory === undefined) {
    factory = new Function(...names, body) as (...a: unknown[]) => RecordFastPath;
    if (factories.size >= MAX_FACTORIES) factories.clear();
    factories.set(body, factory);
  }
  return factory(...args);
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
 * declare const values: unknown[];
 * const fast = compileRecordFastPath(roomSchema, new Map([['id', 0], ['name', 1]]), undefined);
 * fast?.(values); // the room, or undefined: ask zod
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
  const { shape, catchall } = object._zod.def;
  if (catchall !== undefined || Object.getOwnPropertySymbols(shape).length > 0) return undefined;
  const keys = Object.keys(shape);
  if (keys.includes('__proto__') || [...slotOf.keys()].some((field) => !keys.includes(field))) return undefined;
  const idParts = derivedId?.map((field) => slotOf.get(field) ?? -1);
  if (idParts !== undefined && (!keys.includes('id') || idParts.includes(-1))) return undefined;

  const fields: FieldPlan[] = keys.map((key) => {
    const field = shape[key]!;
    return {
      key,
      slot: slotOf.get(key) ?? -1,
      accept: lastValueAcceptor(schemaAcceptor(field)),
      sure: surePass(field),
      presence: presenceOf(field),
      idParts: key === 'id' ? idParts : undefined,
    };
  });
  const refine = objectChecks(object);
  return mayCompile() ? compiled(fields, refine) : interpreted(fields, refine);
}
