/**
 * The exam cycle of one centre for one series as an xstate v5 machine: planning → entries → preExams →
 * examTime → results → postResults → certificates → closed. Each phase holds the exams officer's tasks
 * (open / done / not applicable, who and when); guards stop the cycle leaving a phase while a blocking
 * task is open, and stop it leaving results while results are outstanding. Deadlines come from the rules
 * pack's key dates (copied into the context as data, so a snapshot is plain JSON) and become due-soon and
 * overdue signals as time passes. Every event carries its instant (`at`) and who sent it (`by`); every
 * accepted and every rejected event is emitted as one audit line (`{ type: 'audit', line }`), which the
 * runtime appends to the store's log: the context holds the cycle's state, not its history. A clock tick
 * is audited only when it changes a signal.
 */
import { emit, enqueueActions, setup } from 'xstate';
import type { Actor, AuditEmitted, AuditLine } from '../audit/auditTrail.js';
import { instantMillis, rejectionLine, stampRejection } from '../audit/eventStamp.js';
import type { Centre } from '../domain/centre.js';
import type { ExamSeries } from '../domain/series.js';
import type { ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import type { KeyDate, RulesPack } from '../rules/RulesPack.js';
import { toLondon, type Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import {
  CYCLE_PHASES,
  STANDARD_CYCLE_TASKS,
  type CyclePhase,
  type CycleTask,
  type CycleTaskInput,
} from './cycleTasks.js';

/** A deadline signal: a task falling due soon, or overdue. */
export interface DeadlineSignal {
  readonly taskId: string;
  readonly title: string;
  readonly phase: Exclude<CyclePhase, 'closed'>;
  readonly dueAt: Instant;
  readonly status: 'due_soon' | 'overdue';
}

/** When the cycle entered a phase. */
export interface PhaseTimelineEntry {
  readonly phase: CyclePhase;
  readonly enteredAt: Instant;
  readonly by?: Actor;
}

/** The exam-cycle machine's context: plain JSON, persisted with the snapshot (its audit lines go to the store). */
export interface ExamCycleContext {
  readonly centre: Pick<Centre, 'centreNumber' | 'name'>;
  readonly series: ExamSeries;
  readonly keyDates: readonly KeyDate[];
  readonly tasks: readonly CycleTask[];
  /** Results still to come in (from the results matching); the cycle cannot leave results while any are. */
  readonly outstandingResults: number;
  /** How many days before its due instant a task counts as due soon. */
  readonly dueSoonDays: number;
  readonly signals: readonly DeadlineSignal[];
  readonly timeline: readonly PhaseTimelineEntry[];
  /** The instant of the latest accepted or rejected event. */
  readonly lastEventAt: Instant;
}

/** What starts a cycle. */
export interface ExamCycleInput {
  readonly centre: Pick<Centre, 'centreNumber' | 'name'>;
  readonly series: ExamSeries;
  /** When the cycle starts (the planning phase is entered then). */
  readonly startedAt: Instant;
  /** The rules pack whose key dates the tasks fall due on (or pass `keyDates` directly). */
  readonly rulesPack?: Pick<RulesPack, 'keyDates'>;
  /** Key dates to use instead of asking a rules pack. */
  readonly keyDates?: readonly KeyDate[];
  /** The tasks; the standard catalogue when omitted. */
  readonly tasks?: readonly CycleTaskInput[];
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

/** The events the exam-cycle machine takes. */
export type ExamCycleEvent =
  | (Stamped & { readonly type: 'task.complete'; readonly taskId: string; readonly note?: string })
  | (Stamped & { readonly type: 'task.notApplicable'; readonly taskId: string; readonly reason: string })
  | (Stamped & { readonly type: 'task.reopen'; readonly taskId: string; readonly reason: string })
  | (Stamped & { readonly type: 'task.add'; readonly task: CycleTaskInput })
  | (Stamped & { readonly type: 'phase.advance' })
  | (Stamped & { readonly type: 'results.outstanding'; readonly count: number })
  | (Stamped & { readonly type: 'clock.tick' });

/** Events the machine emits for hosts to subscribe to with `actor.on(...)`. */
export type ExamCycleEmitted =
  | { readonly type: 'deadline.dueSoon'; readonly signal: DeadlineSignal }
  | { readonly type: 'deadline.overdue'; readonly signal: DeadlineSignal }
  | { readonly type: 'event.rejected'; readonly entry: AuditLine }
  | AuditEmitted;

type Phase = Exclude<CyclePhase, 'closed'>;
const DAY_MS = 86_400_000;

function millis(at: Instant): number {
  // Offset forms are plain arithmetic, London wall-clock forms use the offset table; anything else goes to luxon.
  return instantToMillis(at);
}


function resolveTask(input: CycleTaskInput, keyDates: readonly KeyDate[]): CycleTask {
  // Key dates come in time order (RulesPack contract), so `find` takes the earliest of a kind.
  const due = input.dueAt ?? (input.dueKeyDate ? keyDates.find((k) => k.kind === input.dueKeyDate)?.at : undefined);
  return {
    id: input.id,
    phase: input.phase,
    title: input.title,
    blocking: input.blocking ?? true,
    status: 'open',
    ...(due ? { dueAt: toLondon(due).toISO()! } : {}),
    ...(input.dueKeyDate ? { dueKeyDate: input.dueKeyDate } : {}),
    ...(input.source ? { source: input.source } : {}),
  };
}

/**
 * The deadline signals for a set of tasks at an instant: every open task with a due instant is
 * `overdue` once the instant has passed, and `due_soon` within `dueSoonDays` before it.
 *
 * @param tasks - the cycle's tasks
 * @param at - the instant to judge at
 * @param dueSoonDays - the due-soon window in days
 * @example
 * ```ts
 * deadlineSignals(snapshot.context.tasks, '2026-02-10T09:00:00Z', 14);
 * ```
 */
export function deadlineSignals(tasks: readonly CycleTask[], at: Instant, dueSoonDays: number): DeadlineSignal[] {
  const now = millis(at);
  const out: DeadlineSignal[] = [];
  for (const t of tasks) {
    if (t.status !== 'open' || !t.dueAt) continue;
    const due = millis(t.dueAt);
    if (now > due) out.push({ taskId: t.id, title: t.title, phase: t.phase, dueAt: t.dueAt, status: 'overdue' });
    else if (due - now <= dueSoonDays * DAY_MS) out.push({ taskId: t.id, title: t.title, phase: t.phase, dueAt: t.dueAt, status: 'due_soon' });
  }
  return out.sort((a, b) => millis(a.dueAt) - millis(b.dueAt) || a.taskId.localeCompare(b.taskId));
}

/**
 * The blocking tasks still open in a phase: what stops the cycle leaving it.
 *
 * @param context - the cycle's context
 * @param phase - the phase
 * @example
 * ```ts
 * openBlockingTasks(actor.getSnapshot().context, 'entries').map((t) => t.title);
 * ```
 */
export function openBlockingTasks(context: Pick<ExamCycleContext, 'tasks'>, phase: CyclePhase): CycleTask[] {
  return context.tasks.filter((t) => t.phase === phase && t.blocking && t.status === 'open');
}

function phaseIndex(phase: CyclePhase): number {
  return CYCLE_PHASES.indexOf(phase);
}

/** Why an event cannot be accepted in the current phase, or undefined when it can. */
function rejection(context: ExamCycleContext, phase: CyclePhase, event: ExamCycleEvent): { code: ExamcycleErrorCode; reason: string } | undefined {
  const stamp = stampRejection(event, context.lastEventAt, { requireBy: false });
  if (stamp) return stamp;
  if (phase === 'closed' && event.type !== 'clock.tick') return { code: 'event_rejected', reason: 'The cycle is closed' };
  switch (event.type) {
    case 'task.complete':
    case 'task.notApplicable':
    case 'task.reopen': {
      const task = context.tasks.find((t) => t.id === event.taskId);
      if (!task) return { code: 'invalid_value', reason: `No task "${event.taskId}" in this cycle` };
      if (event.type === 'task.reopen') {
        if (task.status === 'open') return { code: 'guard_failed', reason: `Task "${task.title}" is already open` };
        if (phaseIndex(task.phase) < phaseIndex(phase)) {
          return { code: 'guard_failed', reason: `Task "${task.title}" belongs to the ${task.phase} phase, which the cycle has left` };
        }
        if (!event.reason?.trim()) return { code: 'invalid_value', reason: 'Reopening a task needs a reason' };
        return undefined;
      }
      if (task.status !== 'open') return { code: 'guard_failed', reason: `Task "${task.title}" is already ${task.status === 'done' ? 'done' : 'not applicable'}` };
      if (event.type === 'task.notApplicable' && !event.reason?.trim()) return { code: 'invalid_value', reason: 'Marking a task not applicable needs a reason' };
      return undefined;
    }
    case 'task.add': {
      const t = event.task;
      if (!t || typeof t.id !== 'string' || !t.id || typeof t.title !== 'string' || !CYCLE_PHASES.includes(t.phase) || t.phase === ('closed' as CyclePhase)) {
        return { code: 'invalid_value', reason: 'A task needs an id, a title and a phase before closed' };
      }
      if (context.tasks.some((x) => x.id === t.id)) return { code: 'invalid_value', reason: `A task "${t.id}" already exists` };
      if (t.dueAt !== undefined && instantMillis(t.dueAt) === null) return { code: 'invalid_value', reason: `Task "${t.id}" has an invalid due instant` };
      return undefined;
    }
    case 'phase.advance': {
      const open = openBlockingTasks(context, phase);
      if (open.length) {
        return { code: 'guard_failed', reason: `Cannot leave ${phase}: blocking tasks open: ${open.map((t) => t.title).join('; ')}` };
      }
      if (phase === 'results' && context.outstandingResults > 0) {
        return { code: 'guard_failed', reason: `Cannot leave results: ${context.outstandingResults} result(s) outstanding` };
      }
      return undefined;
    }
    case 'results.outstanding':
      if (!Number.isInteger(event.count) || event.count < 0) return { code: 'invalid_value', reason: 'Outstanding results must be a whole number, 0 or more' };
      return undefined;
    case 'clock.tick':
      return undefined;
    default:
      return { code: 'event_rejected', reason: `Unknown event "${(event as { type: string }).type}"` };
  }
}

function nextPhase(phase: Phase): CyclePhase {
  return CYCLE_PHASES[phaseIndex(phase) + 1]!;
}

function applyTaskEvent(context: ExamCycleContext, phase: CyclePhase, event: ExamCycleEvent): readonly CycleTask[] {
  switch (event.type) {
    case 'task.complete':
    case 'task.notApplicable':
      return context.tasks.map((t) =>
        t.id === event.taskId
          ? {
              ...t,
              status: event.type === 'task.complete' ? ('done' as const) : ('not_applicable' as const),
              closedAt: event.at,
              ...(event.by ? { closedBy: event.by } : {}),
              ...(event.type === 'task.complete' ? (event.note ? { note: event.note } : {}) : { note: event.reason }),
            }
          : t,
      );
    case 'task.reopen':
      return context.tasks.map((t) => {
        if (t.id !== event.taskId) return t;
        const { closedAt: _a, closedBy: _b, note: _n, ...rest } = t;
        return { ...rest, status: 'open' as const };
      });
    case 'task.add': {
      // A task raised for a phase the cycle has left is carried into the current phase.
      const carried = phaseIndex(event.task.phase) < phaseIndex(phase) && phase !== 'closed' ? { ...event.task, phase: phase as Phase } : event.task;
      return [...context.tasks, resolveTask(carried, context.keyDates)];
    }
    default:
      return context.tasks;
  }
}

/**
 * The exam-cycle machine, built with `setup()`. Create one actor per centre per series.
 *
 * @example
 * ```ts
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
  guards: {
    /** The event is acceptable in the current phase (see {@link rejection}). */
    acceptable: ({ context, event }, params: { phase: CyclePhase }) => rejection(context, params.phase, event) === undefined,
  },
  actions: {
    /** Applies an accepted task or status event, recomputes signals and writes the audit line. */
    accept: enqueueActions(({ context, event: sent, enqueue }, params: { phase: CyclePhase }) => {
      const phase = params.phase;
      // Instants are recorded in one form: London ISO with its offset, whatever notation the host sent.
      const event = { ...sent, at: toLondon(sent.at).toISO()! } as ExamCycleEvent;
      const tasks = applyTaskEvent(context, phase, event);
      const outstandingResults = event.type === 'results.outstanding' ? event.count : context.outstandingResults;
      const signals = deadlineSignals(tasks, event.at, context.dueSoonDays);
      const before = new Map(context.signals.map((s) => [s.taskId, s.status]));
      const details: Record<string, string | number> = {};
      if ('taskId' in event) details.taskId = event.taskId;
      if (event.type === 'task.add') details.taskId = event.task.id;
      if (event.type === 'results.outstanding') details.count = event.count;
      if (event.type === 'clock.tick') {
        details.overdue = signals.filter((s) => s.status === 'overdue').length;
        details.dueSoon = signals.filter((s) => s.status === 'due_soon').length;
      }
      enqueue.assign({ tasks, outstandingResults, signals, lastEventAt: event.at });
      const changed = signals.filter((s) => before.get(s.taskId) !== s.status);
      const cleared = context.signals.length + changed.length !== signals.length;
      // A tick that changes no signal leaves no line: the log records what happened, not that time passed.
      if (event.type !== 'clock.tick' || changed.length > 0 || cleared) {
        enqueue.emit({
          type: 'audit',
          line: {
            at: event.at,
            ...(event.by ? { by: event.by } : {}),
            event: event.type,
            from: phase,
            to: phase,
            outcome: 'accepted',
            ...(Object.keys(details).length ? { details } : {}),
          },
        });
      }
      for (const s of changed) {
        enqueue.emit(s.status === 'overdue' ? { type: 'deadline.overdue', signal: s } : { type: 'deadline.dueSoon', signal: s });
      }
    }),
    /** Records a phase change in the timeline and the audit log. */
    advance: enqueueActions(({ context, event: sent, enqueue }, params: { phase: CyclePhase }) => {
      const from = params.phase;
      const event = { ...sent, at: toLondon(sent.at).toISO()! };
      const to = nextPhase(from as Phase);
      enqueue.assign({
        lastEventAt: event.at,
        signals: deadlineSignals(context.tasks, event.at, context.dueSoonDays),
        timeline: [...context.timeline, { phase: to, enteredAt: event.at, ...(event.by ? { by: event.by } : {}) }],
      });
      enqueue.emit({ type: 'audit', line: { at: event.at, ...(event.by ? { by: event.by } : {}), event: event.type, from, to, outcome: 'accepted' } });
    }),
    /** Records a rejected event with its reason and emits `event.rejected`. */
    reject: enqueueActions(({ context, event, enqueue }, params: { phase: CyclePhase }) => {
      const phase = params.phase;
      const why = rejection(context, phase, event) ?? { code: 'event_rejected' as const, reason: `"${event.type}" is not accepted in ${phase}` };
      const { lastEventAt, line } = rejectionLine(context, event, phase, why, 'taskId' in event && typeof event.taskId === 'string' ? { taskId: event.taskId } : undefined);
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
  version: '2',
  context: ({ input }) => {
    const keyDates = [...(input.keyDates ?? input.rulesPack?.keyDates(input.series) ?? [])];
    const tasks = (input.tasks ?? STANDARD_CYCLE_TASKS).map((t) => resolveTask(t, keyDates));
    const dueSoonDays = input.dueSoonDays ?? 14;
    const startedAt = toLondon(input.startedAt).toISO()!;
    return {
      centre: { centreNumber: input.centre.centreNumber, name: input.centre.name },
      series: input.series,
      keyDates,
      tasks,
      outstandingResults: 0,
      dueSoonDays,
      signals: deadlineSignals(tasks, startedAt, dueSoonDays),
      timeline: [{ phase: 'planning', enteredAt: startedAt, ...(input.by ? { by: input.by } : {}) }],
      lastEventAt: startedAt,
    };
  },
  entry: 'started',
  initial: 'planning',
  states: {
    planning: phaseState('planning'),
    entries: phaseState('entries'),
    preExams: phaseState('preExams'),
    examTime: phaseState('examTime'),
    results: phaseState('results'),
    postResults: phaseState('postResults'),
    certificates: phaseState('certificates'),
    closed: {
      tags: ['closed'],
      on: {
        'clock.tick': { guard: { type: 'acceptable', params: { phase: 'closed' } }, actions: { type: 'accept', params: { phase: 'closed' } } },
        // Anything else is recorded as rejected, never dropped.
        '*': { actions: { type: 'reject', params: { phase: 'closed' } } },
      },
    },
  },
});

/** A phase's transitions: task and status events stay, `phase.advance` moves on, anything else is rejected. */
function phaseState(phase: Phase) {
  const params = { phase } as const;
  const stay = { guard: { type: 'acceptable' as const, params }, actions: { type: 'accept' as const, params } };
  return {
    on: {
      'task.complete': stay,
      'task.notApplicable': stay,
      'task.reopen': stay,
      'task.add': stay,
      'results.outstanding': stay,
      'clock.tick': stay,
      'phase.advance': { guard: { type: 'acceptable' as const, params }, target: nextPhase(phase), actions: { type: 'advance' as const, params } },
      // A guard that failed above falls through to here: the event is recorded as rejected with its reason.
      '*': { actions: { type: 'reject' as const, params } },
    },
  };
}
