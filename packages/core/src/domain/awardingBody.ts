/** Awarding bodies: the JCQ members and others a centre enters candidates with. */
import { z } from 'zod';

/**
 * An awarding body.
 *
 * @example
 * ```ts
 * const aqa = awardingBodySchema.parse({ id: 'AQA', name: 'AQA', ediId: '70' });
 * ```
 */
export const awardingBodySchema = z.object({
  /** Short id, e.g. `AQA`, `OCR`, `PEARSON`, `WJEC`, `CCEA`. */
  id: z.string().min(1),
  name: z.string().min(1),
  /** The two-digit JCQ EDI identifier (`70` for AQA), where known. */
  ediId: z.string().regex(/^\d{2}$/).optional(),
});
/**
 * An awarding body.
 *
 * @example
 * ```ts
 * const pearson: AwardingBody = { id: 'PEARSON', name: 'Pearson Edexcel', ediId: '10' };
 * ```
 */
export type AwardingBody = z.infer<typeof awardingBodySchema>;
