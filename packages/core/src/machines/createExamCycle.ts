/**
 * A host-friendly handle on an exam-cycle actor in one process: it stamps each event with the injected
 * clock's time, ticks the deadline signals on that clock, and turns a rejected event into a typed
 * {@link ExamcycleError} instead of silence. Its audit lines go to `onAudit` (the durable runtime,
 * {@link createExamcycleRuntime}, appends them to a store's log instead). Restoring from a persisted
 * snapshot gives the same handle back after a restart; the snapshot is validated first.
 */
import { createActor, type Actor as XActor } from 'xstate';
import type { Actor, AuditLine } from '../audit/auditTrail.js';
import { centreNumberSchema } from '../domain/identifierSchemas.js';
import { examSeriesSchema } from '../domain/series.js';
import { ExamcycleError, isExamcycleError } from '../errors/ExamcycleError.js';
import { persistSnapshot, restoreWithSpec, type PersistedSnapshot, type SnapshotMigrations } from '../persistence/persistSnapshot.js';
import type { KeyDate } from '../rules/RulesPack.js';
import type { ExamClock, Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { examCycleMachine, type ExamCycleEvent, type ExamCycleInput } from './examCycleMachine.js';
import { examCyclePersisted } from './examCyclePersisted.js';
import { sendOutcomeOf, type SendOutcome } from './sendOutcome.js';

/**
 * An event without its instant: the handle stamps it from the clock.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const event: UnstampedExamCycleEvent = { type: 'task.complete', taskId: 'entries.submitted', by: { id: 'eo-1', role: 'exams_officer' } }; // `at` defaults to the clock
 * cycle.send(event).ok;
 * ```
 */
export type UnstampedExamCycleEvent = ExamCycleEvent extends infer E ? (E extends { at: Instant } ? Omit<E, 'at'> & { at?: Instant } : never) : never;

export type { SendOutcome } from './sendOutcome.js';

/**
 * Options for {@link createExamCycle}.
 *
 * @example
 * ```ts
 * const options: CreateExamCycleOptions = {
 *   clock: new SimulatedClock(),
 *   input: { centre: { centreNumber: '99999', name: 'Plume Academy' }, series: examSeries('june', 2026), rulesPack: jcq },
 *   onAudit: (line) => console.log(line.event, line.outcome),
 * };
 * const cycle = createExamCycle(options);
 * ```
 */
export interface CreateExamCycleOptions {
  /** The clock: xstate's `SimulatedClock` in tests; in production, one that reads the host's time (see {@link ExamClock}). */
  readonly clock: ExamClock;
  /** What starts a new cycle (`startedAt` defaults to the clock's now). Omit when restoring. */
  readonly input?: Omit<ExamCycleInput, 'startedAt'> & { readonly startedAt?: Instant };
  /** A persisted snapshot to restore instead of starting a new cycle (validated; see `restoreSnapshot`). */
  readonly snapshot?: PersistedSnapshot | unknown;
  /** Migrations for older snapshot versions (core ships those of its own formats). */
  readonly migrations?: SnapshotMigrations;
  /**
   * How often the deadline signals are re-evaluated on the clock, in milliseconds; 0 turns automatic ticks off.
   * @default 3_600_000 (hourly)
   */
  readonly tickEveryMs?: number;
  /** Receives every audit line the cycle writes (append them to your log). */
  readonly onAudit?: (line: AuditLine) => void;
}

/**
 * A running exam cycle.
 *
 * @example
 * ```ts
 * const cycle: ExamCycle = createExamCycle({ clock: new SimulatedClock(), input: { centre: { centreNumber: '99999', name: 'Plume Academy' }, series: examSeries('june', 2026), rulesPack: jcq } });
 * cycle.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: { id: 'eo-1', role: 'exams_officer' } });
 * writeFileSync('june-2026.json', JSON.stringify(cycle.persist()));
 * cycle.stop();
 * ```
 */
export interface ExamCycle {
  /** The xstate actor (subscribe, `on('deadline.overdue', …)`, inspect). */
  readonly actor: XActor<typeof examCycleMachine>;
  /** Sends an event stamped with the clock's now (or its own `at`), and says whether it was accepted. */
  send(event: UnstampedExamCycleEvent): SendOutcome;
  /** Re-evaluates deadline signals now. */
  tick(by?: Actor): SendOutcome;
  /** The cycle as JSON-safe data, to store and restore after a restart. */
  persist(): PersistedSnapshot;
  /** Stops the actor and its ticks. */
  stop(): void;
}

/**
 * Checks what starts a new cycle: a real centre number, a well-formed series, and key dates the rules pack
 * has for that series. Returns the key dates, so the machine never asks the pack inside the actor.
 *
 * @param input - the cycle's input
 * @throws ExamcycleError `invalid_value` (centre or series) or `unknown_series` (the pack has no such series)
 * @example
 * ```ts
 * const centre: Centre = { centreNumber: '99999', name: 'Plume Academy' };
 * const keyDates = checkCycleInput({ centre, series: examSeries('june', 2026), rulesPack: jcq });
 * ```
 */
export function checkCycleInput(input: Pick<ExamCycleInput, 'centre' | 'series' | 'rulesPack' | 'keyDates'>): readonly KeyDate[] {
  const centre = centreNumberSchema.safeParse(input.centre?.centreNumber);
  if (!centre.success) {
    throw new ExamcycleError('invalid_value', `Not a centre number: ${JSON.stringify(input.centre?.centreNumber)?.slice(0, 40) ?? 'undefined'}`, {
      details: { field: 'centre.centreNumber' },
      cause: centre.error,
    });
  }
  const series = examSeriesSchema.safeParse(input.series);
  if (!series.success) {
    throw new ExamcycleError('invalid_value', `Not an exam series: ${series.error.issues[0]?.message ?? ''}`, { details: { field: 'series' }, cause: series.error });
  }
  if (input.keyDates) return input.keyDates;
  if (!input.rulesPack) return [];
  try {
    return input.rulesPack.keyDates(series.data);
  } catch (cause) {
    if (isExamcycleError(cause)) throw cause;
    throw new ExamcycleError('unknown_series', `The rules pack has no key dates for ${series.data.id}`, { cause, details: { seriesId: series.data.id } });
  }
}

/**
 * Starts (or restores) an exam cycle on an injected clock.
 *
 * @param options - the clock, and the input for a new cycle or a snapshot to restore
 * @throws ExamcycleError `unknown_series`, `invalid_value` (input), or the errors of `restoreSnapshot`
 * @example
 * ```ts
 * const centre: Centre = { centreNumber: '99999', name: 'Plume Academy' };
 * const clock = new SimulatedClock();
 * clock.set(Date.parse('2025-09-01T08:00:00Z'));
 * const cycle = createExamCycle({ clock, input: { centre, series: examSeries('june', 2026), rulesPack: jcq } });
 * const outcome = cycle.send({ type: 'phase.advance', by: { id: 'eo-1', role: 'exams_officer' } });
 * if (!outcome.ok) console.log(outcome.error.message); // which blocking tasks are still open
 * cycle.send({ type: 'task.complete', taskId: 'entries.submitted', by: { id: 't-1', role: 'teacher' } }).ok; // false: not_authorised
 * ```
 */
export function createExamCycle({ clock, input, snapshot, migrations, tickEveryMs = 3_600_000, onAudit }: CreateExamCycleOptions): ExamCycle {
  const nowIso = (): Instant => londonIso(clock.now());
  let actor: XActor<typeof examCycleMachine>;
  if (snapshot !== undefined) {
    actor = restoreWithSpec(examCycleMachine, snapshot, { clock, spec: examCyclePersisted, ...(migrations ? { migrations } : {}) });
  } else if (input) {
    const keyDates = checkCycleInput(input);
    actor = createActor(examCycleMachine, { clock, input: { ...input, keyDates, startedAt: input.startedAt ?? nowIso() } });
  } else {
    throw new ExamcycleError('invalid_value', 'createExamCycle needs either input (a new cycle) or snapshot (a restored one)');
  }
  let lines: AuditLine[] = [];
  actor.on('audit', ({ line }) => {
    lines.push(line);
    onAudit?.(line);
  });
  let failure: unknown;
  // An actor that errors is reported by the next send as a typed outcome, never as an uncaught exception.
  actor.subscribe({ error: (err) => (failure = err) });
  actor.start();

  let timer: unknown;
  let stopped = false;
  const schedule = () => {
    if (tickEveryMs <= 0 || stopped) return;
    timer = clock.setTimeout(() => {
      send({ type: 'clock.tick', by: { id: 'examcycle', role: 'system' } });
      schedule();
    }, tickEveryMs);
  };

  function send(event: UnstampedExamCycleEvent): SendOutcome {
    const stamped = { ...event, at: event.at ?? nowIso() } as ExamCycleEvent;
    const status = actor.getSnapshot().status;
    if (failure !== undefined || status !== 'active') {
      const error = new ExamcycleError('event_rejected', `The cycle is ${failure !== undefined ? 'stopped by an error' : 'stopped'}; "${stamped.type}" was not processed`, {
        ...(failure !== undefined ? { cause: failure } : {}),
      });
      return { ok: false, error };
    }
    lines = [];
    actor.send(stamped);
    return sendOutcomeOf(lines, failure, stamped.type, 'phase');
  }

  schedule();
  return {
    actor,
    send,
    tick: (by) => send({ type: 'clock.tick', ...(by ? { by } : {}) }),
    persist: () => persistSnapshot(actor),
    stop: () => {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      actor.stop();
    },
  };
}
