/**
 * The enquiry machine's persistence spec: the schema every restored enquiry context must pass (each field
 * the machine reads, with its real type: a service `"re_mark"`, an outcome change `"dpen"`, a consent that is
 * not written, a deadline of the wrong kind for the service, or an unknown key are all refused), and the
 * migrations from version 1 (audit trail kept in the context) and version 2 (no service rule and no grants
 * in the context: they are filled in with the rules version 2 decided by, so an old request restores and
 * decides as it did). An enquiry has no time-driven behaviour (its deadlines are checked against each
 * event's own instant), so it takes no clock tick.
 */
import { z } from 'zod';
import { instantMillis } from '../audit/eventStamp.js';
import { qualificationLevelSchema } from '../domain/qualification.js';
import { staffRoleSchema } from '../domain/staff.js';
import { dropContextAudit, type PersistedMachineSpec } from '../persistence/persistedMachine.js';
import type { RoleGrants } from '../rules/authority.js';
import { sourceRefSchema } from '../rules/sources.js';
import { enquiryMachine } from './enquiryMachine.js';
import { ENQUIRY_SERVICE_IDS, enquiryServiceRuleSchema, type EnquiryService, type EnquiryServiceRule } from './enquiryServiceRule.js';

/**
 * Every confidence a kept decision may carry: the five-value scale, and the two values of snapshots kept
 * before it (`confirmed`, `unconfirmed`), which are data recorded at the time and restore as they are.
 */
const CONFIDENCES = ['primary', 'primary-earlier-year', 'secondary', 'pattern', 'reading', 'confirmed', 'unconfirmed'] as const;

const instant = z.string().max(64).refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const text = z.string().min(1);
const note = z.string();
const ROLES = [...staffRoleSchema.options, 'candidate', 'system'] as const;
const actor = z.strictObject({ id: z.string().min(1).max(200), role: z.enum(ROLES).optional() });
const services = [...ENQUIRY_SERVICE_IDS] as [EnquiryService, ...EnquiryService[]];

/** Who may send each event, as an enquiry keeps it (`grantsFor(…, ['enquiry.'])`). */
const grantsSchema = z.record(
  z.string().regex(/^enquiry\./),
  z.strictObject({ roles: z.array(z.enum(ROLES)), staffIds: z.array(z.string().min(1)).optional(), rule: z.string().min(1), title: z.string().optional() }),
);

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
 * The schema of the enquiry machine's persisted context (version 3: the service rule and the grants in it, no audit trail).
 *
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const actor: ActorRefFrom<typeof enquiryMachine>;
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
    serviceRule: enquiryServiceRuleSchema,
    grants: grantsSchema,
  })
  .superRefine((c, ctx) => {
    const service = c.serviceRule;
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

const V2_SOURCE = { document: 'examcycle enquiry machine, version 2 (the rules built into it)', year: '2025/26' };

/**
 * The service rules version 2 decided by (they were built into the machine then). Frozen: a version 2
 * snapshot is restored with the rules it was kept under; new requests take theirs from the rules pack.
 */
const V2_SERVICES: Readonly<Record<EnquiryService, Omit<EnquiryServiceRule, 'source' | 'confidence' | 'rule'>>> = {
  clerical_recheck: { title: 'Clerical re-check (service 1)', code: '1', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'grade', consentRule: 'jcq.gr.5.13' },
  review_of_marking: { title: 'Review of marking (service 2)', code: '2', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'grade', consentRule: 'jcq.gr.5.13' },
  priority_review_of_marking: { title: 'Priority review of marking (service 2P)', code: '2P', consentRequired: true, deadline: 'post_results_priority_deadline', outcome: 'grade', consentRule: 'jcq.gr.5.13' },
  review_of_moderation: { title: 'Review of moderation (service 3)', code: '3', consentRequired: false, deadline: 'post_results_final_deadline', outcome: 'grade' },
  access_to_scripts_priority: { title: 'Priority copy of a script (to support a review of marking)', code: 'ATS', consentRequired: true, deadline: 'post_results_priority_deadline', outcome: 'scripts', consentRule: 'jcq.gr.5.13' },
  access_to_scripts: { title: 'Access to scripts (non-priority)', code: 'ATS', consentRequired: true, deadline: 'post_results_final_deadline', outcome: 'scripts', consentRule: 'jcq.gr.5.13' },
};

/** Who version 2 let send each event: anyone, except the request itself, which only the exams office or the head of centre sent. */
const V2_GRANTS: RoleGrants = Object.fromEntries(
  ['enquiry.close', 'enquiry.consent.capture', 'enquiry.outcome', 'enquiry.scriptsReceived', 'enquiry.submit', 'enquiry.withdraw'].map((action) => [
    action,
    action === 'enquiry.submit'
      ? { roles: ['exams_officer', 'exams_office_staff', 'head_of_centre', 'system'], rule: 'examcycle.results.requests-through-centre', title: 'Post-results requests are made only through the centre' }
      : { roles: [...ROLES], rule: 'examcycle.enquiry.v2' },
  ]),
);

/** Migration from version 2: the request's service rule and the grants, as version 2 decided them. */
function fromVersion2(snapshot: Record<string, unknown>): Record<string, unknown> {
  const context = snapshot['context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return snapshot;
  const c = context as Record<string, unknown>;
  const service = (c['request'] as { service?: unknown } | undefined)?.service;
  const v2 = typeof service === 'string' && Object.hasOwn(V2_SERVICES, service) ? V2_SERVICES[service as EnquiryService] : undefined;
  if (!v2) return snapshot;
  const serviceRule: EnquiryServiceRule = { ...v2, rule: `examcycle.enquiry.v2.${service as string}`, source: V2_SOURCE, confidence: 'reading', note: 'The rule a version 2 request was kept under; the rules pack was not consulted then.' };
  return { ...snapshot, context: { ...c, serviceRule, grants: V2_GRANTS } };
}

/**
 * The enquiry machine's persistence spec (context schema and the migrations from versions 1 and 2).
 *
 * @example
 * ```ts
 * const saved = readFileSync('ear-1.json', 'utf8');
 * const actor = restoreSnapshot(enquiryMachine, JSON.parse(saved), { spec: enquiryPersisted }).start();
 * ```
 */
export const enquiryPersisted: PersistedMachineSpec<typeof enquiryMachine> = {
  machine: enquiryMachine,
  context: enquiryContextSchema,
  migrations: { 1: dropContextAudit, 2: fromVersion2 },
};
