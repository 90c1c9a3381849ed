/**
 * The exam-cycle machine's persistence spec: the schema every restored context must pass (each field the
 * machine reads, with its real type: a task status `"dpen"` from a torn write, a missing `tasks`, a phase
 * that does not exist are all refused), the migration from version 1 (audit trail in the context) and when
 * the cycle next needs a clock tick (its next deadline signal).
 */
import { z } from 'zod';
import { instantMillis } from '../audit/eventStamp.js';
import { dropContextAudit, type PersistedMachineSpec } from '../persistence/persistedMachine.js';
import type { Instant } from '../time/clock.js';
import { CYCLE_PHASES } from './cycleTasks.js';
import { examCycleMachine, type ExamCycleContext } from './examCycleMachine.js';

const DAY_MS = 86_400_000;

const instant = z.string().refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const text = z.string().min(1).max(10_000);
const openPhase = z.enum(CYCLE_PHASES.filter((p) => p !== 'closed') as [string, ...string[]]);
const actor = z.strictObject({ id: z.string().min(1).max(200), role: z.string().max(60).optional() });

const taskSchema = z.strictObject({
  id: text,
  phase: openPhase,
  title: text,
  blocking: z.boolean(),
  status: z.enum(['open', 'done', 'not_applicable']),
  dueAt: instant.optional(),
  dueKeyDate: z.string().max(80).optional(),
  source: z.string().max(10_000).optional(),
  closedBy: actor.optional(),
  closedAt: instant.optional(),
  note: z.string().max(10_000).optional(),
});

const keyDateSchema = z.looseObject({ id: text, kind: z.string().min(1).max(80), title: text, seriesId: text, at: instant, date: z.string() });

const signalSchema = z.strictObject({
  taskId: text,
  title: text,
  phase: openPhase,
  dueAt: instant,
  status: z.enum(['due_soon', 'overdue']),
});

/**
 * The schema of the exam-cycle machine's persisted context.
 *
 * @example
 * ```ts
 * examCycleContextSchema.safeParse(actor.getSnapshot().context).success; // true
 * ```
 */
export const examCycleContextSchema = z.strictObject({
  centre: z.strictObject({ centreNumber: z.string().regex(/^\d{5}$/), name: z.string().max(500) }),
  series: z.looseObject({ id: z.string().regex(/^(january|march|june|november)-\d{4}$/), month: z.enum(['january', 'march', 'june', 'november']), year: z.number().int(), academicYear: z.string() }),
  keyDates: z.array(keyDateSchema).max(10_000),
  tasks: z.array(taskSchema).max(100_000),
  outstandingResults: z.number().int().min(0),
  dueSoonDays: z.number().finite().min(0).max(366),
  signals: z.array(signalSchema),
  timeline: z.array(z.strictObject({ phase: z.enum(CYCLE_PHASES), enteredAt: instant, by: actor.optional() })).min(1),
  lastEventAt: instant,
});

/**
 * The next instant an open task's signal changes (enters its due-soon window or falls overdue), or `null`.
 *
 * @param context - the cycle's context
 * @example
 * ```ts
 * nextCycleWake(actor.getSnapshot().context); // '2026-02-07T23:59:59.999+00:00'
 * ```
 */
export function nextCycleWake(context: Pick<ExamCycleContext, 'tasks' | 'dueSoonDays' | 'lastEventAt'>): Instant | null {
  const now = instantMillis(context.lastEventAt) ?? 0;
  let next = Infinity;
  let nextIso: Instant | null = null;
  for (const t of context.tasks) {
    if (t.status !== 'open' || !t.dueAt) continue;
    const due = instantMillis(t.dueAt);
    if (due === null) continue;
    for (const edge of [due - context.dueSoonDays * DAY_MS, due + 1]) {
      if (edge > now && edge < next) {
        next = edge;
        nextIso = new Date(edge).toISOString();
      }
    }
  }
  return nextIso;
}

/**
 * The exam-cycle machine's persistence spec (context schema, migrations from version 1, wake-up instant).
 *
 * @example
 * ```ts
 * const runtime = createExamcycleRuntime({ store, clock });
 * const cycle = await runtime.open(examCyclePersisted, key, { input });
 * ```
 */
export const examCyclePersisted: PersistedMachineSpec<typeof examCycleMachine> = {
  machine: examCycleMachine,
  context: examCycleContextSchema,
  migrations: { 1: dropContextAudit },
  wakeAt: (context: ExamCycleContext) => nextCycleWake(context),
  tickEvent: 'clock.tick',
};
