/**
 * Who may do what. A rules pack states, for each action a machine or store accepts, which roles may take
 * it and where that comes from (JCQ: the head of centre declares and signs; the exams officer submits
 * entries and results services; the SENCo applies for access arrangements; heads of department check
 * entries). A centre's overlay may add delegations (more roles, or named staff) but never take a
 * regulation's role away. Everything not granted is refused with `not_authorised`: the strict reading.
 *
 * Action ids name the machine and the step: `cycle.task.<taskId>` for an exam-cycle task,
 * `enquiry.<event>`, `certificate.<event>`, `eops.<event>`, `booking.<event>`, `results.<read or write>`,
 * `entryChecking.<event>`. The table is resolved once into {@link RoleGrants} (plain JSON, small), which a
 * machine keeps in its context so a restored actor decides the same way without the pack.
 *
 * The role an actor acts in is what the host says (`Actor.role`): examcycle does not authenticate. A host
 * should set it from its own sign-in and staff directory, never from a form field.
 */
import type { Actor } from '../audit/auditTrail.js';
import type { StaffRole } from '../domain/staff.js';
import type { Confidence, SourceRef } from './sources.js';

/**
 * A role an actor can act in: a staff role, the candidate, or the system (clock ticks, the runtime).
 *
 * @example
 * ```ts
 * const role: ActorRole = 'exams_officer';
 * const officer: Actor = { id: 'eo-1', role };
 * ```
 */
export type ActorRole = StaffRole | 'candidate' | 'system';

/**
 * One row of a pack's who-may-do-what table.
 *
 * @example
 * ```ts
 * const row: Authority = {
 *   action: 'cycle.task.entries.submitted',
 *   roles: ['exams_officer'],
 *   title: 'The exams officer submits entries to the awarding bodies',
 *   source: { document: 'JCQ General Regulations for Approved Centres', section: '5.3', year: '2025/26' },
 *   confidence: 'primary',
 * };
 * ```
 */
export interface Authority {
  /** The action, e.g. `cycle.task.entries.submitted` or `enquiry.submit`. */
  readonly action: string;
  /** The roles that may take it. */
  readonly roles: readonly ActorRole[];
  /** Who does it, in the regulation's words. */
  readonly title: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  /** Below `primary`: why (the wording read, the job description quoted). */
  readonly note?: string;
}

/**
 * A centre's delegation: more roles, or named members of staff, who may take an action. A delegation adds;
 * it never removes a role the pack grants.
 *
 * @example
 * ```ts
 * const d: Delegation = { action: 'cycle.task.entries.checked', roles: ['teacher'], grantedBy: 'hoc-1', note: 'Subject leads check their entries' };
 * ```
 */
export interface Delegation {
  readonly action: string;
  readonly roles?: readonly ActorRole[] | undefined;
  /** Named staff (by id) who may take the action whatever role they act in. */
  readonly staffIds?: readonly string[] | undefined;
  /** Who delegated (normally the head of centre). */
  readonly grantedBy?: string | undefined;
  readonly note?: string | undefined;
}

/**
 * Who may take one action, after the centre's delegations.
 *
 * @example
 * ```ts
 * const grant: RoleGrant = { roles: ['exams_officer', 'senior_leader'], rule: 'jcq.gr.entries', title: 'Submit entries' };
 * ```
 */
export interface RoleGrant {
  readonly roles: readonly ActorRole[];
  readonly staffIds?: readonly string[];
  /** The pack's rule id for the action (its `action`), or `centre.delegation` for an action only a delegation grants. */
  readonly rule: string;
  /** The regulation's words, for a refusal's reason. */
  readonly title?: string;
}

/**
 * Resolved grants: action → who may take it. Plain JSON; machines keep the slice they need in their context.
 *
 * @example
 * ```ts
 * const grants: RoleGrants = grantsFor(jcq.authorities('2025/26'), [], ['eops.']);
 * Object.keys(grants).length; // the EOPS actions the centre grants
 * ```
 */
export type RoleGrants = Readonly<Record<string, RoleGrant>>;

/**
 * The answer to "may this actor take this action?".
 *
 * @example
 * ```ts
 * const grants = grantsFor(jcq.authorities('2025/26'));
 * const decision: AuthorityDecision = authorise(grants, { id: 't-17', role: 'teacher' }, 'cycle.task.entries.submitted');
 * if (!decision.allowed) console.log(decision.reason);
 * ```
 */
export type AuthorityDecision =
  | { readonly allowed: true; readonly action: string; readonly rule: string }
  | { readonly allowed: false; readonly action: string; readonly rule: string; readonly code: 'not_authorised'; readonly reason: string };

/**
 * Resolves a pack's authorities and a centre's delegations into grants. Only actions whose id starts with
 * one of `prefixes` are kept (a machine keeps its own slice); all when omitted. A delegation for an action
 * the pack does not list creates the grant (rule `centre.delegation`).
 *
 * @param authorities - the pack's table for the academic year (`pack.authorities(year)`)
 * @param delegations - the centre's delegations
 * @param prefixes - action prefixes to keep, e.g. `['cycle.task.']`
 * @example
 * ```ts
 * const grants = grantsFor(jcq.authorities('2025/26'), [], ['enquiry.']);
 * authorise(grants, { id: 't-1', role: 'teacher' }, 'enquiry.submit').allowed; // false
 * ```
 */
export function grantsFor(authorities: readonly Authority[], delegations: readonly Delegation[] = [], prefixes?: readonly string[]): RoleGrants {
  const keep = (action: string) => prefixes === undefined || prefixes.some((p) => action.startsWith(p));
  const out: Record<string, { roles: ActorRole[]; staffIds: string[]; rule: string; title?: string }> = Object.create(null);
  for (const a of authorities) {
    if (!keep(a.action)) continue;
    const g = (out[a.action] ??= { roles: [], staffIds: [], rule: a.action, title: a.title });
    for (const r of a.roles) if (!g.roles.includes(r)) g.roles.push(r);
  }
  for (const d of delegations) {
    if (!keep(d.action)) continue;
    const g = (out[d.action] ??= { roles: [], staffIds: [], rule: 'centre.delegation' });
    for (const r of d.roles ?? []) if (!g.roles.includes(r)) g.roles.push(r);
    for (const s of d.staffIds ?? []) if (!g.staffIds.includes(s)) g.staffIds.push(s);
  }
  const grants: Record<string, RoleGrant> = {};
  for (const action of Object.keys(out).sort()) {
    const g = out[action]!;
    grants[action] = { roles: g.roles, ...(g.staffIds.length ? { staffIds: g.staffIds } : {}), rule: g.rule, ...(g.title ? { title: g.title } : {}) };
  }
  return grants;
}

function words(role: string): string {
  return role.replace(/_/g, ' ');
}

/**
 * Whether an actor may take an action under the grants. An action with no grant is refused (the strict
 * reading: what the pack does not give, nobody may do); an actor without a role is refused unless named
 * by a delegation.
 *
 * @param grants - resolved grants ({@link grantsFor})
 * @param actor - who is acting, in which role
 * @param action - the action id
 * @example
 * ```ts
 * const grants = grantsFor([{ action: 'cycle.task.entries.submitted', roles: ['exams_officer'], title: 'The exams officer submits entries', source: { document: 'JCQ GR', year: '2025/26' }, confidence: 'primary' }]);
 * authorise(grants, { id: 'eo-1', role: 'exams_officer' }, 'cycle.task.entries.submitted').allowed; // true
 * authorise(grants, { id: 't-1', role: 'teacher' }, 'cycle.task.entries.submitted').allowed; // false: not_authorised
 * ```
 */
export function authorise(grants: RoleGrants, actor: Actor | undefined, action: string): AuthorityDecision {
  const grant = Object.hasOwn(grants, action) ? grants[action] : undefined;
  if (!grant) return { allowed: false, action, rule: 'examcycle.authority.not-granted', code: 'not_authorised', reason: `Nobody is authorised to ${action} at this centre (no rule grants it)` };
  if (actor && grant.staffIds?.includes(actor.id)) return { allowed: true, action, rule: 'centre.delegation' };
  if (actor?.role !== undefined && grant.roles.includes(actor.role)) return { allowed: true, action, rule: grant.rule };
  const who = grant.roles.length ? grant.roles.map(words).join(' or ') : 'named staff only';
  const as = actor === undefined ? 'an unidentified sender' : actor.role === undefined ? `"${actor.id}" (no role given)` : `"${actor.id}" acting as ${words(actor.role)}`;
  return {
    allowed: false,
    action,
    rule: grant.rule,
    code: 'not_authorised',
    reason: `${grant.title ?? action}: only ${who} may do this, not ${as}`,
  };
}
