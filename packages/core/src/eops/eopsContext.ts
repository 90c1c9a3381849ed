/**
 * The data the EOPS machines keep, as plain JSON (it persists with the snapshot): the centre's accounts (who
 * may sign in, who administers) and grants in the centre's actor, and one record per exams officer per
 * academic year (the targets, the two Values & Attributes signatures, the meetings, the induction checklist,
 * the SLT declaration and the certificate) in that officer-year's own actor. The audit trail is
 * not kept here: the machine emits each line (`{ type: 'audit', line }`) for the store's append-only log.
 */
import type { Actor } from '../audit/auditTrail.js';
import type { RoleGrants } from '../rules/authority.js';
import type { AcademicYear, CalendarDate, Instant } from '../time/clock.js';
import type { EopsAchievementMethod, EopsKeySkillArea, EopsKnowledgeArea } from './eopsAreas.js';

/**
 * The roles a person can hold on the Standards' platform: senior leader, line manager, exams officer
 * (one person may hold several, e.g. a senior leader who is also the exams officer).
 *
 * @example
 * ```ts
 * EOPS_ROLES.includes('line_manager'); // true
 * ```
 */
export const EOPS_ROLES = ['senior_leader', 'line_manager', 'exams_officer'] as const;

/**
 * A role on the Standards' platform.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const roles: EopsRole[] = ['exams_officer'];
 * actor.send({ type: 'account.register', user: { id: 'eo-1', name: 'Amber Giles', roles }, at: '2025-09-02T09:05:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * ```
 */
export type EopsRole = (typeof EOPS_ROLES)[number];

/**
 * The roles that may agree the Values & Attributes statement and make the SLT declaration.
 *
 * @example
 * ```ts
 * EOPS_LEADER_ROLES; // ['senior_leader', 'line_manager']
 * ```
 */
export const EOPS_LEADER_ROLES = ['senior_leader', 'line_manager'] as const;

/**
 * A senior leader or line manager role.
 *
 * @example
 * ```ts
 * const countersigner: EopsLeaderRole = 'line_manager';
 * ```
 */
export type EopsLeaderRole = (typeof EOPS_LEADER_ROLES)[number];

/**
 * How experienced an exams officer is: it sets the meeting cadence and whether there is an induction.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const experience: EopsOfficerExperience = 'new_to_centre';
 * actor.send({ type: 'officer.register', officerId: 'eo-2', experience, at: '2025-09-02T09:15:00+01:00', by: { id: 'slt-1', role: 'senior_leader' } });
 * ```
 */
export type EopsOfficerExperience = 'new' | 'new_to_centre' | 'experienced';

/**
 * An account's standing: `pending` has asked to join and waits for an administrator.
 *
 * @example
 * ```ts
 * const status: EopsAccountStatus = 'active';
 * ```
 */
export type EopsAccountStatus = 'pending' | 'active' | 'deactivated';

/**
 * A user of the centre on the Standards' platform.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const pending: EopsAccount[] = actor.getSnapshot().context.accounts.filter((a) => a.status === 'pending');
 * pending.map((a) => `${a.name} (${a.roles.join(', ')})`); // ['Amber Giles (exams_officer)']
 * ```
 */
export interface EopsAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  /** Every role the person holds (at least one). */
  readonly roles: readonly EopsRole[];
  readonly status: EopsAccountStatus;
  /** Whether the account administers the centre (approves, grants rights, deactivates). */
  readonly admin: boolean;
  readonly registeredAt: Instant;
  /** The administrator who last approved, activated or deactivated the account (null for the centre's first user). */
  readonly decidedBy: string | null;
  readonly decidedAt: Instant | null;
}

/**
 * A signature: who signed, in which role, their name, and when.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const agreement: EopsSignature | null = record.valuesAndAttributes.agreement;
 * agreement ? `countersigned by ${agreement.name} on ${agreement.at.slice(0, 10)}` : 'not countersigned';
 * ```
 */
export interface EopsSignature {
  readonly by: Actor;
  readonly name: string;
  readonly at: Instant;
}

/**
 * Where a target stands; the officer marks each one achieved or not applicable during the year.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const status: EopsTargetStatus = 'achieved';
 * actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ku-1', status, at: '2026-03-02T16:00:00Z', by: { id: 'eo-1', role: 'exams_officer' } });
 * ```
 */
export type EopsTargetStatus = 'open' | 'achieved' | 'not_applicable';

interface EopsTargetBase {
  /** Unique within the officer's year, e.g. `ku-1`. */
  readonly id: string;
  /** The officer's own area, when `area` is `own`; null otherwise. */
  readonly ownArea: string | null;
  /** What the officer will do. */
  readonly description: string;
  /** How it will be achieved (at least one). */
  readonly methods: readonly EopsAchievementMethod[];
  /** The other method, when `methods` includes `other`; null otherwise. */
  readonly otherMethod: string | null;
  /** How success (completion) will be measured. */
  readonly successMeasure: string;
  /** By when it should be achieved. */
  readonly dueBy: CalendarDate;
  /** Who proposed the target (the exams officer or a senior leader / line manager), and when. */
  readonly agreedBy: Actor;
  readonly agreedAt: Instant;
  /**
   * The other side's agreement ("the exams officer and senior leader must agree"): a senior leader / line
   * manager when the officer proposed it, the officer when a leader did. Null until then; an unconfirmed
   * target counts as open and cannot be marked.
   */
  readonly confirmedBy: Actor | null;
  readonly confirmedAt: Instant | null;
  readonly status: EopsTargetStatus;
  readonly markedBy: Actor | null;
  readonly markedAt: Instant | null;
  readonly note: string | null;
}

/**
 * A Knowledge & Understanding target.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const knowledge = record.targets.filter((t): t is EopsKnowledgeTarget => t.strand === 'knowledge_and_understanding');
 * knowledge.map((t) => t.area); // ['jcq_regulations']
 * ```
 */
export interface EopsKnowledgeTarget extends EopsTargetBase {
  readonly strand: 'knowledge_and_understanding';
  readonly area: EopsKnowledgeArea;
}

/**
 * A Key Skills target.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const keySkills = record.targets.filter((t): t is EopsKeySkillTarget => t.strand === 'key_skills');
 * keySkills.map((t) => t.area); // ['contingency_planning']
 * ```
 */
export interface EopsKeySkillTarget extends EopsTargetBase {
  readonly strand: 'key_skills';
  readonly area: EopsKeySkillArea;
}

/**
 * A target agreed between the exams officer and their senior leader / line manager.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const open: EopsTarget[] = record.targets.filter((t) => t.status === 'open');
 * open.map((t) => `${t.id}: ${t.description}`);
 * ```
 */
export type EopsTarget = EopsKnowledgeTarget | EopsKeySkillTarget;

/**
 * A review meeting as recorded (the toolkit's progress review: progress, what went well or not, next focus).
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const last: EopsMeeting | undefined = record.meetings.at(-1);
 * last?.heldOn; // '2025-10-24'
 * ```
 */
export interface EopsMeeting {
  readonly heldOn: CalendarDate;
  /** Which meeting it was (a first-week review, the annual appraisal, …), when the host says so; null otherwise. */
  readonly kind: ScheduledMeetingKind | null;
  readonly progress: string;
  readonly wentWell: string;
  readonly notSoWell: string;
  readonly nextFocus: string;
  readonly recordedBy: Actor;
  readonly recordedAt: Instant;
}

/**
 * The kinds of meeting, scheduled or held: the start meeting; the toolkit's case-study reviews of a new
 * officer (end of the first week, the first month, the first term); the early, exam-time, monthly and
 * half-termly reviews; and the annual appraisal ("include an annual appraisal").
 *
 * @example
 * ```ts
 * EOPS_MEETING_KINDS.includes('appraisal'); // true
 * ```
 */
export const EOPS_MEETING_KINDS = ['start', 'first_week', 'first_month', 'first_term', 'early', 'exam_time', 'monthly', 'half_termly', 'appraisal'] as const;

/**
 * Why a meeting is on the schedule (or which one was held).
 *
 * @example
 * ```ts
 * const kind: ScheduledMeetingKind = 'exam_time';
 * ```
 */
export type ScheduledMeetingKind = (typeof EOPS_MEETING_KINDS)[number];

/**
 * A meeting on the schedule (see `meetingSchedule`).
 *
 * @example
 * ```ts
 * const meeting: ScheduledMeeting = { date: '2025-10-24', kind: 'half_termly', halfTerm: 'Autumn 1' };
 * ```
 */
export interface ScheduledMeeting {
  readonly date: CalendarDate;
  readonly kind: ScheduledMeetingKind;
  /** The half term it falls in (its name, or `half term N` counting from 1). */
  readonly halfTerm: string;
}

/**
 * When in a new exams officer's first months an induction item falls.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const period: InductionPeriod = 'first_week';
 * record.induction.filter((i) => i.period === period).length;
 * ```
 */
export type InductionPeriod = 'first_week' | 'first_month' | 'first_three_months';

/**
 * What ticks an induction item on its own: the officer's registration, the Values & Attributes agreement
 * (both signatures), or a meeting of a kind being recorded.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const trigger: InductionTrigger = 'meeting:first_month';
 * tickInduction(record.induction, trigger, { id: 'lm-1', role: 'line_manager' }, '2025-10-01T15:00:00+01:00');
 * ```
 */
export type InductionTrigger = 'registration' | 'values_and_attributes' | `meeting:${ScheduledMeetingKind}`;

/**
 * An item of the new exams officer's induction checklist.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const open: InductionItem[] = record.induction.filter((i) => i.completedAt === null);
 * open.map((i) => `${i.dueOn} ${i.title}`);
 * ```
 */
export interface InductionItem {
  readonly id: string;
  readonly period: InductionPeriod;
  readonly title: string;
  /** The event that ticks it (null: ticked by `induction.complete` only). */
  readonly fulfilledBy: InductionTrigger | null;
  /** The last day of its period. */
  readonly dueOn: CalendarDate;
  readonly source: string;
  readonly completedBy: Actor | null;
  readonly completedAt: Instant | null;
}

/**
 * The SLT declaration that the officer has achieved the Standards.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const declared: EopsDeclaration | null = record.declaration;
 * declared?.name; // 'Nanda Hassan', the senior leader who declared the Standards met
 * ```
 */
export interface EopsDeclaration {
  readonly by: Actor;
  readonly name: string;
  readonly at: Instant;
}

/**
 * The certificate of achievement.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const certificate: EopsCertificate | null = eopsCurrentRecord(actor, 'eo-1')?.certificate ?? null;
 * certificate?.issuedOn; // '2026-07-20'
 * ```
 */
export interface EopsCertificate {
  /** `<centre number>/<officer id>/<academic year>`. */
  readonly id: string;
  readonly officerId: string;
  readonly officerName: string;
  readonly centreNumber: string;
  readonly centreName: string;
  readonly academicYear: AcademicYear;
  /** The London date it was issued. */
  readonly issuedOn: CalendarDate;
  readonly issuedAt: Instant;
  /** The senior leader / line manager who authorised it by making the declaration. */
  readonly authorisedBy: { readonly id: string; readonly name: string; readonly role: EopsLeaderRole };
}

/**
 * One exams officer's Standards for one academic year.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const record: EopsRecord | undefined = eopsCurrentRecord(actor, 'eo-1');
 * record?.targets.length; // targets agreed so far this year
 * ```
 */
export interface EopsRecord {
  readonly officerId: string;
  /** The officer's name when registered for the year. */
  readonly officerName: string;
  readonly centreNumber: string;
  readonly academicYear: AcademicYear;
  readonly experience: EopsOfficerExperience;
  /** The first day in post this year (registration day, or the officer's start date). */
  readonly startedOn: CalendarDate;
  readonly registeredBy: Actor;
  readonly registeredAt: Instant;
  readonly targets: readonly EopsTarget[];
  /** The statement signed by the exams officer, and the agreement countersigned by a senior leader / line manager. */
  readonly valuesAndAttributes: { readonly statement: EopsSignature | null; readonly agreement: EopsSignature | null };
  readonly meetings: readonly EopsMeeting[];
  /** The agreed meeting schedule (empty until planned). */
  readonly schedule: readonly ScheduledMeeting[];
  /** The induction checklist (new exams officers only; empty otherwise). */
  readonly induction: readonly InductionItem[];
  /** The request for the certificate ("ready to request your Certificate"), made once every criterion is met. */
  readonly certificateRequest: EopsSignature | null;
  readonly declaration: EopsDeclaration | null;
  readonly certificate: EopsCertificate | null;
  /** When the academic year ended and the Standards lapsed (null while the year is current). */
  readonly lapsedAt: Instant | null;
}

/**
 * One officer's year at the centre, as the centre knows it: which officer-year actor it has spawned
 * (child id `officerYear:<officerId>:<academicYear>`), the step that actor last reported, and whether the
 * year was certified (a deleted officer's certified years stay).
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const years: readonly EopsOfficerYearEntry[] = actor.getSnapshot().context.officerYears;
 * years.filter((y) => y.academicYear === '2025/26' && y.step === 'inProgress').map((y) => y.officerId);
 * ```
 */
export interface EopsOfficerYearEntry {
  readonly officerId: string;
  readonly academicYear: AcademicYear;
  readonly step: 'inProgress' | 'certificateRequested' | 'certified' | 'lapsed';
  readonly certified: boolean;
}

/**
 * The EOPS centre machine's context: the centre, its accounts, its grants, and the officer-years it runs.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const context: EopsContext = actor.getSnapshot().context;
 * context.centre?.centreNumber; // '99999'
 * context.officerYears.filter((y) => y.certified).length;
 * ```
 */
export interface EopsContext {
  /** The registered centre (null before the first user registers it). */
  readonly centre: { readonly centreNumber: string; readonly name: string } | null;
  /** The current academic year (null before registration). */
  readonly academicYear: AcademicYear | null;
  readonly accounts: readonly EopsAccount[];
  /**
   * Who may take each `eops.*` action, resolved from the rules pack (and the centre's delegations) when the
   * actor started, so a restored actor decides the same way without the pack.
   */
  readonly grants: RoleGrants;
  /**
   * Every officer-year the centre has spawned, every year (earlier years are history); each one's record lives
   * in its own actor (read them with `eopsRecords`). A certified year stays after its officer's account is
   * deleted: the certificate issued is kept.
   */
  readonly officerYears: readonly EopsOfficerYearEntry[];
  /** The instant of the latest event, accepted or rejected (null before any). */
  readonly lastEventAt: Instant | null;
}
