/**
 * Qualifications (specifications) with their entry (option) codes, and components. An entry is made
 * against an option code; an option is made of components, each sat as a timetabled paper or assessed
 * as NEA.
 */
import { z } from 'zod';

/** The qualification levels that decide results days and clash limits. */
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
/** A qualification level. */
export type QualificationLevel = z.infer<typeof qualificationLevelSchema>;

/** An entry option: the code a candidate is entered for (a tier, a route). */
export const entryOptionSchema = z.object({
  code: z.string().min(1).max(6),
  title: z.string(),
  tier: z.enum(['F', 'H']).optional(),
  componentCodes: z.array(z.string().min(1)),
  /** Entry fee in pence, from basedata, where given. */
  feePence: z.number().int().nonnegative().optional(),
});
/** An entry option. */
export type EntryOption = z.infer<typeof entryOptionSchema>;

/** A qualification / specification. */
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
/** A qualification. */
export type Qualification = z.infer<typeof qualificationSchema>;

/** How a component is assessed. */
export const componentKindSchema = z.enum(['written', 'practical', 'on_screen', 'nea']);

/** A component of a qualification. */
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
/** A component. */
export type Component = z.infer<typeof componentSchema>;
