/**
 * The exam cycle of one centre for one series as an xstate v5 statechart with two parallel regions:
 *
 * - `phase` reports where the series stands (planning → entries → preExams → examTime → results →
 *   postResults → certificates → closed). A phase gate waits only for the blocking work that is due by the
 *   time the next phases' work falls due: undated blocking work of this phase (or an earlier one), and dated
 *   blocking work due no later than the first deadline of any later phase. Other dated work is carried
 *   across phases until its own deadline. The cycle cannot leave results while results are outstanding.
 * - `workstreams` runs one region per workstream (planning, access arrangements, entries, coursework marks,
 *   exam rooms, exam time, results, post-results, certificates, the centre's own deadlines): each is
 *   `notOpen` until its first task opens (on a key date, an offset from one, or when the cycle reaches a
 *   phase), `open` while it has open work, and `done` when all its work is closed.
 *
 * Tasks (from the rules pack's catalogue, `pack.cycleTasks(series)`) may be completed once they have opened,
 * in any phase, by the roles the pack grants for `cycle.task.<id>` (resolved at start into the context's
 * `grants`, so a restored cycle decides without the pack). Every guard is one rule in words; a refused
 * event's reason comes from the first guard that failed. Every accepted and refused event is emitted as one
 * audit line (`{ type: 'audit', line }`); the context holds state, not history.
 */
import { and, emit, enqueueActions, setup } from 'xstate';
import { DateTime } from 'luxon';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { instantMillis, rejectionLine, stampRejection, type Refusal } from '../audit/eventStamp.js';
import type { Centre } from '../domain/centre.js';
import type { ExamSeries } from '../domain/series.js';
import { authorise, grantsFor, type Authority, type RoleGrants } from '../rules/authority.js';
import type { KeyDate, RulesPack } from '../rules/RulesPack.js';
import { isoInstant, LONDON, toLondon, type Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { londonIso } from '../time/londonIso.js';
import {
  CYCLE_PHASES,
  CYCLE_WORKSTREAMS,
  defaultWorkstream,
  type CyclePhase,
  type CycleTask,
  type CycleTaskInput,
  type CycleWorkstream,
  type OpenCyclePhase,
} from './cycleTasks.js';

/**
 * A deadline signal: a task falling due soon, or overdue.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * cycle.actor.on('deadline.overdue', (e) => {
 *   const signal: DeadlineSignal = e.signal;
 *   console.log(`${signal.title} was due ${signal.dueAt}`);
 * });
 * ```
 */
export interface DeadlineSignal {
  readonly taskId: string;
  readonly title: string;
  readonly phase: OpenCyclePhase;
  readonly workstream: CycleWorkstream;
  readonly dueAt: Instant;
  readonly status: 'due_soon' | 'overdue';
}

/**
 * When the cycle entered a phase.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const timeline: readonly PhaseTimelineEntry[] = cycle.actor.getSnapshot().context.timeline;
 * timeline.map((t) => `${t.enteredAt.slice(0, 10)} ${t.phase}`);
 * ```
 */
export interface PhaseTimelineEntry {
  readonly phase: CyclePhase;
  readonly enteredAt: Instant;
  readonly by?: Actor;
}

/**
 * The exam-cycle machine's context: plain JSON, persisted with the snapshot (its audit lines go to the
 * store). It keeps no copy of the series' key dates: each task keeps its due instant and key-date id.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const context: ExamCycleContext = cycle.actor.getSnapshot().context;
 * context.tasks.filter((t) => t.status === 'open').length;
 * ```
 */
export interface ExamCycleContext {
  readonly centre: Pick<Centre, 'centreNumber' | 'name'>;
  readonly series: ExamSeries;
  readonly tasks: readonly CycleTask[];
  /** Who may close each task (`cycle.task.<id>`), resolved at start from the pack and the centre's delegations. */
  readonly grants: RoleGrants;
  /** Results still to come in (from the results matching); the cycle cannot leave results while any are. */
  readonly outstandingResults: number;
  /** How many days before its due instant a task counts as due soon. */
  readonly dueSoonDays: number;
  readonly signals: readonly DeadlineSignal[];
  readonly timeline: readonly PhaseTimelineEntry[];
  /** The instant of the latest accepted or rejected event. */
  readonly lastEventAt: Instant;
}

/**
 * What starts a cycle.
 *
 * @example
 * ```ts
 * const input: ExamCycleInput = { centre: { centreNumber: '99999', name: 'Plume Academy' }, series: examSeries('june', 2026), startedAt: '2025-09-01T09:00:00+01:00', rulesPack: jcq };
 * const actor = createActor(examCycleMachine, { input }).start();
 * ```
 */
export interface ExamCycleInput {
  readonly centre: Pick<Centre, 'centreNumber' | 'name'>;
  readonly series: ExamSeries;
  /** When the cycle starts (the planning phase is entered then). */
  readonly startedAt: Instant;
  /** The rules pack: key dates, the task catalogue, authorities and the centre's delegations. */
  readonly rulesPack?: Pick<RulesPack, 'keyDates'> & Partial<Pick<RulesPack, 'cycleTasks' | 'authorities' | 'delegations'>>;
  /** Key dates to use instead of asking the rules pack (read at start only; not kept in the context). */
  readonly keyDates?: readonly KeyDate[];
  /** The tasks; the pack's catalogue (`rulesPack.cycleTasks(series)`) when omitted. */
  readonly tasks?: readonly CycleTaskInput[];
  /** Grants to use instead of the pack's (`grantsFor(pack.authorities(year), pack.delegations(), ['cycle.task.'])`). */
  readonly grants?: RoleGrants;
  /** Days before a due instant that a task counts as due soon. Default 14. */
  readonly dueSoonDays?: number;
  readonly by?: Actor;
}

interface Stamped {
  /** When the event happened (ISO instant with offset). */
  readonly at: Instant;
  /** Who sent it. */
  readonly by?: Actor;
}

/**
 * The events the exam-cycle machine takes.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const event: ExamCycleEvent = { type: 'task.notApplicable', taskId: 'preExams.alternative-site', reason: 'No candidate sits at an alternative site this series', at: '2026-03-02T09:00:00Z', by: { id: 'eo-1', role: 'exams_officer' } };
 * cycle.actor.send(event);
 * ```
 */
export type ExamCycleEvent =
  | (Stamped & { readonly type: 'task.complete'; readonly taskId: string; readonly note?: string })
  | (Stamped & { readonly type: 'task.notApplicable'; readonly taskId: string; readonly reason: string })
  | (Stamped & { readonly type: 'task.reopen'; readonly taskId: string; readonly reason: string })
  | (Stamped & { readonly type: 'task.add'; readonly task: CycleTaskInput })
  | (Stamped & { readonly type: 'phase.advance' })
  | (Stamped & { readonly type: 'results.outstanding'; readonly count: number })
  | (Stamped & { readonly type: 'clock.tick' });

/**
 * Events the machine emits for hosts to subscribe to with `actor.on(...)`.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * cycle.actor.on('*', (e: ExamCycleEmitted) => {
 *   if (e.type === 'deadline.dueSoon') console.log(`Due soon: ${e.signal.title}`);
 * });
 * ```
 */
export type ExamCycleEmitted =
  | { readonly type: 'deadline.dueSoon'; readonly signal: DeadlineSignal }
  | { readonly type: 'deadline.overdue'; readonly signal: DeadlineSignal }
  | { readonly type: 'event.rejected'; readonly entry: AuditLine }
  | AuditEmitted;

const DAY_MS = 86_400_000;
/**
 * The rule id of a grant the cycle makes itself for a task the pack gives no authority for.
 *
 * @example
 * ```ts
 * declare const context: ExamCycleContext;
 * context.grants['cycle.task.x']?.rule === TASK_OWNER_RULE; // a raised task's own roles
 * ```
 */
export const TASK_OWNER_RULE = 'examcycle.cycle.task-owner';

const millis = (at: Instant): number => instantToMillis(at);
const london = (at: Instant): Instant => londonIso(instantToMillis(at));
const phaseIndex = (phase: CyclePhase): number => CYCLE_PHASES.indexOf(phase);

/**
 * The action id a task's authority is granted under.
 *
 * @param taskId - the task's id
 * @example
 * ```ts
 * taskAction('entries.submitted'); // 'cycle.task.entries.submitted'
 * ```
 */
export function taskAction(taskId: string): string {
  return `cycle.task.${taskId}`;
}

function findKeyDate(keyDates: readonly KeyDate[], ref: string): KeyDate | undefined {
  // Key dates come in time order (RulesPack contract), so `find` takes the earliest of a kind.
  return keyDates.find((k) => k.id === ref) ?? keyDates.find((k) => k.kind === ref);
}

/**
 * A catalogue task as the machine tracks it: its due instant and key-date id, its workstream, and when it
 * opens (resolved against the key dates now; tasks that open with a phase get `opensAt` when it is entered).
 */
function resolveTask(input: CycleTaskInput, keyDates: readonly KeyDate[], phase: CyclePhase, now: Instant): CycleTask {
  const dueKey = input.dueKeyDateId !== undefined ? keyDates.find((k) => k.id === input.dueKeyDateId) : input.dueKeyDate !== undefined ? findKeyDate(keyDates, input.dueKeyDate) : undefined;
  const due = input.dueAt ?? dueKey?.at;
  let opensAt: Instant | undefined;
  let opensWith: OpenCyclePhase | undefined;
  const opens = input.opens;
  if (opens && 'at' in opens) opensAt = london(opens.at);
  else if (opens && 'keyDate' in opens) {
    const k = findKeyDate(keyDates, opens.keyDate);
    if (k) opensAt = isoInstant(DateTime.fromISO(k.at, { zone: LONDON }).plus({ days: opens.offsetDays ?? 0 }));
    else opensWith = input.phase;
  } else opensWith = opens && 'phase' in opens ? opens.phase : input.phase;
  if (opensWith !== undefined && phase !== 'closed' && phaseIndex(opensWith) <= phaseIndex(phase)) opensAt = now;
  return {
    id: input.id,
    phase: input.phase,
    workstream: input.workstream ?? defaultWorkstream(input.phase),
    title: input.title,
    blocking: input.blocking ?? true,
    status: 'open',
    ...(due ? { dueAt: london(due) } : {}),
    ...(input.dueAt === undefined && dueKey ? { keyDateId: dueKey.id } : {}),
    ...(opensAt !== undefined ? { opensAt } : {}),
    ...(opensWith !== undefined ? { opensWith } : {}),
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
  };
}

/**
 * The grants of a cycle's tasks: the pack's `cycle.task.` rows and the centre's delegations; a task the pack
 * gives no row for is its own `roles`' (default: the exams officer's), rule {@link TASK_OWNER_RULE}.
 *
 * @param tasks - the cycle's task inputs
 * @param authorities - the pack's authorities for the academic year
 * @param delegations - the centre's delegations
 * @example
 * ```ts
 * const series = examSeries('june', 2026);
 * cycleTaskGrants(jcq.cycleTasks(series), jcq.authorities('2025/26'), [])['cycle.task.entries.submitted']?.roles; // ['exams_officer']
 * ```
 */
export function cycleTaskGrants(tasks: readonly CycleTaskInput[], authorities: readonly Authority[], delegations: Parameters<typeof grantsFor>[1] = []): RoleGrants {
  const listed = new Set(authorities.map((a) => a.action));
  const owners: Authority[] = tasks
    .filter((t) => !listed.has(taskAction(t.id)))
    .map((t) => ({
      action: taskAction(t.id),
      roles: t.roles ?? ['exams_officer'],
      title: t.title,
      source: { document: 'examcycle: a task the rules pack gives no authority for belongs to its own roles (default: the exams officer)', year: '-' },
      confidence: 'reading',
    }));
  const grants = grantsFor([...authorities, ...owners], delegations, ['cycle.task.']);
  const out: Record<string, RoleGrants[string]> = {};
  for (const [action, g] of Object.entries(grants)) out[action] = owners.some((o) => o.action === action) && g.rule === action ? { ...g, rule: TASK_OWNER_RULE } : g;
  return out;
}

/**
 * The deadline signals for a set of tasks at an instant: every open task with a due instant is `overdue`
 * once the instant has passed, and `due_soon` within `dueSoonDays` before it.
 *
 * @param tasks - the cycle's tasks
 * @param at - the instant to judge at
 * @param dueSoonDays - the due-soon window in days
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof examCycleMachine>;
 * const snapshot = actor.getSnapshot();
 * deadlineSignals(snapshot.context.tasks, '2026-02-10T09:00:00Z', 14);
 * ```
 */
export function deadlineSignals(tasks: readonly CycleTask[], at: Instant, dueSoonDays: number): DeadlineSignal[] {
  const now = millis(at);
  const found: { readonly due: number; readonly signal: DeadlineSignal }[] = [];
  for (const t of tasks) {
    if (t.status !== 'open' || !t.dueAt) continue;
    const due = millis(t.dueAt);
    const status = now > due ? 'overdue' : due - now <= dueSoonDays * DAY_MS ? 'due_soon' : undefined;
    if (status) found.push({ due, signal: { taskId: t.id, title: t.title, phase: t.phase, workstream: t.workstream, dueAt: t.dueAt, status } });
  }
  if (found.length > 1) found.sort((a, b) => a.due - b.due || a.signal.taskId.localeCompare(b.signal.taskId));
  return found.map((f) => f.signal);
}

/** The first deadline of the work of any phase after `phase` (Infinity when there is none). */
function firstDeadlineAfter(tasks: readonly CycleTask[], phase: CyclePhase): number {
  let first = Infinity;
  for (const t of tasks) if (t.dueAt && phaseIndex(t.phase) > phaseIndex(phase)) first = Math.min(first, millis(t.dueAt));
  return first;
}

/** Whether a phase's gate waits for a task (open or not): blocking, of this phase or earlier, and undated or due by the next phases' first deadline. */
function gateWaitsFor(tasks: readonly CycleTask[], phase: CyclePhase, t: CycleTask, first = firstDeadlineAfter(tasks, phase)): boolean {
  return t.blocking && phaseIndex(t.phase) <= phaseIndex(phase) && (t.dueAt === undefined || millis(t.dueAt) <= first);
}

/**
 * The blocking work still open that the gate out of a phase waits for: blocking tasks of this phase or an
 * earlier one that have no due date, or fall due no later than the first deadline of any later phase. Work
 * due after that is carried into the next phases until its own deadline.
 *
 * @param context - the cycle's context
 * @param phase - the phase
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof examCycleMachine>;
 * openBlockingTasks(actor.getSnapshot().context, 'planning').map((t) => t.title);
 * ```
 */
export function openBlockingTasks(context: Pick<ExamCycleContext, 'tasks'>, phase: CyclePhase): CycleTask[] {
  const first = firstDeadlineAfter(context.tasks, phase);
  return context.tasks.filter((t) => t.status === 'open' && gateWaitsFor(context.tasks, phase, t, first));
}

/**
 * The phase the cycle reports (the last entry of its timeline).
 *
 * @param context - the cycle's context
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof examCycleMachine>;
 * currentPhase(actor.getSnapshot().context); // 'entries'
 * ```
 */
export function currentPhase(context: Pick<ExamCycleContext, 'timeline'>): CyclePhase {
  return context.timeline[context.timeline.length - 1]?.phase ?? 'planning';
}

/**
 * Whether a task has opened by an instant (it may be completed from then on).
 *
 * @param task - the task
 * @param at - the instant
 * @example
 * ```ts
 * declare const task: CycleTask;
 * taskHasOpened(task, '2026-03-01T09:00:00Z');
 * ```
 */
export function taskHasOpened(task: Pick<CycleTask, 'opensAt'>, at: Instant): boolean {
  return task.opensAt !== undefined && millis(task.opensAt) <= millis(at);
}

/**
 * The state a workstream's region is in for a context: `notOpen` until one of its tasks has opened, `open` while
 * it has open work, `done` when all of it is closed (also used by the snapshot migration).
 *
 * @param context - the cycle's tasks and latest instant
 * @param workstream - the workstream
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof examCycleMachine>;
 * workstreamState(actor.getSnapshot().context, 'accessArrangements'); // 'open'
 * ```
 */
export function workstreamState(context: Pick<ExamCycleContext, 'tasks' | 'lastEventAt'>, workstream: CycleWorkstream): 'notOpen' | 'open' | 'done' {
  return workstreamStates(context).get(workstream) ?? 'notOpen';
}

type WorkstreamStates = ReadonlyMap<CycleWorkstream, 'notOpen' | 'open' | 'done'>;
/** Every workstream's state for a context, worked out once per context (a context is never changed, only replaced). */
const statesByContext = new WeakMap<object, WorkstreamStates>();

function workstreamStates(context: Pick<ExamCycleContext, 'tasks' | 'lastEventAt'>): WorkstreamStates {
  const known = statesByContext.get(context);
  if (known) return known;
  const now = millis(context.lastEventAt);
  const opened = new Set<CycleWorkstream>();
  const openWork = new Set<CycleWorkstream>();
  const seen = new Set<CycleWorkstream>();
  for (const t of context.tasks) {
    seen.add(t.workstream);
    if (t.status !== 'open') opened.add(t.workstream);
    else {
      openWork.add(t.workstream);
      if (!opened.has(t.workstream) && t.opensAt !== undefined && millis(t.opensAt) <= now) opened.add(t.workstream);
    }
  }
  const states = new Map<CycleWorkstream, 'notOpen' | 'open' | 'done'>();
  for (const w of seen) states.set(w, !opened.has(w) ? 'notOpen' : openWork.has(w) ? 'open' : 'done');
  statesByContext.set(context, states);
  return states;
}

function nextPhase(phase: OpenCyclePhase): CyclePhase {
  return CYCLE_PHASES[phaseIndex(phase) + 1]!;
}

type Args = { readonly context: ExamCycleContext; readonly event: ExamCycleEvent };
type WorkstreamParams = { readonly workstream: CycleWorkstream };
type TaskEvent = Extract<ExamCycleEvent, { taskId: string }>;

const taskOf = (context: ExamCycleContext, event: ExamCycleEvent): CycleTask | undefined =>
  'taskId' in event ? context.tasks.find((t) => t.id === (event as TaskEvent).taskId) : undefined;

/**
 * The cycle's rules, one guard each, named in the regulation's (or the job's) words. The machine combines them
 * with `and`; a refused event is explained by {@link CYCLE_REFUSALS} of the first that failed.
 */
const cycleGuards = {
  /** The event carries a valid instant, not before the latest recorded one (the trail is chronological). */
  eventIsInOrder: ({ context, event }: Args) => stampRejection(event, context.lastEventAt, { requireBy: false }) === undefined,
  /** The cycle has not closed. */
  cycleIsOpen: ({ context }: Args) => currentPhase(context) !== 'closed',
  /** The task is one of this cycle's. */
  taskExists: ({ context, event }: Args) => taskOf(context, event) !== undefined,
  /** The task is still open (not done, not marked not applicable). */
  taskIsOpen: ({ context, event }: Args) => taskOf(context, event)?.status === 'open',
  /** The task is closed (done or not applicable), so it can be reopened. */
  taskIsClosed: ({ context, event }: Args) => taskOf(context, event)?.status !== 'open',
  /** The task's work has opened: its opening date has come, or the cycle has reached its phase. */
  taskHasOpened: ({ context, event }: Args) => {
    const t = taskOf(context, event);
    return t !== undefined && taskHasOpened(t, event.at);
  },
  /** The sender acts in a role the pack (or the centre's delegation) grants for this task. */
  senderMayCloseTask: ({ context, event }: Args) => 'taskId' in event && authorise(context.grants, event.by, taskAction((event as TaskEvent).taskId)).allowed,
  /** A reason is given (marking not applicable, reopening). */
  reasonIsGiven: ({ event }: Args) => 'reason' in event && typeof event.reason === 'string' && event.reason.trim().length > 0,
  /** No phase gate the cycle has passed relied on the task being closed. */
  noPassedGateReliedOnTask: ({ context, event }: Args) => {
    const t = taskOf(context, event);
    if (!t) return false;
    const now = phaseIndex(currentPhase(context));
    return !CYCLE_PHASES.slice(0, now).some((p) => gateWaitsFor(context.tasks, p, t));
  },
  /** A raised task has an id, a title, a phase before closed and a valid due instant if it has one. */
  raisedTaskIsWellFormed: ({ event }: Args) => {
    if (event.type !== 'task.add') return false;
    const t = event.task as Partial<CycleTaskInput> | undefined;
    if (!t || typeof t.id !== 'string' || !t.id || typeof t.title !== 'string' || !t.phase || !CYCLE_PHASES.includes(t.phase) || t.phase === ('closed' as CyclePhase)) return false;
    if (t.workstream !== undefined && !CYCLE_WORKSTREAMS.includes(t.workstream)) return false;
    return t.dueAt === undefined || instantMillis(t.dueAt) !== null;
  },
  /** No task of the cycle has the raised task's id. */
  raisedTaskIdIsNew: ({ context, event }: Args) => event.type === 'task.add' && !context.tasks.some((t) => t.id === event.task.id),
  /** The count of outstanding results is a whole number, 0 or more. */
  countIsWholeNumber: ({ event }: Args) => event.type === 'results.outstanding' && Number.isInteger(event.count) && event.count >= 0,
  /** Every blocking task the phase gate waits for is closed (see {@link openBlockingTasks}). */
  blockingWorkDueIsClosed: ({ context }: Args) => openBlockingTasks(context, currentPhase(context)).length === 0,
  /** No results are outstanding. */
  noResultsOutstanding: ({ context }: Args) => context.outstandingResults === 0,
  /** A task of the workstream has opened (or been closed). */
  workstreamHasOpened: ({ context }: Args, params: WorkstreamParams) => workstreamState(context, params.workstream) !== 'notOpen',
  /** Every task of the workstream is closed. */
  workstreamWorkIsClosed: ({ context }: Args, params: WorkstreamParams) => workstreamState(context, params.workstream) === 'done',
  /** Some task of the workstream is open again (reopened or raised). */
  workstreamHasOpenWork: ({ context }: Args, params: WorkstreamParams) => workstreamState(context, params.workstream) === 'open',
};

/**
 * A guard of the cycle, by name.
 *
 * @example
 * ```ts
 * const guard: CycleGuardName = 'noResultsOutstanding';
 * const lenient = examCycleMachine.provide({ guards: { [guard]: () => true } });
 * ```
 */
export type CycleGuardName = Exclude<keyof typeof cycleGuards, 'workstreamHasOpened' | 'workstreamWorkIsClosed' | 'workstreamHasOpenWork'>;

const when = (at: Instant) => toLondon(at).toFormat('d LLLL yyyy HH:mm');

/**
 * Why an event is refused when a guard fails: its code, its reason in words and the rule it applies.
 *
 * @example
 * ```ts
 * declare const context: ExamCycleContext;
 * declare const event: ExamCycleEvent;
 * CYCLE_REFUSALS.noResultsOutstanding(context, event).rule; // 'examcycle.cycle.results-outstanding'
 * ```
 */
export const CYCLE_REFUSALS: Record<CycleGuardName, (context: ExamCycleContext, event: ExamCycleEvent) => Refusal> = {
  eventIsInOrder: (context, event) => ({ ...stampRejection(event, context.lastEventAt, { requireBy: false })!, rule: 'examcycle.audit.chronological' }),
  cycleIsOpen: () => ({ code: 'event_rejected', reason: 'The cycle is closed', rule: 'examcycle.cycle.closed' }),
  taskExists: (_c, event) => ({ code: 'invalid_value', reason: `No task "${'taskId' in event ? String(event.taskId) : ''}" in this cycle` }),
  taskIsOpen: (context, event) => {
    const t = taskOf(context, event)!;
    return { code: 'guard_failed', reason: `Task "${t.title}" is already ${t.status === 'done' ? 'done' : 'not applicable'}`, rule: 'examcycle.cycle.task-closed' };
  },
  taskIsClosed: (context, event) => ({ code: 'guard_failed', reason: `Task "${taskOf(context, event)!.title}" is already open`, rule: 'examcycle.cycle.task-open' }),
  taskHasOpened: (context, event) => {
    const t = taskOf(context, event)!;
    const opens = t.opensAt ? `opens on ${when(t.opensAt)}` : `opens when the cycle reaches ${t.opensWith ?? t.phase}`;
    return { code: 'guard_failed', reason: `Task "${t.title}" (${t.workstream}) ${opens}; it cannot be completed before its work has opened`, rule: 'examcycle.cycle.task-opens' };
  },
  senderMayCloseTask: (context, event) => {
    const decision = authorise(context.grants, event.by, taskAction('taskId' in event ? String(event.taskId) : ''));
    return decision.allowed ? { code: 'not_authorised', reason: 'Not authorised' } : { code: decision.code, reason: decision.reason, rule: decision.rule };
  },
  reasonIsGiven: (_c, event) => ({ code: 'invalid_value', reason: event.type === 'task.reopen' ? 'Reopening a task needs a reason' : 'Marking a task not applicable needs a reason' }),
  noPassedGateReliedOnTask: (context, event) => {
    const t = taskOf(context, event)!;
    return { code: 'guard_failed', reason: `Task "${t.title}" was closed when the cycle left a phase whose gate waited for it; it stays closed`, rule: 'examcycle.cycle.gate' };
  },
  raisedTaskIsWellFormed: () => ({ code: 'invalid_value', reason: 'A task needs an id, a title, a phase before closed, a known workstream and a valid due instant if it has one' }),
  raisedTaskIdIsNew: (_c, event) => ({ code: 'invalid_value', reason: `A task "${event.type === 'task.add' ? event.task.id : ''}" already exists` }),
  countIsWholeNumber: () => ({ code: 'invalid_value', reason: 'Outstanding results must be a whole number, 0 or more' }),
  blockingWorkDueIsClosed: (context) => {
    const phase = currentPhase(context);
    const open = openBlockingTasks(context, phase);
    return { code: 'guard_failed', reason: `Cannot leave ${phase}: blocking tasks open: ${open.map((t) => t.title).join('; ')}`, rule: 'examcycle.cycle.gate' };
  },
  noResultsOutstanding: (context) => ({ code: 'guard_failed', reason: `Cannot leave results: ${context.outstandingResults} result(s) outstanding`, rule: 'examcycle.cycle.results-outstanding' }),
};

/** The guards each event must pass, in the order a refusal is explained. */
const RULES = {
  'task.complete': ['eventIsInOrder', 'cycleIsOpen', 'taskExists', 'senderMayCloseTask', 'taskIsOpen', 'taskHasOpened'],
  'task.notApplicable': ['eventIsInOrder', 'cycleIsOpen', 'taskExists', 'senderMayCloseTask', 'taskIsOpen', 'reasonIsGiven'],
  'task.reopen': ['eventIsInOrder', 'cycleIsOpen', 'taskExists', 'senderMayCloseTask', 'taskIsClosed', 'noPassedGateReliedOnTask', 'reasonIsGiven'],
  'task.add': ['eventIsInOrder', 'cycleIsOpen', 'raisedTaskIsWellFormed', 'raisedTaskIdIsNew'],
  'results.outstanding': ['eventIsInOrder', 'cycleIsOpen', 'countIsWholeNumber'],
  'clock.tick': ['eventIsInOrder'],
  'phase.advance': ['eventIsInOrder', 'cycleIsOpen', 'blockingWorkDueIsClosed'],
  'phase.advance.results': ['eventIsInOrder', 'cycleIsOpen', 'blockingWorkDueIsClosed', 'noResultsOutstanding'],
} as const satisfies Record<string, readonly CycleGuardName[]>;

/**
 * Why the cycle refuses an event in its current state: the refusal of the first of the event's guards that
 * fails, or `undefined` when it would be accepted. Hosts use it to explain before they send.
 *
 * @param context - the cycle's context
 * @param event - the event
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof examCycleMachine>;
 * const snapshot = actor.getSnapshot();
 * const at = '2026-02-10T09:00:00Z';
 * const teacher: Actor = { id: 't-17', role: 'teacher' };
 * cycleRefusal(snapshot.context, { type: 'task.complete', taskId: 'entries.submitted', at, by: teacher })?.code; // 'not_authorised'
 * ```
 */
export function cycleRefusal(context: ExamCycleContext, event: ExamCycleEvent): Refusal | undefined {
  const phase = currentPhase(context);
  const known = Object.hasOwn(RULES, event.type);
  if (!known) return { code: 'event_rejected', reason: `Unknown event "${String((event as { type: unknown }).type)}"` };
  if (phase === 'closed' && event.type !== 'clock.tick') return CYCLE_REFUSALS.cycleIsOpen(context, event);
  const names: readonly CycleGuardName[] = event.type === 'phase.advance' && phase === 'results' ? RULES['phase.advance.results'] : RULES[event.type];
  for (const name of names) if (!cycleGuards[name]({ context, event })) return CYCLE_REFUSALS[name](context, event);
  return undefined;
}

const guardsOf = (names: readonly CycleGuardName[]) => and(names.map((type) => ({ type })));

function taskAuditDetails(event: ExamCycleEvent): Record<string, string | number> | undefined {
  if ('taskId' in event && typeof event.taskId === 'string') return { taskId: event.taskId };
  if (event.type === 'task.add' && typeof event.task?.id === 'string') return { taskId: event.task.id };
  return undefined;
}

/**
 * The exam-cycle machine, built with `setup()`. Create one actor per centre per series.
 *
 * @example
 * ```ts
 * const centre: Centre = { centreNumber: '99999', name: 'Plume Academy' };
 * const actor = createActor(examCycleMachine, {
 *   input: { centre, series: examSeries('june', 2026), rulesPack: jcq, startedAt: '2025-09-01T09:00:00+01:00' },
 * }).start();
 * actor.send({ type: 'task.complete', taskId: 'planning.annual-plan', at: '2025-09-10T10:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } });
 * ```
 */
export const examCycleMachine = setup({
  types: {
    context: {} as ExamCycleContext,
    events: {} as ExamCycleEvent,
    input: {} as ExamCycleInput,
    emitted: {} as ExamCycleEmitted,
  },
  guards: cycleGuards,
  actions: {
    /** Marks the task done or not applicable, with who and when. */
    closeTask: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'task.complete' && event.type !== 'task.notApplicable') return;
      const at = london(event.at);
      const tasks = context.tasks.map((t) =>
        t.id === event.taskId
          ? {
              ...t,
              status: event.type === 'task.complete' ? ('done' as const) : ('not_applicable' as const),
              closedAt: at,
              ...(event.by ? { closedBy: event.by } : {}),
              ...(event.type === 'task.complete' ? (event.note ? { note: event.note } : {}) : { note: event.reason }),
            }
          : t,
      );
      enqueue.assign({ tasks });
    }),
    /** Opens a closed task again. */
    reopenTask: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'task.reopen') return;
      const tasks = context.tasks.map((t) => {
        if (t.id !== event.taskId) return t;
        const { closedAt: _a, closedBy: _b, note: _n, ...rest } = t;
        return { ...rest, status: 'open' as const };
      });
      enqueue.assign({ tasks });
    }),
    /** Adds a raised task (a task for a phase the cycle has left is carried into the current phase). */
    addTask: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'task.add') return;
      const phase = currentPhase(context);
      const carried = phase !== 'closed' && phaseIndex(event.task.phase) < phaseIndex(phase) ? { ...event.task, phase } : event.task;
      const task = resolveTask(carried, [], phase, london(event.at));
      const action = taskAction(task.id);
      const grants = Object.hasOwn(context.grants, action)
        ? context.grants
        : { ...context.grants, [action]: { roles: event.task.roles ?? ['exams_officer'], rule: TASK_OWNER_RULE, title: event.task.title } };
      enqueue.assign({ tasks: [...context.tasks, task], grants });
    }),
    /** Records how many results are still outstanding. */
    recordOutstanding: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'results.outstanding') enqueue.assign({ outstandingResults: event.count });
    }),
    /** Recomputes the deadline signals, writes the audit line and emits the signals that changed. */
    recordAccepted: enqueueActions(({ context, event, enqueue }) => {
      const at = london(event.at);
      const phase = currentPhase(context);
      const signals = deadlineSignals(context.tasks, at, context.dueSoonDays);
      const before = new Map(context.signals.map((s) => [s.taskId, s.status]));
      const details: Record<string, string | number> = { ...taskAuditDetails(event) };
      if (event.type === 'results.outstanding') details.count = event.count;
      if (event.type === 'clock.tick') {
        details.overdue = signals.filter((s) => s.status === 'overdue').length;
        details.dueSoon = signals.filter((s) => s.status === 'due_soon').length;
      }
      enqueue.assign({ signals, lastEventAt: at });
      const changed = signals.filter((s) => before.get(s.taskId) !== s.status);
      const cleared = context.signals.length + changed.length !== signals.length;
      // A tick that changes no signal leaves no line: the log records what happened, not that time passed.
      if (event.type !== 'clock.tick' || changed.length > 0 || cleared) {
        enqueue.emit({
          type: 'audit',
          line: { at, ...(event.by ? { by: event.by } : {}), event: event.type, from: phase, to: phase, outcome: 'accepted', ...(Object.keys(details).length ? { details } : {}) },
        });
      }
      for (const s of changed) enqueue.emit(s.status === 'overdue' ? { type: 'deadline.overdue', signal: s } : { type: 'deadline.dueSoon', signal: s });
    }),
    /** Enters the next phase: the timeline, the work that opens with it, the signals and the audit line. */
    enterNextPhase: enqueueActions(({ context, event, enqueue }) => {
      const from = currentPhase(context) as OpenCyclePhase;
      const at = london(event.at);
      const to = nextPhase(from);
      const tasks = context.tasks.map((t) => (t.opensAt === undefined && t.opensWith === to ? { ...t, opensAt: at } : t));
      enqueue.assign({
        tasks,
        lastEventAt: at,
        signals: deadlineSignals(tasks, at, context.dueSoonDays),
        timeline: [...context.timeline, { phase: to, enteredAt: at, ...(event.by ? { by: event.by } : {}) }],
      });
      enqueue.emit({ type: 'audit', line: { at, ...(event.by ? { by: event.by } : {}), event: event.type, from, to, outcome: 'accepted' } });
    }),
    /** Records a refused event with the reason of the first guard that failed, and emits `event.rejected`. */
    refuse: enqueueActions(({ context, event, enqueue }) => {
      const phase = currentPhase(context);
      const why = cycleRefusal(context, event) ?? { code: 'event_rejected' as const, reason: `"${event.type}" is not accepted in ${phase}` };
      const { lastEventAt, line } = rejectionLine(context, event, phase, why, taskAuditDetails(event));
      enqueue.assign({ lastEventAt });
      enqueue.emit({ type: 'audit', line });
      enqueue.emit({ type: 'event.rejected', entry: line });
    }),
    /** The first line of a new cycle's log (not emitted again when a snapshot is restored). */
    started: emit(({ context }): AuditEmitted => {
      const first = context.timeline[0]!;
      return { type: 'audit', line: { at: first.enteredAt, ...(first.by ? { by: first.by } : {}), event: 'cycle.start', from: 'planning', to: 'planning', outcome: 'accepted' } };
    }),
  },
}).createMachine({
  id: 'examCycle',
  version: '3',
  context: ({ input }) => {
    const startedAt = london(input.startedAt);
    const keyDates = input.keyDates ?? input.rulesPack?.keyDates(input.series) ?? [];
    const inputs = input.tasks ?? input.rulesPack?.cycleTasks?.(input.series) ?? [];
    const tasks = inputs.map((t) => resolveTask(t, keyDates, 'planning', startedAt));
    const pack = input.rulesPack;
    // Grants given by the host win; every task without one belongs to its own roles (the exams officer by default).
    const grants = input.grants
      ? { ...cycleTaskGrants(inputs, [], []), ...input.grants }
      : cycleTaskGrants(inputs, pack?.authorities ? pack.authorities(input.series.academicYear) : [], pack?.delegations ? pack.delegations() : []);
    const dueSoonDays = input.dueSoonDays ?? 14;
    return {
      centre: { centreNumber: input.centre.centreNumber, name: input.centre.name },
      series: input.series,
      tasks,
      grants,
      outstandingResults: 0,
      dueSoonDays,
      signals: deadlineSignals(tasks, startedAt, dueSoonDays),
      timeline: [{ phase: 'planning', enteredAt: startedAt, ...(input.by ? { by: input.by } : {}) }],
      lastEventAt: startedAt,
    };
  },
  entry: 'started',
  type: 'parallel',
  states: {
    phase: {
      initial: 'planning',
      on: {
        'task.complete': [{ guard: guardsOf(RULES['task.complete']), actions: ['closeTask', 'recordAccepted'] }, { actions: 'refuse' }],
        'task.notApplicable': [{ guard: guardsOf(RULES['task.notApplicable']), actions: ['closeTask', 'recordAccepted'] }, { actions: 'refuse' }],
        'task.reopen': [{ guard: guardsOf(RULES['task.reopen']), actions: ['reopenTask', 'recordAccepted'] }, { actions: 'refuse' }],
        'task.add': [{ guard: guardsOf(RULES['task.add']), actions: ['addTask', 'recordAccepted'] }, { actions: 'refuse' }],
        'results.outstanding': [{ guard: guardsOf(RULES['results.outstanding']), actions: ['recordOutstanding', 'recordAccepted'] }, { actions: 'refuse' }],
        'clock.tick': [{ guard: guardsOf(RULES['clock.tick']), actions: 'recordAccepted' }, { actions: 'refuse' }],
        // Anything else is recorded as refused, never dropped.
        '*': { actions: 'refuse' },
      },
      states: {
        planning: { on: { 'phase.advance': [{ guard: guardsOf(RULES['phase.advance']), target: 'entries', actions: 'enterNextPhase' }, { actions: 'refuse' }] } },
        entries: { on: { 'phase.advance': [{ guard: guardsOf(RULES['phase.advance']), target: 'preExams', actions: 'enterNextPhase' }, { actions: 'refuse' }] } },
        preExams: { on: { 'phase.advance': [{ guard: guardsOf(RULES['phase.advance']), target: 'examTime', actions: 'enterNextPhase' }, { actions: 'refuse' }] } },
        examTime: { on: { 'phase.advance': [{ guard: guardsOf(RULES['phase.advance']), target: 'results', actions: 'enterNextPhase' }, { actions: 'refuse' }] } },
        results: { on: { 'phase.advance': [{ guard: guardsOf(RULES['phase.advance.results']), target: 'postResults', actions: 'enterNextPhase' }, { actions: 'refuse' }] } },
        postResults: { on: { 'phase.advance': [{ guard: guardsOf(RULES['phase.advance']), target: 'certificates', actions: 'enterNextPhase' }, { actions: 'refuse' }] } },
        certificates: { on: { 'phase.advance': [{ guard: guardsOf(RULES['phase.advance']), target: 'closed', actions: 'enterNextPhase' }, { actions: 'refuse' }] } },
        closed: { tags: ['closed'], on: { 'phase.advance': { actions: 'refuse' } } },
      },
    },
    workstreams: {
      type: 'parallel',
      states: {
        planning: workstreamRegion('planning'),
        accessArrangements: workstreamRegion('accessArrangements'),
        entries: workstreamRegion('entries'),
        coursework: workstreamRegion('coursework'),
        examRooms: workstreamRegion('examRooms'),
        examTime: workstreamRegion('examTime'),
        results: workstreamRegion('results'),
        postResults: workstreamRegion('postResults'),
        certificates: workstreamRegion('certificates'),
        centre: workstreamRegion('centre'),
      },
    },
  },
});

/** A workstream's region: not open until its first task opens, open while it has open work, done when all is closed. */
function workstreamRegion(workstream: CycleWorkstream) {
  const params = { workstream } as const;
  return {
    initial: 'notOpen' as const,
    states: {
      notOpen: { always: { guard: { type: 'workstreamHasOpened' as const, params }, target: 'open' as const } },
      open: { always: { guard: { type: 'workstreamWorkIsClosed' as const, params }, target: 'done' as const } },
      done: { always: { guard: { type: 'workstreamHasOpenWork' as const, params }, target: 'open' as const } },
    },
  };
}
