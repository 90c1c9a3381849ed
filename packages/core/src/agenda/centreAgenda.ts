/**
 * A centre's agenda across series: the exams officer's to-do list, in the order of the deadlines. One query
 * over all of a centre's open exam cycles (their contexts or persisted snapshots) and its EOPS deadlines
 * (registration for the year, overdue review meetings) returns what is overdue, what falls due this week,
 * and what comes next, each item with its source. EOPS enters through a small interface of its own
 * ({@link AgendaDeadline}), built from the EOPS queries by {@link eopsAgendaDeadlines}, so the agenda does
 * not depend on how EOPS stores its records.
 */
import type { ActorRole } from '../rules/authority.js';
import type { Confidence, SourceRef } from '../rules/sources.js';
import { isoInstant, endOfLondonDay, toLondon, type CalendarDate, type Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import type { CycleWorkstream, OpenCyclePhase } from '../machines/cycleTasks.js';
import { currentPhase, taskAction, type ExamCycleContext } from '../machines/examCycleMachine.js';

const DAY_MS = 86_400_000;

/**
 * A dated item of work from outside the exam cycles (EOPS), as the agenda takes it.
 *
 * @example
 * ```ts
 * const deadline: AgendaDeadline = { id: 'eops.registration.eo-1', kind: 'eops.registration', title: 'Register Amber Giles for EOPS 2025/26', dueAt: '2025-10-31T23:59:59.999+00:00', officerId: 'eo-1' };
 * centreAgenda({ asOf: '2025-10-27T09:00:00Z', cycles: [], deadlines: [deadline] }).dueThisWeek.length; // 1
 * ```
 */
export interface AgendaDeadline {
  /** Stable id, e.g. `eops/2025-26/eo-1/registration`. */
  readonly id: string;
  readonly kind: 'eops.registration' | 'eops.meeting';
  readonly title: string;
  readonly dueAt: Instant;
  /** Whose it is (the officer's id), when it is one person's. */
  readonly officerId?: string;
  readonly source?: SourceRef | string;
  readonly confidence?: Confidence;
}

/**
 * One line of the agenda.
 *
 * @example
 * ```ts
 * declare const agenda: CentreAgenda;
 * const items: readonly AgendaItem[] = agenda.dueThisWeek;
 * items.map((i) => `${i.dueAt.slice(0, 10)} ${i.seriesId ?? 'EOPS'}: ${i.title}`);
 * ```
 */
export interface AgendaItem {
  /** `<seriesId>/<taskId>` for a cycle task, the deadline's id otherwise. */
  readonly id: string;
  readonly kind: 'cycle.task' | AgendaDeadline['kind'];
  readonly title: string;
  readonly dueAt: Instant;
  readonly seriesId?: string;
  readonly taskId?: string;
  readonly phase?: OpenCyclePhase;
  readonly workstream?: CycleWorkstream;
  /** When the work opens, if it has not yet. */
  readonly opensAt?: Instant;
  readonly blocking?: boolean;
  /** Who may close it (the cycle's grants). */
  readonly roles?: readonly ActorRole[];
  readonly officerId?: string;
  readonly source?: SourceRef | string;
  readonly confidence?: Confidence;
}

/**
 * The agenda: overdue, due this week, and next, each ordered by deadline.
 *
 * @example
 * ```ts
 * declare const june: ExamCycle;
 * const agenda: CentreAgenda = centreAgenda({ asOf: '2026-02-16T09:00:00Z', cycles: [june.actor.getSnapshot().context] });
 * agenda.overdue.map((i) => i.title);
 * ```
 */
export interface CentreAgenda {
  readonly asOf: Instant;
  readonly overdue: readonly AgendaItem[];
  readonly dueThisWeek: readonly AgendaItem[];
  readonly next: readonly AgendaItem[];
}

/**
 * A cycle as the agenda reads it: its context, or a persisted snapshot (`{ snapshot: { context } }`) of the current version.
 *
 * @example
 * ```ts
 * declare const june: ExamCycle;
 * const cycle: AgendaCycle = june.actor.getSnapshot().context;
 * centreAgenda({ asOf: '2026-02-16T09:00:00Z', cycles: [cycle] }).overdue.length;
 * ```
 */
export type AgendaCycle = Pick<ExamCycleContext, 'series' | 'tasks' | 'timeline' | 'grants'> | { readonly snapshot: unknown };

/**
 * Options for {@link centreAgenda}.
 *
 * @example
 * ```ts
 * declare const june: ExamCycle, november: ExamCycle;
 * const options: CentreAgendaOptions = { asOf: '2026-02-16T09:00:00Z', cycles: [june.actor.getSnapshot().context, november.actor.getSnapshot().context], weekDays: 5, nextLimit: 20 };
 * centreAgenda(options).next.length;
 * ```
 */
export interface CentreAgendaOptions {
  /** The instant the agenda is for. */
  readonly asOf: Instant;
  /** The centre's exam cycles (closed ones add nothing). */
  readonly cycles: readonly AgendaCycle[];
  /** Its EOPS deadlines ({@link eopsAgendaDeadlines}). */
  readonly deadlines?: readonly AgendaDeadline[];
  /**
   * How many days "this week" runs from `asOf`.
   * @default 7
   */
  readonly weekDays?: number;
  /**
   * How many items "next" lists after this week.
   * @default 10
   */
  readonly nextLimit?: number;
}

function contextOf(cycle: AgendaCycle): Pick<ExamCycleContext, 'series' | 'tasks' | 'timeline' | 'grants'> | undefined {
  if ('tasks' in cycle) return cycle;
  const snap = (cycle as { snapshot: unknown }).snapshot as { context?: unknown } | undefined;
  const ctx = snap?.context as Partial<ExamCycleContext> | undefined;
  return ctx && Array.isArray(ctx.tasks) && Array.isArray(ctx.timeline) && ctx.series ? (ctx as ExamCycleContext) : undefined;
}

/**
 * The centre's agenda at an instant across all its exam cycles and EOPS deadlines: open work that is overdue,
 * due within the week, and the next items after that, each ordered by deadline (then id). Work without a due
 * date is not on it (it holds a phase gate, not a date).
 *
 * @param options - the instant, the cycles, the EOPS deadlines, the week's length and how many next items
 * @example
 * ```ts
 * declare const june: ExamCycle, november: ExamCycle;
 * declare const registrationDue: EopsRegistrationDue[];
 * const agenda = centreAgenda({ asOf: '2026-02-16T09:00:00Z', cycles: [june.actor.getSnapshot().context, november.actor.getSnapshot().context], deadlines: eopsAgendaDeadlines({ registrationDue }) });
 * agenda.dueThisWeek.map((i) => `${i.dueAt.slice(0, 10)} ${i.seriesId ?? 'EOPS'}: ${i.title}`);
 * ```
 */
export function centreAgenda({ asOf, cycles, deadlines = [], weekDays = 7, nextLimit = 10 }: CentreAgendaOptions): CentreAgenda {
  const now = instantToMillis(asOf);
  const items: AgendaItem[] = [];
  for (const cycle of cycles) {
    const ctx = contextOf(cycle);
    if (!ctx || currentPhase(ctx) === 'closed') continue;
    for (const t of ctx.tasks) {
      if (t.status !== 'open' || t.dueAt === undefined) continue;
      const roles = ctx.grants[taskAction(t.id)]?.roles;
      items.push({
        id: `${ctx.series.id}/${t.id}`,
        kind: 'cycle.task',
        title: t.title,
        dueAt: t.dueAt,
        seriesId: ctx.series.id,
        taskId: t.id,
        phase: t.phase,
        workstream: t.workstream,
        ...(t.opensAt === undefined || instantToMillis(t.opensAt) > now ? (t.opensAt ? { opensAt: t.opensAt } : {}) : {}),
        blocking: t.blocking,
        ...(roles ? { roles } : {}),
        ...(t.source !== undefined ? { source: t.source } : {}),
        ...(t.confidence !== undefined ? { confidence: t.confidence } : {}),
      });
    }
  }
  for (const d of deadlines) items.push({ ...d });
  items.sort((a, b) => instantToMillis(a.dueAt) - instantToMillis(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const weekEnd = now + weekDays * DAY_MS;
  return {
    asOf: isoInstant(toLondon(asOf)),
    overdue: items.filter((i) => instantToMillis(i.dueAt) < now),
    dueThisWeek: items.filter((i) => instantToMillis(i.dueAt) >= now && instantToMillis(i.dueAt) <= weekEnd),
    next: items.filter((i) => instantToMillis(i.dueAt) > weekEnd).slice(0, nextLimit),
  };
}

/**
 * What {@link eopsAgendaDeadlines} reads: the EOPS queries' answers, whatever shape the EOPS records take.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const input: EopsAgendaInput = { registrationDue: eopsRegistrationDue(actor.getSnapshot(), jcq.eopsRules('2025/26'), '2025-10-27T09:00:00Z') };
 * eopsAgendaDeadlines(input).map((d) => d.title);
 * ```
 */
export interface EopsAgendaInput {
  /** Officers not yet registered for the year (`eopsRegistrationDue(...)`). */
  readonly registrationDue?: readonly {
    readonly officerId: string;
    readonly officerName: string;
    readonly academicYear: string;
    readonly registrationBy: CalendarDate;
    readonly source: SourceRef;
    readonly confidence: Confidence;
  }[];
  /** Each officer's overdue review meetings (`overdueMeetings(record, asOf)`). */
  readonly overdueMeetings?: readonly {
    readonly officerId: string;
    readonly officerName: string;
    readonly meetings: readonly { readonly date: CalendarDate; readonly kind: string }[];
    readonly source?: SourceRef;
  }[];
}

/**
 * The agenda's EOPS deadlines from the EOPS queries: each unregistered officer's registration (due at the end
 * of the pack's registration-by day) and each overdue review meeting (due at the end of its scheduled day).
 *
 * @param input - the answers of `eopsRegistrationDue` and `overdueMeetings`
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * eopsAgendaDeadlines({ registrationDue: eopsRegistrationDue(actor, jcq.eopsRules('2025/26'), '2026-02-16T09:00:00Z') });
 * ```
 */
export function eopsAgendaDeadlines({ registrationDue = [], overdueMeetings = [] }: EopsAgendaInput): AgendaDeadline[] {
  const out: AgendaDeadline[] = [];
  for (const r of registrationDue) {
    out.push({
      id: `eops/${r.academicYear.replace('/', '-')}/${r.officerId}/registration`,
      kind: 'eops.registration',
      title: `EOPS registration for ${r.academicYear}: ${r.officerName}`,
      dueAt: endOfLondonDay(r.registrationBy),
      officerId: r.officerId,
      source: r.source,
      confidence: r.confidence,
    });
  }
  for (const o of overdueMeetings) {
    for (const m of o.meetings) {
      out.push({
        id: `eops/${o.officerId}/meeting/${m.date}`,
        kind: 'eops.meeting',
        title: `EOPS review meeting (${m.kind.replace(/_/g, ' ')}) with ${o.officerName}`,
        dueAt: endOfLondonDay(m.date),
        officerId: o.officerId,
        ...(o.source ? { source: o.source } : {}),
      });
    }
  }
  return out;
}
