/**
 * The enquiry machine's persistence spec: the schema every restored enquiry context must pass (each field
 * the machine reads, with its real type: a service `"re_mark"`, an outcome change `"dpen"`, a consent that is
 * not written, a deadline of the wrong kind for the service, or an unknown key are all refused), and the
 * migration from version 1 (audit trail kept in the context). An enquiry has no time-driven behaviour (its
 * deadlines are checked against each event's own instant), so it takes no clock tick.
 */
import { z } from 'zod';
import { instantMillis } from '../audit/eventStamp.js';
import { qualificationLevelSchema } from '../domain/qualification.js';
import { staffRoleSchema } from '../domain/staff.js';
import { dropContextAudit, type PersistedMachineSpec } from '../persistence/persistedMachine.js';
import { sourceRefSchema } from '../rules/sources.js';
import { ENQUIRY_SERVICES, enquiryMachine, type EnquiryService } from './enquiryMachine.js';

/**
 * Every confidence a kept decision may carry: the five-value scale, and the two values of snapshots kept
 * before it (`confirmed`, `unconfirmed`), which are data recorded at the time and restore as they are.
 */
const CONFIDENCES = ['primary', 'primary-earlier-year', 'secondary', 'pattern', 'reading', 'confirmed', 'unconfirmed'] as const;

const instant = z.string().max(64).refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const text = z.string().min(1);
const note = z.string();
const actor = z.strictObject({ id: z.string().min(1).max(200), role: z.enum([...staffRoleSchema.options, 'candidate', 'system']).optional() });
const services = Object.keys(ENQUIRY_SERVICES) as [EnquiryService, ...EnquiryService[]];

const requestSchema = z.strictObject({
  id: text,
  candidateId: text,
  seriesId: text,
  level: qualificationLevelSchema,
  awardingBodyId: text,
  awardCode: text,
  componentCodes: z.array(z.string()),
  resultId: text.optional(),
  service: z.enum(services),
  originalGrade: z.string(),
  originalMark: z.number().finite().optional(),
});

const gradeOutcomeSchema = z.strictObject({
  kind: z.literal('grade'),
  from: z.string(),
  grade: z.string().min(1),
  change: z.enum(['up', 'down', 'unchanged']),
  mark: z.number().finite().min(0).optional(),
  at: instant,
  by: actor,
  note: note.optional(),
});

const scriptsOutcomeSchema = z.strictObject({ kind: z.literal('scripts'), at: instant, by: actor, note: note.optional() });

/**
 * The schema of the enquiry machine's persisted context (version 2: no audit trail in it).
 *
 * @example
 * ```ts
 * enquiryContextSchema.safeParse(actor.getSnapshot().context).success; // true
 * ```
 */
export const enquiryContextSchema = z
  .strictObject({
    request: requestSchema,
    resultsPublishedAt: instant.nullable(),
    deadline: z
      .strictObject({
        kind: z.enum(['post_results_priority_deadline', 'post_results_final_deadline']),
        at: instant,
        keyDateId: text,
        source: sourceRefSchema,
        confidence: z.enum(CONFIDENCES),
      })
      .nullable(),
    gradeOrder: z.array(z.string()).nullable(),
    consent: z
      .strictObject({
        written: z.literal(true),
        signedBy: text,
        signedAt: instant,
        reference: note.optional(),
        capturedAt: instant,
        capturedBy: actor,
      })
      .nullable(),
    submittedAt: instant.nullable(),
    submittedBy: actor.nullable(),
    reference: note.nullable(),
    fee: z.strictObject({ pence: z.number().int().min(0).nullable(), recordedAt: instant, refunded: z.boolean().nullable() }).nullable(),
    outcome: z.discriminatedUnion('kind', [gradeOutcomeSchema, scriptsOutcomeSchema]).nullable(),
    closedAt: instant.nullable(),
    withdrawal: z.strictObject({ at: instant, by: actor, reason: text }).nullable(),
    lastEventAt: instant,
  })
  .superRefine((c, ctx) => {
    const service = ENQUIRY_SERVICES[c.request.service];
    if (c.deadline && c.deadline.kind !== service.deadline) {
      ctx.addIssue({ code: 'custom', path: ['deadline', 'kind'], message: `${service.title} is checked against the ${service.deadline}, not the ${c.deadline.kind}` });
    }
    if (c.outcome && c.outcome.kind !== service.outcome) {
      ctx.addIssue({ code: 'custom', path: ['outcome', 'kind'], message: `${service.title} ends with ${service.outcome}, not ${c.outcome.kind}` });
    }
    if (c.consent && c.consent.signedBy !== c.request.candidateId) {
      ctx.addIssue({ code: 'custom', path: ['consent', 'signedBy'], message: 'consent is the candidate\'s own' });
    }
  });

/**
 * The enquiry machine's persistence spec (context schema and the migration from version 1).
 *
 * @example
 * ```ts
 * const actor = restoreSnapshot(enquiryMachine, JSON.parse(saved), { spec: enquiryPersisted }).start();
 * ```
 */
export const enquiryPersisted: PersistedMachineSpec<typeof enquiryMachine> = {
  machine: enquiryMachine,
  context: enquiryContextSchema,
  migrations: { 1: dropContextAudit },
};
