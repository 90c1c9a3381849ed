/** A result for a candidate: a qualification grade or a component mark, as the awarding body issued it. */
import { z } from 'zod';
import { instantSchema } from './identifierSchemas.js';
import { qualificationLevelSchema } from './qualification.js';

/**
 * A result.
 *
 * @example
 * ```ts
 * const result = resultSchema.parse({ id: 'r-1', candidateId: 'c-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300H', level: 'GCSE', grade: '7' });
 * ```
 */
export const resultSchema = z.object({
  id: z.string().min(1),
  candidateId: z.string().min(1),
  seriesId: z.string().min(1),
  awardingBodyId: z.string().min(1),
  /** The award (option) code, or the component code for a component result. */
  awardCode: z.string().min(1),
  kind: z.enum(['qualification', 'component']).default('qualification'),
  level: qualificationLevelSchema,
  /** Up to two characters in JCQ EDI; blank for a pending / missing result. */
  grade: z.string().max(2),
  mark: z.number().optional(),
  uniformMark: z.number().optional(),
  endorsement: z.string().optional(),
  /** When it arrived from the awarding body. */
  receivedAt: instantSchema.optional(),
});
/**
 * A result.
 *
 * @example
 * ```ts
 * const result: Result = { id: 'r-1', candidateId: 'c-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300H', kind: 'qualification', level: 'GCSE', grade: '7', receivedAt: '2026-08-19T00:01:00+01:00' };
 * ```
 */
export type Result = z.infer<typeof resultSchema>;
