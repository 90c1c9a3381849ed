/**
 * The entry-checking machine's persistence spec: the schema every restored list's context must pass (each
 * field the machine reads, with its real type: an entry status `"corect"`, a grant without roles, a deadline
 * that is not an instant, an unknown key or a `__proto__` key are all refused), and when a list next needs a
 * clock tick (its next deadline signal).
 */
import { z } from 'zod';
import { instantMillis } from '../audit/eventStamp.js';
import { staffRoleSchema } from '../domain/staff.js';
import type { PersistedMachineSpec } from '../persistence/persistedMachine.js';
import type { Instant } from '../time/clock.js';
import { ENTRY_CHECKING_MILESTONES, nextEntryCheckingWake, type EntryCheckingMilestone } from './entryCheckingDeadlines.js';
import { entryCheckingMachine, type EntryCheckingContext } from './entryCheckingMachine.js';

const instant = z.string().max(64).refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const id = z.string().min(1).max(200);
const text = z.string().min(1).max(10_000);
const role = z.union([staffRoleSchema, z.literal('candidate'), z.literal('system')]);
const actor = z.strictObject({ id, role: role.optional() });
const milestone = z.enum(ENTRY_CHECKING_MILESTONES);

const entrySchema = z.strictObject({
  entryId: id,
  candidateId: id,
  candidateNumber: z.string().max(20).optional(),
  candidateName: z.string().max(500).optional(),
  awardingBodyId: id,
  entryCode: id,
  title: z.string().max(500).optional(),
  componentCodes: z.array(id).max(100),
  tier: z.string().max(20).optional(),
  withdrawn: z.literal(true).optional(),
  status: z.enum(['unchecked', 'correct', 'queried', 'incorrect']),
  comment: text.optional(),
  answer: text.optional(),
  checkedBy: actor.optional(),
  checkedAt: instant.optional(),
  signedBy: actor.optional(),
  signedAt: instant.optional(),
  amendedAt: instant.optional(),
});

const grantSchema = z.strictObject({
  roles: z.array(role).max(20),
  staffIds: z.array(id).max(10_000).optional(),
  rule: id,
  title: z.string().max(1000).optional(),
});

/**
 * The schema of the entry-checking machine's persisted context (strict: no unknown keys).
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * entryCheckingContextSchema.safeParse(actor.getSnapshot().context).success; // true
 * ```
 */
export const entryCheckingContextSchema = z.strictObject({
  listId: id,
  centreNumber: z.string().regex(/^\d{5}$/),
  seriesId: id,
  department: z.strictObject({ id, name: z.string().min(1).max(500) }),
  headOfDepartmentIds: z.array(id).max(100),
  checkerIds: z.array(id).max(1000),
  grants: z.record(z.string().regex(/^entryChecking\./).max(200), grantSchema),
  entries: z.array(entrySchema).max(100_000),
  signedBy: actor.optional(),
  signedAt: instant.optional(),
  authorisedBy: actor.optional(),
  authorisedAt: instant.optional(),
  submittedBy: actor.optional(),
  submittedAt: instant.optional(),
  declinedReason: text.optional(),
  deadlines: z.array(z.strictObject({ milestone, title: text, dueAt: instant, basis: text, confidence: z.enum(['primary', 'primary-earlier-year', 'secondary', 'pattern', 'reading']) })).max(3),
  dueSoonDays: z.number().int().min(0).max(366),
  signals: z.array(z.strictObject({ taskId: milestone, title: text, dueAt: instant, status: z.enum(['due_soon', 'overdue']) })).max(3),
  lastEventAt: instant,
});

function reachedOf(context: Pick<EntryCheckingContext, 'signedAt' | 'authorisedAt' | 'submittedAt'>): Set<EntryCheckingMilestone> {
  const out = new Set<EntryCheckingMilestone>();
  if (context.signedAt) out.add('signed');
  if (context.authorisedAt) out.add('authorised');
  if (context.submittedAt) out.add('submitted');
  return out;
}

/**
 * When a list next needs a clock tick: the next instant one of its open milestones enters its due-soon
 * window or falls overdue, or never.
 *
 * @param context - the list's context
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof entryCheckingMachine>;
 * nextEntryListWake(actor.getSnapshot().context); // '2026-02-07T23:59:59.999+00:00'
 * ```
 */
export function nextEntryListWake(context: Pick<EntryCheckingContext, 'deadlines' | 'dueSoonDays' | 'lastEventAt' | 'signedAt' | 'authorisedAt' | 'submittedAt'>): Instant | null {
  return nextEntryCheckingWake(context.deadlines, reachedOf(context), context.lastEventAt, context.dueSoonDays);
}

/**
 * The entry-checking machine's persistence spec, for the durable runtime and {@link restoreSnapshot}.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * declare const clock: ExamClock;
 * declare const input: EntryCheckingInput;
 * const runtime = createExamcycleRuntime({ store, clock });
 * const list = await runtime.open(entryCheckingPersisted, { centreNumber: '99999', id: 'june-2026/science' }, { input });
 * ```
 */
export const entryCheckingPersisted: PersistedMachineSpec<typeof entryCheckingMachine> = {
  machine: entryCheckingMachine,
  context: entryCheckingContextSchema,
  wakeAt: ((context: EntryCheckingContext) => nextEntryListWake(context)) as (context: never, value: unknown) => Instant | null,
  tickEvent: 'clock.tick',
};
