/**
 * The durable runtime: one way to host every examcycle machine on a store. Open an actor by key (it is
 * restored from the store, validated, or started from input), send events and get the same typed
 * {@link SendOutcome} back for every machine; each accepted or rejected event is saved with the revision it
 * was applied to, together with its audit lines and any deadline signals, in one store transaction. A stale
 * revision (another worker got there first) is a typed `conflict`: the handle reloads and, if you asked for
 * retries, applies the event again to the fresh state. Nothing is kept in a process that another process
 * needs, so N stateless workers can share one database.
 */
import { createActor, type Actor as XActor, type AnyStateMachine, type InputFrom, type SnapshotFrom } from 'xstate';
import type { AuditEntry, AuditLine } from '../audit/auditTrail.js';
import { ExamcycleError, isExamcycleError } from '../errors/ExamcycleError.js';
import type { ExamcycleObserver } from '../observe/ExamcycleObserver.js';
import { durationOf, notifyObserver, observerStopwatch } from '../observe/notifyObserver.js';
import { sendOutcomeOf, type SendOutcome } from '../machines/sendOutcome.js';
import type { PersistedMachineSpec } from '../persistence/persistedMachine.js';
import { shippedMachineSpecs } from '../persistence/persistedMachines.js';
import { persistedView, persistSnapshot, restoreWithSpec, snapshotVersion } from '../persistence/persistSnapshot.js';
import type { AuditRange, ClaimedSignal, ExamcycleStore, OutboxSignal, StoreKey } from '../store/ExamcycleStore.js';
import type { ExamClock, Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';

/**
 * Options for {@link createExamcycleRuntime}.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const options: ExamcycleRuntimeOptions = { store, clock: new SimulatedClock(), conflictRetries: 2 };
 * const runtime = createExamcycleRuntime(options);
 * ```
 */
export interface ExamcycleRuntimeOptions {
  /** Where state lives: `createMemoryStore()`, or `createPostgresStore(…)` from `@examcycle/store-postgres`. */
  readonly store: ExamcycleStore;
  /** The clock events are stamped with and ticks are judged by. */
  readonly clock: ExamClock;
  /**
   * How many times a send that met a `conflict` reloads and applies the event again before reporting it.
   * @default 0 (report the conflict; the handle has already reloaded the fresh state)
   */
  readonly conflictRetries?: number;
  /** Machines beyond the ones examcycle ships that {@link ExamcycleRuntime.wakeDue} may open. */
  readonly machines?: readonly PersistedMachineSpec[];
  /**
   * Watches every hosted actor: each event accepted or refused (with its duration, by the observer's clock) and
   * each store conflict. A callback that throws is ignored.
   * @default none
   */
  readonly observer?: ExamcycleObserver;
}

/**
 * The outcome of a send through the runtime: the machine's outcome and the revision now stored.
 *
 * @example
 * ```ts
 * declare const cycle: HostedActor<typeof examCycleMachine>;
 * const outcome: HostedSendOutcome = await cycle.send({ type: 'phase.advance', by: { id: 'eo-1', role: 'exams_officer' } });
 * if (outcome.ok) console.log('saved at revision', outcome.revision);
 * else console.log(outcome.error.code); // guard_failed, not_authorised, conflict …
 * ```
 */
export type HostedSendOutcome = SendOutcome & {
  /** The revision stored after this send (unchanged when nothing was written). */
  readonly revision: number;
};

/**
 * Options for {@link ExamcycleRuntime.open}.
 *
 * @example
 * ```ts
 * declare const runtime: ExamcycleRuntime; declare const centre: Centre; declare const rulesPack: RulesPack;
 * const series = examSeries('june', 2026);
 * const options: OpenOptions<ExamCycleInput> = { input: { centre, series, rulesPack, startedAt: '2025-09-01T09:00:00+01:00' } };
 * const cycle = await runtime.open(examCyclePersisted, { centreNumber: centre.centreNumber, id: series.id }, options);
 * ```
 */
export interface OpenOptions<TInput> {
  /**
   * Input for a new actor when the key holds none; without it, opening a missing key is refused. A machine
   * that takes no input (EOPS) is started with `{ input: undefined }`.
   */
  readonly input?: TInput | undefined;
}

/**
 * An actor hosted on the store.
 *
 * @example
 * ```ts
 * declare const runtime: ExamcycleRuntime;
 * const cycle: HostedActor<typeof examCycleMachine> = await runtime.open(examCyclePersisted, { centreNumber: '99999', id: 'june-2026' });
 * console.log(cycle.revision, cycle.snapshot().value);
 * ```
 */
export interface HostedActor<TMachine extends AnyStateMachine = AnyStateMachine> {
  readonly key: StoreKey;
  /** The revision of the state this handle holds. */
  readonly revision: number;
  /** The machine's current snapshot (state value and context). */
  snapshot(): SnapshotFrom<TMachine>;
  /** Sends an event (its `at` defaults to the clock's now), saves the result, and says what happened. */
  send(event: { readonly type: string; readonly at?: Instant; readonly [k: string]: unknown }): Promise<HostedSendOutcome>;
  /** Sends the machine's clock tick (for machines with deadlines or expiries). */
  tick(): Promise<HostedSendOutcome>;
  /** This actor's audit log from the store, in order. */
  audit(range?: AuditRange): Promise<readonly AuditEntry[]>;
  /** Reloads the stored state (after a conflict, or to see another worker's changes). */
  refresh(): Promise<void>;
  /** Stops the in-memory actor (the stored state stays). */
  close(): void;
}

/**
 * What {@link ExamcycleRuntime.wakeDue} did.
 *
 * @example
 * ```ts
 * declare const runtime: ExamcycleRuntime;
 * const result: WakeDueResult = await runtime.wakeDue({ limit: 200 });
 * console.log(`${result.woken} woken, ${result.conflicts} conflicts, ${result.failed.length} failed`);
 * ```
 */
export interface WakeDueResult {
  readonly woken: number;
  readonly conflicts: number;
  readonly failed: readonly { readonly key: StoreKey; readonly error: ExamcycleError }[];
}

/**
 * The runtime.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const runtime: ExamcycleRuntime = createExamcycleRuntime({ store, clock: new SimulatedClock() });
 * await runtime.wakeDue();
 * await runtime.deliverSignals(async (signal) => console.log(signal.type));
 * ```
 */
export interface ExamcycleRuntime {
  readonly store: ExamcycleStore;
  /**
   * Opens the actor stored under `key` (restored and validated), or starts a new one from `options.input`.
   * @throws ExamcycleError `snapshot_invalid` (stored state refused), `invalid_value` (missing key without input)
   */
  open<TMachine extends AnyStateMachine>(spec: PersistedMachineSpec<TMachine>, key: Omit<StoreKey, 'machine'>, options?: OpenOptions<InputFrom<TMachine>>): Promise<HostedActor<TMachine>>;
  /**
   * The deadline worker's step: opens every stored actor whose next deadline is due (`wakeAt` ≤ now), sends
   * it a clock tick, and saves it (with any new signals in the outbox). Safe with several workers: a conflict
   * means another worker woke it.
   */
  wakeDue(options?: { readonly tenant?: string; readonly limit?: number }): Promise<WakeDueResult>;
  /** Delivers outbox signals to `handler`, each once across every worker (see {@link ExamcycleStore.deliverSignals}). */
  deliverSignals(handler: (signal: ClaimedSignal) => void | Promise<void>, options?: { readonly tenant?: string; readonly limit?: number }): ReturnType<ExamcycleStore['deliverSignals']>;
}

function nowIso(clock: ExamClock): Instant {
  return londonIso(clock.now());
}

/** Outbox signals from a context that carries deadline signals (`signals: [{ taskId, status, dueAt, … }]`). */
function outboxOf(context: unknown, at: Instant): OutboxSignal[] {
  const signals = (context as { signals?: unknown }).signals;
  if (!Array.isArray(signals)) return [];
  return signals.map((s: { taskId: string; status: string; dueAt: string }) => ({
    id: `${s.taskId}:${s.status}:${s.dueAt}`,
    type: s.status === 'overdue' ? 'deadline.overdue' : 'deadline.dueSoon',
    at,
    payload: { ...s },
  }));
}

/**
 * Creates the durable runtime over a store.
 *
 * @param options - the store, the clock, conflict retries, an observer
 * @example
 * ```ts
 * const clock = new SimulatedClock();
 * const centre: Centre = { centreNumber: '99999', name: 'Plume Academy' };
 * const series = examSeries('june', 2026);
 * const keyDates = jcq.keyDates(series);
 * const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const runtime = createExamcycleRuntime({ store: createMemoryStore(), clock });
 * const cycle = await runtime.open(examCyclePersisted, { centreNumber: '99999', id: 'june-2026' }, { input: { centre, series, keyDates, startedAt: '2025-09-01T09:00:00+01:00' } });
 * const outcome = await cycle.send({ type: 'task.complete', taskId: 'planning.annual-plan', by: officer });
 * outcome.ok; // true, and saved at outcome.revision
 * ```
 */
export function createExamcycleRuntime({ store, clock, conflictRetries = 0, machines = [], observer }: ExamcycleRuntimeOptions): ExamcycleRuntime {
  const specs = new Map<string, PersistedMachineSpec>([...shippedMachineSpecs(), ...machines].map((s) => [s.machine.id, s]));

  async function open<TMachine extends AnyStateMachine>(
    spec: PersistedMachineSpec<TMachine>,
    partialKey: Omit<StoreKey, 'machine'>,
    options: OpenOptions<InputFrom<TMachine>> = {},
  ): Promise<HostedActor<TMachine>> {
    const machine = spec.machine;
    const key: StoreKey = { ...partialKey, machine: machine.id };
    let actor!: XActor<TMachine>;
    let revision = 0;
    let failure: unknown;
    let lines: AuditLine[] = [];
    const snapOf = () => actor.getSnapshot() as unknown as { readonly context: unknown; readonly value: unknown; readonly status: string };

    const attach = (a: XActor<TMachine>) => {
      a.on('audit' as never, ((e: { line: AuditLine }) => {
        lines.push(e.line);
      }) as never);
      a.subscribe({ error: (err: unknown) => (failure = err) });
    };

    async function load(): Promise<boolean> {
      const stored = await store.loadSnapshot(key);
      if (!stored) return false;
      const saved = stored.saved as { version?: unknown; snapshot?: { context?: { audit?: unknown } } };
      const restored = restoreWithSpec(machine, stored.saved, { clock, spec: spec as unknown as PersistedMachineSpec });
      // A version-1 snapshot carried its audit trail in the context: move it into the store's log, once.
      if (typeof saved.version === 'number' && saved.version < 2 && Array.isArray(saved.snapshot?.context?.audit)) {
        const old = (saved.snapshot!.context!.audit as AuditEntry[]).map(({ seq: _seq, ...line }) => line);
        const migrated = persistSnapshot(restored);
        const result = await store.transaction(async (tx) => {
          const existing = await tx.readAudit(key, { limit: 1 });
          return tx.saveSnapshot(key, migrated, { expectedRevision: stored.revision, ...(existing.length ? {} : { audit: old }) });
        });
        revision = result.revision;
      } else {
        revision = stored.revision;
      }
      actor?.stop();
      failure = undefined;
      actor = restored;
      attach(actor);
      actor.start();
      return true;
    }

    if (!(await load())) {
      if (!('input' in options)) {
        throw new ExamcycleError('invalid_value', `Nothing is stored under ${key.machine} "${key.id}" for centre ${key.centreNumber}, and no input was given to start one`, { details: { key: { ...key } } });
      }
      lines = [];
      actor = createActor(machine, { clock, input: options.input } as never) as XActor<TMachine>;
      attach(actor);
      actor.start();
      if (failure !== undefined) {
        throw new ExamcycleError('invalid_value', `The ${machine.id} input was refused: ${(failure as Error)?.message ?? String(failure)}`, { cause: failure });
      }
      try {
        const snap = snapOf();
        const result = await store.saveSnapshot(key, persistedView(actor), {
          expectedRevision: null,
          audit: lines,
          signals: outboxOf(snap.context, nowIso(clock)),
          wakeAt: spec.wakeAt ? spec.wakeAt(snap.context as never, snap.value) : null,
        });
        revision = result.revision;
      } catch (error) {
        // Another worker created it first: take theirs.
        if (isExamcycleError(error) && error.code === 'conflict') await load();
        else throw error;
      }
    }

    async function sendOnce(event: { readonly type: string; readonly at?: Instant }): Promise<HostedSendOutcome> {
      const stamped = { ...event, at: event.at ?? nowIso(clock) };
      if (failure !== undefined || snapOf().status !== 'active') {
        return { ok: false, revision, error: new ExamcycleError('event_rejected', `The ${machine.id} actor is stopped; "${stamped.type}" was not processed`, failure !== undefined ? { cause: failure } : {}) };
      }
      lines = [];
      actor.send(stamped as never);
      const outcome = sendOutcomeOf(lines, failure, stamped.type);
      if (failure !== undefined) {
        // The stored state is untouched; the next open restores it.
        return { ...outcome, revision };
      }
      if (lines.length === 0) return { ...outcome, revision };
      const snap = snapOf();
      const result = await store.saveSnapshot(key, persistedView(actor), {
        expectedRevision: revision,
        audit: lines,
        signals: outboxOf(snap.context, stamped.at),
        wakeAt: spec.wakeAt ? spec.wakeAt(snap.context as never, snap.value) : null,
      });
      revision = result.revision;
      const entry = result.audit[result.audit.length - 1];
      return { ...outcome, ...(entry ? { entry } : {}), revision };
    }

    async function send(event: { readonly type: string; readonly at?: Instant }): Promise<HostedSendOutcome> {
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await sendOnce(event);
        } catch (error) {
          if (!isExamcycleError(error) || error.code !== 'conflict') {
            // The save failed (the store is down, say): the actor in memory is ahead of what is stored, so it
            // goes back to the stored state before the error is reported; nothing unsaved is ever shown.
            await load().catch(() => undefined);
            throw error;
          }
          await load();
          notifyObserver(observer, 'onStoreConflict', { machine: machine.id, key: { ...key }, type: event.type, attempt: attempt + 1, willRetry: attempt < conflictRetries });
          if (attempt >= conflictRetries) return { ok: false, error, revision };
        }
      }
    }

    /** {@link send}, watched: the observer hears of every outcome (and of a save that threw). */
    async function observedSend(event: { readonly type: string; readonly at?: Instant }): Promise<HostedSendOutcome> {
      if (observer === undefined) return send(event);
      const elapsed = observerStopwatch(observer);
      try {
        const outcome = await send(event);
        notifyObserver(observer, 'onEvent', { machine: machine.id, key: { ...key }, type: event.type, outcome: outcome.ok ? 'accepted' : 'rejected', ...(outcome.ok ? {} : { code: outcome.error.code }), revision: outcome.revision, ...durationOf(elapsed()) });
        return outcome;
      } catch (error) {
        notifyObserver(observer, 'onEvent', { machine: machine.id, key: { ...key }, type: event.type, outcome: 'rejected', code: isExamcycleError(error) ? error.code : 'store_failed', ...durationOf(elapsed()) });
        throw error;
      }
    }

    return {
      key,
      get revision() {
        return revision;
      },
      snapshot: () => actor.getSnapshot() as SnapshotFrom<TMachine>,
      send: observedSend,
      tick: () => observedSend({ type: spec.tickEvent ?? 'clock.tick', by: { id: 'examcycle', role: 'system' } } as never),
      audit: (range) => store.readAudit(key, range),
      refresh: async () => {
        await load();
      },
      close: () => actor.stop(),
    };
  }

  async function wakeDue({ tenant, limit = 1000 }: { readonly tenant?: string; readonly limit?: number } = {}): Promise<WakeDueResult> {
    const keys = await store.listKeys({ ...(tenant !== undefined ? { tenant } : {}), wakeBy: nowIso(clock), limit });
    let woken = 0;
    let conflicts = 0;
    const failed: { key: StoreKey; error: ExamcycleError }[] = [];
    for (const key of keys) {
      const spec = specs.get(key.machine);
      if (!spec?.tickEvent) continue;
      try {
        const { machine: _m, ...rest } = key;
        const hosted = await open(spec, rest);
        const outcome = await hosted.tick();
        hosted.close();
        if (outcome.ok) woken += 1;
        else if (outcome.error.code === 'conflict') conflicts += 1;
        else failed.push({ key, error: outcome.error });
      } catch (error) {
        failed.push({ key, error: isExamcycleError(error) ? error : new ExamcycleError('store_failed', (error as Error)?.message ?? String(error), { cause: error }) });
      }
    }
    return { woken, conflicts, failed };
  }

  return {
    store,
    open,
    wakeDue,
    deliverSignals: (handler, options) => store.deliverSignals(handler, options),
  };
}

/**
 * The snapshot format version the runtime writes for a spec's machine (for golden fixtures and docs).
 *
 * @param spec - a machine's persistence spec
 * @example
 * ```ts
 * runtimeFormatVersion(examCyclePersisted); // 2
 * ```
 */
export function runtimeFormatVersion(spec: PersistedMachineSpec): number {
  return snapshotVersion(spec.machine);
}
