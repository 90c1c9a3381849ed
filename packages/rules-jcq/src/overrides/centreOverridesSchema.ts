/**
 * The centre overlay, validated with zod: a centre's internal deadlines (working-day offsets from a JCQ
 * key date), its retention periods, its fee prices in pence and its opt-in (off unless it says so) to nominated
 * staff reading results early. A centre changes these without forking the pack. The schema refuses an overlay that
 * would shorten a JCQ retention minimum.
 */
import { qualificationLevelSchema, seriesMonthSchema, type ActorRole, type KeyDateKind, type RetainedRecordKind } from '@examcycle/core';
import { z } from 'zod';
import { standingRules } from '../editions/standingRules.js';

const ANCHOR_KINDS = [
  'basedata_published',
  'entry_deadline',
  'late_fee_period_ends',
  'very_late_deadline',
  'conflicts_of_interest_declaration',
  'access_arrangements_deadline',
  'modified_papers_deadline',
  'nea_marks_deadline',
  'contingency_day',
  'restricted_release',
  'results_day',
  'release_to_candidates',
  'release_to_press',
  'post_results_priority_deadline',
  'post_results_final_deadline',
  'certificates_expected',
  'special_consideration_window',
  'very_late_arrival_report_window',
  'ncn_register_update',
  'head_of_centre_declaration',
] as const satisfies readonly Exclude<KeyDateKind, 'internal_deadline'>[];

const RECORD_KINDS = [
  'unclaimed_certificate',
  'certificate_destruction_record',
  'ats_consent',
  'enquiry_consent',
  'nea_work',
  'script_despatch_proof',
  'access_arrangements_evidence',
  'access_arrangements_approval',
  'seating_plan',
  'attendance_register',
  'incident_log',
  'special_consideration',
  'very_late_arrival_report',
  'malpractice_report',
  'conflict_of_interest',
  'invigilator_training',
  'eops_certificate',
  'other',
] as const satisfies readonly RetainedRecordKind[];

/** The JCQ minimums, in months, a centre period may not go below. */
const MONTH_MINIMUMS: Partial<Record<RetainedRecordKind, number>> = {
  unclaimed_certificate: standingRules.retention.unclaimedCertificateMonths.value,
  certificate_destruction_record: standingRules.retention.destructionRecordMonths.value,
  ats_consent: standingRules.retention.atsConsentMonths.value,
  access_arrangements_approval: standingRules.retention.accessArrangementsApprovalMonths.value,
};

const internalDeadlineSchema = z.strictObject({
  /** A slug, unique in the overlay: `entries-to-exams-office`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use a lower-case slug like entries-to-exams-office'),
  title: z.string().min(1),
  /** The JCQ key date it is counted from. */
  from: z.enum(ANCHOR_KINDS),
  /** Only the key dates of this awarding body (NEA mark deadlines). */
  awardingBodyId: z.string().min(1).optional(),
  /** Only the key dates of this level (results days). */
  level: qualificationLevelSchema.optional(),
  /** Working days from the key date: negative is before. */
  offsetWorkingDays: z.number().int().min(-250).max(250),
  /** Only these series months; all when absent. */
  series: z.array(seriesMonthSchema).min(1).optional(),
});

const retentionPeriodSchema = z.strictObject({
  keepMonths: z.number().int().min(0).max(1200),
  purgeAfterMonths: z.number().int().min(1).max(1200).optional(),
});

const ACTOR_ROLES = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate', 'system'] as const satisfies readonly ActorRole[];

const delegationSchema = z
  .strictObject({
    /** The action delegated, e.g. `cycle.task.entries.checked`. */
    action: z.string().regex(/^[a-zA-Z][\w.-]*$/, 'An action id like cycle.task.entries.checked'),
    roles: z.array(z.enum(ACTOR_ROLES)).min(1).optional(),
    staffIds: z.array(z.string().min(1)).min(1).optional(),
    grantedBy: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .refine((d) => d.roles !== undefined || d.staffIds !== undefined, { message: 'A delegation names roles, staff ids or both' });

const feePriceSchema = z.strictObject({
  band: z.enum(['standard', 'late', 'very_late']),
  pence: z.number().int().nonnegative(),
  awardingBodyId: z.string().min(1).optional(),
  entryCode: z.string().min(1).max(6).optional(),
});

/**
 * The schema of a centre overlay.
 *
 * @example
 * ```ts
 * centreOverridesSchema.parse({
 *   centre: { name: 'Northgate Academy', year: '2025/26' },
 *   internalDeadlines: [{ id: 'entries-in', title: 'Entries to the exams office', from: 'entry_deadline', offsetWorkingDays: -10 }],
 * });
 * ```
 */
export const centreOverridesSchema = z
  .strictObject({
    /** Whose overlay it is, and the policy document its values come from. */
    centre: z.strictObject({
      name: z.string().min(1),
      policyDocument: z.string().min(1).optional(),
      /** The policy's year or edition, e.g. `2025/26`. */
      year: z.string().min(1),
      url: z.url().optional(),
    }),
    internalDeadlines: z.array(internalDeadlineSchema).optional(),
    retention: z.partialRecord(z.enum(RECORD_KINDS), retentionPeriodSchema).optional(),
    fees: z.array(feePriceSchema).optional(),
    /**
     * Results confidentiality. `allowNominatedStaff: true` is an explicit opt-in to staff the head of
     * centre nominates reading results on restricted release day: JCQ and AQA forbid it, the only source
     * is SecEd, and every read it allows is decided by `centre.results.nominated-staff-opt-in` with that
     * secondary source.
     * @default { allowNominatedStaff: false }
     */
    results: z.strictObject({ allowNominatedStaff: z.boolean() }).optional(),
    /**
     * Who else may take an action at this centre (a head of department checking entries, a deputy signing
     * off). A delegation adds roles or named staff; it never removes a role the pack grants.
     */
    delegations: z.array(delegationSchema).optional(),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.internalDeadlines?.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['internalDeadlines', i, 'id'], message: `Duplicate internal deadline id "${d.id}"` });
      seen.add(d.id);
    });
    for (const [kind, period] of Object.entries(o.retention ?? {})) {
      if (period === undefined) continue;
      if (period.purgeAfterMonths !== undefined && period.purgeAfterMonths < period.keepMonths) {
        ctx.addIssue({ code: 'custom', path: ['retention', kind, 'purgeAfterMonths'], message: 'purgeAfterMonths must not be shorter than keepMonths' });
      }
      const minimum = MONTH_MINIMUMS[kind as RetainedRecordKind];
      if (minimum !== undefined && period.keepMonths < minimum) {
        ctx.addIssue({
          code: 'custom',
          path: ['retention', kind, 'keepMonths'],
          message: `${kind} must be kept at least ${String(minimum)} months under the JCQ rules; a centre may lengthen it, not shorten it`,
        });
      }
      if (minimum !== undefined && period.purgeAfterMonths !== undefined && period.purgeAfterMonths < minimum) {
        ctx.addIssue({
          code: 'custom',
          path: ['retention', kind, 'purgeAfterMonths'],
          message: `${kind} may not be destroyed before ${String(minimum)} months under the JCQ rules`,
        });
      }
    }
    const fees = new Set<string>();
    o.fees?.forEach((f, i) => {
      const key = `${f.band}|${f.awardingBodyId ?? '*'}|${f.entryCode ?? '*'}`;
      if (fees.has(key)) ctx.addIssue({ code: 'custom', path: ['fees', i], message: `Two prices for the same band, awarding body and entry code (${key})` });
      fees.add(key);
    });
  });

/**
 * A centre overlay, as written (input): what {@link withOverrides} takes.
 *
 * @example
 * ```ts
 * const overlay: CentreOverridesInput = {
 *   centre: { name: 'Northgate Academy', year: '2025/26' },
 *   internalDeadlines: [{ id: 'entries-in', title: 'Entries to the exams office', from: 'entry_deadline', offsetWorkingDays: -10 }],
 * };
 * const northgate = withOverrides(jcq, overlay);
 * ```
 */
export type CentreOverridesInput = z.input<typeof centreOverridesSchema>;
/**
 * A validated centre overlay: defaults filled in by {@link centreOverridesSchema}.
 *
 * @example
 * ```ts
 * const overlay: CentreOverrides = centreOverridesSchema.parse({ centre: { name: 'Northgate Academy', year: '2025/26' }, fees: [{ band: 'late', pence: 1500 }] });
 * overlay.fees?.[0]?.pence; // 1500
 * ```
 */
export type CentreOverrides = z.output<typeof centreOverridesSchema>;
