/**
 * Why a statechart refused an event, read from the guard that failed: each machine names one guard per
 * rule and gives a table from guard name to its refusal (code, reason in words, rule). When an event has
 * transitions in the state but every guard combination failed, the refusal is the one of the first named
 * guard that failed (walking xstate's `and` / `or` / `not` combinators); when the state has no transition
 * for the event, it is the state's "not now" refusal. No second switch re-checks the state.
 */
import type { AnyStateMachine } from 'xstate';
import type { Actor } from '../audit/auditTrail.js';
import { stampRejection, type Refusal } from '../audit/eventStamp.js';
import type { ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { authorise, type RoleGrants } from '../rules/authority.js';
import type { Instant } from '../time/clock.js';

/** A guard as it sits in a transition: a name, `{ type }`, or an `and` / `or` / `not` combinator. */
type GuardRef = string | { readonly type: string } | ((...args: never[]) => unknown);

/**
 * Evaluates a guard in the current state (xstate's `check` in `enqueueActions`).
 *
 * @internal
 */
export type GuardCheck = (guard: GuardRef) => boolean;

/**
 * The refusal of each named guard of a machine, from the context and the event it refused.
 *
 * @internal
 * @example
 * ```ts
 * const table: GuardRefusals<EnquiryContext, EnquiryEvent> = {
 *   beforeEnquiryDeadline: (c) => ({ code: 'deadline_passed', reason: `The deadline was ${c.deadline?.at}` }),
 * };
 * ```
 */
export type GuardRefusals<TContext, TEvent> = Readonly<Record<string, (context: TContext, event: TEvent) => Refusal>>;

function nameOf(guard: GuardRef): string | undefined {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && typeof guard.type === 'string') return guard.type;
  return undefined;
}

/** The named guards that failed, first first, inside a guard that failed (`not(g)` fails when g passes: named `not:g`). */
function failedNames(guard: GuardRef, check: GuardCheck): string[] {
  const name = nameOf(guard);
  if (name !== undefined) return check(guard) ? [] : [name];
  const combinator = guard as { readonly name?: string; readonly guards?: readonly GuardRef[] };
  const children = combinator.guards ?? [];
  if (combinator.name === 'not') {
    const inner = children[0];
    const innerName = inner === undefined ? undefined : nameOf(inner);
    return inner !== undefined && check(inner) ? [`not:${innerName ?? 'guard'}`] : [];
  }
  if (combinator.name === 'or') {
    // Every alternative failed: the last one is the requirement in words (`or([not('serviceNeedsConsent'), 'hasWrittenConsent'])`).
    const failures = children.map((child) => failedNames(child, check));
    return failures.some((f) => f.length === 0) ? [] : (failures.at(-1) ?? []);
  }
  for (const child of children) {
    const failed = failedNames(child, check);
    if (failed.length) return failed;
  }
  return [];
}

/**
 * Why the machine refused `event` in `state`: the refusal of the first named guard that failed (a guard
 * without a refusal, such as a branch like `foundCorrect`, passes the question to the next transition), or
 * `notNow` when the state has no transition for the event. Guards listed in `common` (the stamp and the
 * sender) are asked first in either case.
 *
 * @internal
 * @param machine - the machine (its state nodes give the transitions and their guards)
 * @param state - the state the event arrived in (a top-level state key)
 * @param event - the refused event
 * @param context - the context it was refused in
 * @param check - xstate's `check`, so a guard replaced with `.provide()` decides here too
 * @param refusals - the refusal of each named guard
 * @param notNow - the refusal of an event the state takes no transition for
 * @param common - guards every event must pass, asked first
 * @example
 * ```ts
 * import type { Refusal } from '../audit/eventStamp.js';
 * import { ENQUIRY_GUARD_REFUSALS } from './enquiryMachine.js';
 * declare const context: EnquiryContext;
 * declare const event: EnquiryEvent;
 * declare const check: GuardCheck;
 * declare const notNow: (context: EnquiryContext, event: EnquiryEvent) => Refusal;
 * const why = refusalFromGuards(enquiryMachine, 'consented', event, context, check, ENQUIRY_GUARD_REFUSALS, notNow, ['eventIsStamped']);
 * ```
 */
export function refusalFromGuards<TContext, TEvent extends { readonly type: string }>(
  machine: AnyStateMachine,
  state: string,
  event: TEvent,
  context: TContext,
  check: GuardCheck,
  refusals: GuardRefusals<TContext, TEvent>,
  notNow: (context: TContext, event: TEvent, state: string) => Refusal,
  common: readonly string[] = [],
): Refusal {
  const refusalOf = (name: string) => (Object.hasOwn(refusals, name) ? refusals[name]!(context, event) : undefined);
  for (const name of common) if (!check(name)) return refusalOf(name) ?? notNow(context, event, state);
  const node = machine.root.states[state];
  const candidates = node?.transitions.get(event.type) ?? [];
  for (const t of candidates) {
    if (!t.guard) continue;
    for (const name of failedNames(t.guard as GuardRef, check)) {
      const why = refusalOf(name);
      if (why) return why;
    }
  }
  return notNow(context, event, state);
}

/**
 * The refusals every results machine shares, for the guards asked first: the event's stamp (`eventIsStamped`),
 * a sender examcycle can read (`senderIsKnown`) and the sender's role under the machine's grants
 * (`sentByAnAuthorisedRole`, from {@link authorise}).
 *
 * @internal
 * @param actionOf - the authority action of an event type, e.g. `enquiry.submit`
 * @param unstamped - the reason when the stamp check passes but the guard still failed
 * @example
 * ```ts
 * import { enquiryAction } from './enquiryMachine.js';
 * declare const context: EnquiryContext;
 * declare const event: EnquiryEvent;
 * const shared = senderRefusals<EnquiryContext, EnquiryEvent>(enquiryAction, 'The event is not stamped');
 * shared.sentByAnAuthorisedRole(context, event).code; // 'not_authorised'
 * ```
 */
export function senderRefusals<TContext extends { readonly lastEventAt: Instant | null; readonly grants: RoleGrants }, TEvent extends { readonly type: string; readonly by: Actor; readonly at: Instant }>(
  actionOf: (type: TEvent['type']) => string,
  unstamped: string,
): Readonly<Record<'eventIsStamped' | 'senderIsKnown' | 'sentByAnAuthorisedRole', (context: TContext, event: TEvent) => Refusal & { readonly code: ExamcycleErrorCode }>> {
  return {
    eventIsStamped: (c, e) => stampRejection(e, c.lastEventAt) ?? { code: 'invalid_value', reason: unstamped },
    senderIsKnown: (_c, e) =>
      e.by.id.length > 200 ? { code: 'not_authorised', reason: "The sender's id is over 200 characters" } : { code: 'not_authorised', reason: `"${String(e.by.role).slice(0, 60)}" is not a role examcycle knows` },
    sentByAnAuthorisedRole: (c, e) => {
      const d = authorise(c.grants, e.by, actionOf(e.type));
      return d.allowed ? { code: 'not_authorised', reason: 'Not authorised' } : { code: d.code, reason: d.reason, rule: d.rule };
    },
  };
}
