/**
 * The events the EOPS machine takes, as TypeScript types and as a zod schema that checks them at run time
 * (a host receiving JSON from a form sends it straight in; a malformed event is recorded as rejected with
 * the schema's issues, never applied). Every event carries when it happened (`at`, an ISO instant with its
 * offset) and who sent it (`by`, with the role they act in).
 */
import { z } from 'zod';
import type { Actor } from '../audit/auditTrail.js';
import { staffRoleSchema } from '../domain/staff.js';
import { calendarDateSchema, centreNumberSchema, instantSchema } from '../domain/identifierSchemas.js';
import type { CalendarDate, Instant } from '../time/clock.js';
import {
  EOPS_ACHIEVEMENT_METHODS,
  EOPS_KEY_SKILL_AREAS,
  EOPS_KNOWLEDGE_AREAS,
  type EopsAchievementMethod,
  type EopsKeySkillArea,
  type EopsKnowledgeArea,
} from './eopsAreas.js';
import { EOPS_MEETING_KINDS, EOPS_ROLES, type EopsOfficerExperience, type EopsRole, type EopsTargetStatus, type ScheduledMeeting, type ScheduledMeetingKind } from './eopsContext.js';
import type { InductionItemTemplate } from './inductionChecklist.js';

/**
 * When an event happened and who sent it.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const stamp: EopsStamp = { at: '2025-09-02T09:15:00+01:00', by: { id: 'slt-1', role: 'senior_leader' } };
 * actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', ...stamp });
 * ```
 */
export interface EopsStamp {
  /** ISO 8601 instant with offset. */
  readonly at: Instant;
  /** Who sent it, with the role they act in (`system` only for the year rollover). */
  readonly by: Actor;
}

/**
 * A person registering (the centre's first user, or someone asking to join).
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const user: EopsUserInput = { id: 'eo-1', name: 'Amber Giles', email: 'a.giles@plume.example', roles: ['exams_officer'] };
 * actor.send({ type: 'account.register', user, at: '2025-09-02T09:05:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * ```
 */
export interface EopsUserInput {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly roles: readonly EopsRole[];
}

interface EopsTargetInputBase {
  readonly id: string;
  /** Required when `area` is `own`. */
  readonly ownArea?: string;
  readonly description: string;
  readonly methods: readonly EopsAchievementMethod[];
  /** Required when `methods` includes `other`. */
  readonly otherMethod?: string;
  readonly successMeasure: string;
  /** By when, within the academic year. */
  readonly dueBy: CalendarDate;
}

/**
 * A target as agreed: a Knowledge & Understanding area or a Key Skills area, how, measured how, by when.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const target: EopsTargetInput = { id: 'ku-1', strand: 'knowledge_and_understanding', area: 'jcq_regulations', description: 'Read the 2025/26 ICE booklet changes', methods: ['online_training'], successMeasure: 'Briefing given to invigilators', dueBy: '2025-11-30' };
 * actor.send({ type: 'target.agree', officerId: 'eo-1', target, at: '2025-09-10T10:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * ```
 */
export type EopsTargetInput =
  | (EopsTargetInputBase & { readonly strand: 'knowledge_and_understanding'; readonly area: EopsKnowledgeArea })
  | (EopsTargetInputBase & { readonly strand: 'key_skills'; readonly area: EopsKeySkillArea });

/**
 * A review meeting as it is recorded.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const meeting: EopsMeetingInput = { heldOn: '2025-10-24', kind: 'half_termly', progress: 'Entries checked', wentWell: 'Access arrangements on time', notSoWell: 'Late MIS data', nextFocus: 'Seating plans' };
 * actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting, at: '2025-10-24T15:00:00+01:00', by: { id: 'lm-1', role: 'line_manager' } });
 * ```
 */
export interface EopsMeetingInput {
  readonly heldOn: CalendarDate;
  /** Which meeting it was; a first-week, first-month or first-term review, or the start meeting, ticks the induction item it fulfils. */
  readonly kind?: ScheduledMeetingKind;
  readonly progress: string;
  readonly wentWell: string;
  readonly notSoWell: string;
  readonly nextFocus: string;
}

/**
 * An administrator's changes to an account's details (at least one).
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const changes: EopsAccountChanges = { email: 'a.giles@plume.example', roles: ['exams_officer'] };
 * actor.send({ type: 'account.update', accountId: 'eo-1', changes, at: '2025-09-03T09:00:00+01:00', by: { id: 'slt-1', role: 'senior_leader' } });
 * ```
 */
export interface EopsAccountChanges {
  readonly name?: string;
  /** A new address, or null to remove it. */
  readonly email?: string | null;
  readonly roles?: readonly EopsRole[];
}

/**
 * The events of the EOPS machine.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const event: EopsEvent = { type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: '2025-09-05T10:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } };
 * sendEops(actor, event).ok; // true
 * ```
 */
export type EopsEvent =
  /** The centre's first user (senior leader, line manager or exams officer) registers the centre and becomes its administrator. */
  | (EopsStamp & { readonly type: 'centre.register'; readonly centre: { readonly centreNumber: string; readonly name: string }; readonly user: EopsUserInput })
  /** A user registers and asks to join the centre (themselves, or on behalf of a colleague). */
  | (EopsStamp & { readonly type: 'account.register'; readonly user: EopsUserInput })
  /** An administrator approves a request to join, optionally with administration rights. */
  | (EopsStamp & { readonly type: 'account.approve'; readonly accountId: string; readonly admin?: boolean })
  | (EopsStamp & { readonly type: 'account.grantAdmin'; readonly accountId: string })
  | (EopsStamp & { readonly type: 'account.revokeAdmin'; readonly accountId: string })
  /** An administrator deactivates an account (or declines a request to join). */
  | (EopsStamp & { readonly type: 'account.deactivate'; readonly accountId: string })
  | (EopsStamp & { readonly type: 'account.activate'; readonly accountId: string })
  /** An administrator updates the details held for a user (name, email, roles). */
  | (EopsStamp & { readonly type: 'account.update'; readonly accountId: string; readonly changes: EopsAccountChanges })
  /** An administrator permanently deletes the details held for a user; certificates issued are kept. */
  | (EopsStamp & { readonly type: 'account.delete'; readonly accountId: string })
  /**
   * An exams officer is registered for the current academic year; `induction` is the centre's own checklist
   * (default: the toolkit's case study for a new officer, none otherwise).
   */
  | (EopsStamp & {
      readonly type: 'officer.register';
      readonly officerId: string;
      readonly experience: EopsOfficerExperience;
      readonly startedOn?: CalendarDate;
      readonly induction?: readonly InductionItemTemplate[];
    })
  /** One side proposes a target (the officer, or a senior leader / line manager); the other side confirms it. */
  | (EopsStamp & { readonly type: 'target.agree'; readonly officerId: string; readonly target: EopsTargetInput })
  | (EopsStamp & { readonly type: 'target.confirm'; readonly officerId: string; readonly targetId: string })
  /** A target is marked achieved or not applicable (or reopened). */
  | (EopsStamp & { readonly type: 'target.mark'; readonly officerId: string; readonly targetId: string; readonly status: EopsTargetStatus; readonly note?: string })
  /** The officer signs the Values & Attributes statement; a senior leader / line manager countersigns it (the agreement). */
  | (EopsStamp & { readonly type: 'valuesAndAttributes.sign'; readonly officerId: string })
  | (EopsStamp & { readonly type: 'meeting.record'; readonly officerId: string; readonly meeting: EopsMeetingInput })
  | (EopsStamp & { readonly type: 'meetings.plan'; readonly officerId: string; readonly schedule: readonly ScheduledMeeting[] })
  | (EopsStamp & { readonly type: 'induction.complete'; readonly officerId: string; readonly itemId: string })
  /** Every criterion met, the officer (or their senior leader / line manager) requests the certificate. */
  | (EopsStamp & { readonly type: 'certificate.request'; readonly officerId: string })
  /** The SLT declaration: a senior leader / line manager declares the Standards achieved and the certificate is issued. */
  | (EopsStamp & { readonly type: 'standards.declare'; readonly officerId: string })
  /** The academic year has ended: this year's Standards lapse and the next year starts fresh. */
  | (EopsStamp & { readonly type: 'year.rollover' });

/**
 * The type of an EOPS event.
 *
 * @example
 * ```ts
 * const type: EopsEventType = 'certificate.request';
 * ```
 */
export type EopsEventType = EopsEvent['type'];

/**
 * Every officer-year event type (the events the centre forwards to an officer's year), in the order of the
 * Standards. The type test pins it to `EopsOfficerEvent['type']`.
 *
 * @example
 * ```ts
 * EOPS_OFFICER_EVENT_TYPES.includes('standards.declare'); // true
 * ```
 */
export const EOPS_OFFICER_EVENT_TYPES = [
  'target.agree',
  'target.confirm',
  'target.mark',
  'valuesAndAttributes.sign',
  'meeting.record',
  'meetings.plan',
  'induction.complete',
  'certificate.request',
  'standards.declare',
] as const satisfies readonly EopsEventType[];

/**
 * Every EOPS event type, in the order of the process.
 *
 * @example
 * ```ts
 * EOPS_EVENT_TYPES.includes('standards.declare'); // true
 * ```
 */
export const EOPS_EVENT_TYPES = [
  'centre.register',
  'account.register',
  'account.approve',
  'account.grantAdmin',
  'account.revokeAdmin',
  'account.deactivate',
  'account.activate',
  'account.update',
  'account.delete',
  'officer.register',
  ...EOPS_OFFICER_EVENT_TYPES,
  'year.rollover',
] as const satisfies readonly EopsEventType[];

const text = z.string().refine((s) => s.trim().length > 0, 'must not be blank');
const ids = <T extends readonly { readonly id: string }[]>(list: T) => list.map((x) => x.id) as unknown as [T[number]['id'], ...T[number]['id'][]];

const stamp = {
  at: instantSchema,
  by: z.object({ id: text, role: z.union([staffRoleSchema, z.literal('candidate'), z.literal('system')]).optional() }),
};
const userSchema = z.object({ id: text, name: text, email: z.email().optional(), roles: z.array(z.enum(EOPS_ROLES)).min(1) });
const targetBase = {
  id: text,
  ownArea: text.optional(),
  description: text,
  methods: z.array(z.enum(ids(EOPS_ACHIEVEMENT_METHODS))).min(1),
  otherMethod: text.optional(),
  successMeasure: text,
  dueBy: calendarDateSchema,
};
const targetSchema = z.discriminatedUnion('strand', [
  z.object({ strand: z.literal('knowledge_and_understanding'), area: z.enum(ids(EOPS_KNOWLEDGE_AREAS)), ...targetBase }),
  z.object({ strand: z.literal('key_skills'), area: z.enum(ids(EOPS_KEY_SKILL_AREAS)), ...targetBase }),
]);
const meetingSchema = z.object({ heldOn: calendarDateSchema, kind: z.enum(EOPS_MEETING_KINDS).optional(), progress: text, wentWell: text, notSoWell: text, nextFocus: text });
const scheduledSchema = z.object({
  date: calendarDateSchema,
  kind: z.enum(EOPS_MEETING_KINDS),
  halfTerm: text,
});
const inductionTemplateSchema = z.object({
  id: text,
  period: z.enum(['first_week', 'first_month', 'first_three_months']),
  title: text,
  source: text,
  fulfilledBy: z.enum(['registration', 'values_and_attributes', ...EOPS_MEETING_KINDS.map((k) => `meeting:${k}` as const)]).optional(),
});
const changesSchema = z
  .object({ name: text.optional(), email: z.email().nullable().optional(), roles: z.array(z.enum(EOPS_ROLES)).min(1).optional() })
  .refine((c) => c.name !== undefined || c.email !== undefined || c.roles !== undefined, 'at least one of name, email, roles');
const account = { accountId: text };
const officer = { officerId: text };

/**
 * The run-time schema of {@link EopsEvent}: the machine checks every event against it before its rules.
 *
 * @example
 * ```ts
 * declare const body: string;
 * declare const actor: EopsActor;
 * const parsed = eopsEventSchema.safeParse(JSON.parse(body));
 * if (parsed.success) actor.send(parsed.data as EopsEvent);
 * ```
 */
export const eopsEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('centre.register'), ...stamp, centre: z.object({ centreNumber: centreNumberSchema, name: text }), user: userSchema }),
  z.object({ type: z.literal('account.register'), ...stamp, user: userSchema }),
  z.object({ type: z.literal('account.approve'), ...stamp, ...account, admin: z.boolean().optional() }),
  z.object({ type: z.literal('account.grantAdmin'), ...stamp, ...account }),
  z.object({ type: z.literal('account.revokeAdmin'), ...stamp, ...account }),
  z.object({ type: z.literal('account.deactivate'), ...stamp, ...account }),
  z.object({ type: z.literal('account.activate'), ...stamp, ...account }),
  z.object({ type: z.literal('account.update'), ...stamp, ...account, changes: changesSchema }),
  z.object({ type: z.literal('account.delete'), ...stamp, ...account }),
  z.object({
    type: z.literal('officer.register'),
    ...stamp,
    ...officer,
    experience: z.enum(['new', 'new_to_centre', 'experienced']),
    startedOn: calendarDateSchema.optional(),
    induction: z.array(inductionTemplateSchema).optional(),
  }),
  z.object({ type: z.literal('target.agree'), ...stamp, ...officer, target: targetSchema }),
  z.object({ type: z.literal('target.confirm'), ...stamp, ...officer, targetId: text }),
  z.object({ type: z.literal('target.mark'), ...stamp, ...officer, targetId: text, status: z.enum(['open', 'achieved', 'not_applicable']), note: text.optional() }),
  z.object({ type: z.literal('valuesAndAttributes.sign'), ...stamp, ...officer }),
  z.object({ type: z.literal('meeting.record'), ...stamp, ...officer, meeting: meetingSchema }),
  z.object({ type: z.literal('meetings.plan'), ...stamp, ...officer, schedule: z.array(scheduledSchema) }),
  z.object({ type: z.literal('induction.complete'), ...stamp, ...officer, itemId: text }),
  z.object({ type: z.literal('certificate.request'), ...stamp, ...officer }),
  z.object({ type: z.literal('standards.declare'), ...stamp, ...officer }),
  z.object({ type: z.literal('year.rollover'), ...stamp }),
]);
