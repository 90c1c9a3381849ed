/**
 * A host-friendly handle on an exam-cycle actor: it stamps each event with the injected clock's time,
 * ticks the deadline signals on that clock, and turns a rejected event into a typed {@link ExamcycleError}
 * instead of silence. Restoring from a persisted snapshot gives the same handle back after a restart.
 */
import { createActor, type Actor as XActor } from 'xstate';
import type { AuditEntry, Actor } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { persistSnapshot, restoreSnapshot, type PersistedSnapshot, type SnapshotMigrations } from '../persistence/persistSnapshot.js';
import { toLondon, type ExamClock, type Instant } from '../time/clock.js';
import { examCycleMachine, type ExamCycleEvent, type ExamCycleInput } from './examCycleMachine.js';

/** An event without its instant: the handle stamps it from the clock. */
export type UnstampedExamCycleEvent = ExamCycleEvent extends infer E ? (E extends { at: Instant } ? Omit<E, 'at'> & { at?: Instant } : never) : never;

/** The outcome of sending an event: accepted, or rejected with a typed error. Both carry the audit line. */
export type SendOutcome = { readonly ok: true; readonly entry: AuditEntry } | { readonly ok: false; readonly error: ExamcycleError; readonly entry: AuditEntry };

/** Options for {@link createExamCycle}. */
export interface CreateExamCycleOptions {
  /** The clock: xstate's `SimulatedClock` in tests; in production, one that reads the host's time (see {@link ExamClock}). */
  readonly clock: ExamClock;
  /** What starts a new cycle (`startedAt` defaults to the clock's now). Omit when restoring. */
  readonly input?: Omit<ExamCycleInput, 'startedAt'> & { readonly startedAt?: Instant };
  /** A persisted snapshot to restore instead of starting a new cycle. */
  readonly snapshot?: PersistedSnapshot | unknown;
  /** Migrations for older snapshot versions. */
  readonly migrations?: SnapshotMigrations;
  /**
   * How often the deadline signals are re-evaluated on the clock, in milliseconds; 0 turns automatic ticks off.
   * @default 3_600_000 (hourly)
   */
  readonly tickEveryMs?: number;
}

/** A running exam cycle. */
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
 * Starts (or restores) an exam cycle on an injected clock.
 *
 * @param options - the clock, and the input for a new cycle or a snapshot to restore
 * @example
 * ```ts
 * const clock = new SimulatedClock();
 * clock.set(Date.parse('2025-09-01T08:00:00Z'));
 * const cycle = createExamCycle({ clock, input: { centre, series: examSeries('june', 2026), rulesPack: jcq } });
 * const outcome = cycle.send({ type: 'phase.advance', by: { id: 'eo-1', role: 'exams_officer' } });
 * if (!outcome.ok) console.log(outcome.error.message); // which blocking tasks are still open
 * ```
 */
export function createExamCycle({ clock, input, snapshot, migrations, tickEveryMs = 3_600_000 }: CreateExamCycleOptions): ExamCycle {
  const nowIso = (): Instant => toLondon(clock.now()).toISO()!;
  let actor: XActor<typeof examCycleMachine>;
  if (snapshot !== undefined) {
    actor = restoreSnapshot(examCycleMachine, snapshot, { clock, ...(migrations ? { migrations } : {}) });
  } else if (input) {
    actor = createActor(examCycleMachine, { clock, input: { ...input, startedAt: input.startedAt ?? nowIso() } });
  } else {
    throw new ExamcycleError('invalid_value', 'createExamCycle needs either input (a new cycle) or snapshot (a restored one)');
  }
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
    const before = actor.getSnapshot().context.audit.length;
    actor.send(stamped);
    const audit = actor.getSnapshot().context.audit;
    const entry = audit[audit.length - 1]!;
    if (audit.length === before) {
      // xstate dropped the event (the actor is stopped): say so rather than pretend.
      const error = new ExamcycleError('event_rejected', `The cycle is stopped; "${stamped.type}" was not processed`);
      return { ok: false, error, entry };
    }
    if (entry.outcome === 'rejected') {
      return {
        ok: false,
        entry,
        error: new ExamcycleError(entry.code ?? 'event_rejected', entry.reason ?? 'Rejected', {
          details: { event: entry.event, phase: entry.from, ...(entry.details ?? {}) },
        }),
      };
    }
    return { ok: true, entry };
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
