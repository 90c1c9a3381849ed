/**
 * A centre's certificates in one call: each certificate's steps (received, checked, issued …) taken through
 * the certificate statechart — its states, its named guards in their order, its targets — without an xstate
 * actor per certificate. An awarding body's certificates arrive, are checked and are issued in batches of
 * hundreds or thousands, and a migration replays years of them; an actor per certificate spends most of its
 * time on the actor, not on the rules. Each certificate ends where an actor sent the same events would: the
 * same state, the same context, the same audit lines in the same order, and a snapshot that restores into
 * {@link certificateMachine} (a seeded property test holds the two paths equal, refusals included).
 */
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import type { AuditLine } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { sendOutcomeOf, type SendOutcome } from '../machines/sendOutcome.js';
import { persistMachineSnapshot, type PersistedSnapshot } from '../persistence/persistSnapshot.js';
import {
  acceptedChange,
  acceptedLine,
  certificateGuardRefusals,
  certificateMachine,
  certificateMachineFor,
  expectedLine,
  refusedLine,
  startingContext,
  type CertificateContext,
  type CertificateEvent,
  type CertificateInput,
  type CertificateRulesPack,
  type CertificateState,
} from './certificateMachine.js';
import type { GuardCheck } from './refusalFromGuards.js';

/**
 * One certificate and the steps to take it through: a new certificate (its `input`, as an actor's) or one
 * already kept (its `snapshot`: an actor's `getSnapshot()`, a restored one's, or an earlier
 * {@link CertificateRecord.snapshot}), and its events in the order they happened.
 *
 * @example
 * ```ts
 * const by: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const steps: CertificateSteps = {
 *   input: { certificate: { id: 'CERT-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA' }, rulesPack: jcq, series: examSeries('june', 2026), createdAt: '2026-09-01T09:00:00+01:00', by },
 *   events: [
 *     { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by },
 *     { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by, correct: true },
 *   ],
 * };
 * ```
 */
export type CertificateSteps =
  | { readonly input: CertificateInput; readonly snapshot?: undefined; readonly events: readonly CertificateEvent[] }
  | { readonly snapshot: SnapshotFrom<typeof certificateMachine>; readonly input?: undefined; readonly events: readonly CertificateEvent[] };

/**
 * Options for {@link recordCertificates}.
 *
 * @example
 * ```ts
 * const options: RecordCertificatesOptions = { rulesPack: jcq }; // restored certificates decide retention under the host's pack
 * ```
 */
export interface RecordCertificatesOptions {
  /**
   * The host's rules pack, for certificates given as restored snapshots (which carry only the pack's id): the
   * machine is then {@link certificateMachineFor}`(rulesPack)`. New certificates take the pack of their input.
   * @default none: a restored certificate's retention steps are refused `rule_unsupported`, as an actor's are
   */
  readonly rulesPack?: CertificateRulesPack;
}

/**
 * Where one certificate ended: its state, context and status, every audit line its steps wrote (the first
 * line of a new certificate included), and the outcome of each event, in the shape an actor's send gives.
 *
 * @example
 * ```ts
 * declare const record: CertificateRecord;
 * if (record.state === 'issued') console.log(record.context.handover?.to);
 * for (const outcome of record.outcomes) if (!outcome.ok) console.log(outcome.error.code, outcome.error.message);
 * ```
 */
export interface CertificateRecord {
  readonly state: CertificateState;
  /** `done` once issued or purged (a final state); `error` if a rule threw (the events after it are not taken). */
  readonly status: 'active' | 'done' | 'error';
  readonly context: CertificateContext;
  /** Every line its steps wrote, in order: what {@link collectAudit} collects from an actor sent the same events. */
  readonly audit: readonly AuditLine[];
  /** One per event: accepted (`ok`, its line), refused (`error`, its line), or not taken (the certificate was done). */
  readonly outcomes: readonly SendOutcome[];
  /** The certificate as an xstate snapshot of {@link certificateMachine}, e.g. to take it on in a later batch (`{ snapshot }`). */
  snapshot(): SnapshotFrom<typeof certificateMachine>;
  /**
   * The certificate as the store keeps it: what {@link persistSnapshot} gives for an actor in this state, to
   * save with the audit lines (`store.saveSnapshot`) and restore with {@link restoreCertificate}.
   */
  persisted(): PersistedSnapshot;
}

type Guard = string | { readonly type: string; readonly params?: unknown } | ((...args: never[]) => unknown);
type GuardArgs = { readonly context: CertificateContext; readonly event: CertificateEvent };
type GuardFn = (args: GuardArgs, params: unknown) => boolean;
interface Combinator {
  readonly name: string;
  readonly guards?: readonly Guard[];
}
interface Step {
  readonly guard: Guard | undefined;
  readonly target: CertificateState | undefined;
  readonly actions: readonly { readonly type: string; readonly params?: unknown }[];
}

/** The chart as the stepper walks it: per state, per event type, the candidate steps in xstate's order. */
interface Chart {
  readonly machine: AnyStateMachine;
  readonly guards: Readonly<Record<string, GuardFn | Guard>>;
  readonly refusals: ReturnType<typeof certificateGuardRefusals>;
  readonly hostPack: CertificateRulesPack | undefined;
  readonly finals: ReadonlySet<string>;
  readonly candidates: Map<string, Map<string, readonly Step[]>>;
}

const charts = new WeakMap<AnyStateMachine, Chart>();

/** The stepper's own refusals of a chart it cannot take like an actor: they end the batch, never one certificate. */
const chartRefusals = new WeakSet<ExamcycleError>();

function chartRefusal(message: string): ExamcycleError {
  const error = new ExamcycleError('invalid_value', message);
  chartRefusals.add(error);
  return error;
}

/**
 * The chart of a shipped certificate machine, checked once: a flat machine whose states have no entry, exit,
 * eventless, delayed or nested steps (its only root action is the opening line). Should the chart ever grow
 * one, the stepper refuses it rather than take it differently from an actor.
 */
function chartOf(machine: AnyStateMachine, hostPack: CertificateRulesPack | undefined): Chart {
  let chart = charts.get(machine);
  if (chart !== undefined) return chart;
  const root = machine.root;
  if (root.transitions.size > 0 || root.always || root.after.length > 0 || root.exit.length > 0) throw chartRefusal('recordCertificates runs a flat certificate chart only');
  const finals = new Set<string>();
  for (const [key, node] of Object.entries(root.states)) {
    if (node.entry.length > 0 || node.exit.length > 0 || node.always || node.after.length > 0 || node.invoke.length > 0 || Object.keys(node.states).length > 0) {
      throw chartRefusal(`recordCertificates runs a flat certificate chart only ("${key}" has its own entry, exit, eventless, delayed or nested steps)`);
    }
    if (node.type === 'final') finals.add(key);
  }
  chart = {
    machine,
    guards: machine.implementations.guards as Chart['guards'],
    refusals: certificateGuardRefusals(hostPack),
    hostPack,
    finals,
    candidates: new Map(),
  };
  charts.set(machine, chart);
  return chart;
}

/** Whether an event type matches a transition's descriptor (`*`, or `prefix.*`), as xstate matches them. */
function matches(type: string, descriptor: string): boolean {
  if (descriptor === '*') return true;
  if (!descriptor.endsWith('.*')) return false;
  return type.startsWith(descriptor.slice(0, -1));
}

/** The steps a state offers an event: its own first, then the wildcards, longest first (xstate's order). */
function candidatesFor(chart: Chart, state: string, type: string): readonly Step[] {
  let byType = chart.candidates.get(state);
  if (byType === undefined) {
    byType = new Map();
    chart.candidates.set(state, byType);
  }
  let steps = byType.get(type);
  if (steps === undefined) {
    const node = chart.machine.root.states[state]!;
    const wildcards = [...node.transitions.keys()].filter((d) => d !== type && matches(type, d)).sort((a, b) => b.length - a.length);
    const definitions = [...(node.transitions.get(type) ?? []), ...wildcards.flatMap((d) => node.transitions.get(d) ?? [])];
    steps = definitions.map(
      (t): Step => ({
        guard: t.guard as Guard | undefined,
        target: t.target?.[0]?.key as CertificateState | undefined,
        actions: t.actions as unknown as Step['actions'],
      }),
    );
    // A host sends a handful of event types; an unknown type adds one entry per state, so the memo stays small.
    if (byType.size < 64) byType.set(type, steps);
  }
  return steps;
}

/** Evaluates a guard as xstate does: a name or `{ type, params }` from the machine's guards, or `and` / `not` (the
 * combinators the chart uses; another is refused). */
function passes(chart: Chart, guard: Guard, args: GuardArgs): boolean {
  if (typeof guard === 'function') {
    const combinator = guard as unknown as Combinator;
    const children = combinator.guards;
    if (children !== undefined && 'check' in guard) {
      switch (combinator.name) {
        case 'and':
          for (const child of children) if (!passes(chart, child, args)) return false;
          return true;
        case 'not':
          return !passes(chart, children[0]!, args);
      }
      throw chartRefusal(`recordCertificates cannot evaluate the guard combinator "${combinator.name}"`);
    }
    return (guard as unknown as GuardFn)(args, undefined);
  }
  const name = typeof guard === 'string' ? guard : guard.type;
  const resolved = chart.guards[name];
  if (resolved === undefined) throw chartRefusal(`Guard '${name}' is not implemented`);
  if (typeof resolved !== 'function' || 'check' in resolved) return passes(chart, resolved as Guard, args);
  return (resolved as GuardFn)(args, typeof guard === 'string' ? undefined : guard.params);
}

const NOT_TAKEN = (state: string, type: string): SendOutcome => ({
  ok: false,
  error: new ExamcycleError('event_rejected', `"${type}" was not taken: the certificate is ${state}, and its record is complete`, { details: { event: type, state } }),
});

class Recorded implements CertificateRecord {
  constructor(
    private readonly machine: AnyStateMachine,
    readonly state: CertificateState,
    readonly status: 'active' | 'done' | 'error',
    readonly context: CertificateContext,
    readonly audit: readonly AuditLine[],
    readonly outcomes: readonly SendOutcome[],
    private readonly failure: unknown,
  ) {}

  snapshot(): SnapshotFrom<typeof certificateMachine> {
    const resolved = this.machine.resolveState({ value: this.state, context: this.context, ...(this.status === 'error' ? { status: 'error' as const, error: this.failure } : {}) });
    return resolved as SnapshotFrom<typeof certificateMachine>;
  }

  persisted(): PersistedSnapshot {
    return persistMachineSnapshot(this.machine, this.snapshot());
  }
}

/** Takes one certificate through its steps. */
function record(chart: Chart, steps: CertificateSteps): CertificateRecord {
  const audit: AuditLine[] = [];
  let context: CertificateContext;
  let state: CertificateState;
  let status: CertificateRecord['status'];
  if (steps.snapshot !== undefined) {
    const snapshot = steps.snapshot;
    context = snapshot.context;
    state = snapshot.value as CertificateState;
    status = snapshot.status === 'done' ? 'done' : snapshot.status === 'error' ? 'error' : 'active';
  } else {
    context = startingContext(steps.input);
    state = 'expected';
    status = 'active';
    audit.push(expectedLine(context, steps.input.by).line);
  }
  const outcomes: SendOutcome[] = [];
  let failure: unknown;
  for (const event of steps.events) {
    if (status !== 'active') {
      outcomes.push(NOT_TAKEN(state, typeof event === 'object' && event !== null ? String((event as { type?: unknown }).type) : typeof event));
      continue;
    }
    if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
      outcomes.push({ ok: false, error: new ExamcycleError('invalid_value', 'An event is an object with a type', { details: { state } }) });
      continue;
    }
    try {
      const at = state;
      let taken: Step | undefined;
      // One argument object for every guard of the step (the guards are the shipped machine's, which keep nothing).
      const args: GuardArgs = { context, event };
      for (const step of candidatesFor(chart, at, event.type)) {
        if (step.guard === undefined || passes(chart, step.guard, args)) {
          taken = step;
          break;
        }
      }
      if (taken === undefined) {
        // No step and no wildcard: the actor ignores the event, and so does the record (there is none in this chart).
        outcomes.push({ ok: true });
        continue;
      }
      let line: AuditLine | undefined;
      for (const action of taken.actions) {
        switch (action.type) {
          case 'accept':
            context = { ...context, ...acceptedChange(context, event, chart.hostPack) };
            break;
          case 'accepted': {
            const { from, to } = action.params as { from: CertificateState; to: CertificateState };
            line = acceptedLine(context, event, from, to).line;
            audit.push(line);
            break;
          }
          case 'reject': {
            const check: GuardCheck = (guard) => passes(chart, guard as Guard, args);
            const refused = refusedLine(chart.machine, chart.refusals, (action.params as { state: CertificateState }).state, context, event, check);
            context = { ...context, lastEventAt: refused.lastEventAt };
            line = refused.line;
            audit.push(line);
            break;
          }
          default:
            throw chartRefusal(`recordCertificates cannot take the action "${action.type}"`);
        }
      }
      if (taken.target !== undefined) state = taken.target;
      if (chart.finals.has(state)) status = 'done';
      outcomes.push(line === undefined ? { ok: true } : sendOutcomeOf([line], undefined, event.type));
    } catch (cause) {
      if (cause instanceof ExamcycleError && chartRefusals.has(cause)) throw cause;
      failure = cause;
      status = 'error';
      outcomes.push({ ok: false, error: new ExamcycleError('event_rejected', `"${event.type}" stopped the certificate with an error`, { cause }) });
    }
  }
  // Kept as exact-size copies: a list grown by push from empty holds room for 17 entries, and a record keeps its lists.
  return new Recorded(chart.machine, state, status, context, audit.slice(), outcomes.slice(), failure);
}

/**
 * Takes each certificate of a batch through its steps under the certificate statechart — the same states,
 * named guards, targets and audit lines as an actor of {@link certificateMachine} sent the same events —
 * without an actor per certificate: for an awarding body's delivery, a results-season batch, or a migration
 * replaying years of certificates. Every step is accepted or refused by the chart's rules, and every one is
 * in the certificate's `audit` (append them to the store's log as the runtime would). An event sent to a
 * certificate already issued or purged is not taken (an actor ignores it); its outcome says so.
 *
 * @param batch - the certificates, each new (its input) or kept (its snapshot), with its events in order
 * @param options - the host's rules pack, for certificates restored from snapshots
 * @returns one record per certificate, in the batch's order
 * @throws ExamcycleError `invalid_value` when a new certificate's input cannot start one (as an actor's start would)
 * @example
 * ```ts
 * const by: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const series = examSeries('june', 2026);
 * const [record] = recordCertificates([
 *   {
 *     input: { certificate: { id: 'CERT-1', candidateId: 'C-1', seriesId: series.id, awardingBodyId: 'AQA' }, rulesPack: jcq, series, createdAt: '2026-09-01T09:00:00+01:00', by },
 *     events: [
 *       { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by },
 *       { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by, correct: true },
 *       { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by, method: 'collected', to: 'C-1' },
 *     ],
 *   },
 * ]);
 * record?.state; // 'issued'
 * record?.audit.length; // 4: expected, received, checked, issued
 * ```
 */
export function recordCertificates(batch: readonly CertificateSteps[], options: RecordCertificatesOptions = {}): CertificateRecord[] {
  if (!Array.isArray(batch)) throw new ExamcycleError('invalid_value', 'recordCertificates takes a list of certificates and their steps');
  const hostPack = options.rulesPack;
  const machine = hostPack === undefined ? certificateMachine : certificateMachineFor(hostPack);
  const chart = chartOf(machine, hostPack);
  const records: CertificateRecord[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const steps = batch[i]!;
    if (typeof steps !== 'object' || steps === null || !Array.isArray(steps.events) || (steps.input === undefined) === (steps.snapshot === undefined)) {
      throw new ExamcycleError('invalid_value', `Certificate ${i + 1} of the batch needs its input or its snapshot (not both) and a list of events`, { details: { index: i } });
    }
    try {
      records[i] = record(chart, steps);
    } catch (cause) {
      if (cause instanceof ExamcycleError && steps.input !== undefined && cause.code === 'invalid_value' && !chartRefusals.has(cause)) {
        throw new ExamcycleError('invalid_value', `Certificate ${i + 1} of the batch: ${cause.message}`, { details: { index: i, ...(cause.details ?? {}) }, cause });
      }
      throw cause;
    }
  }
  return records;
}
