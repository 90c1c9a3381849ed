/**
 * The exam cycle's work as data: phases (what the cycle reports), workstreams (the work that runs in
 * parallel: access arrangements, entries, coursework marks, rooming and invigilation …) and the task shape a
 * rules pack's catalogue supplies (`RulesPack.cycleTasks(series)`). Core holds the types and the machine;
 * the catalogue, with its sources, lives in the pack.
 */
import type { Actor } from '../audit/auditTrail.js';
import type { ActorRole } from '../rules/authority.js';
import type { Confidence, SourceRef } from '../rules/sources.js';
import type { Instant } from '../time/clock.js';

/**
 * The phases of an exam series, in order.
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const phase = currentPhase(cycle.actor.getSnapshot().context);
 * CYCLE_PHASES.indexOf(phase) > CYCLE_PHASES.indexOf('entries'); // past the entries phase
 * ```
 */
export const CYCLE_PHASES = ['planning', 'entries', 'preExams', 'examTime', 'results', 'postResults', 'certificates', 'closed'] as const;
/**
 * A phase of the exam cycle.
 *
 * @example
 * ```ts
 * const phase: CyclePhase = 'examTime';
 * ```
 */
export type CyclePhase = (typeof CYCLE_PHASES)[number];
/**
 * A phase work can belong to (every phase but `closed`).
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const phase: OpenCyclePhase = 'planning';
 * openBlockingTasks(cycle.actor.getSnapshot().context, phase).length;
 * ```
 */
export type OpenCyclePhase = Exclude<CyclePhase, 'closed'>;

/**
 * The workstreams of a series: the exams office's strands of work that run side by side, each with its own
 * deadlines (the exams officer job descriptions in examcycle's seed documents; JCQ's key dates).
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const context = cycle.actor.getSnapshot().context;
 * CYCLE_WORKSTREAMS.map((w) => `${w}: ${workstreamState(context, w)}`);
 * ```
 */
export const CYCLE_WORKSTREAMS = [
  'planning',
  'accessArrangements',
  'entries',
  'coursework',
  'examRooms',
  'examTime',
  'results',
  'postResults',
  'certificates',
  'centre',
] as const;
/**
 * A workstream of the exam cycle.
 *
 * @example
 * ```ts
 * const workstream: CycleWorkstream = 'accessArrangements';
 * ```
 */
export type CycleWorkstream = (typeof CYCLE_WORKSTREAMS)[number];

/**
 * Where a task stands.
 *
 * @example
 * ```ts
 * declare const task: CycleTask;
 * const status: TaskStatus = task.status; // 'open' | 'done' | 'not_applicable'
 * ```
 */
export type TaskStatus = 'open' | 'done' | 'not_applicable';

/**
 * When a task opens (may be worked on and completed): when the cycle reaches a phase, on a key date of the
 * series (a `KeyDateKind`, the earliest of that kind, or a key date's id), optionally offset by whole days, or
 * at an instant. A task with no opening opens when the cycle reaches its phase.
 *
 * @example
 * ```ts
 * const opens: TaskOpening = { keyDate: 'restricted_release', offsetDays: -7 };
 * ```
 */
export type TaskOpening =
  | { readonly phase: OpenCyclePhase }
  | { readonly keyDate: string; readonly offsetDays?: number }
  | { readonly at: Instant };

/**
 * A task to add to a cycle (the pack's catalogue, or one raised later, e.g. a very late arrival report).
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const task: CycleTaskInput = { id: 'examRooms.sports-hall-booked', phase: 'preExams', workstream: 'examRooms', title: 'Book the sports hall for the summer series', blocking: true, roles: ['exams_officer'] };
 * cycle.send({ type: 'task.add', task, by: { id: 'eo-1', role: 'exams_officer' } });
 * ```
 */
export interface CycleTaskInput {
  /** Stable id, unique within the cycle, e.g. `entries.submitted` or `examTime.vla-report.0042.8300-1`. */
  readonly id: string;
  /** The phase the task is reported in; undated blocking work must be closed before the cycle leaves it. */
  readonly phase: OpenCyclePhase;
  /** The workstream it belongs to; by default the phase's own (`preExams` work is `examRooms`). */
  readonly workstream?: CycleWorkstream;
  readonly title: string;
  /** Blocking work must be closed (done or not applicable) before the phase gate it is due by. Default true. */
  readonly blocking?: boolean;
  /**
   * The kind of key date the task falls due on (a `KeyDateKind` of the rules contract, e.g. `entry_deadline`; the
   * earliest of that kind in the series). Typed as a string here so the task shape does not depend on the contract.
   */
  readonly dueKeyDate?: string;
  /** The id of the key date it falls due on (wins over `dueKeyDate`), e.g. `june-2026/nea_marks_deadline/OCR`. */
  readonly dueKeyDateId?: string;
  /**
   * An explicit due instant (wins over both). A task raised later with `task.add` gives its due instant here:
   * the cycle keeps no copy of the key dates, so `dueKeyDate` and `dueKeyDateId` resolve only at start.
   */
  readonly dueAt?: Instant;
  /** When it opens; by default when the cycle reaches its phase. */
  readonly opens?: TaskOpening;
  /**
   * Who may close it, when the pack's authority table has no row for `cycle.task.<id>` (a task raised with
   * `task.add`). Default: the exams officer.
   */
  readonly roles?: readonly ActorRole[];
  /** Where the task comes from (a regulation or job description); a string for a task raised by a host. */
  readonly source?: SourceRef | string;
  readonly confidence?: Confidence;
  /**
   * When the task falls due in words, where no key date of the pack gives it (e.g. "before the end of the
   * summer term"), or how a key-date due date was derived. Never a JCQ date the pack does not have.
   */
  readonly dueRule?: string;
}

/**
 * A task as the machine tracks it (plain JSON in the persisted context).
 *
 * @example
 * ```ts
 * declare const cycle: ExamCycle;
 * const open: CycleTask[] = cycle.actor.getSnapshot().context.tasks.filter((t) => t.status === 'open' && t.blocking);
 * open.map((t) => `${t.dueAt?.slice(0, 10) ?? 'no date'} ${t.title}`);
 * ```
 */
export interface CycleTask {
  readonly id: string;
  readonly phase: OpenCyclePhase;
  readonly workstream: CycleWorkstream;
  readonly title: string;
  readonly blocking: boolean;
  readonly status: TaskStatus;
  /** The resolved due instant, if any. */
  readonly dueAt?: Instant;
  /** The key date it falls due on (its id), if any: the only key-date data the cycle keeps. */
  readonly keyDateId?: string;
  /** When it opened or opens (absent until its phase is reached, for work that opens with a phase). */
  readonly opensAt?: Instant;
  /** The phase whose entry opens it, when it opens with a phase. */
  readonly opensWith?: OpenCyclePhase;
  readonly source?: SourceRef | string;
  readonly confidence?: Confidence;
  /** Who closed it and when (done or not applicable). */
  readonly closedBy?: Actor;
  readonly closedAt?: Instant;
  /** Why it is not applicable, or a note on completion. */
  readonly note?: string;
}

/**
 * The workstream a phase's work belongs to when a task does not name one.
 *
 * @param phase - the task's phase
 * @example
 * ```ts
 * defaultWorkstream('preExams'); // 'examRooms'
 * ```
 */
export function defaultWorkstream(phase: OpenCyclePhase): CycleWorkstream {
  return phase === 'preExams' ? 'examRooms' : phase;
}

/**
 * A task's source in words, whatever form it was given in (`document section (year)`).
 *
 * @param source - a source reference or a host's string
 * @example
 * ```ts
 * sourceText({ document: 'JCQ General Regulations', section: '5.3', year: '2025/26' }); // 'JCQ General Regulations 5.3 (2025/26)'
 * ```
 */
export function sourceText(source: SourceRef | string | undefined): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return source;
  return `${source.document}${source.section ? ` ${source.section}` : ''} (${source.year})`;
}
