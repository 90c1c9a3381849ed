/**
 * The guard table of one exams officer's year of the Standards: one named guard per rule, in the toolkit's
 * words ("An exams officer and senior leader must agree the areas, and the relevant targets"; "you and your
 * senior leader must have signed the Values and Attributes Statement"; "Achievement of the Standards must be
 * authorised by a senior leader/line manager"), each with the refusal it gives when a transition needed it
 * and it failed. The officer-year chart ({@link eopsOfficerYearMachine}) names them in its transitions;
 * `firstRefusal` reads the same names back for the reason. Sources: EOPS toolkit (seed 001) and the
 * registration page (seed 004).
 *
 * @internal
 */
import type { Refusal } from '../audit/eventStamp.js';
import { isoDate, academicYearBounds, toLondon, type AcademicYear, type CalendarDate } from '../time/clock.js';
import { EOPS_LEADER_ROLES, type EopsRecord, type EopsTarget } from './eopsContext.js';
import type { EopsOfficerYearEvent } from './eopsOfficerYearEvents.js';
import { eopsProgress } from './eopsProgress.js';
import type { GuardTable } from './eopsRefusal.js';

/** What an officer-year guard sees. @internal */
export interface OfficerYearGuardArgs {
  readonly context: EopsRecord;
  readonly event: EopsOfficerYearEvent;
}

const LEADERS: readonly string[] = EOPS_LEADER_ROLES;

function withinYear(date: CalendarDate, year: AcademicYear): boolean {
  const { start, end } = academicYearBounds(year);
  return date >= start && date <= end;
}

/** The event's field, when it has it. */
function field<K extends string>(event: EopsOfficerYearEvent, key: K): unknown {
  return (event as unknown as Record<string, unknown>)[key];
}

function targetOf({ context, event }: OfficerYearGuardArgs): EopsTarget | undefined {
  const id = field(event, 'targetId');
  return context.targets.find((t) => t.id === id);
}

function newTarget(event: EopsOfficerYearEvent) {
  return event.type === 'target.agree' ? event.target : undefined;
}

function byOfficer({ context, event }: OfficerYearGuardArgs): boolean {
  return 'by' in event && event.by.id === context.officerId;
}

const role = (event: EopsOfficerYearEvent): string => ('by' in event ? (event.by.role ?? '') : '');
const words = (s: string) => s.replace(/_/g, ' ');

const reject = (code: Refusal['code'], reason: string, rule?: string): Refusal => (rule ? { code, reason, rule } : { code, reason });

/** The record as it would be after a target is marked (for the guard that keeps a certificate request standing). */
function afterMark({ context, event }: OfficerYearGuardArgs): EopsRecord {
  if (event.type !== 'target.mark') return context;
  return { ...context, targets: context.targets.map((t) => (t.id === event.targetId ? { ...t, status: event.status } : t)) };
}

/**
 * The officer-year guard table.
 *
 * @internal
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * declare const event: EopsOfficerYearEvent;
 * OFFICER_YEAR_GUARDS.targetsAgreedTogether.test({ context: record, event });
 * ```
 */
export const OFFICER_YEAR_GUARDS = {
  // --- targets: "An exams officer and senior leader must agree the areas, and the relevant targets"
  targetIdIsNew: {
    test: (a: OfficerYearGuardArgs) => !a.context.targets.some((t) => t.id === newTarget(a.event)?.id),
    refusal: (a: OfficerYearGuardArgs) => reject('invalid_value', `A target "${newTarget(a.event)?.id}" already exists for ${a.context.officerName} in ${a.context.academicYear}`),
  },
  ownAreaNamedWhenOwn: {
    test: (a: OfficerYearGuardArgs) => {
      const t = newTarget(a.event);
      return !t || (t.area === 'own') === (t.ownArea !== undefined);
    },
    refusal: (a: OfficerYearGuardArgs) =>
      newTarget(a.event)?.area === 'own'
        ? reject('invalid_value', 'A target in their own area must name the area (ownArea)')
        : reject('invalid_value', `ownArea is only for a target in their own area, not "${newTarget(a.event)?.area}"`),
  },
  otherMethodNamedWhenOther: {
    test: (a: OfficerYearGuardArgs) => {
      const t = newTarget(a.event);
      return !t || t.methods.includes('other') === (t.otherMethod !== undefined);
    },
    refusal: (a: OfficerYearGuardArgs) =>
      newTarget(a.event)?.methods.includes('other')
        ? reject('invalid_value', 'A target achieved by another method must name it (otherMethod)')
        : reject('invalid_value', 'otherMethod is only for a target whose methods include "other"'),
  },
  methodsListedOnce: {
    test: (a: OfficerYearGuardArgs) => {
      const t = newTarget(a.event);
      return !t || new Set(t.methods).size === t.methods.length;
    },
    refusal: () => reject('invalid_value', 'A method is listed twice'),
  },
  targetDueWithinYear: {
    test: (a: OfficerYearGuardArgs) => {
      const t = newTarget(a.event);
      return !t || withinYear(t.dueBy, a.context.academicYear);
    },
    refusal: (a: OfficerYearGuardArgs) => reject('invalid_value', `The target is due by ${newTarget(a.event)?.dueBy}, outside the ${a.context.academicYear} academic year`),
  },
  targetExists: {
    test: (a: OfficerYearGuardArgs) => targetOf(a) !== undefined,
    refusal: (a: OfficerYearGuardArgs) => reject('invalid_value', `No target "${String(field(a.event, 'targetId'))}" for ${a.context.officerName} in ${a.context.academicYear}`),
  },
  targetAwaitingAgreement: {
    test: (a: OfficerYearGuardArgs) => targetOf(a)?.confirmedBy === null,
    refusal: (a: OfficerYearGuardArgs) => reject('guard_failed', `Target "${targetOf(a)?.id}" is already agreed by both sides`, 'eops.targets-agreed-together'),
  },
  /** The target is confirmed by the other side: the officer confirms a leader's proposal (as the exams officer), a leader the officer's. */
  targetsAgreedTogether: {
    test: (a: OfficerYearGuardArgs) => {
      const t = targetOf(a);
      if (!t) return false;
      const proposedByOfficer = t.agreedBy.id === a.context.officerId;
      return proposedByOfficer ? !byOfficer(a) : byOfficer(a) && role(a.event) === 'exams_officer';
    },
    refusal: (a: OfficerYearGuardArgs) => {
      const t = targetOf(a);
      const proposedByOfficer = t?.agreedBy.id === a.context.officerId;
      const name = a.context.officerName;
      if (proposedByOfficer === byOfficer(a)) {
        const proposer = proposedByOfficer ? 'the officer' : 'a senior leader / line manager';
        const other = proposedByOfficer ? 'a senior leader / line manager' : name;
        return reject('not_authorised', `The exams officer and senior leader must agree: target "${t?.id}" was proposed by ${proposer}, so ${other} confirms it`, 'eops.targets-agreed-together');
      }
      return reject('not_authorised', `${name} confirms the target as the exams officer`, 'eops.targets-agreed-together');
    },
  },
  targetAgreedByBoth: {
    test: (a: OfficerYearGuardArgs) => (targetOf(a)?.confirmedBy ?? null) !== null,
    refusal: (a: OfficerYearGuardArgs) =>
      reject('guard_failed', `Target "${targetOf(a)?.id}" is not yet agreed by both the exams officer and a senior leader / line manager`, 'eops.targets-agreed-together'),
  },
  markChangesStatus: {
    test: (a: OfficerYearGuardArgs) => a.event.type === 'target.mark' && targetOf(a)?.status !== a.event.status,
    refusal: (a: OfficerYearGuardArgs) => reject('guard_failed', `Target "${targetOf(a)?.id}" is already ${words(String(field(a.event, 'status')))}`),
  },
  /** After the mark, every criterion is still met (otherwise a certificate request no longer stands). */
  markKeepsEveryCriterionMet: {
    test: (a: OfficerYearGuardArgs) => eopsProgress(afterMark(a)).missing.length === 0,
    refusal: (a: OfficerYearGuardArgs) => reject('guard_failed', `After the mark: ${eopsProgress(afterMark(a)).missing.join('; ')}`, 'eops.certificate-criteria'),
  },
  // --- Values & Attributes: "you and your senior leader must have signed the Values and Attributes Statement"
  signedByOfficer: {
    test: byOfficer,
    refusal: (a: OfficerYearGuardArgs) =>
      reject('guard_failed', `${a.context.officerName} signs the Values & Attributes statement first; the senior leader / line manager then countersigns it`, 'eops.values-and-attributes'),
    refusalWhenTrue: (a: OfficerYearGuardArgs) =>
      role(a.event) === 'exams_officer'
        ? reject('guard_failed', `${a.context.officerName} has already signed the Values & Attributes statement`, 'eops.values-and-attributes')
        : reject('not_authorised', `${a.context.officerName} signs the statement as the exams officer and cannot countersign it as a senior leader / line manager`, 'eops.values-and-attributes'),
  },
  officerSignsAsExamsOfficer: {
    test: (a: OfficerYearGuardArgs) => role(a.event) === 'exams_officer',
    refusal: (a: OfficerYearGuardArgs) =>
      reject('not_authorised', `${a.context.officerName} signs the statement as the exams officer and cannot countersign it as a senior leader / line manager`, 'eops.values-and-attributes'),
  },
  agreementNotYetCountersigned: {
    test: (a: OfficerYearGuardArgs) => a.context.valuesAndAttributes.agreement === null,
    refusal: (a: OfficerYearGuardArgs) => reject('guard_failed', `The Values & Attributes agreement is already countersigned by ${a.context.valuesAndAttributes.agreement?.name}`, 'eops.values-and-attributes'),
  },
  // --- meetings and induction: "meet on a regular basis to discuss progress against targets"
  meetingHeldWithinYear: {
    test: (a: OfficerYearGuardArgs) => a.event.type !== 'meeting.record' || withinYear(a.event.meeting.heldOn, a.context.academicYear),
    refusal: (a: OfficerYearGuardArgs) => reject('invalid_value', `The meeting on ${String((field(a.event, 'meeting') as { heldOn?: string } | undefined)?.heldOn)} is outside the ${a.context.academicYear} academic year`),
  },
  meetingAlreadyHeld: {
    test: (a: OfficerYearGuardArgs) => a.event.type !== 'meeting.record' || a.event.meeting.heldOn <= isoDate(toLondon(a.event.at)),
    refusal: (a: OfficerYearGuardArgs) => {
      const e = a.event as Extract<EopsOfficerYearEvent, { type: 'meeting.record' }>;
      return reject('invalid_value', `A meeting on ${e.meeting.heldOn} cannot be recorded on ${toLondon(e.at).toISODate()}, before it is held`);
    },
  },
  scheduleWithinYear: {
    test: (a: OfficerYearGuardArgs) => a.event.type !== 'meetings.plan' || a.event.schedule.every((m) => withinYear(m.date, a.context.academicYear)),
    refusal: (a: OfficerYearGuardArgs) => {
      const e = a.event as Extract<EopsOfficerYearEvent, { type: 'meetings.plan' }>;
      const outside = e.schedule.find((m) => !withinYear(m.date, a.context.academicYear));
      return reject('invalid_value', `The scheduled meeting on ${outside?.date} is outside the ${a.context.academicYear} academic year`);
    },
  },
  scheduleInDateOrder: {
    test: (a: OfficerYearGuardArgs) => a.event.type !== 'meetings.plan' || a.event.schedule.every((m, i, s) => i === 0 || m.date > s[i - 1]!.date),
    refusal: (a: OfficerYearGuardArgs) => {
      const e = a.event as Extract<EopsOfficerYearEvent, { type: 'meetings.plan' }>;
      const i = e.schedule.findIndex((m, k) => k > 0 && m.date <= e.schedule[k - 1]!.date);
      return reject('invalid_value', `The schedule must be in date order without repeats (at ${e.schedule[i]?.date})`);
    },
  },
  inductionItemExists: {
    test: (a: OfficerYearGuardArgs) => a.context.induction.some((i) => i.id === field(a.event, 'itemId')),
    refusal: (a: OfficerYearGuardArgs) =>
      reject('invalid_value', `No induction item "${String(field(a.event, 'itemId'))}" for ${a.context.officerName}${a.context.induction.length ? '' : ' (only new exams officers have an induction checklist)'}`),
  },
  inductionItemOpen: {
    test: (a: OfficerYearGuardArgs) => a.context.induction.some((i) => i.id === field(a.event, 'itemId') && i.completedAt === null),
    refusal: (a: OfficerYearGuardArgs) => reject('guard_failed', `Induction item "${String(field(a.event, 'itemId'))}" is already complete`),
  },
  // --- the certificate: "you are ready to request your Certificate of Achievement"
  requestedAsExamsOfficer: {
    test: (a: OfficerYearGuardArgs) => !byOfficer(a) || role(a.event) === 'exams_officer',
    refusal: (a: OfficerYearGuardArgs) => reject('not_authorised', `${a.context.officerName} requests their certificate as the exams officer`, 'eops.certificate-request'),
  },
  everyCriterionMet: {
    test: (a: OfficerYearGuardArgs) => eopsProgress(a.context).missing.length === 0,
    refusal: (a: OfficerYearGuardArgs) =>
      a.event.type === 'standards.declare'
        ? reject('guard_failed', `The certificate needs every criterion complete: ${eopsProgress(a.context).missing.join('; ')}`, 'eops.certificate-criteria')
        : reject('guard_failed', `The certificate is requested when every criterion is met: ${eopsProgress(a.context).missing.join('; ')}`, 'eops.certificate-criteria'),
  },
  certificateRequested: {
    test: (a: OfficerYearGuardArgs) => a.context.certificateRequest !== null,
    refusal: (a: OfficerYearGuardArgs) =>
      reject('guard_failed', `${a.context.officerName}'s certificate has not been requested yet: it is requested before the SLT declaration`, 'eops.certificate-request'),
    refusalWhenTrue: (a: OfficerYearGuardArgs) =>
      reject('guard_failed', `${a.context.officerName}'s certificate was already requested by ${a.context.certificateRequest?.name}`, 'eops.certificate-request'),
  },
  // --- the SLT declaration: "Senior leader/line manager authorises the Certificate of Achievement by declaring
  //     that the exams officer has achieved the Standards"
  officerNotDeclaringOwnStandards: {
    test: (a: OfficerYearGuardArgs) => !byOfficer(a),
    refusal: () => reject('not_authorised', 'An exams officer never makes the SLT declaration for their own Standards, whatever other role they hold', 'eops.slt-declaration'),
  },
  declaredBySeniorLeader: {
    test: (a: OfficerYearGuardArgs) => LEADERS.includes(role(a.event)),
    refusal: () => reject('not_authorised', 'Only a senior leader or line manager makes the SLT declaration', 'eops.slt-declaration'),
  },
  // --- state refusals (the transition does not exist in this state; the guard names why)
  recordOpen: {
    test: (a: OfficerYearGuardArgs) => a.context.certificate === null,
    refusal: (a: OfficerYearGuardArgs) => reject('guard_failed', `${a.context.officerName}'s Standards for ${a.context.academicYear} are certified: the record is closed`, 'eops.certified'),
  },
  notYetCertified: {
    test: (a: OfficerYearGuardArgs) => a.context.certificate === null,
    refusal: (a: OfficerYearGuardArgs) => reject('guard_failed', `${a.context.officerName}'s Standards for ${a.context.academicYear} are already certified`, 'eops.certified'),
  },
  yearCurrent: {
    test: (a: OfficerYearGuardArgs) => a.context.lapsedAt === null,
    refusal: (a: OfficerYearGuardArgs) => reject('deadline_passed', `${a.context.officerName}'s Standards for ${a.context.academicYear} lapsed when the year ended`, 'eops.renewal'),
  },
} as const satisfies GuardTable<string, OfficerYearGuardArgs>;

/** The name of an officer-year guard. @internal */
export type OfficerYearGuard = keyof typeof OFFICER_YEAR_GUARDS;
