/**
 * One exams officer's year of the Standards as a statechart: one actor per officer per academic year,
 * spawned by the centre's actor ({@link eopsMachine}) when the officer is registered for the year. Its states
 * are the toolkit's steps (seed 001, "Easy to follow guide to achievement and certification"):
 *
 * - `inProgress`, two regions that run side by side through the year:
 *   - `targets`: `toAgree` ("Senior leader/line manager and exams officer meet to agree targets") →
 *     `agreed` (every target agreed by both, in both strands) → `achieved` (Knowledge & Understanding and Key
 *     Skills complete: the tracker's ticks);
 *   - `valuesAndAttributes`: `unsigned` → `statementSigned` (by the exams officer) → `agreed` (countersigned
 *     by a senior leader / line manager);
 * - `certificateRequested` ("you are ready to request your Certificate of Achievement");
 * - `certified` (the SLT declaration: "Senior leader/line manager authorises the Certificate of Achievement
 *   by declaring that the exams officer has achieved the Standards");
 * - `lapsed` (the academic year ended; "achieving the Standards each academic year").
 *
 * Events change the record through `assign`; the regions follow the record through eventless transitions
 * guarded by what the record shows, so the state is always the record's step. Every transition's guard is
 * `and` of named guards from {@link OFFICER_YEAR_GUARDS}, and a refused event's reason is read from the first
 * of those guards that failed. The centre's rules (accounts, roles, the pack's authority) have passed before
 * an event reaches here; this chart holds only the Standards' own rules. Every forwarded event is reported to
 * the centre (`officerYear.report`), which writes the audit line.
 */
import { enqueueActions, not, setup, type SnapshotFrom } from 'xstate';
import type { Refusal } from '../audit/eventStamp.js';
import { applyRecordEvent } from './applyEopsEvent.js';
import type { EopsRecord } from './eopsContext.js';
import type { EopsOfficerEvent, EopsOfficerYearEvent, EopsOfficerYearReport } from './eopsOfficerYearEvents.js';
import { OFFICER_YEAR_GUARDS, type OfficerYearGuard, type OfficerYearGuardArgs } from './eopsOfficerYearGuards.js';
import { eopsProgress } from './eopsProgress.js';
import { allOf, firstRefusal, guardsOf, type GuardCheck } from './eopsRefusal.js';

/**
 * The steps of an officer's year, as the audit log names them.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const step: EopsOfficerYearStep = 'certificateRequested';
 * actor.getSnapshot().context.officerYears.filter((y) => y.step === step);
 * ```
 */
export type EopsOfficerYearStep = 'inProgress' | 'certificateRequested' | 'certified' | 'lapsed';

/**
 * What an officer-year actor is started with.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const input: EopsOfficerYearInput = { record };
 * createActor(eopsOfficerYearMachine, { input }).start();
 * ```
 */
export interface EopsOfficerYearInput {
  /** The officer's new record for the year. */
  readonly record: EopsRecord;
}

type Check = GuardCheck<OfficerYearGuard>;

/** Where the year stands for the region guards. */
function strandsAgreed(r: EopsRecord): boolean {
  const has = (strand: string) => r.targets.some((t) => t.strand === strand);
  return has('knowledge_and_understanding') && has('key_skills') && r.targets.every((t) => t.confirmedBy !== null);
}
function strandsAchieved(r: EopsRecord): boolean {
  const p = eopsProgress(r);
  return p.knowledgeAndUnderstanding && p.keySkills;
}

/**
 * The step an officer-year's state value is in (its top-level state).
 *
 * @param value - an officer-year snapshot's `value`
 * @example
 * ```ts
 * eopsOfficerYearStep({ inProgress: { targets: 'agreed', valuesAndAttributes: 'unsigned' } }); // 'inProgress'
 * ```
 */
export function eopsOfficerYearStep(value: unknown): EopsOfficerYearStep {
  const key = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? Object.keys(value)[0] : undefined;
  return key === 'certificateRequested' || key === 'certified' || key === 'lapsed' ? key : 'inProgress';
}

/**
 * The state value an officer-year is in for a record: what the chart reaches from the record's fields (used
 * to bring records of snapshot version 2 into their own actors, and to check restored snapshots).
 *
 * @param record - an officer's record for a year
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * eopsOfficerYearValue(record); // { inProgress: { targets: 'toAgree', valuesAndAttributes: 'statementSigned' } }
 * ```
 */
export function eopsOfficerYearValue(record: EopsRecord): EopsOfficerYearStep | { readonly inProgress: { readonly targets: string; readonly valuesAndAttributes: string } } {
  if (record.lapsedAt !== null) return 'lapsed';
  if (record.certificate !== null) return 'certified';
  if (record.certificateRequest !== null && eopsProgress(record).missing.length === 0) return 'certificateRequested';
  const { statement, agreement } = record.valuesAndAttributes;
  return {
    inProgress: {
      targets: strandsAchieved(record) ? 'achieved' : strandsAgreed(record) ? 'agreed' : 'toAgree',
      valuesAndAttributes: agreement !== null ? 'agreed' : statement !== null ? 'statementSigned' : 'unsigned',
    },
  };
}

/** The step of a record, for the audit line's `from` (the record and the state agree). */
function stepOfRecord(record: EopsRecord): EopsOfficerYearStep {
  return eopsOfficerYearStep(eopsOfficerYearValue(record));
}

/** The event as the host sent it: without what the centre added. */
function original(event: EopsOfficerYearEvent): EopsOfficerEvent {
  const { senderName: _s, centreName: _c, ...rest } = event as EopsOfficerYearEvent & { senderName?: string; centreName?: string };
  return rest as EopsOfficerEvent;
}

/** A guarded transition and, when its guard fails, the refusal of the first check that failed. */
function guarded(checks: readonly Check[], then: { readonly target?: string } = {}) {
  return [
    { guard: allOf(checks), ...then, actions: { type: 'accept' as const } },
    { actions: { type: 'refuse' as const, params: { checks } } },
  ];
}

/** A refusal in a state where the step itself rules the event out: the first failing check says why. */
function refused(checks: readonly Check[]) {
  return { actions: { type: 'refuse' as const, params: { checks } } };
}

const NEW_TARGET: readonly Check[] = ['targetIdIsNew', 'ownAreaNamedWhenOwn', 'otherMethodNamedWhenOther', 'methodsListedOnce', 'targetDueWithinYear'];
const CONFIRM: readonly Check[] = ['targetExists', 'targetAwaitingAgreement', 'targetsAgreedTogether'];
const MARK: readonly Check[] = ['targetExists', 'targetAgreedByBoth', 'markChangesStatus'];
const COUNTERSIGN: readonly Check[] = [{ not: 'signedByOfficer' }, 'agreementNotYetCountersigned'];
const DECLARE: readonly Check[] = ['officerNotDeclaringOwnStandards', 'declaredBySeniorLeader', 'everyCriterionMet'];

/**
 * The officer-year machine (id `eopsOfficerYear`, snapshot version 1). The centre's actor spawns one per
 * officer per academic year (child id `officerYear:<officerId>:<academicYear>`); a host reads it through the
 * centre ({@link eopsRecords}) and never sends to it directly.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const year = createActor(eopsOfficerYearMachine, { input: { record } }).start();
 * year.getSnapshot().value; // { inProgress: { targets: 'toAgree', valuesAndAttributes: 'unsigned' } }
 * ```
 */
export const eopsOfficerYearMachine = setup({
  types: {
    context: {} as EopsRecord,
    events: {} as EopsOfficerYearEvent,
    input: {} as EopsOfficerYearInput,
  },
  guards: {
    ...guardsOf(OFFICER_YEAR_GUARDS),
    /** Both strands have targets and every target is agreed by the exams officer and a senior leader / line manager. */
    everyTargetAgreed: ({ context }: { context: EopsRecord }) => strandsAgreed(context),
    /** Knowledge & Understanding and Key Skills are complete (the tracker's two ticks). */
    everyStrandAchieved: ({ context }: { context: EopsRecord }) => strandsAchieved(context),
    /** The exams officer has signed the Values & Attributes statement. */
    statementSigned: ({ context }: { context: EopsRecord }) => context.valuesAndAttributes.statement !== null,
    /** A senior leader / line manager has countersigned it (the Values & Attributes agreement). */
    agreementCountersigned: ({ context }: { context: EopsRecord }) => context.valuesAndAttributes.agreement !== null,
  },
  actions: {
    /** Applies a forwarded event to the record and reports it accepted to the centre. */
    accept: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'officer.rename' || event.type === 'year.rollover') return;
      enqueue.assign(applyRecordEvent(context, event));
      enqueue({ type: 'report', params: { from: stepOfRecord(context) } } as never);
    }),
    /** Reports a refused event to the centre with the refusal of the first check that failed. */
    refuse: enqueueActions(({ context, event, enqueue, check }, params: { checks: readonly Check[] }) => {
      if (event.type === 'officer.rename' || event.type === 'year.rollover') return;
      // The guards are evaluated as the machine has them (`check`), so one replaced with `.provide()` decides the reason too.
      const refusal: Refusal = firstRefusal(OFFICER_YEAR_GUARDS, params.checks, { context, event } satisfies OfficerYearGuardArgs, (name) => check(name as never)) ?? {
        code: 'event_rejected',
        reason: `"${event.type}" is not taken at this step (${stepOfRecord(context)})`,
      };
      enqueue({ type: 'report', params: { from: stepOfRecord(context), refusal } } as never);
    }),
    /**
     * Tells the centre what became of a forwarded event (`officerYear.report`): accepted, or refused and why.
     * An officer-year run on its own (a diagram, a test) provides a no-op instead.
     */
    report: enqueueActions(({ event, enqueue, self }, params: { from: EopsOfficerYearStep; refusal?: Refusal }) => {
      if (event.type === 'officer.rename' || event.type === 'year.rollover') return;
      const base = { type: 'officerYear.report' as const, officerYearId: self.id, event: original(event), from: params.from };
      const report: EopsOfficerYearReport = params.refusal ? { ...base, outcome: 'rejected', refusal: params.refusal } : { ...base, outcome: 'accepted' };
      enqueue.sendParent(report);
    }),
    /** The officer's name changed at the centre: the open record carries it. */
    rename: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'officer.rename') enqueue.assign({ officerName: event.name });
    }),
    /** The year ended: the record lapses (silently: the centre's rollover line records it). */
    lapse: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'year.rollover') enqueue.assign({ lapsedAt: event.at });
    }),
  },
}).createMachine({
  id: 'eopsOfficerYear',
  version: '1',
  context: ({ input }) => input.record,
  initial: 'inProgress',
  on: {
    // "meet on a regular basis to discuss progress against targets": meetings, the schedule and induction
    // go on all year, before and after the certificate.
    'meeting.record': guarded(['meetingHeldWithinYear', 'meetingAlreadyHeld']),
    'meetings.plan': guarded(['scheduleWithinYear', 'scheduleInDateOrder']),
    'induction.complete': guarded(['inductionItemExists', 'inductionItemOpen']),
    'officer.rename': { guard: 'recordOpen', actions: 'rename' },
    'year.rollover': { target: '.lapsed', actions: 'lapse' },
  },
  states: {
    inProgress: {
      type: 'parallel',
      on: {
        'target.agree': guarded(NEW_TARGET),
        'target.confirm': guarded(CONFIRM),
        'target.mark': guarded(MARK),
        'certificate.request': guarded(['requestedAsExamsOfficer', 'everyCriterionMet'], { target: 'certificateRequested' }),
        'standards.declare': refused([...DECLARE, 'certificateRequested']),
      },
      states: {
        targets: {
          initial: 'toAgree',
          states: {
            toAgree: {
              always: [
                { guard: 'everyStrandAchieved', target: 'achieved' },
                { guard: 'everyTargetAgreed', target: 'agreed' },
              ],
            },
            agreed: {
              always: [
                { guard: 'everyStrandAchieved', target: 'achieved' },
                { guard: not('everyTargetAgreed'), target: 'toAgree' },
              ],
            },
            achieved: {
              always: [
                { guard: not('everyTargetAgreed'), target: 'toAgree' },
                { guard: not('everyStrandAchieved'), target: 'agreed' },
              ],
            },
          },
        },
        valuesAndAttributes: {
          initial: 'unsigned',
          states: {
            unsigned: {
              always: [
                { guard: 'agreementCountersigned', target: 'agreed' },
                { guard: 'statementSigned', target: 'statementSigned' },
              ],
              on: { 'valuesAndAttributes.sign': guarded(['signedByOfficer', 'officerSignsAsExamsOfficer']) },
            },
            statementSigned: {
              always: { guard: 'agreementCountersigned', target: 'agreed' },
              on: { 'valuesAndAttributes.sign': guarded(COUNTERSIGN) },
            },
            agreed: {
              on: { 'valuesAndAttributes.sign': refused(COUNTERSIGN) },
            },
          },
        },
      },
    },
    certificateRequested: {
      on: {
        // A new target reopens the year: the request no longer stands.
        'target.agree': guarded(NEW_TARGET, { target: 'inProgress' }),
        'target.confirm': guarded(CONFIRM),
        'target.mark': [
          { guard: allOf([...MARK, 'markKeepsEveryCriterionMet']), actions: { type: 'accept' } },
          // A mark that leaves a criterion unmet (a target reopened, say) withdraws the request.
          ...guarded(MARK, { target: 'inProgress' }),
        ],
        'valuesAndAttributes.sign': refused(COUNTERSIGN),
        'certificate.request': refused([{ not: 'certificateRequested' }]),
        'standards.declare': guarded(DECLARE, { target: 'certified' }),
      },
    },
    certified: {
      on: {
        'target.agree': refused(['recordOpen']),
        'target.confirm': refused(['recordOpen']),
        'target.mark': refused(['recordOpen']),
        'valuesAndAttributes.sign': refused(['recordOpen']),
        'certificate.request': refused(['recordOpen']),
        'standards.declare': refused(['officerNotDeclaringOwnStandards', 'declaredBySeniorLeader', 'notYetCertified']),
      },
    },
    lapsed: {
      on: { '*': refused(['yearCurrent']) },
    },
  },
});

/**
 * A snapshot of an officer-year actor.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const snapshot: EopsOfficerYearSnapshot = createActor(eopsOfficerYearMachine, { input: { record } }).start().getSnapshot();
 * snapshot.context.officerName; // 'Amber Giles'
 * ```
 */
export type EopsOfficerYearSnapshot = SnapshotFrom<typeof eopsOfficerYearMachine>;
