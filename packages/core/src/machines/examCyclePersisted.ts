/**
 * The exam-cycle machine's persistence spec: the schema every restored context must pass (each field the
 * machine reads, with its real type: a task status `"dpen"` from a torn write, a missing `tasks`, a phase
 * that does not exist are all refused), the migrations from version 1 (audit trail in the context) and
 * version 2 (one phase state; every key date of the series copied into the context), and when the cycle
 * next needs a clock tick (a deadline signal changes or a task opens).
 */
import { z } from 'zod';
import { instantMillis } from '../audit/eventStamp.js';
import { dropContextAudit, type PersistedMachineSpec } from '../persistence/persistedMachine.js';
import type { Instant } from '../time/clock.js';
import { CYCLE_PHASES, CYCLE_WORKSTREAMS, defaultWorkstream, type OpenCyclePhase } from './cycleTasks.js';
import { TASK_OWNER_RULE, examCycleMachine, taskAction, workstreamState, type ExamCycleContext } from './examCycleMachine.js';

const DAY_MS = 86_400_000;

const instant = z.string().refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const text = z.string().min(1).max(10_000);
const openPhase = z.enum(CYCLE_PHASES.filter((p) => p !== 'closed') as [string, ...string[]]);
const workstream = z.enum(CYCLE_WORKSTREAMS);
const actor = z.strictObject({ id: z.string().min(1).max(200), role: z.string().max(60).optional() });
const sourceRef = z.strictObject({ document: text, section: z.string().max(500).optional(), year: z.string().min(1).max(40), url: z.string().max(2000).optional() });
const confidence = z.enum(['primary', 'primary-earlier-year', 'secondary', 'pattern', 'reading']);

const taskSchema = z.strictObject({
  id: text,
  phase: openPhase,
  workstream,
  title: text,
  blocking: z.boolean(),
  status: z.enum(['open', 'done', 'not_applicable']),
  dueAt: instant.optional(),
  keyDateId: z.string().min(1).max(200).optional(),
  opensAt: instant.optional(),
  opensWith: openPhase.optional(),
  source: z.union([z.string().max(10_000), sourceRef]).optional(),
  confidence: confidence.optional(),
  closedBy: actor.optional(),
  closedAt: instant.optional(),
  note: z.string().max(10_000).optional(),
});

const grantSchema = z.strictObject({
  roles: z.array(z.string().min(1).max(60)).max(20),
  staffIds: z.array(z.string().min(1).max(200)).max(1000).optional(),
  rule: text,
  title: z.string().max(10_000).optional(),
});

const signalSchema = z.strictObject({
  taskId: text,
  title: text,
  phase: openPhase,
  workstream,
  dueAt: instant,
  status: z.enum(['due_soon', 'overdue']),
});

/**
 * The schema of the exam-cycle machine's persisted context (version 3).
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof examCycleMachine>;
 * examCycleContextSchema.safeParse(actor.getSnapshot().context).success; // true
 * ```
 */
export const examCycleContextSchema = z.strictObject({
  centre: z.strictObject({ centreNumber: z.string().regex(/^\d{5}$/), name: z.string().max(500) }),
  series: z.looseObject({ id: z.string().regex(/^(january|march|june|november)-\d{4}$/), month: z.enum(['january', 'march', 'june', 'november']), year: z.number().int(), academicYear: z.string() }),
  tasks: z.array(taskSchema).max(100_000),
  grants: z.record(z.string().min(1).max(10_200), grantSchema),
  outstandingResults: z.number().int().min(0),
  dueSoonDays: z.number().finite().min(0).max(366),
  signals: z.array(signalSchema),
  timeline: z.array(z.strictObject({ phase: z.enum(CYCLE_PHASES), enteredAt: instant, by: actor.optional() })).min(1),
  lastEventAt: instant,
});

/**
 * The next instant the cycle needs a clock tick: an open task's signal changes (it enters its due-soon
 * window or falls overdue) or a task opens on its date (its workstream opens). `null` when none.
 *
 * @param context - the cycle's context
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof examCycleMachine>;
 * nextCycleWake(actor.getSnapshot().context); // '2026-02-07T23:59:59.999+00:00'
 * ```
 */
export function nextCycleWake(context: Pick<ExamCycleContext, 'tasks' | 'dueSoonDays' | 'lastEventAt'>): Instant | null {
  const now = instantMillis(context.lastEventAt) ?? 0;
  let next = Infinity;
  const consider = (edge: number) => {
    if (edge > now && edge < next) next = edge;
  };
  for (const t of context.tasks) {
    if (t.status !== 'open') continue;
    const opens = t.opensAt === undefined ? null : instantMillis(t.opensAt);
    if (opens !== null) consider(opens);
    const due = t.dueAt === undefined ? null : instantMillis(t.dueAt);
    if (due === null) continue;
    consider(due - context.dueSoonDays * DAY_MS);
    consider(due + 1);
  }
  return next === Infinity ? null : (new Date(next).toISOString() as Instant);
}

type Loose = Record<string, unknown>;
const isObject = (u: unknown): u is Loose => typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Migration from snapshot version 2 to 3: the key dates leave the context (each task keeps its due instant
 * and the id of the key date it falls due on), tasks gain their workstream and opening (a version-2 cycle let
 * any task be completed at any time, so each opens when the cycle started), the grants are the task owner's
 * (the exams officer: version 2 had none; a host may re-grant by starting a new cycle), signals gain their
 * workstream, and the state value gains the workstream regions.
 *
 * @param snapshot - a version-2 xstate persisted snapshot
 * @example
 * ```ts
 * const v2Snapshot = JSON.parse(readFileSync('june-2026.v2.json', 'utf8'));
 * const v3 = migrateExamCycleV2(v2Snapshot);
 * ```
 */
export function migrateExamCycleV2(snapshot: Loose): Loose {
  const context = snapshot['context'];
  if (!isObject(context)) return snapshot;
  const { keyDates, ...rest } = context;
  const dates = Array.isArray(keyDates) ? keyDates.filter(isObject) : [];
  const timeline = Array.isArray(rest['timeline']) ? rest['timeline'].filter(isObject) : [];
  const startedAt = typeof timeline[0]?.['enteredAt'] === 'string' ? timeline[0]['enteredAt'] : rest['lastEventAt'];
  const tasks = (Array.isArray(rest['tasks']) ? rest['tasks'] : []).map((t: unknown) => {
    if (!isObject(t)) return t;
    const { dueKeyDate, ...task } = t;
    const phase = task['phase'] as OpenCyclePhase;
    const key = typeof dueKeyDate === 'string' ? (dates.find((k) => k['kind'] === dueKeyDate && k['at'] === task['dueAt']) ?? dates.find((k) => k['kind'] === dueKeyDate)) : undefined;
    return {
      ...task,
      workstream: CYCLE_PHASES.includes(phase) && phase !== ('closed' as string) ? defaultWorkstream(phase) : 'planning',
      ...(typeof key?.['id'] === 'string' ? { keyDateId: key['id'] } : {}),
      ...(typeof startedAt === 'string' ? { opensAt: startedAt } : {}),
    };
  });
  const grants: Record<string, unknown> = {};
  for (const t of tasks) if (isObject(t) && typeof t['id'] === 'string') grants[taskAction(t['id'])] = { roles: ['exams_officer'], rule: TASK_OWNER_RULE, ...(typeof t['title'] === 'string' ? { title: t['title'] } : {}) };
  const signals = (Array.isArray(rest['signals']) ? rest['signals'] : []).map((s: unknown) =>
    isObject(s) && typeof s['phase'] === 'string' && s['phase'] !== 'closed' ? { ...s, workstream: defaultWorkstream(s['phase'] as OpenCyclePhase) } : s,
  );
  const next = { ...rest, tasks, grants, signals };
  const phase = snapshot['value'];
  const workstreams = Object.fromEntries(CYCLE_WORKSTREAMS.map((w) => [w, workstreamState(next as unknown as ExamCycleContext, w)]));
  return { ...snapshot, context: next, value: typeof phase === 'string' ? { phase, workstreams } : phase };
}

/**
 * The exam-cycle machine's persistence spec (context schema, migrations from versions 1 and 2, wake-up instant).
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * declare const clock: ExamClock;
 * declare const input: ExamCycleInput;
 * const key = { centreNumber: '99999', id: 'june-2026' };
 * const runtime = createExamcycleRuntime({ store, clock });
 * const cycle = await runtime.open(examCyclePersisted, key, { input });
 * ```
 */
export const examCyclePersisted: PersistedMachineSpec<typeof examCycleMachine> = {
  machine: examCycleMachine,
  context: examCycleContextSchema,
  migrations: { 1: dropContextAudit, 2: migrateExamCycleV2 },
  wakeAt: (context: ExamCycleContext) => nextCycleWake(context),
  tickEvent: 'clock.tick',
};
