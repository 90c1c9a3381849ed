/**
 * The audit trail: an append-only list of what happened, when, by whom, and whether it was accepted.
 * Machines keep it in their context (so it persists with the snapshot); stores append a line per read.
 * Exported as JSON lines for a data-protection officer or a JCQ inspector.
 */
import type { ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import type { StaffRole } from '../domain/staff.js';
import type { Instant } from '../time/clock.js';

/**
 * Who did something: a staff member (with the roles they acted in) or a system process.
 *
 * @example
 * ```ts
 * const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const system: Actor = { id: 'deadline-worker', role: 'system' };
 * ```
 */
export interface Actor {
  readonly id: string;
  readonly role?: StaffRole | 'candidate' | 'system';
}

/**
 * One line of the audit trail as a machine or store emits it, before a store numbers it.
 * Machines emit these as `{ type: 'audit', line }`; the runtime appends them to the store's log.
 *
 * @example
 * ```ts
 * const line: AuditLine = { at: '2026-02-10T16:00:00+00:00', by: { id: 'eo-1', role: 'exams_officer' }, event: 'task.complete', from: 'entries', to: 'entries', outcome: 'accepted' };
 * ```
 */
export type AuditLine = Omit<AuditEntry, 'seq'>;

/**
 * One line of the audit trail, numbered by the log it was appended to.
 *
 * @example
 * ```ts
 * declare const cycle: HostedActor;
 * const trail: readonly AuditEntry[] = await cycle.audit();
 * for (const e of trail) console.log(e.seq, e.at, e.event, e.outcome);
 * ```
 */
export interface AuditEntry {
  /** 1-based position in the trail. */
  readonly seq: number;
  readonly at: Instant;
  readonly by?: Actor;
  /** The event type, e.g. `task.complete` or `results.read`. */
  readonly event: string;
  /** The state (or phase) before. */
  readonly from: string;
  /** The state after (equal to `from` when rejected). */
  readonly to: string;
  readonly outcome: 'accepted' | 'rejected';
  /** Why it was rejected. */
  readonly reason?: string;
  readonly code?: ExamcycleErrorCode;
  /** The rule that decided, when a policy did. */
  readonly rule?: string;
  /** Extra detail (task id, record id, …). */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * Appends an entry to a trail without changing the original (the trail is append-only).
 *
 * @param trail - the trail so far
 * @param entry - the entry, without its sequence number
 * @example
 * ```ts
 * const next = appendAudit([], { at: '2026-06-01T09:00:00+01:00', event: 'task.complete', from: 'entries', to: 'entries', outcome: 'accepted' });
 * next[0]?.seq; // 1
 * ```
 */
export function appendAudit(trail: readonly AuditEntry[], entry: Omit<AuditEntry, 'seq'>): AuditEntry[] {
  return [...trail, { seq: trail.length + 1, ...entry }];
}

/**
 * The trail as JSON lines (one JSON object per line, `\n`-separated, ending with a newline).
 *
 * @param trail - the audit trail
 * @example
 * ```ts
 * declare const trail: AuditEntry[];
 * writeFileSync('june-2026-audit.jsonl', auditToJsonLines(trail));
 * ```
 */
export function auditToJsonLines(trail: readonly AuditEntry[]): string {
  return trail.map((e) => JSON.stringify(e)).join('\n') + (trail.length ? '\n' : '');
}

/**
 * The event every examcycle machine emits for each line of its audit trail.
 *
 * @example
 * ```ts
 * declare const actor: ActorRefFrom<typeof certificateMachine>;
 * import type { ActorRefFrom } from 'xstate';
 * actor.on('audit', (emitted: AuditEmitted) => console.log(emitted.line.event, emitted.line.outcome));
 * ```
 */
export interface AuditEmitted {
  readonly type: 'audit';
  readonly line: AuditLine;
}

/**
 * Collects the audit lines an actor emits into an array (for tests and single-process hosts that keep no
 * store). Call it before `actor.start()` to include the start line. The runtime
 * ({@link createExamcycleRuntime}) appends the same lines to a store's log instead.
 *
 * @param actor - an actor of an examcycle machine (anything with xstate's `on`)
 * @example
 * ```ts
 * declare const input: EnquiryInput;
 * const actor = createActor(enquiryMachine, { input });
 * const audit = collectAudit(actor);
 * actor.start();
 * audit[0]?.event; // 'enquiry.start'
 * ```
 */
export function collectAudit(actor: { on(type: 'audit', handler: (e: AuditEmitted) => void): unknown }): AuditLine[] {
  const lines: AuditLine[] = [];
  actor.on('audit', (e) => {
    lines.push(e.line);
  });
  return lines;
}
