/**
 * The guard table of the centre's EOPS actor: one named guard per rule the centre decides before an officer's
 * year sees an event, in the toolkit's and the registration page's words ("The first user registers their
 * centre … They become the centre administrator and all other users register themselves and join the
 * centre"; "Registrations are approved by a centre administrator"; the senior leader or line manager "should
 * register their exams officer … each academic year"), plus the event's own checks (well formed, in time
 * order, within the current academic year) and the pack's authority (`eops.<event>` grants, refused
 * `not_authorised`). Each guard carries the refusal it gives when a transition needed it and it failed.
 *
 * @internal
 */
import type { Actor } from '../audit/auditTrail.js';
import { stampRejection, type Refusal } from '../audit/eventStamp.js';
import { authorise } from '../rules/authority.js';
import { academicYearBounds, academicYearOf, toLondon, type AcademicYear, type CalendarDate, type Instant } from '../time/clock.js';
import { EOPS_LEADER_ROLES, type EopsAccount, type EopsContext } from './eopsContext.js';
import { eopsEventSchema } from './eopsEvents.js';
import type { GuardTable } from './eopsRefusal.js';

/** What a centre guard sees: the context and the event as sent (checked by `eventWellFormed` first). @internal */
export interface CentreGuardArgs {
  readonly context: EopsContext;
  readonly event: unknown;
}

type E = Record<string, unknown> & { readonly type: string; readonly at: Instant; readonly by: Actor };

const LEADERS: readonly string[] = EOPS_LEADER_ROLES;
const ev = (a: CentreGuardArgs) => a.event as E;
const str = (a: CentreGuardArgs, key: string): string => String(ev(a)[key]);
const reject = (code: Refusal['code'], reason: string, rule?: string): Refusal => (rule ? { code, reason, rule } : { code, reason });
const words = (s: string) => s.replace(/_/g, ' ');

function withinYear(date: CalendarDate, year: AcademicYear): boolean {
  const { start, end } = academicYearBounds(year);
  return date >= start && date <= end;
}

/** Why the sender may not act at the centre (no account, not approved, deactivated, not in a role they hold), or undefined. */
function actingRefusal(context: EopsContext, by: Actor): Refusal | undefined {
  const account = context.accounts.find((x) => x.id === by.id);
  if (!account) return reject('not_authorised', `"${by.id}" has no account at this centre`, 'eops.accounts');
  if (account.status === 'pending') return reject('not_authorised', `${account.name}'s request to join the centre has not been approved yet`, 'eops.accounts');
  if (account.status === 'deactivated') return reject('not_authorised', `${account.name}'s account is deactivated`, 'eops.accounts');
  if (by.role === undefined) return reject('not_authorised', `${account.name} must say which role they act in`, 'eops.accounts');
  if (!(account.roles as readonly string[]).includes(by.role)) return reject('not_authorised', `${account.name} does not hold the ${words(by.role)} role at this centre`, 'eops.accounts');
  return undefined;
}

const accountOf = (a: CentreGuardArgs, key: 'accountId' | 'officerId'): EopsAccount | undefined => a.context.accounts.find((x) => x.id === ev(a)[key]);
const otherActiveAdmins = (context: EopsContext, id: string) => context.accounts.filter((x) => x.id !== id && x.admin && x.status === 'active').length;
const thisYear = (a: CentreGuardArgs, officerId: string) => a.context.officerYears.find((y) => y.officerId === officerId && y.academicYear === a.context.academicYear);

/**
 * The centre guard table.
 *
 * @internal
 * @example
 * ```ts
 * declare const context: EopsContext;
 * declare const event: EopsEvent;
 * CENTRE_GUARDS.senderAdministersCentre.test({ context, event });
 * ```
 */
export const CENTRE_GUARDS = {
  // --- the event itself
  eventWellFormed: {
    test: (a: CentreGuardArgs) => eopsEventSchema.safeParse(a.event).success,
    refusal: (a: CentreGuardArgs) => {
      const parsed = eopsEventSchema.safeParse(a.event);
      const type = typeof a.event === 'object' && a.event !== null && 'type' in a.event ? String((a.event as { type: unknown }).type) : '(no type)';
      const issues = parsed.success ? [] : parsed.error.issues;
      if (issues.some((i) => i.path.length === 1 && i.path[0] === 'type')) return reject('event_rejected', `Unknown event "${type}"`);
      return reject('invalid_value', `Malformed "${type}" event: ${issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`);
    },
  },
  stampInOrder: {
    test: (a: CentreGuardArgs) => stampRejection(ev(a), a.context.lastEventAt) === undefined,
    refusal: (a: CentreGuardArgs) => stampRejection(ev(a), a.context.lastEventAt) ?? reject('invalid_value', 'The event stamp is refused'),
  },
  withinCurrentAcademicYear: {
    test: (a: CentreGuardArgs) => academicYearOf(ev(a).at) === a.context.academicYear,
    refusal: (a: CentreGuardArgs) =>
      reject(
        'deadline_passed',
        `The ${a.context.academicYear} Standards lapsed at the end of ${academicYearBounds(a.context.academicYear!).end}: roll the year over before anything dated ${toLondon(ev(a).at).toISODate()}`,
        'eops.renewal',
      ),
  },
  // --- the pack: who may take the action
  authorisedByPack: {
    test: (a: CentreGuardArgs) => authorise(a.context.grants, ev(a).by, `eops.${ev(a).type}`).allowed,
    refusal: (a: CentreGuardArgs) => {
      const d = authorise(a.context.grants, ev(a).by, `eops.${ev(a).type}`);
      return d.allowed ? reject('not_authorised', 'Not authorised') : { code: d.code, reason: d.reason, rule: d.rule };
    },
  },
  // --- registration: "The first user registers their centre, this can be a senior leader, line manager or exams officer"
  centreRegistered: {
    test: (a: CentreGuardArgs) => a.context.centre !== null,
    refusal: () => reject('event_rejected', 'The centre is not registered yet: its first user registers it', 'eops.registration'),
    refusalWhenTrue: (a: CentreGuardArgs) => reject('guard_failed', `The centre is already registered (${a.context.centre?.centreNumber})`, 'eops.registration'),
  },
  firstUserRegistersThemselves: {
    test: (a: CentreGuardArgs) => ev(a).by.id === (ev(a)['user'] as { id: string }).id,
    refusal: () => reject('not_authorised', "The centre's first user registers the centre themselves", 'eops.registration'),
  },
  /** A user registering themselves acts in one of the roles they register with. */
  registrantActsInOwnRole: {
    test: (a: CentreGuardArgs) => {
      const user = ev(a)['user'] as { id: string; roles: readonly string[] };
      return ev(a).by.id !== user.id || (ev(a).by.role !== undefined && user.roles.includes(ev(a).by.role!));
    },
    refusal: (a: CentreGuardArgs) => reject('not_authorised', `The registering user must act in one of their own roles (${(ev(a)['user'] as { roles: string[] }).roles.join(', ')})`, 'eops.accounts'),
  },
  /** Someone registering a colleague acts for the centre (an active account, in a role they hold). */
  colleagueRegisteredByCentreUser: {
    test: (a: CentreGuardArgs) => ev(a).by.id === (ev(a)['user'] as { id: string }).id || actingRefusal(a.context, ev(a).by) === undefined,
    refusal: (a: CentreGuardArgs) => actingRefusal(a.context, ev(a).by)!,
  },
  newAccount: {
    test: (a: CentreGuardArgs) => !a.context.accounts.some((x) => x.id === (ev(a)['user'] as { id: string }).id),
    refusal: (a: CentreGuardArgs) => reject('invalid_value', `"${(ev(a)['user'] as { id: string }).id}" already has an account at this centre`),
  },
  // --- the sender: an active account acting in a role it holds
  senderActsForCentre: {
    test: (a: CentreGuardArgs) => actingRefusal(a.context, ev(a).by) === undefined,
    refusal: (a: CentreGuardArgs) => actingRefusal(a.context, ev(a).by)!,
  },
  // --- account administration: "Registrations are approved by a centre administrator"
  senderAdministersCentre: {
    test: (a: CentreGuardArgs) => a.context.accounts.some((x) => x.id === ev(a).by.id && x.admin),
    refusal: (a: CentreGuardArgs) => reject('not_authorised', `Only a centre administrator manages accounts; ${a.context.accounts.find((x) => x.id === ev(a).by.id)?.name ?? ev(a).by.id} is not one`, 'eops.accounts'),
  },
  accountExists: {
    test: (a: CentreGuardArgs) => accountOf(a, 'accountId') !== undefined,
    refusal: (a: CentreGuardArgs) => reject('invalid_value', `No account "${str(a, 'accountId')}" at this centre`),
  },
  accountAwaitingApproval: {
    test: (a: CentreGuardArgs) => accountOf(a, 'accountId')?.status === 'pending',
    refusal: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'accountId')?.name} is not waiting for approval (${accountOf(a, 'accountId')?.status})`),
  },
  accountActive: {
    test: (a: CentreGuardArgs) => accountOf(a, 'accountId')?.status === 'active',
    refusal: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'accountId')?.name}'s account is not active`),
  },
  accountAdministers: {
    test: (a: CentreGuardArgs) => accountOf(a, 'accountId')?.admin === true,
    refusal: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'accountId')?.name} is not an administrator`),
    refusalWhenTrue: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'accountId')?.name} is already an administrator`),
  },
  accountDeactivated: {
    test: (a: CentreGuardArgs) => accountOf(a, 'accountId')?.status === 'deactivated',
    refusal: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'accountId')?.name}'s account is not deactivated (${accountOf(a, 'accountId')?.status})`),
    refusalWhenTrue: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'accountId')?.name}'s account is already deactivated`),
  },
  /** Another active administrator remains (before administration rights are taken away). */
  anotherActiveAdministrator: {
    test: (a: CentreGuardArgs) => otherActiveAdmins(a.context, str(a, 'accountId')) > 0,
    refusal: () => reject('guard_failed', 'The centre would have no active administrator', 'eops.accounts'),
  },
  /** The centre keeps an active administrator when the account goes (deactivated or deleted). */
  centreKeepsAnAdministrator: {
    test: (a: CentreGuardArgs) => {
      const account = accountOf(a, 'accountId');
      return !account || !(account.admin && account.status === 'active') || otherActiveAdmins(a.context, account.id) > 0;
    },
    refusal: () => reject('guard_failed', 'The centre would have no active administrator', 'eops.accounts'),
  },
  rolesListedOnce: {
    test: (a: CentreGuardArgs) => {
      const roles = (ev(a)['changes'] as { roles?: readonly string[] }).roles;
      return !roles || new Set(roles).size === roles.length;
    },
    refusal: () => reject('invalid_value', 'A role is listed twice'),
  },
  /** A registered officer keeps the exams officer role until the year is certified or ends. */
  examsOfficerRoleKeptWhileRegistered: {
    test: (a: CentreGuardArgs) => {
      const roles = (ev(a)['changes'] as { roles?: readonly string[] }).roles;
      const year = thisYear(a, str(a, 'accountId'));
      return !roles || roles.includes('exams_officer') || !year || year.certified;
    },
    refusal: (a: CentreGuardArgs) =>
      reject(
        'guard_failed',
        `${accountOf(a, 'accountId')?.name} is registered for the Standards in ${a.context.academicYear}: the exams officer role stays until the year is certified or ends`,
        'eops.accounts',
      ),
  },
  // --- the officer's year: "should register their exams officer for the Exams Officer Professional Standards each academic year"
  registersOwnStandardsUnlessLeader: {
    test: (a: CentreGuardArgs) => ev(a).by.id === str(a, 'officerId') || LEADERS.includes(ev(a).by.role ?? ''),
    refusal: () => reject('not_authorised', 'An exams officer registers only themselves; a senior leader or line manager registers their exams officer', 'eops.registration'),
  },
  officerHasAccount: {
    test: (a: CentreGuardArgs) => accountOf(a, 'officerId') !== undefined,
    refusal: (a: CentreGuardArgs) => reject('invalid_value', `No account "${str(a, 'officerId')}" at this centre`),
  },
  officerAccountActive: {
    test: (a: CentreGuardArgs) => accountOf(a, 'officerId')?.status === 'active',
    refusal: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'officerId')?.name ?? str(a, 'officerId')}'s account is not active`, 'eops.accounts'),
  },
  officerIsExamsOfficer: {
    test: (a: CentreGuardArgs) => accountOf(a, 'officerId')?.roles.includes('exams_officer') === true,
    refusal: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'officerId')?.name} is not an exams officer`, 'eops.registration'),
  },
  officerRegisteredThisYear: {
    test: (a: CentreGuardArgs) => thisYear(a, str(a, 'officerId')) !== undefined,
    refusal: (a: CentreGuardArgs) => reject('guard_failed', `"${str(a, 'officerId')}" is not registered for the Standards in ${a.context.academicYear}`, 'eops.registration'),
    refusalWhenTrue: (a: CentreGuardArgs) => reject('guard_failed', `${accountOf(a, 'officerId')?.name} is already registered for ${a.context.academicYear}`, 'eops.registration'),
  },
  startDateWithinYear: {
    test: (a: CentreGuardArgs) => ev(a)['startedOn'] === undefined || withinYear(str(a, 'startedOn') as CalendarDate, a.context.academicYear!),
    refusal: (a: CentreGuardArgs) => reject('invalid_value', `The start date ${str(a, 'startedOn')} is outside the ${a.context.academicYear} academic year`),
  },
  inductionItemsListedOnce: {
    test: (a: CentreGuardArgs) => {
      const ids = ((ev(a)['induction'] as { id: string }[] | undefined) ?? []).map((i) => i.id);
      return new Set(ids).size === ids.length;
    },
    refusal: (a: CentreGuardArgs) => {
      const ids = ((ev(a)['induction'] as { id: string }[] | undefined) ?? []).map((i) => i.id);
      return reject('invalid_value', `The induction checklist lists "${ids.find((id, i) => ids.indexOf(id) !== i)}" twice`);
    },
  },
  /** "Exams officers can undertake the Standards independently, or alongside a senior leader/line manager": nobody else's. */
  examsOfficerWorksOnOwnStandards: {
    test: (a: CentreGuardArgs) => ev(a).by.id === str(a, 'officerId') || LEADERS.includes(ev(a).by.role ?? ''),
    refusal: (a: CentreGuardArgs) => {
      const name = accountOf(a, 'officerId')?.name ?? str(a, 'officerId');
      return reject('not_authorised', `Only ${name} or a senior leader / line manager works on ${name}'s Standards`, 'eops.record-access');
    },
  },
  // --- renewal: the Standards are achieved "each academic year"
  academicYearEnded: {
    test: (a: CentreGuardArgs) => Number(academicYearOf(ev(a).at).slice(0, 4)) > Number(a.context.academicYear!.slice(0, 4)),
    refusal: (a: CentreGuardArgs) =>
      reject('guard_failed', `The ${a.context.academicYear} academic year runs until ${academicYearBounds(a.context.academicYear!).end}; its Standards lapse after that`, 'eops.renewal'),
  },
} as const satisfies GuardTable<string, CentreGuardArgs>;

/** The name of a centre guard. @internal */
export type CentreGuard = keyof typeof CENTRE_GUARDS;
