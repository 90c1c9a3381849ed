/**
 * How the EOPS charts say why they refused an event: each transition lists the named guards it needs (one per
 * rule of the Standards, some negated), xstate combines them with `and` / `not`, and when the transition is
 * not taken the same list is walked in order: the first guard that failed names the refusal, from its row of a
 * guard table (guard name → code, reason in the Standards' words, rule id). There is no second copy of the
 * rules: the list the guard is built from is the list the reason is read from.
 *
 * @internal
 */
import { and, not } from 'xstate';
import type { Refusal } from '../audit/eventStamp.js';

/** A named guard as a transition needs it: true (`'name'`), or false (`{ not: 'name' }`). @internal */
export type GuardCheck<TName extends string = string> = TName | { readonly not: TName };

/** A guard's implementation: a pure test of the context and the event. @internal */
export type GuardTest<TArgs> = (args: TArgs) => boolean;

/** Why a guard failed, as data: the refusal, from the same arguments the guard saw. @internal */
export type RefusalRow<TArgs> = (args: TArgs) => Refusal;

/**
 * A guard table: for each guard name, its test, and the refusal when the transition needed it true (`refusal`)
 * or false (`refusalWhenTrue`, for guards used under `not`).
 *
 * @internal
 */
export type GuardTable<TName extends string, TArgs> = Readonly<
  Record<TName, { readonly test: GuardTest<TArgs>; readonly refusal?: RefusalRow<TArgs>; readonly refusalWhenTrue?: RefusalRow<TArgs> }>
>;

/**
 * The xstate guard of a list of checks: `and` of the names, negated ones under `not`.
 *
 * @param checks - the named guards, in the order a refusal reads them
 * @internal
 * @example
 * ```ts
 * const certify = { guard: allOf(['senderHasAccount', { not: 'recordCertified' }]), target: 'certified' };
 * ```
 */
export function allOf<TName extends string>(checks: readonly GuardCheck<TName>[]) {
  const parts = checks.map((c) => (typeof c === 'string' ? c : not(c.not as never))) as never[];
  return and(parts) as never;
}

/**
 * The refusal of the first check that fails, or `undefined` when every check passes.
 *
 * @param table - the guard table
 * @param checks - the checks of the transition that was not taken
 * @param args - what the guards saw (context and event)
 * @param holds - how a named guard is evaluated: inside a machine, xstate's `check` (so a guard replaced with
 *   `.provide()` decides here too); by default the table's own test
 * @internal
 * @example
 * ```ts
 * import { OFFICER_YEAR_GUARDS } from './eopsOfficerYearGuards.js';
 * declare const record: EopsRecord;
 * declare const event: EopsOfficerYearEvent;
 * firstRefusal(OFFICER_YEAR_GUARDS, ['officerNotDeclaringOwnStandards'], { context: record, event })?.rule; // 'eops.slt-declaration'
 * ```
 */
export function firstRefusal<TName extends string, TArgs>(
  table: GuardTable<TName, TArgs>,
  checks: readonly GuardCheck<TName>[],
  args: TArgs,
  holds: (name: TName) => boolean = (name) => table[name].test(args),
): Refusal | undefined {
  for (const check of checks) {
    const name = typeof check === 'string' ? check : check.not;
    const row = table[name];
    const passed = typeof check === 'string' ? holds(name) : !holds(name);
    if (passed) continue;
    const why = typeof check === 'string' ? row.refusal : row.refusalWhenTrue;
    return why ? why(args) : { code: 'guard_failed', reason: `The rule "${name}" does not allow it` };
  }
  return undefined;
}

/**
 * The xstate guard implementations of a guard table (`setup({ guards })`).
 *
 * @param table - the guard table
 * @internal
 * @example
 * ```ts
 * import { setup } from 'xstate';
 * import { OFFICER_YEAR_GUARDS } from './eopsOfficerYearGuards.js';
 * setup({ types: {} as { context: EopsRecord; events: EopsOfficerYearEvent }, guards: guardsOf(OFFICER_YEAR_GUARDS) });;
 * ```
 */
export function guardsOf<TName extends string, TArgs>(table: GuardTable<TName, TArgs>): Record<TName, (args: TArgs) => boolean> {
  const out = {} as Record<TName, (args: TArgs) => boolean>;
  for (const name of Object.keys(table) as TName[]) out[name] = (args: TArgs) => table[name].test(args);
  return out;
}
