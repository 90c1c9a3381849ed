/**
 * Qualifications (specifications) with their entry (option) codes, and components. An entry is made
 * against an option code; an option is made of components, each sat as a timetabled paper or assessed
 * as NEA.
 */
import { z } from 'zod';

/**
 * The qualification levels that decide results days and clash limits.
 *
 * @example
 * ```ts
 * qualificationLevelSchema.parse('GCSE'); // 'GCSE'
 * ```
 */
export const qualificationLevelSchema = z.enum([
  'GCSE',
  'GCE',
  'entry_level',
  'vtq_level1_2',
  'vtq_level3',
  'functional_skills',
  'project',
  'other',
]);
/**
 * A qualification level.
 *
 * @example
 * ```ts
 * const level: QualificationLevel = 'GCE';
 * ```
 */
export type QualificationLevel = z.infer<typeof qualificationLevelSchema>;

/**
 * An entry option: the code a candidate is entered for (a tier, a route).
 *
 * @example
 * ```ts
 * const higher = entryOptionSchema.parse({ code: '8300H', title: 'Mathematics (Higher)', tier: 'H', componentCodes: ['83001H', '83002H', '83003H'] });
 * ```
 */
export const entryOptionSchema = z.object({
  code: z.string().min(1).max(6),
  title: z.string(),
  tier: z.enum(['F', 'H']).optional(),
  componentCodes: z.array(z.string().min(1)),
  /** Entry fee in pence, from basedata, where given. */
  feePence: z.number().int().nonnegative().optional(),
});
/**
 * An entry option.
 *
 * @example
 * ```ts
 * const foundation: EntryOption = { code: '8300F', title: 'Mathematics (Foundation)', tier: 'F', componentCodes: ['83001F', '83002F', '83003F'], feePence: 4915 };
 * ```
 */
export type EntryOption = z.infer<typeof entryOptionSchema>;

/**
 * A qualification / specification.
 *
 * @example
 * ```ts
 * const maths = qualificationSchema.parse({ id: 'AQA-8300', awardingBodyId: 'AQA', specificationCode: '8300', title: 'GCSE Mathematics', level: 'GCSE', entryOptions: [] });
 * ```
 */
export const qualificationSchema = z.object({
  id: z.string().min(1),
  awardingBodyId: z.string().min(1),
  specificationCode: z.string().min(1),
  title: z.string().min(1),
  level: qualificationLevelSchema,
  /** Ofqual qualification number (QAN), e.g. `601/8400/3`. */
  qan: z.string().optional(),
  entryOptions: z.array(entryOptionSchema),
});
/**
 * A qualification.
 *
 * @example
 * ```ts
 * const maths: Qualification = { id: 'AQA-8300', awardingBodyId: 'AQA', specificationCode: '8300', title: 'GCSE Mathematics', level: 'GCSE', entryOptions: [{ code: '8300H', title: 'Higher', tier: 'H', componentCodes: ['83001H'] }] };
 * ```
 */
export type Qualification = z.infer<typeof qualificationSchema>;

/**
 * How a component is assessed.
 *
 * @example
 * ```ts
 * componentKindSchema.parse('nea'); // non-exam assessment: marked in the centre, no paper
 * ```
 */
export const componentKindSchema = z.enum(['written', 'practical', 'on_screen', 'nea']);

/**
 * A component of a qualification.
 *
 * @example
 * ```ts
 * const paper1 = componentSchema.parse({ code: '83001H', awardingBodyId: 'AQA', title: 'Paper 1 (non-calculator)', kind: 'written', durationMinutes: 90 });
 * ```
 */
export const componentSchema = z.object({
  code: z.string().min(1),
  awardingBodyId: z.string().min(1),
  title: z.string(),
  kind: componentKindSchema,
  /** Time allowed in minutes (0 for a split paper section sat with another). */
  durationMinutes: z.number().int().nonnegative(),
  /** Centre-assessed (teacher marks submitted). */
  centreAssessed: z.boolean().default(false),
});
/**
 * A component.
 *
 * @example
 * ```ts
 * const nea: Component = { code: '85201', awardingBodyId: 'AQA', title: 'Practical investigation', kind: 'nea', durationMinutes: 0, centreAssessed: true };
 * ```
 */
export type Component = z.infer<typeof componentSchema>;
